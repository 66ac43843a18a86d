"""The inputs of a build: inbox files and harvested URLs, archived, then parsed once.

Every input goes through the raw archive first (pipelines/archive.py), so a release can
always be rebuilt from the archive alone. A build's inputs are the files now in the inbox
(pipelines/inbox.py says which are read; the other entries are listed as skipped, with
their reasons) plus the latest archived content of each URL in the sources list, under
its redacted URL. A page's `<img>` tables come with it (pipelines/linked_images.py): an
inbox image a page shows is read with that page (and listed as skipped, naming the page),
and a harvested page's images are fetched with it and archived as objects of their own.
Files are parsed in worker processes, each within its budget
(pipelines/budget.py). Identical bytes are
parsed once; a parse result is reused while the bytes, what the parse read with them
(the page's linked images, a discovered report's listing title) and the parser
fingerprint are unchanged (pipelines/parse_cache.py).
"""

from __future__ import annotations

import hashlib
import re
import signal
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from urllib.parse import urljoin

from pipelines import progress
from pipelines.archive import NotArchived, RawArchive, object_path
from pipelines.budget import FileBudget, limit_process
from pipelines.crossyear import YearIndex, add_entry
from pipelines.harvest.discover import read_first, read_reports
from pipelines.harvest.fetch import Fetcher, FetchResult
from pipelines.harvest.sources import Source, redact_url
from pipelines.inbox import NotReadable, Skipped, read_inside, read_regular, scan
from pipelines.linked_images import ArchivedImages, image_srcs, inbox_key, page_link
from pipelines.parallel import isolating_map
from pipelines.parse import failed, parse_bytes
from pipelines.parse_cache import CachedSummary, CacheEntry, ParseCache, parse_key
from pipelines.read.html_images import Siblings
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
    # A discovered report (pipelines/harvest/discover.py): the report page its listing
    # entry leads to, and the entry's title, read for the agency and year the file lacks.
    # Byte-identical files share one parse, as one name: the first's title and images.
    page_url: str | None = None
    title: str | None = None
    # The images the page shows, archived: link key -> sha256 (pipelines/linked_images.py).
    images: tuple[tuple[str, str], ...] = ()

    @property
    def parse_key(self) -> str:
        """What its parse is cached under: the bytes with the images and title read."""
        return parse_key(self.sha256, self.images, self.title)


@dataclass(frozen=True)
class ArchiveBytes:
    """An input's bytes from the raw archive; picklable, for parsing in other processes."""

    root: Path

    def __call__(self, item: Input) -> bytes:
        return object_path(self.root, item.sha256).read_bytes()

    def siblings(self, item: Input) -> Siblings | None:
        """The archived images the page shows, by `src` (None: it shows none)."""
        if not item.images:
            return None
        return ArchivedImages(self.root, None if item.url else item.source, item.images)


@dataclass(frozen=True)
class InboxBytes:
    """An input's bytes from the inbox it was scanned from (never through a link out)."""

    inbox: Path

    def __call__(self, item: Input) -> bytes:
        return read_inside(self.inbox, item.source)

    def siblings(self, item: Input) -> Siblings | None:
        """The inbox images the page shows (those linked by archive_inbox), by `src`."""
        linked = dict(item.images)
        if not linked:
            return None

        def open_image(src: str) -> bytes | None:
            key = inbox_key(item.source, src)
            try:
                return read_inside(self.inbox, key) if key in linked else None
            except NotReadable:
                return None

        return open_image


@dataclass
class ArchivedInbox:
    """The inbox archived: its files as inputs, and the entries skipped with reasons."""

    inputs: list[Input]
    skipped: list[Skipped]


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
    years: YearIndex = field(default_factory=YearIndex)  # cross-year and roll-up checks
    summaries: dict[str, CachedSummary] = field(default_factory=dict)  # by sha256


def inbox_paths(inbox: Path) -> list[Path]:
    """The files of the inbox that a build reads (pipelines/inbox.py says which)."""
    return [f.path for f in scan(inbox).files]


def scan_inbox(inbox: Path) -> list[Input]:
    """The inbox's readable files as inputs, without archiving them (ad-hoc use, tests)."""
    out = []
    for file in scan(inbox).files:
        content = read_regular(file.path)[0]
        out.append(Input(file.source, hashlib.sha256(content).hexdigest(), len(content)))
    return out


def archive_inbox(archive: RawArchive, inbox: Path,
                  max_bytes: int | None = None) -> ArchivedInbox:
    """Archive every readable inbox file (once per content) and return them as inputs,
    with every entry that was not read and why."""
    listing = scan(inbox, max_bytes)
    out = ArchivedInbox([], listing.skipped)
    progress.start("archived", len(listing.files))
    for start in range(0, len(listing.files), ARCHIVE_BATCH):
        part = listing.files[start:start + ARCHIVE_BATCH]
        for file, stored in zip(part, archive.put_inbox(part), strict=True):
            if isinstance(stored, NotArchived):
                out.skipped.append(Skipped(file.source, "file", stored.reason))
                continue
            record = archive.inbox_record(file.source) or {}
            out.inputs.append(Input(file.source, stored.sha256, stored.size,
                                    retrieved_at=record.get("mtime"),
                                    seen=_first_seen(archive, stored.sha256, file.source)))
        progress.advance("archived", len(part))
    _link_inbox_images(archive.root, out)
    out.skipped.sort(key=lambda s: s.entry)
    return out


