"""Rows that lost their blank cells: the ways to put their values back into columns.

Text dumps such as `lynx -dump` print one cell per line and drop empty cells, so a row
can show fewer values than the template's columns. The values keep their printed order;
which columns were blank is unknown. Each placement is a candidate for the solver
(solve.py), which keeps one only when it is the only one the identities allow.

In the identities a dropped blank counts as 0: that is the only reading under which the
identities can say anything about which columns were empty, and a placement is published
only when no other placement fits. A blank is still published as a null printed blank.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import inf

from pipelines.recognise.solve import (
    MAX_CANDIDATES,
    Budget,
    Candidate,
    Value,
    enumerate_fitting,
)

BLANK = -1  # the choice of a cell left blank


def placements(values: list[Value], n: int, rules: list[tuple[tuple, tuple]],
               budget: Budget, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """Every way to put the values, in order, into n cells that `rules` allow.

    A candidate's choices are, per cell, the index of its value or BLANK.
    """
    m = len(values)
    if m > n:
        return []

    def step(j: int, i: int) -> Iterator[tuple[Value, int, int]]:
        if j < m:
            yield values[j], j, j + 1
        if n - i - 1 >= m - j:
            yield 0, BLANK, j  # a dropped blank (see the module docstring)

    def upper(j: int, k: int) -> float:
        rest = values[j:]
        if any(v is None for v in rest):
            return inf
        return max(rest, default=0)

    return enumerate_fitting(n, 0, step, lambda j: j == m, upper, rules, budget, limit)
