"""The cross-year soft checks: an agency's report against its report for the year before.

A build keeps a small index of every report by (agency id, year), and of governments and
departments by (division, year), with only the cells the checks across reports read (these
and the roll-ups of pipelines/rollup.py), so that the checks work batch by batch without
holding every report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from pipelines.causes import likely_cause
from pipelines.report import ParsedReport
from pipelines.rollup import rollup_cells, rollup_role
from schemas.identities import PREVIOUS, cross_year_identities, evaluate
from schemas.template import load_template


@dataclass(frozen=True)
class YearEntry:
    """What other reports' checks read from a report: its id, its cells those checks read,
    and its role in the roll-ups (`government` or `department` of its division, or None)."""

    report_id: str
    values: dict[str, float | None]
    role: str | None = None


@dataclass
class YearIndex:
    """Entries by (agency id, year), and the governments' and departments' entries by
    (division code, year) with their agency ids, for the roll-ups."""

    agencies: dict[tuple[str, int], list[YearEntry]] = field(default_factory=dict)
    divisions: dict[tuple[str, int], list[tuple[str, YearEntry]]] = field(
        default_factory=dict)


def year_index(reports: Iterable[ParsedReport]) -> YearIndex:
    """Reports by (agency id, year) and by (division, year), with only the cells the
    checks across reports read, so that a whole build's index stays small."""
    index = YearIndex()
    for r in reports:
        add_to_year_index(index, r)
    return index


def add_to_year_index(index: YearIndex, r: ParsedReport) -> None:
    add_entry(index, r.place.get("agency_id"), r.report_year, year_entry(r))


def add_entry(index: YearIndex, agency_id: str | None, year: int | None,
              entry: YearEntry | None) -> None:
    if entry is not None and agency_id and year:
        index.agencies.setdefault((agency_id, year), []).append(entry)
        if entry.role:  # a resolved agency's id starts with its division's code
            division = agency_id.split("-", 1)[0]
            index.divisions.setdefault((division, year), []).append((agency_id, entry))


def year_entry(r: ParsedReport) -> YearEntry | None:
    values = cross_year_values(r)
    return None if values is None else YearEntry(r.report_id, values, rollup_role(r))


def cross_year_values(r: ParsedReport) -> dict[str, float | None] | None:
    """The cells other reports' checks read (its successor's, its government's), or None
    when the report is not indexed. Only agencies whose region was resolved (an id not
    starting xx-) are indexed: a namesake would pair the wrong tables."""
    agency_id = r.place.get("agency_id")
    if r.cells and agency_id and not agency_id.startswith("xx-") and r.report_year:
        return {c: r.cells[c].value for c in _cross_year_cells() | rollup_cells()
                if c in r.cells}
    return None


def context(index: YearIndex, agency_id: str | None, year: int | None) -> list | None:
    """What a report's cross-year rows depend on (a digest of this says when they must be
    made again): the entry of the year before when the agency has exactly one report in
    each of the two years, else None (no rows, however many reports come and go)."""
    if not agency_id or not year:
        return None
    own = index.agencies.get((agency_id, year), [])
    previous = index.agencies.get((agency_id, year - 1), [])
    if len(own) != 1 or len(previous) != 1:
        return None
    return [previous[0].report_id, sorted(previous[0].values.items())]


@cache
def _cross_year_cells() -> frozenset[str]:
    return frozenset(c.removeprefix(PREVIOUS) for v in load_template().versions
                     for i in cross_year_identities(v) for c in i.cells
                     if c.startswith(PREVIOUS))


def _previous_has(ident, entry: YearEntry) -> bool:
    return all(c.removeprefix(PREVIOUS) in entry.values
               for c in ident.cells if c.startswith(PREVIOUS))


def _own(cells: tuple[str, ...]) -> list[str]:
    """The report's own cells of a cross-year identity (its reading is known here)."""
    return [c for c in cells if not c.startswith(PREVIOUS)]


def cross_year_rows(reports: list[ParsedReport], index: YearIndex) -> list[dict]:
    """Soft checks between each report and its agency's report for the year before; only
    where the agency has exactly one report in each of the two years."""
    rows = []
    for report in reports:
        key = (report.place.get("agency_id"), report.report_year)
        previous = index.agencies.get((key[0], (key[1] or 0) - 1), [])
        if len(index.agencies.get(key, [])) != 1 or len(previous) != 1:
            continue
        values = report.values() | {PREVIOUS + k: v for k, v in previous[0].values.items()}
        for ident in cross_year_identities(report.format_version):
            if not _previous_has(ident, previous[0]):
                continue  # the previous year's format has no such cell (see template.yaml)
            c = evaluate(ident, values)
            rows.append({"report_id": report.report_id, "check_id": c.id, "table": ident.table,
                         "kind": c.kind, "status": c.status, "lhs": c.lhs, "rhs": c.rhs,
                         "difference": c.difference,
                         "note": f"against {previous[0].report_id} ({key[1] - 1}); {c.note}"
                         .rstrip("; "),
                         "likely_cause": likely_cause(report, _own(ident.cells))
                         if c.status == "fail" else None,
                         "statement": None, "source_ref": None,
                         "source": report.check_source})
    return rows
