"""A row of a ruled table (a PDF's, or a text table drawn with box characters) placed by
the grid columns its drawn cells start in.

The PDF reader reads a ruled table from its rulings (`pipelines/read/pdf_page.py`): a
cell's ref names the grid column its left edge starts in (`page P table T row R cell
C`; a merged cell once, at its first column; nothing where a merge from above covers
the row or where the row draws no cell). So a row that prints fewer cells than its
block has columns shows which columns its cells stand in, where text never could: a
CMS left the row's trailing empty cells out of its markup (`<tr>` one `<td>` short) and
the browser drew the row short, its cells under the header's first columns; counting
cannot tell such a row from one whose blanks were dropped anywhere (small agencies
leave most cells blank, so no identity can either).

The reading is used only where nothing is left to choose, in one drawn table (the same
page and table; a table continued on the next page is another grid):
- its nearest header rows above the row name every column of the row's block once, each
  at its own grid column, in the template's order;
- the row's label starts left of the first of those columns, and its cells after the
  label are values standing exactly at the first columns of the header, one each, with
  none skipped: a merge from above covering a cell, or a row pushed right or left, shows
  as a cell off those columns or a column skipped;
- no row of the table draws a cell right of the header's last column: there some row
  was pushed right past the header (a rowspan one too long, a value spanning two
  columns), and the grid's columns no longer say which label a cell stands under.
The columns the row draws no cell in are returned as None: not drawn, so not read.

w3m and elinks draw such a table with box characters (`text_bordered.py`): a cell's ref
names the display column it starts at, and a column the short row lacks is drawn as the
cell above it run on down (elinks) or as nothing. The same reading applies, display
columns standing for grid columns: a cell starting exactly where a header label starts
is under that label.

The tables pandoc writes are grids too (a ruled table's column is a run of its dash
rule, a pipe table's its cell number, every empty cell printed, an rST grid table's its
display column: `_clipped_at`), kept as wide as the widest
row's own cells: a rowspan from above (a span one row too long, a value cell spanning
two rows) covers a slot of the rows below, which prints as an empty cell, and pushes
their cells one slot right, the last ones past the table's edge, dropped without a trace
(`Document.clipped_rows`). Where a row's own label is pushed into a column its header
names a value column, the push is printed (`pushed_reading`): a label is no value, so
the slots after it hold the row's first values, in order, as long as each prints a
number (an empty slot may be a covered one, a blank value alike, so a row with one is
not read here). Its values are placed from its first column, the ones pushed past the
edge are None: not printed, so not read.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from pipelines.document import REF_BOX_CELL, REF_DRAWN_CELL, REF_PIPE_CELL, REF_RULED_CELL
from pipelines.recognise.header_columns import RowIndex
from pipelines.recognise.tokens import Token
from schemas.template import Column


def _drawn_at(token: Token) -> tuple[str, int] | None:
    """The drawn table (`page P table T`, or `text T`) and grid column (display column
    in a text table) of a ruled table's cell. A box-drawn text table's walls are drawn
    where the layout's columns are (w3m's and elinks' dumps), so a cell starting at a
    header label's display column stands in that label's column, as a grid column."""
    if m := REF_DRAWN_CELL.fullmatch(token.ref):
        return f"{m[1]}.{m[2]}", int(m[3])
    m = REF_BOX_CELL.fullmatch(token.ref)
    return (f"text {m[1]}", int(m[2])) if m else None


def _clipped_at(token: Token) -> tuple[str, int] | None:
    """The text table and grid column of a cell of a table pandoc printed: a ruled
    table's (the run of its dash rule), a pipe table's (its cell number: every empty
    cell printed), a grid table's (its display column, as a box-drawn one's)."""
    m = REF_RULED_CELL.fullmatch(token.ref) or REF_PIPE_CELL.fullmatch(token.ref)
    return (m[1], int(m[2])) if m else _drawn_at(token)


Locate = Callable[[Token], "tuple[str, int] | None"]


def _header(index: RowIndex, row: int, grid: str, table: str,
            columns: tuple[Column, ...], at_of: Locate = _drawn_at) -> list[int] | None:
    """Each column's grid column in the nearest header rows of the same drawn table
    above `row` (cells located by `at_of`); None unless each is printed once there, in
    the template's order."""
    wanted = {c.id for c in columns}
    found: dict[str, list[int]] = {}
    in_header = False
    for r in reversed(index.order[:index.order.index(row)]):
        tokens = [index.tokens[i] for i in index.rows[r]]
        places = [at_of(t) for t in tokens]
        if any(p is None or p[0] != grid for p in places):
            return None  # left the drawn table before its header
        at = {lab.key: p[1] for t, p in zip(tokens, places, strict=True) if t.kind == "label"
              for lab in t.labels
              if lab.kind == "column" and lab.table == table and lab.key in wanted}
        if not at:
            if in_header:
                break
            continue
        in_header = True
        for key, col in at.items():
            found.setdefault(key, []).append(col)
    if set(found) != wanted or any(len(p) != 1 for p in found.values()):
        return None
    positions = [found[c.id][0] for c in columns]
    return positions if all(a < b for a, b in pairwise(positions)) else None


