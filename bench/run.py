"""Benchmark the build, stage by stage, on a synthetic corpus (bench/generate.py).

    uv run python bench/run.py --count 1000 [--reuse DIR] [--stages all] [--dagster] [--json]
                               [--workers N]

Generates a corpus (or reuses one: `--reuse DIR` generates into DIR once and reuses it
after), then builds a release in process with the pipeline's own functions, called as the
Dagster assets call them, timing each stage:

    archive        inbox files into the raw archive (sha256, a sync a batch)  archive_inbox
    parse          bytes -> ParsedReport into the parse cache           parse_inputs
      read           bytes -> Document (decode + reader)                read_bytes
      recognise      Document -> ParsedReport                           recognise
      encode         each report as JSON, and its summary               CacheEntry.of
      cache write    a chunk of reports in one transaction              ParseCache.put_many
    tables         segments of reports, cached (pipelines/segments.py) build_tables
      cache read     reports back from the parse cache                  ParseCache.get_many
      tidy           reports -> the seven tables                        tidy
      validate       the pandera gate, withholding                      schema_failures
      segment write  segments into their cache                          SegmentCache.put
      write parts    rows handed to the part writers (the parts made)   TableFiles.append_arrow
    asset checks   staged files against the gate                        checks.verify
    publish        the release directory from the staged files          publish_files
      file hashes (files made in this build), changelog, docs, verify (frictionless sample,
      parquet against csv, for the parts made), pages, part zips, database, zip

Sub-stages are timed by wrapping public functions and methods where the pipeline looks
them up, for the run (nothing in pipelines/ is changed); with `--workers` above 1 the
parts done in worker processes (read, recognise, encode, cache read, tidy, validate) are
not seen, so per-core sub-stage
times come from a `--workers 1` run. Then, with `--stages all`, 100 new reports are added
to the inbox and the release is rebuilt with the warm archive and caches (the incremental
build).
`--dagster` also runs the `build_package` job in process on a cold archive and cache
(and again for the incremental build): Dagster overhead = job wall time - the staged
build's time. Peak RSS is measured per stage (the high-water mark is reset before each
through /proc/self/clear_refs); `--tracemalloc` adds the Python heap's peak (slower).
`--profile STAGE[,STAGE]` writes a cProfile of those stages' top functions, in the cold
build and in the incremental one.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

import generate  # noqa: E402

from pipelines import package, parse, segments  # noqa: E402
from pipelines.archive import RawArchive  # noqa: E402
from pipelines.fingerprint import parser_fingerprint, tables_fingerprint  # noqa: E402
from pipelines.inputs import (  # noqa: E402
    ArchiveBytes,
    ParsedBatch,
    archive_inbox,
    inbox_paths,
    parse_inputs,
)
from pipelines.package import PackageInfo, publish_files  # noqa: E402
from pipelines.parallel import default_workers  # noqa: E402
from pipelines.parse_cache import CacheEntry, ParseCache  # noqa: E402
from pipelines.release import bundle, changelog, database, docs, page, verify  # noqa: E402
from pipelines.segments import SegmentCache, build_tables  # noqa: E402
from pipelines.stage import TableFiles  # noqa: E402
from schemas.resources import resources  # noqa: E402

TABLES = tuple(resources())


def _checks(staged: Path) -> list:
    from pipelines.checks import verify  # the asset checks (imports Dagster)

    return [verify(name, str(staged / name)) for name in TABLES]

EXTRA = 100  # reports added for the incremental build
LIBRARIES = ("dagster", "pandas", "pandera", "pyarrow", "frictionless", "lxml", "pdfplumber",
             "python-docx", "fpdf2")
PAGE_TEXT = ("text_tab", "text_pipes", "text_pipe_rows", "text_lines", "html")


# --- measuring ----------------------------------------------------------------------------

def _rss_mib(field_name: str) -> float:
    """VmHWM (peak) or VmRSS (current) of this process, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        return True
    except OSError:
        return False


@dataclass
class Stage:
    name: str
    seconds: float
    items: int  # reports (or rows) the stage handled, for the rate
    peak_rss_mib: float | None = None
    # The largest worker process so far (the OS keeps the peak of finished children only).
    workers_peak_rss_mib: float | None = None
    heap_peak_mib: float | None = None
    note: str = ""
    level: int = 0  # 1: a part of the stage above

    def rate(self) -> float | None:
        return self.items / self.seconds if self.seconds >= 0.01 and self.items else None


