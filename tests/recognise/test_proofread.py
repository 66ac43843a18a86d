"""The identities as proof-reader of OCR'd numbers: which readings are published.

The grid is table 三 and 四 of a real report (淮安市人民政府 2024, whose tables satisfy
every identity) as the OCR reader would hand it over: each cell with the ref of the
image cell it was read from, and that cell's confidence in the document. A printed blank
has no confidence (its box holds no ink, so the reader gave the recogniser nothing); a
cell whose ink the recogniser read as nothing has its reading's, 0.
"""

from __future__ import annotations

import pytest

from pipelines.document import Document, TextCell
from pipelines.recognise.grid import Grid
from pipelines.recognise.proofread import proofread
from pipelines.report import CellValue
from schemas.template import load_template

SURE, UNSURE, NOTHING = 0.99, 0.6, 0.0
# 001's rows of 三 whose only non-zero cells are 自然人 and its 总计 (2 … 2, 34 … 34, …)
REPEATED_ROWS = ["carried_over", "denied_state_secret", "denied_security_stability",
                 "denied_third_party_rights", "denied_process_info",
                 "denied_enforcement_case_file", "denied_admin_inquiry",
                 "unable_needs_creation", "unable_unclear_after_correction",
                 "not_processed_repeat", "not_processed_confirm_reissue", "other_unpaid_fee",
                 "carried_forward"]


def _read(truth: dict, readings: dict[str, int], confidence: dict[str, float],
          second: dict[str, str] | None = None, poor_page: bool = False
          ) -> tuple[Grid, Document]:
    grid = Grid(load_template().version(truth["format_version"]))
    cells = []
    for cid, value in truth["cells"].items():
        value = readings.get(cid, value)
        ref = f"page 1 box {cid}"
        grid.cells[cid] = CellValue(cid, value, "number" if value is not None else "blank",
                                    None if value is None else str(value), None, ref)
        others = (second[cid],) if second and cid in second else ()
        conf = confidence.get(cid, None if value is None else SURE)
        cells.append(TextCell("" if value is None else str(value), ref, 1, conf, others,
                              poor_page=poor_page and conf is not None))
    return grid, Document("scan.pdf", "0" * 64, 1, "scan", "", cells)


@pytest.fixture
def huaian(truth) -> dict:
    return truth("huaian-2024")


def test_readings_that_satisfy_every_identity_are_kept_whatever_their_confidence(huaian):
    low = {cid: UNSURE for cid in huaian["cells"] if cid.startswith("t3.")}
    grid, doc = _read(huaian, {}, low)
    proofread(grid, doc)
    assert grid.flags == []
    assert {c: v.value for c, v in grid.cells.items()} == huaian["cells"]


def test_an_unsure_reading_breaking_identities_is_null_and_flagged(huaian):
    cid = "t3.granted.natural_person"  # printed 1288, read 1238 with confidence 0.6
    grid, doc = _read(huaian, {cid: 1238}, {cid: UNSURE})
    proofread(grid, doc)
    cell = grid.cells[cid]
    assert (cell.value, cell.state, cell.raw_text) == (None, "uncertain",
                                                       "1238 (OCR confidence 0.60)")
    assert [(f.code, f.cell_id) for f in grid.flags] == [("ocr_uncertain", cid)]
    assert grid.flags[0].message == (
        f"{cid}: read 1238 (OCR confidence 0.60); breaks t3_results_total_natural_person, "
        "t3_rowtotal_granted, which the other readings do not explain")


def test_a_sure_reading_breaking_an_identity_no_identity_confirms_is_null(huaian):
    # the agency's error, or a misreading the recogniser was sure of: a poor scan's
    # "22" read "221" at 0.99 (72 dpi). Not published; the reading stays in the raw text.
    cid = "t3.granted.natural_person"
    grid, doc = _read(huaian, {cid: 1238}, {})
    proofread(grid, doc)
    cell = grid.cells[cid]
    assert (cell.value, cell.state, cell.raw_text) == (None, "uncertain",
                                                       "1238 (OCR confidence 0.99)")
    assert [(f.code, f.cell_id) for f in grid.flags] == [("ocr_uncertain", cid)]


def test_a_sure_reading_no_identity_can_check_stands_on_a_page_read_well(huaian):
    # its row's total and its column's 总计 unread: neither identity is evaluable
    cid = "t3.partially_granted.natural_person"
    unread = {"t3.partially_granted.total": None, "t3.results_total.natural_person": None}
    grid, doc = _read(huaian, {cid: huaian["cells"][cid] + 1, **unread}, {})
    proofread(grid, doc)
    assert grid.cells[cid].value == huaian["cells"][cid] + 1


