"""Choosing the split of run-together digits by the statutory identities.

For each ambiguous row of table 三, the candidate splits that satisfy the row's own
总计 identity are kept; column identities then narrow them once the other rows of the
column are known. A row is filled only when exactly one candidate is left; otherwise
its cells stay null and flagged `ambiguous_digits`. Identities choose between readings
of what was printed; they never supply a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pipelines.recognise.cells import held_exactly, out_of_range
from pipelines.recognise.digits import candidate_splits
from pipelines.recognise.grid import Grid
from pipelines.report import CellValue, Flag
from schemas.identities import Identity, fails, identities

_MAX_CANDIDATES = 5000  # a run this ambiguous cannot be settled by a handful of sums


def _candidates(grid: Grid, table: str, row: str) -> list[dict[str, int]]:
    tokens = grid.ambiguous[(table, row)]
    (block,) = [b for b in grid.version.tables[table].blocks if row in
                {r.id for r in b.data_rows}]
    ids = [f"{table}.{row}.{c.id}" for c in block.columns]
    out = []
    for split in candidate_splits([t.text for t in tokens], len(ids)):
        out.append(dict(zip(ids, split, strict=True)))
        if len(out) > _MAX_CANDIDATES:
            return []
    return out


@cache
def _own_identities(version: str, table: str, row: str) -> tuple[Identity, ...]:
    """The identities within one row (its 总计 column); cached: the same in every report."""
    prefix = f"{table}.{row}."
    return tuple(i for i in identities(version) if all(c.startswith(prefix) for c in i.cells))


def _consistent(cands: list[dict], known: dict, rules: Sequence[Identity]) -> list[dict]:
    """Candidates under which no identity whose cells are all known fails."""
    if not cands:
        return []
    row_cells = cands[0].keys()  # every candidate of a row fills the same cells
    relevant = [i for i in rules if not row_cells.isdisjoint(i.cells)]
    kept = []
    for cand in cands:
        values = {**known, **cand}
        if not any(fails(i, values) for i in relevant):
            kept.append(cand)
    return kept


def resolve(grid: Grid) -> None:
    """Settle ambiguous rows where the identities leave one split; flag the rest.

    A row's own identities (its 总计 column) are applied first and alone: when they
    leave one split, that is the row as printed, even if a column identity then fails
    (agencies do publish inconsistent columns). Column identities only narrow rows
    their own identities cannot settle.
    """
    rules = list(identities(grid.version.id))
    pending = {}
    for key, cands in ((k, _candidates(grid, *k)) for k in grid.ambiguous):
        pending[key] = _consistent(cands, {}, _own_identities(grid.version.id, *key))
    while pending:
        known = {cid: c.value for cid, c in grid.cells.items() if c.value is not None}
        settled = next((k for k, c in pending.items() if len(c) == 1), None)
        if settled is None:
            narrowed = {k: _consistent(c, known, rules) for k, c in pending.items()}
            settled = next((k for k, c in narrowed.items() if len(c) == 1), None)
            if settled is None:
                break
            pending[settled] = narrowed[settled]
        _fill(grid, settled, pending.pop(settled)[0])
    for key, cands in pending.items():
        _flag_ambiguous(grid, key, len(cands))


def _fill(grid: Grid, key: tuple[str, str], values: dict[str, int]) -> None:
    table, row = key
    tokens = grid.ambiguous[key]
    raw = " ".join(t.text for t in tokens)
    grid.rows_found.setdefault(table, set()).add(row)
    for cell_id, v in values.items():
        if not held_exactly(v):  # a split that leaves a piece too long to publish exactly
            out_of_range(cell_id, f"{v} (from digit run {raw!r})", grid.flags)
            grid.cells[cell_id] = CellValue(cell_id, None, "unreadable", raw, None,
                                            tokens[0].ref)
            continue
        grid.cells[cell_id] = CellValue(cell_id, v, "number", raw, None, tokens[0].ref)
        grid.flags.append(Flag("split_by_identities",
                               f"{cell_id}: {v} from digit run {raw!r}", cell_id))


def _flag_ambiguous(grid: Grid, key: tuple[str, str], n_candidates: int) -> None:
    table, row = key
    tokens = grid.ambiguous[key]
    raw = " ".join(t.text for t in tokens)
    block = next(b for b in grid.version.tables[table].blocks
                 if row in {r.id for r in b.data_rows})
    grid.rows_found.setdefault(table, set()).add(row)
    if table == "t2":
        why = "table 二 has no identity to choose a split"
    elif n_candidates:
        why = f"{n_candidates} splits fit the identities"
    else:
        why = "no split fits the row's identities"
    for col in block.columns:
        cell_id = f"{table}.{row}.{col.id}"
        grid.cells[cell_id] = CellValue(cell_id, None, "ambiguous", raw, None, tokens[0].ref)
        grid.flags.append(Flag("ambiguous_digits", f"{cell_id}: digit run {raw!r}; {why}",
                               cell_id))
