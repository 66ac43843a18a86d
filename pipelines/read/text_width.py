"""Display width of text as terminals and text dumpers lay it out.

A CJK character takes two terminal columns, a Latin one one column. Characters of
"ambiguous" East-Asian width (curly quotes “”, ①, ·, …) take one or two depending on the
tool and its locale: w3m prints “ as two columns, the box-drawing characters (also
ambiguous) as one, except in a double-byte locale (GBK), where it prints every
character outside ASCII as two (`wide_columns`). Readers that align text by columns
therefore try both widths for the ambiguous characters of a line and keep the one that
lands its borders on the table's columns (`text_bordered`, `text_aligned`).
"""

from __future__ import annotations

import unicodedata
from itertools import accumulate

BOX_FIRST, BOX_LAST = "\u2500", "\u257f"  # the box-drawing block


def is_box(ch: str) -> bool:
    return BOX_FIRST <= ch <= BOX_LAST


def _width_of(ch: str, ambiguous: int) -> int:
    if ch.isascii() or is_box(ch):
        return 1
    if unicodedata.combining(ch):
        return 0
    kind = unicodedata.east_asian_width(ch)
    if kind in ("W", "F"):
        return 2
    return ambiguous if kind == "A" else 1


class _Widths(dict):
    """Character -> columns, filled on first sight (a dict lookup per character is what
    keeps laying out a page's lines cheap)."""

    def __init__(self, ambiguous: int) -> None:
        super().__init__()
        self.ambiguous = ambiguous

    def __missing__(self, ch: str) -> int:
        self[ch] = w = _width_of(ch, self.ambiguous)
        return w


_WIDTHS = {1: _Widths(1), 2: _Widths(2)}


def char_width(ch: str, ambiguous: int = 2) -> int:
    """Columns one character takes; box-drawing characters always one."""
    return _WIDTHS[ambiguous][ch]


def has_ambiguous(line: str) -> bool:
    """Whether the line has a character whose width depends on the tool."""
    if line.isascii():
        return False
    one, two = _WIDTHS[1], _WIDTHS[2]
    return any(one[ch] != two[ch] for ch in set(line))


def columns(line: str, ambiguous: int = 2) -> list[int]:
    """The display column each character of the line starts at (and where it ends)."""
    return list(accumulate(map(_WIDTHS[ambiguous].__getitem__, line), initial=0))


def wide_columns(line: str) -> list[int]:
    """`columns` as a double-byte locale lays the line out (w3m -O GBK): every character
    outside ASCII two columns, the box-drawing ones too."""
    return list(accumulate((1 if ch.isascii() else 0 if unicodedata.combining(ch) else 2
                            for ch in line), initial=0))


def width(text: str, ambiguous: int = 2) -> int:
    return sum(map(_WIDTHS[ambiguous].__getitem__, text))
