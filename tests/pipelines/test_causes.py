"""The likely cause of a failing check, on real reports: as printed, or possibly ours."""

from functools import cache
from pathlib import Path

from pipelines.causes import check_cells, confirmed_cells, likely_cause
from pipelines.parse import parse_file
from pipelines.report import ParsedReport
from pipelines.tidy import tidy

REPORTS = Path(__file__).parents[1] / "fixtures" / "reports"


@cache
def _parse(name: str) -> ParsedReport:
    return parse_file(REPORTS / name)


def _failing(name: str) -> list[list]:
    checks = tidy([_parse(name)], {})["checks"]
    return checks[checks["status"] == "fail"][["check_id", "likely_cause"]].values.tolist()


def test_a_run_split_by_the_identities_may_be_our_reading() -> None:
    # 006: the result rows sum to 27 and the total says 21; the total row's digits ran
    # together and were split by solving the identities, so the fail is not pinned on the
    # agency.
    assert _failing("pingtan-2020-run-together.txt") == [
        ["t3_results_total_natural_person", "reading"], ["t3_results_total_total", "reading"]]
    assert _failing("pingtan-2022-run-together.txt") == [
        ["text_requests_received", "reading"], ["text_requests_received_natural_person",
                                                "reading"]]


def test_the_text_stating_the_same_number_confirms_a_split_cell() -> None:
    report = _parse("pingtan-2022-run-together.txt")
    # Both were split from one run; the text states 3 requests from commercial enterprises.
    assert "t3.new_received.commercial_enterprise" in confirmed_cells(report)
    assert likely_cause(report, ["t3.new_received.commercial_enterprise"]) == "as_printed"
    assert likely_cause(report, ["t3.new_received.research_institution"]) == "reading"


def test_cells_read_off_printed_cells_are_as_printed() -> None:
    report = _parse("shanghai-office-2019.html")
    cells = check_cells(report, "t3_balance_total")
    assert cells == ("t3.new_received.total", "t3.carried_over.total",
                     "t3.results_total.total", "t3.carried_forward.total")
    assert likely_cause(report, cells) == "as_printed"
    assert check_cells(report, "text_lawsuits") == ("t4.litigation_direct.total",
                                                    "t4.litigation_after_review.total")
