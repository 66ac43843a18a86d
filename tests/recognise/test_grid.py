"""Placing tokens into the grid: table 四 by its own header, unmatched rows lend nothing.

On the 邵关 2019 report (its real text, and one cell per line made by printed.py) and the
平潭 2022 crawler text.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from printed import cells_per_line

from pipelines.document import Document, TextCell
from pipelines.parse import parse_bytes
from pipelines.recognise.report import recognise
from pipelines.report import ParsedReport
from schemas.template import load_template

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED = "seed-shaoguan-zhenjiang-2019"
T4_CAPTION = "四、政府信息公开行政复议、行政诉讼情况"
MISPRINTED = "2.此行标签印错"  # a row label no statutory label can be read into


def truth(stem: str) -> dict:
    return json.loads((FIXTURES / "truth" / f"{stem}.json").read_text(encoding="utf-8"))


def read_dump_without_a_wrong_cell(dump: str, stem: str) -> ParsedReport:
    """The dump fixture parsed, once checked that every number it publishes is the
    labelled report's."""
    path = FIXTURES / "dumps" / dump
    report = parse_bytes(path.name, path.read_bytes())
    want = truth(stem)["cells"]
    published = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert {cid: v for cid, v in published.items() if v != want[cid]} == {}
    return report


def seed_lines() -> str:
    """The real 邵关 2019 page text as one cell per line: tabs and empty lines removed."""
    text = (FIXTURES / "reports" / f"{SEED}.txt").read_text(encoding="utf-8")
    return "\n".join(ln.strip() for ln in text.splitlines() if ln.strip()) + "\n"


def flags(report: ParsedReport, code: str) -> list[str]:
    return [f.message for f in report.flags if f.code == code]


@pytest.mark.parametrize("text", [seed_lines(), cells_per_line(truth(SEED))],
                         ids=["real-text", "rendering"])
def test_table_4_is_never_filled_from_table_3(text: str) -> None:
    """Cut before table 四, the only 四 label left is table 三's 总计 column header, and
    the values after it are table 三's first row: they must not become table 四."""
    assert text.count(T4_CAPTION) == 1
    report = parse_bytes("cut.txt", text[:text.index(T4_CAPTION)].encode())
    t4 = {cid: c for cid, c in report.cells.items() if cid.startswith("t4.")}
    assert len(t4) == 15
    assert {(c.value, c.state) for c in t4.values()} == {(None, "missing")}
    assert report.tables_found == ["t2", "t3"]
    assert flags(report, "table_missing") == ["table 四 was not found"]
    assert flags(report, "value_count_mismatch") == []
    assert not [f for f in report.flags if f.cell_id and f.cell_id.startswith("t4.")]
    expected = truth(SEED)["cells"]
    t3 = {cid: v for cid, v in expected.items() if cid.startswith("t3.")}
    assert {cid: report.values()[cid] for cid in t3} == t3


def test_table_4_after_its_own_header_is_read() -> None:
    report = parse_bytes("seed.txt", seed_lines().encode())
    expected = truth(SEED)["cells"]
    assert {c: v for c, v in report.values().items() if c.startswith("t4.")} == {
        c: v for c, v in expected.items() if c.startswith("t4.")}


def test_a_row_matching_no_label_lends_its_values_to_no_neighbour() -> None:
    text = seed_lines()
    assert text.count("2.其他法律行政法规禁止公开") == 1
    report = parse_bytes("seed.txt", text.replace("2.其他法律行政法规禁止公开", MISPRINTED)
                         .encode())
    expected = truth(SEED)["cells"]
    for row in ("denied_state_secret", "denied_security_stability"):
        cells = {c: v for c, v in expected.items() if c.startswith(f"t3.{row}.")}
        assert {c: report.values()[c] for c in cells} == cells
    assert "row t3.denied_law_prohibited was not found" in flags(report, "row_missing")
    assert flags(report, "unmatched_row") == [
        f"printed row {MISPRINTED!r} in table t3 matches no statutory row; its values were "
        "not used"]


def test_run_together_digits_glued_to_an_unmatched_row_are_not_taken() -> None:
    """平潭 2022 crawler text: 1.属于国家秘密0000000 then the item number "2." of the
    misprinted row: the run reads 00000002, whose end the text does not tell."""
    text = (FIXTURES / "reports" / "pingtan-2022-run-together.txt").read_text(encoding="utf-8")
    assert text.count("2.其他法律行政法规禁止公开") == 1
    report = parse_bytes("pingtan.txt", text.replace("2.其他法律行政法规禁止公开", MISPRINTED)
                         .encode())
    secret = [c for c in report.cells if c.startswith("t3.denied_state_secret.")]
    assert {(report.cells[c].value, report.cells[c].state) for c in secret} == {
        (None, "ambiguous")}
    assert flags(report, "unmatched_row") == [
        "row denied_state_secret's digits run into a printed row that matches no statutory "
        "row ('.此行标签印错 0000000'): '00000002'"]
    expected = truth("pingtan-2022-run-together")["cells"]
    values = report.values()
    assert all(values[c] in (None, want) for c, want in expected.items())


@pytest.mark.corpus
def test_table_4_found_by_its_caption_when_its_labels_are_broken(corpus: Path) -> None:
    """014: the PDF text breaks 结果维持 into 结果/维持 lines; the caption
    四、政府信息公开行政复议、行政诉讼情况 is table 四's own header, 总计 only follows it."""
    report = parse_bytes("014.md", (corpus / "reports" / "014.md").read_bytes())
    t4 = [report.cells[f"t4.{r}.{c}"].value
          for r in ("admin_review", "litigation_direct", "litigation_after_review")
          for c in ("upheld", "corrected", "other_result", "pending", "total")]
    assert t4 == [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]


@pytest.mark.corpus
def test_one_column_rows_of_2_printed_as_text_lines_are_read(corpus: Path) -> None:
    """013.md and 014.md (PDFs through a PDF-to-Markdown converter) print 二's rows of one
    column outside the converter's tables, a line each, under the block's header line
    (`信息内容本年处理决定数量` / `行政许可 97`); each line is its row's one value."""
    rows = ("administrative_licensing.decisions", "administrative_penalty.decisions",
            "administrative_coercion.decisions", "administrative_fees.fee_amount")
    for name, want in (("013.md", [97, 0, 0, 0]), ("014.md", [0, 0, 0, 0])):
        report = parse_bytes(name, (corpus / "reports" / name).read_bytes())
        assert [report.values()[f"t2.{r}"] for r in rows] == want
    report = parse_bytes("014.md", (corpus / "reports" / "014.md").read_bytes())
    assert sum(v is not None for v in report.values().values()) == 166


@pytest.mark.corpus
def test_a_row_of_three_columns_printed_with_one_number_is_not_placed(corpus: Path) -> None:
    # the seed (2019 format, where 行政许可 has three columns) with that row printed as
    # one line of its label and its last number: which column the number is, nothing says
    seed = (corpus / "reports" / "seed-shaoguan-zhenjiang-2019.txt").read_text(encoding="utf-8")
    printed = seed.replace("\t行政许可\n\t406\n\t0\n\t46999\n", "\t行政许可 46999\n")
    assert printed != seed
    report = parse_bytes("seed.txt", printed.encode())
    licensing = {cid: v for cid, v in report.values().items()
                 if cid.startswith("t2.administrative_licensing.")}
    assert licensing == dict.fromkeys(licensing, None) and len(licensing) == 3
    assert len(flags(report, "ambiguous_columns")) == 3


def _cut_print(truth: dict, printed: int) -> Document:
    """Table 三 as a browser prints it when the page edge cuts the table: each row its
    label and its first `printed` columns, the last of them cut (`TextCell.cut`)."""
    t3 = load_template().version(truth["format_version"]).tables["t3"]
    cells = [TextCell(f"{truth['agency']}{truth['report_year']}年政府信息公开工作年度报告",
                      "page 1 line 1", 1),
             TextCell("三、收到和处理政府信息公开申请情况", "page 1 line 2", 2)]
    row = 2
    for r in t3.data_rows:
        row += 1
        ref = f"page 1 table 1 row {row} cell"
        cells.append(TextCell(r.label, f"{ref} 1", row))
        for n, col in enumerate(t3.columns[:printed], start=2):
            value = truth["cells"][f"t3.{r.id}.{col.id}"]
            cells.append(TextCell("" if value is None else str(value), f"{ref} {n}", row,
                                  cut=n == printed + 1))
    return Document("print.pdf", "0" * 64, 1, "pdf", "\n".join(c.text for c in cells), cells)


def test_a_row_cut_short_at_the_page_edge_keeps_its_printed_columns() -> None:
    """The page edge cut table 三 after its 4th column: the first 3 are read, the cut one
    and those wholly past the edge are null and flagged, never shifted or guessed."""
    seed = truth("seed-shaoguan-zhenjiang-2019")
    report = recognise(_cut_print(seed, 4))
    t3 = load_template().version(seed["format_version"]).tables["t3"]
    shown = {c.id for c in t3.columns[:3]}
    for r in t3.data_rows:
        for c in t3.columns:
            cid = f"t3.{r.id}.{c.id}"
            want = seed["cells"][cid] if c.id in shown else None
            assert report.cells[cid].value == want, cid
    flagged = {f.cell_id for f in report.flags if f.code == "cut_at_page_edge"}
    assert flagged == {f"t3.{r.id}.{c.id}" for r in t3.data_rows for c in t3.columns
                       if c.id not in shown and (c != t3.columns[3]
                                                 or seed["cells"][f"t3.{r.id}.{c.id}"]
                                                 is not None)}


def test_table_4_with_digits_wrapped_onto_a_line_of_their_own_is_not_published() -> None:
    # pdfplumber's extract_text() of LibreOffice's PDF of the 淮安 2024 DOCX: 178 and 351
    # wrap in their narrow cells, "17 … 35 …" over "8 1". Before: 17 and 35 published.
    report = read_dump_without_a_wrong_cell("huaian-2024.pdfplumber-soffice-docx.txt",
                                            "huaian-2024")
    t4 = {cid: (c.value, c.state) for cid, c in report.cells.items() if cid.startswith("t4.")}
    assert set(t4.values()) == {(None, "ambiguous")} and len(t4) == 15
    assert any(f.code == "ambiguous_digits" and "wrapped onto that line" in f.message
               for f in report.flags)


