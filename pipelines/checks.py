"""Dagster asset checks: the pandera schema of every published table.

Structural failures are ERROR and blocking, so the data package is not published.
Identity failures (勾稽关系) are findings about agencies' reports: they are reported as
metadata on a passing check, never block, and are published in the `checks` table.
"""

import warnings

import dagster as dg
import pandas as pd
import pandera.errors as pa_errors

from schemas.resources import resources
from schemas.validation import schemas


def _validate(name: str, frame: pd.DataFrame) -> dg.AssetCheckResult:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pa_errors.SchemaWarning)
        try:
            schemas()[name].validate(frame, lazy=True)
        except pa_errors.SchemaErrors as err:
            cases = err.failure_cases.head(20)
            return dg.AssetCheckResult(
                passed=False, severity=dg.AssetCheckSeverity.ERROR,
                metadata={"failures": len(err.failure_cases),
                          "first_failures": dg.MetadataValue.md(cases.to_markdown())})
    findings = sorted({str(w.message).split(" failure cases")[0] for w in caught
                       if issubclass(w.category, pa_errors.SchemaWarning)})
    return dg.AssetCheckResult(passed=True, metadata={
        "rows": len(frame), "identity_findings": dg.MetadataValue.md(
            "\n".join(f"- {f}" for f in findings) or "none")})


def _check_for(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=name, name=f"{name}_schema", blocking=True,
                    description=f"pandera schema of {name}: types, enums, ranges, keys.")
    def check(frame: pd.DataFrame) -> dg.AssetCheckResult:
        return _validate(name, frame)

    return check


schema_checks = [_check_for(name) for name in resources()]
