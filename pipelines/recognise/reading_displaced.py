"""Table 三's rows whose values a PDF's text in reading order prints partly after later
counts: the readings of its counts with a few lines of counts put back into their row
(issue 13).

Where a cell's text is a block of its own (a `<p>` in each cell, cell-p; Word's bands),
`pdftotext` without options may print a row's first values apart from the rest, in the
row label's block: after the row's other values (`3 0 0 1 0 71`, then the label's line
`1.申请人无正当理由逾期不补正、 67`), or after later rows (other_other's `108` after
(七)总计's and 结转下年's values; 004's `21 0` and `8 1` after both rows' other five).
Every count of the table is still printed, and the rest in the rows' order, so a reading
is: the counts in order, but for at most `_MOVED` lines of counts printed later than the
row they belong to, each filling one gap (as many cells as the line has counts,
consecutive) in one row. A line moved is one the label's block printed: on a label's
line or next to one (`label_block_lines`), never amid a run of lines of counts only. A
row's 总计 is the sum of its six: a gap of one cell has one value, which the line put
there must print. Which lines moved, and where from, is shown by nothing but the sums,
so every such reading is returned, one per distinct values; the caller
(reading_left.left_block) keeps the table only where every reading whose column
identities hold places the same values, and tries these only where no reading of the
counts in order holds. A line printed before its row (005's `7` above 予以公开's label)
is not tried: set aside to fill a later row's gap, the zeros of a small agency's table
take more readings than are searched (`_STEPS`), so nothing would be proven.
"""

from __future__ import annotations

from typing import NamedTuple

from pipelines.read.text_order import COUNT

_MOVED = 3  # lines of counts a reading may take out of the order (004: 2, huaian: 3)
_GAP = 2  # cells a moved line may fill (a row's first two: `21 0`)
_STEPS = 100_000  # search states before giving up (nothing proven then; huaian: 14,000)

Count = tuple[int, int]  # (line, value)
Row = tuple[Count | None, ...]  # None: a cell a moved line fills


class _Owed(NamedTuple):
    """A gap of a row printed, to be filled by a line printed later: its row, first cell,
    size, and what the line must print for the row's 总计 to be the sum of its six
    (`eq`: that one value; `sum`: two values of that sum; `diff`: two, the second that much
    more than the first, where the gap holds 总计)."""
    row: int
    at: int
    size: int
    kind: str
    number: int

    def takes(self, values: tuple[int, ...]) -> bool:
        if len(values) != self.size:
            return False
        if self.kind == "eq":
            return values == (self.number,)
        if self.kind == "sum":
            return sum(values) == self.number
        return values[1] - values[0] == self.number


class _Exhausted(Exception):
    pass


# (fills: ((gap, line), ...), rows from the current one on), by their values
Outcomes = dict[tuple, tuple[tuple[tuple[_Owed, tuple[Count, ...]], ...], tuple[Row, ...]]]


