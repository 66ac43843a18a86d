"""Digit runs whose cell separators were lost (行政规范性文件8855698).

A run is split only when the split is forced: as many pieces as cells, or one digit per
cell. Otherwise its candidate splits are enumerated here, pruned by the identities inside
the run as they close, and the table's identities choose (solve.py); with no identity to
choose, the cells stay null. A number never has a leading zero, except a lone "0".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipelines.recognise.solve import MAX_CANDIDATES, Budget, Candidate, enumerate_fitting
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import read_printed

_DIGITS = re.compile(r"^\d+$")


def split_run(values: list[Token], n: int) -> list[Token] | None:
    """The n cell tokens of a run, when the split is forced; None when it is not."""
    if len(values) == n:
        return values
    if all(_DIGITS.match(v.text) for v in values) and sum(len(v.text) for v in values) == n:
        return [_piece(v, ch) for v in values for ch in v.text]
    return None


def _piece(token: Token, text: str) -> Token:
    # Not dataclasses.replace, which costs three times as much: this runs for every digit.
    return Token(token.kind, text, token.ref, token.row, token.labels, read_printed(text),
                 token.run_together, token.open_end, token.cut, token.furniture, token.stacked,
                 token.box_run)


def digit_splits(pieces: list[str], n: int, rules: list[tuple[tuple, tuple]],
                 budget: Budget, blanks: bool = False,
                 limit: int = MAX_CANDIDATES, cut: bool = True) -> list[Candidate]:
    """Every split of whitespace-separated digit pieces into n numbers fitting `rules`.

    A piece is never joined to the next (whitespace is a printed boundary), nor cut
    without `cut` (each piece one cell: only blanks between them); `rules` are
    (lhs, rhs) positions among the n cells (solve.own_rules). With `blanks`, a cell may
    also have been a blank the rendering dropped: choice "" and 0 in the identities, as
    in blanks.py.
    """
    if not all(_DIGITS.match(p) for p in pieces) or len(pieces) > n:
        return []
    left = [sum(len(p) for p in pieces[i:]) for i in range(len(pieces) + 1)]

    def step(state: tuple[int, int], i: int) -> Iterator[tuple[int, str, tuple[int, int]]]:
        p, off = state
        cells_after = n - i - 1
        if blanks and len(pieces) - p <= cells_after:
            yield 0, "", state
        if p == len(pieces):
            return
        piece = pieces[p]
        for end in range(off + 1 if cut else len(piece), len(piece) + 1):
            text = piece[off:end]
            if len(text) > 1 and text[0] == "0":
                break
            nxt = (p + 1, 0) if end == len(piece) else (p, end)
            digits_after = left[nxt[0]] - nxt[1]
            if len(pieces) - nxt[0] <= cells_after and (blanks or cells_after <= digits_after):
                yield int(text), text, nxt

    def upper(state: tuple[int, int], k: int) -> float:
        # each of the k cells still to fill takes a digit, unless it may be blank
        return 10 ** max(left[state[0]] - state[1] - (0 if blanks else k - 1), 0) - 1

    return enumerate_fitting(n, (0, 0), step, lambda s: s[0] == len(pieces), upper, rules,
                             budget, limit)


def candidate_splits(pieces: list[str], n: int) -> list[list[int]]:
    """Every split of whitespace-separated digit pieces into n whole numbers."""
    return [list(c.values) for c in digit_splits(pieces, n, [], Budget(), limit=10**9)]


def piece_groupings(cells: list[str], n: int, rules: list[tuple[tuple, tuple]],
                    budget: Budget, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """Every reading of printed cells, each holding whitespace-separated digit pieces, as
    n numbers fitting `rules`: a cell's pieces, in order, grouped into one number or more.

    A PDF table extractor (pdfplumber, under markitdown) that draws fewer columns than the
    page has prints two columns' values in one cell (`175 16`), and a number its cell
    wrapped over two lines the same way (`175` over `16`, 17516): each space in a cell is
    either a boundary between cells or no boundary at all. A cell is never empty and no
    number starts with 0 but a lone "0" (`0 0` is two zeros). Pieces of different printed
    cells are never joined. Each candidate's choices are the numbers' digit strings.
    """
    split = [c.split() for c in cells]
    if not all(split) or not all(_DIGITS.match(p) for ps in split for p in ps):
        return []
    # pieces and digits left from (cell, offset) on, to bound what the rest can hold
    pieces_after = [sum(len(ps) for ps in split[c:]) for c in range(len(split) + 1)]
    digits_after = [sum(len(p) for ps in split[c:] for p in ps) for c in range(len(split) + 1)]

    def left(state: tuple[int, int]) -> tuple[int, int]:
        c, off = state
        if c == len(split):
            return 0, 0
        return (pieces_after[c] - off,
                digits_after[c] - sum(len(p) for p in split[c][:off]))

    def step(state: tuple[int, int], i: int) -> Iterator[tuple[int, str, tuple[int, int]]]:
        c, off = state
        if c == len(split):
            return
        cells_after = n - i - 1
        for end in range(off + 1, len(split[c]) + 1):
            text = "".join(split[c][off:end])
            if len(text) > 1 and text[0] == "0":
                break
            nxt = (c + 1, 0) if end == len(split[c]) else (c, end)
            # every printed cell after this one holds a number at least; no cell is empty
            if len(split) - nxt[0] <= cells_after <= left(nxt)[0]:
                yield int(text), text, nxt

    def upper(state: tuple[int, int], k: int) -> float:
        return 10 ** left(state)[1] - 1

    return enumerate_fitting(n, (0, 0), step, lambda s: s[0] == len(split), upper, rules,
                             budget, limit)
