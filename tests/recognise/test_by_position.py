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
    # （一）予以公开's 21 … 21 adds up only with itself: 三's column sums, which would take
    # in rows printed elsewhere, have null cells (1.本机关不掌握…, 2.没有现成…)
    assert [report.cells[f"t3.granted.{k}"].value for k in _ROW] == [None] * 7
    assert [f.message.split(":")[0] for f in report.flags
            if f.code == "values_position_unproven"] == [
        ", ".join(f"t3.granted.{k}" for k in _ROW)]


# pdftotext -layout of Chromium's print of 005's page with a <br> after each number's
# first character (variants.py number-br, numbers drawn anew: mean 300, seed 12), cut to
# its first 100 lines (二 and 三 to its (四) rows). (二)部分公开's long label runs into
# its first line and pushes its words left a space apart (`…只计这 1 1 0 0  1`), its
# lower lines keep their columns (`6` under the second `1`, `1 0`, `8`): joined by
# column it read 1, 16, 0, 0, 1, 0, 18 for 16, 1, 0, 0, 1, 0, 18, its sum holding, and
# the two swapped cells were published wrong.
LABEL_PUSHED = (Path(__file__).parents[1] / "fixtures" / "dumps"
                / "005.pdftotext-layout-number-br-revalued-m300-s12.txt")


def test_cells_joined_by_their_columns_proven_by_their_own_row_alone_are_null() -> None:
    report = parse_file(LABEL_PUSHED)
    assert [report.cells[f"t3.partially_granted.{k}"].value for k in _ROW] == [None] * 7
    assert {report.cells[f"t3.partially_granted.{k}"].state for k in _ROW} == {"ambiguous"}
    # rows printed on one line each are read as before
    assert [report.cells[f"t3.denied_state_secret.{k}"].value for k in _ROW] == [
        1, 0, 0, 0, 0, 0, 1]


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
