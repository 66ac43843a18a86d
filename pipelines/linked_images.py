"""Images a report page shows (`<img src>`), linked to the page in the raw archive.

Belongs here: finding the images a page's HTML names, saying which archived object each
`src` is (the link key), and opening them from the archive when the page is parsed
(`ArchivedImages`, the `siblings` of pipelines/read/html_images.py). Not here: fetching
them (pipelines/inputs.harvest fetches with the page's Fetcher: same rate limit, size
cap, deadline and redaction), reading them (pipelines/read/html_images.py).

Two kinds of link, one per way a page arrives:
- an inbox page: a relative `src` names a file of the inbox (inside it, never out); the
  link key is that file's path relative to the inbox. The file is then part of the page,
  not a report of its own (pipelines/inputs.archive_inbox lists it as skipped, saying
  which page read it).
- a harvested page: each `src` is resolved against the page's URL and fetched; the image
  is archived as an object of its own whose provenance names the image URL, the page URL
  and the page's sha256 (`page_sha256`), and the `src` as written (redacted: the link
  key). The parse of those page bytes reads the images so linked.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipelines.archive import object_path
from pipelines.harvest.sources import redact_url
from pipelines.read.html_images import local_path
from pipelines.read.registry import is_html

MAX_IMAGES = 40  # images fetched or linked per page: a report's tables, not a gallery
_IMG = re.compile(rb"<img\b", re.IGNORECASE)
_SNIFF = 200_000  # bytes of a page looked at to decide it is HTML (as registry.is_html)


def image_srcs(content: bytes) -> list[str]:
    """The `src` of each `<img>` in an HTML page, in page order, once each; `data:` URIs
    (read from the page itself) left out. [] for anything that is not an HTML page."""
    if not _IMG.search(content) or not is_html(content[:_SNIFF].decode("latin-1")):
        return []
    try:
        root = etree.fromstring(content, etree.HTMLParser())
    except (etree.LxmlError, ValueError):  # a page lxml cannot parse shows no images
        return []
    if root is None:
        return []
    out: list[str] = []
    for img in root.iter("img"):
        src = (img.get("src") or "").strip()
        if src and not src.lower().startswith("data:") and src not in out:
            out.append(src)
    return out[:MAX_IMAGES]


def url_key(src: str) -> str:
    """The link key of a harvested page's `src`: as written, redacted (no secret in the
    archive's provenance)."""
    return redact_url(src.strip())


def page_link(page_sha256: str, src: str) -> dict[str, str]:
    """The provenance fields that link an archived image to the page bytes showing it
    under `src` (read back by RawArchive.page_images): harvested and discovered pages
    alike."""
    return {"page_sha256": page_sha256, "src": url_key(src)}


def inbox_key(page: str, src: str) -> str | None:
    """The inbox path (relative to the inbox) a page's relative `src` names; None for a
    URL, or a path that leaves the inbox."""
    relative = local_path(src)
    if relative is None:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), relative))
    return None if path.startswith("../") or path in ("..", ".") else path


@dataclass(frozen=True)
class ArchivedImages:
    """A page's linked images opened from the raw archive (picklable: it goes to the
    parse worker processes). `page` is the inbox path of an inbox page, None for a
    harvested page; `links` maps link keys to archived sha256."""

    root: Path
    page: str | None
    links: tuple[tuple[str, str], ...]

    def __call__(self, src: str) -> bytes | None:
        key = url_key(src) if self.page is None else inbox_key(self.page, src)
        sha256 = dict(self.links).get(key) if key is not None else None
        if sha256 is None:
            return None
        path = object_path(self.root, sha256)
        return path.read_bytes() if path.is_file() else None