def _wider_than(index: RowIndex, grid: str, last: int, at_of: Locate = _drawn_at) -> bool:
    """Whether a row of the drawn table draws a cell right of grid column `last`."""
    for r in index.order:
        for i in index.rows[r]:
            place = at_of(index.tokens[i])
            if place is not None and place[0] == grid and place[1] > last:
                return True
    return False


def drawn_reading(index: RowIndex, label_at: int, table: str, columns: tuple[Column, ...],
                  values: list[Token]) -> list[Token | None] | None:
    """The values of the row whose label is token `label_at` (read as `values`), one
    per column by the grid column its drawn cell starts in (None: the row draws no cell
    there); None unless the drawn grid fixes every one of them."""
    label = index.tokens[label_at]
    cells = index.cells(label.row) if label.row is not None else None
    place = _drawn_at(label)
    if cells is None or place is None:
        return None
    grid = place[0]
    own = next(p for p, i in enumerate(index.rows[label.row]) if i == label_at)
    after = cells[own + 1:]
    if len(after) != len(values) or any(a is not v for a, v in zip(after, values, strict=True)):
        return None  # the values read are not this printed row's cells after its label
    places = [_drawn_at(t) for t in after]
    if not after or any(p is None or p[0] != grid for p in places):
        return None
    if any(t.kind != "value" or t.run_together or t.open_end or t.cut or t.stacked
           for t in after):
        return None
    positions = _header(index, label.row, grid, table, columns)
    if positions is None or place[1] >= positions[0]:
        return None
    if [p[1] for p in places] != positions[:len(after)]:
        return None
    if _wider_than(index, grid, positions[-1]):
        return None
    return [*after, *([None] * (len(columns) - len(after)))]


