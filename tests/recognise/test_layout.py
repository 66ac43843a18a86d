"""Layout-only table structure undone before tokenising: format characters, item numbers
in a cell of their own, 序号 columns."""

from __future__ import annotations

from pipelines.document import TextCell
from pipelines.recognise.layout import tidy


def row(table: int, r: int, row_no: int, *texts: str) -> list[TextCell]:
    return [TextCell(t, f"table {table} row {r} cell {c}", row_no)
            for c, t in enumerate(texts, start=1)]


def texts(cells: list[TextCell]) -> list[str]:
    return [c.text for c in cells]


def test_soft_hyphens_and_zero_width_spaces_removed() -> None:
    cells = row(1, 1, 1, "规\u00ad范\u00ad性文件", "1\u200b2")
    assert texts(tidy(cells)) == ["规范性文件", "12"]


def test_item_number_joined_with_its_label() -> None:
    cells = (row(1, 1, 1, "（三）", "不予公开", "1.", "属于国家秘密", "3", "0")
             + row(1, 2, 2, "2、", "其他法律行政法规禁止公开", "0"))
    assert texts(tidy(cells)) == ["（三）不予公开", "1.属于国家秘密", "3", "0",
                                  "2、其他法律行政法规禁止公开", "0"]


def test_item_number_before_a_value_is_kept_apart() -> None:
    cells = row(1, 1, 1, "1.", "5")
    assert texts(tidy(cells)) == ["1.", "5"]


def test_item_number_not_joined_across_rows_or_without_rows() -> None:
    cells = row(1, 1, 1, "1.") + row(1, 2, 2, "属于国家秘密")
    assert texts(tidy(cells)) == ["1.", "属于国家秘密"]
    lines = [TextCell("1.", "line 1"), TextCell("属于国家秘密", "line 2")]
    assert texts(tidy(lines)) == ["1.", "属于国家秘密"]


def test_sequence_column_numbers_dropped() -> None:
    cells = (row(1, 1, 1, "序号", "信息内容", "本年新制作数量")
             + row(1, 2, 2, "1", "规章", "5")
             + row(1, 3, 3, "", "caption")
             + row(1, 4, 4, "2", "规范性文件", "0"))
    assert texts(tidy(cells)) == ["信息内容", "本年新制作数量", "规章", "5", "caption",
                                  "规范性文件", "0"]


def test_sequence_number_that_breaks_the_numbering_is_kept() -> None:
    # 7 does not continue 1: it may be a value of a row whose 序号 cell is merged away
    cells = (row(1, 1, 1, "序号", "维持") + row(1, 2, 2, "1", "a", "3")
             + row(1, 3, 3, "7", "0", "2"))
    assert texts(tidy(cells)) == ["维持", "a", "3", "7", "0", "2"]


def test_blank_first_cell_kept_in_a_row_with_values() -> None:
    cells = row(1, 1, 1, "序号", "维持") + row(1, 2, 2, "", "3", "4")
    assert texts(tidy(cells)) == ["维持", "", "3", "4"]


def test_sequence_column_is_per_table() -> None:
    cells = row(1, 1, 1, "序号", "维持") + row(1, 2, 2, "1", "3") + row(2, 1, 3, "1", "3")
    assert texts(tidy(cells)) == ["维持", "3", "1", "3"]


def test_note_column_cells_dropped_unless_numbers() -> None:
    cells = (row(1, 1, 1, "信息内容", "本年新制作数量", "备注")
             + row(1, 2, 2, "规章", "5", "")
             + row(1, 3, 3, "规范性文件", "2", "含转发")
             + row(1, 4, 4, "行政许可", "3", "7")
             + row(1, 5, 5, "结果维持", "总计"))  # words in a header row are the table's
    assert texts(tidy(cells)) == ["信息内容", "本年新制作数量", "规章", "5", "规范性文件",
                                  "2", "行政许可", "3", "7", "结果维持", "总计"]


def test_sequence_column_in_pdf_tables() -> None:
    cells = [TextCell("序号", "page 3 table 1 row 1 cell 1", 1),
             TextCell("维持", "page 3 table 1 row 1 cell 2", 1),
             TextCell("1", "page 3 table 1 row 2 cell 1", 2),
             TextCell("3", "page 3 table 1 row 2 cell 2", 2),
             TextCell("2", "page 4 table 1 row 1 cell 1", 3),  # the next page: kept
             TextCell("5", "page 4 table 1 row 1 cell 2", 3)]
    assert texts(tidy(cells)) == ["维持", "3", "2", "5"]
