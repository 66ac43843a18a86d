"""Tables whose header proves where each printed column goes: values placed by the header.

column_order.py finds a table whose header prints the statutory columns in another order
than the template; the grid (grid.py) has then placed each row's k-th value under the
template's k-th column. Where the header is read whole, that placement is moved, cell by
cell, to the column the header names at that position (the header as the anchor), and the
table is flagged `columns_reordered`; everywhere else column_order.py nulls the table.

The map is proven only from printed rows of labels read whole (one label token per header
cell, so a piece of a wrapped label names nothing), each label of a level once:
- 三: one row printing its seven columns once each (a text dump prints 自然人 and 总计,
  merged down, on the line of the five organisations), or one row printing 自然人 /
  法人或其他组织 / 总计 once each and one printing the five organisations once each (a
  merged cell spans adjacent columns, so the five stand where 法人或其他组织 stands);
- 四: 行政复议 before 行政诉讼 in one row; a row printing 行政复议's five columns once each
  and then 未经复议直接起诉 and 复议后起诉 once each; and a row printing the five columns
  once each under each lawsuit group, in the same order as 行政复议's; or, where each
  group's columns print as a row of their own (pdftotext -raw, a cell's pieces a line
  each, joined by header_breaks.py), more such rows than lawsuit groups, all in one order;
- 二: for each block of two columns or more, a row printing exactly that block's labels;
  every row naming that set of labels must print them in one order.
Every reading of a table must agree (a header repeated on a page break, two blocks of 二
sharing labels). The rows must then all have been placed by count, nothing left to
choose: every data row of the table read with exactly as many values as columns, no
row's blanks dropped or guessed (pending, padded, a value a line, a forced digit split).
Where identities exist (三's 总计 = the sum of its applicant columns, 四's group totals),
the placed values must break none that the template order satisfied: a header whose map
breaks the arithmetic is no proof.

A header of 三 or 四 that provably lacks a column (column_order's `columns_missing`) is
read the same way over the columns it names: each once, their order read whole (四: the
same order under each of its three groups, the groups' order read as above), every data
row (四: the table, a group after the other) left with exactly one printed value (blank
cells kept) for each, and 总计 the sum of the others in every row (group) printing a
number in each (the one check a table without that column has: its addends are only the
header's word). 三's 总计 may still count the absent column's applicants (an agency that
dropped the column from its form, not from its count): where it is not the sum of the
others, the header's placement stands only where every 总计 is at least their sum, a row
prints two of them above 0 (no other column could be the total) and every identity over
the printed columns (each column's balance and results sum) is evaluable and holds, as a
misread number would not let it (`_absent_share_holds`); 四 (its 总计 counting a dropped
其他结果), with no identity across its groups, only where every group prints a number in
each column, every 总计 is at least its others' sum and one exceeds it (no other cell
could be that group's total: `_t4_absent_share_holds`); never read from OCR, whose
misreadings only the equal sums would catch. The absent column's cells stay null; a
总计 absent leaves the table null.
二 lacking a column in a block has no identity, the header its only evidence, and a
printed row of labels says not which block it heads: each block whose rows printed too
few values is placed where the rows naming exactly its printed columns once each are one
for each block of 二 printing that set (a whole block may print it: 上一年项目数量 /
本年增/减), all in one order, and each of its rows printed exactly one value for each;
a block whose rows the grid read by their own count is left as read, where it lacks no
column or its whole header is read as often as the blocks printing that set.

A header of 三 printing a column the statute lacks, 小计 (or 合计) among the organisations
under 法人或其他组织 (`place_with_subtotal`), is read over its eight columns the same way
(the grid keeps each row printed with more values than its columns, `Grid.wide_rows`):
each label once, its order read whole, every data row printed with exactly one value
(blank cells kept) for each header column (a row printing nothing at all, its label and
tabs in a browser's copied text, places nothing and is left to the grid), and the 小计
explained by its identity: in
every row it is the sum of the organisations' numbers (a blank adds nothing), blank
only where they are all blank or 0, and one row at least printing a number in both. The
小计 is then dropped, no statutory cell, and the others placed under the columns the
header names (flag `column_dropped`); 总计 must still be the sum of the statutory others.
A column no identity explains leaves the table to the grid's nulls. The rule cannot
misplace: the 小计 holds exactly the sum of the columns it stands beside, so dropping it
leaves the statutory columns in their header's order, each row's values by count.

In a rendering printing every column of every row (`Grid.full_width_rows`: pandoc's
ruled tables), a label spanning the label columns leaves empty cells before the values,
so a row prints more cells than the header's columns. Its values are then one window of
as many cells with only blanks outside it (a row short of cells, a blank dropped, has
none): under a 小计, the one window whose 小计 and 总计 hold; under a header lacking a
column, the one window (the row's last cell printed, so the header's columns are its
last cells), one row at least printing a number in each so that 总计's sum checks them;
四 lacking a column, its printed row of numbers only (no blank: no cell a span from above
covered), as many as the header's columns, each group's 总计 their sum (or their sum
and the absent column's share, above). Two windows,
or a window opening with a blank under a fixed width (a row pushed right, its last cell
dropped), leave the table null.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

from pipelines.recognise.cells import cell_value
from pipelines.recognise.grid import Grid, maybe_pushed
from pipelines.report import CellValue, Flag
from schemas.identities import Identity, fails, identities
from schemas.template import cell_id_of, load_template

Printed = list[tuple[str, str, str]]  # (table, key, text) of a printed row's labels
# A header word of a column the statute lacks, whose values an identity may explain: a
# 小计 (合计) of 三's organisation columns. column_order.py reads it into a printed row of
# labels as (EXTRA, SUBTOTAL, text).
EXTRA = "extra"
SUBTOTAL = "subtotal"
SUBTOTAL_WORDS = frozenset({"小计", "合计"})


def _once(keys: list[str], wanted: tuple[str, ...]) -> bool:
    return sorted(keys) == sorted(wanted)


def _t3_orders(rows: list[Printed], version_id: str, absent: frozenset[str] = frozenset(),
               subtotal: bool = False) -> set[tuple[str, ...]]:
    """Each printed order of 三's columns (but the `absent` ones: a header lacking a
    column; with `SUBTOTAL` among the organisations where `subtotal`: a 小计 column) its
    header rows prove: one row naming them once each, or 自然人 / 法人或其他组织 / 总计
    once each in one row and the organisations once each in another (a merged cell spans
    adjacent columns, so they stand where 法人或其他组织 stands). In one row, a 小计 must
    stand among the organisations, side by side with them: under 法人或其他组织."""
    table = load_template().version(version_id).tables["t3"]
    columns = tuple(c.id for c in table.columns)
    natural, *orgs, total = columns
    extra = (SUBTOTAL,) if subtotal else ()
    below = (*(k for k in orgs if k not in absent), *extra)
    present = tuple(k for k in (natural, *below, total) if k not in absent)
    group = table.header[-1]
    upper, lower, out = [], [], set()
    for row in rows:
        # a row naming a 小计 is no row of the statute's columns alone
        keys = [k for t, k, _ in row if t in ("t3", EXTRA)]
        if _once(keys, present) and (not subtotal or _side_by_side(keys, below)):
            out.add(tuple(keys))
        elif _once(keys, (natural, group, total)):
            upper.append(keys)
        elif _once(keys, below):
            lower.append(keys)
    out.update((*top[:top.index(group)], *under, *top[top.index(group) + 1:])
               for top in upper for under in lower)
    return out


def _side_by_side(keys: list[str], run: tuple[str, ...]) -> bool:
    """Whether the `run` of keys stands side by side in `keys`."""
    at = sorted(keys.index(k) for k in run)
    return not at or at[-1] - at[0] == len(at) - 1


def _t3_moves(rows: list[Printed], version_id: str) -> dict[str, str] | None:
    orders = _t3_orders(rows, version_id)
    if len(orders) != 1:
        return None
    printed, = orders
    table = load_template().version(version_id).tables["t3"]
    columns = [c.id for c in table.columns]
    return {cell_id_of("t3", r.id, columns[i]): cell_id_of("t3", r.id, key)
            for r in table.data_rows for i, key in enumerate(printed)}


def _t4_order(rows: list[Printed], version_id: str, absent: frozenset[str] = frozenset()
              ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The printed order of 四's columns (but the `absent` ones) in every group and of its
    groups, where its header rows prove them: 行政复议 before 行政诉讼, the two lawsuit
    groups once each (alone, or after a row of 行政复议's columns once each), and the
    columns once each under each lawsuit group (or under each of the three: a header
    wrapped column by column, its stacks read whole), in one order; None otherwise."""
    table = load_template().version(version_id).tables["t4"]
    columns = tuple(c.id for c in table.columns if c.id not in absent)
    review, *suits = (r.id for r in table.data_rows)
    tops, groups, orders = [], set(), set()
    singles: list[tuple[str, ...]] = []  # rows of one group's columns once each
    for row in rows:
        keys = [k for t, k, _ in row if t == "t4"]
        if _once(keys, (review, *table.header)):
            tops.append(keys[0] == review)
        elif _once(keys, tuple(suits)):
            groups.add(tuple(keys))
        elif len(keys) == len(columns) + len(suits) and _once(keys[:len(columns)], columns) \
                and _once(keys[len(columns):], tuple(suits)):
            orders.add(tuple(keys[:len(columns)]))
            groups.add(tuple(keys[len(columns):]))
        elif len(keys) in (len(columns) * len(suits), len(columns) * (1 + len(suits))) and all(
                _once(keys[k:k + len(columns)], columns)
                for k in range(0, len(keys), len(columns))):
            orders.update(tuple(keys[k:k + len(columns)])
                          for k in range(0, len(keys), len(columns)))
        elif _once(keys, columns):
            singles.append(tuple(keys))
    if len(singles) > len(suits):
        # a header printing each group's columns on lines of their own (pdftotext -raw:
        # a cell's pieces a line each): one row for each of the three groups at least
        orders.update(singles)
    if not tops or not all(tops) or len(orders) != 1 or len(groups) != 1:
        return None
    return next(iter(orders)), (review, *next(iter(groups)))


