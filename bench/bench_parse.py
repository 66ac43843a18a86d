"""Parse speed per rendering: what the parse stage spends on one report, on one core.

The stage's work for a report is `parse_bytes` (read, recognise, enrich) and the cache
encoding of the result (`CacheEntry.of`: JSON + zlib), so that is what is timed, in this
process, one thread, as CPU time (`time.process_time`), best of `--repeat` passes over the
same files. The files are a synthetic corpus written by bench/generate.py (its `truth.jsonl`
names each file's rendering); junk and truncated files are left out, so each rate is of
reports that publish. Issue 14's target is ≥ 1,000 reports/s/core for page text and HTML.

    uv run python bench/generate.py --count 600 --out /tmp/parse600 --seed 1 \\
        --mix text=0.34,pipes=0.16,html=0.5
    uv run python bench/bench_parse.py /tmp/parse600 [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.parse_cache import CacheEntry


def corpus(root: Path) -> dict[str, list[tuple[str, bytes]]]:
    """The corpus's published-kind files by rendering, read into memory once."""
    files: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    for line in (root / "truth.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if entry["kind"] == "ok":
            path = root / "inbox" / entry["file"]
            files[entry["rendering"]].append((path.name, path.read_bytes()))
    return files


def cpu_ms(files: list[tuple[str, bytes]]) -> float:
    """CPU milliseconds per file of one pass: parse and encode for the cache."""
    start = time.process_time()
    for name, data in files:
        CacheEntry.of(parse_bytes(name, data))
    return (time.process_time() - start) * 1000 / len(files)


def measure(root: Path, repeat: int) -> dict[str, dict[str, float]]:
    rows = {}
    for rendering, files in sorted(corpus(root).items()):
        best = min(cpu_ms(files) for _ in range(repeat))
        rows[rendering] = {"files": len(files), "ms_per_report": round(best, 3),
                           "reports_per_s": round(1000 / best)}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a bench/generate.py --out directory")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = measure(args.corpus, args.repeat)
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"| rendering | reports | ms/report (CPU, best of {args.repeat}) | reports/s/core |")
    print("|---|---:|---:|---:|")
    for rendering, row in rows.items():
        cells = (rendering, row["files"], row["ms_per_report"], f"{row['reports_per_s']:,}")
        print("| " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
