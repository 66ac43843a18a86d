"""The full validation of a published release, every row, run apart from the build.

Belongs here: the pass over every row that a user's `frictionless validate
datapackage.json` makes, made affordable for large releases. The build itself checks every
row with the project's own checks (the pandera gate, the staged-file checks, CSV against
Parquet value by value) and runs stock frictionless on a sample of rows
(`Settings.validation_rows`); this pass runs after it, as its own Dagster job.

What makes it affordable:
- a release is published in parts by report year (`pipelines/parts.py`), and only parts
  whose bytes were not validated before are: a part that an earlier validation beside the
  releases passed with the same files (paths and sha256) is carried over, and the report
  says which release's validation checked it and when. A daily build that adds reports to
  one year re-validates that year;
- each part is validated in its own process, as many at a time as there are workers;
- stock frictionless checks every row's types and constraints with the schema's primary
  and foreign keys left out, because frictionless keeps every key in a Python dict (6.6 GiB
  for the 19.5 M cell rows of 100,000 reports);
- the keys are checked by streaming instead: each part is in primary-key order, so each
  key must be greater than the one before it (which proves it unique), every `report_id`
  must be one of the part's `reports`, and a report is in one part only. Memory: one
  batch and a part's report ids.
- the descriptor and a sample of rows go through stock frictionless as a whole package
  (as in the build), so the package-level checks are stock ones too.

Beyond what frictionless checks, every file is verified (`release/verify.py`, the checks
the build runs before publishing): each one the descriptor declares (CSV, Parquet, the
documents) against its declared size and sha256, each table's Parquet copy read whole and
compared with its CSV value by value, and the zip's members against the release's files.
A changed, missing or unreadable file fails the validation with a problem naming it.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.parallel import ordered_map
from pipelines.parts import PARTS_PROPERTY, read_descriptor
from pipelines.release.verify import (
    content_problems,
    csv_batches,
    declared_parts,
    file_problems,
    frictionless_problems,
    missing_resources,
    read_types,
    zip_problems,
)

SAMPLE_ROWS = 1000  # rows a table the whole-package stock pass reads
BATCH_BYTES = 1 << 22  # CSV read for the key checks a block at a time
FILES = "files"  # the task that checks the documents, the zips and keys across parts
FOLDER = "validation"  # beside the releases: <dataset>/validation/<version>.json


@dataclass
class PartResult:
    """One part (a report year) of every table: checked in this run, or carried over."""

    name: str  # the part ("2020", "unknown"), or FILES
    rows: int
    seconds: float
    files: dict[str, str] = field(default_factory=dict)  # path -> sha256, as checked
    stats: dict[str, list[int]] = field(default_factory=dict)  # path -> device, inode,
    # size, mtime (ns) when checked: a file with the same is the same bytes unread
    checked: str = ""  # the release whose validation checked these bytes
    checked_at: str = ""  # when (UTC)
    problems: list[str] = field(default_factory=list)


@dataclass
class Validation:
    """The outcome, written as JSON beside the releases (`validation/<version>.json`)."""

    release: str
    valid: bool
    seconds: float
    parts: list[PartResult]
    problems: list[str]
    files: PartResult | None = None  # the documents and the zips (rows: files checked)

    def as_json(self) -> dict:
        return asdict(self)


def validate_full(release: Path, workers: int = 1) -> Validation:
    """Validate every file of a release, and every row of every part whose bytes were not
    validated before: a part is carried over (with the release and time it was checked)
    when an earlier validation beside the releases passed the same files, by path and
    sha256. A file whose device, inode, size and modification time are those recorded is
    not read again; any other is hashed."""
    start = time.perf_counter()
    release = Path(release)
    problems = frictionless_problems(release, SAMPLE_ROWS)
    try:
        descriptor = read_descriptor(release)
        entries = descriptor["resources"]
        parts = [p["part"] for p in descriptor[PARTS_PROPERTY]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        problems.append(f"datapackage.json cannot be read: {error}")
        return Validation(str(release), False, round(time.perf_counter() - start, 2), [],
                          problems)
    problems += missing_resources(entries)
    earlier = _earlier_results(release.parent, release.name)
    carried = {part: found for part in parts
               if (found := _carried(release, _part_files(entries, part), earlier))}
    todo = [[part] for part in parts if part not in carried] + [[FILES]]
    checked = {r.name: r for r in ordered_map(partial(_task, release), todo, workers)}
    results = [carried.get(part) or checked[part] for part in parts]
    files = checked[FILES]
    problems += [p for r in [*results, files] for p in r.problems]
    return Validation(str(release), not problems, round(time.perf_counter() - start, 2),
                      results, problems, files)


def write_validation(validation: Validation, dataset_dir: Path) -> Path:
    """Write the outcome to `<dataset>/validation/<version>.json` (a release itself is
    immutable, so its validation lives beside it)."""
    folder = Path(dataset_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(validation.release).name}.json"
    path.write_text(json.dumps(validation.as_json(), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path



def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _part_files(entries: list[dict], part: str) -> dict[str, dict]:
    """A part's declared files, every table's CSV and Parquet, by path."""
    return {f["path"]: f for entry in entries for p in declared_parts(entry)
            if p.get("part") == part for f in (p.get("csv"), p.get("parquet"))
            if isinstance(f, dict) and "path" in f}


def _earlier_results(dataset_dir: Path, version: str) -> list[dict]:
    """The passed parts of every other release's validation."""
    out = []
    for path in sorted((dataset_dir / FOLDER).glob("*.json")):
        if path.stem == version:
            continue
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            out += [p for p in found.get("parts", []) if not p.get("problems") and p.get("files")]
        except (OSError, ValueError, AttributeError):
            continue  # an unreadable earlier report carries nothing over
    return out


