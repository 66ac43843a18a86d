"""Tokens to the statutory grid: which printed values belong to which cell.

A row label anchors its row; its values are the value tokens that follow it (in the
same printed row when the rendering kept rows, else the consecutive run). The template
says how many values the row must have; a row that does not fit is not guessed: its
cells are null and flagged. Table 四 has no row labels: its 15 values follow its header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pipelines.recognise.cells import cell_value, unresolved_cell
from pipelines.recognise.digits import split_run
from pipelines.recognise.tokens import Token
from pipelines.report import CellValue, Flag
from schemas.template import Block, Version, load_template


@dataclass
class Grid:
    """The result of placing a document's tokens into one version's template."""

    version: Version
    cells: dict[str, CellValue] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    rows_found: dict[str, set[str]] = field(default_factory=dict)  # table -> row ids
    ambiguous: dict[tuple[str, str], list[Token]] = field(default_factory=dict)
    last_index: int = -1  # index of the last token used, to tell truncation
    full_width_rows: bool = False  # the reader printed every column of every row

    @property
    def tables_found(self) -> list[str]:
        return sorted(t for t, rows in self.rows_found.items() if rows)


@cache
def _blocks_by_row(version: str) -> dict[tuple[str, str], Block]:
    """(table, row) -> block of every data row (cached: the same for every report)."""
    return {(t.id, r.id): b for t in load_template().version(version).tables.values()
            for b in t.blocks for r in b.data_rows}


def _row_of(token: Token, rows: dict[tuple[str, str], Block]) -> tuple[str, str] | None:
    """The (table, row) a label token names, if it is a data row of this version."""
    for label in token.labels:
        if label.kind in ("row", "group") and (label.table, label.key) in rows:
            return label.table, label.key
    return None


def _values_after(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """Value tokens belonging to the label at i, and the index of the last one used."""
    row = tokens[i].row
    j = i + 1
    while j < len(tokens) and tokens[j].kind == "value" and (row is None or tokens[j].row == row):
        j += 1
    return tokens[i + 1:j], j - 1


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


def _place(grid: Grid, table: str, row: str, block: Block, values: list[Token]) -> None:
    cols = block.columns
    values = _without_padding(values, len(cols), grid.full_width_rows)
    if values and any(v.run_together for v in values):
        pieces = split_run(values, len(cols))
        if pieces is None:
            grid.ambiguous[(table, row)] = values
            return
        values = pieces
    if len(values) != len(cols):
        _flag_row(grid, table, row, cols, values, "value_count_mismatch",
                  f"row {row} has {len(values)} values, the template has {len(cols)}")
        return
    first_time = row not in grid.rows_found.setdefault(table, set())
    grid.rows_found[table].add(row)
    for col, token in zip(cols, values, strict=True):
        cell_id = f"{table}.{row}.{col.id}"
        value = cell_value(cell_id, col.value_type, token, grid.flags)
        if first_time:
            grid.cells[cell_id] = value
        elif grid.cells[cell_id].value != value.value:
            grid.flags.append(Flag("duplicate_row", f"{cell_id} printed twice: "
                                   f"{grid.cells[cell_id].raw_text!r} and {token.text!r}",
                                   cell_id))
            grid.cells[cell_id] = unresolved_cell(cell_id, "ambiguous", token)


def _flag_row(grid: Grid, table: str, row: str, cols, values: list[Token], code: str,
              message: str) -> None:
    grid.rows_found.setdefault(table, set()).add(row)
    raw = " ".join(v.text.strip() for v in values)
    grid.flags.append(Flag(code, f"{message}: {raw!r}"))  # about a row, not one cell
    for col in cols:
        cell_id = f"{table}.{row}.{col.id}"
        grid.cells[cell_id] = CellValue(cell_id, None, "ambiguous", raw or None, None,
                                        values[0].ref if values else None)


def _is_t4_label(token: Token) -> bool:
    return token.kind == "label" and any(lab.table == "t4" for lab in token.labels)


def _data_run(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    """The run of values containing token i: its whole printed row, or the consecutive run."""
    row = tokens[i].row
    if row is None:
        j = i
        while j < len(tokens) and tokens[j].kind == "value":
            j += 1
        return tokens[i:j], j - 1
    start, end = i, i
    while start > 0 and tokens[start - 1].row == row:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].row == row:
        end += 1
    run = tokens[start:end + 1]
    if any(t.kind != "value" for t in run):
        return None  # a header row with some empty cells, not the data row
    return run, end


def _t4_values(tokens: list[Token], start: int) -> tuple[list[Token], int] | None:
    """The 15 values of table 四: the first value run that directly follows its header."""
    seen_header = False
    for i in range(start, len(tokens)):
        t = tokens[i]
        if _is_t4_label(t):
            seen_header = True
        elif t.kind == "text":
            seen_header = False  # prose between the labels: not the table's header
        elif seen_header and t.kind == "value" and t.printed.state != "blank":
            found = _data_run(tokens, i)
            if found is not None:
                return found
    return None


def _place_t4(grid: Grid, tokens: list[Token], start: int) -> None:
    found = _t4_values(tokens, start)
    if found is None:
        return
    values, last = found
    (block,) = grid.version.tables["t4"].blocks
    width = len(block.columns)
    values = _without_padding(values, width * len(block.data_rows), grid.full_width_rows)
    if any(v.run_together for v in values):
        values = split_run(values, width * len(block.data_rows)) or values
    if len(values) != width * len(block.data_rows):
        _flag_row(grid, "t4", "all", [], values, "value_count_mismatch",
                  f"table 四 has {len(values)} values, the template has 15")
        grid.rows_found["t4"] = set()
        return
    for k, row in enumerate(block.data_rows):
        _place(grid, "t4", row.id, block, values[k * width:(k + 1) * width])
    grid.last_index = max(grid.last_index, last)


def assemble(tokens: list[Token], version: Version, full_width_rows: bool = False) -> Grid:
    """Place every labelled row's values into the version's cells."""
    grid = Grid(version, full_width_rows=full_width_rows)
    rows = _blocks_by_row(version.id)
    t4_start = None
    for i, token in enumerate(tokens):
        if token.kind != "label":
            continue
        if t4_start is None and grid.rows_found.get("t3") and _is_t4_label(token):
            t4_start = i
        found = _row_of(token, rows)
        if found is None or found[0] == "t4":
            continue
        values, last = _values_after(tokens, i)
        if values:
            _place(grid, *found, rows[found], values)
            grid.last_index = max(grid.last_index, last)
    _place_t4(grid, tokens, t4_start if t4_start is not None else _first_t4(tokens))
    return grid


def _first_t4(tokens: list[Token]) -> int:
    return next((i for i, t in enumerate(tokens) if _is_t4_label(t)), len(tokens))
