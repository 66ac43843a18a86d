"""Cells recovered from text renderings made by the real tools, per tool and report.

Every labelled report is written as HTML (Word's page, a plain bordered page, and the
corpus's own page where it is HTML), dumped to text by w3m, lynx, elinks, pandoc and
`pdftotext -layout` (of Chromium's PDF print), and scored by ../shared/tools/score.py
(see tests/renderings/dumps.py). `unrec` counts the cells the rendering does not hold
(a tool that drops blank cells loses the columns of a row with a blank); `rec%` is the
share of the recoverable cells read right; `ms` the median `parse_bytes` time.

    uv run python bench/bench_renderings.py [--tools w3m,lynx] [--repeats N] [--markdown]

`--markdown` prints the same as two Markdown tables (per tool and report: recoverable
cells read right of those recoverable, and ms, for each HTML page the report has; and
the totals per tool), as bench/RESULTS.md shows them.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from dumps import (  # noqa: E402
    TOOLS,
    Score,
    applies,
    dump,
    pages,
    rendering_name,
    score,
    scored_truth,
)

from pipelines.parse import parse_bytes  # noqa: E402


def _ms(name: str, data: bytes, repeats: int) -> float:
    parse_bytes(name, data)  # warm-up: template, label index
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        parse_bytes(name, data)
        runs.append(time.perf_counter() - start)
    return 1000 * statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tools", help="comma-separated tool names (default: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    chosen = [t for t in TOOLS if t.available()
              and (not args.tools or t.name in args.tools.split(","))]
    named, rows = {}, []
    with tempfile.TemporaryDirectory() as work:
        for page in pages():
            for tool in (t for t in chosen if applies(t, page)):
                name = rendering_name(tool, page)
                named[name] = (dump(tool, page, Path(work)), scored_truth(tool, page))
                rows.append((tool.name, page, name))
    scores = score(named)
    measured = [(tool, page, scores.get(name), _ms(name, named[name][0], args.repeats))
                for tool, page, name in sorted(rows, key=lambda r: (r[0], r[1].stem,
                                                                     r[1].source))]
    if args.markdown:
        _markdown(measured)
    else:
        _plain(measured)


def _recoverable_right(s: Score) -> tuple[int, int]:
    recoverable = s.cells - s.unrecoverable
    return recoverable - s.missed_recoverable - s.wrong - s.invented, recoverable


def _totals(measured: list) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = {}
    for tool, _, s, _ in measured:
        if s is None:
            continue
        right, rec = _recoverable_right(s)
        t = totals.setdefault(tool, [0, 0, 0, 0, 0])
        t[0] += rec
        t[1] += rec - right
        t[2] += s.wrong
        t[3] += s.invented
        t[4] += 1
    return totals


def _markdown(measured: list) -> None:
    sources = ("word", "plain", "page")
    cells: dict[tuple[str, str], dict[str, str]] = {}
    for tool, page, s, ms in measured:
        if s is None:
            text = f"no output, {ms:.0f} ms"
        else:
            right, rec = _recoverable_right(s)
            bad = f", **{s.wrong} wrong, {s.invented} invented**" if s.wrong + s.invented else ""
            text = f"{right}/{rec}{bad}, {ms:.0f} ms"
        cells.setdefault((tool, page.stem), {})[page.source] = text
    print("| tool | report | " + " | ".join(sources) + " |")
    print("|---|---|" + "---|" * len(sources))
    for (tool, stem), by_source in cells.items():
        print(f"| {tool} | {stem} | " + " | ".join(by_source.get(x, "") for x in sources)
              + " |")
    print()
    print("| tool | renderings | recoverable cells | read right | wrong | invented |")
    print("|---|---:|---:|---:|---:|---:|")
    for tool, (rec, bad, wrong, inv, files) in _totals(measured).items():
        share = 1 - bad / rec if rec else 1.0
        print(f"| {tool} | {files} | {rec} | {share:.2%} | {wrong} | {inv} |")


def _plain(measured: list) -> None:
    print(f"{'tool':16} {'report':30} {'src':5} {'cells':>5} {'right':>5} {'wrong':>5} "
          f"{'missed':>6} {'inv':>4} {'unrec':>5} {'rec%':>7} {'ms':>6}")
    for tool, page, s, ms in measured:
        if s is None:
            print(f"{tool:16} {page.stem:30} {page.source:5} no output")
            continue
        print(f"{tool:16} {page.stem:30} {page.source:5} {s.cells:5d} {s.right:5d} "
              f"{s.wrong:5d} {s.missed:6d} {s.invented:4d} {s.unrecoverable:5d} "
              f"{s.recoverable_right:7.2%} {ms:6.1f}")
    print()
    print(f"{'tool':16} {'files':>5} {'recoverable':>11} {'rec%':>7} {'wrong':>5} {'inv':>4}")
    for tool, (rec, bad, wrong, inv, files) in _totals(measured).items():
        share = 1 - bad / rec if rec else 1.0
        print(f"{tool:16} {files:5d} {rec:11d} {share:7.2%} {wrong:5d} {inv:4d}")


if __name__ == "__main__":
    main()
