"""Dagster assets from sources to data package. Thin: each asset calls plain functions.

Graph: harvested_sources (partitioned by report year) and inbox_files put every input
into the raw archive -> parsed_reports (incremental: unchanged bytes under an unchanged
parser are not parsed again) -> the seven published tables (one multi-asset, each table
checked by pandera in pipelines/checks.py) -> data_package. Publication is a separate
downstream asset so that a failing blocking check stops it.
"""

import json
from datetime import date
from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines.archive import RawArchive
from pipelines.fingerprint import parser_fingerprint
from pipelines.harvest.fetch import Fetcher
from pipelines.harvest.sources import Source, read_sources
from pipelines.inputs import (
    Input,
    ParsedBatch,
    archive_inbox,
    harvest,
    harvested_inputs,
    parse_inputs,
)
from pipelines.package import PackageInfo, publish
from pipelines.parse_cache import ParseCache
from pipelines.settings import Settings
from pipelines.tidy import schema_failures, tidy, withhold
from schemas.resources import resources

TABLES = tuple(resources())
FIRST_YEAR = 2019  # the first reports in the statutory formats
REPORT_YEARS = dg.StaticPartitionsDefinition(
    [str(y) for y in range(FIRST_YEAR, date.today().year + 1)])


def _sources(settings: Settings, context: dg.AssetExecutionContext) -> list[Source]:
    if not settings.sources_csv:
        return []
    sources, errors = read_sources(Path(settings.sources_csv))
    for e in errors:
        context.log.warning(f"{settings.sources_csv} line {e.line}: {e.reason}")
    return sources


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
    counts = pd.Series([r.status for r in results], dtype=str).value_counts().to_dict()
    failures = pd.DataFrame([{"url": r.url, "error": r.error} for r in results
                             if r.status == "failed"], columns=["url", "error"])
    return dg.MaterializeResult(metadata={
        "sources": len(sources), **{k: int(v) for k, v in counts.items()},
        "failures": dg.MetadataValue.md(failures.to_markdown(index=False))})


def _log_harvest(archive_dir: Path, results: list) -> None:
    """Append each URL's outcome to the archive's harvest log (what happened, and why)."""
    with (archive_dir / "harvest-log.jsonl").open("a", encoding="utf-8") as log:
        for r in results:
            log.write(json.dumps({"url": r.url, "status": r.status, "http_status": r.http_status,
                                  "sha256": r.sha256, "fetched_at": r.fetched_at,
                                  "error": r.error}, ensure_ascii=False) + "\n")


@dg.asset(description="Every file in the inbox, put into the raw archive (sha256-addressed).")
def inbox_files(context: dg.AssetExecutionContext, settings: Settings) -> list[Input]:
    files = archive_inbox(RawArchive(Path(settings.archive_dir)), Path(settings.inbox_dir))
    context.add_output_metadata({"files": len(files), "inbox": settings.inbox_dir})
    return files


@dg.asset(deps=[harvested_sources],
          description="The build's inputs (inbox files and the latest archived content of "
                      "each source URL) read and recognised; cached parses are reused.")
def parsed_reports(context: dg.AssetExecutionContext, settings: Settings,
                   inbox_files: list[Input]) -> ParsedBatch:
    archive = RawArchive(Path(settings.archive_dir))
    inputs = inbox_files + harvested_inputs(archive, _sources(settings, context))
    cache = ParseCache(Path(settings.cache_dir), parser_fingerprint())
    batch = parse_inputs(inputs, lambda item: archive.get(item.sha256), cache)
    statuses = pd.Series([r.status for r in batch.reports], dtype=str).value_counts()
    context.add_output_metadata({
        "reports": len(batch.reports), "parsed": batch.parsed, "reused": batch.reused,
        "parser_fingerprint": parser_fingerprint(),
        "duplicate_files": sum(map(len, batch.duplicates.values())),
        **{k: int(v) for k, v in statuses.items()}})
    return batch


@dg.multi_asset(
    outs={name: dg.AssetOut(description=resources()[name].description) for name in TABLES},
    description="The published tables; reports breaking a schema rule are withheld.",
)
def published_tables(context: dg.AssetExecutionContext, parsed_reports: ParsedBatch):
    tables = tidy(parsed_reports.reports, parsed_reports.duplicates, parsed_reports.inputs)
    withhold(tables, schema_failures(tables))
    for name in TABLES:
        frame = tables[name]
        context.add_output_metadata(
            {"rows": len(frame), "preview": dg.MetadataValue.md(frame.head(10).to_markdown())},
            output_name=name)
    return tuple(tables[name] for name in TABLES)


@dg.asset(description="The versioned Frictionless data package (CSV and Parquet), published.")
def data_package(context: dg.AssetExecutionContext, settings: Settings, reports: pd.DataFrame,
                 cells: pd.DataFrame, t2_proactive: pd.DataFrame, t3_requests: pd.DataFrame,
                 t4_reviews: pd.DataFrame, checks: pd.DataFrame, flags: pd.DataFrame) -> str:
    tables = {"reports": reports, "cells": cells, "t2_proactive": t2_proactive,
              "t3_requests": t3_requests, "t4_reviews": t4_reviews, "checks": checks,
              "flags": flags}
    info = PackageInfo(version=settings.version(), sources=_package_sources(reports))
    path = publish(tables, Path(settings.datapackages_dir), info)
    context.add_output_metadata({"path": str(path), "version": path.name,
                                 "reports_published": int(reports["published"].sum())})
    return str(path)


def _package_sources(reports: pd.DataFrame) -> list[dict]:
    harvested = int(reports["source_url"].notna().sum())
    return [{"title": f"{len(reports)} distinct report files ({harvested} harvested from "
                      "agencies' websites, the rest from the inbox)",
             "description": "Annual reports on government information disclosure "
                            "(政府信息公开工作年度报告); each file's URL or inbox path and "
                            "sha256 are in reports.csv, its bytes in the raw archive."}]
