"""A lone round glyph in a table cell compared with the zeros the same page printed.

Alone in a crop, a zero is a ring: the recogniser, seeing no neighbour to say which
alphabet it is in, reads a full-width "０" (set in a CJK font, wider than a Latin zero)
as a letter "o" at confidence 0.5-0.8 and gives "0" 0.05-0.17 (bench/RESULTS.md, "OCR:
full-width digits"). Such a reading is doubted (scan._as_digits) and, where no identity
checks the cell (table 二), nulled. Yet the same page prints zeros the recogniser read
with confidence, inside numbers ("６０", "２０１９"): one font, one size, one glyph. A lone
ring whose ink is that glyph's, pixel for pixel within the scan's noise, is a zero. A
letter "o" is lower (x-height), an "O" wider, "〇" a circle, a "6", "8" or "9" has more ink
inside: none of them matches.
"""

from __future__ import annotations

import cv2
import numpy as np

# How far a lone glyph's box may differ from a zero's, in pixels (a scan's edge noise).
_SIZE_SLACK = 1
# The least overlap (intersection over union of the ink, best of the shifts within the
# slack) of a lone glyph with one of the page's zeros.
_MIN_OVERLAP = 0.8


def pieces(ink: np.ndarray) -> list[np.ndarray] | None:
    """A cell's pieces of ink (8-connected), left to right, each cut to its box; None
    unless they stand in one line, one beside the next (a number wrapped onto a second
    line, "80" over "5", has its pieces in no reading order by x)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8),
                                                           connectivity=8)
    order = sorted(range(1, n), key=lambda i: stats[i, 0])
    out, right = [], -1
    top = max((stats[i, 1] for i in order), default=0)
    bottom = min((stats[i, 1] + stats[i, 3] for i in order), default=0)
    if top >= bottom:  # no row of pixels crosses every piece
        return None
    for i in order:
        x, y, w, h, _ = stats[i]
        if x <= right:
            return None
        right = x + w - 1
        out.append(labels[y:y + h, x:x + w] == i)
    return out


def zeros_of(text: str, ink: np.ndarray) -> list[np.ndarray]:
    """The zeros of a number read with confidence, when its ink holds one piece per digit
    in one line (no digits touching, no speck): which piece is which digit is then plain."""
    if not text.isdigit() or "0" not in text:
        return []
    found = pieces(ink)
    if found is None or len(found) != len(text):
        return []
    return [p for p, ch in zip(found, text, strict=True) if ch == "0"]


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """The best intersection over union of two masks laid on one canvas, shifted by up
    to _SIZE_SLACK pixels."""
    h = max(a.shape[0], b.shape[0]) + 2 * _SIZE_SLACK
    w = max(a.shape[1], b.shape[1]) + 2 * _SIZE_SLACK
    base = np.zeros((h, w), bool)
    base[_SIZE_SLACK:_SIZE_SLACK + a.shape[0], _SIZE_SLACK:_SIZE_SLACK + a.shape[1]] = a
    best = 0.0
    for dy in range(2 * _SIZE_SLACK + 1):
        for dx in range(2 * _SIZE_SLACK + 1):
            other = np.zeros((h, w), bool)
            other[dy:dy + b.shape[0], dx:dx + b.shape[1]] = b
            union = np.count_nonzero(base | other)
            if union:
                best = max(best, np.count_nonzero(base & other) / union)
    return best


def is_zero(ink: np.ndarray, zeros: list[np.ndarray]) -> bool:
    """Whether a cell's ink is one piece matching one of the page's zeros."""
    found = pieces(ink)
    if found is None or len(found) != 1:
        return False
    glyph = found[0]
    return any(abs(glyph.shape[0] - z.shape[0]) <= _SIZE_SLACK
               and abs(glyph.shape[1] - z.shape[1]) <= _SIZE_SLACK
               and _overlap(glyph, z) >= _MIN_OVERLAP for z in zeros)
