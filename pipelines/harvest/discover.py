"""Discovery: walk a site's listing pages, keep the entries that are annual reports, follow
each to its report page and put the page, its attachments and its body images into the
raw archive, each an object of its own with provenance naming the page it came from.

Belongs here: the walk and its bookkeeping (what was discovered, skipped or failed, and
why; which URLs make up each report). Not here: reading a listing (listing.py), judging a
title (titles.py), reading a report page (report_page.py), HTTP (fetch.py: the same
Fetcher, so the same rate limits, deadlines and size caps as the harvest of listed URLs),
robots.txt (robots.py).

The walk of one listing:
- pages in the order they are found (the listing URL, then the next, numbered and CMS
  `index_N.html` pages each page names); a page already walked is not walked again (a
  listing that loops ends), and at most `max_pages` pages are walked;
- each entry in the page's order: not a report title -> skipped with the title rule's
  reason; listed before (on this or an earlier page) -> skipped as a duplicate; else its
  page is fetched (conditionally, from the archive's last fetch of it);
- incremental: the first report whose page is archived unchanged (HTTP 304, or the same
  bytes) and whose parts were all archived before ends the walk of the listing: what a
  listing shows after it was walked before. A listing page itself is fetched
  conditionally and read from the archive when unchanged (HTTP 304);
- oldest first: a listing whose entries' dates or years rise down it (order.py) shows
  its new reports last, so every page is read and its reports are fetched from the last
  back, with the same stop (noted `oldest_first` on the page where it was seen). A
  listing whose entries show no order is taken as newest first (the CMS convention).
Every listing page, entry, attachment and image gets a record (`Record`) with its status
and reason; a site's reports and their parts are kept in `<archive>/discovery/<site>.json`
(`read_reports`), which says for each report the one URL the build reads: an attachment
when the page only wraps them (report_page.WRAPPER_CHARS; `read_first` says which), else
the page itself. The build reads it with the page's URL and the entry's title
(pipelines/inputs.py `discovered_inputs`): one report per entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections import deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pipelines.archive import RawArchive
from pipelines.harvest.fetch import Fetcher, FetchResult
from pipelines.harvest.listing import read_listing
from pipelines.harvest.order import OLDEST_FIRST, ListingOrder
from pipelines.harvest.report_page import ATTACHMENT_TYPES, extension, read_report_page
from pipelines.harvest.robots import Robots
from pipelines.harvest.sources import Source, redact_url
from pipelines.harvest.titles import TitleVerdict, judge
from pipelines.linked_images import page_link

MAX_PAGES = 500  # listing pages walked per listing and run (a listing of 20 a page: 10,000)
READ_ORDER = ("docx", "pdf", "doc", "wps", "ofd")  # read_first: the format read first
STATE_DIR = "discovery"  # under the archive root: one JSON file per site
_UNSAFE = re.compile(r"[^\w.-]")


@dataclass(frozen=True)
class Record:
    """One thing discovery did, and why. `kind`: robots, listing, entry, page, attachment
    or image. `status`: fetched, not_modified or failed for a fetch; discovered,
    unchanged, skipped or failed for an entry; stopped for the end of an incremental walk,
    oldest_first for a listing seen to list its newest last."""

    site: str
    listing: str
    kind: str
    url: str
    status: str
    reason: str | None = None
    title: str | None = None
    year: int | None = None
    found_on: str | None = None
    sha256: str | None = None
    http_status: int | None = None


@dataclass
class SiteRun:
    """What one run of discovery over a site came to."""

    site: str
    records: list[Record] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Entries by status, and fetches of each kind by status (kind:status)."""
        out: dict[str, int] = {}
        for record in self.records:
            key = record.status if record.kind == "entry" else f"{record.kind}:{record.status}"
            out[key] = out.get(key, 0) + 1
        return out


