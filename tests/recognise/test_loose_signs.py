"""A minus printed apart from its number, a blank's dash look-alike (loose_signs.py).

The text is pdftotext 24's `-layout` of Chromium's print of 006 (平潭 2020) as the
`cms-mixed` variant prints it (tests/renderings/variants.py: full-width digits, zeros
blank) with its numbers redrawn (mean 0.5, seed 3, bench/bench_cross_pdftext.py), copied
as printed: 其他对外管理服务事项 prints its 本年增/减 of −1 as `-   １`, its 上一年项目数量
blank, its 处理决定数量 `３７`.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.loose_signs import _next_to

DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
        / "006.pdftotext-layout-cms-mixed-redrawn.txt")
ROW = "t2.other_external_services"


def test_a_dash_before_a_signed_number_is_no_proof_of_either_reading() -> None:
    # before: the dash read as the blank 上一年项目数量 and 本年增/减 published as +1
    report = parse_bytes("006.txt", DUMP.read_bytes())
    change = report.cells[f"{ROW}.change"]
    assert (change.value, change.state, change.raw_text) == (None, "ambiguous", "１")
    assert report.cells[f"{ROW}.prev_year_items"].state == "dash"
    assert report.cells[f"{ROW}.decisions"].value == 37
    assert [f.cell_id for f in report.flags if f.code == "sign_apart"] == [f"{ROW}.change"]
    # what else of 二 this text gives, as before
    assert {cid: c.value for cid, c in report.cells.items()
            if cid.startswith("t2.") and c.value is not None} == {
        f"{ROW}.decisions": 37, "t2.centralized_procurement.procurement_items": 16,
        "t2.centralized_procurement.procurement_total_amount": 45.09}


def test_only_the_next_word_or_line_is_right_after() -> None:
    assert _next_to("line 25 word 3", "line 25 word 4")
    assert not _next_to("line 25 word 3", "line 25 word 5")
    assert not _next_to("line 25 word 3", "line 26 word 4")
    assert _next_to("line 7", "line 8")
    assert not _next_to("line 7", "line 9")
    # walled cells: a dash in its own cell is a blank
    assert not _next_to("table 2 row 5 cell 3", "table 2 row 5 cell 4")
    assert not _next_to("table 1 line 4 col 2", "table 1 line 4 col 3")
    assert not _next_to(None, "line 8")
