"""Text normalisation shared by every stage that compares Chinese text: NFKC, traditional
to simplified, inline pinyin removed. Whitespace and punctuation are kept.

The ground floor: the recogniser (label matching, metadata) and enrichment (agency names)
both build on it, and it imports nothing of the project.
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
# neighbour (tests/test_textnorm.py checks this against the Unicode database),
# so for text made only of them NFKC maps each character on its own, and only the
# full-width forms and a few others change. Any other character: full NFKC.
PLAIN_RANGES = (
    (0x0000, 0x007F), (0x00A0, 0x00A0), (0x00B7, 0x00B7), (0x00D7, 0x00D7),
    (0x2010, 0x2016), (0x2018, 0x2027), (0x2030, 0x203B),  # dashes, quotes, …, ‰, ※
    (0x3000, 0x3029), (0x3030, 0x303F),  # CJK punctuation (not the tone marks 302A-302F)
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF01, 0xFF65), (0xFFE0, 0xFFE2), (0xFFE4, 0xFFE6),  # full-width forms
)
_NOT_PLAIN = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in PLAIN_RANGES)
                        + "]")
_PLAIN_NFKC = {
    chr(cp): mapped for a, b in PLAIN_RANGES for cp in range(a, b + 1)
    if (mapped := unicodedata.normalize("NFKC", chr(cp))) != chr(cp)
}
_CHANGED = re.compile("[" + "".join(map(re.escape, _PLAIN_NFKC)) + "]")
# Spam mirrors insert tone-marked pinyin after characters: 數(shù)據(jù). The pattern starts
# with "(" (the character before it is checked by the lookbehind) so that re can skip
# to the brackets: 25 times faster on a report's text than a leading lookbehind.
PINYIN = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), fast for the characters reports are written in
    (and cached for a cell's short text: the same cells recur in every report)."""
    return _nfkc_short(text) if len(text) <= _SHORT else _nfkc(text)


def _nfkc(text: str) -> str:
    if _NOT_PLAIN.search(text):
        return unicodedata.normalize("NFKC", text)
    # One replace a distinct character (a page has a dozen, a hundred times each): a
    # Python call a match was most of it. Replacing one after another is replacing all
    # at once, as no mapped character maps to one that changes (tests/test_textnorm.py).
    for char in set(_CHANGED.findall(text)):
        text = text.replace(char, _PLAIN_NFKC[char])
    return text


_SHORT = 64  # characters: a cell's text, not a page's
_nfkc_short = lru_cache(maxsize=1 << 14)(_nfkc)


def to_simplified(text: str) -> str:
    """NFKC and traditional to simplified, keeping whitespace (for free text)."""
    return _T2S.convert(nfkc(text))


def strip_pinyin(text: str) -> str:
    """Remove pinyin inserted after characters by spam mirrors: 數(shù)據(jù) -> 數據."""
    return PINYIN.sub("", text)