def test_table_4_read_over_a_line_of_wrapped_digits_its_blanks_make_room_for_is_not_published(
        ) -> None:
    # pdftotext -layout of 上海办公厅's fullwidth page, numbers drawn at mean 20,000
    # (seed 20): 四's row prints `２０ ３３ ５６ ３７ ３２ ４３ ９ ９ ７ ６ １ … １` over
    # `０ ６ ８` (200, 326 and 68 wrapped in their narrow cells). Its three blank cells
    # leave room for the three tail digits: read in word order, 15 values for 15 cells,
    # 20 and 32 for 200 and 326, and 1, 0, 6, 8 invented in 复议后起诉's blanks and total
    path = FIXTURES / "dumps" / "011.pdftotext-layout-fullwidth-revalued-m20000-s20.txt"
    report = parse_bytes(path.name, path.read_bytes())
    t4 = {cid: (c.value, c.state) for cid, c in report.cells.items() if cid.startswith("t4.")}
    assert set(t4.values()) == {(None, "ambiguous")} and len(t4) == 15
    assert any(f.code == "ambiguous_digits" and "fails in any order" in f.message
               for f in report.flags)
    values = report.values()
    assert [values[f"t2.administrative_licensing.{c}"]
            for c in ("prev_year_items", "change", "decisions")] == [70789, 2772, 2325801]


def test_values_printed_one_glyph_a_line_that_overflow_their_row_are_not_published() -> None:
    # pypdfium2's get_text_range() of Chromium's print of Word's page of the 平潭 2020
    # report (corpus 006; a span per digit): a glyph run a line, "20 … 21" as
    # 2/0/0/0/0/0/1/2/1. Before: the first 7 digits published (2, 0, …, 1 for 20 … 21).
    path = FIXTURES / "dumps" / "pingtan-2020.pdfium-chromium-word.txt"
    report = parse_bytes(path.name, path.read_bytes())
    row = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t3.new_received.")}
    assert row == dict.fromkeys(row) and len(row) == 7
    assert any(f.code == "value_count_mismatch" and "row new_received has 9 values" in f.message
               for f in report.flags)


@pytest.mark.parametrize("name", ["shanghai-office-2019.pdfium-chromium-word-scale150.txt"])
def test_a_row_read_a_value_a_line_whose_identities_fail_is_not_published(name: str) -> None:
    # pypdfium2's text of Chromium's print (scale 1.5) of Word's page of the Shanghai 2019
    # report: the 予以公开 row printed a glyph a line, "2/5/8/1/2/1/1" for 258, 12, -, -,
    # 1, 1, - (blanks dropped): 7 lines for 7 cells, but 2+5+8+1+2+1 is not 1. Before:
    # 258, 12 and 1 published as 2, 5, 2, three blanks invented.
    report = read_dump_without_a_wrong_cell(name, "shanghai-office-2019")
    granted = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t3.granted.")}
    assert granted == dict.fromkeys(granted)
    assert any(f.code == "ambiguous_digits" and "row granted was read a value a line" in f.message
               for f in report.flags)


def test_no_row_is_placed_by_identities_where_rows_print_numbers_past_their_columns() -> None:
    # lynx (blanks dropped) of a page with an unknown trailing column of numbers: table
    # 二's rows print 4 numbers for 3 columns; 三's `8.属于行政查询事项 10 2 12` (12 the
    # extra column's) had 12 placed as its blank 总计 (10 + 2 = 12).
    report = read_dump_without_a_wrong_cell(
        "shanghai-office-2019.lynx-unmerged-trailing-numbers.txt", "shanghai-office-2019")
    assert report.cells["t3.denied_admin_inquiry.total"].value is None
    assert not [f for f in report.flags if f.code == "columns_by_identities"]


def test_a_merged_value_copied_into_each_column_it_spanned_is_read_once() -> None:
    # w3m of a page whose merged cells were split with their text copied into each piece:
    # table 二's one-column rows print `447228 447228 447228` under a header printing
    # 本年处理决定数量 three times. Proving a reading of that row once zipped 3 numbers with
    # 1 cell and failed the whole file as a parser error; the header's copies now prove
    # the row's copies one merged value (merged_copies.py).
    report = read_dump_without_a_wrong_cell("huaian-2024.w3m-unmerged-fill.txt", "huaian-2024")
    assert report.status == "complete"
    assert not flags(report, "parser_error")
    assert not flags(report, "value_count_mismatch")
    assert len(flags(report, "merged_copies")) == 1
    assert report.cells["t2.administrative_licensing.decisions"].value == 447228
    assert report.cells["t2.administrative_fees.fee_amount"].value == 96171.6
    assert sum(c.value is not None for c in report.cells.values()) == 200


def _unmerged_fill_dump(old: str, new: str) -> ParsedReport:
    """The w3m dump of the copied merged cells with one of its lines changed."""
    text = (FIXTURES / "dumps" / "huaian-2024.w3m-unmerged-fill.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return parse_bytes("unmerged-fill.txt", text.replace(old, new).encode())


def test_copies_that_differ_are_two_columns_values_not_one_merged_cell() -> None:
    # 行政许可 printing 447228 / 447228 / 447229: not one cell's copies, the row stays null
    row = "│行政许可         │447228             │447228             │"
    report = _unmerged_fill_dump(row + "447228 ", row + "447229 ")
    assert report.cells["t2.administrative_licensing.decisions"].value is None
    assert report.cells["t2.administrative_penalty.decisions"].value == 3985758


def test_copies_under_a_header_printing_the_label_once_are_not_read() -> None:
    # the header's copies are the only evidence: one 本年处理决定数量 and two other words
    # over 行政许可's three copies prove nothing (二 has no identity)
    report = _unmerged_fill_dump(
        "│信息内容         │本年处             │本年处             │本年处             │\n"
        "│                 │理决定数量         │理决定数量         │理决定数量         │\n"
        "├─────────────────┼───────────────────┼───────────────────┼───────────────────┤\n"
        "│行政许可",
        "│信息内容         │本年处             │                   │                   │\n"
        "│                 │理决定数量         │                   │                   │\n"
        "├─────────────────┼───────────────────┼───────────────────┼───────────────────┤\n"
        "│行政许可")
    assert report.cells["t2.administrative_licensing.decisions"].value is None
    assert report.cells["t2.administrative_penalty.decisions"].value == 3985758


T4_BANDS = "huaian-2024.w3m-t4-bands.txt"  # 四 as two tables: 行政复议, then 行政诉讼


def t4_cells(report: ParsedReport) -> dict[str, float | None]:
    return {cid: c.value for cid, c in report.cells.items() if cid.startswith("t4.")}


def test_table_4_printed_in_bands_is_read_band_by_band() -> None:
    report = read_dump_without_a_wrong_cell(T4_BANDS, "huaian-2024")
    want = {cid: v for cid, v in truth("huaian-2024")["cells"].items() if cid.startswith("t4.")}
    assert t4_cells(report) == want


def test_bands_out_of_the_templates_order_leave_table_4_null() -> None:
    # 行政诉讼's band printed above 行政复议's: read in print order, the ten lawsuit
    # counts would become 行政复议's five and 未经复议直接起诉's
    lines = (FIXTURES / "dumps" / T4_BANDS).read_text(encoding="utf-8").split("\n")
    review, suits = lines[116:123], lines[123:132]
    assert review[1].startswith("│行政复议") and suits[1].startswith("│行政诉讼")
    text = "\n".join(lines[:116] + suits + review + lines[132:])
    report = parse_bytes(T4_BANDS, text.encode("utf-8"))
    assert set(t4_cells(report).values()) == {None}


def test_a_band_whose_groups_are_not_all_named_leaves_table_4_null() -> None:
    text = (FIXTURES / "dumps" / T4_BANDS).read_text(encoding="utf-8")
    assert text.count("│复议后起诉 ") == 1
    text = text.replace("│复议后起诉 ", "│" + " " * 11)  # the same width, unnamed
    report = parse_bytes(T4_BANDS, text.encode("utf-8"))
    assert set(t4_cells(report).values()) == {None}
    assert report.cells["t3.new_received.total"].value == 3119  # the rest is read


# w3m's dump of table 四 printed a group a row (tests/renderings/variants.t4_group_rows)
T4_GROUP_ROWS = """\
┌─────────────────────────┬────────┬────────┬────────┬────────┬────┐
│                         │结果维持│结果纠正│其他结果│尚未审结│总计│
├─────────────────────────┼────────┼────────┼────────┼────────┼────┤
│行政复议                 │72      │64      │178     │37      │351 │
├────────┬────────────────┼────────┼────────┼────────┼────────┼────┤
│        │未经复议直接起诉│13      │4       │8       │1       │26  │
│行政诉讼├────────────────┼────────┼────────┼────────┼────────┼────┤
│        │复议后起诉      │12      │1       │1       │6       │20  │
└────────┴────────────────┴────────┴────────┴────────┴────────┴────┘"""


def test_table_4_printed_a_group_a_row_is_read_by_its_groups_labels() -> None:
    lines = (FIXTURES / "dumps" / T4_BANDS).read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[:116] + T4_GROUP_ROWS.split("\n") + lines[132:])
    report = parse_bytes(T4_BANDS, text.encode("utf-8"))
    want = {cid: v for cid, v in truth("huaian-2024")["cells"].items() if cid.startswith("t4.")}
    assert t4_cells(report) == want
    swapped = text.replace("未经复议直接起诉", "@").replace("复议后起诉      ", "未经复议直接起诉")
    report = parse_bytes(T4_BANDS, swapped.replace("@", "复议后起诉      ").encode("utf-8"))
    assert set(t4_cells(report).values()) == {None}  # the lawsuit groups out of order


