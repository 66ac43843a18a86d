"""Per-rendering cell accuracy and time per report for each reader.

Accuracy: every labelled corpus report (../shared/corpus/truth), plus DOCX and
Word-style HTML renderings generated from those labels (tests/renderings/make.py).
Time: median wall time of `parse_bytes` per report over REPEATS runs, after one warm-up.

    uv run python bench/bench_readers.py [--repeats N]
"""

import argparse
import json
import math
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.parse import parse_bytes  # noqa: E402
from tests.renderings.make import docx_bytes, layout, word_html_bytes  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def _inputs() -> list[tuple[str, str, bytes, dict]]:
    """(rendering label, name, bytes, truth) for every labelled report and rendering."""
    out = []
    for truth_path in sorted((CORPUS / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        data = (CORPUS / "reports" / truth["file"]).read_bytes()
        out.append(("corpus", truth["file"], data, truth))
        report = layout(truth)
        out.append(("generated docx", truth["file"] + ".docx", docx_bytes(report), truth))
        out.append(("generated word html", truth["file"] + ".html", word_html_bytes(report),
                    truth))
    return out


def _right(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, abs_tol=1e-9)


def _time(name: str, data: bytes, repeats: int) -> float:
    parse_bytes(name, data)  # warm-up: template, label index, converter caches
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        parse_bytes(name, data)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # right, wrong, n, files
    times: dict[str, list[float]] = defaultdict(list)
    for source, name, data, truth in _inputs():
        report = parse_bytes(name, data)
        key = f"{report.rendering} ({source})"
        values = report.values()
        for cid, want in truth["cells"].items():
            got = values.get(cid)
            totals[key][0] += _right(got, want)
            totals[key][1] += got is not None and want is not None and not _right(got, want)
            totals[key][2] += 1
        totals[key][3] += 1
        times[key].append(_time(name, data, args.repeats))
    print(f"{'rendering':38} {'files':>5} {'cells':>6} {'accuracy':>9} {'wrong':>6} "
          f"{'ms/report':>10}")
    for key in sorted(totals):
        right, wrong, n, files = totals[key]
        ms = 1000 * statistics.mean(times[key])
        print(f"{key:38} {files:5d} {n:6d} {right / n:9.2%} {wrong:6d} {ms:10.1f}")


if __name__ == "__main__":
    main()
