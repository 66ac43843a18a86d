"""OCR: accuracy per scan variant, time per page and per report, and where the time goes.

Every labelled corpus report is scanned each variant's way (tests/renderings/scans.py:
resolution, greyscale, rotation, noise, a red seal, JPEG) and read back with
`parse_bytes` in this process, one thread. Cells are scored as ../shared/tools/score.py
scores them (its own `same`): right, wrong (a number other than the label), missed (null
where the label has a number), invented (a number where the label is null). Time is CPU
time of this process (`time.process_time`: one core, whatever else runs on the machine),
split into the recogniser (ocr.read_lines) and everything else (rendering, straightening,
line and table search, recognition of the statute).

    uv run python bench/bench_ocr.py [--variants grey150_jpeg,...] [--reports 001,004]
                                     [--scans DIR]   # scans are cached there
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "renderings"))
sys.path.insert(0, str(ROOT))

import scans  # noqa: E402

from pipelines.parse import parse_bytes  # noqa: E402
from pipelines.read import ocr  # noqa: E402


class _RecogniserClock:
    """CPU seconds spent in the recogniser (wraps ocr.read_lines)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.lines = 0
        self._inner = ocr.read_lines
        ocr.read_lines = self._timed

    def _timed(self, crops):
        start = time.process_time()
        try:
            return self._inner(crops)
        finally:
            self.seconds += time.process_time() - start
            self.lines += len(crops)


def _pages(data: bytes) -> int:
    from PIL import Image

    if data.startswith(b"%PDF"):
        import pypdfium2
        return len(pypdfium2.PdfDocument(data))
    with Image.open(io.BytesIO(data)) as img:
        return getattr(img, "n_frames", 1)


def run_variant(variant: scans.Variant, reports: list[tuple[Path, Path]], root: Path,
                clock: _RecogniserClock) -> dict:
    work = root / "_printed"
    work.mkdir(parents=True, exist_ok=True)
    total = {"cells": 0, "right": 0, "wrong": 0, "missed": 0, "invented": 0}
    rows = []
    for report, truth_path in reports:
        path = root / variant.name / f"{report.stem}{variant.suffix}"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            printed = scans.printed_for(report, truth_path, variant, work)
            path.write_bytes(scans.scan(printed, variant, work))
        data = path.read_bytes()
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        rec_before, cpu = clock.seconds, time.process_time()
        parsed = parse_bytes(path.name, data)
        cpu = time.process_time() - cpu
        score = scans.score(truth, parsed.values())
        for k in total:
            total[k] += score[k]
        pages = _pages(data)
        rows.append({"report": report.stem, "status": parsed.status, **score, "pages": pages,
                     "cpu_s": round(cpu, 2), "recogniser_s": round(clock.seconds - rec_before, 2),
                     "uncertain": sum(f.code == "ocr_uncertain" for f in parsed.flags)})
    return {"variant": variant.name, **total, "reports": rows}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default=",".join(v.name for v in scans.VARIANTS))
    parser.add_argument("--reports", default="")
    parser.add_argument("--scans", default="/tmp/ogi-scans")
    args = parser.parse_args()
    wanted = set(args.variants.split(","))
    reports = [(r, t) for r, t in scans.labelled_reports()
               if not args.reports or r.stem in args.reports.split(",")]
    clock = _RecogniserClock()
    parse_bytes("warm-up.png", b"")  # imports; the models load on first use below
    for variant in (v for v in (*scans.VARIANTS, *scans.MEASURED) if v.name in wanted):
        result = run_variant(variant, reports, Path(args.scans), clock)
        n = result["cells"]
        cpu = sum(r["cpu_s"] for r in result["reports"])
        pages = sum(r["pages"] for r in result["reports"])
        print(f"{variant.name}: {result['right']}/{n} right ({result['right'] / n:.2%}), "
              f"wrong {result['wrong']}, missed {result['missed']}, invented "
              f"{result['invented']}; {cpu / len(result['reports']):.1f} s/report, "
              f"{cpu / pages:.2f} s/page (CPU)")
        for r in result["reports"]:
            print(f"    {r['report']}: {r['right']}/{r['cells']} right, {r['wrong']} wrong, "
                  f"{r['missed']} missed, {r['invented']} invented, {r['uncertain']} "
                  f"ocr_uncertain, {r['status']}; {r['pages']} pages, {r['cpu_s']} s "
                  f"({r['recogniser_s']} s recogniser)")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
