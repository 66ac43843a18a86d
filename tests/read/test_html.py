"""HTML reader: cells of every data table in document order, grouped by <tr>."""

from __future__ import annotations

from pathlib import Path

from pipelines.document import TextCell
from pipelines.read import read_bytes, read_file
from pipelines.read.html import read
from pipelines.read.registry import is_html

PAGE = """<html><head><title>标题</title><script>var x = "<td>1</td>";</script></head>
<body><p>2019年某某区人民政府政府信息公开工作年度报告</p>
<table><tr><th>信息内容</th><td>本年新<br>制作数量</td></tr>
<tr><td>规章</td><td>&nbsp;0&nbsp;</td></tr></table></body></html>"""


def read_html(text: str):
    return read("inline.html", "0" * 64, len(text.encode()), text)


def test_is_html() -> None:
    assert is_html(PAGE)
    assert is_html("<table><tr><td>规章</td><td>0</td></tr></table>")  # a fragment
    assert not is_html("规章 | 0 | 0 |\n<p>一个段落</p>")


def test_cells() -> None:
    doc = read_html(PAGE)
    assert doc.rendering == "html"
    assert doc.cells == [
        TextCell("信息内容", "table 1 row 1 cell 1", 1),
        TextCell("本年新\n\n制作数量", "table 1 row 1 cell 2", 1),  # <br> is a block break
        TextCell("规章", "table 1 row 2 cell 1", 2),
        TextCell("0", "table 1 row 2 cell 2", 2),  # &nbsp; padding stripped
    ]


def test_page_text_drops_scripts() -> None:
    text = read_html(PAGE).text
    assert text.splitlines()[:2] == ["标题", "2019年某某区人民政府政府信息公开工作年度报告"]
    assert "var x" not in text


def test_layout_table_is_skipped_for_its_inner_table() -> None:
    doc = read_html("<table><tr><td><table><tr><td>规章</td><td>0</td></tr></table>"
                    "</td></tr></table>")
    assert doc.cells == [TextCell("规章", "table 2 row 1 cell 1", 1),
                         TextCell("0", "table 2 row 1 cell 2", 1)]


def test_rows_number_on_across_tables() -> None:
    doc = read_html("<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>"
                    "<p>c</p>")
    assert doc.cells == [TextCell("a", "table 1 row 1 cell 1", 1),
                         TextCell("b", "table 2 row 1 cell 1", 2)]


def test_gbk_page_with_meta_charset() -> None:
    page = ('<html><head><meta charset="gb2312"></head><body><table>'
            "<tr><td>规章</td><td>0</td></tr></table></body></html>")
    doc = read_bytes("gbk.html", page.encode("gbk"))
    assert [c.text for c in doc.cells] == ["规章", "0"]


def test_shanghai_fixture(fixtures_dir: Path) -> None:
    doc = read_file(fixtures_dir / "reports" / "shanghai-office-2019.html")
    assert (doc.rendering, len(doc.cells)) == ("html", 285)
    assert doc.cells[:3] == [
        TextCell("第二十条第（一）项", "table 1 row 1 cell 1", 1),
        TextCell("信息内容", "table 1 row 2 cell 1", 2),
        TextCell("本年新\n\n制作数量", "table 1 row 2 cell 2", 2),
    ]
    assert TextCell("251000元", "table 1 row 18 cell 3", 18) in doc.cells
    assert doc.text.splitlines()[0] == "2019年上海市人民政府办公厅政府信息公开工作年度报告"


T4_HEAD = ('<tr><td colspan="2">行政复议</td><td></td></tr>'
           "<tr><td>结果维持</td><td>总计</td><td></td></tr>")


def test_an_empty_column_under_a_header_of_words_is_no_column() -> None:
    doc = read_html(f"<table>{T4_HEAD}<tr><td>5</td><td></td><td></td></tr></table>")
    assert [c.text for c in doc.cells] == ["行政复议", "结果维持", "总计", "5", ""]


def test_a_blank_column_with_no_header_row_is_kept() -> None:
    # values apart from their header, or rows of other widths: every cell kept
    values = "<table><tr><td>5</td><td>2</td><td></td></tr></table>"
    assert [c.text for c in read_html(values).cells] == ["5", "2", ""]
    ragged = f"<table>{T4_HEAD}<tr><td>5</td><td></td><td></td><td></td></tr></table>"
    assert len(read_html(ragged).cells) == 9


def test_cells_outside_any_row_are_a_row_of_their_own() -> None:
    """`<td>`s written straight into `<table>` (or `<tbody>`), no `<tr>` around them: a
    browser's parser puts each run of them in a row; libxml2 leaves them where they are,
    and they were not read (the header row of every table lost)."""
    doc = read_html("<table><td>信息内容</td><td>本年制发件数</td>"
                    "<tr><td>规章</td><td>3</td></tr>"
                    "<tbody><td>规范性文件</td><td>5</td><tr><td>其他</td><td>1</td></tr>"
                    "</tbody></table>")
    assert [(c.text, c.row) for c in doc.cells] == [
        ("信息内容", 1), ("本年制发件数", 1), ("规章", 2), ("3", 2), ("规范性文件", 3),
        ("5", 3), ("其他", 4), ("1", 4)]


def test_a_table_of_words_inside_a_cell_is_that_cells_text() -> None:
    """A one-cell table holding a header cell's text (a Word paste): the table around
    it is the data table, read whole (it was taken for a layout table and skipped, the
    inner table read alone: the statutory table lost). A table of numbers inside a
    cell still makes the table around it a layout table."""
    doc = read_html('<table><tr><td colspan="2"><table><tr><td>行政复议</td></tr></table>'
                    "</td></tr><tr><td>结果维持</td><td>总计</td></tr>"
                    "<tr><td>5</td><td>7</td></tr></table>")
    assert [(c.text, c.row) for c in doc.cells] == [
        ("行政复议", 1), ("结果维持", 2), ("总计", 2), ("5", 3), ("7", 3)]
    wrapped = read_html("<table><tr><td>首页</td></tr><tr><td><table><tr><td>规章</td>"
                        "<td>3</td></tr></table></td></tr></table>")
    assert [c.text for c in wrapped.cells] == ["规章", "3"]
