"""The `ogi` command line: parse files to JSON Lines, build a release with Dagster, or
validate every row of a release."""

import argparse
import json
import os
import sys
from pathlib import Path

from pipelines.parse import parse_file


def _parse(args: argparse.Namespace) -> int:
    missing = [f for f in args.files if not Path(f).is_file()]
    for f in missing:
        print(f"ogi parse: {f}: no such file", file=sys.stderr)
    for f in args.files:
        if f in missing:
            continue
        report = parse_file(Path(f))
        record = report.as_json()
        record["file"] = f
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            n = sum(v is not None for v in report.values().values())
            print(f"{f}: {report.status} {report.format_version or '-'} "
                  f"{report.agency or '-'} {report.report_year or '-'} "
                  f"{n}/{len(report.cells)} cells, {len(report.flags)} flags"
                  + (f" ({report.reason})" if report.reason else ""))
    return 1 if missing else 0


def _build(args: argparse.Namespace) -> int:
    # Imported here: Dagster is slow to import and `ogi parse` does not need it.
    from pipelines.definitions import defs
    from pipelines.settings import Settings, dev_version

    if not Path(args.inbox).is_dir():
        print(f"ogi build: inbox {args.inbox} is not a directory", file=sys.stderr)
        return 2
    settings = Settings(inbox_dir=str(args.inbox), datapackages_dir=str(args.out),
                        archive_dir=str(args.archive), cache_dir=str(args.cache),
                        sources_csv=str(args.sources or ""),
                        dataset_version=args.version or dev_version(),
                        workers=args.workers)
    job = defs.resolve_job_def("build_package")
    result = job.execute_in_process(resources={"settings": settings}, raise_on_error=False)
    if not result.success:
        failure = next((e for e in result.all_events if e.is_failure), None)
        message = failure.message if failure else "see the Dagster log above"
        print(f"ogi build: the run failed: {message}", file=sys.stderr)
        return 1
    print(result.output_for_node("data_package"))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from pipelines.parallel import default_workers
    from pipelines.release.validate import validate_full, write_validation

    if not (args.release / "datapackage.json").is_file():
        print(f"ogi validate: {args.release} has no datapackage.json", file=sys.stderr)
        return 2
    result = validate_full(args.release, args.workers or default_workers())
    written = write_validation(result, args.release.parent)
    for r in result.parts:
        print(f"{r.name}: {r.rows} rows, {r.seconds:.1f} s, {len(r.problems)} problems; "
              f"checked by {r.checked}'s validation at {r.checked_at}")
    for problem in result.problems:
        print(f"  {problem}")
    print(f"{'valid' if result.valid else 'NOT VALID'}; written to {written}")
    return 0 if result.valid else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ogi", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse report files; one JSON object per file")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines on stdout")
    p.set_defaults(run=_parse)
    b = sub.add_parser("build", help="run the Dagster job and publish a data package")
    b.add_argument("--inbox", required=True, type=Path, help="folder of report files")
    b.add_argument("--out", required=True, type=Path, help="where packages are published")
    b.add_argument("--version", help="release version: MAJOR.MINOR.PATCH, or 'auto' for "
                   "the one the changes call for (default: a unique dev version)")
    b.add_argument("--archive", type=Path, default=Path(os.environ.get("OGI_ARCHIVE", "archive")),
                   help="raw archive every input is stored in (default: archive)")
    b.add_argument("--cache", type=Path, default=Path(os.environ.get("OGI_CACHE", "cache")),
                   help="parse and table caches (default: cache)")
    b.add_argument("--sources", type=Path, help="sources CSV whose latest harvested files "
                   "are included (harvesting itself runs in Dagster: the `harvest` job)")
    b.add_argument("--workers", type=int, default=int(os.environ.get("OGI_WORKERS", "0")),
                   help="processes that parse and make tables (default: one per core)")
    b.set_defaults(run=_build)
    v = sub.add_parser("validate", help="validate every row of a release (stock frictionless "
                       "without keys, keys streamed); what the validate_release job runs")
    v.add_argument("release", type=Path, help="a release directory (with datapackage.json)")
    v.add_argument("--workers", type=int, default=0, help="processes (default: one per core)")
    v.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
