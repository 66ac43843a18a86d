"""The one place a reader is registered: what it sniffs, its module, what it returns.

An entry names a module of this package (with `read(name, sha256, size, data) -> Document`),
the rule that picks it for a file, and every rendering the reader may put in
`Document.rendering`, with the description published in the `reports` table's enum
(schemas/vocabulary.RENDERINGS is made from this table). Adding a reader is adding an
entry here and writing its module; nothing else lists readers.

Readers of bytes are tried first, in this order, on the raw bytes; then, for bytes no
such reader took and that are text, readers of text in this order on the decoded text.
The first whose sniff says yes reads the file. This module imports only the standard
library, so the published schemas can be made without loading any file-format library.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Literal


@dataclass(frozen=True)
class Reader:
    module: str  # pipelines.read.<module>
    reads: Literal["bytes", "text"]  # what `sniff` and the module's `read` are given
    sniff: Callable[..., bool]  # (bytes) -> bool or (str) -> bool, per `reads`
    renderings: dict[str, str]  # every rendering the reader returns -> its description
    # Whether `read` also takes `siblings` (opens the files next to it: the images a page
    # shows, read/html_images.py).
    siblings: bool = False


def is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF")


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")


def is_image(data: bytes) -> bool:
    """PNG, JPEG, TIFF, GIF, BMP or WebP: read by OCR."""
    return data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def is_ole(data: bytes) -> bool:
    """An OLE compound file: legacy DOC and WPS."""
    return data.startswith(b"\xd0\xcf\x11\xe0")


# The MIME header block a page saved as one file (MHTML) starts with: `Name: value` lines
# (folded lines start with white space) up to the first empty line.
_HEADER_LINE = re.compile(rb"^(?:[A-Za-z][A-Za-z0-9-]*:|[ \t])")
_MULTIPART = re.compile(rb"^content-type:\s*multipart/related\b", re.I | re.M)
_HEADERS_MAX = 4096  # bytes of header block looked at


def is_mhtml(data: bytes) -> bool:
    """A web page saved as one file (`.mht`/`.mhtml`): bytes that start with a MIME header
    block naming a `multipart/related` body (a text that only mentions such a header has
    prose before it)."""
    head = data[:_HEADERS_MAX].lstrip(b"\xef\xbb\xbf\r\n")
    if not _HEADER_LINE.match(head):
        return False  # the first line is no header line (every page, every text): said at once
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    lines = block.splitlines()
    return bool(lines) and all(_HEADER_LINE.match(line) for line in lines) and bool(
        _MULTIPART.search(block))


_TAG = re.compile(r"<\s*(table|html|body|p|div|td)\b", re.IGNORECASE)


_TABLE_BLOCK = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*\|", re.M)  # a Markdown table's `|---|` rule
# a grid table's `+----+----+` rule (pandoc's Markdown of a table whose cells hold blocks);
# text_html_tables.py finds the grids by it too
GRID_RULE = re.compile(r"^\+(?:[-=:]{3,}\+){2,}[ \t]*$", re.M)
_PAGE = re.compile(r"^\s*(?:<!doctype|<html|<\?xml)", re.I)


def is_markdown_with_tables(text: str) -> bool:
    """Markdown holding raw HTML tables (`pandoc -t gfm`), read as text
    (read/text_html_tables.py): not an HTML page, and a pipe table's `|---|` rule or a
    grid table's `+---+` rule outside every `<table>` block (pandoc's Markdown writes
    the tables it can draw as grids, those with merged cells as raw HTML)."""
    if _PAGE.match(text) or "<table" not in text[:200_000].lower():
        return False
    outside = _TABLE_BLOCK.sub("", text[:200_000])
    return _PIPE_RULE.search(outside) is not None or GRID_RULE.search(outside) is not None


def is_html(text: str) -> bool:
    """Three of these tags within the first 200,000 characters (the search stops at the
    third), unless the text is Markdown holding HTML tables."""
    third = islice(_TAG.finditer(text, 0, 200_000), 2, None)
    return next(third, None) is not None and not is_markdown_with_tables(text)


# Positioned text runs (read/runs.py): a PDF-to-HTML converter's page.
_MOSTLY = 0.9  # share of the page's text in positioned runs: a converter's page
_MIN_RUNS = 10
_FIRST_RUN = 10_000  # characters before a converter's first positioned run

_RUN_HTML = re.compile(r"<(?:p|div)\b[^>]*?style=\"position:absolute;top:-?[\d.]+px;"
                       r"left:-?[\d.]+px[^>]*>(.*?)</(?:p|div)>", re.S | re.I)
_TAGS = re.compile(r"<[^>]*>")
_HIDDEN_BLOCKS = re.compile(r"<(head|style|script)\b.*?</\1\s*>", re.S | re.I)
_XML = "<pdf2xml"


def _visible(html: str) -> int:
    """Characters of text (not whitespace) the markup shows."""
    return len("".join(_TAGS.sub("", html).split()))


def is_converter_xml(text: str) -> bool:
    """pdftohtml's XML (`-xml`): its root element near the start."""
    return _XML in text[:1000]


