"""HTML tables inside Markdown text, turned into Markdown pipe rows.

GitHub Markdown (`pandoc -t gfm`, CommonMark) writes a table it cannot draw as a pipe
table (a cell with a line break, a merged cell) as raw HTML between its pipe tables and
paragraphs. Such a file is Markdown, not an HTML page: its pipe tables are tables too.
Here each `<table>…</table>` block is laid out as the page shows it and written back as
pipe rows, one a `<tr>`, a merged cell's text in its first position and the positions it
covers empty (as pandoc flattens spans), a line break inside a cell a space; other
inline HTML is dropped for the text it holds; the text reader then reads the whole file
as pipe rows. Which text is such Markdown is the
registry's sniff (registry.is_markdown_with_tables). `pipe_table` writes the pipe table
the other converters of table markup (AsciiDoc, wiki) hand the text reader.
"""

from __future__ import annotations

import html
import re

from lxml import etree

from pipelines.read.html_grid import placed
from pipelines.read.registry import GRID_RULE

_TABLE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
_INLINE_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def _cell_text(cell: etree._Element) -> str:
    for br in cell.iter("br"):
        br.tail = " " + (br.tail or "")
    text = " ".join("".join(cell.itertext()).split())
    return text.replace("|", "｜")  # a pipe inside a cell is no cell wall


def _pipe_rows(block: str) -> str:
    """One HTML table as pipe rows, spans flattened into empty cells."""
    root = etree.fromstring(block, etree.HTMLParser())
    if root is None:
        return block
    cells = [[cell for cell in tr if cell.tag in ("td", "th")] for tr in root.iter("tr")]
    grid = {at: _cell_text(cell) if first else "" for at, (cell, first) in placed(cells).items()}
    if not grid:
        return block
    height = 1 + max(r for r, _ in grid)
    width = 1 + max(c for _, c in grid)
    lines = ["| " + " | ".join(grid.get((r, c), "") for c in range(width)) + " |"
             for r in range(height)]
    return "\n".join(lines)


def _grid_tags_blanked(text: str) -> str:
    """Tags on the lines of grid tables (a `+---+` rule, then `|` and `+` lines) blanked,
    not cut out, so that the walls after them stay in their columns."""
    lines = text.split("\n")
    in_grid = False
    for i, line in enumerate(lines):
        if GRID_RULE.match(line):
            in_grid = True
        elif in_grid and line.startswith("|"):
            lines[i] = _INLINE_TAG.sub(lambda t: " " * len(t.group()), line)
        else:
            in_grid = False
    return "\n".join(lines)


def as_pipe_rows(text: str) -> str:
    """The text with each HTML table block replaced by its pipe rows, and the inline
    HTML left elsewhere (a Word page's `<span style=…>`, over several lines) removed.
    pandoc's Markdown of cells holding blocks keeps their `<div>` tags in the grid
    table's cells, a line each: blanked there."""
    text = _TABLE.sub(lambda m: "\n" + _pipe_rows(m.group()) + "\n", text)
    if "+---" in text:
        text = _grid_tags_blanked(text)
    return html.unescape(_INLINE_TAG.sub("", text))


def pipe_table(rows: list[list[str]]) -> str:
    """Rows of one width as a Markdown pipe table: the first row, a `|---|` rule (so the
    text reader reads every row as a full-width row), the other rows."""
    width = len(rows[0])
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(out)
