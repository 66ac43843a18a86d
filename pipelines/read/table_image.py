"""Table structure from a page image's ruling lines, and the text lines inside a cell.

Ruling lines are found by morphology: an opening with a long thin kernel keeps only
runs of ink longer than any character stroke (kernels are multiples of the page's glyph
height). The cells are the enclosed regions between the lines, so a cell spanning rows
or columns is one region, read once, emitted at its top-left grid position: the same
reading order the HTML and PDF readers give. A table's rows are the distinct top edges
of its cells.

Inside a cell, the text lines are the bands of ink in its horizontal projection; each
band is cropped tight and handed to the recogniser as one line.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipelines.read.page_image import PageImage, faint_ink, rule_ridges

_H_KERNEL = 3.0  # glyph heights: longer than any horizontal stroke of a character
_V_KERNEL = 1.4  # glyph heights: longer than a character, shorter than a table row
# Pixels: the most paper between the two lines of a double rule bridged across
# (_double_rules_joined): 2 CSS px are 2-3 pixels below 150 dpi, 4 allow for blur.
_DOUBLE_GAP = 4
_MIN_TABLE_CELLS = 2  # one row is enough: the last row of a table may go over a page
_MIN_CELL = 0.6  # glyph heights: regions smaller than this are line junction artefacts
_MIN_FILL = 0.6  # a cell fills most of its bounding box; a web page's double rules do not
# Pixels: how far inside its grid line a cell's edge may lie before its box counts as cut
# short (`stops_short`). Edges on one line differ by a pixel or two (the straightening's
# resampling); a digit's stem is wider than this at 100 dpi and up.
_CUT_SHORT = 2
# Glyph heights: the tolerance where a glyph is small (`_short_of`, never more than
# _CUT_SHORT): at 72 dpi (glyph 9) a "1"'s stem is 1 pixel wide, its foot 3 (001's table 四
# scanned grey72_jpeg), and a cut of 2 pixels could take the stem whole: 1.8 there.
_STEM = 0.2
_SLIVER_WIDE = 2  # pixels: a rule's rim left beside its mask (text_ink); no digit is as thin
# Glyph heights: the most the pieces of one split character span once joined. The page's
# glyph is the 80th percentile of its characters' heights, a digit's where digits
# outnumber the Chinese characters (table 三), and a Chinese character is up to ~1.3 times
# as tall as a digit; two text lines joined span at least two Chinese characters, or a
# digit's line and a character's (~1.7).
_SPLIT_CHARACTER = 1.5


@dataclass(frozen=True, slots=True)
class Box:
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def width(self) -> int:
        return self.x1 - self.x0


@dataclass
class CellImage:
    box: Box
    row: int  # index of the table row the cell starts in
    col: int  # order of the cell within that row


@dataclass
class TableImage:
    box: Box
    cells: list[CellImage]  # reading order: row by row, left to right


def _open(mask: np.ndarray, width: int, height: int) -> np.ndarray:
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((height, width), np.uint8))


def ruling_lines(page: PageImage) -> np.ndarray:
    """Mask (255) of the page's horizontal and vertical ruling lines, joined at corners.

    Twice: a web page's double rules (border=1 with cell spacing) give each cell a frame
    of its own, so a rule is a row of segments as short as a narrow cell, cut where the
    vertical rules cross. The second pass looks for horizontal runs through the vertical
    rules found first (and the other way round), which makes them whole again. No
    closing of gaps in the ink itself: that joined the bars of adjacent digits ("88283")
    into runs as long as a line. Looked for in the faint ink (page_image.faint_ink): a
