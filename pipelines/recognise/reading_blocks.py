"""Table 三 from LibreOffice's PDF of a Word table through `pdftotext` in reading order,
where its rows print in blocks: each row's 总计 and the rows the same in any column order
(issue 13).

LibreOffice's PDF of a DOCX (the DOCX variants of the 2019-format reports) prints 三's
counts, one a line, in blocks a run of rows at a time (005: `23 0` / the header / `0 0 0`
`0 0 0 0` `7 0 0` `1 0 0` / `自然人 商业企业 其他 总计` / `0 23` `0 0 0` `0 0 0 7`
`0 0 0 1`): the rows' left parts, row after row, then their right parts, the split
varying from row to row; below a page's labels its rows whole, 7 a row; its last two
rows (one line of label each) a column at a time (`23 0` / `0 0` / … / `23 0`). The
counts between 三's title and 四's are all of 三's, 7 a row in the template's row order:
a window of m rows is always the 7m counts from 7 × its first row on. So each window of
at most `_BLOCK` rows is read as two blocks (every split of each row, its left part in
the first block and its right part in the second, the row's 总计 the sum of its six) or,
for two or three rows, a column at a time; the table is kept only where exactly one set
of rows comes out of all these readings whose column identities hold in every column
(新收 + 结转 = (七)总计 + 结转下年, (七)总计 the sum of the result rows). Rows keep their
template order, so 三's row labels must print in it (reading_totals._rows_in_order).

The columns' order is not shown: the header prints a piece a line, 总计 among the
organisations, and the six applicant columns are interchangeable in every identity. So,
as for WPS's PDF (reading_order.py), only each row's 总计 (the sum of the other six in any
order) and the rows whose six are equal are placed; the rest stays null.

**总计 printed first** (a header printing it before the other columns' pieces,
`total_first`: `（二）部分公` / `总计` / `自然` / `人`; the DOCX's 总计 column moved first): each
row's first count is its 总计, the sum of the six after it, in every reading alike; the
rest as above. 三 stays flagged out of order (column_order): only 总计 and the rows whose
six are equal are placed, which no order of the six changes. Likewise where 三 was
withdrawn for its header's pieces out of the columns' order but the header prints 总计
after every other column's piece (`total_last`: `科研` / `社会` / `法律` / … / `自然` / `人` /
… / `其他` / `总计`, the 2021-format reports): each row's last count is its 总计.

**The 2021-format reports** (001, huaian): page 1's blocks have 二's narrow column
printed apart among them (`现行有` / `效件数` / `11` / `66`): those lines, proven 二's by
reading_t2.values_apart (its label whole over lines of its own right over one value a
row of its block), are no count of 三's. The last page prints its last rows' left parts
before 四's title and their right parts after it, among 四's header pieces and values:
where 三's counts before 四's title fall short of 7 a row, each run past it of exactly the
counts missing, on lines of counts only with a line of words on each side (`总` / `计` /
`0` / … / `3050` / `103` / `行政诉讼`), is read after them; the table's last j rows (2 or 3,
a line of label each) may print their right parts a column at a time (`0 0` / `0 0` /
`61 0` / `4 0` / `3050 103`). Nothing else changes: every reading of every run holding
the identities must agree on a row for it to be placed, so a run whose place the sums
and identities do not fix places nothing.

**Labels printed with other punctuation** (`(一)予以公开`, `1、属于` for `（一）`, `1.属于`:
docx-punctuation): `labels_in_order` compares the labels' characters and digits only.
Where those Word files print 二's narrow column right over 三's first counts (`现行有` /
`效件数` / `0` / `698` / `71` / `3`, no line of words between: reading_t2.values_run_on),
三's counts are read both with and without its first values. Where no reading holds (and
only there, so nothing read before changes), two shapes more are read: **two or three
rows a column at a time in both blocks** (page 1: `7` `1` / `0` `0` / … for rows 2-3's
left parts, `0` `0` / … / `7` `1` for their right parts: `_group`), and **the table's last
rows as one window of up to `_PAST_ROWS` whose first block ends at 四's title** (the
2019 format's last page: rows 13-22's left parts, 2 a row beside their labels, then 四's
title, then their right parts 5 a row, the last three a column at a time:
`_past_window`). Every reading of every sequence holding the identities must still agree
on a row for it to be placed.

**Sub-rows** (`其中：网上申请` under a row: no cell of 三, docx-extra-rows): their counts
print in the blocks as any row's (page 1: each a column at a time with the row below it,
`1` / `34` / `2` / `0` …; the last page: below (七)总计 and 结转下年度, whose right parts
print a column at a time past 四's title, its own right part after theirs, `3 4 5 6 7`).
So the rows read are the rows as printed (reading_rows.printed_rows: the template's,
each followed by the sub-rows whose labels print below its label), 7 counts each; a
sub-row's counts need not sum (no identity holds them) and are left out before the
column identities are checked. A sub-row whose label does not print is no row: its
counts leave 三's 7 a row over, and nothing is read.
"""

