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

from pipelines.read.html_grid import nested, placed
from pipelines.read.registry import GRID_RULE

_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.I)
# An HTML tag left in a text (Word's spans in a cell, raw HTML a converter kept); one
# definition for the readers that strip or detect it.
INLINE_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def table_blocks(text: str) -> list[tuple[int, int]]:
    """Where each outermost `<table>…</table>` block starts and ends: a table written
    inside a cell (pandoc's Markdown keeps a nested table as raw HTML in the outer one)
    belongs to the block around it, so the tags are counted, not the first `</table>`
    taken. A block left unclosed runs to the text's end."""
    blocks, depth, start = [], 0, 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                blocks.append((start, m.end()))
    if depth:
        blocks.append((start, len(text)))
    return blocks


def _cell_text(cell: etree._Element) -> str:
    for br in cell.iter("br"):
        br.tail = " " + (br.tail or "")
    text = " ".join("".join(cell.itertext()).split())
    return text.replace("|", "｜")  # a pipe inside a cell is no cell wall


def _own_rows(table: etree._Element) -> list[list[etree._Element]]:
    """The table's own rows of cells: not those of a table inside one of its cells."""
    return [[cell for cell in tr if cell.tag in ("td", "th")] for tr in table.iter("tr")
            if next(tr.iterancestors("table")) is table]


def _pipe_rows(block: str) -> str:
    """One HTML block's tables as pipe rows, spans flattened into empty cells. A table
    inside another is read as html.py reads it (html_grid.nested): one holding digits is
    a data table in a layout table, read alone; one holding none is its cell's text."""
    root = etree.fromstring(block, etree.HTMLParser())
    if root is None:
        return block
    tables = list(root.iter("table"))
    wrapping, folded = nested(tables)
    read = [rows for t in tables if t not in wrapping and t not in folded
            if (rows := _one_table(t))]
    return "\n\n".join(read) if read else block


def _one_table(table: etree._Element) -> str:
    grid = {at: _cell_text(cell) if first else ""
            for at, (cell, first) in placed(_own_rows(table)).items()}
    if not grid:
        return ""
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
            lines[i] = INLINE_TAG.sub(lambda t: " " * len(t.group()), line)
        else:
            in_grid = False
    return "\n".join(lines)


def as_pipe_rows(text: str) -> str:
    """The text with each HTML table block replaced by its pipe rows, and the inline
    HTML left elsewhere (a Word page's `<span style=…>`, over several lines) removed.
    pandoc's Markdown of cells holding blocks keeps their `<div>` tags in the grid
    table's cells, a line each: blanked there."""
    pieces, end = [], 0
    for start, stop in table_blocks(text):
        pieces += [text[end:start], "\n" + _pipe_rows(text[start:stop]) + "\n"]
        end = stop
    text = "".join(pieces) + text[end:]
    if "+---" in text:
        text = _grid_tags_blanked(text)
    return html.unescape(INLINE_TAG.sub("", text))


def pipe_table(rows: list[list[str]]) -> str:
    """Rows of one width as a Markdown pipe table: the first row, a `|---|` rule (so the
    text reader reads every row as a full-width row), the other rows."""
    width = len(rows[0])
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(out)
