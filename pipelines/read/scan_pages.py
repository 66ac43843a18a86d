"""The pages of one scanned document read in order, whatever holds them (a PDF of page
images, a multi-page TIFF, the images of a web page).

Each page is read on its own by pipelines/read/scan.py (its ruled tables) or, when it
has none and the cheap gate sees columns of numbers, by pipelines/read/table_unruled.py
(a table without ruling lines). What one page leaves to the next is kept here: the
columns of a table without rules that the page ended in, for rows at the top of the next
page that continue it with no header of their own (a table broken by a page break).
A page of prose costs the layout search and the gate only, no OCR, unless its opening
lines are asked for (the title).
"""

from __future__ import annotations

from pipelines.document import REF_BOX
from pipelines.read.scan import PageLayout, PageReading, read_page
from pipelines.read.table_unruled import Carried, looks_tabular, read_unruled


class PageSequence:
    """Pages of one document read one after another, in page order."""

    def __init__(self, pictures: bool = False) -> None:
        # Pictures: each page is a picture of a table (an image file of one frame, an
        # image in a web page), read without the gate (a picture of table 四 alone has
        # one line of numbers) and its lines as one table's.
        self._pictures = pictures
        self._carried = Carried()  # a table without rules the last page left open
        self._last = 0  # the page number read last

    def read(self, found: PageLayout, page_no: int, title_lines: int = 0,
             scale: float = 1.0) -> PageReading:
        """A page read by OCR (its first `title_lines` prose lines too, if it has ruled
        tables or none at all); empty when it holds no table and no title is asked for.
        Boxes in refs are the page's pixels times `scale` (PDF pages: points)."""
        if page_no != self._last + 1:
            self._carried = Carried()  # a page skipped (read as text): nothing continues
        self._last = page_no
        if found.tables:
            self._carried = Carried()  # a ruled table ends the one without rules
        else:
            unruled = self._unruled(found, page_no, scale)
            if unruled is not None:
                return unruled
            if not title_lines:
                return PageReading()  # a page of prose: nothing the recogniser needs
        return read_page(found, page_no, title_lines, scale)

    def _unruled(self, found: PageLayout, page_no: int, scale: float) -> PageReading | None:
        """A page without ruling lines read as tables without them, when the gate sees
        columns of numbers and the structure is sure; None otherwise."""
        if not self._pictures and not looks_tabular(found.page):
            self._carried = Carried()  # a page of prose ends the table
            return None
        rows = read_unruled(found.page, page_no, self._carried, by_table=not self._pictures)
        if not rows:
            return None
        if scale != 1.0:
            for row in rows:
                for cell in row:
                    cell.ref = REF_BOX.sub(lambda m: "box " + ",".join(
                        str(round(int(v) * scale)) for v in m.groups()), cell.ref)
        return PageReading(rows, tables=1)