def _t4_moves(rows: list[Printed], version_id: str) -> dict[str, str] | None:
    if (found := _t4_order(rows, version_id)) is None:
        return None
    order, printed_rows = found
    table = load_template().version(version_id).tables["t4"]
    columns = tuple(c.id for c in table.columns)
    return {cell_id_of("t4", r.id, columns[j]): cell_id_of("t4", printed_rows[i], key)
            for i, r in enumerate(table.data_rows) for j, key in enumerate(order)}


def _t2_moves(rows: list[Printed], version_id: str) -> dict[str, str] | None:
    moves: dict[str, str] = {}
    for block in load_template().version(version_id).tables["t2"].blocks:
        columns = tuple(c.id for c in block.columns)
        if len(columns) < 2:
            continue
        orders = {tuple(keys) for row in rows
                  if _once(keys := [k for t, k, _ in row if t == "t2"], columns)}
        if len(orders) != 1:
            return None
        printed, = orders
        moves.update({cell_id_of("t2", r.id, columns[i]): cell_id_of("t2", r.id, key)
                      for r in block.rows for i, key in enumerate(printed)})
    return moves


_MOVES = {"t2": _t2_moves, "t3": _t3_moves, "t4": _t4_moves}


def _placed_by_count(grid: Grid, table: str) -> bool:
    """Whether every data row of the table was read with exactly its columns' values,
    but rows printing nothing (`printed_nothing`)."""
    rows = {r.id for r in grid.version.tables[table].data_rows} - _silent_rows(grid, table)
    return (rows <= grid.rows_found.get(table, set())
            and not any(t == table for t, _ in grid.pending)
            and not any(t == table for t, _ in grid.forced_runs)
            and not any(t == table and not _padding_proven(grid, table, cells)
                        for (t, _), cells in grid.padded_rows.items())
            and not any(t == table for t, _ in grid.glyph_rows))


