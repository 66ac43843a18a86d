"""A photographed page found on the desk and flattened; scans are left as they are."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from pipelines.read import page_image
from pipelines.read.page_quad import flattened, page_corners
from pipelines.read.scan import layout

SCANS = Path(__file__).parents[1] / "fixtures" / "scans"
# Page 2 of 004 (table 三's lower half, 91 cells) printed by Chromium at 200 dpi and
# photographed the `phone_strong` way (tests/renderings/scans.py): on a desk, its side
# edges leaning ~5°, a shadow band across it, 1600 pixels high, JPEG'd grey.
PHOTO = SCANS / "phone-strong-004-p2.jpg"


def _photo() -> np.ndarray:
    return np.asarray(Image.open(PHOTO).convert("L"))


def test_the_photographed_pages_corners_are_found() -> None:
    corners = page_corners(_photo())
    assert corners is not None
    # top-left, top-right, bottom-right, bottom-left: the far (top) edge shorter
    assert np.round(corners).astype(int).tolist() == [
        [240, 141], [1012, 143], [1155, 1485], [131, 1485]]


def test_the_flattened_photo_reads_as_the_scan_reads(monkeypatch) -> None:
    # The sharp print of the same page gives table 三's lower half as one table of 91
    # cells; the photo, flattened, the same; not flattened, its leaning rules make 7
    # tables of pieces.
    assert [len(t.cells) for t in layout(_photo()).tables] == [91]
    assert flattened(_photo()).shape == (1350, 1024)
    monkeypatch.setattr(page_image, "flattened", lambda pixels: pixels)
    assert len(layout(_photo()).tables) == 7


def test_scans_and_pictures_are_left_as_they_are() -> None:
    # A real scanned page: paper to the image's edges. With a lid's dark border along
    # two edges (tests/read/test_page_image.py): the bright region touches the image's
    # edges. Turned 2° with white corners, as a scan is: no dark background.
    grey = np.asarray(Image.open(SCANS / "huaian-2024-p5.jpg").convert("L"))
    bordered = grey.copy()
    bordered[:, :40] = 40
    bordered[-40:, :] = 40
    h, w = grey.shape
    turned = cv2.warpAffine(grey, cv2.getRotationMatrix2D((w / 2, h / 2), 2.0, 1.0), (w, h),
                            borderValue=255)
    for pixels in (grey, bordered, turned):
        assert page_corners(pixels) is None
        assert flattened(pixels) is pixels


def test_a_page_photographed_straight_on_a_desk_is_left_as_it_is() -> None:
    # An upright rectangle on a dark background: nothing leans, nothing to flatten (the
    # page reader's own straightening and edge-border handling do the rest).
    page = np.full((1200, 900), 60, np.uint8)
    page[100:1100, 80:820] = 235
    page[300:304, 150:750] = 0
    assert page_corners(page) is None
