"""Table 三's right columns read from a PDF's text in reading order where the table's right
part prints as one run of values, one a line, a row after another (issue 13).

Chromium's print of a report, turned into text by `pdftotext` without options, cuts
table 三 into two blocks: the left columns (自然人, 商业企业, …) printed between and
around the row labels, cut over lines, no order tying them to a row; and the right k
columns (科研机构 … 总计, or 法律服务机构, 其他, 总计) printed later, after 四's title,
as a run of n × k values one a line, k a row, row after row down the page (001, 004:
24 rows × 5 and × 3). The first block is left null (`values_not_placed`); of the
second, each row's values are kept where all of this holds, else nothing:

- **rows**: the run placed as the last k columns of n consecutive template rows puts
  every row the column identities need (the result rows and (七)总计; 新收, 结转 and
  结转下年 where placed), and they hold in all k columns (新收 + 结转 = (七)总计 + 结转下年,
  (七)总计 the sum of the result rows); no other run, width k or position of the n rows
  makes them hold. A value given to another row breaks a sum; shifting the rows breaks
  them all (numbers redrawn with every identity holding, `--revalued`, keep this).
- **总计 is the run's rightmost column**: the identities hold in every column alike, so
  they do not tell which is 总计. A line of 三's header ends with 总计 after other words
  of it and no line puts a word after 总计 (a converter puts words on one line only
  where they share a baseline, left to right: `科研 社会公 法律服 其 总计`; a narrow
  column cuts it a character a line, `… 其 总` / `… 他 计`, neither followed), and in every
  row the last value of the k is at least the sum of the others (总计 is the sum of the
  six), which no other of the k is in every row.

- **the other k - 1 columns** are kept only where a header line's last k words name
  三's last k columns in order, each word starting exactly one column's label
  (`科研 社会公 法律服 其 总计`: pieces of a wrapped header, header_pieces.column_started):
  the applicant columns are interchangeable in every identity, so only the header tells
  them apart. Elsewhere (a header naming them in another order, or not one a word) each
  row's 总计 only.
- **总计 alone on its line** (a header cell spanning the header's rows, printed on a
  baseline of its own: `总计` / `人` / `商业 科研 社会公 法律服 其`): its place is not
  shown, so the run is kept, all k columns, only where a line's last k - 1 words name
  the columns before 总计 in order and the left block's counts (reading_left) make every
  row's 总计 the sum of its six, whichever order the left columns take; the left block's
  values too where the header orders them.

- **the rows below the run, printed whole after it**: a page break cuts the right block
  short, and its last rows ((七)总计, 结转下年) print on the next page left and right
  together, 7 counts a row before their label (label-colons). The counts from the run's
  end to 四's title must be exactly 7 a row for the rows below the run, each row's 总计
  the sum of its six; their last k take part in the identities as the run's rows, and
  they are kept as the run's (all 7 where the left block's order is proven too).

The rows are flagged `row_placed_by_order` (their labels print away from their values).
Since order alone ties them, 三's row labels must print in the template's order: a table
printing two rows in each other's place keeps every identity, so it is not placed.

**A header printing the seven columns in another order** (one line naming all seven a
piece each, in one way only: `商业 科研 社会公 法律服 其 然 计`, reading_order.printed_t3_order),
总计 last: everything above holds in the printed order (every row's 总计 the sum of the six
before it, the identities column by column, the header's pieces naming the columns left
to right), so 三 is read in it and each value put under the column the header names
(flag `columns_reordered`). 总计 printed left of the right block (huaian's `总计 人 商业
科研 社会公 法律服 其`): every row's 总计 is the sum of its six where the header prints it,
and no value of the run is 总计, so the run is kept only with the left block's counts
making every row's sum hold (`_total_left`). 总计 printed inside the run but not last: not
read.

**The right block printed last on its page, past 四's values** (a landscape print: a page
break inside 三, the rows below it printing their left columns around their labels and
their right k, 总计 among them, as the page's last counts): the rows above the break print
whole, their number fixed by the counts; the run is kept only with the left block's
reading holding every row's sum and every identity (`_late_right_block`).

**The right block a run a page** (a page break inside 三, each page printing its rows'
right columns as a run at its end, the next page's left counts between: unmerged-empty):
the pieces, one a page on consecutive pages (told by their running lines, the parser's
text keeping no form feed), each piece whole rows, are placed as one run by the same rule
(`_page_runs`), tried only where nothing above reads.

**Sub-rows among the rows** (`其中：网上申请` under 一, 二 and 结转下年: a breakdown no cell of
三 holds): each prints its right counts inside the run where its label prints, so the run's
rows are 三's rows as printed, sub-rows among them (reading_rows.printed_rows); a sub-row's
counts are dropped from the run and the rest placed by the same rule. The left block is
cut into the same rows (the rows above the run whole, 7 counts each, sub-rows among them
too), each sub-row's counts dropped only where they print at its label (reading_left);
without a run (the 2019 format's pages), every row and sub-row whole, the same way.

**Cells glued behind a 0** (a narrow column's count printed against its right
neighbour's, no space between: item-apart's `0` / `0` / `0` / `09` for 0 0 0 0 9, 其他's 0
against 总计's 9): no count prints with a leading zero, so where no reading of the counts
as printed holds, every reading above is tried again with each leading 0 a cell of its own
(text_order.unglued_counts), the identities deciding as before. A reading as printed comes
first: a glued word read as one count is its last cell's value (`0002` is 2), and a run of
them may prove each row's 总计 alone.

**A 小计 column printed in the run** (a report adding the organisations' sum before
总计, a column the statute lacks: the run 6 a row, `0` / `0` / `61` / `4` / `118 3119`;
the 2019 format's pages every row whole, 8 a row): where no reading above holds and the
header prints a 小计 (`小计`, or `小` with its `计` ending a later line), the counts are
read with each row's 小计 out (`_subtotal_out`: the run's rows of k + 1 counted back from
its end, each 小计 between the sum of the values before it and 总计; whole rows of 8,
each 小计 the sum of the organisations and 总计 自然人 + 小计), the header's pieces out
too; one width only, whose reading places every cell of 三 and whose counts out are
every row's organisations' sum (`_subtotal_holds`, as column_map proves a 小计). Flagged
`column_dropped`.

**Rows split between the blocks at places of their own** (a broken rowspan or colspan
drawing some rows a column off the others): reading_split.py, tried last.

Where neither a right block nor whole rows read (LibreOffice's PDFs of a DOCX), 三 printed
in blocks a run of rows at a time: reading_blocks.py; also where 三 was withdrawn for its
header printing 总计 first or after every other column's piece (reading_blocks.total_first,
total_last: each row's 总计 and its rows of equal six only).
"""

