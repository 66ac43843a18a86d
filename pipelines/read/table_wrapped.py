"""Row labels of a table without ruling lines that wrap over lines: which row each belongs to.

Used by table_unruled.py when a table is not printed a row a line (a Word table without
borders, screenshotted or scanned). A row is anchored by its value line (its numbers on
one baseline). The label words printed left of the numbers are fragments; a fragment is
linked to the fragment right above it when they overlap in x (the lines of one cell, its
text centred or not), and a chain of linked fragments is cut into labels, each label
given to one value line. A fragment can belong only to the value line it is printed on,
or, on a line of its own, to the value line next above or below it; fragments above a
table's first value line may also be the header's. A label none of whose lines holds
numbers, and within whose height no line of numbers stands, may be a blank row's (a row
printing no number: Word prints nothing beside it, so no value line anchors it). Of the
cuts, only those whose every label is a label of the statutory template (its misprint
tolerance for OCR included) count; of those, the one with the fewest labels only nearly
spelled (OCR misreadings), then the fewest blank rows (a label is a blank row's only
when no cut gives it a value line), and whose labels lie nearest their value lines is
taken, and only when it is clearly nearest. Anything else (no cut, or two equally near)
is unsure: None, and nothing of the table is read, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from pipelines.recognise.labels import labels_of
from pipelines.recognise.ocr_labels import nearest_label

_OVERLAP = 0.3  # share of the narrower fragment's width two lines of one cell overlap by
_LINK_GAP = 1.0  # glyph heights between the lines of one cell
_MAX_LINES = 16  # lines of one label at most (a long label in a narrow column)
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


@lru_cache(maxsize=4096)
def _match(text: str) -> int | None:
    """0 when the text is a template label, 1 when it nearly spells one (an OCR misreading,
    ocr_labels.py), None when neither."""
    if labels_of(text):
        return 0
    return 1 if nearest_label(text) is not None else None


def spells_label(text: str) -> bool:
    """Whether the text is a template label, or nearly spells one (OCR): a line of it
    under a row is a row of its own (a blank row's, a caption), no wrapped rest of the
    row's label (table_unruled.py's rows read as printed)."""
    return _match(text) is not None


def column_tables(text: str) -> set[str]:
    """The statutory tables of which the text is a column label (none: not one). Used by
    table_unruled.py to prove a header's blank columns (kept here, the one reader that
    knows the template's labels: tests/test_imports.py)."""
    return {label.table for label in labels_of(text) if label.kind == "column"}


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


# A cut: (labels nearly spelled, labels of blank rows, distance of the labels to their
# value lines, the groups (first piece, last piece + 1, value line or BLANK)). Fewer
# near-spellings first: a label cut one line short still nearly spells its label, and the
# next one's with that line too. Then fewer blank rows: a label is given no value line
# only when no cut gives it one.
_Cut = tuple[int, int, float, tuple[tuple[int, int, int], ...]]
BLANK = -1  # the value line of a blank row's label (a row printing no number)


def _blank_ok(group: list[Piece], value_y: dict[int, float]) -> bool:
    """Whether a label may be a blank row's: none of its lines holds numbers, and no line
    of numbers stands within its height (the row it would then be beside)."""
    if any(p.line in value_y for p in group):
        return False
    top, bottom = group[0].word.box.y0, group[-1].word.box.y1
    return not any(top <= y <= bottom for y in value_y.values())


def _best_two(chain: list[Piece], value_y: dict[int, float]) -> list[_Cut]:
    """The two best cuts of the chain into template labels, each label on a value line
    below the one before, or on none (a blank row's), fewest near-spellings, then fewest
    blank rows, then nearest."""
    memo: dict[tuple[int, int], list[_Cut]] = {}

    def best(i: int, last: int) -> list[_Cut]:
        if i == len(chain):
            return [(0, 0, 0.0, ())]
        if (i, last) in memo:
            return memo[(i, last)]
        options: list[_Cut] = []
        if last < 0 and chain[i].header_ok:
            options += best(i + 1, last)  # a header line's fragment, not a label
        common = set(chain[i].candidates)
        text = ""
        for j in range(i, min(len(chain), i + _MAX_LINES)):
            common &= set(chain[j].candidates)
            text += chain[j].word.text
            if not common:
                break
            fuzzy = _match(text)
            if fuzzy is None:
                continue
            centre = (chain[i].word.box.y0 + chain[j].word.box.y1) / 2
            for v in sorted(common):
                if v > last:
                    options += [(f + fuzzy, b, c + abs(centre - value_y[v]),
                                 ((i, j + 1, v), *g)) for f, b, c, g in best(j + 1, v)]
            if _blank_ok(chain[i:j + 1], value_y):
                options += [(f + fuzzy, b + 1, c, ((i, j + 1, BLANK), *g))
                            for f, b, c, g in best(j + 1, last)]
        memo[(i, last)] = sorted(options)[:2]
        return memo[(i, last)]

    return best(0, -1)


def assign(chain: list[Piece], value_y: dict[int, float],
           glyph: float) -> list[tuple[list[Piece], int]] | None:
    """The chain's labels with their value lines (BLANK for a blank row's); [] for a
    chain that is the header's; None when no cut makes template labels or two are
    equally good."""
    found = _best_two(chain, value_y)
    if not found:
        return None
    if len(found) > 1 and found[1][:2] == found[0][:2] and (
            found[1][2] - found[0][2] < _CLEARLY * glyph):
        return None
    return [(chain[a:b], v) for a, b, v in found[0][3]]


def labels_by_line(pieces: list[Piece], value_y: dict[int, float], glyph: float
                   ) -> tuple[dict[int, list[list[Piece]]], list[list[Piece]]] | None:
    """Each value line's labels (each a list of pieces, top to bottom), left to right,
    and the labels of blank rows (no line of numbers beside them), top to bottom; None
    when any is unsure or a value line has no label."""
    linked = chains(pieces, glyph)
    if linked is None:
        return None
    out: dict[int, list[list[Piece]]] = {v: [] for v in value_y}
    blank: list[list[Piece]] = []
    for chain in linked:
        got = assign(chain, value_y, glyph)
        if got is None:
            return None
        for group, v in got:
            (blank if v == BLANK else out[v]).append(group)
    if not all(out.values()):
        return None
    for groups in out.values():
        groups.sort(key=lambda g: min(p.word.box.x0 for p in g))
    blank.sort(key=lambda g: g[0].word.box.y0)
    return out, blank
