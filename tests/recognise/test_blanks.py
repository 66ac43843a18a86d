"""Rows that lost their blank cells: placements, and values placed only where certain.

Renderings made by printed.py from the labelled fixtures: one cell per line with blank
cells dropped, as `lynx -dump` prints a table; and, slow, `lynx -dump` itself on the Word
HTML of tests/renderings/make.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from printed import cells_per_line, zeros_blank

from pipelines.parse import parse_bytes
from pipelines.recognise.blanks import BLANK, placements
from pipelines.recognise.solve import Budget
from pipelines.report import ParsedReport

FIXTURES = Path(__file__).parents[1] / "fixtures"
GROUP_TOTAL = [((4,), (0, 1, 2, 3))]  # table 四: 总计 = the four results before it
SEED = "seed-shaoguan-zhenjiang-2019"


def truth(stem: str) -> dict:
    return json.loads((FIXTURES / "truth" / f"{stem}.json").read_text(encoding="utf-8"))


def flags(report: ParsedReport, code: str) -> dict[str, str]:
    return {f.cell_id: f.message for f in report.flags if f.code == code}


def test_placements_keep_the_printed_order() -> None:
    found = placements([5, 2, 7], 5, GROUP_TOTAL, Budget())
    assert [c.choices for c in found] == [
        (0, 1, BLANK, BLANK, 2), (0, BLANK, 1, BLANK, 2), (0, BLANK, BLANK, 1, 2),
        (BLANK, 0, 1, BLANK, 2), (BLANK, 0, BLANK, 1, 2), (BLANK, BLANK, 0, 1, 2)]
    assert found[0].values == (5, 2, 0, 0, 7)  # a dropped blank counts as 0


def test_placements_the_identities_rule_out() -> None:
    assert placements([5, 2, 8], 5, GROUP_TOTAL, Budget()) == []
    assert placements([1, 2, 3, 4, 5, 6], 5, [], Budget()) == []  # more values than cells
    assert [c.choices for c in placements([], 3, [], Budget())] == [(BLANK, BLANK, BLANK)]


def test_a_row_whose_count_of_values_fills_every_column_is_read() -> None:
    """Lines without blanks: every row prints all its values, nothing is left to place."""
    report = parse_bytes("seed.txt", cells_per_line(truth(SEED)).encode())
    assert report.values() == truth(SEED)["cells"]
    assert report.status == "complete"
    assert not flags(report, "columns_by_identities") and not flags(report, "ambiguous_columns")


def test_values_are_placed_only_where_every_placement_agrees() -> None:
    """邵关 2019 with its zeros printed blank and the blanks dropped: 新收 prints "1 1".
    The 1s fit 总计 and any one applicant column: 总计 is certain, the applicants are not."""
    expected = zeros_blank(truth(SEED))
    report = parse_bytes("seed.txt", cells_per_line(expected).encode())
    row = "t3.new_received"
    assert report.cells[f"{row}.total"].value == 1
    assert flags(report, "columns_by_identities")[f"{row}.total"] == (
        f"{row}.total: '1' of row '1 1', its column in every placement the table's "
        "identities allow")
    assert report.cells[f"{row}.natural_person"].value is None
    assert report.cells[f"{row}.natural_person"].state == "ambiguous"
    assert flags(report, "ambiguous_columns")[f"{row}.natural_person"] == (
        f"{row}.natural_person: values of a row with dropped blanks '1 1'; more than one "
        "reading fits the table's identities")
    # A row that printed nothing between its label and the next is blank throughout.
    blank = report.cells["t3.denied_state_secret.total"]
    assert (blank.value, blank.state) == (None, "blank")
    placed = {c for c, v in report.values().items() if v is not None}
    assert {c: report.values()[c] for c in placed} == {c: expected["cells"][c] for c in placed}


def test_a_row_that_cannot_be_placed_is_null_and_flagged() -> None:
    """上海 2019 leaves 总计 blank in rows with values: no placement fits the identities."""
    expected = truth("shanghai-office-2019")
    report = parse_bytes("shanghai.txt", cells_per_line(expected).encode())
    row = [f"t3.granted.{c}" for c in ("natural_person", "commercial_enterprise", "total")]
    assert [report.cells[c].value for c in row] == [None, None, None]
    assert set(row) <= set(flags(report, "ambiguous_columns"))
    values = report.values()
    assert all(values[c] in (None, want) for c, want in expected["cells"].items())


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("lynx") is None, reason="lynx is not installed")
@pytest.mark.parametrize(("stem", "at_least"), [("shanghai-office-2019", 26), (SEED, 198)])
def test_lynx_dump_of_word_html_is_never_wrong(stem: str, at_least: int,
                                              tmp_path: Path) -> None:
    """lynx drops the blank cells: 上海 2019 (blank 总计s) keeps 26 of its 63 values
    (22 before the solver placed values), 邵关 2019 (no blank) all 198: the empty
    paragraph at table 三's page break, an extra blank after a row's values, is dropped."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "renderings"))
    from make import layout, word_html_bytes

    page = tmp_path / "report.html"
    page.write_bytes(word_html_bytes(layout(truth(stem))))
    dump = subprocess.run(["lynx", "-dump", "-nolist", "-display_charset=utf-8", str(page)],
                          capture_output=True, check=True).stdout
    report = parse_bytes("report.txt", dump)
    values = report.values()
    assert all(values[c] in (None, want) for c, want in truth(stem)["cells"].items())
    assert report.format_version == truth(stem)["format_version"]
    assert report.status == "complete"
    assert sum(v is not None for v in values.values()) >= at_least
