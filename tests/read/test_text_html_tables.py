"""Markdown holding raw HTML tables (pandoc's GitHub Markdown) read as pipe rows.

On `pandoc -f html -t gfm` of a Word page of 上海 2019 (tests/fixtures/dumps), where
every paragraph and cell keeps Word's `<span style=…>` markup inline.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_file
from pipelines.read.registry import is_html, is_markdown_with_tables
from pipelines.read.text_html_tables import as_pipe_rows

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
TABLE = ('<table><tr><td colspan="2">第二十条第（一）项</td></tr>'
         "<tr><td>信息内容</td><td>本年制<br />\n发件数</td></tr>"
         '<tr><td rowspan="2">规章</td><td>1</td></tr><tr><td>2</td></tr></table>')
RULE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_markdown_with_html_tables_is_text_an_html_page_is_not() -> None:
    assert is_markdown_with_tables("标题\n\n" + TABLE + "\n\n" + RULE)
    assert not is_html("标题\n\n" + TABLE + "\n\n" + RULE)
    page = "<!DOCTYPE html><html><body>" + TABLE + "<pre>" + RULE + "</pre></body></html>"
    assert is_html(page) and not is_markdown_with_tables(page)
    assert not is_markdown_with_tables(RULE)  # Markdown without HTML tables: plain text
    assert not is_markdown_with_tables(TABLE + "<p>| a |</p>")  # an HTML fragment


def test_html_tables_become_pipe_rows_with_spans_flattened() -> None:
    assert as_pipe_rows("前\n" + TABLE + "\n后 <span style='x'>2019</span>年&amp;") == (
        "前\n\n| 第二十条第（一）项 |  |\n| 信息内容 | 本年制 发件数 |\n| 规章 | 1 |\n|  | 2 |\n"
        "\n后 2019年&")


def test_gfm_of_a_word_page_reads_every_cell(truth: Callable[[str], dict]) -> None:
    want = truth("shanghai-office-2019")
    report = parse_file(DUMPS / "shanghai-office-2019.pandoc-gfm-word.txt")
    assert (report.rendering, report.status) == ("text_pipes", "complete")
    assert report.values() == want["cells"]
    # the title is bold (`**上海市…报告**`): the agency is read without the markup
    assert (report.agency, report.report_year) == (want["agency"], want["report_year"])
    assert [f.code for f in report.flags] == []


NESTED = ('<table><tr><td rowspan="2"><table><tr><td>（勾稽关系说明）</td></tr></table></td>'
          '<td>自然人</td></tr><tr><td>1</td></tr></table>')


def test_a_table_inside_a_cell_is_the_cell_s_text_a_table_of_numbers_is_read_alone() -> None:
    # pandoc's Markdown keeps a table nested in a header cell inside the raw HTML of the
    # table around it: the first `</table>` is the inner one's, not the block's end
    assert as_pipe_rows(NESTED + "\n后") == "\n| （勾稽关系说明） | 自然人 |\n|  | 1 |\n\n后"
    layout = ("<table><tr><td>说明</td><td><table><tr><td>规章</td><td>7</td></tr></table>"
              "</td></tr></table>")
    assert as_pipe_rows(layout) == "\n| 规章 | 7 |\n"


def test_markdown_of_a_header_cell_holding_a_table_reads_every_cell(
        truth: Callable[[str], dict]) -> None:
    # `pandoc -f html -t markdown` of 平潭 2020 whose table 三 has a table of words
    # in its corner cell (the broken-header-nested-table variant): tables 三 and 四 were
    # cut at the inner `</table>` and lost, 176 cells
    name = "pingtan-2020-run-together.pandoc-markdown-broken-header-nested-table.txt"
    report = parse_file(DUMPS / name)
    assert report.status == "complete"
    assert report.values() == truth("pingtan-2020-run-together")["cells"]
