"""One page image made ready for reading: greyscale, straightened, binarised, measured.

Colour is dropped: the agencies print in black, so a red (or blue) seal stamped over a
table must turn white instead of hiding the digits under it. Each pixel's brightest
channel does that for the seal's strokes, but not at their edges in a JPEG, which keeps
colour at half resolution: there the colour is smeared and the brightest channel is a
dark rim, read as characters. So where the page is coloured (a chroma mask, widened by
that smear), brightness is the luma (JPEG keeps it at full resolution) divided by the
luma of the colour itself: the seal becomes paper, and black ink under it stays dark.
Faint grey print under a translucent seal keeps only a quarter of its contrast that way,
too little for a pale ruling line: the ruling lines are looked for in a second grey
(`rule_grey`), stretched between the seal's colour over black and over paper, and only
as far as a pixel has the seal's colour, so a pale rule beside its strokes stays grey.

A scanner's lid, or a photocopy's unlit margin, leaves a dark border along the page's
edges: at its inner edge the binarised ink is a long line, found as a ruling line, and
the page's background inside it as one enclosed cell holding every table again. Dark
regions that touch the image's edge and are thicker than any printed stroke are made
paper first (`_edge_border`).

A page photographed on a desk at a slant (a quadrilateral) is flattened to a rectangle
first (pipelines/read/page_quad.py). A scan rotated by up to 3 degrees is turned
straight by the angle that makes the rows of ink sharpest (the horizontal projection's
variance), searched on a small copy of the page. `glyph` is the typical height of a
character in pixels: the sizes of everything looked for later (ruling lines, text lines)
are multiples of it, so the same code reads a 100-dpi and a 300-dpi scan.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipelines.read.page_quad import flattened

_MAX_SKEW = 3.0  # degrees: a page scanned more crooked than this is not straightened
_SKEW_WIDTH = 500  # pixels: the small copy the angle is searched on
_MIN_TURN = 0.15  # degrees: a smaller tilt moves a page edge by under 2 pixels at 150 dpi
_BLOCK = 31  # pixels: the neighbourhood a pixel's darkness is judged against
_CONTRAST = 20  # grey levels darker than the neighbourhood's mean to count as ink
# For ruling lines only: a thin grey rule that a blur, or the straightening's resampling,
# spread over two pixel rows is half as dark, and falls apart at _CONTRAST into pieces
# shorter than a line's kernel. Text and noise this faint are no runs that long.
_LINE_CONTRAST = 12
# Glyph heights (at least _MIN_RIDGE pixels) to each side of a pixel that a ruling line's
# ridge is measured against (`rule_ridges`): past a rule blurred over 3 pixels.
_RIDGE_REACH = 0.15
_MIN_RIDGE = 3
_EDGE_DARK = 96  # grey: darker than paper however unevenly lit (a lid's shadow, a margin)
_EDGE_THICK = 0.01  # of the image's longer side: thicker than any printed stroke or rule
_MIN_GLYPH_AREA = 10  # pixels: smaller components are noise, not characters
_SPECK = 0.02  # of a glyph's square: the largest speck of noise removed
_CHROMA = 48  # max - min channel: a coloured pixel (JPEG'd black print stays under ~20)
_SMEAR = 11  # pixels: the square around coloured pixels that belongs to the mark (see _unstamped)
_MIN_COLOURED = 50  # pixels: fewer coloured ones are noise, not a seal
_DARK_COLOUR = 64  # luma: a colour this dark (navy print) is ink, not a seal to drop
_INK_SHARE = 0.01  # of a seal's coloured pixels: the darkest share, print under it
_GREY_CHROMA = 12  # max - min channel: print (JPEG'd) has less; twice this is the seal's
_FLOOR_GAP = 0.3  # of the seal's luma: print under it is at least this much darker
# A page whose paper (median grey) is less than this many grey levels above its darkest
# ink (this percentile of its pixels) is stretched to black on white (`stretched`).
_LOW_CONTRAST = 160
_FAINTEST = 64  # grey levels: less is no print (a blank page's noise), never stretched
_INK_PERCENTILE = 0.1
_UNSHARP = 1.5  # how much of the grey's difference from its blur is added back (second_page)
# Pixels: the σ of the blur that gives a 1-bit page (`softened`) the soft edges of a grey
# scan at its resolution.
_BILEVEL_BLUR = 1.0


@dataclass
class PageImage:
    """A straightened page: grey pixels, ink mask (255 = ink), and the glyph height."""

    grey: np.ndarray
    ink: np.ndarray
    glyph: float
    angle: float
    # Where a coloured seal was made paper (True), or None: a rule under it may be too
    # faint to find, and table_image.ruling_lines bridges it there.
    stamp: np.ndarray | None = None
    # The grey ruling lines are looked for in where a seal was (None: `grey`), see _unstamped.
    rule_grey: np.ndarray | None = None


def to_grey(pixels: np.ndarray) -> np.ndarray:
    """Greyscale with coloured marks made paper (see the module docstring); alpha is
    dropped. Channel order does not matter except for the luma weights (RGB expected)."""
    return _unsealed(pixels)[0]


_Unsealed = tuple[np.ndarray, np.ndarray | None, np.ndarray | None]


def _unsealed(pixels: np.ndarray) -> _Unsealed:
    """The grey page (to_grey), the mask of the seals made paper in it and the grey its
    rules are looked for in (both None without a seal)."""
    if pixels.ndim == 2:
        return pixels, None, None
    rgb = np.ascontiguousarray(pixels[:, :, :3])
    grey = rgb.max(axis=2)
    coloured = grey - rgb.min(axis=2) > _CHROMA
    if np.count_nonzero(coloured) < _MIN_COLOURED:
        return grey, None, None
    return _unstamped(rgb, grey, coloured)


def _unstamped(rgb: np.ndarray, grey: np.ndarray, coloured: np.ndarray) -> _Unsealed:
    """Each coloured region's luma scaled so its own colour is white (255), the mask of
    those regions, and a grey for ruling lines (below).

    A region is a connected part of the widened chroma mask; its colour is the median
    luma of its coloured pixels (black ink under the seal is coloured too, but a minority)."""
    luma = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    region = cv2.dilate(coloured.astype(np.uint8), np.ones((_SMEAR, _SMEAR), np.uint8))
    n, labels = cv2.connectedComponents(region, connectivity=8)
    lab, lum = labels[coloured], luma[coloured]
    order = np.lexsort((lum, lab))
    counts = np.bincount(lab, minlength=n)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    colour = np.zeros(n, np.float32)
    has = counts > 0
    colour[has] = lum[order][starts[has] + counts[has] // 2]
    colour[colour < _DARK_COLOUR] = 0  # dark print, or no coloured pixel: left as it is
    # The darkest the region gets: black print under a translucent seal is the seal's
    # colour darkened, not black. Stretching between that and the seal's colour gives
    # faint grey print under it the contrast it has on paper; where no print is under it
    # (the darkest is near the seal's colour) the floor stays 0, as for an opaque ink.
    floor = np.zeros(n, np.float32)
    low = starts[has] + (counts[has] * _INK_SHARE).astype(np.int64)
    floor[has] = lum[order][low]
    floor[(colour == 0) | (colour - floor < _FLOOR_GAP * colour)] = 0
    paper, dark = colour[labels], floor[labels]
    scaled = (luma - dark) * (255.0 / np.maximum(paper - dark, 1.0))
    stamp = paper > 0
    if not stamp.any():
        return grey, None, None
    # The characters: luma divided by the seal's colour, without the floor. Stretched,
    # the seal's own strokes came back across the digits they cross ("258" read "238").
    plain = np.minimum(255.0, luma * (255.0 / np.maximum(paper, 1.0)))
    text = np.where(stamp, plain.astype(np.uint8), grey)
    # For the rules, scaled only as far as a pixel has the seal's colour: a pale rule
    # beside a stroke of the seal (inside its widened region, not under it) keeps its
    # grey. The seal's own rims (colour halved by the JPEG) stay grey too, in short
    # pieces a rule's kernel drops; among the characters they were read as strokes.
    chroma = (grey - rgb.min(axis=2)).astype(np.float32)
    weight = np.clip((chroma - _GREY_CHROMA) / _GREY_CHROMA, 0.0, 1.0)
    blended = weight * np.clip(scaled, 0.0, 255.0) + (1.0 - weight) * luma
    return text, stamp, np.where(stamp, blended.astype(np.uint8), grey)


def _binarise(grey: np.ndarray, contrast: int = _CONTRAST) -> np.ndarray:
    """Ink where a pixel is clearly darker than its neighbourhood: a global threshold
    (Otsu) lost the thin grey ruling lines of a 150-dpi page."""
    # No smoothing: a median filter erased the 1-pixel ruling lines of a 150-dpi page;
    # speckle is dropped later by size (line kernels, text band heights).
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                 cv2.THRESH_BINARY_INV, _BLOCK, contrast)


def dark_ink(page: PageImage) -> np.ndarray:
    """The page's ink before its specks were dropped (pipelines/read/specks.py)."""
    return _binarise(page.grey)


