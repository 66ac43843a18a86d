"""The sources list: which report URLs to harvest, with optional hints about each.

Belongs here: reading and validating the sources CSV. Not here: fetching (fetch.py).

The CSV has a header row with a required `url` column and optional `agency`, `region`,
`level`, `year` and `kind` columns (other columns are ignored). Hints are what the list's
author knew about the report; the parser still reads agency and year from the report
itself. `kind` is `report` (the default: the URL is a report) or `listing` (the URL is a
listing page, a 政府信息公开年报 column, whose reports discovery finds:
pipelines/harvest/discover.py); a listing's `year`, if given, is not used.

A bad row never raises: it comes back as a `SourceError` with its line number so the
caller can record it (its URL redacted). URLs that differ only in credentials count as
one URL.

A URL may carry credentials (user:password@host, or a token in its query): `redact_url`
replaces them with REDACTED wherever a URL is shown or kept (logs, provenance, the
published source_url); the request itself uses the URL as listed. A URL listed twice is
fetched once (the first row wins; a later row with different hints is reported as an
error so the conflict is seen).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

FIRST_YEAR = 2008  # the first reports under the 2008 Regulations
LAST_YEAR = 2100
REDACTED = "REDACTED"
KINDS = ("report", "listing")  # a report's URL; a listing page whose reports are discovered
# Query parameters that carry secrets (compared lowercase, with - read as _), and
# endings that do (access_token, client_secret, x_amz_signature...).
SECRET_PARAMS = frozenset({
    "token", "key", "apikey", "api_key", "secret", "password", "passwd", "pwd", "pass",
    "sig", "signature", "auth", "authorization", "credential", "credentials", "sessionid",
    "jsessionid"})
SECRET_ENDINGS = ("token", "secret", "password", "signature", "credential", "_key", "apikey")
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>()]+")
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@")
_PARAM = re.compile(r"(^|[&;#])([^=&;#\s]+)=([^&;#\s]*)")


@dataclass(frozen=True)
class Source:
    """One URL to harvest and what the list says about it."""

    url: str
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    level: str | None = None  # 省级, 市级, 县级, 乡级 ... as the list's author knew it
    kind: str = "report"  # or "listing": see KINDS


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
        return f"invalid url {redact_url(url)!r}: {reason}"
    year_text = cell("year")
    year = None
    if year_text is not None:
        if not (year_text.isascii() and year_text.isdigit()
                and FIRST_YEAR <= int(year_text) <= LAST_YEAR):
            return f"invalid year {year_text!r}: expected {FIRST_YEAR}-{LAST_YEAR}"
        year = int(year_text)
    kind = (cell("kind") or "report").lower()
    if kind not in KINDS:
        return f"invalid kind {cell('kind')!r}: expected one of {', '.join(KINDS)}"
    return Source(url, agency=cell("agency"), region=cell("region"), year=year,
                  level=cell("level"), kind=kind)


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


def _hints(source: Source) -> tuple[str | None, ...]:
    return source.agency, source.region, str(source.year), source.level, source.kind


def _url_key(url: str) -> str:
    """The URL as compared for duplicates: scheme and host are case-insensitive, and URLs
    that differ only in credentials are one source (they are kept under their redacted
    URL, so two would collide in the archive)."""
    parts = urlsplit(redact_url(url))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def redact_url(url: str) -> str:
    """The URL with its user information and secret parameter values (query or fragment)
    replaced by REDACTED; anything else is kept byte for byte."""
    url = _USERINFO.sub(rf"\1{REDACTED}@", url, count=1)
    head, mark, rest = url.partition("?")
    if not mark:
        head, mark, rest = url.partition("#")
    return head + mark + _PARAM.sub(_redact_param, rest)


def redact_text(text: str) -> str:
    """Every URL in a message redacted (an HTTP library's error may quote one)."""
    def redact(match: re.Match) -> str:
        found = match.group(0)
        kept = found.rstrip(".,:;")  # the sentence's punctuation, not the URL's
        return redact_url(kept) + found[len(kept):]
    return _URL_IN_TEXT.sub(redact, text)


def _redact_param(match: re.Match) -> str:
    return f"{match[1]}{match[2]}={REDACTED}" if _secret(unquote(match[2])) else match[0]


def _secret(name: str) -> bool:
    name = name.strip().lower().replace("-", "_")
    return name in SECRET_PARAMS or name.endswith(SECRET_ENDINGS)
