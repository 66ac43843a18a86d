"""Rows of a box-drawn text table placed by the display columns their header names
(recognise/header_columns.py `box_header_reading`, recognise/drawn_columns.py), and a
box-drawn header's text kept apart from the prose a dump prints before it
(column_order.py).

Real dumps of 上海 2019's page (shanghai-office-2019, the agency leaving most cells and
its 总计s blank, so no identity can place a row) in CMS variants
(tests/renderings/variants.py): w3m's `item-apart` (the item numbers of 三's results in
cells of their own: those rows print two label cells more, and the table two columns
past the header), elinks' `broken-short-rows` (each row's trailing empty `<td>` left
out: the rows after （一） draw six cells, 总计 a column only （一）'s cell runs down),
w3m's `t2-lacks-column` (二's blocks printing one column less), w3m's
`unnamed-leading-column` (an empty numbering column before every table) and w3m's
`broken-rowspan-long` (every merged label's rowspan one too long). Each published
number is the page's: every number is checked against the labelled report.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.report import ParsedReport

FIXTURES = Path(__file__).parents[1] / "fixtures"
STEM = "shanghai-office-2019"
T3_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
              "public_interest_org", "legal_service_org", "other_org", "total")


def _read(variant: str, text: str | None = None) -> ParsedReport:
    """The dump of `variant` (or `text`, a changed copy) parsed, once checked that every
    number it publishes is the labelled report's."""
    path = FIXTURES / "dumps" / f"{STEM}.{variant}.txt"
    data = path.read_bytes() if text is None else text.encode("utf-8")
    report = parse_bytes(path.name, data)
    want = json.loads((FIXTURES / "truth" / f"{STEM}.json").read_text(encoding="utf-8"))
    published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert {cid: v for cid, v in published.items() if v != want["cells"][cid]} == {}
    return report


def _row(report: ParsedReport, row: str) -> list[float | None]:
    return [report.cells[f"t3.{row}.{c}"].value for c in T3_COLUMNS]


def test_rows_wider_than_their_columns_are_placed_by_the_header_past_rows_pushed_by_labels(
        ) -> None:
    # `│一、本年新收政府信息公开申请│821│35 │ │ │2 │1 │859│ │ │`: nine cells under seven
    # named columns and two the header leaves empty, because 三's result rows print
    # `（一）` apart and their values two columns right (258 under 科研机构). Each of the
    # row's values starts at the display column of its header label. Before: the three
    # rows null (value_count_mismatch), 54 published; now all 63.
    report = _read("w3m-item-apart")
    assert _row(report, "new_received") == [821, 35, None, None, 2, 1, 859]
    assert _row(report, "carried_over") == [18, None, None, None, None, None, 18]
    assert _row(report, "carried_forward") == [72, None, None, None, None, None, 72]
    assert _row(report, "granted") == [258, 12, None, None, 1, 1, None]
    assert sum(c.value is not None for c in report.cells.values()) == 63
    assert not report.flags


def test_a_row_not_pushed_by_its_label_printing_past_the_header_places_nothing() -> None:
    # The same dump with 二、上年结转's last (unnamed) cell printing 5: a row whose
    # values begin where the header's do prints past its last column, so the body is
    # wider than the header and its positions say nothing: the rows are left to counts
    # (null, flagged), none read by the header.
    path = FIXTURES / "dumps" / f"{STEM}.w3m-item-apart.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, ln in enumerate(lines) if ln.startswith("│二、上年结转"))
    assert lines[at].endswith("│18 │ │   │\n")
    lines[at] = lines[at][:-len("│ │   │\n")] + "│ │5  │\n"
    report = _read("w3m-item-apart", "".join(lines))
    for row in ("new_received", "carried_over", "carried_forward"):
        assert set(_row(report, row)) == {None}
    assert sorted(f.message.split()[1] for f in report.flags
                  if f.code == "value_count_mismatch") == [
        "carried_forward", "carried_over", "new_received"]


