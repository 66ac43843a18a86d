"""The derived pandera schemas: structure blocks, identities only warn."""

import warnings

import pandas as pd
import pandera.errors as pa_errors
import pytest

from schemas.resources import resources
from schemas.validation import PANDAS_DTYPES, schemas


def _t4(total: int) -> pd.DataFrame:
    res = resources()["t4_reviews"]
    rows = [{"report_id": "0123456789abcdef", "report_year": 2021, "agency_id": None,
             "level": None, "division_code": None, "format_version": "gov_2021",
             "row": "admin_review", "upheld": 1, "corrected": 0, "other_result": 0,
             "pending": 0, "total": total}]
    frame = pd.DataFrame(rows)[res.field_names]
    return frame.astype({f.name: PANDAS_DTYPES[f.type] for f in res.fields})


def test_identity_failure_is_a_warning_not_an_error() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        schemas()["t4_reviews"].validate(_t4(total=5))
    assert [str(w.message).split(" failure cases")[0] for w in caught] == [
        "DataFrameSchema 't4_reviews' failed element-wise validator number 0: "
        "identity t4_total_* fails for some reports (a finding, not an error)"]


def test_structural_failure_raises() -> None:
    frame = _t4(total=1)
    frame["row"] = "appeal"
    with pytest.raises(pa_errors.SchemaError, match="isin"):
        schemas()["t4_reviews"].validate(frame)


def test_every_resource_has_a_strict_schema_with_its_primary_key() -> None:
    for name, resource in resources().items():
        schema = schemas()[name]
        assert list(schema.columns) == resource.field_names
        assert schema.strict is True
        assert schema.unique == (list(resource.primary_key) or None)