def test_a_sure_reading_on_a_page_read_poorly_needs_a_holding_identity(huaian):
    # σ 1.6, 006: "6" read "5" at full confidence, on a page where the recogniser doubted
    # 11 of 154 numbers; its row's total and its column's 总计 unread (ink read as nothing)
    cid = "t3.partially_granted.natural_person"
    unread = {"t3.partially_granted.total": None, "t3.results_total.natural_person": None}
    grid, doc = _read(huaian, {cid: huaian["cells"][cid] + 1, **unread},
                      dict.fromkeys(unread, NOTHING), poor_page=True)
    proofread(grid, doc)
    cell = grid.cells[cid]
    assert (cell.value, cell.state) == (None, "uncertain")
    assert grid.flags[0].message.endswith("no identity holds to confirm it, on a page read "
                                          "poorly, where a cell it is summed with was not "
                                          "read")
    # the page's readings an identity confirms stand, and table 二's (no identity checks
    # them) stand on their confidence as before
    assert grid.cells["t3.granted.natural_person"].value == huaian["cells"][
        "t3.granted.natural_person"]
    two = "t2.administrative_licensing.decisions"
    assert grid.cells[two].value == huaian["cells"][two]
    # flagged: the reading, the two boxes whose ink was read as nothing, and the rows
    # whose only non-zero cells are 自然人 and its equal 总计, which only their own row's
    # sum checks (a number repeated is no proof of itself: see below); the 总计 of 二、上年
    # 结转 and 五、结转下年度, which 三's balance over its rows checks too, stand
    repeated = [f"t3.{r}.{c}" for r in REPEATED_ROWS for c in ("natural_person", "total")
                if not (r.startswith("carried_") and c == "total")]
    assert sorted(f.cell_id for f in grid.flags) == sorted([cid, *unread, *repeated])


def test_a_sure_reading_on_a_page_read_poorly_beside_the_agency_s_blanks_stands(huaian):
    # 011 prints its 总计 blank (no ink): no identity ever could check its cells, and a
    # page read poorly does not make them worse read
    cid = "t3.partially_granted.natural_person"
    blank = {"t3.partially_granted.total": None, "t3.results_total.natural_person": None}
    grid, doc = _read(huaian, blank, {}, poor_page=True)
    proofread(grid, doc)
    assert grid.cells[cid].value == huaian["cells"][cid]
    assert grid.flags == []


def test_an_unsure_reading_vouched_for_by_a_holding_identity_is_kept(huaian):
    # 0.6 for a cell of a failing column identity whose own row identity holds: the
    # failure is another cell's (the sure misreading of the column's 总计).
    unsure, wrong_total = "t3.granted.natural_person", "t3.results_total.natural_person"
    grid, doc = _read(huaian, {wrong_total: huaian["cells"][wrong_total] + 10},
                      {unsure: UNSURE})
    proofread(grid, doc)
    assert grid.cells[unsure].value == huaian["cells"][unsure]
    # the sure misreading of the 总计, which nothing confirms, is not published either
    assert grid.cells[wrong_total].value is None
    assert [(f.code, f.cell_id) for f in grid.flags] == [("ocr_uncertain", wrong_total)]


def test_readings_a_holding_identity_cannot_tell_from_their_second_readings_are_null(huaian):
    # 001 photographed at a slant (phone_strong): the leading "1" lost from a term and
    # from its row total alike, 1288 and 1362 read "288" and "362" with doubt, "1288" and
    # "1362" the second time; the row total holds either way, and the column's 总计 was
    # not read. The identity vouches for neither reading: null, not 288 and 362.
    term, total = "t3.granted.natural_person", "t3.granted.total"
    assert (huaian["cells"][term], huaian["cells"][total]) == (1288, 1362)
    grid, doc = _read(huaian, {term: 288, total: 362, "t3.results_total.natural_person": None},
                      {term: UNSURE, total: UNSURE}, {term: "1288", total: "1362"})
    proofread(grid, doc)
    assert (grid.cells[term].value, grid.cells[total].value) == (None, None)
    assert {(f.code, f.cell_id) for f in grid.flags} >= {("ocr_uncertain", term),
                                                         ("ocr_uncertain", total)}


def test_an_unsure_number_no_identity_checks_is_not_published(huaian):
    cid = "t2.administrative_licensing.decisions"  # table 二 has no identity
    grid, doc = _read(huaian, {}, {cid: 0.8})
    proofread(grid, doc)
    assert grid.cells[cid].value is None
    assert grid.flags[0].message.endswith("no identity checks it")