def _carried(release: Path, declared: dict[str, dict], earlier: list[dict]
             ) -> PartResult | None:
    """The earlier result that checked exactly these files (paths and declared hashes),
    when the files still have those bytes; None otherwise."""
    wanted = {path: f.get("hash") for path, f in declared.items()}
    for result in earlier:
        if result["files"] != wanted:
            continue
        stats = {}
        for path in wanted:
            stats[path] = _stat(release / path)
            if stats[path] != result.get("stats", {}).get(path) and file_problems(
                    release, declared[path]):
                return None
        return PartResult(result["name"], result["rows"], 0.0, wanted, stats,
                          result["checked"], result["checked_at"])
    return None


def _stat(path: Path) -> list[int] | None:
    try:
        s = path.stat()
    except OSError:
        return None
    return [s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns]


def _task(release: Path, names: list[str]) -> PartResult:
    (name,) = names
    start = time.perf_counter()
    result = _files(release) if name == FILES else _part(release, name)
    result.seconds = round(time.perf_counter() - start, 2)
    result.checked, result.checked_at = release.name, _now()
    return result


def _files(release: Path) -> PartResult:
    """The documents and part zips against their declared size and hash, the whole zip,
    and report ids unique across parts; `rows` counts the files checked."""
    descriptor = read_descriptor(release)
    documents = [f for f in descriptor.get("files", []) if isinstance(f, dict)]
    problems = [p for f in documents for p in file_problems(release, f)]
    problems += zip_problems(release, descriptor)
    problems += _ids_across_parts(release, descriptor)
    return PartResult(FILES, len(documents) + 1, 0.0, problems=problems)


def _ids_across_parts(release: Path, descriptor: dict) -> list[str]:
    """A report is in one part only (each part's own keys are checked in its task)."""
    entry = next((e for e in descriptor["resources"] if e.get("name") == "reports"), None)
    if entry is None:
        return []
    paths = [release / p["csv"]["path"] for p in declared_parts(entry)]
    try:
        ids = pa.concat_arrays([b.column("report_id") for path in paths if path.is_file()
                                for b in csv_batches(path, read_types("reports"))])
    except (pa.ArrowException, OSError, ValueError) as error:
        return [f"reports: report ids not read: {error}"]
    repeated = pc.value_counts(ids).filter(
        pc.greater(pc.struct_field(pc.value_counts(ids), "counts"), 1))
    return [f"reports: report {v['values']} is in more than one part"
            for v in repeated.to_pylist()[:5]]


