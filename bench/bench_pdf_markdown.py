"""Benchmark: the labelled reports' PDFs turned into Markdown by PDF-to-Markdown converters
(pymupdf4llm, markitdown), read back and scored (issue 13).

Each PDF of `tests/renderings/prints.py`'s producers (the corpus's 001.pdf, Chromium's
prints of the Word-style, plain and borderless pages, LibreOffice's PDFs) is converted
(`tests/renderings/pdf_markdown.py`; cached under `<worktree>/.cache/pdf-markdown/`,
`--cache`) and read back as Markdown: right/wrong/missed/invented per producer × converter.

    uv run python bench/bench_pdf_markdown.py [--converters pymupdf4llm,markitdown]
        [--producers corpus-pdf,soffice-docx] [--reports 001,011] [--jobs 1] [-v]
        [--markdown]
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from bench_cross import print_matrix, scored  # noqa: E402
from variants import Score  # noqa: E402


def _job(args: tuple[str, str, str, str, str]
         ) -> tuple[str, str, str, Score, dict[str, list[str]]]:
    module, converter, producer, stem, cache = args
    converters = importlib.import_module(module)
    item = next(i for i in converters.items((producer,)) if i.stem == stem)
    s, detail = converters.read(converter, item, Path(cache))
    return converter, producer, stem, s, detail


def main(argv: list[str], module: str = "pdf_markdown") -> None:
    """The bench over the converters of `module` (a tests/renderings module with
    CACHE, CONVERTERS, PRODUCERS, items and read): pdf_markdown's, or pdf_runs's."""
    m = importlib.import_module(module)
    ap = argparse.ArgumentParser()
    ap.add_argument("--converters", default=",".join(m.CONVERTERS))
    ap.add_argument("--producers", default=",".join(m.PRODUCERS))
    ap.add_argument("--reports", default="")
    ap.add_argument("--cache", default=str(m.CACHE))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args(argv)
    converters, producers = a.converters.split(","), a.producers.split(",")
    picked = [i for i in m.items(tuple(producers))
              if not a.reports or i.stem in a.reports.split(",")]
    jobs = [(module, c, i.producer, i.stem, a.cache) for c in converters for i in picked]
    totals = scored(_job, jobs, a.jobs, a.v)
    print_matrix({(producer, conv): [s.right, s.wrong, s.missed, s.invented, s.total]
                  for (conv, producer), s in totals.items()}, converters, producers, a.markdown)


if __name__ == "__main__":
    main(sys.argv[1:])
