"""A header's cells cut over lines by a line break inside a cell, in a rendering that
prints a row a line (`Document.breaks_in_cells`: a browser's copied text, innerText; lynx's
rows, cells a space apart).

A header cell `本年制<br>发件数` prints `本年制` at the end of the header's line and
`发件数` at the start of the next, the row's other cells after it (`信息内容\\t本年制` /
`发件数\\t现行有` / `效件数`): each line is a printed row of pieces, no label read whole,
so the header proves no order (column_order.py, column_map.py). There a line break is
only a row's end or a break inside a cell (innerText never wraps a line); where a printed
row's last cell and the next printed row's first cell, joined, are one column or header
label, and neither alone is one, the break is inside that cell: the two rows are one,
the cell whole. Anything else is left as printed. lynx also wraps a long line: a wrap
inside a cell's text cuts it as a `<br>` does, and one between two cells leaves two whole
labels, which are not joined as one label.

Such a wrap between whole labels still cuts a header row over lines (`joined_over_wraps`).
lynx at 40 columns prints 四's header `结果维持 … 总计 复议后起诉` / `未经复议直接起诉` and
`结果维持 … 总计 结果维持` / `结果纠正 … 总计`: no line names a level of columns whole,
so no printed row shows the order. A row of 四's header is one or more levels printed
whole, one after another: 行政复议 with 行政诉讼, the two lawsuit groups, the columns
(each group the same columns: the statute's, or those the header prints where it lacks
one). A printed row of 四's labels alone that is no such row, followed by lines of its
labels alone that are no such row either, is one header row wrapped where the lines
joined in their printed order make one: each line's labels stay in their order, the
next line's after them, as the browser printed them left to right. Lines that are whole
rows alone are rows; a run that joins into no whole row is left as printed.

pdftotext -raw prints 四's header one cell piece a line in content order (`总` / `计` /
`结果` / `维持` / … / `其他` / `结果`), each group's columns after its group's label: the
pieces are joined as a break inside a cell (a piece that is a label of another table
only, 三's `其他`, is no whole label here), then the lines of one group's columns as a
wrapped row; a line joined to the one above leaves no line between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import compress, islice
from operator import attrgetter, ne

from pipelines.recognise.labels import labels_of
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token


def joined_over_breaks(tokens: list[Token], whole: dict[str, list[tuple[str, str]]]
                       ) -> list[Token]:
    """The tokens with each header cell cut by a line break made whole (module
    docstring); `whole`: the version's column and header labels, normalised."""
    rows = list(map(attrgetter("row"), tokens))  # in C: the row's ends found without a
    starts = compress(range(1, len(rows)), map(ne, rows, islice(rows, 1, None)))  # call a token
    if not any(_joins(tokens[i - 1], tokens[i], whole) for i in starts):
        # most texts: no two neighbours as printed join, so none below does either (until
        # a first join the loop sees the tokens as printed)
        return list(tokens)
    out: list[Token] = []
    moved: dict[int, int] = {}  # a printed row joined to the row above it
    for t in tokens:
        if t.row is not None and t.row in moved:
            t = replace(t, row=moved[t.row])
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, t, whole):
            moved[t.row] = prev.row
            text = prev.text + t.text
            out[-1] = replace(prev, kind="label", text=text, labels=tuple(labels_of(text)))
            continue
        out.append(t)
    return out


def _joins(prev: Token, t: Token, whole: dict[str, list[tuple[str, str]]]) -> bool:
    """Whether `t`, first on its printed row, is the rest of the header cell `prev` ends
    the row above with."""
    return (t.row != prev.row and t.row is not None and prev.row is not None
            and "value" not in (t.kind, prev.kind) and _pieces_of_one(prev.text, t.text, whole))


def _pieces_of_one(first: str, second: str, whole: dict[str, list[tuple[str, str]]]) -> bool:
    a, b = normalise(first), normalise(second)
    if not a or not b or a + b not in whole:
        return False
    tables = {table for table, _ in whole[a + b]}
    return not any(table in tables for table, _ in [*whole.get(a, ()), *whole.get(b, ())])


def joined_over_wraps(tokens: list[Token], whole: dict[str, list[tuple[str, str]]], table: str,
                      columns: tuple[str, ...], levels: Sequence[tuple[str, ...]],
                      merged: frozenset[int] = frozenset()) -> list[Token]:
    """The tokens with each of `table`'s header rows wrapped over lines made one printed
    row (module docstring): `columns` the table's column keys, `levels` its other sets of
    sibling labels printed side by side (四's groups); `whole` as `joined_over_breaks`;
    `merged` the lines `joined_over_breaks` joined to the line above (no line between)."""
    known = set(columns).union(*levels)
    lines = _header_lines(tokens, whole, table, known)
    moved: dict[int, int] = {}
    for block in _adjacent(lines, merged):
        printed = {k for _, keys in block for k in keys if k in columns}
        sets = [frozenset(printed), *map(frozenset, levels)]
        i = 0
        while i < len(block):
            j = _wrap_end(block, i, sets)
            for row, _ in block[i + 1:j + 1]:
                moved[row] = block[i][0]
            i = j + 1
    if not moved:  # most texts: no header row wrapped
        return list(tokens)
    return [replace(t, row=moved[t.row]) if t.row in moved else t for t in tokens]


def _header_lines(tokens: list[Token], whole: dict[str, list[tuple[str, str]]], table: str,
                  known: set[str]) -> list[tuple[int, list[str]]]:
    """Each printed row holding only labels of `table`'s header (each naming one of its
    `known` keys), as (row, its keys in printed order)."""
    rows: dict[int, list[str] | None] = {}
    for t in tokens:
        if t.row is None or (line := rows.setdefault(t.row, [])) is None:
            continue  # a row already holding something else stays out: no label looked up
        if t.kind != "label":
            rows[t.row] = None
            continue
        keys = [k for tid, k in whole.get(normalise(t.text), ()) if tid == table and k in known]
        rows[t.row] = line + keys if len(keys) == 1 else None
    return [(row, keys) for row, keys in rows.items() if keys]


def _adjacent(lines: list[tuple[int, list[str]]], merged: frozenset[int]
              ) -> list[list[tuple[int, list[str]]]]:
    """The runs of header lines printed one right under the other (no line between; a
    `merged` line, a cell's piece joined to the line above it, is no line between)."""
    runs: list[list[tuple[int, list[str]]]] = []
    for line in lines:
        if runs and all(r in merged for r in range(runs[-1][-1][0] + 1, line[0])):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _wrap_end(block: list[tuple[int, list[str]]], i: int, sets: list[frozenset[str]]) -> int:
    """The last line of the header row starting at line i: i itself where it is a whole
    row or no run of the lines after it, none whole alone, joins into one."""
    if _is_row(block[i][1], sets):
        return i
    keys = list(block[i][1])
    for j in range(i + 1, len(block)):
        if _is_row(block[j][1], sets):
            break
        keys += block[j][1]
        if _is_row(keys, sets):
            return j
    return i


def _is_row(keys: list[str], sets: list[frozenset[str]]) -> bool:
    """Whether `keys` are whole sets printed one after another, each key of a set once
    (the sets share no key, so the cut is the only one)."""
    at = 0
    while at < len(keys):
        found = next((s for s in sets if keys[at] in s), None)
        if not found or len(found) < 2 or set(keys[at:at + len(found)]) != found \
                or len(keys[at:at + len(found)]) != len(found):
            return False
        at += len(found)
    return bool(keys)
