"""Reading one printed cell value: number, sign, unit, or a printed non-number state.

Blank, dash, slash and 无 are states, not zero. A value is returned only when the text
is unambiguously a value of the cell's type; anything else is `unreadable`: that includes
what software prints in place of a number (`NaN`, `inf`, `1e5`, `=SUM(B2:B5)`, `#REF!`),
which is never read as the number it may stand for, and digits written as footnote
markers (3¹, 3①), which are never read into the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pipelines.textnorm import HAN_CHAR, UNIT, nfkc

_DASHES = {"-", "—", "–", "－", "―", "--", "——", "-—"}
_SLASHES = {"/", "／", "\\"}
_NONE_WORDS = {"无", "無"}
_NUMBER = re.compile(
    r"^(?P<sign>[+-])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<unit>{UNIT})?"
    r"(?P<note>\(.*\))?$"
)
_WHITESPACE = re.compile(r"\s+")
# Digits NFKC would fold into a number that are footnote or list markers: superscripts
# and subscripts (3¹), circled, parenthesised and stopped numbers (3①, ⑴, ⒈). "3①" is 3
# with a note, never 31: a cell printing one is unreadable, its text kept.
_MARKER_DIGITS = re.compile("[\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089"
                            "\u2460-\u249b\u24ea-\u24ff\u3251-\u325f\u32b1-\u32bf]")
_SIMPLIFIED_UNITS = {"萬元": "万元", "個": "个", "項": "项", "條": "条"}  # traditional reports


@dataclass(frozen=True)
class Printed:
    """What a cell printed: a state, and for numbers the parsed number and unit."""

    state: str  # number | blank | dash | slash | none_word | unreadable
    number: Decimal | None = None
    unit: str | None = None
    annotated: bool = False
    # The number when it is printed as a whole number, no decimal point (most cells:
    # counts), derived from `number`.
    whole: int | None = field(default=None, compare=False)


@lru_cache(maxsize=1 << 14)
def read_printed(text: str) -> Printed:
    """What a cell printed (cached: cell texts such as 0, 1 and blanks repeat in every
    report; Printed is immutable, so one instance can be shared)."""
    if _MARKER_DIGITS.search(text):
        return Printed("unreadable")
    s = _WHITESPACE.sub("", nfkc(text))
    if not s:
        return Printed("blank")
    if s in _DASHES:
        return Printed("dash")
    if s in _SLASHES:
        return Printed("slash")
    if s in _NONE_WORDS:
        return Printed("none_word")
    m = _NUMBER.match(s)
    if not m:
        return Printed("unreadable")
    try:
        number = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:
        return Printed("unreadable")
    if m["sign"] == "-":
        number = -number
    # A count is printed without a decimal point: `2.0` is no count of 2 but a sign the
    # text is not what it seems (pdftotext's `2.` item number pushed against a `0`).
    whole = int(number) if "." not in m["num"] else None
    unit = _SIMPLIFIED_UNITS.get(m["unit"], m["unit"])
    return Printed("number", number, unit, m["note"] is not None, whole)


def looks_like_value(text: str) -> bool:
    """Whether a cell's text is a printed value (anything but unreadable)."""
    return read_printed(text).state != "unreadable"


# A table's rule drawn in text (a pandoc table's dash runs, wrapped over lines when the
# table is wider than the page): rule characters only, one run at least five long.
_RULE = re.compile(r"^(?=.*[-=]{5})[-=+:\s]+$", re.S)


def may_stand_for_value(text: str) -> bool:
    """Whether text that is no value could still be printed in a value cell's place: it
    holds no Chinese (a label or a note has some) and is not empty, e.g. `NaN`, `inf`,
    `1e5`, `=SUM(B2:B5)`, `#REF!`, `?`. Only the grid decides that it is a value: where a
    row needs exactly that many cells. A drawn rule (`-----  -----`) is no cell's print:
    pandoc's nested table closed by a rule wrapped over five lines, taken for 三's 总计,
    filled the row and moved 总计's 379 under 其他 (an invented number)."""
    s = text.strip()
    return (bool(s) and HAN_CHAR.search(s) is None and read_printed(s).state == "unreadable"
            and not _RULE.match(s))
