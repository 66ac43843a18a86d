"""HTML reader: every <td>/<th> in document order, grouped by <tr>, with the page text.

Spans are not expanded: a merged cell is printed once, which is what the recogniser
wants (a row's values in reading order). `<br>` and block elements inside a cell become
line breaks; the recogniser removes whitespace from labels anyway.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from pipelines.document import Document, TextCell

_TAG = re.compile(r"<\s*(table|html|body|p|div|td)\b", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title"}
_CELLS = ("td", "th")


def is_html(text: str) -> bool:
    """Three of these tags within the first 200,000 characters (the search stops at the third)."""
    third = islice(_TAG.finditer(text, 0, 200_000), 2, None)
    return next(third, None) is not None


def _parse(decoded: str) -> etree._Element:
    """lxml.html.document_fromstring with plain elements: lxml.html's element classes
    are looked up in Python for every element visited, a third of the reading time."""
    root = etree.fromstring(decoded, etree.HTMLParser())
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


class _Texts:
    """Text of elements with line breaks at block boundaries; scripts and styles dropped.

    One walk over the page gives the page text and, as slices of it, the text of every
    cell (each cell's text followed by its tail, as a walk from the cell would give)."""

    def __init__(self, root: etree._Element) -> None:
        self.parts: list[str] = []
        self.cells: dict[etree._Element, tuple[int, int]] = {}  # cell -> its parts
        self._walk(root)

    def _walk(self, el: etree._Element) -> None:
        parts = self.parts
        if not isinstance(el.tag, str):  # a comment or processing instruction:
            if el.tail:  # Word hides list numbers in <![if ...]> comments
                parts.append(el.tail)
            return
        tag = el.tag
        if tag in ("script", "style"):
            if el.tail:
                parts.append(el.tail)
            return
        start = len(parts)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            self._walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)
        if tag in _CELLS:
            self.cells[el] = (start, len(parts))

    def of(self, el: etree._Element) -> str:
        if el not in self.cells:  # not reached from the root (inside a script): walk it
            return _Texts(el).text()
        start, end = self.cells[el]
        return "".join(self.parts[start:end])

    def text(self) -> str:
        return "".join(self.parts)


def _cells(root: etree._Element, texts: _Texts) -> list[TextCell]:
    cells: list[TextCell] = []
    row_no = 0
    for t_no, table in enumerate(root.iter("table"), start=1):
        if table.find(".//table") is not None:
            continue  # a layout table wrapping a data table: read the inner one only
        for r_no, tr in enumerate(table.iter("tr"), start=1):
            row_no += 1
            for c_no, td in enumerate(tr.iterchildren(*_CELLS), start=1):
                ref = f"table {t_no} row {r_no} cell {c_no}"
                cells.append(TextCell(texts.of(td).strip(), ref, row_no))
    return cells


def _page_text(texts: _Texts) -> str:
    lines = (line.strip() for line in texts.text().splitlines())
    return "\n".join(line for line in lines if line)


def read(name: str, sha256: str, size: int, decoded: str) -> Document:
    root = _parse(decoded)
    texts = _Texts(root)
    return Document(name, sha256, size, "html", _page_text(texts), _cells(root, texts))
