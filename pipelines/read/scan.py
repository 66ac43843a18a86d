"""One page image read by OCR: its ruled tables cell by cell, and (if asked) its prose.

Only what the recogniser needs is read, because OCR is the slow part: every cell of
every ruled table, and the first `prose_lines` lines of text outside the tables (the
title, for the agency and year). A page without a ruled table costs the line search
only (~0.1 s). Each cell's ref gives the page, the table, its grid position and its box
in the straightened page image's pixels; its confidence is the lowest of its lines'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cv2
import numpy as np

from pipelines.document import SURE, TextCell
from pipelines.read import glyph_match, ocr
from pipelines.read.page_image import PageImage, prepare, second_page
from pipelines.read.specks import recogniser_page
from pipelines.read.table_image import (
    Box,
    TableImage,
    cut_short,
    find_tables,
    ruling_lines,
    stops_short,
    text_bands,
)
from pipelines.read.table_image import text_ink as characters
from pipelines.textnorm import HAN, HAN_CHAR, UNIT

_MIN_GLYPH = 7  # pixels: smaller characters are not legible to the recogniser
# Glyph heights of white around each line crop: tight, as the detector PaddleOCR was
# trained with crops; 0.3 made a thin "0" read with confidence 0.5-0.9, 0.1 with 0.95+.
_PAD = 0.1
_PAD_X = 0.3  # more at the sides: a leading 一 at the crop's edge was dropped at 100 dpi
_CHUNK = 6.0  # glyph heights: the widest piece of a line read at once
_LINE_GAP = 0.5  # glyph heights between the lines of a cell put side by side


# Letters the recogniser gives for digits in a cell that holds nothing else ("o" for a
# thin 0); the reading is kept only if an identity confirms it (confidence capped).
# "D" and "Q" are its readings of a zero too small and soft for its shape to be sure
# (grey print of 16-pixel glyphs from a 72-dpi scan): a ring with a heavier side, or
# with a mark at its foot (bench/RESULTS.md, "OCR: low resolution, blur and CSS tables
# scanned"). Never another digit there; "G" (a 0 or a 6) and "B" are not mapped.
_DIGIT_LIKE = str.maketrans({"o": "0", "O": "0", "〇": "0", "D": "0", "Q": "0",
                             "l": "1", "I": "1", "|": "1"})
_DIGITS_OR_LIKE = re.compile(r"[.,·'`]?([0-9oO〇DQlI|]*[oO〇DQlI|][0-9oO〇DQlI|]*)[.,·'`]?")
# A dash the recogniser gives for 一 ("one") between Chinese characters ("三安全—稳定").
_DASH_FOR_ONE = re.compile(rf"(?<=[{HAN}“”\n])[—－─-](?![\d—－─-])"
                           rf"|(?<![\d—－─-])[—－─-](?=[{HAN}“”])")
_LIKE_CONFIDENCE = 0.5
# A number read without a decimal point where the recogniser gave one at least this
# probability between its digits (ocr.Reading.point) is kept only if an identity confirms
# it (confidence capped): blur merges a point into its digits and the recogniser, sure of
# the digits, drops it, at confidence 0.84-0.95, on pages under the blur gate (_BLURRED).
# Measured (bench/RESULTS.md, "blurred amounts lose their decimal point"): the points
# lost at σ 1.4-1.8 gave 0.0046-0.094; every other reading of digits without a point on
# 004-seed's pages, sharp or blurred, at most 0.0007, on the registered scans at most
# 0.0019. Above it also: blurred small print (001, 011; up to 0.2, right and wrong
# readings alike) and a speck between two digits, which an identity must confirm.
_LOST_POINT = 0.002
_POINT = re.compile(r"[.．]")
# A number read with at least this probability of a digit at a step the recogniser read
# as nothing, away from the digits it read (ocr.Reading.lost), is kept only if an identity
# confirms it (confidence capped): blur merges two digits' ink and the recogniser drops
# one, sure of the rest ("447228" read "47228" at 0.986, the lost "4" 0.35, on a page
# under the blur gate, _BLURRED; bench/RESULTS.md, "a digit lost to blur").
_LOST_DIGIT = 0.05
# A table cell read with less confidence than SURE (document.py: where a reading starts
# to be doubted), or under a seal, is read a second time from another grey
# (_second_readings).
_NUMBER_READ = re.compile(r"[0-9.,]+")  # a number's reading, read twice when doubted
# Numbers on lines side by side (_one_line) read with a space between, or none: "45 2314"
# is 452314 to read_printed, which drops spaces (a thousands separator, a page's padding).
_NUMBERS_READ = re.compile(r"[0-9.,]+(?:\s+[0-9.,]+)*")
# A minus sign is a short bar (at least twice as wide as it is high, at most this share
# of a glyph high) beside the number's first digit, at the digits' mid-height.
_BAR_HEIGHT = 0.2
# A bar blurred into its digit (_leads_with_bar): at most this share of a glyph high, at
# least _BAR_RUN of a glyph long.
_BLURRED_BAR, _BAR_RUN = 0.3, 0.25
# A page blurred over more than this share of a glyph (`blur_share`): the recogniser's
# confidence, measured on sharp pages (document.SURE), no longer tells a right reading from
# a wrong one ("396" read "796" at 0.9+ under a blur of σ 2 on 21-pixel glyphs, 0.11),
# so every number on it is kept only if an identity confirms it. The registered scans
# measure at most 0.09 (001's small print at 72 dpi), a blur of σ 1.2 0.04-0.10.
_BLURRED = 0.1
# A page the recogniser read poorly: at least this many of its table numbers, and this
# share of them, read with less confidence than SURE (after the caps above; a seal's
# cells not counted). Its sure readings need a holding identity where one checks them
# (TextCell.poor_page). Measured
# (bench/RESULTS.md, "revalued numbers scanned, the other kinds"): sharp scans' pages at
# most 3 (3%) doubted; 006 at σ 1.6, whose "6" was read "5" at full confidence, 11 of 154
# (7%); 72-dpi pages of small grey print 7-20 (21-26%).
_POOR_DOUBTED, _POOR_SHARE = 5, 0.05
_MIN_EDGE_PIXELS = 100
# A row of ink across more than this share of a cell, between its lines: a rule's trace.
_RULE_SHARE = 0.5
# Two digits running: a number, which a label's sharpened reading may not bring in (an
# item number has one digit; _sharpened_label).
_DIGIT_RUN = re.compile(r"[0-9][0-9.,]*[0-9]")
# A number with its unit ("251000元"): a value, never a label (_second_readings).
_NUMBER_WITH_UNIT = re.compile(rf"[-+]?[0-9][0-9.,]*\s*(?:{UNIT})")
# One closing quote read as two ("稳定”"").
_QUOTE_RUN = re.compile(r"[“”\"'‘’]{2,}")


class UnreadableImage(ValueError):
    """A page image with nothing the reader can use; the message says why."""


@dataclass
class PageReading:
    """A page's printed rows in reading order (prose lines are one-cell rows)."""

    rows: list[list[TextCell]] = field(default_factory=list)
    tables: int = 0

    @property
    def text(self) -> str:
        return "\n".join(" ".join(c.text for c in row) for row in self.rows)


