"""HTML variants of the labelled reports printed to PDF by Chromium, and their scores.

Helpers for `test_cross_prints.py` and `bench/bench_cross_prints.py`, not tests. Each
structural variant of `variants.py` (a CMS page's way of writing the tables) is printed
with one of `prints.py`'s Chromium prints, cached under
`.cache/pdf-renderings/xprint-<setting>/<variant>/`, read by the PDF reader and scored
against the cells the variant must read as (`variants.score`).

Settings: `default` (the command line's print: Letter, headers and footers on, as a
person prints), `a4-080` (DevTools on A4 at scale 0.8), `landscape` (DevTools on A4
landscape at scale 1).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from prints import A4_LANDSCAPE_PRINT, A4_PRINT, _made, chromium_pdf, chromium_scaled_pdf
from variants import Score, Variant, score

from pipelines.parse import parse_file
from pipelines.report import ParsedReport

SETTINGS: dict[str, Callable[[Path, Path], None]] = {
    "default": chromium_pdf,
    "a4-080": chromium_scaled_pdf(0.8, A4_PRINT),
    "landscape": chromium_scaled_pdf(1.0, A4_LANDSCAPE_PRINT),
}


def printed(setting: str, variant: Variant, truth_path: Path) -> tuple[Path, dict]:
    """The cached PDF of the variant's page printed with `setting`, and its expected cells."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    page, want = variant.make(truth)
    pdf = _made(f"xprint-{setting}/{variant.name}", truth_path.stem, page, ".html",
                SETTINGS[setting])
    return pdf, want


def read(setting: str, variant: Variant, truth_path: Path
         ) -> tuple[Score, dict, ParsedReport]:
    """The variant's print scored: (score, expected cells, the parsed report)."""
    pdf, want = printed(setting, variant, truth_path)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    report = parse_file(pdf)
    got = {cid: c.value for cid, c in report.cells.items()}
    return score(got, want, set(truth.get("unrecoverable", ()))), want, report
