"""Whether text prints table 三 (or a block of 二) out of row order, as a PDF's text in
reading order does, and the only values such text still places: table 四's
(`t4_values`, below) and table 三's rows printed inside their own label whose column
order does not matter (`t3_split_rows`) or whole on their label's line
(`t3_line_rows`), at the end.

`pdftotext` without `-layout` and pdfminer's `pdf2txt.py` print a table block by block: a
column's values one per line, values before the label of their row. Where the form feeds
between pages are kept, text.py knows such text by them; a crawler or a copy drops them,
and a one-page PDF has none. The table itself shows the order then, read from the
statutory template (never from one file):
- values before the first row: a line of values only after table 三's header (its first
  header word, else the total column's label, within a header's length of the row) and
  before its first row's label; one cell per line prints the first row's label right
  after the header. Likewise in a block of table 二: two values or more on lines of
  values only after the block's caption (`第二十条第（五）项`) and before its first row's
  label, where one cell per line prints the header's words only, and at most a row's
  number (`406` / `0` / `46999` / `行政许可`: read one cell a line, the values would go
  to the label after them);
- a column printed down: more values on consecutive value-only lines, between table 三's
  first row and table 四 (its title, or its first column's header), than a row has
  cells (one more allowed for a page number between two rows); one cell per line puts
  a label before each row's values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipelines.textnorm import COUNT_UNITS, to_simplified
from schemas.template import Version, cell_id_of, load_template

_VALUE_WORD = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
_KEY = 4  # characters of a label matched: short enough to survive a wrapped label
_HEADER_LINES = 40


def _key(label: str) -> str:
    return _NUMBERING.sub("", label)[:_KEY]


def _version() -> Version:
    """The template's first format version: the marks read here are in every version."""
    return next(iter(load_template().versions.values()))


@cache
def _marks() -> tuple[str, tuple[str, ...], tuple[str, str], int]:
    """Table 三's first row, header marks and width, and table 四's marks: its title and
    its first column's header (a report may word the title otherwise: 因政府信息公开工作被
    申请行政复议…; then the header, printed before table 四's values, still ends 三)."""
    version = _version()
    t3, t4 = version.tables["t3"], version.tables["t4"]
    first = t3.data_rows[0].label
    marks = (t3.header[0], t3.columns[-1].label)  # the header's first word, its total
    return _key(first), marks, (t4.title[:_KEY * 2], t4.columns[0].label), len(t3.columns)


def _header(flat: list[str], start: int, marks: tuple[str, ...]) -> int | None:
    """The line table 三's header starts on, looked for in a header's length before its
    first row (a header wrapped cell by cell takes a few dozen lines)."""
    window = range(start - 1, max(-1, start - 1 - _HEADER_LINES), -1)
    for mark in marks:
        found = next((i for i in window if mark in flat[i]), None)
        if found is not None:
            return found
    return None


def simplified_lines(content: list[str]) -> list[str]:
    """The lines in simplified characters, as the template's marks are: in a report
    printed in traditional characters table 四's title was not found, table 四's values
    (one a line) were taken for a column printed down, and the report lost every value.
    Converted as one text (a call a line costs more than the rest of this test)."""
    lines = to_simplified("\n".join(content)).split("\n")
    return lines if len(lines) == len(content) else [to_simplified(ln) for ln in content]


# A line of values only: `_VALUE_WORD`s parted by whitespace (re's `\s` is str.isspace,
# what str.split parts words at), so one match tells what splitting and matching each
# word would.
_VALUES_LINE = re.compile(rf"\s*{_VALUE_WORD.pattern}(?:\s+{_VALUE_WORD.pattern})*\s*")
_BLANKS = re.compile(r"[^\S\n]+")  # whitespace but line breaks
# Consecutive lines of values only, in lines joined by line breaks (as `_VALUES_LINE`, the
# whitespace inside a line being any but a line break): a column printed down is a run
# holding more values than a row has cells.
_VALUE_RUNS = re.compile(rf"(?:^[^\S\n]*{_VALUE_WORD.pattern}(?:[^\S\n]+{_VALUE_WORD.pattern})*"
                         r"[^\S\n]*(?:\n|\Z))+", re.M)


def _values_only(line: str) -> int:
    """How many values the line holds if it holds nothing else, else 0."""
    return len(line.split()) if _VALUES_LINE.fullmatch(line) else 0


def _flattened(lines: list[str]) -> tuple[list[str], str]:
    """The lines without whitespace, and joined by line breaks: one substitution over the
    whole text (a split and join a line cost a third of the reading-order test)."""
    text = _BLANKS.sub("", "\n".join(lines))
    flat = text.split("\n")
    if len(flat) != len(lines):  # a line holding a line break of its own
        flat = ["".join(ln.split()) for ln in lines]
        text = "\n".join(flat)
    return flat, text