def _padding_proven(grid: Grid, table: str, cell_ids: list[str]) -> bool:
    """Whether a row read past blank cells after its values (a text of one cell a line
    prints the next row's empty group-label cell there: `7` … `0` / `` / `（二）部分公开`)
    holds a number in each of its columns, in a table no row printed a number past its
    columns of: then no blank it was read past can be one of its cells, in any order of
    the columns."""
    return table not in grid.wide_tables and all(
        grid.cells.get(c) is not None and grid.cells[c].value is not None for c in cell_ids)


@cache
def _across_columns(version_id: str, table: str) -> tuple[Identity, ...]:
    """The table's identities over cells of several columns (三's 总计 = the sum of its
    applicant columns, 四's group totals): those a wrong map of columns breaks. One over
    a single column (三's balance of a column) holds or fails with its column wherever
    the column is placed."""
    return tuple(i for i in identities(version_id) if i.table == table
                 and len({c.rsplit(".", 1)[1] for c in i.cells}) > 1)


def _failing(version_id: str, table: str, values: dict[str, float | None]) -> set[str]:
    return {i.id for i in _across_columns(version_id, table) if fails(i, values)}


def _moved_flag(flag: Flag, moves: dict[str, str]) -> Flag:
    """A finding on a moved cell (a negative count, say), on the cell the value went to."""
    if flag.cell_id not in moves:
        return flag
    dst = moves[flag.cell_id]
    return Flag(flag.code, flag.message.replace(flag.cell_id, dst), dst)


