"""Rows of a box-drawn text table whose values begin in a label column: a span cut short.

A merged label whose rowspan is one short of its rows leaves the next row a cell short at
its left: a browser, w3m and elinks lay that row's cells one column left, its first value
under the labels of the rows around it, while a header that lost cells the same way draws
columns of no width that print no cell. Counted again, such a row may fill the template's
columns by coincidence: 001's `（七）总计 │2 │ │ │ │1│3│ │` under w3m (a small agency's
numbers, every 0 blank) was read 2 under 自然人, 1 under 法律服务机构 and 3 under 其他, for
2, 1 under 其他 and 3 under 总计; elinks read `8.属于行政查询事项`'s 总计 under 其他.

The page proves the shift (the row's first value begins at the display column where
another row of its statutory table begins its label) but not where each value belongs.
Such a row is null, flagged `row_may_be_shifted`, unless the table's identities prove it
as read and refute the same values one column left or right of it: at a small agency's
numbers rows of equal cells (1 and 1) let a shifted row pass an identity by chance, so
an identity that holds either way proves nothing. A row printing one same number in
every column (0 0 0 0 0 0 0) needs no proof: any shift reads it alike.

A blank counts as 0 here only as evidence between readings; a cell not read (ambiguous,
pending) counts as unknown, so an identity over it proves nothing and the row stays null.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache

from pipelines.document import REF_BOX_CELL
from pipelines.recognise.pushed import holds_as_read
from schemas.identities import Identity, fails


@lru_cache(maxsize=1 << 14)
def box_column(ref: str) -> tuple[str, int] | None:
    """(text table, display column) of a box-drawn table's cell, else None (cached: asked
    of every token by column_order._headers, and refs recur in every report)."""
    m = REF_BOX_CELL.fullmatch(ref)
    return (m[1], int(m[2])) if m else None


def label_columns(labels: Iterable[tuple[str, str]]) -> dict[str, set[tuple[str, int]]]:
    """Per statutory table, the (text table, column) where its row labels begin, from
    (statutory table, ref) of each row label printed."""
    out: dict[str, set[tuple[str, int]]] = {}
    for table, ref in labels:
        if (where := box_column(ref)) is not None:
            out.setdefault(table, set()).add(where)
    return out


def pulled_rows(value_refs: Mapping[tuple[str, str], tuple[Sequence[str], bool]],
                labels: Mapping[str, set[tuple[str, int]]],
                filled: Collection[str] = ()) -> set[tuple[str, str]]:
    """The (table, row)s placed by their count (no more values than columns: `counted`)
    whose first value (a blank too: a 0 printed blank) begins left of where most rows of
    their printed table begin their values, at a column where a row label of their table
    begins. Left only: a span one row too long pushes a row's label into the value
    columns instead, and the rows around it are no shifted rows. A row of more values
    than columns (a merged label split into empty cells) is read by its header or its
    padding, each with its own proof.

    A row whose last cell prints a number (its ref in `filled`) at the column where most
    rows of its printed table end is not pulled: a span cut short moves every cell of
    the row one slot left and leaves the table's last slot empty. Its leading blank is a
    label spanning two columns printed as a cell and an empty one (pandoc's rST grid
    table: `| （ | | 1288 | … | 1362 |`)."""
    first = _usual(value_refs, 0)
    last = _usual(value_refs, -1)
    pulled = set()
    for key, (refs, counted) in value_refs.items():
        where = box_column(refs[0]) if refs and counted else None
        if (where is not None and where in labels.get(key[0], set())
                and where[1] < first[(key[0], where[0])]
                and not _ends_filled(refs[-1], last.get((key[0], where[0])), filled)):
            pulled.add(key)
    return pulled


def _usual(value_refs: Mapping[tuple[str, str], tuple[Sequence[str], bool]], at: int
           ) -> dict[tuple[str, str], int]:
    """Per (statutory table, text table), the display column where most of its rows
    print their value `at` (0: first, -1: last)."""
    seen: dict[tuple[str, str], Counter[int]] = {}
    for (table, _), (refs, _) in value_refs.items():
        if refs and (where := box_column(refs[at])) is not None:
            seen.setdefault((table, where[0]), Counter())[where[1]] += 1
    return {key: count.most_common(1)[0][0] for key, count in seen.items()}


def _ends_filled(ref: str, last: int | None, filled: Collection[str]) -> bool:
    """Whether a row's last cell `ref` prints a number at its table's usual last column."""
    where = box_column(ref)
    return where is not None and where[1] == last and ref in filled


def alike(printed: Sequence[tuple[str, float | None]]) -> bool:
    """Whether a row's cells, as (state, value), all printed one same number: one
    number a column, the row reads the same however far it was shifted."""
    return all(state == "number" for state, _ in printed) and len(
        {value for _, value in printed}) == 1


def pull_proven(rules: Sequence[Identity], values: Mapping[str, float | None],
                own: Sequence[str]) -> bool:
    """Whether the row of cells `own` (printed order) is proven as read: its own identity
    (its 总计 the sum of its columns) evaluable and holding, no identity it is in failing,
    and each reading of its values one column left or right of where they were read
    breaking one of them (a row of equal cells, 0 0 0, proves nothing)."""
    touching = [r for r in rules if set(own) & set(r.cells)]
    if not holds_as_read(rules, values, own, touching):
        return False
    for k in (1, -1):
        moved = dict(values)
        for i, cid in enumerate(own):
            j = i + k
            moved[cid] = values.get(own[j]) if 0 <= j < len(own) else 0.0
        if not any(fails(r, moved) for r in touching):
            return False
    return True
