"""Real text dumps of labelled reports, read back: w3m, elinks, pandoc, lynx, pdftotext.

The dumps in tests/fixtures/dumps were made by the real tools (lynx at 80 and 40
columns) from HTML pages of two labelled reports (tests/renderings/dumps.py: `plain`
and `word` pages), so this runs without the tools. Every cell equals the truth, except
that lynx drops blank cells: there a row with a blank is placed only where counts or
identities fix it, else null.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes, parse_file
from pipelines.read.text_order import t4_values

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
EXACT = [
    ("shanghai-office-2019.w3m.txt", "shanghai-office-2019", "text_bordered"),
    ("huaian-2024.elinks.txt", "huaian-2024", "text_bordered"),
    ("huaian-2024.pandoc-plain.txt", "huaian-2024", "text_bordered"),
    # pdftotext -layout of Chromium's PDF prints of the plain and Word pages: labels
    # wrapped over many lines in narrow columns, rows split over two lines, table 四
    # under a header wrapped into pieces (text_columns.py).
    ("huaian-2024.pdftotext-plain.txt", "huaian-2024", "text_aligned"),
    # lynx -width=40: a row too wide for the page goes on on the next line, and a long
    # label's values start on the line after it
    ("huaian-2024.lynx-40.txt", "huaian-2024", "text_aligned"),
    # GitHub Markdown: table 二 (cells with line breaks) as raw HTML, 三 and 四 as pipe
    # tables (text_html_tables.py)
    ("huaian-2024.pandoc-gfm.txt", "huaian-2024", "text_pipes"),
    # reStructuredText grid tables: labels wrapped two characters a line, an item number
    # broken from its stop (`2` / `.其他…`)
    ("shanghai-office-2019.pandoc-rst.txt", "shanghai-office-2019", "text_bordered"),
    # Word's page through pandoc: the title printed bold (`**X2024年…报告**`) inside an
    # rst `.. container::` directive or Markdown's `::: {…}` fence, every digit a span of
    # its own in Markdown; the agency is read without the markup (recognise/markup.py)
    ("huaian-2024.pandoc-rst-word.txt", "huaian-2024", "text_bordered"),
    ("shanghai-office-2019.pandoc-markdown-word.txt", "shanghai-office-2019", "text_bordered"),
    # pandoc from a DOCX (`-f docx -t plain|markdown`): multiline tables with a header,
    # opened and closed by an unbroken dash line, the column rule under the header; a
    # cell's lines end in Markdown's hard break `\`; 011's blanks kept in their columns
    ("huaian-2024.docx-pandoc-plain.txt", "huaian-2024", "text_aligned"),
    ("shanghai-office-2019.docx-pandoc-markdown.txt", "shanghai-office-2019", "text_aligned"),
    # pandoc's Markdown of a page whose cells hold `<div>`s: grid tables with the raw tags
    # and `\` line breaks in their cells (table 二) beside raw HTML tables (三, 四, with
    # spans); of CSS tables (`display:table-row` divs): fenced divs, a row a block
    # (read/text_divs.py)
    ("huaian-2024.pandoc-markdown-cell-div.txt", "huaian-2024", "text_bordered"),
    ("shanghai-office-2019.pandoc-markdown-div-table.txt", "shanghai-office-2019",
     "text_pipes"),
    # a note row under table 三 (`注：本表数据…`, variants.py `note-row`): lynx -width=200
    # and pdftotext -layout of Chromium's print put it flush with 四、结转下年度继续办理's
    # label, where a label's wrapped part prints (before: joined to it, the row null)
    ("huaian-2024.lynx-200-note-row.txt", "huaian-2024", "text_aligned"),
    ("huaian-2024.pdftotext-layout-note-row.txt", "huaian-2024", "text_aligned"),
    # Chromium's innerText of the page with `<br>` inside numbers (variants.py `number-br`):
    # a break inside a cell cuts its tab row over lines (`一、本年新收…\t3` / `001\t5` / …),
    # the rest of the row on lines of numbers alone, 四's 15 counts over ten lines. Before:
    # taken for a PDF's reading order (lines opening with numbers), 137 cells null; the
    # row's lines are one row again (read/text_tab_breaks.py).
    ("huaian-2024.chromium-innertext-number-br.txt", "huaian-2024", "text_cells"),
]


@pytest.mark.parametrize(("name", "stem", "rendering"), EXACT, ids=[e[0] for e in EXACT])
def test_dump_reads_as_truth(name: str, stem: str, rendering: str,
                             truth: Callable[[str], dict]) -> None:
    want = truth(stem)
    report = parse_file(DUMPS / name)
    assert (report.rendering, report.status) == (rendering, "complete")
    assert report.format_version == want["format_version"]
    assert (report.agency, report.report_year) == (want["agency"], want["report_year"])
    assert report.values() == want["cells"]
    assert [f.code for f in report.flags] == []


def test_lynx_dump_of_a_header_printed_again_reads_the_row_above_it(
        truth: Callable[[str], dict]) -> None:
    # lynx -width=200 of a page that prints table 三's header rows again mid-table
    # (variants.py `header-repeated`): the header's first line, its cells run together
    # by a narrower column, prints flush with 7.属于行政执法案卷's label under it. Before:
    # joined to that label as its wrapped part, the row null. Left null: （二）部分公开's
    # label printed against its first value (`情形）1`); rows with a blank lynx dropped.
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    report = parse_file(DUMPS / "seed-shaoguan-zhenjiang-2019.lynx-200-header-repeated.txt")
    got = report.values()
    assert {c: v for c, v in got.items() if v is not None and v != want[c]} == {}
    row = {c: v for c, v in got.items() if c.startswith("t3.denied_enforcement_case_file.")}
    assert row == {c: want[c] for c in row} and len(row) == 7
    assert sorted({c.split(".")[1] for c, v in got.items() if v is None and c in want
                   and c.startswith("t3.")}) == ["partially_granted"]


def test_pdftotext_of_words_narrow_columns_reads_as_truth(truth: Callable[[str], dict]) -> None:
    """Word's page printed by Chromium, laid out by pdftotext: every label wrapped over
    2-14 lines of 2-3 characters. Labels cut by an empty line (`性文 8 26 66` / ``
    / `件`) are joined back where exactly one join names a row (recognise/layout.py); a
    label cut by a page's column drift is read, by the misprint tolerance, as its row
    (flagged); values all right."""
    report = parse_file(DUMPS / "huaian-2024.pdftotext-word.txt")
    assert (report.rendering, report.status) == ("text_aligned", "complete")
    assert report.values() == truth("huaian-2024")["cells"]
    # The label's last lines open the next page, pdftotext's grid there moved by five
    # characters: found again in their own column (read/text_columns._tail_column).
    # Before: read by the misprint tolerance, flagged row_label_misprinted.
    assert report.flags == []


def test_pdftotext_raw_of_labels_broken_at_soft_hyphens_reads_as_truth(
        truth: Callable[[str], dict]) -> None:
    """`pdftotext -raw` of Chromium's print of 004 whose labels hold a soft hyphen after
    every character (variants.py `soft-hyphens`): each piece a line of its own
    (`1` / `.` / … / `秘` / `密 0 0 0 0 0 0 0`), joined back at the soft hyphens
    (read/text_aligned._soft_hyphens_joined). Before: 三's rows whose label the
    recogniser could not join null, 60 of 200 cells right; every cell right now."""
    report = parse_file(DUMPS / "004.pdftotext-raw-soft-hyphens.txt")
    assert (report.rendering, report.status) == ("text_aligned", "complete")
    assert report.values() == truth("pingtan-2022-run-together")["cells"]
    assert [f.code for f in report.flags] == ["agency_unresolved"]


# pdftotext of Chromium's prints (print date and title heading each page, URL and `2/3`
# ending it) where a page break cuts a table (tests/renderings/cross_pdftext.py). Before,
# each read one row or table null: pingtan-2022's 四, its header ending a page and its
# values opening the next, the footer's long URL between them read as prose ending the
# header (read/text_pages.py); the Word page's `2.` printed after its label's first line
# (`没有  2.`, read/text_columns.items_in_front); seed's `6.属于四类` / `过程性信息` over
# a page break, the next page's column a few characters off (`_tail_column`); -raw's
# `1.申请人…行政机关` / values / header and footer / `不再处理…申请`
# (recognise/layout._row_joined passes over the page's furniture).
PAGE_BREAKS = [
    ("pingtan-2022.pdftotext-layout-page-break.txt", "pingtan-2022-run-together",
     ["agency_unresolved"]),
    ("huaian-2024.pdftotext-layout-word-item-last.txt", "huaian-2024", []),
    ("seed-shaoguan-zhenjiang-2019.pdftotext-layout-word.txt", "seed-shaoguan-zhenjiang-2019",
     []),
    ("huaian-2024.pdftotext-raw-word.txt", "huaian-2024", []),
]


@pytest.mark.parametrize(("name", "stem", "flags"), PAGE_BREAKS, ids=[p[0] for p in PAGE_BREAKS])
def test_pdftotext_of_a_print_cut_by_page_breaks_reads_as_truth(
        name: str, stem: str, flags: list[str], truth: Callable[[str], dict]) -> None:
    report = parse_file(DUMPS / name)
    assert (report.rendering, report.status) == ("text_aligned", "complete")
    assert report.values() == truth(stem)["cells"]
    assert [f.code for f in report.flags] == flags


def parse_file_text(text: str):
    return parse_bytes("dump.txt", text.encode())


def _printed_row(cell_id: str) -> str:
    table, row, _ = cell_id.split(".")
    return table if table == "t4" else f"{table}.{row}"


@pytest.mark.parametrize("name", ["shanghai-office-2019.lynx.txt",
                                  "shanghai-office-2019.lynx-40.txt"])
def test_lynx_dump_keeps_rows_and_leaves_rows_with_a_lost_blank_null(
        name: str, truth: Callable[[str], dict]) -> None:
    want = truth("shanghai-office-2019")["cells"]
    report = parse_file(DUMPS / name)
    assert report.rendering == "text_aligned"
    with_blank = {_printed_row(c) for c, v in want.items() if v is None}
    got = report.values()
    whole = {c: v for c, v in want.items() if _printed_row(c) not in with_blank}
    assert {c: got[c] for c in whole} == whole
    assert len(whole) == 22  # table 二 and table 三's rows printed without a blank
    lost = [c for c in want if _printed_row(c) in with_blank]
    # A value of a row with a lost blank is placed only where the identities fix its
    # column (recognise/blanks.py); never a value in a guessed column.
    placed = {c: got[c] for c in lost if got[c] is not None}
    assert placed == {c: want[c] for c in placed} and len(placed) == 4


def test_lynx_dump_of_word_cells_keeps_blank_cells_from_its_gaps(
        truth: Callable[[str], dict]) -> None:
    # Word's cells hold paragraphs: lynx prints a cell a paragraph, and an empty cell as
    # one more empty line. The row before table 三's page break gets the break's empty
    # paragraph as an eighth cell; the next label bounds the row, the extra cell is blank
    # and comes after its seven: it is no cell of the row (grid._readings).
    want = truth("shanghai-office-2019")["cells"]
    report = parse_file(DUMPS / "shanghai-office-2019.lynx-word.txt")
    assert report.rendering == "text_cells"
    assert report.values() == want
    assert [f.code for f in report.flags] == []


def test_lynx_dump_with_an_extra_blank_before_a_rows_values_leaves_the_row_null(
        truth: Callable[[str], dict]) -> None:
    # The same dump with the break's empty line moved between the row's label and its
    # values: the row reads 252 12 . . 1 . or . 252 12 . . 1, which counting cannot tell
    # apart (总计 is blank, so no identity can either): null, never shifted.
    want = truth("shanghai-office-2019")["cells"]
    text = (DUMPS / "shanghai-office-2019.lynx-word.txt").read_text(encoding="utf-8")
    label = "1.本机关不掌握相关政府信息\n"
    head, tail = text.split(label)
    tail = tail.replace("\n\n\n\n\n", "\n\n\n\n", 1)  # the gap before 三、本年度办理结果
    report = parse_file_text(head + label + "\n" + tail)
    got = report.values()
    differ = {c: got[c] for c in want if got[c] != want[c]}
    assert differ == {f"t3.unable_not_held.{c}": None for c in (
        "natural_person", "commercial_enterprise", "legal_service_org")}
    assert [f.code for f in report.flags] == [
        "value_count_mismatch"]


def test_pandoc_rows_with_a_flattened_span_and_a_blank_are_placed_by_the_header(
        truth: Callable[[str], dict]) -> None:
    # pandoc flattens a span into its first column and empty cells after it, and 上海
    # 2019 leaves cells blank: in a row holding both, counting cannot tell a blank value
    # from a span's remnant. The header prints each column once, as wide as the rows:
    # each value is the cell under its column (recognise/header_columns.py).
    want = truth("shanghai-office-2019")["cells"]
    report = parse_file(DUMPS / "shanghai-office-2019.pandoc-plain.txt")
    assert report.rendering == "text_aligned"
    assert report.values() == want
    assert [f.code for f in report.flags] == []


# 上海 2019's 二 in reading order: (五) and (六)'s rows and (八)'s, all 0
SHANGHAI_T2_ZEROS = {f"t2.{row}.{col}": 0 for row in (
    "administrative_licensing", "other_external_services", "administrative_penalty",
    "administrative_coercion") for col in ("prev_year_items", "change", "decisions")} | {
    "t2.administrative_fees.prev_year_items": 0, "t2.administrative_fees.change": 0} | {
    # and 政府集中采购's `6` / `政府集中采购` / `251000元`: a count and an amount
    "t2.centralized_procurement.procurement_items": 6,
    "t2.centralized_procurement.procurement_total_amount": 25.1}


@pytest.mark.parametrize("name", ["shanghai-office-2019.pdftotext-reading.txt",
                                  "huaian-2024.pdf2txt.txt",
                                  "huaian-2024.pdf2txt-wps.txt"])
def test_pdf_text_in_reading_order_reads_no_value(name: str,
                                                  truth: Callable[[str], dict]) -> None:
    # pdftotext without -layout (and pdfminer's pdf2txt.py) print a table block by block:
    # a column's values one per line, values before their labels, a row cut over lines.
    # Read as lines, these put 89 values in wrong cells of 13 Chromium prints; no order
    # there ties a value to its cell, so none is read (read/text.py, reading order) but
    # 上海's 二, whose rows each print a value a column, in order, and those off their
    # label's line all 0 (recognise/reading_t2.py): its 14 zeros, and 政府集中采购's
    # count and amount, told by their kind.
    want = truth(name.split(".")[0])
    report = parse_file(DUMPS / name)
    assert report.rendering == "text_reading_order"
    assert report.report_year == want["report_year"]  # 011's page prints its title cut
    got = {c: v for c, v in report.values().items() if v is not None}
    assert got == (SHANGHAI_T2_ZEROS if name.startswith("shanghai") else {})


@pytest.mark.parametrize("name", ["shanghai-office-2019.pdftotext-reading.txt",
                                  "huaian-2024.pdf2txt.txt",
                                  "huaian-2024.pdf2txt-wps.txt"])
def test_pdf_text_in_reading_order_without_form_feeds_reads_no_value(name: str) -> None:
    # The same text with its form feeds lost (a crawler, a copy, a one-page PDF) was read
    # one cell per line again: 22 wrong cells on these three. Table 三 itself shows the
    # order: values between its header and its first row's label (pdftotext), or a
    # column printed down, more values in a run than a row has (pdf2txt) (text_order.py).
    text = (DUMPS / name).read_text(encoding="utf-8").replace("\f", "")
    report = parse_file_text(text)
    assert report.rendering == "text_reading_order"
    got = {c: v for c, v in report.values().items() if v is not None}
    assert got == (SHANGHAI_T2_ZEROS if name.startswith("shanghai") else {})


@pytest.mark.parametrize("feeds", [True, False])
def test_pdf_text_in_reading_order_reads_t3_right_block(
        feeds: bool, truth: Callable[[str], dict]) -> None:
    # Chromium's print through pdftotext (no options) cuts 三 in two blocks: 自然人 and
    # 商业企业 around the labels (the first row whole); then, after 四's title, the other
    # five columns of rows 2-25 one value a line, a row after another (120 values). Only
    # that placement makes the column identities hold, and the header line
    # `科研 社会公 法律服 其 总计` names the block's five columns in order, ending with
    # 总计 (recognise/reading_totals.py). The left block's 55 counts, in order, are the
    # first row's 7 and two a row for rows 2-25: each row's sum holds with its 总计, the
    # identities in every column, and `人 商业` orders its two columns
    # (recognise/reading_left.py). Before: no value; then the 24 总计; then the 120 of
    # the right block; now all of 三, 175 cells; and all of 四 (below).
    want = truth("huaian-2024")["cells"]
    text = (DUMPS / "huaian-2024.pdftotext-reading.txt").read_text(encoding="utf-8")
    report = parse_file_text(text if feeds else text.replace("\f", ""))
    assert report.rendering == "text_reading_order"
    got = {c: v for c, v in report.values().items() if v is not None}
    # and 四 (below), and 二 but its first row (test_reading_t2.py)
    assert got == {c: v for c, v in want.items()
                   if c.startswith(("t3.", "t4.", "t2."))
                   and not c.startswith("t2.regulations.")}
    assert len(got) == 197
    assert sum(f.code == "row_placed_by_order" for f in report.flags) == 25 + 3


HUAIAN_T4_HEADER = "结果 结果 其他结 尚未 总 未经复议直接起诉"


def test_pdf_text_in_reading_order_reads_t4_after_its_header(
        truth: Callable[[str], dict]) -> None:
    # 三's right block prints after 四's title (137 counts), so 四's own 15 are those after
    # its header's last line (text_order.t4_values). The header shows its columns' order
    # (`维持 纠正 果 审结 计`) and, by `… 总 未经复议直接起诉` on one baseline, 行政复议
    # left of 行政诉讼 and 未经复议直接起诉 the lawsuit group next to it, the left one
    # (`复议后起诉` on a line of its own says nothing): all 15 cells
    # (recognise/reading_order.py; before: 行政复议's 5 only).
    text = (DUMPS / "huaian-2024.pdftotext-reading.txt").read_text(encoding="utf-8")
    assert HUAIAN_T4_HEADER in text
    found = t4_values(text.split("\n"))
    assert found is not None
    assert [int(v) for _, v in found[1]] == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26,
                                            12, 1, 1, 6, 20]
    t4 = {c: v for c, v in parse_file_text(text).values().items() if c.startswith("t4.")}
    want = truth("huaian-2024")["cells"]
    assert t4 == {c: want[c] for c in t4} and None not in t4.values()


@pytest.mark.parametrize("header", [
    # 复议后起诉 after column pieces: the lawsuit groups printed the other way round
    "未经复议直接起诉\n结果 结果 其他结 尚未 总 复议后起诉",
    # no group label after column pieces on its line: 行政复议's place not shown
    "复议后起诉\n结果 结果 其他结 尚未 总\n未经复议直接起诉",
    # 行政复议's columns printed 纠正 before 维持 (a window out of the template's order)
    "复议后起诉\n纠正 结果 其他结 尚未 总 未经复议直接起诉",
], ids=["lawsuits-swapped", "no-label-after-columns", "columns-out-of-order"])
def test_pdf_text_in_reading_order_leaves_t4_null_where_its_header_does_not_show_it(
        header: str) -> None:
    text = (DUMPS / "huaian-2024.pdftotext-reading.txt").read_text(encoding="utf-8")
    text = text.replace("复议后起诉\n" + HUAIAN_T4_HEADER, header)
    assert header in text
    t4 = {c: v for c, v in parse_file_text(text).values().items() if c.startswith("t4.")}
    assert set(t4.values()) == {None}


@pytest.mark.parametrize("name", ["huaian-2024.pdftotext-raw.txt",
                                  "huaian-2024.lynx-40.txt",
                                  "shanghai-office-2019.lynx-word.txt"])
def test_text_in_row_order_without_form_feeds_is_not_reading_order(name: str) -> None:
    # A row's label before its values, at most a row of values between two labels
    # (pdftotext -raw, lynx at 40 columns, lynx's one cell a paragraph): read as before.
    text = (DUMPS / name).read_text(encoding="utf-8").replace("\f", "")
    assert parse_file_text(text).rendering != "text_reading_order"


def test_pdftotext_raw_reads_rows_in_content_order(truth: Callable[[str], dict]) -> None:
    # pdftotext -raw prints the content stream's order: a row's label and values on one
    # line, no empty lines. Read as lines; a label wrapped above its values onto lines of
    # its own (（六）其他处理's rows) is joined back where exactly one join names a row
    # (recognise/layout.py): every cell read.
    want = truth("huaian-2024")["cells"]
    got = parse_file(DUMPS / "huaian-2024.pdftotext-raw.txt").values()
    read = {c: v for c, v in got.items() if v is not None}
    assert read == {c: want[c] for c in read}
    assert got == want


def _row(report, row: str) -> dict:
    return {c: v for c, v in report.values().items() if c.startswith(f"t3.{row}.")}


def test_a_row_short_of_cells_with_its_labels_end_and_a_value_below_is_not_placed() -> None:
    # pdftotext -layout of shanghai's page with other numbers (variants.py th-labels,
    # renumbered): `4.无正当理由大量反复申 1 1` / `请 2`, blanks dropped, so no count joins
    # the lines. Before: placed by the identities, 总计 1 in every placement (want 2,
    # natural person 1, commercial 1). Now null, flagged: both cut labels are read as
    # misprints no more, their label going on below with values (misprints.py; before
    # h-hunt3 they were matched, then withheld as `values_not_placed`).
    report = parse_file(DUMPS / "shanghai-office-2019.pdftotext-layout-th-labels-revalued.txt")
    assert set(_row(report, "not_processed_excessive").values()) == {None}
    assert set(_row(report, "unable_needs_creation").values()) == {None}
    assert [f.message.split("'")[1] for f in report.flags if f.code == "row_label_unmatched"
            and "goes on in the next printed row" in f.message] == [
        "2.没有现成信息需要另行", "4.无正当理由大量反复申"]
    assert _row(report, "not_processed_complaint")["t3.not_processed_complaint.total"] == 4


def test_a_row_short_of_cells_with_a_unit_alone_below_is_not_placed() -> None:
    # pdftotext -raw of huaian's page with units in the cells and other numbers
    # (variants.py units, renumbered): `6.属于四类过程性信息 1件 0件 0件 0件 0件 1` / `件` /
    # `2` / `件`: the sixth cell's unit and the whole seventh wrapped below. Before: six
    # values, read as a row that lost a blank, 总计 1 (want 2). Now null, flagged.
    report = parse_file(DUMPS / "huaian-2024.pdftotext-raw-units-revalued.txt")
    assert set(_row(report, "denied_process_info").values()) == {None}
    assert any(f.code == "ambiguous_digits" and "denied_process_info" in f.message
               for f in report.flags)


def test_a_row_whose_label_ends_beside_values_of_its_own_is_not_placed() -> None:
    # pdftotext -layout of pingtan 2019's page with colons after its labels and other
    # numbers (variants.py label-colons, renumbered): row 4's values, centred in its tall
    # cell, print under row 5's first label line (`4.保护第三方合法权` / `益：` /
    # `（三）不予 5.属于三类内部事务` / `2 1 0 0 0 0 3`), row 5's beside its label's end
    # (`公开： 信息： 2 0 0 0 0 1 3`). Before: row 4's values published as row 5's (commercial
    # 1, want 0; other 0, want 1). Now null, flagged.
    report = parse_file(DUMPS / "005.pdftotext-layout-label-colons-revalued.txt")
    assert set(_row(report, "denied_internal_affairs").values()) == {None}
    assert set(_row(report, "denied_third_party_rights").values()) == {None}
    # (flagged `values_not_placed` before h-hunt3; now its cut label is no misprint, its
    # label going on below with values: misprints.py)
    assert [f.message.split("'")[1] for f in report.flags if f.code == "row_label_unmatched"
            and "goes on in the next printed row" in f.message] == [
        "5.属于三类内部事务", "要求提供公开出版"]
    assert _row(report, "denied_process_info")["t3.denied_process_info.total"] == 2
    assert sum(v is not None for v in report.values().values()) == 177


def test_t4_first_group_out_of_order_in_stacks_a_later_group_lost_is_null() -> None:
    # pdftotext -layout of pingtan 2019's page with 四's first two columns swapped and
    # other numbers (variants.py t4-swap-first-two, renumbered): `结果 结果 其他 …` over
    # `纠正 维持 结果 …`; the drift joins 复议后起诉's 结果 to no 纠正, so no level of the
    # stacks is read whole. Before: 四 read in the template's order (upheld 1 for 2,
    # corrected 2 for 1, 4 wrong). Now 行政复议's five stacks left of 未经复议直接起诉 show
    # the order: 四 null, flagged.
    report = parse_file(DUMPS / "005.pdftotext-layout-t4-swap-first-two-revalued.txt")
    t4 = {c: v for c, v in report.values().items() if c.startswith("t4.")}
    assert len(t4) == 15 and set(t4.values()) == {None}
    assert [f.code for f in report.flags if f.code == "columns_out_of_order"] == [
        "columns_out_of_order"]
    assert report.values()["t3.denied_internal_affairs.other_org"] == 1
    assert sum(v is not None for v in report.values().values()) == 183


def test_a_row_split_at_its_labels_wrap_is_joined_where_its_identities_hold() -> None:
    # pdftotext -layout of Word's page with a unit row and other numbers (variants.py
    # word-unit-row, renumbered): `一、本年新收政府信息公 49` / `开申请数量  5 2 0 3 2 61`,
    # the first value beside the label's first line, the rest beside its second. Neither
    # line's label names a row; joined they name 本年新收, seven values, 49+5+2+0+3+2 = 61.
    # Before: both rows (new_received, carried_over) null, row_missing.
    report = parse_file(DUMPS / "001.pdftotext-layout-word-unit-row-revalued.txt")
    assert list(_row(report, "new_received").values()) == [49, 5, 2, 0, 3, 2, 61]
    assert list(_row(report, "carried_over").values()) == [3, 0, 0, 0, 0, 0, 3]
    assert sum(v is not None for v in report.values().values()) == 193


LIBREOFFICE_READING = [
    # LibreOffice's PDF of a DOCX (variants `docx-nested`, 2021 format, and
    # `docx-split-tables`, 2019 format, 三 cut into two tables) through pdftotext without
    # options: each row's label wrapped two characters a line (`2.其` / `他法` / …), the
    # merged column's group labels before it, then its 7 values one a line; a label
    # taller than its band printed around its values (`5.属` … `部事` / 7 values /
    # `务信` / `息`). The rows are proven (text_order_wrapped.py); the columns' order is
    # not (the header prints a piece a line, 总计 among the organisations), so only each
    # row's 总计 and the rows the same in any order are kept (reading_order.py).
    ("huaian-2024.docx-pdftotext-reading-nested.txt", "huaian-2024", 37),
    ("seed-shaoguan-zhenjiang-2019.docx-pdftotext-reading-split-tables.txt",
     "seed-shaoguan-zhenjiang-2019", 143),
]


@pytest.mark.parametrize(("name", "stem", "cells"), LIBREOFFICE_READING,
                         ids=[e[0] for e in LIBREOFFICE_READING])
def test_libreoffice_pdf_in_reading_order_reads_t3_rows_from_wrapped_labels(
        name: str, stem: str, cells: int, truth: Callable[[str], dict]) -> None:
    want = truth(stem)["cells"]
    report = parse_file(DUMPS / name)
    assert report.rendering == "text_reading_order"
    got = {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}
    assert got == {c: want[c] for c in got}
    assert len(got) == cells
    # every row's 总计, the rest only where the six are equal
    assert {c for c in got if c.endswith(".total")} == {
        c for c in want if c.startswith("t3.") and c.endswith(".total")}
    assert "column_order_unread" in {f.code for f in report.flags}


HUAIAN_ROW_2 = "2.其\n他法\n律行\n政法\n规禁\n止公\n开\n\n30\n\n1\n\n0\n\n0\n\n0\n\n0\n\n31\n\n"
HUAIAN_ROW_3 = "3.危\n及“三\n安全\n一稳\n定”\n\n5\n\n0\n\n0\n\n0\n\n0\n\n0\n\n5\n\n"


@pytest.mark.parametrize("edit", ["rows-swapped", "value-lost", "label-lost"])
def test_libreoffice_pdf_in_reading_order_with_rows_unproven_reads_no_t3_row(
        edit: str) -> None:
    # Two result rows printed in each other's place (each with its values) keep every
    # identity of 三: only the labels' order shows it, and it leaves 三 unread; so does a
    # value lost (a row's sum), or a label printed where no row label is read.
    text = (DUMPS / "huaian-2024.docx-pdftotext-reading-nested.txt").read_text(encoding="utf-8")
    assert HUAIAN_ROW_2 + HUAIAN_ROW_3 in text
    edited = {"rows-swapped": HUAIAN_ROW_3 + HUAIAN_ROW_2,
              "value-lost": HUAIAN_ROW_2.replace("\n\n1\n\n", "\n\n", 1) + HUAIAN_ROW_3,
              "label-lost": HUAIAN_ROW_2.replace("律行\n政法\n", "") + HUAIAN_ROW_3}[edit]
    report = parse_file_text(text.replace(HUAIAN_ROW_2 + HUAIAN_ROW_3, edited))
    assert report.rendering == "text_reading_order"
    t3 = {c: v for c, v in report.values().items() if c.startswith("t3.") and v is not None}
    assert t3 == {}
    # 二 may be placed by its own order (reading_t2); no row of 三 may be
    assert not [f for f in report.flags
                if f.code == "row_placed_by_order" and "t3." in f.message]


SEED_DOCX_READING = "seed-shaoguan-zhenjiang-2019.docx-pdftotext-reading.txt"


def test_libreoffice_pdf_in_reading_order_reads_t3_rows_printed_in_blocks(
        truth: Callable[[str], dict]) -> None:
    # LibreOffice's PDF of the plain DOCX (2019 format): 三's first rows print as two
    # blocks (each row's left counts, row after row, then their right counts), the rows
    # below whole, the last two a column at a time; labels cut two characters a line.
    # Of every reading of the 161 counts in such blocks, those holding the column
    # identities agree on each row's 总计 and on 17 rows of zeros; the columns' order is
    # not shown, so nothing else (recognise/reading_blocks.py). Before: no value. And
    # 四's 15 zeros, the same in any order of its columns (its header run together
    # proves no order in reading order: column_order.withdraw_misordered_tables).
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    report = parse_file(DUMPS / SEED_DOCX_READING)
    assert report.rendering == "text_reading_order"
    got = {c: v for c, v in report.values().items() if v is not None}
    assert got == {c: want[c] for c in got}
    assert len(got) == 158
    assert sum(c.startswith("t4.") for c in got) == 15
    assert {c for c in got if c.startswith("t3.") and c.endswith(".total")} == {
        c for c in want if c.startswith("t3.") and c.endswith(".total")}
    assert sum(f.code == "row_placed_by_order" for f in report.flags) == 23


def test_libreoffice_pdf_in_reading_order_with_labels_out_of_order_reads_no_block_row(
) -> None:
    # Two rows printed in each other's place (labels and counts) keep every identity of
    # 三, and their labels, cut two characters a line, name no row on a line: only the
    # labels' characters in the template's order show it (reading_blocks.labels_in_order).
    text = (DUMPS / SEED_DOCX_READING).read_text(encoding="utf-8")
    row_2 = "2.其\n他法\n律行\n政法\n规禁\n止公\n开\n"
    row_3 = "3.危\n及“三\n安全\n一稳\n定”\n"
    assert row_2 + row_3 in text
    report = parse_file_text(text.replace(row_2 + row_3, row_3 + row_2))
    assert report.rendering == "text_reading_order"
    assert {c: v for c, v in report.values().items()
            if c.startswith("t3.") and v is not None} == {}


def test_whitespace_is_a_cell_boundary_where_no_piece_runs_cells_together() -> None:
    # A crawler's `get_text(" ")` (lxml) of pages that lack a column, other numbers (a busy
    # agency's, variants.py revalued(500, …, seed "1")): every cell a space apart, blanks
    # dropped, no piece with a leading zero (`007`), so no piece holds two cells. Before:
    # 二's `规章 2 66` (two printed columns of three) split one digit a cell (2, 6, 6;
    # want 2, 66 under another header), and 三's `133 16 7 2 160` (科研机构 not printed, a
    # blank dropped) split 1, 33, 16, 7, 2, 1, 60 by its row's sum (6 wrong, 1 invented).
    # Now each piece is one cell, blanks between them; no reading is left: null, flagged.
    t2 = parse_file(DUMPS / "006.lxml-gettext-space-t2-lacks-column-revalued-m500.txt")
    regs = {c: v for c, v in t2.values().items() if c.startswith("t2.regulations.")}
    assert set(regs.values()) == {None}
    assert [f.code for f in t2.flags if f.cell_id in regs] == ["ambiguous_digits"] * 3
    assert list(_row(t2, "granted").values()) == [269, 39, 3, 3, 18, 13, 345]
    assert sum(v is not None for v in t2.values().values()) == 180
    t3 = parse_file(DUMPS / "011.lxml-gettext-space-t3-lacks-column-revalued-m500.txt")
    assert set(_row(t3, "granted").values()) == {None}
    assert any(f.code == "ambiguous_digits" and "'133 16 7 2 160'" in f.message
               for f in t3.flags)
    assert sum(v is not None for v in t3.values().values()) == 22


def test_a_row_stopped_by_dashes_is_not_placed_as_its_pieces() -> None:
    # lxml `get_text(" ")` of shanghai's page with blanks printed `-` and a ministry's
    # numbers (blank-dash, revalued(5000, …, seed "3")): `1.属于国家秘密 2 2 - - - - 4`.
    # The row's numbers stop at the dashes; read as two pieces past dropped blanks, every
    # placement put 2 under 总计 (want 4). Each piece one cell, the row needs one reading
    # of all its cells: null.
    report = parse_file(DUMPS / "shanghai-office-2019.lxml-gettext-space-blank-dash-m5000.txt")
    assert set(_row(report, "denied_state_secret").values()) == {None}
    assert list(_row(report, "granted").values()) == [423, 50, 4, 2, 24, 17, 520]


def test_a_run_together_page_still_splits_its_pieces() -> None:
    # pingtan 2020's page text, its cells run together (`规章007`, `0000000`): a piece
    # holds several cells, split as before
    report = parse_file(Path(__file__).parents[1] / "fixtures" / "reports"
                        / "pingtan-2020-run-together.txt")
    values = report.values()
    assert [values[f"t2.regulations.{c}"] for c in
            ("newly_made", "newly_published", "total_published")] == [0, 0, 7]
    assert list(_row(report, "granted").values()) == [6, 0, 0, 0, 0, 1, 7]


def _numbers(report, prefix: str = "") -> dict:
    return {c: v for c, v in report.values().items() if c.startswith(prefix) and v is not None}


def test_text_nodes_a_line_with_a_number_cut_over_nodes_place_no_row_by_count() -> None:
    # A crawler's text nodes a line each (lxml `itertext()`) of shanghai 2019's page as
    # Word saves it (a run a digit: `1` / `3` for 13) and with a `<br>` inside numbers
    # (`4` / `57` for 457), zeros printed blank (revalued(2, …, seed "3")): no blank
    # cell prints a node. 二's `行政处罚 8 1 3` fits its three cells (want 8, blank, 13)
    # and `行政许可 6 4 57` (want 6, blank, 457) too. Other rows print more nodes than
    # cells (`行政强制 1 0 1 0`): numbers are cut, so no row of 二 read a cell a line is
    # sure (a table's own overflow: 三's 小计 column says nothing of 二).
    # Before: 5 and 11 numbers published, 2 and 4 of them wrong, 2 and 4 invented.
    # Since h-itertext2 Word's runs are joined where its indentation parts the cells
    # (read/text_nodes.py): `行政处罚 8 13`, whole numbers short of a blank, and 二 has
    # no identity to place them: null for the dropped blank, not for cut digits.
    word = parse_file(DUMPS / "011.lxml-itertext-word-html-revalued-m2-zb.txt")
    assert _numbers(word) == {}
    assert not any(f.code == "ambiguous_digits" for f in word.flags)
    assert {re.search(r"'([^']*)'", f.message).group(1) for f in word.flags
            if f.code == "ambiguous_columns"} == {"6 457", "8 241", "8 13", "10 10", "17", "2"}
    br = parse_file(DUMPS / "011.lxml-itertext-number-br-revalued-m2-zb.txt")
    assert _numbers(br) == {}
    assert sum(f.code == "ambiguous_digits" for f in br.flags) == 4


def test_text_nodes_a_line_under_a_header_with_a_column_the_statute_lacks_place_no_t2_row(
) -> None:
    # The same text of pages whose 二 prints a 同比 column after its last (a merged cell
    # split into empty ones, unmerged-trailing-numbers): `第二十条第（一）项 同比 信息内容`.
    # `行政许可 6 457 3` (want 6, blank, 457; 3 is 同比's) fits the count, and 二 has no
    # identity to tell. Before: 14 numbers of 二 (shanghai) and 1 (pingtan 2022's
    # 收费金额 6, the 同比 of a blank) published, 4 wrong and 6 invented.
    shanghai = parse_file(DUMPS / "011.lxml-itertext-unmerged-trailing-numbers-revalued-m2-zb.txt")
    assert _numbers(shanghai) == {}
    assert sum("its headings print a column the statute lacks" in f.message
               for f in shanghai.flags) == 6
    pingtan = parse_file(DUMPS / "004.lxml-itertext-unmerged-trailing-numbers-revalued-m2-zb.txt")
    assert _numbers(pingtan) == {}


def test_an_items_number_alone_is_no_value_of_the_row_before() -> None:
    # The same text where each row's item number is a cell of its own before its label
    # (item-apart: `6.` / `属于四类过程性信息`), a busy agency's numbers with zeros blank
    # (revalued(2000, …, seed "2")). `5.属于三类内部事务信息 68 4 1 2 2 77` lacks a blank;
    # the next item's `6.` filled it as an unreadable 总计, shifting 77 under 其他 (want 2).
    # Now the row is short of a cell: only its 总计, where every reading the identities
    # allow puts it.
    report = parse_file(DUMPS / "011.lxml-itertext-item-apart-revalued-m2000-zb.txt")
    assert _numbers(report, "t3.denied_internal_affairs.") == {
        "t3.denied_internal_affairs.total": 77}
    assert list(_row(report, "granted").values()) == [1279, 142, 6, 6, 71, 70, 1574]
    assert not any(f.code == "unreadable_value" for f in report.flags)
    # 77 before h-hunt4: 二's 规章 and 规范性文件 rows, a value a line beside rows short
    # of their columns, are no longer proven by their count (a `<br>` inside a number
    # prints a line as a cell does): 6 cells null
    assert len(_numbers(report)) == 71


def test_text_nodes_a_line_overflowing_in_one_table_leave_the_others_rows() -> None:
    # The same text of a page whose 三 prints a 小计 column (t3-subtotal-column,
    # revalued(2000, …, seed "2")): 三's rows print a number more than their cells, a
    # column 二 does not have, so 二's rows read a cell a line that stand are right.
    report = parse_file(DUMPS / "005.lxml-itertext-t3-subtotal-column-revalued-m2000-zb.txt")
    assert _numbers(report, "t2.administrative_coercion.") == {
        "t2.administrative_coercion.prev_year_items": 6941,
        "t2.administrative_coercion.change": -186,
        "t2.administrative_coercion.decisions": 31314}
    # 11 and 26 before h-hunt4: 规章's and 规范性文件's rows, a value a line beside rows
    # short of their columns, are no longer proven by their count (6 cells null)
    assert len(_numbers(report, "t2.")) == 5
    assert len(_numbers(report)) == 20


@pytest.mark.parametrize(("stem", "withdrawn"), [
    # 2019 format: 二's `政府集中采购 8 468` (8468, blank), 三's `1 1 2 1 1 1 5` (11, 2,
    # 1, blank, blank, blank, 15) and 四's three rows read as printed
    ("011", ["centralized_procurement", "denied_state_secret",
                 "unable_unclear_after_correction", "not_processed_complaint", "admin_review",
                 "litigation_direct", "litigation_after_review"]),
    # 2021 format: six rows of 三 (`1 5 1 1 5 2 2` for 15, 1, -, -, 1, 5, 22)
    ("001", ["denied_state_secret", "denied_law_prohibited", "denied_third_party_rights",
                 "denied_enforcement_case_file", "unable_unclear_after_correction",
                 "not_processed_publication"]),
])
def test_a_page_that_breaks_numbers_proves_no_row_read_from_its_pieces(
        stem: str, withdrawn: list[str]) -> None:
    # A crawler's `get_text(" ")` (lxml) of a page with a `<br>` inside every number of
    # two digits and more (variants.py number-br, revalued(2000, …, zeros blank, seed
    # "2")): "4 57" for 457, blanks dropped. Rows of more pieces than cells show it
    # (`行政许可 3 50 7 82580`); a row of as many pieces as cells is no proof of its
    # cells, and its failing 总计 no agency's error. Before: 37 and 42 cells published,
    # 33 and 36 of them wrong or invented; now every row is null, the rows read by
    # their count flagged.
    report = parse_file(DUMPS / f"{stem}.lxml-gettext-space-number-br-revalued-m2000-zb.txt")
    assert sum(v is not None for v in report.values().values()) == 0
    flagged = [f.message.split()[1] for f in report.flags if f.code == "value_count_mismatch"
               and "pieces of numbers the page broke" in f.message]
    assert flagged == withdrawn


@pytest.mark.parametrize("tool", ["lxml-gettext-space", "lxml-itertext"])
def test_a_flat_text_dropping_blanks_proves_no_row_of_t2_by_its_count(tool: str) -> None:
    # lxml's `get_text(" ")` of the seed's page with a `<br>` inside numbers (variants.py
    # number-br, revalued(0.5, …, zeros blank, seed "5")): the whole page is one line, a
    # space between cells and between a number's pieces alike, blanks dropped
    # (`其他对外管理服务事项 8 6` prints two numbers of three). `行政许可 2 4 13` (2, blank,
    # 413), `行政处罚 2 2 6` (22, blank, 6) and `行政强制 6 5 3` (6, blank, 53) fill 二's
    # three cells by count; 三 prints nothing, so no row overflows to show the breaks.
    # lxml's `itertext()` prints the same a text node a line (`行政许可` / `2` / `4` /
    # `13`): a piece of a number is a line as a cell is. Before: 13, 2 and 3 published
    # for 413, 22 and 53, and 4, 2, 5 for blanks, under either.
    report = parse_file(DUMPS / f"seed.{tool}-number-br-m05-s5-zb.txt")
    assert _numbers(report) == {}
    assert [f.message.split()[1] for f in report.flags if f.code == "value_count_mismatch"
            and "pieces of a line holding other rows too" in f.message] == [
        "administrative_licensing", "administrative_penalty", "administrative_coercion"]


def test_a_label_with_a_number_beside_it_is_no_misprint_of_the_label() -> None:
    # pdftotext -layout of Chromium's print of a page with a `<br>` inside numbers
    # (variants.py number-br, revalued(0.5, …, zeros blank, seed "1")): 二's one-column
    # rows print `行政许可     1` / `18` (118), `行政处罚     9` / `0` (90). The page is
    # read a line a cell; `行政许可     1` was matched as a misprint of 行政许可 (0.80)
    # and the next line read as its value: 18, 0 and 4 published for 118, 90 and 24.
    # A number printed apart from a label's words is no typo: the row stays unread.
    report = parse_file(DUMPS / "001.pdftotext-layout-number-br-revalued-m0.5-zb.txt")
    assert _numbers(report) == {}
    assert [f.message.split("'")[1] for f in report.flags
            if f.code == "row_label_unmatched"
            and "a number printed apart from its words" in f.message] == [
        "行政许可     1", "行政处罚     9", "行政强制     2"]
    assert not any(f.code == "row_label_misprinted" for f in report.flags)


def test_a_label_going_on_in_the_next_row_with_values_is_no_misprint_of_the_label() -> None:
    # pdftotext -layout of Chromium's print of a page whose tables are split in several
    # (variants.py split-tables, revalued(2000, …, zeros blank, seed "1")): at a page
    # break 三's row prints `要求行政机关确认或重新出具已获 1 1` / `5.` / `取信息   2`
    # (want 1, 1, blank …, 总计 2). The first line was matched as a misprint of the row
    # (0.83) and its `1 1` placed as a count and its 总计, which add up: 总计 1
    # published for 2. The rest of the label printed with a value after it shows the row
    # goes on: it stays unread (its natural-person 1, right, is lost with it).
    report = parse_file(DUMPS / "huaian-2024.pdftotext-layout-split-tables-revalued-m2000-zb.txt")
    assert _numbers(report, "t3.not_processed_confirm_reissue.") == {}
    assert [f.message for f in report.flags if "goes on in the next printed row" in f.message] \
        == ["table 三: '要求行政机关确认或重新出具已获': its label goes on in the next printed "
            "row, which holds values too; its values are not read"]
    assert len(_numbers(report)) == 66
    assert _numbers(report, "t3.not_processed") == {
        "t3.not_processed_complaint.total": 15, "t3.not_processed_repeat.total": 23,
        "t3.not_processed_publication.total": 4}


# Chromium's innerText of pages with `<br>` inside numbers where the piece after the break
# opens a line and the row goes on: 011's page (shanghai: blank cells after the break,
# `4\t\t\t\t\t\t`, and a unit, `6\t2` / `5.1万元`), pingtan-2020's (a sign cut from its
# number, `648\t-` / `18\t5`). Before: 37 and 33 cells null.
@pytest.mark.parametrize(("name", "stem", "flags"), [
    ("shanghai-office-2019.chromium-innertext-number-br.txt", "shanghai-office-2019",
     ["row_missing"] * 8),  # its rows printing nothing
    ("pingtan-2020.chromium-innertext-number-br.txt", "pingtan-2020-run-together",
     ["agency_unresolved"]),
])
def test_innertext_rows_cut_by_a_break_inside_a_number_read_as_truth(
        name: str, stem: str, flags: list[str], truth: Callable[[str], dict]) -> None:
    report = parse_file(DUMPS / name)
    assert report.rendering == "text_cells"
    assert report.values() == truth(stem)["cells"]
    assert [f.code for f in report.flags] == flags


def test_innertext_of_cells_holding_divs_reads_as_truth(truth: Callable[[str], dict]) -> None:
    # 011's page (shanghai's) whose cells hold divs, copied from Chromium: a cell's block
    # set off by line breaks, its blanks as tab lines of their own. Before: read a cell a
    # line, the blanks lost, 三's rows with blanks null (37 cells); now as tab rows
    # (read/text_paragraphs.as_block_tab_rows), the rows printing nothing null.
    report = parse_file(DUMPS / "shanghai-office-2019.chromium-innertext-cell-div.txt")
    assert report.values() == truth("shanghai-office-2019")["cells"]
    assert [f.code for f in report.flags] == ["row_missing"] * 8