@dataclass
class Run:
    label: str
    stages: list[Stage] = field(default_factory=list)
    facts: dict = field(default_factory=dict)


class Timers:
    """Seconds (and calls) accumulated by wrapped functions, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, owner: object, attr: str, name: str,
             key: Callable[..., str] | None = None,
             materialise: bool = False) -> Callable[[], None]:
        """Replace owner.attr by a timed version; returns the undo. `materialise`: the
        function returns an iterator, timed to its end (and returned as a list)."""
        original = getattr(owner, attr, None)
        if original is None:
            return lambda: None

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                result = original(*args, **kwargs)
                if materialise:
                    result = list(result)
            finally:
                elapsed = time.perf_counter() - start
                self.seconds[name] += elapsed
                self.calls[name] += 1
            if key is not None:
                sub = f"{name}:{key(result)}"
                self.seconds[sub] += elapsed
                self.calls[sub] += 1
            return result

        raw = owner.__dict__.get(attr) if isinstance(owner, type) else None
        if isinstance(raw, classmethod):
            setattr(owner, attr, staticmethod(timed))  # the bound original keeps its class
            return lambda: setattr(owner, attr, raw)
        setattr(owner, attr, timed)
        return lambda: setattr(owner, attr, original)


@contextmanager
def wrapped(timers: Timers) -> Iterator[Timers]:
    """Time the pipeline's sub-stages for the duration of the block."""
    # Public functions and methods only, wrapped where the pipeline looks them up.
    undo = [
        timers.wrap(parse, "read_bytes", "read", key=lambda doc: doc.rendering),
        timers.wrap(parse, "recognise", "recognise", key=lambda rep: rep.rendering),
        timers.wrap(CacheEntry, "of", "encode"),
        timers.wrap(ParseCache, "put_many", "cache write"),
        timers.wrap(ParseCache, "summaries", "cache lookup"),
        timers.wrap(ParseCache, "get_many", "cache read", materialise=True),
        timers.wrap(segments, "tidy", "tidy"),
        timers.wrap(segments, "schema_failures", "validate (pandera gate)"),
        timers.wrap(SegmentCache, "put", "segment write"),
        timers.wrap(TableFiles, "append_arrow", "write parts (hand over to writers)"),
        timers.wrap(verify, "file_stats", "file hashes"),
        timers.wrap(changelog, "compare", "changelog"),
        timers.wrap(docs, "write_readme", "docs"),
        timers.wrap(verify, "release_problems", "verify (frictionless sample, parquet)"),
        timers.wrap(page, "write_pages", "pages"),
        timers.wrap(bundle, "write_part_zips", "part zips"),
        timers.wrap(database, "write_database", "database"),
        timers.wrap(bundle, "write_zip", "zip"),
    ]
    try:
        yield timers
    finally:
        for u in reversed(undo):
            u()


class Stopwatch:
    """Times named stages with their peak RSS (and optionally the Python heap's peak)."""

    def __init__(self, run: Run, heap: bool, profile: str | None, profile_out: Path) -> None:
        self.run, self.heap, self.profile, self.profile_out = run, heap, profile, profile_out

    @contextmanager
    def stage(self, name: str, items: int = 0, note: str = "") -> Iterator[Stage]:
        gc.collect()
        can_reset = _reset_peak()
        if self.heap:
            tracemalloc.start()
        profiler = cProfile.Profile() if name in (self.profile or "").split(",") else None
        stage = Stage(name, 0.0, items, note=note)
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        try:
            yield stage
        finally:
            if profiler:
                profiler.disable()
            stage.seconds = time.perf_counter() - start
            stage.peak_rss_mib = _rss_mib("VmHWM") if can_reset else None
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            stage.workers_peak_rss_mib = children or None
            if self.heap:
                stage.heap_peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
            self.run.stages.append(stage)
            if profiler:
                self._write_profile(profiler, name)

    def _write_profile(self, profiler: cProfile.Profile, name: str) -> None:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(35)
        path = self.profile_out / f"profile-{self.run.label}-{name}.txt"
        path.write_text(out.getvalue(), encoding="utf-8")
        print(f"profile of {name}: {path}", file=sys.stderr)

    def part(self, name: str, seconds: float, items: int = 0, note: str = "") -> None:
        self.run.stages.append(Stage(name, seconds, items, note=note, level=1))


