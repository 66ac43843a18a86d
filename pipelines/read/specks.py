"""The page a recogniser sees: characters on white, a noisy scan's specks made paper.

The ink mask drops specks by size (page_image.despeckle), but the recogniser reads the
grey pixels, where a speck next to a number was read as punctuation ("0.", ":0", "'0")
and the cell was lost. So only grey near ink is kept. A decimal point is as small as a
speck, though: a small dot is kept when it sits where a decimal point does, between two
characters and at the foot of the one before it; a wrong place for a dot costs a cell
(unreadable), a dot dropped from a number would change it. A JPEG smears a speck into a
blob the ink keeps; such a dot with no other ink near it (a character's own dots are near
its strokes) is paper too, by the same rule.
"""

from __future__ import annotations

import cv2
import numpy as np

from pipelines.read.page_image import PageImage, dark_ink

_REACH = 0.6  # glyph heights: how near a decimal point's neighbours are, each side
_FOOT = 0.35  # glyph heights: a point's bottom is this near the character's foot
_DOT = 0.1  # of a glyph's square: a component of ink this small may be a speck...
_ALONE = 0.3  # glyph heights: ...when no other ink is this near (a character's dot is)


def _between_characters(text_ink: np.ndarray, x0: int, y0: int, x1: int, y1: int,
                        glyph: float) -> bool:
    """Whether the dot at (x0, y0)-(x1, y1) has a character on each side, and sits at
    the foot of the one before it (its bottom near theirs, their top well above it)."""
    reach, g = max(2, int(_REACH * glyph)), int(glyph)
    top = max(0, y0 - g)
    for lo, hi in ((max(0, x0 - reach), x0), (x1, min(text_ink.shape[1], x1 + reach))):
        rows = np.flatnonzero(text_ink[top:y1 + g // 3, lo:hi].any(axis=1))
        if rows.size == 0:
            return False
        ink_top, ink_bottom = top + rows[0], top + rows[-1] + 1
        if y1 - ink_top < glyph / 2 or abs(ink_bottom - y1) > _FOOT * glyph:
            return False
    return True


def recogniser_page(page: PageImage, text_ink: np.ndarray,
                    lines: np.ndarray | None = None) -> np.ndarray:
    """The page's grey with everything but its characters (and likely decimal points)
    made white; `text_ink` is the page's ink without its ruling lines (`lines`).

    The soft edge kept round the characters stops at the ruling lines' mask, a pixel
    from the ink: a digit beside its cell's rule otherwise came with a strip of the
    rule's grey, read as a "1" ("7" read "71" at confidence 0.99 on a page printed grey
    on grey, once its contrast was stretched)."""
    kept = text_ink.copy()
    specks = dark_ink(page) & ~page.ink
    n, labels, stats, _ = cv2.connectedComponentsWithStats(specks, connectivity=8)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w > page.glyph / 2 or h > page.glyph / 2:
            continue  # a remnant of a ruling line, not a dot
        if _between_characters(text_ink, x, y, x + w, y + h, page.glyph):
            box = (slice(y, y + h), slice(x, x + w))
            kept[box][labels[box] == i] = 255
    _drop_lone_dots(kept, text_ink, page.glyph)
    # A pixel round the ink kept too: the soft edges of the strokes.
    near = cv2.dilate(kept, np.ones((5, 5), np.uint8)) > 0
    if lines is not None:
        near &= (lines == 0) | (cv2.dilate(kept, np.ones((3, 3), np.uint8)) > 0)
    return np.where(near, page.grey, np.uint8(255))


def _drop_lone_dots(kept: np.ndarray, text_ink: np.ndarray, glyph: float) -> None:
    """Specks too big for page_image.despeckle (a JPEG smears a speck over ~3x3 pixels):
    small ink with no other ink near it, not where a decimal point sits, off `kept`."""
    reach = max(2, int(_ALONE * glyph))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(text_ink, connectivity=8)
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if area >= _DOT * glyph * glyph or w > glyph / 2 or h > glyph / 2:
            continue
        near = labels[max(0, y - reach):y + h + reach, max(0, x - reach):x + w + reach]
        if np.any((near != 0) & (near != i)):
            continue  # a part of a character (a dot of 六), or a point beside a digit
        if not _between_characters(text_ink, x, y, x + w, y + h, glyph):
            box = (slice(y, y + h), slice(x, x + w))
            kept[box][labels[box] == i] = 0
