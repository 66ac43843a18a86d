"""Settling the grid's pending cells with the statutory identities, or flagging them.

The grid leaves `pending` what the printed text does not fix: digit runs whose split is
not forced, and rows that printed fewer values than columns (a rendering that dropped
blank cells). Here their candidates are enumerated (digits.py, blanks.py) and all of a
report's pending cells are solved together over every identity (solve.py). A digit run
is split only when one split is left (`split_by_identities`); a value of a row that lost
blanks is placed where every placement left puts it (`columns_by_identities`); a row of
cells each holding several columns' values or a wrapped number (`175 16`) is read where
one grouping of their pieces is left (`split_by_identities`). The rest
is null, flagged `ambiguous_digits` or `ambiguous_columns` with the reason. Identities
choose between readings of what was printed; they never supply a number.
"""

from __future__ import annotations

from pipelines.recognise.blanks import BLANK, placements
from pipelines.recognise.cells import cell_value, held_exactly, out_of_range
from pipelines.recognise.digits import digit_splits, piece_groupings
from pipelines.recognise.grid import Grid, Pending
from pipelines.recognise.solve import (
    MAX_CANDIDATES,
    MAX_STEPS_PER_RUN,
    Budget,
    OverBudget,
    Settled,
    Unknown,
    Value,
    own_rules,
    settle,
)
from pipelines.recognise.tokens import Token
from pipelines.report import CellValue, Flag
from pipelines.textnorm import COUNT_UNITS
from schemas.identities import identities

_FLAG = {"digits": "ambiguous_digits", "pieces": "ambiguous_digits",
         "columns": "ambiguous_columns"}


def resolve(grid: Grid) -> None:
    """Settle the pending cells the identities leave one reading for; flag the rest."""
    if not grid.pending:
        return
    rules = identities(grid.version.id)
    budget = Budget()
    unknowns = [_unknown(key, p, rules, budget) for key, p in grid.pending.items()]
    known = {cid: c.value for cid, c in grid.cells.items()}
    results = settle(unknowns, known, rules, budget)
    for key, pending in grid.pending.items():
        for cell_id, _ in pending.cells:
            grid.rows_found.setdefault(key[0], set()).add(cell_id.split(".")[1])
        result = results[key]
        if pending.kind == "columns" and grid.overflowed:
            _flag(grid, pending, "other rows print more numbers than their columns, so a "
                  "printed value may be no cell of its row")
        elif pending.kind == "columns" and key[0] in grid.trailing_words:
            # The placements list the statute's columns only. Where the header names one
            # it lacks (同比) and blanks were dropped, a printed value may be that
            # column's, and a coincidence makes the rest add up: the seed under lynx at
            # mean 30, zeros blank, `（七）总计 11 11 22` (11, blank…, 11, 同比 22) read
            # 22 as 总计, since 11 + 11 = 22.
            _flag(grid, pending, f"its header names a column the statute lacks "
                  f"({grid.trailing_words[key[0]]}), so a printed value may be that "
                  "column's")
        elif pending.kind == "columns" and (result.choice is not None or result.readings):
            _fill_columns(grid, pending, result)
        elif result.choice is not None:
            _fill_digits(grid, pending, result)
        else:
            _flag(grid, pending, _why(key, pending, result))


def _unknown(key: tuple[str, str], pending: Pending, rules, budget: Budget) -> Unknown:
    """The pending cells with their candidates; none when they are too many to list.

    Cells no identity reads (table 二) can only be settled by having one candidate, so
    their enumeration stops at the second.
    """
    cells = tuple(c for c, _ in pending.cells)
    own = own_rules(cells, rules)
    read = any(not set(cells).isdisjoint(r.cells) for r in rules)
    limit = MAX_CANDIDATES if read else 1
    part = budget.part(MAX_STEPS_PER_RUN)
    try:
        if pending.kind == "digits":
            found = digit_splits([t.text for t in pending.values], len(cells), own, part,
                                 pending.blanks, limit, cut=not pending.whole)
        elif pending.kind == "pieces":
            found = piece_groupings([t.text for t in pending.values], len(cells), own, part,
                                    limit)
        else:
            found = placements([_solver_value(t) for t in pending.values], len(cells), own,
                               part, limit)
    except OverBudget:
        why = ("more readings than can be listed" if read else
               "several readings and no identity to choose")
        return Unknown(key, cells, None, why)
    return Unknown(key, cells, found, every_reading=pending.kind == "columns")