def test_a_doubted_reading_takes_the_second_reading_every_identity_confirms(huaian):
    cid = "t3.granted.natural_person"  # printed 1288: read 1238 first, 1288 the second time
    grid, doc = _read(huaian, {cid: 1238}, {cid: UNSURE}, {cid: "1288"})
    proofread(grid, doc)
    cell = grid.cells[cid]
    assert (cell.value, cell.raw_text) == (
        1288, "1288 (second OCR reading; first 1238, confidence 0.60)")
    assert grid.flags == []


def test_a_second_reading_the_identities_do_not_confirm_is_not_taken(huaian):
    cid = "t3.granted.natural_person"
    grid, doc = _read(huaian, {cid: 1238}, {cid: UNSURE}, {cid: "1280"})
    proofread(grid, doc)
    assert grid.cells[cid].value is None
    assert [(f.code, f.cell_id) for f in grid.flags] == [("ocr_uncertain", cid)]


def test_a_second_reading_of_a_cell_no_identity_checks_is_not_taken(huaian):
    cid = "t2.administrative_licensing.decisions"
    grid, doc = _read(huaian, {cid: 7}, {cid: 0.8}, {cid: str(huaian["cells"][cid])})
    proofread(grid, doc)
    assert grid.cells[cid].value is None


def test_cells_read_as_nothing_take_second_readings_that_hold_together(huaian):
    # Faint zeros under a seal, read as nothing the first time: two cells of one row, so
    # neither row identity is evaluable until both second readings are tried together.
    blank = ["t3.granted.research_institution", "t3.granted.public_interest_org"]
    grid, doc = _read(huaian, dict.fromkeys(blank), dict.fromkeys(blank, NOTHING),
                      dict.fromkeys(blank, "0"))
    proofread(grid, doc)
    assert [grid.cells[c].value for c in blank] == [0, 0]
    assert grid.cells[blank[0]].raw_text == "0 (second OCR reading; first nothing)"
    assert grid.flags == []


def test_a_cell_read_as_nothing_keeps_nothing_when_its_second_reading_breaks_a_sum(huaian):
    cid = "t3.granted.commercial_enterprise"  # printed 21, read 27 the second time
    grid, doc = _read(huaian, {cid: None}, {cid: NOTHING}, {cid: "27"})
    proofread(grid, doc)
    assert (grid.cells[cid].value, grid.cells[cid].state) == (None, "uncertain")
    assert [(f.code, f.cell_id) for f in grid.flags] == [("ocr_uncertain", cid)]


def test_ink_read_as_nothing_is_no_printed_blank(huaian):
    # A photocopy's broken "108" (tests/read/test_scan.py) read as nothing, once: not the
    # agency's blank, and the identities cannot vouch for a blank. Printed blanks (no ink,
    # no crop, no confidence) stay blanks.
    cid, empty = "t3.granted.natural_person", "t3.granted.other_org"
    grid, doc = _read(huaian, {cid: None, empty: None}, {cid: NOTHING})
    proofread(grid, doc)
    assert (grid.cells[cid].value, grid.cells[cid].state) == (None, "uncertain")
    assert [(f.code, f.cell_id, f.message) for f in grid.flags] == [(
        "ocr_uncertain", cid, f"{cid}: its box holds ink the OCR read as nothing, or was "
        "cut short by a ruling line; not published as a blank")]
    assert (grid.cells[empty].value, grid.cells[empty].state) == (None, "blank")


def test_ink_read_as_nothing_where_the_identities_hold_with_a_zero_says_so(huaian):
    zeros = [c for c, v in huaian["cells"].items() if v == 0 and c.startswith("t3.")]
    cid = zeros[0]
    grid, doc = _read(huaian, {cid: None}, {cid: NOTHING})
    proofread(grid, doc)
    assert (grid.cells[cid].value, grid.cells[cid].state) == (None, "uncertain")
    assert grid.flags[0].message == (
        f"{cid}: its box holds ink the OCR read as nothing, or was cut short by a "
        "ruling line; the identities hold with it read as 0 (a zero is often printed blank), "
        "but the box holds ink")


