"""Tokens to the statutory grid: which printed values belong to which cell.

A row label anchors its row; its values are the value tokens that follow it (in the
same printed row when the rendering kept rows, and the rows of values alone it wrapped
onto while short of the row's columns, unless it prints every column of every row;
else the consecutive run). The template
says how many values the row must have. A digit run whose split is not forced, or a row
with fewer values than columns (a rendering that dropped blank cells), is left `pending`
for the solver (resolve.py); a row with more values is not guessed: where the rendering
prints every column of every row its table's header may place them (header_columns.py),
else its cells are null and flagged. Table 四 has no row labels: its 15 values follow
its own header, never a label it shares with table 三 (总计). Values printed after a
row that matches no statutory label are never lent to a neighbouring row.

A cell printed with something that is no value (`NaN`, `=SUM(B2:B5)`, `?`; see
`values.may_stand_for_value`) ends a run of values. It is taken as a value, `unreadable`
with its text kept, only where the values then fill the row exactly: a non-number in the
middle of a row, never an extra cell that would shift the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise, takewhile
from operator import attrgetter

from pipelines.document import (
    REF_BOX_CELL,
    REF_LINE,
    REF_PIPE_CELL,
    REF_RULED_CELL,
    REF_TABLE_CELL,
    REF_TEXT,
)
from pipelines.numbering import NUMBERED, ROW_NUMBER
from pipelines.recognise.cells import cell_value, unresolved_cell
from pipelines.recognise.digits import split_run
from pipelines.recognise.drawn_columns import drawn_reading, drawn_t4, pushed_reading
from pipelines.recognise.header_columns import RowIndex, box_header_reading, header_reading
from pipelines.recognise.header_pieces import header_columns_proven
from pipelines.recognise.labels import labels_of
from pipelines.recognise.layout import is_sequence_header
from pipelines.recognise.number_breaks import joined_over_breaks
from pipelines.recognise.pulled import alike, box_column, label_columns, pull_proven, pulled_rows
from pipelines.recognise.pushed import push_refuted
from pipelines.recognise.tokens import Token, unknown_column
from pipelines.recognise.values import may_stand_for_value, read_printed
from pipelines.report import CellValue, Flag
from pipelines.textnorm import UNIT, nfkc
from schemas.identities import Identity, fails, identities
from schemas.template import Block, Row, ValueType, Version, cell_id_of, load_template


@dataclass
class Pending:
    """Printed values whose cells the solver must settle: a run, or a row that lost blanks."""

    kind: str  # digits | columns | pieces (cells holding several columns' values)
    values: list[Token]
    cells: list[tuple[str, ValueType]]  # (cell id, value type) in printed order
    blanks: bool = False  # digits: the rendering may have dropped blank cells from the run
    whole: bool = False  # digits: each piece is one cell (Grid.runs_shown), never cut


@dataclass
class Grid:
    """The result of placing a document's tokens into one version's template."""

    version: Version
    cells: dict[str, CellValue] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    rows_found: dict[str, set[str]] = field(default_factory=dict)  # table -> row ids
    pending: dict[tuple[str, str], Pending] = field(default_factory=dict)
    # Digit runs split only because each cell took one digit or one piece: forced only
    # while the rendering keeps every cell, so withdrawn when `lost_blanks`.
    forced_runs: dict[tuple[str, str], Pending] = field(default_factory=dict)
    lost_blanks: bool = False  # a run had fewer digits than its cells: blanks were dropped
    # Some value piece of the page's text is no one number (`007`, `0000000`: a leading
    # zero): the page ran its cells together, so a piece may hold several cells. Without it,
    # whitespace is the page's cell boundary (a crawler's `get_text(" ")`), and a row of
    # fewer pieces than cells lost a blank or a column, never ran two cells together: a
    # row identity met by cutting pieces ("133 16 7 2 160" as 1,33,16,7,2,1,60) is chance.
    runs_shown: bool = False
    last_index: int = -1  # index of the last token used, to tell truncation
    # Rows read from one value a printed row (a PDF's text a glyph run a line), and
    # whether some such row had more values than cells: then digits of one number were
    # printed a line each, and no row read that way is sure (_withdraw_glyph_rows).
    glyph_rows: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    glyphs_cut: bool = False
    # Rows read from a text printing a cell a line and no rows (`_a_cell_a_line`), and
    # the tables where such a row printed more numbers than cells: a number cut over
    # lines, or a column the statute lacks (三's 小计, merged values copied) that holds
    # only where it shows; null in those tables, or in 二 where its headings print one.
    line_rows: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    lines_cut: set[str] = field(default_factory=set)
    # Its lines are lynx's (Document.paragraph_cells): two values an empty line apart are
    # two cells, never a `<br>`'s pieces (`_lines_joinable`).
    paragraph_cells: bool = False
    full_width_rows: bool = False  # the reader printed every column of every row
    # Its tables printed at a fixed width (Document.clipped_rows): a row's values may be
    # pushed right by a span from above, its last ones dropped (`maybe_pushed`).
    clipped_rows: bool = False
    # Its rows that open with a blank (`maybe_pushed`) and fill their columns, placed as
    # printed until the table's identities decide (_withdraw_pushed_rows): (table, row)
    # -> its cells and the count of its leading blanks.
    pushed_rows: dict[tuple[str, str], tuple[tuple[str, ...], int]] = field(
        default_factory=dict)
    # Its ruled rows placed whose label prints apart from their values (`_label_apart`),
    # and the tables where a row printed more cells than columns, its numbers left of
    # them: a span the table printed at a fixed width dropped, so rows whose labels
    # spanned columns stand shifted (_withdraw_unproven_spanned).
    fixed_rows: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    spanned_tables: set[str] = field(default_factory=set)
    # 三's header proves its columns where they print cut into pieces (header_pieces.py):
    # None until a row whose cells hold several columns' values asks
    pieces_header: bool | None = None
    t4_line: tuple[str, ...] = ()  # 四's cells in printed order where one printed row holds them
    # Some row printed more numbers than the template has columns: the page has numbers
    # that are no cell of their row (an unknown column), so a row short of its columns
    # is not placed by identities (resolve.py), which take every printed value for a cell.
    overflowed: bool = False
    overflowed_tables: set[str] = field(default_factory=set)  # the tables where it did
    # ... and the rows that did in pieces of text, no cells a page delimits (`_pieces`),
    # by the prefix of their cell ids (`t3.granted.`; `t4.`: 四 read as one run): a row
    # no later step reads (merged_copies.py, column_map.py) is unexplained
    # (_breaks_numbers)
    overflowed_rows: set[str] = field(default_factory=set)
    # Rows read by dropping their blank cells (_filled_when_exact), taken for a flattened
    # span's remnants: withdrawn where their table prints a column of numbers the
    # template lacks, unless their identities prove them (_withdraw_dropped_blanks).
    dropped_blanks: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # Rows placed by their count, printed without a blank: where other rows of the table
    # print fewer values (a rendering that drops blanks), the count may be a dropped
    # blank's and an unknown column's number (_withdraw_unbalanced_rows).
    counted_rows: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # ... those of them whose values printed over several lines (joined by their count),
    # and the tables where a row's digits may have wrapped onto a line of their own
    joined_rows: set[tuple[str, str]] = field(default_factory=set)
    wrapped_tables: set[str] = field(default_factory=set)
    # Rows joined over lines by their count whose identities fail in the template's
    # order, null (`_joined_unproven`): their values as printed and the flag saying so.
    # A header printing the columns in another order (总计 first) fails them all the
    # same; column_map.place_by_header tries them again under the header's order.
    joined_unproven: dict[tuple[str, str], tuple[list[Token], Flag]] = field(
        default_factory=dict)
    # ... and the rows whose every break the count proved inside a number and joined
    # (number_breaks.py): their table cuts numbers, they are proven
    break_joined: set[tuple[str, str]] = field(default_factory=set)
    # Tables whose header ends a printed row of its headings in a word naming no
    # statutory column (`第二十条第（一）项 同比`: trailing_column.py): each row may print
    # a number of that column after its own
    trailing_words: dict[str, str] = field(default_factory=dict)
    # Tables with a printed row wider than its columns whose last cell is filled (no
    # padding): the table has a column the template lacks.
    wide_tables: set[str] = field(default_factory=set)
    # Rows read past blank cells after their last column (taken for padding): withdrawn
    # where their table is wide, since a blank may then be a column of ours (a 小计
    # column before 总计, 总计 left blank: 小计 would be read as 总计).
    padded_rows: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # Each row printed with more values than its columns, its values as printed (blanks
    # kept; a row a width wrapped, over its printed lines: _wide_over_lines): a column
    # the template lacks (a 小计, a trailing 同比), which column_map.py and
    # trailing_column.py may prove by its header and its sums.
    wide_rows: dict[tuple[str, str], list[Token]] = field(default_factory=dict)
    # In a rendering printing every column of every row (full_width_rows), each row's
    # values as printed (a spanning label's empty remnants kept): a header lacking a
    # column names fewer columns than the template, which column_map.py may place.
    full_rows: dict[tuple[str, str], list[Token]] = field(default_factory=dict)
    # The refs of each row's values in a box-drawn table, and where each table's row
    # labels begin: a row whose values begin left of its table's others, where another
    # row begins its label, was shifted by a span cut short (pulled.py).
    # (every value's ref, whether they are no more than its columns: placed by count)
    value_refs: dict[tuple[str, str], tuple[list[str], bool]] = field(
        default_factory=dict)
    label_columns: dict[str, set[tuple[str, int]]] = field(default_factory=dict)

    @property
    def tables_found(self) -> list[str]:
        return sorted(t for t, rows in self.rows_found.items() if rows)


@cache
def _blocks_by_row(version: str) -> dict[tuple[str, str], Block]:
    """(table, row) -> block of every data row (cached: the same for every report)."""
    return {(t.id, r.id): b for t in load_template().version(version).tables.values()
            for b in t.blocks for r in b.data_rows}


@cache
def _row_cells(version: str) -> dict[tuple[str, str], tuple[tuple[str, ValueType], ...]]:
    """(table, row) -> the row's cells (id, value type) in its block's column order
    (cached: the template's, asked for each row placed)."""
    return {key: tuple((f"{key[0]}.{key[1]}.{c.id}", c.value_type) for c in block.columns)
            for key, block in _blocks_by_row(version).items()}


def _cells_of(version: str, table: str, row: str, block: Block) -> list[tuple[str, ValueType]]:
    """The row's cells (id, value type) as `block` has them."""
    if _blocks_by_row(version).get((table, row)) is block:
        return list(_row_cells(version)[(table, row)])
    return [(cell_id_of(table, row, c.id), c.value_type) for c in block.columns]


def _row_of(token: Token, rows: dict[tuple[str, str], Block]) -> tuple[str, str] | None:
    """The (table, row) a label token names, if it is a data row of this version."""
    for label in token.labels:
        if label.kind in ("row", "group") and (label.table, label.key) in rows:
            return label.table, label.key
    return None


def _values_after(tokens: list[Token], i: int, n: int,
                  wraps: bool = False) -> tuple[list[Token], int]:
    """Value tokens belonging to the label at i (n expected), and the index of the last one
    used. A run that falls short may go on through printed non-numbers if it then has
    exactly n values. Where the rendering may wrap a printed row (`wraps`: rows kept, not
    every column printed), a short run goes on through the next printed rows that hold
    values and nothing else, while it is still short and never past n."""
    values, last = _run(tokens, i + 1, tokens[i].row, n)
    if wraps and tokens[i].row is not None:
        return _wrapped_on(tokens, values, last, n)
    return values, last


def _wrapped_on(tokens: list[Token], values: list[Token], last: int,
                n: int) -> tuple[list[Token], int]:
    """A printed row's values with those the rendering wrapped onto the next printed rows:
    rows of values and nothing else, taken while the run is short of n, never past it."""
    while len(values) < n:
        nxt = last + 1
        if nxt >= len(tokens) or tokens[nxt].kind != "value" or tokens[nxt].row is None:
            break
        more, end = _run_of(tokens, nxt, tokens[nxt].row, _is_value)
        if end + 1 < len(tokens) and tokens[end + 1].row == tokens[nxt].row:
            break  # the next printed row holds more than values: a row of its own
        if len(values) + len(more) > n:
            break
        if all(v.printed is not None and v.printed.state == "blank" for v in more):
            break  # a printed row of empty cells only (a page break's filler) holds none
        values, last = values + more, end
    return values + _lone_values_after(tokens, values, last), last


def _wide_over_lines(tokens: list[Token], values: list[Token], last: int,
                     n: int) -> tuple[list[Token], int] | None:
    """A wrapped row's values with every printed row of values alone after them, up to
    the next printed row holding anything else, where they number more than its n
    columns: the row as its rendering wrapped it at a width (lynx at 40 columns prints
    `…数量 23 0 0 0 0 0 0` / `23` for eight cells), a column the statute lacks among
    them (a 小计, a trailing 同比), which only the header and identities can place
    (column_map.py, trailing_column.py), and the index of the last. None where they do
    not exceed n."""
    wide, end = list(values), last
    while (nxt := end + 1) < len(tokens) and tokens[nxt].kind == "value" and (
            tokens[nxt].row is not None and tokens[nxt].row != tokens[end].row):
        more, stop = _run_of(tokens, nxt, tokens[nxt].row, _is_value)
        if stop + 1 < len(tokens) and tokens[stop + 1].row == tokens[nxt].row:
            return None  # a printed row holding more than values: a row of its own
        if all(v.printed is not None and v.printed.state == "blank" for v in more):
            break  # a printed row of empty cells only (a spacer row) holds none
        wide, end = wide + more, stop
    # a text's lines only: a table's cells (HTML, Word) and boxes are rows of their own
    if not all(REF_TEXT.fullmatch(v.ref) for v in wide):
        return None
    return (wide, end) if len(wide) > n and end > last else None


def _lone_values_after(tokens: list[Token], values: list[Token], last: int) -> list[Token]:
    """Where a row's values came one a printed row (a PDF's text a glyph run a line:
    "3" over "9" over "5" for 395), the lone values on the printed rows right after them:
    digits of the same cells, so the row is not read (its count no longer fits)."""
    if (len(values) < 2 or values[1].row == values[0].row  # most rows: no set needed
            or len({v.row for v in values}) != len(values)):
        return []
    extra: list[Token] = []
    nxt = last + 1
    while nxt < len(tokens) and tokens[nxt].kind == "value" and tokens[nxt].row is not None:
        if nxt + 1 < len(tokens) and tokens[nxt + 1].row == tokens[nxt].row:
            break  # not alone on its printed row
        extra.append(tokens[nxt])
        nxt += 1
    return extra


def _run(tokens: list[Token], start: int, row: int | None,
         n: int) -> tuple[list[Token], int]:
    """The value tokens from `start` on (in `row` when rows are known), and the index of
    the last; through printed non-numbers when the run then has exactly n values."""
    values, last = _run_of(tokens, start, row, _is_value)
    if len(_without_padding(values, n)) < n:
        wider, wider_last = _run_of(tokens, start, row, _is_value_or_non_number)
        wider = [_as_value(t) for t in wider]
        if len(_without_padding(wider, n)) == n:
            return wider, wider_last
    return values, last


def _run_of(tokens: list[Token], start: int, row: int | None,
            belongs: Callable[[Token], bool]) -> tuple[list[Token], int]:
    j, end = start, len(tokens)
    if belongs is _is_value:  # the common test, inlined: a run is read for every row
        while j < end and tokens[j].kind == "value" and (row is None or tokens[j].row == row):
            j += 1
    else:
        while j < end and belongs(tokens[j]) and (row is None or tokens[j].row == row):
            j += 1
    return tokens[start:j], j - 1


def _is_value(token: Token) -> bool:
    return token.kind == "value"


def _is_value_or_non_number(token: Token) -> bool:
    return token.kind == "value" or (token.kind == "text" and may_stand_for_value(token.text)
                                     and not _item_number_alone(token))


def _item_number_alone(token: Token) -> bool:
    """An item's number alone (`6.`) on a line of its own, in a text printing a cell a
    line: the next row's, in a cell of its own before its label, no value. Only there: in
    a scan's box, `0.` is a zero OCR read with a speck beside it, a value as before."""
    return bool(ROW_NUMBER.match(token.text) and REF_LINE.fullmatch(token.ref))


def _as_value(token: Token) -> Token:
    """A printed non-number taken as a row's value: `unreadable` (see cells.py)."""
    if token.kind == "value":
        return token
    return replace(token, kind="value", printed=read_printed(token.text))


def _without_padding(values: list[Token], n: int, full_width: bool = False) -> list[Token]:
    """Cells of one printed row beyond the template's n columns that are not values:
    when exactly n of its cells are non-blank, its blanks (the remnants of spans a
    rendering flattened, as pandoc does); else its trailing blanks (a row printed
    shorter than its table is padded), unless the reader printed every column of every
    row (`full_width`): there a blank is a printed blank or a span's remnant, never
    padding, and which is which is not known."""
    if len(values) <= n or values[-1].row is None:
        return values
    filled = [v for v in values if v.printed.state != "blank"]
    if len(filled) == n:
        return filled
    out = list(values)
    while not full_width and len(out) > n and out[-1].printed.state == "blank":
        out.pop()
    return out


def _filled_when_exact(values: list[Token], n: int) -> list[Token]:
    """A printed row of more than n cells of which exactly n are not blank: those n (its
    blanks are the remnants of spans a rendering flattened, as pandoc does)."""
    if len(values) <= n or values[-1].row is None:
        return values
    filled = [v for v in values if v.printed.state != "blank"]
    return filled if len(filled) == n else values


def _readings(values: list[Token], n: int) -> list[list[Token]]:
    """The ways to read a printed row of more than n cells whose extra cells are blank:
    n consecutive cells, every cell before and after them blank. The extras may be
    padding after the last column or the empty copies of a label's merge split apart
    before the first (a table whose merged cells were unmerged). Where rows were lost
    (one cell per line) the extras are the blanks a dump prints for what is no cell of
    the row, such as the empty paragraph of a page break between two parts of a table:
    the label and the next one bound the run, so the same windows apply."""
    if len(values) <= n:
        return [values]
    blank = [v.printed is not None and v.printed.state == "blank" for v in values]
    return [values[i:i + n] for i in range(len(values) - n + 1)
            if all(blank[:i]) and all(blank[i + n:])] or [values]


@cache
def _rules(version: str) -> tuple[Identity, ...]:
    return identities(version)


@cache
def _rules_within(version: str, ids: frozenset[str]) -> tuple[Identity, ...]:
    """The identities among these cells only, in declaration order. Cached: asked of
    every row placed, several times, and the cells asked about are a row's or a block's
    of the template (a few hundred sets a version), where each ask built every
    identity's cell set again."""
    return tuple(r for r in _rules(version) if set(r.cells) <= ids)


def _own_rules(version: str, cells: list[tuple[str, ValueType]]) -> tuple[Identity, ...]:
    """The identities among these cells only."""
    return _rules_within(version, frozenset(cid for cid, _ in cells))


def _numbers(cells: list[tuple[str, ValueType]], reading: list[Token]) -> dict:
    """Each cell's number in this reading; None where it printed no number."""
    return {cid: (float(v.printed.number) if v.printed.state == "number" else None)
            for (cid, _), v in zip(cells, reading, strict=True)}


def _by_identities(version: str, cells: list[tuple[str, ValueType]],
                   readings: list[list[Token]]) -> list[Token] | None:
    """The one reading of a row that its own identities leave, else None. Identities
    choose between readings of what was printed; they never supply a number."""
    rules = _own_rules(version, cells)
    kept = [r for r in readings
            if not any(fails(rule, _numbers(cells, r)) for rule in rules)]
    return kept[0] if len(kept) == 1 else None


def _fails_any(version: str, cells: list[tuple[str, ValueType]], reading: list[Token]) -> bool:
    """Whether an identity among these cells is evaluable and fails."""
    numbers = _numbers(cells, reading)
    return any(fails(r, numbers) for r in _own_rules(version, cells))


def _fails_in_every_order(version: str, cells: list[tuple[str, ValueType]],
                          reading: list[Token]) -> bool:
    """Whether an identity among these cells of one cell equal to the sum of the others
    fails however they are ordered: every cell a printed number, none of them the sum of
    the rest."""
    numbers = _numbers(cells, reading)
    sums = [[numbers[c] for c in rule.cells] for rule in _own_rules(version, cells)
            if len(rule.lhs) == 1]
    return any(None not in got and all(2 * x != sum(got) for x in got) for got in sums)


def _proven(version: str, cells: list[tuple[str, ValueType]], reading: list[Token],
            blanks_zero: bool = False) -> bool:
    """Whether every identity among these cells is evaluable and holds; `blanks_zero`:
    a cell printed blank counted as 0."""
    numbers = _numbers(cells, reading)
    if blanks_zero:
        numbers = {cid: 0.0 if v.printed.state == "blank" else numbers[cid]
                   for (cid, _), v in zip(cells, reading, strict=True)}
    return _verdict(version, numbers) is True


def _verdict(version: str, numbers: dict[str, float | None]) -> bool | None:
    """Whether the identities among these cells hold; None where there are none or one
    is not evaluable (a cell printed no number)."""
    rules = _rules_within(version, frozenset(numbers))
    if not rules or any(None in (numbers[c] for c in r.cells) for r in rules):
        return None
    return not any(fails(r, numbers) for r in rules)


def _t4_reading(version: str, values: list[Token], cells: list[tuple[str, ValueType]],
                leading: str | None = None) -> list[Token]:
    """Table 四's values when its printed row has more cells than the table. No label
    bounds the row, so an extra cell may be a number before the values (an unnamed
    numbering column) as well as a blank after them: blank extras are dropped only when
    one reading is left and the table's identities all hold on it, a cell printed blank
    counted as 0 (pages that print their zeros blank); else the row is
    returned whole (and flagged for its count). Where 四's header opens its printed row
    with a column of its own (`leading`, _leading_column), a 1 opening the values'
    printed row is that column's number (四 has one data row), a reading kept on the
    same terms: a tool that drops blank cells (lynx) prints the 序号 header and the
    number as words of spaced text, with no table to tell layout.py which column they
    are. A column with no header names nothing, so there the row read without its last
    cell is a rival reading too: both proven, neither is kept. A text that drops blank
    cells (lynx; no `full_width_rows`) prints nothing of that column's empty header cell
    (`leading` "unprinted"): its header says nothing either way, and the same two
    readings are tried on the same terms."""
    n = len(cells)
    if len(values) <= n:
        return values
    readings = [r for r in _readings(values, n) if len(r) == n]
    if leading and len(values) == n + 1 and _is_row_number(values[0], values):
        readings.append(values[1:])
        if leading in ("unnamed", "unprinted") and values[:n] not in readings:
            readings.append(values[:n])
    # a blank counted as 0 (a page printing its zeros blank): a window is proven by the
    # numbers around its blanks, and a rival window by the same terms
    kept = [r for r in readings if _proven(version, cells, r, blanks_zero=True)]
    return kept[0] if len(kept) == 1 else values


def _is_row_number(first: Token, values: list[Token]) -> bool:
    """Whether `first` may be a 序号 column's number for the one data row `values`:
    a 1 with no unit, opening the printed row that holds all of them."""
    printed = first.printed
    return (printed is not None and printed.state == "number" and printed.whole == 1
            and printed.unit is None and first.row is not None
            and all(v.row == first.row for v in values))


def _leading_column(tokens: list[Token], start: int, first: Token,
                    top: frozenset[str]) -> str | None:
    """The column table 四's header prints before its own columns, between `start` and
    its first value `first`: "sequence" where a 序号 cell opens a printed row of the
    header, "unnamed" where an empty cell opens the printed row of 四's top labels (行政复议
    and 行政诉讼 head the table's first columns: a cell before them is a column of no
    group, as an unnamed numbering column prints; `start` may be the first of those
    labels, so the cell before it is looked at too); else None. Nothing of another
    table or section (`_t4_anchor` False) may lie between that cell and the values; a
    page's footer and header (`Token.furniture`) may."""
    end = next((i for i in range(start, len(tokens)) if tokens[i] is first), None)
    for i in range(end - 1 if end is not None else -1, max(start - 2, -1), -1):
        t = tokens[i]
        if t.furniture:  # a page's footer and header where a page break cuts 四's header
            continue
        if _t4_anchor(t) is False:
            return None
        if t.row is None or (i > 0 and tokens[i - 1].row == t.row):
            continue  # not the cell opening its printed row
        if is_sequence_header(t.text):
            return "sequence"
        if _opens_t4_header(tokens, i, top):
            return "unnamed"
    return None


def _opens_t4_header(tokens: list[Token], i: int, top: frozenset[str]) -> bool:
    """Whether token i is an empty cell followed, in its printed row, by one of table
    四's top labels (`top`: keys of 四's labels)."""
    t, after = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    return (t.kind == "value" and t.printed is not None and t.printed.state == "blank"
            and after is not None and after.row == t.row and after.kind == "label"
            and any(lab.table == "t4" and lab.key in top for lab in after.labels))


def _t4_top(version: Version) -> frozenset[str]:
    """The keys of table 四's top labels: its first group (行政复议) and the header over
    the others (行政诉讼), the cells its header's first printed row opens with."""
    t4 = version.tables["t4"]
    return frozenset({t4.blocks[0].data_rows[0].id, *t4.header})


_OPEN_END, _RUN_TOGETHER = attrgetter("open_end"), attrgetter("run_together")


def _place(grid: Grid, table: str, row: str, block: Block, values: list[Token]) -> None:
    cols = block.columns
    if len(values) > len(cols):
        _keep_wide(grid, table, row, values)
    if len(values) > len(cols) and sum(v.printed is not None and v.printed.state != "blank"
                                       for v in values) > len(cols):
        grid.overflowed = True
        grid.overflowed_tables.add(table)
        if _pieces(values):
            grid.overflowed_rows.add(f"{table}.{row}.")
    if len(values) > len(cols) and values[-1].printed is not None and (
            values[-1].printed.state != "blank"):
        grid.wide_tables.add(table)
    printed = len(values)
    values = _filled_when_exact(values, len(cols))
    dropped = printed > len(values)
    cells = _cells_of(grid.version.id, table, row, block)
    if len(values) > len(cols) and _a_line_each(values):
        grid.glyphs_cut = True
    elif _a_cell_a_line(values) and _numbers_in(values) > len(cols):
        grid.lines_cut.add(table)
    readings = _readings(values, len(cols))
    if len(readings) > 1 and len({tuple(v.text.strip() for v in r) for r in readings}) > 1:
        chosen = _by_identities(grid.version.id, cells, readings)
        if chosen is None:
            _flag_row(grid, table, row, cols, values, "value_count_mismatch",
                      f"row {row} has {len(values)} values, the template has {len(cols)}, "
                      "and its blank cells at either end may be the extra ones")
            return
        readings = [chosen]
    if (len(values) > len(cols) and readings[0]
            and (readings[0][0] is not values[0] or grid.full_width_rows)
            and (len(readings[0]) != len(cols)
                 or not _proven(grid.version.id, cells, readings[0]))):
        # In a rendering that prints every column of every row (full_width_rows) a
        # trailing blank is a printed blank or a span's remnant, never padding, either.
        # Blanks after the label are dropped only where the row's identities prove the
        # reading: the extra cell might instead be a number after the values. A row
        # with more numbers than columns (a merged value copied into each column it
        # spanned) has no reading to prove.
        _flag_row(grid, table, row, cols, values, "value_count_mismatch",
                  f"row {row} has {len(values)} values, the template has {len(cols)}")
        if grid.clipped_rows and _stands_left(values, len(cols)):
            grid.spanned_tables.add(table)
        return
    if len(values) > len(cols) and len(readings[0]) == len(cols):
        grid.padded_rows[(table, row)] = [cid for cid, _ in cells]
    values = readings[0]
    pushed = grid.clipped_rows and maybe_pushed(values, len(cols))
    if pushed and (len(values) != len(cols) or not _own_rules(grid.version.id, cells)):
        _flag_pushed(grid, table, row, cols, values)  # no identity can tell (二)
        return
    if any(map(_OPEN_END, values)):  # in C: asked of every row
        _flag_open_end(grid, table, row, cols, values)
        return
    if any(map(_RUN_TOGETHER, values)):
        pieces = _split_or_pend(grid, (table, row), values, cells)
        if pieces is None:
            return
        values = pieces
    if len(values) < len(cols) and _cut_short(values):
        _place_cut_short(grid, table, row, cells, values)
        return
    if len(values) < len(cols):
        if values or ((table, row) not in grid.pending
                      and row not in grid.rows_found.get(table, set())):
            grid.pending[(table, row)] = Pending("columns", values, cells)
        return
    grid.pending.pop((table, row), None)  # an empty print of the row before this one
    if _a_line_each(values):
        if len(values) == len(cols) and _fails_any(grid.version.id, cells, values):
            # a value a line whose own identities fail: digits of a number cut a line each
            _flag_row(grid, table, row, cols, values, "ambiguous_digits",
                      f"row {row} was read a value a line and its identities fail")
            return
        grid.glyph_rows[(table, row)] = [cid for cid, _ in cells]
    elif _a_cell_a_line(values):  # no identity tried: the agency's own may fail as printed
        grid.line_rows[(table, row)] = [cid for cid, _ in cells]
    if len(values) != len(cols):
        _flag_row(grid, table, row, cols, values, "value_count_mismatch",
                  f"row {row} has {len(values)} values, the template has {len(cols)}")
        return
    first_time = row not in grid.rows_found.setdefault(table, set())
    grid.rows_found[table].add(row)
    if dropped:
        grid.dropped_blanks[(table, row)] = tuple(cid for cid, _ in cells)
    elif printed == len(cols) and not any(_is_blank(v) for v in values):
        grid.counted_rows[(table, row)] = tuple(cid for cid, _ in cells)
        if len({v.row for v in values}) > 1:
            grid.joined_rows.add((table, row))
    if pushed:
        grid.pushed_rows[(table, row)] = (tuple(cid for cid, _ in cells),
                                          sum(1 for _ in takewhile(_is_blank, values)))
    for (cell_id, value_type), token in zip(cells, values, strict=True):
        value = cell_value(cell_id, value_type, token, grid.flags)
        if first_time:
            grid.cells[cell_id] = value
        elif grid.cells[cell_id].value != value.value:
            grid.flags.append(Flag("duplicate_row", f"{cell_id} printed twice: "
                                   f"{grid.cells[cell_id].raw_text!r} and {token.text!r}",
                                   cell_id))
            grid.cells[cell_id] = unresolved_cell(cell_id, "ambiguous", token)


def _keep_wide(grid: Grid, table: str, row: str, values: list[Token]) -> None:
    """Keep a row printed with more values than its columns, as printed (`wide_rows`)."""
    _keep(grid.wide_rows, (table, row), values)


def _keep(rows: dict[tuple[str, str], list[Token]], key: tuple[str, str],
          values: list[Token]) -> None:
    seen = rows.get(key)
    # a row printed twice over with other values (a repeated header's table) is kept as
    # no reading (no values): which print holds the cells is not known
    rows[key] = list(values) if seen is None or [
        v.text.strip() for v in seen] == [v.text.strip() for v in values] else []


def maybe_pushed(values: list[Token], n: int) -> bool:
    """Whether a row of a table printed at a fixed width may be its values shifted right
    with its last ones dropped: it is short of its n columns (its label stands in a value
    column), or a blank opens its values and a value follows (a covered cell of a span
    from above, which prints as a blank does). No statutory row opens with a blank before
    its values in any labelled report; a row that does here is null, never guessed."""
    if not values:
        return False  # a row that printed no value at all
    if len(values) < n:
        return True
    blank = [v.printed is not None and v.printed.state == "blank" for v in values]
    return blank[0] and not all(blank)


def _flag_pushed(grid: Grid, table: str, row: str, cols, values: list[Token]) -> None:
    # pandoc keeps a table as wide as its widest row's own cells and drops the cells a
    # rowspan from above pushes past that edge, silently: the row's values then stand one
    # column (or a group of 四's) right of their own, every identity of 四 still holding.
    # pdfplumber's tables (markitdown) add columns the page does not have, the same way.
    _flag_row(grid, table, row, cols, values, "row_may_be_shifted",
              f"row {row} of a table printed at a fixed width (or with its labels in "
              "different columns) opens with a blank or is short of its columns: a span "
              "from above, or columns the page does not have, may have pushed its values "
              "right")


def _cut_short(values: list[Token]) -> bool:
    """Whether a printed row is short because the page edge cut its table off: its last
    cell, and only that one, lies in the column the edge cut (`Token.cut`), all its cells
    in one printed row. The edge cuts from the right, so they are the first columns."""
    return (bool(values) and values[-1].cut and not any(v.cut for v in values[:-1])
            and values[0].row is not None and all(v.row == values[0].row for v in values)
            and not any(v.run_together for v in values))


def _place_cut_short(grid: Grid, table: str, row: str, cells: list[tuple[str, ValueType]],
                     values: list[Token]) -> None:
    """A row cut at the page edge: its printed cells in the first columns (the cut one is
    nulled by the proof-reader), the columns wholly past the edge null and flagged."""
    grid.pending.pop((table, row), None)
    grid.rows_found.setdefault(table, set()).add(row)
    for (cell_id, value_type), token in zip(cells, values, strict=False):
        grid.cells[cell_id] = cell_value(cell_id, value_type, token, grid.flags)
    for cell_id, _ in cells[len(values):]:
        grid.cells[cell_id] = CellValue(cell_id, None, "uncertain", None, None,
                                        values[-1].ref)
        grid.flags.append(Flag("cut_at_page_edge", f"{cell_id}: printed past the page "
                               "edge, not in the file", cell_id))


def _split_or_pend(grid: Grid, key: tuple[str, str], values: list[Token],
                   cells: list[tuple[str, ValueType]]) -> list[Token] | None:
    """The cell tokens of a run when its split is forced; else the run is left pending."""
    digits = sum(len(v.text) for v in values) if all(v.text.isdigit() for v in values) else None
    if (digits is not None and digits < len(cells)) or any(v.box_run for v in values):
        # Only a dropped blank cell leaves fewer digits than cells; a scanned row read as
        # printed may have lost a cell however many digits it shows (TextCell.box_run).
        grid.lost_blanks = True
    if not grid.runs_shown and len(values) < len(cells) and not any(v.box_run for v in values):
        # each piece one cell (a scan's boxes may abut: box_run), read where one reading
        # with dropped blanks is left
        grid.pending[key] = Pending("digits", values, cells, whole=True)
        return None
    pieces = split_run(values, len(cells))
    if pieces is None:
        grid.pending[key] = Pending("digits", values, cells)
    elif len(pieces) > len(values):
        grid.forced_runs[key] = Pending("digits", values, cells)
    return pieces


def _a_line_each(values: list[Token]) -> bool:
    """Whether a row's values came one a printed row, several of them."""
    # the first two in one printed row (most rows) tell it without the set
    return (len(values) > 1 and values[0].row is not None and values[1].row != values[0].row
            and len({v.row for v in values}) == len(values))


def _a_cell_a_line(values: list[Token]) -> bool:
    """Whether a row's values came one a line from a text printing a cell a line and no
    rows (the `lines`, `paragraphs`, `separated` dialects: a crawler's text nodes, lxml
    `itertext()`). A cell's text may be several nodes (Word's runs a digit each, a `<br>`
    inside a number: `4` / `57` for 457), each its own line, as a PDF's glyph runs are."""
    return (bool(values) and all(v.row is None and REF_LINE.fullmatch(v.ref)
                                 for v in values)
            and len({v.ref for v in values}) == len(values))


def _numbers_in(values: list[Token]) -> int:
    """How many of the values print something: a blank is no piece of a cut number."""
    return sum(v.printed is not None and v.printed.state != "blank" for v in values)


def _withdraw_glyph_rows(grid: Grid, t2_extra_column: bool) -> None:
    """Once a row read a value a line overflowed its cells, the rows read that way are
    null: the page printed digits of one number a line each, so a row whose count fits
    may still hold a cut number and lack a dropped blank ("2/5/8/1/2/1/1" for 258, 12,
    blank, blank, 1, 1, blank). In a text printing a cell a line (`line_rows`), those of
    the tables where one overflowed (`行政强制 1/0/1/0` for 10, blank, 10: Word's runs a
    digit each; a column the statute lacks there only). So are table 二's where its
    headings print a column the statute lacks (`t2_extra_column`,
    tokens.unknown_column: `同比`): a row holding a value of it and lacking a dropped
    blank (`6/457/3` for 6, blank, 457 and 同比 3) fits the count as well, and 二 has no
    identity to tell."""
    for (table, row), cell_ids in grid.glyph_rows.items():
        if grid.glyphs_cut:
            _withdraw_glyph_row(grid, table, row, cell_ids, "other rows show numbers cut a "
                                "digit a line")
    for (table, row), cell_ids in grid.line_rows.items():
        if table in grid.lines_cut:
            _withdraw_glyph_row(grid, table, row, cell_ids, "other rows of its table print "
                                "more numbers than cells")
        elif t2_extra_column and table == "t2":
            _withdraw_glyph_row(grid, table, row, cell_ids, "its headings print a column "
                                "the statute lacks")


def _withdraw_glyph_row(grid: Grid, table: str, row: str, cell_ids: list[str],
                        why: str) -> None:
    """The row's cells null, state `ambiguous`, flagged with `why`."""
    if not any(grid.cells.get(c) and grid.cells[c].value is not None for c in cell_ids):
        return
    for cid in cell_ids:
        grid.cells[cid] = CellValue(cid, None, "ambiguous", None, None, None)
    grid.flags.append(Flag("ambiguous_digits", f"row {row} of {table} was read a value a "
                           f"line where {why}"))


def _make_ambiguous(grid: Grid, cell_ids: list[str] | tuple[str, ...]) -> None:
    """The cells null, state `ambiguous`, what was printed kept as their raw text (the
    caller flags why)."""
    for cid in cell_ids:
        grid.cells[cid] = CellValue(cid, None, "ambiguous", grid.cells[cid].raw_text, None,
                                    grid.cells[cid].source_ref)


def _withdraw_padded_rows(grid: Grid) -> None:
    """Rows read past trailing blanks are null where their table has an unknown column
    (some row of it printed more cells than its columns, the last of them filled)."""
    for (table, row), cell_ids in grid.padded_rows.items():
        if table not in grid.wide_tables or not any(
                grid.cells.get(c) and grid.cells[c].value is not None for c in cell_ids):
            continue
        _make_ambiguous(grid, cell_ids)
        grid.flags.append(Flag("value_count_mismatch", f"row {row} of {table} was read past "
                               "blank cells after its last column, and another row of its "
                               "table printed a number past its columns: the blanks may be "
                               "columns of the template, its numbers an unknown column's"))


def _is_blank(token: Token) -> bool:
    return token.printed is not None and token.printed.state == "blank"


def _withdraw_pushed_rows(grid: Grid) -> None:
    """Rows opening with a blank in a table printed at a fixed width are null, flagged
    `row_may_be_shifted`, with the rest of their printed row, unless the table's
    identities prove them as printed and refute a push (pushed.py)."""
    if not grid.pushed_rows:
        return
    numbers = {cid: (0.0 if c.state == "blank" else c.value) for cid, c in grid.cells.items()}
    withdrawn: set[str] = set()
    for (table, _), (own, lead) in grid.pushed_rows.items():
        run = grid.t4_line if table == "t4" and own[0] in grid.t4_line else own
        start = run.index(own[0])
        rules = [r for r in _rules(grid.version.id) if r.table == table]
        if not push_refuted(rules, numbers, run, start, len(own), lead):
            withdrawn.update(run[start:])
    for (_, row), cells in _row_cells(grid.version.id).items():
        ids = [cid for cid, _ in cells if cid in grid.cells]
        if not withdrawn.intersection(ids) or all(
                grid.cells[c].state == "ambiguous" for c in ids):
            continue
        raw = " ".join(grid.cells[c].raw_text or "" for c in ids)
        grid.flags.append(Flag("row_may_be_shifted", f"row {row} of a table printed at a "
                               "fixed width opens with a blank, or follows one in its "
                               "printed row, and the identities do not refute a push: a "
                               "span from above may have pushed its values right: "
                               f"{raw!r}"))
        _make_ambiguous(grid, ids)


def _stands_left(values: list[Token], n: int) -> bool:
    """Whether a row of more cells than its n columns prints a number in its first extra
    cells and none in its last: its values stand left of their columns, in the columns of
    a label that spanned several (`  2 1 … 3 ` for 2, 1, …, 3 under 自然人…总计)."""
    extra = len(values) - n
    return extra > 0 and _numbers_in(values[:extra]) > 0 and _numbers_in(values[-extra:]) == 0


def _label_apart(label: Token, values: list[Token]) -> bool:
    """Whether a ruled text table's row prints empty cells between its label and its
    first value: a label that spanned columns, printed in one (`_withdraw_unproven_spanned`)."""
    a, b = REF_RULED_CELL.fullmatch(label.ref), REF_RULED_CELL.fullmatch(values[0].ref)
    return bool(a and b) and a[1] == b[1] and int(b[2]) > int(a[2]) + 1


def _blank_after_label(label: Token, printed: list[Token]) -> bool:
    """`_label_apart` in a grid table (pandoc's rST), which prints each empty cell as a
    blank value of the row: the row's first printed value is a blank of the label's
    table (th-labels: `| | （二 | | 1 | … | 2 | |`, 部分公开's values one column left)."""
    a = REF_BOX_CELL.fullmatch(label.ref)
    b = REF_BOX_CELL.fullmatch(printed[0].ref) if printed else None
    return bool(a and b) and a[1] == b[1] and _is_blank(printed[0])


def _withdraw_unproven_spanned(grid: Grid) -> None:
    """Rows of a table printed at a fixed width that dropped a span (a row of it printed
    more cells than its columns, its numbers left of them: `_stands_left`) whose label
    prints apart from their values (`_label_apart`) are null, flagged
    `row_may_be_shifted`, unless their own identities hold as read, blanks as 0s. pandoc
    prints a label spanning columns in one column and the row's values one column left,
    and the header's columns placed them (th-labels, mean 3 seed 6, zeros blank:
    `（一）予以公开` with 商业企业 1 and 总计 1 read as 自然人 1 and 其他 1); a row
    shifted so breaks its total unless all are 0s."""
    for key, ids in grid.fixed_rows.items():
        if key[0] not in grid.spanned_tables or not any(
                grid.cells[c].value is not None for c in ids if c in grid.cells):
            continue
        if _holds(grid, ids, blanks_zero=True):
            continue
        raw = " ".join(grid.cells[c].raw_text or "" for c in ids if c in grid.cells)
        grid.flags.append(Flag("row_may_be_shifted", f"row {key[1]} of a table printed at a "
                               "fixed width where another row printed more cells than its "
                               "columns (a span dropped), and its own identities do not "
                               f"prove it: {raw!r}"))
        _make_ambiguous(grid, [c for c in ids if c in grid.cells])


def _withdraw_dropped_blanks(grid: Grid) -> None:
    """Rows read by dropping their blanks are null where their table shows a column the
    template lacks, unless the identities among their cells are evaluable and hold. The
    table shows it where a row of it prints more numbers than its columns, or where a
    row read so breaks its own identity: there a blank may be a statutory cell and the
    numbers after it one column left of their own. 011's page with a 同比 column after
    总计, printed by pandoc (`unmerged-trailing-numbers`, other numbers): `138 9 [blank]
    1 6 4 158 1` was read 1 as 总计, 158 as 其他 (8 wrong, 2 invented a report)."""
    proven = {key: _holds(grid, ids) for key, ids in grid.dropped_blanks.items()}
    suspect = grid.overflowed_tables | {t for (t, _), ok in proven.items() if ok is False}
    for key, ids in grid.dropped_blanks.items():
        if key[0] not in suspect or proven[key]:
            continue
        placed = [c for c in ids if c in grid.cells and grid.cells[c].state != "ambiguous"]
        if not placed:
            continue
        raw = " ".join(grid.cells[c].raw_text or "" for c in placed)
        grid.flags.append(Flag("value_count_mismatch", f"row {ids[0].split('.')[1]} of "
                               f"{key[0]} was read without its blank cells, and its table "
                               "shows a column the template lacks: a blank may be a cell of "
                               f"ours, a number the unknown column's: {raw!r}"))
        _make_ambiguous(grid, placed)


def _pieces(values: list[Token]) -> bool:
    """Whether a row's values are pieces of text a space apart, none a cell its page
    delimits (an HTML or DOCX cell, a pipe or box table's cell): only there may one
    number print as several pieces with nothing to tell (a `<br>` inside it)."""
    return not any(REF_TABLE_CELL.search(v.ref) or REF_PIPE_CELL.match(v.ref) for v in values)


def _withdraw_unbalanced_rows(grid: Grid) -> None:
    """Rows placed by their count whose own identity fails are null where another row of
    their table printed fewer values than its columns: the rendering drops blank cells
    (lynx, a browser's copied text), so a row may have lost a blank and printed a
    number of a column the template lacks in its place. 011 with a 同比 column after
    总计, other numbers, under lynx: `138 9 1 6 4 158 1` (科研机构 blank) was read 1 as
    科研机构's, 158 as 其他's and 同比's 1 as 总计 (8 wrong, 2 invented a report).
    So too where a row of their table printed fewer whitespace pieces than its columns
    (`Pending.whole`): whitespace was the page's cell boundary and blanks were dropped.
    Where some row of the page printed more pieces than its columns and nothing read it
    (`_breaks_numbers`), a row placed by its count whose identity fails is null, and in
    that row's table a row no identity proves (二) too, where two of its pieces may be
    one number (`_joinable`)."""
    short = {t for (t, _), p in grid.pending.items() if p.kind == "columns" or p.whole}
    broken = _breaks_numbers(grid)
    for (table, row), ids in grid.counted_rows.items():
        holds = _holds(grid, ids)
        if holds is True:
            continue
        # a row of pieces no two of which may be one number is its cells, however the
        # page broke numbers; and a row with no identity to fail (二) is doubted only
        # where its own table broke a row
        pieces = _joinable(grid, ids) and (table in broken or (holds is False and broken))
        # Another row of its table printed more numbers than its columns (a column the
        # template lacks: 同比 after 二's last) and rows of the page dropped their blanks
        # (lynx): the count is a dropped blank's and the unknown column's number as
        # likely as its own, and 二 has no identity to tell. 011 under lynx, zeros
        # blank: `行政许可 350 782580 3` read 782580 as 本年增/减, 同比's 3 as 处理决定数量
        # (19 wrong, 20 invented on ten reports).
        beside = bool(short) and table in grid.overflowed_tables
        # A row with no identity whose count was filled over several printed lines, where
        # rows of its table dropped blanks or another row of it left digits on a line of
        # their own: lynx prints a `<br>` inside a number as a line break (`行政许可 6 4`
        # / `57` for 6, blank, 457, beside `行政强制 1` / `0 1` / `0`: 4 wrong, 4 invented
        # on 011 at mean 2). Either sign alone is enough: at mean 0.5 011's rows drop no
        # blank visibly (`行政许可 7 2` / `6` for 7, blank, 26, beside digits alone) and
        # 005's leave no digits alone (`行政许可 9 8` / `49`, 行政事业性收费 one number of
        # two): 12 wrong, 12 invented on ten reports. A row of the table whose breaks
        # number_breaks.py proved inside numbers and joined is such digits too: 005 under
        # lynx at mean 2, zeros blank, `行政许可 6 4 5` / `05` joined (6, 4, 505) beside
        # `行政强制 8 5` / `2` (8, blank, 52) read 8, 5, 2 (2 wrong, 2 invented).
        wrapped = (holds is None and (table, row) in grid.joined_rows - grid.break_joined
                   and (table in short or table in grid.wrapped_tables))
        # Its table's header names a column the statute lacks after its last
        # (`trailing_words`: 同比) and rows of its table dropped their blanks: no row of it
        # need overflow (every 0 printed blank, dropped), so the count is the sign.
        # 011 under lynx at mean 2, zeros blank: `行政许可 6 457 3` (6, blank, 457, 同比 3)
        # read 457 as 本年增/减 and 3 as 处理决定数量 (8 wrong, 10 invented on ten reports).
        named = table in grid.trailing_words and table in short
        # A row with no identity whose values are pieces of one text line that holds
        # another row's values too (a flat text: BeautifulSoup's `get_text(" ")` prints a
        # whole page on one line), where rows of its table dropped blanks: a space is
        # the only mark between cells and between a number's pieces (a `<br>` or a
        # Word run inside it), so the count may join a dropped blank's neighbours. The
        # seed's `行政许可 2 4 13` (2, blank, 413) beside `其他对外管理服务事项 8 6`, every
        # 0 blank, mean 0.5: 3 wrong, 3 invented. So too a text printing a cell a line
        # (lxml `itertext()`, `line_rows`): a `<br>` inside a number is a line of its own
        # as a cell is (`行政许可` / `2` / `4` / `13`, the same page: 3 wrong, 3 invented).
        # Where a cell is a paragraph (`paragraph_cells`, lynx's dump of cells holding
        # paragraphs: `10` / `` / `1` / `` / `66`, the seed's 其他对外管理服务事项 at mean
        # 0.5), two values an empty line apart are two cells: only neighbours on
        # neighbouring lines may be a `<br>`'s pieces.
        flat = (holds is None and table in short and _joinable(grid, ids)
                and (_flat(grid, (table, row))
                     or ((table, row) in grid.line_rows
                         and (not grid.paragraph_cells or _lines_joinable(grid, ids)))))
        # A row whose 总计 fails its sum where a row of its table printed a cell's digits
        # on a line of their own (wrapped_tables): its line may hold the tops of cells
        # cut over lines (`<br>` in numbers: 001 at mean 5000, `5 5 3 3 2 2 6` for 5216,
        # 589, … beside (六)1's cells printed beside two pieces of its label), no error.
        if not (pieces or beside or wrapped or named or flat
                or (holds is False and (table in short or table in grid.wrapped_tables))):
            continue
        raw = " ".join(grid.cells[c].raw_text or "" for c in ids)
        why = ("its 总计 is not their sum" if holds is False
               else "another row of its table printed more numbers than its columns and "
               "no identity among its cells proves them" if beside
               else f"its header names a column the statute lacks "
               f"({grid.trailing_words[table]}) and no identity among its cells proves "
               "them" if named
               else "its values printed over several lines and no identity among its "
               "cells proves them" if wrapped
               else "its values are pieces of a line holding other rows too, or a "
               "line each as its cells are, and no identity among its cells proves "
               "them" if flat
               else "no identity among its cells proves them")
        grid.flags.append(Flag("value_count_mismatch", f"row {row} of {table} prints as many "
                               f"values as its columns and {why}, where other rows dropped "
                               "blank cells or printed more numbers than their columns: it "
                               "may lack a blank and hold a column the template lacks, or "
                               f"pieces of numbers the page broke: {raw!r}"))
        _make_ambiguous(grid, ids)


def _flat(grid: Grid, key: tuple[str, str]) -> bool:
    """Whether a row's values are pieces of one text cell (a line) that holds another
    row's values too: nothing but a space parts its cells."""
    refs = set(grid.value_refs.get(key, ([], False))[0])
    return len(refs) == 1 and any(
        other != key and refs & set(seen) for other, (seen, _) in grid.value_refs.items())


def _joinable(grid: Grid, ids: tuple[str, ...]) -> bool:
    """Whether two neighbouring cells' printed texts may be pieces of one number: both
    digits, the first without a leading zero (`0 0 7` is three cells whatever broke)."""
    texts = [grid.cells[c].raw_text or "" if c in grid.cells else "" for c in ids]
    return any(a.isdigit() and b.isdigit() and not a.startswith("0")
               for a, b in pairwise(texts))


def _lines_joinable(grid: Grid, ids: tuple[str, ...]) -> bool:
    """Whether two neighbouring cells, each a text's line, may be pieces of one number
    (as `_joinable`) printed on neighbouring lines: no empty line between them."""
    return any(_joinable(grid, (a, b)) and (_line_no(grid, a) or -9) + 1 == _line_no(grid, b)
               for a, b in pairwise(ids))


def _line_no(grid: Grid, cell_id: str) -> int | None:
    cell = grid.cells.get(cell_id)
    found = REF_LINE.fullmatch(cell.source_ref or "") if cell is not None else None
    return int(found.group(1)) if found else None


def _breaks_numbers(grid: Grid) -> set[str]:
    """The tables where some row printed more pieces of text than its columns and
    nothing read it since (no merged value's copies, no column the header names: those
    rows hold numbers now). Such a row may be a column the template lacks, or numbers
    the page broke into pieces: a `<br>` inside a number under lxml's `get_text(" ")`
    prints "4 57" for 457, so "1 5 1 1 5 2 2" (15, 1, blank, blank, 1, 5, 22) and 二's
    "政府集中采购 8 468" (8468, blank) print as many pieces as cells, and every row so
    read is unproven: 20-30 wrong cells a report at mean 2000. (Its pieces "2 02" show a
    leading zero: `Grid.runs_shown` tells no broken number from cells run together.)"""
    return {prefix.split(".")[0] for prefix in grid.overflowed_rows
            if not any(c.value is not None for cid, c in grid.cells.items()
                       if cid.startswith(prefix))}


def _holds(grid: Grid, ids: tuple[str, ...], blanks_zero: bool = False) -> bool | None:
    """Whether the identities among these cells hold (None: there are none, or one is
    not evaluable); `blanks_zero`: a blank cell counted as 0."""
    numbers = {c: (0.0 if blanks_zero and grid.cells[c].state == "blank"
                   else grid.cells[c].value) if c in grid.cells else None for c in ids}
    return _verdict(grid.version.id, numbers)


def _withdraw_forced_splits(grid: Grid) -> None:
    """Once a run shows that blanks were dropped, no split of the document is forced:
    every run goes to the solver, with blank cells among its candidates."""
    if not grid.lost_blanks:
        return
    for key, pending in grid.forced_runs.items():
        for cell_id, _ in pending.cells:
            grid.cells.pop(cell_id, None)
        grid.pending[key] = pending
    for pending in grid.pending.values():
        pending.blanks = pending.kind == "digits"


def _flag_open_end(grid: Grid, table: str, row: str, cols, values: list[Token]) -> None:
    # A sequence number or a merged value's copy sticks to the row's digits with nothing
    # to tell where the cells end (2113 + 5 -> "21135"), or whitespace cuts numbers
    # into pieces ("2 5 8" for 258, tokens.py): no split is proven.
    _flag_row(grid, table, row, cols, values, "ambiguous_digits",
              f"row {row}'s digits may run into a sequence number or a copied merged "
              "value, or whitespace may cut its numbers")


def _flag_stacked(grid: Grid, table: str, row: str, cols, values: list[Token]) -> None:
    # Some cell's text prints over several lines of laid-out text (`82` over `1` for
    # 821): which lines' pieces make one number, and which cell a line's pieces are, the
    # layout does not say (TextCell.stacked).
    _flag_row(grid, table, row, cols, values, "ambiguous_digits",
              f"a cell of row {row} prints over several lines: where its numbers end is "
              "not known")


_PIECES = re.compile(r"^\d+(?: \d+)*$")  # digit pieces, a space apart
_NOT_ONE_NUMBER = re.compile(r"^0\d")  # a number never has a leading zero


def _pend_pieces(grid: Grid, tokens: list[Token], found: tuple[str, str],
                 rows: dict[tuple[str, str], Block], values: list[Token]) -> bool:
    """A row of 三 whose cells hold two columns' values (`175 16`, TextCell.stacked)
    left to the identities (digits.piece_groupings, resolve.py), where that can prove it:
    every printed value is digit pieces, all on one printed row, each stacked one a cell
    of two pieces or more (a converter's pipe cell), and the table's header
    proves the template's columns (header_pieces.py). Empty cells are the extractor's
    columns cut through the label, no blank: a row whose printed cells lost a blank
    falls short of its columns and stays null. False: the row is left to be flagged."""
    if found[0] != "t3":
        return False
    printed = [v for v in values if v.text.strip()]
    if (not printed or len({v.row for v in printed}) != 1
            or not all(_PIECES.match(" ".join(v.text.split())) for v in printed)
            # a stacked word of laid-out text is one piece of a number whose other
            # pieces are other words: no cell of pieces
            or any(v.stacked and len(v.text.split()) < 2 for v in printed)):
        return False
    if grid.pieces_header is None:
        first = next((k for k, t in enumerate(tokens) if t.kind == "label"
                      and (r := _row_of(t, rows)) is not None and r[0] == found[0]), None)
        grid.pieces_header = first is not None and header_columns_proven(
            tokens, first, grid.version, found[0])
    if not grid.pieces_header:
        return False
    cells = _cells_of(grid.version.id, *found, rows[found])
    tidy = [replace(v, text=" ".join(v.text.split())) for v in printed]
    grid.pending[found] = Pending("pieces", tidy, cells)
    return True


def _flag_row(grid: Grid, table: str, row: str, cols, values: list[Token], code: str,
              message: str) -> None:
    grid.rows_found.setdefault(table, set()).add(row)
    raw = " ".join(v.text.strip() for v in values)
    grid.flags.append(Flag(code, f"{message}: {raw!r}"))  # about a row, not one cell
    for col in cols:
        cid = cell_id_of(table, row, col.id)
        grid.cells[cid] = CellValue(cid, None, "ambiguous", raw or None, None,
                                    values[0].ref if values else None)


_T4_CAPTION = re.compile(r"政府信息公开行政.{0,2}复议")  # 四、政府信息公开行政复议、行政诉讼情况
_NEXT_SECTION = re.compile(r"^\s*[五六][、.．]")
_PROSE = 40  # characters: a text this long is prose, not a fragment of the table's header
_FRAGMENT = 2  # characters: a column word this short may be a piece of a wrapped header


def _t4_anchor(token: Token) -> bool | None:
    """Whether a token belongs to table 四's own header: True for its caption and labels
    of 四 alone; False for labels of another table, prose and the next section; None
    for what 四 shares with table 三 (总计) and short fragments of a header."""
    if token.kind == "text":
        text = token.text.strip()
        if len(text) >= _PROSE or _NEXT_SECTION.match(text):
            return False
        return True if _T4_CAPTION.search(text) else None
    if token.kind != "label":
        return None
    tables = {lab.table for lab in token.labels}
    if tables == {"t4"}:
        return True
    if "t4" in tables:
        return None
    # A short column word of another table (其他) inside 四's header is a piece of one of
    # 四's own column headers (其他结果) wrapped in a narrow column: it neither starts
    # nor ends the header.
    if len(token.text.strip()) <= _FRAGMENT and all(lab.kind == "column"
                                                    for lab in token.labels):
        return None
    return False


def _data_run(tokens: list[Token], i: int, n: int,
              wraps: bool = False) -> tuple[list[Token], int] | None:
    """The run of values containing token i: its whole printed row (and the rows of values
    it wrapped onto, where the rendering `wraps`), or the consecutive run. Printed
    non-numbers are among its values only when the run then has exactly n."""
    row = tokens[i].row
    # values cut out of one cell's run-together text: the cell's row is no printed row
    # (a layout table's cell holds the whole table), their own consecutive run is
    if row is None or tokens[i].run_together:
        return _run(tokens, i, None, n)
    start, end = i, i
    while start > 0 and tokens[start - 1].row == row:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].row == row:
        end += 1
    run = tokens[start:end + 1]
    if all(t.kind == "value" for t in run):
        return _wrapped_on(tokens, run, end, n) if wraps else (run, end)
    if all(map(_is_value_or_non_number, run)):
        run = [_as_value(t) for t in run]
        if len(_without_padding(run, n)) == n:
            return run, end
    return None  # a header row with some empty cells, not the data row


