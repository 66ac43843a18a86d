"""What a release's files must be, checked: the one place a release is verified.

Belongs here: reading a published table back (its CSV as the declared types, its Parquet
copy), comparing the two value by value under the CSV formula guard
(`pipelines.stage.guard_formulas`), checking every file against the size and sha256 that
`datapackage.json` declares for it (each table's CSV and Parquet copy, the documents of
`files`), the release's zip against the files it bundles, and stock frictionless on the
package. `pipelines/package.py` runs `release_problems` on a release before publishing
it; the full validation (`release/validate.py`, `ogi validate`) runs the same checks on
every row, and the zip's, after it. Nothing here writes a release.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator, Set
from itertools import zip_longest
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipelines.parts import PARTS_PROPERTY, files_of, read_descriptor
from pipelines.release.bundle import SEPARATE, zip_name
from pipelines.stage import CSV_PARSE, guard_formulas
from schemas.descriptors import arrow_schema
from schemas.resources import resources
from schemas.validation import PANDAS_DTYPES

COMPARE_ROWS = 65_536  # rows compared at a time between a table's Parquet and CSV copies
# ... and at most about this many bytes of them (as the Parquet file says they decode):
# 65,536 rows of a report's sections are ~70 MiB in Arrow, held several times over while
# compared (each copy, its guarded copy, the batches being joined).
COMPARE_BYTES = 8 << 20
HASH_BLOCK = 1 << 20  # files are hashed a block at a time: a table can be gigabytes


def file_stats(path: Path) -> dict:
    """A file's size and sha256 as `datapackage.json` declares them."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(HASH_BLOCK), b""):
            digest.update(block)
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}"}


