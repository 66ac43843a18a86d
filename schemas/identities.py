"""The arithmetic identities (勾稽关系) of the statutory tables: expansion and evaluation.

Rules are data in `template.yaml`; this module expands them into one `Identity` per
format version and evaluates an identity on a report's cell values. It decides nothing
else: a failing identity is a finding about the agency's report, never a reason to
change a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from schemas.resources import EXACT_LIMIT
from schemas.template import Block, Template, cell_id_of, load_template


@dataclass(frozen=True)
class Identity:
    id: str
    table: str
    kind: str  # stated | definitional | soft
    text: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    relation: str = "equal"  # or `at_least`: lhs >= rhs (the roll-ups across agencies)

    @property
    def cells(self) -> tuple[str, ...]:
        return self.lhs + self.rhs


@dataclass(slots=True)  # ~40 a report: not frozen, whose __init__ costs six times as much
class CheckResult:
    id: str
    kind: str
    status: str  # pass | fail | not_evaluable
    lhs: float | None
    rhs: float | None
    difference: float | None
    note: str
    # Text checks only (kind `text`): the sentence the number was read in, and where.
    statement: str | None = None
    source_ref: str | None = None

    def as_json(self) -> dict:
        out = {"id": self.id, "kind": self.kind, "status": self.status, "lhs": self.lhs,
               "rhs": self.rhs, "difference": self.difference, "note": self.note}
        if self.statement is not None:
            out |= {"statement": self.statement, "source_ref": self.source_ref}
        return out


def _side(spec: list | dict, block: Block) -> list[str]:
    if isinstance(spec, list):
        return list(spec)
    if "leaves_of" in spec:
        return block.leaves_of(spec["leaves_of"])
    return [c.id for c in block.columns if c.id != spec["columns_except"]]


def _expand(rule: dict, block: Block, table: str) -> list[Identity]:
    lhs, rhs = _side(rule["lhs"], block), _side(rule["rhs"], block)
    out = []
    if rule["each"] == "column":
        for c in block.columns:
            out.append(Identity(
                rule["id"].format(column=c.id), table, rule["kind"], rule["text"],
                tuple(cell_id_of(table, r, c.id) for r in lhs),
                tuple(cell_id_of(table, r, c.id) for r in rhs),
            ))
    else:
        for r in block.data_rows:
            out.append(Identity(
                rule["id"].format(row=r.id), table, rule["kind"], rule["text"],
                tuple(cell_id_of(table, r.id, c) for c in lhs),
                tuple(cell_id_of(table, r.id, c) for c in rhs),
            ))
    return out


@cache
def identities(version: str, template: Template | None = None) -> tuple[Identity, ...]:
    """Every identity of a format version, in declaration order."""
    template = template or load_template()
    tables = template.version(version).tables
    out: list[Identity] = []
    for rule in template.identity_rules:
        (block,) = tables[rule["table"]].blocks
        out.extend(_expand(rule, block, rule["table"]))
    return tuple(out)


PREVIOUS = "prev:"  # prefixes a cell of the same agency's previous-year report


_PREV_ITEM = "prev:"  # marks a side's item (row or column) as the previous year's


def _previous(cell: str) -> str:
    """`t3.prev:carried_forward.total` (as expanded) -> `prev:t3.carried_forward.total`."""
    return PREVIOUS + cell.replace(_PREV_ITEM, "") if _PREV_ITEM in cell else cell


def _has_items(rule: dict, block: Block) -> bool:
    """Whether the block has every row (each: column) or column (each: row) a rule names."""
    items = {i.removeprefix(_PREV_ITEM) for i in rule["lhs"] + rule["rhs"]}
    have = block.rows if rule["each"] == "column" else block.columns
    return items <= {x.id for x in have}


@cache
def cross_year_identities(version: str, template: Template | None = None) -> tuple[Identity, ...]:
    """The soft identities between a report and its agency's report for the year before:
    each rule over every block of the version that has what it names."""
    template = template or load_template()
    out: list[Identity] = []
    for rule in template.cross_year_rules:
        for block in template.version(version).tables[rule["table"]].blocks:
            if _has_items(rule, block):
                out.extend(Identity(i.id, i.table, i.kind, i.text,
                                    tuple(map(_previous, i.lhs)), tuple(map(_previous, i.rhs)))
                           for i in _expand(rule, block, rule["table"]))
    return tuple(out)


DEPARTMENTS = "departments:"  # prefixes a cell summed over a government's departments


@cache
def roll_up_identities(version: str, template: Template | None = None) -> tuple[Identity, ...]:
    """The soft identities between a government's report and the sum of its departments'
    reports for the same year: each rule over the rows it names, in every block of the
    version that has them."""
    template = template or load_template()
    out: list[Identity] = []
    for rule in template.roll_up_rules:
        table = rule["table"]
        for block in template.version(version).tables[table].blocks:
            rows = [r for r in rule["rows"] if r in {x.id for x in block.rows}]
            for row in rows:
                lhs = tuple(cell_id_of(table, row, c) for c in rule["lhs"])
                rhs = tuple(DEPARTMENTS + cell_id_of(table, row, c.removeprefix(DEPARTMENTS))
                            if c.startswith(DEPARTMENTS) else cell_id_of(table, row, c)
                            for c in rule["rhs"])
                out.append(Identity(rule["id"].format(row=row), table, rule["kind"],
                                    rule["text"], lhs, rhs, rule.get("relation", "equal")))
    return tuple(out)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def fails(identity: Identity, values: Mapping[str, float | None]) -> bool:
    """Whether the identity fails with every cell known: exact, whatever the magnitude
    (what chooses between readings; `evaluate` is what is published)."""
    left = list(map(values.get, identity.lhs))  # in C: ~60 asked a report
    right = list(map(values.get, identity.rhs))
    return None not in left and None not in right and sum(left) != sum(right)


def evaluate(identity: Identity, values: Mapping[str, float | None]) -> CheckResult:
    """Evaluate one identity. A null cell makes it not evaluable: blank is not zero.

    The note then says whether it would hold with nulls read as 0, which is how a
    reader can tell an unfilled 总计 from a real inconsistency.
    """
    get = values.get  # ~40 identities a report, each reading up to 20 cells
    left = [get(c) for c in identity.lhs]
    right = [get(c) for c in identity.rhs]
    if None in left or None in right:
        nulls = [c for c, v in zip(identity.cells, left + right, strict=True) if v is None]
        lhs = sum(v or 0 for v in left)
        rhs = sum(v or 0 for v in right)
        holds = "holds" if lhs == rhs else "fails"
        note = (f"{len(nulls)} null cell(s), e.g. {nulls[0]}; {holds} if they are read as 0 "
                f"({_fmt(lhs)} vs {_fmt(rhs)})")
        return CheckResult(identity.id, identity.kind, "not_evaluable", None, None, None, note)
    lhs, rhs = sum(left), sum(right)
    if max(abs(lhs), abs(rhs), abs(lhs - rhs)) >= EXACT_LIMIT:  # its sums would be rounded
        return CheckResult(identity.id, identity.kind, "not_evaluable", None, None, None,
                           f"a sum is beyond ±{EXACT_LIMIT:,}, which cannot be published "
                           "exactly")
    holds = lhs >= rhs if identity.relation == "at_least" else lhs == rhs
    status = "pass" if holds else "fail"
    sign = "<" if identity.relation == "at_least" else "!="
    note = "" if status == "pass" else f"{_fmt(lhs)} {sign} {_fmt(rhs)}"
    return CheckResult(identity.id, identity.kind, status, lhs, rhs, lhs - rhs, note)


def evaluate_all(version: str, values: Mapping[str, float | None]) -> list[CheckResult]:
    return [evaluate(i, values) for i in identities(version)]
