"""Rows of a table printed without borders: a label wrapped around its values joined back.

Without borders a row's cells are only text lines (`pdf_page` splits a line into cells
at wide gaps). A label too long for its column wraps, and the row's values, centred in
the row's height, print on one of the label's lines: the first part of the label on the
line above the values, the rest on the line below. This module joins those two parts
into the value line's row, cell by cell by column:

- the line above, when the value line has no label of its own or its label does not
  start a numbered item (`1.`, `（二）`, `三、`: a label that starts there starts there);
- the line below, when no cell of it starts a numbered item.

A label wrapped over more lines above its values joins all of them, up to the line its
numbered item starts on, when that line is found through label-only lines directly
above one another (a group label's own wrapped lines may print between them, beside
the label's column: they join as cells of their own). Where the value line prints no
label at all (a large print scale wraps every label), the item is the nearest one right
of every numbered item on the lines between. Where it prints only its group's label
(`（五）`), the item on the line directly above is the row's when the label's rest prints
below, in that item's column. A line below that also holds a group label's piece
(wholly left of the label's column) gives only its pieces over the column.

Only lines without a number, directly above or below (no wider apart than a line's
height), whose every cell lies over a label cell or left of the values, are joined; each
line joins one row at most. Values never move: only label text is joined.

A value line of a borderless table prints nothing for a blank cell: `blanks_placed`
gives it its blanks back by the columns of a fuller value line of the same table (on
the page before too, where the table continues with no header repeated), or, for the
table's first value line, by the column names of the header directly above it (on its
own page).
"""

from __future__ import annotations

import re
from itertools import pairwise

from pipelines.read.pdf_join import is_item, is_number
from pipelines.read.pdf_page import PdfCell, PdfRow

# A label line ending in a number after a space: no statutory label does; it is the
# row's first value printed edge to edge with the label (a `display:table` page's cells
# have no padding), so the values left do not show which columns are blank.
_TAKEN = re.compile(r"\D[ \t]+\d+$", re.M)


def _values_at(row: PdfRow) -> float | None:
    """Where the row's values start (the left edge of its first number), if it has any."""
    return next((c.x0 for c in row.cells if is_number(c.text)), None)


def _label_only(row: PdfRow) -> bool:
    return row.line and all(not is_number(c.text) for c in row.cells)


def _near(upper: PdfRow, lower: PdfRow, lines: float = 1.0) -> bool:
    """Whether `lower` prints directly under `upper`: on the same page, no more than
    `lines` line heights of space between them."""
    return (upper.page == lower.page
            and lower.top - upper.bottom <= lines * (upper.bottom - upper.top))


def _overlap(a: PdfCell, b: PdfCell) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _merge(row: PdfRow, part: PdfRow, values_at: float, above: bool) -> bool:
    """Put `part`'s texts into `row`'s label cells by column; False if one does not fit."""
    labels = [c for c in row.cells if c.x1 <= values_at or not is_number(c.text)]
    plan: list[tuple[PdfCell, PdfCell | None]] = []
    for piece in part.cells:
        if piece.x1 > values_at + 1:
            return False  # over the values: not a part of this row's label
        best = max(labels, key=lambda c: _overlap(c, piece), default=None)
        plan.append((piece, best if best is not None and _overlap(best, piece) > 0 else None))
    for piece, home in plan:
        if home is None:
            row.cells.append(PdfCell(piece.text, piece.x0, piece.x1, piece.ref))
        elif above:
            home.text = f"{piece.text}\n{home.text}" if home.text else piece.text
        else:
            home.text = f"{home.text}\n{piece.text}" if home.text else piece.text
    row.cells.sort(key=lambda c: c.x0)
    return True


def _own_label(row: PdfRow, values_at: float) -> PdfCell | None:
    """The label cell next to the values, if the row prints one."""
    labels = [c for c in row.cells if c.x1 <= values_at and not is_number(c.text)]
    return labels[-1] if labels else None


_ABOVE = 6  # label lines above a value line searched for the one its label starts on


def _label_start(rows: list[PdfRow], i: int, values_at: float, used: set[int]) -> int | None:
    """The line above value line i its label starts on, when the label wraps over several
    lines above it: the nearest line up, through unjoined label-only lines each directly
    above the next, with a cell starting a numbered item over the label's column (right
    of the group labels, which wrap on their own lines between). None if there is none.
    """
    label = _own_label(rows[i], values_at)
    if label is not None and is_item(label.text):
        return None
    k = i - 1
    while (k >= 0 and i - k <= _ABOVE and k not in used and _label_only(rows[k])
           and _near(rows[k], rows[k + 1])):
        if any(_starts_label(c, label, rows[k + 1:i]) for c in rows[k].cells):
            return k
        k -= 1
    return None


