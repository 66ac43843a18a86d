"""Page images made ready for reading: a coloured seal made paper, faint rules kept."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from pipelines.read.image import pixels_of
from pipelines.read.page_image import (
    _unsealed,
    dark_ink,
    faint_ink,
    prepare,
    softened,
    stretched,
    to_grey,
)
from pipelines.read.scan import layout

SCANS = Path(__file__).parents[1] / "fixtures" / "scans"


def test_a_red_seal_is_paper_rims_and_all() -> None:
    # Table 四 of a real report with a red seal across it, JPEG'd (see tests/read/test_image).
    rgb = pixels_of(Image.open(SCANS / "huaian-2024-t4.tif"))
    coloured = rgb.max(axis=2).astype(int) - rgb.min(axis=2) > 48
    assert int(coloured.sum()) == 7577
    # The brightest channel alone left the seal's rims dark; now none is.
    assert int((rgb.max(axis=2)[coloured] < 160).sum()) == 452
    assert int((to_grey(rgb)[coloured] < 160).sum()) == 0


def test_print_under_a_seal_stays_dark_and_its_rules_keep_their_contrast() -> None:
    page = np.full((60, 60, 3), 255, np.uint8)
    page[20:40, 28:32] = 0  # a black stroke
    page[20:40, 36:38] = 150  # a grey one
    seal = np.array([220, 30, 35], np.float32)
    page[10:50, 10:50] = (0.75 * seal + 0.25 * page[10:50, 10:50]).astype(np.uint8)
    grey = to_grey(page)
    assert (grey[12, 12], grey[30, 30], grey[30, 36], grey[5, 5]) == (255, 128, 203, 255)
    # For ruling lines, stretched between the seal's colour over black and over paper:
    # the grey stroke is the grey it was, where dividing by the seal's colour left 203.
    _, stamp, rules = _unsealed(page)  # (prepare would turn this tiny page by its stripes)
    assert rules is not None and stamp is not None
    assert (rules[12, 12], rules[30, 30], rules[30, 36], rules[5, 5]) == (255, 0, 151, 255)
    assert int(stamp.sum()) == 2500


def test_grey_pages_are_left_as_they_are() -> None:
    grey = np.asarray(Image.open(SCANS / "huaian-2024-p5.jpg").convert("L"))
    assert to_grey(grey) is grey
    assert np.array_equal(to_grey(np.dstack([grey] * 3)), grey)


def test_faint_ink_holds_a_rule_too_faint_for_the_page_ink() -> None:
    page = np.full((400, 600), 255, np.uint8)
    page[100:104, 50:550] = 0  # text-like dark block, for the glyph height
    page[200, 50:550] = 240  # a faint grey rule (15 levels below paper)
    prepared = prepare(page)
    assert cv2.countNonZero(dark_ink(prepared)[200, 50:550]) == 0
    assert cv2.countNonZero(faint_ink(prepared)[200, 50:550]) == 500


def test_a_scanner_lids_dark_border_is_paper_not_a_table() -> None:
    # A real scanned page (a table and prose) with the lid's dark border along its left and
    # bottom edges: its inner edge was a ruling line, and the page inside it a table
    # holding every cell again.
    grey = np.asarray(Image.open(SCANS / "huaian-2024-p5.jpg").convert("L"))
    bordered = grey.copy()
    bordered[:, :40] = 40
    bordered[-40:, :] = 40
    bordered = cv2.GaussianBlur(bordered, (5, 5), 0)  # the border's rim blurred, as scanned
    plain, lid = layout(grey), layout(bordered)
    assert [len(t.cells) for t in lid.tables] == [len(t.cells) for t in plain.tables]
    assert all(abs(a.box.x0 - b.box.x0) <= 2 and abs(a.box.y0 - b.box.y0) <= 2
               for a, b in zip(lid.tables, plain.tables, strict=True))
    assert lid.page.grey[:, :40].min() == 255  # the border is paper


def _page_of_strokes(ink: int, paper: int, noise: float = 0.0) -> np.ndarray:
    """A page of short strokes (1% of it ink) in `ink` grey on `paper` grey."""
    page = np.full((400, 300), paper, np.float32)
    for y in range(20, 380, 30):
        page[y:y + 3, 40:140] = ink
    page += np.random.default_rng(0).normal(0, noise, page.shape)
    return np.clip(page, 0, 255).astype(np.uint8)


def test_grey_print_on_grey_paper_is_stretched_to_black_on_white() -> None:
    out = stretched(_page_of_strokes(110, 190))
    assert (int(out.min()), int(np.median(out))) == (0, 255)


def test_black_print_and_a_blank_page_noise_are_left_as_they_are() -> None:
    black = _page_of_strokes(0, 250)
    assert stretched(black) is black
    blank = np.clip(np.random.default_rng(0).normal(240, 8, (400, 300)), 0, 255).astype(np.uint8)
    assert stretched(blank) is blank


def test_a_one_bit_page_is_softened_and_a_grey_one_left_as_it_is() -> None:
    one_bit = np.where(_page_of_strokes(0, 255) < 128, 0, 255).astype(np.uint8)
    soft = softened(one_bit)
    assert soft is not one_bit and 0 < int(soft[21, 40]) < 255  # a stroke's edge is grey
    grey = _page_of_strokes(0, 250, noise=8.0)  # a grey scan: its noise, many levels
    assert softened(grey) is grey
