"""The HTML reader's one-walk texts: each cell's text as a walk from the cell gives it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from pipelines.read.decode import decode
from pipelines.read.html import _parse, _Texts

ODD = """<html><body><p>标题</p><table><tr><td>a<!--[if !supportLists]-->1、<!--[endif]-->
<span>b<br>c</span></td>tail text<th><div>d</div>e</th></tr>
<tr><td><table><tr><td>inner</td></tr></table>outer</td></tr>
<tr><td>x<script>var td = "<td>y</td>";</script>z</td><td><p>p1</p><p>p2</p></td></tr>
</table></body></html>"""


def _cells(root: etree._Element) -> list[etree._Element]:
    return list(root.iter("td", "th"))


def test_cell_texts_are_walks_from_the_cell() -> None:
    root = _parse(ODD)
    texts = _Texts(root)
    assert len(_cells(root)) == 6
    for td in _cells(root):
        assert texts.of(td) == _Texts(td).text()


def test_a_cell_the_page_walk_skips_is_walked_on_its_own() -> None:
    root = _parse("<html><body><p>a</p></body></html>")
    script = etree.SubElement(root.find("body"), "script")
    td = etree.SubElement(script, "td")
    td.text = "1"
    assert _Texts(root).of(td) == "1"


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
