"""One PDF page as printed rows: a line of a borderless table parted into its cells."""

from __future__ import annotations

from pdfs import pdf_bytes, text

from pipelines.read import read_bytes
from pipelines.read.pdf_page import _gap_cells


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


def _glyphs(*parts: tuple[float, str], size: float = 18.0) -> list[dict]:
    """Glyphs of one line as pdfplumber gives them: each part's glyphs set solid from x,
    a CJK glyph an em wide and a digit half an em."""
    out = []
    for x, s in parts:
        for ch in s:
            width = size if ord(ch) > 0x2e80 else size / 2
            out.append({"text": ch, "x0": x, "x1": x + width, "top": 100.0,
                        "bottom": 100.0 + size, "size": size, "upright": True,
                        "doctop": 100.0})
            x += width
    return out


def test_a_label_filling_its_column_is_parted_from_the_next_cell() -> None:
    """Chromium at print scale 1.5, a borderless table: 掌握相关政 ends 13.3 pt (0.74 em
    of 18 pt) before 252, two cell paddings; read as one cell `掌握相关政 252` before and
    the row lost its first value. After a CJK glyph half an em parts cells."""
    cells = _gap_cells(_glyphs((188, "掌握相关政"), (291.3, "252")), "line 1")
    assert [c.text for c in cells] == ["掌握相关政", "252"]
    cells = _gap_cells(_glyphs((114, "（四）无"), (197.2, "2.没有现成")), "line 2")
    assert [c.text for c in cells] == ["（四）无", "2.没有现成"]


def test_a_space_beside_cjk_text_parts_no_cells() -> None:
    """A space between CJK text and a number (a third of an em) keeps one cell."""
    cells = _gap_cells(_glyphs((100, "共受理"), (160, "252"), (193, "件")), "line 1")
    assert [c.text for c in cells] == ["共受理 252 件"]
