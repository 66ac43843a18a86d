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


# Scrapy's html-text of huaian 2024's Word page (variants.py `word-html`): a block a
# paragraph, text nodes joined by a space, so Word's digit a span prints a digit a word
SPACED = DUMPS / "huaian-2024.html-text-word-html.txt"


def test_a_number_printed_a_digit_a_word_is_joined_where_cells_print_a_paragraph() -> None:
    text = SPACED.read_text(encoding="utf-8")
    row = text.index("一、本年新收")
    assert _lines(text[row:])[:8] == ["一、本年新收政府信息公开申请数量", "3 0 0 1", "5 3", "0",
                                      "0", "6 1", "4", "3 1 1 9"]
    after = joined_runs(text)
    assert _lines(after[after.index("一、本年新收"):])[:8] == [
        "一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"]
    # a decimal point and a unit in the cell; prose and item numbers left as printed
    assert "9 6 1 7 1. 6" in _lines(text) and "96171.6" in _lines(after)
    assert "淮安市人民政府 2 0 2 4 年政府信息公开工作年度报告" in _lines(after)
    assert "1. 属于国家秘密" in _lines(after)


def test_a_sign_a_word_before_its_digits_is_the_numbers() -> None:
    # pingtan 2020's 本年增/减 under inscriptis: `- 1 8` for -18 (the sign a run of its own)
    page = "2 0 2 0 年报告\n\n信息内容  本年增 / 减\n行政处罚        2 6 4 8     - 1 8      5 3 8\n"
    assert "行政处罚        2648        -18        538" in joined_runs(page)
    alone = "2 0 2 0 年报告\n\n行政处罚\n\n- 1 8\n\n- 0 5\n"
    assert joined_runs(alone).split("\n")[-4:] == ["-18", "", "- 0 5", ""]


def test_word_page_of_text_nodes_a_space_apart_publishes_every_number(
        truth: Callable[[str], dict]) -> None:
    # Before: no number at all (read as a PDF's reading order, its digits apart).
    report = parse_file(SPACED)
    want = truth("huaian-2024")["cells"]
    assert report.values() == want


def test_digits_a_word_apart_are_left_without_both_signs() -> None:
    cells = "\n\n".join(["2 0 2 4 年报告", "行政许可", "4 4 7", "行政处罚", "3 9"]) + "\n"
    assert joined_runs(cells) == cells.replace("4 4 7", "447").replace("3 9", "39")
    # no year a digit a word: whether a space is a text node's joint is not known
    no_year = cells.replace("2 0 2 4 年", "2024年")
    assert joined_runs(no_year) == no_year
    # a row on its line (`规章 1 0 1 1`): a line may hold several cells
    row = cells + "\n规章 1 0 1 1\n"
    assert joined_runs(row) == row
    # two digits apart with a leading zero, or a paragraph beside another line: no number
    zeros = cells.replace("4 4 7", "0 0")
    assert "0 0" in joined_runs(zeros)
    beside = cells.replace("\n\n3 9", "\n3 9")
    assert "\n3 9" in joined_runs(beside)


# inscriptis of the same page: a table laid out as aligned columns (cells two spaces apart
# at least, each row over a line of its paragraphs' padding), a number a digit a word
ALIGNED = DUMPS / "huaian-2024.inscriptis-word-html.txt"


def test_a_cell_of_digits_a_word_apart_is_joined_in_a_table_laid_out_by_spaces() -> None:
    text = ALIGNED.read_text(encoding="utf-8")
    row = next(ln for ln in text.split("\n") if "一、本年新收" in ln)
    assert " ".join(row.split()[1:]) == "3 0 0 1 5 3 0 0 6 1 4 3 1 1 9"
    after = joined_runs(text)
    joined = next(ln for ln in after.split("\n") if "一、本年新收" in ln)
    assert joined.split()[1:] == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert len(joined) == len(row)  # each cell keeps its printed width: words their columns
    assert joined.index("53") == row.index("5 3")
    # an item number's digit and dot; a decimal point; padding lines gone
    held = next(ln for ln in after.split("\n") if "本机关不掌握" in ln)
    assert held.split()[1:4] == ["1.", "本机关不掌握相关政府信息", "746"]
    assert any(ln.split()[-1:] == ["96171.6"] for ln in after.split("\n"))
    assert not any(ln and not ln.strip() for ln in after.split("\n"))


