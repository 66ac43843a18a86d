"""Whether a scanned table's header prints its columns in another order than the template,
read from where OCR found its column labels.

column_order.py reads a header's order from text, whose lines OCR does not keep (a
wrapped label's pieces and a two-level header's labels sit at heights of their own). A
ruled scan gives every cell a box instead: 三's column labels, wherever their header row,
stand left to right in the order of their columns, and so do 四's within each of its
groups (结果维持 … 总计, three times), 四's group labels on one row (未经复议直接起诉
before 复议后起诉) and each block of 二's column labels. Identities cannot see a
permutation of columns (every row and column sum holds under it): 三 printed 自然人 last
and read in the template's order published 109 wrong numbers over three scanned reports
(bench/RESULTS.md, stop 30), 四's lawsuit groups swapped 4 in 001 under five scan kinds.
Only labels read whole and matched to exactly one column of the table count; a header read
too poorly to name two columns proves nothing either way.
"""

from __future__ import annotations

from itertools import pairwise

from pipelines.document import REF_BOX
from pipelines.recognise.tokens import Token
from schemas.template import load_template


def misordered_scan_columns(tokens: list[Token], version_id: str
                            ) -> dict[str, tuple[list[str], tuple[str, ...] | None]]:
    """Table -> (its labels as printed left to right, the columns they put out of order:
    None for the whole table) for a scanned header whose label boxes stand in another
    order than the template's: 三's columns; 四's columns within a group and its groups
    (未经复议直接起诉 before 复议后起诉, on one printed row); a block of 二's columns (only
    that block's columns, as from text)."""
    out: dict[str, tuple[list[str], tuple[str, ...] | None]] = {}
    rows = [i for i, t in enumerate(tokens) if _labels(t, "t3", "row")]
    if not rows:
        return out
    first, last = rows[0], rows[-1]
    start = max((i for i, t in enumerate(tokens[:first]) if _labels(t, "t2", None)),
                default=-1)
    tables = load_template().version(version_id).tables
    t2 = _out_of_order("t2", "column", tokens[:first],
                       [(c.id, c.label) for c in tables["t2"].columns], by_row=True, spans=[])
    if t2:
        out["t2"] = ([text for _, _, text, _ in t2], tuple(dict.fromkeys(k for *_, k in t2)))
    for table, kind, region, by_row in (("t3", "column", tokens[start + 1:first], False),
                                        ("t4", "column", tokens[last + 1:], True),
                                        ("t4", "header", tokens[last + 1:], True)):
        order = [(c.id, c.label) for c in (tables[table].columns if kind == "column"
                                           else tables[table].rows)]
        printed = _out_of_order(table, kind, region, order, by_row,
                                _group_spans(region, {r.id for r in tables["t4"].rows})
                                if table == "t4" else [])
        if printed and table not in out:
            out[table] = ([text for _, _, text, _ in printed], None)
    return out


def _labels(token: Token, table: str, kind: str | None) -> list[str]:
    return [lab.key for lab in token.labels or () if lab.table == table
            and (kind is None or lab.kind == kind)] if token.kind == "label" else []


def _out_of_order(table: str, kind: str, region: list[Token], order: list[tuple[str, str]],
                  by_row: bool, spans: list[tuple[int, int]]
                  ) -> list[tuple[float, int, str, str]] | None:
    """The labels of `kind` left to right (x, place in `order`, text, key) of every
    printed row (`by_row`: 四's groups repeat its columns, 二's blocks each have a header
    row) or of the whole header (三: each column once, over two rows) where a label stands
    left of one `order` puts before it (四's columns: after a group's 总计, a group starts
    again, but not under one group label's box: `spans`)."""
    ids = [key for key, _ in order]
    placed: dict[int | None, list[tuple[float, int, str, str]]] = {}
    for token in region:
        keys = _labels(token, table, kind)
        box = REF_BOX.search(token.ref or "")
        if box is None:
            continue
        x0, _, x1, _ = (int(g) for g in box.groups())
        here = placed.setdefault(token.row if by_row else None, [])
        if len(keys) == 1 and keys[0] in ids:
            here.append(((x0 + x1) / 2, ids.index(keys[0]), token.text, keys[0]))
        elif token.kind == "text" and " cell " in (token.ref or ""):
            here += _run_together(token.text, x0, x1, order)
    restarts = table == "t4" and kind == "column"
    total = len(order) - 1
    totals = [x for labels in placed.values() for x, k, *_ in labels if k == total]
    # every printed row out of order, not the first only: 二's blocks each print their
    # columns, and a 2019 report's 第（五）、（六）项 may be swapped as its 第（一）项 is
    out = [label for labels in placed.values() if any(
        # equal neighbours are one label's pieces read as two (`商业` / `企业`)
        b < a and not (restarts and _new_group(a, xa, xb, total, totals, spans))
        for (xa, a, *_), (xb, b, *_) in pairwise(sorted(labels))) for label in sorted(labels)]
    return out or None


