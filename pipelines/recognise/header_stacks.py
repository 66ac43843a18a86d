"""Header labels of text laid out by position, stacked back by column.

`pdftotext -layout` of a narrow table wraps each header cell line by line and prints the
pieces of neighbouring cells side by side on each line (`自 法人或其他组织` over `然 其
法律服 社会公 …` over `人 他 务机构 益组织 …`), so no label prints whole on any line.
A cell's lines start at about the same character (a line's wide glyphs shift what
follows by a character or two), or are centred on one another. A piece continues the
stack above it where it starts (or is centred) within _SLACK characters of the stack's
last piece and the two spell the start of a statutory label; where a stack could take
two pieces, or a piece continue two stacks, none does: neighbouring columns print as
near as two characters apart, and a piece of another cell would spell another label. A
merged cell over several columns (法人或其他组织 over the five organisations) spells no
label with the piece under it and stays a stack of its own.

A stack that spells a whole label is read at the character its first piece starts: the
labels of a header band left to right are its columns' printed order, whatever line each
starts on (a one-line cell prints on the middle line of a tall header row).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cmp_to_key
from itertools import groupby

from pipelines.document import PlacedWord
from pipelines.recognise.normalise import normalise

_SLACK = 2  # characters: the lines of one cell start (or centre) this near each other


@dataclass
class _Stack:
    text: str
    pieces: list[PlacedWord]

    @property
    def last(self) -> PlacedWord:
        return self.pieces[-1]


def _left_of(a: _Stack, b: _Stack) -> int:
    """Negative where stack a prints left of b: on a line both print on, their pieces'
    order there (a line's words are in order whatever the drift); else where their first
    pieces start. 0: not known."""
    at = {w.line: w.start for w in b.pieces}
    for w in a.pieces:
        if w.line in at:
            return w.start - at[w.line]
    return a.pieces[0].start - b.pieces[0].start


@cache
def _prefixes(names: frozenset[str]) -> frozenset[str]:
    return frozenset(name[:k] for name in names for k in range(1, len(name) + 1))


def _aligned(upper: PlacedWord, lower: PlacedWord) -> bool:
    centres = upper.start * 2 + len(upper.text) - lower.start * 2 - len(lower.text)
    return abs(upper.start - lower.start) <= _SLACK or abs(centres) <= _SLACK


def _over(upper: PlacedWord, lower: PlacedWord) -> bool:
    """Whether `lower` prints in the column of `upper` (aligned with it, or overlapping)."""
    return _aligned(upper, lower) or (
        upper.start < lower.start + len(lower.text) and lower.start < upper.start + len(upper.text))


def stacked_labels(band: tuple[PlacedWord, ...], names: frozenset[str]) -> list[tuple[int, str]]:
    """The band's stacks that spell a whole label of `names` (normalised), left to right,
    as (rank, text): two stacks whose order is not known (`_left_of`) share a rank. A
    stack passes over a line that prints nothing in its column: cells of one header row
    are centred on its height, a cell of two lines there has a neighbour's middle line
    between them."""
    prefixes = _prefixes(names)
    done: list[_Stack] = []
    open_: list[_Stack] = []  # stacks nothing has printed under yet
    for _, group in groupby(sorted(band), key=lambda w: w.line):
        words = list(group)
        claims: dict[int, list[_Stack]] = {}
        for stack in open_:
            fits = [j for j, w in enumerate(words)
                    if _aligned(stack.last, w) and normalise(stack.text + w.text) in prefixes]
            if len(fits) == 1:
                claims.setdefault(fits[0], []).append(stack)
        grown: list[_Stack] = []
        fresh: list[_Stack] = []
        for j, word in enumerate(words):
            owners = claims.get(j, [])
            if len(owners) == 1:
                owners[0].text += word.text
                owners[0].pieces.append(word)
                grown.append(owners[0])
            else:
                fresh.append(_Stack(word.text, [word]))
        kept = []
        for stack in open_:
            if any(stack is g for g in grown):
                kept.append(stack)
            elif any(_over(stack.last, w) for w in words):
                done.append(stack)  # another piece under it: its cell has ended
            else:
                kept.append(stack)
        open_ = kept + fresh
    done += open_
    ordered = sorted((s for s in done if normalise(s.text) in names), key=cmp_to_key(_left_of))
    ranks, rank = [], 0
    for k, stack in enumerate(ordered):
        rank += k > 0 and _left_of(ordered[k - 1], stack) != 0
        ranks.append((rank, stack.text))
    return ranks


def page_pieces(band: tuple[PlacedWord, ...]) -> list[tuple[PlacedWord, ...]]:
    """The band's pieces of consecutive lines: one, or one a page where a page break's
    running lines (no header's words) part its lines (text_aligned._header_bands)."""
    pieces: list[list[PlacedWord]] = []
    for word in sorted(band):
        if not pieces or word.line > pieces[-1][-1].line + 1:
            pieces.append([])
        pieces[-1].append(word)
    return [tuple(p) for p in pieces]


def rightmost_stack(band: tuple[PlacedWord, ...]) -> str | None:
    """The text of the band's last column, where it prints as a stack of its own: the
    pieces starting (or centred) within _SLACK characters of the band's rightmost piece,
    on consecutive lines, every other piece of the band ending before the stack starts.
    `pdftotext -layout` wraps a narrow header cell a character a line (`同` over `比`),
    so a column after the table's last prints its name down the band's right edge. None
    where another piece reaches into the stack's column (the drift joins neighbours)."""
    if not band:
        return None
    top = max(band, key=lambda w: w.start)
    stack = sorted(w for w in band if _aligned(top, w))
    lines = [w.line for w in stack]
    left = min(w.start for w in stack)
    if (lines != list(range(lines[0], lines[0] + len(lines)))
            or any(w.start + len(w.text) > left for w in band if w not in stack)):
        return None
    return "".join(w.text for w in stack)