def place_by_header(grid: Grid, table: str, rows: list[Printed], printed: list[str]) -> bool:
    """Move the table's values to the columns its header names, where the header proves
    the map (module docstring); False, nothing moved, where it does not."""
    if table not in _MOVES or not _placed_by_count(grid, table):
        return False
    moves = _MOVES[table](rows, grid.version.id)
    if moves is not None:
        # a row printing nothing (its label and tabs: a browser's copied text of a row of
        # blank cells) places nothing under any order of columns: left to the grid
        silent = _silent_rows(grid, table)
        moves = {src: dst for src, dst in moves.items() if src.split(".")[1] not in silent}
    if (moves is None or all(src == dst for src, dst in moves.items())
            or any(src not in grid.cells for src in moves)):
        return False  # no map, or one the other readings of the header contradict
    values = {cid: c.value for cid, c in grid.cells.items()}
    after = {**values, **{dst: values[src] for src, dst in moves.items()}}
    vid = grid.version.id
    if not _failing(vid, table, after) <= _failing(vid, table, values):
        return False
    cells = {dst: replace(grid.cells[src], cell_id=dst) for src, dst in moves.items()}
    grid.cells.update(cells)
    grid.flags[:] = [_moved_flag(f, moves) for f in grid.flags]
    grid.flags.append(reordered(table, printed))
    _place_joined_rows(grid, table, moves)
    return True


def _place_joined_rows(grid: Grid, table: str, moves: dict[str, str]) -> None:
    """Place the table's rows joined over lines whose identities failed in the
    template's order (`Grid.joined_unproven`) where, under the header's map, every
    identity among the row's cells is evaluable and holds: a 总计 printed first fails
    every row's sum in the template's order and holds in the header's, a cell's digits
    wrapped onto a line of their own fail it in both."""
    vid = grid.version.id
    for (t, row), (values, flag) in list(grid.joined_unproven.items()):
        ids = [cell_id_of(t, row, c.id) for c in grid.version.tables[t].columns]
        if t != table or len(values) != len(ids) or any(i not in moves for i in ids):
            continue
        types = value_types(grid, t, row)
        findings: list[Flag] = []
        placed = {moves[i]: cell_value(moves[i], types[moves[i].rsplit(".", 1)[1]], v,
                                       findings) for i, v in zip(ids, values, strict=True)}
        rules = [r for r in identities(vid) if r.table == t and set(r.cells) <= placed.keys()]
        numbers = {cid: c.value for cid, c in placed.items()}
        if not rules or any(None in (numbers[c] for c in r.cells) or fails(r, numbers)
                            for r in rules):
            continue
        grid.cells.update(placed)
        grid.flags[:] = [f for f in grid.flags if f is not flag] + findings
        del grid.joined_unproven[(t, row)]


def reordered(table: str, printed: list[str]) -> Flag:
    """The finding on a table whose values were placed under the columns its header,
    printed in another order than the template's, names."""
    return Flag("columns_reordered", f"{table}'s header prints its columns in another "
                f"order than the template ({' / '.join(printed)}): its values are placed "
                "under the columns the header names")


def _sums_hold(rows: list[dict[str, float]], total: str) -> bool:
    """Whether in every row printing a number in each column, 总计 is the sum of the
    others (the total where the header puts it)."""
    return all(row[total] == sum(v for k, v in row.items() if k != total)
               for row in rows if None not in row.values())


def _absent_share_holds(version_id: str, placed: dict[str, CellValue],
                        rows: list[dict[str, float | None]], total: str) -> bool:
    """Whether 三's 总计 holds the absent columns' share: where it is not the sum of the
    printed others, an agency that dropped a column from its form still counted its
    applicants in 总计 (the absent column's count, never negative, is what is left).
    The columns are then proven as the header names them when, a blank counted 0 (as
    evidence only), every row's 总计 is at least the sum of its others; one row at least
    prints two of the others above 0 (a 总计 standing elsewhere in the row, its own
    addend the last cell, could not be at least their sum: the last cell is 总计); and
    every identity of 三 over the printed columns (each column's balance and results
    sum, 总计's among them) is evaluable and holds, which a misread or shifted number
    breaks as the row sum would have."""
    others = [[v or 0 for k, v in row.items() if k != total] for row in rows]
    if any((row[total] or 0) < sum(o) for row, o in zip(rows, others, strict=True)) or not any(
            sum(v > 0 for v in o) >= 2 for o in others):
        return False
    values = {cid: (0 if c.value is None and c.state == "blank" else c.value)
              for cid, c in placed.items()}
    rules = [i for i in identities(version_id) if i.table == "t3"
             and set(i.cells) <= placed.keys()]
    return bool(rules) and all(None not in (values[c] for c in i.cells) and not fails(i, values)
                               for i in rules)


