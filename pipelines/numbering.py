"""How the statutory tables number their labels, declared once for every reader and the
recogniser: a row's item number (`1.`, `2、`), a group's (`（一）`), a section's (`一、`).

What belongs here: patterns of the numbering itself and the rules stated only in its
terms (a label opening a numbered item; another row's item number on the same line). A
reader decides where a label starts by them; the recogniser decides whose label a joined
text is. Like `textnorm`, it is the ground floor: it imports nothing of the project but
`textnorm`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipelines.textnorm import nfkc

# A label opening with its number, as printed (full-width forms too): `1.` `2、` `（三）` `四、`.
ITEM_START = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]"
                        r"|[一二三四五六七八九十]+、)")
# An item number of any level, as the recogniser reads it (spaces inside allowed):
# alone in its cell (`ITEM_NUMBER`), or opening a label (`NUMBERED`).
_ANY_NUMBER = (r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"
               r"|[一二三四五六七八九十]{1,3}\s*[、.．])")
ITEM_NUMBER = re.compile(_ANY_NUMBER + r"\s*$")
NUMBERED = re.compile(_ANY_NUMBER)
ROW_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.、．]\s*$")  # a row's item number, alone
# A row's item number (`2.其他`, `4.`), never a decimal number's point (`4.5`); a group's
# is `（三）` or `三、`. Asked of NFKC text, so `．` is `.`.
_ROW_ITEM = re.compile(r"(?<!\d)\d{1,2}\s*[.、](?!\d)")


def opens_row_item(text: str) -> bool:
    """Whether the text opens with a row's item number (`4.保护第三方合法权益`, `4.`)."""
    return bool(_ROW_ITEM.match(nfkc(text.strip())))


def holds_row_item(text: str) -> bool:
    """Whether a row's item number prints anywhere in the text (`（四）无2.没有`)."""
    return bool(_ROW_ITEM.search(nfkc(text)))


def item_beside(before: Iterable[str]) -> bool:
    """Whether another row's numbered label prints on a label's line before it.

    Two rows' labels on one line over one row of values (`1.信访举报投诉类申请 2.重复申请`
    over `（五）不予 1 1`; `（三）不予 4.保护… 5.属于三类内` over the values alone) are a
    span broken in its cells: either row may own the values, so neither is joined to
    them. A group label's piece beside the row's (`（三）不予`, `（四`) is none. Asked by
    every path that joins a label's lines: the reader of laid-out text
    (`read/text_columns`) and the recogniser's join around a group label
    (`recognise/layout`).
    """
    return any(opens_row_item(text) for text in before)
