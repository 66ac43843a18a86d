"""The roll-ups across agencies: a government's report against its departments' reports.

Where a government (province, prefecture or county: 本级政府) and departments of that
government publish reports for the same year, the government's table 三 totals are
compared with the sum of its departments' (`roll_up` in schemas/template.yaml: soft
checks, a fail is a warning). Belongs here: which reports take part (`rollup_role`), the
rows of the `checks` table, and what those rows depend on (`context`, for the segment
cache). The index of reports by (division, year) is pipelines/crossyear.py's.

Agencies are paired only through the hierarchy pipelines/enrich/agencies.py resolved,
never by a guess: a department pairs with its government only when neither name was
flagged `agency_unresolved`, both resolved to the same division, the government is that
division's own (its level is the division's) and the department's `parent_level` is that
level too (a township's departments do not pair with their county). A government with
more than one report in the year is not checked; a department with more than one is
counted as found but not summed. The note of every row states the coverage: how many
departments were found, how many summed, and their report ids.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pipelines.causes import likely_cause
from pipelines.report import ParsedReport
from schemas.identities import DEPARTMENTS, Identity, evaluate, roll_up_identities
from schemas.template import load_template

if TYPE_CHECKING:
    from pipelines.crossyear import YearEntry, YearIndex

GOVERNMENT_LEVELS = ("province", "prefecture", "county")


def _division_level(place: dict[str, str | None]) -> str:
    """The level of the division a report resolved to (agencies.py fills county only for
    a county-level division, prefecture for a prefecture-level one and below)."""
    return "county" if place.get("county") else (
        "prefecture" if place.get("prefecture") else "province")


def rollup_role(r: ParsedReport) -> str | None:
    """`government` or `department` of the division the report's agency resolved to, or
    None when the report takes no part in the roll-ups."""
    place = r.place
    agency_id, level = place.get("agency_id"), place.get("level")
    if (not agency_id or agency_id.startswith("xx-") or not place.get("division_code")
            or any(f.code == "agency_unresolved" for f in r.flags)):
        return None
    division_level = _division_level(place)
    if level in GOVERNMENT_LEVELS and level == division_level:
        return "government"
    if level == "department" and place.get("parent_level") == division_level:
        return "department"
    return None


@cache
def rollup_cells() -> frozenset[str]:
    """The cells a government's roll-up reads from its departments' reports."""
    return frozenset(c.removeprefix(DEPARTMENTS) for v in load_template().versions
                     for i in roll_up_identities(v) for c in i.cells)


def _members(index: YearIndex, agency_id: str | None, year: int | None
             ) -> list[tuple[str, YearEntry]] | None:
    """The division's indexed governments and departments that year, when this agency is
    its only government and has one report that year; else None."""
    if not agency_id or not year:
        return None
    members = index.divisions.get((agency_id.split("-", 1)[0], year), [])
    governments = [a for a, e in members if e.role == "government"]
    return members if governments == [agency_id] else None


def context(index: YearIndex, agency_id: str | None, year: int | None,
            entry: YearEntry | None) -> list | None:
    """What a government's roll-up rows depend on (a digest of this says when they must
    be made again): its division's departments that year with their cells; None for any
    other report."""
    if entry is None or entry.role != "government":
        return None
    members = _members(index, agency_id, year)
    if members is None:
        return None
    return sorted([a, e.report_id, sorted(e.values.items())]
                  for a, e in members if e.role == "department")


def rollup_rows(reports: list[ParsedReport], index: YearIndex) -> list[dict]:
    """Soft checks between each government's report and the sum of its departments'
    reports for the same year; only where at least one department was found."""
    rows = []
    for report in reports:
        if rollup_role(report) != "government":
            continue
        members = _members(index, report.place.get("agency_id"), report.report_year)
        departments: dict[str, list[YearEntry]] = {}
        for agency, entry in members or []:
            if entry.role == "department":
                departments.setdefault(agency, []).append(entry)
        if not departments:
            continue
        for ident in roll_up_identities(report.format_version):
            rows.append(_row(report, ident, departments))
    return rows


def _row(report: ParsedReport, ident: Identity, departments: dict[str, list[YearEntry]]
         ) -> dict:
    (own,) = ident.lhs
    (summed_cell,) = ident.rhs
    cell = summed_cell.removeprefix(DEPARTMENTS)
    single = [es[0] for es in departments.values() if len(es) == 1]
    summed = sorted((e for e in single if e.values.get(cell) is not None),
                    key=lambda e: e.report_id)
    values = {own: report.cells[own].value if own in report.cells else None,
              summed_cell: sum(e.values[cell] for e in summed) if summed else None}
    c = evaluate(ident, values)
    if not summed:  # a sum over no department: nothing to compare, whatever its value
        c.note = "no department's cell to sum"
    several = len(departments) - len(single)
    left_out = ([f"{several} with more than one report this year"] if several else []) + (
        [f"{len(single) - len(summed)} with {cell} null or not printed"]
        if len(single) > len(summed) else [])
    coverage = (f"{len(departments)} department(s) found, {len(summed)} summed"
                + (f" (not summed: {', '.join(left_out)})" if left_out else "")
                + (": " + ", ".join(e.report_id for e in summed) if summed else ""))
    return {"report_id": report.report_id, "check_id": c.id, "table": ident.table,
            "kind": c.kind, "status": c.status, "lhs": c.lhs, "rhs": c.rhs,
            "difference": c.difference, "note": f"{coverage}; {c.note}".rstrip("; "),
            "likely_cause": likely_cause(report, ident.lhs) if c.status == "fail" else None,
            "statement": None, "source_ref": None, "source": report.check_source}