def _first_line_with(text: str, marks: tuple[str, ...], line: int, at: int) -> int | None:
    """The first line from `line` (starting at offset `at` of `text`, the flattened lines
    joined) that holds one of the marks (words of one line each), found in C."""
    found = [i for i in (text.find(m, at) for m in marks) if i >= 0]
    return line + text.count("\n", at, min(found)) if found else None


def _values_before_row(lines: list[str]) -> bool:
    """Whether lines between 三's header and its first row's label hold values: not the
    row's number alone (`1` / `一、本年新收…`, a 序号 column in a text of one cell a line,
    LibreOffice's text export), which a text in reading order never prints by itself
    there: it prints the row's values, or the whole column of numbers (`1` … `n`)."""
    values = [w for ln in lines if _values_only(ln) for w in ln.split()]
    return bool(values) and values != ["1"]


def out_of_row_order(content: list[str]) -> bool:
    """Whether the non-empty lines print table 三 out of row order (module docstring)."""
    first, marks, t4_marks, width = _marks()
    flat, text = _flattened(simplified_lines(content))  # NFKC'd by to_simplified
    if _t2_values_first(content, flat):
        return True
    start = _first_line_with(text, (first,), 0, 0)
    if start is None:
        return False
    header = _header(flat, start, marks)
    if header is not None and _values_before_row(content[header + 1:start]):
        return True
    at = text.rfind("\n", 0, text.find(first)) + 1  # where line `start` begins
    end = _first_line_with(text, t4_marks, start, at)
    end = len(flat) if end is None else end
    runs = _VALUE_RUNS.finditer("\n".join(content[start:end]))
    return any(len(run.group().split()) > width + 1 for run in runs)


@cache
def _t2_blocks() -> tuple[tuple[str, str], ...]:
    """(caption, first row's label key) of every block of table 二 in every format
    version, NFKC'd as the lines are."""
    return tuple(dict.fromkeys(
        (to_simplified(b.caption).replace(" ", ""), _key(to_simplified(b.data_rows[0].label)))
        for v in load_template().versions.values() for b in v.tables["t2"].blocks
        if b.caption and b.data_rows))


def _t2_values_first(content: list[str], flat: list[str]) -> bool:
    """Whether a block of table 二 prints values on lines of values only between its
    caption and its first row's label (within a header's length; before the next
    caption), two or more: a row's number in a 序号 or unnamed column prints one before
    its label in row order (`序号` / `信息内容` / … / `1` / `规章` / `0`)."""
    blocks = _t2_blocks()
    captions = {c for c, _ in blocks}
    for at in (i for i, ln in enumerate(flat) if ln in captions):  # one pass over the text
        for first in (f for c, f in blocks if c == flat[at]):
            for k in range(at + 1, min(len(flat), at + 1 + _HEADER_LINES)):
                if flat[k] in captions or first in flat[k]:
                    if first in flat[k] and sum(map(_values_only, content[at + 1:k])) >= 2:
                        return True
                    break
    return False


# --- table 四's values, where their count and identities place them ----------------------

_HEADING = re.compile(r"^[五六七八][、.．]")  # the section after table 四 ends its text
# A word that is a count alone: digits, or digits in groups of three parted by commas as a
# page prints thousands (`3,001`; a group of another length, `3,00`, is no count). Its
# value is `count(word)`.
COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def count(word: str) -> int:
    """The value of a word `COUNT` matches (its thousands separators dropped)."""
    return int(word.replace(",", ""))


_UNITS = "|".join(sorted(u for u in COUNT_UNITS if u))
_WITH_UNIT = re.compile(rf"({COUNT.pattern})(?:{_UNITS})")  # a count and its unit: `23件`
_UNITS_ALONE = re.compile(rf"(?:{_UNITS})+")  # a unit wrapped alone, or two cells' (`件件`)


# A word of digits opening with 0, longer than one digit: no count prints so (`unglued_counts`)
_GLUED = re.compile(r"(?<!\S)0\d+(?!\S)")


