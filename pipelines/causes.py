"""The likely cause of a failing check: the agency's printing or our reading.

Told from how the check's cells were read, never from the numbers: a cell is doubtful
when a reading reconstructed it (a cell flag in `vocabulary.READING_FLAGS`) or OCR read
it off a picture, unless a passing text check states the same number for it. A check
with a doubtful cell is `reading`; otherwise `as_printed`. Cross-year checks know the
reading of the report's own cells only (the index keeps the previous year's values, not
their flags).
"""

from __future__ import annotations

from collections.abc import Iterable

from pipelines.report import ParsedReport
from schemas import vocabulary as vocab
from schemas.identities import identities
from schemas.statements import CHECK_PREFIX, load_statements


def check_cells(report: ParsedReport, check_id: str) -> tuple[str, ...]:
    """The report's cells a check of its own reads (identities and text checks)."""
    if check_id.startswith(CHECK_PREFIX):
        statement = load_statements().get(check_id.removeprefix(CHECK_PREFIX))
        return statement.cells(report.format_version) or ()
    return next((i.cells for i in identities(report.format_version) if i.id == check_id), ())


def confirmed_cells(report: ParsedReport) -> set[str]:
    """Cells whose number the report's text states too (a passing one-cell text check)."""
    out: set[str] = set()
    for c in report.checks:
        if c.kind == "text" and c.status == "pass":
            cells = check_cells(report, c.id)
            if len(cells) == 1:
                out.add(cells[0])
    return out


def likely_cause(report: ParsedReport, cells: Iterable[str],
                 confirmed: set[str] | None = None) -> str:
    """`reading` when a cell was reconstructed by our reading, or read by OCR, and the
    text does not confirm it, else `as_printed`."""
    cells = set(cells)
    if report.check_source == "ocr":  # every cell was read off a picture: all are readings
        doubtful = cells
    else:
        doubtful = {f.cell_id for f in report.flags
                    if f.code in vocab.READING_FLAGS and f.cell_id in cells}
    confirmed = confirmed_cells(report) if confirmed is None else confirmed
    return "reading" if doubtful - confirmed else "as_printed"