from __future__ import annotations

from pipelines.read.text_order import COUNT, _values_only, count, t4_title_line
from pipelines.recognise.header_pieces import column_started
from pipelines.recognise.normalise import normalise
from pipelines.recognise.reading_rows import SubRow, printed_rows

_WIDTH = 7  # 三's columns, 总计 last (or first: `total_first`)
_TOTAL = "总计"
_BLOCK = 6  # rows a window printed as two blocks may hold (a page's first rows: 4-5 seen)
# rows of the window ending the table whose first block ends at 四's title (`_past_window`)
_PAST_ROWS = 10
_COLUMN_WISE = 3  # rows a window printed a column at a time may hold (the last two seen)
# distinct readings kept of the rows below a row: more is not read (005's mostly zeros
# read 32,775 ways, 15 of them holding the identities, in 0.35 s of CPU)
_READINGS = 50_000
# (rows, each row's counts in the first block) of a group of rows printing a column at a
# time in both blocks (`_group`): LibreOffice's page 1 of docx-punctuation, rows 2-3
_GROUPS = tuple((g, w) for g in (2, 3) for w in range(1, _WIDTH))

Row = tuple[int, ...]  # indexes into the counts


def _counts(lines: list[str], title: int, skip: frozenset[int] = frozenset()
            ) -> list[tuple[int, int]] | None:
    """(line, count) of every line of counts only between 三's title and 四's, but the
    lines `skip` (二's values printed apart: reading_t2.values_apart), or None where a line
    there holds a value that is no count, or 四's title is not found."""
    end = t4_title_line(lines)
    if end is None or end <= title:
        return None
    out = []
    for no in range(title + 1, end):
        if _values_only(lines[no]) and no not in skip:
            words = lines[no].split()
            if not all(COUNT.fullmatch(w) for w in words):
                return None  # `3,001`, `96171.6`: not read here
            out += [(no, count(w)) for w in words]
    return out


def _runs_past_title(lines: list[str], size: int) -> list[list[tuple[int, int]]]:
    """Every run of exactly `size` counts after 四's title printed on lines of counts only,
    a line of other words (or the text's end) on each side: the right parts of 三's last
    rows, which the last page prints past 四's title among 四's header pieces (`总` / `计`
    / `0` / `0` … `3050` / `103` / `行政诉讼`)."""
    end = t4_title_line(lines)
    runs: list[list[tuple[int, int]]] = [[]]
    for no in range(len(lines) if end is None else end + 1, len(lines)):
        words = lines[no].split()
        if words and all(COUNT.fullmatch(w) for w in words):
            runs[-1] += [(no, count(w)) for w in words]
        elif words and runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) == size]


def _sums(values: list[int], row: Row, total: int = _WIDTH - 1, free: bool = False) -> bool:
    """The row's count at printed place `total` (总计) is the sum of its other six; any
    counts where the row is `free` (a sub-row: no cell of 三, its counts only taken out)."""
    return free or 2 * values[row[total]] == sum(values[i] for i in row)