grey rule blurred or resampled is a row of short pieces in the page's ink; with the
    horizontal ridges of the grey (page_image.rule_ridges), where a blurred rule beside
    text fell under the faint ink's threshold."""
    g = max(page.glyph, 8.0)
    h_len, v_len = int(_H_KERNEL * g), int(_V_KERNEL * g)
    # Across the rules found first, as wide as a double rule's gap: a browser's default
    # cell spacing (2 CSS px, a glyph's eighth) parts the frames of two cells, and the
    # piece of one cell's frame in a narrow column (自然人) is shorter than the kernel.
    # Twice round: a one-line row's frames (a glyph and a padding high) are shorter than
    # the vertical kernel, found only through the rules above and below them; found, they
    # join the next cell's frame to its neighbours' in the second round.
    k = _thickening(page.glyph)
    across, down = np.ones((3, k), np.uint8), np.ones((k, 3), np.uint8)
    ink = faint_ink(page)
    ridged = ink | rule_ridges(page)
    vert = _open(ink, 1, v_len)
    for _ in range(2):
        horiz = _open(ridged | cv2.dilate(_double_rules_joined(vert), across), h_len, 1)
        vert = _open(ink | cv2.dilate(horiz, down), 1, v_len)
    if page.stamp is not None:
        horiz = _bridged(horiz, page.stamp, ink)
        vert = _bridged(vert.T, page.stamp.T, ink.T).T
    # Thickened to close the gap between a double rule's two lines.
    return cv2.dilate(horiz | vert, np.ones((k, k), np.uint8))


def _double_rules_joined(vert: np.ndarray) -> np.ndarray:
    """Vertical rules with the paper between the two lines of a double rule filled: two
    rules found side by side with at most _DOUBLE_GAP pixels between them. A double rule
    (two frames 1 CSS px thick, 2 CSS px apart) spans ~5 pixels at 120 dpi, its gap wider
    than the thickening across closes (a glyph's fifth, 3 pixels there), so a narrow
    column's row rules (总计 of four digits, shorter than the kernel) were not joined to
    their neighbours' and the column was lost. Only between two rules: widened beside a
    lone rule too (36911b6, reverted), the bridge took a digit beside it into the rule."""
    return cv2.morphologyEx(vert, cv2.MORPH_CLOSE, np.ones((1, _DOUBLE_GAP + 1), np.uint8))


def _thickening(glyph: float) -> int:
    """Pixels the ruling lines are thickened by (odd): a double rule's gap closed."""
    return max(3, int(max(glyph, 8.0) / 5) | 1)


def _bridged(lines: np.ndarray, stamp: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """Horizontal `lines` continued across a seal: a rule printed pale is lost under the
    seal's colour, but the rule goes on through it. A gap in a pixel row is filled only
    where the row's rule is found on both sides of it (collinear pieces of one rule), it
    reaches under the seal, and every pixel of it is under the seal or ink: the piece of
    rule between the seal's ring and a crossing rule is often shorter than the opening
    kernel, so it is not a line of its own, but it is ink. No line is drawn across paper,
    so a rule that ends at a spanning cell is not continued through it."""
    out = lines.copy()
    for y in np.flatnonzero(stamp.any(axis=1)):
        xs = np.flatnonzero(lines[y])
        if xs.size < 2:
            continue
        for i in np.flatnonzero(np.diff(xs) > 1):
            x0, x1 = xs[i] + 1, xs[i + 1]
            under = stamp[y, x0:x1]
            if under.any() and (under | (ink[y, x0:x1] > 0)).all():
                out[y, x0:x1] = 255
    return out


def _cells_in(lines: np.ndarray, box: Box, glyph: float) -> list[Box]:
    """The enclosed regions of one table's line mask, as boxes in page coordinates."""
    region = lines[box.y0:box.y1, box.x0:box.x1].copy()
    # Closed along the table's outline: a table continued from the page before has no
    # rule above its first row (nor below its last, before a page break), nor a tilted
    # scan's table its side where the page's edge cut it. As wide inside the box as the
    # lines' thickening: the box is set by the rule that reaches farthest, and a rule
    # ending a pixel or two short of it (blur, the straightening) left its two cells
    # joined round its end.
    k = _thickening(glyph)
    cv2.rectangle(region, (0, 0), (region.shape[1] - 1, region.shape[0] - 1), 255, 2 * k)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(255 - region, connectivity=4)
    border = set(np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0],
                                           labels[:, -1]])))
    cells = []
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if i in border or w < _MIN_CELL * glyph or h < _MIN_CELL * glyph:
            continue
        if area < _MIN_FILL * w * h:
            continue  # the channels between a double rule's two lines, not a cell
        cells.append(Box(box.x0 + x, box.y0 + y, box.x0 + x + w, box.y0 + y + h))
    return cells


