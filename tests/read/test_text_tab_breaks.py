"""A tab row cut over lines by a line break inside a cell, put back together."""

from __future__ import annotations

from pathlib import Path

from pipelines.read.text_tab_breaks import tab_rows

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"


def _dump_lines(first: str, count: int) -> list[str]:
    """`count` lines of huaian-2024's page with `<br>` inside numbers, copied from
    Chromium (innerText), from the line that opens with `first`."""
    lines = (DUMPS / "huaian-2024.chromium-innertext-number-br.txt").read_text(
        encoding="utf-8").splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith(first))
    return lines[at:at + count]


def test_a_rows_lines_of_numbers_go_on_in_the_cell_above() -> None:
    # 三's first row: 3001, 53, 0, 0, 61, 4, 3119, each cut where the page put a <br>
    lines = _dump_lines("一、本年新收", 8)
    assert tab_rows(lines) == [
        (1, ["一、本年新收政府信息公开申请数量", "3\n001", "5\n3", "0", "0", "6\n1", "4",
             "3\n119"]),
        (6, ["二、上年结转政府信息公开申请数量", "3\n4", "0", "0", "0", "0", "0", "3\n4"]),
    ]


def test_t4s_counts_after_its_header_are_one_row_of_fifteen() -> None:
    # the header's last cell is a label: the counts open a row of their own
    lines = _dump_lines("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持", 11)
    rows = tab_rows(lines)
    assert [no for no, _ in rows] == [1, 2]
    assert rows[1][1] == ["7\n2", "6\n4", "1\n78", "3\n7", "3\n51", "1\n3", "4", "8", "1",
                          "2\n6", "1\n2", "1", "1", "6", "2\n0"]


def test_a_line_with_a_label_or_after_a_label_starts_a_row() -> None:
    assert tab_rows(["规章\t1\t0\t1", "1", "行政规范性文件\t8\t2", "", "5\t6"]) == [
        (1, ["规章", "1", "0", "1\n1"]), (3, ["行政规范性文件", "8", "2"]), (5, ["5", "6"])]
    # a numbered label (1.属于…) is no piece of a number, nor a row whose last cell is blank
    assert tab_rows(["a\t2", "1.属于国家秘密\t2", "b\t5\t", "3\t4"]) == [
        (1, ["a", "2"]), (2, ["1.属于国家秘密", "2"]), (3, ["b", "5", ""]), (4, ["3", "4"])]


def test_a_sign_goes_on_in_its_number_and_blanks_after_the_break_are_kept() -> None:
    # pingtan-2020's `行政处罚\t2` / `648\t-` / `18\t5` / `38` (2648, -18, 538); 011's
    # `1.属于国家秘密\t1` / `4\t\t\t\t\t\t` (14 and six blanks); `6\t2` / `5.1万元`
    assert tab_rows(["行政处罚\t2", "648\t-", "18\t5", "38"]) == [
        (1, ["行政处罚", "2\n648", "-\n18", "5\n38"])]
    assert tab_rows(["1.属于国家秘密\t1", "4\t\t\t"]) == [
        (1, ["1.属于国家秘密", "1\n4", "", "", ""])]
    assert tab_rows(["政府集中采购\t6\t2", "5.1万元"]) == [(1, ["政府集中采购", "6", "2\n5.1万元"])]
