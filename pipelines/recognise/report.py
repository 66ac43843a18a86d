"""Recognise one document: version, grid, status, flags and identity checks.

What is not printed in the tables (the agency's region and level) is added afterwards by
pipelines/enrich, called from pipelines/parse.py.
"""

from __future__ import annotations

import re

from pipelines.document import Document
from pipelines.recognise.affixed import withdraw_failing_affixed
from pipelines.recognise.by_position import withdraw_unproven_positions, withdraw_unproven_rows
from pipelines.recognise.column_order import (
    withdraw_misordered_tables,
    withdraw_misplaced_totals,
)
from pipelines.recognise.grid import Grid, assemble, withdraw_unproven_counts
from pipelines.recognise.loose_signs import withdraw_loose_signs
from pipelines.recognise.metadata import looks_like_report, read_report_metadata
from pipelines.recognise.misprints import relabel_misprints
from pipelines.recognise.ocr_labels import match_ocr_labels
from pipelines.recognise.ocr_values import values_read_as_text
from pipelines.recognise.proofread import proofread
from pipelines.recognise.reading_order import (
    flag_rows_placed_by_order,
    withdraw_unread_t3,
    withdraw_unread_t4,
    withhold_blanks,
)
from pipelines.recognise.reading_t2 import place_t2_by_order
from pipelines.recognise.reading_totals import place_t3_totals
from pipelines.recognise.resolve import resolve
from pipelines.recognise.sections import read_sections
from pipelines.recognise.statements import check_statements, normalised
from pipelines.recognise.tokens import Token, tokenise
from pipelines.recognise.transposed import withdraw_misordered, withdraw_transposed
from pipelines.recognise.version import detect_version
from pipelines.report import CellValue, Flag, ParsedReport
from schemas.identities import evaluate_all
from schemas.template import load_template
from schemas.vocabulary import OCR_RENDERINGS

_LATER_SECTION = re.compile(r"[五六]\s*[、.．]")
_TABLE_NAMES = {"t2": "table 二", "t3": "table 三", "t4": "table 四"}


def recognise(doc: Document, title: str | None = None) -> ParsedReport:
    """`title`: what the file was listed under (a discovered report's listing entry), read
    for the agency and year only when the file itself has none: a wrapped attachment
    often starts at its tables, its title being on the page around it."""
    metadata = read_report_metadata(doc.text)
    agency, year = metadata.agency, metadata.year
    report = ParsedReport(doc.file, doc.sha256, doc.size, doc.rendering, "failed",
                          agency=agency, report_year=year)
    if metadata.from_body:
        report.flags.append(Flag("metadata_from_body", metadata.from_body))
    if title and (agency is None or year is None):
        agency, year = _from_listed_title(report, title)
    tokens = match_ocr_labels(tokenise(doc), doc)  # OCR's near-misses of labels
    tokens = values_read_as_text(tokens, doc)  # ... and its digits read as characters
    version = detect_version(tokens)
    if version is None and any(t.kind == "label" for t in tokens):
        version = load_template().version_for_year(year)
        if version:
            report.flags.append(Flag("version_assumed", f"assumed {version} from year {year}"))
    if version is None:
        _without_tables(report, doc.text)
    else:
        template_version = load_template().version(version)
        placed_alone: set[str] = set()
        report.flags.extend(relabel_misprints(
            tokens, template_version, ocr=doc.rendering in OCR_RENDERINGS,
            placed_alone=placed_alone))
        grid = assemble(tokens, template_version, doc.full_width_rows, doc.clipped_rows,
                        doc.paragraph_cells, doc.breaks_in_cells)
        withdraw_misordered_tables(grid, tokens, doc.rendering, doc.header_bands,
                                   doc.breaks_in_cells)
        withdraw_unproven_positions(grid, doc)  # cells joined by their column alone
        withdraw_unproven_rows(grid, placed_alone)  # ... rows placed by their place alone
        withdraw_unproven_counts(grid)
        resolve(grid)
        withdraw_misplaced_totals(grid)
        withdraw_transposed(grid)  # two of a row's values read out of their order
        withdraw_misordered(grid, doc)  # ... or printed so, as the reader saw
        withdraw_loose_signs(grid)  # a blank's dash that may be the next number's minus
        withdraw_failing_affixed(grid, doc)  # a page's hidden characters taken off
        withdraw_unread_t3(grid, doc.text, doc.rendering)  # before the checks see them
        withdraw_unread_t4(grid, doc.text, doc.rendering)
        place_t3_totals(grid, doc.text, doc.rendering)  # 三's right block, after the withdrawals
        place_t2_by_order(grid, doc.text, doc.rendering)  # 二 where the order ties its values
        if doc.values_withheld:
            withhold_blanks(grid)
        flag_rows_placed_by_order(grid, doc.rows_placed_by_order)
        proofread(grid, doc)  # OCR'd numbers the identities do not vouch for
        _finish(report, grid, tokens, version)
        if report.cells:
            _read_text(report, doc.text)
    if report.status != "failed" and (agency is None or year is None):
        missing = "agency" if agency is None else "report year"
        report.flags.append(Flag("metadata_missing", f"the {missing} could not be read"))
    return report


def _from_listed_title(report: ParsedReport, title: str) -> tuple[str | None, int | None]:
    """The agency and year the file lacks, from the title it was listed under."""
    listed = read_report_metadata(title)
    taken = []
    if report.agency is None and listed.agency is not None:
        report.agency = listed.agency
        taken.append("agency")
    if report.report_year is None and listed.year is not None:
        report.report_year = listed.year
        taken.append("report year")
    if taken:
        report.flags.append(Flag("metadata_from_page", f"{' and '.join(taken)} from the "
                                 f"title of the listing entry: {title}"))
    return report.agency, report.report_year


def _read_text(report: ParsedReport, text: str) -> None:
    """What the report's text says: its statements checked against the tables, its
    sections (read once normalised, for both)."""
    norm = normalised(text)
    checks, flags = check_statements(text, report, norm)
    report.checks.extend(checks)
    report.flags.extend(flags)
    report.sections = read_sections(text, norm)


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
    expected = load_template().version_for_year(report.report_year)
    if expected and expected != report.format_version:
        message = f"a {report.report_year} report printed on {report.format_version}"
        report.flags.append(Flag("version_year_mismatch", message))
