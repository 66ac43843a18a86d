"""A column the statute lacks printed after a table's last column: dropped where proven.

Agencies add a column after a table's last statutory column (`同比`, `备注` holding
numbers, a running number): each row then prints one value more than its columns, and the
grid (grid.py) refuses it (`value_count_mismatch`), since which value is the extra one is
not known from the count. Where every cell of the row is printed (a ruled table: HTML,
DOCX, a PDF's drawn grid; a merged cell split into empty ones keeps its blanks), the
header and the rows prove it, and the row's values are placed without it:

- the header: a printed row of the table's heading labels (caption, header, column
  labels) ends in a word that names no statutory column and is no piece of one (`同比`);
  it is that row's last cell, so its column is the table's last, after the statute's.
  In text laid out by position a narrow header cell wraps a character a line (`同` /
  `比`): there the text stacked down the right edge of 三's or 四's header band
  (column_order._trailing_stacks) is that word; a header cut by a page break prints on
  two grids, each page's piece with its right edge: the one piece ending in a word
  naming no statutory column gives it (总计 ending the other piece);
- every data row of the table printing anything was kept wide by the grid
  (`Grid.wide_rows`: more values than its columns, blank cells kept, none run together,
  cut or open-ended), its last value a number or blank: the extra column's cell;
- 三 and 四 (one row of 15 values): the statutory values are the cells just before it
  (the columns stand side by side up to the extra one), every cell before them blank
  (the empty remnants of a row label's span); each 总计 must be the sum of its row's
  (group's) others wherever it is a number and they are numbers or blank (a blank
  adds nothing, as evidence only; a 总计 left blank says nothing), in one row at least,
  and the reading one cell to the right, the extra column's cell as 总计, must break
  that sum in one row at least: the extra column is never read as 总计;
- 二, which has no identity (the header its only evidence): each row's block values are
  its first cells and any after them blank (a value merged over the table's three value
  columns, split into empty cells, keeps its text in the first);
- nothing else of the table is uncertain: no row pending, forced or read a glyph a line.

The table is then placed as a whole, flagged `column_dropped`; where any row fails, the
grid's reading (its nulls and flags) stands. A rendering that drops blank cells (lynx,
a PDF's text lines parted by gaps) prints a row with a blank as its columns' count: that
row is not wide, and the table is left to the grid.
"""

from __future__ import annotations

from pipelines.recognise.cells import cell_value
from pipelines.recognise.column_map import (
    SUBTOTAL_WORDS,
    printed_nothing,
    replace_rows,
    value_types,
)
from pipelines.recognise.grid import Grid
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import COLUMN_WORD, REMARKS, Token, piece_of_label
from pipelines.report import CellValue, Flag
from schemas.template import cell_id_of

_HEADINGS = frozenset({"caption", "header", "column", "note"})
_SUMMED = frozenset({"t3", "t4"})  # tables whose 总计 sums check a placement (_totals_prove)


def place_past_last_column(grid: Grid, tokens: list[Token], tables: set[str],
                           stacked: dict[str, tuple[str, ...]] | None = None) -> None:
    """Each of the `tables` whose header and rows prove a column after its last one
    placed without it (module docstring). `stacked`: table -> the texts down the right
    edge of its header band (of each page's piece of it, a band cut by a page break), in
    text laid out by position (column_order.py)."""
    rows = _printed_rows(tokens)
    words = _trailing_words(rows)
    for table, stacks in (stacked or {}).items():
        unknown = {w for w in stacks if _unknown_word(w)}
        if len(unknown) == 1:  # a page's piece of the header ends in it, no other piece
            words.setdefault(table, unknown.pop())  # in another word (statutory's aside)
    # a header row's other words may be pieces of a wrapped note (lynx at 40 columns:
    # `之和） 申请人情况 同比`): read where rows drop blanks (grid.py, resolve.py) to
    # refuse a reading, and to place 三 and 四, whose 总计 sums check every row (二 has
    # no identity: its header row is its only evidence); a remarks column holds text
    named = {**_trailing_words(rows, loose=True), **words}
    grid.trailing_words.update((t, w) for t, w in named.items() if w not in REMARKS)
    words.update((t, w) for t, w in named.items() if t in _SUMMED and t not in words)
    for table in sorted(tables & words.keys()):
        placed = _placed(grid, table)
        if placed is None:
            continue
        replace_rows(grid, table, *placed)
        if table == "t4":  # the grid's finding on 四's one printed row (not `row <id> …`)
            grid.flags[:] = [f for f in grid.flags if not (
                f.code == "value_count_mismatch" and f.cell_id is None
                and f.message.startswith("table 四 has"))]
        grid.flags.append(Flag("column_dropped", f"{table}'s header prints a column the "
                               f"statute lacks after its last column ({words[table]}): its "
                               "values are not published, the others placed under the "
                               "columns before it"))


def _printed_rows(tokens: list[Token]) -> list[list[Token]]:
    """The tokens of each printed row but its blanks (a header's empty cells say nothing),
    in the order of the rows' first tokens."""
    rows: dict[int, list[Token]] = {}
    for t in tokens:
        if t.row is not None and (t.printed is None or t.printed.state != "blank"):
            rows.setdefault(t.row, []).append(t)
    return list(rows.values())


