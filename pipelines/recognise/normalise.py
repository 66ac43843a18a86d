"""Label normalisation: the form in which printed labels are compared with the template.

NFKC (full-width to half-width), traditional to simplified, inline pinyin removed, one
quote style, one numbering style, and all whitespace removed. Applied identically to the
template's labels and to every printed cell, so matching is plain string equality.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")

# CPython's NFKC is slow on Chinese text (about 0.1 µs per ideograph: it scans its
# composition table for every character), and it runs on every report's text. Reports
# are written in the characters below: ASCII, CJK ideographs, CJK and full-width
# punctuation. None of them decomposes into a combining mark or composes with a
# neighbour (tests/recognise/test_nfkc.py checks this against the Unicode database),
# so for text made only of them NFKC maps each character on its own, and only the
# full-width forms and a few others change. Any other character: full NFKC.
_PLAIN_RANGES = (
    (0x0000, 0x007F), (0x00A0, 0x00A0), (0x00B7, 0x00B7), (0x00D7, 0x00D7),
    (0x2010, 0x2016), (0x2018, 0x2027), (0x2030, 0x203B),  # dashes, quotes, …, ‰, ※
    (0x3000, 0x3029), (0x3030, 0x303F),  # CJK punctuation (not the tone marks 302A-302F)
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF01, 0xFF65), (0xFFE0, 0xFFE2), (0xFFE4, 0xFFE6),  # full-width forms
)
_NOT_PLAIN = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in _PLAIN_RANGES)
                        + "]")
_PLAIN_NFKC = {
    chr(cp): mapped for a, b in _PLAIN_RANGES for cp in range(a, b + 1)
    if (mapped := unicodedata.normalize("NFKC", chr(cp))) != chr(cp)
}
_CHANGED = re.compile("[" + "".join(map(re.escape, _PLAIN_NFKC)) + "]")
# Spam mirrors insert tone-marked pinyin after characters: 數(shù)據(jù). The pattern starts
# with "(" (the character before it is checked by the lookbehind) so that re can skip
# to the brackets: 25 times faster on a report's text than a leading lookbehind.
_PINYIN = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)")
_QUOTES = re.compile(r"[“”\"'‘’「」]")
# 1、 / 1． / 1. all mean the same item number.
_NUMBERING = re.compile(r"^(\d{1,2})[、.]")
_SPACE = re.compile(r"\s+")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), fast for the characters reports are written in."""
    if _NOT_PLAIN.search(text):
        return unicodedata.normalize("NFKC", text)
    return _CHANGED.sub(lambda m: _PLAIN_NFKC[m.group()], text)


def to_simplified(text: str) -> str:
    """NFKC and traditional to simplified, keeping whitespace (for free text)."""
    return _T2S.convert(nfkc(text))


def strip_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


@lru_cache(maxsize=1 << 14)
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
