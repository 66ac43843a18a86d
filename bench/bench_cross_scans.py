"""Benchmark: HTML variants printed by Chromium, then scanned and read back by OCR.

The cross of `tests/renderings/variants.py` (structural variants of real CMS pages),
Chromium's print (`tests/renderings/cross_prints.py`, setting `default`) and a scan
(`tests/renderings/scans.py`: rasterised, degraded, JPEG pages in a PDF). The hidden
evaluation scans renderings of pages we never saw; this measures how OCR reads the CMS
constructs (th/thead, nested tables, `<p>` in cells, 序号 and 备注 columns, full-width
digits, thousands separators, units, printed blanks, split tables, div tables…).

Each scan is scored against the variant's own cells (`variants.score`, as
bench_cross_prints.py does). Prints of different reports with the same bytes (the
fixtures that copy a corpus report) are scanned and read once. Scans are cached under
`.cache/cross-scans/<scan>/<variant>/<print>.pdf`, readings under `…/<print>.<code>.json`, where
<code> hashes `pipelines/`: a change of the reader re-reads, an unchanged one does not.

    nice uv run python bench/bench_cross_scans.py [--scans grey150_jpeg,grey150_tilt1]
        [--variants a,b] [--reports 001,011] [--jobs 2] [-v]

`--scans` takes any of scans.py's kinds (registered or measured: grey72_jpeg,
grey150_blur1.6, grey150_photocopy, bw200_threshold_g4tiff…) whose page is Chromium's
print; a TIFF kind's scan is cached as `<print>.tif`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "renderings"))
sys.path.insert(0, str(ROOT))

from cross_scans import SCANS, print_key, scan_kind, scanned  # noqa: E402
from scans import names as scan_names  # noqa: E402
from variants import Score, labelled_truths, score, totals_table  # noqa: E402

# Structurally different variants (the first sweep, bench/RESULTS.md).
DEFAULT_VARIANTS = ("th-thead", "fullwidth", "thousands", "units", "blank-dash", "blank-none",
                    "seq-column", "note-column", "div-table", "cms-mixed", "cell-p",
                    "number-br", "split-tables", "unmerged-fill")

CACHE = ROOT / ".cache" / "cross-scans"


def code_version() -> str:
    """A hash of the reader's source: readings cached under another are stale."""
    h = hashlib.sha256()
    for p in sorted((ROOT / "pipelines").rglob("*.py")):
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def reading(path: Path, code: str) -> dict:
    """The scan read back: cell values and flagged cells, cached per reader version."""
    out = path.with_suffix(f".{code}.json")
    if out.is_file():
        return json.loads(out.read_text(encoding="utf-8"))
    from pipelines.parse import parse_bytes

    report = parse_bytes(path.name, path.read_bytes())
    got = {"status": report.status, "rendering": report.rendering,
           "cells": {cid: c.value for cid, c in report.cells.items()},
           "uncertain": sum(f.code == "ocr_uncertain" for f in report.flags)}
    out.write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
    return got


def scored(cells: dict, want: dict, lost: set[str]) -> tuple[Score, list[str]]:
    """The score of one reading, and every cell not right (`KIND id: want … got …`)."""
    bad = []
    for cid, val in want.items():
        g = cells.get(cid)
        if (g is None and (val is None or cid in lost)) or (
                g is not None and val is not None and abs(float(g) - float(val)) < 1e-9):
            continue
        kind = "WRONG" if val is not None and g is not None else (
            "missed" if val is not None else "INVENTED")
        bad.append(f"{kind} {cid}: want {val} got {g}")
    return score(cells, want, lost), bad


Result = tuple[str, str, str, Score, list[str], int]


def _job(args: tuple[str, str, tuple[str, ...], str]) -> list[Result]:
    """One scan read once, scored for every report whose print it is."""
    scan, variant, truths, code = args
    out = []
    for truth in truths:
        path, want = scanned(scan, variant, Path(truth), CACHE)
        got = reading(path, code)
        lost = set(json.loads(Path(truth).read_text(encoding="utf-8")).get("unrecoverable",
                                                                            ()))
        s, bad = scored(got["cells"], want, lost)
        out.append((scan, variant, Path(truth).stem, s, bad, got["uncertain"]))
    return out


def jobs_for(scan_names: list[str], names: list[str], truths: list[Path], code: str
             ) -> list[tuple[str, str, tuple[str, ...], str]]:
    """One job per distinct print (reports whose pages are equal share one)."""
    out = []
    for name in names:
        groups: dict[str, list[str]] = {}
        for t in truths:
            groups.setdefault(print_key(name, t), []).append(str(t))
        out += [(s, name, tuple(g), code) for s in scan_names for g in groups.values()]
    return out


def _nice() -> None:
    os.nice(10)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scans", default="grey150_jpeg",
                    help=f"of {', '.join(SCANS)} or any of tests/renderings/scans.py's "
                         f"({', '.join(scan_names())}) printed by Chromium")
    ap.add_argument("--variants", default=",".join(DEFAULT_VARIANTS))
    ap.add_argument("--reports", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="every cell not right, per report")
    a = ap.parse_args(argv)
    names = a.variants.split(",")
    for scan in a.scans.split(","):
        try:
            scan_kind(scan)
        except KeyError as e:
            ap.error(str(e))
    truths = [t for t in labelled_truths() if not a.reports or t.stem in a.reports.split(",")]
    code = code_version()
    jobs = jobs_for(a.scans.split(","), names, truths, code)
    totals: dict[tuple[str, str], Score] = {}
    with ProcessPoolExecutor(a.jobs, initializer=_nice) as pool:
        for scan, name, stem, s, bad, uncertain in (r for rs in pool.map(_job, jobs)
                                                     for r in rs):
            totals.setdefault((scan, name), Score()).add(s)
            if a.v and (s.wrong or s.invented or s.missed):
                print(f"  {scan} {name} {stem}: right {s.right}/{s.total} wrong {s.wrong} "
                      f"missed {s.missed} invented {s.invented} ({uncertain} ocr_uncertain)",
                      flush=True)
                # wrong and invented cells first: they are the defects
                for line in sorted(bad, key=lambda b: b.startswith("missed"))[:60]:
                    print(f"     {line}", flush=True)
    print(totals_table(totals, "scan", 16))


if __name__ == "__main__":
    main(sys.argv[1:])
