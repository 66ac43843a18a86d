"""Benchmark: our PDF parse against pdfplumber's own table extraction (the floor).

For each PDF, times `pipelines.parse.parse_file` (read tables and text, recognise, check
identities) and pdfplumber's `extract_tables` over all pages (opening the file included),
alternately N times, and prints the median seconds per report and our overhead over the floor.

    uv run python bench/bench_pdf.py [PDF...]   # default: the Huaian 2024 fixture (001.pdf)
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from pipelines.parse import parse_file

N = 5
DEFAULT = Path(__file__).parents[1] / "tests" / "fixtures" / "reports" / "huaian-2024.pdf"


def pdfplumber_tables(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_tables()) for page in pdf.pages)


def seconds(runs: list[Callable[[Path], object]], path: Path) -> list[float]:
    """Median wall time of N runs of each, after a warm-up (imports, caches).

    The runs alternate, so load from other processes falls on both alike.
    """
    times: list[list[float]] = [[] for _ in runs]
    for run in runs:
        run(path)
    for _ in range(N):
        for run, out in zip(runs, times, strict=True):
            start = time.perf_counter()
            run(path)
            out.append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def main(paths: list[Path]) -> None:
    print(f"median of {N} runs per report")
    print(f"{'report':<24} {'pages':>5} {'ours s':>8} {'floor s':>8} {'overhead':>9}  status")
    for path in paths:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        ours, floor = seconds([parse_file, pdfplumber_tables], path)
        status = parse_file(path).status
        print(f"{path.name:<24} {pages:>5} {ours:>8.3f} {floor:>8.3f} "
              f"{(ours - floor) / floor:>+9.0%}  {status}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or [DEFAULT])
