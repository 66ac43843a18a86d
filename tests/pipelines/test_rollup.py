"""The roll-ups across agencies: a government's table 三 totals against the sum of its
departments' reports, paired only through the resolved hierarchy.

The inbox `tests/fixtures/rollup` is the seed report (韶关市浈江区人民政府 2019) issued under
other agencies' names: in 2019 the district government, its 教育局 (one request, as the
seed) and 卫生健康局 (no request: table 三's 1s printed 0), the township 犁市镇 and the
prefecture's 教育局 (neither pairs with the district); in 2020 (the seed's years written
2020) the government, its 教育局, its 民政局 (结转下年度 总计 printed `-`) and its
交通运输局 twice (a re-issued copy with one more word).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipelines import rollup
from pipelines.crossyear import YearEntry, add_entry
from pipelines.inputs import InboxBytes, parse_inbox, parse_inputs, scan_inbox
from pipelines.parse_cache import ParseCache
from pipelines.report import Flag
from pipelines.rollup import rollup_role
from pipelines.segments import segments_of
from pipelines.tidy import tidy

ROOT = Path(__file__).parents[2]
INBOX = ROOT / "tests" / "fixtures" / "rollup"
DATASET = "china-gov-info-disclosure-annual-reports"
GOV_2019, GOV_2020 = "0421dc9408ed6212", "6fa7cc292db2ab6e"
EDUCATION_2019, HEALTH_2019 = "3b18fa2e2ea84ab1", "67a35879b78b9a5e"
EDUCATION_2020, CIVIL_AFFAIRS_2020 = "c194113e34f4e855", "d9e6111035c2638d"
SEVERAL = "not summed: 1 with more than one report this year"
EXPECTED = [
    [GOV_2019, "rollup_t3_carried_forward", "pass", 0.0, 0.0, None,
     f"2 department(s) found, 2 summed: {EDUCATION_2019}, {HEALTH_2019}"],
    [GOV_2019, "rollup_t3_carried_over", "pass", 0.0, 0.0, None,
     f"2 department(s) found, 2 summed: {EDUCATION_2019}, {HEALTH_2019}"],
    [GOV_2019, "rollup_t3_new_received", "pass", 1.0, 1.0, None,
     f"2 department(s) found, 2 summed: {EDUCATION_2019}, {HEALTH_2019}"],
    [GOV_2019, "rollup_t3_results_total", "pass", 1.0, 1.0, None,
     f"2 department(s) found, 2 summed: {EDUCATION_2019}, {HEALTH_2019}"],
    [GOV_2020, "rollup_t3_carried_forward", "pass", 0.0, 0.0, None,
     f"3 department(s) found, 1 summed ({SEVERAL}, 1 with t3.carried_forward.total null "
     f"or not printed): {EDUCATION_2020}"],
    [GOV_2020, "rollup_t3_carried_over", "pass", 0.0, 0.0, None,
     f"3 department(s) found, 2 summed ({SEVERAL}): {EDUCATION_2020}, {CIVIL_AFFAIRS_2020}"],
    # The 2020 summary counts 1 request where two of its own departments report 1 each.
    [GOV_2020, "rollup_t3_new_received", "fail", 1.0, 2.0, "as_printed",
     f"3 department(s) found, 2 summed ({SEVERAL}): {EDUCATION_2020}, {CIVIL_AFFAIRS_2020}; "
     "1 < 2"],
    [GOV_2020, "rollup_t3_results_total", "fail", 1.0, 2.0, "as_printed",
     f"3 department(s) found, 2 summed ({SEVERAL}): {EDUCATION_2020}, {CIVIL_AFFAIRS_2020}; "
     "1 < 2"],
]
COLUMNS = ["report_id", "check_id", "status", "lhs", "rhs", "likely_cause", "note"]


def _rollup_rows(checks: pd.DataFrame) -> list[list]:
    rows = checks[checks["check_id"].str.startswith("rollup_")].sort_values(
        ["report_id", "check_id"])
    assert set(rows["kind"]) == {"soft"} and set(rows["table"]) == {"t3"}
    return [[None if pd.isna(v) else v for v in row]
            for row in rows[COLUMNS].values.tolist()]


@pytest.fixture(scope="module")
def batch():
    return parse_inbox(INBOX)


def test_roles_come_from_the_resolved_hierarchy_only(batch) -> None:
    roles = {r.file: rollup_role(r) for r in batch.reports}
    assert roles == {
        # The prefecture's department (440200): the district's government is not its own.
        "shaoguan-education-2019.txt": "department",
        "zhenjiang-civil-affairs-2020.txt": "department",
        "zhenjiang-education-2019.txt": "department",
        "zhenjiang-education-2020.txt": "department",
        "zhenjiang-government-2019.txt": "government",
        "zhenjiang-government-2020.txt": "government",
        "zhenjiang-health-2019.txt": "department",
        "zhenjiang-lishi-town-2019.txt": None,  # a township is no department
        "zhenjiang-transport-2020-reissued.txt": "department",
        "zhenjiang-transport-2020.txt": "department",
    }
    shaoguan = next(r for r in batch.reports if r.file == "shaoguan-education-2019.txt")
    assert (shaoguan.place["level"], shaoguan.place["parent_level"],
            shaoguan.place["division_code"]) == ("department", "prefecture", "440200")


def test_a_government_s_totals_against_its_departments_sum(batch) -> None:
    checks = tidy(batch.reports, batch.duplicates, batch.inputs)["checks"]
    assert _rollup_rows(checks) == EXPECTED


def test_an_unresolved_agency_is_never_paired(batch) -> None:
    reports = [r for r in batch.reports if r.report_year == 2019]
    health = next(r for r in reports if r.file == "zhenjiang-health-2019.txt")
    health.flags.append(Flag("agency_unresolved", "ambiguous: 浈江区 in two provinces"))
    try:
        rows = _rollup_rows(tidy(reports, {})["checks"])
    finally:
        health.flags.pop()
    assert {r[-1] for r in rows} == {f"1 department(s) found, 1 summed: {EDUCATION_2019}"}


def test_no_department_no_rows(batch) -> None:
    alone = [r for r in batch.reports if r.file in ("zhenjiang-government-2019.txt",
                                                    "shaoguan-education-2019.txt",
                                                    "zhenjiang-lishi-town-2019.txt")]
    checks = tidy(alone, {})["checks"]
    assert not checks["check_id"].str.startswith("rollup_").any()


def test_a_new_department_makes_its_government_s_segment_again(tmp_path: Path) -> None:
    """The index comes from the parse cache's summaries (the role stored with the cells);
    a government's segment key digests its division's departments, no other report's."""
    batch = parse_inputs(scan_inbox(INBOX), InboxBytes(INBOX), ParseCache(tmp_path, "p"),
                         keep=False)
    by_id = {s.sha256[:16]: s for s in batch.summaries.values()}
    gov = by_id[GOV_2019]
    departments = rollup.context(batch.years, gov.agency_id, 2019, gov.cross_year)
    assert sorted(report_id for _, report_id, _ in departments) == [EDUCATION_2019,
                                                                   HEALTH_2019]
    assert rollup.context(batch.years, by_id[HEALTH_2019].agency_id, 2019,
                          by_id[HEALTH_2019].cross_year) is None
    before = {s.shas[0]: s.key for s in segments_of(batch, "test", 1)}
    add_entry(batch.years, "440204-0000000000", 2019,
              YearEntry("f" * 16, {"t3.new_received.total": 5}, "department"))
    after = {s.shas[0]: s.key for s in segments_of(batch, "test", 1)}
    assert {s[:16] for s in before if before[s] != after[s]} == {GOV_2019}


@pytest.mark.slow
def test_the_build_publishes_the_roll_ups(tmp_path: Path) -> None:
    """Through `ogi build`: the index of every report from the parse cache, the tables by
    segments; the same rows as above."""
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "build", "--inbox", str(INBOX), "--out",
         str(tmp_path / "out"), "--archive", str(tmp_path / "archive"), "--cache",
         str(tmp_path / "cache"), "--version", "0.1.0", "--workers", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = tmp_path / "out" / DATASET / "0.1.0" / "data" / "checks"
    checks = pd.concat([pd.read_parquet(p) for p in sorted(data.glob("*/*.parquet"))])
    assert _rollup_rows(checks) == EXPECTED
