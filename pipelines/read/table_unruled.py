"""Tables without ruling lines in a page image: structure from the recognised text boxes.

Used only when a page holds no ruled table (pipelines/read/table_image.py finds those).
The text boxes are the blobs of ink left after joining a word's characters (a closing
narrower than the gap between two columns); each box is recognised once. Rows are the
boxes chained left to right by their y-centres (within 0.4 glyph heights). Columns
come from the header: the lines without a number above the rows of numbers, read bottom
up, each box that no box below it overlaps in x giving a column (a parent spanning its
children gives none, nor a title of the page with prose under it). Each number goes to
the column whose centre is nearest.

A table printed a row a line is read first, each row of numbers with the label on its
line. Failing that, the labels may wrap over lines beside their numbers (a Word table
without borders): each row is then anchored by its line of numbers, and the label lines
around it are given to rows by table_wrapped.py (by their x-overlap, the value lines next
to them and the statutory template's labels they spell; a label beside no line of
numbers is a blank row's). The structure is unsure, and the page is not read (None: its
tables are then reported missing, never guessed), when a label's row is not unique,
when a number is not clearly nearer one column than the next, when two numbers of a row
fall in one column, when a header column holds no value (unless every cell of the
header spells a column of one statutory table: then the header proves its columns and
that one is blank), or when a column's values are not aligned.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import cv2
import numpy as np

from pipelines.document import TextCell
from pipelines.read import ocr
from pipelines.read.page_image import PageImage
from pipelines.read.scan import _as_digits, _Crops, _line_crops
from pipelines.read.table_image import Box
from pipelines.read.table_wrapped import Piece, column_tables, labels_by_line, spells_label
from pipelines.textnorm import HAN, HAN_CHAR, UNIT

_JOIN_X = 0.5  # glyph heights: characters of a word are closer, columns farther apart
_JOIN_Y = 0.3  # glyph heights: the gaps inside a character (the strokes of 三)
_MARGIN_X = 0.4  # glyph heights of white around a box when it is read
_MARGIN_Y = 0.15
_MIN_BOX = 0.4  # glyph heights: smaller blobs are specks
# A blob read as nothing (or as marks, `_DOTS`) lower than this (glyph heights): what a
# photocopy leaves of a rule (the dots where two grey rules crossed, doubled ink, 2-4
# pixels high on 16-pixel glyphs, 8 two of them stacked; a black rule kept whole), never
# a digit (a digit stands ~0.7 glyph high).
_SPECK_HEIGHT = 0.55
# What the recogniser reads such specks as: nothing, or marks (two stacked read `:` or
# `=`): no letter, digit, Chinese character or dash (a cell printing `-` is kept).
_DOTS = re.compile(r"[^\w\-－—–一]*")
# A blob narrower than the first and taller than the second (glyph heights): a piece of a
# vertical rule a photocopy kept (011: 6-8 pixels wide, 30-117 high on 16-pixel glyphs,
# read `三`, `L`, `[`), never a character (none is taller than a glyph), so never read.
_RULE_PIECE = (0.6, 1.5)
_FLAT = 0.6  # glyph heights: a box lower than this may be one stroke of a character
_ONE_GLYPH = 1.0  # glyph heights: strokes stacked within this are one character's
_STROKE_GAP = 0.6  # glyph heights between them at most (the 、 ending one line and the 一
# of the next are farther apart)
_ROW = 0.4  # glyph heights between the y-centres of boxes on one line
_CELL_GAP = 1.0  # glyph heights: words of one header cell are closer
_ALIGN = 0.5  # glyph heights: a column's values share an edge or a centre within this
_NEAREST = 0.6  # a number's distance to its column's centre, at most this share of the next
_TAIL_GAP = 1.0  # glyph heights between the wrapped lines of a table's last label
_MAX_BOXES = 800  # more text boxes than a statutory table holds: a page of prose
# The gate (`looks_tabular`): a number is a short box (at most this many glyphs wide, a
# glyph and a half high) standing apart; a table shows at least _GATE_COLUMNS columns of
# them, each on _GATE_ROWS lines that hold two such boxes or more.
_SHORT = 4.0
_GATE_ROWS = 3
_GATE_COLUMNS = 2
_GATE_ALIGN = 1.0  # glyph heights between the centres of a column's boxes
_GATE_GAP = 1.5  # glyph heights of white on either side of a number in a table's row
_log = logging.getLogger(__name__)
# A value, with its unit if printed (`251000元`); not an item number ("2." split from
# its label).
_NUMBER = re.compile(rf"[-+－]?[0-9][0-9,]*(?:\.[0-9]+)?(?:{UNIT})?")
# Label text (Chinese, ending in no digit nor point) run into a number.
_LABEL_NUMBER = re.compile(rf"(.*[{HAN}].*[^0-9.,])([0-9]+(?:\.[0-9]+)?)")
# A value misread: digits and Latin letters, a digit among them (`7G7`, `1O`).
_MISREAD_NUMBER = re.compile(r"[0-9A-Za-z]*[0-9][0-9A-Za-z]*")
_DIGIT_WIDTH = 0.55  # glyph heights: a digit's advance beside a Chinese character's one
# Zeros leading a box's digits (`0074`), and the number after them if any.
_LEADING_ZEROS = re.compile(r"(0+)([1-9][0-9]*(?:\.[0-9]+)?)?")


@dataclass
class _Word:
    box: Box
    text: str = ""
    confidence: float = 0.0

    @property
    def yc(self) -> float:
        return (self.box.y0 + self.box.y1) / 2

    @property
    def xc(self) -> float:
        return (self.box.x0 + self.box.x1) / 2

    @property
    def number(self) -> bool:
        return bool(_NUMBER.fullmatch(self.text))


def _boxes(page: PageImage) -> list[Box]:
    g = page.glyph
    kernel = np.ones((max(1, int(_JOIN_Y * g)), max(1, int(_JOIN_X * g))), np.uint8)
    joined = cv2.morphologyEx(page.ink, cv2.MORPH_CLOSE, kernel)
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if (h >= _MIN_BOX * g or w >= _MIN_BOX * g) and not (  # a thin 一 is wide
                w < _RULE_PIECE[0] * g and h > _RULE_PIECE[1] * g):
            out.append(Box(int(x), int(y), int(x + w), int(y + h)))
    return _strokes_joined(out, g)


def _strokes_joined(boxes: list[Box], glyph: float) -> list[Box]:
    """Flat boxes stacked within one glyph's height joined: the strokes of one character
    set farther apart than the closing joins (二 of "二、" read as 一 and as nothing, on
    two lines). Two lines of text are a glyph apart, so no two lines are joined."""
    flat = sorted((b for b in boxes if b.height < _FLAT * glyph), key=lambda b: b.y0)
    others = [b for b in boxes if b.height >= _FLAT * glyph]
    out: list[Box] = []
    for b in flat:
        for k, a in enumerate(out):
            overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
            if (overlap >= 0.5 * min(a.width, b.width)
                    and b.y0 - a.y1 <= _STROKE_GAP * glyph
                    and max(a.y1, b.y1) - min(a.y0, b.y0) <= _ONE_GLYPH * glyph):
                out[k] = Box(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1),
                             max(a.y1, b.y1))
                break
        else:
            out.append(b)
    return others + out


def looks_tabular(page: PageImage) -> bool:
    """The cheap gate before any OCR (the ink's boxes only, no recognition): whether the
    page shows short boxes standing apart (numbers, white on both sides) in columns, on
    lines holding two such boxes or more, as a table without ruling lines does. Prose
    does not: its words are long boxes, or, spaced out by justification, characters
    side by side (a grid of columns too, but with no white between them); nor does a
    page number. A page that passes is only worth reading: read_unruled decides what
    is sure."""
    g = page.glyph
    rows: list[list[Box]] = []
    for b in sorted(_boxes(page), key=lambda b: b.y0 + b.y1):
        if rows and (b.y0 + b.y1) / 2 - (rows[-1][-1].y0 + rows[-1][-1].y1) / 2 <= _ROW * g:
            rows[-1].append(b)
        else:
            rows.append([b])
    centres = sorted(c for row in rows for c in _apart(row, g))
    columns, run = 0, 1
    for a, b in itertools.pairwise(centres):
        if b - a <= _GATE_ALIGN * g:
            run += 1
            continue
        columns += run >= _GATE_ROWS
        run = 1
    columns += run >= _GATE_ROWS if centres else 0
    return columns >= _GATE_COLUMNS


def _apart(row: list[Box], glyph: float) -> list[float]:
    """The x-centres of a line's short boxes with white on both sides (_GATE_GAP glyphs),
    when it holds two or more."""
    row = sorted(row, key=lambda b: b.x0)
    out = []
    for k, b in enumerate(row):
        left = b.x0 - row[k - 1].x1 if k else np.inf
        right = row[k + 1].x0 - b.x1 if k + 1 < len(row) else np.inf
        if (b.x1 - b.x0 <= _SHORT * glyph and b.y1 - b.y0 <= 1.5 * glyph
                and min(left, right) >= _GATE_GAP * glyph):
            out.append((b.x0 + b.x1) / 2)
    return out if len(out) >= 2 else []


def _read(page: PageImage, boxes: list[Box]) -> list[_Word]:
    """Each box recognised as the ruled reader recognises a cell (scan.py: its crops,
    and its reading of digit-like letters, whose confidence an identity must confirm)."""
    crops = _Crops()
    dx, dy = int(_MARGIN_X * page.glyph), int(_MARGIN_Y * page.glyph)
    height, width = page.grey.shape
    for k, b in enumerate(boxes):
        # A margin of white as a cell has (cropped tight to the blob, a lone 0 was read
        # as nothing), holding only the box's own ink (not its neighbours'), taken two
        # pixels wider: a closing by an even kernel moves the blob by a pixel.
        b = Box(max(0, b.x0 - 2), max(0, b.y0 - 2), min(width, b.x1 + 2),
                min(height, b.y1 + 2))
        grey = np.full((b.height + 2 * dy, b.width + 2 * dx), 255, np.uint8)
        ink = np.zeros_like(grey)
        grey[dy:dy + b.height, dx:dx + b.width] = page.grey[b.y0:b.y1, b.x0:b.x1]
        ink[dy:dy + b.height, dx:dx + b.width] = page.ink[b.y0:b.y1, b.x0:b.x1]
        _line_crops(page, grey, ink, Box(0, 0, grey.shape[1], grey.shape[0]), k, crops)
    words = [_Word(b) for b in boxes]
    seen: set[int] = set()
    for owner, reading in zip(crops.owners, ocr.read_lines(crops.images), strict=True):
        text, confidence = _as_digits(reading)
        w = words[owner]
        w.text += text
        w.confidence = confidence if owner not in seen else min(w.confidence, confidence)
        seen.add(owner)
    return words


def _speck(w: _Word, glyph: float) -> bool:
    """A rule's remnant (_SPECK_HEIGHT): read as nothing or as marks, too low for a digit.
    Kept, it would stand as a line of its own between two rows (a header, whose columns
    it would set) or join a header's words into one cell."""
    return _DOTS.fullmatch(w.text) is not None and w.box.height < _SPECK_HEIGHT * glyph


def _lines(words: list[_Word], glyph: float) -> list[list[_Word]]:
    """Words chained left to right into lines, each word joining the line whose last
    word's y-centre is nearest (within _ROW glyphs): a line tilted by a page left a
    little crooked stays one line. Lines top to bottom by their mean y-centre."""
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: w.box.x0):
        near = [line for line in lines if line[-1].box.x1 <= w.box.x0 + glyph / 2
                and abs(line[-1].yc - w.yc) <= _ROW * glyph]
        if near:
            min(near, key=lambda line: abs(line[-1].yc - w.yc)).append(w)
        else:
            lines.append([w])
    return sorted(lines, key=lambda line: float(np.mean([w.yc for w in line])))


