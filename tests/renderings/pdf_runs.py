"""PDFs of the labelled reports turned into positioned text runs by poppler's pdftohtml
(issue 13).

Helpers for `test_pdf_runs.py` and `bench/bench_pdf_runs.py`, not tests. Crawlers and
document sites publish a PDF report as the HTML a converter makes of it: one absolutely
positioned element per text run, no `<table>` (pipelines/read/runs.py). Each PDF of every
producer of `prints.py` (the corpus's own 001.pdf among them) is converted by

- `pdftohtml-s`: `pdftohtml -s -i -noframes` (one HTML document, pages stacked);
- `pdftohtml-c`: `pdftohtml -c -s -i -noframes` (complex mode: the same runs, positioned
  over a background picture of each page, which `-i` leaves out; written to files only);
- `pdftohtml-xml`: `pdftohtml -xml -i` (`<text top= left= width= height=>` elements);

read back (as `.html` or `.xml`) and scored against the report's truth. Conversions are
cached under `<worktree>/.cache/pdf-runs/<converter>/` by the PDF's hash.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cross import read_back
from prints import PRODUCERS, Rendering, converted_pdf, renderings, truth_of
from variants import Score

ROOT = Path(__file__).parents[2]
CACHE = ROOT / ".cache" / "pdf-runs"
TIMEOUT = 120  # seconds for one conversion; one takes under a second

# Complex mode writes its pages to files only (`-stdout` prints nothing): a folder for each.
_TO_FILES = ('d=$(mktemp -d) && pdftohtml -c -s -i -noframes -q "$1" "$d/out" '
             '&& cat "$d/out.html"; rm -rf "$d"')
# converter -> (the command, the PDF's path appended; what it prints; the file's suffix).
CONVERTERS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdftohtml-s": (("pdftohtml", "-s", "-i", "-noframes", "-stdout", "-q"), ".html"),
    "pdftohtml-c": (("sh", "-c", _TO_FILES, "sh"), ".html"),
    "pdftohtml-xml": (("pdftohtml", "-xml", "-i", "-stdout", "-q"), ".xml"),
}


def converted(converter: str, pdf: Path, cache: Path = CACHE) -> bytes:
    """The PDF as `converter` writes it, cached by the PDF's hash."""
    argv, suffix = CONVERTERS[converter]
    return converted_pdf(["nice", *argv, str(pdf)], pdf, cache / converter, suffix, TIMEOUT)


@cache  # the bench asks once a job: making a producer's PDFs (or finding them) is slow
def items(producers: tuple[str, ...] = tuple(PRODUCERS)) -> tuple[Rendering, ...]:
    """The PDFs converted: each producer's rendering of every labelled report."""
    return tuple(r for p in producers for r in renderings(p))


def read(converter: str, item: Rendering, cache: Path = CACHE
         ) -> tuple[Score, dict[str, list[str]]]:
    """The rendering's conversion read back: its score against the truth, and its wrong,
    missed and invented cells (`id=got/want`)."""
    truth = truth_of(item.truth)
    data = converted(converter, item.pdf, cache)
    return read_back(item.stem, data, truth["cells"],
                     frozenset(truth.get("unrecoverable", ())), CONVERTERS[converter][1])
