"""A row's values by the columns its table's header prints them under.

In a rendering that prints every column of every row (`Document.full_width_rows`: the
grids of w3m, pandoc and tabulate), a merged cell is flattened into empty cells beside
it. A row holding both such remnants and blank values shows more cells than it has
columns, and counting cannot tell which are its values. Its table's header can: where
the header prints each column's label at one position of a row as wide as the data row,
the value of each column is the cell at that position.

The reading is used only when nothing is left to choose: every column of the row's block
is printed exactly once in the nearest header rows of its own table, in the template's
order (or side by side in another: 总计 first; the cells are then returned in the printed
order, as a row printing only its values would be counted, for column_order.py and
column_map.py to read the header's order), those header rows and the data row are
equally wide, every cell of the data row after its label and outside those positions is
blank, and every cell at them is a printed value. And no row of the table prints a
number past the header's last column where the header names no column: there the body is
wider than its header (a value cell spanning two columns pushed its row right), and the
header's positions say nothing of where that row's, or any other row's, cells stand.
Otherwise there is no reading here and the row is left to counts and identities
(grid.py, resolve.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from pipelines.document import REF_BOX_CELL
from pipelines.recognise.tokens import Token
from schemas.template import Column


@dataclass
class RowIndex:
    """The tokens of each printed row, in order (rows as the reader numbered them)."""

    tokens: list[Token]
    rows: dict[int, list[int]] = field(default_factory=dict)  # row -> token indices
    order: list[int] = field(default_factory=list)  # row numbers in printed order
    # (drawn table, statutory table) -> the column positions its header bands name
    box_headers: dict[tuple[int, str], set[tuple[int, ...]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.row is None:
                continue
            if t.row not in self.rows:
                self.order.append(t.row)
                self.rows[t.row] = []
            self.rows[t.row].append(i)

    def cells(self, row: int) -> list[Token] | None:
        """The row's tokens, one per printed cell; None when a cell was cut into several
        tokens (their positions would no longer be the printed columns)."""
        found = [self.tokens[i] for i in self.rows[row]]
        return found if len({t.ref for t in found}) == len(found) else None


def _column_positions(cells: list[Token], table: str, wanted: set[str]) -> dict[str, list[int]]:
    """Positions in one printed row of the labels of the table's columns in `wanted`."""
    out: dict[str, list[int]] = {}
    for pos, t in enumerate(cells):
        if t.kind != "label":
            continue
        for lab in t.labels:
            if lab.kind == "column" and lab.table == table and lab.key in wanted:
                out.setdefault(lab.key, []).append(pos)
    return out


def _header_positions(index: RowIndex, row: int, table: str, columns: tuple[Column, ...],
                      width: int) -> tuple[list[int], list[int]] | None:
    """Each column's position in the nearest header rows above `row` (the contiguous rows
    printing labels of the table's columns), and those rows; None unless each column is
    printed once there by rows as wide as the data row, in the template's order or side
    by side (`_once_adjacent`)."""
    wanted = {c.id for c in columns}
    found: dict[str, list[int]] = {}
    header: list[int] = []
    in_header = False
    for r in reversed(index.order[:index.order.index(row)]):
        cells = index.cells(r)
        at = _column_positions(cells, table, wanted) if cells is not None else {}
        if not at:
            if in_header:
                break
            continue
        if len(cells) != width:
            return None
        in_header = True
        header.append(r)
        for key, positions in at.items():
            found.setdefault(key, []).extend(positions)
    positions = _once_in_order(found, wanted, columns) or _once_adjacent(found, wanted)
    return None if positions is None else (positions, header)


def _filled(t: Token) -> bool:
    return t.kind != "value" or t.printed.state != "blank"


def _unnamed_column_filled(index: RowIndex, header: list[int], last: int, width: int) -> bool:
    """Whether a row of the table (the rows from its header on, as wide as it) prints a
    number past position `last` where no header row prints anything."""
    heads = [index.cells(r) or [] for r in header]
    unnamed = [p for p in range(last + 1, width)
               if not any(p < len(h) and _filled(h[p]) for h in heads)]
    if not unnamed:
        return False
    for r in index.order[index.order.index(header[-1]):]:  # header: bottom row first
        cells = index.cells(r)
        if cells is None or len(cells) != width:
            break
        if any(cells[p].kind == "value" and _filled(cells[p]) for p in unnamed):
            return True
    return False


def header_reading(index: RowIndex, label_at: int, table: str,
                   columns: tuple[Column, ...]) -> list[Token] | None:
    """The values of the row whose label is token `label_at`, one per column, placed by
    the header's column positions; None unless the header fixes every one of them."""
    label = index.tokens[label_at]
    if label.row is None:
        return None
    cells = index.cells(label.row)
    if cells is None:
        return None
    own = next(p for p, i in enumerate(index.rows[label.row]) if i == label_at)
    found = _header_positions(index, label.row, table, columns, len(cells))
    if found is None or found[0][0] <= own:
        return None
    positions, header = found
    if _unnamed_column_filled(index, header, positions[-1], len(cells)):
        return None
    chosen = set(positions)
    for pos in range(own + 1, len(cells)):
        t = cells[pos]
        if pos in chosen:
            if t.kind != "value":
                return None
        elif t.kind != "value" or t.printed.state != "blank":
            return None
    return [cells[p] for p in positions]


def _box_at(t: Token) -> tuple[int, int] | None:
    """(text table, first display column) of a box-drawn table's cell, else None. The
    rows of such a table print different numbers of cells (a merged header cell is one
    region), so positions are display columns, not cell counts."""
    m = REF_BOX_CELL.fullmatch(t.ref)
    return (int(m[1]), int(m[2])) if m else None