def _cells_of(line: list[_Word], glyph: float) -> list[tuple[float, float, str]]:
    """A header line's boxes joined where less than a glyph apart: one cell's words (a
    thin 一 leaves a gap of its own inside 上一年), with the template column label it
    was cut to ("" when not cut: `_name` names it). A cell that spells no label but
    several side by side, one way only, is those cells (`_labels_apart`)."""
    groups: list[list[_Word]] = []
    for w in line:
        if groups and w.box.x0 - groups[-1][-1].box.x1 < _CELL_GAP * glyph:
            groups[-1].append(w)
        else:
            groups.append([w])
    out: list[tuple[float, float, str]] = []
    for words in groups:
        x0, x1 = words[0].box.x0, max(w.box.x1 for w in words)
        out += _labels_apart(words) or [(x0, x1, "")]
    return out


def _labels_apart(words: list[_Word]) -> list[tuple[float, float, str]]:
    """A header cell printing several column labels of one statutory table side by side
    with less than a glyph between them (a ruled table whose rules a photocopy lost:
    `商业企业 科研机构社会公益组织` over three columns), cut where its text parts into
    those labels: each label's x-range by its characters' share of its words' boxes (a
    Chinese character's advance is the same for all). Empty when the text spells one
    label, or parts into labels in no way or in more than one."""
    text = "".join(w.text for w in words)
    labels = _partition(text)
    if len(labels) < 2:
        return []
    # Each character's x-range: its word's box shared among the word's characters.
    spans = [(w.box.x0 + k * w.box.width / len(w.text),
              w.box.x0 + (k + 1) * w.box.width / len(w.text))
             for w in words for k in range(len(w.text))]
    out, start = [], 0
    for label in labels:
        end = start + len(label)
        out.append((spans[start][0], spans[end - 1][1], label))
        start = end
    return out