def _solver_value(token: Token) -> Value:
    """What a placed value counts as in the identities: a count, 0 for blank, else nothing."""
    p = token.printed
    if p.state == "blank":
        return 0  # like a dropped blank (blanks.py)
    if p.state != "number" or p.whole is None or p.whole < 0 or p.unit not in COUNT_UNITS:
        return None
    return p.whole


def _why(key: tuple[str, str], pending: Pending, result: Settled) -> str:
    if key[0] == "t2":
        return "table 二 has no identity to choose a reading"
    return result.why


def _raw(pending: Pending) -> str:
    # cells holding several columns' values keep their printed cells apart
    sep = " | " if pending.kind == "pieces" else " "
    return sep.join(t.text.strip() for t in pending.values)


def _ref(pending: Pending) -> str | None:
    return pending.values[0].ref if pending.values else None


def _by(result: Settled) -> str:
    return "the table's identities" if result.by_table else "its own identities"


def _fill_digits(grid: Grid, pending: Pending, result: Settled) -> None:
    raw, choice = _raw(pending), result.choice
    for (cell_id, _), v, text in zip(pending.cells, choice.values, choice.choices, strict=True):
        if text == "":  # a blank cell the rendering dropped
            grid.cells[cell_id] = CellValue(cell_id, None, "blank", raw, None, _ref(pending))
            v = "blank"
        elif not held_exactly(v):  # a split that leaves a piece too long to publish exactly
            out_of_range(cell_id, f"{v} (from digit run {raw!r})", grid.flags)
            grid.cells[cell_id] = CellValue(cell_id, None, "unreadable", raw, None,
                                            _ref(pending))
            continue
        else:
            grid.cells[cell_id] = CellValue(cell_id, v, "number", raw, None, _ref(pending))
        run = "cells" if pending.kind == "pieces" else "digit run"
        grid.flags.append(Flag("split_by_identities", f"{cell_id}: {v} from {run} "
                               f"{raw!r}, the only split {_by(result)} allow", cell_id))


def _fill_columns(grid: Grid, pending: Pending, result: Settled) -> None:
    """Each value in its column when one placement is left, else where every placement
    the identities allow puts the same thing (a value, or a blank); the rest is open."""
    raw = _raw(pending)
    readings = [result.choice] if result.choice is not None else list(result.readings)
    open_cells = []
    for i, (cell_id, vt) in enumerate(pending.cells):
        printed = {_printed_in(pending, c.choices[i]) for c in readings}
        if len(printed) != 1:
            open_cells.append(cell_id)
            continue
        j = readings[0].choices[i]
        if j == BLANK:
            grid.cells[cell_id] = CellValue(cell_id, None, "blank", None, None, _ref(pending))
            continue
        token = pending.values[j]
        grid.cells[cell_id] = cell_value(cell_id, vt, token, grid.flags)
        how = (f"the only placement {_by(result)} allow" if result.choice is not None
               else "its column in every placement the table's identities allow")
        grid.flags.append(Flag("columns_by_identities", f"{cell_id}: {token.text!r} of row "
                               f"{raw!r}, {how}", cell_id))
    if open_cells:
        _flag(grid, pending, result.why, open_cells)


def _printed_in(pending: Pending, choice: int) -> str | None:
    return None if choice == BLANK else pending.values[choice].text.strip()


def _flag(grid: Grid, pending: Pending, why: str, cells: list[str] | None = None) -> None:
    raw = _raw(pending)
    what = {"digits": "digit run", "pieces": "cells holding several columns' values"}.get(
        pending.kind, "values of a row with dropped blanks")
    for cell_id in cells if cells is not None else [c for c, _ in pending.cells]:
        grid.cells[cell_id] = CellValue(cell_id, None, "ambiguous", raw or None, None,
                                        _ref(pending))
        grid.flags.append(Flag(_FLAG[pending.kind], f"{cell_id}: {what} {raw!r}; {why}",
                               cell_id))