from __future__ import annotations

import re
from copy import deepcopy
from itertools import takewhile
from typing import NamedTuple

from pipelines.read.text_order import (
    COUNT,
    bare_counts,
    count,
    simplified_lines,
    t3_versions,
    t4_title_line,
    unglued_counts,
)
from pipelines.read.text_pages import FORM_FEED, running_lines
from pipelines.recognise.column_map import SUBTOTAL_WORDS, reordered
from pipelines.recognise.grid import Grid
from pipelines.recognise.header_pieces import column_started
from pipelines.recognise.layout import FORMAT_CHARS
from pipelines.recognise.normalise import normalise
from pipelines.recognise.reading_blocks import block_rows, total_first, total_last
from pipelines.recognise.reading_left import (
    agreed_block,
    header_words,
    identities_hold,
    left_block,
    named_in_order,
    row_sums,
)
from pipelines.recognise.reading_order import printed_t3_order
from pipelines.recognise.reading_rows import Printed, printed_rows, rows_in_order, template_rows
from pipelines.recognise.reading_split import split_rows
from pipelines.recognise.reading_t2 import values_apart, values_run_on
from pipelines.report import CellValue, Flag
from schemas.template import cell_id_of

_TOTAL = "总计"
# A browser wrapping a label at a soft hyphen prints a hyphen there (`社会‐` / `公益‐`):
# no part of the label
_WRAP_HYPHEN = re.compile("\u2010(?=\\s|$)")
_WIDTH = 7  # 三's columns: the run's rows hold 1 to 7 of them
_PAST_TITLE = 2  # 三's last rows a page break may print past 四's title ((七)总计, 结转下年)

# an item's number opening a row label, or left alone where the label moved (`3.`)
_ITEM_NUMBER = re.compile(r"\d+[.．、](?:\D.*)?")
Run = list[tuple[int, int]]  # (0-based line, count)


def _runs(lines: list[str], start: int) -> list[Run]:
    """Runs of lines holding one count each (empty lines between them kept in the run)."""
    runs: list[Run] = []
    current: Run = []
    for no in range(start, len(lines)):
        word = lines[no].strip()
        if not word:
            continue
        if COUNT.fullmatch(word):
            current.append((no, count(word)))
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _pages(lines: list[str]) -> list[int]:
    """Each line's page: a page break is a group of running lines (text_pages: `2/3`, the
    print's date, the page's URL, found where the form feeds are lost as the parser's
    text loses them) with no count between them."""
    running = running_lines(lines)
    page, out, in_break = 0, [], False
    for no, line in enumerate(lines):
        if no in running:
            page += not in_break
            in_break = True
        elif any(COUNT.fullmatch(w) for w in line.split()):
            in_break = False
        out.append(page)
    return out


def _page_runs(lines: list[str], runs: list[Run]) -> list[list[Run]]:
    """Runs as the right block prints them where a page break cuts 三: each page's rows
    print their right columns as a run at the page's end (unmerged-empty's 001: 16 rows
    × 5 before `2/3`, the next page's 8 × 5 after its left columns), so the block is
    pieces, one a page on consecutive pages, every piece but the last ending its page (no
    count after it on its page). Every such chain of two or more pieces, in order."""
    pages = _pages(lines)

    def ends_page(run: Run) -> bool:
        nxt = next((no for no in range(run[-1][0] + 1, len(lines))
                    if any(COUNT.fullmatch(w) for w in lines[no].split())), len(lines))
        return pages[nxt - 1] > pages[run[-1][0]] if nxt < len(lines) else False

    chains: list[list[Run]] = []

    def grow(chain: list[int]) -> None:
        last = chain[-1]
        if not ends_page(runs[last]):
            return
        for j in range(last + 1, len(runs)):
            if pages[runs[j][0][0]] == pages[runs[last][0][0]] + 1:
                chains.append([runs[i] for i in (*chain, j)])
                grow([*chain, j])
    for i in range(len(runs)):
        grow([i])
    return chains


def _total_rightmost(header: list[str]) -> bool:
    """A header line ends with 总计 after other words; none puts a word after it. Or with
    one of its characters, where a narrow column wraps it (`… 其 总` / `… 他 计`, or `总`
    alone and `… 他 计`): then no word follows either character."""
    ends = False
    pieces = {_TOTAL, _TOTAL[0], _TOTAL[1]}
    for line in header:
        words = line.split()
        if pieces & set(words[:-1]):
            return False
        ends = ends or (len(words) > 1 and words[-1] in pieces)
    return ends


def _dominant_last(rows: list[list[int]]) -> bool:
    """The last of each row's values is at least the sum of the others in every row, and
    no other position is in every row (k >= 2: which one is 总计 is shown)."""
    def dominant(i: int) -> bool:
        return all(2 * row[i] >= sum(row) for row in rows)
    k = len(rows[0])
    return k >= 2 and dominant(k - 1) and not any(dominant(i) for i in range(k - 1))