def _t4_absent_share_holds(groups: list[dict[str, float | None]], total: str) -> bool:
    """Whether 四's 总计 holds the absent columns' share in every group (an agency that
    dropped 其他结果 from its form still counted its cases in 总计): every group prints a
    number in each column (no blank to hide a cell), its 总计 at least the sum of its
    printed others, and one group's 总计 exceeds that sum, so that no other cell of it
    could be a total (each is at most the others' sum, below 总计, so less than the sum
    of the rest): the last cell is 总计, as the header says. 四 has no identity across
    its groups to catch a misread number, but this path is never taken for OCR
    (column_order.withdraw_misordered_tables): a text layer's digits are the agency's."""
    if not groups or any(None in g.values() for g in groups):
        return False
    others = [sum(v for k, v in g.items() if k != total) for g in groups]
    return all(g[total] >= o for g, o in zip(groups, others, strict=True)) and any(
        g[total] > o for g, o in zip(groups, others, strict=True))


def _printed_t3(grid: Grid, rows: list[Printed], absent: frozenset[str]) -> Lacking | None:
    """三's rows as printed under a header lacking the `absent` columns: each row's
    values, short of blanks none, in the header's one order."""
    orders = _t3_orders(rows, grid.version.id, absent)
    if len(orders) != 1:
        return None  # no reading, or two
    order, = orders
    if grid.rows_found.get("t3"):
        return _full_t3(grid, order)  # else rows placed by the template's count
    # a row printing nothing (a browser's copied text: its label and tabs only) places
    # nothing under any order of columns: left to the grid
    keys = [("t3", r.id) for r in grid.version.tables["t3"].data_rows
            if not printed_nothing(grid, "t3", r.id)]
    pending = [grid.pending.get(k) for k in keys]
    if not keys or any(p is None or p.kind != "columns" or len(p.values) != len(order)
                       for p in pending):
        return _full_t3(grid, order)
    return keys, [(k[1], order, p.values) for k, p in zip(keys, pending, strict=True)]


def _full_t3(grid: Grid, order: tuple[str, ...]) -> Lacking | None:
    """三's rows in a rendering printing every column of every row (pandoc's ruled
    tables), under a header naming the columns of `order`: the header's columns are the
    table's last ones, so each row's values are its last cells, every cell before them
    blank (a spanning label's empty remnants): the one window of `_windows`. A row
    whose last cell is blank has two windows and none is chosen; a window opening with
    a blank under a fixed width may be a row pushed right (grid.maybe_pushed). One row
    at least must print a number in each column, so that 总计's sum (place_without)
    checks the windows: a blank column the header names nothing for (a merged header
    cell's spare column) inside every row would shift them all past it unchecked."""
    if not grid.full_width_rows:
        return None
    keys = [("t3", r.id) for r in grid.version.tables["t3"].data_rows]
    found = []
    for key in keys:
        windows = _windows(grid.full_rows.get(key) or [], len(order))
        if len(windows) != 1 or (grid.clipped_rows and maybe_pushed(windows[0], len(order))):
            return None
        found.append((key[1], order, windows[0]))
    if not any(_filled(values) for _, _, values in found):
        return None  # no row printing a number in each column: 总计's sum checks nothing
    return [k for k in keys if k in grid.pending], found


def _windows(values: list, n: int) -> list[list]:
    """The ways to read n values from a printed row of n cells or more: n consecutive
    cells, every cell outside them blank."""
    blank = [v.printed is not None and v.printed.state == "blank" for v in values]
    return [values[i:i + n] for i in range(len(values) - n + 1)
            if all(blank[:i]) and all(blank[i + n:])]


def _printed_t4(grid: Grid, rows: list[Printed], absent: frozenset[str]) -> Lacking | None:
    """四's groups as printed under a header lacking the `absent` columns in every group:
    the table's values (left to the solver, or in a full-width rendering its printed row
    of numbers only), as many as the header's columns in all its groups, a group's
    after the other in the header's order of groups."""
    found = _t4_order(rows, grid.version.id, absent)
    pending = grid.pending.get(("t4", "all"))
    if found is None:
        return None
    order, groups = found
    w = len(order)
    if pending is not None and pending.kind == "columns" and not grid.rows_found.get("t4"):
        keys, values = [("t4", "all")], pending.values
    elif grid.full_width_rows and _filled(values := grid.full_rows.get(("t4", "all")) or []):
        # a full-width row of numbers only: no covered cell pushed it right; as many
        # as the header's columns, it replaces the grid's reading by the template's
        keys = []
    else:
        return None
    if len(values) != w * len(groups):
        return None
    return keys, [(g, order, values[i * w:(i + 1) * w]) for i, g in enumerate(groups)]


def _filled(values: list) -> bool:
    """Whether a printed row holds a number in every cell (no blank, so no cell covered
    by a span from above: grid.maybe_pushed)."""
    return bool(values) and all(v.printed is not None and v.printed.state != "blank"
                                for v in values)