@dataclass
class _Crops:
    """Line images waiting for the recogniser, and which text slot each one fills."""

    images: list[np.ndarray] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    # slots whose lines are parted by a trace of a ruling line (_ruled_between), or go
    # below a row edge of their table (_straddling)
    stacked: set[int] = field(default_factory=set)


def _chunks(ink: np.ndarray, glyph: float) -> list[tuple[int, int]]:
    """A line's ink cut at gaps between characters into pieces at most _CHUNK glyphs
    wide: the recogniser's cost grows faster than a crop's width (attention)."""
    cols = np.flatnonzero(ink.sum(axis=0))
    if cols.size == 0:
        return []
    limit = _CHUNK * glyph
    gaps = np.flatnonzero(np.diff(cols) > 1)  # index before each blank run
    pieces, start = [], int(cols[0])
    last_gap = None
    for g in gaps:
        end = int(cols[g]) + 1
        if end - start > limit and last_gap is not None:
            pieces.append((start, last_gap[0]))
            start = last_gap[1]
        last_gap = (end, int(cols[g + 1]))
    end = int(cols[-1]) + 1
    if end - start > limit and last_gap is not None and last_gap[0] > start:
        pieces.append((start, last_gap[0]))
        start = last_gap[1]
    pieces.append((start, end))
    return pieces


