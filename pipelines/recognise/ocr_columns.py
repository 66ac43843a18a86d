"""Whether a scanned table's header prints its columns in another order than the template,
read from where OCR found its column labels.

column_order.py reads a header's order from text, whose lines OCR does not keep (a
wrapped label's pieces and a two-level header's labels sit at heights of their own). A
ruled scan gives every cell a box instead: 三's column labels, wherever their header row,
stand left to right in the order of their columns, and so do 四's within each of its
groups (结果维持 … 总计, three times). Identities cannot see a permutation of columns (every
row and column sum holds under it): 三 printed 自然人 last and read in the template's
order published 109 wrong numbers over three scanned reports (bench/RESULTS.md, stop 30).
Only labels read whole and matched to exactly one column of the table count; a header read
too poorly to name two columns proves nothing either way.
"""

from __future__ import annotations

from itertools import pairwise

from pipelines.document import REF_BOX
from pipelines.recognise.tokens import Token
from schemas.template import load_template


def misordered_scan_headers(tokens: list[Token], version_id: str) -> dict[str, list[str]]:
    """Table -> its column labels as printed left to right, for 三 and 四 whose header's
    label boxes stand in another order than the template's columns."""
    out: dict[str, list[str]] = {}
    rows = [i for i, t in enumerate(tokens) if _labels(t, "t3", "row")]
    if not rows:
        return out
    first, last = rows[0], rows[-1]
    start = max((i for i, t in enumerate(tokens[:first]) if _labels(t, "t2", None)),
                default=-1)
    for table, region, by_row in (("t3", tokens[start + 1:first], False),
                                  ("t4", tokens[last + 1:], True)):
        printed = _out_of_order(table, region, version_id, by_row)
        if printed:
            out[table] = printed
    return out


def _labels(token: Token, table: str, kind: str | None) -> list[str]:
    return [lab.key for lab in token.labels or () if lab.table == table
            and (kind is None or lab.kind == kind)] if token.kind == "label" else []


def _out_of_order(table: str, region: list[Token], version_id: str,
                  by_row: bool) -> list[str] | None:
    """The labels left to right where, in one printed row (`by_row`: 四's groups repeat
    its columns) or in the whole header (三: each column once, over two rows), a label
    stands left of one the template puts before it (四: after a group's 总计, a group
    starts again)."""
    order = [c.id for c in load_template().version(version_id).tables[table].columns]
    placed: dict[int | None, list[tuple[float, int, str]]] = {}
    for token in region:
        keys = _labels(token, table, "column")
        box = REF_BOX.search(token.ref or "")
        if len(keys) != 1 or box is None:
            continue
        x0, _, x1, _ = (int(g) for g in box.groups())
        placed.setdefault(token.row if by_row else None, []).append(
            ((x0 + x1) / 2, order.index(keys[0]), token.text))
    total = len(order) - 1
    totals = [x for labels in placed.values() for x, k, _ in labels if k == total]
    for labels in placed.values():
        # equal neighbours are one label's pieces read as two (`商业` / `企业`)
        if any(b < a and not (by_row and _group_ends(a, xa, xb, total, totals))
               for (xa, a, _), (xb, b, _) in pairwise(sorted(labels))):
            return [text for _, _, text in sorted(labels)]
    return None


def _group_ends(key: int, left: float, right: float, total: int,
                totals: list[float]) -> bool:
    """Whether a 四 group ends between two labels of one printed row: the left one is its
    总计, or a 总计 stands between them on another line (a header without ruling lines
    wraps its labels, and OCR reads a group's 总计 on the line below the others')."""
    return key == total or any(left < x < right for x in totals)
