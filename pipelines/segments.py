"""The published tables of a build, made segment by segment and cached.

Belongs here: cutting a build's reports into segments, making each segment's tables
(tidy, then the pandera gate) in worker processes, caching them, and writing every
segment in report-id order as the staged table files. Not here: what a table holds
(pipelines/tidy.py) or how its files are written (pipelines/stage.py).

A segment is the reports whose id starts with the same few bits, so a new report changes
one segment and leaves every other one as it was. When a build grows past a step of
`segment_bits` (fourfold), every segment is new, but each is a quarter of a segment of
the build before: a segment whose reports are unchanged is cut from that one's cached
rows (`_derive`), not made again. Its cache key digests everything its
rows depend on: the tables fingerprint (code and libraries), and for each report its
sha256, names, provenance and the index entries its cross-year and roll-up checks read. A rebuild
with 100 new reports makes ~100 segments again and reads the rest from the cache.

Segments are made in tasks of up to TASK_REPORTS reports (pandera costs ~0.1 s a call,
so tasks are large, but not so large that their rows weigh on memory) and cut back into
segments for the cache. The staged files are written in segment order while segments are
made, each segment as it is made or read from the cache; since segments are report-id
ranges and each is sorted by primary key, the files are in primary-key order with no key
repeated.

The tables are published in parts by report year (`pipelines/parts.py`). A segment's rows
are cached cut by part, and a part is written only when its key (a digest of what each of
its reports' rows depend on) differs from the previous release's: an unchanged part is a
hard link to the previous release's files, and no segment's rows of it are even decoded.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines import crossyear, progress, rollup
from pipelines.inputs import ParsedBatch
from pipelines.parallel import ordered_map
from pipelines.parse_cache import ParseCache
from pipelines.parts import (
    PARTS_PROPERTY,
    link_or_copy,
    ordered,
    parquet_rows,
    part_files,
    part_of,
    write_manifest,
)
from pipelines.sqlite_store import connect, select_in
from pipelines.stage import TableFiles, prepare, split_parts, to_arrow
from pipelines.tidy import schema_failures, tidy, withhold
from schemas.resources import resources

SEGMENT_REPORTS = 32  # reports a segment holds at most on average: what one new one costs
# Reports tidied and gated together (pandera: ~0.08 s a call). A task's rows, as dicts,
# frames and Arrow tables at once, take ~0.3 MiB a report where it runs (the build's own
# process with one worker): 297 MiB above its start for 1,000, 142 for 500, 80 for 250.
TASK_REPORTS = 500
FLUSH_ROWS = 65_536  # rows of a table written at a time (one Parquet row group): with
# 200,000 the 100,000-report build peaked at 766 MiB while writing, with 65,536 at 546 MiB
_IPC = pa.ipc.IpcWriteOptions(compression="lz4")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, gate TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS segment_tables (
    key TEXT NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL, rows INTEGER NOT NULL,
    PRIMARY KEY (key, name));
"""


def segment_bits(count: int, per_segment: int = SEGMENT_REPORTS) -> int:
    """The report-id bits that name a segment for a build of `count` reports. In steps
    of two, so that the segments (and so every cached table) change only when a build
    grows or shrinks fourfold."""
    bits = 0
    while count > per_segment << bits and bits < 32:
        bits += 2
    return bits


def segment_of(sha256: str, bits: int) -> int:
    return int(sha256[:8], 16) >> (32 - bits) if bits else 0


@dataclass
class Segment:
    key: str
    shas: list[str]  # sorted: report-id order


@dataclass(frozen=True)
class Packed:
    """A segment's rows of one table and part as the cache holds them (Arrow IPC, LZ4).
    The row count is stored beside the bytes, so that counting rows reads and
    decompresses nothing (a +100 build counts the rows of thousands of cached segments;
    `_assemble` reads their rows when it writes them)."""

    data: bytes
    num_rows: int

    def table(self) -> pa.Table:
        return pa.ipc.open_stream(self.data).read_all()


@dataclass
class SegmentTables:
    """One segment's rows of every table, as Arrow IPC, and what its gate found."""

    key: str
    tables: dict[str, Packed]
    gate: dict  # withheld: report ids; failed_checks: check id -> reports failing it


