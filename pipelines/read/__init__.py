"""Readers: one per file format, each turning a file into a `Document`.

`read_file` sniffs the bytes (not the file name) and hands them to the reader the
registry (registry.py) picks. Readers know file formats only; nothing here knows a
statutory label.
"""

from __future__ import annotations

import hashlib
from importlib import import_module
from pathlib import Path

from pipelines.document import Document
from pipelines.read.decode import UnreadableFile, binary_reason, decode
from pipelines.read.html_images import Siblings, folder_siblings
from pipelines.read.registry import READERS, Reader
from pipelines.textnorm import radicals_as_ideographs

__all__ = ["UnreadableFile", "read_bytes", "read_file"]

# Bytes no registered reader took: named in the reason the file is not read.
_BINARY_KINDS = {
    b"PK\x03\x04": "zip container (XLSX/OFD)",
}


def _sniff_binary(data: bytes) -> str | None:
    for magic, kind in _BINARY_KINDS.items():
        if data.startswith(magic):
            return kind
    return binary_reason(data)  # NUL bytes alone do not tell: UTF-16/32 text has many


def _pick(name: str, data: bytes) -> tuple[Reader, bytes | str]:
    """The registered reader for these bytes, with what it reads (the bytes or the text)."""
    for reader in READERS:
        if reader.reads == "bytes" and reader.sniff(data):
            return reader, data
    binary = _sniff_binary(data)
    if binary:
        raise UnreadableFile(f"{name}: {binary} is not a supported rendering yet")
    if not data.strip():
        raise UnreadableFile(f"{name}: the file is empty")
    # radicals printed for ideographs (`⼈` for 人): a PDF's text as a converter saved it
    decoded = radicals_as_ideographs(decode(name, data))
    return next((r, decoded) for r in READERS if r.reads == "text" and r.sniff(decoded))


def read_bytes(name: str, data: bytes, siblings: Siblings | None = None) -> Document:
    """Decode and read one file's bytes; raises UnreadableFile with a one-line reason.
    `siblings` opens files next to it (images a page shows: html_images.py)."""
    reader, content = _pick(name, data)
    more = {"siblings": siblings} if reader.siblings else {}
    doc = import_module(f"{__name__}.{reader.module}").read(
        name, hashlib.sha256(data).hexdigest(), len(data), content, **more)
    if doc.rendering not in reader.renderings:  # a reader returns only what it registered
        raise ValueError(f"reader {reader.module} returned the unregistered rendering "
                         f"{doc.rendering!r}; add it to pipelines/read/registry.py")
    return doc


def read_file(path: Path) -> Document:
    return read_bytes(path.name, path.read_bytes(), folder_siblings(path.parent))
