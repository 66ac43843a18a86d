"""The benchmark results are one document: each section once.

Merging two branches that both appended to `bench/RESULTS.md` once left the whole file
twice over, old and new copies of the same sections side by side; a reader could not
tell which numbers were current.
"""

from collections import Counter
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "RESULTS.md"


def test_every_heading_of_the_results_appears_once() -> None:
    headings = [
        line for line in RESULTS.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    ]
    repeated = [heading for heading, count in Counter(headings).items() if count > 1]
    assert repeated == []
