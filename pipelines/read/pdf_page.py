"""One PDF page as printed rows: table rows with their cells' positions, and text lines.

Tables are found from the ruling lines (pdfplumber's `lines` strategy, which takes both
stroked lines and the thin filled rectangles browsers draw), with the open ends a page
break leaves closed by `pdf_edges`. Each table's cells are then found again from that
table's own rulings alone (`_own_tables`): pdfplumber snaps the rulings of the whole page
together, so a column edge of one table could move onto a nearby edge of another and
carry a digit into the neighbouring cell. A table row keeps each cell's horizontal extent, so
a row cut by a page break can be joined to its other part (`pdf_join`). A merged cell
is kept once, at its top-left grid position (pdfplumber gives None where it spans).

Text outside the tables (title, headings, prose, page numbers) becomes one line each,
placed among the tables by its position on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pdfplumber.page import Page
from pdfplumber.utils import extract_text

from pipelines.read.pdf_decorations import without_decorations
from pipelines.read.pdf_edges import closing_edges
from pipelines.read.pdf_text import clean

_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_CELL_GAP = 0.75  # a gap this many font sizes wide parts two cells of a borderless table
# Between two digits a narrower gap parts cells: a number's digits are set edge to edge
# (a space in it, as in `3 001`, is a glyph or a quarter em); a digit is half an em wide.
_DIGIT_GAP = 0.4
# After a CJK glyph a gap over half an em parts cells: CJK text is set solid, and a space
# beside it (before a number or a Latin word) is a quarter to a third of an em. A label
# that fills its column stands only the two cell paddings from the next column's text:
# 0.73 em at print scale 1.25 and 1.5 (`掌握相关政` | `252`, `（四）无` | `2.没有现成`).
_CJK_GAP = 0.5
_CJK = re.compile("[\u2e80-\u2fdf\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass
class PdfCell:
    text: str
    x0: float
    x1: float
    ref: str
    cut: bool = False  # in a column the page edge cut off (see `_cut_at`)
    # A text line's cell: its glyphs (pdfplumber's char dicts), for `pdf_columns` to part
    # two columns' texts printed edge to edge; empty for a ruled table's cell.
    glyphs: list[dict] = field(default_factory=list, repr=False, compare=False)


@dataclass
class PdfRow:
    """A printed row: a table row's cells, or one line of text outside tables (`line`)."""

    page: int
    top: float
    bottom: float
    cells: list[PdfCell] = field(default_factory=list)
    line: bool = False
    table: int = 0  # the table's number on its page; 0 for a text line
    furniture: bool = False  # page furniture inside a table cut by a page break (pdf_join)


