"""Statements of numbers read from reports' text and checked against their tables.

Expectations are written by hand from each report's text and table; 006 (pingtan 2020) is
the report whose own table does not add up (its result rows sum to 27, its total 21)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from pipelines.parse import parse_file
from pipelines.recognise.statements import _COUNT_PRINTED, _spans, read_statements, sentences
from pipelines.report import ParsedReport

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"

# statement id -> (status, stated, table, line)
HUAIAN_2024 = {
    "requests_received": ("pass", 3119, 3119, 28),
    "requests_carried_over": ("pass", 34, 34, 29),
    "requests_answered": ("pass", 3050, 3050, 29),
    "requests_carried_forward": ("pass", 103, 103, 29),
    "admin_reviews": ("pass", 351, 351, 30),
    "admin_reviews_upheld": ("pass", 72, 72, 31),
    "admin_reviews_corrected": ("pass", 64, 64, 31),
    "admin_reviews_other_result": ("pass", 178, 178, 31),
    "admin_reviews_pending": ("pass", 37, 37, 32),
    "lawsuits": ("pass", 46, 46, 32),
    "lawsuits_upheld": ("pass", 25, 25, 32),
    "lawsuits_corrected": ("pass", 5, 5, 33),
    "lawsuits_other_result": ("pass", 9, 9, 33),
    "lawsuits_pending": ("pass", 7, 7, 33),
}
# The text says 75 requests received (72 from natural persons); the table 74 new and 1
# carried over. Table 二's 88/55/698 ran together and stay null (ambiguous).
PINGTAN_2022 = {
    "requests_received": ("fail", 75, 74, 10),
    "requests_received_natural_person": ("fail", 72, 71, 10),
    "requests_received_commercial_enterprise": ("pass", 3, 3, 10),
    "admin_reviews": ("pass", 2, 2, 10),
    "lawsuits": ("pass", 1, 1, 10),
    "normative_documents_in_force": ("not_evaluable", None, None, 10),
    "normative_documents_issued": ("not_evaluable", None, None, 10),
}
PINGTAN_2020 = {"requests_received": ("pass", 21, 21, 10)}
# 011 leaves its outcome rows' 总计 cells blank: those statements are not evaluable.
SHANGHAI_2019 = {
    "requests_received": ("pass", 859, 859, 14),
    "requests_carried_over": ("pass", 18, 18, 14),
    "requests_answered": ("pass", 805, 805, 14),
    "requests_carried_forward": ("pass", 72, 72, 14),
    "requests_granted_or_partially": ("not_evaluable", None, None, 14),
    "requests_denied": ("not_evaluable", None, None, 14),
    "requests_unable": ("not_evaluable", None, None, 14),
    "requests_not_processed": ("not_evaluable", None, None, 14),
    "admin_reviews": ("pass", 7, 7, 14),
    "lawsuits": ("not_evaluable", None, None, 14),
}
EXPECTED = {
    "huaian-2024.pdf": HUAIAN_2024,
    "pingtan-2022-run-together.txt": PINGTAN_2022,
    "pingtan-2020-run-together.txt": PINGTAN_2020,
    "shanghai-office-2019.html": SHANGHAI_2019,
    "seed-shaoguan-zhenjiang-2019.txt": {},  # its only number is 主动公开2045条: no cell
}
CORPUS_FILES = {"001.pdf": HUAIAN_2024, "004.txt": PINGTAN_2022, "006.txt": PINGTAN_2020,
                "011.html": SHANGHAI_2019, "005.txt": {},
                "seed-shaoguan-zhenjiang-2019.txt": {}}


@cache
def _parse(path: Path) -> ParsedReport:
    return parse_file(path)


def _text_checks(report: ParsedReport) -> dict[str, tuple]:
    return {c.id.removeprefix("text_"): (c.status, c.lhs, c.rhs, int(c.source_ref.split()[1]))
            for c in report.checks if c.kind == "text"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_statements_found_and_their_verdicts(name: str) -> None:
    assert _text_checks(_parse(FIXTURES / name)) == EXPECTED[name]


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(CORPUS_FILES))
def test_statements_of_the_corpus_reports(corpus: Path, name: str) -> None:
    assert _text_checks(_parse(corpus / "reports" / name)) == CORPUS_FILES[name]


def test_a_fail_is_flagged_for_review_and_the_table_kept() -> None:
    report = _parse(FIXTURES / "pingtan-2022-run-together.txt")
    flags = [(f.cell_id, f.message) for f in report.flags if f.code == "text_disagrees"]
    assert flags == [
        ("t3.new_received.total",
         "the text states 75 (line 10) where the table has 74 (t3.new_received.total)"),
        ("t3.new_received.natural_person", "the text states 72 (line 10) where the table "
         "has 71 (t3.new_received.natural_person)")]
    assert report.cells["t3.new_received.total"].value == 74
    check = next(c for c in report.checks if c.id == "text_requests_received")
    assert check.statement == ("2022年,全区收到政府信息公开申请75件,涉及自然人72件、商业企业3件,"
                               "均在法定期限内予以答复,办结率100%。")


def test_pingtan_2020_text_agrees_where_its_own_table_does_not_add_up() -> None:
    report = _parse(FIXTURES / "pingtan-2020-run-together.txt")
    statuses = {c.id: (c.status, c.lhs, c.rhs) for c in report.checks}
    assert statuses["text_requests_received"] == ("pass", 21, 21)
    assert statuses["t3_results_total_total"] == ("fail", 21, 27)


def test_a_sentence_broken_across_lines_is_read_whole() -> None:
    text = "2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件）。"
    found = {r.statement.id: (r.value, r.line) for r in read_statements(text, 2024)}
    assert found == {"requests_received": (3119, 1), "requests_answered": (3050, 2),
                     "requests_carried_over": (34, 2)}
    assert sentences("3001 53\n0 件")[0].text == "3001 53 0件"


@pytest.mark.parametrize("text", [
    "2021年，全区收到政府信息公开申请75件。",     # another year than the report's
    "累计受理政府信息公开申请75件。",              # since some date, not this year
    "共受理政府信息公开申请75件左右。",            # not an exact count
    "上半年受理政府信息公开申请75件。",            # part of the year
    "受理政府信息公开申请75件；受理政府信息公开申请76件。",  # the text contradicts itself
    "行政复议、行政诉讼案件3件。",                 # reviews and lawsuits together
    "行政诉讼和行政复议案件3件。",
    "全年办理行政复议案件56件，行政应诉案件12件。",  # every review the agency decided
    "12345热线受理诉求200件，答复190件。",         # not information requests
])
def test_doubtful_statements_are_left_out(text: str) -> None:
    assert read_statements(text, 2022) == []


def test_sentences_found_by_one_scan_are_those_searched_one_by_one() -> None:
    """`_spans`: the sentences a whole-text scan finds a pattern in are those a search
    per sentence finds; a pattern that matches across a sentence end is searched per
    sentence."""
    norm = "本年共收到申请12件。其中自然人3 件;无。法人\n9起!完。"
    ends = [m.end() for m in re.finditer(r"[。;!?]", norm)] + [len(norm)]
    spans = list(zip([0, *ends[:-1]], ends, strict=True))
    for pattern in (_COUNT_PRINTED, re.compile(r"\d[^\d]*\d")):  # the second crosses
        assert _spans(norm, ends, pattern) == [
            (s, e) for s, e in spans if pattern.search(norm, s, e)]
    assert _spans(norm, ends, _COUNT_PRINTED) == [spans[0], spans[1], spans[3]]