def declared_parts(entry: dict) -> list[dict]:
    """A resource's parts as declared: part, rows, and its `csv` and `parquet` file."""
    parts = entry.get(PARTS_PROPERTY)
    return [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []


def declared_files(descriptor: dict) -> list[dict]:
    """Every file the descriptor gives a size and hash for: each part's CSV and Parquet
    file of each resource, and the documents listed in `files`."""
    out = [p[fmt] for entry in descriptor.get("resources", []) for p in declared_parts(entry)
           for fmt in ("csv", "parquet") if isinstance(p.get(fmt), dict)]
    return out + [f for f in descriptor.get("files", []) if isinstance(f, dict)]


def file_problems(release: Path, declared: dict) -> list[str]:
    """One file against its declared size and sha256; the problem names the file."""
    path = str(declared.get("path", ""))
    target = Path(release) / path
    if not path or Path(path).is_absolute() or ".." in Path(path).parts:
        return [f"{path or '(no path)'}: not a path inside the release"]
    if not target.is_file():
        return [f"{path}: the file is missing"]
    actual = file_stats(target)
    problems = [f"{path}: {key} is declared {declared.get(key)!r}, the file gives {value!r}"
                for key, value in actual.items() if declared.get(key) != value]
    problems += [f"{path}: declares no {key}" for key in actual if key not in declared]
    return problems


def release_problems(release: Path, limit_rows: int | None = None,
                     carried: Set[str] = frozenset()) -> list[str]:
    """The problems of a built release, none when it is valid (the zip aside: the build
    writes it while this runs, and `zip_problems` checks it afterwards).

    Stock frictionless validates the package (the CSV resources; `limit_rows` a table);
    every declared file must have its declared size and hash; each part's Parquet copy
    must read back, under the declared types, equal to its CSV. Files `carried` over from
    the previous release (its own files, hard-linked; paths as declared) are not checked
    again: the previous release was.
    """
    release = Path(release)
    problems = frictionless_problems(release, limit_rows, carried)
    try:
        descriptor = read_descriptor(release)
        entries = list(descriptor["resources"])
    except (OSError, ValueError, KeyError, TypeError):
        return problems or ["package: datapackage.json cannot be read"]
    problems += missing_resources(entries)
    for declared in declared_files(descriptor):
        if declared.get("path") not in carried:
            problems += file_problems(release, declared)
    for entry in entries:
        problems += table_problems(release, entry, carried)
    return problems


def missing_resources(entries: list[dict]) -> list[str]:
    missing = sorted(set(resources()) - {e.get("name") for e in entries})
    return [f"{name}: resource missing from the package" for name in missing]


def table_problems(release: Path, entry: dict, carried: Set[str] = frozenset()) -> list[str]:
    """Each part's Parquet copy, but those `carried` over: declared, of the declared types,
    and equal to the CSV value by value. (Its presence, size and hash: `file_problems`,
    which every caller runs on the declared files first, so that a missing file is named
    once.)"""
    name = entry.get("name")
    if name not in resources():
        return [f"{name}: not a resource of this dataset"]
    parts = declared_parts(entry)
    if not parts or not all(isinstance(p.get(f), dict) for p in parts for f in ("csv", "parquet")):
        return [f"{name}: no parts with a csv and a parquet file declared"]
    problems = []
    for part in parts:
        csv_path, parquet_path = (str(part[f].get("path", "")) for f in ("csv", "parquet"))
        if {csv_path, parquet_path} <= carried:
            continue
        paths = [Path(release) / p for p in (csv_path, parquet_path)]
        if all(p.is_file() for p in paths):
            problems += content_problems(paths[0], paths[1], name)
    return problems


class _Unreadable(Exception):
    """A published file that cannot be read back; the message names it."""


def content_problems(csv_path: Path, parquet_path: Path, name: str) -> list[str]:
    """Compare a table part's Parquet and CSV copies value by value, in batches: the CSV
    holds the Parquet values under the formula guard."""
    try:
        # The CSV is read as the declared types, so the stored types are compared first.
        if problems := parquet_schema_problems(parquet_path, name):
            return problems
        schema = read_types(name)
        try:
            step = compare_rows(parquet_path)
        except (pa.ArrowException, OSError) as error:
            return [f"{name}: {parquet_path.name} cannot be read: {error}"]
        parquet = _named(parquet_path, lambda: pq.ParquetFile(parquet_path).iter_batches(
            step))
        csv_rows = _named(csv_path, lambda: csv_batches(csv_path, schema))
        rows = 0
        for a, b in zip_longest(_rechunk(parquet, schema, step),
                                _rechunk(csv_rows, schema, step)):
            if a is None or b is None:
                return [f"{name}: {parquet_path.name} and {csv_path.name} have different "
                        f"numbers of rows (they agree on the first {rows})"]
            if not guard_formulas(a, resources()[name]).equals(b):
                return [f"{name}: {parquet_path.name} differs from {csv_path.name} in rows "
                        f"{rows + 1}-{rows + a.num_rows}"]
            rows += a.num_rows
    except _Unreadable as error:
        return [f"{name}: {error}"]
    finally:
        pa.default_memory_pool().release_unused()  # Arrow keeps freed pages for reuse
    return []


def _named(path: Path, batches) -> Iterator[pa.RecordBatch]:
    """The batches of one file; a failure to read them names the file."""
    try:
        yield from batches()
    except (pa.ArrowException, OSError, ValueError, TypeError) as error:
        raise _Unreadable(f"{path.name} cannot be read: {error}") from error


def parquet_schema_problems(path: Path, name: str) -> list[str]:
    """What is wrong with a table's Parquet columns and types (nothing: [])."""
    try:
        stored = pq.read_schema(path)
    except (pa.ArrowException, OSError) as error:
        return [f"{name}: {Path(path).name} cannot be read: {error}"]
    if stored.equals(arrow_schema(resources()[name]), check_metadata=True):
        return []
    found = ", ".join(f"{f.name} {f.type}{'' if f.nullable else ' not null'}" for f in stored)
    return [f"{name}: parquet columns ({found}) are not the declared ones"]


def read_back(package_dir: Path, name: str, fmt: str) -> pd.DataFrame:
    """A published resource, every part, as a frame with the project's dtypes, from its
    CSV or Parquet files."""
    resource = resources()[name]
    schema = arrow_schema(resource)
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}; expected csv or parquet")
    paths = files_of(Path(package_dir) / "data", name, fmt)
    if fmt == "csv":
        tables = [pacsv.read_csv(p, parse_options=CSV_PARSE, convert_options=csv_convert(schema))
                  for p in paths]
    else:
        tables = [pq.read_table(p, schema=schema, partitioning=None) for p in paths]
    table = pa.concat_tables(tables) if tables else schema.empty_table()
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    return frame.astype({f.name: PANDAS_DTYPES[f.type] for f in resource.fields})


def read_types(name: str) -> pa.Schema:
    """The types a published table is read back with: the declared ones, nullable (a CSV
    cannot say otherwise) and without their descriptions."""
    return pa.schema([f.with_nullable(True).remove_metadata()
                      for f in arrow_schema(resources()[name])])


def csv_batches(path: Path, schema: pa.Schema,
                block_size: int = 1 << 22) -> Iterator[pa.RecordBatch]:
    """A published CSV read back a block at a time as the declared types. Blocks of
    4 MiB: with 16 MiB, reading the 100,000-report cells table peaked at 874 MiB (Arrow
    reads several blocks ahead), with 4 MiB at 400 MiB, and a little faster."""
    reader = pacsv.open_csv(path, read_options=pacsv.ReadOptions(block_size=block_size),
                            parse_options=CSV_PARSE,
                            convert_options=csv_convert(schema))
    yield from reader


def csv_convert(schema: pa.Schema) -> pacsv.ConvertOptions:
    return pacsv.ConvertOptions(column_types=schema, null_values=[""],
                                strings_can_be_null=True, true_values=["true"],
                                false_values=["false"])