def drawn_t4(index: RowIndex, values: list[Token], groups: list[str],
             columns: tuple[Column, ...]) -> list[Token] | None:
    """Table 四's values, its one data row `values` printed as one row of a ruled table
    wider or narrower than its columns (a numbering column before them): each group's
    columns are the grid columns its header names, the group's label starting at its
    first column; the value row's cells at those columns, every other cell of it left
    of them (a column the header does not name). None unless the drawn grid fixes all."""
    places = [_drawn_at(t) for t in values]
    if not values or any(p is None or p[0] != places[0][0] for p in places):
        return None
    grid, row = places[0][0], values[0].row
    if row is None or any(t.row != row for t in values) or row not in index.order:
        return None
    named: dict[int, str] = {}  # grid column -> the column label standing there
    starts: dict[str, list[int]] = {}  # group -> the grid columns its label stands at
    for r in reversed(index.order[:index.order.index(row)]):
        tokens = [index.tokens[i] for i in index.rows[r]]
        at = [_drawn_at(t) for t in tokens]
        if any(p is None or p[0] != grid for p in at):
            break  # the header ends where the drawn table does
        for t, p in zip(tokens, at, strict=True):
            for lab in t.labels if t.kind == "label" else ():
                if lab.table != "t4":
                    continue
                if lab.kind == "column" and named.setdefault(p[1], lab.key) != lab.key:
                    return None
                if lab.key in groups:
                    starts.setdefault(lab.key, []).append(p[1])
    positions = sorted(named)
    if [named[p] for p in positions] != [c.id for c in columns] * len(groups):
        return None
    width = len(columns)
    if any(starts.get(g) != [positions[k * width]] for k, g in enumerate(groups)):
        return None
    cells = dict(zip((p[1] for p in places), values, strict=True))
    if len(cells) != len(values) or any(p not in cells for p in positions):
        return None
    if any(c > positions[0] and c not in named for c in cells):
        return None  # a cell between or after the named columns
    if _wider_than(index, grid, positions[-1]):
        return None
    return [cells[p] for p in positions]


def _printed_number(token: Token) -> bool:
    """Whether a cell is one whole printed value, not a blank (a covered slot prints so)."""
    return (token.kind == "value" and token.printed is not None
            and token.printed.state != "blank" and not (
                token.run_together or token.open_end or token.cut or token.stacked))


def _grid_columns(index: RowIndex, grid: str) -> list[int]:
    """The grid columns some cell of the printed table starts in, in order."""
    return sorted({p[1] for t in index.tokens if (p := _clipped_at(t)) and p[0] == grid})


def _body_agrees(index: RowIndex, grid: str, positions: list[int]) -> bool:
    """Whether a row of the table stands as its header says: its label left of the first
    named column and a value cell at each named column, a number in the first and the
    last (the header is not itself pushed off the body's columns)."""
    for r in index.order:
        tokens = [index.tokens[i] for i in index.rows[r]]
        at = {p[1]: t for t in tokens if (p := _clipped_at(t)) is not None and p[0] == grid}
        if not any(t.kind == "label" and c < positions[0] for c, t in at.items()):
            continue
        if (all(c in at and at[c].kind == "value" for c in positions)
                and _printed_number(at[positions[0]]) and _printed_number(at[positions[-1]])):
            return True
    return False


def pushed_reading(index: RowIndex, label_at: int, table: str, columns: tuple[Column, ...],
                   values: list[Token]) -> list[Token | None] | None:
    """The values of the row of a table pandoc printed whose label (token `label_at`)
    stands in a column its header names a value column (pushed right by a span from
    above): its cells after the label, each a printed number in the next columns up to
    the table's last, are its first values; the columns whose values the push dropped
    past the edge are None. None unless the header names every column once, in adjacent
    grid columns ending at the table's last, and a row of the body stands as the header
    says."""
    label = index.tokens[label_at]
    place = _clipped_at(label)
    cells = index.cells(label.row) if label.row is not None else None
    if cells is None or place is None:
        return None
    grid = place[0]
    own = next(p for p, i in enumerate(index.rows[label.row]) if i == label_at)
    after = cells[own + 1:]
    if not after or len(after) != len(values) or any(
            a is not v for a, v in zip(after, values, strict=True)):
        return None
    if not all(_printed_number(t) for t in after):
        return None
    positions = _header(index, label.row, grid, table, columns, _clipped_at)
    if positions is None or place[1] not in positions[:-1]:
        return None
    every = _grid_columns(index, grid)
    if every[-len(columns):] != positions:
        return None  # a column between the named ones, or past the last
    pushed = positions.index(place[1]) + 1
    if [_clipped_at(t) for t in after] != [(grid, c) for c in positions[pushed:]]:
        return None
    if not _body_agrees(index, grid, positions):
        return None
    return [*after, *([None] * pushed)]
