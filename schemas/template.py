"""The statutory template as Python objects, loaded from `template.yaml`.

This module only reads the declaration and expands it per format version (which rows,
columns and cells each version has). It knows nothing about files, parsing or
publishing; everything downstream asks it what exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

TEMPLATE_PATH = Path(__file__).with_name("template.yaml")
TABLES = ("t2", "t3", "t4")


@dataclass(frozen=True)
class ValueType:
    id: str
    dtype: str  # "integer" or "number"
    minimum: float | None
    unit: str | None
    en: str


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    value_type: ValueType
    en: str


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    en: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    is_group: bool = False
    total_of: str | None = None


@dataclass(frozen=True)
class Block:
    """A run of rows sharing one set of columns (table 二 has several; 三 and 四 one)."""

    id: str
    caption: str | None
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]

    @property
    def data_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.is_group)

    def leaves_of(self, group: str) -> list[str]:
        """Data rows below `group` (at any depth), excluding the group's own total row."""
        parents = {r.id: r.parent for r in self.rows}

        def under(row_id: str) -> bool:
            p = parents[row_id]
            while p is not None:
                if p == group:
                    return True
                p = parents[p]
            return False

        return [r.id for r in self.data_rows if under(r.id) and r.total_of != group]


def cell_id_of(table: str, row: str, column: str) -> str:
    """A cell's public id (`t3.new_received.natural_person`): the one place it is built."""
    return f"{table}.{row}.{column}"


@dataclass(frozen=True)
class Cell:
    id: str
    table: str
    block: str
    row: Row
    column: Column


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    en: str
    blocks: tuple[Block, ...]
    header: tuple[str, ...] = ()
    note: str | None = None

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(r for b in self.blocks for r in b.rows)

    @property
    def data_rows(self) -> tuple[Row, ...]:
        return tuple(r for b in self.blocks for r in b.data_rows)

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every column of the table, in first-seen order, once."""
        seen: dict[str, Column] = {}
        for b in self.blocks:
            for c in b.columns:
                seen.setdefault(c.id, c)
        return tuple(seen.values())

    def row(self, row_id: str) -> Row:
        return next(r for r in self.rows if r.id == row_id)


@dataclass(frozen=True)
class Version:
    id: str
    notice: str
    title: str
    signed: str
    first_year: int
    last_year: int | None
    tables: dict[str, Table]

    def covers(self, year: int) -> bool:
        """Whether reports for `year` are printed in this format (its `report_years`)."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    @property
    def description(self) -> str:
        """The published description of the version (schemas/vocabulary.FORMAT_VERSIONS)."""
        years = (f"{self.first_year}-{self.last_year}" if self.last_year
                 else f"{self.first_year} on")
        return f"{self.signed[:4]} format ({self.notice}), reports for {years}"

    # Cached: the template never changes in a process, and callers ask per report.
    @cached_property
    def cells(self) -> tuple[Cell, ...]:
        return tuple(
            Cell(cell_id_of(t.id, r.id, c.id), t.id, b.id, r, c)
            for t in self.tables.values()
            for b in t.blocks
            for r in b.data_rows
            for c in b.columns
        )

    @cached_property
    def cell_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cells)


@dataclass(frozen=True)
class Template:
    versions: dict[str, Version]
    value_types: dict[str, ValueType]
    tables_meta: dict[str, dict]
    identity_rules: tuple[dict, ...]
    cross_year_rules: tuple[dict, ...] = ()
    roll_up_rules: tuple[dict, ...] = ()

    def version(self, version_id: str) -> Version:
        return self.versions[version_id]

    def version_for_year(self, year: int | None) -> str | None:
        """The format a report for `year` is printed in, from the versions' `report_years`.

        A year before every version's first is read as the earliest version (the rule the
        parser has always applied: a label-less 2018 report is assumed to be gov_2019)."""
        if year is None:
            return None
        earliest = min(self.versions.values(), key=lambda v: v.first_year)
        if year < earliest.first_year:
            return earliest.id
        return next((v.id for v in self.versions.values() if v.covers(year)), None)

    def all_columns(self, table_id: str) -> tuple[Column, ...]:
        """Every column the table has in any version (the wide published table's columns)."""
        seen: dict[str, Column] = {}
        for v in self.versions.values():
            for c in v.tables[table_id].columns:
                seen.setdefault(c.id, c)
        return tuple(seen.values())

    def all_rows(self, table_id: str) -> tuple[Row, ...]:
        seen: dict[str, Row] = {}
        for v in self.versions.values():
            for r in v.tables[table_id].data_rows:
                seen.setdefault(r.id, r)
        return tuple(seen.values())

    @cached_property
    def all_cells(self) -> dict[str, Cell]:
        """Every cell of any version by id (cached: asked for every report)."""
        out: dict[str, Cell] = {}
        for v in self.versions.values():
            for c in v.cells:
                out.setdefault(c.id, c)
        return out


def _column(cid: str, spec: dict, label: str, types: dict[str, ValueType]) -> Column:
    return Column(cid, label, types[spec["type"]], spec["en"])


def _t2_blocks(spec: dict, version: str, types: dict[str, ValueType]) -> tuple[Block, ...]:
    blocks = []
    for b in spec["blocks"]:
        if version not in b:
            continue
        body = b[version]
        rows = tuple(
            Row(rid, label, spec["rows"][rid]["en"]) for rid, label in body["rows"].items()
        )
        cols = tuple(
            _column(cid, spec["columns"][cid], label, types)
            for cid, label in body["columns"].items()
        )
        blocks.append(Block(b["id"], b["caption"], rows, cols))
    return tuple(blocks)


def _grid_block(
    table_id: str, spec: dict, version: str, types: dict[str, ValueType]
) -> tuple[Block, ...]:
    rows = []
    for r in spec["rows"]:
        if version not in r.get("in", (version,)):  # no `in`: a row of every version
            continue
        rows.append(
            Row(
                id=r["id"],
                label=r["label"],
                en=r["en"],
                aliases=tuple(r.get("aliases", ())),
                parent=r.get("parent"),
                is_group=bool(r.get("group")) or version in r.get("group_in", ()),
                total_of=r.get("total_of"),
            )
        )
    cols = tuple(
        _column(cid, c, c["label"], types) for cid, c in spec["columns"].items()
    )
    return (Block(table_id, None, tuple(rows), cols),)


def _build_version(vid: str, meta: dict, raw: dict, types: dict[str, ValueType]) -> Version:
    tables = {}
    for tid, spec in raw["tables"].items():
        blocks = _t2_blocks(spec, vid, types) if tid == "t2" else _grid_block(tid, spec, vid, types)
        tables[tid] = Table(
            tid, spec["title"], spec["en"], blocks, tuple(spec.get("header", ())), spec.get("note")
        )
    first, last = meta["report_years"]
    return Version(vid, meta["notice"], meta["title"], meta["signed"], first, last, tables)


@cache
def load_template(path: Path = TEMPLATE_PATH) -> Template:
    """Load and expand the template (cached: it is read once per process)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = {
        k: ValueType(k, v["dtype"], v.get("minimum"), v.get("unit"), v["en"])
        for k, v in raw["value_types"].items()
    }
    versions = {
        vid: _build_version(vid, meta, raw, types) for vid, meta in raw["versions"].items()
    }
    return Template(versions, types, raw["tables"], tuple(raw["identities"]),
                    tuple(raw.get("cross_year", ())), tuple(raw.get("roll_up", ())))
