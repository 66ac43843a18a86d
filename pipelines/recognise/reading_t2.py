"""Table 二's values from a PDF's text in reading order, where the text ties each value to
its row and its column (issue 13).

Chromium's print of a report, turned into text by `pdftotext` without options, prints
each block of 二 after its caption (`第二十条第（五）项`) as its header cut over lines
(`本年处` / `信息内容` / `理决定数量`), then its rows in the template's order, each row's
values either on its label's line after the label (`行政规范性文件 8 26 66`: one
baseline, left to right) or one a line before its label (`3985758` / `行政处罚` /
`88283` / `行政强制`). 二 has no identity, so a value is placed only where the text itself
proves its cell:

- **the row**: every block's caption is found once, in the template's order, and in
  each block, after a header whose words are all pieces of the block's column labels
  (or of the label column's header), every row's label prints once, in the template's
  order, with exactly one value a column between the previous row's label and the end
  of its own label's line (the last row: up to the block's end, `6` / `政府集中采购` /
  `25.1万元`), or, read the other way, between the start of its label's line and the
  next row's label (the first row: from the header's end; fullwidth's print: `规章` /
  `０ ０ ０` / `行政规范性文件 ８８ ５５ ６９８`), and nothing else. Counts exact in every
  row tie each value to its row: nothing before the first row's values belongs to
  another row, so a row whose values spilled past the next label would leave that row's
  count wrong (the other way round likewise); both readings exact are one. A blank
  cell prints nothing, a page's footer or a row the statute does not have prints other
  text: each breaks a count or the sequence somewhere, and then table 二 is placed
  nowhere (a value of one block may have been printed in another's place).
- **the column**: the row's values on its label's line (one baseline, left to right)
  under a header that names the block's columns left to right in the template's order
  (`_columns_in_order`; t2-columns-swapped prints `本年废 本年制 现行有`); one value in a
  block of one column; or values all the same, equal in any order. Values printed on
  lines of their own in a block of several columns are in the converter's order of its
  blocks, not the page's (h-readmore: a header's blocks print out of their order): not
  placed, left null; but where their kind shows their columns (`_by_kind`: 政府集中采购's
  `6` / `政府集中采购` / `25.1万元`, a count and an amount only an amount column takes),
  placed so.

A block short of columns is tied too where the text proves where their values went
(LibreOffice's PDF of a Word report: its narrow 现行有效件数 column prints as a block of
its own inside 三's text, `现行有` / `效件数` / `11` / `66`): its header names none of a
column's label, each row prints one value a named column, and each unnamed column's label
prints past 二's end, whole over lines of their own, right over exactly one value a row of
the block and nothing more. Its values are then nowhere in another block's place, and the
other blocks tied whole are placed; the short block's own values, its columns' order
unread, are not.

A row placed so is flagged `row_placed_by_order` where its values printed off its
label's line.
"""

from __future__ import annotations

import re

from pipelines.read.text_order import simplified_lines
from pipelines.recognise.cells import cell_value
from pipelines.recognise.grid import Grid
from pipelines.recognise.labels import T2_HEADER
from pipelines.recognise.layout import FORMAT_CHARS
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import read_printed
from pipelines.report import Flag
from pipelines.textnorm import COUNT_UNITS
from schemas.template import Block, Table, cell_id_of

_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]")  # a section's heading ends 二
_PRINTED = frozenset({"number", "dash", "slash", "none_word"})  # a value cell's print

Word = tuple[int, str]  # (0-based line, a value as printed)


def _is_value(word: str) -> bool:
    return read_printed(word).state in _PRINTED


def _line_kind(words: list[str], labels: list[str]) -> tuple[int | None, list[str]]:
    """(the row whose label the line prints, its values after the label) for a row's
    line; (None, values) for a line of values only; (None, []) for any other text."""
    cut = next((i for i, w in enumerate(words) if _is_value(w)), len(words))
    values = words[cut:]
    if not all(map(_is_value, values)):
        return None, []  # a value before other text: no row's line
    if cut == 0:
        return None, values
    lead = normalise("".join(words[:cut]))
    return (labels.index(lead), values) if lead in labels else (None, [])


