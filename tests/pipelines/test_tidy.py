"""Parsed reports to published tables, and the schema gate that withholds bad reports."""

from pathlib import Path

from pipelines.parse import parse_file
from pipelines.tidy import schema_failures, tidy, withhold

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"


def _tables():
    reports = [parse_file(SAMPLES / n) for n in
               ("seed-shaoguan-zhenjiang-2019.txt", "notice-not-a-report.txt")]
    return reports, tidy(reports, {reports[0].sha256: ["seed-copy-duplicate.txt"]})


def test_shapes_and_grain() -> None:
    reports, tables = _tables()
    assert {k: len(v) for k, v in tables.items()} == {
        "reports": 2, "cells": 198, "t2_proactive": 8, "t3_requests": 23, "t4_reviews": 3,
        "checks": 40, "flags": 1}
    seed = tables["reports"].iloc[0]
    assert seed["report_id"] == reports[0].sha256[:16]
    assert (seed["cells_number"], seed["cells_null"], seed["checks_failed"]) == (198, 0, 0)
    assert seed["also_found_as"] == "seed-copy-duplicate.txt"
    assert not tables["reports"].iloc[1]["published"]


def test_wide_tables_are_shaped_as_printed() -> None:
    _, tables = _tables()
    t2 = tables["t2_proactive"].set_index("row")
    assert t2.loc["other_external_services", ["prev_year_items", "change", "decisions"]].tolist() \
        == [98, 6, 104]
    assert t2.loc["centralized_procurement", "procurement_total_amount"] == 5819.06
    t4 = tables["t4_reviews"].set_index("row")
    assert t4.loc["admin_review"].tolist()[2:] == [0, 0, 0, 0, 0]


def test_clean_tables_pass_the_schema_gate() -> None:
    _, tables = _tables()
    assert schema_failures(tables) == {}


def test_a_report_breaking_the_schema_is_withheld_with_its_reason() -> None:
    reports, tables = _tables()
    tables["cells"].loc[0, "state"] = "invented_state"
    failures = schema_failures(tables)
    rid = reports[0].report_id
    assert failures == {rid: "cells.state: isin(['number', 'blank', 'dash', 'slash', "
                             "'none_word', 'unreadable', 'ambiguous', 'missing'])"}
    withhold(tables, failures)
    assert len(tables["cells"]) == 0 and len(tables["t3_requests"]) == 0
    row = tables["reports"].set_index("report_id").loc[rid]
    assert not row["published"]
    assert row["reason"].startswith("schema_violation: cells.state")
    assert tables["flags"]["code"].tolist() == ["not_a_report", "schema_violation"]
