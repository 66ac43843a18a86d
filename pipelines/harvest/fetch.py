"""Fetch report URLs politely, and turn every outcome into a FetchResult.

Belongs here: HTTP and nothing else: timeouts, retries with backoff, the size limit, the
per-host rate limit, redirects, conditional requests, and a one-line reason for every
failure. Not here: the sources list (sources.py), storing bytes (pipelines/archive.py).

Rules:
- Retried (with exponential backoff and jitter, honouring Retry-After): HTTP 429, HTTP 5xx
  and timeouts. Not retried: other 4xx, connection and DNS errors, oversized responses,
  redirect loops.
- `timeout` applies to each network operation (connect, each read); `deadline` to the
  whole URL (attempts, backoff waits, redirects, the body as it arrives): a slow-drip
  server that sends a byte within each read timeout is cut off there, not retried.
- Hosts are fetched concurrently (`hosts` at a time), each host's sources in turn, and
  the per-host rate limit holds across threads (redirects may cross hosts).
- Credentials in URLs (user:password@, and secret query parameters such as token, key,
  sig, password) are redacted in every result: error messages, `url` and `final_url`,
  so in logs, provenance and the published source_url (sources.redact_url). A
  Content-Disposition file name is kept only sanitised (no path, no control
  characters, no `..`, at most MAX_NAME characters).
- At most `max_redirects` redirects are followed; each hop waits its host's turn.
- More than `max_bytes` (by Content-Length, or counted while reading a body without one)
  fails as "too large"; reading stops there.
- With a previous fetch record, If-None-Match / If-Modified-Since are sent; a 304 is
  "not_modified" (the archived bytes are still current).
- One bad site never raises out of `fetch_all`.
"""

from __future__ import annotations

import dataclasses
import email.message
import hashlib
import random
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import httpx

from pipelines.archive import FetchRecord
from pipelines.harvest.sources import Source, redact_text, redact_url

CONTACT_URL = "https://example.org/ogi/contact"  # placeholder: the project's contact page
USER_AGENT = (f"ogi-harvester/0.1 (open dataset of Chinese government information "
              f"disclosure annual reports; +{CONTACT_URL})")

Status = Literal["fetched", "not_modified", "failed"]
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
MAX_NAME = 200  # characters of a file name kept from Content-Disposition or the URL


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 30.0  # seconds, per network operation
    retries: int = 3  # further attempts after the first, for 429, 5xx and timeouts
    backoff: float = 2.0  # seconds before the first retry; doubles for each next one
    max_backoff: float = 120.0  # no wait longer than this (Retry-After included)
    jitter: float = 0.5  # each wait is stretched by a random fraction up to this
    max_bytes: int = 64 * 1024 * 1024
    min_interval: float = 2.0  # seconds between two requests to one host
    max_redirects: int = 5
    deadline: float = 300.0  # seconds for one URL in all: attempts, waits and body
    hosts: int = 4  # hosts fetched at once
    user_agent: str = USER_AGENT
    trust_env: bool = True  # honour HTTP(S)_PROXY, NO_PROXY and SSL_CERT_* variables


@dataclass(frozen=True)
class FetchResult:
    """What one fetch of a source URL came to. `error` is set exactly when it failed."""

    url: str
    final_url: str  # after redirects
    status: Status
    http_status: int | None  # None when no response arrived
    content: bytes | None  # None unless fetched
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: str  # ISO 8601 UTC, when the outcome was known
    error: str | None = None  # one line, naming the URL
    sha256: str | None = None  # of content; of the archived bytes when not_modified
    filename: str | None = None  # from Content-Disposition, else the URL's last segment
    attempts: int = 1

    def provenance(self) -> dict[str, Any]:
        """The archive's provenance fields for this fetch (see RawArchive.put)."""
        return {"url": self.url, "final_url": self.final_url, "original_name": self.filename,
                "fetched_at": self.fetched_at, "http_status": self.http_status,
                "content_type": self.content_type, "etag": self.etag,
                "last_modified": self.last_modified}