def _two_blocks(values: list[int], at: int, m: int, total: int = _WIDTH - 1,
                tail: tuple[int, int] = (0, 0), groups: bool = False,
                split: int | None = None, free: frozenset[int] = frozenset()
                ) -> dict[tuple, tuple[Row, ...]] | None:
    """The m rows from count `at` read as two blocks: each row's first w counts in the
    first block (row after row), its other 7 - w in the second; one reading per distinct
    values, None where more than `_READINGS`. `tail` (j, k): the last j rows' right parts,
    k counts each, print in the second block a column at a time (`0 0` / `0 0` / `61 0` /
    `4 0` / `3050 103`: 三's last rows, a line of label each). `groups`: two or three
    rows in a row may also print a column at a time in both blocks, split alike (`_group`).
    `split`: the first block's size, where it is known (`readings`' window past 四's title).
    `free`: the window's sub-rows (their indexes in it), whose counts need not sum; where
    the window ends with sub-rows, `tail` (j, k, s) reads its last s rows' right parts
    row after row after the j column-wise rows' (`_tails`)."""
    found: dict[tuple, tuple[Row, ...]] = {}
    j, k, s = tail if len(tail) == 3 else (*tail, 0)
    first = m - j - s  # the first column-wise row of the tail
    for left in range(m, _WIDTH * m + 1) if split is None else (split,):
        memo: dict[tuple[int, int], dict[tuple, tuple[Row, ...]] | None] = {}

        def walk(i: int, lc: int, left: int = left, memo: dict = memo
                 ) -> dict[tuple, tuple[Row, ...]] | None:
            if i == m:
                return {(): ()} if lc == left else {}
            if (i, lc) in memo:
                return memo[(i, lc)]
            out: dict[tuple, tuple[Row, ...]] | None = {}
            rc = _WIDTH * i - lc
            for w in range(1, _WIDTH + 1):
                if lc + w + (m - i - 1) > left or rc + _WIDTH - w > _WIDTH * m - left:
                    continue
                if first <= i < m - s and (
                        _WIDTH - w != k or rc + (m - s - i) * k > _WIDTH * m - left):
                    continue  # the column-wise rows' right parts: k each, in a run
                right = (tuple(at + left + rc - (i - first) * (k - 1) + c * j
                               for c in range(k)) if first <= i < m - s else
                         tuple(range(at + left + rc, at + left + rc + _WIDTH - w)))
                row = tuple(range(at + lc, at + lc + w)) + right
                if not _sums(values, row, total, i in free):
                    continue
                rest = walk(i + 1, lc + w)
                if rest is None:
                    out = None
                    break
                key = tuple(values[k] for k in row)
                for tail_key, tail in rest.items():
                    out.setdefault((key, *tail_key), (row, *tail))
                if len(out) > _READINGS:
                    out = None
                    break
            for g, w in _GROUPS if groups and out is not None else ():
                if (i + g > first or lc + g * w > left
                        or rc + g * (_WIDTH - w) > _WIDTH * m - left):
                    continue
                rows = _group(at + lc, at + left + rc, g, w)
                if not all(_sums(values, row, total, i + x in free)
                           for x, row in enumerate(rows)):
                    continue
                rest = walk(i + g, lc + g * w)
                if rest is None:
                    out = None
                    break
                key = tuple(tuple(values[k] for k in row) for row in rows)
                for tail_key, tail in rest.items():
                    out.setdefault((*key, *tail_key), (*rows, *tail))
                if len(out) > _READINGS:
                    out = None
                    break
            memo[(i, lc)] = out
            return out

        got = walk(0, 0)
        if got is None:
            return None
        for key, rows in got.items():
            found.setdefault(key, rows)
        if len(found) > _READINGS:
            return None
    return found


def _group(left: int, right: int, g: int, w: int) -> tuple[Row, ...]:
    """g rows printing a column at a time in both blocks, each row's first w counts in the
    first block from count `left` (`7 1` / `0 0` / `0 0` / `0 0`: the 自然人, 商业企业, …
    of rows 2 and 3), its other 7 - w in the second from count `right` (`0 0` / `0 0` /
    `7 1`): row r's column c is the r-th count of column c's g."""
    return tuple(tuple(left + c * g + r for c in range(w))
                 + tuple(right + c * g + r for c in range(_WIDTH - w)) for r in range(g))


def _tails(m: int, subs: int = 0) -> list[tuple[int, int, int]]:
    """(j, k, s) of every second block of m rows printing its last j rows a column at a
    time, k counts each, then the right parts of the s sub-rows below them row after row
    (s: none, or the `subs` sub-rows ending the window: 001's last page, `0 0` / … /
    `3050 103` of (七)总计 and 结转下年度, then `3 4 5 6 7` of the `其中：网上申请` below;
    `_two_blocks`)."""
    return [(j, k, s) for s in sorted({0, subs}) for j in range(2, min(_COLUMN_WISE, m - s) + 1)
            for k in range(1, _WIDTH)]