def _partition(text: str) -> list[str]:
    """The text cut into column labels of one statutory table, when exactly one cut
    does it; [] otherwise (a single label, none, or two cuts)."""
    if not text or column_tables(text):
        return []
    found: list[list[str]] = []

    def cut(rest: str, done: list[str], tables: set[str] | None) -> None:
        if len(found) > 1:
            return
        if not rest:
            found.append(done)
            return
        for k in range(1, len(rest) + 1):
            of = column_tables(rest[:k])
            of = of if tables is None else of & tables
            if of:
                cut(rest[k:], [*done, rest[:k]], of)

    cut(text, [], None)
    return found[0] if len(found) == 1 else []


class Column(NamedTuple):
    """A leaf header cell: its x-range, and the template column label its cell spells
    ("" when it spells none)."""

    x0: float
    x1: float
    name: str = ""


def _columns(header: list[list[_Word]], glyph: float) -> list[Column]:
    """Each leaf header cell, left to right: lines read bottom up, a cell kept when no
    cell below it overlaps it (a leaf has white beneath it down to the rows: above a
    cell stand only its parents, and above text that is no cell of the header, a title
    of the page, which is no column); named by the label it was cut to
    (`_labels_apart`), else by what its cell spells (`_name`)."""
    kept: list[tuple[float, float, str]] = []
    below: list[tuple[float, float, str]] = []
    for line in reversed(header):
        cells = _cells_of(line, glyph)
        kept += [(c0, c1, name) for c0, c1, name in cells
                 if all(c1 <= x0 or c0 >= x1 for x0, x1, _ in below)]
        below += cells
    return [Column(x0, x1, name or _name(header, x0, x1)) for x0, x1, name in sorted(kept)]


def _name(header: list[list[_Word]], x0: float, x1: float) -> str:
    """The template column label that the words printed over (x0, x1) spell, read top
    to bottom from some header line down to the last ("科研机" / "构"), or "". Lines
    higher up may print a parent spanning it (法人或其他组织, 行政复议): the label is
    the lowest lines' text that spells one, whatever stands above."""
    texts = ["".join(w.text for w in line if min(w.box.x1, x1) - max(w.box.x0, x0)
                     >= 0.5 * min(w.box.x1 - w.box.x0, x1 - x0)) for line in header]
    spelled = ""
    for text in reversed(texts):
        spelled = text + spelled
        if column_tables(spelled):
            return spelled
    return ""


