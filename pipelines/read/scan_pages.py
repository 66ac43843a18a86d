"""The pages of one scanned document read in order, whatever holds them (a PDF of page
images, a multi-page TIFF, the images of a web page).

Each page is read on its own by pipelines/read/scan.py (its ruled tables) or, when it
has none and the cheap gate sees columns of numbers, by pipelines/read/table_unruled.py
(a table without ruling lines). A page whose ruled tables leave columns of numbers
outside them (the gate passes on the page with its ruled tables made paper) is read
both ways, the rest of it as tables without rules: a photocopy turns grey rules white,
and of a page's tables only the one whose rule was printed black is found ruled
(bench/RESULTS.md, "photocopied scans"). What one page leaves to the next is kept here: the
columns of a table without rules that the page ended in, for rows at the top of the next
page that continue it with no header of their own (a table broken by a page break).
A page of prose costs the layout search and the gate only, no OCR, unless its opening
lines are asked for (the title).
"""

from __future__ import annotations

import dataclasses
import re

from pipelines.document import REF_BOX, TextCell
from pipelines.read.page_image import PageImage
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
            ruled = read_page(found, page_no, title_lines, scale)
            rest = None if self._pictures else self._unruled(
                _outside_tables(found), page_no, scale, len(found.tables))
            return _merged(ruled, rest, found, scale) if rest else ruled
        else:
            unruled = self._unruled(found, page_no, scale)
            if unruled is not None:
                return unruled
            if not title_lines:
                return PageReading()  # a page of prose: nothing the recogniser needs
        return read_page(found, page_no, title_lines, scale)

    def _unruled(self, found: PageLayout | PageImage, page_no: int, scale: float,
                 ruled: int = 0) -> PageReading | None:
        """A page without ruling lines (or what lies outside a page's `ruled` tables,
        numbered after them) read as tables without them, when the gate sees columns of
        numbers and the structure is sure; None otherwise."""
        page = found if isinstance(found, PageImage) else found.page
        if not self._pictures and not looks_tabular(page):
            self._carried = Carried()  # a page of prose ends the table
            return None
        rows = read_unruled(page, page_no, self._carried, by_table=not self._pictures)
        if not rows:
            return None
        for row in rows:
            for cell in row:
                if scale != 1.0:
                    cell.ref = REF_BOX.sub(lambda m: "box " + ",".join(
                        str(round(int(v) * scale)) for v in m.groups()), cell.ref)
                if ruled:
                    cell.ref = _TABLE_NO.sub(lambda m: f" table {int(m[1]) + ruled} ",
                                             cell.ref, count=1)
        return PageReading(rows, tables=1)


_TABLE_NO = re.compile(r" table (\d+) ")


def _outside_tables(found: PageLayout) -> PageImage:
    """The page with its ruled tables made paper: what a reader of tables without rules
    may still find (their text is read by scan.py, never twice)."""
    page = found.page
    grey, ink = page.grey.copy(), page.ink.copy()
    for table in found.tables:
        b = table.box
        grey[b.y0:b.y1 + 1, b.x0:b.x1 + 1] = 255
        ink[b.y0:b.y1 + 1, b.x0:b.x1 + 1] = 0
    return dataclasses.replace(page, grey=grey, ink=ink)


def _merged(ruled: PageReading, rest: PageReading, found: PageLayout,
            scale: float) -> PageReading:
    """A page's ruled reading and the reading of the rest as tables without rules, in
    reading order: each ruled table's rows kept together where the table begins, the
    other rows where they are printed (their highest box)."""
    tops = [t.box.y0 * scale for t in found.tables]
    keyed: list[tuple[float, int, list[TextCell]]] = []
    y = 0.0
    for k, row in enumerate([*ruled.rows, *rest.rows]):
        m = _TABLE_NO.search(row[0].ref or "") if row else None
        if k < len(ruled.rows) and m:
            y = tops[int(m[1]) - 1]
        else:
            boxes = [REF_BOX.search(c.ref or "") for c in row]
            y = min((int(b[2]) for b in boxes if b), default=y)  # unboxed: after the row above
        keyed.append((y, k, row))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return PageReading([row for _, _, row in keyed], ruled.tables + rest.tables)