def _column_wise(values: list[int], at: int, m: int, total: int = _WIDTH - 1,
                 free: frozenset[int] = frozenset()) -> list[tuple[Row, ...]]:
    rows = tuple(tuple(at + c * m + i for c in range(_WIDTH)) for i in range(m))
    return [rows] if all(_sums(values, r, total, i in free) for i, r in enumerate(rows)) else []


def readings(values: list[int], n: int, total: int = _WIDTH - 1, groups: bool = False,
             cut: int | None = None, free: frozenset[int] = frozenset()
             ) -> list[tuple[Row, ...]] | None:
    """Every distinct set of n rows (their counts' indexes) the counts read as (module
    docstring), one per distinct values; None where more than `_READINGS` remain below a
    row (not proven either way). `total`: 总计's printed place in every row. `groups`:
    rows printed a column at a time in both blocks too (`_two_blocks`); `cut`: where the
    counts past 四's title begin (`_sequences`), the table's last `_PAST_ROWS` rows at most
    may then be one window whose first block ends there (`_past_window`); `free`: the
    rows that are sub-rows (`_two_blocks`)."""
    if len(values) != _WIDTH * n:
        return None
    memo: dict[int, dict[tuple, tuple[Row, ...]] | None] = {n: {(): ()}}

    def below(r: int) -> dict[tuple, tuple[Row, ...]] | None:
        if r in memo:
            return memo[r]
        out: dict[tuple, tuple[Row, ...]] = {}
        for m in range(1, min(_BLOCK, n - r) + 1):
            rest = below(r + m)
            if rest is None:
                memo[r] = None
                return None
            windows = _windows(values, r, m, n, total, groups, free=free)
            if windows is None:
                memo[r] = None
                return None
            for rows in windows:
                key = tuple(tuple(values[i] for i in row) for row in rows)
                for tail_key, tail in rest.items():
                    out.setdefault(key + tail_key, rows + tail)
                if len(out) > _READINGS:
                    memo[r] = None
                    return None
        windows = _past_window(values, r, n, total, groups, cut, free)
        if windows is None:
            memo[r] = None
            return None
        for rows in windows:  # the table's last rows: nothing below them
            out.setdefault(tuple(tuple(values[i] for i in row) for row in rows), rows)
        if len(out) > _READINGS:
            memo[r] = None
            return None
        memo[r] = out
        return out

    for r in range(n, -1, -1):  # bottom up: no deep recursion
        if below(r) is None:
            return None
    found = below(0)
    return None if found is None else list(found.values())


def _windows(values: list[int], r: int, m: int, n: int, total: int, groups: bool,
             split: int | None = None, free: frozenset[int] = frozenset()
             ) -> list[tuple[Row, ...]] | None:
    """Every reading of the m rows from row r as one window (module docstring): two
    blocks, a column at a time (2 or 3 rows), and for the table's last rows their right
    parts a column at a time (`_tails`); None where more than `_READINGS`. `split`: the
    first block's size, where known; `free`: the sub-rows (their rows' indexes)."""
    ours = frozenset(f - r for f in free if r <= f < r + m)
    blocks = _two_blocks(values, _WIDTH * r, m, total, groups=groups, split=split, free=ours)
    if blocks is None:
        return None
    windows = list(blocks.values())
    if 2 <= m <= _COLUMN_WISE and split is None:
        windows += _column_wise(values, _WIDTH * r, m, total, ours)
    if r + m == n:  # the table's last rows: their right parts a column at a time
        subs = next(s for s in range(m + 1) if m - 1 - s not in ours)  # the last rows'
        for tail in _tails(m, subs):
            more = _two_blocks(values, _WIDTH * r, m, total, tail, groups, split, ours)
            if more is None:
                return None
            windows += list(more.values())
    return windows


def _past_window(values: list[int], r: int, n: int, total: int, groups: bool,
                 cut: int | None, free: frozenset[int] = frozenset()
                 ) -> list[tuple[Row, ...]] | None:
    """The table's last n - r rows, more than `_BLOCK` and at most `_PAST_ROWS`, read as one
    window whose first block is every count from row r's first to `cut` (四's title) and
    whose second is the run past it (005's docx-punctuation: rows 13-22's left parts, 2 a
    row beside their labels, then 四's title, then their right parts, 5 a row and the last
    3 rows a column at a time); none where `cut` is not given or not in those rows."""
    m = n - r
    if cut is None or not _BLOCK < m <= _PAST_ROWS or not _WIDTH * r < cut < _WIDTH * n:
        return []
    return _windows(values, r, m, n, total, groups, split=cut - _WIDTH * r, free=free)