def _t4_values(tokens: list[Token], start: int, n: int,
               wraps: bool = False) -> tuple[list[Token], int] | None:
    """The n values of table 四: the first value run that directly follows its own header.

    A label 四 shares with table 三 (总计) neither starts nor ends the header, so table
    三's rows under its 总计 column can never be read as table 四; prose or the next
    section between the header and the values ends it. A page's footer and the next
    page's header printed where the table goes on over a page break (`Token.furniture`:
    its header ending one page, its values opening the next) are passed over.
    """
    seen_header = False
    for i in range(start, len(tokens)):
        t = tokens[i]
        if t.furniture:
            continue  # a page's footer and header where the table goes on over a page break
        if seen_header and t.kind == "text" and may_stand_for_value(t.text):
            found = _data_run(tokens, i, n)
            if found is not None and len(found[0]) >= n:  # a non-number opens the values
                return found
        anchor = _t4_anchor(t)
        if anchor is not None:
            seen_header = anchor
        elif seen_header and t.kind == "value" and t.printed.state != "blank":
            found = _data_run(tokens, i, n, wraps)
            if found is not None:
                return found
    return None


def _t4_bands(tokens: list[Token], start: int, block: Block) -> tuple[list[Token], int] | None:
    """Table 四 printed in bands, as a narrow page prints it: 行政复议's header over its
    five values, then 行政诉讼's two groups over their ten (or a band a group, or a
    group a row: its label, then its values). Read only where every band is one whole
    printed row, or the end of its label's row (where rows are not known, the run of
    values up to the next label), right after the headers of exactly the groups it
    holds, and the bands name every group once, in the template's order; any other text
    of the page between them ends 四. Else None."""
    groups = [r.id for r in block.data_rows]
    width = len(block.columns)
    values: list[Token] = []
    named: list[str] = []  # the groups whose headers were printed since the last band
    banded: list[str] = []
    seen, last, i = False, start, start
    while i < len(tokens) and len(banded) < len(groups):
        t = tokens[i]
        if t.furniture:  # a page's footer and header where the page breaks 四
            i += 1
            continue
        anchor = _t4_anchor(t)
        if anchor is False and seen:
            return None
        if t.kind == "label":
            named += [lab.key for lab in t.labels if lab.table == "t4" and lab.key in groups]
            seen = seen or bool(anchor)
        elif t.kind == "value" and seen:
            need = width * len(named)
            found = _data_run(tokens, i, need)
            tail = found is None
            if tail:
                found = _row_tail(tokens, i, groups)
            if found is None:  # an empty cell of a header row
                i += 1
                continue
            empty = all(v.printed.state == "blank" for v in found[0])
            if empty and (not named or len(found[0]) < need):
                # a spacer row of empty cells (Word ends tables so), or fewer empty cells
                # than the band's columns: no band's row, but the empty top of a row a page
                # break cut, its values on the next page (Chromium's print)
                i = found[1] + 1
                continue
            band = _band(found[0], need) if named else None
            if band is None and tail:  # a header row's empty cells after a group's label
                i = found[1] + 1
                continue
            if band is None:
                return None
            values += band
            banded += named
            named, last, i = [], found[1], found[1]
        i += 1
    return (values, last) if banded == groups else None


