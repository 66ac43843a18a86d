"""A merged cell of 二 split into copies of its text: its one value read where the header proves it.

Table 二's narrower blocks print a value merged over several of the table's columns
(本年处理决定数量 over three, 本年增/减 or 采购总金额 over two). A CMS that drops spans
and fills each split cell with the merged cell's text prints the row's value once per
column it spanned (`行政许可 447228 447228 447228`), and the header above it the column
label as often (`信息内容 本年处理决定数量 本年处理决定数量 本年处理决定数量`): the row
has more values than its columns, and the grid (grid.py) refuses it
(`value_count_mismatch`), since which values are the columns' is not known from the count.

The header proves it: where the printed row of 二's labels heading the block (信息内容
and its column labels, nothing else) names the block's columns in the template's order,
each in a run of equal copies, and every data row under it that the grid kept wide
(`Grid.wide_rows`: blank cells kept, none run together, cut, open-ended or stacked)
prints exactly one value a header cell, equal within each run (copies of one merged
cell; the same text, blanks included), the row's cells are the first of each run,
flagged `merged_copies`. Where a rendering prints a row a line and a `<br>` cuts a
header cell over lines (lynx, innerText: `信息内容 本年处` / `理决定数量 本年处` / …), the
header is read as header_breaks.py makes it whole: one printed row of the label's
copies. A row whose copies differ is two columns' values, not a merged cell's: left to
the grid. 二 has no identity, so the header is its only evidence, and
only a run of copies of one label is read as one column; 三 and 四 have no merged value
cells.
"""

from __future__ import annotations

from itertools import groupby

from pipelines.recognise.cells import cell_value
from pipelines.recognise.column_map import replace_rows, value_types
from pipelines.recognise.grid import Grid
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token
from pipelines.report import CellValue, Flag
from schemas.template import cell_id_of

# A printed header's columns: for each run of equal copies, the column keys its label may
# be and the run's length.
_Runs = list[tuple[frozenset[str], int]]


def place_merged_copies(grid: Grid, tokens: list[Token]) -> None:
    """Each row of 二 printing a merged value's copies under a header printing its column
    label's copies placed with the value once (module docstring)."""
    if not any(table == "t2" and values for (table, _), values in grid.wide_rows.items()):
        return  # a row read with its copies is one of 二 kept wide (`_row_cells`): none
    placed: dict[str, CellValue] = {}
    findings: list[Flag] = []
    rows: set[str] = set()
    runs: _Runs | None = None
    for _, line in groupby((t for t in tokens if t.row is not None), key=lambda t: t.row):
        printed = [t for t in line if t.printed is None or t.printed.state != "blank"]
        if not printed:
            continue
        heading = _header_runs(printed)
        if heading is not None or not _t2_row(printed):
            runs = heading  # a new block's header, or anything else: no header above
            continue
        row = _t2_row(printed)
        cells = _row_cells(grid, row, runs) if runs else None
        if cells is not None:
            placed.update(_read(grid, row, cells, findings))
            rows.add(row)
    if not rows:
        return
    replace_rows(grid, "t2", placed, findings, rows)
    grid.flags.append(Flag("merged_copies", "二's header prints a merged column label once "
                           "per column it spans, and its rows the merged value as often "
                           f"({', '.join(sorted(rows))}): each value is read once"))


def _blank(token: Token) -> bool:
    return token.printed is not None and token.printed.state == "blank"


def _header_runs(line: list[Token]) -> _Runs | None:
    """The runs of equal column labels of a printed row of 二's block header (信息内容
    first, then column labels only); None for any other row."""
    first, *columns = line
    if not (_only(first, "header") and columns and all(_only(t, "column") for t in columns)):
        return None
    return [(frozenset(lb.key for lb in run[0].labels), len(run))
            for run in (list(g) for _, g in groupby(columns, key=lambda t: normalise(t.text)))]


def _only(token: Token, kind: str) -> bool:
    return token.kind == "label" and bool(token.labels) and all(
        lb.kind == kind and lb.table == "t2" for lb in token.labels)


def _t2_row(line: list[Token]) -> str | None:
    """The row of 二 a printed row's label names (one row id only), else None."""
    keys = {lb.key for lb in line[0].labels} if _only(line[0], "row") else set()
    return keys.pop() if len(keys) == 1 else None


def _row_cells(grid: Grid, row: str, runs: _Runs) -> list[Token] | None:
    """The row's values, one a column, where it printed one value a header cell, equal
    within each run of the header's copies and the runs the block's columns in order."""
    values = grid.wide_rows.get(("t2", row))
    block = next(b for b in grid.version.tables["t2"].blocks if any(r.id == row for r in b.rows))
    if (not values or len(runs) != len(block.columns) or len(values) != sum(n for _, n in runs)
            or any(c.id not in keys for c, (keys, _) in zip(block.columns, runs, strict=True))
            or not all(_whole(v) for v in values)):
        return None
    cells, at = [], 0
    for _, n in runs:
        copies = values[at:at + n]
        if len({v.text.strip() for v in copies}) != 1:
            return None  # two columns' values, not one merged cell's copies
        cells.append(copies[0])
        at += n
    return cells


def _whole(value: Token) -> bool:
    """A value read cell by cell: none run together, cut, open-ended or stacked."""
    return value.kind == "value" and value.printed is not None and not (
        value.run_together or value.open_end or value.cut or value.stacked or value.box_run)


def _read(grid: Grid, row: str, cells: list[Token], findings: list[Flag]
          ) -> dict[str, CellValue]:
    types = value_types(grid, "t2", row)
    block = next(b for b in grid.version.tables["t2"].blocks if any(r.id == row for r in b.rows))
    out = {}
    for column, token in zip(block.columns, cells, strict=True):
        cid = cell_id_of("t2", row, column.id)
        out[cid] = cell_value(cid, types[column.id], token, findings)
    return out
