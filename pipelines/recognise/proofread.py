"""The identities as proof-reader of numbers read by OCR.

OCR gives each cell a confidence (pipelines/read/ocr.py). A number is kept when an
identity it takes part in holds with every cell printed (two misreadings cancelling out
in a sum is far less likely than one misreading), or when it was read with high
confidence and nothing contradicts it. A number that sits in a failing identity, where
no holding identity vouches for it, is set to null and flagged `ocr_uncertain`, however
sure the recogniser was: the failure is more likely our reading than the agency's
arithmetic. The recogniser is sure of wrong readings of poor scans: "22" read "221" at
0.99 (72 dpi), "163" read "1635" (bench/RESULTS.md, "revalued numbers scanned"); an
agency's own error, as printed, costs the cells no other identity confirms.
A number with no identity to confirm it (table 二) must be read with high confidence.
On a page the recogniser read poorly (TextCell.poor_page: it doubted many of the page's
numbers) its confidence is no evidence: a number there an identity checks is published
only where one holds, when an identity of it lacks a cell we could not read ("6" read
"5" at full confidence under a blur of σ 1.6, both its identities not evaluable, a
neighbour of each unread). An identity the agency's own blank leaves unevaluable (011
prints its 总计 blank) never could check the cell, and costs it nothing.
The reading and its confidence stay in the raw text. Nothing is ever corrected: the
identities only decide which readings to trust.

A doubted cell the reader read twice (TextCell.alternatives: a second grey, where a seal
was or specks were) takes its second reading when with it an equality it takes part in holds
and none fails, and not so with the first reading: the evidence that keeps a first
reading. A cell first read as nothing (faint print, a speck read as punctuation) too.
A number the recogniser did not give is never tried. A doubted reading whose identity
holds with its second reading in place too (a digit lost from a term and from its total
alike) is not vouched for by it (_vouched).

Nor does an equality vouch for a number it repeats, one cell on each side (a row whose
only non-zero cells are 自然人 and its 总计, 6 … 6): it holds whatever that number is read
as, if read so twice, and blur misreads a glyph the same way twice (001 under σ 1.6: 11
read 13 in both). Such cells need an equality that takes the number in with others (三's
column sums over its rows) (_repeated). Two sure readings on a page read well are two
readings agreeing, and the repeat still vouches for them (006 prints a failing column sum
of 三: its rows' sure 6 … 6 stand); a doubted one, or one on a page read poorly, is not.

A number printed in a column the page edge cut off (a browser's print of a table wider
than the paper, `TextCell.cut`) may have lost its last digits (a blank there may have lost
all of them), and no identity can vouch for it (a cut total and a cut item can still add
up): it is never published, but null with state `uncertain` and flag `cut_at_page_edge`,
what was read in the raw text.

A scanned cell whose box holds text ink the recogniser read as nothing is no printed
blank: null with state `uncertain` and flag `ocr_uncertain` (the flag says whether the
identities would hold with it read as 0, where a zero printed blank is conventional).
The reader crops a cell only where its box holds a line of ink (table_image.text_bands);
an empty box gives no crop and no confidence, and stays the agency's blank. A 1-bit
scan's zeros were read as "" and published as 32 blanks (bench/RESULTS.md, "OCR: a cell
read as nothing"). An empty box stopping short of its grid line
(read/table_image.stops_short: its ink may lie in the part a ruling line took) is given a
confidence too, and nulled so; one that reads a number, its edge cut through a glyph
(table_image.cut_short), is read with doubt (a "10" cut to its "0"): published only
where an identity holds with it.
"""

from __future__ import annotations

from pipelines.document import Document
from pipelines.recognise.grid import Grid
from pipelines.recognise.values import read_printed
from pipelines.report import CellValue, Flag
from schemas.identities import Identity, evaluate, identities

UNCONFIRMED_SURE = 0.9  # below this, a number no identity can confirm is not published


def _confidences(grid: Grid, doc: Document) -> dict[str, float]:
    """Cell id -> OCR confidence, for every number read by OCR."""
    by_ref = {c.ref: c.confidence for c in doc.cells if c.confidence is not None}
    return {cid: by_ref[c.source_ref] for cid, c in grid.cells.items()
            if c.value is not None and c.source_ref in by_ref}


def _poorly_read(grid: Grid, doc: Document) -> frozenset[str]:
    """The cell ids read on a page the recogniser read poorly (TextCell.poor_page)."""
    refs = {c.ref for c in doc.cells if c.poor_page}
    return frozenset(cid for cid, c in grid.cells.items() if c.source_ref in refs)


def _unread(grid: Grid, doc: Document) -> frozenset[str]:
    """The cells of the template we could not read: not in the grid (a row not found),
    unreadable or uncertain, or blank where the box held ink read as nothing. Not the
    agency's blanks (no ink) nor its dashes: those say nothing of our reading."""
    inked = {c.ref for c in doc.cells if c.confidence is not None and not c.text.strip()}
    cells = {cid for i in identities(grid.version.id) for cid in i.cells}
    return frozenset(cid for cid in cells
                     if (c := grid.cells.get(cid)) is None or c.state in ("unreadable",
                                                                           "uncertain")
                     or (c.state == "blank" and c.source_ref in inked))