def _row_tail(tokens: list[Token], i: int, groups: list[str]) -> tuple[list[Token], int] | None:
    """The values from token i to the end of its printed row, where they follow a group's
    label and nothing follows them: a group's values on its label's row (行政复议 | 72 |
    64 | …)."""
    row = tokens[i].row
    before = tokens[i - 1] if i else None
    if row is None or before is None or before.row != row or not any(
            lab.table == "t4" and lab.key in groups for lab in before.labels):
        return None
    run, end = _run_of(tokens, i, row, _is_value)
    return (run, end) if end + 1 >= len(tokens) or tokens[end + 1].row != row else None


def _band(run: list[Token], need: int) -> list[Token] | None:
    """A band's printed row as its groups' values: all of it, or where the row is wider
    (the rest of a table whose wider bands lie below), the one reading whose extra cells
    are blank at either end."""
    if len(run) == need:
        return run
    readings = _readings(run, need) if len(run) > need else []
    return readings[0] if len(readings) == 1 and len(readings[0]) == need else None


def _place_t4(grid: Grid, tokens: list[Token], start: int, numbered: bool) -> None:
    """Table 四's one row of values placed; `numbered`: `_numbered_rows(tokens)`, which
    `assemble` asked already (the tokens do not change while they are placed)."""
    (block,) = grid.version.tables["t4"].blocks
    n = len(block.columns) * len(block.data_rows)
    found = _t4_values(tokens, start, n, not grid.full_width_rows)
    if found is None or len(found[0]) < n:
        found = _t4_bands(tokens, start, block) or found
    if found is None:
        return
    values, last = found
    if sum(v.printed is not None and v.printed.state != "blank" for v in values) > n:
        grid.overflowed_tables.add("t4")
        if _pieces(values):
            grid.overflowed_rows.add("t4.")
    printed = len(values)
    values = _filled_when_exact(values, n)
    cells = [(cell_id_of("t4", r.id, c.id), c.value_type)
             for r in block.data_rows for c in block.columns]
    if printed > len(values):
        grid.dropped_blanks[("t4", "all")] = tuple(cid for cid, _ in cells)
    if len(values) != n and (_cell_by_cell(values) or _box_cells(values)):
        # a ruled table's row (a PDF's, a box-drawn text table's): its cells under the
        # columns their grid (display) columns name
        values = drawn_t4(RowIndex(tokens), values, [r.id for r in block.data_rows],
                          block.columns) or values
    leading = (_leading_column(tokens, start, values[0], _t4_top(grid.version))
               if values else None)
    if leading is None and not grid.full_width_rows:
        # a text that drops blank cells (lynx) prints nothing of an unnamed column's
        # empty header cell: its number is tried as a column of no header is
        leading = "unprinted"
    values = _t4_reading(grid.version.id, values, cells, leading)
    grid.last_index = max(grid.last_index, last)
    if grid.full_width_rows:
        _keep(grid.full_rows, ("t4", "all"), values)
    if grid.clipped_rows and len(values) < n and maybe_pushed(values, n):
        for row in block.data_rows:
            _flag_pushed(grid, "t4", row.id, block.columns, values)
        return
    if any(v.open_end for v in values):
        for row in block.data_rows:
            _flag_open_end(grid, "t4", row.id, block.columns, values)
        return
    if any(v.stacked for v in values):
        for row in block.data_rows:
            _flag_stacked(grid, "t4", row.id, block.columns, values)
        return
    if any(v.run_together for v in values):
        # the whole table may be one run: solved with its identities
        pieces = _split_or_pend(grid, ("t4", "all"), values, cells)
        if pieces is None:
            return
        values = pieces
    if len(values) < n:
        grid.pending[("t4", "all")] = Pending("columns", values, cells)
        return
    if len(values) != n:
        _keep_wide(grid, "t4", "all", values)  # a column the template lacks (trailing_column)
        _flag_row(grid, "t4", "all", [], values, "value_count_mismatch",
                  f"table 四 has {len(values)} values, the template has {n}")
        grid.rows_found["t4"] = set()
        return
    doubt = _t4_digits_doubted(grid.version.id, tokens, last, cells, values, numbered)
    if doubt:
        for row in block.data_rows:
            _flag_row(grid, "t4", row.id, block.columns, values, "ambiguous_digits", doubt)
        return
    width = len(block.columns)
    one_line = values[0].row is not None and all(v.row == values[0].row for v in values)
    if one_line:
        # a push from a covered cell shifts the rest of its printed row (pushed.py)
        grid.t4_line = tuple(cid for cid, _ in cells)
    for k, row in enumerate(block.data_rows):
        _place(grid, "t4", row.id, block, values[k * width:(k + 1) * width])
        grid.forced_runs.pop(("t4", row.id), None)  # the run is the whole table's
    if one_line and grid.clipped_rows and maybe_pushed(values, n):
        # the line's leading blanks, not its first group's: a group all blank is no
        # row that maybe_pushed names, yet a push of the line may have left it so
        grid.pushed_rows[("t4", block.data_rows[0].id)] = (
            tuple(cid for cid, _ in cells[:width]),
            sum(1 for _ in takewhile(_is_blank, values)))


