"""Enrichment: what a parsed report does not print in its tables but a user needs to join
and compare reports, resolved from the report's agency name and text (agencies.py: the
agency's level, region with its GB/T 2260 code, and a stable agency id).

It runs after recognition (pipelines/parse.py calls `enrich`), on reports the recogniser
did not fail; nothing in pipelines/recognise calls it.
"""

from __future__ import annotations

from dataclasses import fields

from pipelines.enrich.agencies import AgencyPlace, resolve_agency
from pipelines.report import Flag, ParsedReport

# The place's fields as published, in order: its values are strings or None, so reading
# them is what `asdict` gives, without its deep copy (which costs ten times as much).
_PLACE_FIELDS = tuple(f.name for f in fields(AgencyPlace) if f.name != "flag")


def enrich(report: ParsedReport, text: str) -> ParsedReport:
    """Add the agency's id, level and region; unresolved parts are flagged, never guessed."""
    if report.status == "failed":
        return report
    place = resolve_agency(report.agency, text)
    report.place = {k: getattr(place, k) for k in _PLACE_FIELDS}
    if place.flag and report.agency:
        report.flags.append(Flag("agency_unresolved", place.flag))
    return report
