"""HTML variants printed by Chromium, turned into text by pdftotext, read back (issue 13).

Helpers for `test_cross_pdftext.py` and `bench/bench_cross_pdftext.py`, not tests. Much
crawled text is a PDF run through `pdftotext`: here the prints of `cross_prints.py` (each
structural variant of `variants.py` printed by Chromium, cached under
`.cache/pdf-renderings/xprint-<setting>/`) are converted by pdftotext's three layouts and
read back as text, scored against the cells the variant must read as.

pdftotext prints nothing for an empty cell: the non-null cells of a printed row with a
blank are unrecoverable (as `cross.unrecoverable` for a tool that drops blanks), except
where the variant prints its blanks as text (a dash, 无, 0).
"""

from __future__ import annotations

import json
from pathlib import Path

from cross import PRINTED_BLANKS, read_back
from cross_prints import printed
from dumps import lost_blank_cells
from prints import converted_pdf
from variants import Score, Variant

# How a crawler turns a PDF into text: pdftotext's three layouts.
CONVERTERS: dict[str, tuple[str, ...]] = {
    "layout": ("pdftotext", "-layout", "-enc", "UTF-8"),
    "raw": ("pdftotext", "-raw", "-enc", "UTF-8"),
    "reading": ("pdftotext", "-enc", "UTF-8"),
}


def pdf_text(converter: str, pdf: Path, cache: Path | None = None) -> bytes:
    """The PDF's text as `converter` prints it, cached under `cache` by the PDF's hash."""
    return converted_pdf([*CONVERTERS[converter], str(pdf), "-"], pdf,
                         None if cache is None else cache / converter, ".txt", 120)


def lost(variant: Variant, truth: dict, want: dict) -> frozenset[str]:
    """Cells no text of the print can place: the truth's, and a dropped blank's row."""
    out = set(truth.get("unrecoverable", ()))
    if variant.name not in PRINTED_BLANKS:
        out |= set(lost_blank_cells({"cells": want}))
    return frozenset(out)


def read(setting: str, converter: str, variant: Variant, truth_path: Path,
         cache: Path | None = None) -> tuple[Score, dict[str, list[str]], Path]:
    """The variant's print as `converter`'s text, read back: its score, its wrong, missed
    and invented cells (`id=got/want`), and the PDF."""
    pdf, want = printed(setting, variant, truth_path)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    text = pdf_text(converter, pdf, cache)
    s, detail = read_back(truth_path.stem, text, want, lost(variant, truth, want))
    return s, detail, pdf
