"""A browser's copied text of tables whose cells hold paragraphs, turned into tab rows.

`innerText` (what a user copies from a page) writes a table row a line, its cells
parted by tabs. Where a cell's text is a `<p>` (Word's web pages, most CMS pages), each
paragraph is set off by an empty line above and below: a cell boundary becomes an empty
line, a lone tab and an empty line (`a\\n\\n\\tb` … `\\n\\n`), a row boundary three or more
empty lines, and two paragraphs of one cell one empty line. Read line by line, a blank
cell (a `&nbsp;` paragraph) is a line with nothing on it and is lost with the row's
columns. Here the text is written back as tab rows (one row a line, `\\t` between cells,
a blank cell kept between its tabs) for the tab-row reading of text.py:

- newlines touching a tab (an empty line on either side of it) are a cell boundary's
  and go;
- three or more newlines are a row boundary: one line break;
- one empty line between two paragraphs of a row whose both sides hold tabs is a break
  inside one cell (its paragraphs joined by a space). A paragraph before a row's first
  tab or after its last is left a line of its own: at a table's edge it cannot be told
  from the body text around it, and so a value never moves into another cell.

Cells holding blocks (`<div>`s): innerText sets a block off by a line break above and
below, not an empty line, so a cell boundary is a line break, a tab and a line break
(`a\\n\\tb`), a blank cell one more tab line, a row boundary two empty lines or more, and
two lines of one cell (a `<br>` inside its block) one line break. Each run of lines with
a tab line among them, between empty lines, is a row: its cells the text between the tab
lines, a cell's lines joined (as values.py reads `3\\n001`, as a label's are).
"""

from __future__ import annotations

import re

# An empty line, a line of tabs (and of the spaces of blank cells), an empty line.
_LONE_TAB = re.compile(r"\n\n[ \xa0]*\t[\t \xa0]*\n\n")
_BEFORE_TAB = re.compile(r"(?<!\n)\n\n(?=\t)")
_AFTER_TAB = re.compile(r"(?<=\t)\n\n(?!\n)")
_ROW_BREAK = re.compile(r"\n{3,}")
# A row of empty cells (Word's row of column widths closing a table) and the text after.
_EMPTY_ROW = re.compile(r"(?:^|(?<=\n\n\n))(\t+)\n\n(?!\n)")
_MIN_LONE_TABS = 10  # a table's worth of boundaries, not a stray tab in the body


def has_paragraph_cells(text: str) -> bool:
    """Whether the text is innerText of tables whose cells are paragraphs."""
    return len(_LONE_TAB.findall(text)) >= _MIN_LONE_TABS


def _width(line: str) -> int:
    return line.count("\t") + 1


def _row_lines(group: str, width: int) -> list[str]:
    """One row-boundary group as lines. A tabbed paragraph is a row; the paragraphs after
    it continue its last cell while the row is narrower than the row above (`width`,
    0 if none) and they close it no wider; any other paragraph is a line of its own."""
    lines: list[str] = []
    paragraphs = group.split("\n\n")
    i = 0
    while i < len(paragraphs):
        row, i = paragraphs[i], i + 1
        if "\t" in row and _width(row) < width:
            end = next((j for j in range(i, len(paragraphs)) if "\t" in paragraphs[j]), None)
            joined = " ".join(paragraphs[i - 1:end + 1]) if end is not None else ""
            if joined and _width(joined) <= width:
                row, i = joined, end + 1
        lines.append(row)
        if "\t" in row:
            width = _width(row)
    return lines


def as_tab_rows(text: str) -> str:
    """The text with its paragraph-cell tables written as tab rows (module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _EMPTY_ROW.sub("\\1\n\n\n", text)
    text = _AFTER_TAB.sub("", _BEFORE_TAB.sub("", text))
    lines: list[str] = []
    for group in _ROW_BREAK.split(text):
        width = next((_width(ln) for ln in reversed(lines) if "\t" in ln), 0)
        lines.extend(_row_lines(group, width))
    return "\n".join(lines)


# A line of tabs (and of the spaces of blank cells) between two lines of text.
_TAB_LINE = re.compile(r"(?<=[^\n])\n[ \xa0]*\t[\t \xa0]*\n(?=[^\n])")
_TABS_ONLY = re.compile(r"[ \xa0]*\t[\t \xa0]*")
_EMPTY_LINES = re.compile(r"(\n{2,})")


# A line opening with a tab before its text: a crawler's cell a line (the seed report's
# `\t5`), where a tab line alone is a blank cell; innerText of blocks prints none.
_TAB_THEN_TEXT = re.compile(r"^[ \xa0]*\t[\t \xa0]*\S", re.M)


def has_block_cells(text: str) -> bool:
    """Whether the text is innerText of tables whose cells are blocks (divs): tab lines
    between lines of text, a table's worth, and hardly a line opening with a tab (at
    most one in ten of them)."""
    tab_lines = len(_TAB_LINE.findall(text))
    return (tab_lines >= _MIN_LONE_TABS
            and 10 * len(_TAB_THEN_TEXT.findall(text)) <= tab_lines)


def _block_row(lines: list[str]) -> str:
    """A run of lines, tab lines among them, as one tab row (module docstring)."""
    cells, cell = [], []
    for line in lines:
        if _TABS_ONLY.fullmatch(line):
            cells.append("".join(cell))
            cells.extend([""] * (line.count("\t") - 1))  # a blank cell between two tabs
            cell = []
        else:
            cell.append(line.strip())
    return "\t".join([*cells, "".join(cell)])


def as_block_tab_rows(text: str) -> str:
    """The text with its block-cell tables written as tab rows (module docstring)."""
    out: list[str] = []
    # runs of lines and the empty lines between them, kept
    for run in _EMPTY_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = run.split("\n")
        out.append(_block_row(lines) if any(map(_TABS_ONLY.fullmatch, lines)) else run)
    return "".join(out)
