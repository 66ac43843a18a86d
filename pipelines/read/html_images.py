"""Tables printed as pictures inside a report page: the `<img>` a CMS page shows.

An image is taken from a `data:` URI, or from what the caller's `siblings` gives for the
`src`: a file next to the page (`folder_siblings`, a relative `src`), or an image the
inbox or the harvest stored in the raw archive with the page (pipelines/linked_images.py).
It is read by OCR like an image file (pipelines/read/image.py); an image holding no table
(a logo, a photograph, an icon) is skipped: without OCR when it holds no characters, and
after looking for a table without ruling lines when it does. Nothing is fetched here.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from pipelines.document import TextCell
from pipelines.read.decode import UnreadableFile
from pipelines.read.registry import is_image

Siblings = Callable[[str], bytes | None]  # src as written -> the image's bytes, if known
_DATA_URI = re.compile(r"data:image/[\w.+-]+;base64,(.*)", re.DOTALL | re.IGNORECASE)
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


def local_path(src: str) -> str | None:
    """The relative file path a `src` names (query, fragment and %-escapes removed);
    None for a URL with a scheme, a host (`//`) or an absolute path."""
    src = src.strip()
    if not src or _REMOTE.match(src) or src.startswith(("/", "\\")):
        return None
    return unquote(src.split("?")[0].split("#")[0]) or None


def folder_siblings(folder: Path) -> Siblings:
    """Files in (or under) a page's folder, by relative src; nothing outside it."""
    root = folder.resolve()

    def open_sibling(src: str) -> bytes | None:
        relative = local_path(src)
        if relative is None:
            return None
        path = (root / relative).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
        return path.read_bytes()

    return open_sibling


def image_bytes(src: str, siblings: Siblings | None) -> bytes | None:
    """The bytes an `<img src>` names, when they are in the page or `siblings` has them."""
    src = src.strip()
    found = _DATA_URI.match(src)
    if found:
        try:
            return base64.b64decode(re.sub(r"\s+", "", unquote(found.group(1))),
                                    validate=True)
        except (binascii.Error, ValueError):
            return None
    if siblings is None or not src or src.lower().startswith("data:"):
        return None
    return siblings(src)


def image_rows(img: etree._Element, number: int,
               siblings: Siblings | None) -> list[list[TextCell]]:
    """The rows of the ruled tables in one `<img>` (refs start with `image N`); [] when
    it holds none."""
    data = image_bytes(img.get("src") or "", siblings)
    if not data or not is_image(data):
        return []
    try:
        from pipelines.read.image import frames_of, read_pages  # OpenCV only when needed

        pages = read_pages(f"image {number}", frames_of(f"image {number}", data), 0)
    except UnreadableFile:
        return []  # a logo or a photograph: nothing to read
    rows = []
    for page in pages:
        for row in page.rows:
            for cell in row:
                cell.ref = f"image {number} {cell.ref}"
            rows.append(row)
    return rows
