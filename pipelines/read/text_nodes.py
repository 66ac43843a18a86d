"""A crawler's text nodes, a line each of indented markup or a space apart: a cell's runs
joined.

What belongs here: telling, from a page's text nodes joined by line breaks or spaces (lxml's
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

A crawler that joins a page's text nodes by a space and prints a block a paragraph
(Scrapy's `html-text`: each cell's `<p>` a line, an empty line between) prints Word's
number a digit a word (`3 0 0 1`, `9 6 1 7 1. 6`, `2 5. 1 万元`). Such a paragraph is
joined into one number (`joined_spaced_runs`) only where the page proves two things: its
text nodes are joined by a space (a year printed a digit a word before 年, `2 0 2 4 年`:
no cell ends inside a year), and it prints a cell a paragraph (no line holds Han text and
ends in a number: no row printed on a line, `规章 1 0 11`). The paragraph must stand
between empty lines, every digit apart (a span a digit), and join into a number with no
leading zero (`0 0` is two cells). A row whose joined cells are fewer than its columns is
left to the counts and identities as any row short of its cells.

One that lays a table out as aligned columns (`inscriptis`: cells parted by two spaces at
least, each row followed by a line of its paragraphs' padding, spaces only) prints the
number a digit a word inside its cell (`3 0 0 1           5 3      0`). There, with the
year printed a digit a word and every row on its line parting its label from what follows
by a run of spaces, a run of words a single space apart is one cell: one of digits alone is
joined (`3001`, padded to its printed width so every later word keeps its column), as is
an item number's digit and dot before its label (`1 . 属于国家秘密`), and the padding lines are
dropped, so the rows read as a laid-out table's.

One that joins every text node by a space on one line (lxml's `" ".join(el.itertext())`,
`text_content()` with spaces) prints Word's page as one run-together line whose numbers
and cells are all a digit a word: `一、本年新收政府信息公开申请数量 3 0 0 1 5 3 0 0 6 1 4 3 1 1 9`
(3001 53 0 0 61 4 3119). No space there parts two cells more than two digits of one, so
each row's digits are joined into one run (`300153006143119`), its decimal point kept
(`9 6 1 7 1 . 6`), an item number's digit and dot joined to its label (`2 . 其他…` ->
`2.其他…`, not to the run before it), and the run-together reader hands each run to the
identities (recognise/resolve.py: a split published only where it is the only one left).
Three signs must hold: the year printed a digit a word (as above), a label followed by
more digits a word apart than a row of 三 has cells (a row's digits outnumbering its
cells), and no number of two digits or more printed whole anywhere on the page; where
one is (`规章 1 0 11`), the page prints its numbers whole and a space may part two cells,
so nothing is joined.
"""

from __future__ import annotations

import re
from itertools import pairwise

from pipelines.read.text_html_tables import INLINE_TAG
from pipelines.textnorm import HAN, HAN_CHAR

