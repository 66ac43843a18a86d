"""Peak memory of one build stage in a fresh process, step by step.

    uv run python bench/stage_memory.py --work DIR --stage tables|publish [--workers 1]
                                        [--validation-rows 10000] [--out DIR2]

DIR is a `bench/run.py --work DIR --keep` directory (its corpus's archive and parse cache
under DIR/staged). The stage runs in this process after the inputs are known (the parse
stage only looks them up in the cache), with the kernel's high-water mark reset before
it. A thread samples the resident set every 20 ms and keeps the highest while each of
the stage's steps runs (steps are the functions bench/run.py times), so a step's peak
includes what the steps before it left allocated. Prints one JSON object.

`tables` makes every segment again (a new, empty segment cache under DIR2) and stages
the tables in DIR2; `publish` publishes the files staged by a `tables` run in DIR2.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from run import _reset_peak, _rss_mib  # noqa: E402

from pipelines import segments, stage  # noqa: E402
from pipelines.archive import RawArchive  # noqa: E402
from pipelines.fingerprint import parser_fingerprint, tables_fingerprint  # noqa: E402
from pipelines.inputs import ArchiveBytes, archive_inbox, parse_inputs  # noqa: E402
from pipelines.package import PackageInfo, publish_files  # noqa: E402
from pipelines.parse_cache import ParseCache  # noqa: E402
from pipelines.release import bundle, changelog, database, docs, page, verify  # noqa: E402
from pipelines.segments import SegmentCache, build_tables  # noqa: E402

STEPS = {  # (module or class, function name, step)
    "tables": [(segments, "_make_task", "make (tidy, gate)"),
               (segments, "_flush", "write a row group"),
               (segments, "_assemble", "write parts")],
    "publish": [(verify, "file_stats", "file hashes"), (changelog, "compare", "changelog"),
                (docs, "write_readme", "docs"),
                (verify, "frictionless_problems", "frictionless sample"),
                (verify, "table_problems", "parquet/csv comparison"),
                (page, "write_pages", "pages"), (bundle, "write_part_zips", "part zips"),
                (database, "write_database", "database"), (bundle, "write_zip", "zip")],
}


class Sampler:
    """The highest RSS seen while each named step was running (steps may overlap)."""

    def __init__(self, every: float = 0.02) -> None:
        self.every, self.active, self.peaks = every, {}, {}
        self.lock, self.done = threading.Lock(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.done.wait(self.every):
            rss = _rss_mib("VmRSS")
            with self.lock:
                for step in self.active:
                    self.peaks[step] = max(self.peaks.get(step, 0.0), rss)

    def wrap(self, owner: object, attr: str, step: str) -> Callable[[], None]:
        original = getattr(owner, attr)

        def sampled(*args, **kwargs):
            with self.lock:
                self.active[step] = self.active.get(step, 0) + 1
                self.peaks[step] = max(self.peaks.get(step, 0.0), _rss_mib("VmRSS"))
            try:
                return original(*args, **kwargs)
            finally:
                with self.lock:
                    self.peaks[step] = max(self.peaks[step], _rss_mib("VmRSS"))
                    self.active[step] -= 1
                    if not self.active[step]:
                        del self.active[step]

        setattr(owner, attr, sampled)
        return lambda: setattr(owner, attr, original)


@contextmanager
def sampled(stage: str) -> Iterator[Sampler]:
    sampler = Sampler()
    undo = [sampler.wrap(owner, attr, step) for owner, attr, step in STEPS[stage]]
    sampler.thread.start()
    try:
        yield sampler
    finally:
        sampler.done.set()
        sampler.thread.join()
        for u in undo:
            u()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="where this run's files go "
                        "(default: WORK/stage-memory)")
    parser.add_argument("--inbox", type=Path, help="the corpus's inbox (tables)")
    parser.add_argument("--stage", choices=tuple(STEPS), required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--validation-rows", type=int, default=10_000)
    parser.add_argument("--unbounded", action="store_true", help="lift the bounds of "
                        "issue 14 (rows waiting for the table writers, rows compared at a "
                        "time), to measure what they save")
    args = parser.parse_args()
    if args.unbounded:
        stage.MAX_QUEUED_BYTES = 1 << 62
        verify.COMPARE_BYTES = 1 << 62
    if args.stage == "tables" and args.inbox is None:
        parser.error("--stage tables needs --inbox")
    work, out = args.work / "staged", args.out or args.work / "stage-memory"
    staged = out / "staged" / "1.0.0" / "data"
    result: dict = {"stage": args.stage, "start_rss_mib": None}
    if args.stage == "tables":
        archive = RawArchive(work / "archive")
        inputs = archive_inbox(archive, args.inbox).inputs  # finds every file archived
        cache = ParseCache(work / "cache", parser_fingerprint())
        batch = parse_inputs(inputs, ArchiveBytes(archive.root), cache, keep=False,
                             workers=args.workers)
        assert batch.parsed == 0, "the parse cache lacks reports: run bench/run.py first"
        result["reports"] = len(batch.inputs)
    gc.collect()
    result["start_rss_mib"] = round(_rss_mib("VmRSS"))
    _reset_peak()
    start = time.perf_counter()
    with sampled(args.stage) as sampler:
        if args.stage == "tables":
            fp = tables_fingerprint()
            build_tables(batch, cache, SegmentCache(out / "segments", fp), fp, staged,
                         args.workers)
        else:
            info = PackageInfo(version="1.0.0", sources=[{"title": "bench"}],
                               validation_rows=args.validation_rows,
                               created="2026-01-01T00:00:00Z")  # the same bytes every run
            release = out / "release"
            shutil.rmtree(release, ignore_errors=True)
            publish_files(staged, release, info)
    result["seconds"] = round(time.perf_counter() - start, 1)
    result["peak_rss_mib"] = round(_rss_mib("VmHWM"))
    result["steps"] = {k: round(v) for k, v in sampler.peaks.items()}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