def test_a_number_cut_by_a_line_break_in_a_pipe_table_leaves_its_row_null(
        tmp_path: Path) -> None:
    # Python's html2text (a crawler's HTML to Markdown) of a page with `<br>` inside
    # numbers: it ends the cell's first line as it ends a row (two spaces), so
    # `规章| 1| 0| 1␣␣` / `1␣␣` printed 11 as 1 on the row's line. Before, 1 (for 11) and
    # 4, 3, 8, 9 (for 447228, 3985758, 88283, 96171.6) were published. The reader joins
    # html2text's pieces (read/text_pipe_breaks.py), told by its rules' hard breaks
    # (`---|---␣␣`); without them the pieces reach the grid apart, whose guard holds.
    text = (FIXTURES / "dumps" / "huaian-2024.html2text-number-br.txt").read_text(
        encoding="utf-8")
    dump = tmp_path / "huaian-2024.html2text-number-br-plain-rules.txt"
    dump.write_text(text.replace("---  \n", "---\n"), encoding="utf-8")
    report = read_dump_without_a_wrong_cell(str(dump), "huaian-2024")
    assert report.cells["t2.regulations.in_force"].value is None
    assert report.cells["t2.administrative_licensing.decisions"].value is None
    assert any(f.code == "ambiguous_digits" and "row regulations's values are followed by "
               "a printed row of numbers alone" in f.message for f in report.flags)


def test_full_width_digits_a_column_wraps_are_joined_by_their_column_where_proven() -> None:
    # `pdftotext -layout` of Chromium's prints: full-width digits a narrow column wraps
    # (`８２` over `１` for 821, `８５` over `９` for 859), two blanks printed as nothing:
    # before, 82, 1, … published and two blanks invented; then the row null. Its pieces
    # joined by their columns (five cells for seven columns), only 859 is proven (三's
    # columns add up: 一's and 二's 总计 are the results' and 结转's); the row's own sum
    # cannot be evaluated, its other cells null.
    report = read_dump_without_a_wrong_cell(
        "shanghai-office-2019.pdftotext-layout-fullwidth.txt", "shanghai-office-2019")
    cells = {cid: c.value for cid, c in report.cells.items()
             if cid.startswith("t3.new_received.")}
    assert cells == {**dict.fromkeys(cells), "t3.new_received.total": 859}


@pytest.mark.parametrize(("dump", "stem", "row"), [
    # `<br>` inside numbers (`1<br>288`), the lines of values alone below the row filling
    # its count: before, 1, 2, 0, 0, 5, 3, 1 published for 1288, 21, 0, 0, 50, 3, 1362.
    ("huaian-2024.pdftotext-layout-number-br.txt", "huaian-2024", "granted")])
def test_a_row_whose_cells_print_over_several_lines_of_laid_out_text_is_null(
        dump: str, stem: str, row: str) -> None:
    report = read_dump_without_a_wrong_cell(dump, stem)
    cells = {cid: c.value for cid, c in report.cells.items() if cid.startswith(f"t3.{row}.")}
    assert cells == dict.fromkeys(cells) and len(cells) == 7
    assert any(f.code == "ambiguous_digits" and f"a cell of row {row} prints over several "
               "lines" in f.message for f in report.flags)


def test_a_row_joined_from_lines_by_its_count_whose_identities_fail_is_null() -> None:
    # `pdftotext -raw` of Chromium's print of a page with full-width digits: 821 and 859
    # wrap in their narrow cells, `８２` / `１ ３５ ２ １ ８５` / `９`; joined by their
    # count the lines made 82, 1, 35, 2, 1, 85, 9 (before: 5 wrong, 2 blanks invented),
    # whose sum fails: null, flagged.
    report = read_dump_without_a_wrong_cell("shanghai-office-2019.pdftotext-raw-fullwidth.txt",
                                            "shanghai-office-2019")
    row = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t3.new_received.")}
    assert row == dict.fromkeys(row) and len(row) == 7
    assert any(f.code == "ambiguous_digits" and "row new_received's values were joined from "
               "several printed lines" in f.message for f in report.flags)


def test_an_amount_cut_before_its_point_onto_a_line_of_its_own_is_null() -> None:
    # `pdftotext -raw` of Chromium's print of 001 with `<br>` inside numbers, its numbers
    # drawn anew (mean 0.5, seed 10): the fee 8.62 prints `行政事业性收费 8` / `.62`, the
    # fraction a line of text, no value. Before: 8 published for 8.62.
    path = FIXTURES / "dumps" / "001.pdftotext-raw-number-br-m0.5-s10.txt"
    report = parse_bytes(path.name, path.read_bytes())
    t2 = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t2.")}
    assert t2 == {
        "t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 4,
        "t2.normative_documents.issued": 0, "t2.normative_documents.repealed": 0,
        "t2.normative_documents.in_force": 7, "t2.administrative_licensing.decisions": None,
        "t2.administrative_penalty.decisions": None,
        "t2.administrative_coercion.decisions": None, "t2.administrative_fees.fee_amount": None}
    assert any(f.code == "ambiguous_digits" and "row administrative_fees's values are "
               "followed by a printed row of numbers alone" in f.message for f in report.flags)


def test_an_amount_cut_before_its_point_its_fraction_beside_its_unit_is_null() -> None:
    # `pdftotext -layout` of Chromium's print of Shanghai 2019 with `<br>` inside numbers,
    # drawn anew (mean 0.5, seed 15): the amount 0.92 prints `政府集中采购 9` / `0` /
    # `.92  万元`, the fraction a word of text beside the cell's unit, no value. Before: 0
    # published for 0.92.
    path = FIXTURES / "dumps" / "shanghai-office-2019.pdftotext-layout-number-br-m0.5-s15.txt"
    report = parse_bytes(path.name, path.read_bytes())
    t2 = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t2.")}
    assert t2 == {
        "t2.regulations.newly_made": 0, "t2.regulations.newly_published": 0,
        "t2.regulations.total_published": 0, "t2.normative_documents.newly_made": 0,
        "t2.normative_documents.newly_published": 0,
        "t2.normative_documents.total_published": 0,
        "t2.administrative_licensing.prev_year_items": None,
        "t2.administrative_licensing.change": None, "t2.administrative_licensing.decisions": None,
        "t2.other_external_services.prev_year_items": None,
        "t2.other_external_services.change": None, "t2.other_external_services.decisions": None,
        "t2.administrative_penalty.prev_year_items": None,
        "t2.administrative_penalty.change": None, "t2.administrative_penalty.decisions": None,
        "t2.administrative_coercion.prev_year_items": None,
        "t2.administrative_coercion.change": None, "t2.administrative_coercion.decisions": None,
        "t2.administrative_fees.prev_year_items": None, "t2.administrative_fees.change": None,
        "t2.centralized_procurement.procurement_items": None,
        "t2.centralized_procurement.procurement_total_amount": None}
    assert any(f.code == "ambiguous_digits" and "row centralized_procurement's values are "
               "followed by a printed row of numbers alone" in f.message for f in report.flags)


def test_a_row_whose_cells_go_on_beside_a_group_labels_wrapped_end_is_null() -> None:
    # `pdftotext -layout` of Chromium's print of the seed report with full-width digits,
    # drawn anew (mean 5000, seed 14): 119 and 151 wrap in their narrow cells,
    # `（三）不予 5.属于三类内部事务信息 １１ １９ ０ ２ ７ ４ １５` / `公开 ９ １`, the lower
    # digits beside the group label's end (and 127, 142 beside `处理`). Before: 11, 15,
    # 12, 14 published (4 wrong), the row's own sum failing as a printed error's would.
    path = (FIXTURES / "dumps"
            / "seed-shaoguan-zhenjiang-2019.pdftotext-layout-fullwidth-m5000-s14.txt")
    report = parse_bytes(path.name, path.read_bytes())
    for row in ("denied_internal_affairs", "not_processed_complaint"):
        cells = {cid: c.value for cid, c in report.cells.items() if cid.startswith(f"t3.{row}.")}
        assert cells == dict.fromkeys(cells) and len(cells) == 7
        assert any(f.code == "ambiguous_digits" and f"row {row}'s values are followed by a "
                   "printed row of numbers alone" in f.message for f in report.flags)
    assert report.values()["t3.denied_third_party_rights.total"] == 69  # a row whole: kept


def test_a_row_whose_cells_go_on_below_beside_lone_units_is_null() -> None:
    # `pdftotext -layout` of Chromium's print of 001 (淮安 2024), cms-mixed (counts
    # printed `11827件` in narrow cells), drawn anew (mean 5000, seed 15), cut to 三's
    # header and its last rows: (七)总计's cells wrap over three lines, `１１ １３ …` above
    # the row's line and `７件 件 件 件 ７ ４ ６` below it. Before: 82, 52, 74, 2, 0, 2, 57
    # published for 11827, 1352, 74, 92, 607, 624, 14576 (6 wrong).
    path = FIXTURES / "dumps" / "001.pdftotext-layout-cms-mixed-m5000-s15.txt"
    report = parse_bytes(path.name, path.read_bytes())
    cells = {cid: v for cid, v in report.values().items() if cid.startswith("t3.results_total.")}
    assert cells == dict.fromkeys(cells) and len(cells) == 7
    assert any(f.code == "ambiguous_digits" and "row results_total's values are followed by "
               "a printed row of numbers alone" in f.message for f in report.flags)


