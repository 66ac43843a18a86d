"""The inputs of a build: inbox files and harvested URLs, archived, then parsed once.

Every input goes through the raw archive first (pipelines/archive.py), so a release can
always be rebuilt from the archive alone. A build's inputs are the files now in the inbox
plus the latest archived content of each URL in the sources list. Identical bytes are
parsed once; a parse result is reused while the bytes and the parser fingerprint are
unchanged (pipelines/parse_cache.py).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pipelines import progress
from pipelines.archive import RawArchive, object_path
from pipelines.crossyear import YearIndex, add_entry
from pipelines.harvest.fetch import Fetcher, FetchResult
from pipelines.harvest.sources import Source
from pipelines.parallel import isolating_map
from pipelines.parse import failed, parse_bytes
from pipelines.parse_cache import CachedSummary, CacheEntry, ParseCache
from pipelines.report import ParsedReport

PARSE_CHUNK = 100  # files parsed per task (in a worker process when there are several)
ARCHIVE_BATCH = 2000  # inbox files archived with one sync (a sync waits for the disk)


@dataclass(frozen=True)
class Input:
    source: str  # inbox path or URL: what the report is called across releases
    sha256: str
    size: int
    url: str | None = None
    retrieved_at: str | None = None
    # When the archive first saw this source with these bytes (the place of its record
    # among the content's records): of byte-identical inputs the first seen names the
    # report, so a copy added later never renames a published report.
    seen: int = 0


@dataclass(frozen=True)
class ArchiveBytes:
    """An input's bytes from the raw archive; picklable, for parsing in other processes."""

    root: Path

    def __call__(self, item: Input) -> bytes:
        return object_path(self.root, item.sha256).read_bytes()


@dataclass(frozen=True)
class InboxBytes:
    """An input's bytes from the inbox it was scanned from."""

    inbox: Path

    def __call__(self, item: Input) -> bytes:
        return (self.inbox / item.source).read_bytes()


@dataclass
class ParsedBatch:
    """A build's parsed inputs. The reports themselves are kept only when asked: a large
    build keeps them in the parse cache and reads them back batch by batch."""

    reports: list[ParsedReport]  # one per distinct content, when kept
    duplicates: dict[str, list[str]]  # sha256 -> the other sources with the same bytes
    inputs: dict[str, Input] = field(default_factory=dict)  # sha256 -> its first input
    parsed: int = 0  # parsed in this run
    reused: int = 0  # taken from the parse cache
    statuses: Counter = field(default_factory=Counter)
    years: YearIndex = field(default_factory=dict)  # for the cross-year checks
    summaries: dict[str, CachedSummary] = field(default_factory=dict)  # by sha256


def inbox_paths(inbox: Path) -> list[Path]:
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} does not exist or is not a directory")
    return sorted(p for p in inbox.rglob("*") if p.is_file() and not p.name.startswith("."))


def scan_inbox(inbox: Path) -> list[Input]:
    """The inbox's files as inputs, without archiving them (for ad-hoc use and tests)."""
    return [Input(p.relative_to(inbox).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest(),
                  p.stat().st_size) for p in inbox_paths(inbox)]


def archive_inbox(archive: RawArchive, inbox: Path) -> list[Input]:
    """Archive every inbox file (once per content) and return them as inputs."""
    paths = inbox_paths(inbox)
    out = []
    progress.start("archived", len(paths))
    for start in range(0, len(paths), ARCHIVE_BATCH):
        part = paths[start:start + ARCHIVE_BATCH]
        for path, stored in zip(part, archive.put_files(part, inbox), strict=True):
            source = path.relative_to(inbox).as_posix()
            record = archive.inbox_record(source) or {}
            out.append(Input(source, stored.sha256, stored.size,
                             retrieved_at=record.get("mtime"),
                             seen=_first_seen(archive, stored.sha256, source)))
        progress.advance("archived", len(part))
    return out


def _first_seen(archive: RawArchive, sha256: str, source: str) -> int:
    records = archive.provenance(sha256)
    return next((n for n, r in enumerate(records) if source in (r.get("inbox_path"),
                                                                  r.get("url"))), len(records))


