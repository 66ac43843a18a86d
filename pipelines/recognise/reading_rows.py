"""Table 三's row labels in a PDF's text in reading order (issue 13): which line names
which row, whether the rows print in the template's order, and the rows as printed with
the sub-rows (`其中：网上申请`) among them, each with the lines its counts may print on.

pdftotext without options prints 三's row labels between and beside the counts, a label
cut over lines (`（二）部分公开（区分处理的，只计这一情 447 7` / `形，不计其他情形）`).
A line names a row where its words before its first count begin that row's label only,
or are one whole, at least 4 characters. Order alone ties a count to no row, so what is
read here is only where labels print: the readers (reading_totals, reading_left) place
the counts by their order and the identities.

**Sub-rows**: a report adding a breakdown under a row (`其中：网上申请` under 一, 二 and
结转下年: no cell of 三) prints it as a row: its counts in the run of the right block and
in the left block where its label prints, as any row's. So the rows as printed are the
template's, each followed by the sub-rows printed below its label and above the next
row's (`printed_rows`). A sub-row's counts are dropped only where they print at its label:
on lines below the label printed above it and above the label printed below it (a row's
counts print before, beside or after its own label, never past another's).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from pipelines.read.text_order import COUNT, t4_title_line
from pipelines.recognise.normalise import normalise

# a sub-row's label: `其中：网上申请` (of which: …), a breakdown of the row above it
_SUB_ROW_LABEL = re.compile("其中[：:]")


class SubRow(NamedTuple):
    """A sub-row as printed: its label's line, and the nearest lines above and below it
    naming another row (三's title, 四's: where none), between which its counts print."""
    line: int
    above: int
    below: int

    def holds(self, lines: list[int]) -> bool:
        """Every count (by its line) prints at this sub-row's label, past no other's."""
        return all(self.above < no < self.below for no in lines)


Printed = list[int | SubRow]  # template row indexes, sub-rows among them, as printed


def lead(line: str) -> str:
    """A line's words before its first count, joined."""
    words = line.split()
    cut = next((i for i, w in enumerate(words) if COUNT.fullmatch(w)), len(words))
    return "".join(words[:cut])


def rows_named(line: str, wanted: list[str]) -> list[int]:
    """The rows (of the normalised labels `wanted`) a line's lead begins, or is the whole
    of, at least 4 characters (a label's second line, `形，不计其他情形）`, begins none)."""
    start = normalise(lead(line))
    return [r for r, label in enumerate(wanted)
            if len(start) >= 4 and (label.startswith(start) or start.startswith(label))]


def rows_in_order(lines: list[str], title: int, labels: tuple[str, ...]) -> bool:
    """三's row labels print in the template's order between its title and 四's: each line
    whose words before its first count begin one row's label only (`（二）部分公开（区分处理
    的，只计这一情`, a label cut over lines) or are one whole, at least 4 characters (a
    label's second line, `形，不计其他情形）`, begins none), names that row."""
    end = t4_title_line(lines) or len(lines)
    return all(a <= b for a, b in pairwise(lines_naming(lines, title, end, labels).values()))


def lines_naming(lines: list[str], title: int, end: int, labels: tuple[str, ...]
                 ) -> dict[int, int]:
    """{line: row index} of the lines between 三's title and `end` that name one row of
    `labels` only (rows_named), in order."""
    wanted = [normalise(label) for label in labels]
    return {no: r[0] for no in range(title + 1, end)
            if len(r := rows_named(lines[no], wanted)) == 1}


def printed_rows(lines: list[str], title: int, labels: tuple[str, ...]) -> Printed:
    """三's rows in the order they print (module docstring): the template's rows, each
    followed by the sub-rows printed below its label and above the next row's."""
    end = t4_title_line(lines) or len(lines)
    wanted = [normalise(label) for label in labels]
    named: list[int] = []  # lines naming a row or a sub-row
    subs: list[tuple[int, int]] = []  # (the template row printed above it, its line)
    last = -1
    for no in range(title + 1, end):
        if _SUB_ROW_LABEL.match(lead(lines[no])):
            subs.append((last, no))
            named.append(no)
            continue
        rows = rows_named(lines[no], wanted)
        if rows:
            named.append(no)
        if len(rows) == 1 and rows[0] > last:
            last = rows[0]

    def sub(no: int) -> SubRow:
        at = named.index(no)
        return SubRow(no, named[at - 1] if at else title,
                      named[at + 1] if at + 1 < len(named) else end)
    under = {r: [sub(no) for row, no in subs if row == r] for r in range(-1, len(labels))}
    return [*under[-1], *(x for r in range(len(labels)) for x in (r, *under[r]))]


def template_rows(printed: Printed) -> list[int]:
    """The template's rows of a printed sequence, sub-rows left out."""
    return [r for r in printed if isinstance(r, int)]