def test_a_row_whose_cells_go_on_beside_its_own_labels_next_piece_is_null() -> None:
    # `pdftotext -layout` of Chromium's print of 001, numbers cut by `<br>` (number-br),
    # drawn anew (mean 5000, seed 15), cut to table 三: (六)1's label wraps over a page
    # break, `申请人无正当理由逾期不补正、 2 2` / `行政机关不再处理其政府信息公开 1. 10 5 1
    # … 8` / digits stacked below. Before: the row read as one with dropped blanks `2 2`,
    # its 总计 placed 2 (264) by the identities, 1 wrong; that row was also the only sign
    # of broken cells that nulled （一）予以公开's `5 5 3 3 2 2 6` (5216, 589, …), whose
    # 总计 fails its sum.
    path = FIXTURES / "dumps" / "001.pdftotext-layout-number-br-m5000-s15.txt"
    report = parse_bytes(path.name, path.read_bytes())
    values = report.values()
    for row in ("other_no_correction", "granted"):
        cells = {cid: v for cid, v in values.items() if cid.startswith(f"t3.{row}.")}
        assert cells == dict.fromkeys(cells) and len(cells) == 7
    assert any(f.code == "ambiguous_digits" and "row other_no_correction's values are "
               "followed by a printed row" in f.message for f in report.flags)
    assert any(f.code == "value_count_mismatch" and "row granted of t3 prints as many values "
               "as its columns and its 总计 is not their sum" in f.message
               for f in report.flags)


@pytest.mark.corpus
def test_label_less_rows_of_a_markdown_table_are_flagged_not_placed(corpus: Path) -> None:
    # 013.md: a PDF-to-Markdown converter printed the rows whose labels wrap as values
    # alone (`| 1 | 0 | 0 | 0 | 0 | 0 | 1 |`), the labels as lines before the table block
    report = parse_bytes("013.md", (corpus / "reports" / "013.md").read_bytes())
    assert report.values()["t3.unable_not_held.total"] is None  # (三)5's row, not (四)1's
    # 104 cells, and 二's four one-column rows printed as text lines (h-mdconv2)
    assert sum(v is not None for v in report.values().values()) == 108
    assert flags(report, "unmatched_row")[2] == (
        "printed row '1 0 0 0 0 0 1' in table t3 matches no statutory row; its values were "
        "not used")
    assert len(flags(report, "unmatched_row")) == 10


def _shifted_rows(report: ParsedReport) -> set[str]:
    return {f.message.split()[1] for f in report.flags if f.code == "row_may_be_shifted"}


def test_a_pandoc_row_opening_with_a_blank_is_null() -> None:
    # pandoc's plain text of huaian's page with every other row's first value cell
    # spanning two rows (variants.BROKEN's value-rowspan): the row below prints a blank
    # there and its values one column right, its 总计 dropped past the table's edge
    # (`（一）予以公开  [blank] 1288 21 0 0 50 3`: before, 1288 published as 商业企业's).
    # 11 wrong cells before; now those rows are null, flagged.
    report = read_dump_without_a_wrong_cell("huaian-2024.pandoc-plain-broken-value-rowspan.txt",
                                            "huaian-2024")
    assert _shifted_rows(report) == {
        "normative_documents", "granted", "denied_state_secret", "carried_forward"}
    granted = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t3.granted.")}
    assert granted == dict.fromkeys(granted) and len(granted) == 7
    assert report.values()["t3.partially_granted.total"] == 454  # a row in its place


def test_a_pandoc_row_whose_label_a_span_pushed_into_a_value_column_is_read_after_it() -> None:
    # The same dump: a label cell spanning two rows pushes the row below one column
    # right, its own label into 自然人's column (`3.危及…` at 自然人, then `5 0 0 0 0 0`
    # under 商业企业…总计), its 总计 dropped past the table's edge. A label is no value:
    # the six numbers after it are the row's first six columns, in order; the 总计 is
    # null, `missing` (before: every such row null, row_may_be_shifted; 54 cells more).
    report = read_dump_without_a_wrong_cell("huaian-2024.pandoc-plain-broken-value-rowspan.txt",
                                            "huaian-2024")
    assert _row(report, "t3", "denied_security_stability") == [5, 0, 0, 0, 0, 0, None]
    assert _row(report, "t3", "unable_not_held") == [746, 12, 0, 0, 10, 1, None]
    assert _row(report, "t3", "other_no_correction") == [67, 3, 0, 0, 1, 0, None]
    assert report.cells["t3.unable_not_held.total"].state == "missing"
    assert "pushed past the table's edge" in " ".join(flags(report, "value_count_mismatch"))
    assert sum(v is not None for v in report.values().values()) == 167  # 113 before


@pytest.mark.parametrize("writer", ["gfm", "rst", "asciidoc", "org", "mediawiki"])
def test_pandocs_other_writers_print_the_same_clipped_rows(writer: str) -> None:
    # The same page through pandoc's GitHub Markdown (pipe tables), reStructuredText
    # (grid tables: box-drawn cells at display columns), AsciiDoc, Org and wiki writers:
    # pandoc clipped the rows before any writer ran, and each prints every grid column a
    # cell, so the same rows are null, and the same pushed rows read after their labels,
    # as in its plain text (11 wrong cells each before).
    report = read_dump_without_a_wrong_cell(
        f"huaian-2024.pandoc-{writer}-broken-value-rowspan.txt", "huaian-2024")
    plain = read_dump_without_a_wrong_cell("huaian-2024.pandoc-plain-broken-value-rowspan.txt",
                                           "huaian-2024")
    assert _shifted_rows(report) == _shifted_rows(plain)
    assert report.values() == plain.values()
    assert sum(v is not None for v in report.values().values()) == 167


def test_table_4_pushed_right_by_its_headers_rowspans_is_null() -> None:
    # Every rowspan one too long (rowspan-long): 四's header cells span its value row too,
    # pandoc prints 行政复议's five blank and 行政诉讼's two groups with 行政复议's and
    # 未经复议直接起诉's values, every group identity holding (10 wrong before).
    report = read_dump_without_a_wrong_cell("huaian-2024.pandoc-plain-broken-rowspan-long.txt",
                                            "huaian-2024")
    assert {"admin_review", "litigation_direct", "litigation_after_review"} <= (
        _shifted_rows(report))
    assert all(v is None for cid, v in report.values().items() if cid.startswith("t4."))


def _read_revalued_blanks(stem: str) -> ParsedReport:
    """pandoc's plain text of a labelled report's page with other numbers, every 0 count
    printed blank (variants' `revalued-blanks`, its dump kept as a fixture)."""
    path = FIXTURES / "dumps" / f"{stem}.pandoc-plain-revalued-blanks.txt"
    return parse_bytes(f"{stem}.txt", path.read_bytes())


def _row(report: ParsedReport, table: str, row: str) -> list[float | None]:
    return [v for cid, v in report.values().items() if cid.startswith(f"{table}.{row}.")]


def test_a_pandoc_row_opening_with_a_zero_printed_blank_is_proven_by_the_column_sums() -> None:
    # 004 (Pingtan 2022) with every 0 blank: （四）1.'s row prints blanks, then 1 under 其他
    # and 1 under 总计. Read one column left (a covered cell's push) 法律服务机构 would be 1
    # and 三's 总计 row says 0 there: the push is refuted, the row read as printed (before:
    # null, row_may_be_shifted; 2 cells a report, pandoc's plain text and Markdown alike).
    report = _read_revalued_blanks("004")
    assert _row(report, "t3", "unable_not_held") == [None, None, None, None, None, 1, 1]
    assert report.cells["t3.unable_not_held.natural_person"].state == "blank"
    assert not [f for f in report.flags if f.code == "row_may_be_shifted"]
    assert sum(v is not None for v in report.values().values()) == 38  # every number


def test_table_4s_last_group_opening_with_a_blank_stays_null() -> None:
    # 邵关 2019 with every 0 blank: 四's line `6 . . . 6 | . . . 1 1 | . 1 . 1 2`. The
    # second lawsuit group opens with a blank too, and the push of the line from there
    # breaks 未经复议直接起诉's total (1 + 1 = 0): read as printed. The last group opening
    # with a blank is refuted by no identity (its pushed total is the dropped cell):
    # null, flagged, as before. 三's 2.重复申请 (`. 1 . . . . 1`) is proven by its columns.
    report = _read_revalued_blanks(SEED)
    assert _row(report, "t4", "litigation_direct") == [None, None, None, 1, 1]
    assert _row(report, "t3", "not_processed_repeat") == [None, 1, None, None, None, None, 1]
    assert _row(report, "t4", "litigation_after_review") == [None] * 5
    assert _shifted_rows(report) == {"litigation_after_review"}
    assert sum(v is not None for v in report.values().values()) == 57  # of 60


def test_blanks_are_not_dropped_from_a_row_of_a_table_with_a_column_of_its_own() -> None:
    # 011's page with a 同比 column after 总计 (`unmerged-trailing-numbers`), other numbers,
    # pandoc's plain text: `138 9 [blank] 1 6 4 158 1` has seven numbers for seven
    # columns, and dropping its blank (a flattened span's remnant elsewhere) read 1 as
    # 科研机构's, 158 as 其他's and 同比's 1 as 总计 (8 wrong, 2 invented, its
    # identity broken). A row read so that breaks its identity shows the unknown column:
    # the rows of its table read so were null unless their identities hold (every
    # value null). Since h-printmiss the header's last word (同比) names the column and
    # pandoc prints every cell, blanks kept: it is dropped (trailing_column.py) and
    # every table read whole, the blank kept blank, 同比's 1 never 总计.
    path = FIXTURES / "dumps" / "011.pandoc-plain-unmerged-trailing-numbers-revalued.txt"
    report = parse_bytes("011.txt", path.read_bytes())
    assert _row(report, "t3", "new_received") == [138, 9, None, 1, 6, 4, 158]
    assert report.cells["t3.new_received.research_institution"].state == "blank"
    assert _row(report, "t3", "results_total") == [143, 9, None, 1, 6, 4, 163]
    assert [f.code for f in report.flags] == ["column_dropped"] * 3
    assert sum(v is not None for v in report.values().values()) == 94


