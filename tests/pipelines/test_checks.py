"""The blocking asset checks: a staged table passes only as the gate passed it."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.checks import verify
from pipelines.inputs import InboxBytes, parse_inputs, scan_inbox
from pipelines.parse_cache import ParseCache
from pipelines.parts import MANIFEST, files_of
from pipelines.segments import SegmentCache, build_tables

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    parse_cache = ParseCache(tmp_path / "cache", "p")
    batch = parse_inputs(scan_inbox(SAMPLES), InboxBytes(SAMPLES), parse_cache, keep=False)
    segments = SegmentCache(tmp_path / "cache", "t")
    result = build_tables(batch, parse_cache, segments, "t", tmp_path / "run" / "data")
    segments.close()
    assert json.loads((tmp_path / "run" / MANIFEST).read_text())["rows"] == result.rows
    return tmp_path / "run" / "data"


def test_staged_tables_pass_with_their_findings(staged: Path) -> None:
    result = verify("t3_requests", str(staged / "t3_requests"))
    assert result.passed
    assert result.metadata["identity_findings"].value == (
        "- t3_results_total_natural_person: fails in 1 reports\n"
        "- t3_results_total_total: fails in 1 reports")
    assert verify("cells", str(staged / "cells")).passed


def test_a_file_that_is_not_what_the_gate_passed_fails(staged: Path) -> None:
    path = files_of(staged, "cells", "parquet")[0]
    table = pq.read_table(path)
    pq.write_table(table.slice(1), path)  # a row lost after the gate
    result = verify("cells", str(staged / "cells"))
    assert not result.passed
    rows = sum(pq.ParquetFile(p).metadata.num_rows for p in files_of(staged, "cells", "parquet"))
    assert result.metadata["problems"].value == (
        f"- cells: {rows} rows, but the gate passed {rows + 1}")


def test_a_file_with_other_types_fails(staged: Path) -> None:
    path = files_of(staged, "flags", "parquet")[0]
    table = pq.read_table(path)
    pq.write_table(table.cast(pa.schema([f.with_type(pa.string()) for f in table.schema])),
                   path)
    result = verify("flags", str(staged / "flags"))
    assert not result.passed
    assert "not the declared ones" in result.metadata["problems"].value
