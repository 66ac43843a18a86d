"""Acceptance: whole reports parsed end to end and compared with their truth files.

The rule everywhere: a cell is either the printed value or null with a flag saying why;
never a wrong or an invented number.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes, parse_file
from pipelines.report import ParsedReport
from schemas.identities import identities

SEED = "seed-shaoguan-zhenjiang-2019"
# Truth stem -> fixture report file.
TRUTH_FIXTURES = {
    SEED: f"{SEED}.txt",
    "shanghai-office-2019": "shanghai-office-2019.html",
    "pingtan-2022-run-together": "pingtan-2022-run-together.txt",
    "pingtan-2020-run-together": "pingtan-2020-run-together.txt",
}
_UNCHECKED = re.compile(r"^UNCHECKED (\S+):")
_BROKEN = re.compile(r"^BROKEN (\S+): lhs=(\S+) rhs=(\S+)$")


@cache
def parse(path: Path) -> ParsedReport:
    return parse_file(path)


def parse_fixture(fixtures_dir: Path, name: str) -> ParsedReport:
    return parse(fixtures_dir / "reports" / name)


def ambiguous_cells(report: ParsedReport) -> set[str]:
    return {f.cell_id for f in report.flags if f.code == "ambiguous_digits"}


def wrong_or_invented(report: ParsedReport, truth_cells: dict) -> dict[str, tuple]:
    """Cells whose value is not the truth's, except nulls flagged `ambiguous_digits`."""
    ambiguous = ambiguous_cells(report)
    values = report.values()
    return {cid: (values.get(cid, "absent"), expected) for cid, expected in truth_cells.items()
            if values.get(cid, "absent") != expected
            and not (values.get(cid, "absent") is None and cid in ambiguous)}


def assert_checks_match_truth_notes(report: ParsedReport, notes: list[str]) -> None:
    """UNCHECKED <id> is not evaluable, BROKEN <id>: lhs=X rhs=Y fails so; all else passes."""
    unchecked = {m[1] for n in notes if (m := _UNCHECKED.match(n))}
    broken = {m[1]: (float(m[2]), float(m[3])) for n in notes if (m := _BROKEN.match(n))}
    expected = {i.id: "not_evaluable" if i.id in unchecked else
                "fail" if i.id in broken else "pass"
                for i in identities(report.format_version)}
    assert {c.id: c.status for c in report.checks if c.kind != "text"} == expected
    for check in report.checks:
        if check.id in broken:
            assert (check.lhs, check.rhs) == broken[check.id]


@pytest.mark.parametrize("stem", [SEED, "shanghai-office-2019"])
def test_every_cell_equals_truth(fixtures_dir: Path, truth, stem: str) -> None:
    expected = truth(stem)
    report = parse_fixture(fixtures_dir, TRUTH_FIXTURES[stem])
    assert report.status == "complete"
    assert report.format_version == expected["format_version"]
    assert (report.agency, report.report_year) == (expected["agency"], expected["report_year"])
    assert report.values() == expected["cells"]  # nulls included


def test_gb18030_seed_parses_like_the_seed(fixtures_dir: Path, truth) -> None:
    report = parse_fixture(fixtures_dir, f"{SEED}.gb18030.txt")
    assert report.status == "complete"
    assert report.values() == truth(SEED)["cells"]


@pytest.mark.parametrize("stem", TRUTH_FIXTURES)
def test_checks_match_truth_notes(fixtures_dir: Path, truth, stem: str) -> None:
    report = parse_fixture(fixtures_dir, TRUTH_FIXTURES[stem])
    assert_checks_match_truth_notes(report, truth(stem)["notes"])


def test_seed_checks_all_pass(fixtures_dir: Path) -> None:
    report = parse_fixture(fixtures_dir, TRUTH_FIXTURES[SEED])
    assert report.checks
    assert {c.status for c in report.checks} == {"pass"}


def test_seed_printed_forms(fixtures_dir: Path) -> None:
    cells = parse_fixture(fixtures_dir, TRUTH_FIXTURES[SEED]).cells
    change = cells["t2.other_external_services.change"]
    assert (change.value, change.raw_text, change.source_ref) == (6, "+6", "line 42")
    amount = cells["t2.centralized_procurement.procurement_total_amount"]
    assert (amount.value, amount.raw_text, amount.unit) == (5819.06, "5819.06万元", "万元")


def test_shanghai_amount_printed_in_yuan_is_published_in_wan_yuan(fixtures_dir: Path) -> None:
    cells = parse_fixture(fixtures_dir, TRUTH_FIXTURES["shanghai-office-2019"]).cells
    amount = cells["t2.centralized_procurement.procurement_total_amount"]
    assert (amount.value, amount.raw_text, amount.unit) == (25.1, "251000元", "元")


@pytest.mark.parametrize(
    ("stem", "n_null"),
    [("pingtan-2022-run-together", 3), ("pingtan-2020-run-together", 17)],
)
def test_run_together_cells_are_truth_or_flagged_null(fixtures_dir: Path, truth, stem: str,
                                                       n_null: int) -> None:
    expected = truth(stem)
    report = parse_fixture(fixtures_dir, TRUTH_FIXTURES[stem])
    assert (report.status, report.rendering) == ("complete", "text_run_together")
    assert report.format_version == expected["format_version"]
    assert wrong_or_invented(report, expected["cells"]) == {}
    nulls = {cid for cid, v in report.values().items() if v is None}
    assert len(nulls) == n_null
    assert nulls == ambiguous_cells(report)
    assert all(cid.startswith("t2.") for cid in nulls)  # table 二 has no identity to split by
    t34 = {cid: v for cid, v in expected["cells"].items() if cid.startswith(("t3.", "t4."))}
    assert {cid: report.values()[cid] for cid in t34} == t34


