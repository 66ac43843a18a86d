"""The one representation every reader produces: a document's text and its cells.

Readers know file formats and nothing of the statute; the recogniser knows the statute
and nothing of file formats. This module is the contract between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

# An OCR reading below this confidence is doubted: the reader reads such a cell a second
# way (pipelines/read/scan.py), the proof-reader trusts it only where an identity does
# (pipelines/recognise/proofread.py). Measured on the scan variants of the labelled
# reports (bench/bench_ocr.py): right readings of table numbers are nearly all >= 0.95,
# the misreadings seen were lower.
SURE = 0.95


class PlacedWord(NamedTuple):
    """A word of text laid out by position: its line, the character index it starts at."""

    line: int
    start: int
    text: str


# Where a scanned cell was read, at the end of its `ref` ("page 2 table 1 row 6 cell 9 box
# 555,163,573,179"): its box in the page's pixels, left, top, right, bottom.
REF_BOX = re.compile(r"\bbox (\d+),(\d+),(\d+),(\d+)")

# The other shapes of a cell's `ref` the recogniser reads back, declared once (the readers
# write them). Whole refs (`fullmatch`) unless said:
REF_LINE = re.compile(r"line (\d+)")  # a text's cell that is its whole line
REF_LINE_WORD = re.compile(r"line (\d+) word (\d+)")  # a word of a text's line
REF_TEXT = re.compile(r"line (\d+)(?: word (\d+))?")  # either (`match`: a text cell's line)
# A box-drawn text table's cell (read/text_bordered.py): C its first display column.
REF_BOX_CELL = re.compile(r"table (\d+) line \d+ col (\d+)")
# A ruled table's cell in a PDF (a scanned cell's ref, which ends in its box, is none).
REF_DRAWN_CELL = re.compile(r"page (\d+) table (\d+) row \d+ cell (\d+)")
REF_TABLE_CELL = re.compile(r"\btable \d+ row \d+ cell \d+$")  # `search`: HTML, DOCX, PDF
# `match`: a text pipe table's cell (and its table and cell number: a pandoc table's
# cell number is its grid column, every empty cell printed)
REF_PIPE_CELL = re.compile(r"(table \d+) line \d+ cell (\d+)")
# A ruled text table's cell (read/text_aligned.py, pandoc's tables): its rule's column.
REF_RULED_CELL = re.compile(r"(table \d+) line \d+ column (\d+)")
# `match`: the table of an HTML, DOCX or PDF cell (`table 2 row 5 …`) or a drawn text
# table's (`table 2 line 9 …`)
REF_TABLE = re.compile(r"((?:page \d+ )?table \d+) (?:row|line) ")


# Slots, not frozen: a report has hundreds of cells, and a frozen dataclass's __init__
# costs six times as much; nothing changes a cell once a reader has made it.
@dataclass(slots=True)
class TextCell:
    """One printed cell (or one line of text) in reading order.

    `row` groups cells printed in one table row; it is None where the rendering lost
    row boundaries (one cell per line, run-together text). `ref` says where the cell
    was read, for provenance: "table 2 row 5 cell 3" or "line 120".
    """

    text: str
    ref: str
    row: int | None = None
    # Read by OCR: the recogniser's confidence in the text (0..1); None for printed text.
    confidence: float | None = None
    # Read by OCR a second way (a doubtful cell re-read from another grey): the other
    # readings, which only the identities may choose (pipelines/recognise/proofread.py).
    alternatives: tuple[str, ...] = ()
    # Printed in a column a browser cut off at the page edge: glyphs past the cut are not
    # in the file, so a number here may have lost digits (pipelines/read/pdf_page.py).
    cut: bool = False
    # A running header or footer line (print date, page title, URL, page number) printed
    # between two parts of a table a page break cut (pipelines/read/pdf_join.py): page
    # furniture, not the table's text, so the recogniser reads the parts as one table.
    furniture: bool = False
    # A value whose cell prints over several lines of laid-out text (a number's `<br>`,
    # digits a narrow column wrapped: `82` over `1`; pipelines/read/text_columns.py):
    # the line breaks say nothing of where one number ends, so no split is proven.
    stacked: bool = False
    # A value whose cell prints over several lines of laid-out text, its pieces joined by
    # the column they print in alone (`3` over `001` for 3001; text_columns.py): kept only
    # where an identity proves it (pipelines/recognise/by_position.py).
    by_position: bool = False
    # A number read from one box of ink in a row read as printed, by no column
    # (pipelines/read/table_unruled.py: a CSS table without padding, scanned), or one
    # word of digits of text laid out by position on a page that ran its cells together
    # (pipelines/read/text_runs.py: `pdftotext -layout` of such a table): the box or
    # word may hold several cells' numbers printed edge to edge (`0 50 3` prints
    # `0 503`), and a cell of its row may be lost (read as nothing, or into its label's
    # box; an empty cell pdftotext prints nothing for). So it is split only by the
    # identities (pipelines/recognise/digits.py), never as forced.
    box_run: bool = False
    # Read by OCR on a page the recogniser read poorly (pipelines/read/scan.py: it doubted
    # many of the page's numbers): its sure readings are no surer than its doubted ones
    # ("6" read "5" at full confidence under a blur of σ 1.6), so a number here is
    # published only where an identity it is in holds, if any checks it (proofread.py).
    poor_page: bool = False
    # A value text laid out by position printed out of its order with the value beside
    # it (pipelines/read/text_swaps.py): the two may stand in each other's cells, so they
    # are published only where an identity proves the order printed (recognise/transposed.py).
    misordered: bool = False
    # A cell whose text the page printed between characters every cell of its table
    # carries (hidden characters a text tool printed: `9一、…8`, `930018`), taken off
    # (pipelines/read/text_affixes.py): kept only where its table's identities then hold
    # (pipelines/recognise/affixed.py).
    affixed: bool = False


@dataclass
class Document:
    """A decoded report file: its plain text and its cells in reading order."""

    file: str
    sha256: str
    size: int
    rendering: str
    text: str
    cells: list[TextCell] = field(default_factory=list)
    # Every row holds a cell for every column of its table (text tables read as grids):
    # a blank cell is a printed blank or a flattened span's remnant, never padding.
    full_width_rows: bool = False
    # Its tables printed at a fixed width (pandoc's ruled tables): the cells a span from
    # above pushes past the table's edge are dropped without a trace, so a row printed
    # with a blank before its values, or short of its columns, may be its values shifted
    # right with the last ones lost. A printed blank and a span's covered cell look alike.
    clipped_rows: bool = False
    # The reader kept the labels and dropped the values it could not place (a PDF's text
    # in reading order, which prints no empty cell either): a row short of its values
    # lost them there, not blanks, so no cell is published as printed empty.
    values_withheld: bool = False
    # Rows the reader placed by their order, their labels printed away from their values
    # (text_order.t3_label_runs): each is flagged `row_placed_by_order`.
    rows_placed_by_order: tuple[str, ...] = ()
    # Text laid out by position (`pdftotext -layout`): each run of lines without values
    # directly above a line of values, its words (line, character index, text). Such
    # text wraps every header cell line by line and prints the pieces of neighbouring
    # cells side by side; the recogniser stacks them back by column to read the
    # header's order (pipelines/recognise/header_stacks.py).
    header_bands: tuple[tuple[PlacedWord, ...], ...] = ()
    # A printed row is one line, cut only by a line break inside a cell (a browser's
    # copied text: innerText never wraps a line) or by a wrap (lynx's rows, cells a
    # space apart): a header cell's label cut by a `<br>` goes on at the start of the
    # next line (pipelines/recognise/header_breaks.py).
    breaks_in_cells: bool = False
    # A cell a paragraph, paragraphs apart by empty lines, in lynx's margin (its dump of
    # cells holding paragraphs or divs): a `<br>` inside a cell breaks a line, never
    # leaves an empty one, so two values an empty line apart are two cells.
    paragraph_cells: bool = False
