"""Row labels an agency misprinted (a typo, a character missing or extra), matched to the
statutory row they stand for, or left unmatched and flagged.

Printed text that is no label (a `text` token, or a column's word such as 总计 printed
in a table row, an item number omitted) followed by its values, inside table 二
or 三, is compared with that table's rows (labels.closest_row). It becomes that row's
label only when all of these hold, so that a misprint can never take another row's place:
- its table is the table of the labels printed before it (never a row of another table);
- it is at least MIN_SIMILARITY close to the row and MIN_MARGIN closer than to any other
  row of the table, and its item number (`2.`, `（三）`) is the row's where one is printed;
  a text read by OCR may be as little as OCR_MIN_SIMILARITY close where its words are
  OCR_MIN_MARGIN closer to the row's than to any other row's (a small scan garbles a
  character in three, `医、站转下年度港续办理` for 四、结转下年度继续办理: 0.64, the next
  row 0.07);
- the row is not printed elsewhere with its own label, lies between the rows printed
  before and after it (rows are printed in the statute's order), and no other misprint
  matches it too;
- it holds no number printed apart from its words (`行政许可     1`: a value a page
  printed beside the label in one cell of text, the rest on the next line, as
  pdftotext -layout does with a number broken by a `<br>`): no typo prints a number
  between spaces, and its values are unproven;
- its label does not go on in the next printed row with values there too (`要求行政机关
  确认或重新出具已获 1 1` / `取信息 5. 2`: pdftotext -layout of a row cut by a page
  break; `2.没有现成信息需要另行 5 0` / `提供 制作 5`): the row's values are printed over
  both, and those of its first line alone may add up by chance (1 and 1 read as a count
  and its 总计);
- no text printed before it in its printed row carries a group's item number (`（六）`)
  that is neither its row's nor one of its groups': such a row holds another row's
  label too (a browser laid a spanning cell's rows out of place: `（六）其他` beside
  `5.要求行政机关确认…`, (六)其他处理's 4 after them), so its values may be that row's.
Otherwise the text stays text, so its values are never read as a neighbour's, and a
text that is numbered like a row or close to one is flagged `row_label_unmatched`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from pipelines.recognise.labels import (
    MIN_MARGIN,
    MIN_SIMILARITY,
    OCR_MIN_MARGIN,
    OCR_MIN_SIMILARITY,
    Label,
    closest_row,
    item_number,
    row_similarity,
)
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import may_stand_for_value
from pipelines.report import Flag
from schemas.template import Row, Version, load_template

_TABLES_WITH_ROW_LABELS = ("t2", "t3")
# A number between whitespace (or ending the text) after a label's words: a value.
_NUMBER_APART = re.compile(r"\S\s+[0-9０-９]+(?:[.,][0-9]+)*(?=\s|$)")
_TABLE_NAMES = {"t2": "table 二", "t3": "table 三"}
_NOT_WORDS = re.compile(r"[^\u4e00-\u9fff]")  # all but Chinese characters


@dataclass(frozen=True)
class _Candidate:
    index: int  # of the token
    table: str
    row: Row | None  # the row it is matched to, None when rejected
    why: str  # the reason it was rejected, or the match's similarity


def relabel_misprints(tokens: list[Token], version: Version, ocr: bool = False,
                      placed_alone: set[str] | None = None) -> list[Flag]:
    """Turn misprinted row labels into their rows' labels (in place); flags for each. With
    `ocr` (pages read by OCR), a label far closer to one row than to any other is matched
    from a lower similarity, and rows still unmatched are then placed by their order where
    `_place_by_order` proves it, or by their place alone (`_place_alone`): those rows' ids
    (`t3.granted`) are added to `placed_alone`, their values to be proven by the
    identities (by_position.withdraw_unproven_rows)."""
    # a value token is never a label (the first test of _judge, spared a call per value)
    candidates = [c for i, t in enumerate(tokens)
                  if t.kind != "value" and (c := _judge(tokens, i, version, ocr))]
    claimed: dict[tuple[str, str], int] = {}
    for c in candidates:
        if c.row is not None:
            claimed[(c.table, c.row.id)] = claimed.get((c.table, c.row.id), 0) + 1
    flags: dict[int, Flag] = {}
    for c in candidates:
        where = _where(tokens, c.index, c.table)
        if c.row is not None and claimed[(c.table, c.row.id)] == 1:
            _relabel(tokens[c.index], c.table, c.row, version)
            flags[c.index] = Flag("row_label_misprinted",
                                  f"{where} read as row {c.table}.{c.row.id} {c.row.label} "
                                  f"({c.why})")
        else:
            why = c.why if c.row is None else f"it is as close to {c.row.id} as another row"
            flags[c.index] = Flag("row_label_unmatched",
                                  f"{where}: {why}; its values are not read")
    by_order = _place_by_order(tokens, version) if ocr else {}
    alone = _place_alone(tokens, version, by_order) if ocr else {}
    for index, (table, row, why) in {**by_order, **alone}.items():
        _relabel(tokens[index], table, row, version)
        flags[index] = Flag("row_label_garbled", f"{_where(tokens, index, table)} read as row "
                                                 f"{table}.{row.id} {row.label} ({why})")
    if placed_alone is not None:
        placed_alone.update(f"{table}.{row.id}" for table, row, _ in alone.values())
    return [flags[i] for i in sorted(flags)]


def _where(tokens: list[Token], i: int, table: str) -> str:
    return f"{_TABLE_NAMES[table]}: {tokens[i].text.strip()!r}"


def _relabel(token: Token, table: str, row: Row, version: Version) -> None:
    token.kind = "label"
    token.labels = (Label("row", table, row.id, frozenset({version.id})),)


def _judge(tokens: list[Token], i: int, version: Version, ocr: bool) -> _Candidate | None:
    """Whether token i is a misprinted row label, and of which row; None if no row label.
    `ocr`: the page was read by OCR (the lower floor where the margin is wide)."""
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
    if row is None or best < _floor(printed, row, best, version.id, table, ocr):
        return _Candidate(i, table, None, "it is close to no row of the table") if numbered \
            else None
    if token.kind == "label" and item_number(normalise(row.label))[1] != printed:
        return None  # a column's word that is not a row's label without its number
    if best - second < MIN_MARGIN and not (ocr and _told_apart(printed, row, best, rows)):
        return _Candidate(i, table, None, "it is about as close to two rows of the table")
    if row.is_group:
        return None  # a group label has no values: what follows is not its row
    position = [r.id for r in rows].index(row.id)
    before, after, printed_rows = _rows_around(tokens, i, table, rows)
    if row.id in printed_rows:
        return _Candidate(i, table, None, f"row {row.id} is printed with its own label")
    if not before < position < after:
        return _Candidate(i, table, None, f"row {row.id} would be out of the statute's order")
    if _NUMBER_APART.search(token.text):
        # a row's label and its first value in one text, whitespace apart (lynx and
        # pdftotext printing a `<br>` inside 行政许可's 118 as `行政许可 1` / `18`): taken
        # for a misprint, the label would read the next line's 18 as its value
        return _Candidate(i, table, None, "it holds a number printed apart from its words")
    if _label_goes_on(tokens, i, row):
        return _Candidate(i, table, None, "its label goes on in the next printed row, which "
                                          "holds values too")
    other = _other_group_number(tokens, i, row, rows)
    if other:
        return _Candidate(i, table, None, f"its printed row also carries {other}, the item "
                                          "number of another group")
    apart = ", told apart by the words the rows do not share" if best - second < MIN_MARGIN \
        else ""
    return _Candidate(i, table, row, f"similarity {best:.2f}, next row {second:.2f}{apart}")


def _floor(printed: str, row: Row, best: float, version_id: str, table: str,
           ocr: bool) -> float:
    """The least similarity a misprint needs: lower for OCR's readings whose words are far
    closer to the row's than to any other row's (OCR garbles characters at random, so a
    reading that gets a third of its row's characters wrong still shows nothing of the
    other rows; an agency's typo is a character or two)."""
    if not ocr or best >= MIN_SIMILARITY:
        return MIN_SIMILARITY
    # the other rows compared by their words alone: an item number excludes the rows
    # numbered otherwise, which says nothing of how far the words are from theirs
    other, words_best, words_second = _closest(item_number(printed)[1], version_id, table)
    rival = words_second if other is not None and other.id == row.id else words_best
    return OCR_MIN_SIMILARITY if best - rival >= OCR_MIN_MARGIN else MIN_SIMILARITY


def _told_apart(printed: str, row: Row, best: float, rows: tuple[Row, ...]) -> bool:
    """Whether an OCR'd text about as close to several rows is told apart by the words
    their labels do not share: rows whose labels share most of their words (一、本年新收…
    and 二、上年结转…政府信息公开申请数量) are near any reading of either. The text must show,
    in order, at least half of the characters its best row's label has apart from each
    close rival's, and far more of them than of the rival's own (`、本年新收政府信息公)F申请
    数量`: 本新收 3 of 3, 上结转 0 of 3)."""
    body = item_number(printed)[1]
    own = item_number(normalise(row.label))[1]
    rivals = [item_number(normalise(r.label))[1] for r in rows
              if r is not row and row_similarity(printed, r) > best - MIN_MARGIN]
    for rival in rivals:
        mine, theirs = _apart(own, rival), _apart(rival, own)
        if not mine or not theirs:
            return False
        shown = _common_subsequence(body, mine) / len(mine)
        if 2 * shown < 1 or shown - _common_subsequence(body, theirs) / len(theirs) \
                < OCR_MIN_MARGIN:
            return False
    return bool(rivals)


def _apart(a: str, b: str) -> str:
    """a's characters outside one longest common subsequence with b, in order."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if a[i] == b[j]
                           else max(table[i + 1][j], table[i][j + 1]))
    out, i, j = [], 0, 0
    while i < len(a):
        if j < len(b) and a[i] == b[j]:
            i, j = i + 1, j + 1
        elif j < len(b) and table[i][j + 1] >= table[i + 1][j]:
            j += 1
        else:
            out.append(a[i])
            i += 1
    return "".join(out)


def _label_goes_on(tokens: list[Token], i: int, row: Row) -> bool:
    """The rest of the row's label is a text of the next printed row, and that row prints
    a value (no empty cell) and no other row's label: the row was printed over both
    lines."""
    token = tokens[i]
    if token.row is None:
        return False
    later = [t for t in tokens[i + 1:i + 60] if t.row is not None and t.row != token.row]
    following = [t for t in later if t.row == later[0].row] if later else []
    # a row label there owns the values beside it (`请 2.重复申请 3`): they are its row's;
    # and empty cells (a pipe row's) print nothing of the row: only a printed value counts
    if not any(t.kind == "value" and t.printed is not None and t.printed.state != "blank"
               for t in following) or any(
            t.kind == "label" and any(lab.kind == "row" for lab in t.labels) for t in following):
        return False
    head = item_number(normalise(token.text))[1]
    body = item_number(normalise(row.label))[1]
    # a text of that row is the rest (beside it: the item number, a group label's end)
    return any(t.kind == "text" and normalise(t.text) and head + normalise(t.text) == body
               for t in following)


def _group_numbers(row: Row, rows: tuple[Row, ...]) -> set[str]:
    """The item numbers of the groups `row` lies in (`(四)` for (四)1., `三、` above it)."""
    by_id = {r.id: r for r in rows}
    own, at = set(), by_id.get(row.parent) if row.parent else None
    while at is not None:
        own.add(_number_of(at))
        at = by_id.get(at.parent) if at.parent else None
    return own


def _other_group_number(tokens: list[Token], i: int, row: Row, rows: tuple[Row, ...]) -> str:
    """A group's item number (`(六)`) printed before token i in its printed row that is
    neither the row's nor one of its groups' ("" if none)."""
    if tokens[i].row is None:
        return ""
    own = {_number_of(row)} | _group_numbers(row, rows)
    for t in reversed(tokens[:i]):
        if t.row != tokens[i].row:
            break
        number = item_number(normalise(t.text))[0] if t.kind != "value" else ""
        if number.startswith("(") and number not in own:
            return number
    return ""


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


def _place_by_order(tokens: list[Token], version: Version) -> dict[int, tuple[str, Row, str]]:
    """Printed rows whose labels OCR garbled past matching (`2.重复中` for 2.重复申请),
    placed by their order: {token index: (table, row, why)}.

    Between two consecutive rows of a table read by their labels (the anchors), the rows
    printed are the template's rows in between (tables print the statute's rows in its
    order, as _judge assumes). The k-th printed row there is taken for the k-th template
    row only when all of these hold, so that no row can take another's place:
    - the gap prints exactly as many rows holding values as it has template rows with
      values (a row lost whole, or a stray line of values, makes the counts differ:
      nothing in the gap is placed);
    - one text before the row's first value, and only one, carries that row's item
      number (`2.`, `(五)`; `2设有…` with its point lost counts) and shows some of its
      label in order (a common subsequence): where at least half, a larger share of it
      than of any other row of the gap (rows of a group share words: 属于…信息); where
      less (OCR garbled most of it: `3.业本提评会开出航据` for 3.要求提供公开出版物), a
      larger share than of any other row of the table. Consecutive rows never share a
      number, so a row shifted by one is refused by its number alone; a row printed
      elsewhere in the gap, even renumbered, shows less of this row's label than of its
      own, and a row printed out of order into a gap of one (renumbered `6属于行政查事项`,
      8.'s words) shows less of it than of its own row of the table.
    A row that fails stays unread; the others keep their places (the count fixes them).
    A row is never placed twice: a row printed elsewhere with its own label is an anchor,
    and gaps do not overlap.
    The table's header (its column labels) is the anchor before its first row (`_header`):
    the rows printed between it and the first row read are the template's first rows
    (`一、享年断收政府信息公开中请量8`, `二、上年转改府信息公开市请量B` before （一）予以公开)."""
    placed: dict[int, tuple[str, Row, str]] = {}
    for table in _TABLES_WITH_ROW_LABELS:
        rows = version.tables[table].rows
        anchors = _anchors(tokens, table, rows)
        header = _header(tokens, table, anchors[0][0]) if anchors else None
        if header is not None:
            anchors.insert(0, (header, -1))
        for (start, p), (end, q) in pairwise(anchors):
            gap = [r for r in rows[p + 1:q] if not r.is_group]
            printed = _printed_rows(tokens, start, end, p >= 0 and rows[p].is_group)
            if p >= q or not gap or len(printed) != len(gap):
                continue
            between = f"between {rows[p].id if p >= 0 else 'its header'} and {rows[q].id}"
            for texts, row in zip(printed, gap, strict=True):
                shows = [(k, why) for k in texts if _table_before(tokens, k) == table
                         and (why := _shows_row(normalise(tokens[k].text), row, gap, rows))]
                if len(shows) == 1:
                    (k, why), = shows
                    placed[k] = (table, row, f"{why}, {between}")
    return placed


def _place_alone(tokens: list[Token], version: Version,
                 by_order: dict[int, tuple[str, Row, str]]) -> dict[int, tuple[str, Row, str]]:
    """Rows of 三 whose labels OCR garbled past anything _place_by_order takes (`(→))f` for
    (一)予以公开, `30及"三安全-21"` with its item number's point read as 0), placed by their
    place alone: {token index: (table, row, why)}.

    A row of the template whose neighbours before and after (groups aside) are both read,
    by their labels or by _place_by_order, lies between them; where exactly one printed
    row holding values lies there too, that row is it (tables print the statute's rows in
    its order). Its label is its first text but for its groups' labels beside it, taken
    only where nothing there says it is another row (_alone_label) and the row prints
    its table's count of cells after it (a value OCR read as letters, `E2` for 12, counts:
    the grid takes it as unreadable), so that no value was taken for the label. The place
    proves nothing of the values read, and a row lost whole beside a stray line of values
    would take its place: the caller keeps its values only where an identity taking in
    other rows' cells proves them (三's column sums; by_position.withdraw_unproven_rows).
    二 is left: its rows have no identity to prove a value."""
    placed: dict[int, tuple[str, Row, str]] = {}
    table = "t3"
    rows = version.tables[table].rows
    position = {r.id: k for k, r in enumerate(rows)}
    read = sorted(_anchors(tokens, table, rows)
                  + [(k, position[row.id]) for k, (t, row, _) in by_order.items() if t == table])
    for (start, p), (end, q) in pairwise(read):
        gap = [r for r in rows[p + 1:q] if not r.is_group]
        printed = _printed_rows(tokens, start, end, rows[p].is_group)
        if p >= q or len(gap) != 1 or len(printed) != 1 or not printed[0]:
            continue
        label = _alone_label(tokens, printed[0], gap[0], rows)
        if label is None or _table_before(tokens, label) != table \
                or _cells_after(tokens, label) != len(version.tables[table].columns):
            continue
        placed[label] = (table, gap[0], f"the one printed row between {rows[p].id} and "
                                        f"{rows[q].id}, by its place alone")
    return placed


def _alone_label(tokens: list[Token], texts: list[int], row: Row,
                 rows: tuple[Row, ...]) -> int | None:
    """The label among a row's texts before its values, if nothing there says it is another
    row than `row` (_place_alone): its first text but for its groups' labels (numbered as
    they are) beside it; no text carries an item number that is neither the row's nor one
    of its groups', and the label's Chinese characters show no other row's label more than
    this row's."""
    own = _group_numbers(row, rows)
    numbers = {k: item_number(normalise(tokens[k].text))[0] for k in texts}
    if any(n and n != _number_of(row) and n not in own for n in numbers.values()):
        return None
    label = next((k for k in texts if not (numbers[k] and numbers[k] in own)), None)
    if label is None:
        return None
    # its words only: a rival's brackets (（区分处理的…）) are no sign of it in `(→))f`
    body = _NOT_WORDS.sub("", item_number(normalise(tokens[label].text))[1])
    mine = _shown(body, row)
    if any(a * mine[1] > mine[0] * b for a, b in
           (_shown(body, r) for r in rows if r is not row and not r.is_group)):
        return None
    return label