def _t4_digits_doubted(version: str, tokens: list[Token], last: int,
                       cells: list[tuple[str, ValueType]], values: list[Token],
                       numbered: bool) -> str | None:
    """Why table 四's values, as many as its cells, may hold digits of other cells (its
    identities failing where they do): the flag's message; None where nothing says so."""
    if _wrapped_tail(tokens, last) and _fails_any(version, cells, values):
        return ("table 四's values are followed by a line of numbers alone and its "
                "identities fail: digits of its cells wrapped onto that line")
    if (len({v.row for v in values} - {None}) > 1
            and _fails_in_every_order(version, cells, values)):
        # a narrow cell's digits wrapped onto a line the row's blanks leave room for in
        # its count (`２０ ３３ … ３２ … １ … １` over `０ ６ ８` for 200, 33, … 326):
        # read in word order, as many values as cells. In any order: a page may print
        # its columns in another (总计 first), placed later by the header.
        return ("table 四's values are read over several lines and an identity fails in "
                "any order of its cells: digits of its cells may have wrapped onto another "
                "line")
    if numbered and _fails_any(version, cells, values):
        return ("the page numbers its rows in a column of their own, table 四's row has no "
                "label, and its identities fail: its first number may hold that column's "
                "number run into it")
    return None


def _wrapped_tail(tokens: list[Token], last: int, filled: bool = False,
                  digits: bool = False) -> bool:
    """Whether the printed row after a row of values holds numbers and nothing else: the
    digits a narrow cell wrapped onto the next line ("17" over "8" for 178, as pdfplumber
    prints LibreOffice's 15 narrow columns), or a page number (then no identity fails).
    `filled`: some of them printed, not a row of empty cells (a spacer row); `digits`:
    one of them a number, not only marks that stand for a value (`/`, `-`)."""
    nxt = last + 1
    if nxt >= len(tokens) or tokens[nxt].row is None or tokens[nxt].row == tokens[last].row:
        return False
    run, end = _run_of(tokens, nxt, tokens[nxt].row, _is_value)
    if filled and all(t.printed is None or t.printed.state == "blank" for t in run):
        return False
    if digits and not any(t.printed is not None and t.printed.state == "number" for t in run):
        return False
    return bool(run) and (end + 1 >= len(tokens) or tokens[end + 1].row != tokens[nxt].row)


