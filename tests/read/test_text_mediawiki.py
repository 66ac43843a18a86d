"""Wiki tables (`pandoc -t mediawiki`): a `|-` line opens a row, a `|` line a cell."""

from pipelines.read.text import read
from pipelines.read.text_mediawiki import as_pipe_rows, has_tables

# As pandoc 2.17 writes a bordered HTML table whose caption spans four columns: the span
# flattened into empty cells with their width attribute, a `<br>` inside a header cell
# continued on the next line, Word's digit spans kept as inline HTML, a blank cell as a
# bare `|`.
WIKI = """\
二、主动公开政府信息情况
{|
|width="25%"| 第二十条第（一）项
|width="25%"|
|width="25%"|
|width="25%"|
|-
| 信息内容
| 本年制<br />
发件数
| 本年废止件数
| 现行有效件数
|-
| 规章
| <span lang="EN-US">1</span><span lang="EN-US">2</span>
|
| 11
|}
"""


def test_rows_are_cut_at_row_lines_and_blank_cells_keep_their_place() -> None:
    assert has_tables(WIKI)
    assert as_pipe_rows(WIKI).splitlines() == [
        "二、主动公开政府信息情况",
        "| 第二十条第（一）项 |  |  |  |",
        "|---|---|---|---|",
        "| 信息内容 | 本年制 发件数 | 本年废止件数 | 现行有效件数 |",
        "| 规章 | 12 |  | 11 |",
    ]


def test_cells_on_one_line_split_by_double_bars() -> None:
    inline = "{|\n! 信息内容 !! 总计\n|-\n| 规章 || 3\n|}\n"
    assert as_pipe_rows(inline).splitlines() == ["| 信息内容 | 总计 |", "|---|---|",
                                                  "| 规章 | 3 |"]


def test_a_table_with_rows_of_different_widths_is_left_as_it_is() -> None:
    ragged = "{|\n| 规章\n| 1\n|-\n| 行政规范性文件\n|}\n"
    assert as_pipe_rows(ragged) == ragged


def test_spanned_cells_are_left_as_they_are() -> None:
    spanned = '{|\n|colspan="2"| 规章\n|-\n| a\n| b\n|}\n'
    assert as_pipe_rows(spanned) == spanned


def test_text_reader_reads_wiki_rows_in_place() -> None:
    doc = read("wiki.txt", "0" * 64, len(WIKI.encode()), WIKI)
    assert doc.rendering == "text_pipes"
    assert doc.full_width_rows
    row = [c.text for c in doc.cells if c.row == doc.cells[-1].row]
    assert row == ["规章", "12", "", "11"]
