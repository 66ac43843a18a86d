"""robots.txt, read once per origin per run through the harvest's own Fetcher (so with its
rate limit, deadline and size cap), and asked before every listing, page or attachment.

Belongs here: the robots.txt rules and what a missing or failing robots.txt means. As
RFC 9309 says: a robots.txt that is absent (HTTP 4xx other than 401/403) allows all; one
that answers 401/403, a server error or no answer at all disallows all (a site that is
down is not crawled around its rules).
"""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from pipelines.harvest.fetch import Fetcher
from pipelines.harvest.sources import Source

AGENT = "ogi-harvester"  # the product token of fetch.USER_AGENT, as robots.txt names it


class Robots:
    """Whether robots.txt lets the harvester fetch a URL; `notes` says what each origin's
    robots.txt came to (one line per origin)."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._rules: dict[str, RobotFileParser | bool] = {}
        self.notes: dict[str, str] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._rules:
            self._rules[origin] = self._read(origin)
        rules = self._rules[origin]
        return rules if isinstance(rules, bool) else rules.can_fetch(AGENT, url)

    def _read(self, origin: str) -> RobotFileParser | bool:
        result = self._fetcher.fetch(Source(f"{origin}/robots.txt"))
        if result.status == "fetched" and result.content is not None:
            parser = RobotFileParser()
            parser.parse(result.content.decode("utf-8", "replace").splitlines())
            self.notes[origin] = "robots.txt read"
            return parser
        code = result.http_status
        if code is not None and 400 <= code < 500 and code not in (401, 403):
            self.notes[origin] = f"no robots.txt (HTTP {code}): all allowed"
            return True
        self.notes[origin] = f"robots.txt unavailable, nothing fetched: {result.error}"
        return False
