"""Dagster assets from sources to data package. Thin: each asset calls plain functions.

Graph: harvested_sources (partitioned by report year), discovered_reports (partitioned
by source site: the reports found on the sites' listing pages) and inbox_files put every
input into the raw archive -> parsed_reports (incremental: unchanged bytes under an unchanged
parser are not parsed again) -> the eight published tables (one multi-asset, made by
segments of reports, each cached until its reports change, and gated by pandera; each
table checked in pipelines/checks.py) -> data_package. Publication is a separate
downstream asset so that a failing blocking check stops it. Parsing and table making run
in `Settings.workers` processes. release_validation (its own job, after the build)
validates every row of the newest release. The build's steps hold the cache's build
lock (pipelines/lock.py): one build at a time over a cache; a second fails at once.
"""

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines import lock
from pipelines.archive import RawArchive
from pipelines.fingerprint import parser_fingerprint, tables_fingerprint
from pipelines.harvest.discover import discover_site, listing_sources, records_as_rows
from pipelines.harvest.fetch import Fetcher
from pipelines.harvest.sources import Source, read_sources
from pipelines.inputs import (
    ArchiveBytes,
    ArchivedInbox,
    ParsedBatch,
    archive_inbox,
    discovered_inputs,
    harvest,
    harvested_inputs,
    parse_inputs,
)
from pipelines.package import PackageInfo, previous_release, publish_files
from pipelines.parse_cache import ParseCache
from pipelines.parts import read_parquet
from pipelines.preflight import BuildRefused, check_build
from pipelines.release.validate import validate_full, write_validation
from pipelines.segments import SegmentCache, build_tables
from pipelines.settings import Settings
from schemas.resources import resources

TABLES = tuple(resources())
FIRST_YEAR = 2019  # the first reports in the statutory formats
REPORT_YEARS = dg.StaticPartitionsDefinition(
    [str(y) for y in range(FIRST_YEAR, date.today().year + 1)])
# One partition per site of the listing pages in the sources CSV (discover.site_key: host
# and port), added by the discovery sensor when the CSV names a new one: no code change.
SOURCE_SITES = dg.DynamicPartitionsDefinition(name="source_sites")
RECORDS_SHOWN = 500  # rows of the discovery records in the run's metadata (all in the log)


def _all_sources(settings: Settings, context: dg.AssetExecutionContext) -> list[Source]:
    if not settings.sources_csv:
        return []
    sources, errors = read_sources(Path(settings.sources_csv))
    for e in errors:
        context.log.warning(f"{settings.sources_csv} line {e.line}: {e.reason}")
    return sources


def _sources(settings: Settings, context: dg.AssetExecutionContext) -> list[Source]:
    """The listed report URLs (listing pages are walked by discovered_reports)."""
    return [s for s in _all_sources(settings, context) if s.kind == "report"]


@dg.asset(partitions_def=REPORT_YEARS,
          description="One report year's URLs from the sources list (and those with no year "
                      "hint), fetched with conditional requests into the raw archive. "
                      "Failures are recorded per URL; one bad site never fails the run.")
def harvested_sources(context: dg.AssetExecutionContext,
                      settings: Settings) -> dg.MaterializeResult:
    year = int(context.partition_key)
    sources = [s for s in _sources(settings, context) if s.year in (None, year)]
    archive = RawArchive(Path(settings.archive_dir))
    with Fetcher(settings.fetch_settings()) as fetcher:
        results = harvest(archive, sources, fetcher)
    _log_harvest(Path(settings.archive_dir), results)
    # The pages' outcomes, then the images fetched with them (counted apart).
    counts = pd.Series([r.status for r in results[:len(sources)]],
                       dtype=str).value_counts().to_dict()
    counts |= {f"images_{k}": v for k, v in pd.Series(
        [r.status for r in results[len(sources):]], dtype=str).value_counts().items()}
    failures = pd.DataFrame([{"url": r.url, "error": r.error} for r in results
                             if r.status == "failed"], columns=["url", "error"])
    return dg.MaterializeResult(metadata={
        "sources": len(sources), **{k: int(v) for k, v in counts.items()},
        "failures": dg.MetadataValue.md(failures.to_markdown(index=False))})


# With the Celery executor a discovery step goes to a queue of its own, served by many thin
# workers (a walk waits on the network): docs/deploy.md, "Discovery". The tag is
# dagster_celery.tags.DAGSTER_CELERY_QUEUE_TAG (dagster-celery is not a runtime
# dependency); other executors ignore it.
CELERY_QUEUE_TAG = "dagster-celery/queue"
DISCOVERY_QUEUE = "discovery"


@dg.asset(partitions_def=SOURCE_SITES, op_tags={CELERY_QUEUE_TAG: DISCOVERY_QUEUE},
          description="One site's listing pages (sources CSV rows of kind `listing`) walked: "
                      "the entries titled as annual reports followed to their pages, whose "
                      "attachments and body images are archived with the page. Every "
                      "discovered, skipped and failed entry is in the harvest log and the "
                      "metadata, with its reason; one bad site never fails the run.")
