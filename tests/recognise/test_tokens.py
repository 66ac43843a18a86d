"""Run-together page text (tokens.py): numbers that are no cell mark every run open-ended.

Fixtures are lxml `text_content()` of the body of variants.py's HTML of the Pingtan 2022
report, as a crawler or a DOM's textContent gives it: every cell's text concatenated with
no separator. A 序号 column's numbers, an unknown column's numbers or a merged value's
copies stick to a row's digits (2113 + 5 -> "21135"); those rows are null and flagged
`ambiguous_digits`, never published wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes

FOREIGN = ["seq-column", "unnamed-leading-column", "unmerged-fill",
           "unmerged-trailing-numbers"]


def _path(fixtures_dir: Path, variant: str) -> Path:
    return fixtures_dir / "dumps" / f"pingtan-2022.textcontent-{variant}.txt"


def _parse(fixtures_dir: Path, variant: str):
    path = _path(fixtures_dir, variant)
    return parse_bytes(path.name, path.read_bytes())


@pytest.mark.parametrize("variant", FOREIGN)
def test_numbers_that_are_no_cell_never_publish_a_wrong_value(
        fixtures_dir: Path, truth: Callable[[str], dict], variant: str) -> None:
    want = truth("pingtan-2022-run-together")["cells"]
    report = _parse(fixtures_dir, variant)
    published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert {cid: v for cid, v in published.items() if v != want[cid]} == {}
    penalty = report.cells["t2.administrative_penalty.decisions"]  # "21135" in seq-column
    assert (penalty.value, penalty.state) == (None, "ambiguous")
    assert any(f.code == "ambiguous_digits" and "sequence number" in f.message
               for f in report.flags)


def test_plain_run_together_text_still_reads_table_2(fixtures_dir: Path) -> None:
    report = _parse(fixtures_dir, "html-plain")
    got = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t2.")}
    assert got["t2.administrative_penalty.decisions"] == 2113
    assert got["t2.administrative_licensing.decisions"] == 10690
    assert got["t2.administrative_fees.fee_amount"] == 9116.36
    # table 二's 8855698 keeps its flag for having several splits, not for foreign numbers
    assert not [f for f in report.flags if "sequence number" in f.message]


def test_copies_of_merged_cells_leave_rows_without_a_merged_value_read(
        fixtures_dir: Path, truth: Callable[[str], dict]) -> None:
    # Merged cells printed once per column they span: only a row with a merged value
    # (table 二's one-value rows under a three-column block) holds copies; table 三's
    # rows have a column for each value and are solved by their identities.
    want = truth("pingtan-2022-run-together")["cells"]
    report = _parse(fixtures_dir, "unmerged-fill")
    # table 四 is found by its headers side by side (行政复议 printed once per column)
    t34 = {cid: c.value for cid, c in report.cells.items() if cid[:3] in ("t3.", "t4.")}
    assert t34 == {cid: v for cid, v in want.items() if cid[:3] in ("t3.", "t4.")}
    assert report.cells["t2.regulations.issued"].value == 0
    for cid in ("t2.administrative_licensing.decisions", "t2.administrative_fees.fee_amount"):
        assert report.cells[cid].value is None


def test_a_sequence_column_with_copies_keeps_every_run_open(fixtures_dir: Path) -> None:
    path = fixtures_dir / "dumps" / "pingtan-2022.textcontent-unmerged-fill.txt"
    text = path.read_text(encoding="utf-8").replace("信息内容", "序号信息内容", 1)
    report = parse_bytes("seq.txt", text.encode())
    assert all(c.value is None for cid, c in report.cells.items() if cid.startswith("t3."))


def test_table_4_is_read_from_its_headers_and_prose_is_no_table(
        fixtures_dir: Path, truth: Callable[[str], dict]) -> None:
    # One line holds table 四's headers and its 15 digits: found by `行政复议…行政诉讼`
    # side by side, solved by its group totals. Prose naming both (`行政复议、行政诉讼`,
    # `行政复议2件`) is no table.
    want = truth("pingtan-2022-run-together")["cells"]
    report = _parse(fixtures_dir, "html-plain")
    assert {cid: c.value for cid, c in report.cells.items() if cid.startswith("t4.")} == {
        cid: v for cid, v in want.items() if cid.startswith("t4.")}
    prose = ("本年度发生政府信息公开行政复议2件，行政诉讼1件，其中结果维持1件，结果纠正1件，"
             "尚未审结0件，总计3件，均已依法办理完毕，行政复议、行政诉讼情况见下表。\n")
    text = _path(fixtures_dir, "html-plain").read_text(encoding="utf-8")
    text = text.split("四、政府信息公开行政复议")[0] + prose
    got = parse_bytes("prose.txt", text.encode())
    assert all(c.value is None for cid, c in got.cells.items() if cid.startswith("t4."))

def test_numbers_cut_into_digits_by_a_text_node_joiner_are_never_published(
        fixtures_dir: Path) -> None:
    # lxml/BeautifulSoup `get_text(" ", strip=True)` of Word's page of the Shanghai 2019
    # report (tests/renderings/make.py: a span per digit): "258" prints as "2 5 8", blank
    # cells vanish, and "予以公开 2 5 8 1 2 1 1" has as many pieces as the row has
    # cells. Before: 258, 12, 1 published as 2, 5, 2 and three blanks invented. Since
    # h-crawl1 each row's digits are one run (read/text_nodes.py): 二's rows of zeros
    # (`0 0 0`, no number has a leading zero) are read; 三's rows, short of their
    # dropped blanks, fit no split and stay null.
    path = fixtures_dir / "dumps" / "shanghai-office-2019.gettext-space-word.txt"
    report = parse_bytes(path.name, path.read_bytes())
    got = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert got == {f"t2.{row}.{col}": 0 for row in (
        "administrative_licensing", "other_external_services", "administrative_penalty",
        "administrative_coercion", "administrative_fees")
        for col in ("prev_year_items", "change", "decisions")
        if (row, col) != ("administrative_fees", "decisions")}
    granted = report.cells["t3.granted.natural_person"]
    assert (granted.value, granted.state) == (None, "ambiguous")
    assert any(f.code == "ambiguous_digits" and "'2581211'" in f.message
               for f in report.flags)


def test_numbers_stopped_by_a_dash_that_digits_follow_are_no_whole_row(
        fixtures_dir: Path) -> None:
    # lxml `get_text(" ")` of the number-br variant of the Pingtan 2020 page (table 二,
    # cut): a `<br>` inside 35 and -15 prints "行政事业性收费 3 5 - 15". The numbers stop
    # at the dash, a blank's or a sign cut from its digits, and the two before it fitted
    # the row's two columns. Before: 3 and 5 published for 35 and -15.
    path = fixtures_dir / "dumps" / "pingtan-2020.gettext-space-number-br.txt"
    report = parse_bytes(path.name, path.read_bytes())
    assert {cid: c.value for cid, c in report.cells.items() if c.value is not None} == {
        "t2.regulations.newly_made": 0, "t2.regulations.newly_published": 0,
        "t2.regulations.total_published": 7}
    fees = report.cells["t2.administrative_fees.change"]
    assert (fees.value, fees.state, fees.raw_text) == (None, "ambiguous", "3 5")
    assert any(f.code == "ambiguous_digits" and "row administrative_fees's" in f.message
               for f in report.flags)


def test_a_column_the_template_lacks_in_a_run_together_header_leaves_its_table_null(
        fixtures_dir: Path) -> None:
    # lxml `get_text(" ")` of the t3-subtotal-column variant of the Shanghai 2019 page
    # (tables 二 to 四, cut): "其他 小计 一、本年新收…", blanks dropped. "252 12 1 13"
    # split into digits fitted the row's identity (2+5+2+1+2+1 = 13). Before: 6 wrong
    # cells and 8 invented (over 011 and Shanghai); now 三 null, 二 read as before.
    path = fixtures_dir / "dumps" / "shanghai-office-2019.gettext-space-t3-subtotal-column.txt"
    report = parse_bytes(path.name, path.read_bytes())
    published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert [cid for cid in published if not cid.startswith("t2.")] == []
    assert (published["t2.regulations.total_published"],
            published["t2.centralized_procurement.procurement_total_amount"]) == (524, 25.1)
    assert len(published) == 22
    held = report.cells["t3.unable_not_held.natural_person"]
    assert (held.value, held.state) == (None, "ambiguous")


def test_a_column_label_printed_over_two_lines_is_no_unknown_column(
        fixtures_dir: Path, truth: Callable[[str], dict]) -> None:
    # pandoc -t plain of the nested-layout variant of the Pingtan 2020 page (table 二
    # inside a layout table, cut there): the layout cell is one run-together text, and
    # its header flattens line by line, "信息内容 上一年 本年增/减 处理决" then
    # "项目数量 定数量". 上一年 (and 采购项) stood between two headings like a column the
    # template lacks, so every run was open-ended and 二 null; they are the heads of
    # 上一年项目数量 and 采购项目数量, their rests printed below.
    path = fixtures_dir / "dumps" / "pingtan-2020-run-together.pandoc-plain-nested-layout.txt"
    report = parse_bytes(path.name, path.read_bytes())
    want = truth("pingtan-2020-run-together")["cells"]
    got = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t2.")}
    assert got == {cid: v for cid, v in want.items() if cid.startswith("t2.")}
    assert got["t2.administrative_penalty.change"] == -18
    assert got["t2.centralized_procurement.procurement_total_amount"] == 7380.28959
    assert not [f for f in report.flags if f.code == "ambiguous_digits"]
