"""Row labels an agency misprinted (a typo, a character missing or extra), matched to the
statutory row they stand for, or left unmatched and flagged.

Printed text that is no label (a `text` token, or a column's word such as 总计 printed
in a table row, an item number omitted) followed by its values, inside table 二
or 三, is compared with that table's rows (labels.closest_row). It becomes that row's
label only when all of these hold, so that a misprint can never take another row's place:
- its table is the table of the labels printed before it (never a row of another table);
- it is at least MIN_SIMILARITY close to the row and MIN_MARGIN closer than to any other
  row of the table, and its item number (`2.`, `（三）`) is the row's where one is printed;
- the row is not printed elsewhere with its own label, lies between the rows printed
  before and after it (rows are printed in the statute's order), and no other misprint
  matches it too.
Otherwise the text stays text, so its values are never read as a neighbour's, and a
text that is numbered like a row or close to one is flagged `row_label_unmatched`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipelines.recognise.labels import (
    MIN_MARGIN,
    MIN_SIMILARITY,
    Label,
    closest_row,
    item_number,
)
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token
from pipelines.report import Flag
from schemas.template import Row, Version, load_template

_TABLES_WITH_ROW_LABELS = ("t2", "t3")
_TABLE_NAMES = {"t2": "table 二", "t3": "table 三"}


@dataclass(frozen=True)
class _Candidate:
    index: int  # of the token
    table: str
    row: Row | None  # the row it is matched to, None when rejected
    why: str  # the reason it was rejected, or the match's similarity


def relabel_misprints(tokens: list[Token], version: Version) -> list[Flag]:
    """Turn misprinted row labels into their rows' labels (in place); flags for each."""
    # a value token is never a label (the first test of _judge, spared a call per value)
    candidates = [c for i, t in enumerate(tokens)
                  if t.kind != "value" and (c := _judge(tokens, i, version))]
    claimed: dict[tuple[str, str], int] = {}
    for c in candidates:
        if c.row is not None:
            claimed[(c.table, c.row.id)] = claimed.get((c.table, c.row.id), 0) + 1
    flags = []
    for c in candidates:
        text = tokens[c.index].text.strip()
        where = f"{_TABLE_NAMES[c.table]}: {text!r}"
        if c.row is not None and claimed[(c.table, c.row.id)] == 1:
            tokens[c.index].kind = "label"
            tokens[c.index].labels = (Label("row", c.table, c.row.id, frozenset({version.id})),)
            flags.append(Flag("row_label_misprinted",
                              f"{where} read as row {c.table}.{c.row.id} {c.row.label} "
                              f"({c.why})"))
        else:
            why = c.why if c.row is None else f"it is as close to {c.row.id} as another row"
            flags.append(Flag("row_label_unmatched", f"{where}: {why}; its values are not read"))
    return flags


def _judge(tokens: list[Token], i: int, version: Version) -> _Candidate | None:
    """Whether token i is a misprinted row label, and of which row; None if no row label."""
    token = tokens[i]
    # most tokens are values, and most others are followed by no value: both cheap to tell
    if token.kind == "value" or not _values_follow(tokens, i) \
            or not (token.kind == "text" or _column_word_in_a_row(tokens, i)):
        return None
    table = _table_before(tokens, i)
    if table not in _TABLES_WITH_ROW_LABELS:
        return None
    rows = version.tables[table].rows
    printed = normalise(token.text)
    row, best, second = _closest(printed, version.id, table)
    numbered = bool(item_number(printed)[0])
    if row is None or best < MIN_SIMILARITY:
        return _Candidate(i, table, None, "it is close to no row of the table") if numbered \
            else None
    if token.kind == "label" and item_number(normalise(row.label))[1] != printed:
        return None  # a column's word that is not a row's label without its number
    if best - second < MIN_MARGIN:
        return _Candidate(i, table, None, "it is about as close to two rows of the table")
    if row.is_group:
        return None  # a group label has no values: what follows is not its row
    position = [r.id for r in rows].index(row.id)
    before, after, printed_rows = _rows_around(tokens, i, table, rows)
    if row.id in printed_rows:
        return _Candidate(i, table, None, f"row {row.id} is printed with its own label")
    if not before < position < after:
        return _Candidate(i, table, None, f"row {row.id} would be out of the statute's order")
    return _Candidate(i, table, row, f"similarity {best:.2f}, next row {second:.2f}")


@lru_cache(maxsize=4096)
def _closest(printed: str, version_id: str, table: str) -> tuple[Row | None, float, float]:
    """labels.closest_row, cached: the same texts recur in report after report."""
    return closest_row(printed, load_template().version(version_id).tables[table].rows)


def _column_word_in_a_row(tokens: list[Token], i: int) -> bool:
    """A label that names only columns (总计) printed first in a table row with values
    after it: a row label printed without its item number ("（七）总计" as 总计), which
    the same rules then match or reject, when it is exactly such a row's label without
    its number. Only where the rendering kept rows: a column header printed on its own
    line is directly followed by values too."""
    token = tokens[i]
    if not (token.kind == "label" and token.row is not None
            and all(lab.kind in ("column", "header") for lab in token.labels)
            and not item_number(normalise(token.text))[0]):
        return False
    after = [t for t in tokens[i + 1:i + 40] if t.row == token.row]
    # a header row's column word is followed by labels or empty cells, never a number
    return any(t.kind == "value" and t.printed.state == "number" for t in after)


def _values_follow(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (nxt is not None and nxt.kind == "value"
            and (tokens[i].row is None or nxt.row == tokens[i].row))


def _table_before(tokens: list[Token], i: int) -> str | None:
    """The table of the last label printed before token i, if its labels name one table."""
    for t in reversed(tokens[:i]):
        if t.kind == "label":
            tables = {lab.table for lab in t.labels}
            if len(tables) == 1:
                return tables.pop()
    return None


def _rows_around(tokens: list[Token], i: int, table: str,
                 rows: tuple[Row, ...]) -> tuple[int, int, set[str]]:
    """Template positions of the table's rows printed last before and first after token
    i, and every row of the table printed with its own label."""
    position = {r.id: k for k, r in enumerate(rows)}
    before, after, printed = -1, len(rows), set()
    for k, t in enumerate(tokens):
        for lab in t.labels if t.kind == "label" else ():
            if lab.table == table and lab.key in position and lab.kind in ("row", "group"):
                printed.add(lab.key)
                if k < i:
                    before = position[lab.key]
                elif after == len(rows):
                    after = position[lab.key]
    return before, after, printed