def discovered_reports(context: dg.AssetExecutionContext,
                       settings: Settings) -> dg.MaterializeResult:
    listings = listing_sources(_all_sources(settings, context), context.partition_key)
    if not listings:
        context.log.warning(f"no listing of site {context.partition_key} in the sources CSV")
    archive = RawArchive(Path(settings.archive_dir))
    with Fetcher(settings.fetch_settings()) as fetcher:
        run = discover_site(listings, archive, fetcher, settings.discovery_max_pages)
    rows = records_as_rows(run.records)
    with (Path(settings.archive_dir) / "harvest-log.jsonl").open("a", encoding="utf-8") as log:
        for row in rows:
            log.write(json.dumps({"discovery": True, **row}, ensure_ascii=False) + "\n")
    shown = pd.DataFrame(rows[:RECORDS_SHOWN], columns=["kind", "status", "url", "title",
                                                         "year", "reason"])
    return dg.MaterializeResult(metadata={
        "site": run.site, "listings": len(listings), **run.counts(),
        "records": dg.MetadataValue.md(shown.to_markdown(index=False))})


def _log_harvest(archive_dir: Path, results: list) -> None:
    """Append each URL's outcome to the archive's harvest log (what happened, and why)."""
    with (archive_dir / "harvest-log.jsonl").open("a", encoding="utf-8") as log:
        for r in results:
            log.write(json.dumps({"url": r.url, "status": r.status, "http_status": r.http_status,
                                  "sha256": r.sha256, "fetched_at": r.fetched_at,
                                  "error": r.error}, ensure_ascii=False) + "\n")


def run_active(instance: dg.DagsterInstance, run_id: str) -> bool | None:
    """Whether the Dagster instance knows the run as still going (None: unknown run)."""
    run = instance.get_run_by_id(run_id)
    return None if run is None else not run.is_finished


@contextmanager
def _build_lock(context: dg.AssetExecutionContext, settings: Settings,
                last: bool = False) -> Iterator[None]:
    """Hold the cache's build lock during a step (pipelines/lock.py); a failing step, or
    the last one, releases it. Another build holding it fails this step at once."""
    cache, run_id = Path(settings.cache_dir), context.run.run_id
    try:
        lock.acquire(cache, run_id, partial(run_active, context.instance))
    except lock.BuildLocked as error:
        raise dg.Failure(str(error)) from error
    try:
        yield
    except BaseException:
        lock.release(cache, run_id)
        raise
    if last:
        lock.release(cache, run_id)


@dg.asset(description="Every entry of the inbox: its readable files put into the raw archive "
                      "(sha256-addressed), the others listed as skipped with their reasons.")
def inbox_files(context: dg.AssetExecutionContext, settings: Settings) -> ArchivedInbox:
    try:  # before any work: a build that cannot publish fails now, saying why
        check_build(Path(settings.inbox_dir), Path(settings.datapackages_dir),
                    Path(settings.archive_dir), Path(settings.cache_dir),
                    settings.dataset_version,
                    Path(settings.sources_csv) if settings.sources_csv else None)
    except BuildRefused as error:
        raise dg.Failure(str(error)) from None
    with _build_lock(context, settings):
        archived = archive_inbox(RawArchive(Path(settings.archive_dir)),
                                 Path(settings.inbox_dir), settings.max_file_bytes or None)
    for item in archived.skipped:
        context.log.warning(f"inbox entry skipped: {item.entry} ({item.kind}): {item.reason}")
    skipped = pd.DataFrame([vars(s) for s in archived.skipped],
                           columns=["entry", "kind", "reason"])
    context.add_output_metadata({"files": len(archived.inputs),
                                 "skipped": len(archived.skipped), "inbox": settings.inbox_dir,
                                 "skipped_entries": dg.MetadataValue.md(
                                     skipped.head(200).to_markdown(index=False))})
    return archived


@dg.asset(deps=[harvested_sources, discovered_reports],
          description="The build's inputs (inbox files, the latest archived content of "
                      "each source URL and of each discovered report) read and "
                      "recognised; cached parses are reused.")
def parsed_reports(context: dg.AssetExecutionContext, settings: Settings,
                   inbox_files: ArchivedInbox) -> ParsedBatch:
    with _build_lock(context, settings):
        archive = RawArchive(Path(settings.archive_dir))
        inputs = inbox_files.inputs + harvested_inputs(archive, _sources(settings, context))
        listed = {item.source for item in inputs}  # a report both listed and discovered
        inputs += [item for item in discovered_inputs(archive) if item.source not in listed]
        cache = ParseCache(Path(settings.cache_dir), parser_fingerprint())
        # The reports stay in the parse cache: the next step reads them back batch by batch.
        batch = parse_inputs(inputs, ArchiveBytes(archive.root), cache, keep=False,
                             workers=settings.worker_count(), budget=settings.file_budget())
    context.add_output_metadata({
        "reports": len(batch.inputs), "parsed": batch.parsed, "reused": batch.reused,
        "parser_fingerprint": parser_fingerprint(),
        "duplicate_files": sum(map(len, batch.duplicates.values())),
        **dict(batch.statuses)})
    return batch