def _proven(columns: list[Column]) -> bool:
    """Whether the header's text proves its columns: every leaf cell spells a column
    label of one statutory table. A header cell cut in two, or two cells joined, spells
    none; so a column that holds no value is then a blank column, not a misplaced one."""
    tables: set[str] | None = None
    for c in columns:
        of = column_tables(c.name)
        tables = of if tables is None else tables & of
        if not tables:
            return False
    return bool(columns)


def _placed(numbers: list[_Word], columns: list[Column],
            glyph: float) -> dict[int, _Word] | None:
    """Each number's column index; None when one is not clearly in one column."""
    centres = np.array([(c.x0 + c.x1) / 2 for c in columns])
    out: dict[int, _Word] = {}
    for w in numbers:
        d = np.abs(centres - w.xc)
        order = np.argsort(d)
        k = int(order[0])
        if len(order) > 1 and d[k] > _NEAREST * d[order[1]]:
            return None
        x0, x1, _ = columns[k]
        if not x0 - glyph <= w.xc <= x1 + glyph or k in out:
            return None
        out[k] = w
    return out


def _joined(words: list[_Word], glyph: float) -> list[_Word]:
    """A line's words less than a glyph apart as one: a label's "一、" or "1." and the
    rest, a header's words."""
    out: list[_Word] = []
    for w in words:
        if out and w.box.x0 - out[-1].box.x1 < _CELL_GAP * glyph and not (
                w.number and out[-1].number):  # two numbers close together stay two
            last = out[-1]
            box = Box(last.box.x0, min(last.box.y0, w.box.y0), max(last.box.x1, w.box.x1),
                      max(last.box.y1, w.box.y1))
            out[-1] = _Word(box, last.text + w.text, min(last.confidence, w.confidence))
        else:
            out.append(w)
    return out


def _cell(w: _Word | None, ref: str) -> TextCell:
    if w is None:
        return TextCell("", ref, None, None)
    box = f"{w.box.x0},{w.box.y0},{w.box.x1},{w.box.y1}"
    return TextCell(w.text, f"{ref} box {box}", None, w.confidence)


@dataclass
class Carried:
    """What a page leaves open for the next (a table broken by a page break): the columns
    of the last header read on it, for a next page whose first rows continue that table
    with no header of their own; or the lines it ended with after its last row of numbers
    (a title and a header whose rows are all on the next page), read as that page's
    first lines. Pages of one print share their margins, so a column stands where it
    stood."""

    columns: list[Column] = field(default_factory=list)
    lines: list[list[_Word]] = field(default_factory=list)


def read_unruled(page: PageImage, page_no: int, carried: Carried | None = None,
                 by_table: bool = False) -> list[list[TextCell]] | None:
    """The page's rows (header and label lines as they are printed, rows of numbers with
    a cell per column, blank where nothing is printed); None when the structure is
    unsure, or there is no row of numbers under a header. `carried`: what the page
    before left open, for rows above this page's first header; updated with what this
    page leaves open (emptied when the page is not read). `by_table`: the page may hold
    several tables, each with columns of its own (a scanned page; see `_tables`)."""
    start = carried or Carried()
    got = _read_unruled(page, page_no, start, by_table)
    if carried is not None:
        carried.columns, carried.lines = (got[1], got[2]) if got else ([], [])
    return got[0] if got and got[0] else None


_Read = tuple[list[list[TextCell]], list[Column]] | None
# A way of reading a table: also whether it read every header's rows (else another
# way is tried, which may).
_Way = tuple[list[list[TextCell]], list[Column], bool] | None


def _read_unruled(page: PageImage, page_no: int, start: Carried, by_table: bool
                  ) -> tuple[list[list[TextCell]], list[Column],
                             list[list[_Word]]] | None:
    boxes = _boxes(page)
    if not boxes or len(boxes) > _MAX_BOXES:
        return None
    g = page.glyph
    words = [w for w in _read(page, boxes) if not _speck(w, g)]
    lines = [_joined(line, g) for line in _lines(words, g)]
    if not by_table:
        got = _read_block(lines, g, page_no, start.columns)
        return (*got, []) if got else None
    tables, left_open = _tables(_moved_above(start.lines, lines, g) + lines, g)
    rows: list[list[TextCell]] = []
    columns = start.columns
    for t_no, block in enumerate(tables, start=1):
        got = _read_block(block, g, page_no, columns if t_no == 1 else [])
        columns = got[1] if got else []  # carried on only from the page's last table, read
        if got is None and not (t_no == 1 and start.columns):
            got = (_as_printed(block, g, page_no), [])
        for row in got[0] if got else []:
            for cell in row:
                cell.ref = cell.ref.replace(" table 1 ", f" table {t_no} ", 1)
            rows.append(row)
    # Lines left open begin a table whose rows are on the next page: that one, not the
    # last table read, is what the next page's first rows continue.
    return rows, [] if left_open else columns, left_open


