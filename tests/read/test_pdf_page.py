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


def test_an_item_number_set_lower_than_its_label_stays_on_its_line() -> None:
    """Chromium at print scale 1.5: `1.` (Latin font) sits 3.4 pt below the CJK glyph
    after it at 15.7 pt, beyond pdfplumber's fixed 3 pt: the cell read `本` / `1.机关`.
    Here 16 pt glyphs 3.4 pt apart in one ruled cell are one line."""
    rules = b"".join(b"%d %d m %d %d l S\n" % r for r in (
        (20, 200, 240, 200), (20, 150, 240, 150), (20, 200, 20, 150), (120, 200, 120, 150),
        (240, 200, 240, 150)))
    glyphs = (b"BT /F1 16 Tf 23 170 Td (1.) Tj ET\n"
              b"BT /F1 16 Tf 36.5 173.4 Td (Ab) Tj ET\n"
              b"BT /F1 16 Tf 130 170 Td (7) Tj ET\n")
    doc = read_bytes("cell.pdf", pdf_bytes([rules + glyphs]))
    assert [c.text for c in doc.cells] == ["1.Ab", "7"]
