"""The OCR page reader's own rules (pipelines/read/scan.py), on real page pieces."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from pipelines.read import ocr, scan
from pipelines.read.page_image import PageImage, second_page, softened
from pipelines.read.table_image import (
    Box,
    CellImage,
    TableImage,
    cut_short,
    ruling_lines,
    stops_short,
)

SCANS = Path(__file__).parents[1] / "fixtures" / "scans"
GLYPH = 21.0  # the glyph height the reader found on that page (150 dpi)


def _ink(name: str) -> np.ndarray:
    """A cell's text ink (True = ink) from report 006 scanned grey on grey paper (ink 110,
    paper 190, 150 dpi, JPEG q60: tests/renderings/scans.py's low-contrast degradation)."""
    return ~np.asarray(Image.open(SCANS / f"lowcontrast-006-{name}-ink.png").convert("1"))


def test_a_minus_sign_bar_is_found_before_the_digits() -> None:
    assert scan._starts_with_bar(_ink("minus18"), GLYPH)  # table 二 本年增/减 "-18"
    assert not scan._starts_with_bar(_ink("plus442"), GLYPH)  # "442" in the same column


def test_a_minus_sign_blurred_into_its_digit_is_found() -> None:
    # 011's table 二 revalued (tests/renderings/figures.py), scanned out of focus (σ 1.6,
    # 150 dpi, glyph 24 px): the bar is one piece of ink with the first digit; "-44" was
    # read "44" at 0.91 and published. "462" in the same table starts with a 4's crossbar.
    def ink(name: str) -> np.ndarray:
        return ~np.asarray(Image.open(SCANS / f"blur1.6-011-{name}-ink.png").convert("1"))

    assert scan._leads_with_bar(ink("minus44"), 24.0)
    assert scan._leads_with_bar(ink("minus6"), 24.0)
    assert not scan._leads_with_bar(ink("plus462"), 24.0)
    assert not scan._leads_with_bar(_ink("plus442"), GLYPH)


def test_a_number_read_without_its_minus_sign_needs_an_identity() -> None:
    # The recogniser read this cell "18" with confidence 1.0: the faint dash was dropped.
    ink = _ink("minus18")
    slots = [(0.0, 1, Box(0, 0, ink.shape[1], ink.shape[0]), "page 1 table 1 row 11 cell 3", 10),
             (0.0, 1, Box(0, 0, ink.shape[1], ink.shape[0]), "page 1 table 1 row 11 cell 2", 10)]
    texts, confidence = ["18", "-18"], [1.0, 1.0]
    scan._doubt_lost_signs(GLYPH, ink, slots, texts, confidence)
    assert confidence == [scan._LIKE_CONFIDENCE, 1.0]


def _piece(name: str) -> tuple[np.ndarray, np.ndarray]:
    """A piece of a page scanned out of focus (tests/renderings/scans.py, 150 dpi, JPEG
    q60) as the reader straightened it: its grey, and its characters' ink (255 = ink)."""
    grey = np.asarray(Image.open(SCANS / f"{name}-grey.png").convert("L"))
    ink = ~np.asarray(Image.open(SCANS / f"{name}-ink.png").convert("1"))
    return grey, ink.astype(np.uint8) * 255


def test_blur_is_measured_in_glyphs() -> None:
    # Table 二 of 005 scanned at 150 dpi (21-pixel glyphs), sharp and at a blur of σ 2.
    sharp = scan.blur_share(*_piece("sharp-005-table"), 21.0)
    blurred = scan.blur_share(*_piece("blur2-005-table"), 20.0)
    assert round(sharp, 3) == 0.040 and sharp < scan._BLURRED
    assert round(blurred, 3) == 0.114 and blurred > scan._BLURRED


def test_a_blurred_page_is_read_again_sharpened() -> None:
    # The second reading's grey of a page out of focus: an unsharp mask of the page's own
    # σ brings its edges back under the gate (the identities then choose, proofread.py).
    grey, ink = _piece("blur2-005-table")
    blur = scan.blur_share(grey, ink, 20.0)
    second = second_page(PageImage(grey, ink, 20.0, 0.0), blur * 20.0)
    assert round(scan.blur_share(second.grey, ink, 20.0), 3) == 0.080