def _header_word(word: str, pieces: list[str]) -> bool:
    """A word of a block's header: a piece of one of its column labels or of the label
    column's header (`本年处`, `理决定数量`, `信息内容`)."""
    w = normalise(word)
    return bool(w) and any(w in p for p in pieces)


Line = tuple[int | None, int, list[str]]  # (the row whose label it prints, line, values)
Rows = dict[int, tuple[int, list[Word]]]  # row index: (its label's line, its values)


def _block_rows(lines: list[str], start: int, end: int, block: Block, width: int = 0
                ) -> tuple[Rows, list[list[str]]] | None:
    """{row index: (its label's line, its values with their lines)} of the block printed
    in lines[start:end] (after its caption), where each row's values are tied to it
    (module docstring), `width` of them (default: one a column), and its header's lines'
    words; or None."""
    labels = [normalise(r.label) for r in block.data_rows]
    pieces = [normalise(c.label) for c in block.columns] + [normalise(T2_HEADER)]
    printed: list[Line] = []
    header: list[list[str]] = []
    for no in range(start, end):
        words = lines[no].split()
        if not words:
            continue
        row, values = _line_kind(words, labels)
        if row is None and not values:  # text: the header's, before any value or row
            if printed or not all(_header_word(w, pieces) for w in words):
                return None
            header.append(words)
            continue
        printed.append((row, no, values))
    if [row for row, _, _ in printed if row is not None] != list(range(len(labels))):
        return None  # a row missing, twice or out of the template's order
    width = width or len(block.columns)
    readings = [rows for rows in (_assigned(printed, True), _assigned(printed, False))
                if all(len(values) == width for _, values in rows.values())]
    if not readings or any(rows != readings[0] for rows in readings[1:]):
        return None
    return readings[0], header


def _assigned(printed: list[Line], before: bool) -> Rows:
    """Each row's values: those on its label's line, and those on lines of values only
    before it (`before`: up to the previous row's label; the last row's after it too) or
    after it (up to the next row's label; the first row's before it too). Where every
    row's count is exact, that reading is the page's (module docstring)."""
    labelled = [i for i, (row, _, _) in enumerate(printed) if row is not None]
    rows: Rows = {}
    for i, (_, no, values) in enumerate(printed):
        at = i if i in labelled else (  # a line of values only: the label it is tied to
            next((j for j in labelled if j > i), labelled[-1]) if before
            else max((j for j in labelled if j < i), default=labelled[0]))
        row = labelled.index(at)  # the rows print in the template's order
        rows.setdefault(row, (printed[at][1], []))[1].extend((no, v) for v in values)
    return rows


def _columns_in_order(header: list[list[str]], block: Block) -> bool:
    """Whether the header shows the block's columns left to right in the template's order:
    a line names them all, each word a piece of exactly one column's label (`本年制 本年废
    现行有`; `本年新` starts two), and no line names two of them in another order (a line is
    one baseline, its words left to right)."""
    columns = [normalise(c.label) for c in block.columns]
    named = False
    for words in header:
        hits = [[i for i, c in enumerate(columns) if normalise(w) in c] for w in words
                if normalise(w) not in normalise(T2_HEADER)]
        if not hits or any(len(h) != 1 for h in hits):
            continue
        order = [h[0] for h in hits]
        if order != sorted(set(order)):
            return False
        named = named or order == list(range(len(columns)))
    return named


def _spans(lines: list[str], captions: list[str]) -> list[tuple[int, int]] | None:
    """(first line after its caption, end) of each block: its caption printed once, in the
    template's order; a block ends at the next caption, the last at a section's heading."""
    flat = [normalise(ln) for ln in lines]
    found = [[no for no, f in enumerate(flat) if f == c] for c in captions]
    if any(len(f) != 1 for f in found):
        return None
    starts = [f[0] for f in found]
    if starts != sorted(starts):
        return None
    last = next((no for no in range(starts[-1] + 1, len(lines))
                 if _SECTION.match(lines[no].strip())), len(lines))
    return [(a + 1, b) for a, b in zip(starts, [*starts[1:], last], strict=True)]