def _one_line(page: PageImage, clean: np.ndarray, inner: np.ndarray,
              box: Box) -> tuple[np.ndarray, np.ndarray] | None:
    """A box's text lines side by side as one line (grey image, ink mask).

    A label wrapped in a narrow column ("3.危及" / "“三" / "安全") is one phrase: read as
    one line the recogniser has its context, where alone "三" was read as "="."""
    g = page.glyph
    bands = text_bands(inner, g)
    if not bands:
        return None
    height = max(b - t for t, b in bands)
    gap = max(2, int(_LINE_GAP * g))
    greys, inks = [], []
    for top, bottom in bands:
        cols = np.flatnonzero(inner[top:bottom].sum(axis=0))
        c0, c1 = int(cols[0]), int(cols[-1]) + 1
        grey = np.full((height, c1 - c0 + gap), 255, np.uint8)
        ink = np.zeros_like(grey)
        off = (height - (bottom - top)) // 2
        grey[off:off + bottom - top, :c1 - c0] = clean[box.y0 + top:box.y0 + bottom,
                                                       box.x0 + c0:box.x0 + c1]
        ink[off:off + bottom - top, :c1 - c0] = inner[top:bottom, c0:c1]
        greys.append(grey)
        inks.append(ink)
    return np.hstack(greys)[:, :-gap], np.hstack(inks)[:, :-gap]


def _line_crops(page: PageImage, clean: np.ndarray, text_ink: np.ndarray, box: Box,
                owner: int, crops: _Crops) -> None:
    """Queue the text inside `box` for recognition, as slot `owner`."""
    inner = text_ink[box.y0:box.y1, box.x0:box.x1]
    line = _one_line(page, clean, inner, box)
    if line is None:
        return
    if _ruled_between(inner, text_bands(inner, page.glyph)):
        crops.stacked.add(owner)
    grey, ink = line
    pad, pad_x = max(1, int(_PAD * page.glyph)), max(1, int(_PAD_X * page.glyph))
    for c0, c1 in _chunks(ink, page.glyph):
        crop = np.full((grey.shape[0] + 2 * pad, c1 - c0 + 2 * pad_x), 255, np.uint8)
        crop[pad:pad + grey.shape[0], pad_x:pad_x + c1 - c0] = grey[:, c0:c1]
        crops.images.append(crop)
        crops.owners.append(owner)


def _prose_boxes(page: PageImage, text_ink: np.ndarray, tables: list[TableImage],
                 limit: int) -> list[Box]:
    """The first `limit` text lines outside the tables, as full-width bands."""
    outside = text_ink.copy()
    for t in tables:
        outside[t.box.y0:t.box.y1, t.box.x0:t.box.x1] = 0
    width = outside.shape[1]
    bands = text_bands(outside, page.glyph)[:limit]
    return [Box(0, top, width, bottom) for top, bottom in bands]


def _check_legible(page: PageImage) -> None:
    if not page.ink.any():
        raise UnreadableImage("the image is blank")
    if page.glyph == 0:
        raise UnreadableImage("no characters were found in the image")
    if page.glyph < _MIN_GLYPH:
        raise UnreadableImage(f"the characters are too small to read ({page.glyph:.0f} px "
                              f"high; at least {_MIN_GLYPH} px are needed)")


@dataclass
class PageLayout:
    """A straightened page with its ruling lines and tables found, before any OCR."""

    page: PageImage
    lines: np.ndarray
    tables: list[TableImage]


def layout(pixels: np.ndarray) -> PageLayout:
    """The cheap first pass: straighten, find the ruled tables; raises UnreadableImage."""
    page = prepare(pixels)
    _check_legible(page)
    lines = ruling_lines(page)
    return PageLayout(page, lines, find_tables(page, lines))