def _group_tail_beside_numbers(tokens: list[Token], last: int, version: Version,
                               table: str) -> bool:
    """Whether the printed row after a row of values is a group label's wrapped end
    (`办理结果` of 三、本年度办理结果, `公开` of （三）不予公开) and numbers alone after it:
    text laid out by position prints a merged group label down its column, a piece a
    line, and a cell cut over two lines (`<br>` in a number, full-width digits wrapped:
    `（三）不予 5.属于… １１ … １５` / `公开 ９ １` for 119 … 151; `（一）予以公开 2 2 1 …
    3` / `办理结果 879 77 8 … 473`) prints its lower part on the piece's line. That line
    is no row of its own (the piece names none), so the row's cells are not known whole."""
    return _text_beside_numbers(
        tokens, last, lambda text: _ends_a_group_label(text, version, table))


def _label_piece_beside_numbers(tokens: list[Token], last: int, version: Version,
                                found: tuple[str, str]) -> bool:
    """Whether the printed row after a row of values is a later piece of the row's own
    label (past its start, and the start of no row's label: `行政` under `行政 89 -22
    2958` begins the next row, 行政强制) and numbers after it (its item number between,
    where printed there): a label wrapped over lines, read by the piece on the row's
    line (`申请人无正当理由逾期不补正、 2 2` /
    `行政机关不再处理其政府信息公开 1. 10 5 1 … 8`, pdftotext -layout of numbers cut by
    `<br>` over a page break), printed the row's cells beside two of its pieces, so
    neither line holds the row's cells whole."""
    return _text_beside_numbers(
        tokens, last, lambda text: len(text) >= 2
        and any(_continues(text, label)
                for label in _table_labels(version, found[0], lambda row: row.id == found[1]))
        and not any(_unnumbered(label).startswith(text)
                    for label in _table_labels(version, found[0])))


