"""Plain-text reader: dialect detection and the cells each dialect yields."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.document import TextCell
from pipelines.parse import parse_bytes
from pipelines.read import read_file
from pipelines.read.text import read
from pipelines.report import ParsedReport
from schemas.template import load_template


def read_text(text: str):
    return read("inline.txt", "0" * 64, len(text.encode()), text)


def test_tab_cells_group_rows_and_join_wrapped_labels() -> None:
    doc = read_text("规章\n\t0\n\t0\n\n\t商业\n企业\n\t3\n")
    assert doc.rendering == "text_cells"
    assert doc.cells == [
        TextCell("规章", "line 1", 1),
        TextCell("0", "line 2", 1),
        TextCell("0", "line 3", 1),
        TextCell("商业\n企业", "line 5", 2),
        TextCell("3", "line 7", 2),
    ]


def test_pipe_rows_skip_markdown_rules() -> None:
    doc = read_text("规章 | 0 | 0 | 0 |\n| --- | --- |\n规范性文件 | 1 | 2 | 3 |\n"
                    "行政许可 | 4 | 5 | 6 |\n")
    assert doc.rendering == "text_pipes"
    assert [c.text for c in doc.cells] == ["规章", "0", "0", "0", "规范性文件", "1", "2", "3",
                                           "行政许可", "4", "5", "6"]
    assert doc.cells[5] == TextCell("1", "table 1 line 3 cell 2", 3)


HTML2TEXT_TRAILING_BLANK = (Path(__file__).parents[1] / "fixtures" / "dumps"
                            / "huaian-2024.html2text-trailing-blank-col.txt")


def test_html2text_rows_ending_in_a_blank_cell_are_pipe_rows() -> None:
    # Python html2text's pipe tables (no outer walls) end a row whose last cell is blank
    # with its `|`; a one-cell row (`第二十条第（一）项|`, a header's wrapped `效件数|`) was
    # taken for a text of one cell a line (pipe-terminated): no table read
    lines = HTML2TEXT_TRAILING_BLANK.read_text(encoding="utf-8").splitlines()[10:32]
    doc = read_text("\n".join(lines) + "\n")
    assert doc.rendering == "text_pipes"
    rows: dict[int, list[str]] = {}
    for cell in doc.cells:
        rows.setdefault(cell.row, []).append(cell.text)
    assert [r for r in rows.values() if len(r) > 1 and r[1][0].isdigit()] == [
        ["规章", "1", "0", "11"], ["行政规范性文件", "8", "26", "66"], ["行政许可", "447228"],
        ["行政处罚", "3985758"], ["行政强制", "88283"], ["行政事业性收费", "96171.6"]]


def test_html2text_dump_of_a_table_with_a_trailing_blank_column_reads_whole() -> None:
    raw = HTML2TEXT_TRAILING_BLANK.read_bytes()
    report = parse_bytes(HTML2TEXT_TRAILING_BLANK.name, raw)
    truth = Path(__file__).parents[1] / "fixtures" / "truth" / "huaian-2024.json"
    want = json.loads(truth.read_text(encoding="utf-8"))["cells"]
    assert {cid: c.value for cid, c in report.cells.items()} == want


HTML2TEXT_T4_SAME_AS_LAST = (Path(__file__).parents[1] / "fixtures" / "dumps"
                             / "pingtan-2022-run-together.html2text-unmerged-trailing-numbers"
                               "-m0.5-s4-zb.txt")


def test_html2text_rows_opening_with_a_pipe_under_an_unbordered_rule_open_with_a_blank() -> None:
    # Python html2text of pingtan 2022 with a 同比 column after every table, its zeros
    # printed blank: most rows open with a pipe (a blank first cell under a group label,
    # 四's row of blanks), which their count took for a border; 四's 15 blanks and its
    # 同比 1 were read a cell right, the 1 published as 复议后起诉's 总计. The rule under
    # each header, `---|---`, prints no border.
    doc = read_file(HTML2TEXT_T4_SAME_AS_LAST)
    row = [c.text for c in doc.cells if c.ref.startswith("table 3 line 71 ")]
    assert row == [""] * 15 + ["1"]
    report = parse_bytes(HTML2TEXT_T4_SAME_AS_LAST.name, HTML2TEXT_T4_SAME_AS_LAST.read_bytes())
    assert {c.value for cid, c in report.cells.items() if cid.startswith("t4.")} == {None}


@pytest.mark.parametrize("dump", ["huaian-2024.html2text-linked-cells.txt",
                                  "huaian-2024.html2text-number-br.txt"])
def test_html2text_rows_printed_over_lines_read_whole(dump: str) -> None:
    # Python html2text of huaian 2024: at 78 columns every row of links wraps after a `|`
    # (before, 8 cells of 200 read: only 二's short rows), and a `<br>` after each
    # number's first digit ends a line as a row's end does (before, 70 of 200 read: every
    # row with a cut number null, flagged)
    path = Path(__file__).parents[1] / "fixtures" / "dumps" / dump
    report = parse_bytes(path.name, path.read_bytes())
    truth = Path(__file__).parents[1] / "fixtures" / "truth" / "huaian-2024.json"
    want = json.loads(truth.read_text(encoding="utf-8"))["cells"]
    assert {cid: c.value for cid, c in report.cells.items()} == want


def test_a_pipe_row_opening_with_a_pipe_has_a_blank_first_cell() -> None:
    # Rows without a left border: the leading pipe of the second row is a cell boundary.
    doc = read_text("规章 | 0 | 0 | 0 |\n | 1 | 2 | 3 |\n行政许可 | 4 | 5 | 6 |\n")
    assert [c.text for c in doc.cells] == ["规章", "0", "0", "0", "", "1", "2", "3",
                                           "行政许可", "4", "5", "6"]


def test_bordered_pipe_rows_drop_the_border() -> None:
    doc = read_text("| 规章 | 0 | 0 |\n| 规范性文件 | 1 | 2 |\n| 行政许可 | 4 | 5 |\n")
    assert [c.text for c in doc.cells] == ["规章", "0", "0", "规范性文件", "1", "2",
                                           "行政许可", "4", "5"]


def test_html_line_breaks_in_pipe_cells_are_line_breaks() -> None:
    # pymupdf4llm's Markdown of LibreOffice's PDF of the 淮安 2024 report: a label wrapped
    # in its narrow cell keeps its lines as `<br>`
    doc = read_text("|（三<br>）不|2.其<br>他法<br>律行<br>政法<br>规禁<br>止公<br>开|30|1|\n"
                    "|---|---|---|---|\n||3.危<br/>及|5|0|\n")
    assert [c.text for c in doc.cells] == ["（三\n）不", "2.其\n他法\n律行\n政法\n规禁\n止公\n开",
                                           "30", "1", "", "3.危\n及", "5", "0"]


def test_a_pipe_cell_of_numbers_apart_is_stacked() -> None:
    # markitdown's Markdown of Chromium's print of the 淮安 2024 page: pdfplumber's table
    # holds two columns' values in one cell (`447 7`: 447 and 7, never 4477)
    doc = read_text("| 果 |  | 447 7 | 0 0 | 0 | 0 454 |\n| --- | --- | --- | --- | --- | --- |\n"
                    "| 1.属于国家秘密 | 2 | 0 | 0 | 1,288 | 3 |\n")
    assert [(c.text, c.stacked) for c in doc.cells if c.stacked] == [
        ("447 7", True), ("0 0", True), ("0 454", True)]
    assert doc.cells[1].text == "" and not doc.cells[1].stacked


def test_html_line_breaks_between_numbers_are_kept_apart() -> None:
    # pymupdf4llm: `1<br>0` holds two columns' values (本年制发 1, 本年废止 0), not 10:
    # stacked, as numbers set apart by spaces are; a break at a cell's edge is none
    doc = read_text("|规章|1<br>0|11<br>|\n|---|---|---|\n|行政<br>许可|5|6|\n")
    assert [c.text for c in doc.cells] == ["规章", "1 0", "11", "行政\n许可", "5", "6"]
    assert [c.stacked for c in doc.cells] == [False, True, False, False, False, False]


def test_pipe_terminated_cells_start_rows_at_lone_pipes() -> None:
    doc = read_text("|\n规章 |\n0 |\n0 |\n0 |\n|\n规范性文件 |\n1 |\n")
    assert doc.rendering == "text_pipes"
    assert doc.cells == [
        TextCell("规章", "line 2", 1),
        TextCell("0", "line 3", 1),
        TextCell("0", "line 4", 1),
        TextCell("0", "line 5", 1),
        TextCell("规范性文件", "line 7", 2),
        TextCell("1", "line 8", 2),
    ]


def test_lines_drop_lone_pipes_and_lose_rows() -> None:
    doc = read_text("规章\n|\n0\n|\n 7 \n")
    assert doc.rendering == "text_cells"
    assert doc.cells == [TextCell("规章", "line 1"), TextCell("0", "line 3"),
                         TextCell("7", "line 5")]


def test_run_together_needs_a_long_line_of_digits() -> None:
    line = "规章" * 250 + "1" * 61
    assert read_text(line).rendering == "text_run_together"
    assert read_text("规章" * 250 + "1" * 59).rendering == "text_cells"


def test_page_text_is_stripped_non_empty_lines() -> None:
    assert read_text(" 标题 \r\n\r\n正文\r").text == "标题\n正文"


@pytest.mark.parametrize(
    ("name", "rendering", "n_cells"),
    [
        ("seed-shaoguan-zhenjiang-2019.txt", "text_cells", 348),
        ("weishan-2020-truncated-pipe-rows.txt", "text_pipes", 145),
        ("tianmen-2020-traditional-pinyin-mirror.txt", "text_pipes", 23),
        ("nilka-2023-truncated-pipes.txt", "text_cells", 123),  # lone `|` separator lines
        ("taiping-2022-truncated-lines.txt", "text_cells", 107),
        ("pingtan-2022-run-together.txt", "text_run_together", 10),
        ("pingtan-2020-run-together.txt", "text_run_together", 10),
        ("not-a-report.txt", "text_cells", 3),
    ],
)
def test_fixture_dialects(fixtures_dir: Path, name: str, rendering: str, n_cells: int) -> None:
    doc = read_file(fixtures_dir / "reports" / name)
    assert (doc.rendering, len(doc.cells)) == (rendering, n_cells)


def test_seed_cells(fixtures_dir: Path) -> None:
    cells = read_file(fixtures_dir / "reports" / "seed-shaoguan-zhenjiang-2019.txt").cells
    assert cells[0] == TextCell("韶关市浈江区人民政府2019年政府", "line 1", 1)
    by_ref = {c.ref: c for c in cells}
    assert by_ref["line 18"] == TextCell("规章", "line 18", 10)
    assert [by_ref[f"line {n}"].text for n in (40, 41, 42, 43)] == [
        "其他对外管理服务事项", "98", "+6", "104"]
    assert by_ref["line 80"] == TextCell("5819.06万元", "line 80", 25)


def test_pipe_rows_fixture_cells(fixtures_dir: Path) -> None:
    cells = read_file(fixtures_dir / "reports" / "weishan-2020-truncated-pipe-rows.txt").cells
    assert [c for c in cells if c.row == 7] == [
        TextCell("规章", "table 1 line 7 cell 1", 7),
        TextCell("0", "table 1 line 7 cell 2", 7),
        TextCell("0", "table 1 line 7 cell 3", 7),
        TextCell("0", "table 1 line 7 cell 4", 7),
        TextCell("", "table 1 line 7 cell 5", 7),  # the trailing `| |` padding cell
    ]


def test_run_together_fixture_keeps_the_flattened_line(fixtures_dir: Path) -> None:
    cells = read_file(fixtures_dir / "reports" / "pingtan-2022-run-together.txt").cells
    assert cells[0] == TextCell("标题: 平潭综合实验区2022年度政府信息公开工作年度报告", "line 1")
    assert cells[-1].ref == "line 10"
    assert len(cells[-1].text) == 3698
    assert "行政规范性文件8855698" in cells[-1].text.replace(" ", "")


def test_separated_cells_keep_a_blank_between_two_separators() -> None:
    lines = "标题\n|\n" + "其他\n|\n规章\n|\n0\n|\n|\n7\n|\n\n|\n-\n|\n" * 4
    doc = read_text(lines)
    assert doc.rendering == "text_cells"
    assert [c.text for c in doc.cells][:9] == ["标题", "其他", "规章", "0", "", "7", "", "-",
                                               "其他"]
    assert doc.cells[4] == TextCell("", "line 9")


def test_every_text_rendering_is_in_the_vocabulary() -> None:
    from pipelines.read.text import _READERS
    from schemas.vocabulary import RENDERINGS

    assert {rendering for rendering, _ in _READERS.values()} <= set(RENDERINGS)


# A browser's copied text (`innerText`): a row a line, cells split by tabs, a blank cell
# an empty place between two tabs, rows under a rowspan without the spanned cell.
INNER_TEXT = "标题\n信息内容\t本年制发件数\t总计\n规章\t\t3\n行政规范性文件\t8\t\n说明\n"


def test_tab_separated_rows_keep_blank_cells_in_place() -> None:
    doc = read("inline.txt", "0" * 64, len(INNER_TEXT.encode()), INNER_TEXT)
    assert [(c.text, c.row) for c in doc.cells] == [
        ("标题", 1),
        ("信息内容", 2), ("本年制发件数", 2), ("总计", 2),
        ("规章", 3), ("", 3), ("3", 3),
        ("行政规范性文件", 4), ("8", 4), ("", 4),
        ("说明", 5),
    ]
    assert doc.cells[4].ref == "table 1 line 3 cell 1"


# pandoc's Org table: no `|---|` rule, but every wall on the same display column.
ORG = """\
| 信息内容 | 本年制发件数 | 总计 |
| 规章     |              | 3    |
| 规范文件 | 8            |      |
"""


def test_aligned_pipe_rows_are_full_width_and_one_table() -> None:
    doc = read("inline.txt", "0" * 64, len(ORG.encode()), ORG)
    assert doc.full_width_rows
    assert [c.ref for c in doc.cells if c.row == 3] == [
        "table 1 line 3 cell 1", "table 1 line 3 cell 2", "table 1 line 3 cell 3"]
    ragged = ORG.replace("| 规范文件 | 8            |", "| 规范文件 | 8 |")
    assert not read("inline.txt", "0" * 64, len(ragged.encode()), ragged).full_width_rows


# html2text's tables: no border pipes, cells joined by `| `; an empty last cell leaves
# the line ending in a pipe (and spaces). Dropping it would shift the row's values.
HTML2TEXT = "信息内容| 本年制发件数| 总计\n---|---|---\n规章| 3| \n行政规范性文件| | 8\n"


def test_rows_without_borders_keep_an_empty_last_cell() -> None:
    doc = read("inline.txt", "0" * 64, len(HTML2TEXT.encode()), HTML2TEXT)
    assert [[c.text for c in doc.cells if c.row == r] for r in (3, 4)] == [
        ["规章", "3", ""], ["行政规范性文件", "", "8"]]


# A word processor's text export (`soffice --convert-to txt` of 011's page): a paragraph
# a line with nothing between paragraphs, so an empty line is an empty cell.
PARAGRAPHS = """\
本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自当年1月1日起至当年12月31日止。
一、本年新收政府信息公开申请数量
821
35


