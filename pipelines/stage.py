"""The published tables as files, written one batch of reports at a time.

Belongs here: turning tidy DataFrames (one per resource of `schemas/resources.py`) into
each part's CSV and Parquet files (by report year; the layout is `pipelines/parts.py`'s)
with identical content, appended batch by batch so that a build never holds every
report's rows at once. Batches must arrive in
report-id order; rows are sorted by primary key within a batch, which, since every
primary key starts with the report id, puts the whole file in primary-key order. Output
is byte-deterministic for the same batches.

The CSV formula guard lives here too, as the CSV copy's one difference from the Parquet
copy: a spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula (CSV injection), and file names, agency names, printed texts and
messages come from outside. In the CSV such a text value starts with a single quote `'`
(OWASP's advice), unless it is a plain signed number (`-18`, `+6`) or dashes alone (`-`),
which no spreadsheet runs; the Parquet copy keeps the original text. Numeric fields are
never touched.
"""

from __future__ import annotations

import re
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipelines.parts import ordered, part_files, part_of
from schemas.descriptors import arrow_schema
from schemas.resources import Resource, resources

BOM = b"\xef\xbb\xbf"  # so that Excel opens the UTF-8 CSV with its Chinese text intact
# Pinned so that the same table gives the same bytes on every run.
PARQUET_OPTIONS = {"compression": "zstd", "version": "2.6", "use_dictionary": True,
                   "write_statistics": True, "data_page_version": "1.0"}
# Arrow's writer is fast at millions of rows; its "needed" style quotes every string value,
# which every CSV reader accepts.
_CSV_OPTIONS = pacsv.WriteOptions(include_header=False, quoting_style="needed")
# How our CSV is read back: a text value with line breaks (a report's sections) is written
# quoted over several lines, which Arrow's block reader must be told or it fails ("out of
# sync with chunker") as soon as a block boundary falls inside such a value.
CSV_PARSE = pacsv.ParseOptions(newlines_in_values=True)
# Decoded rows that may wait for the two writer threads at once (see TableFiles).
MAX_QUEUED_BYTES = 64 << 20
FORMULA_GUARD = "'"
_FORMULA_START = r"^[=+\-@\t\r]"
_HARMLESS = r"^[+-]?[0-9]+(\.[0-9]+)?$|^-+$"  # a plain number or dashes: never a formula


def printed_number(value: float | None) -> str:
    """A number as the CSV prints it (27, not 27.0; 7539.443252), "" for null: the form
    in which a report's published cells are digested and compared between releases."""
    if value is None or value != value:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def guard_text(value: object) -> object:
    """One value as a CSV holds it: guarded like `guard_formulas`, for the small CSV files
    written row by row (changes.csv)."""
    if (isinstance(value, str) and re.match(_FORMULA_START, value)
            and not re.match(_HARMLESS, value)):
        return FORMULA_GUARD + value
    return value


def guard_formulas(table: pa.Table, resource: Resource) -> pa.Table:
    """The table as its CSV copy holds it: every text value that a spreadsheet would run
    as a formula prefixed with FORMULA_GUARD (see the module's docstring). Fields with an
    enum are left alone: their closed vocabularies hold no such value (a test says so),
    and skipping them halves the guard's cost."""
    for field in resource.fields:
        if field.type != "string" or field.enum is not None:
            continue
        i = table.schema.get_field_index(field.name)
        column = table.column(i)
        if column.null_count == len(column):
            continue
        starts = pc.match_substring_regex(column, _FORMULA_START)
        if not pc.any(starts).as_py():  # most columns: one cheap pass, nothing to guard
            continue
        risky = pc.and_not(starts, pc.match_substring_regex(column, _HARMLESS))
        if pc.any(risky).as_py():
            guarded = pc.binary_join_element_wise(FORMULA_GUARD, column, "")
            table = table.set_column(i, table.field(i), pc.if_else(risky, guarded, column))
    return table


def _write_csv(table: pa.Table, resource: Resource, sink: pa.NativeFile) -> None:
    pacsv.write_csv(guard_formulas(table, resource), sink, _CSV_OPTIONS)


class TablesInvalid(Exception):
    """A batch that does not fit the resources; the message says which table and why."""


