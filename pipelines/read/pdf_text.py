"""Text of a PDF cell or line as printed: font quirks of PDF producers undone.

CJK fonts embedded by browsers and office suites often map a glyph to a radical code
point rather than to the ideograph it looks like: 人 comes out as U+2F08 (KANGXI RADICAL
MAN) and 民 as U+2EA0 (CJK RADICAL CIVILIAN). A reader sees 人民; text search and the
recogniser's labels do not. Kangxi radicals are mapped by their Unicode compatibility
decomposition; the radicals supplement has none, so the radicals that have the form of a
whole simplified or traditional ideograph are mapped to it (Unicode's
EquivalentUnifiedIdeograph data). No-break spaces (`&nbsp;` in a printed page) are
spaces; a cell of whitespace only is empty.
"""

from __future__ import annotations

import unicodedata

_KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
_SUPPLEMENT = {
    0x2E9F: "母", 0x2EA0: "民", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC9: "贝",
    0x2ECB: "车", 0x2ED1: "長", 0x2ED3: "长", 0x2ED4: "门", 0x2ED8: "青", 0x2ED9: "韦",
    0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE2: "马", 0x2EE3: "骨",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEA: "黾", 0x2EEC: "齐", 0x2EEF: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
}
_TABLE = str.maketrans({**_KANGXI, **_SUPPLEMENT, 0x00A0: " ", 0x3000: " "})


def clean(text: str | None) -> str:
    """The text with radicals as ideographs, blank lines dropped, outer spaces stripped."""
    if not text:
        return ""
    lines = (line.strip() for line in text.translate(_TABLE).split("\n"))
    return "\n".join(line for line in lines if line)
