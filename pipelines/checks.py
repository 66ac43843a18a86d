"""Dagster asset checks: the pandera schema of every published table.

Structural failures are ERROR and blocking, so the data package is not published.
Identity failures (勾稽关系) are findings about agencies' reports: they are reported as
metadata on a passing check, never block, and are published in the `checks` table.
"""

import warnings
from collections.abc import Iterator

import dagster as dg
import pandas as pd
import pandera.errors as pa_errors
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.resources import resources
from schemas.validation import PANDAS_DTYPES, schemas

BATCH_ROWS = 200_000  # rows validated at a time


def _frames(path: str, name: str) -> Iterator[pd.DataFrame]:
    """A staged table in batches with the published dtypes (it may not fit in memory)."""
    dtypes = {f.name: PANDAS_DTYPES[f.type] for f in resources()[name].fields}
    for batch in pq.ParquetFile(path).iter_batches(BATCH_ROWS):
        yield batch.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get).astype(dtypes)


def _validate(name: str, path: str) -> dg.AssetCheckResult:
    rows = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pa_errors.SchemaWarning)
        for frame in _frames(path, name):
            rows += len(frame)
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
        "rows": rows, "identity_findings": dg.MetadataValue.md(
            "\n".join(f"- {f}" for f in findings) or "none")})


def _check_for(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=name, name=f"{name}_schema", blocking=True,
                    description=f"pandera schema of {name}: types, enums, ranges, keys.")
    def check(staged: str) -> dg.AssetCheckResult:
        return _validate(name, staged)

    return check


schema_checks = [_check_for(name) for name in resources()]