def _unnumbered(label: str) -> str:
    """A row label without its leading item or group number (`1.`, `（六）`, `三、`)."""
    return NUMBERED.sub("", label)


def _continues(text: str, label: str) -> bool:
    """Whether `text` is a later piece of `label`: inside it, past its start."""
    return _unnumbered(label).find(text) > 0


def _table_labels(version: Version, table: str,
                  keep: Callable[[Row], bool] = lambda row: True) -> tuple[str, ...]:
    """The printed labels (label and aliases, NFKC) of the rows of `table` that `keep`
    takes (default every row)."""
    return tuple(nfkc(label) for block in version.tables[table].blocks for row in block.rows
                 if keep(row) for label in (row.label, *row.aliases))


def _text_beside_numbers(tokens: list[Token], last: int,
                         piece: Callable[[str], bool]) -> bool:
    """Whether the printed row after a row of values opens with a text that `piece`
    names, an item number alone may follow it, and numbers alone end it."""
    nxt = last + 1
    if (nxt >= len(tokens) or tokens[nxt].row is None or tokens[nxt].row == tokens[last].row
            or tokens[nxt].kind != "text" or not piece(nfkc(tokens[nxt].text).strip())):
        return False
    start = nxt + 1
    while (start < len(tokens) and tokens[start].row == tokens[nxt].row
           and tokens[start].kind == "text" and ROW_NUMBER.match(nfkc(tokens[start].text))):
        start += 1
    run, end = _run_of(tokens, start, tokens[nxt].row, _is_value)
    return (any(t.printed is not None and t.printed.state == "number" for t in run)
            and (end + 1 >= len(tokens) or tokens[end + 1].row != tokens[nxt].row))


def _units_beside_numbers(tokens: list[Token], last: int) -> bool:
    """Whether the printed row after a row of values holds numbers and counts' units
    alone (`件`), nothing else: text laid out by position prints a row whose narrow cells
    wrap over three lines (`１１ １３ …` above the row's line, `７件 件 件 件 ７ ４ ６`
    below, pdftotext -layout of 11827件 in a cell three characters wide) with the cells'
    last digits and units below the row's line. A unit wrapped alone under its whole
    number is harmless (`_unit_below`'s line, no number on it); a number beside units is
    the rest of some cell, so the row's cells are not known whole."""
    nxt = last + 1
    if nxt >= len(tokens) or tokens[nxt].row is None or tokens[nxt].row == tokens[last].row:
        return False
    row, units, numbers, j = tokens[nxt].row, 0, 0, nxt
    while j < len(tokens) and tokens[j].row == row:
        token = tokens[j]
        if token.kind == "text" and _LONE_UNIT.match(token.text):
            # a unit after a number printed without one is that number's (`1.91 万元`,
            # an amount's lower piece): not a unit alone
            units += j == nxt or not _bare_number(tokens[j - 1])
        elif token.kind != "value":
            return False
        elif token.printed is not None and token.printed.state == "number":
            numbers += 1
        j += 1
    return units > 0 and numbers > 0


_ENDS_IN_UNIT = re.compile(rf"(?:{UNIT})\s*$")


def _bare_number(token: Token) -> bool:
    """Whether `token` is a number printed without a unit."""
    return (token.kind == "value" and token.printed is not None
            and token.printed.state == "number" and not _ENDS_IN_UNIT.search(token.text))


def _ends_a_group_label(text: str, version: Version, table: str) -> bool:
    """Whether `text` is the end of one of `table`'s group labels, not the whole label."""
    # a group: a row with no cells of its own
    return len(text) >= 2 and any(
        label != text and label.endswith(text)
        for label in _table_labels(version, table, lambda row: row.is_group))


_LONE_UNIT = re.compile(rf"^\s*(?:{UNIT})\s*$")
_LONE_FRACTION = re.compile(r"^\s*[.．]\d+\s*$")  # \d: full-width digits too


def _unit_below(tokens: list[Token], last: int) -> bool:
    """Whether the printed row after a row of values is a count's unit alone (`件`): a
    cell's unit a narrow column wrapped onto a line of its own (`1件 0件 … 1` / `件` /
    `2` / `件`, pdftotext -raw), so the cell went on below its row's line, and so may
    the row's next cells: a row short of its columns is not known whole there."""
    return _text_below(tokens, last, _LONE_UNIT)


def _fraction_below(tokens: list[Token], last: int) -> bool:
    """Whether the printed row after a row of values is a decimal's fraction alone
    (`.62`), or followed by a unit alone (`.92  万元`): an amount cut before its point
    (`<br>` in `8.62`, pdftotext -raw: `行政事业性收费 8` / `.62`; -layout, the cell's unit
    printed after the amount: `政府集中采购 9` / `0` / `.92  万元`) printed the rest of its
    cell on a line of its own, which reads as text, not a value, so the row's last value
    is not known whole."""
    return (_text_below(tokens, last, _LONE_FRACTION)
            or _text_below(tokens, last, _LONE_FRACTION, then=_LONE_UNIT))


