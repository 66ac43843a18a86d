"""The full validation of a published release, every row, run apart from the build.

Belongs here: the pass over every row that a user's `frictionless validate
datapackage.json` makes, made affordable for large releases. The build itself checks every
row with the project's own checks (the pandera gate, the staged-file checks, CSV against
Parquet value by value) and runs stock frictionless on a sample of rows
(`Settings.validation_rows`); this pass runs after it, as its own Dagster job.

What makes it affordable:
- each resource is validated in its own process, as many at a time as there are workers;
- stock frictionless checks every row's types and constraints with the schema's primary
  and foreign keys left out, because frictionless keeps every key in a Python dict (6.6 GiB
  for the 19.5 M cell rows of 100,000 reports);
- the keys are checked by streaming instead: tables are published in primary-key order, so
  each key must be greater than the one before it (which proves it unique), and every
  `report_id` must be one of the `reports` table's. Memory: one batch and the report ids.
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
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.parallel import ordered_map
from pipelines.release.verify import (
    csv_batches,
    declared_files,
    file_problems,
    frictionless_problems,
    missing_resources,
    read_descriptor,
    read_types,
    table_problems,
    zip_problems,
)

SAMPLE_ROWS = 1000  # rows a table the whole-package stock pass reads
BATCH_BYTES = 1 << 22  # CSV read for the key checks a block at a time
FILES = "files"  # the task that checks the documents and the zip (resources check their own)


@dataclass
class ResourceResult:
    name: str
    rows: int
    seconds: float
    problems: list[str] = field(default_factory=list)


@dataclass
class Validation:
    """The outcome, written as JSON beside the releases (`validation/<version>.json`)."""

    release: str
    valid: bool
    seconds: float
    resources: list[ResourceResult]
    problems: list[str]
    files: ResourceResult | None = None  # the documents and the zip (rows: files checked)

    def as_json(self) -> dict:
        return asdict(self)


def validate_full(release: Path, workers: int = 1) -> Validation:
    """Validate every row of every resource of a release, and every file."""
    start = time.perf_counter()
    release = Path(release)
    problems = frictionless_problems(release, SAMPLE_ROWS)
    try:
        entries = _descriptor(release)["resources"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        problems.append(f"datapackage.json cannot be read: {error}")
        return Validation(str(release), False, round(time.perf_counter() - start, 2), [],
                          problems)
    problems += missing_resources(entries)
    tasks = [[e.get("name")] for e in entries] + [[FILES]]
    *results, files = ordered_map(partial(_task, release), tasks, workers)
    problems += [p for r in [*results, files] for p in r.problems]
    return Validation(str(release), not problems, round(time.perf_counter() - start, 2),
                      results, problems, files)


def write_validation(validation: Validation, dataset_dir: Path) -> Path:
    """Write the outcome to `<dataset>/validation/<version>.json` (a release itself is
    immutable, so its validation lives beside it)."""
    folder = Path(dataset_dir) / "validation"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(validation.release).name}.json"
    path.write_text(json.dumps(validation.as_json(), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


_descriptor = read_descriptor


def _task(release: Path, names: list[str]) -> ResourceResult:
    (name,) = names
    return _files(release) if name == FILES else _resource(release, name)


def _files(release: Path) -> ResourceResult:
    """The documents against their declared size and hash, and the zip; `rows` counts
    the files checked."""
    start = time.perf_counter()
    descriptor = _descriptor(release)
    documents = [f for f in descriptor.get("files", []) if isinstance(f, dict)]
    problems = [p for f in documents for p in file_problems(release, f)]
    problems += zip_problems(release, descriptor)
    return ResourceResult(FILES, len(documents) + 1, round(time.perf_counter() - start, 2),
                          problems)


def _resource(release: Path, name: str) -> ResourceResult:
    """One resource: its files against their declared size and hash, stock frictionless
    without keys, the streamed key checks, then its Parquet copy against its CSV."""
    start = time.perf_counter()
    entry = next(r for r in _descriptor(release)["resources"] if r.get("name") == name)
    problems = [p for f in declared_files({"resources": [entry]})
                for p in file_problems(release, f)]
    rows = 0
    if (release / str(entry.get("path", ""))).is_file():
        rows, found = _stock_problems(release, entry)
        problems += found
        try:
            problems += _key_problems(release, entry)
        except (pa.ArrowInvalid, OSError) as error:  # a value frictionless has reported
            problems.append(f"{name}: keys not checked: {error}")
    problems += table_problems(release, entry)
    return ResourceResult(name, rows, round(time.perf_counter() - start, 2), problems)


def _stock_problems(release: Path, entry: dict) -> tuple[int, list[str]]:
    """Stock frictionless on every row of one resource, keys left out (see above)."""
    name = entry["name"]
    schema = {k: v for k, v in entry["schema"].items() if k not in ("primaryKey", "foreignKeys")}
    resource = frictionless.Resource({**entry, "schema": schema}, basepath=str(release))
    report = resource.validate()
    problems = [f"{name}: row {getattr(e, 'row_number', '-')}: {e.type}: {e.note}"
                for task in report.tasks for e in task.errors][:20]
    rows = report.tasks[0].stats.get("rows", 0) if report.tasks else 0
    return rows or 0, problems


def _key_problems(release: Path, entry: dict) -> list[str]:
    """Primary key strictly increasing through the file; foreign keys found."""
    name = entry["name"]
    primary = entry["schema"].get("primaryKey", [])
    foreign = entry["schema"].get("foreignKeys", [])
    targets = {tuple(fk["fields"]): _column_values(release, fk["reference"]["resource"],
                                                   fk["reference"]["fields"])
               for fk in foreign}
    previous: tuple | None = None
    row = 0
    for batch in _csv_batches(release, name):
        for columns, allowed in targets.items():
            missing = _first_missing(batch, list(columns), allowed)
            if missing is not None:
                return [f"{name}: row {row + missing + 2}: {', '.join(columns)} not found in "
                        "the table it refers to"]
        if primary and batch.num_rows:
            keys = pd.MultiIndex.from_frame(batch.select(primary).to_pandas())
            if not (keys.is_monotonic_increasing and keys.is_unique) or (
                    previous is not None and previous >= keys[0]):
                return [f"{name}: primary key {primary} is not strictly increasing near row "
                        f"{row + 2}: a key repeats or the rows are out of order"]
            previous = keys[-1]
        row += batch.num_rows
    return []


def _csv_batches(release: Path, name: str) -> Iterator[pa.RecordBatch]:
    yield from csv_batches(release / "data" / f"{name}.csv", read_types(name), BATCH_BYTES)


def _column_values(release: Path, name: str, fields: list[str]) -> pa.Array:
    (column,) = fields  # the project's foreign keys are single columns (report_id)
    return pa.concat_arrays([b.column(column) for b in _csv_batches(release, name)]
                            or [pa.array([], pa.string())]).unique()


def _first_missing(batch: pa.RecordBatch, columns: list[str], allowed: pa.Array) -> int | None:
    (column,) = columns
    values = batch.column(column)
    found = pc.or_(pc.is_in(values, value_set=allowed), pc.is_null(values))
    if pc.all(found).as_py():
        return None
    return pc.index(found, False).as_py()