def unglued_counts(lines: list[str]) -> list[str]:
    """The lines with each word of digits opening with 0 and longer than one digit (`02`,
    `00`, `0074`) read as the cells it glues, each leading 0 a count of its own and the
    rest one count (`02` reads `0 2`, `012` reads `0 12`). No count prints with a leading
    zero: such a word is two cells of a row printed with no space between them, a narrow
    column's `0` against its right neighbour's digits (Chromium's print of 三 with its
    item numbers in cells of their own: 其他's `0` against 总计's `2`, `0 0 0 02` for
    0 0 0 0 2). A glue whose first cell is no 0 (`12` for 1 and 2) shows nothing and is
    read as printed. A number wrapped over lines prints a leading 0 too (cms-mixed's
    `30` / `01` for 3001), so this is a reading to be proven, never taken alone: every
    reading of the counts needs the identities as before, and reading_totals tries it
    only where the counts as printed hold none. Lines keep their number, order and other
    characters."""
    return [_GLUED.sub(_unglued, ln) for ln in lines]


def _unglued(word: re.Match[str]) -> str:
    digits = word.group()
    rest = digits.lstrip("0") or "0"
    return " ".join(["0"] * (len(digits) - len(rest)) + [rest])


def bare_counts(lines: list[str]) -> list[str]:
    """The lines with each count printed with its unit read without it (`3件` reads `3`),
    and a unit wrapped onto a line of its own dropped: a narrow column wraps a count's
    unit away from its digits (`21` / `件 0件 0件`, `件件` for two cells), which stay whole
    (no break inside a run of digits), so the digits are a count as on a page printing
    no unit. A word of units alone is taken for a wrapped unit only on a line of counts
    holding a count with its unit, or on a line of units alone under such a line (blank
    lines and other lines of units alone between): a label's last character wrapped
    alone (`第二十条第（一）` / `项`) is kept. Every reading of the counts needs the
    identities as before. Lines keep their number and order."""
    out, counted = [], False
    for ln in lines:
        words = ln.split()
        alone = [bool(_UNITS_ALONE.fullmatch(w)) for w in words]
        units = [_WITH_UNIT.fullmatch(w) for w in words]
        if not any(units) and not (counted and words and all(alone)):
            out.append(ln)
            counted = counted if not words else False
            continue
        if any(units):
            counted = all(a or u or COUNT.fullmatch(w)
                          for w, a, u in zip(words, alone, units, strict=True))
        kept = [u.group(1) if u else w for w, a, u in zip(words, alone, units, strict=True)
                if not (a and counted)]
        out.append(" ".join(kept))
    return out

_TITLE_SLACK = 8  # characters a title line may hold beyond table 四's title (its number)


@cache
def _t4_shape() -> tuple[str, tuple[str, ...], int, tuple[tuple[tuple[int, ...], int], ...]]:
    """Table 四's title, its cells in printed order (one row of its groups side by side),
    its group width, and its identities as (positions of the parts, position of the
    total) in that order: all read from the template."""
    from schemas.identities import identities

    version = _version()
    (block,) = version.tables["t4"].blocks
    cells = tuple(cell_id_of("t4", r.id, c.id) for r in block.data_rows for c in block.columns)
    sums = tuple((tuple(cells.index(c) for c in i.rhs), cells.index(i.lhs[0]))
                 for i in identities(version.id) if i.table == "t4" and len(i.lhs) == 1)
    return version.tables["t4"].title, cells, len(block.columns), sums


def _holds(values: list[int], sums: tuple[tuple[tuple[int, ...], int], ...]) -> bool:
    return all(sum(values[p] for p in parts) == values[total] for parts, total in sums)


def _title_line(flat: list[str], title: str) -> int | None:
    """The line printing table 四's title as a heading: the title, at most its section
    number more (a sentence of the body naming 行政复议 is prose, not the title)."""
    mark = title[:_KEY * 2]
    return next((i for i, ln in enumerate(flat)
                 if mark in ln and len(ln) <= len(title) + _TITLE_SLACK), None)


def t4_title_line(lines: list[str]) -> int | None:
    """The line printing table 四's title as a heading (`_title_line`), in lines in
    simplified characters."""
    return _title_line(["".join(ln.split()) for ln in lines], _t4_shape()[0])


@cache
def _t3_rows() -> tuple[str, ...]:
    """Table 三's row labels as matched here, but those table 四 prints too (总计)."""
    version = _version()
    t4 = version.tables["t4"]
    own = "".join([t4.title, *(c.label for c in t4.columns), *(r.label for r in t4.data_rows)])
    keys = {_key(r.label) for r in version.tables["t3"].data_rows}
    return tuple(k for k in keys if k not in own)