def doubtful(grid: Grid, confidence: dict[str, float], poor: frozenset[str] = frozenset(),
             unread: frozenset[str] = frozenset(),
             rivals: dict[str, int] | None = None) -> dict[str, str]:
    """Cell id -> why its reading is not published (`poor`: read on a poorly read page;
    `unread`: cells we could not read, see _unread; `rivals`: see _vouched)."""
    values = {cid: c.value for cid, c in grid.cells.items()}
    status = [(i, evaluate(i, values).status) for i in identities(grid.version.id)]
    weak = frozenset(c for c, conf in confidence.items()
                     if conf < UNCONFIRMED_SURE or c in poor)
    confirmed = {c for i, s in status if s == "pass"
                 for c in _vouched(i, values, rivals or {}, weak)}
    covered = {c for i, _ in status for c in i.cells}
    broken: dict[str, list[str]] = {}
    for ident, s in status:
        if s != "fail":
            continue
        for cid in ident.cells:
            if cid not in confirmed and cid in confidence:
                broken.setdefault(cid, []).append(ident.id)
    out = {cid: f"breaks {', '.join(ids)}, which the other readings do not explain"
           for cid, ids in broken.items()}
    for cid, conf in confidence.items():
        if cid in confirmed or cid in out:
            continue
        if conf < UNCONFIRMED_SURE:
            out[cid] = ("no identity holds to confirm it" if cid in covered
                        else "no identity checks it")
        elif cid in poor and any(u in unread for i, _ in status if cid in i.cells
                                 for u in i.cells):
            out[cid] = ("no identity holds to confirm it, on a page read poorly, where a "
                        "cell it is summed with was not read")
    return out


def _vouched(ident: Identity, values: dict[str, int | float | None],
             rivals: dict[str, int], weak: frozenset[str] = frozenset()) -> list[str]:
    """The cells a holding identity vouches for: all of them, but for the doubted cells
    with a rival reading (`rivals`: a second reading, another number) when the identity
    holds with their rivals in place too; it cannot tell the two readings apart. Blur
    loses a digit from a term and from its total alike: 001 photographed at a slant read
    1288 and 1362 as "288" and "362" (the second reading "1288", "1362"), and the row
    total held either way (bench/RESULTS.md, "photographed pages"). Nor for the cells
    that repeat a number of its other side (_repeated)."""
    repeated = _repeated(ident, values, weak)
    mine = {c: v for c, v in rivals.items() if c in ident.cells}
    if not mine or evaluate(ident, {**values, **mine}).status != "pass":
        return [c for c in ident.cells if c not in repeated]
    return [c for c in ident.cells if c not in mine and c not in repeated]


def _repeated(ident: Identity, values: dict[str, int | float | None],
              weak: frozenset[str]) -> frozenset[str]:
    """The cells of an equality that repeat a non-zero number of its other side, paired
    one to one, where either of a pair is `weak` (doubted, or read on a page read poorly):
    the equality holds whatever that number is read as, if read so in both (a glyph
    misread the same way twice), so it cannot vouch for them. blur σ 1.6, 001's (四)2.:
    自然人 11 and its row's 总计 11, the row's only non-zero cells, read 13 twice."""
    if ident.relation != "equal":
        return frozenset()
    right = [c for c in ident.rhs if values.get(c)]
    out: set[str] = set()
    for c in (c for c in ident.lhs if values.get(c)):
        match = next((r for r in right if values[r] == values[c]), None)
        if match is not None:
            right.remove(match)
            out |= {c, match} if weak & {c, match} else set()
    return frozenset(out)


def _rivals(grid: Grid, doc: Document, confidence: dict[str, float]) -> dict[str, int]:
    """Cell id -> the other number a second reading gives, for the numbers still doubted
    (confidence below UNCONFIRMED_SURE) after the second readings were tried."""
    others = {c.ref: c.alternatives for c in doc.cells if c.alternatives}
    out = {}
    for cid, cell in grid.cells.items():
        if confidence.get(cid, 1.0) >= UNCONFIRMED_SURE or cell.source_ref not in others:
            continue
        second = _second_number(others[cell.source_ref])
        if second is not None and second != cell.value:
            out[cid] = second
    return out


def _equalities(cid: str, checks: list[Identity]) -> list[Identity]:
    """The identities cell `cid` is in, if they are all equalities (else none: an
    inequality holding vouches for no particular reading)."""
    mine = [i for i in checks if cid in i.cells]
    return [] if any(i.relation != "equal" for i in mine) else mine


def _holds(mine: list[Identity], values: dict[str, int | float | None]) -> bool:
    """At least one equality holds and none fails (one not evaluable for a cell still
    unread is no evidence either way): what keeps a first reading too."""
    status = {evaluate(i, values).status for i in mine}
    return "pass" in status and "fail" not in status


