"""Statements of numbers in a report's text, bound to statutory cells: loaded from
`statements.yaml` and expanded against the template.

This module only reads the declaration: a statement's id, the cells whose sum it states,
and its compiled patterns. Reading sentences and comparing numbers is
pipelines/recognise/statements.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from schemas.template import load_template

STATEMENTS_PATH = Path(__file__).with_name("statements.yaml")
CHECK_PREFIX = "text_"  # a text check's id is this and its statement's id
# The stated number: an integer, with or without thousands separators, not part of a
# longer number or a decimal.
_NUMBER = r"(?<![\d.,]){}(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d.])"
_PLACEHOLDER = re.compile(r"\{(N|num)\}")


@dataclass(frozen=True)
class Statement:
    id: str
    table: str
    cells_by_version: dict[str, tuple[str, ...]]  # the cells in each version that has all
    patterns: tuple[re.Pattern, ...]
    example: str
    context: re.Pattern | None = None  # must be found in the sentence before the number

    def cells(self, version: str | None) -> tuple[str, ...] | None:
        """The cells whose sum the statement states, or None when the version lacks one."""
        return self.cells_by_version.get(version or "")


@dataclass(frozen=True)
class Statements:
    statements: tuple[Statement, ...]
    doubt: re.Pattern
    approximate: re.Pattern
    sections: tuple[tuple[str, re.Pattern], ...] = ()  # section id, its title pattern
    section_meanings: tuple[tuple[str, str, str], ...] = ()  # section id, English, Chinese

    def get(self, statement_id: str) -> Statement:
        return next(s for s in self.statements if s.id == statement_id)


def _pattern(source: str) -> re.Pattern:
    def expand(m: re.Match) -> str:
        return _NUMBER.format("(?P<n>" if m.group(1) == "N" else "(?:") + ")"

    return re.compile(_PLACEHOLDER.sub(expand, source))


def _cells(spec: dict, version: str) -> tuple[str, ...] | None:
    """The statement's cells in `version`, or None when the version lacks one of them."""
    tables = load_template().version(version).tables
    if "leaves_of" in spec:
        leaves = spec["leaves_of"]
        (block,) = tables[leaves["table"]].blocks
        rows = block.leaves_of(leaves["group"])
        return tuple(f"{leaves['table']}.{r}.{leaves['column']}" for r in rows) or None
    ids = set(load_template().version(version).cell_ids)
    cells = tuple(spec["cells"])
    return cells if all(c in ids for c in cells) else None


def _statement(spec: dict) -> Statement:
    versions = load_template().versions
    by_version = {v: cells for v in versions if (cells := _cells(spec, v))}
    table = spec["leaves_of"]["table"] if "leaves_of" in spec else spec["cells"][0].split(".")[0]
    return Statement(spec["id"], table, by_version,
                     tuple(_pattern(p) for p in spec["patterns"]), spec["example"],
                     re.compile(spec["context"]) if "context" in spec else None)


@cache
def load_statements(path: Path = STATEMENTS_PATH) -> Statements:
    """The declared statements (cached: read once per process)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Statements(tuple(_statement(s) for s in raw["statements"]),
                      re.compile(raw["doubt"]), re.compile(f"(?:{raw['approximate']})"),
                      tuple((s["id"], re.compile(s["title"])) for s in raw["sections"]),
                      tuple((s["id"], s["en"], s["zh"]) for s in raw["sections"]))
