"""The exact solver that settles cells whose columns the printed text does not fix.

Three kinds of unknown reach it: a digit run whose cell separators were lost (its
candidates are its splits into whole numbers, digits.py), a row that printed fewer
values than it has columns because a rendering dropped its blank cells (its candidates
are the ways to put the values, in order, into the columns, blanks.py), and a row of a
converter's cells each holding several columns' values or a wrapped number (`175 16`:
its candidates group each cell's pieces, digits.piece_groupings). Candidates are
enumerated cell by cell and pruned by the identities inside the unknown (a row's 总计,
table 四's group totals) as soon as they close or their bounds fail. Then every unknown of
a table is solved together, over every identity of the table: a candidate is kept only
when some choice for every other unknown satisfies all identities, and an unknown is
settled only when exactly one candidate is kept. Identities choose between readings of
what was printed; they never supply a number.

All work is counted against a `Budget`; past it, the unknowns still open stay unsettled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from math import inf

from schemas.identities import Identity

# Work bounds, in steps (a candidate tried or checked, ~5 µs each). Measured on the
# corpus and on renderings of every labelled report: a table that settles needs under
# 5,000 steps; past the bounds the unknowns still open stay null and flagged.
MAX_STEPS = 50_000  # a whole report
MAX_STEPS_PER_RUN = 5_000  # enumerating one unknown's candidates
# An unknown with more readings than this that fit its own identities is left open: the
# rest of the table is then far from fixing a single one.
MAX_CANDIDATES = 200

Value = int | float | None  # None: not a number (a dash, 无): identities through it are skipped


class OverBudget(Exception):
    """The work bound was reached before the unknowns were settled."""


@dataclass
class Budget:
    left: int = MAX_STEPS
    parent: Budget | None = None  # a part of a larger budget, which it also spends

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise OverBudget
        if self.parent is not None:
            self.parent.spend()

    def part(self, steps: int) -> Budget:
        return Budget(steps, self)


@dataclass(frozen=True)
class Candidate:
    values: tuple[Value, ...]  # what each cell counts as in the identities
    choices: tuple  # what each cell was given: a digit string, or a token index (-1: blank)


@dataclass
class Unknown:
    """Cells that one printed run fills in one of several ways."""

    key: tuple[str, str]  # (table, row), or (table, "all") for a whole table as one run
    cells: tuple[str, ...]
    candidates: list[Candidate] | None = None  # None: too many to enumerate
    why: str = ""  # why there are no candidates
    every_reading: bool = False  # find every reading the table allows, not just two


@dataclass(frozen=True)
class Settled:
    choice: Candidate | None  # the one candidate left, or None
    why: str = ""  # why it is not settled
    by_table: bool = False  # settled only with identities beyond the unknown's own
    readings: tuple[Candidate, ...] = ()  # every_reading: all the table allows, if several


# --- candidates of one unknown -------------------------------------------------------------

Step = Callable[[object, int], Iterable[tuple[Value, object, object]]]


def own_rules(cells: Sequence[str], rules: Iterable[Identity]) -> list[tuple[tuple, tuple]]:
    """The identities inside one unknown, as (lhs, rhs) positions among its cells."""
    pos = {c: i for i, c in enumerate(cells)}
    return [(tuple(pos[c] for c in r.lhs), tuple(pos[c] for c in r.rhs))
            for r in rules if all(c in pos for c in r.cells)]


def enumerate_fitting(n: int, start: object, step: Step, finished: Callable[[object], bool],
                      upper: Callable[[object, int], float], rules: list[tuple[tuple, tuple]],
                      budget: Budget, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """Every way `step` can fill n cells in order that no identity in `rules` rules out.

    `step(state, i)` yields (value, choice, next state) for cell i; `upper(state, k)` bounds
    any one of the k cells still to fill. A rule is checked when one of its cells is filled:
    exactly once all are, by bounds before. More than `limit` candidates raise OverBudget.
    """
    touching = [[r for r in rules if i in r[0] or i in r[1]] for i in range(n)]
    values: list[Value] = [0] * n
    choices: list = [None] * n
    out: list[Candidate] = []

    def fill(i: int, state: object) -> None:
        if i == n:
            if finished(state):
                out.append(Candidate(tuple(values), tuple(choices)))
                if len(out) > limit:
                    raise OverBudget
            return
        for value, choice, nxt in step(state, i):
            budget.spend()
            values[i], choices[i] = value, choice
            bound = upper(nxt, n - i - 1)
            if all(_may_hold(r, values, i, bound) for r in touching[i]):
                fill(i + 1, nxt)

    fill(0, start)
    return out


def _may_hold(rule: tuple[tuple, tuple], values: list[Value], filled: int, bound: float) -> bool:
    """Whether the rule can still hold: cells after `filled` lie in [0, bound]."""
    sums, open_cells = [0, 0], [0, 0]
    for side, positions in enumerate(rule):
        for p in positions:
            if p > filled:
                open_cells[side] += 1
                continue
            v = values[p]
            if v is None:
                return True  # not a number: the identity cannot be evaluated
            sums[side] += v
    if open_cells == [0, 0]:
        return sums[0] == sums[1]
    return (sums[0] <= sums[1] + open_cells[1] * bound
            and sums[1] <= sums[0] + open_cells[0] * bound)


# --- the whole table -----------------------------------------------------------------------

def settle(unknowns: Sequence[Unknown], known: Mapping[str, Value],
           rules: Sequence[Identity], budget: Budget) -> dict[tuple[str, str], Settled]:
    """Each unknown's one candidate that some solution of all the identities uses, or why not.

    An unknown whose own identities leave one candidate is settled by them alone (and
    then counts as printed for the others), even when no solution of the whole table
    exists: agencies do publish tables whose columns do not add up.
    """
    out: dict[tuple[str, str], Settled] = {}
    fixed = dict(known)
    live = []
    for u in unknowns:
        if u.candidates is None:
            out[u.key] = Settled(None, u.why)
        elif not u.candidates:
            out[u.key] = Settled(None, "none fits the row's own identities")
        elif len(u.candidates) == 1:
            out[u.key] = Settled(u.candidates[0])
            fixed.update(zip(u.cells, u.candidates[0].values, strict=True))
        else:
            live.append(u)
    owner = {c: u.key for u in live for c in u.cells}
    active = [r for r in rules if any(c in owner for c in r.cells)
              and all(c in owner or fixed.get(c) is not None for c in r.cells)]
    for component in _components(live, active, owner):
        out.update(_settle_component(component, active, fixed, budget))
    return out


def _components(live: list[Unknown], rules: list[Identity],
                owner: dict[str, tuple[str, str]]) -> list[list[Unknown]]:
    """Unknowns linked by an identity that reads cells of both."""
    parent = {u.key: u.key for u in live}

    def root(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            k = parent[k]
        return k

    for r in rules:
        keys = {owner[c] for c in r.cells if c in owner}
        first = root(keys.pop())
        for k in keys:
            parent[root(k)] = first
    groups: dict[tuple[str, str], list[Unknown]] = {}
    for u in live:
        groups.setdefault(root(u.key), []).append(u)
    return list(groups.values())


Domains = dict[tuple[str, str], list[int]]  # unknown -> indices of candidates still open


class _Search:
    """One component: each identity as a sum that must be 0, narrowed by bounds.

    An identity lhs = rhs is sum(lhs) - sum(rhs) = 0: a constant from the printed cells
    plus each unknown's contribution under its candidate. A candidate is dropped when,
    with every other unknown anywhere in its open range, the sum cannot reach 0; this is
    repeated until nothing changes, so the search below rarely backtracks.
    """

    def __init__(self, component: list[Unknown], rules: list[Identity],
                 fixed: Mapping[str, Value]) -> None:
        self.unknowns = {u.key: u for u in component}
        position = {c: (u.key, i) for u in component for i, c in enumerate(u.cells)}
        self.rules: list[tuple[float, dict[tuple[str, str], list[float | None]]]] = []
        for r in rules:
            if not any(c in position for c in r.cells):
                continue  # an identity of another component
            const, signs = 0.0, {}
            for sign, cells in ((1, r.lhs), (-1, r.rhs)):
                for c in cells:
                    if c in position:
                        signs.setdefault(position[c][0], []).append((sign, position[c][1]))
                    else:
                        const += sign * fixed[c]
            self.rules.append((const, {k: [_contribution(cand, ps) for cand in
                                           self.unknowns[k].candidates]
                                       for k, ps in signs.items()}))
        self.rules_of: dict[tuple[str, str], list[int]] = {k: [] for k in self.unknowns}
        for n, (_, parts) in enumerate(self.rules):
            for k in parts:
                self.rules_of[k].append(n)

    def narrow(self, domains: Domains, changed: set[tuple[str, str]], budget: Budget) -> bool:
        """Drop the candidates no solution can use; False when some unknown has none left."""
        queue = {n for k in changed for n in self.rules_of[k]}
        while queue:
            n = queue.pop()
            const, parts = self.rules[n]
            ranges = {k: _range(contrib, domains[k]) for k, contrib in parts.items()}
            lo = const + sum(r[0] for r in ranges.values())
            hi = const + sum(r[1] for r in ranges.values())
            for k, contrib in parts.items():
                rest_lo, rest_hi = lo - ranges[k][0], hi - ranges[k][1]
                kept = []
                for ci in domains[k]:
                    budget.spend()
                    v = contrib[ci]
                    if v is None or rest_lo + v <= 0 <= rest_hi + v:
                        kept.append(ci)
                if not kept:
                    return False
                if len(kept) < len(domains[k]):
                    domains[k] = kept
                    queue.update(self.rules_of[k])
        return True

    def find(self, domains: Domains, budget: Budget) -> dict[tuple[str, str], int] | None:
        """A solution within the (narrowed) domains: {key: candidate index}, or None."""
        open_keys = [k for k, d in domains.items() if len(d) > 1]
        if not open_keys:
            return {k: d[0] for k, d in domains.items()}
        key = min(open_keys, key=lambda k: len(domains[k]))
        for ci in domains[key]:
            trial = dict(domains)
            trial[key] = [ci]
            if self.narrow(trial, {key}, budget):
                found = self.find(trial, budget)
                if found is not None:
                    return found
        return None


def _contribution(cand: Candidate, positions: list[tuple[int, int]]) -> float | None:
    total = 0.0
    for sign, i in positions:
        v = cand.values[i]
        if v is None:
            return None  # not a number: the identity says nothing about this candidate
        total += sign * v
    return total


def _range(contrib: list[float | None], domain: list[int]) -> tuple[float, float]:
    vals = [contrib[ci] for ci in domain]
    if any(v is None for v in vals):
        return -inf, inf
    return min(vals), max(vals)


def _settle_component(component: list[Unknown], rules: list[Identity],
                      fixed: Mapping[str, Value], budget: Budget) -> dict:
    keys = [u.key for u in component]
    search = _Search(component, rules, fixed)
    supported: dict[tuple[str, str], set[int]] = {k: set() for k in keys}
    try:
        root = {u.key: list(range(len(u.candidates))) for u in component}
        if not search.narrow(root, set(keys), budget) or search.find(root, budget) is None:
            return {k: Settled(None, "no combination of readings satisfies the table's "
                                     "identities") for k in keys}
        for k in sorted(keys, key=lambda k: len(root[k])):
            for ci in root[k]:
                if len(supported[k]) > 1 and not search.unknowns[k].every_reading:
                    break  # two readings fit: the unknown stays open, whatever the rest
                if ci in supported[k]:
                    continue
                trial = dict(root)
                trial[k] = [ci]
                solution = search.find(trial, budget) if search.narrow(trial, {k}, budget) \
                    else None
                for key, c in (solution or {}).items():
                    supported[key].add(c)
    except OverBudget:
        return {k: Settled(None, "too many combinations to settle") for k in keys}
    out = {}
    for k, s in supported.items():
        cands = search.unknowns[k].candidates
        if len(s) == 1:
            out[k] = Settled(cands[next(iter(s))], by_table=True)
        else:
            readings = tuple(cands[ci] for ci in sorted(s))
            out[k] = Settled(None, "more than one reading fits the table's identities",
                             True, readings if search.unknowns[k].every_reading else ())
    return out
