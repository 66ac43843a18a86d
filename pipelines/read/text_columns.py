"""Rows of a space-aligned table read back from text laid out by position.

What belongs here: reading a table printed with no walls at all in text that keeps the
page's layout (`pdftotext -layout`, crawlers that do the same), from where its words
start and end (character index on their line). Such text breaks a table's rows and
labels over lines, and puts a value roughly, not exactly, under its column's header: a
line's wide CJK glyphs shift what follows by a few characters. So positions are used
only to tell columns and wrapped label lines apart, never alone to pick a value's cell.

- Split rows: a row whose values pdftotext prints at two heights (`（二）部分公开…情 447 7`
  over `形，…） 0 0 0 0 454`) is one row again when the two lines are adjacent, the
  second's label starts no numbered item, the first's values all end before the
  second's begin, and together they print exactly as many values as the fullest row
  near them; where those are of another block (every row of its own has a blank or is
  split, as 行政事业性收费, alone in its block), as many as its block's fullest row or its
  header's column names right of its label, whichever is more. (Two distinct rows
  that happen to fit keep two distinct labels, joined into one the recogniser matches
  to no statutory row: never a wrong row.) The second line's group labels' pieces,
  left of the row's label (`三、本年 法提供` beside `0 5 2 77`), stay a line of their
  own; one opening a numbered item (`三、`) is a piece only where its column goes on
  below it (`度办理结`), as a wrapped group label's does and a short row label's
  (`（七）总计`) does not.
- Wrapped labels (`labels_joined`): a row's label is the last label word of its value
  line; group labels wrap on their own, left of it, on the same lines. In a numbered
  table the label runs from the line its item number starts on, through the lines in
  its column, to the line before the next item; an unnumbered label starts on the
  label-only lines directly above its values (a centred label prints its first part
  above them) and takes a line below only when it cannot be the next row's start.
  An item number printed after its label's first line (`没有   2.`: the digits' font
  on another baseline) is put back in front of it (`items_in_front`). A numbered label
  goes on over a page break: past the page's running lines (`PrintedRow.furniture`,
  read/text_pages.py), in the next page's column, which pdftotext lays out on a grid
  of its own, a few characters off (`_tail_column`).
- An amount whose unit wraps around it in a narrow cell (`万` above `7539.443252`, `元`
  below, each over the amount's characters give or take the drift) is printed with its
  unit again.
- A cell printed over several lines (a `<br>` inside a number, full-width digits a
  narrow column wraps: `４４` over `７` for 447, a number wrapped at its thousands
  separator) marks its row's values `stacked` (`stacked_marked`): which line's pieces
  make the number the layout does not say. Its lower lines are lines of values alone,
  or values under the row's beside nothing but label pieces: a group label's, the row's
  numbered label's wrapped end (`形）`), its item number printed off its line (`8.`).
  A line whose label may start a row of its own is one.
- Lost blanks are not placed by position: pdftotext prints nothing for an empty cell,
  and a value's drift of a few characters can put it under its neighbour's header,
  which no identity would notice (a row's sum is the same in any column). A row with
  fewer values than columns is left as printed: the recogniser's solver places its
  values where the counts or identities fix them, or leaves them null.

Only rows whose line parts its words by runs of spaces (`PrintedRow.spaced`) are read by
position, and only in text where most rows do (`is_laid_out`): a dump that parts its
cells by single spaces (lynx's rows) says nothing by where a word starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipelines.numbering import ITEM_START, ROW_NUMBER, item_beside, opens_row_item

_WORD = re.compile(r"\S+")
# A note under or in a table (`注：本表数据…`, `说明：…`): a line opening with the marker
# starts its own text, never a label's wrapped part. The note row spans the table, so
# text tools print it flush with the labels' column, where a label's last lines print.
NOTE = re.compile(r"^(?:注|备注|附注|说明)\s*\d*\s*[：:]")
_VALUE_START = re.compile(r"[-+]?\d")
# A number's tail a narrow cell wrapped at its thousands separator (`1,289` over `,288`).
THOUSANDS_TAIL = re.compile(r"[,，]\d+")
# A number's tail a line break put before its decimal point (`3<br>.95万元`: `3` over
# `.95万元`), with the unit an amount prints.
DECIMAL_TAIL = re.compile(r"\.\d+(?:万元|元)?")
_UNITS = {"万元", "元", "亿元"}  # units an amount's cell wraps around it
_UNIT_PIECES = {"万", "元", "亿", "万元", "亿元"}
_SOFT_HYPHEN = "\u00ad"
_GAP = re.compile(r"\S {2,}\S")  # words kept apart by the layout, not by one space
_WRAP = 16  # lines a label wraps over, above or below its values
_SLACK = 2  # characters: label lines of one column start this near each other
_NEAR = 12  # value rows this near are of one table, for its width
_TABLE_LINES = 40  # lines a table's row with its cells over lines finds a full row within
_GROUP_GAP = 2  # lines below a group label's piece its next piece prints within
_WHOLE = re.compile(r"\d{1,3}")  # a 序号 column's number
_WHOLE_NUMBER = re.compile(r"0|[1-9]\d*|[０]|[１-９][０-９]*")  # a count, no leading zero


@dataclass
class Word:
    text: str
    start: int  # character index of its first character on its line
    end: int  # character index after its last
    stacked: bool = False  # a value of a printed row with a cell over several lines
    by_position: bool = False  # a cell's pieces over lines joined by their column alone
    misordered: bool = False  # printed out of its order with the next or last (text_swaps)

    def shares(self, other: Word) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class PrintedRow:
    """A printed line (two, once a split row is joined): its label words and value words."""

    lines: list[int]
    labels: list[Word]
    values: list[Word] = field(default_factory=list)
    spaced: bool = False  # its words are parted by runs of spaces: it keeps the layout
    moved: bool = False  # its words were joined to another row's label: no empty line
    furniture: bool = False  # a page's running header or footer (read/text_pages.py)
    page_break: bool = False  # the line opens a page (a form feed starts it)


def printed_row(no: int, line: str, is_value: Callable[[str], bool]) -> PrintedRow:
    """The line's trailing run of values, and the words before it as its labels."""
    words = _items_kept(words_of(line))
    k = len(words)
    while k > 0 and is_value(words[k - 1].text):
        k -= 1
    return PrintedRow([no], words[:k], words[k:], spaced=bool(_GAP.search(line.strip())))