def _where(box: Box, scale: float) -> str:
    return ",".join(str(round(v * scale)) for v in (box.x0, box.y0, box.x1, box.y1))


def read_page(found: PageLayout, page_no: int, prose_lines: int = 0,
              scale: float = 1.0) -> PageReading:
    """A page's tables (and first prose lines) read by OCR. Boxes in refs are the
    straightened page's pixels times `scale` (PDF pages: points)."""
    page, lines, tables = found.page, found.lines, found.tables
    text_ink = characters(page.ink, lines, page.glyph)
    clean = recogniser_page(page, text_ink, lines)
    slots: list[tuple[float, int, Box, str, int | None]] = []  # (y, order, box, ref, row)
    short: set[int] = set()  # slots whose box stops short (table_image.stops_short)
    cut: set[int] = set()  # of those, the boxes cut through a glyph (table_image.cut_short)
    for t_no, table in enumerate(tables, start=1):
        for cell, stops, through in zip(table.cells, stops_short(table, page.glyph),
                                        cut_short(table, page.glyph, page.ink), strict=True):
            if stops:
                short.add(len(slots))
            if through:
                cut.add(len(slots))
            b = cell.box
            ref = (f"page {page_no} table {t_no} row {cell.row + 1} cell {cell.col + 1} "
                   f"box {_where(b, scale)}")
            slots.append((table.box.y0, t_no, b, ref, cell.row))
    prose = _prose_boxes(page, text_ink, tables, prose_lines) if prose_lines else []
    for l_no, b in enumerate(prose, start=1):
        slots.append((b.y0, 0, b, f"page {page_no} line {l_no} box {_where(b, scale)}", None))
    crops = _Crops()
    for k, (_, _, box, _, _) in enumerate(slots):
        _line_crops(page, clean, text_ink, box, k, crops)
    crops.stacked |= _straddling(slots, tables, text_ink, page.glyph)
    readings = ocr.read_lines(crops.images)
    sealed = [_under_seal(page, text_ink, b) for _, _, b, _, _ in slots]
    texts, confidence = _texts(len(slots), crops, readings, sealed)
    _zeros_matched(text_ink, slots, texts, confidence, sealed)
    _doubt_lost_signs(page.glyph, text_ink, slots, texts, confidence)
    _doubt_stacked_numbers(slots, crops.stacked, texts, confidence)
    # Last of the doubts: _zeros_matched would make a "0" left of a cut "10" sure again.
    _doubt_cut_short(short, cut, confidence)
    blur = blur_share(page.grey, text_ink, page.glyph)
    blurred = blur > _BLURRED
    if blurred:
        confidence = [None if c is None else min(c, _LIKE_CONFIDENCE) for c in confidence]
    others = _second_readings(found, slots, texts, confidence,
                              blur * page.glyph if blurred else 0.0)
    return _assemble(slots, texts, confidence, others, len(tables),
                     _poorly_read(slots, texts, confidence, sealed, short))


def _doubt_cut_short(short: set[int], cut: set[int], confidence: list[float | None]) -> None:
    """A table cell whose box stops short of its grid line (table_image.stops_short) and
    holds no ink is no proof of the agency's blank: what it printed may lie in the part
    cut off (011's "1" taken into a vertical rule at 120 dpi). It is given a confidence
    with no text, as a box of ink read as nothing is. One that reads something is doubted
    only where the edge cut through a glyph (table_image.cut_short): it may be a number's
    part (a "10" cut to its "0"), and its confidence is capped below what a number no
    identity confirms needs (_LIKE_CONFIDENCE); a box merely shorter than its column, the
    strip beyond it holding only its rule, is read as it reads (most at 150 dpi). Either
    way the recogniser publishes a doubted cell only where an identity holds with it, else
    nulls and flags it (recognise/proofread.py); a doubted number is read a second time."""
    for k in short:
        if confidence[k] is None:
            confidence[k] = 0.0
    for k in cut:
        if confidence[k] is not None:
            confidence[k] = min(confidence[k], _LIKE_CONFIDENCE)