def _text_below(tokens: list[Token], last: int, alone: re.Pattern[str],
                then: re.Pattern[str] | None = None) -> bool:
    """Whether the printed row after a row of values is one word of text, `alone` (and
    a second, `then`, where given)."""
    nxt = last + 1
    end = nxt + (then is not None)
    return (end < len(tokens) and tokens[nxt].row is not None
            and tokens[nxt].row != tokens[last].row and tokens[nxt].kind == "text"
            and bool(alone.match(tokens[nxt].text))
            and (then is None or (tokens[end].row == tokens[nxt].row
                                  and tokens[end].kind == "text"
                                  and bool(then.match(tokens[end].text))))
            and (end + 1 >= len(tokens) or tokens[end + 1].row != tokens[nxt].row))


def _numbered_rows(tokens: list[Token]) -> bool:
    """Whether a printed row opens with a number before its row label: a column that
    numbers the rows, named or not. Table 四's row has no label to end such a number,
    and text laid out by position runs it into the first value where the two print
    close (`1` `0` as one word `10`): no reading of the row then proves its cells. A
    blank before the label is no such number: it is the slot of a label spanning rows
    above (pandoc's `三、本年度办理结果` over `（二）部分公开`), and nothing runs into a
    blank."""
    # A loop asking first of the token after (a label: few are) what a pair-wise `any`
    # asked of every token in order: the same answer, a fraction of the calls.
    for k in range(1, len(tokens)):
        nxt = tokens[k]
        if nxt.kind != "label":
            continue
        t = tokens[k - 1]
        if (t.kind == "value" and t.row is not None and nxt.row == t.row and not _is_blank(t)
                and (k == 1 or tokens[k - 2].row != t.row)
                and any(lb.kind in ("row", "group") for lb in nxt.labels)):
            return True
    return False


# A printed label opening with an item number (`2.`, `（二）`, `三、`).
_OPENS_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.、]|\(\s*[一二三四五六七八九十]{1,3}\s*\)"
                         r"|[一二三四五六七八九十]{1,3}\s*、)")
_LIST_NUMBER_TAIL = re.compile(r"^\s*[.、．]")  # "2." of an item whose label was not matched


def _own_values(tokens: list[Token], i: int, n: int,
                wraps: bool = False) -> tuple[list[Token], int, Token | None]:
    """The row's values, and the unmatched printed row right after them, if any.

    Run-together digits directly followed by "．<text>" end in the item number of a
    printed row that matched no label: where the row's own digits end is unknown.
    """
    values, last = _values_after(tokens, i, n, wraps)
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if (values and values[-1].run_together and nxt is not None and nxt.kind == "text"
            and _LIST_NUMBER_TAIL.match(nxt.text)):
        return values, last, nxt
    return values, last, None


_UNDRAWN = " (no cell drawn)"  # the ref of a column a ruled table's row drew no cell under


def _undrawn(label: Token) -> Token:
    """A blank standing for a column the row's drawn cells do not reach."""
    return Token("value", "", label.ref + _UNDRAWN, label.row, printed=read_printed(""))


# why a ruled table's row printed no cell under a column (_mark_undrawn)
_DRAWN_SHORT = ("draws no cell under this column (the row drawn short of its columns); its "
                "other cells placed by the grid columns their header names")
_PUSHED_PAST_EDGE = ("prints its label in a value column, pushed right by a span from above: "
                     "this column's value was pushed past the table's edge and dropped; its "
                     "other cells placed in order after the label")


def _mark_undrawn(grid: Grid, found: tuple[str, str], block: Block, undrawn: list[int],
                  label: Token, why: str) -> None:
    """The columns a ruled table's row drew no cell under, where the row was placed by
    its drawn cells: null (`missing`, nothing printed there), never a printed blank."""
    for k in undrawn:
        cell_id = cell_id_of(found[0], found[1], block.columns[k].id)
        placed = grid.cells.get(cell_id)
        if placed is None or placed.source_ref != label.ref + _UNDRAWN:
            continue  # the row was not placed by these cells
        grid.cells[cell_id] = CellValue(cell_id, None, "missing", None, None, label.ref)
        grid.flags.append(Flag("value_count_mismatch", f"{cell_id}: row {found[1]} of a "
                               f"ruled table {why}", cell_id))


def _next_rows_number(tokens: list[Token], last: int, values: list[Token]) -> bool:
    """Whether a row's last value is a whole number printed alone on the printed row
    (line) after its other values, the next token the next row's label: in text in
    content order (`pdftotext -raw`) a row whose label wraps prints its number (序号, or a
    numbering column no header names) on a line of its own before its label, right
    after the row above's values (`（一）予以公开 2 2` / `4` / `（二）部分公开…`). Short of
    its columns (blanks dropped), the row may take that number as its own, and its sum
    holds either way (2 + 2 = 4): 004 at mean 2, zeros blank, published 总计 4 for 2.
    Asked only where a printed row opens with a number before its label (`numbered`):
    rows no column numbers print no such number, and a value alone after a row's others
    is its last cell wrapped at the text's width (lynx at 40 columns: `5.要求… 0 0 0 0 0`
    / `0`, the six columns of a header lacking one).
    Text lines only: a scan's or a PDF's boxes place a row's cells by their own rows."""
    v, before = values[-1], values[-2] if len(values) > 1 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return (before is not None and after is not None and after.kind == "label"
            and REF_TEXT.fullmatch(v.ref) is not None  # a text's line, no box
            and v.row is not None and before.row is not None and v.row != before.row
            and after.row != v.row and v.printed is not None and v.printed.whole is not None
            and v.printed.unit is None and v.printed.number >= 0)


def _box_cells(values: list[Token]) -> bool:
    """Whether a row's values are cells of a box-drawn text table (`table T line L col
    C`), one token a cell, none run together, open-ended or cut."""
    return all(v.kind == "value" and box_column(v.ref) is not None and not (
        v.run_together or v.open_end or v.cut or v.stacked) for v in values)


def _cell_by_cell(values: list[Token]) -> bool:
    """Whether a row's values are a table's printed cells, one token a cell: each names
    its table cell (`table T row R cell C`), none run together, cut, open-ended, stacked
    or a scanned box that may hold several."""
    return all(v.kind == "value" and REF_TABLE_CELL.search(v.ref) and not (
        v.run_together or v.open_end or v.cut or v.stacked or v.box_run) for v in values)


def assemble(tokens: list[Token], version: Version, full_width_rows: bool = False,
             clipped_rows: bool = False, paragraph_cells: bool = False,
             breaks_in_cells: bool = False) -> Grid:
    """Place every labelled row's values into the version's cells; `breaks_in_cells`:
    the rendering prints a row a line, a line break inside a cell as a line break
    (number_breaks.py)."""
    grid = Grid(version, full_width_rows=full_width_rows, clipped_rows=clipped_rows,
                paragraph_cells=paragraph_cells,
                runs_shown=any(_NOT_ONE_NUMBER.match(t.text) for t in tokens
                               if t.run_together and t.kind == "value"))
    rows = _blocks_by_row(version.id)
    # a count proves breaks inside numbers only where no row prints numbers past its
    # cells (a 序号 column, an unknown trailing column): lynx's wraps then add words too
    numbered = _numbered_rows(tokens)
    breaks_in_cells = (breaks_in_cells and not full_width_rows and not numbered
                       and not _prints_past_cells(tokens, rows))
    t4_start = None
    index = None  # the printed rows, built for the first row the header must place
    t3_seen = False  # only placing a row below changes it, and once true it stays true
    labelled: list[tuple[str, str]] = []  # (table, ref) of each row label printed
    for i, token in enumerate(tokens):
        # a value is never 四's anchor (_t4_anchor: None): most tokens, not asked
        if t4_start is None and t3_seen and token.kind != "value" and _t4_anchor(token):
            t4_start = i
        if token.kind != "label":
            continue
        found = _row_of(token, rows)
        if found is None or found[0] == "t4":
            continue
        labelled.append((found[0], token.ref))
        undrawn: list[int] = []  # columns a ruled table's row drew no cell under
        undrawn_why = _DRAWN_SHORT
        values, last, glued = _own_values(tokens, i, len(rows[found].columns),
                                          not full_width_rows)
        apart = _blank_after_label(token, values)  # as printed, before any re-reading
        if breaks_in_cells and glued is None:
            joined = joined_over_breaks(tokens, values, last, len(rows[found].columns))
            cells = _cells_of(version.id, *found, rows[found])
            if joined is not None and not _fails_any(version.id, cells, joined[0]):
                values, last = joined
                # the table cuts numbers by breaks: a row of it printing as many words
                # as columns over lines may be a blank dropped and a number cut
                grid.wrapped_tables.add(found[0])
                grid.break_joined.add(found)
        if full_width_rows:
            _keep(grid.full_rows, found, values)
        elif (0 < len(values) <= len(rows[found].columns) and token.row is not None
              and glued is None and not _a_line_each(values)
              and (over := _wide_over_lines(tokens, values, last, len(rows[found].columns)))):
            # wrapped past its columns: kept as printed for the header's readings, the
            # row itself null by its count, superseded where the header places it
            wide, end = over
            _keep_wide(grid, *found, wide)
            _flag_row(grid, *found, rows[found].columns, wide, "value_count_mismatch",
                      f"row {found[1]} has {len(wide)} values over its printed lines, the "
                      f"template has {len(rows[found].columns)}")
            grid.wrapped_tables.add(found[0])
            t3_seen = t3_seen or _t3_seen(grid)
            grid.last_index = max(grid.last_index, end)
            continue
        if len(values) > len(rows[found].columns) and full_width_rows:
            # kept as printed too: the header's positions name the statute's columns
            # only, and a column it lacks (a 小计) is read by column_map.py
            _keep_wide(grid, *found, values)
            index = index or RowIndex(tokens)
            values = (header_reading(index, i, found[0], rows[found].columns)
                      or box_header_reading(index, i, found[0], rows[found].columns)
                      or values)
        elif len(values) > len(rows[found].columns) and _cell_by_cell(values):
            # a table printed cell by cell (HTML, DOCX, a PDF's drawn grid) keeps a
            # merged label's empty remnants beside its blank values: where its header
            # prints every column once at a position of rows as wide, that places them
            index = index or RowIndex(tokens)
            values = header_reading(index, i, found[0], rows[found].columns) or values
        elif 0 < len(values) < len(rows[found].columns) and (
                clipped_rows or _cell_by_cell(values) or _box_cells(values)):
            index = index or RowIndex(tokens)
            # a ruled table's row drawn short of its columns: its cells stand under the
            # columns their grid columns name in its header (drawn_columns.py)
            drawn = (drawn_reading(index, i, found[0], rows[found].columns, values)
                     if _cell_by_cell(values) or _box_cells(values) else None)
            if drawn is None and clipped_rows:
                # a table pandoc printed at a fixed width (rST's grid tables draw boxes
                # too) whose row's label a span from above pushed into a value column
                drawn = pushed_reading(index, i, found[0], rows[found].columns, values)
                undrawn_why = _PUSHED_PAST_EDGE
            if drawn is not None:
                undrawn = [k for k, t in enumerate(drawn) if t is None]
                values = [t or _undrawn(token) for t in drawn]
        if glued is not None:
            cols = rows[found].columns
            _flag_row(grid, *found, cols, values, "unmatched_row",
                      f"row {found[1]}'s digits run into a printed row that matches no "
                      f"statutory row ({glued.text.strip()[:30]!r})")
        elif any(v.stacked for v in values):
            if not _pend_pieces(grid, tokens, found, rows, values):
                _flag_stacked(grid, *found, rows[found].columns, values)
        elif _joined_unproven(grid, tokens[i], found, rows[found], values):
            _flag_row(grid, *found, rows[found].columns, values, "ambiguous_digits",
                      f"row {found[1]}'s values were joined from several printed lines by "
                      "their count and its identities fail: a cell's digits may have "
                      "wrapped onto a line of their own")
            grid.joined_unproven[found] = (values, grid.flags[-1])
        elif (values and len(values) <= len(rows[found].columns)
              and (not full_width_rows or values[-1].printed.state != "blank")
              and (_wrapped_tail(tokens, last, filled=True, digits=full_width_rows)
                   or _fraction_below(tokens, last)
                   or _group_tail_beside_numbers(tokens, last, version, found[0])
                   or _units_beside_numbers(tokens, last)
                   or _label_piece_beside_numbers(tokens, last, version, found)
                   or (len(values) < len(rows[found].columns)
                       and _unit_below(tokens, last)))):
            # A printed row of numbers alone that no row took: a line break inside a
            # cell (`<br>` in a number, a narrow column) printed part of a cell on a
            # line of its own, so where this row's cells end is not known. Pipe tables
            # too, where the row's last cell holds the break (html2text ends a `<br>` in
            # a cell as it ends a row); a row left open by a pipe (`| 0|` / `71,071`)
            # is one its width wrapped, its last cell on the next line; and there the
            # line must hold a number (Org's `\\` line break is no cell's digits).
            _flag_row(grid, *found, rows[found].columns, values, "ambiguous_digits",
                      f"row {found[1]}'s values are followed by a printed row of numbers "
                      "alone: a cell's digits may have wrapped onto it")
            grid.wrapped_tables.add(found[0])
        elif 0 < len(values) < len(rows[found].columns) and numbered and _next_rows_number(
                tokens, last, values):
            _flag_row(grid, *found, rows[found].columns, values, "value_count_mismatch",
                      f"row {found[1]}'s last value prints alone on the line before the "
                      "next row's label, as that row's number does, and the row is short "
                      "of its columns: which of its values are its own is not known")
        elif values:
            grid.value_refs[found] = ([v.ref for v in values],
                                      len(values) <= len(rows[found].columns))
            _place(grid, *found, rows[found], values)
            _mark_undrawn(grid, found, rows[found], undrawn, token, undrawn_why)
            if clipped_rows and (apart or _label_apart(token, values)):
                grid.fixed_rows[found] = tuple(
                    cell_id_of(*found, col.id) for col in rows[found].columns)
        elif token.row is None and _next_row_follows(tokens, last + 1, found[0], rows):
            _place(grid, *found, rows[found], [])  # one cell per line: every cell blank
        t3_seen = t3_seen or _t3_seen(grid)
        grid.last_index = max(grid.last_index, last)
    grid.label_columns = label_columns(labelled)
    _place_t4(grid, tokens, t4_start if t4_start is not None else _first_t4(tokens), numbered)
    _flag_unmatched_rows(grid, tokens, rows)
    _withdraw_forced_splits(grid)
    _withdraw_glyph_rows(grid, unknown_column(tokens))
    _withdraw_padded_rows(grid)
    _withdraw_pushed_rows(grid)
    _withdraw_unproven_spanned(grid)
    return grid


