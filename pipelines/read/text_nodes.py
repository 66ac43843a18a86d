"""A crawler's text nodes a line each, of indented markup: a cell's runs joined.

What belongs here: telling, from a page's text nodes joined by line breaks (lxml's
`itertext()`, a Python crawler's save), that the markup put whitespace between every two
cells, and joining the pieces of one cell back into one line. Word's "save as web page"
sets a number a run a digit (`<span>8</span><span>2</span><span>1</span>` for 821), an
item number apart from its label (`1` / `.` / `属于国家秘密`), and indents its cells
(`</p>` / `  </td>` / `  <td>`): each run prints a line, and the cells are parted by
lines of whitespace only (the indentation's text nodes; a blank cell's no-break space
too). Lines next to each other, with no such line between, are then one cell's text, as
a browser shows inline runs: `821`, `1.属于国家秘密`, `25.1万元`.

Three signs must hold: the indentation shows (an empty line over a line of spaces, twenty
times at least); no line lays out words apart (a text browser's row of cells) nor holds
a tag (raw HTML); and no line of Han text is followed at once by digit lines that a
whitespace line ends. A page that writes cells side by side
(`<td>行政许可</td><td>5</td><td>3</td>`) prints that: a label touching its values, whose
neighbouring lines are cells, not runs. lxml's `get_text(" ", strip=True)` drops the
whitespace nodes, so nothing there tells runs from cells: it is left to the identities.
"""

from __future__ import annotations

import re
from itertools import pairwise

from pipelines.read.text_html_tables import INLINE_TAG
from pipelines.textnorm import HAN_CHAR

_DIGITS = re.compile(r"\d+")
# words a line lays out apart (a text browser's row of cells): no text node prints them
_LAID_OUT = re.compile(r"\S(?: {2,}|\t)\S")


def _is_digits(line: str) -> bool:
    return _DIGITS.fullmatch(line.strip()) is not None


def _is_gap(lines: list[str], k: int) -> bool:
    """Whether line k is an empty or whitespace-only line (the page's ends count)."""
    return not 0 <= k < len(lines) or not lines[k].strip()


def _indented(lines: list[str]) -> bool:
    """Whether the text shows the markup's indentation as text nodes: a line break's node
    then a node of spaces (`</p>` / `  </td>`), an empty line over a line of spaces, in
    each of the tables' rows at least (twenty times)."""
    pairs = (not a and b and not b.strip(" ") for a, b in pairwise(lines))
    return sum(1 for p in pairs if p) >= 20


def _digit_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each maximal run of neighbouring lines of digits only."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _is_digits(lines[i]):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and _is_digits(lines[end]):
            end += 1
        runs.append((i, end))
        i = end
    return runs


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of two or more neighbouring lines of text, whitespace lines
    on both sides: one cell's text nodes."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and lines[end].strip():
            end += 1
        if end - i >= 2:
            blocks.append((i, end))
        i = end + 1
    return blocks


def _cells_touch(lines: list[str], runs: list[tuple[int, int]]) -> bool:
    """Whether a line of Han text is followed at once by a run of digit lines that a
    whitespace line ends: a label cell and its value cells printed with nothing between."""
    return any(a > 0 and HAN_CHAR.search(lines[a - 1]) and _is_gap(lines, b) for a, b in runs)


def joined_runs(text: str) -> str:
    """The text with each cell's runs on one line, where the page proves (module
    docstring) that its cells are parted by whitespace lines; else the text unchanged."""
    lines = text.split("\n")
    if not _indented(lines):
        return text
    if _LAID_OUT.search(text) or INLINE_TAG.search(text):  # a text browser's rows; raw HTML
        return text
    if _cells_touch(lines, _digit_runs(lines)):
        return text
    for a, b in reversed(_blocks(lines)):
        lines[a:b] = ["".join(lines[a:b])]
    return "\n".join(lines)
