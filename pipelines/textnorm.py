"""Text normalisation shared by every stage that compares Chinese text: NFKC, traditional
to simplified, inline pinyin removed, radicals as the ideographs they print. Whitespace and
punctuation are kept.

The ground floor: the recogniser (label matching, metadata) and enrichment (agency names)
both build on it, and it imports nothing of the project.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")

# The ideographs labels, names and titles are written in (CJK unified ideographs with
# extension A, and the compatibility ideographs): one definition for every module that
# asks whether a text holds Chinese. `HAN` goes inside a character class of a larger
# pattern; `HAN_CHAR` finds one.
HAN = "\u3400-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
# The units a printed number may carry ("25.1万元", "6件"; traditional forms too), as a
# regex alternation: read by recognise/values.py, and by read/scan.py (a number with
# its unit is no label).
UNIT = "万元|萬元|元|件|个|個|项|項|条|條|次"
# The units a count may carry, as values.py reads them (simplified; None: printed bare):
# read by recognise/cells.py and resolve.py, and by read/text_order.py (`23件` a count).
COUNT_UNITS = frozenset({None, "件", "个", "项", "条", "次"})

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
# CJK fonts embedded by browsers and office suites often map a glyph to a radical code
# point rather than to the ideograph it looks like: 人 comes out as U+2F08 (KANGXI RADICAL
# MAN) and 民 as U+2EA0 (CJK RADICAL CIVILIAN), in a PDF's text and in what converters
# make of the PDF (Markdown, text). Kangxi radicals are mapped by their compatibility
# decomposition; the radicals supplement has none, so the radicals that have the form of
# a whole simplified or traditional ideograph are mapped to it (Unicode's
# EquivalentUnifiedIdeograph data).
_KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
_SUPPLEMENT = {
    0x2E9F: "母", 0x2EA0: "民", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC9: "贝",
    0x2ECB: "车", 0x2ED1: "長", 0x2ED3: "长", 0x2ED4: "门", 0x2ED8: "青", 0x2ED9: "韦",
    0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE2: "马", 0x2EE3: "骨",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEA: "黾", 0x2EEC: "齐", 0x2EEF: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
}
RADICALS = str.maketrans({**_KANGXI, **_SUPPLEMENT})  # for str.translate
# U+2E80..U+2FFF in UTF-8: E2 BA 80 .. E2 BF BF. Looked for in the text's UTF-8 bytes:
# re tests a class of characters a code point at a time (1 ms on a 100 KB page), the
# bytes' two-byte prefix it finds ten times faster, encoding included. The range holds
# every radical mapped (U+2E80..U+2FDF) and a few more; translating a text that holds
# only those few leaves it as it is.
_RADICAL_UTF8 = re.compile(rb"\xe2[\xba-\xbf]")


def radicals_as_ideographs(text: str) -> str:
    """The text with radical code points as the ideographs they print."""
    found = _RADICAL_UTF8.search(text.encode("utf-8", "surrogatepass"))
    return text.translate(RADICALS) if found else text


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
