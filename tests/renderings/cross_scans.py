"""HTML variants of the labelled reports printed by Chromium, then scanned: helpers.

For `test_cross_scans.py` and `bench/bench_cross_scans.py`, not tests. A structural
variant of a CMS page (`variants.py`) printed the way a person prints it
(`cross_prints.py`, setting `default`: Letter, headers and footers on), then scanned
(`scans.py`: rasterised, degraded, JPEG pages in an image-only PDF). A page written as
`<table border="1">` prints with a browser's separated borders: each cell its own frame,
two cell frames apart by the cell spacing, the scans' double rules.

Scans are named by the print's key (a hash of the page), so reports whose pages are
equal (the fixtures that copy a corpus report) share one scan.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import scans
from cross_prints import printed
from variants import html_variant

# The scans: 150 dpi grey JPEG (the registered scans' baseline), and the same pages
# tilted 1° either way, as a sheet laid a little askew on the glass.
SCANS = {v.name: v for v in (
    scans.Variant("grey150_jpeg", 150, jpeg=60),
    scans.Variant("grey150_tilt1", 150, angle=1.0, jpeg=60),
    scans.Variant("grey150_tilt-1", 150, angle=-1.0, jpeg=60),
)}




def scan_kind(name: str) -> scans.Variant:
    """A scan kind by name: of SCANS, or any of scans.py's (registered or measured) that
    scans a page as Chromium printed it (not LibreOffice's DOCX, not make.py's Word HTML)."""
    if name in SCANS:
        return SCANS[name]
    kind = scans.variant(name)
    if kind.printer != "chromium" or kind.borderless:
        raise KeyError(f"scan kind {name!r} prints its own page, not the variant's")
    return kind


def print_key(variant: str, truth: Path) -> str:
    """The key of the variant's print of one report (equal pages, equal keys)."""
    pdf, _ = printed("default", html_variant(variant), truth)
    return pdf.stem.rsplit("-", 1)[1]


def scanned(scan: str, variant: str, truth: Path, cache: Path) -> tuple[Path, dict]:
    """The scan (cached under `cache`) of the variant's print of one report, and the cells
    it must read as."""
    pdf, want = printed("default", html_variant(variant), truth)
    kind = scan_kind(scan)
    out = cache / scan / variant / f"{pdf.stem.rsplit('-', 1)[1]}{kind.suffix}"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as work:
            data = scans.scan(pdf, kind, Path(work))
        out.with_suffix(".tmp").write_bytes(data)
        out.with_suffix(".tmp").rename(out)
    return out, want
