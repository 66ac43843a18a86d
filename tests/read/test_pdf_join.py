"""A table over a page break: cut rows joined back, open borders closed, repeats once."""

from __future__ import annotations

import pytest
from pdfs import drawn_table, pdf_bytes, text

from pipelines.read import read_bytes


def rows_of(data: bytes) -> list[list[str]]:
    doc = read_bytes("t.pdf", data)
    out: dict[int, list[str]] = {}
    for cell in doc.cells:
        out.setdefault(cell.row, []).append(cell.text)
    return list(out.values())


@pytest.mark.parametrize("filled", [False, True], ids=["stroked", "filled-rects"])
def test_row_cut_without_a_border_at_the_cut_is_one_row(filled: bool) -> None:
    """Chromium: the cut row's verticals run to the page foot and on from the next head."""
    page1 = text(20, 280, "Title") + drawn_table(
        260, [["item", "A", "B"], ["x", "1", "2"], ["long label", "3", "4"]],
        filled=filled, open_bottom=True)
    page2 = drawn_table(290, [["continued", "", ""], ["y", "5", "6"]],
                        filled=filled, open_top=True)
    assert rows_of(pdf_bytes([page1, page2])) == [
        ["Title"], ["item", "A", "B"], ["x", "1", "2"],
        ["long label\ncontinued", "3", "4"], ["y", "5", "6"]]


def test_row_cut_with_borders_on_both_sides_is_one_row() -> None:
    """LibreOffice and Word close both parts of a cut row with a border."""
    page1 = drawn_table(100, [["item", "A", "B"], ["x", "1", "2"], ["long", "3", "4"]])
    page2 = drawn_table(290, [["label", "", ""], ["y", "5", "6"]])
    assert rows_of(pdf_bytes([page1, page2])) == [
        ["item", "A", "B"], ["x", "1", "2"], ["long\nlabel", "3", "4"], ["y", "5", "6"]]


@pytest.mark.parametrize("head", [["z", "7", "8"], ["2. next", "", ""], ["", "", ""]],
                         ids=["numbers", "numbered-item", "empty"])
def test_a_row_that_can_stand_alone_is_not_joined(head: list[str]) -> None:
    page1 = drawn_table(100, [["item", "A", "B"], ["1. x", "1", "2"]])
    page2 = drawn_table(290, [head, ["y", "5", "6"]])
    rows = rows_of(pdf_bytes([page1, page2]))
    assert rows[:2] == [["item", "A", "B"], ["1. x", "1", "2"]]
    assert rows[-1] == ["y", "5", "6"]
    assert len(rows) == 4


def test_grouped_number_cut_at_the_break_is_joined_with_its_tail() -> None:
    """LibreOffice breaks a Word row across pages: a narrow cell's `13,013` wraps at its
    last digit, `13,01` at the page's foot and `3` beside the label's rest on the next
    (bench_cross_docx `pdf` of `docx-thousands+revalued`: `3` was published for 13,013)."""
    page1 = drawn_table(100, [["item", "A", "B"], ["x", "1", "2"],
                              ["long", "13,01", "1,001"]])
    page2 = drawn_table(290, [["label", "3", ""], ["y", "5", "6"]])
    assert rows_of(pdf_bytes([page1, page2])) == [
        ["item", "A", "B"], ["x", "1", "2"], ["long\nlabel", "13,01\n3", "1,001"],
        ["y", "5", "6"]]


@pytest.mark.parametrize(("head", "tail"), [("123", "4"), ("1,001", "4"), ("13,01", "45")],
                         ids=["no-separator", "whole-head", "tail-too-long"])
def test_a_number_that_proves_no_cut_stops_a_join(head: str, tail: str) -> None:
    """A number after the break is a tail only where the head above is a grouped number
    cut short and the two read on as one; otherwise the row may be a row of its own."""
    page1 = drawn_table(100, [["item", "A", "B"], ["long", head, "2"]])
    page2 = drawn_table(290, [["label", tail, ""], ["y", "5", "6"]])
    rows = rows_of(pdf_bytes([page1, page2]))
    assert rows[1] == ["long", head, "2"]
    assert len(rows) == 4


def test_text_between_the_pages_stops_a_join() -> None:
    page1 = drawn_table(100, [["item", "A", "B"], ["x", "1", "2"]])
    page2 = text(20, 280, "2. Next section") + drawn_table(260, [["label", "", ""]])
    assert rows_of(pdf_bytes([page1, page2])) == [
        ["item", "A", "B"], ["x", "1", "2"], ["2. Next section"], ["label", "", ""]]


