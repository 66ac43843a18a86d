"""Label normalisation: the form in which printed labels are compared with the template.

NFKC (full-width to half-width), traditional to simplified, inline pinyin removed, one
quote style, one numbering style, a trailing colon or stop dropped, and all whitespace
removed. Applied identically to the
template's labels and to every printed cell, so matching is plain string equality.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.textnorm import nfkc, strip_pinyin, to_simplified

# nfkc, strip_pinyin and to_simplified live on the ground floor (pipelines/textnorm.py);
# they are re-exported here for code written against their old home.
__all__ = ["nfkc", "normalise", "strip_pinyin", "to_simplified", "without_trailing_note"]

_QUOTES = re.compile(r"[“”\"'‘’「」]")
# 1、 / 1． / 1. all mean the same item number.
_NUMBERING = re.compile(r"^(\d{1,2})[、.]")
_SPACE = re.compile(r"\s+")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")
# A label ending in a colon or a stop ("规章：", "总计。") is the same label.
_TRAILING_PUNCTUATION = re.compile(r"[:;。]+$")


@lru_cache(maxsize=1 << 14)
def normalise(text: str) -> str:
    """The comparison form of a label (cached: labels repeat across reports)."""
    s = strip_pinyin(to_simplified(text))
    s = _SPACE.sub("", s)
    s = _QUOTES.sub('"', s)
    s = _TRAILING_PUNCTUATION.sub("", s)
    return _NUMBERING.sub(r"\1.", s)


def without_trailing_note(norm: str) -> str | None:
    """The label with one trailing parenthetical removed, e.g. 上一年项目数量(指2019年事项数)."""
    stripped = _TRAILING_NOTE.sub("", norm)
    return stripped if stripped != norm and stripped else None
