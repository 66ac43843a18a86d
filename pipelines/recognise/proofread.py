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

A doubted cell the reader read twice (TextCell.alternatives: a second grey, where a seal
was or specks were) takes its second reading when that, and no other reading of it,
makes every equality it takes part in hold, at least one: the same evidence that keeps a
first reading. A number the recogniser did not give is never tried.
"""

from __future__ import annotations

from pipelines.document import Document
from pipelines.recognise.grid import Grid
from pipelines.recognise.values import read_printed
from pipelines.report import CellValue, Flag
from schemas.identities import Identity, evaluate, identities

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


def _second_reading(cid: str, grid: Grid, others: tuple[str, ...],
                    checks: list[Identity]) -> int | None:
    """The one other reading of cell `cid` that makes every equality it is in hold
    (None: none does, or more than one, or the first reading already does)."""
    values = {c: v.value for c, v in grid.cells.items()}
    mine = [i for i in checks if cid in i.cells]
    if not mine or any(i.relation != "equal" for i in mine):
        return None

    def holds(value: int | float | None) -> bool:
        values[cid] = value
        return all(evaluate(i, values).status == "pass" for i in mine)

    first = values[cid]
    if holds(first):
        return None
    read = {read_printed(t) for t in others}
    numbers = {p.whole for p in read if p.state == "number" and p.whole is not None
               and not p.annotated and p.unit is None}
    passing = [n for n in numbers if n != first and holds(n)]
    return passing[0] if len(passing) == 1 else None


def _take_second_readings(grid: Grid, doc: Document, confidence: dict[str, float]) -> None:
    """Doubted cells whose second reading the identities choose, taken (see above)."""
    others = {c.ref: c.alternatives for c in doc.cells if c.alternatives}
    if not others:
        return
    checks = identities(grid.version.id)
    changed = True
    while changed:  # a cell taken may complete an identity another doubted cell is in
        changed = False
        for cid in doubtful(grid, confidence):
            cell = grid.cells[cid]
            if not isinstance(cell.value, int) or cell.source_ref not in others:
                continue
            value = _second_reading(cid, grid, others[cell.source_ref], checks)
            if value is None:
                continue
            reading = (f"{value} (second OCR reading; first {cell.raw_text}, confidence "
                       f"{confidence[cid]:.2f})")
            grid.cells[cid] = CellValue(cid, value, cell.state, reading, cell.unit,
                                        cell.source_ref)
            confidence[cid] = 1.0
            changed = True


def proofread(grid: Grid, doc: Document) -> None:
    """Null and flag the OCR readings the identities do not vouch for (see above)."""
    confidence = _confidences(grid, doc)
    if not confidence:
        return
    _take_second_readings(grid, doc, confidence)
    for cid, why in doubtful(grid, confidence).items():
        cell = grid.cells[cid]
        reading = f"{cell.raw_text} (OCR confidence {confidence[cid]:.2f})"
        grid.cells[cid] = CellValue(cid, None, "uncertain", reading, cell.unit, cell.source_ref)
        grid.flags.append(Flag("ocr_uncertain", f"{cid}: read {reading}; {why}", cid))