def test_a_blurred_page_s_labels_are_read_sharpened() -> None:
    # 011's table 三 rows (五) 1.-3. at σ 1.6 (16-pixel glyphs): read from the page's grey,
    # the item numbers and half the characters are lost; the labels take the reading of
    # the sharpened page (the one the doubted numbers get as their second opinion).
    grey, ink = _piece("blur1.6-011-labels")
    page = PageImage(grey, ink, 16.0, 0.0)
    blur = scan.blur_share(grey, ink, 16.0)
    assert round(blur, 3) == 0.120 and blur > scan._BLURRED
    lines = np.zeros_like(ink)
    slots = [(0.0, 1, Box(8, y0, 341, y1), f"page 3 table 1 row {19 + k} cell 1", 18 + k)
             for k, (y0, y1) in enumerate(((7, 32), (36, 62), (66, 92)))]
    crops = scan._Crops()
    clean = scan.recogniser_page(page, ink, lines)
    for k, slot in enumerate(slots):
        scan._line_crops(page, clean, ink, slot[2], k, crops)
    texts, confidence = scan._texts(3, crops, ocr.read_lines(crops.images), [False] * 3)
    assert texts == ["1信访举报控医申话", "2发中话", "置家提供公开出版物"]
    scan._second_readings(scan.PageLayout(page, lines, []), slots, texts, confidence,
                          blur * 16.0)
    assert texts == ["1结访馨报投诉晨申请", "2里复申请", "3.夏求提供公开出版物"]
    # A sharp page's labels are read once (no blur given: the gate did not fire).
    texts = ["1信访举报控医申话", "2发中话", "置家提供公开出版物"]
    scan._second_readings(scan.PageLayout(page, lines, []), slots, texts, confidence)
    assert texts == ["1信访举报控医申话", "2发中话", "置家提供公开出版物"]


def _crop(name: str) -> np.ndarray:
    """A line crop as the reader gives it to the recogniser (scan._line_crops), from a
    report scanned by tests/renderings/scans.py (150 dpi, JPEG q60), sharp or out of focus
    (Gaussian σ 1.6): table 二's procurement amount in 万元, and a count beside it; or
    from a Chromium print scanned grey at 150 dpi, σ 1.4, JPEG q60 ("blur1.4-")."""
    return np.asarray(Image.open(SCANS / f"{name}-crop.png").convert("L"))


def test_a_decimal_point_lost_to_blur_needs_an_identity() -> None:
    # 006's 7380.28959 and seed's 5819.06 (万元): the blurred point is dropped by the
    # recogniser, sure of the digits, yet it gave a point some probability between them.
    lost = [ocr.read_lines([_crop(name)])[0]
            for name in ("blur1.6-006-amount", "blur1.6-seed-amount")]
    assert [r.text for r in lost] == ["738028959万", "581906万元"]
    assert [round(r.confidence, 2) for r in lost] == [0.89, 0.95]
    assert [round(r.point, 3) for r in lost] == [0.027, 0.095]
    assert [scan._as_digits(r) for r in lost] == [("738028959万", scan._LIKE_CONFIDENCE),
                                                  ("581906万元", scan._LIKE_CONFIDENCE)]


def test_digits_without_a_point_keep_their_confidence() -> None:
    # 006's 2648 (table 二, the same page), sharp and at σ 1.6.
    read = [ocr.read_lines([_crop(name)])[0]
            for name in ("sharp-006-2648", "blur1.6-006-2648")]
    assert [r.text for r in read] == ["2648", "2648"]
    assert all(r.point < scan._LOST_POINT / 100 for r in read)
    assert [scan._as_digits(r)[1] for r in read] == [r.confidence for r in read]


def test_a_digit_lost_to_blur_needs_an_identity() -> None:
    # 001's 447228 (table 二, 行政许可 decisions) printed by Chromium, scanned grey at
    # 150 dpi, blurred σ 1.4, JPEG q60 (a blur under the page gate, scan._BLURRED): the
    # recogniser drops the first 4, sure of the rest, yet gave it some probability at a
    # step it read as nothing, four steps before the 4 it read.
    read = ocr.read_lines([_crop("blur1.4-001-447228")])[0]
    assert (read.text, round(read.confidence, 2), round(read.lost, 2)) == ("47228", 0.94, 0.38)
    assert scan._as_digits(read) == ("47228", scan._LIKE_CONFIDENCE)


def test_a_doubled_digit_read_keeps_its_confidence() -> None:
    # 447 on the same page: its first 4 spreads to the step before it is read, which is
    # no digit lost.
    read = ocr.read_lines([_crop("blur1.4-001-447")])[0]
    assert read.text == "447"
    assert read.lost < scan._LOST_DIGIT / 10
    assert scan._as_digits(read) == ("447", read.confidence)


def _one_bit(name: str) -> np.ndarray:
    """A table cell of a 1-bit scan at 200 dpi (tests/renderings/scans.py, 27-pixel glyphs),
    as grey pixels: 0 or 255."""
    return np.asarray(Image.open(SCANS / name).convert("L"))