def _named_right_columns(header: list[str], k: int, columns: list[str]) -> bool:
    """A header line's last k words name 三's last k columns, in order: each word starts
    exactly one column's label (`社会公` 社会公益组织, `其` 其他), the k-th from the end
    the k-th column from the end (pdftotext prints a line's words left to right)."""
    want = list(range(len(columns) - k, len(columns)))
    for line in header:
        words = [normalise(w) for w in line.split()]
        if len(words) >= k and [column_started(w, columns) for w in words[-k:]] == want:
            return True
    return False


class _Block(NamedTuple):
    """The right block placed: its rows' k values each, the lines it needs, the columns
    kept (all k where the header names them, else 总计's)."""
    placed: dict[int, list[int]]
    run: Run
    title: int
    header: list[str]
    kept: list[int]
    # the header's words, normalised, a note's pieces leading a line dropped (header_words)
    words: list[list[str]]
    # the rows below the run, printed whole after it (`_tail`): {row: [(line, value)] * 7}
    tail: dict[int, list[tuple[int, int]]]
    # its columns named but 总计 alone on its line: kept only with the left block, every
    # row's sum holding (`_total_alone`)
    sums_needed: bool = False
    # the rows printed up to the run's last, sub-rows among them, and how many of them
    # print above the run (`_Found`): the left block's rows
    printed: Printed | None = None
    whole: int = 0
    run_lines: frozenset[int] = frozenset()  # the run's lines, a sub-row's among them


def _counts_after(lines: list[str], run: Run, stop: int | None) -> Run | None:
    """The counts (line, value) from a run's end to 四's title line `stop`, or None where
    the run does not end above it."""
    if stop is None or stop <= run[-1][0]:
        return None
    return [(no, count(w)) for no in range(run[-1][0] + 1, stop)
            for w in lines[no].split() if COUNT.fullmatch(w)]


def _tail(counts: Run | None, end: int, rows: int, total: int
          ) -> dict[int, list[tuple[int, int]]] | None:
    """The `rows` rows below a run placed above row `end`, printed whole after it: {row:
    [(line, value)] * 7}, or None where they are not. A page break cuts the right block
    short: its last rows ((七)总计, 结转下年) print on the next page whole, left and right
    together, a label after its 7 counts (`2932 53` / `0` / `0` / `61` / `4` / `3050` /
    `（七）总计`). `counts`: every count from the run's end to 四's title
    (`_counts_after`), in order, 7 a row, each row's 总计 (its `total`-th, as printed) the
    sum of its six."""
    if rows == 0:
        return {}
    if counts is None or len(counts) != _WIDTH * rows:
        return None
    tail = {end + r: counts[r * _WIDTH:(r + 1) * _WIDTH] for r in range(rows)}
    if not all(row_sums([v for _, v in row], total) for row in tail.values()):
        return None
    return tail


def _title_and_first(lines: list[str], heading: str, matched: dict[str, int]
                     ) -> tuple[int, int] | None:
    """三's title line (`heading`, its last line above its first row's label) and its first
    row's label line (the label alone on its line), or None. Where no line is that label
    (cut over lines), the title's first line and the first line after it with a count:
    the header is above it either way."""
    flat = ["".join(ln.split()) for ln in lines]
    # the label as printed, or with trailing punctuation (`…申请数量：`) as normalise drops
    labels = {normalise(label): row for label, row in matched.items()}
    first = next((no for no, ln in enumerate(flat)
                  if matched.get(ln) == 0 or labels.get(normalise(ln)) == 0), None)
    if first is None:  # the label cut over lines (`一、本年新收政府信息公 3001 53`)
        title = next((no for no, ln in enumerate(flat) if heading in ln), None)
        first = None if title is None else next(
            (no for no in range(title + 1, len(lines))
             if any(COUNT.fullmatch(w) for w in lines[no].split())), None)
        return None if first is None or title is None else (title, first)
    title = next((no for no in range(first or 0, -1, -1) if heading in flat[no]), None)
    return None if first is None or title is None else (title, first)


class _Found(NamedTuple):
    """A placement of the right block: its rows' k values each, and the rows printed up to
    its last, sub-rows among them (`whole` of them printed above the run: 7 counts each
    in the left block)."""
    k: int
    run: Run  # the run's counts that are 三's cells (a sub-row's out)
    placed: dict[int, list[int]]
    tail: dict[int, list[tuple[int, int]]]
    printed: Printed
    whole: int
    lines: frozenset[int]  # the run's lines, a sub-row's among them