def _moved_above(carried: list[list[_Word]], lines: list[list[_Word]],
                 glyph: float) -> list[list[_Word]]:
    """Lines carried from the page before, moved to stand a glyph above this page's
    first line (their x is kept: pages of one print share their margins)."""
    if not carried or not lines:
        return []
    dy = min(w.box.y0 for w in lines[0]) - max(w.box.y1 for w in carried[-1]) - int(glyph)
    return [[_Word(Box(w.box.x0, w.box.y0 + dy, w.box.x1, w.box.y1 + dy), w.text,
                   w.confidence) for w in line] for line in carried]


def _number_left(line: list[_Word]) -> _Word | None:
    """A line's leftmost number, if it holds one."""
    return min((w for w in line if w.number), key=lambda w: w.box.x0, default=None)


def _valued(line: list[_Word]) -> list[_Word]:
    """A line's numbers, and its words read as digits and letters (`7G7` for a blurred
    767: a value, misread, that stands in its column as a number does)."""
    return [w for w in line if w.number or _MISREAD_NUMBER.fullmatch(w.text)]


def _same_columns(line: list[_Word], values: list[_Word], glyph: float) -> bool:
    """Whether a line's leftmost value stands in a column of the `values` before it (its
    left edge, centre or right edge within _ALIGN glyphs of one of theirs)."""
    first = min(_valued(line), key=lambda w: w.box.x0)
    return any(min(abs(first.box.x0 - w.box.x0), abs(first.xc - w.xc),
                   abs(first.box.x1 - w.box.x1)) <= _ALIGN * glyph for w in values)


def _over(line: list[_Word], values: list[_Word]) -> bool:
    """Whether a line prints over the columns of the values (a header, a caption), not
    only left of them (a label, its wrapped rest)."""
    x0, x1 = min(w.box.x0 for w in values), max(w.box.x1 for w in values)
    return any(w.box.x1 > x0 and w.box.x0 < x1 for w in line)


def _tables(lines: list[list[_Word]], glyph: float
            ) -> tuple[list[list[list[_Word]]], list[list[_Word]]]:
    """A page's lines cut into tables, and the lines it ends with that begin another
    table (no row of numbers under them on this page). A line of numbers whose leftmost
    value stands in no column of the lines of numbers before it starts another table
    (Word prints each of the statutory tables with columns of its own): of those since
    the last line printing over their columns (a header, a caption), else of the line
    before. Values misread count (`_valued`), and so do the run's lines before the
    last: a row whose values are misread (`七` for a photocopy's broken 44) still
    stands in the columns of the rows above it, and would else begin a table of its
    own, cut from its header. The lines between go to the table before while they are
    its last label's wrapped lines (left of its numbers, each within a glyph of the
    line above), and to the next table from the first line that is not (a title, the
    next header); so do the page's last lines, when they hold Chinese (a page number
    or a speck begins no table)."""
    out: list[list[list[_Word]]] = [[]]
    last: list[_Word] | None = None  # the line of numbers before
    values: list[_Word] = []  # the values of the lines of numbers since a header
    pending: list[list[_Word]] = []  # lines after it, not yet given to a table
    for line in lines:
        first = _number_left(line)
        if first is None:
            pending.append(line)
            if values and _over(line, values):
                values = []  # a header or a caption: its columns begin again
            continue
        if last is not None and not _same_columns(line, values or _valued(last), glyph):
            tail = _tail(pending, last, glyph)
            out[-1] += pending[:tail]
            out.append(pending[tail:])
            values = []
        else:
            out[-1] += pending
        out[-1].append(line)
        pending, last = [], line
        values += _valued(line)
    if last is None:
        return [pending], []
    tail = _tail(pending, last, glyph)
    out[-1] += pending[:tail]
    rest = pending[tail:]
    if any(HAN_CHAR.search(w.text) for line in rest for w in line):
        return out, rest
    out[-1] += rest
    return out, []


def _tail(pending: list[list[_Word]], last: list[_Word], glyph: float) -> int:
    """How many of the lines after a line of numbers are its label's wrapped lines."""
    left = _number_left(last).box.x0 - glyph
    tail, above = 0, last
    for p in pending:
        if max(w.box.x1 for w in p) > left or min(w.box.y0 for w in p) - max(
                w.box.y1 for w in above) > _TAIL_GAP * glyph:
            break
        tail, above = tail + 1, p
    return tail


def _read_block(lines: list[list[_Word]], g: float, page_no: int,
                start: list[Column]) -> _Read:
    numbers_x = [w.box.x0 for line in lines for w in line if w.number]
    if not numbers_x:
        return None
    value_left = min(numbers_x) - g  # where the columns of numbers begin
    ways = (_wrapped, _a_row_a_line) if _labels_wrap(lines, value_left) else (
        _a_row_a_line, _wrapped)
    first = ways[0](lines, g, value_left, page_no, start)
    if first and first[2]:
        return first[:2]
    # The first way left some rows unread: the other may read them all.
    second = ways[1](lines, g, value_left, page_no, start)
    if second and second[2]:
        return second[:2]
    got = first or second
    return got[:2] if got else None


def _labels_wrap(lines: list[list[_Word]], value_left: float) -> bool:
    """Whether a line of label text alone follows a row of numbers before the next header:
    a label wrapped below its numbers (a row a line, such a line is a header's)."""
    kinds = [_kind(line, value_left) for line in lines]
    return any(k == "label" and "value" in kinds[:i] for i, k in enumerate(kinds)
               if "header" not in kinds[max(0, i - 1):i])