@dataclass
class TablesResult:
    """What the build's tables step did; written as staged `gate.json` for the checks."""

    rows: dict[str, int]
    withheld: list[str]  # report ids held back by the gate
    failed_checks: dict[str, int]  # identity check id -> reports where it fails
    segments: int
    made: int  # segments made in this run
    reused: int  # segments read from the cache (or cut from a cached larger one)
    preview: dict[str, pd.DataFrame] = field(default_factory=dict)
    parts: dict[str, dict] = field(default_factory=dict)  # part -> its key, whether reused
    derived: int = 0  # of the reused: cut from a segment of the step before (_derive)

    def gate_json(self) -> dict:
        return {"rows": self.rows, "withheld": self.withheld,
                "failed_checks": self.failed_checks, "segments": self.segments,
                "made": self.made, "reused": self.reused, "derived": self.derived,
                "parts": self.parts}


class SegmentCache:
    """Each segment's tables by key, in one SQLite database per tables fingerprint."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.path = self.root / f"tables-{fingerprint}.sqlite"
        self.db = connect(self.path)
        self.db.executescript(_SCHEMA)

    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM segments LIMIT 1").fetchone() is None

    def known(self, keys: list[str]) -> set[str]:
        return {k for (k,) in select_in(self.db, "SELECT key FROM segments WHERE key IN ({})",
                                        keys)}

    def put(self, segments: list[SegmentTables]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            for s in segments:
                self.db.execute("INSERT OR REPLACE INTO segments VALUES (?, ?)",
                                (s.key, json.dumps(s.gate, sort_keys=True)))
                self.db.executemany(
                    "INSERT OR REPLACE INTO segment_tables VALUES (?, ?, ?, ?)",
                    [(s.key, n, p.data, p.num_rows) for n, p in s.tables.items()])

    def read_all(self, keys: list[str], parts: set[str], threads: int = 2,
                 packed: bool = False) -> Iterator[tuple[dict, dict]]:
        """Each key's tables of those `parts` (as `Packed` rows if `packed`) and its gate,
        in order, read by threads (decompressing runs without the GIL: one thread spent
        half of writing a 100,000-report build here)."""
        yield from ordered_map(partial(_read_in_thread, self.path, frozenset(parts), packed),
                               keys, threads, threads=True)

    def row_counts(self, keys: list[str], parts: set[str]) -> Iterator[tuple[dict, dict]]:
        """Each key's row count of each table of those `parts` and its gate, in order
        (nothing is decompressed or even read of the rows)."""
        for key in keys:
            (gate,) = self.db.execute("SELECT gate FROM segments WHERE key = ?",
                                      (key,)).fetchone()
            counts = {n: rows for n, rows in self.db.execute(
                "SELECT name, rows FROM segment_tables WHERE key = ?", (key,))
                if _part(n) in parts}
            yield counts, json.loads(gate)

    def rows_of(self, keys: list[str], name: str) -> pa.Table:
        """The rows of one table and part (`<table>/<part>`) of these segments, in order,
        as one table."""
        tables = []
        for key in keys:
            (data,) = self.db.execute("SELECT data FROM segment_tables WHERE key = ? AND "
                                      "name = ?", (key, name)).fetchone()
            tables.append(pa.ipc.open_stream(data).read_all())
        return pa.concat_tables(tables).combine_chunks()

    def keep_only(self, keys: list[str]) -> None:
        """Forget segments no longer in the build, and caches of other code versions."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS current (key TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM current")
            self.db.executemany("INSERT OR IGNORE INTO current VALUES (?)",
                                [(k,) for k in keys])
            self.db.execute("DELETE FROM segments WHERE key NOT IN (SELECT key FROM current)")
            self.db.execute(
                "DELETE FROM segment_tables WHERE key NOT IN (SELECT key FROM current)")
        for other in self.root.glob("tables-*.sqlite*"):
            if not other.name.startswith(self.path.name):
                other.unlink(missing_ok=True)

    def close(self) -> None:
        self.db.close()


def _read(db: sqlite3.Connection, parts: frozenset[str], packed: bool, key: str
          ) -> tuple[dict[str, pa.Table | Packed], dict]:
    (gate,) = db.execute("SELECT gate FROM segments WHERE key = ?", (key,)).fetchone()
    tables = {n: Packed(d, rows) if packed else pa.ipc.open_stream(d).read_all()
              for n, d, rows in db.execute(
                  "SELECT name, data, rows FROM segment_tables WHERE key = ?", (key,))
              if _part(n) in parts}
    return tables, json.loads(gate)


_THREAD = threading.local()  # a reading thread's own connection (one per database)


def _read_in_thread(path: Path, parts: frozenset[str], packed: bool, key: str
                    ) -> tuple[dict[str, pa.Table | Packed], dict]:
    connections = _THREAD.__dict__.setdefault("connections", {})
    if path not in connections:
        connections[path] = connect(path)
    return _read(connections[path], parts, packed, key)


