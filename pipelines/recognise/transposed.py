"""Two values of one row of table 三 that the column identities show were read swapped.

A text made from a page's layout places each word by where it printed, and a long
label can push a row's next word left of the one before it: pdftotext -layout of
LibreOffice's PDF of a Word table prints `四、结转下年度继续办  0 1,001  0 …` for
1,001 (自然人) then 0 (商业企业). The row's 总计 still holds (a swap keeps its sum);
only the column identities (each column's balance, its results total) see it, and
they are `stated` identities, which the checks publish as the agency's arithmetic.
Where two of a row's values, swapped, make every failing identity they touch hold and
break none that held, the failures are the reading's, not the agency's: an agency's
own error would have to fail two columns by exactly opposite amounts, matched by a
difference printed in one row. The two cells are null (state `ambiguous`, the printed
values kept as raw text), flagged `values_transposed`.

An identity a cell left unread (an OCR box read `□`) cannot be evaluated, but it can
still be out of reach: 三's cells are counts, never below 0, so where one side is
known whole and the other side's known cells already sum past it, no reading of the
unread cells makes it hold. A swap that puts a table there does not explain it (a
photographed 006: 自然人's 6 swapped into 法律服务机构, whose results total is 0 with one
cell unread).

Only 三 is asked: its rows are tied across by 总计 and down by the columns' identities;
四's groups and 二's blocks have no identity across rows that a swap would break.

The reader may see such a swap where no identity does (TextCell.misordered: a word
printed left of the word before it, under its column, read/text_swaps.py): a swap keeps
every identity of the row, and a column's balance often cannot be evaluated. The two
cells are kept only where an identity proves the order printed (it holds as read and
fails swapped); elsewhere both are null (state `ambiguous`), flagged
`values_order_unproven`. Any table: the identities that prove it are any of the report's.
"""

from __future__ import annotations

from itertools import combinations

from pipelines.document import Document
from pipelines.recognise.grid import Grid
from pipelines.report import CellValue, Flag
from schemas.identities import Identity, fails, identities
from schemas.template import cell_id_of

_TABLE = "t3"


def withdraw_transposed(grid: Grid) -> None:
    """Null, flagged, each pair of a 三 row's values whose swap explains failing
    identities of the table."""
    rules = [r for r in identities(grid.version.id) if r.table == _TABLE]
    values = {cid: cell.value for cid, cell in grid.cells.items()}
    if not any(fails(r, values) for r in rules):
        return
    table = grid.version.tables.get(_TABLE)
    if table is None:
        return
    # Every explaining pair is found on the values as read, then all are withdrawn:
    # where swaps in two rows explain the same failure, which one was read swapped the
    # identities cannot tell, and nulling the first would leave the other unevaluable.
    counts = all(c.value_type.minimum is not None and c.value_type.minimum >= 0
                 for c in table.columns)
    pairs = [(row.id, a, b) for row in table.data_rows
             for a, b in combinations([cell_id_of(_TABLE, row.id, c.id)
                                       for c in table.columns], 2)
             if _swap_explains(rules, values, a, b, counts)]
    for row, a, b in pairs:
        _withdraw(grid, row, a, b, values)


def _swap_explains(rules: list[Identity], values: dict[str, float | None],
                   a: str, b: str, counts: bool) -> bool:
    """Whether swapping cells a and b makes the failing identities they touch hold,
    and breaks none of those that held (nor, the cells being `counts`, puts one out of
    reach of its unread cells)."""
    va, vb = values.get(a), values.get(b)
    if va is None or vb is None or va == vb:
        return False
    touching = [r for r in rules if a in r.cells or b in r.cells]
    if not any(fails(r, values) for r in touching):
        return False
    swapped = {**values, a: vb, b: va}
    return not any(fails(r, swapped) or (counts and _out_of_reach(r, swapped))
                   for r in touching)


def _out_of_reach(rule: Identity, values: dict[str, float | None]) -> bool:
    """Whether an equality of counts cannot hold whatever its unread cells are: one side
    known whole, the other's known cells summing past it (counts are never below 0)."""
    if rule.relation != "equal":
        return False
    sides = [[values.get(c) for c in side] for side in (rule.lhs, rule.rhs)]
    for whole, part in (sides, sides[::-1]):
        if None not in whole and None in part \
                and sum(v for v in part if v is not None) > sum(whole):
            return True
    return False


def withdraw_misordered(grid: Grid, doc: Document) -> None:
    """Null, flagged, the two cells of each row whose values the reader saw printed out
    of their order, unless an identity proves the order printed."""
    refs = {c.ref for c in doc.cells if c.misordered}
    if not refs:
        return
    rows: dict[str, list[str]] = {}
    for cid, cell in grid.cells.items():
        if cell.source_ref in refs and cell.value is not None:
            rows.setdefault(cid.rsplit(".", 1)[0], []).append(cid)
    rules = identities(grid.version.id)
    values = {cid: cell.value for cid, cell in grid.cells.items()}
    for row, cids in rows.items():
        if len({values[c] for c in cids}) < 2:
            continue  # equal values: either order reads the same
        if len(cids) == 2 and _order_proven(rules, values, *cids):
            continue
        for cid in cids:
            cell = grid.cells[cid]
            grid.cells[cid] = CellValue(cid, None, "ambiguous", cell.raw_text, None,
                                        cell.source_ref)
        grid.flags.append(Flag("values_order_unproven", f"row {row}: "
                               + ", ".join(f"{c} read {values[c]:g}" for c in cids)
                               + "; printed out of their order in laid-out text, and no "
                               "identity tells which cell each is: null"))


def _order_proven(rules: list[Identity], values: dict[str, float | None],
                  a: str, b: str) -> bool:
    """Whether an identity holds with cells a and b as read and fails with them swapped."""
    swapped = {**values, a: values[b], b: values[a]}
    # an equality, every cell known: an inequality holding either way proves no order
    return any(r.relation == "equal" and all(values.get(c) is not None for c in r.cells)
               and not fails(r, values) and fails(r, swapped)
               for r in rules if a in r.cells or b in r.cells)


def _withdraw(grid: Grid, row: str, a: str, b: str, values: dict[str, float | None]) -> None:
    for cid in (a, b):
        cell = grid.cells[cid]
        grid.cells[cid] = CellValue(cid, None, "ambiguous", cell.raw_text, None,
                                    cell.source_ref)
    grid.flags.append(Flag("values_transposed", f"row {row} of {_TABLE}: {a} read "
                           f"{values[a]:g} and {b} {values[b]:g}; swapped, the table's "
                           "failing identities hold, so the two values may have been read "
                           "out of their printed order: both null"))
