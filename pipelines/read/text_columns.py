"""Rows of a space-aligned table put back into the columns their header shows.

What belongs here: reading the columns of a table printed with no walls at all, in text
laid out by position (`pdftotext -layout`, crawlers that keep a page's layout), from
the character positions of its header and values. Such text puts every glyph in a grid
of character columns, one column per glyph (wide CJK glyphs too), so a value prints in
the character columns of its column's header whatever the label before it.

- The header of a value row: walking up from it over value rows, empty lines and label
  lines (all words left of the values), the first line with a word over the values and
  the text lines directly above it. A column is a header word with no lower header word
  under it (a spanning header prints above the names of its columns).
- A row split over two lines (`（二）部分公开…情 447 7` over `形，…） 0 0 0 0 454`, as
  pdftotext breaks a row whose values sit at two heights) is one row again when the
  lines are adjacent, the second line's label starts no numbered item, the first line's
  values all end before the second's begin, and the two lines' values together fill
  the header's columns exactly.
- A row that prints fewer values than its header has columns lost its blank cells (an
  empty cell prints nothing): each value goes to the header column whose characters it
  shares, and the columns left over are blank cells in place. Only when every value
  shares characters with exactly one column, no two values share one, and the order is
  kept; otherwise the row is left as printed (the recogniser's solver then decides, or
  leaves it null).

Only text that keeps its layout is read by position (`is_laid_out`): a dump that parts
its cells by single spaces (lynx) says nothing by where a word starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_WORD = re.compile(r"\S+")
_ITEM = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")
_GAP = re.compile(r"\S {2,}\S")  # words kept apart by the layout, not by one space
_HEADER_LINES = 8  # a header is not taller than this
_WRAP = 16  # lines a label wraps over, above or below its values
_SLACK = 2  # characters: label lines of one column start this near each other
_NEAR = 12  # value rows this near are of one table, for its width
_REACH = 80  # lines walked up from a value row to its header


@dataclass
class Word:
    text: str
    start: int  # character index of its first character on its line
    end: int  # character index after its last

    def shares(self, other: Word) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class PrintedRow:
    """A printed line (two, once a split row is joined): its label words and value words;
    `cells` the value cells once placed under the header's columns."""

    lines: list[int]
    labels: list[Word]
    values: list[Word] = field(default_factory=list)
    cells: list[str] | None = None
    spaced: bool = False  # its words are parted by runs of spaces: it keeps the layout


def printed_row(no: int, line: str, is_value: Callable[[str], bool]) -> PrintedRow:
    """The line's trailing run of values, and the words before it as its labels."""
    words = words_of(line)
    k = len(words)
    while k > 0 and is_value(words[k - 1].text):
        k -= 1
    return PrintedRow([no], words[:k], words[k:], spaced=bool(_GAP.search(line.strip())))


def words_of(line: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(line)]


def is_laid_out(rows: list[PrintedRow]) -> bool:
    """Whether most rows with several values part their words by runs of spaces."""
    many = [r for r in rows if len(r.values) >= 2]
    return len(many) >= 3 and 3 * sum(r.spaced for r in many) >= 2 * len(many)


def _header(rows: list[PrintedRow], i: int) -> list[Word]:
    """The columns of the header above value row i (see the module docstring)."""
    first = rows[i].values[0].start
    k = i - 1
    while k >= 0 and i - k <= _REACH and (
            rows[k].values or all(w.end <= first for w in rows[k].labels)):
        k -= 1
    out: list[Word] = []
    bottom = k
    while k >= 0 and bottom - k < _HEADER_LINES and not rows[k].values and rows[k].labels:
        over = [w for w in rows[k].labels if w.end > first]
        if not over:
            break
        out.extend(w for w in over if all(not w.shares(c) for c in out))
        k -= 1
    return sorted(out, key=lambda w: w.start)


def _placed(values: list[Word], columns: list[Word]) -> list[str] | None:
    """Each column's value ("" for a blank), when every value shares characters with
    exactly one column, each column holds one value at most, in order; else None."""
    cells: list[str | None] = [None] * len(columns)
    last = -1
    for value in values:
        under = [k for k, c in enumerate(columns) if value.shares(c)]
        if len(under) != 1 or under[0] <= last:
            return None
        cells[under[0]] = value.text
        last = under[0]
    return [c or "" for c in cells]


def _joined(upper: PrintedRow, lower: PrintedRow, width: int) -> PrintedRow | None:
    """The two lines as one row, if the lower continues the upper's (module docstring)."""
    if (not upper.values or not lower.values or len(upper.lines) != 1
            or lower.lines[0] != upper.lines[-1] + 1
            or len(upper.values) + len(lower.values) != width
            or any(_ITEM.match(w.text) for w in lower.labels)
            or upper.values[-1].end >= lower.values[0].start):
        return None
    labels = list(upper.labels)
    rest = list(lower.labels)
    if labels and rest and rest[0].start >= labels[-1].start - _SLACK:
        labels[-1] = _concat(labels[-1], rest.pop(0))
    return PrintedRow(upper.lines + lower.lines, labels + rest, upper.values + lower.values,
                      spaced=True)


def _same_column(a: Word, b: Word) -> bool:
    return abs(a.start - b.start) <= _SLACK


def _concat(first: Word, then: Word) -> Word:
    return Word(first.text + then.text, first.start, max(first.end, then.end))


def _opens_header(rows: list[PrintedRow], k: int, first: int) -> bool:
    """Whether line k may be a table's header line: no values, and a word over the values
    (from `first`) or several words."""
    return (k < len(rows) and not rows[k].values
            and (len(rows[k].labels) > 1 or any(w.end > first for w in rows[k].labels)))


