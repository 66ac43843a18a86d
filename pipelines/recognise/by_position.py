"""Values whose place only the layout gave, kept where the identities prove them.

Text laid out by position (`pdftotext -layout`) prints a cell over several lines when
a `<br>` cuts its number or a narrow column wraps its digits (`3` over `001` for
3001), each cell of the row at its own height. The reader joins such a row's pieces
by the column they print in (read/text_columns.py `_cells_by_column`, TextCell
`by_position`): characters one over another are one cell. A column's drift of a few
characters, or a piece of the row below, could join the wrong pieces, and no count
tells: the row still prints its columns' number of cells. So such a value is kept only
where an identity proves it: an equality over cells all read, the value among them,
that holds, and no identity with the value in it fails. 三's rows add up to their 总计,
四's groups to theirs; 二's rows have no identity and stay null. An equality over the
joined row's own cells alone proves nothing of where its pieces went: a long label
pushing the row's first line left swaps two cells (`1` `1` over `6` read 1, 16 for 16,
1), a piece left on a line above drops one digit from a cell and from its 总计 alike
(237, 290 read 37, 90), and the row's sum holds either way. Only an equality taking in
a cell printed elsewhere (三's column sums over its rows) proves it. Elsewhere the cell
is null (state `ambiguous`, its printed text kept), flagged `values_position_unproven`.

So too a scanned row placed by its place alone (misprints._place_alone: OCR garbled its
label past reading, and it is the one printed row between two rows read): its place
says nothing of the values read in it, and a row lost whole beside a stray line of
values would take that place, so each of its values is kept only where an equality
taking in another row's cells (三's column sums) holds with it and none fails; its own
row's sum proves nothing of where the row belongs. Elsewhere null (`ambiguous`), flagged
`values_position_unproven`.
"""

from __future__ import annotations

from pipelines.document import REF_TEXT, Document
from pipelines.recognise.grid import Grid
from pipelines.report import CellValue, Flag
from schemas.identities import Identity, fails, identities


def withdraw_unproven_positions(grid: Grid, doc: Document) -> None:
    """Null, flagged, each value the reader placed by its column alone that no identity
    proves (module docstring)."""
    refs = {c.ref for c in doc.cells if c.by_position}
    if not refs:
        return
    # a joined row's cells carry its printed row's line: `line N word K`
    joined = {cid: _line(cell.source_ref) for cid, cell in grid.cells.items()
              if cell.source_ref in refs}
    _withdraw(grid, joined, "each printed over several lines, its pieces joined by the "
                            "column they print in, and no identity proves it: null")


def _withdraw(grid: Grid, placed: dict[str, str | None], why: str) -> None:
    """Null each value of `placed` (cell id -> the printed row it belongs to) that no
    identity taking in a cell of another printed row proves; one flag for all, `why`."""
    rules = identities(grid.version.id)
    values = {cid: cell.value for cid, cell in grid.cells.items()}
    unproven = [cid for cid, cell in grid.cells.items()
                if cid in placed and cell.value is not None
                and not _proven(rules, values, cid, placed)]
    for cid in unproven:
        cell = grid.cells[cid]
        grid.cells[cid] = CellValue(cid, None, "ambiguous", cell.raw_text, None,
                                    cell.source_ref)
    if unproven:
        grid.flags.append(Flag("values_position_unproven", ", ".join(unproven) + ": " + why))


def _line(ref: str | None) -> str | None:
    """The printed line of a text cell's ref (`line 12 word 3`: `12`)."""
    found = REF_TEXT.match(ref or "")
    return found.group(1) if found else ref


def _proven(rules: tuple[Identity, ...], values: dict[str, float | None], cid: str,
            joined: dict[str, str | None]) -> bool:
    """Whether an equality over cells all read holds with `cid` in it, one of them not a
    piece of `cid`'s own joined row (`joined`: each joined cell's printed line), and none
    with `cid` in it fails."""
    own = [r for r in rules if cid in r.cells]
    return (not any(fails(r, values) for r in own)
            and any(r.relation == "equal" and all(values.get(c) is not None for c in r.cells)
                    and any(joined.get(c, "") != joined[cid] for c in r.cells)
                    for r in own))


def withdraw_unproven_rows(grid: Grid, rows: set[str]) -> None:
    """Null, flagged, each value of the rows placed by their place alone (`rows`: row ids,
    `t3.granted`) that no identity taking in another row's cells proves (docstring)."""
    if rows:
        _withdraw(grid, {cid: row for cid in grid.cells
                         if (row := cid.rsplit(".", 1)[0]) in rows},
                  "their row was placed by its place alone (its label unread), and no "
                  "identity taking in another row proves them: null")
