"""Parsed reports to the published tables, and the per-report schema gate.

One function per table shape, each returning rows in the resource's field order. The
gate validates the tables with the pandera schemas and withholds every report whose
rows break a structural rule, recording why: such a report is a bug or bad input, and
publishing part of it would publish numbers we are not sure of.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd
import pandera.errors as pa_errors

from pipelines.causes import check_cells, confirmed_cells, likely_cause
from pipelines.crossyear import YearIndex, cross_year_rows, year_index
from pipelines.report import ParsedReport
from pipelines.rollup import rollup_rows
from pipelines.stage import printed_number
from pipelines.textnorm import strip_pinyin, to_simplified

if TYPE_CHECKING:
    from pipelines.inputs import Input
from schemas.identities import identities
from schemas.resources import REPORT_CONTEXT, Resource, resources
from schemas.template import cell_id_of, load_template
from schemas.validation import PANDAS_DTYPES, schemas

WIDE = {"t2": "t2_proactive", "t3": "t3_requests", "t4": "t4_reviews"}
_PLACE_FIELDS = ("agency_id", "level", "parent_level", "province", "prefecture", "county",
                 "division_code")


def _frame(resource: Resource, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=resource.field_names)
    return frame.astype({f.name: PANDAS_DTYPES[f.type] for f in resource.fields})


def _report_row(r: ParsedReport, duplicates: list[str], source: Input | None) -> dict:
    flagged = {f.cell_id for f in r.flags if f.cell_id in r.cells}
    return {
        "report_id": r.report_id, "file_name": r.file, "sha256": r.sha256,
        "source_url": source.url if source else None,
        "page_url": source.page_url if source else None,
        "retrieved_at": source.retrieved_at if source else None,
        "size_bytes": r.size, "rendering": r.rendering, "format_version": r.format_version,
        "agency": r.agency, **{k: r.place.get(k) for k in _PLACE_FIELDS},
        "report_year": r.report_year, "status": r.status,
        "published": bool(r.cells), "reason": r.reason,
        "tables_found": " ".join(r.tables_found) or None,
        "cells_expected": len(r.cells),
        "cells_number": sum(c.value is not None for c in r.cells.values()),
        "cells_null": sum(c.value is None for c in r.cells.values()),
        "cells_flagged": len(flagged),
        "cells_sha256": _cells_digest(r) if r.cells else None,
        "checks_failed": sum(c.status == "fail" and c.kind != "text" for c in r.checks),
        "also_found_as": " | ".join(duplicates) or None,
    }


def _cells_digest(r: ParsedReport) -> str:
    """sha256 of the report's cells as published (id, value, state), in cell-id order."""
    lines = (f"{cid}\t{printed_number(c.value)}\t{c.state}\n"
             for cid, c in sorted(r.cells.items()))
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def _cell_rows(r: ParsedReport) -> Iterable[dict]:
    cells = load_template().all_cells
    for cid, c in r.cells.items():
        spec = cells[cid]
        yield {"report_id": r.report_id, "cell_id": cid, "table": spec.table,
               "block": spec.block, "row": spec.row.id, "column": spec.column.id,
               "value": c.value, "raw_text": c.raw_text, "state": c.state, "unit": c.unit,
               "source_ref": c.source_ref}


def _wide_rows(r: ParsedReport, table: str) -> Iterable[dict]:
    version = load_template().version(r.format_version)
    context = {"report_year": r.report_year, **{k: r.place.get(k) for k in REPORT_CONTEXT
                                                 if k != "report_year"}}
    for block in version.tables[table].blocks:
        for row in block.data_rows:
            out = {"report_id": r.report_id, **context, "format_version": r.format_version,
                   "block": block.id, "row": row.id}
            for col in block.columns:
                out[col.id] = r.cells[cell_id_of(table, row.id, col.id)].value
            yield out


