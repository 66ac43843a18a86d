"""Label normalisation: the form in which printed labels are compared with the template.

NFKC (full-width to half-width), traditional to simplified, inline pinyin removed, one
quote style, one numbering style, and all whitespace removed. Applied identically to the
template's labels and to every printed cell, so matching is plain string equality.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

_T2S = opencc.OpenCC("t2s")
# Spam mirrors insert tone-marked pinyin after characters: 數(shù)據(jù).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)")
_QUOTES = re.compile(r"[“”\"'‘’「」]")
# 1、 / 1． / 1. all mean the same item number.
_NUMBERING = re.compile(r"^(\d{1,2})[、.]")
_SPACE = re.compile(r"\s+")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


def to_simplified(text: str) -> str:
    """NFKC and traditional to simplified, keeping whitespace (for free text)."""
    return _T2S.convert(unicodedata.normalize("NFKC", text))


def strip_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


@cache
def normalise(text: str) -> str:
    """The comparison form of a label (cached: labels repeat across reports)."""
    s = _PINYIN.sub("", to_simplified(text))
    s = _SPACE.sub("", s)
    s = _QUOTES.sub('"', s)
    return _NUMBERING.sub(r"\1.", s)


def without_trailing_note(norm: str) -> str | None:
    """The label with one trailing parenthetical removed, e.g. 上一年项目数量(指2019年事项数)."""
    stripped = _TRAILING_NOTE.sub("", norm)
    return stripped if stripped != norm and stripped else None
