"""The pages of a PDF that are pictures (scanned pages, tables pasted as images), read by OCR.

A page is read this way when it has no text layer but shows an image. It is rendered
with pypdfium2 (installed with pdfplumber) at the resolution of its largest image,
within 150-220 dpi, and read in page order by pipelines/read/scan_pages.py: its ruled
tables cell by cell, or its tables without ruling lines (a table broken by a page break
carried on), and, for the document's first page, its opening lines (the title).
Boxes in refs are in PDF points, like the text pages' positions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pdfplumber.page import Page

if TYPE_CHECKING:
    import numpy as np
    import pypdfium2

    from pipelines.read.scan import PageReading
    from pipelines.read.scan_pages import PageSequence

_DPI_RANGE = (150, 220)
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


class PicturePages:
    """The picture pages of one PDF, rendered and read on demand."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: pypdfium2.PdfDocument | None = None
        self.read_any = False  # whether any page was read by OCR
        self._sequence: PageSequence | None = None  # what a page leaves to the next
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
        """A picture page read by OCR; empty (with the reason kept) when it holds nothing."""
        # OpenCV and the OCR engine load only when a picture page is met: most PDFs have
        # none, and the libraries cost a parse worker tens of MB and a second.
        from pipelines.read import ocr
        from pipelines.read.image import TITLE_LINES
        from pipelines.read.scan import PageReading, UnreadableImage, layout
        from pipelines.read.scan_pages import PageSequence

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
        if self._sequence is None:
            self._sequence = PageSequence()
        reading = self._sequence.read(found, page.page_number, title, _POINTS / dpi)
        self.read_any |= bool(found.tables or title or reading.rows)
        return reading

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
