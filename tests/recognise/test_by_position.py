"""Values joined by their column alone kept only where an identity proves them."""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_file

# pdftotext -layout of Chromium's print of 004's `number-br` page, cut to the title and
# 三 (tests/read/test_text_columns.py): 一's cells over lines, `7` over `1` for 71 and
# `7` over `4` for 74, joined by their columns.
NUMBER_BR = (Path(__file__).parents[1] / "fixtures" / "dumps"
             / "004.pdftotext-layout-number-br.txt")
_ROW = ("natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")


def test_cells_joined_by_their_columns_whose_row_adds_up_are_kept() -> None:
    report = parse_file(NUMBER_BR)
    assert [report.cells[f"t3.new_received.{k}"].value for k in _ROW] == [
        71, 3, 0, 0, 0, 0, 74]
    assert not any(f.code == "values_position_unproven" for f in report.flags)


def test_cells_joined_by_their_columns_whose_row_fails_are_null(tmp_path: Path) -> None:
    # the same text with 74's lower piece printed 5: 71 + 3 is not 75, no identity
    # proves the joins, the row's cells null and flagged
    lines = NUMBER_BR.read_text(encoding="utf-8").split("\n")  # a page break's \f kept
    assert lines[13].strip() == "4"
    lines[13] = lines[13].replace("4", "5")
    path = tmp_path / "004.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = parse_file(path)
    assert [report.cells[f"t3.new_received.{k}"].value for k in _ROW] == [None] * 7
    assert any(f.code == "values_position_unproven" for f in report.flags)