def test_a_row_holding_a_subtotal_in_place_of_a_dropped_blank_is_null() -> None:
    # 011's page with a 小计 after 其他 (`t3-subtotal-column`), other numbers, lynx (blank
    # cells dropped): `138 9 1 6 4 20 158`, seven numbers for the template's seven
    # columns, had 1 read as 科研机构's (blank) and the 小计 20 as 其他's (6 wrong, 2
    # invented). Its 总计 is not the sum of the others under a header printing a 小计 it
    # was not read by: null, as 三's 总计 row (column_map.py); the rows left to the
    # solver are then not placed either.
    path = FIXTURES / "dumps" / "011.lynx-t3-subtotal-column-revalued.txt"
    report = parse_bytes("011.txt", path.read_bytes())
    assert _row(report, "t3", "new_received") == [None] * 7
    assert _row(report, "t3", "results_total") == [None] * 7
    assert {f.message.split()[1].removesuffix(":") for f in report.flags
            if f.code == "value_count_mismatch" and "(小计)" in f.message} == {
        "new_received", "results_total"}
    assert sum(v is not None for v in report.values().values()) == 29


def test_a_row_of_paragraph_cells_an_empty_line_apart_is_no_numbers_pieces() -> None:
    # The seed's page with every cell a <p> (`cell-p`), a small agency's numbers, every 0
    # blank (mean 0.5, seed 3), under lynx: a cell a paragraph in lynx's margin, an empty
    # line after each; blanks print nothing (`行政许可` / `11` / `598`: 11, blank, 598).
    # `其他对外管理服务事项` / `10` / `1` / `66` fills its three cells, and a `<br>` in a
    # number would print its pieces on neighbouring lines, never an empty line apart:
    # the count is proven. Before: null by the flat rule (3 cells). The short rows stay
    # null: 二 has no identity to place their blank.
    path = FIXTURES / "dumps" / "seed-shaoguan-zhenjiang-2019.lynx-cell-p-m05-s3-zb.txt"
    report = parse_bytes(path.name, path.read_bytes())
    assert {c: v for c, v in report.values().items() if v is not None} == {
        "t2.other_external_services.prev_year_items": 10,
        "t2.other_external_services.change": 1,
        "t2.other_external_services.decisions": 66}
    assert not [f for f in report.flags if f.code == "value_count_mismatch"]
    assert set(_row(report, "t2", "administrative_licensing")) == {None}


def test_a_row_holding_an_unknown_columns_number_in_place_of_a_dropped_blank_is_null(
        ) -> None:
    # The same page with a 同比 column after 总计 (`unmerged-trailing-numbers`) under
    # lynx: `138 9 1 6 4 158 1` had 同比's 1 read as 总计 (8 wrong, 2 invented).
    path = FIXTURES / "dumps" / "011.lynx-unmerged-trailing-numbers-revalued.txt"
    report = parse_bytes("011.txt", path.read_bytes())
    assert _row(report, "t3", "new_received") == [None] * 7
    assert _row(report, "t3", "results_total") == [None] * 7
    # 二 printed cell by cell under its 同比 header: read without it (trailing_column.py;
    # 0 before h-printmiss); 三 and 四 drop blanks, a row short: null
    assert {cid.split(".")[0] for cid, v in report.values().items() if v is not None} == {"t2"}
    assert sum(v is not None for v in report.values().values()) == 22


_T2_ROWS = ("administrative_licensing", "other_external_services", "administrative_penalty")


@pytest.mark.parametrize(("dump", "rows", "why"), [
    # The same page with a busy agency's numbers and every 0 blank (revalued(2000, …,
    # seed "2"), zeros blank) under lynx: `规章 81 81 575 1` prints 同比's number past 二's
    # columns, and `行政许可 350 782580 3` (本年增/减 blank, dropped) fills its three by
    # count: 782580 read as 本年增/减, 同比's 3 as 处理决定数量 (4 wrong, 4 invented; 19 and
    # 20 over the ten reports).
    ("011.lynx-unmerged-trailing-numbers-m2000-zb.txt",
     (*_T2_ROWS, "administrative_coercion", "centralized_procurement"),
     "another row of its table printed more numbers"),
    # 011's page with `<br>` inside numbers (variant number-br), a small agency's numbers,
    # every 0 blank (revalued(2, …, seed "3"), zeros blank) under lynx: a `<br>` prints as a
    # line break, so `行政许可 6 4` / `57` (6, blank, 457) fills its three cells by count
    # over two lines, beside `行政强制 1` / `0 1` / `0` (10, blank, 10), which leaves digits
    # on a line of their own. Before: 57 and 4 for 457 and blank, four rows so (4 wrong,
    # 4 invented).
    ("011.lynx-number-br-m2-s3-zb.txt", (*_T2_ROWS, "administrative_fees"),
     "printed over several lines"),
    # The same page, smaller numbers (revalued(0.5, …, seed "3"), zeros blank): no row of
    # 二 is short of its columns, but `行政处罚 2` / `3 1` / `6` leaves digits on a line of
    # their own; `行政许可 7 2` / `6` (7, blank, 26) read 2 and 6 (4 wrong, 4 invented).
    ("011.lynx-number-br-m05-s3-zb.txt",
     ("administrative_licensing", "other_external_services", "administrative_coercion",
      "administrative_fees"), "printed over several lines"),
    # 005's page so: no digits alone, every row's count filled over two lines (`行政许可
    # 9 8` / `49` for 9, blank, 849), but 行政事业性收费 prints one number of two: blanks
    # drop, and a count over lines may join a dropped blank's neighbours (4 wrong, 4
    # invented).
    ("005.lynx-number-br-m05-s3-zb.txt", (*_T2_ROWS, "administrative_coercion"),
     "printed over several lines"),
    # The 同比 page with a small agency's numbers, every 0 blank (revalued(2, …, seed "3"),
    # zeros blank) under lynx: no row overflows (its blanks dropped), `行政许可 6 457 3`
    # (6, blank, 457, 同比 3) fills its three cells by count; the only sign is the header's
    # `第二十条第（一）项 同比`. Before: 457 as 本年增/减, 3 as 处理决定数量, every row so
    # (4 wrong, 5 invented).
    ("011.lynx-unmerged-trailing-numbers-m2-s3-zb.txt",
     (*_T2_ROWS, "administrative_coercion", "administrative_fees", "centralized_procurement"),
     "its header names a column the statute lacks (同比)"),
])
def test_a_t2_row_counted_as_its_columns_is_null_where_blanks_drop_and_the_count_is_unproven(
        dump: str, rows: tuple[str, ...], why: str) -> None:
    # 二 has no identity to tell: each such row null, flagged with why
    report = parse_bytes("011.txt", (FIXTURES / "dumps" / dump).read_bytes())
    for row in rows:
        assert set(_row(report, "t2", row)) == {None}
    assert [f.message.split()[1] for f in report.flags if f.code == "value_count_mismatch"
            and why in f.message] == list(rows)
    published = {c: v for c, v in report.values().items() if v is not None}
    # 011's 政府集中采购 `3 4` / `.3万元` at mean 0.5: its 3 on the label's line, right
    assert published == ({"t2.centralized_procurement.procurement_items": 3}
                         if dump == "011.lynx-number-br-m05-s3-zb.txt" else {})


def test_a_drawn_rule_is_no_cell_of_the_row_above_it() -> None:
    # pandoc's plain text of 001's page with its tables nested in a layout table, a busy
    # agency's numbers, zeros blank: 三's rule, wrapped over five lines of dash runs, closes
    # 四、结转下年度继续办理's row `332 28 / 2 1 16 [blank] 379`. Taken for a value it
    # filled the row's seven cells, 379 under 其他 (invented). A rule is no cell: the row
    # is short, null.
    path = FIXTURES / "dumps" / "001.pandoc-plain-nested-layout-m2000-zb.txt"
    report = parse_bytes("001.txt", path.read_bytes())
    assert set(_row(report, "t3", "carried_forward")) == {None}
    assert report.values()["t2.administrative_licensing.decisions"] == 520423
    # 52, and 四's 15 since its run-together values are read as their own run (all 15
    # the draw's: mean 2000, seed 2, zeros blank)
    assert sum(v is not None for v in report.values().values()) == 67


def _boxes_print(truth: dict, printed: dict[str, list[str]], box_run: bool = True) -> Document:
    """Table 三 scanned from a CSS table and read as printed (table_unruled._as_printed):
    each row its label, then each box of digits a cell marked `box_run` (it may hold
    abutting cells; not so under a ruled table's cells); `printed` overrides a row's
    boxes."""
    t3 = load_template().version(truth["format_version"]).tables["t3"]
    cells = [TextCell("三、收到和处理政府信息公开申请情况", "page 1 table 1 row 1 cell 1", 1)]
    for row, r in enumerate(t3.data_rows, start=2):
        ref = f"page 1 table 1 row {row} cell"
        boxes = printed.get(r.id) or [str(truth["cells"][f"t3.{r.id}.{c.id}"])
                                      for c in t3.columns]
        cells.append(TextCell(r.label, f"{ref} 1", row))
        cells += [TextCell(b, f"{ref} {n}", row, box_run=box_run)
                  for n, b in enumerate(boxes, start=2)]
    return Document("scan.pdf", "0" * 64, 1, "pdf", "\n".join(c.text for c in cells), cells)


def test_boxes_of_a_scanned_css_table_are_split_only_by_the_identities() -> None:
    """淮安 2024's div-table print scanned: `50` and `3` abut (`0 503`), split as the
    row's total proves; (六)1.'s first value lost into its label's box leaves
    `3 0 0 1 0 71`, seven digits for seven cells, which is no forced split (before
    box_run: 3, 0, 0, 1, 0, 7, 1 published): null."""
    huaian = truth("huaian-2024")
    report = recognise(_boxes_print(huaian, {
        "granted": ["1288", "21", "0", "0", "503", "1362"],
        "other_no_correction": ["3", "0", "0", "1", "0", "71"]}))
    t3 = load_template().version(huaian["format_version"]).tables["t3"]
    for r in t3.data_rows:
        for c in t3.columns:
            cid = f"t3.{r.id}.{c.id}"
            want = None if r.id == "other_no_correction" else huaian["cells"][cid]
            assert report.cells[cid].value == want, cid