def _t4_counts(simple: list[str], flat: list[str], start: int
               ) -> tuple[list[tuple[int, str]], int | None] | None:
    """The values after line `start` (t4_values): in any line up to the next section's
    heading, in lines of values only after it; and that heading's line. None where a value
    stands beside a label before the heading."""
    found: list[tuple[int, str]] = []
    end = None  # the next section's heading
    for no in range(start + 1, len(simple)):
        if end is None and _HEADING.match(flat[no]):
            end = no
        words = simple[no].split()
        values = [(no, w) for w in words if _VALUE_WORD.fullmatch(w)]
        if end is None and values and len(values) < len(words):
            return None  # a value beside a label: its block's order is not the row's
        if end is None or _values_only(simple[no]):
            found += values
    return found, end


@cache
def _t4_labels() -> tuple[str, ...]:
    """Table 四's printed labels (its columns, groups and header), simplified."""
    t4 = _version().tables["t4"]
    return tuple("".join(x.split()) for x in (*(c.label for c in t4.columns),
                                                *(r.label for r in t4.data_rows), *t4.header))


def _t4_header_end(simple: list[str], start: int, end: int | None) -> int | None:
    """The last line of 四's header before the next section's heading: every word a piece
    of one of 四's labels (`结果 结果 其他 尚未 总 未经复议直接起诉`, a colon after one
    dropped); None where no such line is."""
    labels = _t4_labels()

    def piece(word: str) -> bool:
        word = word.rstrip(":：")
        return bool(word) and any(word in label for label in labels)

    stop = len(simple) if end is None else end
    lines = [no for no in range(start + 1, stop)
             if (words := simple[no].split()) and all(map(piece, words))]
    return lines[-1] if lines else None


@cache
def _t4_column_pieces() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Table 四's column labels and its group labels, simplified."""
    t4 = _version().tables["t4"]
    return (tuple("".join(c.label.split()) for c in t4.columns),
            tuple("".join(x.split()) for x in (*(r.label for r in t4.data_rows), *t4.header)))


def _review_before_lawsuit_columns(simple: list[str], header: int, width: int
                                   ) -> list[tuple[int, str]]:
    """行政复议's counts printed before the lawsuits' column labels (Chromium's print of
    四 cut by a page break, 004: `0` / `1` / `1` / `0` / `2` / `结果 结果 其他 尚未 总 结果
    结果 其他 尚未 总` / `维持 纠正 结果 审结 计 维持 纠正 结果 审结 计` / the ten lawsuit
    counts): where the header's lines ending at `header` print the two lawsuit groups'
    columns alone (two groups' worth of pieces of column labels a line, no group's label),
    the values row's five counts under 行政复议, left of those labels, print before them.
    Those are the run of exactly one group's counts on lines of values only right above
    the header's lines, under a line of other text; [] elsewhere (the identities still
    check all 15, t4_values)."""
    columns, groups = _t4_column_pieces()

    def lawsuit_columns(words: list[str]) -> bool:
        return len(words) == 2 * width and all(
            any(w in c for c in columns) and not any(w in g for g in groups) for w in words)

    no = header
    while no >= 0 and (not simple[no].split() or lawsuit_columns(simple[no].split())):
        no -= 1
    if no == header:
        return []
    run: list[tuple[int, str]] = []
    while no >= 0 and (not simple[no].split() or _values_only(simple[no])):
        run[:0] = [(no, w) for w in simple[no].split()]
        no -= 1
    if no < 0 or len(run) != width or not all(COUNT.fullmatch(w) for _, w in run):
        return []
    return run


def t4_values(lines: list[str]) -> tuple[int, list[tuple[int, str]]] | None:
    """Table 四's values (line index, value), and the line of its text they follow:
    where reading order still places them.

    Table 四 prints one row of 15 counts under its two-level header, each group's 总计
    last; a reading-order converter prints a row's cells left to right, block by block.
    Read only where that is proven: exactly 15 counts after 四's own title (never a label
    it shares with table 三): in any line up to the next section, in lines of values only
    after it (a converter may print the table's last blocks after the text below it, and
    a page number there makes 16; 16 where 四's header prints a 序号 column, its one
    row's `1` dropped where that alone keeps the identities), every group's total the sum
    of its parts in that order, and not also in the order a table printed down its
    columns would give (3 groups x 5: the same counts in other cells); no row label of
    table 三 in 四's text (its values would be read as that row's). Where 三's counts
    print after 四's title too, 四's own are those after its header, and 行政复议's five
    right above the lawsuits' column labels where those print last
    (`_review_before_lawsuit_columns`). Else None: 四 stays null.

    The identities fix which group a count is in, never its column within the group
    (any order of a group's four parts keeps its 总计): that rests on the counts being
    printed left to right, which holds for cells alone on their line. A value on a line
    with words (a label beside it, as in a table with a label column: pdftotext printed
    `（一）予以公开 21` after the rest of 21's row) leaves 四 null.
    """
    title, cells, width, sums = _t4_shape()
    simple = simplified_lines(lines)
    flat = ["".join(ln.split()) for ln in simple]
    start = _title_line(flat, title)
    if start is None:
        return None
    counted = _t4_counts(simple, flat, start)
    if counted is not None and len(counted[0]) > len(cells):
        # more counts than cells: 三's right block printed after 四's title (Chromium's
        # print, 001's `2 / 0 …` runs above 四's header); 四's own are those after its header
        header = _t4_header_end(simple, start, counted[1])
        counted = None if header is None else _t4_counts(simple, flat, header)
        if counted is not None and len(counted[0]) == len(cells) - width:
            counted = _review_before_lawsuit_columns(simple, header, width) + counted[0], \
                counted[1]
    if counted is None:
        return None
    found, end = counted
    # no count after 四's title (a text cut there) holds no 四
    if not found or not all(COUNT.fullmatch(w) for _, w in found):
        return None
    after = end - 1 if end is not None else found[-1][0]
    if any(k in ln for ln in flat[start + 1:after + 1] for k in _t3_rows()):
        return None
    if len(found) == len(cells) + 1 and "序号" in "".join(flat[start + 1:found[0][0]]):
        found = _without_row_number(found, width, sums)
    if found is None or len(found) != len(cells) or not _t4_holds(found, width, sums):
        return None
    return after, found


