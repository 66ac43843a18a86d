"""A row's numbers cut over lines by a line break inside a cell, joined where the row's
column count proves every break is inside a number.

lynx prints a table a row a line, its cells a space apart (`Document.breaks_in_cells`),
and a `<br>` inside a cell as a line break: `<td>3<br>001</td>` prints `3` at the end of
the label's line and `001` at the start of the next, the row's other cells after it
(`一、本年新收… 3` / `001 5` / `3 0 0 6` / `1 4 3` / `119`). A line break there is a
row's end, a break inside a cell, or lynx's wrap of a long line, which falls between two
words, never inside one. So among a row's values and the lines of values alone below it,
up to the next label or text, each break inside a number adds a word and each other break
adds none, and a cell left blank prints no word: where the words exceed the row's columns
by exactly the number of breaks among them, every break is inside a number, and each is
joined (`3` and `001`, one cell `3\\n001`, read as 3001 by values.py). With fewer, which
breaks cut a number is not known: the row is left as printed (grid.py flags it).

The count holds only where every word is a cell: grid.py asks for a join only in a text
where no row opens with a number (a 序号 column, whose number lynx may print alone on a
line when the row's label wraps) and none prints more numbers than columns on its line
(an unknown trailing column), and keeps it only where the row's own identities do not
fail on it.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from pipelines.read.text_tab_breaks import goes_on
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import read_printed


def _lines_below(tokens: list[Token], last: int) -> int:
    """The index of the last token of the lines of values alone after token `last`
    (`last` itself where there are none, or where they run to the text's end). A line
    opening with a number and going on with a label is that row's number (a 序号
    column), never the rest of a cell."""
    end = last
    while end + 1 < len(tokens):
        row = tokens[end + 1].row
        line_end = end + 1
        while line_end + 1 < len(tokens) and tokens[line_end + 1].row == row:
            line_end += 1
        if row is None or not all(t.kind == "value" for t in tokens[end + 1:line_end + 1]):
            break
        end = line_end
    return end if end + 1 < len(tokens) else last


def joined_over_breaks(tokens: list[Token], values: list[Token], last: int, n: int
                       ) -> tuple[list[Token], int] | None:
    """The row's `n` values with each number cut by a line break joined, and the index of
    the last token they took; None where the count does not prove every break is inside
    a number (module docstring). `values`: the row's values on its label's line, the
    last of them token `last`."""
    end = _lines_below(tokens, last)
    if not values or end == last or values[0].row is None:
        return None
    words = values + tokens[last + 1:end + 1]
    breaks = sum(a.row != b.row for a, b in pairwise(words))
    if len(words) - n != breaks:
        return None
    joined = [words[0]]
    for before, word in pairwise(words):
        if word.row == before.row:
            joined.append(word)
            continue
        head = joined[-1]
        if not goes_on([head.text], [word.text]):
            return None
        text = f"{head.text}\n{word.text}"
        joined[-1] = replace(head, text=text, printed=read_printed(text))
    return joined, end
