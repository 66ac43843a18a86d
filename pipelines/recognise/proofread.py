"""The identities as proof-reader of numbers read by OCR.

OCR gives each cell a confidence (pipelines/read/ocr.py). A number is kept when an
identity it takes part in holds with every cell printed (two misreadings cancelling out
in a sum is far less likely than one misreading), or when it was read with high
confidence and nothing contradicts it. A number read with lower confidence that sits in
a failing identity, where no holding identity vouches for it, is set to null and flagged
`ocr_uncertain`: the failure is more likely our reading than the agency's arithmetic.
A number with no identity to confirm it (table 二) must be read with high confidence.
The reading and its confidence stay in the raw text. Nothing is ever corrected: the
identities only decide which readings to trust.

A number printed in a column the page edge cut off (a browser's print of a table wider
than the paper, `TextCell.cut`) may have lost its last digits (a blank there may have lost
all of them), and no identity can vouch for it (a cut total and a cut item can still add
up): it is never published, but null with state `uncertain` and flag `cut_at_page_edge`,
what was read in the raw text.
"""

from __future__ import annotations

from pipelines.document import Document
from pipelines.recognise.grid import Grid
from pipelines.report import CellValue, Flag
from schemas.identities import evaluate, identities

# Confidences measured on the scan variants of the labelled reports (bench/bench_ocr.py):
# right readings of table numbers are nearly all >= 0.95; the misreadings seen were lower.
SURE = 0.95  # below this, a number in a failing identity is doubted
UNCONFIRMED_SURE = 0.9  # below this, a number no identity can confirm is not published


def _confidences(grid: Grid, doc: Document) -> dict[str, float]:
    """Cell id -> OCR confidence, for every number read by OCR."""
    by_ref = {c.ref: c.confidence for c in doc.cells if c.confidence is not None}
    return {cid: by_ref[c.source_ref] for cid, c in grid.cells.items()
            if c.value is not None and c.source_ref in by_ref}


def doubtful(grid: Grid, confidence: dict[str, float]) -> dict[str, str]:
    """Cell id -> why its reading is not published."""
    values = {cid: c.value for cid, c in grid.cells.items()}
    status = [(i, evaluate(i, values).status) for i in identities(grid.version.id)]
    confirmed = {c for i, s in status if s == "pass" for c in i.cells}
    covered = {c for i, _ in status for c in i.cells}
    broken: dict[str, list[str]] = {}
    for ident, s in status:
        if s != "fail":
            continue
        for cid in ident.cells:
            if cid not in confirmed and confidence.get(cid, 1.0) < SURE:
                broken.setdefault(cid, []).append(ident.id)
    out = {cid: f"breaks {', '.join(ids)}, which the other readings do not explain"
           for cid, ids in broken.items()}
    for cid, conf in confidence.items():
        if cid not in confirmed and cid not in out and conf < UNCONFIRMED_SURE:
            why = "no identity holds to confirm it" if cid in covered else "no identity checks it"
            out[cid] = why
    return out


def _cut_off(grid: Grid, doc: Document) -> None:
    """Null and flag the numbers (and blanks: a number wholly past the edge prints none)
    read in a column the page edge cut off."""
    cut = {c.ref for c in doc.cells if c.cut}
    if not cut:
        return
    for cid, cell in list(grid.cells.items()):
        if cell.state in ("number", "blank") and cell.source_ref in cut:
            grid.cells[cid] = CellValue(cid, None, "uncertain", cell.raw_text, cell.unit,
                                        cell.source_ref)
            read = cell.raw_text if cell.state == "number" else "a blank"
            grid.flags.append(Flag("cut_at_page_edge", f"{cid}: read {read} in a column "
                                   "cut off at the page edge", cid))


def proofread(grid: Grid, doc: Document) -> None:
    """Null and flag the numbers printed cut off, and the OCR readings the identities do
    not vouch for (see above)."""
    _cut_off(grid, doc)
    confidence = _confidences(grid, doc)
    if not confidence:
        return
    for cid, why in doubtful(grid, confidence).items():
        cell = grid.cells[cid]
        reading = f"{cell.raw_text} (OCR confidence {confidence[cid]:.2f})"
        grid.cells[cid] = CellValue(cid, None, "uncertain", reading, cell.unit, cell.source_ref)
        grid.flags.append(Flag("ocr_uncertain", f"{cid}: read {reading}; {why}", cid))