def _t4_holds(found: list[tuple[int, str]], width: int,
              sums: tuple[tuple[tuple[int, ...], int], ...]) -> bool:
    """Whether 四's counts in printed order keep every identity, and not also in the order
    a table printed down its columns would give (t4_values)."""
    values = [count(w) for _, w in found]
    groups = len(values) // width
    down = [values[c * groups + g] for g in range(groups) for c in range(width)]
    return _holds(values, sums) and not (down != values and _holds(down, sums))


def _without_row_number(found: list[tuple[int, str]], width: int,
                        sums: tuple[tuple[tuple[int, ...], int], ...]
                        ) -> list[tuple[int, str]] | None:
    """四's 15 counts of 16 where its header prints a 序号 column (Word's table through
    LibreOffice and pdftotext: `序` / `号` … `1` / `0` / `0` …): its one row's number, a
    `1`, is among them, wherever reading order put it. The counts left without a `1` that
    keep every identity, where every `1` dropped so leaves the same counts; else None."""
    kept = {tuple(w for j, (_, w) in enumerate(found) if j != i): i
            for i, (_, w) in enumerate(found) if w == "1"}
    kept = {k: i for k, i in kept.items()
            if _t4_holds([(0, w) for w in k], width, sums)}
    if len(kept) != 1:
        return None
    (_, i), = kept.items()
    return found[:i] + found[i + 1:]


# --- table 三's rows printed inside their own wrapped label ------------------------------

_ROW_WIDTH = 7  # a row of 三: six applicant columns and their 总计, last


@cache
def _t3_labels() -> dict[str, str]:
    """Table 三's row labels in every format version, as the text is matched (simplified,
    NFKC'd: `（七）` is `(七)`, spaces removed) -> the label."""
    labels = {r.label for v in load_template().versions.values()
              for r in v.tables["t3"].data_rows}
    return {"".join(to_simplified(label).split()): label for label in labels}


def _order_free(values: list[int]) -> bool:
    """Whether the row's values are the same in any order of its six applicant columns
    (all equal), the last their 总计: the identities of 三 cannot tell those columns
    apart, so only such a row is placed without knowing the converter's order."""
    parts, total = values[:-1], values[-1]
    return len(set(parts)) == 1 and sum(parts) == total


def t3_split_rows(lines: list[str]) -> list[tuple[int, int, str, list[tuple[int, str]]]]:
    """Table 三's rows whose values are printed inside their own label: (line of the
    label's first part, line of its second part, the label, its values (line, value)).

    A reading-order converter prints a label wrapped over two lines in one block, and
    the values of the row beside it between those lines where they share the row's band
    (`2.其他法律行政法规禁止公` / 7 counts / `开`). That ties the values to the row: the
    two parts make one label of 三 exactly and neither is a whole label. Read only
    where exactly 7 counts stand between them, on lines of values only, and the row is
    order-free (`_order_free`: columns 1-6 equal, 总计 their sum, as a row of zeros):
    which column a count is in is never proven by reading order (a value printed after
    the rest of its row passes every identity of 三), so no other row is read.
    """
    simple = simplified_lines(lines)
    flat = ["".join(ln.split()) for ln in simple]
    content = [i for i, ln in enumerate(flat) if ln]
    labels = _t3_labels()
    found = []
    for at, no in enumerate(content):
        if any(_VALUE_WORD.fullmatch(w) for w in simple[no].split()):
            continue  # a value on a label's line: not the first part of a label alone
        run: list[tuple[int, str]] = []
        nxt = at + 1
        while nxt < len(content) and _values_only(simple[content[nxt]]):
            run += [(content[nxt], w) for w in simple[content[nxt]].split()]
            nxt += 1
        if not run or nxt == len(content) or flat[no] in labels:
            continue
        second = content[nxt]
        label = labels.get(flat[no] + flat[second])
        if (label is None or len(run) != _ROW_WIDTH
                or not all(COUNT.fullmatch(w) for _, w in run)
                or not _order_free([count(w) for _, w in run])):
            continue
        found.append((no, second, label, run))
    return found


