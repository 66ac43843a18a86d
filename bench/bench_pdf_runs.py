"""Benchmark: the labelled reports' PDFs turned into positioned text runs by poppler's
pdftohtml (`-s`, `-c`, `-xml`), read back and scored (issue 13).

Each PDF of every producer of `tests/renderings/prints.py` (the corpus's 001.pdf among
them) is converted (`tests/renderings/pdf_runs.py`; cached under
`<worktree>/.cache/pdf-runs/`, `--cache`) and read back: right/wrong/missed/invented per
producer × converter.

    uv run python bench/bench_pdf_runs.py [--converters pdftohtml-s,pdftohtml-xml]
        [--producers corpus-pdf,soffice-docx] [--reports 001,011] [--jobs 1] [-v]
        [--markdown]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from bench_cross import print_matrix, scored  # noqa: E402
from pdf_runs import CACHE, CONVERTERS, PRODUCERS, items, read  # noqa: E402
from variants import Score  # noqa: E402


def _job(args: tuple[str, str, str, str]) -> tuple[str, str, str, Score, dict[str, list[str]]]:
    converter, producer, stem, cache = args
    item = next(i for i in items((producer,)) if i.stem == stem)
    s, detail = read(converter, item, Path(cache))
    return converter, producer, stem, s, detail


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--producers", default=",".join(PRODUCERS))
    ap.add_argument("--reports", default="")
    ap.add_argument("--cache", default=str(CACHE))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args(argv)
    converters, producers = a.converters.split(","), a.producers.split(",")
    picked = [i for i in items(tuple(producers))
              if not a.reports or i.stem in a.reports.split(",")]
    jobs = [(c, i.producer, i.stem, a.cache) for c in converters for i in picked]
    totals = scored(_job, jobs, a.jobs, a.v)
    print_matrix({(producer, conv): [s.right, s.wrong, s.missed, s.invented, s.total]
                  for (conv, producer), s in totals.items()}, converters, producers, a.markdown)

if __name__ == "__main__":
    main(sys.argv[1:])
