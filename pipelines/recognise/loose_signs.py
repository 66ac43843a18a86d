"""A minus printed apart from its number, which a blank cell's dash looks like.

Text without walls between cells prints each word of a row apart, and a converter that
lays text out by position can print a narrow minus away from the wide digits after it
(`pdftotext -layout` of a page whose numbers are full-width: `-   １` for −1). A lone dash
then a number is then either a blank cell's dash and the next cell's number, or one
signed number with a blank cell elsewhere in the row: the words do not tell which. Only
a cell that may be negative (本年增/减) is read differently by the two: where the grid
placed a dash word in the cell before it and the number printed right after that dash
(the next word of the line, or the next line where a text prints a cell a line), the
cell is null (`ambiguous`), flagged `sign_apart`. Cells read from walled cells (HTML,
box-drawn text, a PDF's ruled cells) have other references and are never asked.
"""

from __future__ import annotations

from pipelines.document import REF_LINE, REF_LINE_WORD
from pipelines.recognise.grid import Grid
from pipelines.report import CellValue, Flag
from schemas.template import cell_id_of


def withdraw_loose_signs(grid: Grid) -> None:
    """Null, flagged, each signed cell whose value printed right after a dash word the
    grid read as the cell before it."""
    for table in grid.version.tables.values():
        for block in table.blocks:
            for before, column in zip(block.columns, block.columns[1:], strict=False):
                if column.value_type.minimum is not None:
                    continue  # a count: no minus is read into one
                for row in block.data_rows:
                    _withdraw_if_loose(grid, cell_id_of(table.id, row.id, before.id),
                                       cell_id_of(table.id, row.id, column.id))


def _withdraw_if_loose(grid: Grid, before: str, signed: str) -> None:
    dash, cell = grid.cells.get(before), grid.cells.get(signed)
    if (dash is None or cell is None or dash.state != "dash" or cell.value is None
            or not _next_to(dash.source_ref, cell.source_ref)):
        return
    grid.cells[cell.cell_id] = CellValue(cell.cell_id, None, "ambiguous", cell.raw_text,
                                         None, cell.source_ref)
    grid.flags.append(Flag("sign_apart", f"{cell.cell_id} read {cell.value:g} right after "
                           f"a dash read as the blank {dash.cell_id}: the dash may be its "
                           "minus printed apart (text without walls between cells): null",
                           cell.cell_id))


def _next_to(first: str | None, second: str | None) -> bool:
    """Whether `second` is the word (or line) printed right after `first`."""
    # where a word of wall-less text was read (read/text_aligned.py, read/text.py)
    a, b = REF_LINE_WORD.fullmatch(first or ""), REF_LINE_WORD.fullmatch(second or "")
    if a and b:
        return a[1] == b[1] and int(b[2]) == int(a[2]) + 1
    a, b = REF_LINE.fullmatch(first or ""), REF_LINE.fullmatch(second or "")
    return bool(a and b) and int(b[1]) == int(a[1]) + 1
