"""Benchmark: every HTML variant of every labelled report printed by Chromium, read back.

The cross of `tests/renderings/variants.py` (structural variants of CMS pages) and
`tests/renderings/prints.py` (Chromium's print to PDF, as a person prints): the hidden
evaluation reads browser-printed PDFs of real CMS pages. Each variant's page is printed
with each setting, cached under `.cache/pdf-renderings/xprint-<setting>/<variant>/`, parsed
by `ogi`'s PDF reader and scored against the cells the variant must read as.

Settings: `default` (the command line's print: Letter, headers and footers on),
`a4-080` (DevTools on A4 at scale 0.8), `landscape` (DevTools on A4 landscape).

    uv run python bench/bench_cross_prints.py [--settings default,a4-080] [--variants a,b]
        [--reports 001,011] [-v]   # -v: every report not read whole, and its cells
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "renderings"))

from prints import (
    A4_LANDSCAPE_PRINT,
    A4_PRINT,
    _made,
    chromium_pdf,
    chromium_scaled_pdf,
)
from variants import Score, Variant, labelled_truths, score, variants

SETTINGS: dict[str, Callable[[Path, Path], None]] = {
    "default": chromium_pdf,
    "a4-080": chromium_scaled_pdf(0.8, A4_PRINT),
    "landscape": chromium_scaled_pdf(1.0, A4_LANDSCAPE_PRINT),
}


def html_variants() -> list[Variant]:
    return [v for v in variants() if v.suffix == ".html"]


def printed(setting: str, variant: Variant, truth_path: Path) -> tuple[Path, dict]:
    """The cached PDF of the variant's page printed with `setting`, and its expected cells."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    page, want = variant.make(truth)
    pdf = _made(f"xprint-{setting}/{variant.name}", truth_path.stem, page, ".html",
                SETTINGS[setting])
    return pdf, want


def read(setting: str, variant: Variant, truth_path: Path) -> tuple[Score, dict, object]:
    """The variant's print scored: (score, expected cells, the parsed report)."""
    from pipelines.parse import parse_file

    pdf, want = printed(setting, variant, truth_path)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    report = parse_file(pdf)
    got = {cid: c.value for cid, c in report.cells.items()}
    return score(got, want, set(truth.get("unrecoverable", ()))), want, report


def _job(args: tuple[str, str, str]) -> tuple[str, str, str, Score, list[str]]:
    setting, name, truth = args
    variant = {v.name: v for v in html_variants()}[name]
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
    a = ap.parse_args(argv)
    names = [v.name for v in html_variants()
             if not a.variants or v.name in a.variants.split(",")]
    truths = [t for t in labelled_truths() if not a.reports or t.stem in a.reports.split(",")]
    jobs = [(s, n, str(t)) for s in a.settings.split(",") for n in names for t in truths]
    totals: dict[tuple[str, str], Score] = {}
    with ProcessPoolExecutor(a.jobs) as pool:
        for setting, name, stem, s, bad in pool.map(_job, jobs):
            totals.setdefault((setting, name), Score()).add(s)
            if a.v and (s.wrong or s.invented or s.missed):
                print(f"  {setting} {name} {stem}: {s}", flush=True)
                for line in bad[:40]:
                    print(f"     {line}", flush=True)
    print(f"{'setting':10} {'variant':26} {'right':>6} {'of':>6} {'wrong':>5} {'missed':>6} "
          f"{'invented':>8}")
    grand = Score()
    for (setting, name), t in totals.items():
        grand.add(t)
        print(f"{setting:10} {name:26} {t.right:6} {t.total:6} {t.wrong:5} {t.missed:6} "
              f"{t.invented:8}")
    print(f"all: {grand.right}/{grand.total} right, {grand.wrong} wrong, {grand.missed} "
          f"missed, {grand.invented} invented")


if __name__ == "__main__":
    main(sys.argv[1:])
