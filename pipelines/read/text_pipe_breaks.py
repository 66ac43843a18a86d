"""A pipe row's lines: a Markdown pipe row that Python's `html2text` printed over several
lines, put back together.

html2text prints a table without outer walls (`规章| 1| 0| 11`) and ends every row with
Markdown's hard break, two spaces before the line's end; a `<br>` inside a cell is printed
the same way, two spaces and a line break, the cell going on on the next line. Such text
is told by the rule under a table's header ending in that break too, `---|---␣␣`, which
no other writer prints (`has_hard_breaks`). Two shapes then put a row over lines:

- *wrapped*: at 78 columns (its default width) html2text wraps a long row (a row of
  links, `[规章](/list.html)| [1](/list.html)|`) at the space after a `|`; `textwrap`
  drops that space, so each line but the last ends in the `|` itself, never in the two
  spaces that end every whole row. A line ending in a pipe, no whitespace after it, goes
  on on the next line: the two are one row, joined by a space.
- *a number broken by `<br>`*: `一、本年新收…| 3` over `001| 5` over `3| 0| 0| 6`: the
  cell `3<br>001` ends a line with its first digits, the next line opens with the rest.
  A row of these tables opens with its label (or with a pipe, where its first cell is
  blank); only table 四's counts open a row with a number, after a header row that ends
  with a label. So a line of values only (text_tab_breaks.goes_on, the rule a browser's
  copied text is read by: innerText prints a row a line and a `<br>` as a line break
  alike) after a line whose last cell is a number is the rest of that row: its first
  piece goes on in the cell above, a line break between the two, as the HTML reader keeps
  a `<br>` inside a cell (the recogniser reads `3\\n001` as 3001, values.py).
"""

from __future__ import annotations

import re

from pipelines.read.text_tab_breaks import goes_on

# A Markdown table's rule under its header, without outer walls (`---|---`), as
# html2text prints it: followed by its hard break, as every line of its tables is.
_RULE = re.compile(r"-{3,}(?:\|-{3,})*")


def has_hard_breaks(lines: list[str]) -> bool:
    """Whether the text's pipe tables are html2text's: a table rule ending in the hard
    break, and three lines or more holding a cell separator ending in it too (its
    wrapped rows' lines end in a bare `|`, so they may be the most)."""
    if not any(_RULE.fullmatch(ln.rstrip()) and ln.endswith("  ") for ln in lines):
        return False
    return sum("|" in ln and ln.endswith("  ") for ln in lines) >= 3


def _wrapped(line: str) -> bool:
    """Whether html2text's width wrapped the row after this line's last `|`."""
    return line.endswith("|") and line.strip() != "|"


def row_at(lines: list[str], at: int) -> tuple[str, int]:
    """The row opening on line `at` (0-based) of a text with hard breaks: its text, the
    lines of a wrapped row joined by a space and a number broken by `<br>` joined by a
    line break (module docstring), and the index of the line after it."""
    row, end = lines[at].rstrip(), at + 1
    while end < len(lines) and lines[end].strip():
        below = lines[end]
        if _wrapped(lines[end - 1]):
            row = f"{row} {below.strip()}"
        elif "|" in row + below and goes_on(row.split("|"), below.split("|")):
            row = f"{row}\n{below.strip()}"
        else:
            break
        row, end = row.rstrip(), end + 1
    return row, end