2
1
859
二、上年结转政府信息公开申请数量
18

"""


def test_paragraph_lines_keep_an_empty_line_as_a_blank_cell() -> None:
    doc = read_text(PARAGRAPHS)
    assert doc.rendering == "text_cells"
    assert [c.text for c in doc.cells][1:] == ["一、本年新收政府信息公开申请数量", "821", "35",
                                               "", "", "2", "1", "859",
                                               "二、上年结转政府信息公开申请数量", "18"]
    assert doc.cells[4] == TextCell("", "line 5")


def test_paragraphs_parted_by_empty_lines_are_lines_without_blanks() -> None:
    # The prose has an empty line beside it: empty lines part paragraphs, not cells.
    doc = read_text(PARAGRAPHS.replace("止。\n", "止。\n\n"))
    assert "" not in [c.text for c in doc.cells]


# pandoc's Org of a page whose cells hold `<br>` (variants.py number-br, cut from the
# 2020 Pingtan report's dump): Org has no cell of two lines, so pandoc prints the row
# over two lines, each piece but the last ending in Org's `\\`, the walls padded alike.
ORG_BROKEN = r"""| 第二十条第（五）项   |          |               |          |
| 信息内容             | 上一年\\ | 本年增/减     | 处理决\\ |
|                      | 项目数量 |               | 定数量   |
| 行政许可             | 3\\      | 4\\           | 2\\      |
|                      | 96       | 42            | 78       |
| 其他对外管理服务事项 | 1\\      | 7             | 1\\      |
|                      | 0        |               | 05       |
| 第二十条第（六）项   |          |               |          |
"""


def test_org_rows_broken_by_line_breaks_are_one_row_each() -> None:
    # Before: each line a row of its own, `本年废\\` / `止件数` never one label (the
    # columns' order unread) and `3\\` / `96` two rows' numbers.
    doc = read("inline.txt", "0" * 64, len(ORG_BROKEN.encode()), ORG_BROKEN)
    rows = {}
    for c in doc.cells:
        rows.setdefault(c.row, []).append(c.text)
    assert rows == {
        1: ["第二十条第（五）项", "", "", ""],
        2: ["信息内容", "上一年\n项目数量", "本年增/减", "处理决\n定数量"],
        4: ["行政许可", "3\n96", "4\n42", "2\n78"],
        6: ["其他对外管理服务事项", "1\n0", "7", "1\n05"],
        8: ["第二十条第（六）项", "", "", ""],
    }
    assert doc.full_width_rows
    assert doc.cells[5].ref == "table 1 line 2 cell 2"


_DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"


@pytest.mark.parametrize("writer", ["gfm", "rst", "asciidoc", "org", "mediawiki"])
def test_pandocs_tables_are_marked_clipped_in_every_writer(writer: str) -> None:
    # pandoc clipped the rows before its writer ran: its padded pipe tables (GitHub
    # Markdown, Org), reStructuredText grid tables, AsciiDoc and wiki tables are its own
    dump = _DUMPS / f"huaian-2024.pandoc-{writer}-broken-value-rowspan.txt"
    assert read_text(dump.read_text(encoding="utf-8")).clipped_rows


@pytest.mark.parametrize("dump", ["huaian-2024.html2text-number-br.txt",
                                  "shanghai-office-2019.w3m.txt",
                                  "shanghai-office-2019.lynx.txt",
                                  "huaian-2024.elinks.txt"])
def test_tables_other_tools_print_are_not_clipped(dump: str) -> None:
    # html2text's pipes are not padded, the browsers lay a table out from all its cells
    assert not read_text((_DUMPS / dump).read_text(encoding="utf-8")).clipped_rows


@pytest.mark.parametrize(("dump", "a_line"), [
    ("huaian-2024.lynx-t2-columns-swapped.txt", True),
    ("huaian-2024.chromium-innertext-t2-columns-swapped.txt", True),
    ("huaian-2024.pdftotext-layout-note-row.txt", False),
    ("huaian-2024.pdftotext-raw.txt", False)])
def test_rows_printed_a_line_let_a_line_break_cut_a_cell(dump: str, a_line: bool) -> None:
    # lynx prints a row a line, its cells a space apart, as innerText with tabs: a header
    # cell's `<br>` goes on at the next line's start. pdftotext -layout stacks a cell's
    # lines in its column: the next line's start is another column's. -raw prints a
    # header cell's pieces a line each (`结果` / `维持`) with no margin: no rows there
    # (joined as lynx's, 四's header read out of order: 15 cells lost on 21 prints)
    assert read_text((_DUMPS / dump).read_text(encoding="utf-8")).breaks_in_cells is a_line


@pytest.mark.parametrize(("dump", "apart"), [
    ("seed-shaoguan-zhenjiang-2019.lynx-cell-p-m05-s3-zb.txt", True),
    # lxml's itertext(), a cell a line and no margin: a `<br>`'s pieces are lines alike
    ("004.lxml-itertext-unmerged-trailing-numbers-revalued-m2-zb.txt", False)])
def test_lynxs_lines_in_its_margin_part_cells_by_empty_lines(dump: str, apart: bool) -> None:
    # lynx's dump of cells holding paragraphs, a cell a line in its margin: a `<br>`
    # breaks a line and leaves no empty one (Document.paragraph_cells)
    assert read_text((_DUMPS / dump).read_text(encoding="utf-8")).paragraph_cells is apart


def test_w3m_ascii_grid_is_not_clipped() -> None:
    # `w3m -dump -no-graph` of a page: its inner rules open with a wall (`|---+--|`)
    lines = ["+---------------------------------------+",
             "|第二十条第（一）项                  |  |",
             "|------------------------------------+--|",
             "|信息内容       |本年制|本年废|现行有|  |",
             "|               |发件数|止件数|效件数|  |",
             "|---------------+------+------+------+--|",
             "|规章           |      |0     |11    |  |",
             "|---------------|1     |------+------+--|",
             "|行政规范性文件 |      |8     |26    |66|",
             "|------------------------------------+--|",
             "|第二十条第（五）项                  |  |",
             "|------------------------------------+--|",
             "|信息内容       |本年处              |  |",
             "|               |理决定数量          |  |",
             "|---------------+--------------------+--|",
             "|行政许可       |447228              |  |",
             "+---------------------------------------+"]
    doc = read_text("\n".join(lines) + "\n")
    assert doc.rendering == "text_bordered" and not doc.clipped_rows


def test_a_crawlers_pipe_table_with_labels_in_one_column_is_not_clipped() -> None:
    # html2text's unpadded pipe rows: every row's label in its first cell
    lines = ["信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
             "---|---|---|---",
             "规章 | 1 | 0 | 11",
             "行政规范性文件 | 8 | 26 | 66"]
    assert not read_text("\n".join(lines) + "\n").clipped_rows


def test_a_superscript_alone_in_a_pipe_cell_is_its_text() -> None:
    # pymupdf4llm's Markdown of Chromium's print of 上海 2019 with other numbers: a number
    # printed above its line's baseline is marked `<sup>`; after a label it stays as
    # printed (it may be a note's marker)
    lines = ["|信息内容|上一年项目数量|本年增/减|处理决定数量|", "|---|---|---|---|",
             "|其他对外管|理服务事项|<sup>34</sup>|0|2333|",
             "|⾏政规范性⽂件<sup>8</sup>|3|88|", "|<sup>本年增/减</sup>|"]
    cells = read_text("\n".join(lines) + "\n").cells
    assert [c.text for c in cells][4:] == ["其他对外管", "理服务事项", "34", "0", "2333",
                                       "⾏政规范性⽂件<sup>8</sup>", "3", "88", "本年增/减"]


@pytest.mark.corpus
def test_a_converters_pipe_rows_with_labels_in_different_columns_are_clipped(
        corpus: Path) -> None:
    # 013.md (a PDF-to-Markdown converter): `|---|---|` rules, cells not padded, a row's
    # label in its first cell in some rows and after empty cells in others; a row opening
    # with a blank before its values is not placed there. Its 104 cells read as before,
    # and 二's four one-column rows printed as text lines (`行政许可 97`; h-mdconv2).
    text = (corpus / "reports" / "013.md").read_text(encoding="utf-8")
    doc = read_text(text)
    assert doc.clipped_rows
    report = parse_bytes("013.md", text.encode())
    assert sum(c.value is not None for c in report.cells.values()) == 108


def test_markitdowns_row_with_empty_columns_before_its_values_is_not_placed(
        truth: Callable[[str], dict]) -> None:
    # markitdown's Markdown of Chromium's print of 上海 2019 (011): pdfplumber's table adds
    # columns the page does not have, `| 三、本年度 | | | （一）予以公开 | | | 258 | 12 | | 1
    # | 1 |`: 258 (自然人) was published as 科研机构's, 12 as 社会公益组织's, 1 as 总计.
    data = (_DUMPS / "shanghai-office-2019.markitdown-plain.md").read_bytes()
    report = parse_bytes("shanghai-office-2019.markitdown-plain.md", data)
    want = truth("shanghai-office-2019")["cells"]
    got = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert len(got) == 22 and all(want[cid] == v for cid, v in got.items())
    granted = {c.state for cid, c in report.cells.items() if cid.startswith("t3.granted.")}
    assert granted == {"ambiguous"}
    assert "row granted" in " ".join(f.message for f in report.flags
                                     if f.code == "row_may_be_shifted")


def test_markitdowns_rows_printed_as_text_lines_between_its_tables_are_read(
        truth: Callable[[str], dict]) -> None:
    # markitdown's Markdown of LibreOffice's PDF of 平潭 2022 (004): the rows pdfplumber
    # finds in no table are pdfminer's text lines, a label's first piece and the row's
    # values on one line, its other pieces below (`2.其 0 0 0 0 0 0 0` / `他法` / …).
    # Read a word a cell (text_aligned.spaced_rows), as that text is read elsewhere; one
    # cell a line, none of their values was read (24 cells right before, 136 now). Its
    # pipe rows' cells of two columns (`| 4 0 |`) read where the identities prove them
    # (h-mdtwo: 136 -> 164).
    data = (_DUMPS / "pingtan-2022.markitdown-soffice-docx.md").read_bytes()
    report = parse_bytes("pingtan-2022.markitdown-soffice-docx.md", data)
    want = truth("pingtan-2022-run-together")["cells"]
    got = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert report.rendering == "text_pipes"
    assert len(got) == 164 and all(want[cid] == v for cid, v in got.items())
    assert [got[f"t3.denied_law_prohibited.{c}"] for c in ("natural_person", "total")] == [0, 0]
    assert got["t3.unable_not_held.natural_person"] == 37


_PINGTAN_2019_MD = "pingtan-2019.markitdown-revalued.md"
_T3 = tuple(c.id for c in load_template().version("gov_2019").tables["t3"].columns)


def _pingtan_2019_md(*edits: tuple[str, str]) -> ParsedReport:
    # markitdown's Markdown of Chromium's print of 平潭 2019 (005) with other numbers (the
    # `revalued` variant), its table 三: pdfplumber draws fewer columns than the page has,
    # so two columns' values share a cell (`| 175 16 | 0 2 | 13 8 | 214 |`) and the header
    # is cut the same way (`商业 | 科研 社会公 | 法律服 其`).
    text = (_DUMPS / _PINGTAN_2019_MD).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    return parse_bytes(_PINGTAN_2019_MD, text.encode())


def _values(report: ParsedReport) -> dict[str, object]:
    return {cid: c.value for cid, c in report.cells.items() if c.value is not None}


def test_markitdowns_cells_of_two_columns_read_where_the_identities_prove_them() -> None:
    # 22 rows of 三 (154 cells), each the one reading of its cells' pieces that its
    # total allows, under a header whose pieces name the columns in the template's order.
    # Before: every such row null (`ambiguous_digits`), 0 cells.
    report = _pingtan_2019_md()
    got = _values(report)
    assert len(got) == 154
    assert [got[f"t3.{r}.{c}"] for r in ("new_received", "results_total") for c in _T3] == [
        175, 16, 0, 2, 13, 8, 214, 184, 16, 0, 2, 14, 8, 224]
    assert [got[f"t3.partially_granted.{c}"] for c in _T3] == [6, 0, 0, 0, 0, 0, 6]
    assert sum(f.code == "split_by_identities" for f in report.flags) == 154
    # 2.没有现成信息需要另行制作: its values on a printed row below its label, not read
    assert not any(c.startswith("t3.unable_needs_creation.") for c in got)


@pytest.mark.parametrize("edits", [
    # the organisations in another order than the template's
    (("| 科研 社会公 | 法律服 其 |", "| 法律服 其 | 科研 社会公 |"),
     ("| 机构 益组织 | 务机构 他 |", "| 务机构 他 | 机构 益组织 |")),
    # no 其他 column
    (("| 法律服 其 |", "| 法律服 |"), ("| 务机构 他 |", "| 务机构 |")),
    # a column the template lacks
    (("| 法律服 其 |", "| 法律服 其 小计 |"),),
], ids=["permuted", "lacking", "unknown-column"])
def test_markitdowns_cells_of_two_columns_stay_null_under_a_header_not_proven(
        edits: tuple[tuple[str, str], ...]) -> None:
    report = _pingtan_2019_md(*edits)
    assert not any(c.startswith("t3.") for c in _values(report))
    assert sum(f.code == "ambiguous_digits" for f in report.flags) == 22


def test_markitdowns_cells_of_two_columns_stay_null_where_no_reading_fits() -> None:
    # 175+16+0+2+13+8 is 214: printed 215, no grouping of the pieces fits the row
    report = _pingtan_2019_md(("| 13 8  | 214 |", "| 13 8  | 215 |"))
    got = _values(report)
    assert len(got) == 147 and not any(c.startswith("t3.new_received.") for c in got)
    assert {report.cells[f"t3.new_received.{c}"].state for c in _T3} == {"ambiguous"}


def test_text_lines_of_words_between_pipe_tables_stay_one_cell_a_line() -> None:
    # fewer than three `label value value` lines: prose, or a note, kept as printed
    doc = read_text("| 规章 | 1 | 0 | 11 |\n| 行政规范性文件 | 8 | 26 | 66 |\n"
                    "全年收到 34 件 2 件\n本机关 共计 5 件\n| 行政许可 | 447228 |\n")
    assert [c.text for c in doc.cells if c.ref.startswith("line ")] == [
        "全年收到 34 件 2 件", "本机关 共计 5 件"]


def test_lynxs_rows_whose_numbers_are_cut_by_breaks_are_no_reading_order() -> None:
    # lynx of huaian's page whose numbers hold a `<br>` (`3<br>001`): most of its lines
    # are pieces of numbers (`001 5` / `3 0 0 6` / `1 4 3` / `119`), which looked like a
    # PDF's reading-order text printing 三 out of row order, and its values were withheld
    # (137 cells null). Every line opens with lynx's margin, as no PDF's text does: read as
    # lynx's rows, its numbers joined where the count proves it (number_breaks.py).
    path = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.lynx-number-br.txt"
    doc = read(path.name, "0" * 64, path.stat().st_size, path.read_text(encoding="utf-8"))
    assert doc.rendering != "text_reading_order" and doc.breaks_in_cells
    report = parse_bytes(path.name, path.read_bytes())
    want = json.loads((path.parents[1] / "truth" / "huaian-2024.json").read_text(
        encoding="utf-8"))["cells"]
    got = {cid: c.value for cid, c in report.cells.items()}
    assert {cid: v for cid, v in got.items() if v is not None and v != want[cid]} == {}
    assert {cid for cid, v in want.items() if v is not None and got[cid] is None} == {
        cid for cid in want if cid.startswith("t4.")}