def _box_header(index: RowIndex, row: int, table: str, columns: tuple[Column, ...],
                box: int) -> tuple[list[int], list[int]] | None:
    """Each column's display column in the nearest header rows above `row` of the same
    drawn table, and those rows (bottom first); None unless each column is printed once
    there, in the template's order."""
    wanted = {c.id for c in columns}
    found: dict[str, list[int]] = {}
    header: list[int] = []
    for r in reversed(index.order[:index.order.index(row)]):
        cells = index.cells(r)
        if cells is None or any((_box_at(t) or (None,))[0] != box for t in cells):
            break  # another table, or a cell cut into several tokens
        at = _column_positions(cells, table, wanted)
        if not at:
            if header:
                break
            continue
        header.append(r)
        for key, positions in at.items():
            found.setdefault(key, []).extend(_box_at(cells[p])[1] for p in positions)
    positions = _once_in_order(found, wanted, columns)
    return None if positions is None else (positions, header)


def _pushed_past(index: RowIndex, header: list[int], box: int, first: int, last: int) -> bool:
    """Whether a row of the drawn table below its header prints a number right of the
    header's last named column (`last`) while its values begin at the first (`first`)
    or left of it. A labelled row whose values begin right of the first named column
    has label cells reaching into the named columns (an item number printed in a cell
    of its own, a label a span pushed right): it is pushed by its label, and its cells
    past the header say nothing of the header's. Any other is a body wider than its
    header, whose positions then place nothing."""
    for r in index.order[index.order.index(header[0]) + 1:]:
        cells = index.cells(r)
        if cells is None or any((_box_at(t) or (None,))[0] != box for t in cells):
            if cells is not None:
                break  # the drawn table ended
            return True  # a cell cut into tokens: where its numbers stand is not known
        values = [_box_at(t)[1] for t in cells if t.kind == "value"]
        if any(t.kind == "label" for t in cells) and values and values[0] > first:
            continue
        if any(t.kind == "value" and _filled(t) and _box_at(t)[1] > last for t in cells):
            return True
    return False


def box_header_reading(index: RowIndex, label_at: int, table: str,
                       columns: tuple[Column, ...]) -> list[Token] | None:
    """In a box-drawn text table (w3m, elinks), the values of the row whose label is
    token `label_at`, one per column: the cells beginning at the display columns where
    the nearest header rows print the columns' labels. None unless the header names
    every column once, in the template's order, right of the row's label; every cell of
    the row at those columns is a value and every other cell after the label a blank;
    and no row of the table not pushed by its own label prints a number past the
    header's last column."""
    label = index.tokens[label_at]
    at = _box_at(label)
    if label.row is None or at is None:
        return None
    cells = index.cells(label.row)
    if cells is None or any(_box_at(t) is None or _box_at(t)[0] != at[0] for t in cells):
        return None
    found = _box_header(index, label.row, table, columns, at[0])
    if found is None or found[0][0] <= at[1]:
        return None
    positions, header = found
    if len(_box_headers(index, table, columns, at[0])) > 1:
        return None  # its header bands name the columns at other places: which is not known
    if _pushed_past(index, header, at[0], positions[0], positions[-1]):
        return None
    by_column = {_box_at(t)[1]: t for t in cells}
    if any(p not in by_column or by_column[p].kind != "value" for p in positions):
        return None
    own = next(p for p, i in enumerate(index.rows[label.row]) if i == label_at)
    chosen = set(positions)
    if any(_box_at(t)[1] not in chosen and (t.kind != "value" or _filled(t))
           for t in cells[own + 1:]):
        return None
    return [by_column[p] for p in positions]


def _box_headers(index: RowIndex, table: str, columns: tuple[Column, ...], box: int
                 ) -> set[tuple[int, ...]]:
    """The column positions each header band of the drawn table names (w3m's and
    elinks' layout of a header repeated inside the table may put it a column off the
    first: `header-repeated`, its label cell spanning fewer columns), cached."""
    key = (box, table)
    if key not in index.box_headers:
        wanted = {c.id for c in columns}
        rows = [r for r in index.order if (cells := index.cells(r)) is not None
                and cells and all((_box_at(t) or (None,))[0] == box for t in cells)]
        named = [bool(_column_positions(index.cells(r), table, wanted)) for r in rows]
        # the row under each band's last row reads that band (`_box_header`)
        found = (_box_header(index, below, table, columns, box)
                 for (a, b), below in zip(pairwise(named), rows[1:], strict=True)
                 if a and not b)
        index.box_headers[key] = {tuple(f[0]) for f in found if f is not None}
    return index.box_headers[key]


def _once_in_order(found: dict[str, list[int]], wanted: set[str],
                   columns: tuple[Column, ...]) -> list[int] | None:
    """Each column's one position, in the template's order; None unless every column
    was found exactly once and they run left to right."""
    if set(found) != wanted or any(len(p) != 1 for p in found.values()):
        return None
    positions = [found[c.id][0] for c in columns]
    return None if any(a >= b for a, b in pairwise(positions)) else positions


def _once_adjacent(found: dict[str, list[int]], wanted: set[str]) -> list[int] | None:
    """Each column's one position, left to right, where the header prints every column
    once in another order than the template's (总计 first), side by side with no
    position between them: the printed order, which column_order.py reads from the same
    header and column_map.py maps (or nulls the table); None otherwise."""
    if set(found) != wanted or any(len(p) != 1 for p in found.values()):
        return None
    positions = sorted(p for p, in found.values())
    return positions if positions == list(range(positions[0], positions[0] + len(positions))) \
        else None
