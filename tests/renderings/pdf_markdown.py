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

and Chromium's prints (`cross_prints.py`'s `default` setting) of the `revalued`,
`revalued-large` and `revalued-blanks` variants (`variants.py`: the same pages with other
numbers, 3–5 digits in most cells, or every 0 printed blank), producers
`chromium-<variant>`, each scored against the numbers its page prints;
read back as a `.md` file and scored against the report's truth. Conversions are cached
under `<worktree>/.cache/pdf-markdown/<converter>/` by the PDF's hash; a converter runs in
its own process (`python -c`), as a crawler runs it.

Both converters print an empty table cell as an empty `| |` cell where they find the table
(no blank is dropped there); text they do not take for a table loses its blanks, as
pdftotext does: those rows are not counted as unrecoverable here, they are missed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cross import read_back
from cross_prints import printed
from prints import Rendering, converted_pdf, labelled_truths, renderings, truth_of
from variants import Score, html_variant

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
# producer -> the variant Chromium prints: pages with numbers the readers were not built on
REVALUED: dict[str, str] = {f"chromium-{v}": v
                            for v in ("revalued", "revalued-large", "revalued-blanks")}
# prints.py's producers converted (the labelled reports' PDFs as people make them), then
# the revalued prints.
PRODUCERS: tuple[str, ...] = ("corpus-pdf", "chromium-word-html", "chromium-plain-html",
                              "chromium-borderless-html", "soffice-docx", "soffice-html",
                              *REVALUED)


def markdown(converter: str, pdf: Path, cache: Path = CACHE) -> bytes:
    """The PDF as `converter` writes it in Markdown, cached by the PDF's hash."""
    return converted_pdf(["nice", sys.executable, "-c", CONVERTERS[converter], str(pdf)],
                         pdf, cache / converter, ".md", TIMEOUT,
                         {**os.environ, "PYTHONIOENCODING": "utf-8"})


def items(producers: tuple[str, ...] = PRODUCERS) -> list[Rendering]:
    """The PDFs converted: each producer's rendering of every labelled report."""
    return [r for p in producers for r in (_revalued(p) if p in REVALUED else renderings(p))]


def _revalued(producer: str) -> list[Rendering]:
    variant = html_variant(REVALUED[producer])
    return [Rendering(producer, t.stem, printed("default", variant, t)[0], t)
            for t in labelled_truths()]


def read(converter: str, item: Rendering, cache: Path = CACHE
         ) -> tuple[Score, dict[str, list[str]]]:
    """The rendering's Markdown read back: its score against the truth, and its wrong,
    missed and invented cells (`id=got/want`)."""
    truth = truth_of(item.truth)
    want = (html_variant(REVALUED[item.producer]).make(truth)[1]
            if item.producer in REVALUED else truth["cells"])
    data = markdown(converter, item.pdf, cache)
    return read_back(item.stem, data, want,
                     frozenset(truth.get("unrecoverable", ())), ".md")