def test_word_page_laid_out_by_inscriptis_publishes_every_number(
        truth: Callable[[str], dict]) -> None:
    # Before: no number at all (read as lynx's cells a paragraph, every digit a cell)
    report = parse_file(ALIGNED)
    assert report.values() == truth("huaian-2024")["cells"]


def test_a_row_whose_label_touches_its_values_leaves_a_laid_out_page() -> None:
    # a row on its line whose label a single space parts from its values: its cells may
    # be a space apart, so no run of digits is one cell
    page = "2 0 2 4 年报告\n\n信息内容   本年制\n规章  1 1\n行政许可 4 4 7\n"
    assert joined_runs(page) == page
    assert "规章  11" in joined_runs(page.replace("行政许可 4 4 7", "行政许可  4 4 7"))


# lxml's `" ".join(el.itertext())` of the same page: every text node a space apart on one
# line, so every number and every cell prints a digit a word
ONE_LINE = DUMPS / "huaian-2024.lxml-gettext-space-word-html.txt"


def test_a_rows_digits_a_word_apart_on_one_line_are_joined_into_its_run() -> None:
    text = ONE_LINE.read_text(encoding="utf-8")
    assert "数量 3 0 0 1 5 3 0 0 6 1 4 3 1 1 9 二、" in text
    after = joined_runs(text)
    # 3001 53 0 0 61 4 3119: one run, split by the identities, not by the spaces
    assert "一、本年新收政府信息公开申请数量 300153006143119 二、" in after
    # the next row's item number and dot stay with its label, not with the run before
    assert "1.属于国家秘密 2000002 2.其他法律行政法规禁止公开 301000031 3." in after
    assert "行政事业性收费 96171.6 三、" in after  # a decimal point between two digits
    assert "2024 年政府信息公开工作年度报告" in after


def test_digits_on_one_line_are_left_where_the_page_prints_a_number_whole() -> None:
    # 10 0 0 0 0 0 10: nine digits a word for seven cells
    row = "2 0 2 4 年报告 一、本年新收政府信息公开申请数量 1 0 0 0 0 0 0 1 0 二、上年结转 0 0 0"
    assert joined_runs(row) == row.replace("2 0 2 4", "2024").replace(
        "1 0 0 0 0 0 0 1 0", "100000010").replace("0 0 0", "000")
    # one number printed whole (`11`): a space may part two cells, nothing joined
    whole = row + " 规章 1 0 11"
    assert joined_runs(whole) == whole
    # no year a digit a word, or no row's digits outnumbering a row of 三's cells
    assert joined_runs(row.replace("2 0 2 4", "2024")) == row.replace("2 0 2 4", "2024")
    short = "2 0 2 4 年报告 行政许可 4 4 7 行政处罚 3 9"
    assert joined_runs(short) == short


def test_word_page_of_text_nodes_a_space_apart_on_one_line_publishes_right_numbers(
        truth: Callable[[str], dict]) -> None:
    # Before: no number (every digit a piece, `1 . 属于` opening every run). Now every
    # cell of 三 and 二's one-column rows; 二's three-column rows and 四 (runs that more
    # than one split fits) stay null.
    report = parse_file(ONE_LINE)
    want = truth("huaian-2024")["cells"]
    got = {cell: v for cell, v in report.values().items() if v is not None}
    assert len(got) == 179
    assert all(want[cell] == v for cell, v in got.items())
    assert len([c for c in got if c.startswith("t3")]) == 175
    assert got["t3.new_received.natural_person"] == 3001
    assert got["t2.administrative_fees.fee_amount"] == 96171.6
    assert not [c for c in got if c.startswith("t4")]