def _second_number(texts: tuple[str, ...]) -> int | None:
    """The whole number a second reading gives (None: none, or more than one)."""
    read = {read_printed(t) for t in texts}
    numbers = {p.whole for p in read if p.state == "number" and p.whole is not None
               and not p.annotated and p.unit is None}
    return numbers.pop() if len(numbers) == 1 else None


def _candidates(grid: Grid, doc: Document, confidence: dict[str, float]) -> dict[str, int]:
    """Cell id -> its second reading, for the cells whose first reading is doubted, or
    was no number (blank, unreadable), and whose second reading is another number."""
    others = {c.ref: c.alternatives for c in doc.cells if c.alternatives}
    if not others:
        return {}
    doubted = doubtful(grid, confidence, _poorly_read(grid, doc), _unread(grid, doc))
    out = {}
    for cid, cell in grid.cells.items():
        if cell.source_ref not in others:
            continue
        first = cell.value
        if not ((cid in doubted and isinstance(first, int))
                or (first is None and cell.state in ("blank", "unreadable"))):
            continue
        second = _second_number(others[cell.source_ref])
        if second is not None and second != first:
            out[cid] = second
    return out


def _held(tried: dict[str, int], values: dict[str, int | float | None],
          trial: dict[str, int], mine: dict[str, list[Identity]]) -> dict[str, int]:
    """Of the second readings `tried`, those that hold with the `trial` ones in place
    where the first reading does not."""
    with_trial = {**values, **trial}
    return {c: v for c, v in tried.items() if c in trial and _holds(mine[c], with_trial)
            and not _holds(mine[c], {**with_trial, c: values[c]})}


def _take_second_readings(grid: Grid, doc: Document, confidence: dict[str, float]) -> None:
    """Second readings the identities choose, taken (see above): each with which an
    equality it is in holds and none fails, where not so with the first reading. Tried
    all together first (three cells of one row, each unread the first time), then only
    those of cells first read as nothing (a doubted first reading kept), then one by
    one."""
    candidates = _candidates(grid, doc, confidence)
    if not candidates:
        return
    checks = identities(grid.version.id)
    values = {c: v.value for c, v in grid.cells.items()}
    mine = {cid: _equalities(cid, checks) for cid in candidates}
    taken: dict[str, int] = {}
    while True:
        left = {c: v for c, v in candidates.items() if c not in taken}
        unread = {c: v for c, v in left.items() if values[c] is None}
        new = (_held(left, values, left, mine) or _held(left, values, unread, mine)
               or {c: v for c, v in left.items() if _held({c: v}, values, {c: v}, mine)})
        if not new:
            break
        taken.update(new)
        values.update(new)
    for cid, value in taken.items():
        cell = grid.cells[cid]
        first = f"{cell.raw_text or 'nothing'}"
        if cid in confidence:
            first += f", confidence {confidence[cid]:.2f}"
        grid.cells[cid] = CellValue(cid, value, "number",
                                    f"{value} (second OCR reading; first {first})",
                                    cell.unit, cell.source_ref)
        confidence[cid] = 1.0
    # The first reading's complaint (unreadable_value) is answered by the second.
    grid.flags[:] = [f for f in grid.flags
                     if not (f.code == "unreadable_value" and f.cell_id in taken)]

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


def _read_as_nothing(grid: Grid, doc: Document) -> None:
    """Null and flag the blanks whose box held ink the recogniser read as nothing, or
    was cut short (see above); after the second readings, which the identities may take for them."""
    inked = {c.ref for c in doc.cells if c.confidence is not None and not c.text.strip()}
    if not inked:
        return
    checks = identities(grid.version.id)
    values = {c: v.value for c, v in grid.cells.items()}
    for cid, cell in list(grid.cells.items()):
        if cell.state != "blank" or cell.source_ref not in inked:
            continue
        grid.cells[cid] = CellValue(cid, None, "uncertain", "", cell.unit, cell.source_ref)
        zero = _holds(_equalities(cid, checks), {**values, cid: 0})
        why = ("the identities hold with it read as 0 (a zero is often printed blank), "
               "but the box holds ink" if zero else "not published as a blank")
        grid.flags.append(Flag("ocr_uncertain", f"{cid}: its box holds ink the OCR read as "
                               f"nothing, or was cut short by a ruling line; {why}", cid))


def proofread(grid: Grid, doc: Document) -> None:
    """Null and flag the numbers printed cut off, the OCR readings the identities do not
    vouch for, and the cells whose ink OCR read as nothing (see above)."""
    _cut_off(grid, doc)
    confidence = _confidences(grid, doc)
    if confidence:
        _take_second_readings(grid, doc, confidence)
        for cid, why in doubtful(grid, confidence, _poorly_read(grid, doc),
                                 _unread(grid, doc), _rivals(grid, doc, confidence)).items():
            cell = grid.cells[cid]
            reading = f"{cell.raw_text} (OCR confidence {confidence[cid]:.2f})"
            grid.cells[cid] = CellValue(cid, None, "uncertain", reading, cell.unit,
                                        cell.source_ref)
            grid.flags.append(Flag("ocr_uncertain", f"{cid}: read {reading}; {why}", cid))
    _read_as_nothing(grid, doc)