def words_of(line: str) -> list[Word]:
    """The line's words where they print; a soft hyphen (U+00AD) is no text of a word,
    and a word of soft hyphens alone none: a browser's print of a label with a soft
    hyphen after every character keeps them in pdftotext's text (`1\xad.\xad本\xad机`),
    where no item number would be seen. Positions stay as printed."""
    out = []
    for m in _WORD.finditer(line):
        text = m.group().replace(_SOFT_HYPHEN, "")
        if text:
            out.append(Word(text, m.start(), m.end()))
    return out


def _items_kept(words: list[Word]) -> list[Word]:
    """A row's bare item number one space before its label's text (`5. 要求`) one word
    with it, unless that text is a value or opens with a number of its own. Group
    numbers (`（三）`, `三、`) are not taken: a group label prints one space before the
    row labels' column (`（三） 法权`)."""
    out: list[Word] = []
    for word in words:
        prev = out[-1] if out else None
        if (prev is not None and ROW_NUMBER.match(prev.text) and word.start == prev.end + 1
                and not ITEM_START.match(word.text) and not _VALUE_START.match(word.text)):
            out[-1] = Word(prev.text + word.text, prev.start, word.end)
        else:
            out.append(word)
    return out


def is_laid_out(rows: list[PrintedRow]) -> bool:
    """Whether most rows with several values part their words by runs of spaces."""
    many = [r for r in rows if len(r.values) >= 2]
    return len(many) >= 3 and 3 * sum(r.spaced for r in many) >= 2 * len(many)


def _group_pieces(upper: PrintedRow, lower: PrintedRow, below: PrintedRow | None
                  ) -> list[Word]:
    """The lower line's words that are group labels' pieces: ending left of the upper
    row's own label, in the columns of the labels over its group (`三、本年` and `法提供`
    beside the values of `（四）无 2.没有现成信息需要另行制作`'s second line). A piece
    opening a numbered item is a group label's first line only where the next line
    below (past an empty one) goes on in its column with no item (`度办理结`): a short
    row label of its own (`（七）总计`) prints there too."""
    if not upper.labels:
        return []
    start = upper.labels[-1].start
    return [w for w in lower.labels if w.end < start and (
        not ITEM_START.match(w.text) or (below is not None and any(
            _same_column(v, w) and not ITEM_START.match(v.text) for v in below.labels)))]


def _joined(upper: PrintedRow, lower: PrintedRow, width: int,
            below: PrintedRow | None = None, runs: bool = False, apart: int = 1
            ) -> tuple[PrintedRow, list[Word]] | None:
    """The two lines as one row, if the lower continues the upper's (module docstring),
    and the lower's group labels' pieces (`_group_pieces`; `below`, the line under the
    lower), a line of their own. On a page whose words may be several cells run together
    (`runs`, text_runs.py), a row's words are no count of its cells: the two print no
    more than `width` where the lower goes on the upper's label."""
    pieces = _group_pieces(upper, lower, below)
    count = len(upper.values) + len(lower.values)
    if (not upper.values or not lower.values or len(upper.lines) != 1
            or lower.lines[0] != upper.lines[-1] + apart
            or not (count == width or (runs and count < width and lower.labels))
            or any(ITEM_START.match(w.text) for w in lower.labels if w not in pieces)
            or upper.values[-1].end >= lower.values[0].start):
        return None
    labels = list(upper.labels)
    rest = [w for w in lower.labels if w not in pieces]
    if labels and rest and rest[0].start >= labels[-1].start - _SLACK:
        labels[-1] = _concat(labels[-1], rest.pop(0))
    return PrintedRow(upper.lines + lower.lines, labels + rest, upper.values + lower.values,
                      spaced=True), pieces


