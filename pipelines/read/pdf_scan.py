"""The pages of a PDF that are pictures (scanned pages, tables pasted as images), read by OCR.

A page is read this way when it has no text layer but shows an image. It is rendered
with pypdfium2 (installed with pdfplumber) at the resolution of its largest image,
within 150-220 dpi, and read by pipelines/read/scan.py: its ruled tables cell by cell,
and, for the document's first page, its opening lines (the title, for agency and year).
Boxes in refs are in PDF points, like the text pages' positions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pdfplumber.page import Page

if TYPE_CHECKING:
    import numpy as np
    import pypdfium2

    from pipelines.read.scan import PageLayout, PageReading
    from pipelines.read.table_unruled import Carried

_DPI_RANGE = (150, 220)
_BOX = re.compile(r"box ([0-9]+,[0-9]+,[0-9]+,[0-9]+)")
_POINTS = 72.0


def is_picture(page: Page) -> bool:
    """A page with no text layer that shows an image (a scan or a pasted table)."""
    return not page.chars and bool(page.images)


def _dpi(page: Page) -> float:
    """The resolution of the page's largest image, within _DPI_RANGE."""
    best = 0.0
    for im in page.images:
        width_in = max(float(im["x1"]) - float(im["x0"]), 1.0) / _POINTS
        pixels = (im.get("srcsize") or (0, 0))[0]
        best = max(best, pixels / width_in)
    low, high = _DPI_RANGE
    return min(max(best, low), high)


def _unruled(found: PageLayout, page_no: int, scale: float,
             carried: Carried) -> PageReading | None:
    """A page without ruling lines read as a table without them (a Word table without
    borders, scanned), when the cheap gate sees columns of numbers and the structure is
    sure (read/table_unruled.py); None otherwise, and a page of prose costs the gate only.
    Boxes in refs are the page's pixels times `scale` (points), as read_page gives them."""
    from pipelines.read.scan import PageReading
    from pipelines.read.table_unruled import looks_tabular, read_unruled

    if not looks_tabular(found.page):
        carried.columns = []
        return None
    rows = read_unruled(found.page, page_no, carried, by_table=True)
    if not rows:
        return None
    for row in rows:
        for cell in row:
            cell.ref = _BOX.sub(lambda m: "box " + ",".join(
                str(round(int(v) * scale)) for v in m.group(1).split(",")), cell.ref)
    return PageReading(rows, tables=1)


class PicturePages:
    """The picture pages of one PDF, rendered and read on demand."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: pypdfium2.PdfDocument | None = None
        self.read_any = False  # whether any page was read by OCR
        self._carried: Carried | None = None  # a table without rules the last page left open
        self._last = 0  # the page number read last
        self.problems: list[str] = []

    def _render(self, index: int, dpi: float) -> np.ndarray:
        import numpy as np
        import pypdfium2

        if self._pdf is None:
            self._pdf = pypdfium2.PdfDocument(self._data)
        # In colour: a red seal over a table is dropped by its colour (page_image.to_grey).
        bitmap = self._pdf[index].render(scale=dpi / _POINTS, rev_byteorder=True)  # RGB
        return np.array(bitmap.to_numpy())

    def read(self, page: Page) -> PageReading:
        # OpenCV and the OCR engine load only when a picture page is met: most PDFs have
        # none, and the libraries cost a parse worker tens of MB and a second.
        from pipelines.read import ocr
        from pipelines.read.image import TITLE_LINES
        from pipelines.read.scan import PageReading, UnreadableImage, layout, read_page

        """A picture page read by OCR; empty (with the reason kept) when it holds nothing."""
        if not ocr.available():
            self.problems.append(f"page {page.page_number}: {ocr.EngineMissing.__doc__}")
            return PageReading()
        dpi = _dpi(page)
        try:
            found = layout(self._render(page.page_number - 1, dpi))
        except UnreadableImage as e:
            self.problems.append(f"page {page.page_number}: {e}")
            return PageReading()
        title = TITLE_LINES if page.page_number == 1 else 0
        carried = self._carry(page.page_number)
        if found.tables:
            carried.columns = []  # a ruled table ends the one without rules
        else:
            unruled = _unruled(found, page.page_number, _POINTS / dpi, carried)
            if unruled is not None:
                self.read_any = True
                return unruled
        if not found.tables and not title:
            return PageReading()  # a page of prose: nothing the recogniser needs
        self.read_any = True
        return read_page(found, page.page_number, title, _POINTS / dpi)

    def _carry(self, page_no: int) -> Carried:
        """The columns the page before left open, if it was read just before this one."""
        from pipelines.read.table_unruled import Carried

        if self._carried is None or page_no != self._last + 1:
            self._carried = Carried()
        self._last = page_no
        return self._carried

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
