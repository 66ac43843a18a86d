"""A photographed page found on its background and flattened to a rectangle.

A phone photo of a printed report shows the page as a quadrilateral, not a rectangle:
seen at a slant, its far edge is shorter and its side edges lean (2-6° in the photos
agencies post), so its ruling lines lean by different angles across the page and no one
rotation (page_image.skew_angle) makes them horizontal and vertical; the table reader's
line kernels find them in pieces. Around the page is the desk (or whatever it lay on).

The page is the bright paper: pixels above Otsu's threshold on a small, smoothed copy,
their large regions joined (a shadow band across the page can part it in two) and their
convex hull simplified to four corners. It is taken only where it is clearly a page on a
darker background: four corners, the hull no larger than the quadrilateral by more than
a sliver, every corner off the image's edge, the paper filling the quadrilateral and the
background round it dark. A scan (paper to the image's edges, white where it was turned),
a picture of a table cropped to it, or a lid's dark border along two edges finds none and
is left as it is. Found, the quadrilateral (a sliver inside its outline) is warped to a
rectangle as wide and high as its longer opposite edges (cv2.getPerspectiveTransform,
warpPerspective); the desk is cut away.
"""

from __future__ import annotations

import cv2
import numpy as np

_SMALL = 800  # pixels: the long side of the copy the page's outline is searched on
_MIN_AREA = 0.25  # of the image: a smaller bright quadrilateral is not the page
_MIN_PART = 0.02  # of the image: a bright region this large is a part of the page
_HULL_EXCESS = 0.03  # the hull's area over the quadrilateral's: a page's edges are straight
_MARGIN = 0.01  # of the image's side: a corner nearer its edge is cut off, or no corner
_PAPER_INSIDE = 0.85  # share of the quadrilateral that is bright paper (print is thin)
_PAPER_OUTSIDE = 0.15  # share of the background round it that may be bright
_MIN_LEAN = 0.5  # degrees: an edge leaning less is straight enough; a rectangle is left
# Of the way to the page's centre: each corner moved in this far, so the rim of the desk
# left by the outline's few pixels of error is cut away with it (a dark line along the
# page's edge is a ruling line to the table reader); a page's margin is far wider.
_INSET = 0.01


def _luma(pixels: np.ndarray) -> np.ndarray:
    if pixels.ndim == 2:
        return pixels
    return cv2.cvtColor(np.ascontiguousarray(pixels[:, :, :3]), cv2.COLOR_RGB2GRAY)


def _ordered(corners: np.ndarray) -> np.ndarray:
    """Four corners as top-left, top-right, bottom-right, bottom-left."""
    s, d = corners.sum(axis=1), corners[:, 0] - corners[:, 1]
    return np.float32([corners[np.argmin(s)], corners[np.argmax(d)],
                       corners[np.argmax(s)], corners[np.argmin(d)]])


def page_corners(pixels: np.ndarray) -> np.ndarray | None:
    """The photographed page's four corners (top-left, top-right, bottom-right,
    bottom-left; the image's pixels), or None where no page is clearly outlined."""
    grey = _luma(pixels)
    h, w = grey.shape
    scale = min(1.0, _SMALL / max(h, w))
    small = cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))),
                       interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 2.0)
    _, bright = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=8)
    parts = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= _MIN_PART * bright.size]
    if not parts:
        return None
    points = np.column_stack(np.nonzero(np.isin(labels, parts))[::-1]).astype(np.int32)
    hull = cv2.convexHull(points)
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(quad) != 4 or not _clearly_a_page(quad, hull, bright):
        return None
    corners = _ordered(quad.astype(np.float32) / scale)
    return corners + _INSET * (corners.mean(axis=0) - corners)


def _clearly_a_page(quad: np.ndarray, hull: np.ndarray, bright: np.ndarray) -> bool:
    """Whether the quadrilateral (small copy's pixels) is a page lying on a darker
    background: large, its edges straight, off the image's edges, filled with paper, the
    background round it dark, and not an upright rectangle (nothing to flatten)."""
    h, w = bright.shape
    area = cv2.contourArea(quad.astype(np.float32))
    if area < _MIN_AREA * h * w or cv2.contourArea(hull) > (1 + _HULL_EXCESS) * area:
        return False
    mx, my = _MARGIN * w, _MARGIN * h
    if any(x < mx or x > w - 1 - mx or y < my or y > h - 1 - my for x, y in quad):
        return False
    inside = np.zeros_like(bright)
    cv2.fillConvexPoly(inside, quad.astype(np.int32), 1)
    inner = inside.astype(bool)
    if bright[inner].mean() < _PAPER_INSIDE or bright[~inner].mean() > _PAPER_OUTSIDE:
        return False
    return _leans(_ordered(quad.astype(np.float32)))


def _leans(c: np.ndarray) -> bool:
    """Whether any edge of the quadrilateral leans off the horizontal or vertical by at
    least _MIN_LEAN degrees (a page photographed straight from above only needs cropping)."""
    edges = [c[1] - c[0], c[2] - c[3], c[3] - c[0], c[2] - c[1]]
    leans = [np.degrees(np.arctan2(abs(e[1]), abs(e[0]))) for e in edges[:2]]
    leans += [np.degrees(np.arctan2(abs(e[0]), abs(e[1]))) for e in edges[2:]]
    return max(leans) >= _MIN_LEAN


def flattened(pixels: np.ndarray) -> np.ndarray:
    """The photographed page warped to a rectangle, the background cut away; the pixels
    as they are where no page is clearly outlined (page_corners)."""
    corners = page_corners(pixels)
    if corners is None:
        return pixels
    tl, tr, br, bl = corners
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.float32([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]])
    matrix = cv2.getPerspectiveTransform(corners, target)
    white = (255,) * (1 if pixels.ndim == 2 else pixels.shape[2])
    return cv2.warpPerspective(pixels, matrix, (width, height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=white)
