"""The changelog of a release against the previous one: reports added, removed and
changed (with each changed cell), and schema changes. Written as CHANGELOG.md for people
and changes.csv for programs, so a user can tell whether to download again.

Published reports are matched by content first (the same bytes are the same report; a
new name for them is a rename, not a report added and one removed), then by source file
name (a re-issued file gets a new sha256, and so a new report id, but is the same report
for its readers). Their data is compared by the digest of their published cells, so only
changed reports' cells are ever read. Files that add no published report (a byte-identical
copy, a file that is not a report) are listed apart, never as reports added.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.parts import read_descriptor, read_parquet
from pipelines.release.counts import Counts, aliases, count
from pipelines.stage import guard_text, printed_number

CHANGE_FIELDS = ["change", "file_name", "file_name_old", "report_id_old", "report_id_new",
                 "cell_id", "value_old", "value_new", "state_old", "state_new", "note"]
# What each change means, for CHANGELOG.md, the data dictionary and README.
CHANGE_KINDS: dict[str, tuple[str, str]] = {
    "report_added": ("新增的已发布报告", "a published report that was not published before"),
    "report_removed": ("不再发布的报告", "a report published before and not any more"),
    "report_changed": ("数据有变化的报告", "a published report whose published cells changed"),
    "report_renamed": ("文件名改变的报告", "the same content published under another file name"),
    "cell_changed": ("变化的单元格", "one cell of a changed report: old and new value and state"),
    "file_added": ("新增的其他文件", "a new file that adds no published report: a duplicate "
                   "of a report's bytes, or a file not published (the note says which)"),
    "file_removed": ("移除的其他文件", "a file gone that removes no published report"),
}


HEADINGS = {"report_added": "新增报告 / Reports added",
            "report_removed": "不再发布的报告 / Reports removed",
            "file_added": "新增的其他文件 / Other files added",
            "file_removed": "移除的其他文件 / Other files removed"}


@dataclass
class Changes:
    """The changes between two releases, with the new release's counts."""

    previous: str | None
    counts: Counts | None = None
    added: list[str] = field(default_factory=list)  # published reports, by file name
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old name, new name)
    files_added: list[str] = field(default_factory=list)  # files adding no published report
    files_removed: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # one per report change and cell change
    schema: list[str] = field(default_factory=list)

    @property
    def cells_changed(self) -> int:
        return sum(r["change"] == "cell_changed" for r in self.rows)

    @property
    def anything(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.renamed
                    or self.files_added or self.files_removed or self.schema)


def _read(release: Path) -> pd.DataFrame:
    columns = ["file_name", "report_id", "cells_sha256", "also_found_as", "published",
               "reason", "status"]
    return read_parquet(release / "data", "reports", columns=columns).to_pandas()


def _published(reports: pd.DataFrame) -> pd.DataFrame:
    """(report_id, file_name, cells_sha256, names) of the published reports; `names` are
    all its files' names, the first its own."""
    frame = reports[reports["published"].astype(bool)]
    names = [[n, *aliases(a)] for n, a in zip(frame["file_name"], frame["also_found_as"],
                                               strict=True)]
    out = frame[["report_id", "file_name", "cells_sha256"]].fillna("").astype(str)
    return out.assign(names=names)


def _files(reports: pd.DataFrame) -> dict[str, str]:
    """file name -> a note on what it is, for every file (duplicates included)."""
    out = {}
    for r in reports.itertuples():
        published = bool(r.published)
        out[r.file_name] = "published" if published else f"not published: {r.reason or ''}"
        for name in aliases(r.also_found_as):
            out[name] = f"duplicate of {r.file_name}"
    return out


def _cells(release: Path, report_ids: set[str]) -> pd.DataFrame:
    """The cells of a few reports only: a release's cells table may not fit in memory."""
    table = read_parquet(release / "data", "cells",
                         columns=["report_id", "cell_id", "value", "state"],
                         filters=[("report_id", "in", sorted(report_ids))] if report_ids
                         else [("report_id", "==", "")])
    columns = {c: table.column(c).to_pylist() for c in table.column_names}
    # As the CSV prints them: a change is a change of what is published.
    columns["value"] = [printed_number(v) for v in columns["value"]]
    return pd.DataFrame(columns, columns=table.column_names, dtype=object).fillna("")


def _fields(release: Path) -> dict[str, dict[str, str]]:
    descriptor = read_descriptor(release)
    return {r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]}
            for r in descriptor["resources"]}


