"""PDFs of the labelled reports turned into Markdown by PDF-to-Markdown converters (issue 13).

Helpers for `test_pdf_markdown.py` and `bench/bench_pdf_markdown.py`, not tests. Crawlers
and researchers turn a PDF report into Markdown for search or a language model, and keep
only the Markdown (the corpus's 013.md and 014.md came that way). Each PDF of `prints.py`
(the corpus's own 001.pdf, Chromium's prints of the Word-style, plain and borderless
pages, LibreOffice's PDFs of the DOCX and of the Word-style page) is converted by

- `pymupdf4llm`: `pymupdf4llm.to_markdown` with its defaults (PyMuPDF 2.x with its layout
  model; AGPL: a dev/bench dependency, never a runtime one);
- `markitdown`: Microsoft's `markitdown` (MIT) with its PDF extra (pdfminer.six and
  pdfplumber), its defaults;

read back as a `.md` file and scored against the report's truth. Conversions are cached
under `<worktree>/.cache/pdf-markdown/<converter>/` by the PDF's hash; a converter runs in
its own process (`python -c`), as a crawler runs it.

Both converters print an empty table cell as an empty `| |` cell where they find the table
(no blank is dropped there); text they do not take for a table loses its blanks, as
pdftotext does: those rows are not counted as unrecoverable here, they are missed.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from cross import read_back
from prints import Rendering, renderings
from variants import Score

ROOT = Path(__file__).parents[2]
CACHE = ROOT / ".cache" / "pdf-markdown"
TIMEOUT = 300  # seconds for one conversion; one takes 5–20 s on the shared machine

# converter -> the Python a crawler runs, the PDF's path as argv[1], Markdown on stdout.
CONVERTERS: dict[str, str] = {
    "pymupdf4llm": "import sys, pymupdf4llm; "
                   "sys.stdout.write(pymupdf4llm.to_markdown(sys.argv[1]))",
    "markitdown": "import sys; from markitdown import MarkItDown; "
                  "sys.stdout.write(MarkItDown().convert(sys.argv[1]).text_content)",
}
# prints.py's producers converted: the labelled reports' PDFs as people make them.
PRODUCERS: tuple[str, ...] = ("corpus-pdf", "chromium-word-html", "chromium-plain-html",
                              "chromium-borderless-html", "soffice-docx", "soffice-html")


def markdown(converter: str, pdf: Path, cache: Path = CACHE) -> bytes:
    """The PDF as `converter` writes it in Markdown, cached by the PDF's hash."""
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()[:16]
    target = cache / converter / f"{pdf.stem}-{digest}.md"
    if target.is_file():
        return target.read_bytes()
    out = subprocess.run(["nice", sys.executable, "-c", CONVERTERS[converter], str(pdf)],
                         check=True, capture_output=True, timeout=TIMEOUT,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"}).stdout
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(out)
    return out


def items(producers: tuple[str, ...] = PRODUCERS) -> list[Rendering]:
    """The PDFs converted: each producer's rendering of every labelled report."""
    return [r for p in producers for r in renderings(p)]


def read(converter: str, item: Rendering, cache: Path = CACHE
         ) -> tuple[Score, dict[str, list[str]]]:
    """The rendering's Markdown read back: its score against the truth, and its wrong,
    missed and invented cells (`id=got/want`)."""
    truth = json.loads(item.truth.read_text(encoding="utf-8"))
    data = markdown(converter, item.pdf, cache)
    return read_back(item.stem, data, truth["cells"],
                     frozenset(truth.get("unrecoverable", ())), ".md")
