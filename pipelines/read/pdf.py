"""PDF reader: tables read from their ruling lines, text outside them line by line.

Each page's tables are found from the drawn lines (pdfplumber's `lines` strategy), not
guessed from text positions. A table row becomes one row of cells; a merged cell is
emitted once, at its top-left grid position (pdfplumber gives None for the positions it
covers). A table that continues on the next page is simply the next page's table: its
rows follow in reading order, and a repeated header row is emitted like any other (the
recogniser ignores header labels). Line breaks inside a cell are kept.

Text outside the tables (title, section headings, prose, page numbers) becomes one row of
one cell per printed line, placed among the tables by its position on the page, so the
recogniser still sees the headings between tables. `Document.text` is every page's text.

A page without a text layer that shows an image (a scan, a table pasted as a picture)
is read by OCR (pipelines/read/pdf_scan.py); the document's rendering is then `scan`.
An encrypted or corrupt PDF is unreadable.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from pipelines.document import Document, TextCell
from pipelines.read.decode import UnreadableFile
from pipelines.read.pdf_scan import PicturePages, is_picture

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_BROKEN_PDF = (PdfminerException, MalformedPDFException, PSException)


def _inside(obj: dict, bboxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether an object's centre lies in one of the boxes (a table's text, not the page's)."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in bboxes)


def _page_rows(page: Page) -> Iterator[list[tuple[str, str]]]:
    """A page's printed rows top to bottom, each a list of (cell text, ref)."""
    tables = page.find_tables(_TABLE_SETTINGS)
    bboxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char"
                          or not _inside(obj, bboxes))
    items: list[tuple[float, int, object]] = []  # (top, order, table or line)
    for t_no, table in enumerate(tables, start=1):
        items.append((table.bbox[1], t_no, table))
    for line in outside.extract_text_lines():
        items.append((line["top"], 0, line))
    items.sort(key=lambda item: (item[0], item[1]))

    page_no, line_no = page.page_number, 0
    for _, t_no, item in items:
        if isinstance(item, dict):
            line_no += 1
            yield [(item["text"].strip(), f"page {page_no} line {line_no}")]
            continue
        for r_no, row in enumerate(item.extract(), start=1):
            ref = f"page {page_no} table {t_no} row {r_no} cell"
            cells = [(text.strip(), f"{ref} {c_no}") for c_no, text in enumerate(row, start=1)
                     if text is not None]  # None: a position covered by a merged cell
            if cells:
                yield cells


def _read_pdf(pdf: pdfplumber.PDF, pictures: PicturePages) -> tuple[str, list[TextCell]]:
    texts: list[str] = []
    cells: list[TextCell] = []
    row = 0
    for page in pdf.pages:
        if is_picture(page):  # a scanned page or a pasted table: read by OCR
            scanned = pictures.read(page)
            texts.append(scanned.text)
            for printed_row in scanned.rows:
                row += 1
                cells.extend(replace(c, row=row) for c in printed_row)
            continue
        texts.append(page.extract_text() or "")
        for printed_row in _page_rows(page):
            row += 1
            cells.extend(TextCell(text, ref, row) for text, ref in printed_row)
        page.close()  # frees the page's parsed objects; reports run to dozens of pages
    return "\n".join(t for t in texts if t.strip()), cells


def _why_broken(error: Exception) -> str:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    message = " ".join(str(cause).split())  # the reason is one line
    detail = type(cause).__name__ + (f": {message}" if message else "")
    if isinstance(cause, PDFEncryptionError):
        return f"PDF is encrypted and cannot be opened without its password ({detail})"
    return f"PDF is corrupt and cannot be opened ({detail})"


def read(name: str, sha256: str, size: int, data: bytes) -> Document:
    """Read a PDF's tables and text; raises UnreadableFile for scans and broken files."""
    pictures = PicturePages(data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text, cells = _read_pdf(pdf, pictures)
    except _BROKEN_PDF as e:
        raise UnreadableFile(f"{name}: {_why_broken(e)}") from e
    finally:
        pictures.close()
    if not text.strip():
        why = "; ".join(pictures.problems) or "no text layer and no ruled table in its images"
        raise UnreadableFile(f"{name}: PDF has no text to read ({why})")
    return Document(name, sha256, size, "scan" if pictures.read_any else "pdf", text, cells)