def test_rows_drawn_short_are_placed_by_the_display_columns_their_cells_start_at() -> None:
    # elinks draws （一）'s blank 总计 cell run down the rows drawn short, so each of them
    # prints six cells: `│ 1.本机关不掌 │ 252 │ 12 │ │ │ 1 │ │`, standing at the header's
    # first six labels. Their 总计 is null (`missing`: no cell drawn), flagged. Before:
    # 17 numbers of those rows null (ambiguous_columns), 46 published; now all 63.
    report = _read("elinks-broken-short-rows")
    assert _row(report, "unable_not_held") == [252, 12, None, None, 1, None, None]
    assert report.cells["t3.unable_not_held.total"].state == "missing"
    assert report.cells["t3.unable_not_held.other_org"].state == "blank"
    assert _row(report, "granted") == [258, 12, None, None, 1, 1, None]
    assert report.cells["t3.granted.total"].state == "blank"  # drawn, printed blank
    assert _row(report, "results_total") == [767, 35, None, None, 2, 1, 805]
    undrawn = [f.cell_id for f in report.flags if f.code == "value_count_mismatch"]
    assert len(undrawn) == 18 and all(c.endswith(".total") for c in undrawn)
    assert sum(c.value is not None for c in report.cells.values()) == 63


def test_a_block_of_t2_lacking_a_column_is_read_by_its_header_in_a_text_dump() -> None:
    # `│规章 │13 │524 │` under `本年新制作数量 / 对外公开总数量`: the header lacks
    # 本年新公开数量. The header's text ran on from the prose before the table (`政府信息公开`
    # read as a piece of the absent label), so the lack was not proven and the rows
    # were null. Before: 53 published; now 57, the absent column null.
    report = _read("w3m-t2-lacks-column")
    cells = {cid: c.value for cid, c in report.cells.items()
             if cid.startswith(("t2.regulations.", "t2.normative_documents."))}
    assert cells == {
        "t2.regulations.newly_made": 13, "t2.regulations.newly_published": None,
        "t2.regulations.total_published": 524, "t2.normative_documents.newly_made": 60,
        "t2.normative_documents.newly_published": None,
        "t2.normative_documents.total_published": 368}
    assert [f.code for f in report.flags] == ["columns_missing"]
    assert sum(c.value is not None for c in report.cells.values()) == 57


def test_t4_after_an_unnamed_numbering_column_is_placed_by_its_header() -> None:
    # `│1│5 │ │ │2 │7 │8 │ │ │1 │9 │ │ │ │ │ │`: sixteen cells, the first under the
    # numbering column the header leaves empty. Before: 四 null, 57 published; now 63.
    report = _read("w3m-unnamed-leading-column")
    assert [report.cells[f"t4.{g}.{c}"].value
            for g in ("admin_review", "litigation_direct", "litigation_after_review")
            for c in ("upheld", "corrected", "other_result", "pending", "total")] == [
        5, None, None, 2, 7, 8, None, None, 1, 9, None, None, None, None, None]
    assert sum(c.value is not None for c in report.cells.values()) == 63


def test_rows_beside_a_row_a_long_span_pushed_right_are_placed_by_the_header() -> None:
    # Every rowspan one too long: 一、本年新收 is pushed into the header's rows, its label
    # at the display column of 商业企业 and its values past 总计; the rows whose values
    # begin at the header's first column are read by it. Before: 23 published; now 46,
    # the pushed row (but its 总计, placed by the identities) and the rows scrambled
    # below it null.
    report = _read("w3m-broken-rowspan-long")
    assert _row(report, "carried_over") == [18, None, None, None, None, None, 18]
    assert _row(report, "new_received") == [None] * 6 + [859]
    assert sum(c.value is not None for c in report.cells.values()) == 46


def test_no_row_is_placed_where_two_header_bands_name_the_columns_at_other_places() -> None:
    # w3m's dump of huaian's page with 三's header printed again inside the table
    # (variants.py header-repeated), numbers drawn anew (mean 3, seed 6, zeros blank): the
    # repeated header's label cell spans one column less, and w3m draws its 自然人…总计 a
    # column right of the first header's. Rows under it were placed by the nearer, wrong
    # one: （四）1's 其他 1 and 总计 1 read as 法律服务机构 1 and 其他 1 (3 invented cells
    # in all). Which band is right is not known: no row is placed by either.
    path = FIXTURES / "dumps" / "huaian-2024.w3m-header-repeated-m3-s6-zb.txt"
    report = parse_bytes(path.name, path.read_bytes())
    assert {cid: c.value for cid, c in report.cells.items()
            if cid.startswith("t3.") and c.value is not None} == {}
    assert sum(c.value is not None for c in report.cells.values()) == 3  # 二's, as before