def test_a_one_bit_zero_is_read_once_softened() -> None:
    # 005's table 三 "0" thresholded at 200 dpi: its hard stair-step edges read as nothing.
    cell = _one_bit("bw200-threshold-005-zero.png")
    ys, xs = np.nonzero(cell < 128)
    box = (slice(ys.min() - 2, ys.max() + 3), slice(xs.min() - 8, xs.max() + 9))
    assert ocr.read_lines([cell[box]])[0].text == ""
    assert ocr.read_lines([softened(cell)[box]])[0].text == "0"


def test_ink_the_recogniser_reads_as_nothing() -> None:
    # 001's table 三 "108" (其他 row, 自然人) in a photocopy scanned at 150 dpi (blurred
    # σ 0.8, thresholded, JPEG q70: tests/renderings/scans.py's grey150_photocopy), its
    # small grey print broken: a line of ink the reader crops, read as nothing. It was
    # published as a printed blank (proofread.py now nulls and flags it).
    crop = np.asarray(Image.open(SCANS / "photocopy-001-108-crop.png").convert("L"))
    assert np.count_nonzero(crop < 128) > 40
    read = ocr.read_lines([crop])[0]
    # the digits it half saw (ocr.Reading.lost) stay unread: nothing is published from it
    assert (read.text, read.confidence, round(read.lost, 2)) == ("", 0.0, 0.3)


def test_a_small_soft_zero_read_as_a_letter_needs_an_identity() -> None:
    # Two zeros of 001's table 三 (其他 and 法律服务机构 columns) scanned at 72 dpi (JPEG
    # q70, rendered at 150 dpi: 13-14-pixel crops of grey print): the recogniser reads a
    # ring with a heavier side "D" and one with a mark at its foot "Q".
    read = [ocr.read_lines([_crop(f"grey72-001-zero-{name}")])[0] for name in ("D", "Q")]
    assert [r.text for r in read] == ["D", "Q"]
    assert [scan._as_digits(r)[0] for r in read] == ["0", "0"]
    assert all(scan._as_digits(r)[1] <= scan._LIKE_CONFIDENCE for r in read)


# 001's table 三, row 二、上年结转 (34 0 0 0 0 0 34), scanned at 72 dpi (grey72_jpeg, its
# page rendered at 150 dpi): the characters' ink of its seven value boxes as the reader
# cut them (table_image.text_ink), and right of them the ink of a "9" read on the same
# page with confidence (7.属于行政执法案卷's 自然人). Boxes and readings as the reader gave.
CARRIED_OVER = [((0, 0, 64, 43), "34", 0.8), ((69, 0, 143, 43), "白", 0.37),
                ((148, 0, 214, 43), "0", 0.97), ((219, 0, 308, 43), "0", 0.95),
                ((313, 0, 406, 43), "G", 0.42), ((411, 0, 485, 43), "0", 0.5),
                ((490, 0, 558, 43), "34", 0.99), ((562, 0, 626, 46), "9", 0.99)]


def _carried_over(texts: list[str]) -> tuple[list[str], list[float]]:
    ink = np.asarray(Image.open(SCANS / "grey72-001-carried-over-ink.png")) > 0
    slots = [(0.0, 1, Box(*box), f"cell {k}", 0) for k, (box, _, _) in enumerate(CARRIED_OVER)]
    confidence = [c for _, _, c in CARRIED_OVER]
    scan._zeros_matched(ink.astype(np.uint8), slots, texts, confidence, [False] * len(slots))
    return texts, confidence


def test_a_small_zero_read_as_a_letter_or_character_is_a_zero_of_the_page() -> None:
    # Its zeros read 白 and G: one ring each, the ink of the zeros read with confidence
    # beside them (0.97, 0.95); so is the "0" read at 0.5. The sure numbers stay.
    texts, confidence = _carried_over([t for _, t, _ in CARRIED_OVER])
    assert texts == ["34", "0", "0", "0", "0", "0", "34", "9"]
    assert [confidence[k] for k in (1, 4, 5)] == [scan.SURE] * 3
    assert confidence[0] == 0.8


def test_a_letter_read_over_other_ink_is_not_a_zero() -> None:
    # The same letters read over a 9's ink and over a two-digit number's: no zero's ring.
    texts, confidence = _carried_over([t for _, t, _ in CARRIED_OVER[:-1]] + ["G"])
    assert texts[-1] == "G" and confidence[-1] == 0.99
    texts, _ = _carried_over(["白"] + [t for _, t, _ in CARRIED_OVER[1:]])
    assert texts[0] == "白"


def _page(read: int, doubted: int, sealed: int = 0) -> tuple[list, list, list, list]:
    """A page's table slots (a row each), their texts, confidences and seal marks: `read`
    numbers, `doubted` of them below SURE, `sealed` of those under a seal; and labels."""
    n = read + 3
    slots = [(0.0, 1, Box(0, 0, 1, 1), f"cell {k}", k) for k in range(n)]
    texts = [str(k) for k in range(read)] + ["1.属于国家秘密", "二、", "总计"]
    conf = [0.6 if k < doubted else 0.99 for k in range(read)] + [0.6] * 3
    return slots, texts, conf, [k < sealed for k in range(n)]