def segments_of(batch: ParsedBatch, fingerprint: str,
                per_segment: int = SEGMENT_REPORTS) -> list[Segment]:
    """The build's segments in report-id order, each with its cache key."""
    return _segments_at(batch, fingerprint, segment_bits(len(batch.inputs), per_segment))


def _segments_at(batch: ParsedBatch, fingerprint: str, bits: int) -> list[Segment]:
    shas = sorted(batch.inputs)
    groups: dict[int, list[str]] = {}
    for sha in shas:
        groups.setdefault(segment_of(sha, bits), []).append(sha)
    return [Segment(_key(batch, fingerprint, bits, members), members)
            for _, members in sorted(groups.items())]


def _key(batch: ParsedBatch, fingerprint: str, bits: int, shas: list[str]) -> str:
    parts = [_report_entry(batch, sha) for sha in shas]
    text = json.dumps([fingerprint, bits, parts], ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _report_entry(batch: ParsedBatch, sha: str) -> list:
    """Everything a report's rows depend on besides the code: its bytes and what its
    parse read with them (the parse key), names, provenance, cross-year neighbours and
    (a government's) departments."""
    item, summary = batch.inputs[sha], batch.summaries[sha]
    return [item.parse_key, item.source, item.url, item.retrieved_at, batch.duplicates.get(sha, []),
            crossyear.context(batch.years, summary.agency_id, summary.report_year),
            rollup.context(batch.years, summary.agency_id, summary.report_year,
                           summary.cross_year)]


def part_keys(batch: ParsedBatch, fingerprint: str) -> dict[str, str]:
    """Each part's key (`pipelines/parts.py`: a report year): a digest of everything its
    rows depend on, so that a part whose key is unchanged has unchanged bytes."""
    members: dict[str, list[list]] = {}
    for sha in sorted(batch.inputs):
        part = part_of(batch.summaries[sha].report_year)
        members.setdefault(part, []).append(_report_entry(batch, sha))
    return {part: hashlib.sha256(json.dumps([fingerprint, part, members[part]],
                                            ensure_ascii=False, default=str).encode()
                                 ).hexdigest()
            for part in ordered(members)}


def build_tables(batch: ParsedBatch, parse_cache: ParseCache, cache: SegmentCache,
                 fingerprint: str, staged: Path, workers: int = 1,
                 per_segment: int = SEGMENT_REPORTS, per_task: int = TASK_REPORTS,
                 previous: Path | None = None) -> TablesResult:
    """Make the segments the cache lacks and write the staged files of every part whose
    key differs from the `previous` release's (a release directory, or None); the other
    parts are hard links to the previous release's files. Segments are written as they
    are made (and cached), or read from the cache, so that writing overlaps making. The
    manifest (what the gate passed, each part's key) goes beside `staged`."""
    segments = segments_of(batch, fingerprint, per_segment)
    progress.start("segments", len(segments))
    keys = part_keys(batch, fingerprint)
    reused = _link_unchanged(previous, keys, staged)
    known = cache.known([s.key for s in segments])
    todo = [s for s in segments if s.key not in known]
    derived = _derive(cache, batch, fingerprint, segment_bits(len(batch.inputs), per_segment),
                      segments, todo, set(keys))
    todo = [s for s in todo if s.key not in derived]
    state = (batch.duplicates, batch.inputs, batch.years, parse_cache)
    made = ordered_map(_make_task, _tasks(todo, per_task), workers, _init_worker, (state,))
    fresh = {s.key for s in todo}
    wanted = set(keys) - reused
    result = _assemble(_in_order(cache, segments, fresh, _cached(cache, made), wanted),
                       staged, wanted, cache)
    result.rows = {name: parquet_rows(staged, name) for name in resources()}
    result.segments, result.made, result.reused = (len(segments), len(todo),
                                                   len(segments) - len(todo))
    result.derived = len(derived)
    result.parts = {part: {"key": key, "reused": part in reused} for part, key in keys.items()}
    cache.keep_only([s.key for s in segments])
    write_manifest(staged, result.gate_json())
    return result


def _derive(cache: SegmentCache, batch: ParsedBatch, fingerprint: str, bits: int,
            segments: list[Segment], todo: list[Segment], parts: set[str]) -> set[str]:
    """Put in the cache the `todo` segments that are a quarter of a cached segment of
    the step before (`bits` - 2) and return their keys. A cached key digests every
    report's entry, so the larger segment's rows are these reports' rows as they would
    be made now; each table is sorted by report id, so a quarter's rows are a slice.
    Tried only when most segments are new and the cache is not empty: a build that just
    grew past a step (a cold build has nothing to cut from; the parent keys cost what
    the segments' keys cost)."""
    if bits < 2 or len(todo) * 2 <= len(segments) or cache.empty():
        return set()
    parents = _segments_at(batch, fingerprint, bits - 2)
    cached = cache.known([p.key for p in parents])
    by_prefix = {segment_of(p.shas[0], bits - 2): p.key for p in parents if p.key in cached}
    children: dict[str, list[Segment]] = {}
    for segment in todo:
        parent = by_prefix.get(segment_of(segment.shas[0], bits - 2))
        if parent is not None:
            children.setdefault(parent, []).append(segment)
    done: set[str] = set()
    for parent, (tables, gate) in zip(children, cache.read_all(list(children), parts),
                                      strict=True):
        made = [_quarter(segment, tables, gate) for segment in children[parent]]
        cache.put(made)
        done.update(s.key for s in made)
    return done


def _quarter(segment: Segment, tables: dict[str, pa.Table], gate: dict) -> SegmentTables:
    """A segment's rows cut from a larger cached segment's (`<table>/<part>` tables):
    what `_cut` gives when making it, with the parts of its own reports only."""
    first, last = segment.shas[0][:16], segment.shas[-1][:16]
    mine = {}
    for key, table in tables.items():
        ids = table.column("report_id").to_numpy(zero_copy_only=False)
        lo = np.searchsorted(ids, first, "left")
        mine[key] = table.slice(lo, np.searchsorted(ids, last, "right") - lo)
    own = {_part(k) for k, t in mine.items() if k.startswith("reports/") and t.num_rows}
    mine = {k: t for k, t in mine.items() if _part(k) in own}
    checks = [t for k, t in mine.items() if k.startswith("checks/")]
    counts: Counter = Counter()
    for table in checks:
        failed = pc.filter(table.column("check_id"), pc.equal(table.column("status"), "fail"))
        counts.update({c["values"].as_py(): c["counts"].as_py()
                       for c in pc.value_counts(failed)})
    ids = {sha[:16] for sha in segment.shas}
    return SegmentTables(segment.key, {k: _ipc(t) for k, t in mine.items()},
                         {"withheld": sorted(ids & set(gate["withheld"])),
                          "failed_checks": dict(sorted(counts.items()))})


def _link_unchanged(previous: Path | None, keys: dict[str, str], staged: Path) -> set[str]:
    """Link the previous release's files of every part whose key is unchanged into
    `staged`; return those parts."""
    if previous is None or not (previous / "datapackage.json").is_file():
        return set()
    descriptor = json.loads((previous / "datapackage.json").read_text(encoding="utf-8"))
    before = {p.get("part"): p.get("key") for p in descriptor.get(PARTS_PROPERTY, [])}
    same = {part for part, key in keys.items() if before.get(part) == key
            and all((previous / "data" / f).is_file()
                    for name in resources() for f in part_files(name, part))}
    for part in same:
        for name in resources():
            for relative in part_files(name, part):
                target = staged / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(previous / "data" / relative, target)
    return same


def _cached(cache: SegmentCache, tasks: Iterator[list[SegmentTables]]
            ) -> Iterator[SegmentTables]:
    """Each made segment, once its task's segments are in the cache."""
    for made in tasks:
        cache.put(made)
        yield from made


def _in_order(cache: SegmentCache, segments: list[Segment], fresh: set[str],
              made: Iterator[SegmentTables], wanted: set[str]
              ) -> Iterator[tuple[str, dict[str, int], dict]]:
    """Every segment's key, its row count of each table of the `wanted` parts (keyed
    `<table>/<part>`) and its gate, in segment order: made now (the `fresh` keys, which
    `made` yields in segment order, each once it is in the cache), or from the cache."""
    stored = cache.row_counts([s.key for s in segments if s.key not in fresh], wanted)
    for segment in segments:
        if segment.key in fresh:
            tables = next(made)
            yield (segment.key, {n: p.num_rows for n, p in tables.tables.items()
                                 if _part(n) in wanted}, tables.gate)
        else:
            yield segment.key, *next(stored)
        progress.advance("segments")


def _part(key: str) -> str:
    return key.split("/", 1)[1]


def _tasks(segments: list[Segment], per_task: int) -> Iterator[list[Segment]]:
    task: list[Segment] = []
    size = 0
    for segment in segments:
        if task and size + len(segment.shas) > per_task:
            yield task
            task, size = [], 0
        task.append(segment)
        size += len(segment.shas)
    if task:
        yield task


_STATE: tuple | None = None  # a worker's view of the build, set once per process


def _init_worker(state: tuple) -> None:
    global _STATE
    _STATE = state


def _make_task(task: list[Segment]) -> list[SegmentTables]:
    """Tidy and gate a task's reports together, then cut the tables into segments."""
    duplicates, inputs, years, parse_cache = _STATE
    shas = [sha for segment in task for sha in segment.shas]
    reports = list(parse_cache.get_many([(inputs[sha].parse_key, inputs[sha].source)
                                         for sha in shas]))
    if None in reports:  # the cache was changed under the build (deleted, another version)
        missing = [inputs[sha].source for sha, r in zip(shas, reports, strict=True) if r is None]
        raise LookupError(f"{len(missing)} parsed reports are not in {parse_cache.path}, "
                          f"e.g. {missing[0]}: run the build again to parse them")
    tables = tidy(reports, duplicates, inputs, years)
    failures = schema_failures(tables)
    withhold(tables, failures)
    arrow = {name: to_arrow(frame, resources()[name])
             for name, frame in prepare(tables).items()}
    ids = {name: table.column("report_id").to_numpy(zero_copy_only=False)
           for name, table in arrow.items()}
    return [_cut(segment, arrow, ids, failures) for segment in task]


def _cut(segment: Segment, tables: dict[str, pa.Table], ids: dict[str, np.ndarray],
         failures: dict[str, str]) -> SegmentTables:
    """A segment's rows of each table: the slice between its first and last report id
    (every table is sorted by a key that starts with the report id)."""
    first, last = segment.shas[0][:16], segment.shas[-1][:16]
    mine = {}
    for name, table in tables.items():
        lo = np.searchsorted(ids[name], first, "left")
        hi = np.searchsorted(ids[name], last, "right")
        mine[name] = table.slice(lo, hi - lo)
    out = {f"{name}/{part}": _ipc(rows) for name, by_part in split_parts(mine).items()
           for part, rows in by_part.items()}
    checks = mine["checks"]
    failed = pc.filter(checks.column("check_id"), pc.equal(checks.column("status"), "fail"))
    counts = {c["values"].as_py(): c["counts"].as_py() for c in pc.value_counts(failed)}
    gate = {"withheld": sorted({sha[:16] for sha in segment.shas} & set(failures)),
            "failed_checks": dict(sorted(counts.items()))}
    return SegmentTables(segment.key, out, gate)


def _ipc(table: pa.Table) -> Packed:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema, options=_IPC) as writer:
        writer.write_table(table)
    return Packed(sink.getvalue().to_pybytes(), table.num_rows)