def _poorly_read(slots: list, texts: list[str], confidence: list[float | None],
                 sealed: list[bool], short: set[int] = frozenset()) -> bool:
    """Whether the recogniser doubted many of the page's table numbers (_POOR_DOUBTED).
    A box whose ink it read as nothing (a confidence, no text) counts as doubted: a noisy
    rotated page (200 dpi, turned 1.5°, noise 12) read 011's "63" as "53" at full confidence
    with only two numbers below SURE, and a score of inked boxes read as nothing.
    Not counted: the cells under a seal, doubted by the reader whatever was read there,
    nor the boxes stopping short (_doubt_cut_short): the table's lines, not the reading."""
    inked = [k for k in range(len(slots)) if slots[k][4] is not None and not sealed[k]
             and confidence[k] is not None and k not in short]
    read = [confidence[k] for k in inked if _NUMBER_READ.fullmatch(texts[k].strip())]
    nothing = sum(not texts[k].strip() for k in inked)
    doubted = sum(c < SURE for c in read) + nothing
    return doubted >= _POOR_DOUBTED and doubted >= _POOR_SHARE * (len(read) + nothing)


def _zeros_matched(text_ink: np.ndarray, slots: list, texts: list[str],
                   confidence: list[float | None], sealed: list[bool]) -> None:
    """A table cell read "0" with doubt (a lone ring read as the letter "o"), or read as
    one letter or Chinese character (a zero of small print at 72 dpi read 白, G or E:
    no count prints one), whose ink is one of the zeros the page printed in numbers read
    with confidence: a zero, as sure as those (glyph_match)."""
    def ink(k: int) -> np.ndarray:
        box = slots[k][2]
        return text_ink[box.y0:box.y1, box.x0:box.x1]

    table = [k for k in range(len(slots)) if slots[k][4] is not None
             and confidence[k] is not None and not sealed[k]]
    doubted = [k for k in table if (texts[k] == "0" and confidence[k] < SURE)
               or (len(texts[k]) == 1 and texts[k].isalpha())]
    if not doubted:
        return
    zeros = [z for k in table if confidence[k] >= SURE
             for z in glyph_match.zeros_of(texts[k], ink(k))]
    for k in doubted:
        if zeros and glyph_match.is_zero(ink(k), zeros):
            texts[k], confidence[k] = "0", SURE


def blur_share(grey: np.ndarray, text_ink: np.ndarray, glyph: float) -> float:
    """How far the characters' edges are blurred, as a share of a glyph's height: the
    σ of a Gaussian blur that gives a step as high as the print's contrast (paper to
    darkest ink) the steepest slope seen at the characters' edges (σ = contrast /
    (slope·√(2π))). 0 when there is too little ink to tell."""
    near = cv2.dilate(text_ink, np.ones((5, 5), np.uint8)) > 0
    if np.count_nonzero(near) < _MIN_EDGE_PIXELS or glyph <= 0:
        return 0.0
    grey = grey.astype(np.float32)
    slope = np.hypot(cv2.Sobel(grey, cv2.CV_32F, 1, 0),
                     cv2.Sobel(grey, cv2.CV_32F, 0, 1))[near] / 8.0  # Sobel's weight
    steepest = float(np.percentile(slope, 95))
    contrast = float(np.percentile(grey, 90) - np.percentile(grey[text_ink > 0], 5))
    if steepest <= 0:
        return 0.0
    return contrast / (steepest * np.sqrt(2 * np.pi)) / glyph


def _doubt_lost_signs(glyph: float, text_ink: np.ndarray, slots: list, texts: list[str],
                      confidence: list[float | None]) -> None:
    """A number read without a sign where the cell's ink starts with a minus sign's bar:
    its confidence capped, so it is kept only if an identity confirms it. The recogniser
    drops a faint leading "-" (grey print on grey paper) and is still sure of the digits
    ("-18" read "18", confidence 1.0); in table 二's 本年增/减 no identity checks the sign.
    Or where a bar stands on a line of its own (a page's `-<br>18`): a line that thin is
    no text line (table_image.text_bands), so the recogniser never sees it."""
    for k, (_, _, box, _, row) in enumerate(slots):
        if row is None or confidence[k] is None or not _NUMBER_READ.fullmatch(texts[k]):
            continue
        ink = text_ink[box.y0:box.y1, box.x0:box.x1]
        if _starts_with_bar(ink, glyph) or _bar_apart(ink, glyph) or _leads_with_bar(ink, glyph):
            confidence[k] = min(confidence[k], _LIKE_CONFIDENCE)