def _same_column(a: Word, b: Word) -> bool:
    return abs(a.start - b.start) <= _SLACK


def _concat(first: Word, then: Word) -> Word:
    return Word(first.text + then.text, first.start, max(first.end, then.end))


def _opens_header(rows: list[PrintedRow], k: int) -> bool:
    """Whether line k may be a table's header line: no values, several words (one long
    word is a heading or prose)."""
    return k < len(rows) and not rows[k].values and len(rows[k].labels) > 1


def _above(rows: list[PrintedRow], i: int, own: Word | None) -> tuple[list[int], Word | None]:
    """The lines above value row i its label starts on (nearest first), up to and with the
    one whose last word starts a numbered item, through label-only and empty lines in
    one column; none if no such line. `own`, the row's own label, is left out of the
    label when it prints left of that column (a group label's piece)."""
    col = own
    found: list[int] = []
    k = i - 1
    while k >= 0 and i - k <= _WRAP and not rows[k].values:
        if rows[k].labels:
            word = rows[k].labels[-1]
            if col is None or _same_column(word, col):
                col = word
            elif col is own and own.end <= word.start + _SLACK:
                col, own = word, None  # the row's own label prints in a group column
            else:
                return [], own
            found.append(k)
            if ITEM_START.match(word.text):
                return ([], own) if _items_side_by_side(rows[k]) else (found, own)
        k -= 1
    return [], own


def _items_side_by_side(row: PrintedRow) -> bool:
    """Whether label line `row`, whose last word starts a numbered row's label, prints
    another numbered row's label before it (`numbering.item_beside`: `（三）不予
    4.保护第三方合法权益 5.属于三类内` over `公开  部事务信息` over the values alone)."""
    return opens_row_item(row.labels[-1].text) and item_beside(w.text for w in row.labels[:-1])


def _below(rows: list[PrintedRow], i: int, label: Word, numbered: bool) -> list[int]:
    """The lines below value row i its label wraps onto: in a numbered table, the
    label-only lines in its column down to the next item, note (`NOTE`), value row or
    header (empty lines passed over; a page break's furniture too, the next page's
    column found again: `_tail_column`); else the line directly below, when no longer
    than the label's part on the value line (a label fills its line before it wraps: a
    longer line is the next heading) and not followed by a header (then it is the next
    table's caption)."""
    first = rows[i].values[0].start
    found: list[int] = []
    k = i + 1
    paged = False  # past a page break's furniture: the next page's grid of characters
    passed = 0  # the page break's lines, which are none of the label's
    while k < len(rows) and k - i - passed <= _WRAP and not rows[k].values:
        if rows[k].furniture and numbered:
            paged = True  # a page break's footer and header: the label goes on below them
            passed += 1
        elif paged and not rows[k].labels:
            passed += 1
        elif rows[k].labels:
            word = rows[k].labels[-1]
            paged = paged or (rows[k].page_break and numbered)
            if paged and _tail_column(rows, k, word):
                first += word.start - label.start  # the values' column moved as much
                label = Word(label.text, word.start, word.end)
            paged = False
            if (ITEM_START.match(word.text) or NOTE.match(rows[k].labels[0].text)
                    or not _same_column(word, label)
                    or any(w.end > first for w in rows[k].labels)):
                break
            if not numbered:
                short = len(word.text) <= len(label.text)
                return [k] if (short and not _opens_header(rows, k + 1)
                               and not _starts_next(rows, k, word)) else []
            found.append(k)
        elif rows[k].lines and not numbered:
            return []  # an empty line (not the place of a joined row's second line)
        k += 1
    return found


def _tail_column(rows: list[PrintedRow], k: int, word: Word) -> bool:
    """Whether label-only line k, the first under a page break, opens a numbered label's
    tail in its own column: pdftotext lays out each page on a grid of its own, so the
    label's column moves by a character or more over the break. Its lines, label-only,
    no item, in one column, run down to the next row's item in that column (`过程` /
    `性信` / `息` / `7.属于`), empty lines passed over: lines no row of their own. A
    group label wrapped beside it goes on over the break too, its pieces left of the
    tail's (`予公   家秘` / `开    密` / `2.其 0 0 …`)."""
    j = k
    while j < len(rows) and j - k <= _WRAP and not rows[j].values and (
            not rows[j].labels or _tail_line(rows[j].labels, word)):
        j += 1
    return (j < len(rows) and bool(rows[j].labels) and _same_column(rows[j].labels[-1], word)
            and bool(ITEM_START.match(rows[j].labels[-1].text)))


def _tail_line(labels: list[Word], word: Word) -> bool:
    """Whether a label-only line's last word goes on a label's tail in `word`'s column,
    no item, the line's other words (a group label's pieces) all left of it."""
    last = labels[-1]
    return (_same_column(last, word) and not ITEM_START.match(last.text)
            and all(w.end <= last.start for w in labels[:-1]))


