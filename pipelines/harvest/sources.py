"""The sources list: which report URLs to harvest, with optional hints about each.

Belongs here: reading and validating the sources CSV. Not here: fetching (fetch.py).

The CSV has a header row with a required `url` column and optional `agency`, `region`
and `year` columns (other columns are ignored). Hints are what the list's author knew
about the report; the parser still reads agency and year from the report itself.

A bad row never raises: it comes back as a `SourceError` with its line number so the
caller can record it. A URL listed twice is fetched once (the first row wins; a later
row with different hints is reported as an error so the conflict is seen).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

FIRST_YEAR = 2008  # the first reports under the 2008 Regulations
LAST_YEAR = 2100


@dataclass(frozen=True)
class Source:
    """One URL to harvest and what the list says about it."""

    url: str
    agency: str | None = None
    region: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class SourceError:
    """A row of the sources CSV that was not accepted. `line` is 1-based (header = 1)."""

    line: int
    reason: str


def read_sources(path: Path) -> tuple[list[Source], list[SourceError]]:
    """Read a sources CSV (UTF-8, with or without BOM). Raises only if `url` is no column."""
    return parse_sources(path.read_text(encoding="utf-8-sig"))


def parse_sources(text: str) -> tuple[list[Source], list[SourceError]]:
    """Parse the text of a sources CSV; see `read_sources`."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    fields = [name.strip().lower() for name in reader.fieldnames or []]
    if "url" not in fields:
        raise ValueError(f"sources CSV has no 'url' column (columns: {fields})")
    reader.fieldnames = fields
    sources: dict[str, tuple[int, Source]] = {}
    errors: list[SourceError] = []
    for row in reader:
        line = reader.line_num
        source = _source(row)
        if isinstance(source, str):
            errors.append(SourceError(line, source))
        elif (key := _url_key(source.url)) not in sources:
            sources[key] = (line, source)
        elif _hints(sources[key][1]) != _hints(source):
            first = sources[key][0]
            errors.append(SourceError(line, f"duplicate of line {first} with different "
                                            f"hints; line {first} kept"))
    return [source for _, source in sources.values()], errors


def _source(row: dict[str, str | None]) -> Source | str:
    """The row as a Source, or the reason it is not one."""
    def cell(name: str) -> str | None:
        value = row.get(name)
        if not isinstance(value, str):  # column absent, or row shorter than the header
            return None
        return value.strip() or None

    url = cell("url")
    if url is None:
        return "missing url"
    if reason := _url_problem(url):
        return f"invalid url {url!r}: {reason}"
    year_text = cell("year")
    year = None
    if year_text is not None:
        if not (year_text.isascii() and year_text.isdigit()
                and FIRST_YEAR <= int(year_text) <= LAST_YEAR):
            return f"invalid year {year_text!r}: expected {FIRST_YEAR}-{LAST_YEAR}"
        year = int(year_text)
    return Source(url, agency=cell("agency"), region=cell("region"), year=year)


def _url_problem(url: str) -> str | None:
    if any(ch.isspace() for ch in url):
        return "contains whitespace"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a bad port
    except ValueError as exc:
        return str(exc)
    if parts.scheme.lower() not in ("http", "https"):
        return "scheme must be http or https"
    if not parts.hostname:
        return "no host"
    return None


def _hints(source: Source) -> tuple[str | None, str | None, int | None]:
    return source.agency, source.region, source.year


def _url_key(url: str) -> str:
    """The URL as compared for duplicates: scheme and host are case-insensitive."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))
