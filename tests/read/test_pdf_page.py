"""One PDF page as printed rows: a line of a borderless table parted into its cells."""

from __future__ import annotations

from pdfs import pdf_bytes, text

from pipelines.read import read_bytes


def _line_cells(*parts: tuple[int, str]) -> list[str]:
    page = b"".join(text(x, 200, s) for x, s in parts)
    return [c.text for c in read_bytes("line.pdf", pdf_bytes([page])).cells]


def test_numbers_in_neighbouring_columns_closer_than_a_cell_gap_are_two_cells() -> None:
    """At print scale 1.5 a borderless table printed 3001 and 53 0.7 em apart (Helvetica
    8 pt here: 3001 ends at 37.8, 53 starts at 43, 0.65 em): read as 300153 before."""
    assert _line_cells((20, "3001"), (43, "53"), (70, "0")) == ["3001", "53", "0"]


def test_a_number_set_with_a_space_stays_one_cell() -> None:
    """Digits a space apart (a quarter em) are one number, as are words apart by 0.65 em."""
    assert _line_cells((20, "3 001")) == ["3 001"]
    assert _line_cells((20, "Total"), (43, "items")) == ["Total items"]
