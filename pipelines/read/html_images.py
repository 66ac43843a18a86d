"""Tables printed as pictures inside a report page: the `<img>` a CMS page shows.

An image is taken from a `data:` URI, or from a file next to the page (a relative `src`,
when the caller can open the page's folder: `siblings`). It is read by OCR like an image
file (pipelines/read/image.py); an image holding no ruled table (a logo, a photograph,
an icon) is skipped without OCR. Remote URLs are not fetched here.
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

Siblings = Callable[[str], bytes | None]  # relative src -> the file's bytes, if there
_DATA_URI = re.compile(r"data:image/[\w.+-]+;base64,(.*)", re.DOTALL | re.IGNORECASE)


def folder_siblings(folder: Path) -> Siblings:
    """Files in (or under) a page's folder, by relative src; nothing outside it."""
    root = folder.resolve()

    def open_sibling(src: str) -> bytes | None:
        path = (root / src).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
        return path.read_bytes()

    return open_sibling


def image_bytes(src: str, siblings: Siblings | None) -> bytes | None:
    """The bytes an `<img src>` names, when they are in the page or next to it."""
    src = src.strip()
    found = _DATA_URI.match(src)
    if found:
        try:
            return base64.b64decode(re.sub(r"\s+", "", unquote(found.group(1))),
                                    validate=True)
        except (binascii.Error, ValueError):
            return None
    if siblings is None or re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE):
        return None  # remote, or no folder to look in
    return siblings(unquote(src.split("?")[0].split("#")[0]))


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