def _starts_label(cell: PdfCell, label: PdfCell | None, below: list[PdfRow]) -> bool:
    """Whether `cell` starts the numbered item of a value line's label, `below` the label
    lines between them: over the line's own label; or, where the line prints no label (a
    large print scale wraps every label off it), two lines up at least (the line directly
    above is joined as before) with every cell between in its column or wholly left of
    it (a group label, as （三）, wraps beside it on lines of its own), and no numbered
    item between in its column."""
    if not is_item(cell.text):
        return False
    if label is not None:
        return _overlap(cell, label) > 0
    between = [c for r in below for c in r.cells]
    return bool(between) and all(
        c.x1 <= cell.x0 or (_overlap(c, cell) > 0 and not is_item(c.text)) for c in between)


def _continuation(rows: list[PdfRow], i: int, column: float | None,
                  used: set[int]) -> tuple[int, list[PdfCell]] | None:
    """The line below value line i that continues its label, and the pieces of it that do.

    A line directly below with no numbered item continues it whole (as ever). Where
    `column` (the left edge of the label's column) is known, a line below may also hold
    a group label's piece wholly left of that column (`（五）` beside `开出版物`): then
    only its pieces over the column continue the label, and a line of group label pieces
    alone may stand between (the group label's lines print at their own heights). The
    pieces taken hold no numbered item; each line is within a line's height of the values.
    """
    row = rows[i]
    for j in (i + 1, i + 2):
        if (j >= len(rows) or j in used or not _label_only(rows[j])
                or not _near(row, rows[j])):
            return None
        if j == i + 1 and not any(is_item(c.text) for c in rows[j].cells):
            return j, list(rows[j].cells)
        if column is None:
            return None
        pieces = [c for c in rows[j].cells if c.x1 > column]
        if pieces:
            return None if any(is_item(c.text) for c in pieces) else (j, pieces)
    return None


def _beside_group(rows: list[PdfRow], i: int, label: PdfCell, values_at: float,
                  used: set[int]) -> bool:
    """Whether value line i's only label is its group's (`（五）`), the row's own wrapped
    around the values: its numbered item on the line directly above, wholly right of the
    group label and left of the values, and its rest on a line below, in that item's
    column. Without the rest below, the line above might be a blank row's whole label."""
    k = i - 1
    if (not is_item(label.text) or k < 0 or k in used or not _label_only(rows[k])
            or not _near(rows[k], rows[i])):
        return False
    items = [c for c in rows[k].cells
             if is_item(c.text) and c.x0 >= label.x1 and c.x1 <= values_at + 1]
    if len(items) != 1:
        return False
    below = _continuation(rows, i, items[0].x0, used)
    return below is not None and any(c.x1 > items[0].x0 for c in below[1])


def _join_below(rows: list[PdfRow], i: int, values_at: float, used: set[int]) -> None:
    """Join the continuation of value line i's label below it (`_continuation`); a line
    that gave only some of its pieces keeps the rest (a group label's)."""
    label = _own_label(rows[i], values_at)
    below = _continuation(rows, i, label.x0 if label is not None else None, used)
    if below is None:
        return
    j, pieces = below
    part = PdfRow(rows[j].page, rows[j].top, rows[j].bottom, pieces, line=True)
    if not _merge(rows[i], part, values_at, above=False):
        return
    rest = [c for c in rows[j].cells if all(c is not p for p in pieces)]
    if rest:
        rows[j].cells = rest
    else:
        used.add(j)


def wrapped_labels_joined(rows: list[PdfRow]) -> list[PdfRow]:
    """A page's rows with the label lines of borderless value lines joined into them."""
    used: set[int] = set()
    for i, row in enumerate(rows):
        values_at = _values_at(row) if row.line else None
        if values_at is None:
            continue
        label = _own_label(row, values_at)
        if label is not None and _beside_group(rows, i, label, values_at, used):
            label = None  # the group's: the row's own label is joined from above
        start = _label_start(rows, i, values_at, used)
        if start is not None and start < i - 1:
            # nearest first: each part goes above what is joined already
            for k in range(i - 1, start - 1, -1):
                if not _merge(row, rows[k], values_at, above=True):
                    break
                used.add(k)
        elif (i > 0 and i - 1 not in used and _label_only(rows[i - 1])
                and _near(rows[i - 1], row) and (label is None or not is_item(label.text))
                and _merge(row, rows[i - 1], values_at, above=True)):
            used.add(i - 1)
        _join_below(rows, i, values_at, used)
    return [row for i, row in enumerate(rows) if i not in used]


_HEADER_GAP = 1.5  # line heights between a header and its first values (cell padding)
_WINDOW = 40  # rows up and down searched for a fuller row of the same table


def _value_cells(row: PdfRow, values_at: float) -> list[PdfCell]:
    return [c for c in row.cells if c.x0 >= values_at - 1]


def _centre(cell: PdfCell) -> float:
    return (cell.x0 + cell.x1) / 2