def compare_rows(parquet_path: Path) -> int:
    """Rows compared at a time for this file: COMPARE_ROWS, fewer where that many rows
    would decode to more than COMPARE_BYTES (the file's own uncompressed size a row), so
    that the comparison's memory does not grow with how much text a row holds."""
    meta = pq.ParquetFile(parquet_path).metadata
    size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    if not meta.num_rows or not size:
        return COMPARE_ROWS
    return max(1, min(COMPARE_ROWS, COMPARE_BYTES * meta.num_rows // size))


def _rechunk(batches: Iterator[pa.RecordBatch], schema: pa.Schema,
             rows: int = COMPARE_ROWS) -> Iterator[pa.Table]:
    """Batches of any sizes as tables of `rows` rows (the last one shorter)."""
    pending = pa.Table.from_batches([], schema)
    for batch in batches:
        pending = pa.concat_tables([pending, pa.Table.from_batches([batch]).cast(schema)])
        while pending.num_rows >= rows:
            yield pending.slice(0, rows).combine_chunks()
            pending = pending.slice(rows)
    if pending.num_rows:
        yield pending.combine_chunks()


def zip_problems(release: Path, descriptor: dict) -> list[str]:
    """The release's zip: present, readable (every member's CRC), holding exactly the
    release's files but the other downloads (part zips, the database), each with its
    declared hash or the bytes of the file."""
    release = Path(release)
    name = zip_name(str(descriptor.get("name", "")), str(descriptor.get("version", "")))
    if not (release / name).is_file():
        return [f"{name}: the file is missing"]
    hashes = {str(d.get("path")): d.get("hash") for d in declared_files(descriptor)}
    files = {str(p.relative_to(release)) for p in release.rglob("*")
             if p.is_file() and p.suffix not in SEPARATE}
    try:
        with zipfile.ZipFile(release / name) as archive:
            members = {m.split("/", 1)[-1]: m for m in archive.namelist()}
            problems = [f"{name}: lacks {path}" for path in sorted(files - set(members))]
            problems += [f"{name}: holds {path}, not a file of the release"
                         for path in sorted(set(members) - files)]
            for path in sorted(files & set(members)):
                expected = hashes.get(path) or file_stats(release / path)["hash"]
                if _member_hash(archive, members[path]) != expected:
                    problems.append(f"{name}: {path} differs from the release's file")
    except (zipfile.BadZipFile, OSError, EOFError) as error:  # a bad CRC, a cut file
        return [f"{name}: cannot be read: {error}"]
    return problems


def _member_hash(archive: zipfile.ZipFile, member: str) -> str:
    digest = hashlib.sha256()
    with archive.open(member) as f:
        for block in iter(lambda: f.read(HASH_BLOCK), b""):
            digest.update(block)
    return f"sha256:{digest.hexdigest()}"


def frictionless_problems(package_dir: Path, limit_rows: int | None = None,
                          carried: Set[str] = frozenset()) -> list[str]:
    """Stock frictionless on the package. A sample (`limit_rows`) leaves the foreign keys
    out: their lookup reads the whole `reports` table once for each of the six tables that
    refer to it, whatever the sample (8 s of a 100,000-report release's 9 s). They hold by
    construction (every row is made from its report) and the validate_release job checks
    them on every row. A sample is taken from the parts made in this build, those not
    `carried` over from the previous release (which was checked): a table's first rows are
    its oldest year's, so a sample of the whole would check the new parts of an incremental
    build not at all."""
    try:
        if limit_rows:
            descriptor = read_descriptor(package_dir)
            descriptor["resources"] = _made_parts(descriptor["resources"], carried)
            if not descriptor["resources"]:
                return []  # every part was carried over, checked in its own release
            for entry in descriptor["resources"]:
                entry["schema"].pop("foreignKeys", None)
            package = frictionless.Package(descriptor, basepath=str(package_dir))
        else:
            package = frictionless.Package(str(Path(package_dir) / "datapackage.json"))
        report = package.validate(limit_rows=limit_rows)
    except frictionless.FrictionlessException as error:
        return [f"package: {error}"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [f"package: datapackage.json cannot be read: {error}"]
    warnings = report.warnings + [w for task in report.tasks for w in task.warnings]
    if limit_rows:  # a sample was asked for: that it stopped there is no problem
        warnings = [w for w in warnings if not w.startswith("reached row limit")]
    return [_error_line(name, e) for name, e in _errors(report)] + [
        f"package: warning: {w}" for w in warnings]


def _made_parts(entries: list[dict], carried: Set[str]) -> list[dict]:
    """The resources with their CSV parts not carried over; a resource with none left out."""
    made = []
    for entry in entries:
        paths = entry["path"] if isinstance(entry["path"], list) else [entry["path"]]
        kept = [p for p in paths if p not in carried]
        if kept:
            made.append({**entry, "path": kept if len(kept) > 1 else kept[0]})
    return made


def _errors(report: frictionless.Report) -> list[tuple[str, frictionless.Error]]:
    return [("package", e) for e in report.errors] + [
        (task.name, e) for task in report.tasks for e in task.errors]


def _error_line(resource: str, error: frictionless.Error) -> str:
    parts = [resource]
    if (row := getattr(error, "row_number", None)) is not None:
        parts.append(f"row {row}")
    if field_name := getattr(error, "field_name", None):
        parts.append(f"field {field_name}")
    return f"{', '.join(parts)}: {error.type}: {error.note}"