def t3_line_rows(lines: list[str]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Table 三's rows printed whole on their label's line: (line, label, its values).

    A converter puts words on one line only where they share a baseline, in the order of
    their place on it, left to right (`2.其他法律行政法规禁止公开 0 0 0 0 0 0 0`); a line
    is one band of the table, so its values are its label's row, in its columns' order.
    Read only where the line's words but its values are exactly one label of 三 (a
    fragment may be any row's, or a group's beside a row's), its values exactly 7 counts
    after the label, the last the sum of the others. A label with fewer values on its
    line (`（一）予以公开 21`, the rest of the row printed before it) is not read.
    """
    labels = _t3_labels()
    found = []
    for no, line in enumerate(simplified_lines(lines)):
        words = line.split()
        values = [w for w in words if _VALUE_WORD.fullmatch(w)]
        label = labels.get("".join(words[:len(words) - len(values)]))
        if (label is None or len(values) != _ROW_WIDTH or words[-len(values):] != values
                or not all(COUNT.fullmatch(w) for w in values)):
            continue
        counts = [count(w) for w in values]
        if sum(counts[:-1]) == counts[-1]:
            found.append((no, label, [(no, w) for w in values]))
    return found


# --- table 三 printed one cell a line, each row's label before its values ------------------

Run = list[tuple[int, str]]  # (line, value) of consecutive lines of values only


Shape = tuple[tuple[str, ...], dict[str, int], tuple[tuple[int, int, int, int], ...],
              tuple[tuple[int, tuple[int, ...]], ...]]


@cache
def t3_versions() -> tuple[Shape, ...]:
    """Per format version: table 三's row labels in order, its labels as matched (simplified,
    spaces removed) -> row index, and its column identities as row indexes: (新收, 结转,
    (七)总计, 结转下年) for the balance, ((七)总计, its result rows) for the results total."""
    from schemas.identities import identities

    out = []
    for version in load_template().versions.values():
        rows = version.tables["t3"].data_rows
        index = {r.id: i for i, r in enumerate(rows)}
        labels = tuple(r.label for r in rows)
        matched = {"".join(to_simplified(label).split()): i for i, label in enumerate(labels)}

        def row_of(cid: str, index: dict[str, int] = index) -> int:
            return index[cid.split(".")[1]]

        col = version.tables["t3"].columns[0].id  # one column's identities give every column's
        balance = tuple((row_of(i.lhs[0]), row_of(i.lhs[1]), row_of(i.rhs[0]), row_of(i.rhs[1]))
                        for i in identities(version.id)
                        if i.table == "t3" and len(i.lhs) == 2 and i.lhs[0].endswith("." + col))
        totals = tuple((row_of(i.lhs[0]), tuple(row_of(c) for c in i.rhs))
                       for i in identities(version.id) if i.table == "t3" and len(i.lhs) == 1
                       and i.lhs[0].endswith("." + col) and len(i.rhs) > _ROW_WIDTH)
        out.append((labels, matched, balance, totals))
    return tuple(out)


Item = tuple[str, int, int, Run]  # kind (label, values, other), line, row index, values


def _t3_span(lines: list[str], matched: dict[str, int]) -> tuple[int, int] | None:
    """The lines of table 三's text: from its first row's label, alone on its line, to
    table 四's title (or the end)."""
    flat = ["".join(ln.split()) for ln in simplified_lines(lines)]
    start = next((no for no, ln in enumerate(flat) if matched.get(ln) == 0), None)
    if start is None:
        return None
    end = _title_line(flat, _t4_shape()[0])
    return start, len(flat) if end is None or end < start else end


