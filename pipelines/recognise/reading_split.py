"""Table 三 from a PDF's text in reading order where each row's cells are split between
the left block and the right block at a place of its own (issue 13).

Chromium's print through `pdftotext` without options prints 三's left columns around the
row labels and its right columns later, after the last row's label (reading_totals,
reading_left). Where the table's markup is broken (a merged label's rowspan one short,
`broken-rowspan-short`), a browser draws some rows one column left of the others: their
first value in the sub-label's column (printed on the label's line), their 总计 in
其他's column. Those rows print 3 counts in the left block and 4 in the right, the others
2 and 5 (001: `0 0` / `8.属于行政查询事项 105` left, `0` / `0 0 105` right); and the right
block prints a row over several lines (`0` / `0 61 4` / `3119`), so it is no run of one
count a line and the uniform cut of reading_totals does not read it.

A value cell spanning two columns (`broken-value-colspan`) moves the split the same way,
and a page break may print a table's last rows whole after the right block (005: each
row's 自然人 beside its label, its six others in a run, then (六)3 to 结转下年 whole).

What holds in every such print: each row's 7 values print in order, its first m in the
left block (from 三's title to the right block) and its last 7 - m in the right block
(from there to 四's title), the rows in the template's order in both. m is the row's own,
0 to 7 (a row printed whole in either block). So the counts are read as: the left block's,
cut into rows of m_r, and the right block's, cut into rows of 7 - m_r, every row's 总计
(its last value) the sum of its six, and the column identities holding in all seven
columns (reading_left.identities_hold). Where the right block starts is not printed: every
line after the first row label's that holds a count is tried. A count beside a label (on a
line with other words) is the row's first where it prints after the row's other left
counts (the sub-label column's, left of 自然人): both readings, as printed and label first,
are tried for every row at once, as reading_left does. Kept only where every placement that
holds (over every m_r, start and reading) gives the same values; else nothing, and nothing
where the placements are too many to try (a table of zeros ties next to nothing). The
count (7 a row) is exact: a blank cell, printing nothing, reads nothing.

A sum cannot tell two cells of a row swapped, so the applicant columns are told by the
header: a cell is kept where every order of the columns the header's lines allow, 总计 last
(reading_left.header_orders), puts the same value under it (001's `自然 法律 其` / `人 服务
他` / `商业企业 科研机构` ties few: each row's 总计, and the cells equal in every place the
order leaves open); each row's 总计 always.

**A left count stays among its row's labels** (reading_rows: a row's counts print
before, beside or after its own label, never past another's): a count of the left block
is its row's only for a row from the last named on its line or above it to the first named
below it. Without it a right block printed out of row order (a row drawn a column off,
`broken-rowspan-long`: 006's (四)1 drawn a column right, its 总计 5 the run's last, after
(四)3's) lets a run of zeros slide a lone count to another row, every sum holding (its `5`
read as (四)3's, the zeros under 3.危及…8.属于行政查询事项's labels as (四)1's and (四)2's).

Tried last (reading_totals), where no other reading of 三 holds.
"""

from __future__ import annotations

from pipelines.read.text_order import COUNT, count, t4_title_line
from pipelines.recognise.reading_left import (
    Balance,
    Totals,
    header_orders,
    header_words,
    identities_hold,
    row_sums,
)
from pipelines.recognise.reading_rows import lines_naming

_WIDTH = 7
# partial readings made in all (every start, both readings): past this the counts tie
# next to nothing (a table of zeros) and the search stops, reading nothing; it bounds the
# time a text takes (a few tenths of a second)
_READINGS = 20_000
Cell = tuple[int, int, int]  # (column, line, value)


def split_rows(lines: list[str], title: int, first: int, columns: list[str],
               note: str | None, labels: tuple[str, ...], balance: Balance, totals: Totals
               ) -> dict[int, list[Cell]] | None:
    """{row index: [(column, line, value)]} of 三 read with each row split between the two
    blocks at its own place (module docstring), or None. `title` 三's title line, `first`
    its first row label's line, `labels` its rows' labels."""
    rows = len(labels)
    end = t4_title_line(lines)
    if end is None or end <= first or len(columns) != _WIDTH:
        return None
    counts = [(no, count(w)) for no in range(title + 1, end)
              for w in lines[no].split() if COUNT.fullmatch(w)]
    if len(counts) != _WIDTH * rows:
        return None
    beside = frozenset(no for no in range(title + 1, end)
                       if any(not COUNT.fullmatch(w) for w in lines[no].split()))
    found: dict[tuple, dict[int, list[Cell]]] = {}
    budget = [_READINGS]
    among = _label_windows(lines, title, end, labels)
    for start in range(first + 1, end):
        if not any(COUNT.fullmatch(w) for w in lines[start].split()):
            continue
        left = [c for c in counts if c[0] < start]
        right = [c for c in counts if c[0] >= start]
        for label_first in (False, True):
            readings = _readings(left, right, rows, beside if label_first else frozenset(),
                                 budget, among)
            if readings is None:
                return None  # too many to tell apart: nothing proven
            for values, placed in readings.items():
                if identities_hold(dict(enumerate(map(list, values))), _WIDTH, balance,
                                   totals):
                    found.setdefault(values, placed)
    if len(found) != 1:
        return None  # none holds, or two placing other values do
    header = header_words(lines[title + 1:first], columns, note)
    return _agreed(next(iter(found.values())), _orders_total_last(header, columns))


