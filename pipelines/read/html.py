"""HTML reader: every <td>/<th> in document order, grouped by <tr>, with the page text.

Spans are not expanded: a merged cell is printed once, which is what the recogniser
wants (a row's values in reading order). `<br>` and block elements inside a cell become
line breaks; the recogniser removes whitespace from labels anyway.
"""

from __future__ import annotations

import re

import lxml.html

from pipelines.document import Document, TextCell

_TAG = re.compile(r"<\s*(table|html|body|p|div|td)\b", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title"}


def is_html(text: str) -> bool:
    return len(_TAG.findall(text[:200_000])) >= 3


def _text(element: lxml.html.HtmlElement) -> str:
    """Text of an element with line breaks at block boundaries; scripts and styles dropped."""
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        if not isinstance(el.tag, str):  # a comment or processing instruction:
            if el.tail:  # Word hides list numbers in <![if ...]> comments
                parts.append(el.tail)
            return
        tag = el.tag
        if tag in ("script", "style"):
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(element)
    return "".join(parts)


def _cells(root: lxml.html.HtmlElement) -> list[TextCell]:
    cells: list[TextCell] = []
    row_no = 0
    for t_no, table in enumerate(root.iter("table"), start=1):
        if table.find(".//table") is not None:
            continue  # a layout table wrapping a data table: read the inner one only
        for r_no, tr in enumerate(table.iter("tr"), start=1):
            row_no += 1
            for c_no, td in enumerate(tr.iterchildren("td", "th"), start=1):
                ref = f"table {t_no} row {r_no} cell {c_no}"
                cells.append(TextCell(_text(td).strip(), ref, row_no))
    return cells


def _page_text(root: lxml.html.HtmlElement) -> str:
    lines = (line.strip() for line in _text(root).splitlines())
    return "\n".join(line for line in lines if line)


def read(name: str, sha256: str, size: int, decoded: str) -> Document:
    root = lxml.html.document_fromstring(decoded)
    return Document(name, sha256, size, "html", _page_text(root), _cells(root))
