"""Whether a row of a table printed at a fixed width that opens with a blank is read as
printed: the identities must refute every push its leading blanks allow.

pandoc keeps a table as wide as its widest row's own cells: a cell a rowspan from above
covers prints as a blank and pushes the row's values right, the last ones dropped past
the table's edge without a trace (grid.maybe_pushed). A blank opening a row is also
what an agency prints for a 0 in its first column, and busy agencies leave every 0
blank, so a row opening with a blank is ambiguous on its own (h-revtext: 13 cells of
the ten labelled reports a rendering null, revalued-blanks x pandoc).

The table's identities tell the two apart. Read as printed, the row breaks none of the
identities it is in, and its own (its 总计 = the sum of its columns) is evaluable and
holds; read pushed by each count of its leading blanks (the values that many columns
left, the last ones unknown), it breaks one that is evaluable. Table 三's column sums
(results and balance) refute a push of one of its rows; a row of 四 printed on one line
with the others is refuted by the next group's identity, its last group by none.

A blank counts as 0 here only as evidence between two readings of what was printed; it
is still published blank. A cell not read (ambiguous, pending) counts as unknown, so an
identity over it refutes nothing and proves nothing: the row stays null.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from schemas.identities import Identity, fails


def holds_as_read(rules: Sequence[Identity], values: Mapping[str, float | None],
                  own: Sequence[str], touching: Sequence[Identity]) -> bool:
    """Whether the row of cells `own` holds as read: an identity of its own cells alone
    (its 总计 the sum of its columns) evaluable and holding, and none of the `touching`
    identities failing. What a row moved by a span (pushed right, pulled left) must show
    before the moved readings are tried."""
    own_set = set(own)
    own_rules = [r for r in rules if set(r.cells) <= own_set]
    if not own_rules or any(values.get(c) is None for r in own_rules for c in r.cells):
        return False
    return not any(fails(r, values) for r in touching)


def push_refuted(rules: Sequence[Identity], values: Mapping[str, float | None],
                 run: Sequence[str], start: int, width: int, lead: int) -> bool:
    """Whether the row whose `width` cells begin at `start` of the printed `run` (cell
    ids in printed order: a row of 三, or 四's whole line) is proven as printed.

    `values` holds each cell of the table as read: a number, 0 for a printed blank, None
    where nothing was read. `lead` is the count of blanks opening the row: a push of
    1..lead columns is what each of them may be (a covered cell each)."""
    tail = list(run[start:])
    touching = [r for r in rules if set(tail) & set(r.cells)]
    if not holds_as_read(rules, values, tail[:width], touching):
        return False
    for k in range(1, lead + 1):
        pushed = dict(values)
        for i, cid in enumerate(tail):
            pushed[cid] = values.get(tail[i + k]) if i + k < len(tail) else None
        if not any(fails(r, pushed) for r in touching):
            return False
    return True