def _bar_apart(ink: np.ndarray, glyph: float) -> bool:
    """Whether a piece of ink outside the cell's text lines is a minus sign's bar: flat
    (at least twice as wide as high, at most _BAR_HEIGHT of a glyph high), a quarter to
    one glyph wide (a rule's trace is wider, a speck narrower)."""
    bands = text_bands(ink, glyph)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    for i in range(1, n):
        _, y, w, h, _ = stats[i]
        if any(t <= y and y + h <= b for t, b in bands):
            continue
        if h <= _BAR_HEIGHT * glyph and w >= 2 * h and glyph / 4 <= w <= glyph:
            return True
    return False


def _leads_with_bar(ink: np.ndarray, glyph: float) -> bool:
    """Whether the cell's ink starts with a minus sign's bar blurred into the first digit
    (one piece of ink, which _starts_with_bar cannot part): a run of its leftmost columns
    each at most _BLURRED_BAR of a glyph high, at least _BAR_RUN of a glyph wide, level
    with the ink's middle. Blurred σ 1.6, "-44" read "44" at 0.91 in table 二, where no
    identity checks the sign (bench/RESULTS.md, "revalued numbers scanned"): the bars of
    -44 and -6 ran 0.42 and 0.29 of a glyph; a digit's own lead (4's crossbar) 0.17."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return False
    top, height = int(rows[0]), int(rows[-1]) + 1 - int(rows[0])
    middles = []
    for x in range(int(np.flatnonzero(ink.any(axis=0))[0]), ink.shape[1]):
        ys = np.flatnonzero(ink[:, x])
        if ys.size == 0 or ys[-1] - ys[0] + 1 > _BLURRED_BAR * glyph:
            break
        middles.append((ys[0] + ys[-1]) / 2)
    return (len(middles) >= _BAR_RUN * glyph
            and 0.4 <= (np.mean(middles) - top) / height <= 0.75)


def _ruled_between(inner: np.ndarray, bands: list[tuple[int, int]]) -> bool:
    """Whether a cell's text lines are parted by a row of ink across most of the cell:
    the trace of a ruling line not found (a double rule's piece shorter than the line
    kernel), so the cell is two cells, one above the other. A number a page wraps with
    `<br>` has paper between its lines."""
    if len(bands) < 2:
        return False
    gap = inner[bands[0][1]:bands[-1][0]]
    rows = [r for r in range(gap.shape[0])
            if not any(t <= bands[0][1] + r < b for t, b in bands)]
    return any(np.count_nonzero(gap[r]) > _RULE_SHARE * inner.shape[1] for r in rows)


def _straddling(slots: list, tables: list[TableImage], text_ink: np.ndarray,
                glyph: float) -> set[int]:
    """The table cells with a text line below a row edge of their table inside the cell:
    a cell that spans rows where its neighbours do not is two cells whose rule between
    was lost (blurred, too faint for the line kernels), and its lines are another row's.
    Blurred σ 1.6, table 三's last 其他 row's total "45" over the 总计 row's "2314" in one
    region, read "45 2314" with full confidence and published as 452314; at 72 dpi, a
    row's blank total over the next row's "1" read as its total, 1 (bench/RESULTS.md,
    "revalued numbers scanned")."""
    edges = {t_no: sorted({c.box.y0 for c in t.cells}) for t_no, t in enumerate(tables, 1)}
    out = set()
    for k, (_, t_no, box, _, row) in enumerate(slots):
        # a row is at least a glyph high: an edge nearer the box's own is its row's own
        # (neighbours' boxes start a pixel or two apart)
        inside = [y - box.y0 for y in edges.get(t_no, ())
                  if box.y0 + glyph / 2 < y < box.y1 - glyph / 2]
        if row is None or not inside:
            continue
        bands = text_bands(text_ink[box.y0:box.y1, box.x0:box.x1], glyph)
        if any(b > inside[0] + glyph / 4 for _, b in bands):
            out.add(k)
    return out


def _doubt_stacked_numbers(slots: list, stacked: set[int], texts: list[str],
                           confidence: list[float | None]) -> None:
    """A table cell holding lines of digits parted by a ruling line's trace, read as one
    number: its confidence capped, so it is kept only if an identity confirms it. Such a
    cell is two cells whose rule between was not found: "0" over "7" read "07" with full
    confidence; or "45" over "2314" read "45 2314" (_NUMBERS_READ)."""
    for k in stacked:
        if (slots[k][4] is not None and confidence[k] is not None
                and _NUMBERS_READ.fullmatch(texts[k])):
            confidence[k] = min(confidence[k], _LIKE_CONFIDENCE)


def _starts_with_bar(ink: np.ndarray, glyph: float) -> bool:
    """Whether the leftmost piece of ink in a cell is a minus sign's bar: short and flat,
    within a glyph of the next piece and level with its middle."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    pieces = sorted((tuple(stats[i, :4]) for i in range(1, n)), key=lambda p: p[0])
    if len(pieces) < 2:
        return False
    (x, y, w, h), (x2, y2, _, h2) = pieces[0], pieces[1]
    middle = y + h / 2
    return (h <= _BAR_HEIGHT * glyph and w >= 2 * h and w <= glyph
            and 0 <= x2 - (x + w) <= glyph and y2 + 0.25 * h2 <= middle <= y2 + 0.75 * h2)