def _columns_hold(rows: list[list[int]], balance: tuple, totals: tuple) -> bool:
    for c in range(_WIDTH):
        if any(rows[a][c] + rows[b][c] != rows[t][c] + rows[f][c] for a, b, t, f in balance):
            return False
        if any(rows[t][c] != sum(rows[p][c] for p in parts) for t, parts in totals):
            return False
    return True


def labels_in_order(lines: list[str], title: int, labels: list[str]) -> bool:
    """Whether 三's row labels (as matched: simplified, no spaces), one after another in
    the template's order, are a subsequence of its text between its title and 四's (the
    lines but counts, joined without spaces). LibreOffice cuts a label two characters a
    line, the merged column's group labels between its pieces (`（三` / `1.属` / `）不` /
    `于国` …), so no line names a row, yet each label's characters print in order, and
    the labels in the rows' order: two rows printed in each other's place break it."""
    end = t4_title_line(lines) or len(lines)
    text = iter(_letters("".join(ln for ln in lines[title + 1:end] if not _values_only(ln))))
    return all(ch in text for ch in _letters("".join(labels)))  # `in` consumes: a subsequence


def _letters(text: str) -> str:
    """The text's characters and digits, simplified, without spaces or punctuation: a label
    printed with other brackets or item marks (`(一)予以公开`, `1、属于` for `（一）`,
    `1.属于`, docx-punctuation) spells the same characters in the same order."""
    return "".join(ch for ch in normalise(text) if ch.isalnum())


def total_first(lines: list[str], title: int, columns: list[str]) -> bool:
    """Whether 三's header prints 总计 before every other column's label: the first line
    from 三's title on (to 四's) that starts exactly one column's label (`科研`, `自然`,
    `商业`; `总计` alone on its line) is `总计`. A header printing 总计 as its first
    column prints it there (`（二）部分公` / `总计` / `自然` / `人` / … / `商业 科研 社会
    法律`); one printing it last prints the organisations' pieces or 自然人's first."""
    return _total_alone(_column_lines(lines, title, columns)[:1])


def _sequences(lines: list[str], title: int, n: int, skip: frozenset[int]
               ) -> list[tuple[list[tuple[int, int]], int | None]]:
    """三's counts, (line, count), 7n of them, each with where the counts past 四's title
    begin (None: none are): those between its title and 四's (`_counts`); where they fall
    short of 7n by at most the right parts of `_PAST_ROWS` rows, each with a run past 四's
    title of exactly the counts missing (`_runs_past_title`) after them."""
    counts = _counts(lines, title, skip)
    if counts is None:
        return []
    short = _WIDTH * n - len(counts)
    if short == 0:
        return [(counts, None)]
    if not 0 < short <= (_WIDTH - 1) * _PAST_ROWS:
        return []
    return [(counts + run, len(counts)) for run in _runs_past_title(lines, short)]


def _held(values: list[int], n: int, total: int, balance: tuple, totals: tuple,
          groups: bool = False, cut: int | None = None, free: frozenset[int] = frozenset()
          ) -> list[tuple[Row, ...]] | None:
    """Every reading of the counts (`readings`) holding the column identities, each row's
    places 总计's last, the sub-rows (`free`) left out; None where not read (more than
    `_READINGS`)."""
    found = readings(values, n, total, groups, cut, free)
    if found is None:
        return None
    # each row's printed places, 总计's last (the six's order is not read: see above)
    order = [c for c in range(_WIDTH) if c != total] + [total]
    found = [tuple(tuple(row[c] for c in order) for r, row in enumerate(rows) if r not in free)
             for rows in found]
    return [rows for rows in found
            if _columns_hold([[values[i] for i in row] for row in rows], balance, totals)]