def _printed_t2(grid: Grid, rows: list[Printed], absent: frozenset[str]) -> Lacking | None:
    """二's rows as printed under headers lacking the `absent` columns: for each block
    printing too few values in a row, the columns it prints named once each in one
    printed row, each of its rows the header's count of values. 二 has no identity, its
    header is the only evidence, and a printed row of labels says not which block it
    heads: the rows naming a block's set of columns must be one for each block printing
    that set (the whole blocks too: 上一年项目数量 / 本年增/减 heads a block of two), all
    in one order. A block whose rows the grid placed by its own count is left as placed,
    where it names no absent column or its whole header is read as often as the blocks
    printing that set (a rendering printing a lacking block's spare column empty lines
    its values up with the template's columns by count: no proof)."""
    blocks = [b for b in grid.version.tables["t2"].blocks if len(b.columns) > 1]
    found = {("t2", r) for r in grid.rows_found.get("t2", ())}
    lacking, counted, heads = [], [], Counter()
    for block in blocks:
        columns = tuple(c.id for c in block.columns)
        present = tuple(k for k in columns if k not in absent)
        ids = [("t2", r.id) for r in block.data_rows]
        whole = present == columns or set(ids) <= found
        heads[frozenset(columns if whole else present)] += 1
        if not whole:
            lacking.append((present, ids))
        elif present != columns:
            counted.append(columns)
    if any(len(_named(rows, columns)) != heads[frozenset(columns)] for columns in counted):
        return None
    keys, out = [], []
    for present, ids in lacking:
        named = _named(rows, present)
        pending = [grid.pending.get(k) for k in ids]
        if len(present) < 2 or len(set(named)) != 1 or len(named) != heads[frozenset(present)] \
                or any(p is None or p.kind != "columns" or len(p.values) != len(present)
                       for p in pending):
            return None
        keys += ids
        out += [(k[1], named[0], p.values) for k, p in zip(ids, pending, strict=True)]
    return (keys, out) if out else None


