"""Whether table 三's header, printed cut into pieces, names the template's columns in order.

A PDF table extractor that draws fewer columns than the page has (pdfplumber, under
markitdown, on Chromium's prints) cuts 三's header as it cuts the rows: two columns' label
pieces in one cell, each label over several printed rows (`自然` … `人`; `商业` /
`科研 社会公` / `法律服 其` above `企业` / `机构 益组织` / `务机构 他`). No label is
read whole, so column_order.py finds no order to refute, and the values are placed in the
template's order unproven. Where a row's values must be read from such cells
(digits.piece_groupings), the header is asked to prove that order first: every column of
三 is started by a piece of the header (`社会公` starts 社会公益组织 and no other column),
on each printed line of the header such pieces stand in the template's order, and no word
of the header is a column word of no statutory label (a 小计 the template lacks). Where
it is not proven, the rows stay null (grid.py).
"""

from __future__ import annotations

from itertools import pairwise

from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import COLUMN_WORD, Token, piece_of_label
from schemas.template import Version


def _region(tokens: list[Token], first_row: int, table: str) -> list[Token]:
    """The tokens printed between the table's first row label and what stands above its
    header: a number (the previous table's last row), or a label of another table."""
    start = first_row
    while start > 0:
        t = tokens[start - 1]
        if t.kind == "value" and t.printed is not None and t.printed.state != "blank":
            break
        if t.kind == "label" and all(lb.table != table for lb in t.labels):
            break
        start -= 1
    return tokens[start:first_row]


def column_started(piece: str, labels: list[str]) -> int | None:
    """The index of the one column label the piece starts, else None."""
    hits = [k for k, label in enumerate(labels) if label.startswith(piece)]
    return hits[0] if len(hits) == 1 else None


def header_columns_proven(tokens: list[Token], first_row: int, version: Version,
                          table: str = "t3") -> bool:
    """Whether the header above the table's first row label (token `first_row`) names
    every column of the table, in the template's order, and no column it lacks."""
    labels = [normalise(c.label) for c in version.tables[table].columns]
    started: set[int] = set()
    lines: dict[int | None, list[int]] = {}
    for token in _region(tokens, first_row, table):
        if token.kind == "value":
            continue  # an empty cell
        for word in token.text.split():
            piece = normalise(word)
            if not piece:
                continue
            k = column_started(piece, labels)
            if k is not None:
                started.add(k)
                lines.setdefault(token.row, []).append(k)
            elif (token.kind == "text" and COLUMN_WORD.match(piece)
                  and not piece_of_label(piece)):
                return False  # a column word no statutory label holds: a column it lacks
    if None in lines or len(started) != len(labels):
        return False
    return all(all(a < b for a, b in pairwise(ks)) for ks in lines.values())