def _schema_changes(old: Path, new: Path) -> list[str]:
    before, after = _fields(old), _fields(new)
    out = [f"resource {n} added" for n in after if n not in before]
    out += [f"resource {n} removed" for n in before if n not in after]
    for name in set(before) & set(after):
        b, a = before[name], after[name]
        out += [f"{name}.{f} added ({a[f]})" for f in a if f not in b]
        out += [f"{name}.{f} removed" for f in b if f not in a]
        out += [f"{name}.{f} type {b[f]} -> {a[f]}" for f in a if f in b and a[f] != b[f]]
    return sorted(out)


def _row(change: str, name: str, old_id: str = "", new_id: str = "", **more: str) -> dict:
    return {"change": change, "file_name": name, "report_id_old": old_id,
            "report_id_new": new_id, **more}


def _match(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame,
                                                        pd.DataFrame, pd.DataFrame]:
    """Pair the published reports of two releases: first by content (report id: the same
    bytes are the same report, whatever their name), then the rest by file name (a
    re-issued file is the same report with new bytes). Returns the pairs by id, the pairs
    by name, the new reports left (added) and the old left (removed)."""
    by_id = old.merge(new, on="report_id", suffixes=("_old", "_new"))
    by_id = by_id.assign(report_id_old=by_id["report_id"], report_id_new=by_id["report_id"])
    rest_old = old[~old["report_id"].isin(by_id["report_id"])]
    rest_new = new[~new["report_id"].isin(by_id["report_id"])]
    # By any name the old report had (a copy's name too), its own name first.
    named = rest_old.explode("names").drop(columns="file_name").rename(
        columns={"names": "file_name"}).astype({"file_name": object})
    by_name = named.merge(rest_new.drop(columns="names"), on="file_name",
                          suffixes=("_old", "_new"))
    by_name = by_name.drop_duplicates("report_id_old").drop_duplicates("report_id_new")
    by_name = by_name.assign(file_name_old=by_name["file_name"],
                             file_name_new=by_name["file_name"])
    added = rest_new[~rest_new["report_id"].isin(by_name["report_id_new"])]
    removed = rest_old[~rest_old["report_id"].isin(by_name["report_id_old"])]
    return by_id, by_name, added, removed


def _cell_rows(old: Path, new: Path, pairs: pd.DataFrame) -> list[dict]:
    """One row per cell whose printed value or state differs between paired reports."""
    if pairs.empty:
        return []
    keys = pairs[["file_name_new", "report_id_old", "report_id_new"]]
    columns = ["file_name_new", "cell_id", "value", "state"]
    before = keys.merge(_cells(old, set(keys["report_id_old"])).rename(
        columns={"report_id": "report_id_old"}), on="report_id_old")[columns]
    after = keys.merge(_cells(new, set(keys["report_id_new"])).rename(
        columns={"report_id": "report_id_new"}), on="report_id_new")[columns]
    cells = before.merge(after, on=["file_name_new", "cell_id"], how="outer",
                         suffixes=("_old", "_new")).fillna("")
    cells = cells.merge(keys, on="file_name_new")
    diff = cells[(cells["value_old"] != cells["value_new"])
                 | (cells["state_old"] != cells["state_new"])]
    diff = diff.sort_values(["file_name_new", "cell_id"])
    return [_row("cell_changed", r.file_name_new, r.report_id_old, r.report_id_new,
                 cell_id=r.cell_id, value_old=r.value_old, value_new=r.value_new,
                 state_old=r.state_old, state_new=r.state_new) for r in diff.itertuples()]


