"""A row's numbers cut over lines by a `<br>` in lynx's rows, joined where the row's
column count proves every break is inside a number (number_breaks.py)."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.report import ParsedReport

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _truth(stem: str) -> dict:
    path = FIXTURES / "truth" / f"{stem}.json"
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _parsed(dump: str) -> ParsedReport:
    path = FIXTURES / "dumps" / dump
    return parse_bytes(path.name, path.read_bytes())


def test_numbers_cut_by_breaks_are_joined_where_the_count_proves_it() -> None:
    # lynx of shanghai's page whose numbers hold a `<br>` (`6<br>0` for 60): "规范性文件 6"
    # / "0 6" / "0 3" / "68", 6 words and 3 breaks for 3 columns: every break is inside a
    # number, 60, 60, 368. Before: 二's rows null (`ambiguous_digits`), 8 cells. (Its
    # table 三, blank cells printing nothing, stays null: no count proves its breaks.)
    report = _parsed("shanghai-office-2019.lynx-number-br.txt")
    want = _truth("shanghai-office-2019")
    published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert {cid: v for cid, v in published.items() if v != want[cid]} == {}
    t2 = {cid: v for cid, v in want.items() if cid.startswith("t2.")}
    assert {cid: report.cells[cid].value for cid in t2} == t2
    assert not [f for f in report.flags if "followed by a printed row" in f.message]


def test_every_row_of_a_page_cut_by_breaks_is_read() -> None:
    # pingtan 2022's page so cut, as lynx prints it: `一、本年新收… 7` / `1 3 0 0 0 0 7`
    # / `4` (9 words, 2 breaks, 7 columns: 71 … 74), `行政许可 1` / `0690` (10690).
    # Before: 31 cells null, 8 rows flagged `ambiguous_digits`; now every cell is read.
    report = _parsed("pingtan-2022-run-together.lynx-number-br.txt")
    assert {cid: c.value for cid, c in report.cells.items()} == _truth(
        "pingtan-2022-run-together")
    assert [f.code for f in report.flags] == ["agency_unresolved"]


def test_breaks_the_count_does_not_prove_leave_the_row_null() -> None:
    # lynx at 40 columns of shanghai's page, blank cells printing nothing: `一、本年新收…
    # 8` / `21 3` / `5 2 1 8` / `59` is 821, 35, blank, blank, 2, 1, 859: 8 words and 3
    # breaks, 5 for 7 columns, so which breaks cut a number is not proven. The row stays
    # null and flagged, as before.
    report = _parsed("shanghai-office-2019.lynx-40-number-br.txt")
    want = _truth("shanghai-office-2019")
    published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert {cid: v for cid, v in published.items() if v != want[cid]} == {}
    row = {cid: c.value for cid, c in report.cells.items()
           if cid.startswith("t3.new_received.")}
    assert row == dict.fromkeys(row) and len(row) == 7
    assert report.cells["t2.normative_documents.total_published"].value == 368
    assert report.cells["t2.centralized_procurement.procurement_total_amount"].value == 25.1


def test_no_count_is_trusted_where_rows_print_numbers_past_their_cells() -> None:
    # lynx at 40 columns of pingtan 2022's page with a 序号 column, and of the page with
    # an unknown trailing column: a row's number (`22`, its label wrapped onto the next
    # line) or the extra column's number adds a word as a break inside a number does,
    # and lynx's wrap between two cells adds a break: `…逾期不补正… 2 0 0 0 0 0 2` / `22`
    # counted 8 words, 1 break, 7 columns, and joined 222 for 2. Where a row opens with
    # a number or prints more numbers than columns on its line, no join is made.
    want = _truth("pingtan-2022-run-together")
    for dump in ("pingtan-2022-run-together.lynx-40-seq-column.txt",
                 "pingtan-2022-run-together.lynx-40-unmerged-trailing-numbers.txt"):
        report = _parsed(dump)
        published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
        assert {cid: v for cid, v in published.items() if v != want[cid]} == {}, dump


def test_a_row_as_many_words_as_columns_beside_joined_rows_stays_null() -> None:
    # lynx of 005's page cut by `<br>`, drawn anew at mean 2, zeros blank: the joins
    # prove 二 cuts numbers (`行政许可 6 4 5` / `05`: 6, 4, 505; `行政处罚 3` / `8 1 9` / `0`:
    # 38, 1, 90), so `行政强制 8 5` / `2`, three words for three columns, may be a blank
    # dropped and a number cut: it is 8, blank, 52 (`行政事业性收费 2` / `1`: 21, blank).
    # On main both were read by their count, 8, 5, 2 and 2, 1: 2 wrong, 2 invented.
    report = _parsed("005.lynx-number-br-m2-s6-zb.txt")
    t2 = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t2.")
          and not cid.startswith(("t2.regulations.", "t2.normative_documents."))}
    assert t2 == {
        "t2.administrative_licensing.prev_year_items": 6,
        "t2.administrative_licensing.change": 4,
        "t2.administrative_licensing.decisions": 505,
        "t2.other_external_services.prev_year_items": 13,
        "t2.other_external_services.change": -1,
        "t2.other_external_services.decisions": 29,
        "t2.administrative_penalty.prev_year_items": 38,
        "t2.administrative_penalty.change": 1,
        "t2.administrative_penalty.decisions": 90,
        "t2.administrative_coercion.prev_year_items": None,
        "t2.administrative_coercion.change": None,
        "t2.administrative_coercion.decisions": None,
        "t2.administrative_fees.prev_year_items": None,
        "t2.administrative_fees.change": None,
        "t2.centralized_procurement.procurement_items": 13,
        "t2.centralized_procurement.procurement_total_amount": None,
    }
    assert [f.message[:40] for f in report.flags if f.code == "value_count_mismatch"] == [
        "row administrative_coercion of t2 prints",
        "row administrative_fees of t2 prints as ",
    ]
