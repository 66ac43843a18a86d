"""Ruling lines of a PDF page, closed where a page break or the page edge left a table open.

Producers draw table borders as stroked lines (LibreOffice, Word), as thin filled
rectangles (Chromium, WPS) or, for a browser's 3-D `border=1` tables, as filled
polygons; pdfplumber turns all of them into edges. Two cuts leave a table open:

- a row cut by a page break: Chromium draws the cells' vertical borders on both pages
  but no horizontal border at the cut, so the fragment's cells have no top (or bottom);
- a table wider than the printable area: the browser clips it at the page margin, and
  the last column's right border is never drawn.

This module finds the open ends (ends of vertical rulings that no horizontal ruling
touches, and the reverse) and returns a ruling across each group of at least two open
ends at one height (or at one x), so the cut cells become cells again. Nothing is added
where the rulings already meet.
"""

from __future__ import annotations

from pdfplumber.page import Page
from pdfplumber.table import merge_edges

_SNAP = 3.0  # pdfplumber's default snap and join tolerances, in points
_MIN_OPEN = 2  # rulings that must end open at one place: one alone is a stray line


def _merged(page: Page) -> tuple[list[dict], list[dict]]:
    straight = [e for e in page.edges if e.get("orientation") in ("h", "v")]  # not slanted
    edges = merge_edges(straight, _SNAP, _SNAP, _SNAP, _SNAP)
    edges = [e for e in edges if (e["height"] if e["orientation"] == "v" else e["width"]) >= 3]
    return ([e for e in edges if e["orientation"] == "v"],
            [e for e in edges if e["orientation"] == "h"])


def _meets(along: float, at: float, rulings: list[dict], pos: str, lo: str, hi: str) -> bool:
    """Whether a ruling at `pos` ≈ `at` spans `along` (within the snap tolerance)."""
    return any(abs(r[pos] - at) <= _SNAP and r[lo] - _SNAP <= along <= r[hi] + _SNAP
               for r in rulings)


def _groups(ends: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """(position, extent) ends grouped by position within the snap tolerance."""
    out: list[list[tuple[float, float]]] = []
    for end in sorted(ends):
        if out and end[0] - out[-1][-1][0] <= _SNAP:
            out[-1].append(end)
        else:
            out.append([end])
    return out


def _closing(ends: list[tuple[float, float]], orientation: str) -> list[dict]:
    out = []
    for group in _groups(ends):
        if len(group) < _MIN_OPEN:
            continue
        at = sum(p for p, _ in group) / len(group)
        lo, hi = min(e for _, e in group), max(e for _, e in group)
        if orientation == "h":
            edge = {"x0": lo, "x1": hi, "top": at, "bottom": at, "width": hi - lo, "height": 0.0}
        else:
            edge = {"x0": at, "x1": at, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo}
        out.append({"object_type": "closing_edge", "orientation": orientation, **edge})
    return out


def closing_edges(page: Page) -> tuple[list[dict], list[dict]]:
    """(horizontal, vertical) rulings that close the open ends of a page's rulings."""
    verticals, horizontals = _merged(page)
    v_ends = [(end, v["x0"]) for v in verticals for end in (v["top"], v["bottom"])
              if not _meets(v["x0"], end, horizontals, "top", "x0", "x1")]
    h_ends = [(end, h["top"]) for h in horizontals for end in (h["x0"], h["x1"])
              if not _meets(h["top"], end, verticals, "x0", "top", "bottom")]
    return _closing(v_ends, "h"), _closing(h_ends, "v")
