"""The statutory grid on real reports whose printed values were replaced by what software
prints in place of a number: the cell is `unreadable` with its text kept, and the rest of
the row and of the report is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.parse import parse_bytes
from pipelines.report import CellValue

SEED = "seed-shaoguan-zhenjiang-2019.txt"
HTML = "shanghai-office-2019.html"
NON_NUMBERS = ["NaN", "inf", "-Infinity", "1e5", "=SUM(B2:B5)", "#REF!", "N/A", "?"]
# (cell, where it sits in its row): first, middle and last cells of tables 二, 三 and 四
SEED_CELLS = {
    "t2.administrative_licensing.prev_year_items": 36,  # line numbers of the seed
    "t2.administrative_licensing.change": 37,
    "t3.new_received.natural_person": 102,
    "t3.new_received.total": 108,
    "t4.admin_review.upheld": 373,
}


def _with_line(data: bytes, line: int, text: str) -> bytes:
    lines = data.decode().split("\n")
    lines[line - 1] = "\t" + text  # the seed's cells are lines after a tab
    return "\n".join(lines).encode()


@pytest.mark.parametrize("printed", NON_NUMBERS)
@pytest.mark.parametrize("cell_id", SEED_CELLS)
def test_a_non_number_in_a_text_report_is_unreadable_with_its_text(
        fixtures_dir: Path, cell_id: str, printed: str) -> None:
    data = (fixtures_dir / "reports" / SEED).read_bytes()
    original = parse_bytes(SEED, data)
    report = parse_bytes(SEED, _with_line(data, SEED_CELLS[cell_id], printed))
    assert report.cells[cell_id] == CellValue(cell_id, None, "unreadable", printed, None,
                                              f"line {SEED_CELLS[cell_id]}")
    assert [(f.code, f.message) for f in report.flags if f.cell_id == cell_id] == [
        ("unreadable_value", f"{cell_id}: {printed!r}")]
    others = {k: v for k, v in report.cells.items() if k != cell_id}
    assert others == {k: v for k, v in original.cells.items() if k != cell_id}
    assert report.status == original.status == "complete"


@pytest.mark.parametrize("printed", NON_NUMBERS)
@pytest.mark.parametrize(("cell_id", "value"), [("t3.new_received.natural_person", "821"),
                                                ("t3.new_received.total", "859")])
def test_a_non_number_in_an_html_table_is_unreadable_with_its_text(
        fixtures_dir: Path, cell_id: str, value: str, printed: str) -> None:
    page = (fixtures_dir / "reports" / HTML).read_text(encoding="utf-8")
    assert page.count(f">{value}<") == 1
    original = parse_bytes(HTML, page.encode())
    report = parse_bytes(HTML, page.replace(f">{value}<", f">{printed}<").encode())
    assert (report.cells[cell_id].value, report.cells[cell_id].state,
            report.cells[cell_id].raw_text) == (None, "unreadable", printed)
    others = {k: v for k, v in report.cells.items() if k != cell_id}
    assert others == {k: v for k, v in original.cells.items() if k != cell_id}


def test_a_non_number_beside_the_values_is_no_cell_of_the_row(fixtures_dir: Path) -> None:
    # An extra non-number after a row's three values would shift nothing: it is not taken.
    data = (fixtures_dir / "reports" / SEED).read_bytes()
    lines = data.decode().split("\n")
    lines.insert(38, "\tNaN")  # after 行政许可's 406, 0, 46999
    report = parse_bytes(SEED, "\n".join(lines).encode())
    original = parse_bytes(SEED, data)
    assert report.values() == original.values()


def test_chinese_text_in_a_value_cell_is_never_taken_for_a_value(fixtures_dir: Path) -> None:
    # A label the index does not know (say a sub-label) must not shift the values after it.
    data = (fixtures_dir / "reports" / SEED).read_bytes()
    report = parse_bytes(SEED, _with_line(data, 36, "见附件"))
    assert report.cells["t2.administrative_licensing.prev_year_items"].value is None
    assert report.cells["t2.administrative_licensing.change"].value in (None, 0)


@pytest.mark.parametrize("printed", ["NaN", "=SUM(B2:B5)"])
def test_a_non_number_where_the_rendering_kept_no_rows(fixtures_dir: Path, printed: str) -> None:
    # The seed without its tabs and blank lines: one cell a line, no printed rows.
    seed = (fixtures_dir / "reports" / SEED).read_text(encoding="utf-8")
    lines = [line.lstrip("\t") for line in seed.split("\n") if line.strip()]
    original = parse_bytes(SEED, "\n".join(lines).encode())
    first_t4 = next(k for k in range(len(lines) - 40, len(lines)) if lines[k].strip() == "0")
    lines[lines.index("406")] = lines[first_t4] = printed  # 行政许可's first; 四's first
    report = parse_bytes(SEED, "\n".join(lines).encode())
    changed = {k: (c.value, c.state, c.raw_text) for k, c in report.cells.items()
               if c != original.cells[k]}
    assert {k: v[1:] for k, v in changed.items()} == {
        "t2.administrative_licensing.prev_year_items": ("unreadable", printed),
        "t4.admin_review.upheld": ("unreadable", printed)}
    assert report.status == "complete"