def _starts_next(rows: list[PrintedRow], k: int, word: Word) -> bool:
    """Whether label-only line k may start the next value row's label: the lines from it
    down, label-only in its column, run into a value row (`规章 1 0 11` / `行政` / `规范`
    / `性文 8 26 66`). Left as printed then: the recogniser joins the lines where exactly
    one join names a statutory row (recognise/layout.py)."""
    j = k + 1
    while (j < len(rows) and j - k <= _WRAP and not rows[j].values
           and len(rows[j].labels) == 1 and _same_column(rows[j].labels[0], word)):
        j += 1
    return _labels_values(rows, j, word) or (j < len(rows) and j > k + 1
                                             and bool(rows[j].values) and not rows[j].labels)


def _labels_values(rows: list[PrintedRow], k: int, word: Word) -> bool:
    """Whether line k is a value row with its label in `word`'s column: `word`, just
    above it, is where that row's label starts (a centred label prints its first part
    above its values)."""
    return (k < len(rows) and bool(rows[k].values) and bool(rows[k].labels)
            and _same_column(rows[k].labels[-1], word))


def _unnumbered_above(rows: list[PrintedRow], i: int, own: Word) -> list[int]:
    """The label-only lines directly above value row i in its label's column, nearest
    first, up to an empty line or a header line (a table's first lines); none when
    they run up to another value row."""
    first = rows[i].values[0].start
    found: list[int] = []
    k = i - 1
    while (k >= 0 and i - k <= _WRAP and not rows[k].values and len(rows[k].labels) == 1
           and _same_column(rows[k].labels[-1], own)
           and rows[k].labels[-1].end <= first and not ITEM_START.match(rows[k].labels[-1].text)):
        found.append(k)
        k -= 1
    if found and k >= 0 and rows[k].values:
        # directly under another value row the lines may as well end that row's label
        # (行政 396 / 许可 / 其他 / 对外 / 管理 10): left as printed, for the recogniser to
        # join where exactly one join names a statutory row (recognise/layout.py)
        return []
    return found if _wrapped_alike([rows[q].labels[-1] for q in reversed(found)], own) else []


def _wrapped_alike(above: list[Word], own: Word) -> bool:
    """Whether label lines `above` and the value row's own label `own` may be one label
    wrapped in its cell: a cell's text fills every line but its last, so the lines above
    the last are as wide as each other, and no narrower than the last (`_SLACK` either
    way: a line may break before a wide character). Lines of other widths are labels
    of their own: rows whose values print blank (a page printing its zeros blank, no
    item numbers) print as label lines over the next row's values
    (`申请人逾期未按收费通知要求缴纳费用、…申请` / `其他` / `总计 1 1 2`)."""
    widths = [w.end - w.start for w in above]
    return (max(widths, default=0) - min(widths, default=0) <= _SLACK
            and all(width + _SLACK >= own.end - own.start for width in widths))


def _taken(row: PrintedRow) -> Word:
    """The line's last label word, taken for another row's label."""
    word = row.labels.pop()
    row.moved = not (row.labels or row.values)
    return word


def items_in_front(rows: list[PrintedRow]) -> list[PrintedRow]:
    """A row label's item number printed after its first line's text (`没有  2.`, `要求
    5.`: the digits' font sits on another baseline, and pdftotext ends the line with
    them) put back in front of it (`2.没有`), where the line prints no value and the
    next line below (past an empty one) goes on in that text's column with no item of
    its own: the label's wrapped lines. A group label's piece before a row's item
    printed alone (`（三） 4.`) is in another column than the row label's lines below."""
    for i, row in enumerate(rows):
        if (row.values or len(row.labels) < 2 or not ROW_NUMBER.match(row.labels[-1].text)
                or row.labels[-2].end > row.labels[-1].start):
            continue
        text = row.labels[-2]
        below = next((r for r in rows[i + 1:i + 1 + _GROUP_GAP] if r.labels or r.values), None)
        if (below is not None and below.labels and _same_column(below.labels[-1], text)
                and not ITEM_START.match(below.labels[-1].text)):
            item = row.labels.pop()
            row.labels[-1] = Word(item.text + text.text, text.start, text.end)
    return rows


def item_between(rows: list[PrintedRow], k: int) -> bool:
    """Whether line k is a row label's item number printed on a line of its own between
    its label's first two lines (`要求行政机关确认或重新出具已 1` / `5.` / `获取信息 0 0 …`:
    the digits' font sits lower than the first line's glyphs, and pdftotext gives them a
    line between): the lines directly above and below print their last label word in
    its column, neither with an item of its own. Digits printed lower than a label's
    first line are never the line below's."""
    words = _lone_item(rows, k, 1)
    if words is None:
        return False
    item, text, then = words
    return (_same_column(text, item) and _same_column(then, item)
            and not ITEM_START.match(text.text) and not ITEM_START.match(then.text))


def _lone_item(rows: list[PrintedRow], k: int, first: int) -> tuple[Word, Word, Word] | None:
    """Line k's item number, printed alone between two lines of labels (the one above a
    single printed line), with their last label words; None for any other line, or for
    k before `first`."""
    if not first <= k < len(rows) - 1:
        return None
    row, upper, lower = rows[k], rows[k - 1], rows[k + 1]
    if (row.values or len(row.labels) != 1 or not ROW_NUMBER.match(row.labels[0].text)
            or not upper.labels or not lower.labels or len(upper.lines) != 1):
        return None
    return row.labels[0], upper.labels[-1], lower.labels[-1]