def _held_all(sequences: list[tuple[list[tuple[int, int]], int | None]], n: int, total: int,
              balance: tuple, totals: tuple, more: bool = False,
              free: frozenset[int] = frozenset()
              ) -> list[tuple[list[tuple[int, int]], tuple[Row, ...]]] | None:
    """(counts, a reading holding the identities) of every sequence of 三's counts
    (`_held`); None where a reading was not made (not proven either way). `more`: rows
    printed a column at a time in both blocks (`_group`) and the last rows' window ending
    at 四's title (`_past_window`) read too; `free`: the printed rows that are sub-rows."""
    held = []
    for counts, cut in sequences:
        got = _held([v for _, v in counts], n, total, balance, totals, more,
                    cut if more else None, free)
        if got is None:
            return None
        held += [(counts, rows) for rows in got]
    return held


def total_last(lines: list[str], title: int, columns: list[str]) -> bool:
    """Whether 三's header prints 总计 after every other column's label: the last line from
    三's title to 四's that starts exactly one column's label is `总计` alone (LibreOffice's
    PDF of a Word table whose merged header cells print their pieces out of the columns'
    order, `科研` / `社会` / `法律` / … / `自然` / `人` / `商业` / … / `其他` / `总计`, 总计
    its last column)."""
    return _total_alone(_column_lines(lines, title, columns)[-1:])


def _column_lines(lines: list[str], title: int, columns: list[str]) -> list[str]:
    """The lines from 三's title to 四's (or the end) with a word starting exactly one
    column's label (header_pieces.column_started): the header's pieces, in print order."""
    end = t4_title_line(lines) or len(lines)
    return [line for line in lines[title + 1:end] if not _values_only(line) and any(
        column_started(normalise(w), columns) is not None for w in line.split())]


def _total_alone(found: list[str]) -> bool:
    """The one line found is `总计` alone (the last column's label, 总计, and nothing else:
    a line starting two columns' labels ties 总计 to no place)."""
    return bool(found) and found[0].split() == [_TOTAL]


def block_rows(lines: list[str], title: int, labels: list[str], balance: tuple,
               totals: tuple, columns: list[str], skip: frozenset[int] = frozenset(),
               maybe: frozenset[int] = frozenset()
               ) -> dict[int, list[tuple[int, int, int]]] | None:
    """三's rows printed in blocks (module docstring): {row: [(column, line, value)]},
    each row's 总计 and, where its six are equal, all 7; None where not proven. `labels`:
    三's row labels in order, as matched (`labels_in_order`); `columns` its column labels,
    normalised, 总计 last; `skip` lines of 二's values printed apart (not 三's). 总计 is
    each row's last count, or its first where the header prints it first (`total_first`):
    each row's first count is then the sum of the six after it. Where the counts before
    四's title fall short, each run past it of the counts missing is read after them
    (`_sequences`), and every reading of every such run holding the identities must agree
    on a row for it to be placed. `maybe`: lines that may be 二's values printed apart
    (reading_t2.values_run_on): the counts are read both with and without them, every
    reading of both holding the identities must agree as above."""
    n = len(labels)
    if not balance or not totals or not labels_in_order(lines, title, labels):
        return None
    total = 0 if total_first(lines, title, columns) else _WIDTH - 1
    # the rows as printed, sub-rows among them (reading_rows.printed_rows): their counts
    # are in the blocks as any row's, read as one and left out
    printed = printed_rows(lines, title, tuple(labels))
    free = frozenset(i for i, r in enumerate(printed) if isinstance(r, SubRow))
    sequences = _sequences(lines, title, len(printed), skip)
    if maybe:
        sequences += _sequences(lines, title, len(printed), skip | maybe)
    held = _held_all(sequences, len(printed), total, balance, totals, free=free)
    if held == []:  # none: the rarer shapes too, only where the usual read nothing
        held = _held_all(sequences, len(printed), total, balance, totals, True, free)
    if not held:
        return None
    placed = {}
    for r in range(n):  # what every reading holding the identities reads alike
        rows = [[(c, counts[i][0], counts[i][1]) for c, i in enumerate(h[r])]
                for counts, h in held]
        sums = {row[-1][2] for row in rows}
        whole = {tuple(v for _, _, v in row) for row in rows}
        if len(whole) == 1 and len({v for _, _, v in rows[0][:-1]}) == 1:
            placed[r] = rows[0]  # the six equal: the same in any column order
        elif len(sums) == 1:
            placed[r] = rows[0][-1:]  # 总计 (its line: the first reading's)
    return placed