def _run_together(text: str, x0: int, x1: int, order: list[tuple[str, str]]
                  ) -> list[tuple[float, int, str, str]]:
    """Labels of `order` printed in one box, left to right as they stand in its text: the
    rule between two header cells lost on a noisy scan, OCR reads both cells as one
    (`复议后起诉未经复议直接起诉`). Each placed where its characters stand in the box; only
    where two or more labels are each found once, not inside one another, and they are
    most of the box's text (a sentence naming them in a cell is no header)."""
    flat = "".join(text.split())
    found = [(flat.find(label), label, i) for i, (_, label) in enumerate(order)
             if label and flat.count(label) == 1]
    found = [f for f in found if not any(
        f[1] != g[1] and g[0] <= f[0] and f[0] + len(f[1]) <= g[0] + len(g[1]) for g in found)]
    if len(found) < 2 or sum(len(label) for _, label, _ in found) < 0.8 * len(flat):
        return []
    width = (x1 - x0) / len(flat)
    return [(x0 + width * (at + len(label) / 2), i, label, order[i][0])
            for at, label, i in sorted(found)]


def _group_spans(region: list[Token], ids: set[str]) -> list[tuple[int, int]]:
    """The boxes (left, right) of 四's group labels (行政复议, 未经复议直接起诉, 复议后起诉)
    as read: each spans its group's columns in a ruled header."""
    spans = []
    for token in region:
        box = REF_BOX.search(token.ref or "")
        if box is not None and any(k in ids for k in _labels(token, "t4", "header")):
            x0, _, x1, _ = (int(g) for g in box.groups())
            spans.append((x0, x1))
    return spans


def _new_group(key: int, left: float, right: float, total: int, totals: list[float],
               spans: list[tuple[int, int]]) -> bool:
    """Whether a 四 group starts again between two labels of one printed row."""
    if _two_groups(left, right, spans):
        return True
    return _group_ends(key, left, right, total, totals) and not _one_group(left, right, spans)


def _one_group(left: float, right: float, spans: list[tuple[int, int]]) -> bool:
    """Whether two column labels stand under one group label's box: a 总计 printed first
    in its group is followed by that group's 结果维持, not the next group's (the labels
    after it run in the template's order, so only the group labels' boxes show it)."""
    return any(x0 <= left and right <= x1 for x0, x1 in spans)


def _two_groups(left: float, right: float, spans: list[tuple[int, int]]) -> bool:
    """Whether two column labels stand under two group labels' boxes, neither spanning
    both: they are two groups' columns, whatever their order (a group's 总计 OCR read too
    poorly to name, `总叶`, leaves nothing else to show where the group ended). Their
    order says nothing of the order within a group, which the labels of one group show,
    nor of the groups' own order, which the group labels show."""
    def alone(x: float, other: float) -> bool:
        return any(x0 <= x <= x1 and not x0 <= other <= x1 for x0, x1 in spans)
    return alone(left, right) and alone(right, left)


def _group_ends(key: int, left: float, right: float, total: int,
                totals: list[float]) -> bool:
    """Whether a 四 group ends between two labels of one printed row: the left one is its
    总计, or a 总计 stands between them on another line (a header without ruling lines
    wraps its labels, and OCR reads a group's 总计 on the line below the others')."""
    return key == total or any(left < x < right for x in totals)