def _t3_items(lines: list[str], matched: dict[str, int]) -> list[Item] | None:
    """Table 三's text from its first row's label to table 四's title as items (kind, first
    line, row, values): ("label", line, row, []) for a line that is exactly one row's
    label, ("values", line, -1, run) for consecutive lines of values only, ("other", line,
    -1, []) for any other line. None where the first row's label is not on a line of its
    own."""
    span = _t3_span(lines, matched)
    if span is None:
        return None
    simple = simplified_lines(lines)
    flat = ["".join(ln.split()) for ln in simple]
    items: list[Item] = []
    for no in range(*span):
        if not flat[no]:
            continue
        if _values_only(simple[no]):
            run = [(no, w) for w in simple[no].split()]
            if items and items[-1][0] == "values":
                items[-1][3].extend(run)
            else:
                items.append(("values", no, -1, run))
        elif flat[no] in matched:
            items.append(("label", no, matched[flat[no]], []))
        else:
            items.append(("other", no, -1, []))
    return items


def _fit(items: list[Item], rows: int
         ) -> tuple[dict[int, list[int]], dict[int, Run], dict[int, int]] | None:
    """Each row's values where every run of values follows a label at once, holds 7 counts
    a row, and the labels owning runs go down the template's rows: a run of k rows gives
    its first 7 to its label's row and the rest to the k - 1 rows the template has between
    that row and the next label owning a run (exactly k - 1, else None). Returns the
    values, their runs, and each row's line: its label's, or for a row placed by its
    order, its first value's (-1 there, the line of the label not of the values)."""
    values: dict[int, list[int]] = {}
    runs: dict[int, Run] = {}
    at: dict[int, int] = {}
    owners = [(k, items[k - 1][2]) for k, it in enumerate(items) if it[0] == "values"
              and k > 0 and items[k - 1][0] == "label"]
    if not owners or len(owners) != sum(it[0] == "values" for it in items):
        return None  # a run of values after no label: whose row it is, is not shown
    for (k, row), nxt in zip(owners, [*owners[1:], (None, rows)], strict=True):
        run = items[k][3]
        if len(run) % _ROW_WIDTH or not all(COUNT.fullmatch(w) for _, w in run):
            return None
        chunks = [run[c:c + _ROW_WIDTH] for c in range(0, len(run), _ROW_WIDTH)]
        between = list(range(row + 1, nxt[1]))
        if nxt[1] <= row or (len(chunks) > 1 and len(chunks) - 1 != len(between)):
            return None
        for r, chunk in zip([row, *between], chunks, strict=False):
            counts = [count(w) for _, w in chunk]
            if sum(counts[:-1]) != counts[-1]:
                return None  # 总计 the sum of the six: the row's own identity
            values[r], runs[r] = counts, chunk
            at[r] = items[k - 1][1] if r == row else -1 - chunk[0][0]
    return values, runs, at


def _columns_hold(values: dict[int, list[int]], balance: tuple, totals: tuple) -> bool:
    """The column identities of 三 in every column: 新收 + 结转 = (七)总计 + 结转下年, and
    (七)总计 the sum of the result rows. False where a row they need is not placed."""
    need = {r for b in balance for r in b} | {r for t, parts in totals for r in (t, *parts)}
    if not need <= values.keys() or not balance or not totals:
        return False
    for c in range(_ROW_WIDTH):
        if any(values[a][c] + values[b][c] != values[t][c] + values[f][c]
               for a, b, t, f in balance):
            return False
        if any(values[t][c] != sum(values[p][c] for p in parts) for t, parts in totals):
            return False
    return True


@dataclass(frozen=True)
class LabelRuns:
    """Table 三 read from its rows' labels and the runs of values after them
    (`t3_label_runs`): the lines of its text, {line: (row label, its values)} (a row placed
    by its order keyed by its first value's line), the labels of the rows placed by order."""

    span: tuple[int, int]
    rows: dict[int, tuple[str, Run]]
    by_order: tuple[str, ...]


def t3_label_runs(lines: list[str]) -> LabelRuns | None:
    """`_t3_label_runs` of the lines (the reader asks it twice of one text: for its cells
    and for the rows to flag; the last answer is kept)."""
    return _t3_label_runs(tuple(lines))


