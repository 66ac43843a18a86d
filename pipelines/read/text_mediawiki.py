"""MediaWiki tables (`{|` … `|}` blocks, as `pandoc -t mediawiki` writes them and as a
report pasted into a wiki is stored) turned into Markdown pipe rows.

In wiki markup a row starts at a `|-` line and each cell at a line opening with `|`
(a header cell with `!`), several cells of a line split by `||` (`!!`); a cell's
attributes stand before a single `|` (`|width="25%"| 规章`), and a line that opens with
neither continues the cell above (pandoc writes a line break inside a cell as `<br />`
and a new line). An empty cell is a bare `|` line, so its place in the row is kept.
Read as text line by line, every cell would be a line of its own and every blank a
lone `|`: the rows would be lost. Here each table's cells are collected row by row and
written as pipe rows, a `|---|` rule after the first so the text reader reads them as
full-width rows (pandoc flattens spans into empty cells). A table whose rows differ in
width, or that spans cells (`colspan=`, `rowspan=`), is left as it is: the text reader
then finds no trustworthy rows in it (nulls, never a shifted value).
"""

from __future__ import annotations

import html
import re

from pipelines.read.text_html_tables import INLINE_TAG, pipe_table

_BLOCK = re.compile(r"^\{\|[^\n]*\n(?P<body>.*?)^\|\}[ \t]*$", re.M | re.S)
_ROW = re.compile(r"^\|-+[^\n]*$")  # `|-` opens a row (attributes may follow)
_ATTRS = re.compile(r"^\s*(?:[\w-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|\S+)\s*)+\|(?!\|)")
_SPAN = re.compile(r"\b(?:colspan|rowspan)\s*=", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)


def has_tables(text: str) -> bool:
    """Whether the text holds a wiki table: a `{|` line opening a block closed by `|}`."""
    return "{|" in text and _BLOCK.search(text) is not None


def _cell(raw: str) -> str:
    """A cell's text: its attributes (before a single `|`) dropped, breaks as spaces,
    the inline HTML it holds (pandoc keeps a Word page's `<span>`s) as the text it shows."""
    text = INLINE_TAG.sub("", _BREAK.sub(" ", _ATTRS.sub("", raw, count=1)))
    return " ".join(html.unescape(text).split())


def _rows(body: str) -> list[list[str]] | None:
    """The table's rows of cell texts, or None where a cell spans (no place is sure)."""
    if _SPAN.search(body):
        return None
    rows: list[list[str]] = [[]]
    for line in body.split("\n"):
        if _ROW.match(line):
            rows.append([])
        elif line.startswith("|+"):  # the caption: no cell
            continue
        elif line[:1] in ("|", "!"):
            rows[-1].extend(line[1:].split("||" if line[0] == "|" else "!!"))
        elif rows[-1]:  # a line break inside the last cell
            rows[-1][-1] += "\n" + line
        elif line.strip():  # text outside every cell: not a table of cells
            return None
    return [[_cell(c) for c in row] for row in rows if row]


def _pipe_rows(body: str) -> str | None:
    rows = _rows(body)
    if not rows or len({len(r) for r in rows}) != 1:
        return None
    return pipe_table(rows)


def as_pipe_rows(text: str) -> str:
    """The text with every wiki table whose rows are all of one width written as pipe
    rows."""
    def replace(m: re.Match[str]) -> str:
        rows = _pipe_rows(m["body"])
        return m.group(0) if rows is None else rows
    return _BLOCK.sub(replace, text)
