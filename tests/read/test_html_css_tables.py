"""HTML reader: tables laid out with CSS display:table are read as tables."""

from __future__ import annotations

from pipelines.document import TextCell
from pipelines.read.html import read


def read_html(text: str):
    return read("inline.html", "0" * 64, len(text.encode()), text)


def test_inline_display_table() -> None:
    page = """<html><body><p>标题</p>
<div style="display: table"><div style="display:table-row">
<div style="display:table-cell">规章</div>
<span style="display:table-cell"><p>5</p></span></div></div></body></html>"""
    assert read_html(page).cells == [
        TextCell("规章", "table 1 row 1 cell 1", 1),
        TextCell("5", "table 1 row 1 cell 2", 1),
    ]


def test_display_by_class_rule() -> None:
    page = """<html><head><style>.t {display:table} .r { color:red; display: table-row }
.c{display:table-cell;border:1px}</style></head><body>
<div class="t"><div class="r"><div class="c x">规范性文件</div><div class="c">0</div>
</div></div></body></html>"""
    assert read_html(page).cells == [
        TextCell("规范性文件", "table 1 row 1 cell 1", 1),
        TextCell("0", "table 1 row 1 cell 2", 1),
    ]


def test_display_block_is_no_table() -> None:
    page = '<html><body><div style="display:block">规章 5</div></body></html>'
    assert read_html(page).cells == []


def test_hidden_elements_are_not_read() -> None:
    page = """<html><body><table><tr><td>规<span style="display:none">9</span>章</td>
<td>1<font style="visibility: hidden">8</font>2<i hidden>7</i>3</td></tr></table>
</body></html>"""
    assert [c.text for c in read_html(page).cells] == ["规章", "123"]