def test_a_zero_read_with_a_speck_in_a_scans_box_is_a_value_not_an_item_number() -> None:
    """OCR of a JPEG of quality 35 (005 in test_scans' `grey150_jpeg35`) reads one zero
    of 三's row (三)3. as `0.` (its second reading `0`). An item's number alone (`6.`) is
    no value only on a line of its own in a text printing a cell a line (lxml itertext);
    in a scan's box it is the zero, and the row is read (before: a value short, its
    readings ambiguous, the row null)."""
    huaian = truth("huaian-2024")
    scan = _boxes_print(huaian, {
        "not_processed_publication": ["0", "0", "0.", "0", "0", "0", "0"]}, box_run=False)
    report = recognise(replace(scan, rendering="scan", cells=[
        replace(c, confidence=0.79, alternatives=("0",)) if c.text == "0."
        else replace(c, confidence=0.99) for c in scan.cells]))
    row = {cid: c.value for cid, c in report.cells.items()
           if cid.startswith("t3.not_processed_publication.")}
    assert row == {cid: v for cid, v in huaian["cells"].items()
                   if cid.startswith("t3.not_processed_publication.")}


# w3m's dump of table 四 after an unnamed leading column (tests/renderings/variants.py
# `unnamed-leading-column`): an empty cell before 行政复议 and 行政诉讼, a 1 under it.
T4_UNNAMED_COLUMN = """\
┌─┬───────────────────────┬─────────────────────────────────────────────┐
│ │行政复议               │行政诉讼                                     │
├─┼────┬────┬────┬────┬───┼──────────────────────┬──────────────────────┤
│ │    │    │    │    │   │未经复议直接起诉      │复议后起诉            │
├─┤结果│结果│其他│尚未│总 ├────┬────┬────┬────┬──┼────┬────┬────┬────┬──┤
│ │维持│纠正│结果│审结│计 │结果│结果│其他│尚未│总│结果│结果│其他│尚未│总│
│ │    │    │    │    │   │维持│纠正│结果│审结│计│维持│纠正│结果│审结│计│
├─┼────┼────┼────┼────┼───┼────┼────┼────┼────┼──┼────┼────┼────┼────┼──┤
│1│72  │64  │178 │37  │351│13  │4   │8   │1   │26│12  │1   │1   │6   │20│
└─┴────┴────┴────┴────┴───┴────┴────┴────┴────┴──┴────┴────┴────┴────┴──┘"""
T4_UNNAMED_VALUES = "│1│72  │64  │178 │37  │351│13  │4   │8   │1   │26│12  │1   │1   │6   │20│"


def with_t4(table: str) -> str:
    """huaian-2024's w3m dump with `table` printed for its table 四."""
    lines = (FIXTURES / "dumps" / T4_BANDS).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[:116] + table.split("\n") + lines[132:])


def test_a_number_under_table_4s_unnamed_leading_column_is_no_cell() -> None:
    # 16 numbers for 15 cells, no 序号 header: the empty cell opening 行政复议's row is a
    # column of its own, the 1 under it that column's; the other 15 prove 四's identities
    # (before: 四 null, value_count_mismatch)
    report = parse_bytes(T4_BANDS, with_t4(T4_UNNAMED_COLUMN).encode("utf-8"))
    want = {cid: v for cid, v in truth("huaian-2024")["cells"].items() if cid.startswith("t4.")}
    assert t4_cells(report) == want


@pytest.mark.parametrize("values", [
    # 351 printed as 350: the 15 after the 1 fail 行政复议's identity
    "│1│72  │64  │178 │37  │350│13  │4   │8   │1   │26│12  │1   │1   │6   │20│",
    # both the 15 after the 1 and the 15 before the last prove every identity
    "│1│0   │0   │0   │1   │1  │0   │0   │0   │1   │1 │0   │0   │0   │1   │1 │",
    # the first number is no sequence number's 1
    "│2│72  │64  │178 │37  │351│13  │4   │8   │1   │26│12  │1   │1   │6   │20│"])
def test_table_4_under_an_unnamed_column_is_placed_by_its_header_display_columns(
        values: str) -> None:
    # Counted, none of these rows is proven (they were null, value_count_mismatch). The
    # box-drawn header proves them: each of its 15 column labels starts at the display
    # column of one value cell, and the first cell stands under the column it leaves
    # empty (drawn_columns.drawn_t4). What the agency printed is published; an identity
    # it breaks (350) is the checks' to show.
    table = T4_UNNAMED_COLUMN.replace(T4_UNNAMED_VALUES, values)
    report = parse_bytes(T4_BANDS, with_t4(table).encode("utf-8"))
    printed = [int(v) for v in values.strip("│").split("│")[1:]]
    assert list(t4_cells(report).values()) == printed
    assert not flags(report, "value_count_mismatch")


def test_table_4s_header_not_opened_by_an_empty_cell_leaves_16_values_null() -> None:
    # the same row under a header whose first row opens with 行政复议 (lynx drops the
    # empty cell): nothing says the first number is no cell of 四's
    table = "\n".join(ln[:1] + ln[2:] if ln.startswith("│ │行政复议") else ln
                      for ln in T4_UNNAMED_COLUMN.split("\n"))
    report = parse_bytes(T4_BANDS, with_t4(table).encode("utf-8"))
    assert set(t4_cells(report).values()) == {None}


def test_an_empty_row_before_a_row_of_values_without_a_label_is_not_printed_empty() -> None:
    # pymupdf4llm's Markdown of the corpus's WPS-made PDF of 淮安 2024 (001.pdf) wraps
    # (六)1's label in its cell: `|1、申请人无正当理由逾期不补||||||||`, then the label's
    # rest with the row's values (67 3 0 0 1 0 71) as a row no label matches. The first
    # row was published as printed empty; its cells are null, not placed, flagged. Cut
    # after that row: the row below prints (六)'s label's piece, which now reads as a
    # group label printed after (六)1, so the whole file refuses (六)1's label by the
    # statute's order before this rule is asked (the next test).
    data = (FIXTURES / "dumps" / "huaian-2024.pymupdf4llm-wps.md").read_bytes()
    data = b"\n".join(data.split(b"\n")[:89])
    report = parse_bytes("huaian-2024.pymupdf4llm-wps.md", data)
    want = truth("huaian-2024")["cells"]
    assert report.rendering == "text_pipes"
    # Since h-hunt3 the cut label is no misprint of (六)1 (its rest prints in the next
    # row, beside values: misprints.py), so the row is missing, not unplaced: null alike.
    row = {cid: c for cid, c in report.cells.items() if ".other_no_correction." in cid}
    assert {c.state for c in row.values()} == {"missing"}
    assert not [cid for cid, c in report.cells.items()
                if c.state == "blank" and want[cid] is not None]
    flagged = [f.message for f in report.flags if f.code == "row_label_unmatched"]
    assert flagged == ["table 三: '1、申请人无正当理由逾期不补': its label goes on in the next "
                       "printed row, which holds values too; its values are not read"]
    assert sum(c.value is not None for c in report.cells.values()) == 136
    placed = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert placed and all(want[cid] == v for cid, v in placed.items())


def test_an_empty_row_refused_by_the_statutes_order_is_not_printed_empty() -> None:
    # the whole file: (六)2's row `|（六）其<br>他处理<br>2、申请人逾期未按收费通知要<br>…|6|…`
    # reads (layout._group_piece_apart) as (六)'s piece and (六)2's label, so (六)1's
    # wrapped `1、申请人无正当理由逾期不补` above it would be out of the statute's order:
    # its row is null (missing), never printed empty, and (六)2 is read.
    data = (FIXTURES / "dumps" / "huaian-2024.pymupdf4llm-wps.md").read_bytes()
    report = parse_bytes("huaian-2024.pymupdf4llm-wps.md", data)
    want = truth("huaian-2024")["cells"]
    row = {cid: c for cid, c in report.cells.items() if ".other_no_correction." in cid}
    assert {c.state for c in row.values()} == {"missing"}
    assert [f.message for f in report.flags if f.code == "row_label_unmatched"] == [
        "table 三: '1、申请人无正当理由逾期不补': row other_no_correction would be out of "
        "the statute's order; its values are not read"]
    fee = [report.cells[cid].value for cid in want if ".other_unpaid_fee." in cid]
    assert fee == [6, 0, 0, 0, 0, 0, 6]
    placed = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert placed and all(want[cid] == v for cid, v in placed.items())
    assert not [cid for cid, c in report.cells.items()
                if c.state == "blank" and want[cid] is not None]


def test_identities_among_a_rows_cells_are_those_the_template_declares() -> None:
    """`_own_rules` is cached per version and set of cells: for every data row of every
    version it gives exactly the identities whose cells are all the row's, in their
    declared order (what the uncached filter gave), and the same object when asked again."""
    from pipelines.recognise.grid import _blocks_by_row, _cells_of, _own_rules
    from schemas.identities import identities

    counts = {}
    for version in load_template().versions:
        rules = identities(version)
        for (table, row), block in _blocks_by_row(version).items():
            cells = _cells_of(version, table, row, block)
            ids = {cid for cid, _ in cells}
            want = [r for r in rules if set(r.cells) <= ids]
            assert list(_own_rules(version, cells)) == want
            assert _own_rules(version, list(reversed(cells))) is _own_rules(version, cells)
            counts[version] = counts.get(version, 0) + len(want)
    assert counts == {"gov_2019": 26, "gov_2021": 28}