def _unnamed(header: list[list[str]], block: Block) -> list[str]:
    """The block's column labels no word of its header is a piece of."""
    words = [normalise(w) for line in header for w in line]
    words = [w for w in words if w and w not in normalise(T2_HEADER)]
    return [label for c in block.columns
            if not any(w in (label := normalise(c.label)) for w in words)]


def _apart_at(lines: list[str], start: int, label: str, count: int, run_on: bool = False
              ) -> list[int] | None:
    """The lines of the `count` values under `label` where it prints once from
    lines[start:] whole over lines of their own (`现行有` / `效件数`), right over exactly
    `count` lines of one value each and then a line of no value; else None. `run_on`: the
    line after them may hold a value too (`values_run_on`)."""
    found: list[list[int]] = []
    for no in range(start, len(lines)):
        joined, end = "", no
        while end < len(lines) and len(joined) < len(label) and lines[end].strip():
            joined += normalise(lines[end])
            end += 1
        if joined != label:
            continue
        values = lines[end:end + count + 1]
        if (len(values) > count and all(_is_value(v.strip()) for v in values[:count])
                and (run_on or not _is_value(values[count].strip()))):
            found.append(list(range(end, end + count)))
    return found[0] if len(found) == 1 else None


def _short_block_apart(lines: list[str], span: tuple[int, int], block: Block, end: int,
                       run_on: bool = False) -> list[int] | None:
    """The lines of the values of the block's columns its header does not name, printed
    past 二's end (`end`) under their own label (module docstring), where the block is
    tied but for them; else None. `run_on`: as `_apart_at`'s."""
    for width in range(1, len(block.columns)):
        short = _block_rows(lines, *span, block, width)
        if short is None:
            continue
        unnamed = _unnamed(short[1], block)
        if len(unnamed) != len(block.columns) - width:
            return None
        apart = [_apart_at(lines, end, label, len(block.data_rows), run_on)
                 for label in unnamed]
        return None if None in apart else [no for a in apart if a for no in a]
    return None


def _short_block_tied(lines: list[str], span: tuple[int, int], block: Block, end: int
                      ) -> bool:
    """Whether the block is tied but for columns its header does not name, whose values
    print past 二's end (`end`) under their own label (module docstring)."""
    return _short_block_apart(lines, span, block, end) is not None


def values_apart(lines: list[str], table: Table, run_on: bool = False) -> set[int]:
    """The lines (of `lines`, simplified as here) holding 二's values printed apart from
    their block, under their column's own label past 二's end (`现行有` / `效件数` / `11` /
    `66` inside 三's text): 二's, proven so, and no other table's. `run_on`: also where
    more values follow them (`values_run_on`)."""
    blocks = [b for b in table.blocks if b.caption and b.data_rows]
    spans = _spans(lines, [normalise(b.caption) for b in blocks])
    if spans is None:
        return set()
    out: set[int] = set()
    for span, block in zip(spans, blocks, strict=True):
        if _block_rows(lines, *span, block) is None:
            out |= set(_short_block_apart(lines, span, block, spans[-1][1], run_on) or ())
    return out


def values_run_on(lines: list[str], table: Table) -> set[int]:
    """The lines a column of 二's printed apart holds where more values run on below them
    (`现行有` / `效件数` / `0` / `698` / `71` / `3`: LibreOffice's PDF printing 三's first
    counts right under 二's last value), where `values_apart` proves none. Not proven 二's
    (no cell of 二 is placed from them): 三's counts are read both with and without them,
    and 三's identities and the agreement of every reading decide
    (reading_blocks.block_rows)."""
    if values_apart(lines, table):
        return set()
    return values_apart(lines, table, run_on=True)


def _proven_columns(values: list[Word], own_line: int, header_in_order: bool) -> bool:
    """Whether the row's values are in its columns' order: one, all printing the same, or
    all on its label's line under a header showing the columns in order."""
    return (len(values) == 1 or len({read_printed(v) for _, v in values}) == 1
            or (header_in_order and all(no == own_line for no, _ in values)))


