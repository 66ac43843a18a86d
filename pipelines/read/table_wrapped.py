"""Row labels of a table without ruling lines that wrap over lines: which row each belongs to.

Used by table_unruled.py when a table is not printed a row a line (a Word table without
borders, screenshotted or scanned). A row is anchored by its value line (its numbers on
one baseline). The label words printed left of the numbers are fragments; a fragment is
linked to the fragment right above it when they overlap in x (the lines of one cell, its
text centred or not), and a chain of linked fragments is cut into labels, each label
given to one value line. A fragment can belong only to the value line it is printed on,
or, on a line of its own, to the value line next above or below it; fragments above a
table's first value line may also be the header's. Of the cuts, only those whose every
label is a label of the statutory template (its misprint tolerance for OCR included)
count; of those, the one whose labels lie nearest their value lines is taken, and only
when it is clearly nearest. Anything else (no cut, or two equally near) is unsure: None,
and nothing of the table is read, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pipelines.recognise.labels import labels_of
from pipelines.recognise.ocr_labels import nearest_label

_OVERLAP = 0.3  # share of the narrower fragment's width two lines of one cell overlap by
_LINK_GAP = 1.0  # glyph heights between the lines of one cell
_MAX_LINES = 16  # lines of one label at most (a long label in a narrow column)
_MAX_SOLUTIONS = 8  # cuts of one chain kept while searching (more: unsure anyway)
_CLEARLY = 0.5  # glyph heights: the nearest cut is nearer than the next by this much


class Fragment(Protocol):
    """A recognised word: its box (x0, y0, x1, y1) and its text."""

    text: str

    @property
    def yc(self) -> float: ...


@dataclass
class Piece:
    """A label fragment: the word, the line it is printed on, its candidate value lines."""

    word: object
    line: int
    candidates: tuple[int, ...]
    header_ok: bool  # above the first value line: may be part of the header


def _is_label(text: str) -> bool:
    return bool(labels_of(text)) or nearest_label(text) is not None


def _overlaps(a, b) -> bool:
    inter = min(a.box.x1, b.box.x1) - max(a.box.x0, b.box.x0)
    return inter >= _OVERLAP * min(a.box.x1 - a.box.x0, b.box.x1 - b.box.x0)


def chains(pieces: list[Piece], glyph: float) -> list[list[Piece]] | None:
    """Pieces linked top to bottom into chains (the lines of label cells); None when a
    piece could continue two chains, or two pieces one chain (which is which is unsure)."""
    out: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.line, p.word.box.x0)):
        above = [c for c in out if c[-1].line < p.line
                 and p.word.box.y0 - c[-1].word.box.y1 <= _LINK_GAP * glyph
                 and _overlaps(c[-1].word, p.word)]
        if len(above) > 1:
            return None
        if above:
            chain = above[0]
            if any(q is not p and q.line == p.line and _overlaps(chain[-1].word, q.word)
                   for q in pieces):
                return None  # two pieces of one line under one: a cell split in two
            chain.append(p)
        else:
            out.append([p])
    return out


@dataclass
class _Cut:
    groups: list[tuple[int, int, int]]  # (first piece, last piece + 1, value line)
    cost: float


def _solutions(chain: list[Piece], value_y: dict[int, float]) -> list[_Cut]:
    """Every cut of the chain into template labels, each on a value line (increasing)."""
    found: list[_Cut] = []

    def walk(i: int, last: int, groups: list[tuple[int, int, int]], cost: float) -> None:
        if len(found) >= _MAX_SOLUTIONS:
            return
        if i == len(chain):
            found.append(_Cut(list(groups), cost))
            return
        if not groups and chain[i].header_ok:
            walk(i + 1, last, groups, cost)  # a header line's fragment, not a label
        common = set(chain[i].candidates)
        text = ""
        for j in range(i, min(len(chain), i + _MAX_LINES)):
            common &= set(chain[j].candidates)
            text += chain[j].word.text
            if not common:
                return
            if not _is_label(text):
                continue
            centre = (chain[i].word.box.y0 + chain[j].word.box.y1) / 2
            for v in sorted(common):
                if v > last:
                    groups.append((i, j + 1, v))
                    walk(j + 1, v, groups, cost + abs(centre - value_y[v]))
                    groups.pop()

    walk(0, -1, [], 0.0)
    return found


def assign(chain: list[Piece], value_y: dict[int, float],
           glyph: float) -> list[tuple[list[Piece], int]] | None:
    """The chain's labels with their value lines; [] for a chain that is the header's;
    None when no cut makes template labels or two are equally near."""
    found = sorted(_solutions(chain, value_y), key=lambda c: c.cost)
    if not found or len(found) >= _MAX_SOLUTIONS:
        return None
    if len(found) > 1 and found[1].cost - found[0].cost < _CLEARLY * glyph:
        return None
    return [(chain[a:b], v) for a, b, v in found[0].groups]


def labels_by_line(pieces: list[Piece], value_y: dict[int, float],
                   glyph: float) -> dict[int, list[list[Piece]]] | None:
    """Each value line's labels (each a list of pieces, top to bottom), left to right;
    None when any is unsure or a value line has no label."""
    linked = chains(pieces, glyph)
    if linked is None:
        return None
    out: dict[int, list[list[Piece]]] = {v: [] for v in value_y}
    for chain in linked:
        got = assign(chain, value_y, glyph)
        if got is None:
            return None
        for group, v in got:
            out[v].append(group)
    if not all(out.values()):
        return None
    for groups in out.values():
        groups.sort(key=lambda g: min(p.word.box.x0 for p in g))
    return out