def _a_row_a_line(lines: list[list[_Word]], g: float, value_left: float,
                  page_no: int, start: list[Column]) -> _Way:
    """A table printed a row a line: each row of numbers with its label on its line
    (rows above the page's first header under the columns `start`, if any)."""
    rows: list[list[TextCell]] = []
    header: list[list[_Word]] = []  # the lines without numbers since the last header's use
    header_rows: list[int] = []  # their indices in `rows`
    columns = list(start)
    blocks: list[_Block] = [_Block(start)] if start else []  # per header, as _wrapped's
    for r_no, line in enumerate(lines, start=1):
        ref = f"page {page_no} table 1 row {r_no}"
        # Everything printed over the columns of numbers is a value ("-18", "25.1万元").
        numbers = [w for w in line if w.xc >= value_left]
        labels = [w for w in line if w.xc < value_left]
        if not any(w.number for w in numbers):
            header.append(line)
            header_rows.append(len(rows))
            rows.append([_cell(w, f"{ref} cell {c}") for c, w in enumerate(line, start=1)])
            continue
        under_header = bool(header) and any(w.xc >= value_left for w in header[-1])
        if (not labels and not under_header) or (labels and labels[0].box.x0 > numbers[0].box.x0):
            # Numbers between two lines of a label wrapped beside them (a row with no
            # label at all is read only right under its header: table 四's one row).
            return _unsure(f"row {r_no}: numbers with no label on their line")
        if header:
            # A header is the run of lines printing over the numbers' columns.
            above = [[w for w in h if w.xc >= value_left] for h in header]
            if any(above):
                columns = _columns([h for h in above if h], g)
                blocks.append(_Block(columns))
            header = []
        if not columns:
            return _unsure(f"row {r_no}: numbers under no header")
        placed = _placed(numbers, columns, g)
        if placed is None:
            return _unsure(f"row {r_no}: a value is not clearly under one column")
        for k, w in placed.items():
            blocks[-1].values.setdefault(k, []).append(w.box)
        blocks[-1].rows += [*header_rows, len(rows)]
        header_rows = []
        label_cells = [_cell(w, f"{ref} cell {c}")
                       for c, w in enumerate(_joined(labels, g), start=1)]
        value_cells = [_cell(placed.get(k), f"{ref} cell {len(labels) + k + 1}")
                       for k in range(len(columns))]
        rows.append(label_cells + value_cells)
    if not blocks or not any(block.values for block in blocks):
        return None
    kept, last_sure = _sure_blocks(rows, blocks, g)
    return (kept, columns if last_sure else [], len(kept) == len(rows)) if kept else None


def _kind(line: list[_Word], value_left: float) -> str:
    """"value" (numbers over the value columns), "header" (text over them) or "label"."""
    if any(w.number and w.xc >= value_left for w in line):
        return "value"
    return "header" if any(w.xc >= value_left for w in line) else "label"


def _wrapped(lines: list[list[_Word]], g: float, value_left: float,
             page_no: int, start: list[Column]) -> _Way:
    """A table whose row labels wrap over lines beside their numbers: the header lines as
    printed, then each row of numbers with its labels (table_wrapped.py); None when any
    label's row, or any value's column, is unsure. Rows above the page's first header
    are read under the columns `start`, if any."""
    rows: list[list[TextCell]] = []
    header: list[int] = []
    body: list[int] = []
    columns = list(start)
    # Per header (the first one `start`'s, if given): its values' boxes per column, its
    # number of columns, and the indices in `rows` of the rows read under it.
    blocks: list[_Block] = [_Block(start)] if start else []
    kinds = [_kind(line, value_left) for line in lines]
    carried = bool(start)  # the block of `start` is the first segment's own until it ends
    last_read = False  # whether the page's last rows were read (their columns carried on)
    skipped = False  # whether rows under no header were left unread
    for i in [*range(len(lines)), len(lines)]:
        kind = kinds[i] if i < len(lines) else "end"
        if kind in ("value", "label"):
            body.append(i)
            continue
        if not any(kinds[j] == "value" for j in body):
            header += body  # lines of a header cell printing nothing over the values
            body = []
        else:
            above = [[w for w in lines[h] if w.xc >= value_left] for h in header]
            if any(above):
                columns = _columns([a for a in above if a], g)
                blocks.append(_Block(columns))
            # Numbers under no header (the page before ended in a table not read, or in
            # none): not read; the next header's rows still are.
            got = _segment(lines, body, kinds, columns, g, value_left, page_no
                           ) if columns else _unsure("numbers under no header")
            last_read = got is not None
            skipped = skipped or not columns
            if got is not None:
                first = len(rows)
                rows += _header_rows(lines, header, page_no) + got[0]
                blocks[-1].rows += range(first, len(rows))
                for k, boxes in got[1].items():
                    blocks[-1].values.setdefault(k, []).extend(boxes)
            elif any(above) or carried:
                # The rows under this header are not read (reported missing), nor the
                # header (a number in it must not end a row above): the other headers'
                # rows still are, their labels and columns their own.
                blocks.pop()
            header, body, carried = [], [], False
        header.append(i)
    if not blocks:
        return None
    kept, last_sure = _sure_blocks(rows, blocks, g)
    whole = len(kept) == len(rows) and not skipped
    return (kept, columns if last_read and last_sure else [], whole) if kept else None