def faint_ink(page: PageImage) -> np.ndarray:
    """The page's ink down to faint grey, where only ruling lines are looked for."""
    return _binarise(page.grey if page.rule_grey is None else page.rule_grey, _LINE_CONTRAST)


def rule_ridges(page: PageImage) -> np.ndarray:
    """Horizontal ridges of the grey: pixels at least _LINE_CONTRAST darker than both the
    pixels a few rows above and below. A blurred grey rule running beside a line of text
    is lighter than that text's neighbourhood mean, so the adaptive threshold (faint_ink)
    breaks it into pieces shorter than a line's kernel and two cells merge; against the
    paper just above and below it, it is still a dark ridge. Horizontal only: text lines
    run along horizontal rules and darken their neighbourhood over its whole length, a
    vertical rule crosses them for a glyph at a time (and the blurred ends of a
    character's vertical strokes, ridges too, made rules in a low row)."""
    grey = (page.grey if page.rule_grey is None else page.rule_grey).astype(np.int16)
    d = max(_MIN_RIDGE, round(_RIDGE_REACH * page.glyph))
    padded = np.pad(grey, ((d, d), (0, 0)), mode="edge")
    above, below = padded[:-2 * d], padded[2 * d:]
    return (np.minimum(above, below) - grey >= _LINE_CONTRAST).astype(np.uint8) * 255