def site_key(url: str) -> str:
    """A listing's site, as a partition key: its host, and port when one is given."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}_{parts.port}" if parts.port else host


def listing_sources(sources: Iterable[Source], site: str | None = None) -> list[Source]:
    """The sources that are listing pages (of one site, if given)."""
    return [s for s in sources if s.kind == "listing" and site in (None, site_key(s.url))]


def discover_site(listings: list[Source], archive: RawArchive, fetcher: Fetcher,
                  max_pages: int = MAX_PAGES) -> SiteRun:
    """Walk each listing of one site (see the module docstring); never raises for a bad
    site. The site's reports are saved in the archive's discovery folder."""
    if not listings:
        return SiteRun("")
    site = site_key(listings[0].url)
    walk = _Walk(site, archive, fetcher, Robots(fetcher), read_reports(archive.root, site))
    for listing in listings:
        walk.listing(listing, max_pages)
    robots = [Record(site, "", "robots", f"{origin}/robots.txt", _robots_status(note), note)
              for origin, note in walk.robots.notes.items()]
    walk.run.records[:0] = robots
    _save_reports(archive.root, site, walk.reports)
    return walk.run


def read_reports(archive_root: Path, site: str | None = None) -> dict[str, dict[str, Any]]:
    """The reports discovery found (of one site, or of all): report page URL -> title,
    year, listing, agency hints, attachments, images and `read` (the URLs the build
    reads as the report)."""
    folder = Path(archive_root) / STATE_DIR
    files = [_state_file(archive_root, site)] if site else sorted(folder.glob("*.json"))
    out: dict[str, dict[str, Any]] = {}
    for path in files:
        if path.is_file():
            out.update(json.loads(path.read_text(encoding="utf-8")))
    return out


def _save_reports(archive_root: Path, site: str, reports: dict[str, dict[str, Any]]) -> None:
    """Written whole or not at all (a killed run keeps the previous file)."""
    folder = Path(archive_root) / STATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{site}-")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        json.dump(reports, file, ensure_ascii=False, indent=1, sort_keys=True)
        file.flush()
        os.fsync(file.fileno())
    os.replace(tmp, _state_file(archive_root, site))


def _state_file(archive_root: Path, site: str) -> Path:
    return Path(archive_root) / STATE_DIR / f"{_UNSAFE.sub('_', site)}.json"


class _Walk:
    """One run over one site: the fetches, the records and the site's reports."""

    def __init__(self, site: str, archive: RawArchive, fetcher: Fetcher, robots: Robots,
                 reports: dict[str, dict[str, Any]]) -> None:
        self.site, self.archive, self.fetcher, self.robots = site, archive, fetcher, robots
        self.reports = reports
        self.run = SiteRun(site)
        self._listed: dict[str, str] = {}  # entry URL -> the listing page it was first on

    def note(self, listing: str, kind: str, url: str, status: str, **fields: Any) -> Record:
        record = Record(self.site, redact_url(listing), kind, redact_url(url), status,
                        **fields)
        self.run.records.append(record)
        return record

    def listing(self, source: Source, max_pages: int) -> None:
        start = source.url
        queue, queued, walked = deque([start]), {_page_key(start)}, 0
        order = ListingOrder()  # told by the entries of the pages walked
        pending: list[tuple[str, str, TitleVerdict]] = []  # reports of an oldest-first one
        oldest_first = False
        while queue:
            page_url = queue.popleft()
            if walked >= max_pages:
                self.note(start, "listing", page_url, "skipped",
                          reason=f"page limit: {max_pages} pages walked "
                                 "(OGI_DISCOVERY_MAX_PAGES)")
                break
            walked += 1
            page = self._listing_page(start, page_url)
            if page is None:
                continue
            for following in page.pages:
                if _page_key(following) not in queued:
                    queued.add(_page_key(following))
                    queue.append(following)
            order.add(page.entries)
            if not oldest_first and order.order == OLDEST_FIRST:
                oldest_first = True  # once seen so, the rest of the walk is
                self.note(start, "listing", page_url, "oldest_first",
                          reason="the entries' dates (or titles' years) rise down the "
                                 "listing: every page is read, and the reports are "
                                 "fetched from the last back")
            for entry in page.entries:
                verdict = self._entry(source, page_url, entry.title, entry.url)
                if verdict is None:
                    continue
                if oldest_first:  # the newest are last: fetched once every page is read
                    pending.append((page_url, entry.url, verdict))
                elif self._report(source, page_url, entry.url, verdict) == "unchanged":
                    self._stopped(start, page_url, "incremental: the walk ends at the "
                                  "first report archived unchanged")
                    return
        for page_url, url, verdict in reversed(pending):
            if self._report(source, page_url, url, verdict) == "unchanged":
                self._stopped(start, page_url, "incremental, oldest first: every page "
                              "read, the reports taken from the last back; the walk ends "
                              "at the first archived unchanged")
                return

    def _stopped(self, listing: str, page_url: str, reason: str) -> None:
        self.note(listing, "listing", page_url, "stopped", reason=reason)

    def _listing_page(self, listing: str, url: str):
        if not self.robots.allowed(url):
            self.note(listing, "listing", url, "skipped", reason="robots.txt disallows it")
            return None
        result, content = self._fetch(url)
        self.note(listing, "listing", url, result.status, reason=result.error,
                  sha256=result.sha256, http_status=result.http_status)
        if content is None:
            return None
        if result.status == "fetched":
            self.archive.put(content, {**result.provenance(), "site": self.site,
                                       "discovered_as": "listing"})
        return read_listing(content, result.final_url, result.content_type)

    def _entry(self, source: Source, page_url: str, title: str,
               url: str) -> TitleVerdict | None:
        """The entry's verdict when it is a report to follow, else None (noted why)."""
        verdict = judge(title)
        key = redact_url(url)
        first = self._listed.get(key)
        self._listed.setdefault(key, page_url)
        if first is not None:
            if verdict.is_report:  # a navigation link on every page is noted once
                self.note(source.url, "entry", url, "skipped", title=title,
                          year=verdict.year, found_on=page_url,
                          reason=f"duplicate: listed before on {redact_url(first)}")
            return None
        if not verdict.is_report:
            self.note(source.url, "entry", url, "skipped", title=title, found_on=page_url,
                      reason=verdict.reason)
            return None
        if not self.robots.allowed(url):
            self.note(source.url, "entry", url, "skipped", title=title, year=verdict.year,
                      found_on=page_url, reason="robots.txt disallows it")
            return None
        return verdict

    def _report(self, source: Source, page_url: str, url: str, verdict: TitleVerdict) -> str:
        key = redact_url(url)
        previous = self.archive.latest_fetch(key)
        result, content = self._fetch(url)
        common = {"title": verdict.title, "year": verdict.year, "found_on": page_url}
        if content is None:
            self.note(source.url, "entry", url, "failed", reason=result.error,
                      http_status=result.http_status, **common)
            return "failed"
        known = self.reports.get(key)
        if (previous is not None and result.sha256 == previous.sha256 and known
                and known.get("complete")):
            self.note(source.url, "entry", url, "unchanged", sha256=result.sha256,
                      http_status=result.http_status,
                      reason="archived unchanged (HTTP 304)" if result.status ==
                      "not_modified" else "archived unchanged (same bytes)", **common)
            return "unchanged"
        hints = {"site": self.site, "listing": redact_url(source.url), "title": verdict.title,
                 "year": verdict.year, "agency": source.agency, "region": source.region,
                 "level": source.level}
        self.archive.put(content, {**result.provenance(), **hints,
                                   "discovered_as": "report_page",
                                   "found_on": redact_url(page_url)})
        report = {**hints, "attachments": [], "images": [], "read": [key], "complete": True}
        if extension(result.final_url) in ATTACHMENT_TYPES or not _is_html(result):
            report["read_as"] = "the linked file itself"
        else:
            self._parts(source, result, content, report, hints)
        self.reports[key] = report
        self.note(source.url, "entry", url, "discovered", sha256=result.sha256,
                  http_status=result.http_status, reason=report["read_as"], **common)
        return "discovered"

    def _parts(self, source: Source, page: FetchResult, content: bytes,
               report: dict[str, Any], hints: dict[str, Any]) -> None:
        """Fetch and archive the page's attachments and body images; decide what is read."""
        parts = read_report_page(content, page.final_url)
        page_sha256 = hashlib.sha256(content).hexdigest()
        fetched: dict[str, list[str]] = {"attachment": [], "image": []}
        for kind, urls in (("attachment", parts.attachments), ("image", parts.images)):
            for url in urls:
                if not self.robots.allowed(url):
                    self.note(source.url, kind, url, "skipped", found_on=page.url,
                              reason="robots.txt disallows it")
                    report["complete"] = False
                    continue
                result, body = self._fetch(url)
                self.note(source.url, kind, url, result.status, reason=result.error,
                          found_on=page.url, sha256=result.sha256,
                          http_status=result.http_status)
                if body is None:
                    report["complete"] = False
                    continue
                record = {**result.provenance(), **hints, "discovered_as": kind,
                          "found_on": page.url}
                if kind == "image":  # linked to these page bytes, by each src naming it
                    for src in parts.srcs.get(url, ()):
                        self.archive.put(body, {**record, **page_link(page_sha256, src)})
                elif result.status == "fetched":
                    self.archive.put(body, record)
                fetched[kind].append(redact_url(url))
        report["attachments"], report["images"] = fetched["attachment"], fetched["image"]
        if parts.wraps_attachments and fetched["attachment"]:
            chosen = read_first(fetched["attachment"])
            report["read"] = [chosen]
            others = len(fetched["attachment"]) - 1
            report["read_as"] = (f"the attachment {chosen}: the page only wraps it "
                                 f"({parts.body_chars} characters of its own)"
                                 + (f"; {others} other attachment(s) archived, not read "
                                    "(one report per entry)" if others else ""))
        else:
            report["read_as"] = (f"the page ({parts.body_chars} characters"
                                 f"{', with its images' if fetched['image'] else ''})")

    def _fetch(self, url: str) -> tuple[FetchResult, bytes | None]:
        """A conditional fetch, and the bytes: fetched, or archived when unchanged."""
        previous = self.archive.latest_fetch(redact_url(url))
        result = self.fetcher.fetch(Source(url), previous)
        return result, self.archive.body_of(result)


def read_first(attachments: list[str]) -> str:
    """The one attachment read as an entry's report (a page wrapping the same report as
    PDF and DOC must not publish it twice): the first in READ_ORDER's formats, then in
    the page's order. DOCX first (its tables are cells, not drawn text), then PDF (the
    format read most), then the formats read through a conversion."""
    return min(attachments, key=lambda url: READ_ORDER.index(extension(url))
               if extension(url) in READ_ORDER else len(READ_ORDER))


def _robots_status(note: str) -> str:
    if note.startswith("robots.txt read"):
        return "fetched"
    return "absent" if note.startswith("no robots.txt") else "failed"


def _is_html(result: FetchResult) -> bool:
    kind = (result.content_type or "").lower()
    return not kind or "html" in kind or "text/plain" in kind


@lru_cache(maxsize=65536)  # every page of a CMS listing names every other page
def _page_key(url: str) -> str:
    """A page URL as compared for loops: scheme and host lowercase, no fragment."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def records_as_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Records as plain dicts (for the harvest log and the run's metadata)."""
    return [asdict(record) for record in records]
