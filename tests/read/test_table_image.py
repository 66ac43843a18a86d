"""Table structure from ruling lines: rules cut by a seal continued through it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from pipelines.read.page_image import PageImage, prepare
from pipelines.read.table_image import (
    Box,
    CellImage,
    TableImage,
    cut_short,
    find_tables,
    stops_short,
    text_bands,
    text_ink,
)

_ROWS = (20, 60, 90, 130)  # horizontal rules: rows of 40, 30 and 40 pixels
_COLS = (20, 150, 280)


def _sealed_table(middle_rule: bool) -> PageImage:
    """Two columns, three rows, glyph 16; a seal's ring (made paper) crosses the middle
    column rule in the middle row, leaving pieces of it shorter than the opening kernel.
    Without `middle_rule` the middle row is one cell spanning both columns."""
    grey = np.full((150, 300), 255, np.uint8)
    for y in _ROWS:
        grey[y:y + 2, 20:282] = 0
    for x in _COLS:
        grey[20:132, x:x + 2] = 0
    if not middle_rule:
        grey[62:90, 150:152] = 255
    stamp = np.zeros(grey.shape, bool)
    stamp[68:77, 120:180] = True  # the ring's stroke: its colour made paper
    grey[stamp] = 255
    ink = np.where(grey < 128, 255, 0).astype(np.uint8)
    return PageImage(grey, ink, 16.0, 0.0, stamp=stamp)


def _cells_per_row(page: PageImage) -> list[int]:
    (table,) = find_tables(page)
    return [sum(c.row == r for c in table.cells) for r in range(3)]


def test_a_rule_cut_by_a_seal_is_continued_through_it() -> None:
    assert _cells_per_row(_sealed_table(middle_rule=True)) == [2, 2, 2]


def test_a_rule_that_ends_at_a_spanning_cell_is_not_continued_under_a_seal() -> None:
    assert _cells_per_row(_sealed_table(middle_rule=False)) == [2, 1, 2]


def _blurred_table(text_rows: int) -> PageImage:
    """Two rows of cells (glyph 16) whose middle rule is one pixel thin, with
    `text_rows` rows of black characters (blocks of strokes) close above and below it along its
    whole length, blurred (sigma 1.2) as by a soft scanner: the rule is a pale grey."""
    grey = np.full((150, 300), 255, np.uint8)
    for y in (20, 130):
        grey[y:y + 2, 20:282] = 0
    for x in (20, 280):
        grey[20:132, x:x + 2] = 0
    grey[75, 20:282] = 60
    for x in range(26, 270, 18):  # characters of 14 x 14 pixels, 4 apart
        for k in range(text_rows):
            for top in (55 - 18 * k, 81 + 18 * k):  # above and below the rule
                grey[top:top + 14:4, x:x + 14] = 0
                grey[top:top + 14, x + 6:x + 8] = 0
    grey = cv2.GaussianBlur(grey, (0, 0), 1.2)
    return PageImage(grey, np.where(grey < 128, 255, 0).astype(np.uint8), 16.0, 0.0)


def test_a_blurred_pale_rule_beside_a_line_of_text_still_divides_its_cells() -> None:
    (table,) = find_tables(_blurred_table(text_rows=2))
    assert sorted({c.row for c in table.cells}) == [0, 1]


def test_a_rules_sliver_beside_its_mask_is_not_a_character() -> None:
    """Glyph 20: a 1-pixel sliver 6 high touching a vertical rule's mask goes; a digit's
    stroke as thin touching it (glyph-high), and a short piece off the rule, stay."""
    lines = np.zeros((60, 100), np.uint8)
    lines[:, 50:55] = 255
    ink = np.zeros_like(lines)
    ink[:, 50:55] = 255  # the rule itself
    ink[10:16, 49] = 255  # the sliver: a double rule's pale outer line
    ink[30:48, 48:50] = 255  # a "1" touching the rule
    ink[10:16, 40] = 255  # a short stroke in the cell, clear of the rule
    out = text_ink(ink, lines, 20.0)
    assert not out[:, 50:55].any() and not out[10:16, 49].any()
    assert out[30:48, 48:50].all() and out[10:16, 40].all()


def test_a_label_wrapped_tightly_is_one_band_a_line() -> None:
    # Table 三's label 5.属于三类内部事务信息 in LibreOffice's landscape print of 004's DOCX
    # (its portrait column widths kept), scanned at 150 dpi (21-pixel glyphs, JPEG q60:
    # tests/renderings/scans.py's soffice150_landscape): six lines of 2 characters set
    # 4-6 pixels apart, less than the quarter glyph that joins a split character's
    # pieces. Joined on the gap alone they were 3 bands, read "5.属病".
    png = Path(__file__).parents[1] / "fixtures" / "scans" / "landscape-004-label-ink.png"
    ink = ~np.asarray(Image.open(png).convert("1"))
    assert text_bands(ink.astype(np.uint8), 21.0) == [
        (1, 21), (27, 47), (52, 74), (80, 101), (106, 127), (132, 154)]


def test_a_narrow_columns_row_rules_are_joined_across_a_double_rule_at_120_dpi() -> None:
    # The right half of 001's table 三 (revalued-large: 总计 of four digits, a column
    # ~40 pixels wide) printed by Chromium (border=1 with cell spacing: every cell framed
    # apart) and scanned at 120 dpi turned 0.8° (scans.py's grey120_tiff_rotated, page 2),
    # straightened by prepare. Each cell's top rule in 总计 is shorter than the kernel; it
    # is only found joined to its neighbour's across the double rule between them, whose
    # two frames and gap span ~5 pixels. Widened by a glyph's fifth (3 pixels) that gap
    # stayed open: 6 of 25 总计 cells were lost, their rows read 6 numbers for 7 columns.
    png = Path(__file__).parents[1] / "fixtures" / "scans" / "tiff120-rotated-001-right-grey.png"
    page = prepare(np.asarray(Image.open(png)))
    assert page.glyph == 19.0
    table = find_tables(page)[0]
    assert sum(c.box.x0 > 412 for c in table.cells) == 25  # every row's 总计
    assert [sum(c.row == r for c in table.cells) for r in range(25)] == [8, 7, 7, 7, 7] + [8] * 20


def test_a_box_cut_2_pixels_short_is_cut_short_at_72_dpi_only() -> None:
    # 011's boxes of table 四's last row and the header above it (120 dpi, h-shortbox's
    # crop in tests/read/test_scan.py; 其他结果 here ends 1 pixel short of its header's
    # edge, 2 there), 尚未审结's box begun 2 pixels right of its column's line. At 120 dpi
    # (glyph 13) edges on one line differ by a pixel or two and a digit's stem is wider:
    # not cut. At 72 dpi (glyph 9) a "1"'s stem is 1 pixel wide and a cut of 2 could take
    # it whole: short (a fifth of a glyph, 1.8 pixels), and cut through the "1" (its
    # left column in the strip, the rest in the box).
    header = [Box(8, 7, 43, 56), Box(46, 8, 80, 57), Box(83, 7, 116, 56)]
    last = [Box(8, 61, 42, 75), Box(48, 62, 79, 75), Box(83, 61, 116, 75)]
    cells = [CellImage(b, 0, k) for k, b in enumerate(header)]
    cells += [CellImage(b, 1, k) for k, b in enumerate(last)]
    table = TableImage(Box(0, 0, 127, 84), cells)
    assert stops_short(table, 13.0) == [False] * 6
    assert stops_short(table, 9.0) == [False, False, False, False, True, False]
    scans = Path(__file__).parents[1] / "fixtures" / "scans"
    ink = np.asarray(Image.open(scans / "tiff120-rotated-011-t4-cut-ink.png"))
    assert cut_short(table, 9.0, ink) == [False, False, False, False, True, False]


def test_a_box_merely_shorter_than_its_column_is_not_cut() -> None:
    # 001's table 三 printed by Chromium from a web page with double rules (each cell its
    # own frame), scanned grey100_jpeg (cross-scans, t4-groups-swapped+revalued), page 1
    # at 100 dpi rendered at 150 (glyph 24): 本年新收's row and the two header rows above
    # it, right of the label column; boxes as find_tables gives them, in the crop's pixels.
    # 自然人's box ends 4 pixels left of its column's line: the inner frame of its double
    # rule, kept by the JPEG along the lower two thirds of its side only, was taken into the
    # rule; 法律服务机构's box ends 4 pixels short the same way. The strips between those
    # edges and their lines hold the frames alone, no glyph: short, not cut, as read (the
    # h-cutpart test capped both, and 二's "9" and "3" in such boxes were nulled).
    ink = np.asarray(Image.open(Path(__file__).parents[1] / "fixtures" / "scans"
                                / "grey100-001-t3-frames-ink.png"))

    def box(x0: int, y0: int, x1: int, y1: int) -> Box:
        return Box(x0 - 745, y0 - 1380, x1 - 745, y1 - 1380)

    rows = [[box(755, 1389, 803, 1509), box(810, 1389, 1151, 1426), box(1162, 1389, 1196, 1509)],
            [box(810, 1436, 865, 1510), box(876, 1436, 933, 1510), box(943, 1436, 1020, 1510),
             box(1030, 1436, 1110, 1510), box(1116, 1436, 1151, 1510)],
            [box(755, 1520, 799, 1557), box(811, 1520, 865, 1557), box(876, 1520, 932, 1557),
             box(943, 1520, 1020, 1557), box(1030, 1520, 1106, 1557),
             box(1117, 1520, 1151, 1557), box(1162, 1520, 1196, 1557)]]
    cells = [CellImage(b, r, k) for r, row in enumerate(rows) for k, b in enumerate(row)]
    table = TableImage(Box(0, 0, ink.shape[1], ink.shape[0]), cells)
    short = [False] * 8 + [True, False, False, False, True, False, False]
    assert stops_short(table, 24.0) == short
    assert cut_short(table, 24.0, ink) == [False] * 15
