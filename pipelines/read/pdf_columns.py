"""Two columns' texts printed edge to edge on a text line, parted where a column starts.

A page that lays a table out with CSS (`display:table` `<div>`s) gives its cells no
padding: a column is as wide as its widest text, so that text ends where the next
column's text starts, and two numbers print as one (`61` `4` as `614`, a label and its
value as `…数量 3001`). The gap that parts a borderless table's cells (`pdf_page`) is
not there to find.

A table's columns are shared by all its rows, and a cell's text never reaches past its
column (a number does not wrap and widens its column instead). So where a glyph of a
line starts exactly where cells of the same table's other lines start, that glyph
starts a cell of its own: the text is parted before it. Only a digit is parted off (a
value's start), and only at a column start shown by two other lines at least, each of
the same table: lines that start a cell there and share one more cell start with this
one, so two with the glyph's (another table's columns do not line up with these twice;
a row with blanks prints few cells, and `18 … 18` shares only its first column with
`821 35 21859` until the run is parted), and only where the table's numbers are set
flush left (`_left_aligned`: in a centred or right-aligned column a wide number's inner
glyph starts where a narrower number does). Lines of text with one cell are left alone.

Where a column's every cell is one digit, no line shows its start; but a count of two
digits and more never starts with 0, so a run of digits that is zeros and at most one
digit more (`000`, `001`) is one-digit numbers printed edge to edge, whatever the
columns: it is parted glyph by glyph first (its parts then show their columns' starts
to the other lines). A run with two digits and more after its zeros (`0074`: 74, or 7
and 4?) is parted only where columns show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations, pairwise

from pipelines.read.pdf_join import is_number
from pipelines.read.pdf_page import PdfCell, PdfRow, glyph_cell

_AT = 0.3  # points: a glyph's left edge and a column's start at one place
_SHOWN = 2  # other lines of the table that start a cell at a column start
_SHARED = 2  # cell starts a line shares with another of its table
_WIDTH = 1.0  # points two numbers' widths differ by at least (a digit is 4 pt and more)
_ZEROS = re.compile(r"0+[0-9]")  # one-digit numbers run together, the first a 0


def _starts(row: PdfRow) -> list[float]:
    """Where the line's cells start, its first (the page's text margin) left out."""
    return [c.x0 for c in row.cells[1:]]


def _at(x: float, starts: list[float]) -> bool:
    return any(abs(x - s) <= _AT for s in starts)


def _same_grid(row: PdfRow, other: PdfRow, shared: int = _SHARED) -> bool:
    """Whether two lines share cell starts enough to be rows of one table."""
    theirs = _starts(other)
    return sum(_at(x, theirs) for x in _starts(row)) >= shared


def _same_table(rows: list[PdfRow], i: int, shared: int = _SHARED) -> list[int]:
    """The other lines of line i's table on its page (`_same_grid`)."""
    row = rows[i]
    return [j for j, other in enumerate(rows)
            if j != i and other.line and other.page == row.page and len(other.cells) > 1
            and _same_grid(row, other, shared)]


def _cuts(cell: PdfCell, others: list[list[float]], shown: int = _SHOWN) -> list[int]:
    """The cell's digit glyphs (not its first) that start where other lines of its table
    start a cell: at least `shown` of them."""
    return [k for k, g in enumerate(cell.glyphs)
            if k > 0 and g["text"].isdigit()
            and sum(_at(g["x0"], starts) for starts in others) >= shown]


def _shared(cells: list[PdfCell], edge: Callable[[PdfCell], float]) -> int:
    """At how many places two cells of different widths have the same `edge`."""
    places: list[float] = []
    for a, b in combinations(cells, 2):
        x = edge(a)
        if (abs(x - edge(b)) <= _AT and abs((a.x1 - a.x0) - (b.x1 - b.x0)) > _WIDTH
                and not _at(x, places)):
            places.append(x)
    return len(places)


def _left_aligned(rows: list[PdfRow], table: list[int]) -> bool:
    """Whether the table's numbers are set flush left: numbers of different widths that
    start together are seen at more places than ones that end or centre together.

    Only there does a glyph at another line's cell start begin a cell: in a column set
    flush right or centred, a wide number's inner glyph starts where a narrower one does
    in another row (`1288` centred has its 2 where `12` starts). The numbers parted
    here give no evidence (their glyphs are what is in question).
    """
    numbers = []
    for j in table:
        others = [_starts(rows[k]) for k in table if k != j]
        numbers += [c for c in rows[j].cells if is_number(c.text) and not _cuts(c, others)]
    left = _shared(numbers, lambda c: c.x0)
    right = _shared(numbers, lambda c: c.x1)
    centre = _shared(numbers, lambda c: (c.x0 + c.x1) / 2)
    return left > right + centre


def _parted(cell: PdfCell, others: list[list[float]]) -> list[PdfCell]:
    """The cell parted before each digit glyph that starts where a column starts."""
    cuts = _cuts(cell, others)
    if not cuts:
        return [cell]
    bounds = [0, *cuts, len(cell.glyphs)]
    return [glyph_cell(cell.glyphs[a:b], f"{cell.ref} part {n}")
            for n, (a, b) in enumerate(pairwise(bounds), start=1)]


def _digits_parted(cell: PdfCell) -> list[PdfCell]:
    """A run of zeros and one digit more (`001`) parted into its one-digit numbers."""
    if len(cell.glyphs) < 2 or not _ZEROS.fullmatch(cell.text):
        return [cell]
    if len(cell.glyphs) != len(cell.text):
        return [cell]  # not one glyph a digit: nothing to part by
    return [glyph_cell([g], f"{cell.ref} part {n}")
            for n, g in enumerate(cell.glyphs, start=1)]


def columns_parted(rows: list[PdfRow]) -> list[PdfRow]:
    """A page's rows with text lines' cells parted where their table's columns start
    (the cells' glyphs are dropped: they are not needed after)."""
    for row in rows:
        if row.line and len(row.cells) > 1:
            row.cells = [p for c in row.cells for p in _digits_parted(c)]
    lines = [r for r in rows if r.line and len(r.cells) > 1]
    anywhere = sorted({x for r in lines for x in _starts(r)})
    plans = []
    for i, row in enumerate(rows):
        if not row.line or len(row.cells) < 2 or not any(
                _cuts(c, [anywhere], 1) for c in row.cells):
            continue  # no glyph where any line starts a cell (most lines): nothing to part
        table = _same_table(rows, i)
        # A line that starts a cell where this one's glyph starts shares that start too
        # once the glyph is parted off: one more start in common is then two, the same
        # proof as `_SHARED` (rows with blanks print few cells: `18 … 18` under `21859`).
        others = [_starts(rows[j]) for j in _same_table(rows, i, _SHARED - 1)]
        if (len(others) >= _SHOWN and any(_cuts(c, others) for c in row.cells)
                and _left_aligned(rows, [i, *table])):
            plans.append((row, [p for c in row.cells for p in _parted(c, others)]))
    for row, cells in plans:  # after all are found: each line's starts as printed
        row.cells = cells
    for row in rows:  # the glyphs are let go: a document's pages are kept until joined
        for cell in row.cells:
            cell.glyphs = []
    return rows