@dataclass
class _Block:
    """What was read under one header: its columns, each column's values' boxes, and the
    indices of its rows (header lines included) among the page's rows."""

    columns: list[Column]
    values: dict[int, list[Box]] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)

    def unsure(self, glyph: float) -> str:
        """Why the columns of this header are unsure, or "" when they are sure."""
        if len(self.values) < len(self.columns) and not _proven(self.columns):
            # A column no value falls in: a header cell cut in two, or a blank column;
            # the numbers could as well belong one column over. Only a header whose
            # every cell spells a template column proves the column blank.
            return "a column of the header holds no value"
        if not all(_in_line(boxes, glyph) for boxes in self.values.values()):
            # A column's values aligned neither left, centre nor right: a second table
            # under the first, with columns of its own, read with the first one's header.
            return "the values of a column are not aligned"
        return ""


def _sure_blocks(rows: list[list[TextCell]], blocks: list[_Block],
                 glyph: float) -> tuple[list[list[TextCell]], bool]:
    """The rows without those of the headers whose columns are unsure (each header's
    columns are its own: one that fails costs only its rows, reported missing), and
    whether the last header's columns are sure (only then are they carried on)."""
    dropped: set[int] = set()
    for k, block in enumerate(blocks):
        why = block.unsure(glyph)
        if why:
            _unsure(f"header {k + 1}: {why}")
            dropped.update(block.rows)
    if all(r in dropped for block in blocks for r in block.rows):
        return [], False  # no row of numbers left: lines of text are no table
    kept = [row for r, row in enumerate(rows) if r not in dropped]
    return kept, not blocks[-1].unsure(glyph)


def _header_rows(lines: list[list[_Word]], header: list[int], page_no: int
                 ) -> list[list[TextCell]]:
    return [[_cell(w, f"page {page_no} table 1 row {h + 1} cell {c}")
             for c, w in enumerate(lines[h], start=1)] for h in header if h < len(lines)]


def _merged(words: list[_Word]) -> _Word:
    """A label's lines as one word: their texts joined, the box around them all."""
    box = Box(min(w.box.x0 for w in words), min(w.box.y0 for w in words),
              max(w.box.x1 for w in words), max(w.box.y1 for w in words))
    return _Word(box, "".join(w.text for w in words), min(w.confidence for w in words))


def _segment(lines: list[list[_Word]], body: list[int], kinds: list[str],
             columns: list[Column], g: float, value_left: float,
             page_no: int) -> tuple[list[list[TextCell]], dict[int, list[Box]]] | None:
    """The rows of the lines under one header: (rows, each column's values' boxes)."""
    values = [i for i in body if kinds[i] == "value"]
    pieces = []
    for i in body:
        prev = [v for v in values if v < i][-1:]
        after = [v for v in values if v > i][:1]
        candidates = (i,) if kinds[i] == "value" else tuple(prev + after)
        # A blob read as nothing (the thin 一 of 一、) would chain two cells' lines.
        pieces += [Piece(w, i, candidates, i < values[0])
                   for w in lines[i] if w.xc < value_left and w.text]
    value_y = {v: float(np.mean([w.yc for w in lines[v] if w.xc >= value_left]))
               for v in values}
    got = labels_by_line(pieces, value_y, g)
    if got is None:
        return _unsure("a label's row is not unique")
    labels, blank = got
    used = {id(p) for groups in [*labels.values(), blank] for group in groups for p in group}
    rest = [p.word for p in pieces if id(p) not in used]  # the header's, above the rows
    rows = [[_cell(w, f"page {page_no} table 1 row {body[0] + 1} cell {c}")
             for c, w in enumerate(rest, start=1)]] if rest else []
    aligned: dict[int, list[Box]] = {}
    placed_rows: list[tuple[float, list[TextCell]]] = []
    for v in values:
        ref = f"page {page_no} table 1 row {v + 1}"
        placed = _placed([w for w in lines[v] if w.xc >= value_left], columns, g)
        if placed is None:
            return _unsure(f"row {v + 1}: a value is not clearly under one column")
        for k, w in placed.items():
            aligned.setdefault(k, []).append(w.box)
        placed_rows.append((value_y[v], _row(labels[v], placed, len(columns), ref)))
    # A blank row (its label beside no line of numbers): each column blank, in its place
    # between the rows above and below it.
    placed_rows += [(group[0].word.box.y0, _row([group], {}, len(columns),
                                                 f"page {page_no} table 1 row {group[0].line + 1}"))
                    for group in blank]
    return rows + [row for _, row in sorted(placed_rows, key=lambda r: r[0])], aligned


def _row(labels: list[list[Piece]], placed: dict[int, _Word], width: int,
         ref: str) -> list[TextCell]:
    """A row's cells: its labels (each merged from its lines), then a cell per column."""
    label_cells = [_cell(_merged([p.word for p in group]), f"{ref} cell {c}")
                   for c, group in enumerate(labels, start=1)]
    return label_cells + [_cell(placed.get(k), f"{ref} cell {len(label_cells) + k + 1}")
                          for k in range(width)]