def _named(rows: list[Printed], keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The printed rows of labels naming exactly 二's `keys` once each, as printed."""
    return [tuple(k) for row in rows
            if _once(k := [key for t, key, _ in row if t == "t2"], keys)]


# The pending keys a lacking table's values came from, and each row's (id, the keys its
# header prints in order, its values).
Lacking = tuple[list[tuple[str, str]], list[tuple[str, tuple[str, ...], list]]]
_LACKING = {"t2": _printed_t2, "t3": _printed_t3, "t4": _printed_t4}
# The tables whose last column is a 总计, the sum of the others in every row (group).
_TOTALLED = frozenset({"t3", "t4"})


def value_types(grid: Grid, table: str, row: str) -> dict[str, object]:
    """The value type of each column of the row's block (二's blocks differ)."""
    block = next(b for b in grid.version.tables[table].blocks
                 if any(r.id == row for r in b.rows))
    return {c.id: c.value_type for c in block.columns}


def place_without(grid: Grid, table: str, rows: list[Printed], absent: frozenset[str]) -> bool:
    """Place 三's, 四's or 二's values by a header that provably lacks the `absent` columns
    (二: no 总计, its blocks by `_printed_t2`):
    every data row (四: the table) printed exactly one value for each column the header
    names (kept blank cells included), their order read whole (module docstring), and
    总计 the sum of the others in every row (group) printing a number in each; the
    absent columns' cells are null, flagged `columns_missing`. False, nothing placed,
    otherwise."""
    columns = grid.version.tables[table].columns if table in _LACKING else ()
    if not absent or not columns or (table in _TOTALLED and columns[-1].id in absent):
        return False  # 总计 absent: nothing checks the order of the others
    found = _LACKING[table](grid, rows, absent)
    if found is None or any(v.kind != "value" or v.run_together or v.open_end
                            for _, _, values in found[1] for v in values):
        return False
    placed, findings, sums = {}, [], []
    for row, order, values in found[1]:
        types = value_types(grid, table, row)
        for key, token in zip(order, values, strict=True):
            cid = cell_id_of(table, row, key)
            placed[cid] = cell_value(cid, types[key], token, findings)
        sums.append({k: placed[cell_id_of(table, row, k)].value for k in order})
    if table in _TOTALLED and not _sums_hold(sums, columns[-1].id) and not (
            table == "t3" and _absent_share_holds(grid.version.id, placed, sums,
                                                  columns[-1].id)) and not (
            table == "t4" and _t4_absent_share_holds(sums, columns[-1].id)):
        return False
    for key in found[0]:
        del grid.pending[key]
    replace_rows(grid, table, placed, findings, {row for row, _, _ in found[1]})
    labels = [c.label for c in columns if c.id in absent]
    grid.flags.append(Flag("columns_missing", f"{table}'s header lacks statutory columns "
                           f"({' / '.join(labels)}): their cells are null, the others placed "
                           "under the columns the header names"))
    return True


def place_with_subtotal(grid: Grid, table: str, rows: list[Printed]) -> bool:
    """Place 三's values by a header that prints a 小计 (合计) column among the
    organisations, whose values are their sum: read whole in the header (module
    docstring), every data row printed with exactly one value (kept blanks included)
    for each header column, the 小计 the sum of the organisations in every row printing
    a number in each (one such row at least), and 总计 the sum of the statutory others.
    The 小计 is dropped (no statutory cell), the others placed under the columns the
    header names, flagged `column_dropped`. False, nothing placed, otherwise."""
    if table != "t3" or any(t == table for t, _ in (*grid.pending, *grid.forced_runs,
                                                     *grid.glyph_rows)):
        return False
    orders = _t3_orders(rows, grid.version.id, subtotal=True)
    order = next(iter(orders)) if len(orders) == 1 else None  # one reading only
    data_rows = [r for r in grid.version.tables[table].data_rows
                 if not printed_nothing(grid, table, r.id)]
    printed = [grid.wide_rows.get((table, r.id)) for r in data_rows]
    if order is None or any(
            p is None or any(v.kind != "value" or v.run_together or v.open_end for v in p)
            for p in printed):
        return False
    columns = grid.version.tables[table].columns
    placed, findings, printed_rows = {}, [], []
    for r, values in zip(data_rows, printed, strict=True):
        found = _subtotal_row(grid, table, r.id, order, values)
        if found is None:
            return False
        row, row_findings = found
        placed.update({cell_id_of(table, r.id, k): c for k, c in row.items() if k != SUBTOTAL})
        findings.extend(row_findings)
        printed_rows.append(row)
    statutory = [{k: c.value for k, c in row.items() if k != SUBTOTAL} for row in printed_rows]
    if not _subtotal_holds(printed_rows, _orgs(grid, table)) or not _sums_hold(
            statutory, columns[-1].id):
        return False
    replace_rows(grid, table, placed, findings)
    word = next(text for row in rows for t, _, text in row if t == EXTRA)
    grid.flags.append(Flag("column_dropped", f"{table}'s header prints a column the statute "
                           f"lacks ({word.strip()}), the sum of its organisation columns in "
                           "every row: it is not published, the other values placed under "
                           "the columns the header names"))
    return True


def withdraw_rows_beside_subtotal(grid: Grid, table: str, rows: list[Printed]) -> None:
    """Null the rows of 三 placed by their count where its header prints a 小计 that
    `place_with_subtotal` could not read its rows by. A rendering that drops blank cells
    (lynx, a browser's copied text) prints a row with one blank among eight columns as
    seven numbers, the template's count: 011 with a 小计, other numbers, `138 9 1 6 4 20
    158` had 1 read as 科研机构's (blank), 20 (the 小计) as 其他's (6 wrong, 2 invented a
    report). Rows left to the solver (fewer values) are its to place or leave."""
    if table != "t3" or not _t3_orders(rows, grid.version.id, subtotal=True):
        return
    for row in grid.version.tables[table].data_rows:
        ids = [cell_id_of(table, row.id, c.id) for c in grid.version.tables[table].columns]
        cells = [grid.cells.get(cid) for cid in ids]
        if any(c is None or c.state == "ambiguous" for c in cells):
            continue
        if _sums_hold([{c.cell_id.rsplit(".", 1)[1]: c.value for c in cells}], ids[-1].rsplit(
                ".", 1)[1]):
            continue  # its 总计 is the sum of its others: no 小计 among them
        for c in cells:
            grid.cells[c.cell_id] = CellValue(c.cell_id, None, "ambiguous", c.raw_text, None,
                                              c.source_ref)
        grid.flags.append(Flag("value_count_mismatch", f"row {row.id} of {table}: its header "
                               "prints a column the statute lacks (小计) that its rows could "
                               "not be read by, and its 总计 is not the sum of its other "
                               "values: it may lack a blank cell and hold the 小计"))


def printed_nothing(grid: Grid, table: str, row: str) -> bool:
    """Whether a row of the table printed no value at all (a browser's copied text keeps
    a row of blank cells as its label and tabs only): no order of columns places anything
    in it, so it is left to the grid, whatever the header."""
    return (grid.wide_rows.get((table, row)) is None and (table, row) not in grid.pending
            and row not in grid.rows_found.get(table, set())
            and not any(cid in grid.cells for cid in (
                cell_id_of(table, row, c.id) for c in grid.version.tables[table].columns)))


def _silent_rows(grid: Grid, table: str) -> set[str]:
    """The table's data rows that printed nothing (`printed_nothing`)."""
    return {r.id for r in grid.version.tables[table].data_rows
            if printed_nothing(grid, table, r.id)}


def _read_row(grid: Grid, table: str, row: str, order: tuple[str, ...], values: list
              ) -> tuple[dict[str, CellValue], list[Flag]]:
    """A printed row's cells by the header's `order` (the 小计 read as a count)."""
    columns = grid.version.tables[table].columns
    types = value_types(grid, table, row)
    out: dict[str, CellValue] = {}
    findings: list[Flag] = []
    for key, token in zip(order, values, strict=True):
        column = key if key != SUBTOTAL else columns[-1].id
        out[key] = cell_value(cell_id_of(table, row, column), types[column], token,
                              findings if key != SUBTOTAL else [])
    return out, findings


def _subtotal_row(grid: Grid, table: str, row: str, order: tuple[str, ...], values: list
                  ) -> tuple[dict[str, CellValue], list[Flag]] | None:
    """A printed row's cells under a header with a 小计: its values as printed where they
    are exactly one a header column; in a rendering printing every column of every row
    (`Grid.full_width_rows`: pandoc's ruled tables), where the row is wider, the one
    window of as many cells, every cell outside it blank (the empty remnants of a label
    spanning the label columns), whose 小计 and 总计 hold (`_subtotal_holds`,
    `_sums_hold`). Two windows holding, a window opening with a blank under a fixed
    width (a row pushed right, its last cell dropped: grid.maybe_pushed), or no
    window: None. A row short of cells (a blank dropped) has no window."""
    n = len(order)
    if len(values) == n:
        return _read_row(grid, table, row, order, values)
    if len(values) < n or not grid.full_width_rows:
        return None
    windows = _windows(values, n)
    total, orgs = grid.version.tables[table].columns[-1].id, _orgs(grid, table)
    holding = []
    for window in windows:
        cells, findings = _read_row(grid, table, row, order, window)
        statutory = {k: c.value for k, c in cells.items() if k != SUBTOTAL}
        if _subtotal_holds([cells], orgs, telling=False) and _sums_hold([statutory], total):
            holding.append((window, cells, findings))
    if len({tuple(v.text.strip() for v in w) for w, _, _ in holding}) != 1:
        return None
    window, cells, findings = holding[0]
    if grid.clipped_rows and maybe_pushed(window, n):
        return None
    return cells, findings


def _orgs(grid: Grid, table: str) -> list[str]:
    return [c.id for c in grid.version.tables[table].columns[1:-1]]


def _subtotal_holds(rows: list[dict[str, CellValue]], orgs: list[str],
                    telling: bool = True) -> bool:
    """Whether the 小计 is the sum of the organisations in every row printing a number in
    one of them at least (a blank cell adds nothing: the 小计 of 35 and two blanks is 35),
    and blank where they are all blank or 0; one row at least printing a number in
    both. A cell neither a number nor blank breaks its row's sum unless they are all
    blank."""
    told = 0
    for row in rows:
        cells = [row[k] for k in orgs]
        subtotal = row[SUBTOTAL]
        if any(c.value is None and c.state != "blank" for c in (*cells, subtotal)):
            if all(c.state == "blank" for c in cells):
                continue  # nothing to add up: whatever the 小计 printed says nothing
            return False
        total = sum(c.value for c in cells if c.value is not None)
        if subtotal.value is None:
            if total:
                return False  # a blank 小计 over organisations printing numbers
            continue
        if subtotal.value != total:
            return False
        told += any(c.value is not None for c in cells)
    return told > 0 or not telling


def replace_rows(grid: Grid, table: str, placed: dict, findings: list[Flag],
                  row_ids: set[str] | None = None) -> None:
    """Put the table's placed cells in place of what the grid made of its rows (all, or
    `row_ids`): the rows it flagged for their count (`row <id> ...` about a row, no
    cell), its cells of them (a column the header lacks: null) and the findings on them
    are the grid's reading, now superseded."""
    data_rows = [r for r in grid.version.tables[table].data_rows
                 if row_ids is None or r.id in row_ids]
    about = tuple(f"row {r.id} " for r in data_rows)
    ours = {cell_id_of(table, r.id, c.id) for r in data_rows
            for c in grid.version.tables[table].columns}
    grid.flags[:] = [f for f in grid.flags if not (
        f.cell_id in ours or (f.code in _ROW_COUNT_FLAGS and f.cell_id is None
                              and f.message.startswith(about)))]
    for r in data_rows:
        grid.padded_rows.pop((table, r.id), None)
    for cid in ours - placed.keys():
        grid.cells.pop(cid, None)
    grid.rows_found.setdefault(table, set()).update(r.id for r in data_rows)
    grid.cells.update(placed)
    grid.flags.extend(findings)


# The grid's findings on a row's count of values, superseded where the header places it.
_ROW_COUNT_FLAGS = frozenset({"value_count_mismatch", "row_may_be_shifted"})