_NOT_PAGES = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # PDF, DOCX, DOC: no <img>
_IMAGE_NAME = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|webp)$", re.IGNORECASE)
MAX_PAGE_BYTES = 20 * 1024 * 1024  # larger inputs are not looked at for <img> (no CMS page)


def _top(source: str) -> str:
    """An inbox path's first folder ("" for a file at the inbox's root)."""
    return source.split("/", 1)[0] if "/" in source else ""


def _link_inbox_images(root: Path, out: ArchivedInbox) -> None:
    """Each inbox page linked to the inbox images its `<img src>` names; those images
    leave the inputs (they are part of the page) and are listed as skipped, naming the
    first page that reads them. Nothing is read when the inbox holds no image file; a
    page in a top folder holding no image is not looked at (a `src` reaching into
    another top folder is not followed)."""
    images = {i.source: i.sha256 for i in out.inputs if _IMAGE_NAME.search(i.source)}
    if not images:
        return
    # Pages are looked for at the inbox's root and under the top folders holding images
    # (an agency's or a year's folder): a large inbox is not read twice for one picture.
    tops = {_top(image) for image in images} | {""}
    shown: dict[str, str] = {}  # image -> the first page (in source order) showing it
    for n, item in enumerate(out.inputs):
        if item.source in images or item.size > MAX_PAGE_BYTES or _top(item.source) not in tops:
            continue
        with object_path(root, item.sha256).open("rb") as file:
            if file.read(4) in _NOT_PAGES:
                continue
            file.seek(0)
            keys = [inbox_key(item.source, src) for src in image_srcs(file.read())]
        links = tuple(dict.fromkeys((k, images[k]) for k in keys if k in images))
        if links:
            out.inputs[n] = replace(item, images=links)
            for key, _ in links:
                shown[key] = min(shown.get(key, item.source), item.source)
    out.inputs = [i for i in out.inputs if i.source not in shown]
    out.skipped.extend(Skipped(image, "file", f"an image shown by the page {page}: read "
                                              "as part of that page, not as a report")
                       for image, page in shown.items())


def _first_seen(archive: RawArchive, sha256: str, source: str) -> int:
    records = archive.provenance(sha256)
    return next((n for n, r in enumerate(records) if source in (r.get("inbox_path"),
                                                                  r.get("url"))), len(records))


def harvest(archive: RawArchive, sources: list[Source], fetcher: Fetcher) -> list[FetchResult]:
    """Fetch each source (conditionally, from its last archived fetch) and archive it,
    then the images each newly fetched page shows (pipelines/linked_images.py), each
    archived with provenance linking it to the page. Returns the pages' results, then
    the images'."""
    previous = {s.url: archive.latest_fetch(redact_url(s.url)) for s in sources}
    results = fetcher.fetch_all(sources, previous)
    wanted: list[tuple[Source, FetchResult, str]] = []  # (image, its page, its src)
    for source, result in zip(sources, results, strict=True):
        if result.status == "fetched" and result.content is not None:
            archive.put(result.content, result.provenance())
            # Resolved against the URL as requested (credentials kept for the fetch),
            # or where a redirect ended (already redacted).
            base = source.url if result.final_url == redact_url(source.url) else (
                result.final_url)
            for src in image_srcs(result.content):
                try:
                    wanted.append((Source(urljoin(base, src)), result, src))
                except ValueError:  # a malformed src ("http://[::1"): nothing to fetch
                    continue
    once = list(dict.fromkeys(image for image, _, _ in wanted))  # an image on two pages
    images = fetcher.fetch_all(once, {i.url: archive.latest_fetch(redact_url(i.url))
                                      for i in once})
    by_url = dict(zip(once, images, strict=True))
    for source, page, src in wanted:
        image = by_url[source]
        content = archive.body_of(image)  # unchanged: linked to these page bytes too
        if content is not None:
            archive.put(content, {**image.provenance(), "page_url": page.url,
                                  **page_link(page.sha256, src)})
    return results + images


def harvested_inputs(archive: RawArchive, sources: list[Source]) -> list[Input]:
    """The latest archived content of each source URL (URLs never fetched are skipped),
    under its redacted URL (fetches are archived so: pipelines/harvest/sources.py)."""
    fetched = (_fetched_input(archive, redact_url(source.url)) for source in sources)
    return [item for item in fetched if item is not None]