def _amount_only(word: str) -> bool:
    """Whether a value can be no count: printed with a money unit (`25.1万元`) or a
    fraction."""
    printed = read_printed(word)
    return printed.unit not in COUNT_UNITS or (
        printed.number is not None and printed.number != printed.number.to_integral())


def _by_kind(values: list[Word], block: Block) -> list[Word] | None:
    """The row's values in its columns' order where their kind alone shows it, whatever
    the order they printed in: a block of one amount column and one count column
    (政府集中采购: 采购项目数量, 采购总金额) whose values print one an amount only
    (`25.1万元`, `_amount_only`) and one no amount only (`6`); else None."""
    amounts = [c.value_type.unit is not None for c in block.columns]
    if len(values) != 2 or sorted(amounts) != [False, True]:
        return None
    kinds = [_amount_only(v) for _, v in values]
    if sorted(kinds) != [False, True]:
        return None
    return values if kinds == amounts else values[::-1]


def place_t2_by_order(grid: Grid, text: str, rendering: str) -> None:
    """Table 二's values tied to their cells by a text in reading order (module docstring),
    where no other reading placed other values there."""
    if rendering != "text_reading_order" or "t2" not in grid.tables_found:
        return
    lines = simplified_lines(FORMAT_CHARS.sub("", text).split("\n"))
    blocks = [b for b in grid.version.tables["t2"].blocks if b.caption and b.data_rows]
    spans = _spans(lines, [normalise(b.caption) for b in blocks])
    if spans is None:
        return
    found = [_block_rows(lines, a, b, block) for (a, b), block in zip(spans, blocks,
                                                                       strict=True)]
    if any(f is None and not _short_block_tied(lines, span, block, spans[-1][1])
           for f, span, block in zip(found, spans, blocks, strict=True)):
        return  # a block not tied whole: its values may print in another block's place
    placed: dict[str, Word] = {}
    by_order: list[str] = []  # rows whose values printed off their label's line
    for block, (rows, header) in ((b, f) for b, f in zip(blocks, found, strict=True)
                                  if f is not None):  # a short block's columns unread
        in_order = _columns_in_order(header, block)
        for r, (own, values) in rows.items():
            row = block.data_rows[r]
            if not _proven_columns(values, own, in_order):
                values = _by_kind(values, block)
                if values is None:
                    continue
            placed |= {cell_id_of("t2", row.id, c.id): v
                       for c, v in zip(block.columns, values, strict=True)}
            if any(no != own for no, _ in values):
                by_order.append(row.id)
    _write(grid, blocks, placed, by_order)


def _write(grid: Grid, blocks: list[Block], placed: dict[str, Word], by_order: list[str]
           ) -> None:
    """The placed values as cells, unless another reading placed a different value in one
    of them (two readings of one table are not mixed)."""
    types = {cell_id_of("t2", r.id, c.id): c.value_type
             for b in blocks for r in b.data_rows for c in b.columns}
    flags: list[Flag] = []
    cells = {cid: cell_value(cid, types[cid], Token("value", word, f"line {no + 1}", None,
                                                    printed=read_printed(word)), flags)
             for cid, (no, word) in placed.items()}
    if any((old := grid.cells.get(cid)) is not None and old.value is not None
           and old.value != cell.value for cid, cell in cells.items()):
        return
    grid.cells.update(cells)
    # a cell the grid could not place among its row's values is placed here: its doubt
    # is resolved, its flag withdrawn
    grid.flags[:] = [f for f in grid.flags if not (
        f.code == "ambiguous_columns" and f.message.split(":")[0] in cells)]
    grid.flags.extend(flags)
    grid.rows_found.setdefault("t2", set()).update(cid.split(".")[1] for cid in cells)
    grid.flags.extend(Flag("row_placed_by_order", f"row t2.{row}: its label was printed "
                           "away from its values, which were placed by their order")
                      for row in by_order)
