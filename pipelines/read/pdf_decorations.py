"""Text decorations drawn as thin rules (a link's underline, a strikethrough), which are
no table rulings.

Browsers draw a link's underline (and `text-decoration` lines) as a thin filled rectangle
along the glyphs of the run it decorates, from its first glyph to its last: inside a
Latin font's glyph boxes (which reach below the baseline), just under a CJK font's.
pdfplumber turns it into a horizontal edge like any border. Inside a table cell, the
open ends of the underlines of two cells' numbers of one width, one above the other,
were closed by `pdf_edges` into a column ruling through the cells below, cutting a
number in two (`398575` | `8` for 3985758). A table's ruling never runs along the
glyphs of one run of text from its first glyph to its last: a row border spans the
cell's padding too, and lies between lines of text. So a thin horizontal rule under
the glyphs of one run (or through their lower half, a strikethrough), from its first
glyph to its last (within `_END` at either end), with no gap between them, is taken
off the page before its tables are found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from pdfplumber.page import Page

_THIN = 1.5  # points: a decoration is a hairline, a border of a thick frame is not taken
_END = 1.0  # points: the rule starts and ends with the glyphs it decorates
_MIDDLE = 0.4  # of the glyph's height: a strikethrough or an underline is below this
_BELOW = 0.15  # of the glyph's height: an underline is no further below a glyph's box


def _rules(page: Page) -> list[dict]:
    """The page's thin horizontal rectangles and lines."""
    return [o for o in (*page.rects, *page.lines)
            if o["bottom"] - o["top"] <= _THIN and o["x1"] - o["x0"] > _THIN]


def _under(rule: dict, char: dict) -> bool:
    """Whether the rule lies in the glyph's lower half or just under its box: a Latin
    font's box reaches below the baseline and holds the underline, a CJK font's ends at
    the baseline and the underline is drawn just beneath it."""
    size = char["bottom"] - char["top"]
    return (char["top"] + _MIDDLE * size < rule["top"]
            and rule["bottom"] < char["bottom"] + _BELOW * size)


def _crosses_glyphs(rule: dict, chars: list[dict]) -> bool:
    """Whether glyph boxes cover the rule from end to end, the rule under them."""
    crossed = sorted((c["x0"], c["x1"]) for c in chars
                     if _under(rule, c) and c["x1"] > rule["x0"] and c["x0"] < rule["x1"])
    if not crossed or abs(crossed[0][0] - rule["x0"]) > _END:
        return False
    reach = crossed[0][1]
    for x0, x1 in crossed[1:]:
        if x0 > reach + _END:
            return False  # a gap between glyphs the rule runs across: not one run's
        reach = max(reach, x1)
    return abs(reach - rule["x1"]) <= _END


def without_decorations(page: Page) -> Page:
    """The page without the rules that decorate text (itself where there are none)."""
    rules = _rules(page)
    if not rules:
        return page
    chars = sorted((c for c in page.chars if c["text"].strip()), key=lambda c: c["top"])
    tops = [c["top"] for c in chars]
    tallest = max((c["bottom"] - c["top"] for c in chars), default=0.0)
    decorations = set()
    for rule in rules:  # only the glyphs whose box may reach down to the rule
        reach = tallest * (1 + _BELOW)
        near = chars[bisect_left(tops, rule["top"] - reach):bisect_right(tops, rule["top"])]
        if _crosses_glyphs(rule, near):
            decorations.add(id(rule))
    if not decorations:
        return page
    return page.filter(lambda obj: id(obj) not in decorations)