def prepare(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Check a batch matches the resources and put its rows in primary-key order."""
    declared = resources()
    if set(tables) != set(declared):
        raise TablesInvalid(f"tables {sorted(tables)} do not match resources {sorted(declared)}")
    out = {}
    for name, resource in declared.items():
        frame = tables[name]
        if list(frame.columns) != resource.field_names:
            raise TablesInvalid(f"{name}: columns {list(frame.columns)} are not "
                                f"{resource.field_names}")
        out[name] = _sorted(_empty_strings_as_null(frame, resource), resource)
    return out


def _empty_strings_as_null(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    # The schemas declare "" as the missing value, so CSV cannot tell "" from null;
    # publishing "" as null keeps the CSV and Parquet copies identical.
    frame = frame.copy()
    for f in resource.fields:
        if f.type == "string":
            frame[f.name] = frame[f.name].mask(frame[f.name].eq("").fillna(False))
    return frame


def _sorted(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    if not resource.primary_key:
        return frame.reset_index(drop=True)
    # Stable sort: rows with equal keys (an invalid table) keep their input order.
    return frame.sort_values(list(resource.primary_key), kind="mergesort").reset_index(drop=True)


def to_arrow(frame: pd.DataFrame, resource: Resource) -> pa.Table:
    """A prepared frame as an Arrow table of the resource's published types."""
    try:
        table = pa.Table.from_pandas(frame, schema=arrow_schema(resource), preserve_index=False)
    except (pa.ArrowException, ValueError, TypeError) as error:
        raise TablesInvalid(f"{resource.name}: does not fit its types: {error}") from error
    # No pandas metadata: it records the pandas version and index details, not data.
    return table.replace_schema_metadata(None)


def split_parts(tables: dict[str, pa.Table]) -> dict[str, dict[str, pa.Table]]:
    """Each table's rows by part (`pipelines/parts.py`: the report year), from the batch's
    own `reports` rows; every part of the batch's reports appears in every table, empty or
    not. Row order is kept."""
    reports = tables["reports"]
    found = [part_of(y) for y in reports.column("report_year").to_pylist()]
    part_names = pa.array(found, pa.string())
    out = {}
    for name, table in tables.items():
        where = pc.index_in(table.column("report_id"), value_set=reports.column("report_id"))
        if where.null_count:
            raise TablesInvalid(f"{name}: foreign-key: rows whose report_id is not in reports")
        row_parts = pc.take(part_names, where)
        out[name] = {part: table.filter(pc.equal(row_parts, part)) for part in ordered(found)}
    return out


class TableFiles:
    """Appends batches of the published tables to each part's CSV and Parquet files under
    `data_dir` (layout: `pipelines/parts.py`); a part's files are opened for every table
    when its first rows arrive, so that every part has every table.

    A batch's CSV and Parquet are written by two threads while the caller prepares the
    next batch (Arrow's writers run without the GIL, into Arrow's own file streams); a
    file's next batch waits for its previous one, so every file is written in order.
    Batches waiting for a writer hold their decoded rows, so at most `max_queued` bytes
    of them (Arrow's size) wait at once, besides the newest: a caller that hands over
    batches of many files faster than they are written (the last rows of every table
    and part at the end of a build) waits for the oldest instead of holding them all."""

    def __init__(self, data_dir: Path, max_queued: int | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.rows = dict.fromkeys(resources(), 0)
        self._csv: dict[tuple[str, str], pa.NativeFile] = {}
        self._parquet: dict[tuple[str, str], pq.ParquetWriter] = {}
        self._writing: dict[tuple[str, str], list[Future]] = {}
        self._queued: deque[tuple[int, list[Future]]] = deque()  # (bytes, its writes)
        self._queued_bytes = 0
        self.max_queued = MAX_QUEUED_BYTES if max_queued is None else max_queued
        self.most_queued = 0  # the most bytes that waited at once, for tests and benches
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="table-files")

    @property
    def parts(self) -> list[str]:
        return ordered(part for _, part in self._csv)

    def open_part(self, part: str) -> None:
        for name, resource in resources().items():
            if (name, part) in self._csv:
                continue
            csv_path, parquet_path = (self.data_dir / f for f in part_files(name, part))
            parquet_path.parent.mkdir(parents=True, exist_ok=True)
            header = ",".join(resource.field_names).encode("utf-8") + b"\n"
            self._csv[name, part] = pa.OSFile(str(csv_path), "wb")
            self._csv[name, part].write(BOM + header)
            self._parquet[name, part] = pq.ParquetWriter(parquet_path, arrow_schema(resource),
                                                         **PARQUET_OPTIONS)
            self._writing[name, part] = []

    def append(self, tables: dict[str, pd.DataFrame]) -> None:
        arrow = {name: to_arrow(frame, resources()[name])
                 for name, frame in prepare(tables).items()}
        for name, by_part in split_parts(arrow).items():
            for part, table in by_part.items():
                self.append_arrow(name, part, table)

    def append_arrow(self, name: str, part: str, table: pa.Table) -> None:
        """Append rows already prepared, typed (see `prepare`, `to_arrow`) and of one part."""
        self.open_part(part)
        if table.num_rows:
            self._wait((name, part))
            self._writing[name, part] = writes = [
                self._pool.submit(_write_csv, table, resources()[name], self._csv[name, part]),
                self._pool.submit(self._parquet[name, part].write_table, table)]
            self.rows[name] += table.num_rows
            self._queue(table.nbytes, writes)

    def _queue(self, size: int, writes: list[Future]) -> None:
        """Count a batch as waiting until its writes are done; wait for the oldest while
        more than `max_queued` bytes wait (the newest batch always goes ahead)."""
        self._queued.append((size, writes))
        self._queued_bytes += size
        while self._queued and all(f.done() for f in self._queued[0][1]):
            self._queued_bytes -= self._queued.popleft()[0]
        while len(self._queued) > 1 and self._queued_bytes > self.max_queued:
            size, oldest = self._queued.popleft()
            for future in oldest:
                future.result()  # raises what the writer raised
            self._queued_bytes -= size
        self.most_queued = max(self.most_queued, self._queued_bytes)

    def _wait(self, key: tuple[str, str]) -> None:
        for future in self._writing[key]:
            future.result()  # raises what the writer raised
        self._writing[key] = []

    def close(self) -> dict[str, int]:
        try:
            for key in self._writing:
                self._wait(key)
        finally:
            self._pool.shutdown()
            for f in self._csv.values():
                f.close()
            for w in self._parquet.values():
                w.close()
        return self.rows

    def __enter__(self) -> TableFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_tables(data_dir: Path, batches: list[dict[str, pd.DataFrame]]) -> dict[str, int]:
    """Write all batches; returns the row count of each table."""
    with TableFiles(data_dir) as files:
        for batch in batches:
            files.append(batch)
        return files.rows
