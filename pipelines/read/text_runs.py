"""Text laid out by position whose neighbouring cells' digits run together.

What belongs here: telling, from `pdftotext -layout`'s printed rows, that the page
printed its table cells edge to edge, so one word of digits may be several cells
(`0023` for 0, 0 and 23; `614` for 61 and 4). A browser's print of a table without
padding (cells of `<div>`s, a `<tbody>` a row) puts the widest number of a column
against the next column's first digit, and pdftotext, which cuts words at gaps only,
prints the two as one word. Two signs show it, each in a row of values that parts its
words by runs of spaces (`PrintedRow.spaced`) after a label:

- a word of digits with a leading zero (`0023`, `000`, `07`): no number prints one, so
  the word is several cells;
- a word of digits where two other printed rows of more values print two words, the
  first starting with it, the second inside it (the next column), the words on either
  side starting with its row's: its digits stand in two columns. Rows whose words a
  long label pushed right print nowhere near their columns, a column or so off, where
  one row may meet another by chance; a row of no fewer values has no cell more to
  show, and two rows tie it.

Where either shows, every word of digits among the page's values may hold several
cells (`TextCell.box_run`): the recogniser splits none as forced and leaves the
splitting to the identities (recognise/digits.py), a split published only where it is
the only one left, else null (`ambiguous_digits`). The signs say which pages ran cells
together, never where a word splits.
"""

from __future__ import annotations

import re
from itertools import pairwise

from pipelines.read.text_columns import PrintedRow, Word

_DIGITS = re.compile(r"\d+")
_LEADING_ZERO = re.compile(r"0\d+")
_NEAR = 30  # printed rows: the rows of one table, to compare columns with


def runs_shown(rows: list[PrintedRow]) -> bool:
    """Whether the page's rows show cells whose digits ran together (module docstring)."""
    # rows of a label and values: a line of values alone may be a cell's wrapped
    # pieces (`06 01 07` of numbers cut at their thousands), no row's cells
    valued = [r for r in rows if r.spaced and r.labels and len(r.values) >= 2]
    if any(_LEADING_ZERO.fullmatch(w.text) for r in valued for w in r.values):
        return True
    return any(sum(_splits(row, k, other)
                   for other in valued[max(0, n - _NEAR):n + _NEAR + 1]) >= 2
               for n, row in enumerate(valued) for k, w in enumerate(row.values)
               if _DIGITS.fullmatch(w.text) and len(w.text) > 1)


def _splits(row: PrintedRow, k: int, other: PrintedRow) -> bool:
    """Whether `other`, a row of more values, prints two words where `row` prints its
    k-th: one starting with it, the next starting inside it, and the words on either
    side starting with `row`'s (or none on either side, in both)."""
    if len(other.values) <= len(row.values):
        return False
    word, theirs, last = row.values[k], other.values, k == len(row.values) - 1
    for m, (a, b) in enumerate(pairwise(theirs)):
        if not (a.start == word.start and a.end < b.start < word.end):
            continue
        before = (m == 0 if k == 0 else m > 0 and theirs[m - 1].start == row.values[k - 1].start)
        after = (m + 2 == len(theirs) if last else
                 m + 2 < len(theirs) and theirs[m + 2].start == row.values[k + 1].start)
        if before and after:
            return True
    return False


def is_digits(word: Word) -> bool:
    """Whether the word is digits alone: a word that may be several cells run together."""
    return _DIGITS.fullmatch(word.text) is not None
