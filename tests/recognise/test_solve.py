"""Digit runs solved for the whole table: one reading published only when it is the only one.

Real reports (the pingtan crawler texts) and renderings of every labelled report made by
printed.py: the statutory part flattened into run-together digits, as crawlers save it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from printed import cells_per_line, run_together, zeros_blank

from pipelines.parse import parse_bytes
from pipelines.recognise.digits import digit_splits
from pipelines.recognise.solve import Budget, Settled, Unknown, own_rules, settle
from pipelines.report import ParsedReport
from schemas.identities import identities

FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPUS_TRUTH = Path(__file__).parents[3] / "shared" / "corpus" / "truth"
FIXTURE_TRUTHS = sorted((FIXTURES / "truth").glob("*.json"))
STEMS = {p.stem for p in FIXTURE_TRUTHS}
TRUTHS = [pytest.param(p, id=p.stem) for p in FIXTURE_TRUTHS] + [
    pytest.param(p, id=p.stem, marks=pytest.mark.corpus)
    for p in sorted(CORPUS_TRUTH.glob("*.json")) if p.stem not in STEMS]
T4_ROWS = ("admin_review", "litigation_direct", "litigation_after_review")
T4_COLUMNS = ("upheld", "corrected", "other_result", "pending", "total")
T4_CELLS = tuple(f"t4.{r}.{c}" for r in T4_ROWS for c in T4_COLUMNS)


def truth(stem: str) -> dict:
    return json.loads((FIXTURES / "truth" / f"{stem}.json").read_text(encoding="utf-8"))


def flagged(report: ParsedReport, code: str) -> dict[str, str]:
    return {f.cell_id: f.message for f in report.flags if f.code == code}


def t4_values(report: ParsedReport) -> list:
    return [report.cells[c].value for c in T4_CELLS]


def assert_never_wrong(report: ParsedReport, expected: dict) -> None:
    """Every cell is the truth, or null and flagged as a reading the solver left open."""
    open_cells = flagged(report, "ambiguous_digits") | flagged(report, "ambiguous_columns")
    values = report.values()
    bad = {cid: (values[cid], want) for cid, want in expected["cells"].items()
           if values[cid] != want and not (values[cid] is None and cid in open_cells)}
    assert bad == {}


def test_table_4_printed_as_one_run_is_split_by_its_group_totals() -> None:
    """The run of the issue, 17 digits for 15 cells: 25 splits, one fits the 3 totals."""
    text = (FIXTURES / "reports" / "pingtan-2022-run-together.txt").read_text(encoding="utf-8")
    printed = "0 1 1 0 2 1 0 0 0 1 0 0 0 0 0"
    assert text.count(printed) == 1
    report = parse_bytes("pingtan.txt", text.replace(printed, "10203120001200000").encode())
    assert report.status == "complete"
    assert t4_values(report) == [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]
    messages = flagged(report, "split_by_identities")
    assert set(T4_CELLS) <= set(messages)
    assert messages["t4.litigation_direct.upheld"] == (
        "t4.litigation_direct.upheld: 12 from digit run '10203120001200000', the only "
        "split its own identities allow")


def test_splits_of_a_table_4_run_without_identities() -> None:
    rules = own_rules(T4_CELLS, identities("gov_2021"))
    assert len(digit_splits(["10203120001200000"], 15, [], Budget())) == 25
    assert [c.values for c in digit_splits(["10203120001200000"], 15, rules, Budget())] == [
        (1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)]


def test_a_row_two_splits_fit_is_settled_by_the_column_totals() -> None:
    """淮安 2024: 无法提供 2. prints 11 0 0 0 0 0 11; run together, 110000011 splits as
    11/0/…/11 or 1/10/…/11 under its own 总计; only the first fits the columns."""
    report = parse_bytes("huaian.txt", run_together(truth("huaian-2024")).encode())
    row = [f"t3.unable_needs_creation.{c}" for c in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")]
    assert [report.cells[c].value for c in row] == [11, 0, 0, 0, 0, 0, 11]
    assert flagged(report, "split_by_identities")[row[0]] == (
        f"{row[0]}: 11 from digit run '110000011', the only split the table's identities "
        "allow")


def test_a_table_4_run_several_splits_fit_stays_null() -> None:
    report = parse_bytes("huaian.txt", run_together(truth("huaian-2024")).encode())
    assert t4_values(report) == [None] * 15
    assert {report.cells[c].state for c in T4_CELLS} == {"ambiguous"}
    assert flagged(report, "ambiguous_digits")["t4.admin_review.upheld"] == (
        "t4.admin_review.upheld: digit run '72641783735113481261211620'; more than one "
        "reading fits the table's identities")
    assert_never_wrong(report, truth("huaian-2024"))


def test_a_run_with_more_readings_than_the_bound_is_null() -> None:
    text = (FIXTURES / "reports" / "pingtan-2022-run-together.txt").read_text(encoding="utf-8")
    run = "（一）予以公开 210000021"
    assert text.count(run) == 1
    report = parse_bytes("pingtan.txt", text.replace(run, "（一）予以公开 " + "1" * 60).encode())
    cell = report.cells["t3.granted.natural_person"]
    assert (cell.value, cell.state) == (None, "ambiguous")
    assert flagged(report, "ambiguous_digits")["t3.granted.natural_person"].endswith(
        "more readings than can be listed")
    assert report.cells["t3.new_received.total"].value == 74  # the rest of the table is read


@pytest.mark.parametrize("path", TRUTHS)
@pytest.mark.parametrize("rendering", [run_together, cells_per_line], ids=["run", "lines"])
@pytest.mark.parametrize("blank_zeros", [False, True], ids=["printed", "zeros-blank"])
def test_renderings_of_every_labelled_report_are_never_wrong(path: Path, rendering,
                                                             blank_zeros: bool) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    if blank_zeros:
        expected = zeros_blank(expected)
    report = parse_bytes(f"{path.stem}.txt", rendering(expected).encode())
    assert report.format_version == expected["format_version"]
    assert_never_wrong(report, expected)


@pytest.mark.parametrize(("stem", "nulls"), [
    ("huaian-2024", 21), ("pingtan-2020-run-together", 17), ("pingtan-2022-run-together", 3),
    ("seed-shaoguan-zhenjiang-2019", 16)])
def test_run_together_renderings_null_only_table_2_runs_and_open_table_4(stem: str,
                                                                       nulls: int) -> None:
    """Without blank cells, every row of table 三 is settled; what stays null is table 二
    (no identity) and a table 四 run with several readings."""
    report = parse_bytes(f"{stem}.txt", run_together(truth(stem)).encode())
    open_cells = set(flagged(report, "ambiguous_digits"))
    assert {c for c, v in report.values().items() if v is None} >= open_cells
    assert len(open_cells) == nulls
    assert {c.split(".")[0] for c in open_cells} <= {"t2", "t4"}


def _row(row: str) -> tuple[str, ...]:
    columns = ("natural_person", "commercial_enterprise", "research_institution",
               "public_interest_org", "legal_service_org", "other_org", "total")
    return tuple(f"t3.{row}.{c}" for c in columns)


def _unknown(row: str, run: str) -> Unknown:
    cells = _row(row)
    rules = identities("gov_2019")
    return Unknown(("t3", row), cells, digit_splits([run], 7, own_rules(cells, rules), Budget()))


def _balance(carried_over: tuple, carried_forward: tuple) -> dict:
    """Known cells of the balance 新收 + 上年结转 = 办理结果总计 + 结转下年度."""
    known = dict(zip(_row("carried_over"), carried_over, strict=True))
    known |= dict(zip(_row("carried_forward"), carried_forward, strict=True))
    return known


def test_settle_uses_the_columns_only_when_the_row_leaves_several_splits() -> None:
    rules = identities("gov_2019")
    new = _unknown("new_received", "110000011")  # 11/0/…/11 or 1/10/…/11
    total = _unknown("results_total", "120000012")  # 12/0/…/12 only
    assert len(new.candidates) == 2 and len(total.candidates) == 1
    known = _balance((1, 0, 0, 0, 0, 0, 1), (0,) * 7)
    result = settle([new, total], known, rules, Budget())
    assert result[("t3", "new_received")].choice.values == (11, 0, 0, 0, 0, 0, 11)
    assert result[("t3", "new_received")].by_table
    assert result[("t3", "results_total")].choice.values == (12, 0, 0, 0, 0, 0, 12)
    assert not result[("t3", "results_total")].by_table


def test_settle_without_a_solution_keeps_only_what_the_rows_settle() -> None:
    """上年结转 of 5 cannot balance 11 + 5 = 12: no reading of 新收 fits the columns, so it
    stays open; 总计's only split under its own 总计 is still the row as printed."""
    rules = identities("gov_2019")
    new = _unknown("new_received", "110000011")
    total = _unknown("results_total", "120000012")
    known = _balance((5, 0, 0, 0, 0, 0, 5), (0,) * 7)
    result = settle([new, total], known, rules, Budget())
    assert result[("t3", "new_received")] == Settled(
        None, "no combination of readings satisfies the table's identities")
    assert result[("t3", "results_total")].choice.values == (12, 0, 0, 0, 0, 0, 12)


def test_settle_past_the_work_bound_leaves_the_unknowns_open() -> None:
    rules = identities("gov_2019")
    new = _unknown("new_received", "110000011")
    known = _balance((1, 0, 0, 0, 0, 0, 1), (0,) * 7)
    known |= dict(zip(_row("results_total"), (12, 0, 0, 0, 0, 0, 12), strict=True))
    assert settle([new], known, rules, Budget(1)) == {
        ("t3", "new_received"): Settled(None, "too many combinations to settle")}