class _Search:
    """The search over the counts (`displaced_readings`), memoised on its state."""

    def __init__(self, counts: list[Count], width: int, rows: int, movable: set[int]
                 ) -> None:
        self.counts, self.width, self.rows = counts, width, rows
        self.memo: dict[tuple, Outcomes] = {}
        # the values of each movable whole line, by its first count
        self.lines = {i: tuple(v for _, v in line) for i in range(len(counts))
                      if (line := self.line_at(i)) and line[0][0] in movable}

    def fillable(self, gap: _Owed, i: int) -> bool:
        """Whether a movable line from count i on can fill the gap."""
        return any(gap.takes(values) for at, values in self.lines.items() if at >= i)

    def line_at(self, i: int) -> tuple[Count, ...]:
        """The whole line of counts starting at count i (none where i starts no line)."""
        if i > 0 and self.counts[i - 1][0] == self.counts[i][0]:
            return ()
        j = i
        while j < len(self.counts) and self.counts[j][0] == self.counts[i][0]:
            j += 1
        return tuple(self.counts[i:j])

    def walk(self, i: int, r: int, cur: Row, owed: tuple[_Owed, ...], moved: int
             ) -> Outcomes:
        """The readings of the counts from count i on: row r being read (`cur`, None its
        gap's cells), the gaps of rows read before still `owed`, `moved` gaps opened."""
        key = (i, r, cur, owed, moved)
        if key in self.memo:
            return self.memo[key]
        if len(self.memo) > _STEPS:
            raise _Exhausted
        out: Outcomes = {}
        if len(cur) == self.width:
            gap = _owed(r, cur)
            if gap is not None and all(self.fillable(g, i) for g in gap):
                for k, (fills, rows) in self.walk(i, r + 1, (), (*owed, *gap[:1]),
                                                  moved).items():
                    out.setdefault((k, tuple(_values(cur))), (fills, (cur, *rows)))
        elif i == len(self.counts):
            if r == self.rows and not cur and not owed:
                out[()] = ((), ())
        else:
            out = self._step(i, r, cur, owed, moved)
        self.memo[key] = out
        return out

    def _step(self, i: int, r: int, cur: Row, owed: tuple[_Owed, ...], moved: int
              ) -> Outcomes:
        """Count i: the line it starts put in an owed gap, or the count read in order,
        or a gap opened before it in the row being read."""
        out: Outcomes = {}
        values = self.lines.get(i)
        for gap in owed:  # a gap of a row printed before, filled by this whole line
            if values is not None and gap.takes(values):
                line = self.line_at(i)
                rest = tuple(g for g in owed if g != gap)
                for k, (fills, rows) in self.walk(i + len(line), r, cur, rest, moved).items():
                    out.setdefault((k, gap, values), (((gap, line), *fills), rows))
        if r == self.rows:
            return out
        for k, found in self.walk(i + 1, r, (*cur, self.counts[i]), owed, moved).items():
            out.setdefault(k, found)
        if moved < _MOVED and None not in cur:  # one gap a row, opened here
            for size in range(1, min(_GAP, self.width - len(cur)) + 1):
                for k, found in self.walk(i, r, (*cur, *[None] * size), owed,
                                          moved + 1).items():
                    out.setdefault(k, found)
        return out


def _values(row: Row) -> list[int | None]:
    return [None if c is None else c[1] for c in row]


def _owed(r: int, row: Row) -> tuple[_Owed, ...] | None:
    """The row's gap as owed (none where it has none), or None where the row cannot hold:
    no gap and its 总计 not the sum of its six, or a gap the sum cannot fill."""
    values = _values(row)
    if None not in values:
        return () if sum(values[:-1]) == values[-1] else None  # type: ignore[arg-type]
    at = values.index(None)
    size = values.count(None)
    known = sum(v for v in values[:-1] if v is not None)
    if values[-1] is None and size == 1:
        return (_Owed(r, at, 1, "eq", known),)
    if values[-1] is None:  # the gap holds 总计 and the cell before it
        return (_Owed(r, at, size, "diff", known),)
    rest = values[-1] - known  # type: ignore[operator]
    if rest < 0:
        return None
    return (_Owed(r, at, size, "eq" if size == 1 else "sum", rest),)


def label_block_lines(lines: list[str], start: int, end: int) -> set[int]:
    """The lines from `start` + 1 to `end` that hold counts on a label's line or next to
    one (empty lines aside): where the values a label's block took print (`3.其他` /
    `108`, `（二）部分公开… 8 1`). A line amid a run of lines of counts only prints in the
    values' own order and moves nowhere."""
    kinds = []  # (line, holds a count, holds another word), empty lines left out
    for no in range(start + 1, end):
        if words := lines[no].split():
            counts = [COUNT.fullmatch(w) is not None for w in words]
            kinds.append((no, any(counts), not all(counts)))
    return {no for at, (no, counts, _) in enumerate(kinds)
            if counts and any(k[2] for k in kinds[max(0, at - 1):at + 2])}


def displaced_readings(counts: list[Count], width: int, rows: int, movable: set[int]
                       ) -> list[list[Count]]:
    """Every distinct reading of `counts` (one a line's count, (line, value), in printed
    order) as `rows` rows of `width` cells, row after row, each row's last the sum of the
    others, where at most `_MOVED` whole lines printed after their row's other counts
    are put back into it (module docstring): each reading the counts in the rows' order.
    Empty where the count is not the rows' or the search runs past `_STEPS` states."""
    if len(counts) != width * rows:
        return []
    try:
        found = _Search(counts, width, rows, movable).walk(0, 0, (), (), 0)
    except _Exhausted:
        return []
    out: dict[tuple[int, ...], list[Count]] = {}
    for fills, rows_read in found.values():
        put = {(gap.row, gap.at): line for gap, line in fills}
        flat: list[Count] = []
        for r, row in enumerate(rows_read):
            for at, cell in enumerate(row):
                if cell is not None:
                    flat.append(cell)
                elif (r, at) in put:
                    flat += put[(r, at)]
        out.setdefault(tuple(v for _, v in flat), flat)
    return list(out.values())