def _doubted(text: str, confidence: float | None) -> bool:
    """Whether a table cell's first reading is a doubted number (low confidence, or
    under a seal) or no number at all where no label was read either (a speck read as
    punctuation, faint print under a seal read as nothing)."""
    if _NUMBER_READ.fullmatch(text):
        return confidence is not None and confidence < SURE
    # a label holds Chinese; a value cell read as none ("", "8.", ":0", "」") is read twice
    return HAN_CHAR.search(text) is None and len(text) <= 2


def _second_readings(found: PageLayout, slots: list, texts: list[str],
                     confidence: list[float | None], blur: float = 0.0) -> list[tuple[str, ...]]:
    """For each table cell read with doubt (or under a seal), what a second reading
    from page_image.second_page gives when it differs from the first: a reading the
    seal's strokes or a speck spoilt may come out right once the grey under the seal is
    stretched or the specks are filtered. Only the identities choose between the two
    (pipelines/recognise/proofread.py); nothing is taken from this reading otherwise.
    On a page out of focus (`blur` > 0) its label cells (Chinese, and not a number with
    its unit: "251000元") are read from the sharpened page too, in the same
    recogniser pass, and that reading replaces theirs (_sharpened_label)."""
    out: list[tuple[str, ...]] = [()] * len(slots)
    doubtful = [k for k in range(len(slots))
                if slots[k][4] is not None and _doubted(texts[k], confidence[k])]
    labels = [k for k in range(len(slots))
              if blur > 0 and slots[k][4] is not None and HAN_CHAR.search(texts[k])
              and not _NUMBER_WITH_UNIT.fullmatch(texts[k])]
    if not doubtful and not labels:
        return out
    # Out of focus (`blur`, in pixels): every number is doubted (read_page), and read
    # again from the page sharpened; one more recogniser pass over the page's numbers.
    second = second_page(found.page, blur)
    ink = characters(second.ink, found.lines, second.glyph)
    clean = recogniser_page(second, ink, found.lines)
    crops = _Crops()
    for k in doubtful + labels:
        _line_crops(second, clean, ink, slots[k][2], k, crops)
    again: dict[int, str] = {}
    for owner, reading in zip(crops.owners, ocr.read_lines(crops.images), strict=True):
        again[owner] = again.get(owner, "") + _as_digits(reading)[0]
    for k in labels:
        _sharpened_label(k, again.get(k, ""), texts)
    for k in doubtful:
        text = again.get(k, "")
        if text and text != texts[k]:
            out[k] = (text,)
    return out


