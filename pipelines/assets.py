"""Dagster assets from inbox to data package. Thin: each asset calls plain functions.

Graph: inbox_files -> parsed_reports -> the seven published tables (one multi-asset,
each table checked by pandera in pipelines/checks.py) -> data_package. Publication is a
separate downstream asset so a failing blocking check stops it.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines.package import PackageInfo, publish
from pipelines.parse import parse_bytes
from pipelines.report import ParsedReport
from pipelines.settings import Settings
from pipelines.tidy import schema_failures, tidy, withhold
from schemas.resources import resources

TABLES = tuple(resources())


@dataclass(frozen=True)
class InboxFile:
    path: str  # relative to the inbox
    sha256: str
    size: int


@dataclass
class ParsedBatch:
    reports: list[ParsedReport]  # one per distinct content
    duplicates: dict[str, list[str]]  # sha256 -> other inbox paths with the same bytes


def scan_inbox(inbox: Path) -> list[InboxFile]:
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} does not exist or is not a directory")
    files = sorted(p for p in inbox.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [InboxFile(str(p.relative_to(inbox)), hashlib.sha256(p.read_bytes()).hexdigest(),
                      p.stat().st_size) for p in files]


def parse_inbox(inbox: Path, files: list[InboxFile]) -> ParsedBatch:
    """Parse each distinct content once; identical files are recorded, not re-parsed."""
    first: dict[str, InboxFile] = {}
    duplicates: dict[str, list[str]] = {}
    for f in files:
        if f.sha256 in first:
            duplicates.setdefault(f.sha256, []).append(f.path)
        else:
            first[f.sha256] = f
    reports = [parse_bytes(f.path, (inbox / f.path).read_bytes()) for f in first.values()]
    return ParsedBatch(reports, duplicates)


@dg.asset(description="Every file in the inbox, content-hashed (sha256). One entry per file.")
def inbox_files(context: dg.AssetExecutionContext, settings: Settings) -> list[InboxFile]:
    files = scan_inbox(Path(settings.inbox_dir))
    context.add_output_metadata({"files": len(files), "inbox": settings.inbox_dir})
    return files


@dg.asset(description="Each distinct inbox file read and recognised: cells, flags, checks.")
def parsed_reports(context: dg.AssetExecutionContext, settings: Settings,
                   inbox_files: list[InboxFile]) -> ParsedBatch:
    batch = parse_inbox(Path(settings.inbox_dir), inbox_files)
    statuses = pd.Series([r.status for r in batch.reports]).value_counts().to_dict()
    context.add_output_metadata({"reports": len(batch.reports), **statuses,
                                 "duplicate_files": sum(map(len, batch.duplicates.values()))})
    return batch


@dg.multi_asset(
    outs={name: dg.AssetOut(description=resources()[name].description) for name in TABLES},
    description="The published tables; reports breaking a schema rule are withheld.",
)
def published_tables(context: dg.AssetExecutionContext, parsed_reports: ParsedBatch):
    tables = tidy(parsed_reports.reports, parsed_reports.duplicates)
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
    info = PackageInfo(version=settings.version(), sources=_sources(reports))
    path = publish(tables, Path(settings.datapackages_dir), info)
    context.add_output_metadata({"path": str(path), "version": info.version,
                                 "reports_published": int(reports["published"].sum())})
    return str(path)


def _sources(reports: pd.DataFrame) -> list[dict]:
    return [{"title": f"{len(reports)} report files from the inbox",
             "description": "Annual reports on government information disclosure "
                            "(政府信息公开工作年度报告); each file's sha256 is in reports.csv."}]
