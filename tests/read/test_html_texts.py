"""The HTML reader's texts: line breaks at blocks, scripts and comments dropped (their
tails kept), each cell's text with its tail; and lxml parsing as lxml.html does."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from pipelines.document import TextCell
from pipelines.read.decode import decode
from pipelines.read.html import _parse, read

ODD = """<html><body><p>标题</p><table><tr><td>a<!--[if !supportLists]-->1、<!--[endif]-->
<span>b<br>c</span></td>tail text<th><div>d</div>e</th></tr>
<tr><td><table><tr><td>inner 1</td></tr></table>outer</td></tr>
<tr><td>x<script>var td = "<td>y</td>";</script>z</td><td><p>p1</p><p>p2</p></td></tr>
</table></body></html>"""


FLAT = ODD.replace("<tr><td><table><tr><td>inner 1</td></tr></table>outer</td></tr>\n", "")


def test_page_text_breaks_at_blocks_and_drops_scripts_and_comments() -> None:
    doc = read("odd.html", "0" * 64, 1, ODD)
    assert doc.text == "标题\na1、\nb\nctail text\nd\ne\ninner 1\nouter\nxz\np1\np2"
    # A table holding a table of numbers is layout: only the inner one is read (one of
    # words alone is its cell's text, test_html.py).
    assert doc.cells == [TextCell("inner 1", "table 2 row 1 cell 1", 1)]


def test_cell_texts_keep_their_breaks_and_tails() -> None:
    doc = read("flat.html", "0" * 64, 1, FLAT)
    assert doc.cells == [
        TextCell("a1、\nb\n\nctail text", "table 1 row 1 cell 1", 1),  # a list number in
        TextCell("d\ne", "table 1 row 1 cell 2", 1),                      # a comment is kept
        TextCell("xz", "table 1 row 2 cell 1", 2),
        TextCell("p1\n\np2", "table 1 row 2 cell 2", 2),
    ]


@pytest.mark.parametrize("name", ["shanghai-office-2019.html"])
def test_plain_elements_parse_like_lxml_html(fixtures_dir: Path, name: str) -> None:
    decoded = decode(name, (fixtures_dir / "reports" / name).read_bytes())
    plain, html = _parse(decoded), lxml.html.document_fromstring(decoded)
    assert etree.tostring(plain, encoding="unicode") == etree.tostring(html, encoding="unicode")


def test_empty_document_raises_like_lxml_html() -> None:
    with pytest.raises(etree.ParserError):
        lxml.html.document_fromstring("")
    with pytest.raises(etree.ParserError):
        _parse("")