def _aligned(values: list[PdfCell], anchors: list[PdfCell]) -> list[PdfCell | None] | None:
    """Each anchor's value (None: a blank there), if every value sits under its own anchor.

    A value belongs to the anchor whose centre is nearest, within half the spacing of the
    anchors; two values under one anchor, or a value under none, and nothing is placed.
    Nor where a value's text reaches over the texts of two anchors: a cell's text lies
    within its column, so that text is two columns' numbers printed edge to edge (a
    `display:table` page's cells have no padding: `61` and `4` print as `614`), not one.
    """
    centres = [_centre(a) for a in anchors]
    spacing = min((b - a for a, b in pairwise(centres)), default=0.0)
    if spacing <= 0:
        return None
    if any(sum(_overlap(value, a) > 0 for a in anchors) > 1 for value in values):
        return None
    placed: list[PdfCell | None] = [None] * len(anchors)
    for value in values:
        k = min(range(len(anchors)), key=lambda j: abs(centres[j] - _centre(value)))
        if abs(centres[k] - _centre(value)) > spacing / 2 or placed[k] is not None:
            return None
        placed[k] = value
    return placed


def _same_table(rows: list[PdfRow], i: int, values_at: float) -> list[int]:
    """Rows near row i of the same borderless table: up and down to a header or a table.

    A line with text over the value columns that is not a value (a column header) or a
    ruled table's row ends the table; so does the search window.
    """
    out: list[int] = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(rows) and abs(j - i) <= _WINDOW and rows[j].line:
            if any(c.text and not is_number(c.text) and c.x1 > values_at + 1
                   for c in rows[j].cells):
                break
            out.append(j)
            j += step
    return out


def _header_columns(rows: list[PdfRow], i: int, values_at: float) -> list[PdfCell]:
    """The columns the header directly above value line i shows: its cells over the value
    columns, the lowest first (a header wrapped or spanning over several lines: the
    column names print lowest, a spanning header above them), a cell kept only where no
    lower one lies under it. Only label-only lines, each directly above the next."""
    out: list[PdfCell] = []
    k = i - 1
    while (k >= 0 and i - k <= _WINDOW and _label_only(rows[k])
           and _near(rows[k], rows[k + 1], _HEADER_GAP if k == i - 1 else 1.0)):
        for cell in rows[k].cells:
            if cell.x1 > values_at - 1 and all(_overlap(cell, c) <= 0 for c in out):
                out.append(cell)
        k -= 1
    return sorted(out, key=lambda c: c.x0)


def blanks_placed(rows: list[PdfRow], before: list[PdfRow] | None = None) -> list[PdfRow]:
    """Borderless value lines that lost blank cells get them back, placed by column.

    A blank cell prints nothing, so a line of a borderless table has fewer cells than its
    columns. A nearby line of the same table (within a few rows, no header between) that
    prints more cells gives the columns; when every value of the shorter line sits under
    a column of its own, an empty cell is put at each column it leaves blank.

    `before`, the previous page's rows, only gives columns: a table continued on this
    page with no header repeated (no text over its value columns before its first value
    line) may have no line here printing its last columns, as the rows above the page
    break do; a browser keeps a table's columns where they were across pages.
    """
    context = list(before or [])
    rows_all = context + rows
    _placed_in(rows_all, len(context))
    return rows


def _placed_in(rows: list[PdfRow], first: int) -> None:
    """`blanks_placed` on rows[first:], the rows before it giving columns only."""
    starts = [(_values_at(r) if r.line else None) for r in rows]
    for i, row in enumerate(rows):
        if i < first or starts[i] is None:
            continue
        cells = _value_cells(row, starts[i])
        labels = [c for c in row.cells if c not in cells]
        if any(_TAKEN.search(c.text) for c in labels):
            continue  # a label ending in a number took its row's first value
        values = [c for c in cells if c.text]
        best: tuple[list[PdfCell | None], list[PdfCell]] | None = None
        for j in _same_table(rows, i, starts[i]):
            if starts[j] is None:
                continue
            anchors = _value_cells(rows[j], starts[j])
            if len(anchors) <= len(cells) or (best and len(anchors) <= len(best[1])):
                continue
            placed = _aligned(values, anchors)
            if placed is not None:
                best = (placed, anchors)
        if (best is None and i > 0 and _label_only(rows[i - 1])
                and _near(rows[i - 1], row, _HEADER_GAP)):
            # the table's first value line, fewer cells than the header's columns
            anchors = _header_columns(rows, i, starts[i])
            placed = _aligned(values, anchors) if len(anchors) > len(cells) else None
            if placed is not None:
                best = (placed, anchors)
        if best is None:
            continue
        placed, anchors = best
        filled = [value if value is not None
                  else PdfCell("", anchor.x0, anchor.x1, f"{row.cells[-1].ref} blank")
                  for value, anchor in zip(placed, anchors, strict=True)]
        row.cells = labels + filled