def compare(old: Path | None, new: Path, previous: str | None) -> Changes:
    """What changed from release `old` (None: the first release) to `new`.

    Published reports are compared by their cells' digest (reports.cells_sha256); only
    the cells of reports that changed are read, so a large release is compared without
    loading it. Files that add or remove no published report (duplicates, files not
    published) are listed apart: they are not reports added.
    """
    new_reports = _read(new)
    old_reports = _read(old) if old is not None else new_reports.iloc[:0]
    by_id, by_name, added, removed = _match(_published(old_reports), _published(new_reports))
    changes = Changes(previous, count(new_reports))
    renamed = by_id[by_id["file_name_old"] != by_id["file_name_new"]]
    changes.renamed = sorted(zip(renamed["file_name_old"], renamed["file_name_new"],
                                 strict=True))
    moved = pd.concat([by_id[by_id["cells_sha256_old"] != by_id["cells_sha256_new"]],
                       by_name[(by_name["cells_sha256_old"] != by_name["cells_sha256_new"])
                               | (by_name["report_id_old"] != by_name["report_id_new"])]])
    changes.changed = sorted(moved["file_name_new"])
    changes.added, changes.removed = sorted(added["file_name"]), sorted(removed["file_name"])
    old_files, new_files = _files(old_reports), _files(new_reports)
    reported = (set(changes.added) | set(changes.removed) | set(changes.changed)
                | {n for pair in changes.renamed for n in pair})
    changes.files_added = sorted(set(new_files) - set(old_files) - reported)
    changes.files_removed = sorted(set(old_files) - set(new_files) - reported)
    new_id = dict(zip(new_reports["file_name"], new_reports["report_id"], strict=True))
    old_id = dict(zip(old_reports["file_name"], old_reports["report_id"], strict=True))
    changes.rows = (
        [_row("report_added", n, "", new_id[n]) for n in changes.added]
        + [_row("report_removed", n, old_id[n], "", note=new_files.get(n, ""))
           for n in changes.removed]
        + [_row("report_changed", r.file_name_new, r.report_id_old, r.report_id_new)
           for r in moved.sort_values("file_name_new").itertuples()]
        + [_row("report_renamed", n, new_id[n], new_id[n], file_name_old=o)
           for o, n in changes.renamed]
        + [_row("file_added", n, note=new_files[n]) for n in changes.files_added]
        + [_row("file_removed", n, note=old_files[n]) for n in changes.files_removed]
        + (_cell_rows(old, new, moved) if old is not None else []))
    changes.schema = _schema_changes(old, new) if old is not None else []
    return changes


def summary(changes: Changes) -> str:
    """One line in English and one in Chinese; the counts are the release's own."""
    counts = changes.counts
    totals = f"{counts.en()}. / {counts.zh()}。" if counts else ""
    if changes.previous is None:
        return f"First release: {totals}"
    if not changes.anything:
        return (f"Nothing changed since {changes.previous}: no need to download again. / "
                f"与 {changes.previous} 相比数据无变化，无需重新下载。 {totals}")
    schema = f"{len(changes.schema)} schema changes" if changes.schema else "schema unchanged"
    return (f"Since {changes.previous}: {len(changes.added)} reports added, "
            f"{len(changes.removed)} removed, {len(changes.changed)} changed "
            f"({changes.cells_changed} cells changed), {len(changes.renamed)} renamed; "
            f"{len(changes.files_added)} other files added, {len(changes.files_removed)} "
            f"removed; {schema}. / 自 {changes.previous} 以来：新增报告 {len(changes.added)} 份，"
            f"移除 {len(changes.removed)} 份，数据变化 {len(changes.changed)} 份"
            f"（{changes.cells_changed} 个单元格），改名 {len(changes.renamed)} 份；"
            f"其他文件新增 {len(changes.files_added)} 个，移除 {len(changes.files_removed)} 个。"
            f" {totals}")


def _markdown(changes: Changes, version: str) -> str:
    lines = [f"# Changelog of {version}", "", summary(changes), ""]
    notes = {r["file_name"]: r.get("note", "") for r in changes.rows}
    for kind, names in (("report_added", changes.added), ("report_removed", changes.removed),
                        ("file_added", changes.files_added),
                        ("file_removed", changes.files_removed)):
        if names:
            lines += [f"## {HEADINGS[kind]} (`{kind}`)", ""]
            lines += [f"- `{n}`" + (f": {notes[n]}" if notes.get(n) else "") for n in names]
            lines.append("")
    if changes.renamed:
        lines += ["## 改名 / Renamed (`report_renamed`)", ""]
        lines += [f"- `{old}` -> `{new}`" for old, new in changes.renamed]
        lines.append("")
    if changes.changed:
        lines += ["## 数据有变化的报告 / Reports changed (`report_changed`)", ""]
        for name in changes.changed:
            cells = [r for r in changes.rows
                     if r["change"] == "cell_changed" and r["file_name"] == name]
            lines.append(f"- `{name}`: {len(cells)} cells changed")
            lines += [f"  - `{r['cell_id']}`: {r['value_old'] or r['state_old']} -> "
                      f"{r['value_new'] or r['state_new']}" for r in cells]
        lines.append("")
    if changes.schema:
        lines += ["## Schema changes", "", *[f"- {s}" for s in changes.schema], ""]
    lines += ["Every change is also listed in `changes.csv` (its columns and change kinds "
              "are in `data-dictionary.md`).", ""]
    return "\n".join(lines)


def write(changes: Changes, release: Path, version: str) -> None:
    (release / "CHANGELOG.md").write_text(_markdown(changes, version), encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CHANGE_FIELDS, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows({k: guard_text(v) for k, v in row.items()} for row in changes.rows)
    (release / "changes.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
