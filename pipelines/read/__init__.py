"""Readers: one per file format, each turning a file into a `Document`.

`read_file` sniffs the bytes (not the file name) and hands them to the right reader.
Readers know file formats only; nothing here knows a statutory label.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import replace
from pathlib import Path

from pipelines.document import Document
from pipelines.read import docx, html, image, office, pdf, text
from pipelines.read.decode import UnreadableFile, decode
from pipelines.read.html_images import Siblings, folder_siblings

__all__ = ["UnreadableFile", "read_bytes", "read_file"]

_BINARY_KINDS = {
    b"PK\x03\x04": "zip container (XLSX/OFD)",
}


_OLE = b"\xd0\xcf\x11\xe0"


def _is_docx(data: bytes) -> bool:
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


def _sniff_binary(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text with a byte-order mark: NUL bytes are expected
    for magic, kind in _BINARY_KINDS.items():
        if data.startswith(magic):
            return kind
    return "binary data" if b"\x00" in data[:4096] else None


def read_bytes(name: str, data: bytes, siblings: Siblings | None = None) -> Document:
    """Decode and read one file's bytes; raises UnreadableFile with a one-line reason.
    `siblings` opens files next to it (images a page shows: html_images.py)."""
    sha256 = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF"):
        return pdf.read(name, sha256, len(data), data)
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return docx.read(name, sha256, len(data), data)
    if data.startswith(_OLE):  # legacy DOC/WPS: converted to DOCX by LibreOffice
        converted = office.convert_to_docx(name, data)
        return replace(docx.read(name, sha256, len(data), converted), rendering="doc")
    if image.is_image(data):  # JPG/PNG/TIFF...: read by OCR
        return image.read(name, sha256, len(data), data)
    binary = _sniff_binary(data)
    if binary:
        raise UnreadableFile(f"{name}: {binary} is not a supported rendering yet")
    if not data.strip():
        raise UnreadableFile(f"{name}: the file is empty")
    decoded = decode(name, data)
    if html.is_html(decoded):
        return html.read(name, sha256, len(data), decoded, siblings)
    return text.read(name, sha256, len(data), decoded)


def read_file(path: Path) -> Document:
    return read_bytes(path.name, path.read_bytes(), folder_siblings(path.parent))