def _banded_t4_over_a_page_break() -> Document:
    """四 printed in bands by Chromium (`t4-bands`, Pingtan 2022), its cells as the PDF
    reader gives them: 行政复议's header ends page 2 with the empty top of the row a page
    break cut (one empty cell), the page's footer and the next page's header between
    (furniture), its values open page 3, 行政诉讼's band follows."""
    rows: list[tuple[str, list[str], bool]] = [
        ("page 2 line 2", ["四、政府信息公开行政复议、行政诉讼情况"], False),
        ("page 2 table 2 row 1", ["行政复议"], False),
        ("page 2 table 2 row 2", ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], False),
        ("page 2 table 2 row 3", [""], False),
        ("page 2 line 3", ["file:///tmp/004.html", "2/3"], True),
        ("page 3 line 1", ["12/6/26, 1:58 AM", "平潭综合实验区2022年政府信息公开工作年度报告"],
         True),
        ("page 3 table 1 row 1", ["0", "1", "1", "0", "2"], False),
        ("page 3 table 1 row 2", ["行政诉讼"], False),
        ("page 3 table 1 row 3", ["未经复议直接起诉", "复议后起诉"], False),
        ("page 3 table 1 row 4", ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
         False),
        ("page 3 table 1 row 5", ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0"], False),
    ]
    cells = [TextCell("平潭综合实验区2022年政府信息公开工作年度报告", "page 1 line 1", 1)]
    for row, (ref, texts, furniture) in enumerate(rows, start=2):
        cells += [TextCell(text, f"{ref} cell {n}", row, furniture=furniture)
                  for n, text in enumerate(texts, start=1)]
    return Document("print.pdf", "0" * 64, 1, "pdf", "\n".join(c.text for c in cells), cells)


def test_a_band_of_table_4_whose_row_a_page_break_cut_is_read() -> None:
    """The empty top of the cut row (one empty cell, fewer than the band's columns) is no
    band's row: passed over, the band's values on the next page are read (before
    h-printmiss 四 was null, `ambiguous_columns`: 15 cells on 004 and Pingtan 2022)."""
    report = recognise(_banded_t4_over_a_page_break())
    assert [report.cells[f"t4.{g}.{c}"].value
            for g in ("admin_review", "litigation_direct", "litigation_after_review")
            for c in ("upheld", "corrected", "other_result", "pending", "total")] == [
        0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert not [f for f in report.flags if (f.cell_id or "").startswith("t4.")]


@pytest.mark.parametrize("tool", ["w3m", "elinks"])
def test_a_row_a_span_cut_short_shifted_left_is_null_unless_its_identities_prove_it(
        tool: str) -> None:
    # 001's page with every merged label's rowspan one short (broken-rowspan-short), a
    # small agency's numbers, every 0 blank (revalued(2, …, seed "3"), zeros blank): the
    # rows after a span cut short print their first value where the rows around them
    # print labels, and a header column of no width prints no cell, so `（七）总计 │2 │ │ │
    # │1│3│ │` filled its seven cells by count: w3m read 1 under 法律服务机构 and 3 under
    # 其他 (2, 1 under 其他, 3 under 总计), both read `8.属于行政查询事项`'s 总计 1 under 其他
    # (before: w3m 1 wrong, 2 invented; elinks 1 invented). Their own identities fail as
    # read: null, flagged, and so are the three rows printing blanks there (no number
    # lost); the rows printed where the others are stay read.
    dump = FIXTURES / "dumps" / f"001.{tool}-broken-rowspan-short-m2-s3-zb.txt"
    report = parse_bytes("001.txt", dump.read_bytes())
    shifted = ["denied_admin_inquiry", "not_processed_confirm_reissue", "other_other",
               "results_total", "unable_unclear_after_correction"]
    for row in shifted:
        assert set(_row(report, "t3", row)) == {None}
    assert sorted(f.message.split()[1] for f in report.flags
                  if f.code == "row_may_be_shifted") == shifted
    assert {cid: v for cid, v in report.values().items() if v is not None} == {
        "t2.administrative_licensing.decisions": 219, "t2.administrative_penalty.decisions": 102,
        "t2.administrative_coercion.decisions": 45, "t2.administrative_fees.fee_amount": 48.23,
        "t3.new_received.total": 3, "t3.granted.total": 1, "t3.denied_process_info.total": 1}


def test_a_row_shifted_left_whose_first_value_is_a_blank_is_null_too() -> None:
    # The seed report's page, broken-rowspan-short, revalued(1, …, seed "1"), zeros blank,
    # under w3m: `（七）总计 │ │ │ │ │1│1│ │` (自然人 0 printed blank in a label column,
    # then 1 under 其他, 1 under 总计) filled its seven cells by count, 1 under
    # 法律服务机构 (invented). Its own identity fails as read: null, flagged.
    dump = FIXTURES / "dumps" / "seed-shaoguan-zhenjiang-2019.w3m-broken-rowspan-short-m1-s1-zb.txt"
    report = parse_bytes(f"{SEED}.txt", dump.read_bytes())
    assert set(_row(report, "t3", "results_total")) == {None}
    assert sorted(f.message.split()[1] for f in report.flags if f.code == "row_may_be_shifted"
                  ) == ["denied_admin_inquiry", "not_processed_confirm_reissue", "results_total",
                        "unable_unclear_after_correction"]
    published = {cid: v for cid, v in report.values().items() if v is not None}
    assert len(published) == 13
    assert {c: v for c, v in published.items() if c.startswith("t3.")} == {
        "t3.new_received.total": 1, "t3.unable_not_held.total": 1}


def test_a_row_shifted_left_in_a_table_lacking_a_column_is_no_parser_error() -> None:
    # `pandoc -t rst` of huaian-2024's page whose table 三 lacks 科研机构
    # (tests/renderings/variants.py `t3-lacks-column`). Weighing the rows whose first cell
    # stands in a label column once raised KeyError (a cell of the missing column, never
    # placed) and the whole report failed (`parser_error`).
    path = FIXTURES / "dumps" / "huaian-2024.pandoc-rst-t3-lacks-column.txt"
    report = parse_bytes(path.name, path.read_bytes())
    got = {cid: c.value for cid, c in report.cells.items()}
    assert report.status == "complete"
    assert [got[f"t3.new_received.{c}"] for c in T3_COLUMNS] == [3001, 53, None, 0, 61, 4, 3119]
    assert got["t2.regulations.in_force"] == 11 and got["t4.admin_review.total"] == 351
    want = json.loads((FIXTURES / "truth" / "huaian-2024.json").read_text(encoding="utf-8"))
    assert sum(got.get(cid) == v for cid, v in want["cells"].items() if v is not None) == 175
    assert all(got.get(cid) in (None, v) for cid, v in want["cells"].items())  # none wrong


def test_a_label_spanning_two_columns_in_an_rst_grid_is_no_row_pulled_left() -> None:
    # The same dump: rST prints `（一）予以公开` (a label spanning two columns) as a cell
    # and an empty one, `| 三 | （ | | 1288 | 21 | 0 | 50 | 3 | 1362 |`: the empty cell
    # stands where `1.属于国家秘密` begins its label, as a pulled row's first blank
    # would. But the row's last cell prints a number at the table's last column, which a
    # row pulled left leaves empty: the row is read as printed, not withdrawn
    # (`row_may_be_shifted`, 18 cells null before).
    path = FIXTURES / "dumps" / "huaian-2024.pandoc-rst-t3-lacks-column.txt"
    report = parse_bytes(path.name, path.read_bytes())
    assert "row_may_be_shifted" not in {f.code for f in report.flags}
    got = {cid: c.value for cid, c in report.cells.items()}
    assert {row: [got[f"t3.{row}.{c}"] for c in T3_COLUMNS]
            for row in ("granted", "partially_granted", "results_total")} == {
        "granted": [1288, 21, None, 0, 50, 3, 1362],
        "partially_granted": [447, 7, None, 0, 0, 0, 454],
        "results_total": [2932, 53, None, 0, 61, 4, 3050]}


T3_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
              "public_interest_org", "legal_service_org", "other_org", "total")


def test_an_rst_row_whose_label_lost_its_span_is_weighed_as_plains_is() -> None:
    # `pandoc -t rst` of 005's page with row labels in <th> cells spanning columns
    # (variants.py th-labels), numbers drawn anew (mean 30, seed 3, zeros blank), cut to
    # 三: `| | （二 | | 1 | | | 1 | | 2 | |` prints 部分公开's label in one column and its
    # values one column left (商业企业 1, 法律服务机构 1, 总计 2). The header's display
    # columns placed them 1 under 自然人, 1 under 社会公益组织, 2 under 其他 (3 invented):
    # plain's guard (a label apart from its values, _withdraw_unproven_spanned) read
    # ruled cells only, and rST prints the empty cell between as a blank value.
    path = FIXTURES / "dumps" / "005.pandoc-rst-th-labels-m30-s3-zb.txt"
    report = parse_bytes(path.name, path.read_bytes())
    assert set(_row(report, "t3", "partially_granted")) == {None}
    assert any(f.code == "row_may_be_shifted" and "row partially_granted" in f.message
               for f in report.flags)
    # a row whose label stands in its own column is read as printed, its identity holding
    assert _row(report, "t3", "denied_third_party_rights") == [1, 1, None, None, None, None, 2]


def test_a_blank_before_a_row_label_is_no_row_number_run_into_t4() -> None:
    # `pandoc -t plain` of huaian-2024's page printing 四's 总计 first in each group
    # (variants.py `t4-total-first`), cut to 三's first rows and 四: `（二）部分公开`
    # prints after a blank slot (三、本年度办理结果 spans it), which was taken for a
    # column numbering the rows; 四's identities, weighed in the template's order before
    # the header reorders it, failed, and 四 was null (`ambiguous_digits`). A blank runs
    # into no value: 四 is read under the columns its header names.
    path = FIXTURES / "dumps" / "huaian-2024.pandoc-plain-t4-total-first.txt"
    report = parse_bytes(path.name, path.read_bytes())
    want = truth("huaian-2024")["cells"]
    assert {cid: v for cid, v in report.values().items() if cid.startswith("t4.")} == {
        cid: v for cid, v in want.items() if cid.startswith("t4.")}
    assert "ambiguous_digits" not in {f.code for f in report.flags}
    # a number in that slot still counts: a numbered row's `5` may run into 四's 351
    lines = path.read_text(encoding="utf-8").split("\n")
    text = "\n".join("  5" + line[3:] if "（二）部分公开" in line else line for line in lines)
    report = parse_bytes(path.name, text.encode())
    assert {v for cid, v in report.values().items() if cid.startswith("t4.")} == {None}


