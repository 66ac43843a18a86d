"""Positioned text runs (pdftohtml's HTML and XML) read by position, as a PDF's text.

The fixture is `pdftohtml -f 4 -l 4 -s -i -noframes` of page 4 of the huaian-2024 PDF
(tests/fixtures/reports): the end of table 二 and the start of table 三, printed without
a `<table>`, one `<p>` per run.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from pipelines.read import read_file
from pipelines.read.registry import is_html, is_positioned_runs
from pipelines.read.runs import read

PAGE = Path(__file__).parents[1] / "fixtures" / "runs" / "huaian-2024-page4.pdftohtml.html"


def _rows(html: str) -> list[list[str]]:
    doc = read("page.html", "", 0, html)
    return [[c.text for c in cells] for _, cells in groupby(doc.cells, key=lambda c: c.row)]


def test_pdftohtml_page_is_read_as_rows_by_position() -> None:
    doc = read_file(PAGE)
    assert doc.rendering == "positioned_runs"
    rows = _rows(PAGE.read_text(encoding="utf-8"))
    assert rows[:3] == [["信息内容", "本年处理决定数量"], ["行政处罚", "3985758"],
                        ["行政强制", "88283"]]
    # `3001 53` and `61 4` are runs of two cells each, a space between their numbers
    assert rows[14] == ["一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4",
                        "3119"]
    assert rows[17] == ["（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）",
                        "447", "7", "0", "0", "0", "0", "454"]
    assert rows[31] == ["1.本机关不掌握相关政府信息", "746", "12", "0", "0", "10", "1", "769"]
    assert len(rows) == 34


def test_xml_runs_carry_their_width() -> None:
    """`-xml`: a run's width leaves room for its spaces: `一、` and `3001` one em apart
    are two cells, `本年 新收` a quarter em apart one."""
    xml = ('<?xml version="1.0"?>\n<pdf2xml><page number="1" height="1000" width="800">'
           '<fontspec id="1" size="10"/>'
           '<text top="100" left="10" width="105" height="12" font="1">一、 3001</text>'
           '<text top="100" left="200" width="42.5" height="12" font="1">本年 新收</text>'
           '</page></pdf2xml>')
    assert _rows(xml) == [["一、", "3001", "本年新收"]]


def test_the_detector_takes_converter_pages_only() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert is_positioned_runs(page) and is_html(page)
    # a page with a table, and a page with a few positioned runs among its text
    assert not is_positioned_runs(page.replace("<body", "<table><tr><td>1</td></tr></table><body"))
    few = "<p style=\"position:absolute;top:1px;left:2px\">标题</p>" + "<p>正文</p>" * 40
    assert not is_positioned_runs(f"<html><body>{few}</body></html>")
    assert not is_positioned_runs("<html><body><table><tr><td>1</td></tr></table></body></html>")


def test_runs_overlapping_by_their_estimated_widths_stay_apart() -> None:
    """HTML gives no widths: a run estimated wider than its room ends where the next run
    starts (`1.` then `属于`, a font change: one cell), and half an em before a run of
    digits after digits (two numbers, never `123`)."""
    runs = "".join(f'<p style="position:absolute;top:100px;left:{x}px;white-space:nowrap" '
                   f'class="ft10">{text}</p>' for x, text in
                   ((10, "1."), (20, "属于国家秘密"), (300, "12"), (310, "3")))
    page = ('<html><head><style>.ft10{font-size:18px;}</style></head><body>'
            f'<div id="page1-div" style="position:relative;width:900px;height:1200px;">'
            f'{runs}</div></body></html>')
    assert _rows(page) == [["1.属于国家秘密", "12", "3"]]
