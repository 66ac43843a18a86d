"""One page image made ready for reading: greyscale, straightened, binarised, measured.

Colour is dropped by taking each pixel's brightest channel: the agencies print in black,
and a red (or blue) seal stamped over a table then turns white instead of hiding the
digits under it. A scan rotated by a few degrees is turned straight by the angle that
makes the rows of ink sharpest (the horizontal projection's variance), searched on a
small copy of the page. `glyph` is the typical height of a character in pixels: the
sizes of everything looked for later (ruling lines, text lines) are multiples of it, so
the same code reads a 100-dpi and a 300-dpi scan.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

_MAX_SKEW = 3.0  # degrees: a page scanned more crooked than this is not straightened
_SKEW_WIDTH = 500  # pixels: the small copy the angle is searched on
_MIN_TURN = 0.15  # degrees: a smaller tilt moves a page edge by under 2 pixels at 150 dpi
_BLOCK = 31  # pixels: the neighbourhood a pixel's darkness is judged against
_CONTRAST = 20  # grey levels darker than the neighbourhood's mean to count as ink
_MIN_GLYPH_AREA = 10  # pixels: smaller components are noise, not characters
_SPECK = 0.02  # of a glyph's square: the largest speck of noise removed


@dataclass
class PageImage:
    """A straightened page: grey pixels, ink mask (255 = ink), and the glyph height."""

    grey: np.ndarray
    ink: np.ndarray
    glyph: float
    angle: float


def to_grey(pixels: np.ndarray) -> np.ndarray:
    """Greyscale by the brightest channel (see the module docstring); alpha is dropped."""
    if pixels.ndim == 2:
        return pixels
    return pixels[:, :, :3].max(axis=2)


def _binarise(grey: np.ndarray) -> np.ndarray:
    """Ink where a pixel is clearly darker than its neighbourhood: a global threshold
    (Otsu) lost the thin grey ruling lines of a 150-dpi page."""
    # No smoothing: a median filter erased the 1-pixel ruling lines of a 150-dpi page;
    # speckle is dropped later by size (line kernels, text band heights).
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                 cv2.THRESH_BINARY_INV, _BLOCK, _CONTRAST)


def _sharpness(small: np.ndarray, angle: float) -> float:
    h, w = small.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST)
    return float(np.var(turned.sum(axis=1, dtype=np.float64)))


def skew_angle(ink: np.ndarray) -> float:
    """The rotation (degrees) that straightens the page: coarse, then fine search."""
    scale = min(1.0, _SKEW_WIDTH / ink.shape[1])
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.5), key=lambda a: _sharpness(small, a))
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    return float(max(fine, key=lambda a: _sharpness(small, a)))


def _rotate(grey: np.ndarray, angle: float) -> np.ndarray:
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def glyph_height(ink: np.ndarray) -> float:
    """A character's height: the 80th percentile of the mid-sized connected components'
    heights, found after a small closing joins the pieces of a Chinese character."""
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    _, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    areas = stats[1:, cv2.CC_STAT_AREA]
    # At most a twentieth of the page's longer side: a table pasted into a web page as
    # a picture is cropped to the table, as short as one row of characters or two.
    sized = heights[(heights >= 3) & (heights <= max(ink.shape) / 20) & (widths <= 4 * heights)
                    & (areas >= _MIN_GLYPH_AREA)]  # not scanner noise
    return float(np.percentile(sized, 80)) if len(sized) else 0.0


def despeckle(ink: np.ndarray, glyph: float) -> np.ndarray:
    """Ink without the specks of a noisy scan: components far smaller than a character's
    smallest part (a decimal point is kept)."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < max(3.0, _SPECK * glyph * glyph)
    small[0] = False
    if not small[1:].any():
        return ink
    out = ink.copy()
    out[small[labels]] = 0
    return out


def prepare(pixels: np.ndarray) -> PageImage:
    """A page's pixels (grey or colour) made straight, binarised and measured."""
    grey = to_grey(pixels)
    ink = _binarise(grey)
    angle = skew_angle(ink)
    if abs(angle) >= _MIN_TURN:
        grey = _rotate(grey, angle)
        ink = _binarise(grey)
    glyph = glyph_height(ink)
    return PageImage(grey, despeckle(ink, glyph), glyph, angle)
