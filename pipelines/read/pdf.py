"""PDF reader: tables read from their ruling lines, text outside them line by line.

Each page is read by `pdf_page` (tables from the drawn lines, a merged cell once, text
outside tables as one-cell rows placed among them by position); `pdf_join` then reads a
table continued over a page break as one table: its repeated header once, a row cut by
the break joined back. Cell and line texts are cleaned of font quirks by `pdf_text`.
`Document.text` is every page's text.

A page without a text layer that shows an image (a scan, a table pasted as a picture) is
read by OCR (pipelines/read/pdf_scan.py); the document's rendering is then `scan`. A PDF
that cannot be opened (encrypted, corrupt), whose page tree holds no page, or whose pages
fail to parse is unreadable with that reason.

pdfminer logs a warning for every font quirk it meets (`Could not get FontBBox…`,
hundreds per browser-printed report); they are relayed to this module's logger at debug
level and never reach the user's terminal.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from pipelines.document import Document, TextCell
from pipelines.read.decode import UnreadableFile
from pipelines.read.pdf_columns import columns_parted
from pipelines.read.pdf_join import joined
from pipelines.read.pdf_lines import blanks_placed, wrapped_labels_joined
from pipelines.read.pdf_page import PdfRow, page_rows
from pipelines.read.pdf_scan import PicturePages, is_picture
from pipelines.read.pdf_text import clean

_BROKEN_PDF = (PdfminerException, MalformedPDFException, PSException)
log = logging.getLogger(__name__)


class _Relay(logging.Handler):
    """pdfminer's records, sent on to this module's logger at debug level."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("pdfminer (%s): %s", record.name, record.getMessage())


def _quiet_pdfminer() -> None:
    """pdfminer's warnings to debug; its own debug chatter (slow) stays off."""
    pdfminer = logging.getLogger("pdfminer")
    pdfminer.setLevel(logging.WARNING)
    pdfminer.propagate = False
    if not any(isinstance(h, _Relay) for h in pdfminer.handlers):
        pdfminer.addHandler(_Relay())


_quiet_pdfminer()


class _BrokenPages(Exception):
    """A page of the PDF could not be parsed."""


def _parsed(page: Page) -> None:
    """Parse a page's content; raises _BrokenPages with the reason if it cannot be."""
    try:
        page.objects  # noqa: B018 - parsing the content stream is the point
    except MemoryError:
        raise  # the file's memory budget (budget.py), not damaged content
    except Exception as e:  # pdfminer raises many kinds on damaged content
        message = " ".join(str(e).split())  # the reason is one line
        raise _BrokenPages(f"page {page.page_number}: {type(e).__name__}: {message}") from e


def _doubled(page: Page) -> bool:
    """Whether a glyph is printed twice at (nearly) one place: fake bold, as WPS makes it.

    A cheap look first: pdfplumber's `dedupe_chars` sorts every glyph and costs more than
    reading the page, and most pages have no doubled glyph.
    """
    seen: set[tuple[str, int, int, bool]] = set()
    for char in page.chars:
        x, y = char["x0"], char["top"]
        # Rounded and floored: two glyphs less than half a point apart share one of them.
        keys = {(char["text"], round(x), round(y), True),
                (char["text"], int(x), int(y), False)}
        if keys & seen:
            return True
        seen |= keys
    return False


def page_of_rows(rows: list[PdfRow], before: list[PdfRow] | None) -> list[PdfRow]:
    """A page's rows (`pdf_page`) as read: text lines parted where their table's columns
    start, wrapped labels joined, blanks placed by the columns of this page and `before`
    (the previous page's rows)."""
    return blanks_placed(wrapped_labels_joined(columns_parted(rows)), before)


def pages_cells(pages: list[list[PdfRow]], heights: list[float], start: int) -> list[TextCell]:
    """Consecutive pages' rows joined where a table runs over a page break (pdf_join),
    as cells; their rows numbered after `start`."""
    return [TextCell(cell.text, cell.ref, start + row_no, cut=cell.cut,
                     furniture=row.furniture)
            for row_no, row in enumerate(joined(pages, heights), start=1)
            for cell in row.cells]


def _read_pdf(pdf: pdfplumber.PDF, pictures: PicturePages) -> tuple[str, list[TextCell], bool]:
    """The text, the cells, and whether any page holds an image (a scan, if no text).

    Pages with a text layer are joined where a table runs over a page break (pdf_join);
    a picture page (a scan, a pasted table) is read by OCR and its rows follow as read.
    """
    texts: list[str] = []
    cells: list[TextCell] = []
    pages, heights = [], []
    images = False

    def flush() -> None:  # the text pages read so far, joined, into cells
        cells.extend(pages_cells(pages, heights, len({c.row for c in cells})))
        pages.clear()
        heights.clear()

    for original in pdf.pages:
        _parsed(original)
        images = images or bool(original.images)
        if is_picture(original):  # a scanned page or a pasted table: read by OCR
            flush()
            scanned = pictures.read(original)
            texts.append(scanned.text)
            start = len({c.row for c in cells})
            for k, printed_row in enumerate(scanned.rows, start=1):
                cells.extend(replace(c, row=start + k) for c in printed_row)
            original.close()
            continue
        page = original.dedupe_chars() if _doubled(original) else original
        texts.append(clean(page.extract_text()))
        pages.append(page_of_rows(page_rows(page), pages[-1] if pages else None))
        heights.append(float(page.height))
        original.close()  # frees the page's parsed objects; reports run to dozens of pages
    flush()
    return "\n".join(t for t in texts if t.strip()), cells, images


def _why_broken(error: Exception) -> str:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    message = " ".join(str(cause).split())  # the reason is one line
    detail = type(cause).__name__ + (f": {message}" if message else "")
    if isinstance(cause, PDFEncryptionError):
        return f"PDF is encrypted and cannot be opened without its password ({detail})"
    return f"PDF is corrupt and cannot be opened ({detail})"


def read(name: str, sha256: str, size: int, data: bytes) -> Document:
    """Read a PDF's tables and text (picture pages by OCR); raises UnreadableFile for
    broken files and for pictures OCR cannot read."""
    pictures = PicturePages(data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise UnreadableFile(f"{name}: PDF is broken: its page tree holds no "
                                     "readable page")
            text, cells, images = _read_pdf(pdf, pictures)
    except _BROKEN_PDF as e:
        raise UnreadableFile(f"{name}: {_why_broken(e)}") from e
    except _BrokenPages as e:
        raise UnreadableFile(f"{name}: PDF is broken: a page cannot be read ({e})") from e
    finally:
        pictures.close()
    if not text.strip():
        if images:
            why = "; ".join(pictures.problems) or "no text layer and no ruled table in its images"
            raise UnreadableFile(f"{name}: PDF has no text to read ({why})")
        raise UnreadableFile(f"{name}: PDF is broken or empty: its pages hold neither "
                             "text nor images")
    return Document(name, sha256, size, "scan" if pictures.read_any else "pdf", text, cells)
