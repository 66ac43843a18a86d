"""Digit runs whose cell separators were lost (行政规范性文件8855698).

A run is split only when the split is forced: as many pieces as cells, or one digit per
cell. Otherwise the candidates are enumerated here and the statutory identities choose
(resolve.py); with no identity to choose, the cells stay null.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
                 token.run_together)


def _splits(piece: str, k: int) -> Iterator[list[str]]:
    """Every way to cut one digit string into k numbers without leading zeros."""
    if k == 1:
        if piece == "0" or not piece.startswith("0"):
            yield [piece]
        return
    for cut in range(1, len(piece) - k + 2):
        head = piece[:cut]
        if head != "0" and head.startswith("0"):
            break
        for rest in _splits(piece[cut:], k - 1):
            yield [head, *rest]


def candidate_splits(pieces: list[str], n: int) -> Iterator[list[int]]:
    """Every split of whitespace-separated digit pieces into n whole numbers."""
    if not all(_DIGITS.match(p) for p in pieces) or len(pieces) > n:
        return

    def place(i: int, left: int) -> Iterator[list[str]]:
        if i == len(pieces):
            if left == 0:
                yield []
            return
        remaining = len(pieces) - i - 1
        for k in range(1, min(len(pieces[i]), left - remaining) + 1):
            for cut in _splits(pieces[i], k):
                for rest in place(i + 1, left - k):
                    yield cut + rest

    for split in place(0, n):
        yield [int(x) for x in split]