def test_a_page_the_recogniser_doubted_is_read_poorly() -> None:
    # 006 revalued at σ 1.6, page 2: 11 of 154 numbers doubted ("6" read "5" at 1.0 there)
    assert scan._poorly_read(*_page(154, 11))
    # a sharp 150-dpi scan's pages: at most 3 doubted (001's page 4, 3 of 99)
    assert not scan._poorly_read(*_page(99, 3))
    # few numbers, one doubted: 72 dpi, 005's page 2 (1 of 15)
    assert not scan._poorly_read(*_page(15, 1))
    # the reader's own doubts under a seal are not the recogniser's
    assert not scan._poorly_read(*_page(169, 10, sealed=8))


def _cut_crop(last: list[tuple[int, int, int, int]]
              ) -> tuple[PageImage, np.ndarray, TableImage]:
    """011's table 四 cut crop (below): its header's three boxes and the last row's
    `last` boxes, as (x0, y0, x1, y1) in the page's pixels."""
    grey = np.asarray(Image.open(SCANS / "tiff120-rotated-011-t4-cut-grey.png"))
    ink = np.asarray(Image.open(SCANS / "tiff120-rotated-011-t4-cut-ink.png"))

    def box(x0: int, y0: int, x1: int, y1: int) -> Box:
        return Box(x0 - 485, y0 - 790, x1 - 485, y1 - 790)

    header = [box(493, 797, 528, 846), box(531, 798, 565, 847), box(568, 797, 601, 846)]
    cells = [CellImage(b, 0, k) for k, b in enumerate(header)]
    cells += [CellImage(box(*b), 1, k) for k, b in enumerate(last)]
    table = TableImage(Box(0, 0, grey.shape[1], grey.shape[0]), cells)
    return PageImage(grey, ink, 13.0, 0.0), ink, table


def test_an_empty_box_cut_short_is_no_blank() -> None:
    # 011's table 四 continued on page 3, scanned at 120 dpi turned 0.8° (scans.py's
    # grey120_tiff_rotated), straightened; its last row and the header above, three
    # columns. With the ruling lines widened to 5 pixels everywhere (36911b6, reverted) the
    # "1" of t4.litigation_direct.pending, beside the column's left rule, was joined into
    # that rule: its box (boxes below, as find_tables gave them then, in the crop's pixels)
    # began 5 pixels right of its column's line, the "1" outside it, and the box was read
    # as the agency's blank. Now it has a confidence and no text: nulled and flagged.
    page, ink, table = _cut_crop([(493, 851, 526, 865), (536, 852, 564, 865),
                                  (568, 851, 601, 865)])
    assert stops_short(table, 13.0) == [False, False, False, False, True, False]
    # the "1" lies in the strip the box lost, clear of the rule: cut through it
    assert cut_short(table, 13.0, ink) == [False, False, False, False, True, False]
    found = scan.PageLayout(page, ruling_lines(page), [table])
    row = scan.read_page(found, 3).rows[1]
    # 其他结果 before it prints nothing, its box whole: the agency's blank, as before
    assert [(c.text, c.confidence) for c in row[:2]] == [("", None), ("", 0.0)]
    assert row[2].text == "9"  # 总计


def test_a_box_cut_short_that_reads_a_number_needs_an_identity() -> None:
    # The same crop, 总计's box of the last row ending 4 pixels above the line its
    # neighbours' boxes end on (a ruling line that took a digit's foot, as the widened
    # lines took the "1"): the "9" is still read, at 0.99 before this rule, but what was cut
    # off may have been part of the number (a "9" cut at its foot is read "0" here). Its
    # confidence is capped: published only where an identity holds with it.
    page, ink, table = _cut_crop([(493, 851, 526, 865), (531, 852, 564, 865),
                                  (568, 851, 601, 861)])
    assert stops_short(table, 13.0) == [False, False, False, False, False, True]
    # the 9's bottom row lies in the strip the box lost, touching the rest: cut through
    assert cut_short(table, 13.0, ink) == [False, False, False, False, False, True]
    row = scan.read_page(scan.PageLayout(page, ruling_lines(page), [table]), 3).rows[1]
    assert (row[0].text, row[0].confidence) == ("", None)  # the agency's blank, whole box
    assert row[1].text == "1" and row[1].confidence > 0.95  # its box whole: sure as read
    assert row[2].text == "9" and row[2].confidence == scan._LIKE_CONFIDENCE