def _rows(cells: list[Box], glyph: float) -> list[CellImage]:
    """Cells grouped by top edge (within a third of a glyph), each row left to right."""
    out: list[CellImage] = []
    tops: list[int] = []
    for cell in sorted(cells, key=lambda c: c.y0):
        if not tops or cell.y0 - tops[-1] > glyph / 3:
            tops.append(cell.y0)
        out.append(CellImage(cell, len(tops) - 1, 0))
    out.sort(key=lambda c: (c.row, c.box.x0))
    for i, c in enumerate(out):
        c.col = 0 if i == 0 or out[i - 1].row != c.row else out[i - 1].col + 1
    return out


def stops_short(table: TableImage, glyph: float) -> list[bool]:
    """For each of the table's cells, whether its box stops short of the grid line one of
    its edges lies on: the other cells' edges on that line (within a glyph) lie more than
    _CUT_SHORT pixels beyond it. A digit's piece or a bridge of ink taken into a ruling
    line cuts the cell's box there, and what was cut off is not in the box: a "1" beside
    a vertical rule at 120 dpi was joined into the rule, its box began past it and read as
    nothing. So does a rule bent by the straightening, thicker there, or a double rule's
    inner frame kept along one cell only (`cut_short` tells these apart). Cells spanning
    rows or columns share their edges' lines and are measured like any other."""
    return [bool(sides) for sides in _short_sides(table, glyph)]


def cut_short(table: TableImage, glyph: float, ink: np.ndarray) -> list[bool]:
    """For each of the table's cells, whether its box stops short of a grid line
    (`stops_short`) through what the cell printed: the page's `ink` in the strip between
    the edge and the line holds a glyph or part of one (`_cut_through`), not only a
    ruling line's ink. A box merely shorter than its column holds nothing there but the
    rule: what it reads is all the cell printed (150 dpi: most boxes short are so)."""
    return [any(_cut_through(ink, c.box, *side, glyph) for side in sides)
            for c, sides in zip(table.cells, _short_sides(table, glyph), strict=True)]


_Side = tuple[str, int, float, int]  # axis across the edge, edge, grid line, inward sign


def _short_sides(table: TableImage, glyph: float) -> list[list[_Side]]:
    """For each cell, the edges of its box that stop short of their grid line."""
    boxes = [c.box for c in table.cells]
    out = []
    for i, b in enumerate(boxes):
        others = [o for j, o in enumerate(boxes) if j != i]
        sides = []
        for side, edge, edges, inward in (
                ("x", b.x0, [o.x0 for o in others], +1), ("x", b.x1, [o.x1 for o in others], -1),
                ("y", b.y0, [o.y0 for o in others], +1), ("y", b.y1, [o.y1 for o in others], -1)):
            line = _short_of(edge, edges, glyph, inward)
            if line is not None:
                sides.append((side, edge, line, inward))
        out.append(sides)
    return out


def _short_of(edge: int, edges: list[int], glyph: float, inward: int) -> float | None:
    """The line the other cells' `edges` near `edge` draw, where `edge` lies inward of it
    by more than the tolerance; None where it does not."""
    near = [e for e in edges if abs(e - edge) <= glyph]
    if not near:
        return None
    line = float(np.median(near))
    return line if inward * (edge - line) > min(_CUT_SHORT, _STEM * glyph) else None


