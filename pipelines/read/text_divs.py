"""CSS tables in pandoc's Markdown, turned into pipe rows.

A page that lays its tables out with `<div style="display:table-row">` and
`display:table-cell` divs instead of `<table>` (a CMS template) is written by
`pandoc -t markdown` as fenced divs, one a line, that keep the style:

    ::: {style="display:table-row"}
    ::: {style="display:table-cell"}
    行政许可
    :::
    …
    :::

The page shows each such row as a table row, its cells side by side. Here every
`display:table-row` div becomes a pipe row, one cell per `display:table-cell` div in it,
an empty div an empty cell (a blank), the cell's lines (a `\\` ending a line is
Markdown's line break) joined by a space; the text reader then reads them as pipe rows.
CSS tables have no spans, so a row prints only the cells it has: the rows are written
as they are, with no `|---|` rule (not every row prints every column).
"""

from __future__ import annotations

import re

_FENCE_OPEN = re.compile(r"^\s*:{3,}\s*\{(?P<attrs>[^{}]*)\}\s*$")
_FENCE_CLOSE = re.compile(r"^\s*:{3,}\s*$")
_DISPLAY = re.compile(r"display\s*:\s*table-(row|cell)\b", re.I)
_ROW_FENCE = re.compile(r"^\s*:{3,}\s*\{[^{}]*display\s*:\s*table-row\b", re.I | re.M)


def has_tables(text: str) -> bool:
    """Whether the text holds three rows of fenced CSS-table divs or more."""
    return len(_ROW_FENCE.findall(text, 0, 200_000)) >= 3


def _cell_text(lines: list[str]) -> str:
    parts = [ln.strip().removesuffix("\\").strip() for ln in lines]
    return " ".join(p for p in parts if p).replace("|", "｜")  # a pipe in a cell is no wall


def as_pipe_rows(text: str) -> str:
    """The text with each fenced CSS-table row written as a pipe row, the fences of
    other divs dropped, every other line kept."""
    out: list[str] = []
    stack: list[str] = []  # the kind of each open fence: row, cell or other
    row: list[str] | None = None
    cell: list[str] | None = None
    for line in text.split("\n"):
        opened = _FENCE_OPEN.match(line)
        if opened:
            display = _DISPLAY.search(opened["attrs"])
            kind = display[1].lower() if display else "other"
            stack.append(kind)
            if kind == "row":
                row, cell = [], None
            elif kind == "cell" and row is not None:
                cell = []
            continue
        if _FENCE_CLOSE.match(line) and stack:
            kind = stack.pop()
            if kind == "cell" and row is not None and cell is not None:
                row.append(_cell_text(cell))
                cell = None
            elif kind == "row" and row is not None:
                out.append("| " + " | ".join(row) + " |")
                row, cell = None, None
            continue
        if cell is not None:
            cell.append(line)
        elif row is None:
            out.append(line)
    return "\n".join(out)
