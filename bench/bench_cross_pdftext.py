"""Benchmark: every HTML variant of every labelled report printed by Chromium, turned into
text by pdftotext (`-layout`, `-raw`, reading order) and read back (issue 13).

The cross of `tests/renderings/variants.py` (CMS ways of writing the tables), Chromium's
print (`cross_prints.py`'s cached PDFs, settings `default`, `a4-080`, `landscape`) and the
converters a crawler runs on a PDF (`cross_pdftext.py`). Texts are cached under `--cache`.

    uv run python bench/bench_cross_pdftext.py [--settings default] [--converters layout,raw]
        [--variants a,b] [--reports 001,011] [--jobs 2] [-v]   # -v: each report not read whole
        [--revalued] [--means 0.5,3000 --seeds 1,2,3 [--scale S] [--zeros-blank]]

`--means`/`--seeds` print every page with its numbers drawn anew (as bench_cross.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from bench_cross import picked, redraw_options, scored  # noqa: E402
from cross_pdftext import CONVERTERS, read  # noqa: E402
from variants import Score, html_variant, totals_table  # noqa: E402


def _job(args: tuple[str, str, str, str, str]
         ) -> tuple[str, str, str, Score, dict[str, list[str]], Path]:
    setting, converter, name, truth, cache = args
    variant = html_variant(name)
    s, detail, pdf = read(setting, converter, variant, Path(truth), Path(cache))
    return f"{setting}/{converter}", name, Path(truth).stem, s, detail, pdf


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", default="default")
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--variants", default="")
    ap.add_argument("--reports", default="")
    ap.add_argument("--cache", default="/tmp/bench-cross-pdftext")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", action="store_true")
    redraw_options(ap)
    a = ap.parse_args(argv)
    variants, truths = picked(a)
    names = [v.name for v in variants]
    jobs = [(s, c, n, str(t), a.cache) for s in a.settings.split(",")
            for c in a.converters.split(",") for n in names for t in truths]
    print(totals_table(scored(_job, jobs, a.jobs, a.v), "setting/converter", 18))

if __name__ == "__main__":
    main(sys.argv[1:])
