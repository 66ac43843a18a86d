"""Recognise one document: version, grid, status, flags and identity checks."""

from __future__ import annotations

import re
from dataclasses import asdict

from pipelines.document import Document
from pipelines.enrich.agencies import resolve_agency
from pipelines.recognise.grid import Grid, assemble
from pipelines.recognise.metadata import looks_like_report, read_metadata
from pipelines.recognise.ocr_labels import match_ocr_labels
from pipelines.recognise.proofread import proofread
from pipelines.recognise.resolve import resolve
from pipelines.recognise.tokens import Token, tokenise
from pipelines.recognise.version import detect_version, version_for_year
from pipelines.report import CellValue, Flag, ParsedReport
from schemas.identities import evaluate_all
from schemas.template import load_template

_LATER_SECTION = re.compile(r"[五六]\s*[、.．]")
_TABLE_NAMES = {"t2": "table 二", "t3": "table 三", "t4": "table 四"}


def recognise(doc: Document) -> ParsedReport:
    agency, year = read_metadata(doc.text)
    report = ParsedReport(doc.file, doc.sha256, doc.size, doc.rendering, "failed",
                          agency=agency, report_year=year)
    tokens = match_ocr_labels(tokenise(doc), doc)  # OCR's near-misses of labels
    version = detect_version(tokens)
    if version is None and any(t.kind == "label" for t in tokens):
        version = version_for_year(year)
        if version:
            report.flags.append(Flag("version_assumed", f"assumed {version} from year {year}"))
    if version is None:
        _without_tables(report, doc.text)
    else:
        grid = assemble(tokens, load_template().version(version))
        resolve(grid)
        proofread(grid, doc)  # OCR'd numbers the identities do not vouch for
        _finish(report, grid, tokens, version)
    if report.status != "failed" and (agency is None or year is None):
        missing = "agency" if agency is None else "report year"
        report.flags.append(Flag("metadata_missing", f"the {missing} could not be read"))
    if report.status != "failed":
        _place(report, doc.text)
    return report


def _place(report: ParsedReport, text: str) -> None:
    """The agency's id, level and region; unresolved parts are flagged, never guessed."""
    place = resolve_agency(report.agency, text)
    report.place = {k: v for k, v in asdict(place).items() if k != "flag"}
    if place.flag and report.agency:
        report.flags.append(Flag("agency_unresolved", place.flag))


def _finish(report: ParsedReport, grid: Grid, tokens: list[Token], version: str) -> ParsedReport:
    report.format_version = version
    report.tables_found = grid.tables_found
    report.flags.extend(grid.flags)
    report.cells = _all_cells(grid)
    _status(report, grid, tokens)
    _year_flags(report)
    if not report.tables_found:
        report.cells = {}
    else:
        report.checks = evaluate_all(version, report.values())
    return report


def _all_cells(grid: Grid) -> dict[str, CellValue]:
    return {cid: grid.cells.get(cid) or CellValue(cid, None, "missing")
            for cid in grid.version.cell_ids}


def _status(report: ParsedReport, grid: Grid, tokens: list[Token]) -> None:
    if not grid.tables_found:
        _without_tables(report, " ".join(t.text for t in tokens))
        return
    missing_tables = [t for t in ("t2", "t3", "t4") if t not in grid.tables_found]
    missing_rows = [
        f"{t.id}.{r.id}" for t in grid.version.tables.values() if t.id in grid.tables_found
        for r in t.data_rows if r.id not in grid.rows_found.get(t.id, set())
    ]
    for t in missing_tables:
        report.flags.append(Flag("table_missing", f"{_TABLE_NAMES[t]} was not found"))
    for r in missing_rows:
        report.flags.append(Flag("row_missing", f"row {r} was not found"))
    if not missing_tables and not missing_rows:
        report.status = "complete"
        return
    report.status = "partial"
    names = ", ".join(_TABLE_NAMES[t] for t in missing_tables) or "none"
    report.reason = f"missing tables: {names}; missing rows: {len(missing_rows)}"
    after = " ".join(t.text for t in tokens[grid.last_index + 1:])
    if not _LATER_SECTION.search(after):
        report.flags.append(Flag("truncated", "the document ends inside the statutory tables"))
        report.reason = "truncated: " + report.reason


def _without_tables(report: ParsedReport, text: str) -> ParsedReport:
    """No table read: a report page cut off before its tables is partial, else failed."""
    if looks_like_report(text) and not _LATER_SECTION.search(text):
        report.status = "partial"
        report.reason = "truncated: the document ends before the statutory tables"
        report.flags.append(Flag("truncated", report.reason))
        report.flags.extend(Flag("table_missing", f"{name} was not found")
                            for name in _TABLE_NAMES.values())
    else:
        report.status, report.reason = "failed", "no statutory table was recognised"
        report.flags.append(Flag("not_a_report", report.reason))
    return report


def _year_flags(report: ParsedReport) -> None:
    expected = version_for_year(report.report_year)
    if expected and expected != report.format_version:
        message = f"a {report.report_year} report printed on {report.format_version}"
        report.flags.append(Flag("version_year_mismatch", message))