def test_numbers_in_a_column_cut_at_the_page_edge_are_null_and_flagged(huaian):
    """A browser's print cut table 三's 总计 column at the page edge: 859 printed as 85.
    The cut cells are never published, whatever the identities say; the rest are."""
    grid, doc = _read(huaian, {}, {})
    doc = Document("print.pdf", "0" * 64, 1, "pdf", "",
                   [TextCell(c.text, c.ref, 1, None, cut=c.ref.endswith(".total"))
                    for c in doc.cells if c.ref.startswith("page 1 box t3.")])
    proofread(grid, doc)
    cut = {cid for cid in huaian["cells"] if cid.startswith("t3.") and cid.endswith(".total")}
    assert {f.cell_id for f in grid.flags} == cut
    assert {f.code for f in grid.flags} == {"cut_at_page_edge"}
    assert all(grid.cells[cid].value is None and grid.cells[cid].state == "uncertain"
               for cid in cut)
    kept = {cid: v for cid, v in huaian["cells"].items() if cid not in cut}
    assert {cid: grid.cells[cid].value for cid in kept} == kept
    cid = "t3.granted.total"
    assert grid.cells[cid].raw_text == str(huaian["cells"][cid])


# Report 001 (huaian-2024) scanned at 150 dpi under a blur of σ 1.6 (grey150_blur1.6): 三's
# row (二)3.属于第三方合法权益 as OCR read it, (cell id, text, confidence), on a page read
# poorly; the rows 四、… 总计 and 五、结转下年度 were not found, so no column sum is evaluable.
BLUR16_001_THIRD_PARTY = [
    ("t3.denied_third_party_rights.natural_person", "6", 0.5),
    ("t3.denied_third_party_rights.commercial_enterprise", "0", 0.5),
    ("t3.denied_third_party_rights.research_institution", "0", 0.5),
    ("t3.denied_third_party_rights.public_interest_org", "0", 0.5),
    ("t3.denied_third_party_rights.legal_service_org", "0", 0.5),
    ("t3.denied_third_party_rights.other_org", "0", 0.5),
    ("t3.denied_third_party_rights.total", "6", 0.5),
]


def _read_row(row: list[tuple[str, str, float]], changed: dict[str, str]) -> tuple[Grid, Document]:
    grid = Grid(load_template().version("gov_2021"))
    cells = []
    for n, (cid, text, conf) in enumerate(row):
        text = changed.get(cid, text)
        ref = f"page 4 table 2 row 11 cell {n + 2}"
        grid.cells[cid] = CellValue(cid, int(text), "number", text, None, ref)
        cells.append(TextCell(text, ref, 1, conf, poor_page=True))
    return grid, Document("001.pdf", "0" * 64, 1, "scan", "", cells)


@pytest.mark.parametrize("six", ["6", "8"])
def test_a_number_repeated_in_its_row_is_not_proven_by_the_row_s_own_sum(six):
    # The row's only non-zero cells are 自然人 and its 总计, equal: the row's sum holds
    # whatever both are read as, so a glyph misread the same way twice (h-ocr4: 001's 11
    # read 13 twice at this blur) would be published. As read (6) and with the 6 misread
    # as 8 in both cells: null and flagged; the zeros, which the sum does check, stand.
    term, total = (f"t3.denied_third_party_rights.{c}" for c in ("natural_person", "total"))
    grid, doc = _read_row(BLUR16_001_THIRD_PARTY, {term: six, total: six})
    proofread(grid, doc)
    assert (grid.cells[term].value, grid.cells[total].value) == (None, None)
    assert sorted((f.code, f.cell_id) for f in grid.flags) == [
        ("ocr_uncertain", term), ("ocr_uncertain", total)]
    assert grid.flags[0].message.endswith("no identity holds to confirm it")
    zeros = [cid for cid, _, _ in BLUR16_001_THIRD_PARTY if cid not in (term, total)]
    assert [grid.cells[c].value for c in zeros] == [0] * 5


def test_a_number_repeated_in_its_row_stands_where_its_column_s_sum_proves_it(huaian):
    # The same row read as doubtfully on a page read poorly, 三's column sums over its
    # rows all read: they take in other rows' cells, and hold.
    row = [cid for cid, _, _ in BLUR16_001_THIRD_PARTY]
    grid, doc = _read(huaian, {}, dict.fromkeys(row, 0.5), poor_page=True)
    proofread(grid, doc)
    assert [grid.cells[c].value for c in row] == [6, 0, 0, 0, 0, 0, 6]
    assert grid.flags == []


def test_sure_readings_of_a_repeated_number_on_a_page_read_well_are_two_readings_agreeing(
        huaian):
    # 006 prints a column sum of 三 that fails (the agency's arithmetic): its rows'
    # cells are in a failing identity. Two sure readings of one number on a page read
    # well agree; the row's sum vouches for them as before.
    wrong = "t3.results_total.natural_person"
    grid, doc = _read(huaian, {wrong: huaian["cells"][wrong] + 1}, {})
    proofread(grid, doc)
    assert [grid.cells[f"t3.denied_third_party_rights.{c}"].value
            for c in ("natural_person", "total")] == [6, 6]
