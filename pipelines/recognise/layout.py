"""Printed table structure that is no statutory content, undone before tokenising.

What belongs here: rules on the cells of a table as a reader gives them (rows kept),
about how agencies lay tables out rather than what the statute asks. Three today:

- invisible format characters (soft hyphen, zero-width space and joiner, BOM), which CMS
  editors put inside labels and numbers to break lines, are not printed text;
- an item number printed in a cell of its own ("1." | "属于国家秘密", "（三）" | "不予公开")
  is one label with the cell after it, unless that cell opens with a number of its own
  (a group label's piece "三、" beside "（一）予以公开");
- a 序号 column (a header cell 序号 first in its row) numbers the table's rows: the first
  cell of each later row of that table is its number, not a value, when it continues the
  numbering (1, 2, 3 … or a restart at 1), or is empty in a row that holds no value.
  A number that does not continue the numbering is kept, so a value is never dropped
  on the column's word alone;
- a 备注 column (a header cell 备注 last in its row): the last cell of each later row of
  that table is its note when it is empty, or words in a row of values; a number there
  is kept, and the row's count then says whether it fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from pipelines.document import TextCell
from pipelines.recognise.values import read_printed
from pipelines.textnorm import nfkc

_FORMAT_CHARS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"
                          r"|[一二三四五六七八九十]{1,3}\s*[、.．])\s*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"
                       r"|[一二三四五六七八九十]{1,3}\s*[、.．])")  # a label with its own number
_SEQUENCE_HEADERS = {"序号", "序", "编号", "序列号", "no", "no."}
_NOTE_HEADERS = {"备注", "说明", "备考", "附注"}
# HTML, DOCX and PDF refs ("table 2 row 5 …"), and drawn text tables' ("table 2 line 9 …")
_TABLE = re.compile(r"^((?:page \d+ )?table \d+) (?:row|line) ")


def tidy(cells: list[TextCell]) -> list[TextCell]:
    """The cells with layout-only structure undone (see the module docstring)."""
    if _FORMAT_CHARS.search("".join([c.text for c in cells])):  # rare: one scan for none
        cells = [_without_format_chars(c) for c in cells]
    cells = list(_items_joined(cells))
    rows = _rows(cells)
    kept = _without_sequence_columns(cells, rows)
    # the rows are found again only where cells were dropped (most tables number none)
    return _without_note_columns(kept, rows if len(kept) == len(cells) else _rows(kept))


def _without_format_chars(cell: TextCell) -> TextCell:
    if not _FORMAT_CHARS.search(cell.text):
        return cell
    return replace(cell, text=_FORMAT_CHARS.sub("", cell.text))  # keeps `cut`


def _is_value(text: str) -> bool:
    return read_printed(text).state != "unreadable"


def _items_joined(cells: list[TextCell]) -> Iterable[TextCell]:
    """An item-number cell joined with the label cell after it in the same printed row."""
    if not any(map(_ITEM_NUMBER.match, [c.text for c in cells])):  # most documents
        return cells
    return _joined(cells)


def _joined(cells: list[TextCell]) -> Iterable[TextCell]:
    i, n = 0, len(cells)
    while i < n:
        cell = cells[i]
        nxt = cells[i + 1] if i + 1 < n else None
        if (nxt is not None and cell.row is not None and nxt.row == cell.row
                and _ITEM_NUMBER.match(cell.text) and nxt.text.strip()
                and not _is_value(nxt.text) and not _NUMBERED.match(nxt.text)):
            yield TextCell(cell.text.strip() + nxt.text.strip(), cell.ref, cell.row)
            i += 2
            continue
        yield cell
        i += 1


def _rows(cells: list[TextCell]) -> list[list[int]]:
    """Indexes of the cells of each printed row, in order (rows kept by the reader)."""
    rows: list[list[int]] = []
    last = None  # the printed row of rows[-1]
    for i, cell in enumerate(cells):
        row = cell.row
        if row is None:
            continue
        if rows and last == row:
            rows[-1].append(i)
        else:
            rows.append([i])
            last = row
    return rows


def _table_of(cell: TextCell) -> str | None:
    m = _TABLE.match(cell.ref)
    return m.group(1) if m else None


def _header_word(text: str) -> str:
    """A header cell's word without spaces and line breaks: a narrow column of a drawn
    text table wraps 序号 as 序 / 号."""
    return re.sub(r"\s+", "", nfkc(text)).lower()


def _without_sequence_columns(cells: list[TextCell], rows: list[list[int]]) -> list[TextCell]:
    drop: set[int] = set()
    numbered: str | None = None  # the table whose rows are numbered
    last = 0
    for row in rows:
        first = cells[row[0]]
        table = _table_of(first)
        if table is None or table != numbered:
            numbered = None
        if table and _header_word(first.text) in _SEQUENCE_HEADERS and len(row) > 1:
            numbered, last = table, 0
            drop.add(row[0])
            continue
        if numbered is None or len(row) < 2:
            continue
        printed = read_printed(first.text)
        rest_has_value = any(_is_value(cells[i].text) and cells[i].text.strip()
                             for i in row[1:])
        if printed.state == "blank" and not rest_has_value:
            drop.add(row[0])
        elif printed.state == "number" and printed.whole in (last + 1, 1) and printed.unit is None:
            drop.add(row[0])
            last = printed.whole
    return [c for i, c in enumerate(cells) if i not in drop]


def _without_note_columns(cells: list[TextCell], rows: list[list[int]]) -> list[TextCell]:
    drop: set[int] = set()
    noted: str | None = None  # the table with a 备注 column
    for row in rows:
        last = cells[row[-1]]
        table = _table_of(last)
        if table is None or table != noted:
            noted = None
        if table and _header_word(last.text) in _NOTE_HEADERS and len(row) > 1:
            noted = table
            drop.add(row[-1])
            continue
        if noted is None or len(row) < 2:
            continue
        state = read_printed(last.text).state
        # words in a header row (总计 under a merge) are the table's, not notes
        data_row = any(read_printed(cells[i].text).state == "number" for i in row[:-1])
        if state == "blank" or (state != "number" and data_row):
            drop.add(row[-1])
    return [c for i, c in enumerate(cells) if i not in drop]
