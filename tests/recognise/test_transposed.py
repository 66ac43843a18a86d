"""Two values of a 三 row read out of their order, shown by the column identities
(recognise/transposed.py), on pdftotext -layout's text of a revalued print of 005."""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.grid import Grid
from pipelines.recognise.transposed import withdraw_transposed
from pipelines.report import CellValue
from schemas.template import cell_id_of, load_template

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


# 三 of 006 photographed (tests/renderings/scans.py `phone_strong`) as OCR read it when
# the swaps are asked for: every other cell 0. 006's own 自然人 column does not add up
# (6+6+4+3+3+4 = 26 under a printed 20, as the label file has it: the agency's), and
# 重复申请's 法律服务机构 box read `□` (resolved later), so that column is not evaluable.
PHOTO_006_T3 = {
    "new_received": {"natural_person": 20, "other_org": 1, "total": 21},
    "granted": {"natural_person": 6, "other_org": 1, "total": 7},
    "partially_granted": {"natural_person": 6, "total": 6},
    "unable_not_held": {"natural_person": 4, "total": 4},
    "unable_unclear_after_correction": {"natural_person": 3, "total": 3},
    "not_processed_repeat": {"natural_person": 3, "legal_service_org": "□", "total": 3},
    "other_processing": {"natural_person": 4, "total": 4},
    "results_total": {"natural_person": 20, "other_org": 1, "total": 21},
}


def _photo_006_grid():
    version = load_template().version("gov_2019")
    grid = Grid(version)
    table = version.tables["t3"]
    for row in table.data_rows:
        for column in table.columns:
            cid = cell_id_of("t3", row.id, column.id)
            read = PHOTO_006_T3.get(row.id, {}).get(column.id, 0)
            grid.cells[cid] = (CellValue(cid, None, "unreadable", read) if read == "□"
                               else CellValue(cid, read, "number", str(read)))
    return grid


def test_a_swap_into_a_column_its_known_cells_already_overfill_explains_nothing() -> None:
    """Swapped, 自然人 6 would make its own column hold, but would put 6 into 法律服务机构,
    whose results total is 0: with its one unread cell a count (never below 0), that
    column cannot hold, so the swap is no explanation and the rows stay as read."""
    grid = _photo_006_grid()
    withdraw_transposed(grid)
    assert [f.code for f in grid.flags] == []
    assert [grid.cells[f"t3.{r}.natural_person"].value
            for r in ("granted", "partially_granted")] == [6, 6]


def test_a_swap_an_unread_cell_could_still_balance_is_withdrawn() -> None:
    """With the column's results total read 6, the unread cell could be 0: the swap
    explains the failure as before, and both rows are null."""
    grid = _photo_006_grid()
    grid.cells["t3.results_total.legal_service_org"] = CellValue(
        "t3.results_total.legal_service_org", 6, "number", "6")
    withdraw_transposed(grid)
    assert [f.code for f in grid.flags] == ["values_transposed"] * 2
    assert [grid.cells[f"t3.{r}.natural_person"].state
            for r in ("granted", "partially_granted")] == ["ambiguous"] * 2
