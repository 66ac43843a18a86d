"""Benchmark: every DOCX variant of every labelled report printed and dumped by ordinary
tools, read back (issue 13).

The cross of `tests/renderings/variants.py`'s Word documents (`Variant(..., ".docx", ...)`)
and what a crawler keeps of a DOCX: LibreOffice's PDF (read by the PDF reader, or through
`pdftotext -layout`/`-raw`/no option), LibreOffice's text and HTML exports, pandoc's plain text,
Markdown and GitHub Markdown (`tests/renderings/cross_docx.py`). Conversions are cached
under `<worktree>/.cache/xdocx/` (`--cache`); LibreOffice runs once per converter for all
the files not cached.

    uv run python bench/bench_cross_docx.py [--converters pdf,soffice-txt]
        [--variants docx,docx-nested] [--reports 001,011] [--jobs 1] [-v] [--markdown]
        [--revalued]   # each DOCX with other numbers (variants.renumbered)
        [--means 0.5,3000 --seeds 1,2,3 [--scale S] [--zeros-blank]]   # drawn anew
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from bench_cross import picked, print_matrix, redraw_options, scored  # noqa: E402
from cross_docx import (  # noqa: E402
    CACHE,
    CONVERTERS,
    PDFTEXT,
    SOFFICE,
    docx_variant,
    docx_variants,
    prepare,
    read,
)
from variants import Score  # noqa: E402


def _job(args: tuple[str, str, str, str]
         ) -> tuple[str, str, str, Score, dict[str, list[str]], Path]:
    converter, name, truth, cache = args
    variant = docx_variant(name)
    s, detail, path = read(converter, variant, Path(truth), Path(cache))
    return converter, name, Path(truth).stem, s, detail, path


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--variants", default="")
    ap.add_argument("--reports", default="")
    ap.add_argument("--cache", default=str(CACHE))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    redraw_options(ap)
    a = ap.parse_args(argv)
    found, truths = picked(a, docx_variants())
    converters = a.converters.split(",")
    # LibreOffice once per export for every file the cache lacks.
    for soffice in {"pdf" if c in PDFTEXT else c for c in converters} & set(SOFFICE):
        prepare(soffice, [(v, t) for v in found for t in truths], Path(a.cache))
    jobs = [(c, v.name, str(t), a.cache) for c in converters for v in found for t in truths]
    totals = scored(_job, jobs, a.jobs, a.v)
    print_matrix({(name, conv): [s.right, s.wrong, s.missed, s.invented, s.total]
                  for (conv, name), s in totals.items()}, converters, [v.name for v in found],
                 a.markdown)

if __name__ == "__main__":
    main(sys.argv[1:])