# --- the corpus ---------------------------------------------------------------------------

def corpus(args: argparse.Namespace, work: Path) -> tuple[Path, float]:
    """The corpus directory (generated unless --reuse names one already made)."""
    out = args.reuse or work / "corpus"
    inbox = out / "inbox"
    stamp = out / "corpus.json"
    wanted = {"count": args.count, "seed": args.seed, "mix": generate.parse_mix(args.mix)}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        return out, 0.0
    if inbox.exists():
        shutil.rmtree(inbox)
    start = time.perf_counter()
    generate.generate(out, args.count, args.seed, wanted["mix"], jobs=args.jobs,
                      cache_dir=args.cache)
    stamp.write_text(json.dumps(wanted))
    return out, time.perf_counter() - start


def extra_reports(args: argparse.Namespace, corpus_dir: Path) -> Path:
    """EXTRA new reports (indices after the corpus's), generated once next to it."""
    year = f"-{args.extra_year}" if args.extra_year else ""
    out = corpus_dir / f"extra-{args.count}-{EXTRA}{year}"
    if not (out / "truth.jsonl").is_file():
        generate.generate(out, EXTRA, args.seed, generate.parse_mix(args.mix),
                          start=args.count, jobs=1, cache_dir=args.cache,
                          year=args.extra_year)
    return out / "inbox"


