"""Where an HTML table's cells print: rowspan and colspan read as a browser reads them,
and which of the tables nested in one another are read.

Shared by the readers that lay a `<table>` out as a grid: the HTML page reader (to find
columns no row prints in, html.py) and the reader of HTML tables inside Markdown (to
write them as pipe rows, text_html_tables.py).
"""

from __future__ import annotations

import re

from lxml import etree

_MOST = 1000  # a span past this is a broken page's, not a table's


def span(cell: etree._Element, name: str) -> int:
    """The cell's `colspan` or `rowspan`: 1 where absent or not a number."""
    value = (cell.get(name) or "").strip()
    return max(1, min(int(value), _MOST)) if value.isdigit() else 1


def placed(rows: list[list[etree._Element]], within: bool = False
           ) -> dict[tuple[int, int], tuple[etree._Element, bool]]:
    """Each (row, column) a table's cells cover: the cell, and whether it is the cell's
    first position. A cell takes the first column the cells spanning from above leave
    free. `within`: a rowspan ends at the table's last row (a browser draws no row past
    it); else it adds rows, as a converter writing every row it covers does."""
    out: dict[tuple[int, int], tuple[etree._Element, bool]] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in out:
                c += 1
            across, down = span(cell, "colspan"), span(cell, "rowspan")
            for dr in range(min(down, len(rows) - r) if within else down):
                for dc in range(across):
                    out[(r + dr, c + dc)] = (cell, dr == dc == 0)
            c += across
    return out


_DIGIT = re.compile(r"[0-9０-９]")


def nested(tables: list[etree._Element]) -> tuple[set[etree._Element], set[etree._Element]]:
    """The tables that hold a table of numbers (layout tables wrapping a data table: the
    inner one is read), and the tables inside another that hold no digit (a Word paste's
    or an editor's table inside a header cell: read as that cell's text, as a browser
    shows it, so the table around it is read). Each table's ancestors found once (asking
    each table for a descendant walked every data table's cells a second time)."""
    inner = [(t, list(t.iterancestors("table"))) for t in tables if t.tag == "table"]
    inner = [(t, up) for t, up in inner if up]
    numeric = {t for t, _ in inner if _DIGIT.search(
        etree.tostring(t, method="text", encoding="unicode", with_tail=False))}
    wrapping = {outer for t, up in inner if t in numeric for outer in up}
    folded = {t for t, up in inner if t not in numeric and up[0] not in wrapping}
    return wrapping, folded
