"""pandera schemas for every published table, derived from `resources.py`.

Two kinds of rule, kept apart on purpose:
- structural rules (types, enums, ranges, keys, unknown columns) raise: a violation is a
  bug or bad input and blocks publication;
- the statutory identities are attached to the wide tables as warning checks: a
  violation is a finding about the agency's report and never blocks anything.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa

from schemas.identities import evaluate, identities
from schemas.resources import Field, Resource, resources
from schemas.template import load_template

PANDAS_DTYPES = {"string": "str", "integer": "Int64", "number": "float64", "boolean": "bool"}


def _column(f: Field) -> pa.Column:
    checks = []
    if f.enum is not None:
        checks.append(pa.Check.isin(list(f.enum)))
    if f.minimum is not None:
        checks.append(pa.Check.ge(f.minimum))
    return pa.Column(PANDAS_DTYPES[f.type], checks=checks, nullable=not f.required,
                     description=f.description, title=f.title)


def _cell_values(frame: pd.DataFrame, table: str, columns: list[str]) -> dict[str, dict]:
    """Per report, the cell values of a wide table keyed by cell id."""
    out: dict[str, dict] = {}
    for rec in frame[["report_id", "row", *columns]].to_dict("records"):
        cells = out.setdefault(rec["report_id"], {})
        for c in columns:
            v = rec[c]
            cells[f"{table}.{rec['row']}.{c}"] = None if pd.isna(v) else float(v)
    return out


def _identity_check(table: str, rule_id: str, columns: list[str]) -> pa.Check:
    """A warning check: rows of reports where an identity of this rule fails are False."""

    def holds(frame: pd.DataFrame) -> pd.Series:
        values = _cell_values(frame, table, columns)
        versions = dict(zip(frame["report_id"], frame["format_version"], strict=False))
        failing = set()
        for report, cells in values.items():
            for ident in identities(versions[report]):
                if ident.id.startswith(rule_id) and evaluate(ident, cells).status == "fail":
                    failing.add(report)
        return ~frame["report_id"].isin(failing)

    return pa.Check(holds, name=rule_id, raise_warning=True,
                    error=f"identity {rule_id}* fails for some reports (a finding, not an error)")


def _rule_prefixes(table: str) -> list[str]:
    """Id prefixes of the identity rules of a table, e.g. ``t3_balance_``."""
    return [r["id"].split("{")[0] for r in load_template().identity_rules if r["table"] == table]


def schema_for(resource: Resource, findings: bool = True) -> pa.DataFrameSchema:
    """The resource's schema; without `findings`, its structural rules only."""
    checks = []
    if findings and resource.statutory_table in ("t3", "t4"):
        value_cols = [c.id for c in load_template().all_columns(resource.statutory_table)]
        checks = [_identity_check(resource.statutory_table, p, value_cols)
                  for p in _rule_prefixes(resource.statutory_table)]
    return pa.DataFrameSchema(
        {f.name: _column(f) for f in resource.fields},
        checks=checks,
        strict=True,
        ordered=True,
        unique=list(resource.primary_key) or None,
        name=resource.name,
        description=resource.description,
        title=resource.title,
    )


@cache
def schemas(findings: bool = True) -> dict[str, pa.DataFrameSchema]:
    """pandera schema per published resource name. The build's gate asks for the
    structural rules only (`findings=False`): the identities' results are already rows of
    the `checks` table, and evaluating them again in pandera took 80% of its time."""
    return {name: schema_for(r, findings) for name, r in resources().items()}