def linked_inbox(target: Path, *sources: Path) -> Path:
    """An inbox of hard links to the sources' files (no copy; paths stay in the inbox)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for source in sources:
        for path in inbox_paths(source):
            os.link(path, target / path.name)
    return target


# --- the staged build ---------------------------------------------------------------------

@dataclass
class Dirs:
    archive: Path
    cache: Path
    out: Path

    @classmethod
    def fresh(cls, root: Path) -> Dirs:
        if root.exists():
            shutil.rmtree(root)
        dirs = cls(root / "archive", root / "cache", root / "datapackages")
        for d in (dirs.archive, dirs.cache, dirs.out):
            d.mkdir(parents=True)
        return dirs


def staged_parse(watch: Stopwatch, timers: Timers, inbox: Path, dirs: Dirs,
                 workers: int) -> tuple[ParsedBatch, ParseCache]:
    """Archive the inbox and parse it with the parse cache (the first two assets)."""
    with watch.stage("archive") as st:
        archive = RawArchive(dirs.archive)
        inputs = archive_inbox(archive, inbox).inputs
        st.items = len(inputs)
    with watch.stage("parse", len(inputs)) as st:
        cache = ParseCache(dirs.cache, parser_fingerprint())
        batch = parse_inputs(inputs, ArchiveBytes(archive.root), cache, keep=False,
                             workers=workers)
        st.note = f"{batch.parsed} parsed, {batch.reused} from the cache; {workers} workers"
    _parse_parts(watch, timers, batch.parsed, batch.reused)
    return batch, cache


def staged_build(watch: Stopwatch, inbox: Path, dirs: Dirs, version: str,
                 validation_rows: int | None, workers: int) -> Path:
    """One build with the pipeline's functions, stage by stage, as the assets call them:
    parse into the cache; make the tables by segments (cached) and stage them; the asset
    checks on the staged files; publish the staged files."""
    timers = Timers()
    with wrapped(timers):
        batch, cache = staged_parse(watch, timers, inbox, dirs, workers)
        n = len(batch.inputs)
        staged = dirs.cache / "staged" / version / "data"
        before = dict(timers.seconds)
        with watch.stage("tables", n) as st:
            segment_cache = SegmentCache(dirs.cache, tables_fingerprint())
            result = build_tables(batch, cache, segment_cache, tables_fingerprint(), staged,
                                  workers, previous=package.previous_release(dirs.out))
            segment_cache.close()
            made = [p for p, info in result.parts.items() if not info["reused"]]
            st.note = (f"{result.segments} segments: {result.made} made, {result.reused} "
                       f"from the cache ({result.derived} cut from the step before); "
                       f"parts made: {', '.join(made) or 'none'} of "
                       f"{len(result.parts)}; {result.rows['cells']:,} cell rows; "
                       f"{len(result.withheld)} withheld")
        for name in ("cache read", "tidy", "validate (pandera gate)", "segment write",
                     "write parts (hand over to writers)"):
            watch.part(name, timers.seconds.get(name, 0.0) - before.get(name, 0.0), n)
        with watch.stage("asset checks", n) as st:
            results = _checks(staged)
            st.note = f"staged files against the gate; {sum(r.passed for r in results)} passed"
        info = PackageInfo(version=version, sources=[{
            "title": f"{n} synthetic report files (bench/generate.py)"}],
            validation_rows=validation_rows)
        with watch.stage("publish", n) as st:
            path = publish_files(staged, dirs.out, info)
            st.note = (f"{_size_mib(path):.0f} MiB release; frictionless on "
                       f"{validation_rows or 'all'} rows a table")
        for name in ("file hashes", "changelog", "docs",
                     "verify (frictionless sample, parquet)", "pages", "part zips", "database",
                     "zip"):
            watch.part(name, timers.seconds.get(name, 0.0), n)
    return path


def _parse_parts(watch: Stopwatch, timers: Timers, parsed: int, reused: int) -> None:
    watch.part("read", timers.seconds.get("read", 0.0), timers.calls.get("read", 0),
               "bytes -> Document")
    watch.part("recognise", timers.seconds.get("recognise", 0.0),
               timers.calls.get("recognise", 0), "Document -> ParsedReport")
    watch.part("cache lookup", timers.seconds.get("cache lookup", 0.0), parsed + reused)
    watch.part("encode", timers.seconds.get("encode", 0.0), timers.calls.get("encode", 0))
    watch.part("cache write", timers.seconds.get("cache write", 0.0), parsed)
    renderings = sorted({k.split(":", 1)[1] for k in timers.seconds if k.startswith("read:")})
    for r in renderings:
        seconds = timers.seconds[f"read:{r}"] + timers.seconds.get(f"recognise:{r}", 0.0)
        watch.part(f"read+recognise {r}", seconds, timers.calls[f"read:{r}"])
    watch.run.facts["parse_by_rendering"] = {
        r: {"reports": timers.calls[f"read:{r}"],
            "seconds": round(timers.seconds[f"read:{r}"]
                             + timers.seconds.get(f"recognise:{r}", 0.0), 3)}
        for r in renderings}


def _size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


# --- Dagster ------------------------------------------------------------------------------

def dagster_build(watch: Stopwatch, inbox: Path, dirs: Dirs, version: str, name: str,
                  items: int, validation_rows: int | None, workers: int) -> dict:
    """The build_package job in process; its wall time and each step's time."""
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.settings import Settings

    settings = Settings(inbox_dir=str(inbox), archive_dir=str(dirs.archive),
                        cache_dir=str(dirs.cache), datapackages_dir=str(dirs.out),
                        dataset_version=version, sources_csv="",
                        validation_rows=validation_rows or 0, workers=workers)
    job = defs.resolve_job_def("build_package")
    with watch.stage(name, items) as st:
        with dg.DagsterInstance.ephemeral() as instance:
            result = job.execute_in_process(resources={"settings": settings},
                                            instance=instance, raise_on_error=False)
            steps = _step_seconds(instance.all_logs(result.run_id))
        st.note = "success" if result.success else "FAILED"
    for step, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        watch.part(f"step {step}", seconds, items)
    return steps


def _step_seconds(records) -> dict[str, float]:
    """Each step's time from its start to its success/failure event."""
    started: dict[str, float] = {}
    out: dict[str, float] = {}
    for record in records:
        event = record.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            started[event.step_key] = record.timestamp
        elif (event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE")
              and event.step_key in started):
            out[event.step_key] = record.timestamp - started[event.step_key]
    return out


# --- reporting ----------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor())
    mem = next((int(ln.split()[1]) // 1024 for ln in Path("/proc/meminfo").read_text()
                .splitlines() if ln.startswith("MemTotal")), 0)
    versions = {}
    for lib in LIBRARIES:
        try:
            versions[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            versions[lib] = None
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_mib": mem,
            "python": platform.python_version(), "libraries": versions}