def _above(rows: list[PrintedRow], i: int, own: Word | None) -> tuple[list[int], Word | None]:
    """The lines above value row i its label starts on (nearest first), up to and with the
    one whose last word starts a numbered item, through label-only and empty lines in
    one column; none if no such line. `own`, the row's own label, is left out of the
    label when it prints left of that column (a group label's piece)."""
    col = own
    found: list[int] = []
    k = i - 1
    while k >= 0 and i - k <= _WRAP and not rows[k].values:
        if rows[k].labels:
            word = rows[k].labels[-1]
            if col is None or _same_column(word, col):
                col = word
            elif col is own and own.end <= word.start + _SLACK:
                col, own = word, None  # the row's own label prints in a group column
            else:
                return [], own
            found.append(k)
            if _ITEM.match(word.text):
                return found, own
        k -= 1
    return [], own


def _below(rows: list[PrintedRow], i: int, label: Word, numbered: bool) -> list[int]:
    """The lines below value row i its label wraps onto: in a numbered table, the
    label-only lines in its column down to the next item, value row or header (empty
    lines passed over); else the line directly below, when no longer than the label's
    part on the value line (a label fills its line before it wraps: a longer line is
    the next heading) and not followed by a header (then it is the next table's
    caption)."""
    first = rows[i].values[0].start
    found: list[int] = []
    k = i + 1
    while k < len(rows) and k - i <= _WRAP and not rows[k].values:
        if rows[k].labels:
            word = rows[k].labels[-1]
            if (_ITEM.match(word.text) or not _same_column(word, label)
                    or any(w.end > first for w in rows[k].labels)):
                break
            if not numbered:
                short = len(word.text) <= len(label.text)
                return [k] if (short and not _opens_header(rows, k + 1, first)
                               and not _labels_values(rows, k + 1, word)) else []
            found.append(k)
        elif rows[k].lines and not numbered:
            return []  # an empty line (not the place of a joined row's second line)
        k += 1
    return found


def _labels_values(rows: list[PrintedRow], k: int, word: Word) -> bool:
    """Whether line k is a value row with its label in `word`'s column: `word`, just
    above it, is where that row's label starts (a centred label prints its first part
    above its values)."""
    return (k < len(rows) and bool(rows[k].values) and bool(rows[k].labels)
            and _same_column(rows[k].labels[-1], word))


def _unnumbered_above(rows: list[PrintedRow], i: int, own: Word) -> list[int]:
    """The label-only lines directly above value row i in its label's column, nearest
    first, up to an empty line, a value row or a header line (a table's first lines)."""
    first = rows[i].values[0].start
    found: list[int] = []
    k = i - 1
    while (k >= 0 and i - k <= _WRAP and not rows[k].values and len(rows[k].labels) == 1
           and _same_column(rows[k].labels[-1], own)
           and rows[k].labels[-1].end <= first and not _ITEM.match(rows[k].labels[-1].text)):
        found.append(k)
        k -= 1
    return found


def labels_joined(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Row labels wrapped onto the lines around their values joined back (rows: one per
    line, in order; a row joined from two lines leaves the second empty). The row's label
    is its last label word; group labels, wrapped on their own, print left of it, on the
    same lines. Above: the lines up to the one the label's numbered item starts on
    (`_above`), when the row's own label starts none. Below: `_below`. Each line gives
    its last word, once."""
    for i, row in enumerate(rows):
        if not row.values or not row.spaced:
            continue
        own = row.labels[-1] if row.labels else None
        if own is None or not _ITEM.match(own.text):
            lines, own_kept = _above(rows, i, own)
            if not lines and own is not None:
                lines, own_kept = _unnumbered_above(rows, i, own), own
            if lines:
                words = [rows[k].labels.pop() for k in reversed(lines)]
                label = words[0]
                for word in words[1:]:
                    label = _concat(label, word)
                if own_kept is not None:
                    row.labels[-1] = _concat(label, own_kept)
                else:
                    row.labels.append(label)
        if not row.labels:
            continue
        label = row.labels[-1]
        for k in _below(rows, i, label, bool(_ITEM.match(label.text))):
            row.labels[-1] = label = _concat(label, rows[k].labels.pop())
    return rows


def _width(rows: list[PrintedRow], i: int) -> int:
    """The table's width: the most values a value row near row i prints."""
    near = rows[max(0, i - _NEAR):i + _NEAR + 1]
    return max(len(r.values) for r in near)


def rows_joined(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Rows split over two lines joined (module docstring); the second line's place is
    left empty, so that rows stay one per line."""
    for i in range(1, len(rows)):
        if rows[i].values and rows[i - 1].values and (rows[i].spaced or rows[i - 1].spaced):
            joined = _joined(rows[i - 1], rows[i], _width(rows, i))
            if joined is not None:
                rows[i - 1] = joined
                rows[i] = PrintedRow([], [])  # no line: the second line's place
    return rows


def blanks_placed(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Rows that print fewer values than their header's columns, when the header shows
    as many columns as the table's fullest row, get their blanks by column."""
    for i, row in enumerate(rows):
        if not row.values or len(row.lines) > 1 or not row.spaced:
            continue
        columns = _header(rows, i)
        if columns and len(row.values) < len(columns) == _width(rows, i):
            row.cells = _placed(row.values, columns)
    return rows


def place_columns(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Rows one per line made table rows: split rows joined, wrapped labels joined, lost
    blank cells placed (module docstring)."""
    return blanks_placed(labels_joined(rows_joined(rows)))
