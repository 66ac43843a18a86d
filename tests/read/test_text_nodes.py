"""A crawler's text nodes a line each, of indented markup (read/text_nodes.py), on lxml's
`itertext()` of real pages of a labelled report (tests/renderings/dumps.py
`lxml-itertext`): shanghai 2019 as Word saves it (variants.py `word-html`: a run a
digit, cells indented) and as a plain CMS page (`html-plain`: cells side by side)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_file
from pipelines.read.text_nodes import joined_runs

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
WORD = DUMPS / "shanghai-office-2019.lxml-itertext-word-html.txt"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_a_cells_runs_are_joined_where_whitespace_nodes_part_the_cells() -> None:
    text = WORD.read_text(encoding="utf-8")
    row = text.index("一、本年新收")
    before = _lines(text[row:])[:13]
    assert before == ["一、本年新收政府信息公开申请数量", "8", "2", "1", "3", "5", "2", "1", "8",
                      "5", "9", "二、上年结转政府信息公开申请数量", "1"]
    after = joined_runs(text)
    # 821, 35, two blanks (a no-break space: a whitespace line), 2, 1, 859
    assert _lines(after[after.index("一、本年新收"):])[:7] == [
        "一、本年新收政府信息公开申请数量", "821", "35", "2", "1", "859",
        "二、上年结转政府信息公开申请数量"]
    # an item number's runs and its label, and a sum with its unit: one cell each
    assert "1.属于国家秘密" in _lines(after)
    assert "25.1万元" in _lines(after)


def test_word_page_read_a_text_node_a_line_publishes_only_right_numbers(
        truth: Callable[[str], dict]) -> None:
    # Before: no number, no agency (every digit a cell). Now 二 and 三's totals, each
    # equal to the truth; 三's rows short of their blanks stay null (more than one
    # placement fits the identities).
    report = parse_file(WORD)
    want = truth("shanghai-office-2019")["cells"]
    got = {cell: v for cell, v in report.values().items() if v is not None}
    assert len(got) == 26
    assert all(want[cell] == v for cell, v in got.items())
    assert {c: got[c] for c in got if c.startswith("t3")} == {
        "t3.new_received.total": 859, "t3.carried_over.total": 18,
        "t3.results_total.total": 805, "t3.carried_forward.total": 72}
    assert got["t2.regulations.total_published"] == 524
    assert got["t2.centralized_procurement.procurement_total_amount"] == 25.1
    assert report.agency == "上海市人民政府办公厅"


def test_cells_side_by_side_are_never_joined() -> None:
    # html-plain's `<td>…</td><td>…</td>`: a label and its values on neighbouring lines
    # (the real dump's lines), each row ended by a line of spaces, under twenty of a Word
    # page's indentation nodes, so the label touching its values alone decides
    plain = ("\n  \n\n  \n" * 10 + "一、本年新收政府信息公开申请数量\n821\n35\n2\n1\n859\n  \n"
             "二、上年结转政府信息公开申请数量\n18\n18\n  \n")
    assert joined_runs(plain) == plain


def test_a_text_browsers_rows_and_raw_html_are_left() -> None:
    indent = "\n  \n" * 20
    laid_out = indent + "行政许可  3  5\n\n  \n1\n2\n\n  \n"
    assert joined_runs(laid_out) == laid_out
    html = indent + "<td>\n\n1\n2\n\n  \n"
    assert joined_runs(html) == html
