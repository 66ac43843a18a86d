"""Table structure from ruling lines: rules cut by a seal continued through it."""

from __future__ import annotations

import numpy as np

from pipelines.read.page_image import PageImage
from pipelines.read.table_image import find_tables

_ROWS = (20, 60, 90, 130)  # horizontal rules: rows of 40, 30 and 40 pixels
_COLS = (20, 150, 280)


def _sealed_table(middle_rule: bool) -> PageImage:
    """Two columns, three rows, glyph 16; a seal's ring (made paper) crosses the middle
    column rule in the middle row, leaving pieces of it shorter than the opening kernel.
    Without `middle_rule` the middle row is one cell spanning both columns."""
    grey = np.full((150, 300), 255, np.uint8)
    for y in _ROWS:
        grey[y:y + 2, 20:282] = 0
    for x in _COLS:
        grey[20:132, x:x + 2] = 0
    if not middle_rule:
        grey[62:90, 150:152] = 255
    stamp = np.zeros(grey.shape, bool)
    stamp[68:77, 120:180] = True  # the ring's stroke: its colour made paper
    grey[stamp] = 255
    ink = np.where(grey < 128, 255, 0).astype(np.uint8)
    return PageImage(grey, ink, 16.0, 0.0, stamp=stamp)


def _cells_per_row(page: PageImage) -> list[int]:
    (table,) = find_tables(page)
    return [sum(c.row == r for c in table.cells) for r in range(3)]


def test_a_rule_cut_by_a_seal_is_continued_through_it() -> None:
    assert _cells_per_row(_sealed_table(middle_rule=True)) == [2, 2, 2]


def test_a_rule_that_ends_at_a_spanning_cell_is_not_continued_under_a_seal() -> None:
    assert _cells_per_row(_sealed_table(middle_rule=False)) == [2, 1, 2]