def _trailing_words(rows: list[list[Token]], loose: bool = False) -> dict[str, str]:
    """table -> the word naming no statutory column that ends a printed row of its heading
    labels (the row's last cell; `rows`: `_printed_rows`). `loose`: a row of words with
    one heading label at least, its other words text (a wrapped note's piece), no value."""
    found: dict[str, str] = {}
    for row in rows:
        *head, last = row
        word = normalise(last.text) if last.kind == "text" else ""
        if not head or not _unknown_word(word):
            continue
        tables = {lb.table for t in head for lb in (t.labels or ())}
        if len(tables) == 1 and (_loosely_heading(head) if loose else all(
                t.kind == "label" and all(lb.kind in _HEADINGS for lb in t.labels)
                for t in head)):
            found.setdefault(tables.pop(), word)
    return found


def _loosely_heading(head: list[Token]) -> bool:
    labels = [t for t in head if t.kind == "label"]
    return bool(labels) and all(t.kind in ("label", "text") for t in head) and all(
        lb.kind in _HEADINGS for t in labels for lb in t.labels)


def _unknown_word(word: str) -> bool:
    """A header word naming no statutory column and no piece of one (`同比`)."""
    word = normalise(word)
    return bool(COLUMN_WORD.match(word)) and word not in SUBTOTAL_WORDS and not piece_of_label(word)


def _usable(values: list[Token]) -> bool:
    """A wide row read cell by cell: values only, none run together, cut, open-ended or
    stacked, its last (the extra column's) a number or blank."""
    last = values[-1].printed if values else None
    return (last is not None and last.state in ("number", "blank")
            and all(v.kind == "value" and not (v.run_together or v.open_end or v.cut
                                               or v.stacked or v.box_run) for v in values))


def _blank(token: Token) -> bool:
    return token.printed is not None and token.printed.state == "blank"


def _statutory(values: list[Token], n: int, left: bool) -> list[Token] | None:
    """The row's n statutory values, the extra column's last cell dropped: those just
    before it (`left` False: 三, 四) or its first (二), every other cell blank."""
    rest = values[:-1]
    if len(rest) < n:
        return None
    own, other = (rest[:n], rest[n:]) if left else (rest[len(rest) - n:], rest[:len(rest) - n])
    return own if all(map(_blank, other)) else None


def _placed(grid: Grid, table: str) -> tuple[dict[str, CellValue], list[Flag]] | None:
    """The table's cells read without the extra column, and the findings on them; None
    where a row does not prove it."""
    if any(t == table for t, _ in (*grid.pending, *grid.forced_runs, *grid.glyph_rows)):
        return None
    rows = _rows(grid, table)
    if not rows:
        return None
    placed: dict[str, CellValue] = {}
    findings: list[Flag] = []
    for row, keys, own, _ in rows:
        types = value_types(grid, table, row)
        for key, token in zip(keys, own, strict=True):
            cid = cell_id_of(table, row, key)
            placed[cid] = cell_value(cid, types[key], token, findings)
    if table != "t2" and not _totals_prove(grid, table, rows):
        return None
    return placed, findings


# A row's (四: group's) id, its column keys, its statutory values and the same count of
# values read one cell to the right (the extra column's cell taken for the last column).
_Row = tuple[str, list[str], list[Token], list[Token]]


def _rows(grid: Grid, table: str) -> list[_Row] | None:
    """The table's rows read without the extra column (None: a row does not prove it)."""
    spec = grid.version.tables[table]
    if table == "t4":
        (block,) = spec.blocks
        values = grid.wide_rows.get(("t4", "all"))
        n = len(block.columns)
        total = n * len(block.data_rows)
        own = _statutory(values, total, False) if values and _usable(values) else None
        if own is None:
            return None
        shifted = values[-total:]
        return [(r.id, [c.id for c in block.columns], own[k * n:(k + 1) * n],
                 shifted[k * n:(k + 1) * n]) for k, r in enumerate(block.data_rows)]
    rows: list[_Row] = []
    for block in spec.blocks:
        keys = [c.id for c in block.columns]
        for r in block.data_rows:
            if printed_nothing(grid, table, r.id):
                continue
            values = grid.wide_rows.get((table, r.id))
            own = _statutory(values, len(keys), table == "t2") if values and _usable(
                values) else None
            if own is None:
                return None
            rows.append((r.id, keys, own, values[-len(keys):]))
    return rows


def _totals_prove(grid: Grid, table: str, rows: list[_Row]) -> bool:
    """Whether 总计 (the last column) is the sum of its row's (group's) others wherever it
    is a number and they are numbers or blank (a blank adds nothing, as evidence only;
    a 总计 left blank says nothing), in one row at least, and the reading one cell to the
    right (the extra column's cell as 总计) breaks that sum in one row at least."""
    told = refuted = False
    for row, keys, own, shifted in rows:
        types = value_types(grid, table, row)
        ours = _sum_holds(row, keys, own, types, table)
        if ours is False:
            return False
        told = told or ours is True
        refuted = refuted or _sum_holds(row, keys, shifted, types, table) is False
    return told and refuted


def _sum_holds(row: str, keys: list[str], values: list[Token], types: dict,
               table: str) -> bool | None:
    """Whether the last value is the sum of the others (None: not evaluable)."""
    cells = [cell_value(cell_id_of(table, row, k), types[k], v, [])
             for k, v in zip(keys, values, strict=True)]
    if cells[-1].value is None or any(c.value is None and c.state != "blank"
                                      for c in cells[:-1]):
        return None
    return cells[-1].value == sum(c.value or 0 for c in cells[:-1])