def second_page(page: PageImage, blur: float = 0.0) -> PageImage:
    """The page for a second reading of a doubtful cell: where a seal was, its grey
    stretched as for the rules (`rule_grey`: faint print under the seal at the contrast
    it has on paper, the seal's strokes back at their rims); elsewhere a 3x3 median of
    the grey (specks touching a character gone, thin strokes thinner), or, on a page out
    of focus (`blur`: the σ of its blur in pixels, see scan.blur_share), the grey sharpened
    by an unsharp mask of that σ (a blurred 1 and 4 apart again; on 001's 14-pixel
    glyphs at σ 1.6, "64" read "61" as printed). Either loses more readings than it wins
    as the only grey; as a second opinion, only an identity can make it count
    (pipelines/recognise/proofread.py)."""
    if blur > 0:
        grey = page.grey.astype(np.float32)
        grey = grey + _UNSHARP * (grey - cv2.GaussianBlur(grey, (0, 0), blur))
        grey = np.clip(grey, 0, 255).astype(np.uint8)
    else:
        grey = cv2.medianBlur(page.grey, 3)
    if page.rule_grey is not None and page.stamp is not None:
        grey = np.where(page.stamp, page.rule_grey, grey)
    return PageImage(grey, despeckle(_binarise(grey), page.glyph), page.glyph, page.angle,
                     page.stamp, page.rule_grey)


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


def _edge_border(grey: np.ndarray) -> np.ndarray | None:
    """Where the dark borders along the page's edges are (True), or None: dark regions
    touching the image's edge, thicker than any printed stroke, and their blurred rims."""
    dark = (grey < _EDGE_DARK).astype(np.uint8)
    k = max(3, int(_EDGE_THICK * max(grey.shape)))
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    if not solid.any():
        return None
    _, labels = cv2.connectedComponents(solid, connectivity=8)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    edge = edge[edge > 0]
    if edge.size == 0:
        return None
    # Widened by the blur of its rim: a grey ramp left beside paper is a line of ink.
    return cv2.dilate(np.isin(labels, edge).astype(np.uint8), np.ones((k, k), np.uint8)) > 0


def stretched(grey: np.ndarray) -> np.ndarray:
    """A page printed grey on grey paper (a faded copy, a dim scan) stretched so its ink is
    black and its paper white: the ink threshold (_CONTRAST grey levels) and the
    recogniser were made for that contrast, and thin strokes only a third as dark fell
    under the threshold in pieces. A page with black ink and white paper is left as it is."""
    paper = float(np.median(grey))  # most of a page is paper
    ink = float(np.percentile(grey, _INK_PERCENTILE))
    if not _FAINTEST <= paper - ink < _LOW_CONTRAST:
        return grey  # black on white; or no ink at all (noise on a blank page stays faint)
    out = (grey.astype(np.float32) - ink) * (255.0 / (paper - ink))
    return np.clip(out, 0, 255).astype(np.uint8)


def softened(grey: np.ndarray) -> np.ndarray:
    """A 1-bit page (two grey levels only: a black-and-white scan, a fax, a G4 TIFF)
    blurred as a grey scan's optics blur it. The recogniser was trained on grey print:
    a thresholded zero with hard stair-step edges read as nothing at 200 dpi, and it
    read it "0" at 0.98 once blurred by σ 0.7; a pale rule dithered into scattered dots
    is a line again once its dots are spread into grey."""
    lo, hi = int(grey.min()), int(grey.max())
    if lo == hi or np.count_nonzero((grey != lo) & (grey != hi)):
        return grey
    return cv2.GaussianBlur(grey, (0, 0), _BILEVEL_BLUR)


def prepare(pixels: np.ndarray) -> PageImage:
    """A page's pixels (grey or colour) made straight, binarised and measured. A page
    photographed on a desk is first flattened to a rectangle (page_quad)."""
    grey, stamp, rule_grey = _unsealed(flattened(pixels))
    grey = softened(grey)
    border = _edge_border(grey)
    if border is not None:
        grey = np.where(border, np.uint8(255), grey)
        if rule_grey is not None:
            rule_grey = np.where(border, np.uint8(255), rule_grey)
    grey = stretched(grey)
    ink = _binarise(grey)
    angle = skew_angle(ink)
    if abs(angle) >= _MIN_TURN:
        grey = _rotate(grey, angle)
        ink = _binarise(grey)
        if stamp is not None and rule_grey is not None:
            # Turned as paper (255) round a dark seal: the corners turned in are paper.
            stamp = _rotate(np.where(stamp, 0, 255).astype(np.uint8), angle) < 128
            rule_grey = _rotate(rule_grey, angle)
    glyph = glyph_height(ink)
    return PageImage(grey, despeckle(ink, glyph), glyph, angle, stamp, rule_grey)
