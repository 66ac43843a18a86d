"""Tables drawn with box-drawing or ASCII borders: grids of cells, spans read once."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.document import TextCell
from pipelines.parse import parse_bytes
from pipelines.read.text import read
from pipelines.read.text_bordered import grid_tables, table_blocks, table_cells
from pipelines.read.text_width import columns, has_ambiguous, width


def read_text(text: str):
    return read("inline.txt", "0" * 64, len(text.encode()), text)


BOX = """\
标题
┌────────┬───────┐
│信息内容│ 本年制│
│        │ 发件数│
├────────┼───────┤
│行政规范│   8   │
│ 性文件 │       │
├────────┼───────┤
│  规章  │       │
└────────┴───────┘
"""


def test_box_table_joins_wrapped_cells_and_keeps_blanks_and_rows() -> None:
    doc = read_text(BOX)
    assert doc.rendering == "text_bordered"
    assert [(c.text, c.row) for c in doc.cells] == [
        ("标题", 1),
        ("信息内容", 2), ("本年制\n发件数", 2),
        ("行政规范\n性文件", 3), ("8", 3),
        ("规章", 4), ("", 4),
    ]
    assert doc.cells[4].ref == "table 1 line 6 col 10"


SPANS = """\
┌──────┬────┬────┐
│      │ 申请人情况│
│ 说明 ├────┬────┤
│      │自然│总计│
├──┬───┼────┼────┤
│三│一 │ 1  │ 2  │
│  ├───┼────┼────┤
│  │二 │ 3  │    │
└──┴───┴────┴────┘
"""


def test_merged_cells_are_read_once_in_the_row_they_start() -> None:
    lines = SPANS.splitlines()
    assert table_blocks(lines) == [(0, 9, False)]
    cells, last_row = table_cells(lines, 1, False, 1)
    assert [(c.text, c.row) for c in cells] == [
        ("说明", 1), ("申请人情况", 1),
        ("自然", 2), ("总计", 2),
        ("三", 3), ("一", 3), ("1", 3), ("2", 3),
        ("二", 4), ("3", 4), ("", 4),
    ]
    assert last_row == 4


def test_ambiguous_width_characters_are_fitted_to_the_columns() -> None:
    # w3m counts “ and ” as two columns; the walls then fall on the table's columns.
    lines = ["┌────────┬──┐", "│3.危及“│5 │", "│ 稳定”  │  │", "└────────┴──┘"]
    assert has_ambiguous(lines[1]) and not has_ambiguous(lines[0])
    cells, _ = table_cells(lines, 1, False, 1)
    assert [c.text for c in cells] == ["3.危及“\n稳定”", "5"]
    # and elinks counts them as one column
    lines = ["┌───────┬──┐", "│3.危及“│5 │", "│ 稳定” │  │", "└───────┴──┘"]
    cells, _ = table_cells(lines, 1, False, 1)
    assert [c.text for c in cells] == ["3.危及“\n稳定”", "5"]


def test_display_width_counts_cjk_as_two_columns() -> None:
    assert width("规章12") == 6
    assert columns("规a│") == [0, 2, 3, 4]
    assert width("“", ambiguous=1) == 1 and width("“") == 2


ASCII = """\
+-----------------+--------+--------+
| 第二            |        |        |
| 十条第（一）项  |        |        |
+=================+========+========+
| 规章            | 1      | 11     |
+-----------------+--------+--------+
| 行政规范性文件  | 8      |        |
|                 +--------+--------+
|                 | 9      | 10     |
+-----------------+--------+--------+
"""


def test_ascii_grid_table_with_a_row_span() -> None:
    doc = read_text("前言\n" + ASCII + "后记 | 1 | 2\n")
    assert doc.rendering == "text_bordered"
    assert [(c.text, c.row) for c in doc.cells] == [
        ("前言", 1),
        ("第二\n十条第（一）项", 2), ("", 2), ("", 2),
        ("规章", 3), ("1", 3), ("11", 3),
        ("行政规范性文件", 4), ("8", 4), ("", 4),
        ("9", 5), ("10", 5),
        ("后记", 6), ("1", 6), ("2", 6),
    ]


def test_pipe_rows_without_rules_are_not_a_drawn_table() -> None:
    assert table_blocks(["| a | b |", "| 1 | 2 |", "| 3 | 4 |"]) == []
    assert read_text("| 规章 | 0 |\n| 规范性文件 | 1 |\n| 行政许可 | 4 |\n").rendering == \
        "text_pipes"


def test_cells_are_textcells_with_line_refs() -> None:
    doc = read_text(BOX)
    assert doc.cells[1] == TextCell("信息内容", "table 1 line 3 col 1", 2)


PSQL = """\
+----------------+--------+----+
| 信息内容       | 本年制 | 废 |
|----------------+--------+----|
| 规章           | 1      |    |
| 行政规范性文件 | 8      | 26 |
+----------------+--------+----+
"""


def test_rows_without_rules_between_them_are_one_a_line() -> None:
    # psql and tabulate's outline formats: stacked numbers are rows, never one cell "18".
    cells, _ = table_cells(PSQL.splitlines(), 1, True, 1)
    assert [(c.text, c.row) for c in cells] == [
        ("信息内容", 1), ("本年制", 1), ("废", 1),
        ("规章", 2), ("1", 2), ("", 2),
        ("行政规范性文件", 3), ("8", 3), ("26", 3),
    ]
    fancy = PSQL.replace("+", "┼").replace("|", "│").replace("-", "─")
    cells, _ = table_cells(fancy.splitlines(), 1, False, 1)
    assert [c.text for c in cells if c.row == 3] == ["行政规范性文件", "8", "26"]


def test_a_wrapped_item_number_is_not_a_stacked_number() -> None:
    # elinks at 60 columns wraps "1.属于国家秘密" two characters a line: one cell.
    lines = ["┌────┬──┐", "│1.属│  │", "│于国│2 │", "│家秘│  │", "│密  │  │", "└────┴──┘"]
    cells, _ = table_cells(lines, 1, False, 1)
    assert [(c.text, c.row) for c in cells] == [("1.属\n于国\n家秘\n密", 1), ("2", 1)]


# pandoc -t rst of 上海 2019's page: the item number is broken from its stop.
RST_ITEM = """\
+-------+-------+-------+-------+
|       |       | 2     | 30    |
|       |       | .其他 |       |
|       |       | 法律  |       |
+-------+-------+-------+-------+
|       |       | 3     | 5     |
|       |       | .危及 |       |
+-------+-------+-------+-------+
"""
# pandoc -t plain --columns=40 of 005's Word page: a long amount broken over three lines
# in a grid that rules every row apart.
PANDOC_WRAPPED_NUMBER = """\
+---------+---------+---------+---------+
| 第二十  |         |         |         |
| 条第（  |         |         |         |
| 九）项  |         |         |         |
+---------+---------+---------+---------+
| 信      | 采购项  | 采购    |         |
| 息内容  | 目数量  | 总金额  |         |
+---------+---------+---------+---------+
| 政府集  | 135     | 7       |         |
| 中采购  |         | 539.443 |         |
|         |         | 252万元 |         |
+---------+---------+---------+---------+
"""


def test_an_item_number_broken_from_its_stop_is_one_label() -> None:
    cells, _ = table_cells(RST_ITEM.splitlines(), 1, True, 1)
    assert [(c.text, c.row) for c in cells if c.text] == [
        ("2\n.其他\n法律", 1), ("30", 1), ("3\n.危及", 2), ("5", 2)]


def test_a_number_wrapped_in_a_grid_ruling_every_row_is_one_cell() -> None:
    cells, _ = table_cells(PANDOC_WRAPPED_NUMBER.splitlines(), 1, True, 1)
    assert [(c.text, c.row) for c in cells if c.text] == [
        ("第二十\n条第（\n九）项", 1),
        ("信\n息内容", 2), ("采购项\n目数量", 2), ("采购\n总金额", 2),
        ("政府集\n中采购", 3), ("135", 3), ("7\n539.443\n252万元", 3)]


# w3m -dump -no-graph of 001's page (variants number-br and item-apart): rows ruled apart
# by rules drawn between walls (`|----+----|`); a number broken by `<br>` over two lines.
W3M_NO_GRAPH = """\
+-----------------------------------------------------------------------------+
|二、上年结转政府信息公开申请数量              |3  |0  |0  |0    |0    |0 |3  |
|                                              |4  |   |   |     |     |  |4  |
|----------------------------------------------+---+---+---+-----+-----+--+---|
|三、本年|无法提|2.没有现成信息需要另行制作    |1  |0  |0  |0    |0    |0 |1  |
|度办理结|供    |                              |1  |   |   |     |     |  |1  |
|果      |      |------------------------------+---+---+---+-----+-----+--+---|
|        |      |3.补正后申请内容仍不明确      |1  |0  |0  |0    |0    |0 |1  |
|----------------------------------------------+---+---+---+-----+-----+--+---|
+-----------------------------------------------------------------------------+
"""
# A column one character wide: its rule piece is one `-` between two `+`.
W3M_NO_GRAPH_NARROW = """\
+-----------------------------------------------------------------------------+
|-----------------------+-------------------------+----+---+---+--+----+-+----|
|            |（一）    |予以公开                 |1288|21 |0  |0 |50  |3|1362|
|            |----------+-------------------------+----+---+---+--+----+-+----|
|            |          |部分公开（区分处理的，只 |    |   |   |  |    | |    |
|            |（二）    |计这一情形，不计其他情形 |447 |7  |0  |0 |0   |0|454 |
|            |          |）                       |    |   |   |  |    | |    |
|-----------------------+-------------------------+----+---+---+--+----+-+----|
+-----------------------------------------------------------------------------+
"""


def test_rules_between_walls_rule_rows_apart_and_a_wrapped_number_is_one_cell() -> None:
    # read a line a row, the second line's "1"s were lost and 11 published as 1
    cells, _ = table_cells(W3M_NO_GRAPH.splitlines(), 1, True, 1)
    assert [(c.text, c.row) for c in cells if c.text] == [
        ("二、上年结转政府信息公开申请数量", 1), ("3\n4", 1), ("0", 1), ("0", 1), ("0", 1),
        ("0", 1), ("0", 1), ("3\n4", 1),
        ("三、本年\n度办理结\n果", 2), ("无法提\n供", 2), ("2.没有现成信息需要另行制作", 2),
        ("1\n1", 2), ("0", 2), ("0", 2), ("0", 2), ("0", 2), ("0", 2), ("1\n1", 2),
        ("3.补正后申请内容仍不明确", 3), ("1", 3), ("0", 3), ("0", 3), ("0", 3), ("0", 3),
        ("0", 3), ("1", 3)]


def test_a_rule_piece_one_character_wide_joins_no_cells() -> None:
    cells, _ = table_cells(W3M_NO_GRAPH_NARROW.splitlines(), 1, True, 1)
    assert [c.text for c in cells if c.text] == [
        "（一）", "予以公开", "1288", "21", "0", "0", "50", "3", "1362",
        "（二）", "部分公开（区分处理的，只\n计这一情形，不计其他情形\n）", "447", "7", "0", "0",
        "0", "0", "454"]


# w3m -dump -O GBK of 001's page with 三's 自然人 column last (variant t3-natural-last),
# decoded: a double-byte locale draws each box-drawing character two columns wide.
W3M_GBK = """\
┌──────────────────────────┬─────────────────────┐
│                                                    │申请人情况                                │
│                                                    ├───────────────┬──┬──┤
│（本列数据的勾稽关系为：第一项加第二项之和，等于第三│法人或其他组织                │    │    │
│项加第四项之和）                                    ├──┬──┬───┬───┬─┤自然│总计│
│                                                    │商业│科研│社会公│法律服│其│人  │    │
│                                                    │企业│机构│益组织│务机构│他│    │    │
├──────────────────────────┼──┼──┼───┼───┼─┼──┼──┤
│一、本年新收政府信息公开申请数量                    │53  │0   │0     │61    │4 │3001│3119│
└──────────────────────────┴──┴──┴───┴───┴─┴──┴──┘
"""


def test_a_table_drawn_in_a_double_byte_locale_is_laid_out_two_columns_a_character() -> None:
    # laid out one column a box character, 法人或其他组织, 自然人 and 总计 were one cell
    cells, _ = table_cells(W3M_GBK.splitlines(), 1, False, 1)
    assert [c.text for c in cells if c.text][:9] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三\n项加第四项之和）", "申请人情况",
        "法人或其他组织", "自然\n人", "总计", "商业\n企业", "科研\n机构", "社会公\n益组织",
        "法律服\n务机构"]


def test_grid_tables_are_pandocs_rst_grids() -> None:
    # pandoc's reStructuredText: every rule a `+---+` line, a space inside each wall
    rst = ["+-----------------+-----------------+-----------------+-----------------+",
           "| 第二            |                 |                 |                 |",
           "| 十条第（一）项  |                 |                 |                 |",
           "+-----------------+-----------------+-----------------+-----------------+",
           "| 行政规范性文件  |                 | 8               | 26              |",
           "+-----------------+-----------------+-----------------+-----------------+"]
    assert grid_tables(rst)
    # w3m -no-graph rules its rows between walls (`|---+--|`), laid out from all cells
    w3m = ["+---------------------------------------+",
           "|第二十条第（一）项                  |  |",
           "|------------------------------------+--|",
           "|行政规范性文件 |      |8     |26    |66|",
           "+---------------------------------------+"]
    assert table_blocks(w3m) and not grid_tables(w3m)
    assert not grid_tables(["no table", "at all"])


FIXTURES = Path(__file__).parents[1] / "fixtures"
# `pandoc -t rst` of huaian-2024's page whose every cell holds a div
# (tests/renderings/variants.py `cell-div`)
CELL_DIV = FIXTURES / "dumps" / "huaian-2024.pandoc-rst-cell-div.txt"


def _cut(first: int, end: int) -> list[str]:
    """Lines first..end (1-based, inclusive) of the cell-div dump."""
    return CELL_DIV.read_text(encoding="utf-8").splitlines()[first - 1:end]


def test_a_cells_container_directive_is_not_its_text() -> None:
    # `.. container::` over each cell's text, whole or broken over lines (`..` / `con` /
    # `tain` / `er::`) where the column is narrow: before, `.. container::\n1` read as no
    # number and `..\ncon\ntain\ner::\n申\n请人\n情况` as no label
    cells, _ = table_cells(_cut(11, 30), 11, True, 1)
    assert [c.text for c in cells if c.text][:12] == [
        "第二\n十条第（一）项", "信息内容", "本年制\n发件数", "本年废\n止件数",
        "现行有\n效件数", "规章", "1", "0", "11", "行政规范性文件", "8", "26"]
    cells, _ = table_cells(_cut(82, 117), 82, True, 1)
    assert [c.text for c in cells if c.text][1:4] == ["申\n请人\n情况", "自\n然人",
                                                       "法\n人或\n其他\n组织"]


def test_cells_overflowing_a_narrow_column_are_read_by_the_rules_crosses() -> None:
    # table 四 in columns one character wide: a CJK character overflows its cell
    # (`| 结 | 结 |` under `+---+---+`) and pandoc prints a later empty cell a space short
    # (`|  |`), so the walls drift off the rule's `+`; before, 结果纠正 and 其他结果 and
    # the header's five labels after 尚未审结 were read as one cell each
    cells, _ = table_cells(_cut(478, 577), 478, True, 1)
    texts = [c.text.replace("\n", "") for c in cells if c.text]
    assert texts[:9] == ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果",
                         "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]
    assert texts[-15:] == ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26",
                           "12", "1", "1", "6", "20"]


def test_a_report_whose_cells_hold_divs_reads_whole() -> None:
    report = parse_bytes(CELL_DIV.name, CELL_DIV.read_bytes())
    want = json.loads((FIXTURES / "truth" / "huaian-2024.json").read_text(encoding="utf-8"))
    assert {cid: c.value for cid, c in report.cells.items()} == want["cells"]
