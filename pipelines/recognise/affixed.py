"""Values read from cells the page's affixes were taken off, kept where their table's
identities hold.

A page that hides characters in every cell prints them, in a text tool's dump, before and
after every cell's text (`9一、…8`, `930018`); the reader takes them off where every cell
of a table carries the same (pipelines/read/text_affixes.py, TextCell `affixed`). That the
same characters stand around every label says they are the page's, but not that no count
hides more: a page hiding a fixed character and then a random one (`91…`, `93…`) leaves
one in each count once the shared one is off. The identities tell: a table whose
equalities over cells all read fail after is left as it was printed, its affixed values
null (state `ambiguous`, the text kept), flagged `values_affixes_unproven`. A table with
no identity (二) keeps its values, as for any reading: the labels carried the affixes
alone.
"""

from __future__ import annotations

from pipelines.document import Document
from pipelines.recognise.grid import Grid
from pipelines.report import CellValue, Flag
from schemas.identities import fails, identities


def withdraw_failing_affixed(grid: Grid, doc: Document) -> None:
    """Null, flagged, the affixed values of each table an identity of which fails."""
    refs = {c.ref for c in doc.cells if c.affixed}
    if not refs:
        return
    values = {cid: cell.value for cid, cell in grid.cells.items()}
    failing = {r.table for r in identities(grid.version.id) if fails(r, values)}
    withdrawn = [cid for cid, cell in grid.cells.items()
                 if cell.source_ref in refs and cell.value is not None
                 and cid.split(".", 1)[0] in failing]
    for cid in withdrawn:
        cell = grid.cells[cid]
        grid.cells[cid] = CellValue(cid, None, "ambiguous", cell.raw_text, None,
                                    cell.source_ref)
    if withdrawn:
        grid.flags.append(Flag("values_affixes_unproven", ", ".join(withdrawn) + ": read "
                               "once the characters every cell of the table printed around "
                               "its text were taken off, and an identity of the table "
                               "fails after: null"))