def _in_line(boxes: list[Box], glyph: float) -> bool:
    """Whether boxes share a left edge, a centre or a right edge (within _ALIGN glyphs)."""
    edges = ([b.x0 for b in boxes], [(b.x0 + b.x1) / 2 for b in boxes], [b.x1 for b in boxes])
    return any(max(e) - min(e) <= _ALIGN * glyph for e in edges)


def _unsure(why: str) -> None:
    """The structure is unsure: nothing is read (the reason is logged for debugging)."""
    _log.debug("table without ruling lines not read: %s", why)
    return None


def _as_printed(lines: list[list[_Word]], glyph: float, page_no: int) -> list[list[TextCell]]:
    """A table whose columns the geometry does not prove (a CSS table: no spans, so a
    row with a group label holds one cell more and its numbers stand a column further
    right; no padding, so abutting cells print as one box), read as printed: each line of
    numbers a row of its label cells, then its numbers in their printed order, a cell
    each, placed by no column. The recogniser places them as it places any row whose
    blanks may be dropped (grid.py: a row's count against its template row, else the
    identities, else null); a box holding two abutting numbers is one wrong-sized value
    no identity takes. Label lines under a row's line of numbers, left of its numbers and
    a line apart, are its labels' wrapped rest; other lines print as they are."""
    groups: list[list[list[_Word]]] = []  # a line, then its labels' wrapped rest
    for line in (_words_apart(line, glyph) for line in lines):
        if groups and _wrapped_rest(line, groups[-1], glyph):
            groups[-1].append(line)
        else:
            groups.append([line])
    rows = []
    for r_no, (words, *rest) in enumerate(groups, start=1):
        for more in rest:
            _append_rest(words, more)
        ref = f"page {page_no} table 1 row {r_no}"
        cells = [_cell(w, f"{ref} cell {c}") for c, w in enumerate(words, start=1)]
        for w, cell in zip(words, cells, strict=True):
            cell.box_run = w.number  # abutting cells print as one box
        rows.append(cells)
    return rows


def _wrapped_rest(line: list[_Word], group: list[list[_Word]], glyph: float) -> bool:
    """Whether a line without numbers continues the labels of the line of numbers that
    begins `group`: all of it left of that line's first number, at most _TAIL_GAP glyphs
    under the group's last line, and itself no label (a blank row's, or the next
    table's caption: with no padding they print where a wrapped rest would)."""
    first = _number_left(group[0])
    if first is None or any(w.number for w in line) or spells_label(
            "".join(w.text for w in line)):
        return False
    return (max(w.box.x1 for w in line) <= first.box.x0
            and min(w.box.y0 for w in line) - max(w.box.y1 for w in group[-1])
            <= _TAIL_GAP * glyph)


def _words_apart(line: list[_Word], glyph: float) -> list[_Word]:
    """A line's words, text less than a glyph apart joined (a label's pieces), every
    number a word of its own (abutting cells of no padding are less than a glyph apart)."""
    out: list[_Word] = []
    for w in (piece for word in line for piece in _number_parted(word, glyph)):
        last = out[-1] if out else None
        if last is not None and not (w.number or last.number) and (
                w.box.x0 - last.box.x1 < _CELL_GAP * glyph):
            out[-1] = _merged([last, w])
        else:
            out += _zeros_parted(w)
    return out


def _number_parted(w: _Word, glyph: float) -> list[_Word]:
    """A box of label text ending in a number (`申请数量3001`) as the label and the
    number: with no padding, a row's first value abuts its label's cell (a label ends
    in a character, never a digit). The number's box is its digits' width at the right."""
    m = _LABEL_NUMBER.fullmatch(w.text)
    if m is None:
        return [w]
    x = max(w.box.x0 + 1, w.box.x1 - round(_DIGIT_WIDTH * glyph * len(m.group(2))))
    return [_Word(Box(w.box.x0, w.box.y0, x, w.box.y1), m.group(1), w.confidence),
            _Word(Box(x, w.box.y0, w.box.x1, w.box.y1), m.group(2), w.confidence)]


def _zeros_parted(w: _Word) -> list[_Word]:
    """A number box whose text begins with a zero and goes on (`000`, `0074`) as its
    numbers: no printed count begins with a zero but a lone 0, so each leading zero is a
    cell of its own whose separator the abutting cells lost (`0 0 74`), the rest one
    number (a box holding several is no concern of this split). Each piece gets its share
    of the box by characters, and the box's confidence."""
    m = _LEADING_ZEROS.fullmatch(w.text) if w.number else None
    if m is None:
        return [w]
    pieces = [*m.group(1), *([m.group(2)] if m.group(2) else [])]
    step = w.box.width / len(w.text)
    out, start = [], 0
    for piece in pieces:
        x0 = w.box.x0 + round(start * step)
        x1 = w.box.x0 + round((start + len(piece)) * step)
        out.append(_Word(Box(x0, w.box.y0, x1, w.box.y1), piece, w.confidence))
        start += len(piece)
    return out


def _append_rest(words: list[_Word], rest: list[_Word]) -> None:
    """A wrapped line's pieces appended to the label word over which each stands."""
    labels = [k for k, w in enumerate(words) if not w.number]
    for piece in rest:
        if not labels:
            return
        k = min(labels, key=lambda k: abs(words[k].box.x0 - piece.box.x0))
        words[k] = _merged([words[k], piece])