def _fetched_input(archive: RawArchive, url: str, page_url: str | None = None,
                   title: str | None = None) -> Input | None:
    """The latest archived fetch of `url` as an input, with the images archived as shown
    by those bytes (a page's: pipelines/linked_images.py); None if never fetched."""
    record = archive.latest_fetch(url)
    if record is None:
        return None
    size = archive.object_path(record.sha256).stat().st_size
    return Input(url, record.sha256, size, url, record.fetched_at,
                 _first_seen(archive, record.sha256, url), page_url, title,
                 tuple(sorted(archive.page_images(record.sha256).items())))


def discovered_inputs(archive: RawArchive) -> list[Input]:
    """The latest archived content of the one file each discovered report is read as: its
    attachment when its page only wraps it, else the page (discover.py decides and says
    which in the report's `read_as`), with the page's URL and the entry's title, and a
    page read as the report with its body images (discover.py links them to the page's
    bytes, as the harvest does). A URL named by two reports is one input (the first
    report's)."""
    reports: dict[str, tuple[str, str | None]] = {}
    for page, report in sorted(read_reports(archive.root).items()):
        if report["read"]:  # one file per entry (an older state file may name several)
            reports.setdefault(read_first(report["read"]), (page, report.get("title")))
    fetched = (_fetched_input(archive, url, page, title)
               for url, (page, title) in reports.items())
    return [item for item in fetched if item is not None]


def parse_inputs(inputs: list[Input], read: Callable[[Input], bytes],
                 cache: ParseCache | None, keep: bool = True, workers: int = 1,
                 budget: FileBudget | None = None) -> ParsedBatch:
    """Parse each distinct content once, reusing cached results; `read(input)` gives bytes
    (it must pickle: ArchiveBytes, InboxBytes). Files are parsed in worker processes
    (even one), each file within `budget`. With `keep` False (a cache is then required)
    the reports are left in the cache."""
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
    cached = cache.summaries(i.parse_key for i in batch.inputs.values()) if cache else {}
    batch.summaries = {sha: cached[i.parse_key] for sha, i in batch.inputs.items()
                       if i.parse_key in cached}
    todo = [i for i in batch.inputs.values() if i.sha256 not in batch.summaries]
    batch.reused, batch.parsed = len(batch.summaries), len(todo)
    parsed: dict[str, ParsedReport] = {}
    chunks = [todo[s:s + PARSE_CHUNK] for s in range(0, len(todo), PARSE_CHUNK)]
    budget = budget or FileBudget()
    died = partial(_died, keep)
    progress.start("parsed", len(todo))
    for results in isolating_map(partial(_parse_chunk, read, keep, budget), chunks, workers,
                                 died, limit_process, (budget,)):
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


def _parse_chunk(read: Callable[[Input], bytes], keep: bool, budget: FileBudget,
                 items: list[Input]) -> list[tuple[CacheEntry, ParsedReport | None]]:
    """Parse a chunk of inputs (in a worker process, or in this one in a daemon)."""
    out = []
    siblings = getattr(read, "siblings", None)  # the images a page shows, if `read` has them
    for item in items:
        report = parse_bytes(item.source, read(item), budget,
                             siblings(item) if siblings else None, title=item.title)
        out.append((CacheEntry.of(report, item.parse_key), report if keep else None))
    return out


def _died(keep: bool, item: Input, exitcode: int | None) -> tuple[CacheEntry,
                                                                  ParsedReport | None]:
    """The result for a file whose parser process died. SIGKILL is what the kernel sends
    a process out of memory (and a hard CPU limit): a resource limit. Any other death
    (a segmentation fault, an abort) is a crash in a library."""
    if exitcode in (-signal.SIGKILL, -signal.SIGXCPU):
        code, reason = "resource_limit", (
            f"{item.source}: the parsing process was killed ({signal.Signals(-exitcode).name}"
            ") reading this file: out of memory or CPU time")
    else:
        code, reason = "parser_error", (
            f"{item.source}: parser error: the parsing process died reading this file "
            f"(exit code {exitcode}: a crash in a library, or out of memory)")
    report = failed(item.source, item.sha256, item.size, code, reason)
    return CacheEntry.of(report, item.parse_key), report if keep else None


def _kept(batch: ParsedBatch, parsed: dict[str, ParsedReport],
          cache: ParseCache | None) -> list[ParsedReport]:
    """Every distinct report, in source order: parsed now, or read from the cache."""
    reused = [(i.parse_key, i.source) for i in batch.inputs.values() if i.sha256 not in parsed]
    if cache and reused:
        parsed |= {r.sha256: r for r in cache.get_many(reused) if r is not None}
    return [parsed[sha] for sha in batch.inputs]


def parse_inbox(inbox: Path, inputs: list[Input] | None = None) -> ParsedBatch:
    """Parse an inbox directly, with no archive or cache (for ad-hoc use and tests)."""
    items = scan_inbox(inbox) if inputs is None else inputs
    return parse_inputs(items, InboxBytes(inbox), None)
