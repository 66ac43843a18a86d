"""Benchmark: every HTML variant of every labelled report printed by Chromium, read back.

The cross of `tests/renderings/variants.py` (structural variants of CMS pages) and
`tests/renderings/prints.py` (Chromium's print to PDF, as a person prints): the hidden
evaluation reads browser-printed PDFs of real CMS pages. The prints, their cache and the
settings (`default`, `a4-080`, `landscape`) are `tests/renderings/cross_prints.py`'s.

    uv run python bench/bench_cross_prints.py [--settings default,a4-080] [--variants a,b]
        [--reports 001,011] [-v]   # -v: every report not read whole, and its cells
        [--revalued] [--means 0.5,3000 --seeds 1,2,3 [--scale S] [--zeros-blank]]
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from bench_cross import picked, redraw_options  # noqa: E402
from cross_prints import read  # noqa: E402
from variants import Score, html_variant, totals_table  # noqa: E402


def _job(args: tuple[str, str, str]) -> tuple[str, str, str, Score, list[str]]:
    setting, name, truth = args
    variant = html_variant(name)
    s, want, report = read(setting, variant, Path(truth))
    got = {cid: c.value for cid, c in report.cells.items()}
    bad = [f"{cid}: want {v} got {got.get(cid)}" for cid, v in want.items()
           if got.get(cid) != v and not (got.get(cid) is None and v is None)]
    return setting, name, Path(truth).stem, s, bad


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", default="default")
    ap.add_argument("--variants", default="")
    ap.add_argument("--reports", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", action="store_true")
    redraw_options(ap)
    a = ap.parse_args(argv)
    variants, truths = picked(a)
    names = [v.name for v in variants]
    jobs = [(s, n, str(t)) for s in a.settings.split(",") for n in names for t in truths]
    totals: dict[tuple[str, str], Score] = {}
    with ProcessPoolExecutor(a.jobs) as pool:
        for setting, name, stem, s, bad in pool.map(_job, jobs):
            totals.setdefault((setting, name), Score()).add(s)
            if a.v and (s.wrong or s.invented or s.missed):
                print(f"  {setting} {name} {stem}: {s}", flush=True)
                for line in bad[:40]:
                    print(f"     {line}", flush=True)
    print(totals_table(totals, "setting", 10))


if __name__ == "__main__":
    main(sys.argv[1:])
