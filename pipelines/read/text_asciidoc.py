"""AsciiDoc tables (`|===` blocks, as `pandoc -t asciidoc` writes them) turned into
Markdown pipe rows.

In AsciiDoc a `|` opens a cell (it is no wall closing one), and a row is as many cells
as the table has columns, whatever lines they are written on: pandoc puts an empty line
between rows but wraps a row's cells over several lines where a cell is long, and a
trailing `|` is an empty last cell. Read as pipe rows line by line, such a table would
lose its empty last cells and split a wrapped row in two, so a value would move to
another column. Here each table's cells are collected in order and cut into rows of the
table's width: the count of entries of its `cols` attribute, else the cells on its first
line. A table whose cells do not fill whole rows, or that spans cells (`2+|`), is left
as it is (the reader then finds no trustworthy rows in it: nulls, never a shifted value).
Each row is written as a pipe row, a `|---|` rule after the first so the text reader
reads the rows as full-width rows (pandoc flattens spans into empty cells).
"""

from __future__ import annotations

import re

from pipelines.read.text_html_tables import pipe_table

_BLOCK = re.compile(r"^(?:\[(?P<attrs>[^\]\n]*)\]\n)?\|===[ \t]*\n(?P<body>.*?)^\|===[ \t]*$",
                    re.M | re.S)
_COLS = re.compile(r"""cols\s*=\s*(?:"(?P<q>[^"]*)"|(?P<n>\d+))""")
_HARD_BREAK = re.compile(r"[ \t]\+[ \t]*\n")  # `本年制 +` ends a line inside a cell
_SPEC = re.compile(r"(?:^|\s)\d*(?:\.\d+)?[+*][a-z]?\|")  # a span or repeat: `2+|`, `.3+|`


def has_tables(text: str) -> bool:
    """Whether the text holds an AsciiDoc table: a `|===` line opening a block."""
    return "|===" in text and _BLOCK.search(text) is not None


def _width(attrs: str | None, first_line: str) -> int:
    m = _COLS.search(attrs or "")
    if m and m["n"]:
        return int(m["n"])
    if m and m["q"] is not None:
        return len(m["q"].split(","))
    return first_line.count("|")


def _cells(body: str) -> list[str]:
    """The cells in order: each `|` opens one (a `\\|` is a pipe inside a cell)."""
    text = _HARD_BREAK.sub("\n", body).replace("\\|", "\x00")
    pieces = text.split("|")
    if pieces[0].strip():  # text before the first `|`: not a cell-per-pipe table
        raise ValueError("text before the first cell")
    return [" ".join(p.split()).replace("\x00", "｜") for p in pieces[1:]]


def _pipe_rows(attrs: str | None, body: str) -> str | None:
    lines = [ln for ln in body.split("\n") if ln.strip()]
    if not lines or _SPEC.search(body):
        return None
    width = _width(attrs, lines[0])
    try:
        cells = _cells(body)
    except ValueError:
        return None
    if width < 1 or not cells or len(cells) % width:
        return None
    return pipe_table([cells[k:k + width] for k in range(0, len(cells), width)])


def as_pipe_rows(text: str) -> str:
    """The text with every AsciiDoc table that fills whole rows written as pipe rows."""
    def replace(m: re.Match[str]) -> str:
        rows = _pipe_rows(m["attrs"], m["body"])
        return m.group(0) if rows is None else rows
    return _BLOCK.sub(replace, text)