def _fmt(x: float | None, digits: int = 1) -> str:
    return "" if x is None else f"{x:,.{digits}f}"


def markdown(runs: list[Run]) -> str:
    out = []
    for run in runs:
        out.append(f"\n### {run.label}\n")
        out.append("| stage | seconds | reports/s | peak RSS MiB | largest worker MiB | "
                   "heap peak MiB | note |")
        out.append("|---|---:|---:|---:|---:|---:|---|")
        for s in run.stages:
            name = ("&nbsp;&nbsp;↳ " if s.level else "") + s.name
            out.append(f"| {name} | {s.seconds:,.2f} | {_fmt(s.rate(), 0)} | "
                       f"{_fmt(s.peak_rss_mib, 0)} | "
                       f"{_fmt(s.workers_peak_rss_mib if not s.level else None, 0)} | "
                       f"{_fmt(s.heap_peak_mib, 0)} | {s.note} |")
        for k, v in run.facts.items():
            if k != "parse_by_rendering":
                out.append(f"\n- {k}: {v}")
    return "\n".join(out)


def summary(runs: list[Run]) -> dict:
    """Totals per build, and the Dagster job against the staged build it repeats."""
    out: dict = {}
    staged: list[float] = []
    for run in runs:
        if run.label == "dagster":
            continue
        top = [s for s in run.stages if s.level == 0]
        total = sum(s.seconds for s in top)
        validation = sum(s.seconds for s in run.stages if s.level and s.name in (
            "frictionless", "parquet check"))
        staged.append(total)
        out[run.label] = {
            "seconds": round(total, 2),
            "seconds_without_release_validation": round(total - validation, 2),
            "peak_rss_mib": round(max((s.peak_rss_mib or 0) for s in top)),
        }
    dagster = next((r for r in runs if r.label == "dagster"), None)
    if dagster:
        jobs = [s for s in dagster.stages if s.level == 0]
        for job, same in zip(jobs, staged, strict=False):
            out[job.name] = {"seconds": round(job.seconds, 2),
                             "staged_seconds": round(same, 2),
                             "dagster_overhead_seconds": round(job.seconds - same, 2),
                             "dagster_overhead_share": round((job.seconds - same)
                                                             / job.seconds, 3),
                             "peak_rss_mib": round(job.peak_rss_mib or 0)}
    return out