def harvest(archive: RawArchive, sources: list[Source], fetcher: Fetcher) -> list[FetchResult]:
    """Fetch each source (conditionally, from its last archived fetch) and archive it."""
    previous = {s.url: archive.latest_fetch(s.url) for s in sources}
    results = fetcher.fetch_all(sources, previous)
    for result in results:
        if result.status == "fetched" and result.content is not None:
            archive.put(result.content, result.provenance())
    return results


def harvested_inputs(archive: RawArchive, sources: list[Source]) -> list[Input]:
    """The latest archived content of each source URL (URLs never fetched are skipped)."""
    out = []
    for source in sources:
        record = archive.latest_fetch(source.url)
        if record is not None:
            size = archive.object_path(record.sha256).stat().st_size
            out.append(Input(source.url, record.sha256, size, source.url, record.fetched_at,
                             _first_seen(archive, record.sha256, source.url)))
    return out


def parse_inputs(inputs: list[Input], read: Callable[[Input], bytes],
                 cache: ParseCache | None, keep: bool = True, workers: int = 1) -> ParsedBatch:
    """Parse each distinct content once, reusing cached results; `read(input)` gives bytes
    (it must pickle when `workers` > 1: ArchiveBytes, InboxBytes). With `keep` False (a
    cache is then required) the reports are left in the cache."""
    if not keep and cache is None:
        raise ValueError("reports not kept in memory need a parse cache")
    batch = ParsedBatch([], {})
    for item in sorted(inputs, key=lambda i: i.source):
        first = batch.inputs.get(item.sha256)
        if first is None:
            batch.inputs[item.sha256] = item
            continue
        if item.seen < first.seen:  # seen before: this name stays the report's name
            batch.inputs[item.sha256], item = item, first
        batch.duplicates.setdefault(item.sha256, []).append(item.source)
    for names in batch.duplicates.values():
        names.sort()
    batch.summaries = cache.summaries(batch.inputs) if cache else {}
    todo = [i for i in batch.inputs.values() if i.sha256 not in batch.summaries]
    batch.reused, batch.parsed = len(batch.summaries), len(todo)
    parsed: dict[str, ParsedReport] = {}
    chunks = [todo[s:s + PARSE_CHUNK] for s in range(0, len(todo), PARSE_CHUNK)]
    died = partial(_died, keep)
    progress.start("parsed", len(todo))
    for results in isolating_map(partial(_parse_chunk, read, keep), chunks, workers, died):
        if cache:
            cache.put_many([entry for entry, _ in results])
        for entry, report in results:
            batch.summaries[entry.summary.sha256] = entry.summary
            if report is not None:
                parsed[report.sha256] = report
        progress.advance("parsed", len(results))
    for sha in batch.inputs:
        s = batch.summaries[sha]
        batch.statuses[s.status] += 1
        add_entry(batch.years, s.agency_id, s.report_year, s.cross_year)
    if keep:
        batch.reports = _kept(batch, parsed, cache)
    return batch


def _parse_chunk(read: Callable[[Input], bytes], keep: bool,
                 items: list[Input]) -> list[tuple[CacheEntry, ParsedReport | None]]:
    """Parse a chunk of inputs (in a worker process, or in this one)."""
    out = []
    for item in items:
        report = parse_bytes(item.source, read(item))
        out.append((CacheEntry.of(report), report if keep else None))
    return out


def _died(keep: bool, item: Input) -> tuple[CacheEntry, ParsedReport | None]:
    """The result for a file whose parser process died (memory, a native crash)."""
    reason = (f"{item.source}: parser error: the parsing process died reading this file "
              "(out of memory, or a crash in a library)")
    report = failed(item.source, item.sha256, item.size, "parser_error", reason)
    return CacheEntry.of(report), report if keep else None


def _kept(batch: ParsedBatch, parsed: dict[str, ParsedReport],
          cache: ParseCache | None) -> list[ParsedReport]:
    """Every distinct report, in source order: parsed now, or read from the cache."""
    reused = [(i.sha256, i.source) for i in batch.inputs.values() if i.sha256 not in parsed]
    if cache and reused:
        parsed |= {r.sha256: r for r in cache.get_many(reused) if r is not None}
    return [parsed[sha] for sha in batch.inputs]


def parse_inbox(inbox: Path, inputs: list[Input] | None = None) -> ParsedBatch:
    """Parse an inbox directly, with no archive or cache (for ad-hoc use and tests)."""
    items = scan_inbox(inbox) if inputs is None else inputs
    return parse_inputs(items, InboxBytes(inbox), None)
