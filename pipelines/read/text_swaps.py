"""Two values of a row that text laid out by position printed out of their order.

What belongs here: finding, in text that keeps a page's layout (`pdftotext -layout`), a
row whose words the tool printed in another order than the page's cells. pdftotext
places each word on a grid of characters by where it starts; a long label of wide
glyphs in a narrow column overflows that grid, and the next cell's word may be put left
of the word before it. LibreOffice's PDF of a Word table, row `四、结转下年度继续办 |
1,001 | 0 | 0 …`, prints `四、结转下年度继续办       0 1,001            0 …`: the `0` of
商业企业 moved left of 自然人's `1,001` (by the label's ten wide glyphs), which stays
in its column. Every sum of the row holds either way, so only the positions show it:
against the nearest row above printing as many values (below, for a table's first value
row), both words lie under the first of two columns and none under the second, while
every other value stands under its own column. A row a long label squeezes
(`（二）部分公开（区分处理的，只计这一情形， 2 0`, Chromium's print) shifts its values
in sequence and leaves no such single gap, so it is not taken. The pair is marked
`misordered`; the recogniser nulls the two cells unless an identity proves the order
printed (pipelines/recognise/transposed.py).
"""

from __future__ import annotations

from pipelines.read.text_columns import PrintedRow, Word

_NEAR = 12  # lines: a row this near above is of the same table


def misordered_marked(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Mark `misordered` the two values of each row that printed a cell's word before
    the word of the cell left of it (module docstring)."""
    for i, row in enumerate(rows):
        if len(row.values) < 3 or not row.spaced or not row.lines:
            continue
        near = _reference(rows, i)
        if near is None:  # a table's first value row: the nearest row below instead
            near = _reference_below(rows, i)
        if near is None:
            continue
        k = _swapped_pair(row.labels, row.values, near.values)
        if k is not None:
            row.values[k].misordered = row.values[k + 1].misordered = True
    return rows


def _reference(rows: list[PrintedRow], i: int) -> PrintedRow | None:
    """The nearest row above row i, within _NEAR lines, printing as many values."""
    row = rows[i]
    for other in reversed(rows[:i]):
        if not other.lines or other.lines[-1] < row.lines[0] - _NEAR:
            if other.lines:
                return None
            continue
        if other.spaced and len(other.values) == len(row.values):
            return other
    return None


def _reference_below(rows: list[PrintedRow], i: int) -> PrintedRow | None:
    """The nearest row below row i, within _NEAR lines, printing as many values: the
    reference of a table's first value row, which has none above."""
    row = rows[i]
    for other in rows[i + 1:]:
        if not other.lines:
            continue
        if other.lines[0] > row.lines[-1] + _NEAR:
            return None
        if other.spaced and len(other.values) == len(row.values):
            return other
    return None


def _swapped_pair(labels: list[Word], values: list[Word], columns: list[Word]) -> int | None:
    """k where values k and k+1 both stand under (or left of) column k, one space
    apart, the first set apart from the word before it, nothing under column k+1, and
    every other value under its own column; None elsewhere."""
    words = labels + values
    for k in range(len(values) - 1):
        first, second = values[k], values[k + 1]
        before = words[len(labels) + k - 1] if len(labels) + k > 0 else None
        if (second.shares(columns[k]) and first.start < columns[k].start
                and second.start == first.end + 1
                and (before is None or first.start - before.end >= 2)
                and not any(v.shares(columns[k + 1]) for v in values)
                and all(v.shares(columns[j]) for j, v in enumerate(values)
                        if j not in (k, k + 1))):
            return k
    return None
