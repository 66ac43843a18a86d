"""A browser's copied text of tables whose cells are paragraphs, read as tab rows."""

from __future__ import annotations

from pipelines.read.text import read
from pipelines.read.text_paragraphs import (
    as_block_tab_rows,
    as_tab_rows,
    has_block_cells,
    has_paragraph_cells,
)


def _row(*cells: str) -> str:
    """A row as `innerText` writes it when every cell is a `<p>`: the tab between two
    cells set off by empty lines (an `&nbsp;` paragraph is a blank cell)."""
    return "\n\n\t\n\n".join(cells)


_ROWS = "\n\n\n\n\n"  # a row break between two paragraph cells

# A table of paragraph cells with blanks, a cell of two paragraphs in the middle of a row
# (行政处罚's 处理 / 决定), then a heading and a second table after an empty line only,
# and Word's closing row of empty cells before the last paragraph.
INNER_TEXT = (
    "标题\n\n"
    + _ROWS.join([
        _row("信息内容", "上一年\n项目数量", "总计"),
        _row("规章", "\xa0", "3"),
        _row("行政规范性文件", "8", "\xa0"),
        _row("行政处罚", "处理\n\n决定", "5"),
        _row("行政强制", "1", "9"),
    ])
    + "\n\n二、下一节\n\n"
    + _ROWS.join([_row("申请人", "数量"), _row("自然人", "\xa0"), _row("法人", "4")])
    + "\n\n\n\t\t\n\n说明"
)


def test_paragraph_cells_are_found_by_their_lone_tabs() -> None:
    assert has_paragraph_cells(INNER_TEXT)
    assert not has_paragraph_cells("规章\t\t3\n行政规范性文件\t8\t\n" * 10)
    # the seed report's tab cells: a lone tab line with no empty line after it
    assert not has_paragraph_cells("\n\n\t\n\t自然人\n\t法人\n" * 20)


def test_paragraph_cells_become_tab_rows_with_blanks_in_place() -> None:
    assert as_tab_rows(INNER_TEXT).split("\n") == [
        "标题",
        "信息内容\t上一年", "项目数量\t总计",  # a line break inside a cell stays one
        "规章\t\xa0\t3",
        "行政规范性文件\t8\t\xa0",
        "行政处罚\t处理 决定\t5",  # the row was narrower than the one above: joined
        "行政强制\t1\t9",
        "二、下一节",  # the row above was complete: a line of its own, not a cell
        "申请人\t数量",
        "自然人\t\xa0",
        "法人\t4",
        "\t\t",  # Word's row of column widths: the paragraph after it is no cell
        "说明",
    ]


def test_paragraph_cells_are_read_in_their_columns() -> None:
    doc = read("inline.txt", "0" * 64, len(INNER_TEXT.encode()), INNER_TEXT)
    rows: dict[int, list[str]] = {}
    for cell in doc.cells:
        rows.setdefault(cell.row, []).append(cell.text)
    assert list(rows.values())[3:6] == [
        ["规章", "", "3"], ["行政规范性文件", "8", ""], ["行政处罚", "处理 决定", "5"]]


def test_block_cells_become_tab_rows_with_blanks_in_place() -> None:
    # innerText of 011's page whose cells hold divs (variants.py `cell-div`): a tab line
    # between a cell's lines and the next's, one more for each blank cell, two empty
    # lines between rows; a header cell's `<br>` one line break inside its block
    row = ("一、本年新收政府信息公开申请数量\n\t\n821\n\t\n35\n\t\n\t\n\t\n2\n\t\n1\n\t\n859"
           "\n\n\n信息内容\n\t\n本年新\n制作数量\n\t\n对外公\n开总数量")
    assert as_block_tab_rows(row) == (
        "一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859\n\n\n"
        "信息内容\t本年新制作数量\t对外公开总数量")
    assert not has_block_cells(row) and has_block_cells(row * 2)
    # body text apart from a table by an empty line stays as it is
    assert as_block_tab_rows("情况如下：\n\n规章\n\t\n1") == "情况如下：\n\n规章\t1"
