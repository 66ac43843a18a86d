"""DOCX reader: paragraphs and table cells in body order, grouped by table row.

The body's XML is read directly (python-docx only opens the package): `table.cell(r, c)`
returns a merged cell once per grid position it covers, while the recogniser wants each
printed cell once. So a horizontally merged cell (one `w:tc` with `w:gridSpan`) is read
once, and a vertically merged cell is read in the row it starts in (`w:vMerge
w:val="restart"`) and skipped where it continues (`w:vMerge` without a value; likewise
the legacy `w:hMerge`). Hidden runs (`w:vanish`) are not printed, so not read.

Paragraphs outside tables are one-cell rows, so section headings stay in reading order
between the tables. A cell holding a nested table (a layout table around a data table)
is read as its inner table's rows. Refs: "paragraph 3" counts the body's paragraphs;
"table 2 row 5 cell 3" numbers tables in document order (nested ones included), rows
within their table and cells by their `w:tc` position in the row.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from pipelines.document import Document, TextCell
from pipelines.read.decode import UnreadableFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Elements that only wrap content (content controls, custom XML, tracked insertions).
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}smartTag"}
# Property elements hold no printed text (a w:tab in w:pPr is a tab stop, not a tab).
_NO_TEXT = {f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}trPr", f"{_W}tcPr", f"{_W}del",
            f"{_W}instrText", _MC_FALLBACK}
_CHARACTERS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
               f"{_W}noBreakHyphen": "-"}


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Children with this tag, looking through wrapper elements such as w:sdt."""
    out = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _text(element: etree._Element) -> str:
    """The printed text of a paragraph (or run): w:t, tabs and breaks, in order."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.tag in _NO_TEXT or (el.tag == f"{_W}r" and _hidden(el)):
            return
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag in _CHARACTERS:
            parts.append(_CHARACTERS[el.tag])
        for child in el:
            walk(child)

    walk(element)
    return "".join(parts)


def _hidden(run: etree._Element) -> bool:
    """Whether a run is hidden text (w:vanish), which Word does not print."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _continues_merge(tc: etree._Element) -> bool:
    """Whether the cell continues a merge started above (vMerge) or to the left (hMerge)."""
    props = tc.find(f"{_W}tcPr")
    if props is None:
        return False
    for tag in ("vMerge", "hMerge"):
        merge = props.find(f"{_W}{tag}")
        if merge is not None and merge.get(f"{_W}val", "continue") != "restart":
            return True
    return False


class _BodyReader:
    """Walks the body once, numbering rows, tables and paragraphs as it goes."""

    def __init__(self) -> None:
        self.cells: list[TextCell] = []
        self.lines: list[str] = []
        self.row = 0
        self.tables = 0
        self.paragraphs = 0

    def _emit(self, text: str, ref: str, row: int) -> None:
        self.cells.append(TextCell(text, ref, row))
        if text:
            self.lines.append(text)

    def blocks(self, element: etree._Element) -> None:
        """Paragraphs and tables of the body (or of a wrapper) in order."""
        for child in element:
            if child.tag == f"{_W}p":
                self.paragraphs += 1
                self._paragraph(child, f"paragraph {self.paragraphs}")
            elif child.tag == f"{_W}tbl":
                self.table(child)
            elif child.tag in _WRAPPERS:
                self.blocks(child)

    def _paragraph(self, p: etree._Element, ref: str) -> None:
        text = _text(p).strip()
        if text:
            self.row += 1
            self._emit(text, ref, self.row)

    def table(self, tbl: etree._Element) -> None:
        self.tables += 1
        t_no = self.tables
        for r_no, tr in enumerate(_children(tbl, f"{_W}tr"), start=1):
            self.row += 1
            for c_no, tc in enumerate(_children(tr, f"{_W}tc"), start=1):
                if _continues_merge(tc):
                    continue
                ref = f"table {t_no} row {r_no} cell {c_no}"
                if _children(tc, f"{_W}tbl"):
                    self._layout_cell(tc, ref)
                    self.row += 1  # the outer row's later cells are a row of their own
                    continue
                text = "\n".join(_text(p) for p in _children(tc, f"{_W}p")).strip()
                self._emit(text, ref, self.row)

    def _layout_cell(self, tc: etree._Element, ref: str) -> None:
        """A cell holding a table: its own paragraphs as one-cell rows, its tables read."""
        k = 0
        for child in tc:
            if child.tag == f"{_W}p":
                k += 1
                self._paragraph(child, f"{ref} paragraph {k}")
            elif child.tag == f"{_W}tbl":
                self.table(child)
            elif child.tag in _WRAPPERS:
                self.blocks(child)


def _body(name: str, data: bytes) -> etree._Element:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError,
            etree.XMLSyntaxError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise UnreadableFile(f"{name}: not a readable Word document ({reason})") from e
    return document.element.body


def read(name: str, sha256: str, size: int, data: bytes) -> Document:
    reader = _BodyReader()
    reader.blocks(_body(name, data))
    return Document(name, sha256, size, "docx", "\n".join(reader.lines), reader.cells)
