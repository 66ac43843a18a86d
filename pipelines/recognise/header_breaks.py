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
labels, which are not joined.
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.recognise.labels import labels_of
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token


def joined_over_breaks(tokens: list[Token], whole: dict[str, list[tuple[str, str]]]
                       ) -> list[Token]:
    """The tokens with each header cell cut by a line break made whole (module
    docstring); `whole`: the version's column and header labels, normalised."""
    out: list[Token] = []
    moved: dict[int, int] = {}  # a printed row joined to the row above it
    for t in tokens:
        if t.row is not None and t.row in moved:
            t = replace(t, row=moved[t.row])
        prev = out[-1] if out else None
        if (prev is not None and t.row is not None and prev.row is not None
                and t.row != prev.row and "value" not in (t.kind, prev.kind)
                and _pieces_of_one(prev.text, t.text, whole)):
            moved[t.row] = prev.row
            text = prev.text + t.text
            out[-1] = replace(prev, kind="label", text=text, labels=tuple(labels_of(text)))
            continue
        out.append(t)
    return out


def _pieces_of_one(first: str, second: str, whole: dict[str, list[tuple[str, str]]]) -> bool:
    a, b = normalise(first), normalise(second)
    return bool(a) and bool(b) and a + b in whole and a not in whole and b not in whole
