"""A tab row's lines: a row of tab-separated cells cut over lines by a line break inside
a cell, put back together.

A browser's copied text (Chromium's `innerText`) prints a table a row a line, its cells
apart by tabs, and a `<br>` inside a cell as a line break: `<td>3<br>001</td>` prints
`3` at the end of one line and `001` at the start of the next, the row's other cells
after it. innerText never wraps a line, so a line break inside a row is only ever a row's
end or a break inside a cell. A row of these tables opens with its label (a row whose
label a span covers opens with its next label); only table 四's counts open a row with a
number, after a header row that ends with a label. So a line that prints numbers only
(no Chinese but a number's unit: no label), its first cell a number, after a line whose
last cell is a number or a sign (`-` over `18` for -18), is the rest of that row: its
first cell goes on in the cell above, with a line break between the two pieces, as the
HTML reader keeps a `<br>` inside a cell (the recogniser reads `3\\n001` as 3001,
values.py). Anything else starts a row.
"""

from __future__ import annotations

import re

from pipelines.textnorm import HAN_CHAR, UNIT

# A cell's text up to a line break: a number's first digits, or its sign alone (`-` over
# `18` for -18).
_NUMBER_HEAD = re.compile(r"[-+－]?(?:[\d０-９][\d０-９,，.]*)?")
# The rest of a number after a line break, its unit maybe after it (`2` over `5.1万元`).
_NUMBER_TAIL = re.compile(rf"[\d０-９][\d０-９,，.]*(?:{UNIT})?")


def _is_value(piece: str) -> bool:
    """Whether a cell's text on a line holds no label: no Chinese but a number's unit."""
    return HAN_CHAR.search(piece) is None or _NUMBER_TAIL.fullmatch(piece.strip()) is not None


def goes_on(row: list[str], pieces: list[str]) -> bool:
    """Whether a line's `pieces` are the rest of `row` (module docstring)."""
    return (bool(row) and bool(row[-1].strip())
            and _NUMBER_HEAD.fullmatch(row[-1].split("\n")[-1].strip()) is not None
            and _NUMBER_TAIL.fullmatch(pieces[0].strip()) is not None
            and all(map(_is_value, pieces)))


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
        pieces = line.split("\t")
        if goes_on(row, pieces):  # its blank cells at the end too (`4\t\t\t`)
            row[-1] = f"{row[-1]}\n{pieces[0].strip()}"
            row.extend(pieces[1:])
            continue
        if "\t" not in line.strip():
            pieces = [line.strip()]
        row = pieces
        rows.append((no, row))
    return rows
