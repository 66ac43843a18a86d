"""Parse results kept per (parser fingerprint, parse key), so unchanged reports are not
parsed again.

A parse reads more than the file's bytes: the images a page shows (linked to it in the
archive or the inbox) and a discovered report's listing title. The parse key
(`parse_key`) is the content's sha256 when there is nothing else to read, else a digest
of the sha256, the linked images (link key and sha256 each) and the title: an image
linked to unchanged page bytes later, a replaced image or a retitled entry make a new
key, so the page is parsed again. The report keeps the content's sha256 (its id).

One SQLite database per parser fingerprint (`<root>/parse-<fingerprint>.sqlite`): a row
per parse key, holding the report as its `ogi parse --json` record (compressed)
plus the few fields a build needs about every report (status, agency id, year, the
cells and role the checks across reports read), so that a build over 100,000 cached
reports reads those without decoding the reports.
Rows are written a chunk at a time in one transaction; a killed build loses at most its
last uncommitted chunk. Any number of processes may read while one writes (WAL).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from pipelines.crossyear import YearEntry, year_entry
from pipelines.report import ParsedReport
from pipelines.sqlite_store import connect, select_in

_SCHEMA = """
CREATE TABLE IF NOT EXISTS parses (
    key TEXT PRIMARY KEY,  -- the parse key (parse_key)
    sha256 TEXT NOT NULL,  -- the content's
    status TEXT NOT NULL,
    agency_id TEXT,
    report_year INTEGER,
    cross_year TEXT,   -- JSON: the cells the next year's cross-year checks read, or null
    role TEXT,         -- the report's role in the roll-ups (pipelines/rollup.py), or null
    report BLOB NOT NULL  -- ParsedReport.as_json() as JSON, zlib-compressed
)"""
# zlib level 1: a report's JSON (~40 KB, a cell's details repeat) shrinks about sevenfold
# for ~0.1 ms, which the smaller writes, transfers and reads more than pay back. orjson:
# four times as fast as json.dumps here (0.07 against 0.31 ms a report), twice at loading.
_LEVEL = 1
# The table of an earlier layout (keyed by sha256 alone), left in a cache file made
# before parse keys: dropped, as its rows may be parses made without an image.
_OLD_TABLE = "DROP TABLE IF EXISTS reports"


def parse_key(sha256: str, images: Iterable[tuple[str, str]] = (),
              title: str | None = None) -> str:
    """The key of a parse of these bytes with these linked images (link key, sha256)
    and listing title: the sha256 itself when there are neither."""
    links = sorted(images)
    if not links and title is None:
        return sha256
    text = json.dumps([sha256, links, title], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedSummary:
    """What a build needs to know of every report without reading it whole."""

    sha256: str
    status: str
    agency_id: str | None
    report_year: int | None
    cross_year: YearEntry | None  # set when the report enters the cross-year index


@dataclass(frozen=True)
class CacheEntry:
    """A parsed report ready to store: encoded where it was parsed (maybe in a worker)."""

    summary: CachedSummary
    data: bytes  # the report as compressed JSON
    key: str  # the parse key (the report's sha256 when the parse read nothing else)

    @classmethod
    def of(cls, report: ParsedReport, key: str | None = None) -> CacheEntry:
        entry = year_entry(report)
        summary = CachedSummary(report.sha256, report.status, report.place.get("agency_id"),
                                report.report_year, entry)
        return cls(summary, zlib.compress(orjson.dumps(report.as_json()), _LEVEL),
                   key or report.sha256)


class ParseCache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint
        self.root.mkdir(parents=True, exist_ok=True)
        self.path = self.root / f"parse-{fingerprint}.sqlite"
        self._db: sqlite3.Connection | None = None

    def __getstate__(self) -> dict:  # a worker process opens its own connection
        return {"root": self.root, "fingerprint": self.fingerprint, "path": self.path,
                "_db": None}

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = connect(self.path)
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: durable up to the last sync
            self._db.execute(_OLD_TABLE)
            self._db.execute(_SCHEMA)
        return self._db

    def get(self, key: str, name: str) -> ParsedReport | None:
        """The cached report of this parse key, under the name its bytes have now."""
        row = self.db.execute("SELECT report FROM parses WHERE key = ?",
                              (key,)).fetchone()
        return None if row is None else _report(row[0], name)

    def get_many(self, items: list[tuple[str, str]]) -> Iterator[ParsedReport | None]:
        """The cached reports for (parse key, name) pairs, in their order."""
        stored: dict[str, bytes] = dict(select_in(
            self.db, "SELECT key, report FROM parses WHERE key IN ({})",
            [key for key, _ in items]))
        for key, name in items:
            yield _report(stored[key], name) if key in stored else None

    def summaries(self, keys: Iterable[str]) -> dict[str, CachedSummary]:
        """The stored summaries of those parse keys that are cached, by key."""
        rows = select_in(self.db, "SELECT key, sha256, status, agency_id, report_year, "
                         "cross_year, role FROM parses WHERE key IN ({})", list(keys))
        return {row[0]: _summary(row[1:]) for row in rows}

    def put(self, report: ParsedReport, key: str | None = None) -> None:
        self.put_many([CacheEntry.of(report, key)])

    def put_many(self, entries: list[CacheEntry]) -> None:
        """Store entries in one transaction (a chunk is committed whole or not at all)."""
        rows = [(e.key, e.summary.sha256, e.summary.status, e.summary.agency_id,
                 e.summary.report_year, _cross_year_json(e.summary.cross_year),
                 e.summary.cross_year.role if e.summary.cross_year else None, e.data)
                for e in entries]
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO parses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                rows)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _report(data: bytes, name: str) -> ParsedReport:
    report = ParsedReport.from_json(orjson.loads(zlib.decompress(data)))
    report.file = name
    return report


def _summary(row: tuple) -> CachedSummary:
    """A stored summary. A build holds every report's (at 100,000 reports, hundreds of
    MiB), so the words that repeat from report to report (the cell ids of the cross-year
    values, the status and role) are interned: one string each, not one per report."""
    sha, status, agency_id, year, cross_year, role = row
    entry = None
    if cross_year is not None:
        values = {sys.intern(cell): value for cell, value in json.loads(cross_year).items()}
        entry = YearEntry(sha[:16], values, role and sys.intern(role))
    return CachedSummary(sha, sys.intern(status), agency_id, year, entry)


def _cross_year_json(entry: YearEntry | None) -> str | None:
    return None if entry is None else json.dumps(entry.values, sort_keys=True)

