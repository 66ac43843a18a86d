"""Ruling lines of a PDF page, closed where a page break left a table open.

Producers draw table borders as stroked lines (LibreOffice, Word) or as thin filled
rectangles (Chromium, WPS); pdfplumber turns both into edges. Where a table row is cut
by a page break, Chromium draws the cells' vertical borders on both pages but no
horizontal border at the cut: the fragment's cells have no top (or bottom) and the
`lines` strategy cannot see them. This module finds such open ends, the ends of vertical
rulings that no horizontal ruling touches, and returns a horizontal edge across each
group of them at one height, so the fragment becomes a row of its own. Nothing is
added where the verticals already meet a ruling.
"""

from __future__ import annotations

from pdfplumber.page import Page
from pdfplumber.table import merge_edges

_SNAP = 3.0  # pdfplumber's default snap and join tolerances, in points
_MIN_OPEN = 2  # verticals that must end open at one height: one is a stray line


def _merged(page: Page) -> tuple[list[dict], list[dict]]:
    edges = merge_edges(page.edges, _SNAP, _SNAP, _SNAP, _SNAP)
    edges = [e for e in edges if (e["height"] if e["orientation"] == "v" else e["width"]) >= 3]
    return ([e for e in edges if e["orientation"] == "v"],
            [e for e in edges if e["orientation"] == "h"])


def _touches(x: float, y: float, horizontals: list[dict]) -> bool:
    return any(abs(h["top"] - y) <= _SNAP and h["x0"] - _SNAP <= x <= h["x1"] + _SNAP
               for h in horizontals)


def _groups(ends: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """(y, x) ends grouped by height within the snap tolerance."""
    out: list[list[tuple[float, float]]] = []
    for y, x in sorted(ends):
        if out and y - out[-1][-1][0] <= _SNAP:
            out[-1].append((y, x))
        else:
            out.append([(y, x)])
    return out


def _edge(y: float, x0: float, x1: float) -> dict:
    return {"object_type": "closing_edge", "orientation": "h", "x0": x0, "x1": x1,
            "top": y, "bottom": y, "width": x1 - x0, "height": 0.0}


def closing_edges(page: Page) -> list[dict]:
    """Horizontal edges that close the open ends of a page's vertical rulings."""
    verticals, horizontals = _merged(page)
    ends = [(end, v["x0"]) for v in verticals for end in (v["top"], v["bottom"])
            if not _touches(v["x0"], end, horizontals)]
    out = []
    for group in _groups(ends):
        if len(group) >= _MIN_OPEN:
            xs = [x for _, x in group]
            y = sum(y for y, _ in group) / len(group)
            out.append(_edge(y, min(xs), max(xs)))
    return out