def _assemble(segments: Iterator[tuple[str, dict[str, int], dict]], staged: Path,
              wanted: set[str], cache: SegmentCache) -> TablesResult:
    """Write every segment's rows of the `wanted` parts, in segment order, as the staged
    CSV and Parquet files; gather every segment's gate. A table's rows wait for
    FLUSH_ROWS of them (one Parquet row group) in every part at once; they wait in the
    segment cache, which holds every segment by now, and only their segments' keys here:
    held in memory, even packed, they grew with the build (336 MiB at 10,000 reports,
    where most parts of most tables never reach FLUSH_ROWS before the end) up to
    FLUSH_ROWS rows of every table and part."""
    withheld: list[str] = []
    failed: Counter = Counter()
    preview: dict[str, pd.DataFrame] = {}
    pending: dict[str, list[str]] = {}  # `<table>/<part>` -> its segments waiting
    rows: Counter = Counter()  # rows pending
    with TableFiles(staged) as files:
        for part in wanted:
            files.open_part(part)
        for segment, tables, gate in segments:
            withheld += gate["withheld"]
            failed.update(gate["failed_checks"])
            for key, count in tables.items():
                pending.setdefault(key, []).append(segment)
                rows[key] += count
                if rows[key] >= FLUSH_ROWS:
                    _flush(files, cache, key, pending, preview)
                    rows[key] = 0
        for key in sorted(pending):
            _flush(files, cache, key, pending, preview)
    pa.default_memory_pool().release_unused()  # Arrow keeps freed pages for reuse
    return TablesResult({}, withheld, dict(sorted(failed.items())), 0, 0, 0, preview)


def _flush(files: TableFiles, cache: SegmentCache, key: str, pending: dict[str, list[str]],
           preview: dict[str, pd.DataFrame]) -> None:
    if not pending[key]:
        return
    table = cache.rows_of(pending[key], key)
    pending[key] = []
    name, part = key.split("/", 1)
    if name not in preview:
        preview[name] = table.slice(0, 10).to_pandas()
    files.append_arrow(name, part, table)
