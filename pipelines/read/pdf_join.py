"""A table continued over a page break, read as one table.

Two things happen to a table at a page break, in every producer:

- Its header rows are printed again at the top of the next page (Word's and
  LibreOffice's "repeat heading rows"). The repeat is dropped: the header is read once.
- A row is cut in two, part of its text at the foot of one page and the rest at the head
  of the next, each part drawn as a row of its own. The second part is joined back, cell
  by cell, into the first.

Only the last table row of a page and the first table row of the next page can be parts
of one row, with nothing between them but page furniture (running headers, footers,
page numbers: lines in the page's top or bottom margin band). The second part is joined
only when it cannot be a row of its own: each of its texts lies in a cell with the same
left and right edges as a text cell of the first part (or of the cell merged down over
it), none starts a numbered item (`1.`, `（二）`, `三、`), and it prints no number but the
tail of a grouped number the first part's cell above holds cut (`13,01` over the break,
`3` after it: LibreOffice breaks a Word row across pages, a narrow cell's `13,013`
wrapped at its last digit). A row that could stand alone is left alone.
"""

from __future__ import annotations

import re

from pipelines.numbering import ITEM_START
from pipelines.read.pdf_page import PdfCell, PdfRow

_MARGIN_BAND = 0.06  # share of the page height at its top and bottom: headers, footers
_TOLERANCE = 3.0  # points a cell's edge may differ between the two parts
_NUMBER = re.compile(r"[-+]?[\d,，.]*\d[\d,，.]*(万元|%)?")
# A count printed with thousands separators, every group after the first of three digits.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch("".join(text.split())))


def is_item(text: str) -> bool:
    """Whether the text starts a numbered item (`1.`, `（二）`, `三、`)."""
    return bool(ITEM_START.match(text))


def _furniture(row: PdfRow, height: float) -> bool:
    return row.line and (row.bottom <= height * _MARGIN_BAND
                         or row.top >= height * (1 - _MARGIN_BAND))


def _texts(row: PdfRow) -> tuple[str, ...]:
    return tuple(c.text for c in row.cells)


def _home(cell: PdfCell, table: list[PdfRow]) -> PdfCell | None:
    """The cell in `cell`'s column (same left and right edges) of the table's last row.

    Where that row has no cell there, the column is covered by a cell merged down from
    a row above: the home is that cell, if nothing else overlaps the column in between.
    """
    for row in reversed(table):
        same = [c for c in row.cells
                if abs(c.x0 - cell.x0) <= _TOLERANCE and abs(c.x1 - cell.x1) <= _TOLERANCE]
        if same:
            return same[0] if len(same) == 1 else None
        if any(c.x0 < cell.x1 - _TOLERANCE and cell.x0 < c.x1 - _TOLERANCE
               for c in row.cells):
            return None  # another column's cell lies across this one
    return None


def number_tail(home: str, piece: str) -> bool:
    """Whether `piece` is the rest of the grouped number `home` a page break cut
    (`13,01` then `3`): `home` is no whole grouped number, or `piece` opens with the
    separator (`13` then `,013`), and the two read on as one (`13,013`). A number
    without separators cut there (`123` then `4`) proves nothing: each reads alone."""
    home, piece = "".join(home.split()), "".join(piece.split())
    return bool(_GROUPED.fullmatch(home + piece)) and (
        not _GROUPED.fullmatch(home) or piece.startswith(","))


def _fits(piece: PdfCell, home: PdfCell | None) -> bool:
    """Whether `piece` can be the rest of `home`'s text: a label's piece under a label,
    a number's tail under its cut head (`number_tail`)."""
    if home is None or not home.text or is_item(piece.text):
        return False
    if is_number(piece.text) or is_number(home.text):
        return number_tail(home.text, piece.text)
    return True


def _join(table: list[PdfRow], second: PdfRow) -> bool:
    """Join `second` into the table's last row when it is the rest of a cut row."""
    pieces = [c for c in second.cells if c.text]
    # a row of numbers alone may be a row of its own: only a label's piece proves a cut
    if all(is_number(c.text) for c in pieces):
        return False
    if not all(_fits(c, _home(c, table)) for c in pieces):
        return False
    homes = [_home(c, table) for c in pieces]
    for piece, home in zip(pieces, homes, strict=True):
        home.text = f"{home.text}\n{piece.text}"
    return True


def _header(rows: list[PdfRow]) -> list[tuple[str, ...]]:
    """A table's header rows: its rows before the first that prints a number."""
    out = []
    for row in rows:
        if any(is_number(c.text) for c in row.cells):
            break
        out.append(_texts(row))
    return out


def joined(pages: list[list[PdfRow]], heights: list[float]) -> list[PdfRow]:
    """Every page's rows in order, repeated headers dropped and cut rows joined."""
    out: list[PdfRow] = []
    table: list[PdfRow] = []  # the rows of the table read last
    for rows, height in zip(pages, heights, strict=True):
        body = [i for i, r in enumerate(rows) if not _furniture(r, height)]
        first = body[0] if body else None
        if first is not None and not rows[first].line and table:
            _furniture_marked(out, rows[:first], table[-1])
            rows = _continue(rows, first, table, out)
        for row in rows:
            out.append(row)
            if row.line:
                if not _furniture(row, height):
                    table = []
            elif table and table[-1].page == row.page and table[-1].table != row.table:
                table = [row]
            else:
                table.append(row)
    return out


def _furniture_marked(out: list[PdfRow], head: list[PdfRow], last: PdfRow) -> None:
    """The page furniture between a table's last row and its rows on the next page
    (the page's footer lines after `last`, the next page's header lines `head`) marked:
    the table goes on through them (`TextCell.furniture`)."""
    k = len(out)
    while k and out[k - 1] is not last:
        k -= 1
    for row in (*out[k:], *head):
        row.furniture = True


def _continue(rows: list[PdfRow], first: int, table: list[PdfRow],
              out: list[PdfRow]) -> list[PdfRow]:
    """A page whose first body row continues `table`: its repeat and cut row handled."""
    head = rows[first].table
    header = _header(table)
    n = 0
    while (n < len(header) and first + n < len(rows) and rows[first + n].table == head
           and not rows[first + n].line and _texts(rows[first + n]) == header[n]):
        n += 1
    if n == len(header) and n:
        rows = rows[:first] + rows[first + n:]  # the header printed again: read once
    last = next((r for r in reversed(out) if not r.line), None)
    if (last is not None and last is table[-1] and first < len(rows)
            and not rows[first].line and _join(table, rows[first])):
        rows = rows[:first] + rows[first + 1:]
    return rows