def _inside(obj: dict, bboxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether an object's centre lies in one of the boxes (a table's text, not the page's)."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in bboxes)


def _gap_cells(chars: list[dict], ref: str) -> list[PdfCell]:
    """A text line as cells: split where the gap between glyphs is wider than ¾ em.

    A table printed without borders keeps its columns apart by space alone; prose and
    headings have no such gap (a space is a quarter em, CJK text has none). Two numbers
    in neighbouring columns may stand closer (narrow columns at a large print scale:
    `3001` and `53` 0.7 em apart were read as one number, 300153), so between two
    digits a gap of 0.4 em parts them, and after a CJK glyph one of half an em. One cell
    for a line without a gap, with the line's ref; else `<ref> cell N`.
    """
    parts: list[list[dict]] = [[]]
    for char in chars:
        prev = parts[-1][-1] if parts[-1] else None
        if char is prev:
            continue  # a ligature's glyph, listed once per letter it stands for
        if prev is not None and _parts(prev, char):
            parts.append([])
        parts[-1].append(char)
    if len(parts) == 1:
        return [glyph_cell(parts[0], ref)]
    return [glyph_cell(part, f"{ref} cell {n}") for n, part in enumerate(parts, start=1)]


def text_line(page: int, line_no: int, top: float, bottom: float,
              chars: list[dict]) -> PdfRow:
    """A text line outside tables as a row: its glyphs (left to right) parted into cells
    at wide gaps (`_gap_cells`). Also the row of a line of positioned text runs
    (read/runs.py), whose glyphs are made from the runs' boxes."""
    return PdfRow(page, top, bottom, _gap_cells(chars, f"page {page} line {line_no}"),
                  line=True)


def glyph_cell(glyphs: list[dict], ref: str) -> PdfCell:
    """A text line's cell made of these glyphs (one line's, left to right)."""
    text = clean(extract_text(glyphs, keep_blank_chars=True))
    return PdfCell(text, glyphs[0]["x0"], glyphs[-1]["x1"], ref, glyphs=glyphs)


def _parts(prev: dict, char: dict) -> bool:
    """Whether the gap between two glyphs of a line parts two cells."""
    gap = char["x0"] - prev["x1"]
    em = max(prev["size"], 1.0)
    if prev["text"].isdigit() and char["text"].isdigit():
        return gap > _DIGIT_GAP * em
    return gap > (_CJK_GAP if _CJK.match(prev["text"]) else _CELL_GAP) * em


_SNAP = 3.0  # points: a table's edge and a closing ruling at one place
_LINE_TOLERANCE = 0.35  # font sizes two glyphs' tops may differ by on one printed line


def _cut_at(table, vertical: list[dict], page: Page) -> float | None:
    """Where the page edge cut the table off (its right edge), if it did.

    A browser prints a table wider than the paper up to the printable area's edge and no
    further: a glyph wholly past the edge is left out of the file, one partly past it is
    kept whole. The cut column's right border is never drawn, so the table's right edge
    is a closing ruling of `pdf_edges` (its left edge a drawn one: a table drawn without
    side borders has both closed), and it lies in the right margin: further right than
    the page's leftmost content is from the left edge (print margins are even).
    """
    x0, _, x1, _ = table.bbox
    closed = [v["x0"] for v in vertical]
    left = min((obj["x0"] for obj in (*page.chars, *page.edges)), default=0.0)
    if (x1 > float(page.width) - left and any(abs(x - x1) <= _SNAP for x in closed)
            and not any(abs(x - x0) <= _SNAP for x in closed)):
        return x1
    return None


def _line_tolerance(page: Page, bbox: tuple[float, float, float, float]) -> float:
    """How far apart (points) the tops of two glyphs on one line of the table's cells may be.

    An item number set in a Latin font sits lower than the CJK glyphs beside it by about a
    fifth of the font size: at print scale 1.5 that is more than pdfplumber's fixed 3 pt,
    and `1.本机关` came out as `本` over `1.机关`, a label no longer recognised. Lines of a
    cell lie at least a font size apart, so a third of the size keeps them apart.
    """
    sizes = sorted(c["size"] for c in page.within_bbox(bbox).chars)
    return max(3.0, _LINE_TOLERANCE * sizes[len(sizes) // 2]) if sizes else 3.0


def _table_rows(page: Page, t_no: int, table, cut: float | None = None) -> list[PdfRow]:
    """The table's rows; with `cut`, the cells ending there are marked cut: their text
    may have lost its last glyphs."""
    out = []
    texts_of = table.extract(y_tolerance=_line_tolerance(page, table.bbox))
    for r_no, (row, texts) in enumerate(zip(table.rows, texts_of, strict=True), start=1):
        ref = f"page {page.page_number} table {t_no} row {r_no} cell"
        cells = [PdfCell(clean(text), bbox[0], bbox[2], f"{ref} {c_no}",
                         cut is not None and abs(bbox[2] - cut) <= _SNAP)
                 for c_no, (bbox, text) in enumerate(zip(row.cells, texts, strict=True),
                                                     start=1)
                 if bbox is not None and text is not None]  # None: covered by a merge
        if cells:
            top, bottom = row.bbox[1], row.bbox[3]
            out.append(PdfRow(page.page_number, top, bottom, cells, table=t_no))
    return out


def _near(edge: dict, box: tuple[float, float, float, float]) -> bool:
    """Whether a ruling touches the box."""
    x0, top, x1, bottom = box
    return edge["x0"] <= x1 and edge["x1"] >= x0 and edge["top"] <= bottom and edge["bottom"] >= top


def _centred(inner: tuple[float, float, float, float],
              outer: tuple[float, float, float, float]) -> bool:
    """Whether the centre of box `inner` lies in box `outer`."""
    x, y = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return outer[0] <= x <= outer[2] and outer[1] <= y <= outer[3]


def _settings(horizontal: list[dict], vertical: list[dict]) -> dict:
    return dict(_SETTINGS, explicit_horizontal_lines=horizontal,
                explicit_vertical_lines=vertical)


def _own_tables(page: Page, found: list, horizontal: list[dict], vertical: list[dict]) -> list:
    """Each table found again on the page cropped to it (one snap tolerance around it).

    pdfplumber snaps every vertical ruling of a page within 3 pt of another to their
    mean, across tables: table 四's column edges, close to but not on table 三's, were
    chained onto them and moved enough that a digit fell into the next cell. Cropped to
    one table, only that table's rulings (and the closing rulings touching it) snap.
    A table that is not found again in its crop is kept as first found.
    """
    out = []
    for table in found:
        x0, top, x1, bottom = table.bbox
        box = (max(x0 - _SNAP, page.bbox[0]), max(top - _SNAP, page.bbox[1]),
               min(x1 + _SNAP, page.bbox[2]), min(bottom + _SNAP, page.bbox[3]))
        crop = page.crop(box)
        again = [t for t in crop.find_tables(_settings(
                     [h for h in horizontal if _near(h, box)],
                     [v for v in vertical if _near(v, box)]))
                 if _centred(t.bbox, table.bbox)]  # not a neighbour's corner in the margin
        out.extend(again or [table])
    return out


def page_rows(page: Page) -> list[PdfRow]:
    """A page's printed rows top to bottom."""
    page = without_decorations(page)
    horizontal, vertical = closing_edges(page)
    tables = _own_tables(page, page.find_tables(_settings(horizontal, vertical)),
                         horizontal, vertical)
    bboxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char"
                          or not _inside(obj, bboxes))
    items: list[tuple[float, int, list[PdfRow]]] = []
    for t_no, table in enumerate(tables, start=1):
        items.append((table.bbox[1], t_no,
                      _table_rows(page, t_no, table, _cut_at(table, vertical, page))))
    lines = outside.extract_text_lines(return_chars=True, keep_blank_chars=True)
    for line_no, line in enumerate(lines, start=1):
        row = text_line(page.page_number, line_no, line["top"], line["bottom"],
                        line["chars"])
        items.append((line["top"], 0, [row]))
    items.sort(key=lambda item: (item[0], item[1]))
    return [row for _, _, rows in items for row in rows]