_DIGITS = re.compile(r"\d+")
# words a line lays out apart (a text browser's row of cells): no text node prints them
_LAID_OUT = re.compile(r"\S(?: {2,}|\t)\S")
# a year a digit a word (`2 0 2 4 年`): text nodes joined by a space, as no cell ends in a year
_YEAR_APART = re.compile(r"(?<![\d.])[12] \d \d \d ?年")
# a line ending in a number: after Han text, a row printed on its line (`规章 1 0 11`)
_ENDS_IN_NUMBER = re.compile(r"\s[\d.]+[ \t]*$")
# words a single space apart: one cell of a table laid out by runs of spaces
_ONE_CELL = re.compile(r"\S+(?: \S+)*")
# an item number's digits and dot a word each, before its label (`1 . 属于国家秘密`)
_ITEM_APART = re.compile(rf"(\d(?: \d)* [.．])(?= [{HAN}])")
# a row's label parted from what follows by a run of spaces (a laid-out row)
_LABEL_APART = re.compile(rf"[{HAN}]\S* {{2,}}\S")
# one cell's digits a word each, its sign, decimal point and unit (`- 1 8`, `2 5. 1 万元`)
_DIGITS_APART = re.compile(r"((?:[-－] )?\d(?: ?[.．]? ?\d)*)(?: ?(万元|元))?")
_DIGITS_TOUCH = re.compile(r"\d[.．]?\d")  # two digits of one span: no span a digit
_LEADING_ZERO = re.compile(r"-?0\d")  # no number prints one: two cells (`0 0`)
# a label, then more digits a word apart than a row of 三 has cells (seven): a row run
# together with the next, or a number a digit a word
_ROW_APART = re.compile(rf"[{HAN}] \d(?: \d){{7,}}")
# a number of two digits or more printed whole: the page's numbers are no digit a word
_WHOLE_NUMBER = re.compile(r"(?<![\d.．])\d{2,}")
# an item number's digit, its dot a word apart, before its label (`2 . 其他法律…`)
_ITEM_SPACED = re.compile(rf"(?<!\S)(\d) ([.．]) (?=[{HAN}])")
# digits a word each, with a decimal point a word between two (`9 6 1 7 1 . 6`)
_DIGIT_RUN = re.compile(r"(?<!\S)\d(?: [.．] \d| \d)*(?!\S)")


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
    docstring) that its cells are parted by whitespace lines, or that its text nodes are
    joined by a space and its cells print a paragraph each; else the text unchanged."""
    lines = text.split("\n")
    if not _indented(lines):
        return joined_spaced_runs(text)
    if _LAID_OUT.search(text) or INLINE_TAG.search(text):  # a text browser's rows; raw HTML
        return text
    if _cells_touch(lines, _digit_runs(lines)):
        return text
    for a, b in reversed(_blocks(lines)):
        lines[a:b] = ["".join(lines[a:b])]
    return "\n".join(lines)


def _spaced_number(line: str) -> str | None:
    """The number a line prints a digit a word (`3 0 0 1` -> `3001`), else None: every two
    digits a space apart, one decimal point at most, no leading zero once joined."""
    m = _DIGITS_APART.fullmatch(line.strip())
    if m is None or _DIGITS_TOUCH.search(m.group(1)):
        return None
    number = re.sub(r"\s", "", m.group(1)).replace("．", ".").replace("－", "-")
    if number.count(".") > 1 or _LEADING_ZERO.match(number) or number == m.group(1):
        return None
    return number + (m.group(2) or "")


def joined_spaced_runs(text: str) -> str:
    """The text with each cell printing a number a digit a word joined into one number,
    where the page proves its text nodes are joined by a space, and either its cells
    print a paragraph each or its rows lay cells out by runs of spaces; each row's digits
    joined into one run where the page prints no number whole (module docstring); else
    the text unchanged."""
    if not _YEAR_APART.search(text):
        return text
    rows = [ln for ln in text.split("\n") if (end := _ENDS_IN_NUMBER.search(ln))
            and HAN_CHAR.search(ln, 0, end.start())]
    if rows and all(_LABEL_APART.search(row) for row in rows):
        return _laid_out_joined(text)
    if _ROW_APART.search(text) and not _WHOLE_NUMBER.search(text):
        return _DIGIT_RUN.sub(_run_joined, _ITEM_SPACED.sub(r"\1\2", text))
    if rows:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.strip() and _is_gap(lines, k - 1) and _is_gap(lines, k + 1):
            number = _spaced_number(line)
            if number is not None:
                lines[k] = number
    return "\n".join(lines)


def _run_joined(run: re.Match) -> str:
    """Digits a word each as one run of digits (`3 0 0 1 5 3` -> `300153`)."""
    return run.group().replace(" ", "")


def _laid_out_joined(text: str) -> str:
    """A table laid out by runs of spaces: each cell of digits a word apart joined,
    padded to its printed width, and the lines of spaces only dropped (module docstring)."""
    out = []
    for line in text.split("\n"):
        if line and not line.strip():
            continue  # a row's paragraphs' padding
        out.append(_ONE_CELL.sub(_cell_joined, line))
    return "\n".join(out)


def _cell_joined(cell: re.Match) -> str:
    """A cell of digits a word apart as one number, an item number's digits and dot as
    one (`1 . 属于国家秘密` -> `1. 属于国家秘密`), padded to the cell's printed width."""
    text = cell.group()
    number = _spaced_number(text)
    if number is None and (item := _ITEM_APART.match(text)):
        number = re.sub(r"\s", "", item.group(1)) + text[item.end(1):]
    return text if number is None else number.ljust(len(text))