def test_a_row_short_of_its_columns_does_not_take_the_next_rows_number() -> None:
    # pdftotext 24's `-raw` of Chromium's print of 004 as `seq-column` prints (a 序号
    # column), its numbers redrawn (mean 2, seed 3, zeros blank; bench_cross_pdftext.py):
    # `（一）予以公开 2 2`, then `4` alone, the next row's number, then its label. Read as
    # the row's `2 2 4`, its sum held (2 + 2 = 4) and 总计 was published 4 for 2.
    text = (FIXTURES / "dumps" / "004.pdftotext-raw-seq-column-redrawn.txt").read_bytes()
    report = parse_bytes("004.txt", text)
    granted = {cid: c for cid, c in report.cells.items() if cid.startswith("t3.granted.")}
    assert {c.value for c in granted.values()} == {None}
    assert {c.state for c in granted.values()} == {"ambiguous"}
    (message,) = [m for m in flags(report, "value_count_mismatch") if "row granted" in m]
    assert "prints alone on the line before the next row's label" in message
    # the rows after it keep their values
    assert report.cells["t3.unable_not_held.total"].value == 2
    assert report.cells["t3.not_processed_repeat.total"].value == 1


def test_rows_of_a_pandoc_table_that_dropped_a_span_need_their_own_identities() -> None:
    # pandoc's Markdown of 004's page with its row labels in <th> cells spanning columns
    # (variants.py th-labels), numbers drawn anew (mean 3, seed 6, zeros blank): a label
    # spanning columns prints in one, the row's values one column left. 一、本年新收 prints
    # 9 cells for 7 columns; （一）予以公开's 商业企业 1 and 总计 1 stood under 自然人 and
    # 其他 (2 invented, 2 missed). Rows whose identities hold as read (0s for blanks) stay.
    path = FIXTURES / "dumps" / "004.pandoc-markdown-th-labels-m3-s6-zb.txt"
    report = parse_bytes(path.name, path.read_bytes())
    assert {cid: c.value for cid, c in report.cells.items()
            if cid.startswith("t3.") and c.value is not None} == {
        "t3.unable_not_held.natural_person": 1, "t3.unable_not_held.total": 1,
        "t3.other_no_correction.natural_person": 1, "t3.other_no_correction.total": 1}
    assert _shifted_rows(report) == {"granted"}


LYNX_UNNAMED = "huaian-2024.lynx-unnamed-leading-column.txt"  # lynx of variants.py's page
LYNX_T4_VALUES = "   1 72   64   178  37   351 13   4    8    1    26 12   1    1    6    20"


def _lynx_unnamed(values: str) -> ParsedReport:
    text = (FIXTURES / "dumps" / LYNX_UNNAMED).read_text(encoding="utf-8")
    assert LYNX_T4_VALUES in text
    return parse_bytes(LYNX_UNNAMED, text.replace(LYNX_T4_VALUES, values).encode("utf-8"))


def test_table_4_after_a_column_lynx_prints_no_header_cell_for_is_read_by_its_identities(
        ) -> None:
    # lynx drops blank cells: the empty header cell over an unnamed numbering column
    # prints nothing, so 行政复议 opens its header line as it would with no such column,
    # and its 1 opens 四's one line of 16 numbers. The 15 after the 1 prove every identity
    # of 四, the 15 before the last do not (72+64+178 is not 37): read without the 1
    # (before: 四 null, value_count_mismatch).
    report = _lynx_unnamed(LYNX_T4_VALUES)
    want = {cid: v for cid, v in truth("huaian-2024")["cells"].items() if cid.startswith("t4.")}
    assert t4_cells(report) == want
    assert not flags(report, "value_count_mismatch")


@pytest.mark.parametrize("values", [
    # both the 15 after the 1 and the 15 before the last prove every identity
    "   1 0 0 0 1 1 0 0 0 1 1 0 0 0 1 1",
    # 351 printed as 350: neither reading proves 行政复议's identity
    "   1 72   64   178  37   350 13   4    8    1    26 12   1    1    6    20",
    # the first number is no numbering column's 1
    "   2 72   64   178  37   351 13   4    8    1    26 12   1    1    6    20"])
def test_lynxs_16_numbers_of_table_4_not_proven_one_way_stay_null(values: str) -> None:
    report = _lynx_unnamed(values)
    assert set(t4_cells(report).values()) == {None}
    assert flags(report, "value_count_mismatch")


INNERTEXT_BLANK_COL = "shanghai-office-2019.chromium-innertext-trailing-blank-col.txt"
INNERTEXT_T4_ROW = "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\t"  # 16 cells: a blank column after 四's


def _innertext_blank_col(row: str) -> ParsedReport:
    text = (FIXTURES / "dumps" / INNERTEXT_BLANK_COL).read_text(encoding="utf-8")
    assert f"\n{INNERTEXT_T4_ROW}\n" in text
    return parse_bytes(INNERTEXT_BLANK_COL,
                       text.replace(f"\n{INNERTEXT_T4_ROW}\n", f"\n{row}\n").encode("utf-8"))


def test_table_4s_row_a_blank_cell_too_long_is_proven_with_its_blanks_as_zeros() -> None:
    # innerText of Shanghai's page with an empty column after every table's last: 四's
    # row prints 16 cells, the 16th blank, its zeros printed blank. One window of 15
    # leaves only blanks outside it; its identities hold with a blank counted as 0
    # (5+0+0+2 = 7, 8+0+0+1 = 9, 0 = 0): read (before: every identity through a blank
    # was unevaluable, the window unproven, 四 null, value_count_mismatch)
    report = _innertext_blank_col(INNERTEXT_T4_ROW)
    want = {cid: v for cid, v in truth("shanghai-office-2019")["cells"].items()
            if cid.startswith("t4.")}
    assert t4_cells(report) == want
    assert not flags(report, "value_count_mismatch")


def test_table_4s_row_a_blank_cell_too_long_failing_an_identity_stays_null() -> None:
    # the same row with 行政复议's 总计 printed 6: the one window fails, nothing is placed
    report = _innertext_blank_col("5\t\t\t2\t6\t8\t\t\t1\t9\t\t\t\t\t\t")
    assert set(t4_cells(report).values()) == {None}
    assert flags(report, "value_count_mismatch")
def test_table_4s_values_run_together_in_a_layout_cell_are_its_one_row() -> None:
    # pandoc's plain text of 淮安 2024's page laid out in a table (nested-layout, cut to
    # 四): the layout table's one cell holds the page, read as one run-together text, so
    # every value's row is that cell's. 四's 15 values, wrapped over three lines by the
    # cell's width, were looked for as the cell's row, the whole page: 四 not found. Their
    # own consecutive run is the row, its identities proving it.
    path = FIXTURES / "dumps" / "huaian-2024.pandoc-plain-nested-layout-t4.txt"
    report = parse_bytes(path.name, path.read_bytes())
    want = truth("huaian-2024")["cells"]
    assert {cid: v for cid, v in report.values().items() if cid.startswith("t4.")} == {
        cid: v for cid, v in want.items() if cid.startswith("t4.")}
    # one value lost (a blank a page dropped): 14 for 15 cells, none placed
    text = path.read_text(encoding="utf-8").replace("13                 4 ", "13" + " " * 19)
    report = parse_bytes(path.name, text.encode())
    assert {v for cid, v in report.values().items() if cid.startswith("t4.")} == {None}


PINGTAN_2022 = "pingtan-2022-run-together"


def _t3_against_truth(dump: str) -> tuple[ParsedReport, int, dict[str, float]]:
    """A dump of Pingtan 2022's page read: the report, its cells of 三 published, and
    any published cell that differs from the report's truth."""
    path = FIXTURES / "dumps" / dump
    report = parse_bytes(path.name, path.read_bytes())
    want = json.loads((FIXTURES / "truth" / f"{PINGTAN_2022}.json").read_text(
        encoding="utf-8"))["cells"]
    published = {cid: v for cid, v in report.values().items() if v is not None}
    t3 = sum(cid.startswith("t3.") for cid in published)
    return report, t3, {cid: v for cid, v in published.items() if v != want[cid]}


def test_a_wrapped_row_past_its_columns_is_kept_for_a_subtotal_header() -> None:
    # lynx at 40 columns of Pingtan 2022's page whose 三 prints a 小计 among the
    # organisations (variants.py `t3-subtotal-column`): a row of eight cells wraps at the
    # width, `…申请数量 71 3 0 0 0 0 3` / `74`, `…（区分处理的…） 8` / `1 0 0 0 0 1 9`. The
    # run stopped at the template's seven and left the rest a line of numbers alone
    # (ambiguous_digits, or pending): every row of 三 null. Kept wide over its lines,
    # the 小计 header places them all (column_map.place_with_subtotal), its sums holding.
    report, t3, wrong = _t3_against_truth(f"{PINGTAN_2022}.lynx-40-t3-subtotal-column.txt")
    assert wrong == {}
    assert t3 == 25 * 7
    assert _row(report, "t3", "partially_granted") == [8, 1, 0, 0, 0, 0, 9]
    assert "column_dropped" in {f.code for f in report.flags}


def test_a_lone_last_value_is_no_next_rows_number_where_no_row_is_numbered() -> None:
    # lynx at 40 columns of Pingtan 2022's page whose 三 lacks 科研机构 (`t3-lacks-column`):
    # `5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0` / `0` / `（六）其他处理`, the row's
    # sixth cell wrapped at the width. Short of the template's seven, its lone last value
    # was taken for the next row's number (as pdftotext -raw prints a 序号 before a
    # wrapped label), the row null, and so the whole of 三 (the header's six columns
    # need every row). No printed row opens with a number before its label here: no
    # column numbers the rows, and the six are the row's.
    report, t3, wrong = _t3_against_truth(f"{PINGTAN_2022}.lynx-40-t3-lacks-column.txt")
    assert wrong == {}
    assert t3 == 25 * 6
    assert _row(report, "t3", "not_processed_confirm_reissue") == [0, 0, None, 0, 0, 0, 0]
    assert "columns_missing" in {f.code for f in report.flags}
