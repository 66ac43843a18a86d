"""Parsed reports to published tables, and the schema gate that withholds bad reports."""

from pathlib import Path

import pandas as pd

from pipelines.inputs import Input
from pipelines.parse import parse_bytes, parse_file
from pipelines.tidy import schema_failures, tidy, withhold
from schemas.vocabulary import CELL_STATES

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"


def _tables():
    reports = [parse_file(SAMPLES / n) for n in
               ("seed-shaoguan-zhenjiang-2019.txt", "notice-not-a-report.txt")]
    return reports, tidy(reports, {reports[0].sha256: ["seed-copy-duplicate.txt"]})


def test_shapes_and_grain() -> None:
    reports, tables = _tables()
    assert {k: len(v) for k, v in tables.items()} == {
        "reports": 2, "cells": 198, "t2_proactive": 8, "t3_requests": 23, "t4_reviews": 3,
        "checks": 40, "flags": 1, "sections": 7}
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
    assert t4.loc["admin_review"].tolist()[6:] == [0, 0, 0, 0, 0]


def test_wide_tables_carry_their_report_s_year_agency_level_and_division() -> None:
    _, tables = _tables()
    report = tables["reports"].iloc[0]
    context = ["report_year", "agency_id", "level", "division_code"]
    for name in ("t2_proactive", "t3_requests", "t4_reviews"):
        rows = tables[name][context].drop_duplicates()
        assert rows.values.tolist() == [report[context].tolist()]
    assert report[context].tolist() == [2019, "440204-43012150c4", "county", "440204"]


def test_clean_tables_pass_the_schema_gate() -> None:
    _, tables = _tables()
    assert schema_failures(tables) == {}


def test_a_report_breaking_the_schema_is_withheld_with_its_reason() -> None:
    reports, tables = _tables()
    tables["cells"].loc[0, "state"] = "invented_state"
    failures = schema_failures(tables)
    rid = reports[0].report_id
    # the schema's list is the vocabulary's, in its order (schemas/vocabulary.py)
    assert failures == {rid: f"cells.state: isin({list(CELL_STATES)})"}
    withhold(tables, failures)
    assert len(tables["cells"]) == 0 and len(tables["t3_requests"]) == 0
    row = tables["reports"].set_index("report_id").loc[rid]
    assert not row["published"]
    assert row["reason"].startswith("schema_violation: cells.state")
    assert tables["flags"]["code"].tolist() == ["not_a_report", "schema_violation"]


def test_cross_year_soft_checks_pair_one_agency_across_consecutive_years() -> None:
    seed = (SAMPLES / "seed-shaoguan-zhenjiang-2019.txt").read_text(encoding="utf-8")
    # The same agency's next report, carrying over 2 requests where 2019 carried forward 0.
    next_year = seed.replace("2019年政府", "2020年政府", 1).replace(
        "二、上年结转政府信息公开申请数量\n\t\xa00", "二、上年结转政府信息公开申请数量\n\t2", 1)
    reports = [parse_bytes("2019.txt", seed.encode()), parse_bytes("2020.txt", next_year.encode())]
    assert reports[1].report_year == 2020
    assert reports[0].place["agency_id"] == reports[1].place["agency_id"] == "440204-43012150c4"
    checks = tidy(reports, {})["checks"]
    soft = checks[checks["kind"] == "soft"]
    assert set(soft["report_id"]) == {reports[1].report_id}
    assert len(soft) == 12  # seven columns of table 三, five rows of table 二
    failing = soft[soft["status"] == "fail"]
    # The 2020 total column still prints 0, so only the natural-person column breaks; the
    # copy keeps 2019's 上一年项目数量, where 其他对外管理服务事项 changed by +6 in 2019.
    assert failing[["check_id", "lhs", "rhs", "likely_cause"]].values.tolist() == [
        ["xyear_carried_over_natural_person", 2.0, 0.0, "as_printed"],
        ["xyear_t2_items_other_external_services", 98.0, 104.0, "as_printed"]]
    assert failing["note"].iloc[0].startswith(f"against {reports[0].report_id} (2019)")


def test_table_two_across_years_only_where_the_formats_count_the_same() -> None:
    seed = (SAMPLES / "seed-shaoguan-zhenjiang-2019.txt").read_text(encoding="utf-8")
    # The same agency's 2021 report (2021 format): its table 二 has no 上一年项目数量, and
    # its 现行有效件数 counts nothing the 2019 format's 对外公开总数量 does.
    reports = [parse_bytes("2020.txt", seed.replace("2019年政府", "2020年政府", 1).encode()),
               parse_file(Path(__file__).parents[1] / "fixtures" / "reports"
                          / "huaian-2024.pdf")]
    reports[1].report_year, reports[1].place = 2021, reports[0].place
    soft = tidy(reports, {})["checks"].query("kind == 'soft'")
    assert soft["check_id"].str.startswith("xyear_carried_over_").all()
    assert len(soft) == 7


def test_a_discovered_report_s_row_names_its_page_and_the_file_read() -> None:
    report = parse_file(SAMPLES / "seed-shaoguan-zhenjiang-2019.txt")
    page = "https://www.example.gov.cn/xxgk/ndbg/202001/t20200115_1.html"
    pdf = "https://www.example.gov.cn/xxgk/ndbg/202001/P020200115.pdf"
    found = Input(pdf, report.sha256, report.size, pdf, "2026-12-01T00:00:00Z",
                  page_url=page, title="韶关市浈江区人民政府2019年政府信息公开工作年度报告")
    listed = Input("https://www.example.gov.cn/a.txt", report.sha256, report.size,
                   "https://www.example.gov.cn/a.txt")
    for source, expected in ((found, (pdf, page)), (listed, (listed.url, None))):
        row = tidy([report], {}, {report.sha256: source})["reports"].iloc[0]
        page_url = None if pd.isna(row["page_url"]) else row["page_url"]
        assert (row["source_url"], page_url) == expected
