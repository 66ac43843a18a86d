"""Image reader: JPG, PNG, TIFF (every page of a multi-page TIFF), GIF, BMP, WebP.

Each frame is a page read by OCR (pipelines/read/scan.py); the Document's rendering is
`image`. The frames are read in order as a scanned PDF's pages are (scan_pages.py):
a page with no ruled table is read as tables without ruling lines (table_unruled.py)
when its structure is sure, a table broken by a page break carried on to the next page;
a single frame is a picture of a table, read without the gate that spares prose pages.
The first page's opening lines are read too, for the title (agency and year).
An image with nothing legible ends unreadable with the reason, before any OCR runs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from pipelines.document import Document, TextCell
from pipelines.read import ocr
from pipelines.read.decode import UnreadableFile
from pipelines.read.scan import PageReading, UnreadableImage, layout
from pipelines.read.scan_pages import PageSequence

TITLE_LINES = 12  # lines of the first page read for the title; the rest is tables only
_MAX_PAGES = 60


def pixels_of(frame: Image.Image) -> np.ndarray:
    """A frame as a grey or RGB array (palette, bilevel and alpha images converted)."""
    mode = "L" if frame.mode in ("1", "L", "LA", "I;16", "I", "F") else "RGB"
    return np.asarray(frame.convert(mode))


def frames_of(name: str, data: bytes) -> Iterator[np.ndarray]:
    try:
        with Image.open(io.BytesIO(data)) as img:
            for i, frame in enumerate(ImageSequence.Iterator(img)):
                if i >= _MAX_PAGES:
                    break
                yield pixels_of(frame)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise UnreadableFile(f"{name}: the image cannot be decoded ({e})") from e


def document_of(name: str, sha256: str, size: int, rendering: str,
                pages: Iterable[PageReading]) -> Document:
    """Pages read by OCR as one Document, rows numbered through the whole file."""
    cells: list[TextCell] = []
    texts: list[str] = []
    row = 0
    for page in pages:
        texts.append(page.text)
        for printed_row in page.rows:
            row += 1
            for cell in printed_row:
                cell.row = row
                cells.append(cell)
    return Document(name, sha256, size, rendering, "\n".join(t for t in texts if t), cells)


def read_pages(name: str, frames: Iterable[np.ndarray],
               title_lines: int = TITLE_LINES) -> list[PageReading]:
    """Frames read as pages in order (scan_pages.py: a table without rules broken by a
    page break is carried on to the next frame); raises UnreadableFile, before any OCR,
    when no page holds a ruled table and none a table without rules (a blank page, a
    photograph, characters too small to read)."""
    if not ocr.available():
        raise UnreadableFile(f"{name}: {ocr.EngineMissing.__doc__}")
    layouts, reasons = [], []
    for page_no, pixels in enumerate(frames, start=1):
        try:
            layouts.append((page_no, layout(pixels)))
        except UnreadableImage as e:
            reasons.append(f"page {page_no}: {e}")
    ruled = any(found.tables for _, found in layouts)
    # One frame is a picture of a table; more are the pages of a scanned document.
    sequence = PageSequence(pictures=len(layouts) + len(reasons) == 1)
    # The title is read only beside ruled tables: an image of nothing ends before any OCR.
    pages = [sequence.read(found, page_no, title_lines if k == 0 and ruled else 0)
             for k, (page_no, found) in enumerate(layouts)]
    if not ruled and not any(page.rows for page in pages):
        why = "; ".join(reasons) or "no ruled table was found in the image"
        raise UnreadableFile(f"{name}: {why}")
    return pages


def read(name: str, sha256: str, size: int, data: bytes) -> Document:
    """Read an image file by OCR; raises UnreadableFile with the reason."""
    return document_of(name, sha256, size, "image", read_pages(name, frames_of(name, data)))