def item_apart_between(rows: list[PrintedRow], k: int) -> bool:
    """Whether line k is a row's item number printed in a column of its own (`2.` /
    `其他法律…`: a cell of its own) on a line of its own between its label's first two
    lines, where the number is centred in its cell (`其他法律行政法规禁止公 30 1` / `2.` /
    `开 0 0 0 0 31`): the lines directly above and below print their last label word in
    one column right of it, neither with an item of its own; the column the number
    prints in holds item numbers (the nearest line above or below with a word there
    prints one); the line above is the label's first (no label-only line above it goes
    on in its column): a number centred on a longer label prints beside its middle."""
    words = _lone_item(rows, k, 2)
    if words is None:
        return False
    item, text, then = words
    above = rows[k - 2]
    return (_same_column(text, then) and item.end < min(text.start, then.start)
            and not ITEM_START.match(text.text) and not ITEM_START.match(then.text)
            and not (above.labels and not above.values
                     and _same_column(above.labels[-1], text))
            and (_column_item(rows, k, -1, item) or _column_item(rows, k, 1, item)))


def _nearest(rows: list[PrintedRow], k: int, step: int,
             pick: Callable[[PrintedRow], Word | None]) -> Word | None:
    """The word `pick` finds on the nearest line from k in direction `step` (within
    _WRAP) where it finds one."""
    j = k + step
    while 0 <= j < len(rows) and abs(j - k) <= _WRAP:
        if (word := pick(rows[j])) is not None:
            return word
        j += step
    return None


def _column_item(rows: list[PrintedRow], k: int, step: int, item: Word) -> bool:
    """Whether the nearest line from k in direction `step` (within _WRAP) with a word
    in `item`'s column prints a row's item number there (`1.`, or `1.属于…` where the
    label follows one space after it)."""
    word = _nearest(rows, k, step, lambda row: next(
        (w for w in row.labels + row.values if _same_column(w, item)), None))
    return word is not None and opens_row_item(word.text)


def number_between(rows: list[PrintedRow], k: int) -> int | None:
    """The line (k - 1 or k + 1) whose row a 序号 column's number printed on line k, a
    line of its own, numbers, if it is one: a tall row's number prints at its middle,
    between its lines (`（二）部分公开（区分处理的，只计 1 0 0 0` / `4` / `这一情形，… 0 0 1`;
    `2.其他法律行政法规禁止` / `6` / `公开 0 0 0 …`). A whole number alone on its line,
    the nearest lines above or below that print a word in its column printing there the
    number before or after it (the column numbers rows), the line above or below
    directly, every word right of it, no number of its own in its column: the one that
    prints values, the upper where both do (a split row's first line)."""
    if not 0 < k < len(rows) - 1:
        return None
    row = rows[k]
    if row.labels or len(row.values) != 1 or not _WHOLE.fullmatch(row.values[0].text):
        return None
    number, n = row.values[0], int(row.values[0].text)
    if not (_numbers(rows, k, -1, number, n - 1) or _numbers(rows, k, 1, number, n + 1)):
        return None
    lines = [j for j in (k - 1, k + 1) if rows[j].labels and len(rows[j].lines) == 1
             and all(w.start > number.end for w in rows[j].labels + rows[j].values)]
    valued = [j for j in lines if rows[j].values]
    return valued[0] if valued else None


def _numbers(rows: list[PrintedRow], k: int, step: int, number: Word, want: int) -> bool:
    """Whether the nearest line from k in direction `step` (within _WRAP) whose first
    word prints in `number`'s column prints `want` there."""
    def first_in_column(row: PrintedRow) -> Word | None:
        words = row.labels + row.values
        return words[0] if words and _same_column(words[0], number) else None

    word = _nearest(rows, k, step, first_in_column)
    return word is not None and word.text == str(want)


def items_between(rows: list[PrintedRow]) -> list[PrintedRow]:
    """A row's number printed on a line of its own between the row's lines put back: an
    item number between its label's first two lines (`item_between`) in front of the
    first (`5.要求…`), or before it where it prints in a column of its own
    (`item_apart_between`); a 序号 column's number (`number_between`) first on its row's line.
    Where the line above took it, its line is left `moved`, so that a row split over the
    two lines is joined across it (`rows_joined`); a number the line below took parts
    two rows."""
    for k in range(1, len(rows) - 1):
        if item_between(rows, k):
            text = rows[k - 1].labels[-1]
            rows[k - 1].labels[-1] = Word(_taken(rows[k]).text + text.text, text.start,
                                          text.end)
        elif item_apart_between(rows, k):
            rows[k - 1].labels.insert(len(rows[k - 1].labels) - 1, _taken(rows[k]))
        elif (target := number_between(rows, k)) is not None:
            rows[target].labels.insert(0, rows[k].values.pop())
            # a row's first line took it: the line below may be its second
            rows[k].moved = target == k - 1
    return rows


