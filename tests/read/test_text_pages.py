"""Page furniture in pdftotext's text of Chromium's prints (read/text_pages.py).

The texts are real dumps (tests/fixtures/dumps): pdftotext `-layout` prints each page's
header (print date and time, the page's title) first and its footer (the page's URL,
`2/3`) last; `-raw` prints both at the page's end, as Chromium draws them last.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.read.text_pages import furniture_lines, running_lines

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"


def _lines(name: str) -> list[str]:
    return (DUMPS / name).read_text(encoding="utf-8").split("\n")


def test_a_layout_prints_header_and_footer_lines_are_furniture() -> None:
    lines = _lines("pingtan-2022.pdftotext-layout-page-break.txt")
    found = sorted(furniture_lines(lines))
    assert found == [0, 33, 34, 76, 77, 90]
    assert [lines[k].split()[0].lstrip("\f") for k in found] == [
        "12/5/26,", "file:///tmp/tmpv48j38kc/pingtan-2022-run-together.html"] * 3


def test_raw_prints_header_and_footer_at_each_pages_end() -> None:
    lines = _lines("huaian-2024.pdftotext-raw-word.txt")
    assert sorted(furniture_lines(lines)) == [81, 82, 149, 150, 217, 218, 279, 280]


def test_pages_without_running_lines_have_none() -> None:
    # printed without header and footer: four form feeds, the pages' edges a table's rows
    assert furniture_lines(_lines("huaian-2024.pdftotext-word.txt")) == frozenset()


def test_a_row_opening_every_page_is_no_furniture() -> None:
    # the same row at every page's top and bottom: no page number, time or URL
    page = "\f         5. 要求\n            行政\n            或重 0      0   0\n"
    assert furniture_lines((page * 3).split("\n")) == frozenset()


def test_one_page_has_none() -> None:
    assert furniture_lines(["12/5/26, 9:25 PM  title", "text", "file:///a.html  1/1"]) \
        == frozenset()


def test_running_lines_found_without_form_feeds() -> None:
    # the parser's text keeps no form feed and no empty line: the running lines that recur
    # (`1/3`, the print's date, the page's URL) are still told; a row's count is none
    lines = [ln.strip() for ln in _lines("huaian-2024.pdftotext-reading-unmerged-empty.txt")
             if ln.strip()]
    assert [lines[k] for k in sorted(running_lines(lines))] == [
        line for page in ("1/3", "2/3", "3/3")
        for line in ("12/6/26, 11:22 PM", "file:///tmp/tmpmr44mu96/001.html", page)]
    assert not running_lines(["3001 53", "2932 53", "file:///a.html"])


def test_a_url_printed_mid_page_in_reading_order_is_furniture() -> None:
    # pdftotext without options sorts page 2's blocks so that Chromium's footer URL prints
    # between table 四's header and 三's counts, far from the page's edges; a long line
    # there read as prose ended 四 (pingtan-2022: 四 not found)
    lines = _lines("pingtan-2022-run-together.pdftotext-reading.txt")
    found = sorted(furniture_lines(lines))
    assert found == [0, 50, 52, 54, 179, 325, 329, 368, 370]
    assert lines[179] == "file:///tmp/tmpe6n8obi1/pingtan-2022-run-together.html"
    assert [lines[177], lines[181]] == ["维持 纠正 结果 审结 计", "0"]


def test_a_url_printed_once_mid_page_is_no_furniture() -> None:
    # a report's own text naming a URL on one page only, mid-page: none
    page = "\f12/5/26, 9:25 PM\n标题\n正文\nhttp://www.gov.cn/a.html\n表\n正文\n1/2\n"
    lines = (page + page.replace("http://www.gov.cn/a.html\n", "")).split("\n")
    assert [lines[k] for k in sorted(furniture_lines(lines))] == [
        "\f12/5/26, 9:25 PM", "1/2", "\f12/5/26, 9:25 PM", "1/2"]