def withdraw_unproven_counts(grid: Grid) -> None:
    """Rows placed by dropping blanks or by their count that the identities show may
    hold a column the template lacks. Once the header has put the columns in their order
    (column_order.py): before, a table printing 总计 first breaks every identity."""
    _withdraw_dropped_blanks(grid)
    _withdraw_unbalanced_rows(grid)
    _withdraw_pulled_rows(grid)


def _withdraw_pulled_rows(grid: Grid) -> None:
    """Rows a span cut short shifted left (pulled.py) are null, flagged
    `row_may_be_shifted`, unless the identities prove them as read and refute a shift;
    one still pending is not placed by its identities either."""
    filled = {c.source_ref for c in grid.cells.values() if c.state == "number"}
    pulled = pulled_rows(grid.value_refs, grid.label_columns, filled)
    if not pulled:
        return
    numbers = {cid: (0.0 if c.state == "blank" else c.value) for cid, c in grid.cells.items()}
    cells_by_row = _row_cells(grid.version.id)
    for table, row in sorted(pulled):
        own = [cid for cid, _ in cells_by_row[(table, row)]]
        rules = [r for r in _rules(grid.version.id) if r.table == table]
        pending = grid.pending.pop((table, row), None)
        if pending is None and (
                alike([(c.state, c.value) if (c := grid.cells.get(cid)) else ("unplaced", None)
                       for cid in own])  # a cell never placed is no number: not alike
                or pull_proven(rules, numbers, own)):
            continue
        raw = (" ".join(v.text.strip() for v in pending.values) if pending is not None
               else " ".join(grid.cells[c].raw_text or "" for c in own if c in grid.cells))
        grid.flags.append(Flag("row_may_be_shifted", f"row {row} of {table} begins its "
                               "values where the table's other rows print their labels: a "
                               "span cut short shifted its cells left, and the identities "
                               f"do not prove where each belongs: {raw!r}"))
        for cid in own:
            old = grid.cells.get(cid)
            grid.cells[cid] = CellValue(cid, None, "ambiguous", old.raw_text if old else None,
                                        None, old.source_ref if old else None)


def _joined_unproven(grid: Grid, label: Token, found: tuple[str, str], block: Block,
                     values: list[Token]) -> bool:
    """Whether the row's values come from several printed rows (`_wrapped_on`: joined
    by their count alone) and an identity among its cells fails on them. A cell's
    digits wrapped onto a line of their own (`８２` / `１ ３５ ２ １ ８５` / `９` for 821 …
    859 in pdftotext -raw's text) fill the count as well as a row's wrapped end does;
    only the identities tell them apart."""
    if label.row is None or len({v.row for v in values}) < 2 or _a_line_each(values):
        return False  # a value a line: `_place` tells digits cut a line each
    cells = _cells_of(grid.version.id, *found, block)
    return len(values) == len(cells) and _fails_any(grid.version.id, cells, values)


def _prints_past_cells(tokens: list[Token], rows: dict[tuple[str, str], Block]) -> bool:
    """Whether a statutory row prints more values on its label's line than it has
    columns: numbers that are no cell of it (an unknown trailing column)."""
    for k, token in enumerate(tokens):
        found = _row_of(token, rows) if token.kind == "label" and token.row is not None else None
        if found is None:
            continue
        line = takewhile(lambda t, row=token.row: t.row == row and t.kind == "value",
                         tokens[k + 1:])
        if sum(1 for _ in line) > len(rows[found].columns):
            return True
    return False


def _next_row_follows(tokens: list[Token], i: int, table: str,
                      rows: dict[tuple[str, str], Block]) -> bool:
    """Whether token i starts the next row, group or block of the same table: then the
    row before it printed no value at all (not one of another version's rows, which
    would hold the values)."""
    if i >= len(tokens) or tokens[i].kind != "label":
        return False
    return any(lab.table == table and (lab.kind in ("group", "caption")
                                       or (lab.kind == "row" and (table, lab.key) in rows))
               for lab in tokens[i].labels)


def _t3_seen(grid: Grid) -> bool:
    return bool(grid.rows_found.get("t3")) or any(t == "t3" for t, _ in grid.pending)


def _first_t4(tokens: list[Token]) -> int:
    return next((i for i, t in enumerate(tokens) if _t4_anchor(t)), len(tokens))




def _unlabelled_pipe_row(tokens: list[Token], i: int) -> str | None:
    """The values of the pipe-table row token i opens, where the row prints values only
    (a PDF-to-Markdown converter prints a row whose label wraps in its cell as values
    alone, the label's lines apart before the table block), else None."""
    t = tokens[i]
    if (t.kind != "value" or t.row is None or (i > 0 and tokens[i - 1].row == t.row)
            or not REF_PIPE_CELL.match(t.ref)):  # asked of every value: the row test first
        return None
    run = list(takewhile(lambda u: u.row == t.row, tokens[i:]))
    if any(u.kind != "value" for u in run) or not any(
            u.printed is not None and u.printed.state == "number" for u in run):
        return None  # a row with words, or a spacer row of empty cells
    return " ".join(u.text.strip() for u in run)[:40]


def _flag_unmatched_rows(grid: Grid, tokens: list[Token],
                         rows: dict[tuple[str, str], Block]) -> None:
    """Flag printed rows between two statutory rows of one table that match no label.

    Their values are not taken by either neighbour (`_values_after` stops at them); the
    flag says that values were printed there and not used. A statutory row printed empty
    right before the first of them is not proven empty (`_withhold_empty_row`).
    """
    table, waiting, last, label = None, [], None, None
    for i, t in enumerate(tokens):
        if t.kind == "label":
            found = _row_of(t, rows)
            if found is None:
                continue
            if found[0] == table:
                for text in waiting:
                    grid.flags.append(Flag("unmatched_row", f"printed row {text!r} in "
                                           f"table {table} matches no statutory row; its "
                                           "values were not used"))
            table, waiting, last, label = found[0], [], found, t
        elif (t.kind == "text" and i + 1 < len(tokens) and tokens[i + 1].kind == "value"
              and (t.row is None or tokens[i + 1].row == t.row) and table is not None
              and not _LIST_NUMBER_TAIL.match(t.text) and not may_stand_for_value(t.text)):
            waiting.append(t.text.strip()[:40])
            if len(waiting) == 1 and last is not None and label is not None:
                _withhold_label_ending_below(grid, last, rows[last], label.text, t.text)
        elif table is not None and (unlabelled := _unlabelled_pipe_row(tokens, i)):
            waiting.append(unlabelled)
        if len(waiting) == 1 and last is not None:
            _withhold_empty_row(grid, last, rows[last], waiting[0])
            _withhold_open_row(grid, last, waiting[0], _values_in_row(tokens, i))
            last = None


def _values_in_row(tokens: list[Token], i: int) -> int | None:
    """How many values the printed row token i opens holds (None: rows not known)."""
    if tokens[i].row is None:
        return None
    return sum(u.kind == "value" for u in takewhile(lambda u: u.row == tokens[i].row,
                                                    tokens[i:]))


def _withhold_open_row(grid: Grid, found: tuple[str, str], after: str,
                       after_values: int | None) -> None:
    """A row that lost blank cells (left `pending` for the identities to place its values)
    followed at once by a row of values that matches no label is not known whole: its
    label's wrapped end may print on a line of its own with the row's last values
    (pdftotext: `4.无正当理由大量反复申 1 1` / `请 2`, blanks dropped, so no count joins
    them). Placed by the identities, `1 1` reads as 1 and its 总计 1 in every placement
    (a wrong total). Its cells are null, not placed (flag `values_not_placed`). A row
    after it holding more values than the row lacks cannot be its end: it is a row of
    its own (Chromium's innerText prints 四's row of 15 numbers, its header lines
    between, right after 三's last row)."""
    pending = grid.pending.get(found)
    if pending is None or pending.kind != "columns" or _OPENS_ITEM.match(nfkc(after)):
        return  # a numbered label starts a row of its own (`（二）部分公开…`), no row's end
    if after_values is not None and len(pending.values) + after_values > len(pending.cells):
        return
    del grid.pending[found]
    for cell_id, _ in pending.cells:
        grid.cells[cell_id] = CellValue(cell_id, None, "unplaced", None, None,
                                        pending.values[0].ref if pending.values else None)
    grid.flags.append(Flag("values_not_placed", f"row {found[1]} lost blank cells and the "
                           f"row after it, {after!r}, prints values and matches no label: "
                           f"the row's values may go on there ({len(pending.cells)} cells not "
                           "placed)"))


def _withhold_label_ending_below(grid: Grid, found: tuple[str, str], block: Block,
                                 head: str, tail: str) -> None:
    """A row whose label's end prints on a later line beside values of its own is not
    known to own the values beside its label's head: pdftotext -layout lays a tall
    row's values, centred in their cell, under the next row's first label line
    (`4.保护第三方合法权` / `益：` / `5.属于三类内部事务` / `2 1 0 0 0 0 3` / `信息： 2 0
    0 0 0 1 3`), so the values beside the head are the row above's and the row's own
    print beside its tail. Where the head alone names no statutory row and head + tail
    names this one, the row printed two rows of values: its cells are null, not placed
    (flag `values_not_placed`). Its identities cannot tell: each row sums alike."""
    if found in _rows_named(head) or found not in _rows_named(head + tail):
        return
    ids = [cell_id_of(*found, c.id) for c in block.columns]
    placed = [grid.cells[cell_id] for cell_id in ids if cell_id in grid.cells]
    if not any(c.value is not None for c in placed):
        return
    _unplace(grid, placed)
    grid.flags.append(Flag("values_not_placed", f"row {found[1]}'s label ends on a later "
                           f"line ({tail.strip()[:20]!r}) beside values of its own: the "
                           f"values beside its first line may be the row above's "
                           f"({len(placed)} cells not placed)"))


def _unplace(grid: Grid, cells: list[CellValue]) -> None:
    """The cells null, state `unplaced`, their unit and source kept (the caller flags
    why)."""
    for c in cells:
        grid.cells[c.cell_id] = CellValue(c.cell_id, None, "unplaced", None, c.unit,
                                          c.source_ref)


def _rows_named(text: str) -> frozenset[tuple[str, str]]:
    """The statutory rows a text names: (table, key)."""
    return frozenset((lab.table, lab.key) for lab in labels_of(text) if lab.kind == "row")


def _withhold_empty_row(grid: Grid, found: tuple[str, str], block: Block,
                        after: str) -> None:
    """A row printed with every cell empty and followed at once by a row of values that
    matches no label is not proven empty: a converter that wraps a row's label in its
    cell prints the label's first line as a row of empty cells and the rest, with the
    row's values, as a row of its own (pymupdf4llm: `|1、申请人无正当理由逾期不补||||||||`
    then `|正、行政机关不再处理其政府信<br>息公开申请|67|3|0|0|1|0|71|`). Its cells are null,
    not placed (flag `values_not_placed`), never published as printed empty."""
    ids = [cell_id_of(*found, c.id) for c in block.columns]
    cells = [grid.cells.get(cell_id) for cell_id in ids]
    if not all(c is not None and c.state == "blank" for c in cells):
        return
    _unplace(grid, cells)
    grid.flags.append(Flag("values_not_placed", f"row {found[1]} prints every cell empty "
                           f"and the row after it, {after!r}, matches no label: its values "
                           f"may be that row's ({len(ids)} cells not placed)"))