def test_a_page_number_between_the_pages_does_not_stop_a_join() -> None:
    page1 = drawn_table(100, [["item", "A", "B"], ["long", "1", "2"]]) + text(140, 6, "- 1 -")
    page2 = text(140, 293, "Report") + drawn_table(280, [["label", "", ""], ["y", "5", "6"]])
    assert rows_of(pdf_bytes([page1, page2])) == [
        ["item", "A", "B"], ["long\nlabel", "1", "2"], ["- 1 -"], ["Report"], ["y", "5", "6"]]


def test_table_clipped_at_the_right_margin_keeps_its_last_column() -> None:
    """A browser clips a table wider than the page: the last right border is not drawn."""
    page = drawn_table(260, [["item", "A", "B"], ["x", "1", "2"]], filled=True,
                       right_border=False)
    assert rows_of(pdf_bytes([page])) == [["item", "A", "B"], ["x", "1", "2"]]


# --- tables printed without borders ---------------------------------------------------------

def test_borderless_line_is_split_into_cells_at_wide_gaps() -> None:
    page = (text(20, 280, "A title with spaces") + text(20, 260, "label")
            + text(120, 260, "12") + text(180, 260, "3"))
    assert rows_of(pdf_bytes([page])) == [["A title with spaces"], ["label", "12", "3"]]


def test_borderless_label_wrapped_around_its_values_is_joined() -> None:
    """Values centred in the row print between the label's first and last line."""
    page = (text(20, 280, "1. first row") + text(120, 280, "1") + text(180, 280, "2")
            + text(20, 270, "2. a label so")
            + text(120, 261, "3") + text(180, 261, "4")
            + text(20, 252, "long it wraps")
            + text(20, 243, "3. next") + text(120, 243, "5") + text(180, 243, "6"))
    assert rows_of(pdf_bytes([page])) == [
        ["1. first row", "1", "2"], ["2. a label so\nlong it wraps", "3", "4"],
        ["3. next", "5", "6"]]


def test_borderless_numbered_line_below_starts_its_own_row() -> None:
    page = (text(20, 280, "x") + text(120, 280, "1") + text(180, 280, "2")
            + text(20, 271, "2. heading"))
    assert rows_of(pdf_bytes([page])) == [["x", "1", "2"], ["2. heading"]]


def test_borderless_blank_cells_are_placed_by_their_columns() -> None:
    """A blank prints nothing; a fuller row of the same table shows where it was."""
    page = (text(20, 280, "a") + text(120, 280, "1") + text(160, 280, "2")
            + text(200, 280, "3")
            + text(20, 270, "b") + text(160, 270, "5")
            + text(20, 260, "c") + text(120, 260, "6") + text(200, 260, "7"))
    assert rows_of(pdf_bytes([page])) == [
        ["a", "1", "2", "3"], ["b", "", "5", ""], ["c", "6", "", "7"]]


def test_borderless_blanks_are_not_placed_across_a_header() -> None:
    """Columns of the table above a header line are not this table's columns."""
    page = (text(20, 280, "a") + text(120, 280, "1") + text(160, 280, "2")
            + text(200, 280, "3")
            + text(20, 270, "item") + text(150, 270, "count")
            + text(20, 260, "b") + text(160, 260, "5"))
    assert rows_of(pdf_bytes([page])) == [
        ["a", "1", "2", "3"], ["item", "count"], ["b", "5"]]


def test_fake_bold_glyphs_printed_twice_are_read_once() -> None:
    """WPS and Word fake a bold face by printing each glyph twice, a fraction apart."""
    bold = b"BT /F1 8 Tf 20 280 Td (Total) Tj ET\nBT /F1 8 Tf 20.3 280 Td (Total) Tj ET\n"
    assert rows_of(pdf_bytes([bold + text(120, 280, "12")])) == [["Total", "12"]]


def test_page_furniture_inside_a_cut_table_is_marked() -> None:
    """The footer and the next page's header printed between two parts of a table are
    marked page furniture (the recogniser reads the parts as one table: 平潭 2020's table
    四, its header ending a page, its values opening the next); text after the table is
    not."""
    page1 = drawn_table(100, [["item", "A", "B"], ["long", "1", "2"]]) + text(140, 6, "- 1 -")
    page2 = (text(140, 293, "Report") + drawn_table(280, [["y", "5", "6"]])
             + text(140, 200, "after") + text(140, 6, "- 2 -"))
    doc = read_bytes("t.pdf", pdf_bytes([page1, page2]))
    assert [(c.text, c.furniture) for c in doc.cells if not c.text.isdigit()] == [
        ("item", False), ("A", False), ("B", False), ("long", False), ("- 1 -", True),
        ("Report", True), ("y", False), ("after", False), ("- 2 -", False)]
