"""Dagster asset checks on the staged tables; a failing check blocks publication.

Every row was validated against the table's pandera schema (its structural rules: types,
enums, ranges, unique keys) by the build's gate, which withheld the reports that broke
one (pipelines/segments.py, pipelines/tidy.py). These checks confirm that each staged
file is what the gate passed, from the file's own metadata: its columns and types are the
declared ones, and it has exactly the rows the gate passed. Reading the files back
through pandera again cost as much as the gate itself (93 s at 100,000 reports).

Identity failures (勾稽关系) are findings about agencies' reports, not errors: the
checks of tables 三 and 四 list how many reports fail each identity (also published,
per report, in the `checks` table), and never block.
"""

from pathlib import Path

import dagster as dg

from pipelines.parts import files_of, parquet_rows, read_manifest
from pipelines.release.verify import parquet_schema_problems
from schemas.resources import resources


def verify(name: str, path: str) -> dg.AssetCheckResult:
    """The check of one staged table, `path` its folder under the staged `data/` (its
    Parquet parts; CSV and Parquet are compared value by value when the release is
    published)."""
    data = Path(path).parent
    gate = read_manifest(data)
    problems = _problems(name, data, gate)
    if problems:
        return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR,
                                   metadata={"problems": dg.MetadataValue.md(
                                       "\n".join(f"- {p}" for p in problems))})
    return dg.AssetCheckResult(passed=True, metadata={
        "rows": gate["rows"][name], "withheld_reports": len(gate["withheld"]),
        "identity_findings": dg.MetadataValue.md(_findings(name, gate))})


def _problems(name: str, data: Path, gate: dict) -> list[str]:
    problems = [p for path in files_of(data, name, "parquet")
                for p in parquet_schema_problems(path, name)]
    rows = parquet_rows(data, name)
    if rows != gate["rows"][name]:
        problems.append(f"{name}: {rows} rows, but the gate passed {gate['rows'][name]}")
    return problems


def _findings(name: str, gate: dict) -> str:
    table = resources()[name].statutory_table
    if table not in ("t3", "t4"):
        return "not a table with identities"
    lines = [f"- {check}: fails in {n} reports"
             for check, n in gate["failed_checks"].items() if check.startswith(f"{table}_")]
    return "\n".join(lines) or "none"


def _check_for(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=name, name=f"{name}_schema", blocking=True,
                    description=f"{name} as staged is what the pandera gate passed: the "
                                "declared columns and types, the gate's row count.")
    def check(staged: str) -> dg.AssetCheckResult:
        return verify(name, staged)

    return check


schema_checks = [_check_for(name) for name in resources()]
