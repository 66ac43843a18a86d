"""A tab row's lines: a row of tab-separated cells cut over lines by a line break inside
a cell, put back together.

A browser's copied text (Chromium's `innerText`) prints a table a row a line, its cells
apart by tabs, and a `<br>` inside a cell as a line break: `<td>3<br>001</td>` prints
`3` at the end of one line and `001` at the start of the next, the row's other cells
after it. innerText never wraps a line, so a line break inside a row is only ever a row's
end or a break inside a cell. A row of these tables opens with its label (a row whose
label a span covers opens with its next label); only table 四's counts open a row with a
number, after a header row that ends with a label. So a line that prints numbers only
(no Chinese: no label), its first cell a number, after a line whose last cell is a
number, is the rest of that row: its first cell goes on in the cell above, with a line
break between the two pieces, as the HTML reader keeps a `<br>` inside a cell (the
recogniser reads `3\\n001` as 3001, values.py). Anything else starts a row.
"""

from __future__ import annotations

import re

from pipelines.textnorm import HAN_CHAR

_NUMBER_PIECE = re.compile(r"[\d０-９][\d０-９,，.]*")


def _is_number(piece: str) -> bool:
    return _NUMBER_PIECE.fullmatch(piece.strip()) is not None


def _goes_on(row: list[str], line: str) -> bool:
    """Whether `line` is the rest of `row` (module docstring)."""
    return (bool(row) and _is_number(row[-1]) and HAN_CHAR.search(line) is None
            and _is_number(line.split("\t", 1)[0]))


def tab_rows(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The text's rows, each with the line number (from 1) of its first line and its
    cells' text (a lone line is a row of one cell); empty lines part rows and are left
    out."""
    rows: list[tuple[int, list[str]]] = []
    row: list[str] = []  # the row being read, empty after an empty line
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            row = []
            continue
        pieces = line.split("\t") if "\t" in line.strip() else [line.strip()]
        if _goes_on(row, line):
            row[-1] = f"{row[-1]}\n{pieces[0]}"
            row.extend(pieces[1:])
            continue
        row = pieces
        rows.append((no, row))
    return rows