def _sharpened_label(k: int, text: str, texts: list[str]) -> None:
    """A label cell of a page out of focus takes its reading from the sharpened page
    (page_image.second_page) when that is a label too (holds Chinese). Blurred glyphs of
    14-16 pixels lose the strokes that tell characters apart, and a row's item number
    first (011's σ 1.6 `2发中话` for 2.重复申请, sharpened `2里复申请`), so the row was
    matched to none. A label only anchors its row, by the same rules whatever grey it was
    read from (ocr_labels.py, misprints.py); the numbers keep their first reading, the
    sharpened one only a second opinion the identities choose (proofread.py). A sharpened
    reading with two digits running is not taken: no number comes from this reading."""
    if HAN_CHAR.search(text) and not _DIGIT_RUN.search(text):
        texts[k] = text


def _under_seal(page: PageImage, text_ink: np.ndarray, box: Box) -> bool:
    """Whether a seal was over the characters of the cell `box` (not just its corner)."""
    if page.stamp is None:
        return False
    ys, xs = np.nonzero(text_ink[box.y0:box.y1, box.x0:box.x1])
    if ys.size == 0:
        return False
    return bool(page.stamp[box.y0 + ys.min():box.y0 + ys.max() + 1,
                           box.x0 + xs.min():box.x0 + xs.max() + 1].any())


def _as_digits(reading: ocr.Reading) -> tuple[str, float]:
    """A reading of digit-like letters as digits, with a confidence that needs confirming;
    in text, a dash touching a Chinese character as 一, and a run of quotes as one. Digits
    read without the decimal point the recogniser half saw between them (_LOST_POINT):
    a confidence that needs confirming too; and numbers read with a digit the recogniser
    half saw and dropped (_LOST_DIGIT)."""
    confidence = reading.confidence
    if reading.point >= _LOST_POINT and not _POINT.search(reading.text):
        confidence = min(confidence, _LIKE_CONFIDENCE)
    if reading.lost >= _LOST_DIGIT and (_NUMBERS_READ.fullmatch(reading.text)
                                        or _NUMBER_WITH_UNIT.fullmatch(reading.text)):
        confidence = min(confidence, _LIKE_CONFIDENCE)
    like = _DIGITS_OR_LIKE.fullmatch(reading.text)
    if like:
        return like.group(1).translate(_DIGIT_LIKE), min(confidence, _LIKE_CONFIDENCE)
    text = _QUOTE_RUN.sub(lambda m: m.group()[0], _DASH_FOR_ONE.sub("一", reading.text))
    return text, confidence


def _texts(n: int, crops: _Crops, readings: list[ocr.Reading],
           sealed: list[bool]) -> tuple[list[str], list[float | None]]:
    """Each slot's text (its crops' readings joined) and confidence (their lowest)."""
    texts = [""] * n
    confidence: list[float | None] = [None] * n
    for owner, reading in zip(crops.owners, readings, strict=True):
        text, conf = _as_digits(reading)
        texts[owner] += text
        prior = confidence[owner]
        confidence[owner] = conf if prior is None else min(prior, conf)
    for k, under in enumerate(sealed):
        if under and confidence[k] is not None:
            # A seal's stroke across a digit can make another digit of it ("258" read
            # "238") with full confidence: kept only if an identity confirms it.
            confidence[k] = min(confidence[k], _LIKE_CONFIDENCE)
    return texts, confidence


def _assemble(slots: list, texts: list[str], confidence: list[float | None],
              others: list[tuple[str, ...]], n_tables: int, poor: bool = False
              ) -> PageReading:
    order = sorted(range(len(slots)), key=lambda k: (slots[k][0], slots[k][1]))
    out = PageReading(tables=n_tables)
    last_key = None
    for k in order:
        _, t_no, _, ref, row = slots[k]
        cell = TextCell(texts[k], ref, None, confidence[k], others[k],
                        poor_page=poor and confidence[k] is not None)
        key = (t_no, row) if row is not None else ("line", k)
        if key != last_key:
            out.rows.append([])
            last_key = key
        out.rows[-1].append(cell)
    return out