def _cut_through(ink: np.ndarray, box: Box, side: str, edge: int, line: float, inward: int,
                 glyph: float) -> bool:
    """Whether the strip between a box's `edge` and the grid `line` it stops short of
    holds a glyph or part of one, not only ruling lines. The strip is taken along the
    box's whole side and a pixel past its ends, and the thickening past the line outward
    (the whole rule, where the straightening bent it across the strip). Its ruling lines
    run the box's whole side and on past an end. Of the rest, a glyph's is a piece no
    longer along the edge than a character that the edge crosses (touching the box's ink
    beside it: a "9"'s foot under the edge), or that lies wholly in the strip, clear of
    the box's ends, with a stroke's ink at least (half a glyph of pixels: no speck; 011's
    "1" beside its rule: a glyph stands in its padding). Not a glyph: a double rule's
    inner frame (each cell's own in a web page's table), a thin line along the side to
    the box's corner or longer than a character, where the JPEG kept it."""
    t = ink if side == "y" else ink.T  # rows: across the edge; columns: along it
    b0, b1 = (box.x0, box.x1) if side == "y" else (box.y0, box.y1)
    a0, a1 = max(b0 - 1, 0), min(b1 + 1, t.shape[1])
    k = _thickening(glyph)
    if inward > 0:  # the line lies before the edge; `near`: the strip's row beside the box
        lo, hi = max(int(np.floor(line)) - k, 0), edge
        inner, near, inside = (int(np.floor(line)), edge), edge - 1, edge
    else:
        lo, hi = edge, min(int(np.ceil(line)) + k, t.shape[0])
        inner, near, inside = (edge, int(np.ceil(line))), edge, edge - 1
    strip = t[lo:hi, a0:a1] > 0
    if not strip[inner[0] - lo:inner[1] - lo].any():
        return False
    end = strip.shape[1] - 1
    # Ruling lines: pieces joined across a pixel's gap along the strip (a JPEG breaks a
    # hairline), over the box's whole side and on past an end.
    closed = cv2.dilate(strip.astype(np.uint8), np.ones((1, 3), np.uint8))
    n, joined = cv2.connectedComponents(closed, connectivity=8)
    rule = np.zeros(n, bool)
    for j in range(1, n):
        along = np.flatnonzero((joined == j).any(axis=0))
        rule[j] = along[0] <= 1 and along[-1] >= end - 1 and (along[0] == 0
                                                               or along[-1] == end)
    rest = strip & ~rule[joined]
    # The box's ink beside the edge, widened a pixel along it (8-connected to the strip's);
    # not past the box's ends, where the rule crossing the edge is.
    own = t[inside, a0:a1] > 0
    own[:b0 - a0], own[b1 - a0:] = False, False
    beside = cv2.dilate(own.astype(np.uint8)[None, :], np.ones((1, 3), np.uint8))[0] > 0
    # A piece the edge crosses, as scanned (a number's digits cut at their feet are
    # pieces apart); a piece wholly in the strip, joined across gaps as the rules are (a
    # frame's line broken by the JPEG is one line still, reaching the box's corner).
    raw = cv2.connectedComponents(rest.astype(np.uint8), connectivity=8)[1]
    whole = np.where(rest, joined, 0)
    tall = _SPLIT_CHARACTER * glyph  # longer along the edge than a character: a line
    for labels, crossed in ((raw, True), (whole, False)):
        for j in set(np.unique(labels[inner[0] - lo:inner[1] - lo])) - {0}:
            piece = labels == j
            along = np.flatnonzero(piece.any(axis=0))
            first, last = int(along[0]), int(along[-1])
            if last - first + 1 > tall:
                continue
            if crossed and (beside & piece[near - lo]).any():
                return True  # a glyph the edge crosses
            if not crossed and np.count_nonzero(piece) >= glyph / 2 and first > 1 \
                    and last < end - 1:
                return True  # a glyph wholly in the strip, clear of the box's ends
    return False