@lru_cache(maxsize=1)
def _t3_label_runs(lines: tuple[str, ...]) -> LabelRuns | None:
    """Table 三 printed one cell a line (WPS's PDF in reading order), each row's label on a
    line of its own and its 7 values after it (`LabelRuns`; None where not proven).

    Read only where it is proven for the whole table: every run of values follows a label
    at once, runs hold 7 counts a row, 总计 the sum of the six in every row; the labels
    owning runs go down the template's rows; a run of k rows gives its first row to its
    label and the others to the k - 1 rows the template has between that label and the
    next (rows whose labels print elsewhere: 001 prints (一) and (二) after the rows
    below them), exactly k - 1 of them; every row of the table is placed; the column
    identities hold in every column (新收 + 结转 = (七)总计 + 结转下年; (七)总计 the sum of
    the result rows), which a row's values given to another row, or a run cut in the wrong
    place, breaks; and the reverse reading (values before their label) fails. Where more
    than one format version fits, they must place the same. Else nothing is read.

    The order of the columns is the template's: `reading_order.withdraw_unread_t3` keeps
    only what the header proves (or what reads the same in any order). The order of the
    rows inside a run is the order they print in (a sum does not see the order of its
    parts): a run is consecutive lines, which pdftotext prints down the page."""
    found = []
    for labels, matched, balance, totals in t3_versions():
        items = _t3_items(list(lines), matched)
        if items is None:
            continue
        fit = _fit(items, len(labels))
        if fit is None or len(fit[0]) != len(labels) or not _columns_hold(fit[0], balance, totals):
            continue
        back = _fit([(k, no, len(labels) - 1 - r if k == "label" else r, run)
                     for k, no, r, run in reversed(items)], len(labels))
        if back is not None:
            continue  # values after their label or before it: the text does not say which
        _, runs, at = fit
        found.append(LabelRuns(
            _t3_span(list(lines), matched) or (0, 0),
            {max(at[r], -1 - at[r]): (labels[r], run) for r, run in runs.items()},
            tuple(labels[r] for r in sorted(runs) if at[r] < 0)))
    return found[0] if found and all(f == found[0] for f in found) else None


# --- table 二 printed one cell a line, its header in order, each row's label before its values

_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]")  # a section's heading (三、收到和处理…)


@cache
def _t2_shapes() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Every block of table 二 in every format version as matched here (simplified, NFKC'd,
    spaces removed): (caption, its column labels, its row labels), in the template's
    order; one a caption."""
    def flat(text: str) -> str:
        return "".join(to_simplified(text).split())

    return tuple(dict.fromkeys(
        (flat(b.caption), tuple(flat(c.label) for c in b.columns),
         tuple(flat(r.label) for r in b.data_rows))
        for v in load_template().versions.values() for b in v.tables["t2"].blocks
        if b.caption and b.data_rows))


def _t2_block(simple: list[str], flat: list[str], at: int, columns: tuple[str, ...],
              rows: tuple[str, ...], ends: set[str]) -> dict[int, Run] | None:
    """One block of 二 from its caption's line `at` (`t2_label_rows`): {line of each row's
    label: its values}, or None where the block does not show them."""
    no, seen = at + 1, []
    while no < len(flat) and flat[no] != rows[0]:  # the header: no value, columns in order
        if flat[no] in ends or _SECTION.match(flat[no]) or _values_only(simple[no]):
            return None
        if flat[no] in columns:
            seen.append(flat[no])
        no += 1
    if seen != list(columns):
        return None
    found: dict[int, Run] = {}
    for label in rows:
        while no < len(flat) and not flat[no]:
            no += 1
        if no == len(flat) or flat[no] != label:
            return None
        first, run = no, []
        no += 1
        while no < len(flat) and (not flat[no] or _values_only(simple[no])):
            run += [(no, w) for w in simple[no].split()]
            no += 1
        if len(run) != len(columns):
            return None
        found[first] = run
    if no < len(flat) and not (flat[no] in ends or _SECTION.match(flat[no])):
        return None  # anything after the last row but the next block or section
    return found


def t2_label_rows(lines: list[str]) -> dict[int, tuple[str, Run]]:
    """Table 二's rows printed one cell a line (WPS's PDF in reading order): {line of a
    row's label: (the label as printed, its values)}.

    二 has no identity, so a block is read only where its text shows every cell's place:
    after its caption, before its first row's label, no value and its column labels whole
    on their lines in the template's order (other words there: the label column's
    header, a page number); then each of its rows, in the template's order, a label alone
    on its line and exactly one value a column on lines of values only after it; then the
    next block's caption or a section's heading. Values printed before their label, a row
    short of a value or a label the block does not have leave the block unread."""
    simple = simplified_lines(lines)
    flat = ["".join(ln.split()) for ln in simple]
    shapes = _t2_shapes()
    ends = {caption for caption, _, _ in shapes}
    found: dict[int, tuple[str, Run]] = {}
    for at, line in enumerate(flat):
        fits = [b for caption, columns, rows in shapes if caption == line
                and (b := _t2_block(simple, flat, at, columns, rows, ends)) is not None]
        if len(fits) == 1:
            found |= {no: (lines[no].strip(), run) for no, run in fits[0].items()}
    return found
