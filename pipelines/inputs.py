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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.archive import RawArchive
from pipelines.crossyear import YearIndex, add_to_year_index
from pipelines.harvest.fetch import Fetcher, FetchResult
from pipelines.harvest.sources import Source
from pipelines.parse import parse_bytes
from pipelines.parse_cache import ParseCache
from pipelines.report import ParsedReport


@dataclass(frozen=True)
class Input:
    source: str  # inbox path or URL: what the report is called across releases
    sha256: str
    size: int
    url: str | None = None
    retrieved_at: str | None = None


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
    out = []
    for path in inbox_paths(inbox):
        stored = archive.put_file(path, inbox)
        record = archive.provenance(stored.sha256)[-1]
        out.append(Input(path.relative_to(inbox).as_posix(), stored.sha256, stored.size,
                         retrieved_at=record.get("mtime")))
    return out


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
            out.append(Input(source.url, record.sha256, size, source.url, record.fetched_at))
    return out


def parse_inputs(inputs: list[Input], read: Callable[[Input], bytes],
                 cache: ParseCache | None, keep: bool = True) -> ParsedBatch:
    """Parse each distinct content once, reusing cached results; `read(input)` gives bytes.
    With `keep` False (a cache is then required) the reports are left in the cache."""
    if not keep and cache is None:
        raise ValueError("reports not kept in memory need a parse cache")
    batch = ParsedBatch([], {})
    for item in sorted(inputs, key=lambda i: i.source):
        if item.sha256 in batch.inputs:
            batch.duplicates.setdefault(item.sha256, []).append(item.source)
            continue
        batch.inputs[item.sha256] = item
        report = cache.get(item.sha256, item.source) if cache else None
        if report is None:
            report = parse_bytes(item.source, read(item))
            batch.parsed += 1
            if cache:
                cache.put(report)
        else:
            batch.reused += 1
        batch.statuses[report.status] += 1
        add_to_year_index(batch.years, report)
        if keep:
            batch.reports.append(report)
    return batch


def cached_reports(batch: ParsedBatch, cache: ParseCache,
                   size: int) -> Iterator[list[ParsedReport]]:
    """The batch's reports read back from the cache, `size` at a time, in report-id order
    (the order the published tables are written in)."""
    items = sorted(batch.inputs.values(), key=lambda i: i.sha256)
    for start in range(0, len(items), size):
        yield [cache.get(i.sha256, i.source) for i in items[start:start + size]]


def parse_inbox(inbox: Path, inputs: list[Input] | None = None) -> ParsedBatch:
    """Parse an inbox directly, with no archive or cache (for ad-hoc use and tests)."""
    items = scan_inbox(inbox) if inputs is None else inputs
    return parse_inputs(items, lambda i: (inbox / i.source).read_bytes(), None)