def find_tables(page: PageImage, lines: np.ndarray | None = None) -> list[TableImage]:
    """The page's ruled tables, top to bottom, each with its cells in reading order."""
    lines = ruling_lines(page) if lines is None else lines
    n, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    tables = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < 6 * page.glyph or h < page.glyph:
            continue  # an underline or a rule between paragraphs, not a table
        box = Box(x, y, x + w, y + h)
        cells = _rows(_cells_in(lines, box, page.glyph), page.glyph)
        if len(cells) >= _MIN_TABLE_CELLS:
            tables.append(TableImage(box, cells))
    return sorted(tables, key=lambda t: t.box.y0)


def text_ink(ink: np.ndarray, lines: np.ndarray, glyph: float) -> np.ndarray:
    """The characters' ink: the page's ink off the ruling lines' mask, and off the slivers
    of a vertical rule left just beside the mask (the pale outer line of a double rule,
    the JPEG's ringing): at most _SLIVER_WIDE pixels wide, shorter than half a glyph (no
    digit is), touching the mask. Beside a digit in its cell, one was read as a "1" ("7"
    read "71" at confidence 0.99 on a page printed grey on grey)."""
    out = ink & ~lines
    beside = cv2.dilate(lines, np.ones((1, 3), np.uint8)) > 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(out, connectivity=8)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w > _SLIVER_WIDE or h >= glyph / 2:
            continue
        box = (slice(y, y + h), slice(x, x + w))
        piece = labels[box] == i
        if beside[box][piece].any():
            out[box][piece] = 0
    return out


def text_bands(ink: np.ndarray, glyph: float) -> list[tuple[int, int]]:
    """(top, bottom) of each band of ink in a crop's horizontal projection: its text lines.

    A band thinner than a third of a glyph is noise or a stray stroke, unless it sits
    within a quarter glyph of its neighbour (the dot of a decimal, a split character: 三's
    strokes, a speck beside a line). Two pieces of a glyph's height or more are joined
    only while no taller than one character (_SPLIT_CHARACTER): a label wrapped in a
    column narrower than the template's (a portrait table on a landscape page) is set
    with less than a quarter glyph between its lines, and joined on the gap alone its six
    lines were read as two, garbled ("5.属病"). A thin piece (under half a glyph: a
    stroke, a speck) is joined to its neighbour as ever: to the line before it, unless it
    is the top of the next line's character (the next piece is as near, and the two make
    one character)."""
    rows = np.flatnonzero(ink.sum(axis=1) > 0)
    if rows.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) > max(1, glyph / 8))
    starts = np.concatenate([[rows[0]], rows[breaks + 1]])
    ends = np.concatenate([rows[breaks], [rows[-1]]]) + 1
    pieces = [(int(t), int(b)) for t, b in zip(starts, ends, strict=True)]
    near, tall = glyph / 4, _SPLIT_CHARACTER * glyph
    bands: list[list[int]] = []
    for i, (top, bottom) in enumerate(pieces):
        if bands and top - bands[-1][1] < near and (
                bottom - bands[-1][0] <= tall or bands[-1][1] - bands[-1][0] < glyph / 2
                or (bottom - top < glyph / 2 and not _leads(pieces, i, near, tall))):
            bands[-1][1] = bottom  # a split character, not a new line
        else:
            bands.append([top, bottom])
    return [(t, b) for t, b in bands if b - t >= glyph / 3]


def _leads(pieces: list[tuple[int, int]], i: int, near: float, tall: float) -> bool:
    """Whether piece `i` and the next piece are near enough and short enough together to
    be one character's pieces (三's top stroke over the rest of it)."""
    if i + 1 >= len(pieces):
        return False
    (top, bottom), (top2, bottom2) = pieces[i], pieces[i + 1]
    return top2 - bottom < near and bottom2 - top <= tall
