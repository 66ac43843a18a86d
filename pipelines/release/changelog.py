"""The changelog of a release against the previous one: reports added, removed and
changed (with each changed cell), and schema changes. Written as CHANGELOG.md for people
and changes.csv for programs, so a user can tell whether to download again.

Reports are matched by source file name: a changed file gets a new sha256 (and so a new
report id) but is the same report for its readers. Their data is compared by the digest
of their published cells, so only changed reports' cells are ever read.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.parts import files_of, read_parquet
from pipelines.stage import printed_number

CHANGE_FIELDS = ["change", "file_name", "report_id_old", "report_id_new", "cell_id",
                 "value_old", "value_new", "state_old", "state_new"]


@dataclass
class Changes:
    previous: str | None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # one per report change and cell change
    schema: list[str] = field(default_factory=list)

    @property
    def cells_changed(self) -> int:
        return sum(r["change"] == "cell_changed" for r in self.rows)

    @property
    def anything(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.schema)


def _read(release: Path, name: str) -> pd.DataFrame:
    # As text: a change is a change of what is published, whatever its type.
    frames = [pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
              for path in files_of(release / "data", name, "csv")]
    return pd.concat(frames, ignore_index=True)


def _names(release: Path) -> pd.DataFrame:
    """(file_name, report_id, cells_sha256) for every input file, duplicates
    (also_found_as) included."""
    reports = _read(release, "reports")[["file_name", "report_id", "cells_sha256",
                                         "also_found_as"]]
    aliases = reports.assign(
        file_name=reports["also_found_as"].str.split(" | ", regex=False)).explode("file_name")
    aliases = aliases[aliases["file_name"].fillna("") != ""]
    columns = ["file_name", "report_id", "cells_sha256"]
    return pd.concat([reports[columns], aliases[columns]], ignore_index=True)


def _cells(release: Path, report_ids: set[str], names: pd.DataFrame) -> pd.DataFrame:
    """The cells of a few reports only: a release's cells table may not fit in memory."""
    table = read_parquet(release / "data", "cells",
                         columns=["report_id", "cell_id", "value", "state"],
                         filters=[("report_id", "in", sorted(report_ids))] if report_ids
                         else [("report_id", "==", "")])
    columns = {c: table.column(c).to_pylist() for c in table.column_names}
    # As the CSV prints them: a change is a change of what is published.
    columns["value"] = [printed_number(v) for v in columns["value"]]
    cells = pd.DataFrame(columns, columns=table.column_names, dtype=object).fillna("")
    return cells.merge(names[["file_name", "report_id"]].astype(object), on="report_id")




def _fields(release: Path) -> dict[str, dict[str, str]]:
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
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


def _report_row(change: str, name: str, old: dict, new: dict) -> dict:
    return {"change": change, "file_name": name, "report_id_old": old.get(name, ""),
            "report_id_new": new.get(name, "")}


def compare(old: Path | None, new: Path, previous: str | None) -> Changes:
    """What changed from release `old` (None: the first release) to `new`.

    Reports are compared by their cells' digest (reports.cells_sha256); only the cells of
    reports that changed are read, so a large release is compared without loading it.
    """
    new_names = _names(new)
    new_ids = dict(new_names[["file_name", "report_id"]].values)
    changes = Changes(previous)
    if old is None:
        changes.added = sorted(new_ids)
        changes.rows = [_report_row("report_added", n, {}, new_ids) for n in changes.added]
        return changes
    old_names = _names(old)
    old_ids = dict(old_names[["file_name", "report_id"]].values)
    changes.added = sorted(set(new_ids) - set(old_ids))
    changes.removed = sorted(set(old_ids) - set(new_ids))
    digests = old_names.merge(new_names, on="file_name", suffixes=("_old", "_new"))
    moved = digests[(digests["report_id_old"] != digests["report_id_new"])
                    | (digests["cells_sha256_old"].fillna("") !=
                       digests["cells_sha256_new"].fillna(""))]
    changes.changed = sorted(set(moved["file_name"]))
    # A report id can stand for several names (identical files): keep the changed names.
    before, after = (cells[cells["file_name"].isin(changes.changed)] for cells in (
        _cells(old, set(moved["report_id_old"]), old_names),
        _cells(new, set(moved["report_id_new"]), new_names)))
    cells = before.merge(after, on=["file_name", "cell_id"], how="outer",
                         suffixes=("_old", "_new")).fillna("")
    diff = cells[(cells["value_old"] != cells["value_new"])
                 | (cells["state_old"] != cells["state_new"])]
    changes.rows = (
        [_report_row("report_added", n, old_ids, new_ids) for n in changes.added]
        + [_report_row("report_removed", n, old_ids, new_ids) for n in changes.removed]
        + [_report_row("report_changed", n, old_ids, new_ids) for n in changes.changed]
        + [{"change": "cell_changed", "file_name": r.file_name,
            "report_id_old": old_ids[r.file_name], "report_id_new": new_ids[r.file_name],
            "cell_id": r.cell_id, "value_old": r.value_old, "value_new": r.value_new,
            "state_old": r.state_old, "state_new": r.state_new}
           for r in diff.sort_values(["file_name", "cell_id"]).itertuples()])
    changes.schema = _schema_changes(old, new)
    return changes


def summary(changes: Changes) -> str:
    if changes.previous is None:
        return f"First release: {len(changes.added)} reports."
    if not changes.anything:
        return (f"Nothing changed since {changes.previous}: no need to download again. / "
                f"与 {changes.previous} 相比数据无变化，无需重新下载。")
    schema = f"{len(changes.schema)} schema changes" if changes.schema else "schema unchanged"
    return (f"Since {changes.previous}: {len(changes.added)} reports added, "
            f"{len(changes.removed)} removed, {len(changes.changed)} changed "
            f"({changes.cells_changed} cells changed); {schema}.")


def _markdown(changes: Changes, version: str) -> str:
    lines = [f"# Changelog of {version}", "", summary(changes), ""]
    for title, names in (("Reports added", changes.added), ("Reports removed", changes.removed)):
        if names and changes.previous is not None:
            lines += [f"## {title}", "", *[f"- `{n}`" for n in names], ""]
    if changes.changed:
        lines += ["## Reports changed", ""]
        for name in changes.changed:
            cells = [r for r in changes.rows
                     if r["change"] == "cell_changed" and r["file_name"] == name]
            lines.append(f"- `{name}`: {len(cells)} cells changed")
            lines += [f"  - `{r['cell_id']}`: {r['value_old'] or r['state_old']} -> "
                      f"{r['value_new'] or r['state_new']}" for r in cells]
        lines.append("")
    if changes.schema:
        lines += ["## Schema changes", "", *[f"- {s}" for s in changes.schema], ""]
    lines += ["Every change is also listed in `changes.csv`.", ""]
    return "\n".join(lines)


def write(changes: Changes, release: Path, version: str) -> None:
    (release / "CHANGELOG.md").write_text(_markdown(changes, version), encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CHANGE_FIELDS, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(changes.rows)
    (release / "changes.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