def _part(release: Path, part: str) -> PartResult:
    """One part of every table: its files against their declared size and hash, stock
    frictionless without keys, the streamed key checks (report ids: this part's reports),
    then each Parquet file against its CSV."""
    entries = read_descriptor(release)["resources"]
    declared = _part_files(entries, part)
    problems = [p for f in declared.values() for p in file_problems(release, f)]
    rows = 0
    report_ids = _report_ids(release, entries, part)
    for entry in entries:
        found = next((p for p in declared_parts(entry) if p.get("part") == part), None)
        if found is None:
            problems.append(f"{entry.get('name')}: part {part} is not declared")
            continue
        csv_path, parquet_path = (release / found[f]["path"] for f in ("csv", "parquet"))
        if not csv_path.is_file():
            continue
        counted, stock = _stock_problems(release, entry, found["csv"]["path"])
        rows += counted
        problems += stock
        try:
            problems += _key_problems(entry, csv_path, report_ids)
        except (pa.ArrowInvalid, OSError) as error:  # a value frictionless has reported
            problems.append(f"{entry['name']}: {csv_path.name}: keys not checked: {error}")
        if parquet_path.is_file():
            problems += content_problems(csv_path, parquet_path, entry["name"])
    hashes = {path: f.get("hash", "") for path, f in declared.items()}
    stats = {path: _stat(release / path) for path in declared}
    return PartResult(part, rows, 0.0, hashes, stats, problems=problems)


def _report_ids(release: Path, entries: list[dict], part: str) -> pa.Array:
    entry = next((e for e in entries if e.get("name") == "reports"), {})
    found = next((p for p in declared_parts(entry) if p.get("part") == part), None)
    path = release / found["csv"]["path"] if found else None
    if path is None or not path.is_file():
        return pa.array([], pa.string())
    try:
        batches = list(csv_batches(path, read_types("reports"), BATCH_BYTES))
    except (pa.ArrowException, OSError):
        return pa.array([], pa.string())
    return pa.concat_arrays([b.column("report_id") for b in batches]
                            or [pa.array([], pa.string())]).unique()


def _stock_problems(release: Path, entry: dict, path: str) -> tuple[int, list[str]]:
    """Stock frictionless on every row of one part of a resource, keys left out (see
    above)."""
    name = entry["name"]
    schema = {k: v for k, v in entry["schema"].items() if k not in ("primaryKey", "foreignKeys")}
    resource = frictionless.Resource({**_plain(entry), "path": path, "schema": schema},
                                     basepath=str(release))
    report = resource.validate()
    problems = [f"{name}: {Path(path).name}: row {getattr(e, 'row_number', '-')}: {e.type}: "
                f"{e.note}" for task in report.tasks for e in task.errors][:20]
    rows = report.tasks[0].stats.get("rows", 0) if report.tasks else 0
    return rows or 0, problems


def _plain(entry: dict) -> dict:
    """A resource's descriptor without the project's own (namespaced) properties."""
    return {k: v for k, v in entry.items() if ":" not in k}


def _key_problems(entry: dict, path: Path, report_ids: pa.Array) -> list[str]:
    """Primary key strictly increasing through the part; every report id one of the
    part's reports."""
    name = entry["name"]
    primary = entry["schema"].get("primaryKey", [])
    refers = bool(entry["schema"].get("foreignKeys"))
    previous: tuple | None = None
    row = 0
    for batch in csv_batches(path, read_types(name), BATCH_BYTES):
        if refers:
            missing = _first_missing(batch, "report_id", report_ids)
            if missing is not None:
                return [f"{name}: {path.name}: row {row + missing + 2}: report_id not found "
                        "in the table it refers to (this part of reports)"]
        if primary and batch.num_rows:
            keys = pd.MultiIndex.from_frame(batch.select(primary).to_pandas())
            if not (keys.is_monotonic_increasing and keys.is_unique) or (
                    previous is not None and previous >= keys[0]):
                return [f"{name}: {path.name}: primary key {primary} is not strictly "
                        f"increasing near row {row + 2}: a key repeats or the rows are out "
                        "of order"]
            previous = keys[-1]
        row += batch.num_rows
    return []


def _first_missing(batch: pa.RecordBatch, column: str, allowed: pa.Array) -> int | None:
    values = batch.column(column)
    found = pc.or_(pc.is_in(values, value_set=allowed), pc.is_null(values))
    if pc.all(found).as_py():
        return None
    return pc.index(found, False).as_py()