def labels_joined(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Row labels wrapped onto the lines around their values joined back (rows: one per
    line, in order; a row joined from two lines leaves the second empty). The row's label
    is its last label word; group labels, wrapped on their own, print left of it, on the
    same lines. Above: the lines up to the one the label's numbered item starts on
    (`_above`), when the row's own label starts none. Below: `_below`. Each line gives
    its last word, once."""
    for i, row in enumerate(rows):
        if not row.values or not row.spaced:
            continue
        own = row.labels[-1] if row.labels else None
        if own is None or not ITEM_START.match(own.text):
            lines, own_kept = _above(rows, i, own)
            if not lines and own is not None:
                lines, own_kept = _unnumbered_above(rows, i, own), own
            if lines:
                words = [_taken(rows[k]) for k in reversed(lines)]
                label = words[0]
                for word in words[1:]:
                    label = _concat(label, word)
                if own_kept is not None:
                    row.labels[-1] = _concat(label, own_kept)
                else:
                    row.labels.append(label)
        if not row.labels:
            continue
        label = row.labels[-1]
        for k in _below(rows, i, label, bool(ITEM_START.match(label.text))):
            row.labels[-1] = label = _concat(label, _taken(rows[k]))
    return rows


def _width(rows: list[PrintedRow], i: int) -> int:
    """The table's width for row i: the most values a value row near it prints; but when
    the nearest full rows are of another block (each row of row i's block has a blank or
    is split), the most of its own rows and of its header's columns (`_header_block`)."""
    near = max(len(r.values) for r in rows[max(0, i - _NEAR):i + _NEAR + 1])
    block = _header_block(rows, i)
    if block is None:
        return near
    own, header = block
    return near if own == near else max(own, header)


def _header_block(rows: list[PrintedRow], i: int) -> tuple[int, int] | None:
    """(the most values a row of row i's block prints, its header's value columns), where
    row i - 1 (the upper line of a split row) has a label and a header line lies above it
    within _NEAR lines. The header's value columns: on the header's lines (the label-only
    lines around it), the most words starting right of the row's label (a column's name
    wraps over lines, one word a line; the names over the labels start under them)."""
    upper = rows[i - 1]
    if not upper.labels:
        return None
    end = upper.labels[-1].end
    top = next((k for k in range(i - 2, max(-1, i - 1 - _NEAR), -1)
                if _opens_header(rows, k) and any(w.start >= end for w in rows[k].labels)),
               None)  # a group label's line left of the values is no header
    if top is None:
        return None
    first, last = top, top
    while first > 0 and rows[first - 1].labels and not rows[first - 1].values:
        first -= 1
    while last + 1 < i - 1 and rows[last + 1].labels and not rows[last + 1].values:
        last += 1
    header = max(sum(w.start >= end for w in rows[k].labels) for k in range(first, last + 1))
    below = next((k for k in range(i + 1, min(len(rows), i + _NEAR + 1))
                  if _opens_header(rows, k)), min(len(rows), i + _NEAR + 1))
    own = max(len(r.values) for r in rows[last + 1:below])
    return own, header


def rows_joined(rows: list[PrintedRow], runs: bool = False) -> list[PrintedRow]:
    """Rows split over two lines joined (module docstring); the second line's place is
    left empty, so that rows stay one per line. `runs`: see `_joined`."""
    for i in range(1, len(rows)):
        # the upper line: the one above, or past an item number moved off its own line
        j = i - 2 if i > 1 and rows[i - 1].moved else i - 1
        if rows[i].values and rows[j].values and (rows[i].spaced or rows[j].spaced):
            below = next((r for r in rows[i + 1:i + 1 + _GROUP_GAP] if r.labels or r.values),
                         None)  # pdftotext may print an empty line between two pieces
            joined = _joined(rows[j], rows[i], _width(rows, i), below, runs, i - j)
            if joined is not None:
                rows[j] = joined[0]
                # the second line's place: no line, or its group labels' pieces alone, a
                # line as the pieces above and below them in their columns are
                rows[i] = (PrintedRow(rows[i].lines, joined[1], spaced=True) if joined[1]
                           else PrintedRow([], []))
    return rows


def _unit_piece(rows: list[PrintedRow], k: int, value: Word) -> Word | None:
    """The one word over the values of label-only line k, if it lies over `value` (give or
    take the columns' drift) and is a piece of a unit (万 of 万元)."""
    if not 0 <= k < len(rows) or rows[k].values:
        return None
    over = [w for w in rows[k].labels if w.end > value.start - _SLACK]
    near = Word(value.text, value.start - _SLACK, value.end + _SLACK)
    if len(over) != 1 or not near.shares(over[0]) or over[0].text not in _UNIT_PIECES:
        return None
    return over[0]


def units_joined(rows: list[PrintedRow]) -> list[PrintedRow]:
    """An amount whose unit wraps around it in a narrow cell (万 above `7539.44`, 元
    below) gets its unit back, when the pieces above and below make a unit."""
    for i, row in enumerate(rows):
        if not row.values:
            continue
        value = row.values[-1]
        above, below = _unit_piece(rows, i - 1, value), _unit_piece(rows, i + 1, value)
        unit = (above.text if above else "") + (below.text if below else "")
        if unit not in _UNITS:
            continue
        row.values[-1] = Word(value.text + unit, value.start, value.end)
        row.spaced = True  # the pieces over its value show the line keeps its layout
        for k, piece in ((i - 1, above), (i + 1, below)):
            if piece is not None:
                rows[k].labels.remove(piece)
                if not rows[k].labels:
                    rows[k].lines = []  # no line left: not an empty line between rows
    return rows


def _of_the_row(row: PrintedRow, anchor: PrintedRow) -> bool:
    """Whether a line below value row `anchor` is of the same printed row: values alone,
    or every other word a group label's piece (`三、本年`, `（四）无`), printing left of
    the row's label, with fewer values than the row (a full row under a full row is the
    next one, whatever its label's drift: `四、结转…` prints in the group column), or a
    line that continues the row (`_continues`). A row with no label takes lines of
    values alone."""
    if not row.labels:
        return True
    if not anchor.labels or len(row.values) >= len(anchor.values):
        return False
    start = anchor.labels[-1].start
    return all(w.end < start for w in row.labels) or _continues(row, anchor)


def _continues(row: PrintedRow, anchor: PrintedRow) -> bool:
    """Whether a line below value row `anchor`, with fewer values, holds only pieces of
    labels and values under the row's values (give or take the columns' drift): a cell
    whose digits a narrow column wrapped (`４４` over `７` for 447) under the row's label
    wrapped too (`形）`), or under the row's item number printed off its line (`8.`,
    another font's baseline). Pieces: group labels' left of the row's label, an item
    number alone (no label's text: no row of its own), and, under a numbered label, a
    word in its column opening no item nor note (that label's wrapped end, as `_below`
    reads it). A line whose label may start a row (an item with its text, an unnumbered
    label in the row's column) is left a row of its own."""
    if not anchor.labels or not row.labels or len(row.values) >= len(anchor.values):
        return False
    own = anchor.labels[-1]
    numbered = bool(ITEM_START.match(own.text))
    pieces = all(w.end < own.start or ROW_NUMBER.match(w.text)
                 or (numbered and _same_column(w, own) and not ITEM_START.match(w.text)
                     and not NOTE.match(w.text))
                 for w in row.labels)
    return pieces and all(any(v.start - _SLACK < w.end and w.start < v.end + _SLACK
                              for v in anchor.values) for w in row.values)


def _band(rows: list[PrintedRow], i: int) -> tuple[list[int], list[int]]:
    """The adjacent lines of value row i's printed row: (above, below). Below: down to
    an empty line or another row's label (`_of_the_row`); above: the lines of values
    alone (a centred label prints between a two-line cell's lines)."""
    row = rows[i]
    found: tuple[list[int], list[int]] = ([], [])
    for step, band in ((-1, found[0]), (1, found[1])):
        edge = row.lines[-1] if step > 0 else row.lines[0]
        k = i + step
        while 0 <= k < len(rows):
            r = rows[k]
            if not r.lines:  # the place of a joined row's second line
                k += step
                continue
            if (r.lines[0] != edge + 1 if step > 0 else r.lines[-1] != edge - 1):
                break
            if not (r.labels or r.values) and not (step > 0 and r.moved):
                break  # an empty line
            if step > 0 and not _of_the_row(r, row):
                break
            if step < 0 and (r.labels or not r.values):
                break
            band.append(k)
            edge = r.lines[-1] if step > 0 else r.lines[0]
            k += step
    return found


def _tail_below(rows: list[PrintedRow], i: int) -> bool:
    """Whether a number of row i was wrapped at its thousands separator: the line right
    below prints a number's tail (`,288`) under one of its values, or a value of its
    ends in the separator (`72,`) with a value under it. Whatever that line's label (a
    group label printed down the left column starts it) or place (a row without a label
    wraps to the left margin), it is no row of its own."""
    row = rows[i]
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    return (nxt is not None and bool(nxt.lines) and nxt.lines[0] == row.lines[-1] + 1
            and any(w.shares(v) and (THOUSANDS_TAIL.fullmatch(w.text)
                                     or v.text.endswith((",", "，")))
                    for w in nxt.values for v in row.values))


def _wrapped_lines(rows: list[PrintedRow], i: int) -> list[int]:
    """The line right below row i and the lines of values alone that follow it."""
    out = [i + 1]
    while (out[-1] + 1 < len(rows) and (r := rows[out[-1] + 1]).lines and r.values
           and not r.labels and r.lines[0] == rows[out[-1]].lines[-1] + 1):
        out.append(out[-1] + 1)
    return out


def stacked_marked(rows: list[PrintedRow]) -> list[PrintedRow]:
    """Values of a printed row one of whose cells prints over several lines marked
    `stacked`: a value on a line below the row's (`_band`) under one of the row's values
    or of the lines of values alone above it, or a line of values alone below it. Text
    laid out by position prints a cell's lines in the cell's column, the lines of a row
    split over two heights in other columns (`_joined`); a cell's second line (a `<br>`
    inside a number, digits a narrow column wrapped: `82` over `1` for 821) says nothing
    of where its number ends, nor which run of lines of values alone is the row's. Only
    lines whose values start right of the row's label (of its first value, in a row with
    none) count: a line's end a text browser wrapped prints at the left margin. A line
    of values alone above a row and under another row's values is that row's: not
    counted with the row itself."""
    for i, row in enumerate(rows):
        if not row.values or not row.lines or not row.spaced:
            continue
        above, below = _band(rows, i)
        first = row.labels[-1].end - _SLACK if row.labels else row.values[0].end
        below = [k for k in below if rows[k].values[:1] and rows[k].values[0].start >= first]
        if _tail_below(rows, i):
            below = sorted({*below, *_wrapped_lines(rows, i)})
        if not below:
            continue
        lower = [(k, w) for k in below for w in rows[k].values]
        upper = [w for k in [*above, i] for w in rows[k].values if w.start >= first]
        alone = any(not rows[k].labels or _continues(rows[k], row) for k in below)
        if (alone or any(w.shares(v) for _, w in lower for v in upper)
                or any(w.shares(v) for n, (k, w) in enumerate(lower) for q, v in lower[:n]
                       if k != q)):
            band = [*above, i, *below]
            cells = _cells_by_column(rows, band, first, _widths(rows, i))
            for k in band:
                for w in rows[k].values:
                    w.stacked = cells is None
                if cells is not None and k != i:
                    rows[k].values = []
            if cells is not None:
                row.values = cells
    return rows


def _widths(rows: list[PrintedRow], i: int) -> set[int]:
    """The table's width for row i (`_width`), and the most values a line within
    `_TABLE_LINES` of it prints: where every row near it prints its cells over lines (a
    `<br>` in most numbers), its full rows print further off."""
    span = rows[max(0, i - _TABLE_LINES):i + _TABLE_LINES + 1]
    return {_width(rows, i), max(len(r.values) for r in span)}


def _cells_by_column(rows: list[PrintedRow], band: list[int], first: int, widths: set[int]
                     ) -> list[Word] | None:
    """A printed row's cells over several lines read by their columns: the band's value
    words grouped where their characters overlap, one line's word over another's
    (`3` over `001` for 3001, `6` over `1` for 61), each group one cell, its pieces read
    top down; only where the groups are exactly the table's width (one of `widths`), no group
    holds two words of one line, and each reads one whole number. The cells are marked
    `by_position`: their place is the layout's alone, which the recogniser keeps only
    where the identities prove it (recognise/by_position.py)."""
    words = sorted(((k, w) for k in band for w in rows[k].values), key=lambda kw: kw[1].start)
    if not words or any(w.start < first for _, w in words):
        return None  # a value left of the row's label: a wrapped line's, not a cell's
    own = rows[band[0]].labels[-1].start if rows[band[0]].labels else None
    if not (_closed(rows, min(band), -1, None) and _closed(rows, max(band), 1, own)):
        return None
    groups: list[list[tuple[int, Word]]] = []
    for k, w in words:
        if groups and w.start < max(v.end for _, v in groups[-1]):
            groups[-1].append((k, w))
        else:
            groups.append([(k, w)])
    if len(groups) not in widths:
        return None
    cells = []
    for group in groups:
        group.sort(key=lambda kw: kw[0])
        text = "".join(w.text for _, w in group)
        if len({k for k, _ in group}) < len(group) or not _WHOLE_NUMBER.fullmatch(text):
            return None
        cells.append(Word(text, min(w.start for _, w in group),
                          max(w.end for _, w in group), by_position=True))
    return cells


def _closed(rows: list[PrintedRow], edge: int, step: int, own: int | None) -> bool:
    """Whether the nearest line printing values past row `edge` (over label-only and
    empty lines) is a labelled row's: a line of values alone there may hold this band's
    cells' other pieces (a cell centred on the next row's label prints its last digits
    under it: `3` over `0 0 0 …` over `2.没有…` over `7`, 37 cut), or this band pieces of
    a cell of the row beside it. Below, a line whose labels all print left of the row's
    label (`own`: where it starts) holds a group label's piece, no row's: it may go on
    with the row's cells (`度办理结 288 1 0 362` under `（一）予以公开 1 2 …`)."""
    k = edge + step
    while 0 <= k < len(rows) and abs(k - edge) <= _WRAP:
        if rows[k].values:
            return bool(rows[k].labels) and (
                own is None or any(w.end >= own for w in rows[k].labels))
        k += step
    return True


def place_columns(rows: list[PrintedRow], runs: bool = False) -> list[PrintedRow]:
    """Rows one per line made table rows: split rows joined, amounts' units and wrapped
    labels joined (module docstring); values of a cell over several lines marked.
    `runs`: the page's words may be several cells run together (text_runs.py)."""
    return stacked_marked(labels_joined(items_in_front(units_joined(rows_joined(
        items_between(rows), runs)))))