class HostRateLimiter:
    """Keeps at least `min_interval` seconds between requests to the same host."""

    def __init__(self, min_interval: float, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()  # threads fetching other hosts may redirect here

    def wait(self, url: str) -> None:
        host = _host(url)
        with self._lock:  # reserve this host's next turn, then wait for it
            now = self._clock()
            turn = max(now, self._last[host] + self.min_interval) if (
                host in self._last) else now
            self._last[host] = turn
        if turn > now:
            self._sleep(turn - now)


class _Failed(Exception):
    """This attempt failed; `retry` says whether another attempt may succeed."""

    def __init__(self, reason: str, final_url: str, http_status: int | None = None,
                 retry: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.final_url = final_url
        self.http_status = http_status
        self.retry = retry
        self.retry_after = retry_after


class Fetcher:
    """Fetches sources one at a time. Use as a context manager, or call `close()`.

    `sleep`, `clock` (monotonic seconds), `now` (wall-clock UTC) and `rand` (0-1, for jitter) are
    injectable so tests see waits without waiting; `transport` replaces the network.
    """

    def __init__(self, settings: FetchSettings | None = None, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 rand: Callable[[], float] = random.random,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._clock = clock
        self._now = now
        self._random = rand
        self._limiter = HostRateLimiter(self.settings.min_interval, clock, sleep)
        self._client = httpx.Client(timeout=self.settings.timeout, follow_redirects=False,
                                    headers={"User-Agent": self.settings.user_agent},
                                    trust_env=self.settings.trust_env, transport=transport)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch_all(self, sources: Iterable[Source],
                  previous_records: Mapping[str, FetchRecord | None] | None = None,
                  ) -> list[FetchResult]:
        """Fetch every source, hosts concurrently, and return the results in the sources'
        order; `previous_records` maps a URL to its last record."""
        previous = previous_records or {}
        sources = list(sources)
        by_host: dict[str, list[int]] = {}
        for index, source in enumerate(sources):
            by_host.setdefault(_host(source.url), []).append(index)
        results: list[FetchResult | None] = [None] * len(sources)

        def fetch_host(indices: list[int]) -> None:
            for index in indices:
                results[index] = self._fetch_safely(sources[index],
                                                    previous.get(sources[index].url))

        if len(by_host) <= 1 or self.settings.hosts <= 1:
            for indices in by_host.values():
                fetch_host(indices)
        else:
            with ThreadPoolExecutor(min(self.settings.hosts, len(by_host)),
                                    thread_name_prefix="harvest") as pool:
                list(pool.map(fetch_host, by_host.values()))
        return [r for r in results if r is not None]

    def _fetch_safely(self, source: Source, previous: FetchRecord | None) -> FetchResult:
        try:
            return self.fetch(source, previous)
        except Exception as exc:  # a bug must not stop the harvest of other sites
            return _redacted(self._failed(source.url, source.url, None, 1,
                                          f"unexpected {type(exc).__name__}: {exc}"))

    def fetch(self, source: Source, previous: FetchRecord | None = None) -> FetchResult:
        """Fetch one source, retrying 429, 5xx and timeouts, within the deadline. Never
        raises for a bad site. The result's URLs and error are redacted."""
        return _redacted(self._fetch(source.url, previous))

    def _fetch(self, url: str, previous: FetchRecord | None) -> FetchResult:
        deadline = self._clock() + self.settings.deadline
        attempts = 0
        while True:
            attempts += 1
            try:
                return self._attempt(url, previous, attempts, deadline)
            except _Failed as failed:
                if not failed.retry or attempts > self.settings.retries:
                    tries = f" after {attempts} attempts" if failed.retry else ""
                    return self._failed(url, failed.final_url, failed.http_status,
                                        attempts, failed.reason + tries)
                wait = self._backoff(attempts, failed.retry_after)
                if self._clock() + wait >= deadline:
                    return self._failed(url, failed.final_url, failed.http_status, attempts,
                                        f"{failed.reason} after {attempts} attempts (no time "
                                        f"left for another within the deadline of "
                                        f"{self.settings.deadline:g} s)")
                self._sleep(wait)

    def _attempt(self, url: str, previous: FetchRecord | None, attempts: int,
                 deadline: float) -> FetchResult:
        """One attempt: follow redirects to a final response and read it."""
        headers = _conditional_headers(previous)
        current, seen = url, {url}
        for _ in range(self.settings.max_redirects + 1):
            self._limiter.wait(current)
            timeout = min(self.settings.timeout, self._left(deadline, current))
            try:
                with self._client.stream("GET", current, headers=headers,
                                         timeout=timeout) as response:
                    location = response.headers.get("location")
                    if response.status_code not in REDIRECT_CODES or not location:
                        return self._result(url, current, response, previous, attempts,
                                            deadline)
                    following = str(response.url.join(location))
            except httpx.TimeoutException as exc:
                raise _Failed(f"timed out after {timeout:g} s "
                              f"({type(exc).__name__})", current, retry=True) from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise _Failed(f"{type(exc).__name__}: {exc}", current) from exc
            if following in seen:
                raise _Failed(f"redirect loop ({current} -> {following})", current,
                              response.status_code)
            seen.add(following)
            current = following
        raise _Failed(f"too many redirects (more than {self.settings.max_redirects})", current)

    def _left(self, deadline: float, url: str) -> float:
        """Seconds left before the deadline; _Failed (not retried) when none are."""
        left = deadline - self._clock()
        if left <= 0:
            raise _Failed(f"deadline: not done after {self.settings.deadline:g} s "
                          "(OGI_HTTP_DEADLINE)", url)
        return left

    def _result(self, url: str, final_url: str, response: httpx.Response,
                previous: FetchRecord | None, attempts: int, deadline: float) -> FetchResult:
        code = response.status_code
        if code == 429 or code >= 500:
            raise _Failed(f"HTTP {code} {response.reason_phrase}".rstrip(), final_url, code,
                          retry=True, retry_after=_retry_after(response))
        etag = response.headers.get("etag")
        last_modified = response.headers.get("last-modified")
        if code == 304 and previous is not None:
            return FetchResult(url, final_url, "not_modified", code, None,
                               response.headers.get("content-type"),
                               etag or previous.etag, last_modified or previous.last_modified,
                               self._timestamp(), sha256=previous.sha256, attempts=attempts)
        if not 200 <= code < 300:
            raise _Failed(f"HTTP {code} {response.reason_phrase}".rstrip(), final_url, code)
        content = self._read(response, final_url, deadline)
        return FetchResult(url, final_url, "fetched", code, content,
                           response.headers.get("content-type"), etag, last_modified,
                           self._timestamp(), sha256=hashlib.sha256(content).hexdigest(),
                           filename=_filename(response, final_url), attempts=attempts)

    def _read(self, response: httpx.Response, final_url: str, deadline: float) -> bytes:
        """The body, or _Failed "too large" as soon as it exceeds max_bytes, or "deadline"
        as soon as the deadline passes while it arrives."""
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Failed(f"too large: Content-Length {declared} bytes exceeds the limit "
                          f"of {limit} bytes", final_url, response.status_code)
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            self._left(deadline, final_url)
            size += len(chunk)
            if size > limit:
                raise _Failed(f"too large: more than {limit} bytes", final_url,
                              response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)

    def _backoff(self, attempts: int, retry_after: float | None) -> float:
        s = self.settings
        delay = min(s.max_backoff, s.backoff * 2 ** (attempts - 1))
        delay *= 1 + s.jitter * self._random()
        if retry_after is not None:
            delay = max(delay, min(retry_after, s.max_backoff))
        return delay

    def _failed(self, url: str, final_url: str, http_status: int | None, attempts: int,
                reason: str) -> FetchResult:
        error = " ".join(f"{url}: {reason}".split())  # one line
        return FetchResult(url, final_url, "failed", http_status, None, None, None, None,
                           self._timestamp(), error=error, attempts=attempts)

    def _timestamp(self) -> str:
        return self._now().astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _conditional_headers(previous: FetchRecord | None) -> dict[str, str]:
    headers = {}
    if previous is not None and previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous is not None and previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    return headers


def _retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds (the HTTP-date form is ignored)."""
    value = response.headers.get("retry-after", "").strip()
    return float(value) if value.isdigit() else None


def _filename(response: httpx.Response, final_url: str) -> str | None:
    """The file name the server gave (Content-Disposition), else the URL's last segment;
    sanitised, since a server chooses it (see safe_name)."""
    disposition = response.headers.get("content-disposition")
    if disposition:
        message = email.message.Message()
        message["content-disposition"] = disposition
        try:
            name = message.get_filename()
        except (ValueError, LookupError):  # a malformed RFC 2231 encoding
            name = None
        if name and (safe := safe_name(str(name))):
            return safe
    return safe_name(unquote(urlsplit(final_url).path.rsplit("/", 1)[-1]))


def safe_name(name: str) -> str | None:
    """A file name as it may be kept: its last path segment (either separator), no
    control or format characters, no leading or trailing blanks, not `.` or `..`, at
    most MAX_NAME characters (the extension kept). None when nothing is left."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C")).strip()
    if name in ("", ".", ".."):
        return None
    if len(name) > MAX_NAME:
        stem, dot, extension = name.rpartition(".")
        if dot and stem and len(extension) <= 16:
            name = stem[:MAX_NAME - len(extension) - 1] + "." + extension
        else:
            name = name[:MAX_NAME]
    return name


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # a malformed URL: the request itself will fail
        return ""


def _redacted(result: FetchResult) -> FetchResult:
    """The result with no credential left in its URLs or error message."""
    return dataclasses.replace(result, url=redact_url(result.url),
                               final_url=redact_url(result.final_url),
                               error=None if result.error is None else redact_text(result.error))
