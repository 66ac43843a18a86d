"""A parsed report: cell values with their printed form, flags and identity checks.

This is what the recogniser returns for one file, what `ogi parse --json` prints, and
what the tidy step turns into the published tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.identities import CheckResult
from schemas.vocabulary import OCR_RENDERINGS


@dataclass(slots=True)  # ~200 a report: slots make them quicker to make and smaller
class CellValue:
    """A statutory cell as read: the value we are sure of, and what was printed."""

    cell_id: str
    value: int | float | None
    state: str
    raw_text: str | None = None
    unit: str | None = None
    source_ref: str | None = None


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    cell_id: str | None = None

    def as_json(self) -> dict:
        return {"cell_id": self.cell_id, "code": self.code, "message": self.message}


@dataclass
class ParsedReport:
    file: str
    sha256: str
    size: int
    rendering: str
    status: str  # complete | partial | failed
    format_version: str | None = None
    agency: str | None = None
    report_year: int | None = None
    tables_found: list[str] = field(default_factory=list)
    cells: dict[str, CellValue] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    reason: str | None = None
    # The agency's id, level and region (pipelines/enrich/agencies.py AgencyPlace fields).
    place: dict[str, str | None] = field(default_factory=dict)
    # The text by section, as printed: (heading, text, section id); published reports only.
    sections: list[tuple[str | None, str, str | None]] = field(default_factory=list)

    @property
    def report_id(self) -> str:
        return self.sha256[:16]

    @property
    def check_source(self) -> str:
        """What the report's checks were computed on: `ocr` or `text` (CHECK_SOURCES)."""
        return "ocr" if self.rendering in OCR_RENDERINGS else "text"

    def values(self) -> dict[str, int | float | None]:
        return {cid: c.value for cid, c in self.cells.items()}

    def as_json(self) -> dict:
        """The `ogi parse --json` record (one JSON object per input file)."""
        return {
            "file": self.file,
            "sha256": self.sha256,
            "size": self.size,
            "status": self.status,
            "format_version": self.format_version,
            "agency": self.agency,
            "report_year": self.report_year,
            "rendering": self.rendering,
            "reason": self.reason,
            "tables_found": self.tables_found,
            "cells": self.values(),
            "cell_details": {
                cid: {"raw_text": c.raw_text, "state": c.state, "unit": c.unit,
                      "source_ref": c.source_ref}
                for cid, c in self.cells.items()
            },
            "flags": [f.as_json() for f in self.flags],
            "checks": [c.as_json() for c in self.checks],
            "place": self.place,
            "sections": [list(s) for s in self.sections],
        }

    @classmethod
    def from_json(cls, record: dict) -> ParsedReport:
        """The report `as_json` described (the parse cache stores reports this way)."""
        details = record["cell_details"]
        cells = {cid: CellValue(cid, value, **details[cid])
                 for cid, value in record["cells"].items()}
        return cls(
            file=record["file"], sha256=record["sha256"], size=record["size"],
            rendering=record["rendering"], status=record["status"],
            format_version=record["format_version"], agency=record["agency"],
            report_year=record["report_year"], tables_found=record["tables_found"],
            cells=cells, flags=[Flag(f["code"], f["message"], f["cell_id"])
                                for f in record["flags"]],
            checks=[CheckResult(**c) for c in record["checks"]], reason=record["reason"],
            place=record.get("place", {}),
            sections=[tuple(s) for s in record.get("sections", [])])
