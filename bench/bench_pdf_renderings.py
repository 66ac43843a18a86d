"""Benchmark: cells recovered from PDFs of every labelled report, per producer and report.

The PDFs are made with the real tools (Chromium print-to-PDF, LibreOffice export) by
`tests/renderings/prints.py` and cached; each is scored against its truth by
`../shared/tools/score.py` and parsed once more in process to time it.

    uv run python bench/bench_pdf_renderings.py [PRODUCER...]   # default: all producers
    uv run python bench/bench_pdf_renderings.py --detail        # every cell not right
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "renderings"))

from prints import PRODUCERS, renderings, score

from pipelines.parse import parse_file


def ms_per_report(pdf: Path) -> float:
    start = time.perf_counter()
    parse_file(pdf)
    return (time.perf_counter() - start) * 1000


def main(args: list[str]) -> None:
    detail = "--detail" in args
    producers = [a for a in args if not a.startswith("--")] or list(PRODUCERS)
    print(f"{'producer':<20} {'report':<36} {'right':>9} {'wrong':>5} {'missed':>6} "
          f"{'invented':>8} {'ms':>6}")
    total = [0, 0, 0, 0, 0]
    for producer in producers:
        items = renderings(producer)
        scores, output = score(items, detail)
        for item in items:
            s = scores.get(item.stem)
            ms = ms_per_report(item.pdf)
            if s is None:
                print(f"{producer:<20} {item.stem:<36} no output")
                continue
            total = [a + b for a, b in zip(total, (s.right, s.wrong, s.missed, s.invented,
                                                   s.cells), strict=True)]
            print(f"{producer:<20} {item.stem:<36} {s.right:>4}/{s.cells:<4} {s.wrong:>5} "
                  f"{s.missed:>6} {s.invented:>8} {ms:>6.0f}")
        if detail:
            print(output)
    right, wrong, missed, invented, cells = total
    print(f"all: {right}/{cells} right ({right / max(cells, 1):.2%}), {wrong} wrong, "
          f"{missed} missed, {invented} invented")


if __name__ == "__main__":
    main(sys.argv[1:])