def test_pingtan_2022_ambiguous_run_keeps_what_was_printed(fixtures_dir: Path) -> None:
    report = parse_fixture(fixtures_dir, TRUTH_FIXTURES["pingtan-2022-run-together"])
    cell = report.cells["t2.normative_documents.issued"]
    assert (cell.value, cell.state, cell.raw_text) == (None, "ambiguous", "8855698")


@pytest.mark.parametrize(
    ("name", "tables", "reason"),
    [
        ("nilka-2023-truncated-pipes.txt", ["t2", "t3"],
         "truncated: missing tables: table 四; missing rows: 16"),
        ("weishan-2020-truncated-pipe-rows.txt", ["t2", "t3"],
         "truncated: missing tables: table 四; missing rows: 21"),
        ("taiping-2022-truncated-lines.txt", ["t2", "t3"],
         "truncated: missing tables: table 四; missing rows: 18"),
        ("tianmen-2020-traditional-pinyin-mirror.txt", ["t2"],
         "truncated: missing tables: table 三, table 四; missing rows: 6"),
    ],
)
def test_truncated_reports_are_partial(fixtures_dir: Path, name: str, tables: list[str],
                                       reason: str) -> None:
    report = parse_fixture(fixtures_dir, name)
    assert report.status == "partial"
    assert report.tables_found == tables
    assert report.reason == reason
    assert "truncated" in {f.code for f in report.flags}


def test_a_download_cut_inside_a_character_is_partial(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "reports" / "taiping-2022-truncated-lines.txt").read_bytes()
    data += "行政".encode()[:-1]  # a 3-byte character cut after its second byte
    report = parse_bytes("cut.txt", data)
    assert (report.status, report.tables_found) == ("partial", ["t2", "t3"])
    assert report.reason == "truncated: missing tables: table 四; missing rows: 18"


def test_traditional_pinyin_mirror_values(fixtures_dir: Path) -> None:
    report = parse_fixture(fixtures_dir, "tianmen-2020-traditional-pinyin-mirror.txt")
    assert (report.agency, report.report_year, report.format_version) == (
        "拖市镇", 2020, "gov_2019")
    assert {cid: v for cid, v in report.values().items() if v is not None} == {
        "t2.regulations.newly_made": 0,
        "t2.regulations.newly_published": 0,
        "t2.regulations.total_published": 0,
        "t2.normative_documents.newly_made": 34,
        "t2.normative_documents.newly_published": 4,
        "t2.normative_documents.total_published": 47,
    }


def test_a_report_cut_off_before_its_tables_is_partial(fixtures_dir: Path) -> None:
    report = parse_fixture(fixtures_dir, "spam-mirror-no-table.txt")
    assert (report.status, report.agency, report.report_year) == ("partial", None, 2022)
    assert report.reason == "truncated: the document ends before the statutory tables"
    assert [f.code for f in report.flags] == ["truncated", "table_missing", "table_missing",
                                              "table_missing", "metadata_missing"]
    assert (report.cells, report.checks, report.tables_found) == ({}, [], [])


@pytest.mark.parametrize("name", ["not-a-report.txt"])
def test_documents_without_tables_fail_with_a_reason(fixtures_dir: Path, name: str) -> None:
    report = parse_fixture(fixtures_dir, name)
    assert report.status == "failed"
    assert report.reason == "no statutory table was recognised"
    assert "not_a_report" in {f.code for f in report.flags}
    assert (report.cells, report.checks, report.tables_found) == ({}, [], [])


def test_pdf_bytes_fail_naming_the_file() -> None:
    report = parse_bytes("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert report.status == "failed"
    assert report.reason == ("report.pdf: PDF is corrupt and cannot be opened "
                             "(PSEOF: Unexpected EOF)")
    assert [f.code for f in report.flags] == ["unreadable_file"]


@pytest.mark.corpus
def test_corpus_has_no_wrong_or_invented_cells(corpus: Path) -> None:
    problems, seen = {}, []
    for truth_path in sorted((corpus / "truth").glob("*.json")):
        expected = json.loads(truth_path.read_text(encoding="utf-8"))
        report = parse_file(corpus / "reports" / expected["file"])
        seen.append(expected["file"])
        assert report.status == "complete", expected["file"]
        if bad := wrong_or_invented(report, expected["cells"]):
            problems[expected["file"]] = bad
    assert problems == {}
    assert "001.pdf" in seen and len(seen) >= 6


@pytest.mark.corpus
def test_corpus_fragments_are_never_complete(corpus: Path) -> None:
    statuses = {p.name: parse_file(p).status for p in sorted((corpus / "reports").iterdir())
                if p.stem.isdigit() and 15 <= int(p.stem) <= 32}
    assert len(statuses) == 18
    assert {name: s for name, s in statuses.items() if s not in ("partial", "failed")} == {}
