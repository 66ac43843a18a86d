"""The printed order of table 三's columns, read from its header's pieces line by line.

pdftotext -layout prints 三's header wrapped column by column over several lines, each
label cut into pieces (`自然   法人或其他组织` / `总计 人 商业 科研 社会公 法律服 其` /
`企业 机构 益组织 务机构 他`), and its drift between lines moves a piece by a column or
more, so no label is read whole and the stacks by position say nothing
(header_stacks.py). But on one line the words print left to right in their columns'
order, whatever the drift. So each line gives an order between the columns its pieces
name, and where the lines together order every column of the header one way only, that
is the printed order: column_map.py then places the rows by it as by a header row of
whole labels (a printed row of labels, `Printed`).

A piece names a column where it starts exactly one of 三's labels (社会公 of
社会公益组织, 其 of 其他), or, starting none, ends exactly one (人 of 自然人, 他 of 其他;
not 机构, which ends two, nor 计, which ends 总计 and 小计). 法人或其他组织 stands for
every column under it (the organisations, and a 小计 among them); a 小计 (合计) word or
its first character is the column the statute lacks. Any doubt leaves no order: a
column named twice on one line, two lines contradicting each other (or 法人或其他组织 on
a line with a column under it), a column of the header named nowhere, two columns the
lines do not order, a column between two under 法人或其他组织 (a merged cell spans
adjacent columns), or two bands giving different orders.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations, groupby

from pipelines.document import PlacedWord
from pipelines.recognise.column_map import EXTRA, SUBTOTAL, SUBTOTAL_WORDS, Printed
from pipelines.recognise.normalise import normalise
from schemas.template import load_template

_GROUP = "group"  # 法人或其他组织, over the organisation columns


@cache
def _names(version_id: str) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """三's (key, normalised label) pairs, the 小计 words with key SUBTOTAL, and its
    upper header (法人或其他组织), normalised."""
    table = load_template().version(version_id).tables["t3"]
    pairs = [(c.id, normalise(c.label)) for c in table.columns]
    pairs += [(SUBTOTAL, w) for w in sorted(SUBTOTAL_WORDS)]
    group = normalise(table.header[-1]) if len(table.header) > 1 else None
    return tuple(pairs), group


def _named(piece: str, version_id: str) -> str | None:
    """The one column key (or _GROUP) the piece starts, or else ends; None if not one."""
    pairs, group = _names(version_id)
    every = [*pairs, *([(_GROUP, group)] if group else [])]
    for test in (str.startswith, str.endswith):
        keys = {key for key, label in every if test(label, piece)}
        if keys:
            return keys.pop() if len(keys) == 1 else None
    return None


Order = tuple[Printed, frozenset[str]]  # the printed row of labels, the columns lacking


def _band_order(band: tuple[PlacedWord, ...], version_id: str) -> Order | None:
    """The order of 三's columns the band's lines prove, as a printed row of labels, and
    the columns it provably lacks."""
    table = load_template().version(version_id).tables["t3"]
    columns = [c.id for c in table.columns]
    label_of = dict(_names(version_id)[0])
    unnamed: list[str] = []
    under = set(columns[1:-1]) | {SUBTOTAL}
    before: set[tuple[str, str]] = set()
    texts: dict[str, str] = {}
    for _, group in groupby(sorted(band), key=lambda w: w.line):
        line: list[str] = []
        for word in group:
            piece = normalise(word.text)
            key = _named(piece, version_id) if piece else None
            if key is None:
                unnamed.append(piece)
                continue
            if key in line:
                return None  # a column named twice on one line
            line.append(key)
            texts.setdefault(key, word.text)
        if _GROUP in line and under & set(line):
            return None  # the header over the organisations beside one of them
        for a, b in combinations(line, 2):
            before |= {(x, y) for x in (under if a == _GROUP else {a})
                       for y in (under if b == _GROUP else {b})}
    items = [k for k in columns if k in texts] + ([SUBTOTAL] if SUBTOTAL in texts else [])
    absent = frozenset(k for k in columns if k not in texts)
    if absent and (columns[-1] in absent or _GROUP not in texts or any(
            ch in word for k in absent for ch in label_of[k] for word in unnamed)):
        # a column named nowhere is lacking only where the band holds the header's top
        # (法人或其他组织), no character of its label is left in a word naming no
        # column (a piece glued to a neighbour's), and it is not 总计 (nothing would
        # check the others): else its place is unknown
        return None
    before = {(a, b) for a, b in before if a in items and b in items}
    for k in items:  # transitive closure (Warshall)
        before |= {(a, c) for a, b in before if b == k for k2, c in before if k2 == k}
    if any((a, a) in before for a in items) or any(
            (a, b) not in before and (b, a) not in before for a, b in combinations(items, 2)):
        return None  # the lines contradict each other, or leave two columns unordered
    order = sorted(items, key=lambda k: sum((k, o) in before for o in items), reverse=True)
    at = [i for i, k in enumerate(order) if k in under]
    if not at or at[-1] - at[0] != len(at) - 1:
        # the columns under 法人或其他组织 are adjacent (a merged cell spans adjacent
        # columns): a header printing another column among them is no such header (a
        # broken rowspan printing three organisations left, in the labels' column); one
        # naming none of them (法人或其他组织 a column of its own) is not 三's header
        return None
    return [(EXTRA if k == SUBTOTAL else "t3", k, texts[k]) for k in order], absent


def printed_order(bands: tuple[tuple[PlacedWord, ...], ...], version_id: str) -> Order | None:
    """三's columns in the order its header's pieces prove (module docstring), with the
    first piece printed of each, and the columns it provably lacks, from every band that
    orders them all; None where none does or two disagree."""
    orders = [o for band in bands if (o := _band_order(band, version_id)) is not None]
    if not orders or len({tuple(k for _, k, _ in o) for o, _ in orders}) != 1:
        return None
    return orders[0]