def _cells_after(tokens: list[Token], i: int) -> int:
    """The cells printed after token i in its printed row: values, and texts that may
    stand in a value's place (values.may_stand_for_value: `E2`, `N`)."""
    row = tokens[i].row
    return sum(1 for t in tokens[i + 1:i + 40] if t.row == row and row is not None
               and (t.kind == "value" or (t.kind == "text" and may_stand_for_value(t.text))))


def _printed_rows(tokens: list[Token], start: int, end: int,
                  after_group: bool) -> list[list[int]]:
    """For each row holding values printed between two anchors, the texts before its
    first value (its label's pieces and a group's label beside it; empty boxes before
    its first text skipped). A group's label
    shares its printed row with its first row's; a row's label, with its values only.
    Without printed rows (a text rendering that kept none), each text followed by values
    is a row."""
    if tokens[start].row is None or tokens[end].row is None:
        return [[k] for k in range(start + 1, end)
                if tokens[k].kind == "text" and _values_follow(tokens, k)]
    rows: dict[int, list[int]] = {}
    for k in range(start + 1, end):
        if tokens[k].row not in (None, tokens[end].row) \
                and (after_group or tokens[k].row != tokens[start].row):
            rows.setdefault(tokens[k].row, []).append(k)
    out = []
    for ks in rows.values():
        # An empty box left of a row's first text is no value of it: a group label's
        # merged box going on beside the row (三、本年度办理结果's, at the top of a page).
        while ks and tokens[ks[0]].kind == "value" and not tokens[ks[0]].text.strip():
            ks = ks[1:]
        first = next((n for n, k in enumerate(ks) if tokens[k].kind == "value"), None)
        if first is not None:
            out.append([k for k in ks[:first] if tokens[k].kind == "text"])
    return out


