"""The `ogi` command line: parse files to JSON Lines, build a release with Dagster, or
validate every row of a release.

Arguments are checked before any work; an error is one line on stderr saying what is
wrong and what to do (the traceback only with --verbose). Exit statuses (README):
0 done; 1 the work failed (a build failed, a file could not be read as a report, a
release is not valid); 2 bad arguments or paths, found before any work; 3 `build
--version auto` found nothing changed and made no release; 130 interrupted; 141 the
output was closed early (`ogi parse ... | head`), silently.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

OK, FAILED, USAGE, NO_CHANGES, INTERRUPTED, PIPE_CLOSED = 0, 1, 2, 3, 130, 141


class CommandError(Exception):
    """A one-line error with its exit status."""

    def __init__(self, message: str, status: int = USAGE) -> None:
        super().__init__(message)
        self.status = status


def _version() -> str:
    try:
        return version("ogi")
    except PackageNotFoundError:  # run from a source tree that was not installed
        return "unknown"


def _parse(args: argparse.Namespace) -> int:
    from pipelines.parse import parse_file

    bad = {}
    for f in args.files:
        path = Path(f)
        if path.is_dir():
            bad[f] = "is a directory (give the files in it, e.g. DIR/*)"
        elif not path.exists():
            bad[f] = "no such file"
        elif not path.is_file():
            bad[f] = "is not a regular file"
    for f, why in bad.items():
        print(f"ogi parse: {f}: {why}", file=sys.stderr)
    failed = 0
    for f in args.files:
        if f in bad:
            continue
        report = parse_file(Path(f))
        failed += report.status == "failed"
        record = report.as_json()
        record["file"] = f
        if args.json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            n = sum(v is not None for v in report.values().values())
            print(f"{f}: {report.status} {report.format_version or '-'} "
                  f"{report.agency or '-'} {report.report_year or '-'} "
                  f"{n}/{len(report.cells)} cells, {len(report.flags)} flags"
                  + (f" ({report.reason})" if report.reason else ""), flush=True)
    return USAGE if bad else FAILED if failed else OK


def _root_cause(error: object) -> str:
    """The innermost error of a Dagster failure, as `message` (its type when unclear)."""
    while getattr(error, "cause", None) is not None:
        error = error.cause
    message = str(getattr(error, "message", error)).strip().splitlines()
    text = message[0] if message else ""
    name = getattr(error, "cls_name", "") or ""
    # Dagster writes "ValueError: text"; keep the text for our own one-line errors.
    text = text.split(": ", 1)[1] if name and text.startswith(f"{name}: ") else text
    return text if name in ("Failure", "BuildRefused", "FileExistsError", "PackageInvalid",
                            "BadVersion") else f"{name}: {text}" if name else text


def _run_job(settings: object, verbose: bool, log_file: Path) -> object:
    """Run the build job in process: Dagster's event log to `log_file` (and to the
    terminal with --verbose)."""
    import dagster as dg

    from pipelines.definitions import defs

    instance = dg.DagsterInstance.ephemeral()
    level = "DEBUG" if verbose else "CRITICAL"
    result = defs.resolve_job_def("build_package").execute_in_process(
        resources={"settings": settings}, raise_on_error=False, instance=instance,
        run_config={"loggers": {"console": {"config": {"log_level": level}}}})
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("w", encoding="utf-8") as log:
        for entry in instance.all_logs(result.run_id):
            message = entry.user_message or (entry.dagster_event.message
                                             if entry.dagster_event else "") or ""
            log.write(f"{entry.timestamp:.3f} {entry.level} {entry.step_key or '-'} "
                      f"{message}\n")
    return result


def _summary(result: object, path: Path, status: str, log_file: Path) -> dict:
    from pipelines.release.counts import release_counts

    batch = result.output_for_node("parsed_reports")
    counts = release_counts(path)
    return {"status": status, "version": path.name, "release": str(path),
            **counts.as_dict(), "parsed": batch.parsed, "reused": batch.reused,
            "log": str(log_file)}


def _build(args: argparse.Namespace) -> int:
    from pipelines.preflight import BuildRefused, check_build

    try:
        check_build(args.inbox, args.out, args.archive, args.cache, args.version or "",
                    args.sources)
    except BuildRefused as error:
        raise CommandError(str(error)) from None
    # Imported after the checks: Dagster takes seconds to import.
    from pipelines import progress
    from pipelines.package import DATASET_NAME
    from pipelines.release.versions import published_versions
    from pipelines.settings import Settings, dev_version

    settings = Settings(inbox_dir=str(args.inbox), datapackages_dir=str(args.out),
                        archive_dir=str(args.archive), cache_dir=str(args.cache),
                        sources_csv=str(args.sources or ""),
                        dataset_version=args.version or dev_version(),
                        workers=args.workers)
    before = set(published_versions(args.out / DATASET_NAME))
    log_file = args.log or args.cache / "logs" / "build.log"
    display = progress.Display(sys.stderr)
    progress.install(None if args.verbose else display)
    try:
        result = _run_job(settings, args.verbose, log_file)
    finally:
        progress.install(None)
        display.close()
    if not result.success:
        failure = next((e for e in result.all_events if e.is_failure), None)
        error = getattr(failure.event_specific_data, "error", None) if failure else None
        if args.verbose and error is not None:
            print(error.to_string(), file=sys.stderr)
        cause = _root_cause(error) if error else "see the log"
        raise CommandError(f"{cause} (Dagster's log: {log_file})", FAILED)
    path = Path(result.output_for_node("data_package"))
    status = "no_changes" if path.name in before else "published"
    summary = _summary(result, path, status, log_file)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    elif status == "no_changes":
        print(f"ogi build: no changes since {path.name}, no release made", file=sys.stderr)
    else:
        print(f"published {path.name}: {summary['files']:,} files, {summary['distinct']:,} "
              f"distinct reports, {summary['published']:,} published "
              f"({summary['complete']:,} complete, {summary['partial']:,} partial, "
              f"{summary['failed']:,} failed); {summary['parsed']:,} parsed, "
              f"{summary['reused']:,} reused; log {log_file}", file=sys.stderr)
        print(path)
    return NO_CHANGES if status == "no_changes" else OK


def _validate(args: argparse.Namespace) -> int:
    from pipelines.parallel import default_workers
    from pipelines.release.validate import validate_full, write_validation

    if not (args.release / "datapackage.json").is_file():
        raise CommandError(f"{args.release} has no datapackage.json")
    result = validate_full(args.release, args.workers or default_workers())
    written = write_validation(result, args.release.parent)
    for r in result.parts:
        print(f"{r.name}: {r.rows} rows, {r.seconds:.1f} s, {len(r.problems)} problems; "
              f"checked by {r.checked}'s validation at {r.checked_at}")
    for problem in result.problems:
        print(f"  {problem}")
    print(f"{'valid' if result.valid else 'NOT VALID'}; written to {written}")
    return OK if result.valid else FAILED


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative (0: one per core)")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ogi", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"ogi {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse report files: a line per file (exit 1 when a "
                       "file is not read as a report)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout")
    p.set_defaults(run=_parse)
    b = sub.add_parser("build", help="run the Dagster job and publish a data package")
    b.add_argument("--inbox", required=True, type=Path, help="folder of report files")
    b.add_argument("--out", required=True, type=Path, help="where packages are published")
    b.add_argument("--version", help="release version: MAJOR.MINOR.PATCH, or 'auto' for "
                   "the one the changes call for (exit 3 when nothing changed); default: a "
                   "unique dev version")
    b.add_argument("--archive", type=Path, default=Path(os.environ.get("OGI_ARCHIVE", "archive")),
                   help="raw archive every input is stored in (default: archive)")
    b.add_argument("--cache", type=Path, default=Path(os.environ.get("OGI_CACHE", "cache")),
                   help="parse and table caches (default: cache)")
    b.add_argument("--sources", type=Path, help="sources CSV whose latest harvested files "
                   "are included (harvesting itself runs in Dagster: the `harvest` job)")
    b.add_argument("--workers", type=_count, default=int(os.environ.get("OGI_WORKERS", "0")),
                   help="processes that parse and make tables (default: one per core)")
    b.add_argument("--json", action="store_true", help="a JSON summary on stdout")
    b.add_argument("--log", type=Path, help="Dagster's event log (default: "
                   "CACHE/logs/build.log)")
    b.add_argument("--verbose", action="store_true", help="Dagster's log on the terminal "
                   "and tracebacks, instead of the progress display")
    b.set_defaults(run=_build)
    v = sub.add_parser("validate", help="validate every row of a release (stock frictionless "
                       "without keys, keys streamed); what the validate_release job runs")
    v.add_argument("release", type=Path, help="a release directory (with datapackage.json)")
    v.add_argument("--workers", type=_count, default=0, help="processes (default: one per core)")
    v.set_defaults(run=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()
        return status
    except CommandError as error:
        print(f"ogi {args.command}: {error}", file=sys.stderr)
        return error.status
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return PIPE_CLOSED
    except KeyboardInterrupt:
        print(f"ogi {args.command}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except Exception as error:
        if getattr(args, "verbose", False):
            traceback.print_exc()
        print(f"ogi {args.command}: {type(error).__name__}: {error} (--verbose for the "
              "traceback)" if hasattr(args, "verbose") else
              f"ogi {args.command}: {type(error).__name__}: {error}", file=sys.stderr)
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