def _placements(lines: list[str], title: int, blocks: list[list[Run]],
                labels: tuple[str, ...], balance: tuple, totals: tuple, total: int
                ) -> list[_Found]:
    """Every placement of the `blocks` (a run, or a run's pieces a page each) whose rows,
    with the rows printed whole after it, make the identities hold."""
    found = []
    stop = t4_title_line(lines)
    printed = printed_rows(lines, title, labels)
    for pieces in blocks:
        run = [c for piece in pieces for c in piece]
        after = _counts_after(lines, run, stop)
        for k in range(1, _WIDTH + 1):
            # a row prints on one page: each piece holds whole rows
            if any(len(piece) % k for piece in pieces) or len(run) // k > len(printed):
                continue
            n = len(run) // k
            for stop_at in range(n, len(printed) + 1):
                segment = printed[stop_at - n:stop_at]
                rows = template_rows(segment)
                below = printed[stop_at:]
                if not rows or len(template_rows(below)) < len(below):
                    continue  # a sub-row below the run prints its counts elsewhere
                # the run's rows of 三 only: a sub-row's k counts are none of its cells
                ours = [c for r, row in enumerate(segment) if isinstance(row, int)
                        for c in run[r * k:(r + 1) * k]]
                placed = {rows[0] + r: [v for _, v in ours[r * k:(r + 1) * k]]
                          for r in range(len(ours) // k)}
                end = rows[-1] + 1
                tail = _tail(after, end, len(labels) - end, total)
                if tail is None:
                    continue
                whole = placed | {r: [v for _, v in row[-k:]] for r, row in tail.items()}
                if identities_hold(whole, k, balance, totals):
                    found.append(_Found(k, ours, placed, tail, printed[:stop_at],
                                        stop_at - n, frozenset(no for no, _ in run)))
    return found


def _placement(lines: list[str], title: int, first: int, columns: list[str],
               note: str | None, labels: tuple[str, ...], balance: tuple, totals: tuple,
               total: int, pages: bool = False) -> _Block | None:
    """The right block (module docstring), or None: the runs after 三's title line (with
    `pages`, the runs' chains a piece a page, `_page_runs`, instead);
    `first` its first row's label line; `columns` 三's column labels, normalised, as
    printed; `note` the note its header prints over the row labels; `total` 总计's
    printed place (the last, but where a header proves it elsewhere: `_total_left`)."""
    runs = _runs(lines, title)
    blocks = _page_runs(lines, runs) if pages else [[run] for run in runs]
    found = _placements(lines, title, blocks, labels, balance, totals, total)
    if len(found) != 1:
        return None  # none, or more than one placement the identities allow
    k, run, placed, tail, printed, whole, run_lines = found[0]
    header = [_WRAP_HYPHEN.sub("", line) for line in lines[title + 1:first]]
    words = header_words(header, columns, note)
    rows = {"printed": printed, "whole": whole, "run_lines": run_lines}
    if total < len(columns) - k:
        return _total_left(header, k, columns, _Block(placed, run, title, header,
                                                      list(range(k)), words, tail, True,
                                                      **rows))
    if total != len(columns) - 1 or not _dominant_last(list(placed.values())):
        return None
    if _total_alone(header) and (
            _named_right_columns(header, k - 1, columns[:-1])
            # or named chained over its lines, where 总计's place is shown no other way
            # (tried with the pieces only, as they are: where nothing else reads)
            or (pages and not _total_rightmost(header)
                and named_in_order(words, columns, range(len(columns) - k, len(columns) - 1)))):
        return _Block(placed, run, title, header, list(range(k)), words, tail, sums_needed=True,
                      **rows)
    if not _total_rightmost(header):
        return None
    # every column of the run where the header names them (on one line, or chained over
    # its lines as the left block's are), else its 总计 only
    named = (_named_right_columns(header, k, columns)
             or named_in_order(words, columns, range(len(columns) - k, len(columns))))
    kept = list(range(k)) if named else [k - 1]
    return _Block(placed, run, title, header, kept, words, tail, **rows)


def _total_left(header: list[str], k: int, columns: list[str], block: _Block
                ) -> _Block | None:
    """The run where its header prints 总计 left of the run's k columns (a header proven
    in another order, reading_order.printed_t3_order: huaian's `总计 人 商业 科研 社会公
    法律服 其`), or None. No value of the run is 总计, so no row's sum shows the run's
    place: a header line's last k words must name the last k printed columns in order,
    and the run is kept only where the left block's counts make every row's 总计 (where
    the header prints it) the sum of its six (`sums_needed`, `_values`)."""
    return block if _named_right_columns(header, k, columns) else None


def _total_alone(header: list[str]) -> bool:
    """总计 printed on a line of its own (or its two characters, 总 above 计), no word after
    it on any line (a header cell spanning the header's rows prints on a baseline of its
    own: unit-row's `自然 法人或其他组织` / `总计` / `人` / `商业 科研 社会公 法律服 其`,
    or 004's `总` / `然` / `计`). Its place is not shown; where the
    run's last value is every row's largest and a line names the run's other columns in
    order, the run is 三's last k columns only if every row's 总计 is the sum of its six,
    which the left block's values must then show (`_values`)."""
    lines = [line.split() for line in header]
    if any(_TOTAL in words[:-1] for words in lines):
        return False
    alone = [words[0] for words in lines if len(words) == 1]
    # or cut a character a line, as a narrow column wraps it (004: `总` / `然` / `计`)
    return _TOTAL in alone or (_TOTAL[0] in alone
                               and _TOTAL[1] in alone[alone.index(_TOTAL[0]) + 1:])


def _values(lines: list[str], block: _Block, columns: list[str], shape: tuple,
            total: int, left: bool = True) -> dict[int, list[tuple[int, int, int]]]:
    """{row index: [(column index, line, value)]}: the right block's kept columns, and the
    left block's values (reading_left) where all k columns are kept and it is proven;
    `total` 总计's printed place."""
    k = len(next(iter(block.placed.values())))
    width = len(columns)
    start = min(block.placed)
    out = {r: [(width - k + c, *block.run[(r - start) * k + c]) for c in block.kept]
           for r in block.placed}
    # the rows printed whole after the run: their last k columns as the run's
    out |= {r: [(width - k + c, *row[width - k + c]) for c in block.kept]
            for r, row in block.tail.items()}
    if len(block.kept) < k or not left:
        return {} if block.sums_needed else out
    header = block.words
    after = {r: [v for _, v in row] for r, row in block.tail.items()}
    # the left block's counts up to the run's last piece, the run's own out (a run cut by
    # a page break prints a piece a page: the next page's left counts come between)
    end, skip = max(block.run_lines), block.run_lines
    rows = {"after": after, "total": total, "skip": skip, "printed": block.printed,
            "whole": block.whole}
    left = left_block(lines, block.title, end, block.placed, header, columns,
                      len(shape[0]), shape[2], shape[3], **rows)
    if left is None and block.sums_needed:
        # the run's columns proven by every row's sum only, whichever the left columns'
        # order (the header may not show it: `自然` / `人` apart from `商业`)
        sums = left_block(lines, block.title, end, block.placed, header,
                          columns, len(shape[0]), shape[2], shape[3], ordered=False, **rows)
        return {} if sums is None else out
    for r, values in (left or {}).items():
        out[r] = values + out.get(r, [])
    if left is not None:  # the left columns' order proven: the tail rows' first m too
        out |= {r: [(c, *row[c]) for c in range(width)] for r, row in block.tail.items()}
    return out


def _whole(lines: list[str], title: int, first: int, columns: list[str], note: str | None,
           shape: tuple, total: int) -> dict[int, list[tuple[int, int, int]]] | None:
    """Without a right block: every row's 7 values, printed whole, in order, from 三's
    title to 四's (reading_left), or None; `total` 总计's printed place."""
    end = t4_title_line(lines)
    if end is None or end <= first:
        return None
    header = header_words(lines[title + 1:first], columns, note)
    rows = len(shape[0])
    # the rows as printed: a sub-row's 7 counts print among them, at its label
    printed = printed_rows(lines, title, shape[0])
    whole = left_block(lines, title, end, {}, header, columns, rows, shape[2], shape[3],
                       total=total, printed=printed)
    past = None if whole is not None else _past_t4_title(lines, title, end, rows, total)
    if not past:
        return whole
    whole = left_block(lines, title, end, {}, header, columns, rows, shape[2], shape[3],
                       after={r: [v for _, v in row] for r, row in past.items()}, total=total,
                       printed=printed)
    if whole is None:
        return None
    return whole | {r: [(c, no, v) for c, (no, v) in enumerate(row)]
                    for r, row in past.items()}


def _agreed(lines: list[str], title: int, first: int, columns: list[str], note: str | None,
            shape: tuple) -> dict[int, list[tuple[int, int, int]]] | None:
    """Without a right block, every row printed whole, the header leaving some columns'
    order open: the cells every order it allows places alike (reading_left.agreed_block),
    or None. Tried last: any reading proving the whole order goes first."""
    end = t4_title_line(lines)
    if end is None or end <= first:
        return None
    header = header_words(lines[title + 1:first], columns, note)
    return agreed_block(lines, title, end, header, columns, len(shape[0]), shape[2], shape[3])


def _split(lines: list[str], title: int, first: int, columns: list[str], note: str | None,
           shape: tuple) -> dict[int, list[tuple[int, int, int]]] | None:
    """Each row split between the left and right blocks at a place of its own (a broken
    rowspan or colspan drawing some rows a column off: reading_split), or None. Tried
    last."""
    return split_rows(lines, title, first, columns, note, shape[0], shape[2], shape[3])


def _page_ends(lines: list[str], start: int, size: int) -> list[Run]:
    """The last `size` counts of each page from line `start` on (a form feed ends a page;
    the text's end ends the last), where each is alone on its line: a column's block,
    which pdftotext prints after the page's other blocks."""
    pages: list[Run] = [[]]
    for no in range(start, len(lines)):
        if FORM_FEED in lines[no] and pages[-1]:
            pages.append([])
        words = lines[no].replace(FORM_FEED, " ").split()
        if any(COUNT.fullmatch(w) for w in words):
            pages[-1].append((no, count(words[0])) if len(words) == 1 else (-1, 0))
    return [page[-size:] for page in pages
            if len(page) >= size and all(no >= 0 for no, _ in page[-size:])]


def _unread_value(word: str) -> bool:
    """A word opening with a digit that is no count alone and no item's number (`3.`,
    `1.属于国家秘密`): a value printed another way (`23,023`, `23件`, `7.5`). Its cell is
    then among no count, and the counts' number, short, may fit another cut of the rows
    (k is free in `_late_right_block`): nothing there is read."""
    return bool(word[:1].isdigit() and not COUNT.fullmatch(word)
                and not _ITEM_NUMBER.fullmatch(word))


def _late_right_block(lines: list[str], title: int, first: int, columns: list[str],
                      note: str | None, shape: tuple
                      ) -> dict[int, list[tuple[int, int, int]]] | None:
    """三 cut by a page break, the right k columns of the rows below the break printed as
    the page's last counts, past 四's values (landscape prints: 001's rows from
    `3.要求提供公开出版物` on print their six counts around their labels, their 总计
    column `0` / `0` / `1` / `71` / … / `103` after 四's values), or None. The rows above
    the break print whole, so the n counts from 三's title to 四's are 7a + (7 - k)(R - a)
    for R rows, a of them above it: a is fixed by k. The run is the last (R - a)·k counts
    of a page past 四's title, each alone on its line; the left block (reading_left) then
    reads the rows above whole and the rest's first 7 - k, and every row's 总计 (the last column:
    only where the header puts it last) must be the sum of its six, the column identities
    hold in all seven, and the header name the left columns in order. Kept where every
    such reading, over every k and page, places the same values."""
    end = t4_title_line(lines)
    if end is None or end <= first:
        return None
    rows, width = len(shape[0]), len(columns)
    words = [(no, w) for no in range(title + 1, end) for w in lines[no].split()]
    counted = [no for no, w in words if COUNT.fullmatch(w)]
    if not counted or any(_unread_value(w) for _, w in words):
        return None
    n = len(counted)
    # the header prints above the first count, after the row labels in a landscape print
    # (their lines name no column: `_line_columns` passes over them)
    header = header_words(lines[title + 1:max(first, counted[0])], columns, note)
    found = []
    for k in range(1, width):
        a, rest = divmod(n - (width - k) * rows, k)
        if rest or not 0 <= a < rows or (
                k > 1 and not named_in_order(header, columns, range(width - k, width))):
            continue
        for run in _page_ends(lines, end + 1, (rows - a) * k):
            right = {a + r: [v for _, v in run[r * k:(r + 1) * k]] for r in range(rows - a)}
            left = left_block(lines, title, end, right, header, columns, rows, shape[2],
                              shape[3])
            if left is not None:
                found.append(left | {r: left.get(r, []) + [
                    (width - k + c, *run[(r - a) * k + c]) for c in range(k)] for r in right})
    values = [{r: [v for *_, v in row] for r, row in f.items()} for f in found]
    return found[0] if found and all(v == values[0] for v in values) else None


def _past_t4_title(lines: list[str], title: int, end: int, rows: int, total: int
                   ) -> dict[int, list[tuple[int, int]]] | None:
    """三's last rows printed whole past 四's title (line `end`): {row: [(line, value)] * 7},
    or None. A page break puts 三's last row (结转下年) on the next page, and pdftotext
    prints it after 四's title, before 四's header (005's note-column print: `四、…情况` /
    the page's header / `0` × 7 / `备`). Taken where 三's counts up to 四's title are
    short of its rows' by whole rows (7 each, at most `_PAST_TITLE` rows), and the first
    counts after 四's title are exactly that many on lines of their own, a line of other
    words after them (四's header): a block of 三's rows, not 四's values run on. Each
    row's 总计 must be the sum of its six (`_tail`); the identities then decide
    (reading_left)."""
    inside = sum(1 for no in range(title + 1, end) for w in lines[no].split()
                 if COUNT.fullmatch(w))
    short = _WIDTH * rows - inside
    if short <= 0 or short % _WIDTH or short // _WIDTH > _PAST_TITLE:
        return None
    block: list[tuple[int, int]] = []
    for no in range(end + 1, len(lines)):
        words = lines[no].split()
        if not words:
            continue
        if all(COUNT.fullmatch(w) for w in words):
            block += [(no, count(w)) for w in words]
        elif block or any(COUNT.fullmatch(w) for w in words):
            break  # the block ends at the first line of other words after it
    return _tail(block, rows - short // _WIDTH, short // _WIDTH, total)


def _t3_out_of_order(flag: Flag) -> bool:
    return flag.code == "columns_out_of_order" and flag.message.startswith("t3'")


def _withdrawn(grid: Grid) -> bool:
    """三 withdrawn for a header printed in another order (reading_order.withdraw_unread_t3):
    its values not placed again by the left block's order."""
    return any(map(_t3_out_of_order, grid.flags))


def _printed_order(text: str, version_id: str, width: int) -> tuple[int, ...] | None:
    """三's columns in the order its header prints them (reading_order.printed_t3_order),
    where that is not the template's: the reading here then holds as it does in the
    template's order (every row's 总计 the sum of the six, where the header prints it, the
    identities column by column, the header's pieces naming the columns left to right),
    so the values confirm the header's order."""
    order = printed_t3_order(text, version_id)
    return None if order is None or order == tuple(range(width)) else order


def _reordered(grid: Grid, printed: list[str]) -> None:
    """三's flag for a header out of order replaced: its values placed under the columns
    its header names."""
    grid.flags[:] = [f for f in grid.flags if not _t3_out_of_order(f)]
    grid.flags.append(reordered("t3", printed))


def _row_read(grid: Grid, row: str) -> None:
    """A row placed whole: found, and no longer flagged as not placed (its flags say
    `row t3.<id>: its label was read but not its values…`)."""
    grid.rows_found.setdefault("t3", set()).add(row)
    stale = f"row t3.{row}:"
    grid.flags[:] = [f for f in grid.flags
                     if not (f.code == "values_not_placed" and f.message.startswith(stale))]


def _which(values: list[tuple[int, int, int]], width: int) -> str:
    """The columns of a row placed, as its flag says them."""
    cols = [c for c, _, _ in values]
    if cols == [width - 1]:
        return "its 总计 only"
    if len(cols) == width:
        return "all its columns, as its header names them"
    if cols == list(range(width - len(cols), width)):
        return f"its last {len(cols)} columns, as its header names them"
    return (f"{len(cols)} of its columns, those every order its header allows places "
            "alike")


def place_t3_totals(grid: Grid, text: str, rendering: str) -> None:
    """Each row's values of table 三's right block, or its 总计 only, from a run of values
    printed row after row (module docstring), in a text read in reading order where no
    cell of those rows holds a value. Where no reading of the counts as printed holds, the
    same readings with the cells glued behind a 0 apart (`0 0 0 02` read `0 0 0 0 2`:
    text_order.unglued_counts); a glued word read as printed is its last cell's value
    (`0002` is 2), which a reading as printed may prove alone (a row's 总计)."""
    if rendering != "text_reading_order":
        return
    # invisible format characters (soft hyphens) out, as the layout's cells have them;
    # counts without their units, as the read step took them (text_order.bare_counts)
    lines = bare_counts(simplified_lines(FORMAT_CHARS.sub("", text).split("\n")))
    if _place(grid, text, lines):
        return
    if (unglued := unglued_counts(lines)) != lines and _place(grid, text, unglued):
        return
    # a 小计 in the run: a reading a width, kept where exactly one places
    placed = [(trial, g) for trial, subtotals in _subtotal_out_of(grid, lines)
              if _place(g := deepcopy(grid), text, trial) and _subtotal_holds(g, subtotals)]
    if len(placed) == 1:
        _place(grid, text, placed[0][0])
        grid.flags.append(Flag("column_dropped", "t3's header prints a column the statute "
                               "lacks (小计) inside its right block's run, the sum of its "
                               "organisation columns in every row: it is not published"))


def _subtotal_header(header: list[str]) -> list[str] | None:
    """三's header lines with a 小计 (合计) column's pieces out, or None where it prints none:
    the word whole (`… 其 小计 总计`), or its first character a word just before 总计 (or
    总) or alone on its line, and its second one of the 计 ending one later line: the last
    where 总计 prints whole (`社会 法律 其 小 总计` / `人 企业 … 他 计`), the first of two
    where 总计 wraps too, left to right (`法律 其 小 总` / `服务 他 计 计`). A count's place
    is its (line, word): no line losing a piece may hold one."""
    out = [line.split() for line in header]
    wrapped = not any(_TOTAL in words for words in out)
    tail = [_TOTAL[1]] * (2 if wrapped else 1)
    for no, words in enumerate(out):
        if whole := [w for w in words if w in SUBTOTAL_WORDS]:
            out[no] = [w for w in words if w not in whole]
            return _no_count_moved(header, out)
        for word in {w[0] for w in SUBTOTAL_WORDS}:
            at = [i for i, w in enumerate(words) if w == word and (
                words[i + 1:i + 2] == [_TOTAL[0] if wrapped else _TOTAL] or words == [w])]
            ends = [n for n in range(no + 1, len(out)) if out[n][-len(tail):] == tail]
            if len(at) == 1 and len(ends) == 1:
                del words[at[0]]
                del out[ends[0]][-len(tail)]
                return _no_count_moved(header, out)
    return None


def _no_count_moved(header: list[str], out: list[list[str]]) -> list[str] | None:
    """The header's lines as `out` has them, or None where a line changed holds a count."""
    changed = [line for line, words in zip(header, out, strict=True) if line.split() != words]
    if any(COUNT.fullmatch(w) for line in changed for w in line.split()):
        return None
    return [" ".join(words) for words in out]


def _count_lines(lines: list[str], start: int) -> list[list[int]]:
    """Runs of lines holding counts only (empty lines between them kept in the run), each
    its lines' numbers from line `start` on."""
    runs: list[list[int]] = [[]]
    for no in range(start, len(lines)):
        words = lines[no].split()
        if words and all(COUNT.fullmatch(w) for w in words):
            runs[-1].append(no)
        elif words and runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _subtotal_out(lines: list[str], title: int, first: int
                  ) -> list[tuple[list[str], list[int]]]:
    """The lines with a 小计 column printed in the right block's run taken out, one reading
    a width k. A report adding a 小计 (the organisations' sum) before 三's 总计 prints it
    inside the run, k + 1 a row (`0 0 61 4 118 3119`: 科研 … 其他, 小计, 总计): where the
    header prints a 小计 (`_subtotal_header`), the rows of k + 1 counts ending a run of
    count lines after 三's first row, counted back from its end while each has its second
    last at least the sum of the values before it and at most its last (a 小计 of the
    organisations, 总计 beyond it), at least two, are read with that count out; the
    header's 小计 goes too. Each reading with the counts taken out, in order: the readings
    then prove the rest as for any run, and the counts out must be the 小计 of the rows
    placed (`_subtotal_holds`)."""
    header = _subtotal_header(lines[title + 1:first])
    if header is None:
        return []
    found: dict[int, dict[tuple[int, int], int]] = {}
    for run in _count_lines(lines, first):
        words = [(no, i, count(w)) for no in run for i, w in enumerate(lines[no].split())]
        for k in range(2, _WIDTH):
            rows = [words[len(words) - r - k - 1:len(words) - r]
                    for r in range(0, len(words) - k, k + 1)]
            held = list(takewhile(
                lambda row: sum(v for *_, v in row[:-2]) <= row[-2][2] <= row[-1][2], rows))
            if len(held) >= 2:
                found.setdefault(k, {}).update(((no, i), v) for *_, (no, i, v), _ in held)
    if whole := _whole_rows_of_eight(lines, title):
        found[_WIDTH] = whole
    out = lines[:title + 1] + header + lines[first:]
    return [([" ".join(w for i, w in enumerate(line.split()) if (no, i) not in cut)
              for no, line in enumerate(out)],
             [cut[at] for at in sorted(cut)]) for cut in found.values()]


def _whole_rows_of_eight(lines: list[str], title: int) -> dict[tuple[int, int], int]:
    """{(line, word): value} of each row's 小计 where 三 prints every row whole, 8 counts
    a row (the 2019 format's pages: `23 0` / `0` / `0` / `0` / `0` / `0 0 23`), from its
    title to 四's: every row's seventh the sum of its second to sixth (the organisations)
    and its eighth its first plus its seventh (总计 = 自然人 + 小计); else none."""
    end = t4_title_line(lines)
    if end is None:
        return {}
    words = [(no, i, count(w)) for no in range(title + 1, end)
             for i, w in enumerate(lines[no].split()) if COUNT.fullmatch(w)]
    rows = [words[r:r + _WIDTH + 1] for r in range(0, len(words), _WIDTH + 1)]
    values = [[v for *_, v in row] for row in rows]
    if len(rows) < 2 or len(words) % (_WIDTH + 1) or not all(
            row[6] == sum(row[1:6]) and row[7] == row[0] + row[6] for row in values):
        return {}
    return {(row[6][0], row[6][1]): row[6][2] for row in rows}


def _subtotal_holds(grid: Grid, subtotals: list[int]) -> bool:
    """A reading with a 小计 out placed every cell of 三, and the counts taken out are, in
    order, the sums of the organisation columns (商业企业 … 其他: between 自然人 and 总计)
    of its last rows: the column taken out is the 小计 the header names, proven by every
    row's values (as column_map proves a 小计 in a table's rows)."""
    table = grid.version.tables["t3"]
    rows = []
    for row in table.data_rows:
        cells = [grid.cells.get(cell_id_of("t3", row.id, c.id)) for c in table.columns]
        if any(c is None or c.value is None for c in cells):
            return False
        rows.append(sum(c.value for c in cells[1:-1]))
    return len(subtotals) <= len(rows) and rows[len(rows) - len(subtotals):] == subtotals


def _marks(grid: Grid, lines: list[str]) -> tuple[tuple, tuple[int, int]] | None:
    """三's shape (text_order.t3_versions) and its title and first row's lines
    (`_title_and_first`), or None."""
    table = grid.version.tables["t3"]
    labels = tuple(r.label for r in table.data_rows)
    shapes = [s for s in t3_versions() if s[0] == labels]
    heading = "".join(table.title.split())
    marks = None if not shapes else _title_and_first(lines, heading, shapes[0][1])
    return None if marks is None else (shapes[0], marks)


def _subtotal_out_of(grid: Grid, lines: list[str]) -> list[tuple[list[str], list[int]]]:
    """The readings of `lines` with a 小计 in the right block's run out (`_subtotal_out`),
    where 三's title and first row are found; none elsewhere."""
    found = _marks(grid, lines)
    return [] if found is None else _subtotal_out(lines, *found[1])


def _place(grid: Grid, text: str, lines: list[str]) -> bool:
    """Table 三's values read from the text's `lines` put in the grid (`place_t3_totals`);
    False where no reading holds."""
    table = grid.version.tables["t3"]
    rows = table.data_rows
    columns = [normalise(c.label) for c in table.columns]
    if (found := _marks(grid, lines)) is None:
        return False
    shape, marks = found
    labels, _, balance, totals = shape
    if not rows_in_order(lines, marks[0], labels):
        return False  # rows printed in another order: their values' order ties them to nothing
    # after 三 was withdrawn for a header out of order, the right block's proven columns
    # only (its 总计: the header ends with it), nothing placed by the left block's order;
    # unless the header names the seven in one order, 总计 last: read in that order
    withdrawn = _withdrawn(grid)
    order = _printed_order(text, grid.version.id, len(columns))
    total = len(columns) - 1
    if order is not None:
        columns, withdrawn = [columns[c] for c in order], False
        total = order.index(total)
    block = _placement(lines, *marks, columns, table.note, labels, balance, totals, total)
    # 二's values printed apart inside 三's text (reading_t2.values_apart) are not 三's;
    # those with values running on below them (values_run_on) are read both ways
    t2 = grid.version.tables["t2"]
    in_blocks = (lines, marks[0], sorted(shape[1], key=shape[1].get), balance,
                 totals, columns, frozenset(values_apart(lines, t2)),
                 frozenset(values_run_on(lines, t2)))
    if block is not None:
        placed = _values(lines, block, columns, shape, total, left=not withdrawn)
    elif withdrawn:
        # withdrawn for 总计 printed first: each row's 总计 and the rows whose six are equal,
        # which no order of the six changes (reading_blocks.total_first)
        placed = block_rows(*in_blocks) if (total_first(lines, marks[0], columns) or
                                            total_last(lines, marks[0], columns)) else None
    else:
        placed = (_whole(lines, *marks, columns, table.note, shape, total)
                  # both read each row's 总计 as its last count
                  or (total == len(columns) - 1 and (
                      _late_right_block(lines, *marks, columns, table.note, shape)
                      or block_rows(*in_blocks)
                      or (order is None and _agreed(lines, *marks, columns, table.note,
                                                    shape))
                      or (order is None and _split(lines, *marks, columns, table.note,
                                                   shape)))))
    if not placed and block is None:
        # the right block a run a page, only where nothing else reads: (七)总计 printed
        # whole on the next page ends with a run of its right counts, which would chain
        # to a block one run already is (label-colons)
        block = _placement(lines, *marks, columns, table.note, labels, balance, totals,
                           total, pages=True)
        placed = block and _values(lines, block, columns, shape, total,
                                   left=not withdrawn)
    if not placed:
        return False
    if order is not None:  # printed places to the template's columns
        placed = {r: [(order[col], no, v) for col, no, v in values]
                  for r, values in placed.items()}
    ours = {cell_id_of("t3", rows[r].id, table.columns[col].id): value
            for r, values in placed.items() for col, _, value in values}
    cells = [cell_id_of("t3", rows[r].id, c.id) for r in placed for c in table.columns]
    others = {cid: c.value for cid in cells
              if (c := grid.cells.get(cid)) is not None and c.value is not None}
    # another reading placed values there: not mixed with this one, unless this one places
    # every cell of its rows and agrees with each of those (two readings, one table)
    if others and (len(ours) < len(cells) or any(ours[c] != v for c, v in others.items())):
        return True
    if all(len(placed.get(r, ())) == len(columns) for r in range(len(rows))):
        # every row placed whole: the note that its rows were not is no longer true
        grid.flags[:] = [f for f in grid.flags if not (
            f.code == "column_order_unread" and f.message.startswith("t3's"))]
    if order is not None:
        _reordered(grid, columns)
    for r, values in sorted(placed.items()):
        if len(values) == len(columns):
            _row_read(grid, rows[r].id)
        for col, no, value in values:
            cid = cell_id_of("t3", rows[r].id, table.columns[col].id)
            grid.cells[cid] = CellValue(cid, value, "number", str(value), None, f"line {no + 1}")
        which = _which(values, len(columns))
        grid.flags.append(Flag("row_placed_by_order", f"row t3.{rows[r].id}: its label was "
                               "printed away from its values, which were placed by their "
                               f"order ({which})"))
    return True