def _check_rows(r: ParsedReport) -> Iterable[dict]:
    table_of = {i.id: i.table for i in identities(r.format_version)}
    confirmed = confirmed_cells(r)
    for c in r.checks:
        cause = (likely_cause(r, check_cells(r, c.id), confirmed) if c.status == "fail"
                 else None)
        table = table_of.get(c.id) or check_cells(r, c.id)[0].split(".")[0]
        yield {"report_id": r.report_id, "check_id": c.id, "table": table,
               "kind": c.kind, "status": c.status, "lhs": c.lhs,
               "rhs": c.rhs, "difference": c.difference, "note": c.note or None,
               "likely_cause": cause, "statement": c.statement, "source_ref": c.source_ref,
               "source": r.check_source}


def _section_rows(r: ParsedReport) -> Iterable[dict]:
    for k, (heading, text, part) in enumerate(r.sections):
        if heading is None and not text.strip():
            continue  # nothing before the first heading
        text = text.strip() or None
        yield {"report_id": r.report_id, "section": k, "part": part, "heading": heading,
               "text": to_simplified(strip_pinyin(text)) if text else None,
               "text_original": text}


def _flag_rows(r: ParsedReport) -> Iterable[dict]:
    for seq, f in enumerate(r.flags, start=1):
        yield {"report_id": r.report_id, "seq": seq, "cell_id": f.cell_id, "code": f.code,
               "message": f.message}


def tidy(reports: list[ParsedReport], duplicates: dict[str, list[str]],
         inputs: dict[str, Input] | None = None,
         years: YearIndex | None = None) -> dict[str, pd.DataFrame]:
    """All published tables for a batch of distinct reports (one per sha256). `years`
    indexes the whole build for the cross-year and roll-up checks (default: this batch
    alone)."""
    res = resources()
    inputs = inputs or {}
    published = [r for r in reports if r.cells]
    years = year_index(published) if years is None else years
    rows: dict[str, list[dict]] = {
        "reports": [_report_row(r, duplicates.get(r.sha256, []), inputs.get(r.sha256))
                    for r in reports],
        "cells": [row for r in published for row in _cell_rows(r)],
        "checks": [row for r in published for row in _check_rows(r)]
        + cross_year_rows(published, years) + rollup_rows(published, years),
        "flags": [row for r in reports for row in _flag_rows(r)],
        "sections": [row for r in published for row in _section_rows(r)],
    }
    for table, name in WIDE.items():
        rows[name] = [row for r in published for row in _wide_rows(r, table)]
    return {name: _frame(resource, rows[name]) for name, resource in res.items()}


def schema_failures(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """report_id -> first structural violation found in any of its rows."""
    failures: dict[str, str] = {}
    for name, frame in tables.items():
        try:
            schemas(findings=False)[name].validate(frame, lazy=True)
        except pa_errors.SchemaErrors as err:
            cases = err.failure_cases
            for idx, check, column in zip(cases["index"], cases["check"], cases["column"],
                                          strict=True):
                if idx is None or pd.isna(idx) or "identity" in str(check):
                    continue
                report = frame["report_id"].iloc[int(idx)]
                failures.setdefault(report, f"{name}.{column}: {check}")
    return failures


def withhold(tables: dict[str, pd.DataFrame], failures: dict[str, str]) -> None:
    """Drop withheld reports' rows from the data tables and say why in `reports`."""
    if not failures:
        return
    for name, frame in tables.items():
        if name in ("reports", "flags"):
            continue
        tables[name] = frame[~frame["report_id"].isin(failures)].reset_index(drop=True)
    reports = tables["reports"]
    hit = reports["report_id"].isin(failures)
    reports.loc[hit, "published"] = False
    reports.loc[hit, "reason"] = [
        f"schema_violation: {failures[i]}" for i in reports.loc[hit, "report_id"]]
    flags = tables["flags"]
    last_seq = flags.groupby("report_id")["seq"].max().to_dict()
    added = [{"report_id": rid, "seq": int(last_seq.get(rid, 0)) + 1, "cell_id": None,
              "code": "schema_violation", "message": why} for rid, why in failures.items()]
    tables["flags"] = pd.concat([flags, _frame(resources()["flags"], added)], ignore_index=True)