def is_positioned_runs(text: str) -> bool:
    """pdftohtml's XML; or HTML with no `<table>` whose text is mostly (9 in 10 of its
    characters) in absolutely positioned runs, ten runs at least. A cheap look first:
    pages without `position:absolute;top:` in their first 10,000 characters (nearly all)
    are not scanned; pdftohtml writes its first run there, after the first page's font
    classes (some 70 characters each)."""
    if is_converter_xml(text):
        return True
    if text.find("position:absolute;top:", 0, _FIRST_RUN) < 0 or "<table" in text.lower():
        return False
    runs = _RUN_HTML.findall(text)
    if len(runs) < _MIN_RUNS:
        return False
    inside = sum(_visible(r) for r in runs)
    return inside >= _MOSTLY * _visible(_HIDDEN_BLOCKS.sub("", text))


def any_text(text: str) -> bool:
    return True


# The order of the published enum is the order of this table (then `unknown`).
_IMAGE = "image file (JPG, PNG, TIFF), or a page whose tables are images; read by OCR"

READERS: tuple[Reader, ...] = (
    # Before `html`: a converter's page of positioned runs also has three HTML tags.
    Reader("runs", "text", is_positioned_runs, {
        "positioned_runs": "a PDF turned into positioned text runs by a converter "
                           "(pdftohtml's HTML or XML): tables read by position"}),
    Reader("html", "text", is_html, {"html": "HTML page or fragment with <table> elements",
                                     "image": _IMAGE}, siblings=True),
    Reader("text", "text", any_text, {
        "text_cells": "page text with one cell per line",
        "text_pipes": "page text with |-separated cells",
        "text_run_together": "page text whose cell separators were lost",
        "text_bordered": "page text with tables drawn in box-drawing or ASCII borders",
        "text_aligned": "page text with tables aligned by spaces (ruled columns, or a row a line)",
        "text_reading_order": "a PDF's text in reading order (pdftotext without -layout): "
                              "table cells out of row order, values of table 二 and 三 not read, "
                              "table 四's where its identities place them",
    }),
    # Before the text readers: a saved page's HTML is encoded (quoted-printable, base64).
    Reader("mhtml", "bytes", is_mhtml, {
        "mhtml": "web page saved as one file (MHTML, .mht): its HTML part read as a page",
        "image": _IMAGE}),
    Reader("pdf", "bytes", is_pdf,
           {"pdf": "PDF with a text layer; tables read from the ruling lines",
            "scan": "PDF whose pages (or table pages) are images; tables read by OCR"}),
    Reader("office", "bytes", is_ole,
           {"doc": "legacy Word or WPS file, converted to DOCX by LibreOffice"}),
    Reader("docx", "bytes", is_docx,
           {"docx": "Word document (DOCX); tables read from the document's table cells"}),
    Reader("image", "bytes", is_image, {"image": _IMAGE}),
)

# The rendering of a file no reader read (pipelines/parse.py's failed reports).
UNKNOWN = "unknown"

RENDERINGS: dict[str, str] = {
    **{name: text for r in READERS for name, text in r.renderings.items()},
    UNKNOWN: "not recognised as any supported rendering",
}