def _anchors(tokens: list[Token], table: str, rows: tuple[Row, ...]) -> list[tuple[int, int]]:
    """(token index, template position) of each row or group of the table read by its
    label, in printed order."""
    position = {r.id: k for k, r in enumerate(rows)}
    return [(k, position[lab.key]) for k, t in enumerate(tokens) if t.kind == "label"
            for lab in t.labels[:1]
            if lab.table == table and lab.key in position and lab.kind in ("row", "group")]


def _header(tokens: list[Token], table: str, first: int) -> int | None:
    """The last of the table's column labels (自然人, 总计) printed before token `first`, its
    first row read, if any: the end of its header, above its rows."""
    for k in range(first - 1, -1, -1):
        labels = tokens[k].labels if tokens[k].kind == "label" else ()
        if labels and all(lab.kind in ("column", "header") for lab in labels) \
                and any(lab.table == table for lab in labels):
            return k
    return None


def _shows_row(printed: str, row: Row, gap: list[Row], table: tuple[Row, ...]) -> str:
    """Why a garbled text is this row of its gap ("" if it is not proven): its item
    number, and a larger share of its label in order than of any other row's: of the gap
    where it shows at least half (rows of a group share words: 属于…信息), of the whole
    `table` where less."""
    number = _number_of(row)
    if not number or not _numbered(printed, number):
        return ""
    body = printed[len(number):] if printed.startswith(number) else printed[len(number) - 1:]
    shown = _shown(body, row)
    # under half its label, the count and the number prove the place and the words only
    # that no row of the table is nearer: a row printed out of order and renumbered into
    # a gap of one (8.'s words as `6属于行政查事项`) has no rival in the gap
    rivals = [_shown(body, r) for r in (gap if 2 * shown[0] >= shown[1] else table)
              if r is not row and not r.is_group]
    if not shown[0] or any(a * shown[1] >= shown[0] * b for a, b in rivals):
        return ""
    return f"item number {number}, {shown[0]} of the label's {shown[1]} characters in order"


def _number_of(row: Row) -> str:
    return item_number(normalise(row.label))[0]


def _numbered(printed: str, number: str) -> bool:
    """The text begins with the item number, or with its digits when OCR lost the point
    (`2设有…`): a label's body never begins with a digit."""
    if item_number(printed)[0] == number:
        return True
    digits = number[:-1]
    return (number.endswith(".") and digits.isdigit() and printed.startswith(digits)
            and len(printed) > len(digits) and not printed[len(digits)].isdigit()
            and printed[len(digits)] != ".")


def _shown(body: str, row: Row) -> tuple[int, int]:
    """(characters of the row's label body read in order, its length), best of its
    label and aliases."""
    best = (0, 1)
    for label in (row.label, *row.aliases):
        row_body = item_number(normalise(label))[1]
        common = _common_subsequence(body, row_body)
        if common * best[1] > best[0] * len(row_body):
            best = (common, len(row_body))
    return best


def _common_subsequence(a: str, b: str) -> int:
    """The length of the longest common subsequence of two short texts."""
    previous = [0] * (len(b) + 1)
    for ca in a:
        current = [0]
        for j, cb in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if ca == cb else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]