def _label_windows(lines: list[str], title: int, end: int, labels: tuple[str, ...]
                   ) -> dict[int, tuple[int, int]]:
    """{line: (lowest, highest row)} a count printed on that line may be in the left
    block: from the last row named on it or above it to the first named below it
    (reading_rows.lines_naming: lines naming one row only; 0 and the last row where none)."""
    named = lines_naming(lines, title, end, labels)
    highs: dict[int, int] = {}
    high = len(labels) - 1
    for no in range(end - 1, title, -1):  # upwards: the first row named below each line
        highs[no] = high
        high = named.get(no, high)
    out: dict[int, tuple[int, int]] = {}
    low = 0
    for no in range(title + 1, end):
        low = named.get(no, low)
        out[no] = (low, max(low, highs[no]))
    return out


def _orders_total_last(header: list[list[str]], columns: list[str]
                       ) -> list[tuple[int, ...]]:
    """Every order of the seven columns the header's lines allow with 总计 last (where the
    reading's row sums put it): the six others' orders (reading_left.header_orders), each
    line's words naming 总计 alone left out (they order nothing among the six)."""
    total = len(columns) - 1
    six = [[w for w in words if w not in columns[total] or any(
        w in label for label in columns[:total])] for words in header]
    return [(*o, total) for o in header_orders(six, columns[:total])]


def _agreed(placed: dict[int, list[Cell]], orders: list[tuple[int, ...]]
            ) -> dict[int, list[Cell]]:
    """The cells of a reading (values by printed place) that every order of the columns
    the header allows (总计 last) puts alike under their column: {row: [(column, line,
    value)]}. 总计, last in each, is always kept; with no order allowed, it alone."""
    total = _WIDTH - 1
    out: dict[int, list[Cell]] = {}
    for r, cells in placed.items():
        kept = [(c, *cells[orders[0].index(c)][1:]) for c in range(total) if orders
                and len({cells[o.index(c)][2] for o in orders}) == 1]
        out[r] = [*kept, (total, *cells[total][1:])]
    return out


def _readings(left: list[tuple[int, int]], right: list[tuple[int, int]], rows: int,
              beside: frozenset[int], budget: list[int],
              among: dict[int, tuple[int, int]]
              ) -> dict[tuple, dict[int, list[Cell]]] | None:
    """Every reading of the two blocks' counts as `rows` rows, each its first m from
    `left` (those on a line of `beside` first, each on a line whose window in `among`
    holds the row) and its other 7 - m from `right`, whose 总计 is the sum of its six:
    {values (a tuple a row): the cells}. None once `budget` (the partial readings left to
    make, shared by the calls) runs out."""
    # state: counts taken from the left block -> {values so far: cells so far}
    states: dict[int, dict[tuple, dict[int, list[Cell]]]] = {0: {(): {}}}
    for r in range(rows):
        nxt: dict[int, dict[tuple, dict[int, list[Cell]]]] = {}
        for i, partial in states.items():
            j = _WIDTH * r - i
            for m in range(_WIDTH + 1):
                if i + m > len(left) or j + _WIDTH - m > len(right):
                    continue
                piece = left[i:i + m]
                if m and not among[piece[-1][0]][0] <= r <= among[piece[0][0]][1]:
                    break  # a count past another row's label: more counts, further
                piece = ([c for c in piece if c[0] in beside]
                         + [c for c in piece if c[0] not in beside])
                row = piece + right[j:j + _WIDTH - m]
                values = tuple(v for _, v in row)
                if not row_sums(list(values), _WIDTH - 1):
                    continue
                cells = [(c, no, v) for c, (no, v) in enumerate(row)]
                into = nxt.setdefault(i + m, {})
                for done, placed in partial.items():
                    into.setdefault((*done, values), placed | {r: cells})
        budget[0] -= sum(map(len, nxt.values()))
        if budget[0] < 0:
            return None
        states = nxt
    return states.get(len(left), {})