@dg.multi_asset(
    outs={name: dg.AssetOut(description=resources()[name].description) for name in TABLES},
    description="The published tables as staged CSV and Parquet files, made by segments of "
                "reports (cached while their reports are unchanged); reports breaking a "
                "schema rule are withheld.",
)
def published_tables(context: dg.AssetExecutionContext, settings: Settings,
                     parsed_reports: ParsedBatch):
    with _build_lock(context, settings):
        staged = _staging_dir(Path(settings.cache_dir), context.run.run_id)
        parse_cache = ParseCache(Path(settings.cache_dir), parser_fingerprint())
        segments = SegmentCache(Path(settings.cache_dir), tables_fingerprint())
        try:
            result = build_tables(parsed_reports, parse_cache, segments, tables_fingerprint(),
                                  staged, settings.worker_count(),
                                  previous=previous_release(Path(settings.datapackages_dir)))
        finally:
            segments.close()
    for name in TABLES:
        preview = result.preview.get(name)
        context.add_output_metadata(
            {"rows": result.rows[name], "withheld_reports": len(result.withheld),
             "segments_made": result.made, "segments_reused": result.reused,
             "segments_cut_from_larger": result.derived,
             "parts_made": sum(not p["reused"] for p in result.parts.values()),
             "parts_reused": sum(p["reused"] for p in result.parts.values()),
             "preview": dg.MetadataValue.md(preview.to_markdown() if preview is not None
                                            else "")},
            output_name=name)
    return tuple(str(staged / name) for name in TABLES)


def _staging_dir(cache_dir: Path, run_id: str) -> Path:
    """This run's staged tables; other runs' are removed (they are dead: this run holds
    the build lock, pipelines/lock.py)."""
    root = cache_dir / "staged"
    if root.is_dir():
        for old in root.iterdir():
            if old.name != run_id:
                shutil.rmtree(old, ignore_errors=True)
    return root / run_id / "data"


@dg.asset(description="The versioned Frictionless data package (CSV and Parquet), published.")
def data_package(context: dg.AssetExecutionContext, settings: Settings,
                 inbox_files: ArchivedInbox, reports: str, cells: str, t2_proactive: str,
                 t3_requests: str, t4_reviews: str, checks: str, flags: str) -> str:
    with _build_lock(context, settings, last=True):
        staged = Path(reports).parent
        summary = read_parquet(staged, "reports", columns=["published", "source_url"]).to_pandas()
        info = PackageInfo(version=settings.version(), sources=_package_sources(summary),
                           validation_rows=settings.validation_rows or None,
                           skipped=tuple(inbox_files.skipped))
        path = publish_files(staged, Path(settings.datapackages_dir), info)
    context.add_output_metadata({"release": str(path), "version": path.name,
                                 "reports_published": int(summary["published"].sum())})
    return str(path)


@dg.asset(deps=[data_package],
          description="Every row of the release data_package last published, validated: "
                      "stock frictionless on each part without its keys, the keys streamed; "
                      "parts validated before with the same bytes carried over "
                      "(pipelines/release/validate.py). A job of its own, run after "
                      "the build, so that the build stays fast. Fails when the release is "
                      "invalid; the outcome is written to <dataset>/validation/<version>.json.")
def release_validation(context: dg.AssetExecutionContext,
                       settings: Settings) -> dg.MaterializeResult:
    event = context.instance.get_latest_materialization_event(dg.AssetKey("data_package"))
    if event is None or event.asset_materialization is None:
        raise dg.Failure("no release to validate: data_package has not been materialized")
    release = Path(event.asset_materialization.metadata["release"].value)
    validation = validate_full(release, settings.worker_count())
    written = write_validation(validation, release.parent)
    metadata = {"release": str(release), "valid": validation.valid,
                "seconds": validation.seconds, "report": str(written),
                "rows": sum(r.rows for r in validation.parts),
                "parts_checked": sum(r.checked == release.name for r in validation.parts),
                "parts_carried_over": sum(r.checked != release.name
                                          for r in validation.parts),
                "problems": dg.MetadataValue.md(
                    "\n".join(f"- {p}" for p in validation.problems[:50]) or "none")}
    if not validation.valid:
        raise dg.Failure(f"release {release.name} is not valid: {validation.problems[0]}",
                         metadata=metadata)
    return dg.MaterializeResult(metadata=metadata)


def _package_sources(reports: pd.DataFrame) -> list[dict]:
    harvested = int(reports["source_url"].notna().sum())
    return [{"title": f"{len(reports)} distinct report files ({harvested} harvested from "
                      "agencies' websites, the rest from the inbox)",
             "description": "Annual reports on government information disclosure "
                            "(政府信息公开工作年度报告); each file's URL or inbox path and "
                            "sha256 are in reports.csv, its bytes in the raw archive."}]
