"""Where a table's rows live: the parts by report year, and the staged run's manifest.

Belongs here, and nowhere else: which part a report's rows go in (its report year, or
UNKNOWN), the file names of each table's parts under a `data/` folder (a release's or a
staged run's: the same layout), the order of the parts, reading a table's parts back as
one, and the staged run's manifest (MANIFEST beside its `data/`: what the gate passed and
each part's key). Not here: writing the files (stage.py), deciding which parts to make
(segments.py), describing them (package.py).

Layout under `data/`, for table `cells` and report year 2020:
    cells/cells-2020.csv                          every part with its header: a year alone
                                                  is a CSV file; Frictionless reads the
                                                  parts as one multipart resource
    cells/report_year=2020/cells-2020.parquet     hive style: one glob reads the table
Reports whose year is unknown are part UNKNOWN (Parquet folder `report_year=HIVE_NULL`,
which DuckDB, Polars and pyarrow read as a null year).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

UNKNOWN = "unknown"
HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
MANIFEST = "gate.json"  # beside a staged run's data/ folder (pipelines/checks.py reads it)
# datapackage.json's list of the parts with their keys (a namespaced property: Data Package
# v2 asks custom properties to be namespaced); a build reuses a previous release's part
# when its key is unchanged.
PARTS_PROPERTY = "ogi:parts"
PARQUET_PROPERTY = "ogi:parquet"  # a resource's Parquet copy: format and glob
DESCRIPTOR = "datapackage.json"  # a release's descriptor, beside its data/ folder


def read_descriptor(release: Path) -> dict:
    """A release's `datapackage.json`, as written (the one place it is read)."""
    return json.loads((Path(release) / DESCRIPTOR).read_text(encoding="utf-8"))


def part_of(year: int | None) -> str:
    return UNKNOWN if year is None else str(int(year))


def ordered(parts: Iterable[str]) -> list[str]:
    """Parts in publishing order: years ascending, the unknown year last."""
    return sorted(set(parts), key=lambda p: (p == UNKNOWN, p))


def csv_file(name: str, part: str) -> str:
    """A part's CSV file, relative to `data/`."""
    return f"{name}/{name}-{part}.csv"


def parquet_file(name: str, part: str) -> str:
    """A part's Parquet file, relative to `data/`."""
    return f"{name}/report_year={HIVE_NULL if part == UNKNOWN else part}/{name}-{part}.parquet"


def part_files(name: str, part: str) -> tuple[str, str]:
    return csv_file(name, part), parquet_file(name, part)


def parquet_glob(name: str) -> str:
    return f"data/{name}/*/*.parquet"


def parts_in(data_dir: Path, name: str) -> list[str]:
    """The parts a table has under `data_dir`, from its CSV files."""
    prefix = f"{name}-"
    return ordered(p.stem[len(prefix):] for p in (Path(data_dir) / name).glob(f"{name}-*.csv"))


def files_of(data_dir: Path, name: str, fmt: str) -> list[Path]:
    """A table's files of one format ("csv" or "parquet"), in part order. A release made
    before the parts has one file a table, `<name>.<fmt>`: that one."""
    pick = csv_file if fmt == "csv" else parquet_file
    found = [Path(data_dir) / pick(name, part) for part in parts_in(data_dir, name)]
    legacy = Path(data_dir) / f"{name}.{fmt}"
    return found or ([legacy] if legacy.is_file() else [])


def read_parquet(data_dir: Path, name: str, columns: list[str] | None = None,
                 filters: list | None = None) -> pa.Table:
    """A table read whole from its Parquet parts, in part order."""
    tables = [pq.read_table(path, columns=columns, filters=filters, partitioning=None)
              for path in files_of(data_dir, name, "parquet")]
    return pa.concat_tables(tables) if tables else pa.table({c: [] for c in columns or []})


def parquet_rows(data_dir: Path, name: str) -> int:
    """A table's rows, from its Parquet parts' footers (nothing else is read)."""
    return sum(pq.ParquetFile(p).metadata.num_rows for p in files_of(data_dir, name, "parquet"))


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link (a release's parts can be gigabytes), a copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_manifest(data_dir: Path, manifest: dict) -> Path:
    path = Path(data_dir).parent / MANIFEST
    path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return path


def read_manifest(data_dir: Path) -> dict:
    return json.loads((Path(data_dir).parent / MANIFEST).read_text(encoding="utf-8"))
