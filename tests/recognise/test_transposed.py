"""Two values of a 三 row read out of their order, shown by the column identities
(recognise/transposed.py), on pdftotext -layout's text of a revalued print of 005."""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes

DUMP = Path(__file__).parents[1] / "fixtures" / "dumps" / \
    "005.pdftotext-layout-t4-swap-first-two-revalued.txt"
# 三's last row as pdftotext printed it: 自然人 5, 商业企业 1, the rest 0, 总计 6.
ROW = "   四、结转下年度继续办理              5   1  0  0   0   0 6"
CARRIED = "t3.carried_forward."


def _parsed(text: str):
    return parse_bytes(DUMP.name, text.encode("utf-8"))


def test_a_row_as_printed_is_read_and_not_flagged() -> None:
    report = _parsed(DUMP.read_text(encoding="utf-8"))
    assert report.cells[CARRIED + "natural_person"].value == 5
    assert report.cells[CARRIED + "commercial_enterprise"].value == 1
    assert not [f for f in report.flags if f.code == "values_transposed"]


def test_two_values_read_swapped_are_null_and_flagged() -> None:
    """The layout printed 1 before 5: the row's 总计 holds either way, the two columns'
    balances fail by +4 and -4, and swapped back both hold."""
    text = DUMP.read_text(encoding="utf-8")
    assert ROW in text
    report = _parsed(text.replace(ROW, ROW.replace("5   1", "1   5")))
    swapped = {c: report.cells[CARRIED + c] for c in ("natural_person",
                                                      "commercial_enterprise")}
    assert [(c.value, c.state, c.raw_text) for c in swapped.values()] == [
        (None, "ambiguous", "1"), (None, "ambiguous", "5")]
    assert report.cells[CARRIED + "total"].value == 6
    assert [f.code for f in report.flags if f.code == "values_transposed"] == [
        "values_transposed"]
    before = _parsed(text)
    changed = {k for k, v in report.cells.items() if v.value != before.cells[k].value}
    assert changed == {CARRIED + "natural_person", CARRIED + "commercial_enterprise"}