def _git() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "pipelines", "schemas"],
                               cwd=ROOT, text=True, capture_output=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" with uncommitted changes in pipelines/ or schemas/" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mix", default=None, help="as bench/generate.py --mix")
    parser.add_argument("--reuse", type=Path, help="corpus directory to generate once, reuse")
    parser.add_argument("--stages", default="all",
                        help="all | build (no incremental) | parse (archive+parse, cold and +100)")
    parser.add_argument("--extra-year", type=int, choices=generate.YEARS,
                        help="the 100 new reports all of this year (a day's harvest after "
                        "31 January); default: years drawn at random, every part touched")
    parser.add_argument("--dagster", action="store_true", help="also run the Dagster job")
    parser.add_argument("--work", type=Path, help="where builds go (default: a temp dir)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes generating the corpus")
    parser.add_argument("--cache", type=Path, default=generate.DEFAULT_CACHE,
                        help="generator cache (PDFs, font)")
    parser.add_argument("--tracemalloc", action="store_true", help="Python heap peak per stage")
    parser.add_argument("--profile", help="cProfile these stages (e.g. parse,tidy,publish)")
    parser.add_argument("--validation-rows", type=int, default=None,
                        help="rows a table frictionless checks (default: all)")
    parser.add_argument("--workers", type=int, default=default_workers(),
                        help="processes that parse and make tables (default: one per core)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--render", type=Path, help="print a saved --json result as markdown")
    args = parser.parse_args(argv)
    if args.render:
        print(render(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0

    code = _git()  # now: pipelines/ may change while the benchmark runs
    work = args.work or Path(tempfile.mkdtemp(prefix="ogi-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus_dir, generated = corpus(args, work)
    runs: list[Run] = []
    error = None
    started = time.perf_counter()
    try:
        _measure(args, work, corpus_dir, runs)
    except Exception as exc:  # keep and print what was measured before the failure
        traceback.print_exc()
        error = f"{type(exc).__name__}: {str(exc)[:2000]}"
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    result = {"count": args.count, "seed": args.seed, "mix": generate.parse_mix(args.mix),
              "error": error,
              "corpus": str(corpus_dir), "generate_seconds": round(generated, 1),
              "wall_seconds": round(time.perf_counter() - started, 1),
              "peak_rss_mib_process": round(
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
              "machine": machine(), "code": code, "summary": summary(runs),
              "runs": [{"label": r.label, "facts": r.facts,
                        "stages": [s.__dict__ | {"rate": s.rate()} for s in r.stages]}
                       for r in runs]}
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else render(result))
    return 1 if error else 0


def render(result: dict) -> str:
    """A result (as --json prints it) as markdown."""
    m = result["machine"]
    runs = [Run(r["label"], [Stage(**{k: v for k, v in s.items() if k != "rate"})
                             for s in r["stages"]], r["facts"]) for r in result["runs"]]
    return "\n".join([
        f"## {result['count']} reports, seed {result['seed']}\n",
        f"{m['nproc']} cores ({m['cpu']}), {m['memory_mib']:,} MiB, Python {m['python']}; "
        f"code {result['code']}; corpus generated in {result['generate_seconds']:.0f} s; "
        f"peak RSS of the process {result['peak_rss_mib_process']:,} MiB",
        f"\n**The run failed**: {result['error']}" if result.get("error") else "",
        markdown(runs),
        "\n```json\n" + json.dumps(result["summary"], indent=1) + "\n```"])


def _measure(args: argparse.Namespace, work: Path, corpus_dir: Path, runs: list[Run]) -> None:
    """The builds; each Run is appended before it starts, so a failure keeps what was
    measured up to it."""
    inbox = corpus_dir / "inbox"
    parse.parse_bytes("warm-up.txt", (ROOT / "tests" / "fixtures" / "reports" /
                                      "seed-shaoguan-zhenjiang-2019.txt").read_bytes())
    cold = Run(f"cold {'parse' if args.stages == 'parse' else 'build'} ({args.count})")
    runs.append(cold)
    watch = Stopwatch(cold, args.tracemalloc, args.profile, work)
    dirs = Dirs.fresh(work / "staged")
    if args.stages == "parse":  # archive and parse, cold, then with 100 more reports
        with wrapped(Timers()) as timers:
            staged_parse(watch, timers, inbox, dirs, args.workers)
        gc.collect()
        inbox_plus = linked_inbox(work / "inbox-plus", inbox, extra_reports(args, corpus_dir))
        warm = Run(f"incremental parse (+{EXTRA})")
        runs.append(warm)
        with wrapped(Timers()) as timers:
            staged_parse(Stopwatch(warm, args.tracemalloc, None, work), timers, inbox_plus,
                         dirs, args.workers)
        return
    staged_build(watch, inbox, dirs, "1.0.0", args.validation_rows, args.workers)
    if args.stages == "all" or args.stages == "incremental":
        more = extra_reports(args, corpus_dir)
        inbox_plus = linked_inbox(work / "inbox-plus", inbox, more)
        warm = Run(f"incremental build (+{EXTRA})")
        runs.append(warm)
        staged_build(Stopwatch(warm, args.tracemalloc, args.profile, work), inbox_plus, dirs,
                     "1.1.0", args.validation_rows, args.workers)
    if args.dagster:
        dag = Run("dagster")
        runs.append(dag)
        dwatch = Stopwatch(dag, False, None, work)
        ddirs = Dirs.fresh(work / "dagster")
        dagster_build(dwatch, inbox, ddirs, "1.0.0", "dagster job, cold", args.count,
                      args.validation_rows, args.workers)
        if args.stages == "all":
            dagster_build(dwatch, work / "inbox-plus", ddirs, "1.1.0",
                          f"dagster job, incremental (+{EXTRA})", args.count + EXTRA,
                          args.validation_rows, args.workers)


if __name__ == "__main__":
    raise SystemExit(main())
