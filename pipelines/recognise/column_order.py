"""Tables whose header prints the statutory columns in another order than the template.

Values are placed by the template's column order (grid.py): a row's k-th value is its
k-th column. An agency that prints its columns in another order, with a header that says
so (总计 first, 法人或其他组织 before 自然人, 本年废止件数 before 本年制发件数, 四's 总计
before 结果维持, 四's 复议后起诉 before 未经复议直接起诉), would have every row's values
published under the wrong columns, and the identities cannot tell: the six applicant
columns of 三 are interchangeable in every identity of 三, as are 四's four result
columns within a group and its two lawsuit groups, and 二 has none. So the header is
read: where it shows column labels (or 四's column groups) of a table out of the
template's order, every cell of that table is null, flagged `columns_out_of_order`,
unless the header proves where each printed column goes: then column_map.py moves the
values under the columns the header names (flag `columns_reordered`).

The header is read two ways, each only where its order is the printed order:
- **a printed row's labels**, left to right (every rendering that keeps rows). Levels of
  a two-level header are compared apart (三's 自然人 / 法人或其他组织 / 总计, and the five
  organisations), since across rows they print in either order: a space-aligned dump
  prints 自然人 and 总计, merged down over two header rows, on the line of the five
  organisations, below 法人或其他组织;
- **the header's text run together**, for a header whose cells a narrow column wrapped
  into pieces (`本年废` / `止件数`): the text between a row's values and the next row
  label or value, joined, where a tool printed each cell's lines one after another (lynx).
  Only labels printed at one height are compared there (三's 自然人 with 总计, not with
  法人或其他组织 above them), except where the text printed the header row by row
  (pdftotext -raw's content order): the whole upper row before any label of the lower
  one. A tool that wraps every column line by line (pdftotext -layout) interleaves the
  pieces, so no label is found whole there;
- **the header's pieces stacked by column**, in text laid out by position
  (`Document.header_bands`, `header_stacks.py`): the labels the stacks spell, left to
  right, compared only where a level is read whole (each of its labels as often as the
  others, their order known), since the columns' drift can join a piece to a
  neighbour's cell; and on one line of such a band, the pieces that start one column
  label each (自然 of 自然人), left to right: a line's words keep their order whatever
  the drift, and 三's columns merged down print there beside the organisations.

A label repeated by a merged cell printed once per column it spans counts once; a header
repeated along a row (四's five columns under each of its three groups) is in order when
it is the template's order repeated.

Where no header label is read whole (a header pdftotext's drift leaves unstacked) the
values still show a 总计 printed in another column: in every row of 三 (group of 四)
with two numbers or more that are not 0, the 总计 column as placed is not the sum of the
others, and one same other column is (two such rows at least). That is no agency's
arithmetic error, and the table is null, flagged the same way.

A header that names some of a level's columns in a printed row and provably not another
(printed whole nowhere in the table's header, no piece of it left in its header texts)
shows a table with fewer columns than the template: null too, flagged `columns_missing`
(二: that block's columns only), unless a page edge cut the table's last columns off,
or unless the header proves where the printed columns go: column_map.py places them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from itertools import groupby
from operator import attrgetter, is_

from pipelines.document import PlacedWord
from pipelines.recognise.column_map import (
    EXTRA,
    SUBTOTAL,
    SUBTOTAL_WORDS,
    place_by_header,
    place_with_subtotal,
    place_without,
    withdraw_rows_beside_subtotal,
)
from pipelines.recognise.grid import Grid
from pipelines.recognise.header_breaks import joined_over_breaks, joined_over_wraps
from pipelines.recognise.header_stacks import page_pieces, rightmost_stack, stacked_labels
from pipelines.recognise.labels import Label
from pipelines.recognise.merged_copies import place_merged_copies
from pipelines.recognise.normalise import normalise
from pipelines.recognise.ocr_columns import misordered_scan_columns
from pipelines.recognise.piece_order import printed_order
from pipelines.recognise.pulled import box_column
from pipelines.recognise.tokens import Token
from pipelines.recognise.trailing_column import place_past_last_column
from pipelines.report import CellValue, Flag
from schemas.template import Version, cell_id_of, load_template
from schemas.vocabulary import OCR_RENDERINGS

Level = tuple[str, tuple[str, ...]]  # (table, label keys in the template's order)


@cache
def _levels(version_id: str, one_height: bool) -> tuple[Level, ...]:
    """The sequences of sibling labels a header prints left to right; `one_height`: only
    those printed at one height in a two-level header."""
    out: list[Level] = []
    for tid, table in load_template().version(version_id).tables.items():
        if tid == "t3" and len(table.header) > 1:
            # 三's second header (法人或其他组织) is merged over every column but the first
            # (自然人) and the last (总计), which stand beside it merged down its two rows.
            first, *middle, last = (c.id for c in table.columns)
            out.append((tid, (first, last) if one_height else (first, table.header[-1], last)))
            out.append((tid, tuple(middle)))
            continue
        for block in table.blocks:
            keys = tuple(c.id for c in block.columns)
            if len(keys) > 1 and (tid, keys) not in out:
                out.append((tid, keys))
        if tid == "t4" and not one_height:
            # 四's rows print as column groups: 行政复议 beside 行政诉讼, and under 行政诉讼
            # its two groups; only from a printed row. Run together, their order may be
            # a sentence's (行政诉讼…行政复议), or the reading order of a print that
            # wraps 未经复议直接起诉 and centres 复议后起诉 beside it, above its lines.
            review, *lawsuits = (r.id for r in table.data_rows)
            out.append((tid, tuple(lawsuits)))
            out.append((tid, (review, *table.header)))
    return tuple(out)


@cache
def _header_words(version_id: str) -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    """Every column and header label of the version, longest first (法人或其他组织 before
    its 其他, 其他结果 before 其他), and the (table, key)s each normalised label names."""
    named: dict[str, list[tuple[str, str]]] = {}
    for tid, table in load_template().version(version_id).tables.items():
        for column in table.columns:
            named.setdefault(normalise(column.label), []).append((tid, column.id))
        for header in table.header:
            named.setdefault(normalise(header), []).append((tid, header))
        if tid == "t4":  # its rows are its column groups
            for row in table.data_rows:
                named.setdefault(normalise(row.label), []).append((tid, row.id))
    longest = sorted(named, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, longest))), named


def _in_order(printed: list[int], width: int) -> bool:
    """Whether `printed` (label positions in the template's order) is a subsequence of
    that order repeated as often as the labels need."""
    printed = [k for k, _ in groupby(printed)]  # a merged cell printed once per column
    repeats = -(-len(printed) // width)
    position = 0
    for k in printed:
        while position < repeats * width and position % width != k:
            position += 1
        if position == repeats * width:
            return False
        position += 1
    return True


@lru_cache(maxsize=1024)
def _is_row_label(labels: tuple[Label, ...]) -> bool:
    return any(lab.kind in ("row", "group") for lab in labels)


def _headers(tokens: list[Token], version_id: str
             ) -> tuple[list[list[tuple[str, str, str]]], list[str]]:
    """In one pass: the column and header labels (table, key, printed text) of each
    printed row holding two or more, and the text between each row's values and the next
    row label or value, joined. A row's labels are those printed whole: a piece of a
    label wrapped over lines (`结果维` / `持`, matched as a near miss by OCR) prints at
    another height than the labels beside it, so its place in the row says nothing."""
    whole = _header_words(version_id)[1]
    rows: dict[int, list[tuple[str, str, str]]] = {}
    texts: list[str] = []
    words: list[str] = []
    after_row = False  # among the values of a row label
    drawn = None  # the box-drawn text table the last token was printed in, if any
    for t in tokens:
        kind = t.kind
        if (box := box_column(t.ref)) is not None or drawn is not None:
            # A text dump prints the page's prose as tokens too (HTML's reader only its
            # tables): the prose before a drawn table is no text of its header, and its
            # words (政府信息公开) would read as pieces of a label the header lacks.
            if (box and box[0]) != drawn and words:
                texts.append(normalise("".join(words)))
                words = []
            drawn = box and box[0]
        if kind == "value":
            if t.row is None and not t.text.strip():
                continue  # an empty paragraph (one cell a line): an empty cell, no row's end
            if not after_row and words:
                texts.append(normalise("".join(words)))
                words = []
            continue
        if kind == "label" and _is_row_label(t.labels):
            if words:
                texts.append(normalise("".join(words)))
            words, after_row = [], True
            continue
        if t.row is not None and (named := (kind == "label" and whole.get(normalise(t.text)))
                                  or ("\n" in t.text  # most cells: one line, no call
                                      and _t4_column_below(whole, t.text, version_id))):
            rows.setdefault(t.row, []).extend((tid, key, t.text) for tid, key in named)
        elif kind == "text" and t.row is not None and normalise(t.text) in SUBTOTAL_WORDS:
            rows.setdefault(t.row, []).append((EXTRA, SUBTOTAL, t.text))  # column_map's
        words.append(t.text)
        after_row = False
    if words:
        texts.append(normalise("".join(words)))
    return [labels for labels in rows.values() if len(labels) > 1], texts


def _t4_column_below(whole: dict[str, list[tuple[str, str]]], text: str, version_id: str
                     ) -> list[tuple[str, str]]:
    """The 四 column a header cell's last lines name under a piece of its group's label
    that a converter put into the same cell (pymupdf4llm: `未经复` / `结果` / `纠正`, read
    as text, not a label): the cell is that column's all the same. The lines above must
    be such a piece (not `（七）` over `总` / `计`, a row label wrapped)."""
    if "\n" not in text:  # most header cells: one line, no piece above a column
        return []
    lines = text.split("\n")
    for k in range(1, len(lines)):
        below = [(t, key) for t, key in whole.get(normalise("".join(lines[k:])), ())
                 if t == "t4" and key in _column_ids(version_id)]
        if below:
            above = normalise("".join(lines[:k]))
            return below if above and any(above in g for g in _t4_groups(version_id)) else []
    return []


@cache
def _t4_groups(version_id: str) -> tuple[str, ...]:
    """四's labels over its columns (行政复议, 行政诉讼 and its two groups), normalised."""
    t4 = load_template().version(version_id).tables["t4"]
    return tuple(normalise(x) for x in (*t4.header, *(r.label for r in t4.data_rows)))


def _text_labels(version_id: str, text: str) -> list[tuple[str, str, str]]:
    pattern, named = _header_words(version_id)
    return [(table, key, m.group()) for m in pattern.finditer(text)
            for table, key in named[m.group()]]


def _misordered(labels: list[tuple[str, str, str]], levels: tuple[Level, ...],
                found: dict[str, list[str]]) -> None:
    for table, keys in levels:
        if table in found:
            continue
        printed = [(keys.index(key), text) for t, key, text in labels
                   if t == table and key in keys]
        if len(printed) > 1 and not _in_order([k for k, _ in printed], len(keys)):
            found[table] = [text for _, text in printed]


@cache
def _two_rows(version_id: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each two-level header of columns: (table, its upper row's keys, its lower row's
    keys); not 四's groups, whose rows a text browser may wrap one a line."""
    out = []
    tables = load_template().version(version_id).tables
    for table, keys in _levels(version_id, False):
        if keys[0] in _column_ids(version_id) and set(keys) & set(tables[table].header):
            lower = next(k for t, k in _levels(version_id, False) if t == table and k != keys)
            out.append((table, keys, lower))
    return tuple(out)


def _rows_misordered(labels: list[tuple[str, str, str]], version_id: str,
                     found: dict[str, list[str]]) -> None:
    """A two-level header's upper row out of the template's order in text run together,
    where that text printed the header row by row: every label of the upper row (三's
    自然人 / 法人或其他组织 / 总计) once, each before every label of the lower row (the
    five organisations). Text in a page's content order does (pdftotext -raw:
    `法人或其他组织 自然` / `人 总计` / `商业` / `企业`...); a text browser laying the
    header out by lines prints the cells merged down (自然人, 总计) on the line of the
    lower row, beside its labels, so there 总计 follows 其他 and nothing is compared."""
    for table, upper, lower in _two_rows(version_id):
        if table in found:
            continue
        ours = [(key, text) for t, key, text in labels if t == table]
        top = [i for i, (key, _) in enumerate(ours) if key in upper]
        below = [i for i, (key, _) in enumerate(ours) if key in lower]
        keys = [ours[i][0] for i in top]
        if (sorted(keys) == sorted(upper) and {ours[i][0] for i in below} == set(lower)
                and max(top) < min(below)
                and not _in_order([upper.index(k) for k in keys], len(upper))):
            found[table] = [ours[i][1] for i in top]


def _rows_run_together(texts: list[str], version_id: str) -> list[list[tuple[str, str, str]]]:
    """A two-level header's two rows, each label as printed (table, key, text), from
    a text run together that printed it row by row (`_rows_misordered`: pdftotext -raw's
    content order): its upper row's labels once each, then its lower row's once each, no
    label of one among the other's. Each row's labels stand in its cells' order, as a
    printed row of whole labels gives them (column_map.py places the values by them)."""
    out = []
    for text in texts:
        labels = _text_labels(version_id, text)
        for table, upper, lower in _two_rows(version_id):
            ours = [(t, key, word) for t, key, word in labels  # 申请人情况 above both
                    if t == table and (key in upper or key in lower)]
            top = [x for x in ours if x[1] in upper]
            below = [x for x in ours if x[1] in lower]
            if (sorted(k for _, k, _ in top) == sorted(upper)
                    and sorted(k for _, k, _ in below) == sorted(lower)
                    and ours == top + below):
                out += [top, below]
    return out


@cache
def _column_ids(version_id: str) -> frozenset[str]:
    return frozenset(c.id for t in load_template().version(version_id).tables.values()
                     for c in t.columns)


def _stacked_levels(version_id: str, stacks: list[tuple[int, str]]
                    ) -> list[tuple[str, tuple[str, ...], list[tuple[int, int, str]]]]:
    """Each level of columns a header band's stacks (header_stacks.py) read whole, as
    (table, its keys, [(rank, key's index, text)] left to right): each of its labels as
    often as the others, no two at one character. A stack's pieces are matched by
    position, and pdftotext's drift of a few characters can join a piece to a
    neighbour's cell: such a reading misses a label or doubles one, and says nothing.
    四's groups are no level here: a text browser wraps them one a line."""
    named = _header_words(version_id)[1]
    out = []
    for table, keys in _levels(version_id, False):
        if table == "t4" and keys[0] not in _column_ids(version_id):
            continue
        printed = [(rank, keys.index(key), text) for rank, text in stacks
                   for t, key in named[normalise(text)] if t == table and key in keys]
        counts = Counter(k for _, k, _ in printed)
        if (len(counts) == len(keys) and len(set(counts.values())) == 1
                and len({rank for rank, _, _ in printed}) == len(printed)):
            out.append((table, keys, printed))
    return out


def _band_misordered(version_id: str, band: tuple[PlacedWord, ...],
                     found: dict[str, list[str]]) -> None:
    """A level's labels stacked from a header band out of the template's order, where
    the band reads the level whole (`_stacked_levels`)."""
    stacks = stacked_labels(band, frozenset(_header_words(version_id)[1]))
    for table, keys, printed in _stacked_levels(version_id, stacks):
        if table not in found and not _in_order([k for _, k, _ in printed], len(keys)):
            found[table] = [text for _, _, text in printed]
    _first_group_stacks_misordered(version_id, stacks, found)


def _stacked_rows(bands: Bands, version_id: str, tables: set[str]
                  ) -> list[list[tuple[str, str, str]]]:
    """The levels of 二's and 四's columns the header bands' stacks read whole
    (`_stacked_levels`), of `tables`, each a printed row of labels: the row column_map.py
    places a table by, as a header row of whole labels would give (四's five columns
    once under each of its three groups, in one order each time). 三 is read from its
    pieces line by line (piece_order.py)."""
    rows = []
    for band in bands:
        stacks = stacked_labels(band, frozenset(_header_words(version_id)[1]))
        for table, keys, printed in _stacked_levels(version_id, stacks):
            if table in tables and table != "t3":
                rows.append([(table, keys[k], text) for _, k, text in printed])
    return rows


def _first_group_stacks_misordered(version_id: str, stacks: list[tuple[int, str]],
                                   found: dict[str, list[str]]) -> None:
    """四's columns out of the template's order among the stacks left of a later group's
    label (未经复议直接起诉, 复议后起诉): 行政复议's five columns, read whole there (each
    once, at five ranks), though a later group lost a stack to the drift (its 结果 over
    a neighbour's 纠正) and the level is not read whole (`_band_misordered`). As
    `_first_group_misordered` on one line, but with the pieces stacked: pdftotext's
    `结果 结果 …` over `纠正 维持 …` starts no label on a line."""
    columns, _ = _t4_levels(version_id)
    if "t4" in found:
        return
    named = _header_words(version_id)[1]
    later = _later_groups(version_id)
    firsts = [rank for rank, text in stacks if normalise(text) in later]
    if not firsts:
        return
    printed = [(rank, columns.index(key), text) for rank, text in stacks if rank < min(firsts)
               for t, key in named[normalise(text)] if t == "t4" and key in columns]
    if (sorted(k for _, k, _ in printed) == list(range(len(columns)))
            and len({rank for rank, _, _ in printed}) == len(printed)
            and not _in_order([k for _, k, _ in printed], len(columns))):
        found["t4"] = [text for _, _, text in printed]


def _trailing_stacks(bands: tuple[tuple[PlacedWord, ...], ...], version_id: str
                     ) -> dict[str, tuple[str, ...]]:
    """三 or 四 -> the texts stacked down the right edge of a header band whose stacked
    labels (header_stacks.py) name that table's columns and no other table's (总计, in
    both, says nothing): a column after its last, as trailing_column.py reads it from a
    printed row of headings. 二 has no identity to prove such a column: left to rows.
    A band cut by a page break (its lines parted by the furniture's gap, text_aligned.py)
    prints on two grids of characters: each page's piece has a right edge of its own, and
    a column after the last prints its name down the piece its header cell's text fell
    in (`同` / `比` beside 申请人情况 above the break, 总计 last below it)."""
    named = _header_words(version_id)[1]
    found: dict[str, tuple[str, ...]] = {}
    for band in bands:
        owners = [{t for t, _ in named[normalise(text)]}
                  for _, text in stacked_labels(band, frozenset(named))]
        tables = set().union(*(o for o in owners if len(o) == 1))
        words = tuple(w for piece in page_pieces(band) if (w := rightmost_stack(piece)))
        if words and len(tables) == 1 and tables <= {"t3", "t4"}:
            found.setdefault(tables.pop(), words)
    return found


@cache
def _piece_column(version_id: str, piece: str) -> tuple[str, int] | None:
    """The (table, column index) of the one header label of the version that `piece`
    (normalised, two characters or more) starts, where that label is a column (三's 自然
    of 自然人, 社会公 of 社会公益组织, 四's 结果纠 of 结果纠正; not 其他, which starts 四's
    其他结果 too, nor 总计)."""
    if len(piece) < 2:
        return None
    named = _header_words(version_id)[1]
    names = {name for label, owners in named.items() if label.startswith(piece)
             for name in owners}
    if len(names) != 1:
        return None
    (table, key), = names
    keys = [c.id for c in load_template().version(version_id).tables[table].columns]
    return (table, keys.index(key)) if key in keys else None


def _line_misordered(version_id: str, band: tuple[PlacedWord, ...],
                     found: dict[str, list[str]]) -> None:
    """A two-level header's columns out of the template's order on one line of a header
    band, by the pieces that start one label each. A line's words are in the order they
    print left to right whatever the drift between lines, and on a line of a two-level
    header the columns merged down (自然人, 总计) print beside the lower row's labels (the
    five organisations), all in the columns' order: `商业 科研 社会公 法律服 其 自然 人
    总计` (pdftotext -layout of a print on A4 at 0.8) puts 自然人 after the
    organisations, where the stacks read no label whole (`自然 人` cut by a space)."""
    two_rows = {t for t, _, _ in _two_rows(version_id)}
    for _, group in groupby(sorted(band), key=lambda w: w.line):
        pieces: dict[str, list[tuple[int, str]]] = {}
        for word in group:
            hit = _piece_column(version_id, normalise(word.text))
            if hit is not None and hit[0] in two_rows:
                pieces.setdefault(hit[0], []).append((hit[1], word.text))
        for table, printed in pieces.items():
            width = len(load_template().version(version_id).tables[table].columns)
            if (table not in found and len(printed) > 1
                    and not _in_order([k for k, _ in printed], width)):
                found[table] = [text for _, text in printed]


@cache
def _later_groups(version_id: str) -> frozenset[str]:
    """四's labels over its column groups after the first (行政诉讼, 未经复议直接起诉,
    复议后起诉), normalised."""
    t4 = load_template().version(version_id).tables["t4"]
    return frozenset(normalise(x) for x in (*t4.header, *(r.label for r in t4.data_rows[1:])))


def _first_group_misordered(version_id: str, band: tuple[PlacedWord, ...],
                            found: dict[str, list[str]]) -> None:
    """四's columns out of the template's order on one line of a header band, among the
    pieces left of a later group's label on that line: 行政复议's five columns share a
    header row with 未经复议直接起诉 and 复议后起诉, which print over their own groups
    beside them, so the pieces left of those labels are the first group's, once each.
    `结果纠 结果维 其他结 尚未审 总 未经复议直接起诉 复议后起诉` (pdftotext -layout of a
    print on A4 at 0.8) puts 结果纠正 first. Without such a label on the line the
    pieces may be of several groups, the columns repeated, and say nothing."""
    later = _later_groups(version_id)
    for _, group in groupby(sorted(band), key=lambda w: w.line):
        printed: list[tuple[int, str]] = []
        for word in group:
            text = normalise(word.text)
            if text in later:
                width = len(load_template().version(version_id).tables["t4"].columns)
                if "t4" not in found and len(printed) > 1 and not _in_order(
                        [k for k, _ in printed], width):
                    found["t4"] = [w for _, w in printed]
                break
            hit = _piece_column(version_id, text)
            if hit is not None and hit[0] == "t4":
                printed.append((hit[1], word.text))


Bands = tuple[tuple[PlacedWord, ...], ...]


def misordered_tables(tokens: list[Token], version: Version,
                      bands: Bands = ()) -> dict[str, list[str]]:
    """Each table whose header shows its columns out of the template's order, with the
    labels as printed; `bands`: the header lines of text laid out by position."""
    return _misordered_in(*_headers(tokens, version.id), bands, version.id)


def _misordered_in(rows: list[list[tuple[str, str, str]]], texts: list[str], bands: Bands,
                   version_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for labels in rows:
        _misordered(labels, _levels(version_id, False), found)
    for text in texts:
        labels = _text_labels(version_id, text)
        if len(labels) < 2:
            # a third of the texts: one label is in no order, and each test below
            # compares two labels of a table at least (a level's, 四's column counts
            # above one, an upper row's label before a lower row's)
            continue
        _misordered(labels, _levels(version_id, True), found)
        _groups_misordered(version_id, labels, found)
        _rows_misordered(labels, version_id, found)
    for band in bands:
        _band_misordered(version_id, band, found)
        _line_misordered(version_id, band, found)
        _first_group_misordered(version_id, band, found)
    return found


def _groups_misordered(version_id: str, labels: list[tuple[str, str, str]],
                       found: dict[str, list[str]]) -> None:
    """四's column groups out of order in a header's text run together, where the text
    printed every cell whole, one after another: each of 四's column labels whole, as
    often as the others, under two groups at least (lynx wrapping a header row over
    lines: `… 总计 复议后起诉` / `未经复议直接起诉` / `结果维持 …`). A print read in
    reading order wraps the groups' and columns' labels into pieces (`结果` / `维持`), and
    its one-line 复议后起诉 may come before the wrapped 未经复议直接起诉: no such text reads
    every column label whole."""
    if "t4" in found:
        return
    columns, groups = _t4_levels(version_id)
    counts = Counter(key for t, key, _ in labels if t == "t4" and key in columns)
    if len(counts) == len(columns) and len(set(counts.values())) == 1 and counts[columns[0]] > 1:
        _misordered(labels, groups, found)


@cache
def _t4_levels(version_id: str) -> tuple[tuple[str, ...], tuple[Level, ...]]:
    """四's column keys, and its levels of column groups (行政复议 / 行政诉讼, the two
    lawsuit groups)."""
    levels = [(t, keys) for t, keys in _levels(version_id, False) if t == "t4"]
    columns = next(keys for _, keys in levels if keys[0] in _column_ids(version_id))
    return columns, tuple(lv for lv in levels if lv[1] != columns)


Lacking = dict[str, tuple[list[str], tuple[str, ...]]]  # table: (printed, its columns)


def lacking_columns(tokens: list[Token], version: Version) -> Lacking:
    """Each table whose header names some of a level's columns in a printed row and
    provably not another, with the labels as printed and the level's columns."""
    return _lacking_in(*_headers(tokens, version.id), version.id)


def _lacking_in(rows: list[list[tuple[str, str, str]]], texts: list[str],
                version_id: str) -> Lacking:
    found: Lacking = {}
    pattern, named = _header_words(version_id)
    # A table's header texts: those naming two of its labels at least (not a sentence
    # saying 其他). A tool may print a header's whole cells and its wrapped ones apart
    # (w3m: 商业企业 科研机构 其他, then 社会公益 法律服务 组织 机构), so a missing
    # label's pieces are looked for in all of them. 三's and 四's labels are their own:
    # one printed whole anywhere (on a line a narrow dump wrapped, in the first of two
    # headers where the repeated one lost a merged cell) is no missing column; 二's
    # blocks share labels (本年增/减 heads two kinds of block), so there only the
    # block's own header text counts.
    whole: dict[str, set[str]] = {}
    headers: dict[str, list[str]] = {}
    for labels in rows:
        for table, _, text in labels:
            whole.setdefault(table, set()).add(normalise(text))
    for text in texts:
        found_here = pattern.findall(text)
        for table in {t for m in found_here for t, _ in named[m]}:
            if len({m for m in found_here if any(t == table for t, _ in named[m])}) > 1:
                whole.setdefault(table, set()).update(found_here)
                headers.setdefault(table, []).append(pattern.sub("|", text))
    for labels in rows:
        _lacking(labels, texts, version_id, whole, headers, found)
    return found


@cache
def _label_of(version_id: str) -> dict[tuple[str, str], str]:
    """The normalised label each (table, key) of a header prints."""
    return {name: norm for norm, names in _header_words(version_id)[1].items()
            for name in names}


@cache
def _complete_levels(version_id: str) -> frozenset[tuple[str, frozenset[str]]]:
    """Every level as a set of keys, at one height or not: a row printing one whole."""
    return frozenset((t, frozenset(keys)) for t, keys in
                     _levels(version_id, True) + _levels(version_id, False))


def _absent(label: str, text: str) -> bool:
    """Whether no piece of `label` is in a header's `text` once its whole labels are
    taken out (其他 is in 法人或其他组织): a label wrapped over lines leaves pieces of
    two characters or more (a narrow printed column: 科研 / 机构); a label of two (其他,
    总计) is absent when neither of its characters is left (a variant spelling, 其它,
    leaves one)."""
    if len(label) <= 2:
        return not any(ch in text for ch in label)
    return all(label[i:i + 2] not in text for i in range(len(label) - 1))


def _lacking(labels: list[tuple[str, str, str]], texts: list[str], version_id: str,
             whole: dict[str, set[str]], headers: dict[str, list[str]],
             found: Lacking) -> None:
    """A printed row of labels naming some of a level's columns, whose header texts hold
    no piece of another (two of its characters in a row, once whole labels are out): the
    table has fewer columns than the template. Its values would be placed in the
    template's order, and a rendering that prints a merged cell's spare columns empty
    (pandoc) lines them up under the template's columns by position."""
    pattern = _header_words(version_id)[0]
    label_of = _label_of(version_id)
    levels = _levels(version_id, False)
    complete = _complete_levels(version_id)
    printed_by = {t: {k for t_, k, _ in labels if t_ == t} for t, _ in levels}
    for table, keys in levels:
        printed = printed_by[table] & set(keys)
        if (len(printed) < 2 or any((table, frozenset(printed_by[table] & set(other)))
                                    in complete for t, other in levels if t == table)
                or set(keys) <= set(found.get(table, ((), ()))[1])):
            continue  # a whole level (of another block of 二), or one already found
        shown = [label_of[(table, k)] for k in printed]
        text = next((t for t in texts if all(label in t for label in shown)), None)
        if text is None:
            continue
        here = whole.get(table, set()) if table != "t2" else set(pattern.findall(text))
        left = "|".join([pattern.sub("|", text), *headers.get(table, ())])
        if absent := [label_of[(table, k)] for k in keys if k not in printed
                      and label_of[(table, k)] not in here
                      and _absent(label_of[(table, k)], left)]:
            # 二's blocks are apart: each lacking level's columns are added
            before, columns = found.get(table, ([], ()))
            found[table] = (before + [text for t, k, text in labels if t == table and k in keys]
                            + [f"no {label}" for label in absent],
                            columns + tuple(k for k in keys if k not in columns))


def _total_elsewhere(rows: list[list[float]]) -> int | None:
    """A column other than the last that is the sum of the rest in every row with two
    numbers or more that are not 0, where the last never is (two such rows at least; a
    row of one applicant type fits two columns, so the first of them)."""
    telling = [r for r in rows if sum(v != 0 for v in r) > 1]
    if len(telling) < 2:
        return None
    fits = set(range(len(telling[0])))
    for r in telling:
        fits &= {k for k, v in enumerate(r) if 2 * v == sum(r)}
    last = len(telling[0]) - 1
    return None if last in fits or not fits else min(fits)


def _total_rows(grid: Grid, table: str) -> list[list[float]]:
    """The rows (三) or groups (四) with every cell a number, as placed."""
    out = []
    for ids in _row_cell_ids(grid.version.id, table):
        values = [c.value if (c := grid.cells.get(cid)) is not None else None for cid in ids]
        if None not in values:
            out.append(values)
    return out


@cache
def _row_cell_ids(version_id: str, table: str) -> tuple[tuple[str, ...], ...]:
    t = load_template().version(version_id).tables[table]
    return tuple(tuple(cell_id_of(table, row.id, c.id) for c in t.columns) for row in t.data_rows)


def misplaced_totals(grid: Grid) -> dict[str, list[str]]:
    """Tables 三 and 四 whose values show their 总计 printed in another column."""
    found = {}
    for table in ("t3", "t4"):
        columns = grid.version.tables[table].columns
        k = _total_elsewhere(_total_rows(grid, table))
        if k is not None:
            found[table] = [f"the values sum to the column of {columns[k].label}, "
                            f"not to {columns[-1].label}"]
    return found


def withdraw_misordered_tables(grid: Grid, tokens: list[Token], rendering: str,
                               bands: Bands = (), breaks_in_cells: bool = False) -> None:
    """Null every cell of a table whose header prints its columns in another order (read
    from `bands` too: the header lines of text laid out by position), and of a table 三
    or 四 (二: of its block's columns) whose header lacks a statutory column
    (before the solver places rows by the identities in the template's order). Not read
    from OCR: its rows are lines, a wrapped header's pieces and whole labels of several
    groups on one line at heights of their own, its labels near misses: there the order
    is read from the label cells' boxes (ocr_columns.py)."""
    if rendering in OCR_RENDERINGS:
        for table, (printed, columns) in misordered_scan_columns(
                tokens, grid.version.id).items():
            withdraw(grid, table, out_of_order(table, printed), columns)
        return
    # header cells cut by a line break made whole where a row prints a line (innerText,
    # lynx), and 四's header rows lynx wrapped at its width made one: the header rows
    # read here and by place_merged_copies
    joined = _joined_header(tokens, grid.version.id) if breaks_in_cells else tokens
    rows, texts = _headers(joined, grid.version.id)
    misordered = _misordered_in(rows, texts, bands, grid.version.id)
    if not breaks_in_cells and rendering != "text_reading_order":
        # 四's header cells a piece a line in content order (pdftotext -raw); in reading
        # order its pieces interleave with their neighbours' (below): they prove nothing
        rows = [*rows, *_t4_pieces_joined(tokens, grid.version.id, misordered, (rows, texts),
                                          bands)]
    if (rendering == "text_reading_order" and "t4" in misordered
            and "t4" not in _misordered_in(rows, [], bands, grid.version.id)):
        # 四's header run together proves no order in reading order: pdftotext prints a
        # narrow column's vertical label as a block of its own and its neighbours' one
        # character a line interleaved (`结 果 维 持` / `结 其 尚 果 他 未 …` / `总 计` /
        # `结 果 维 持`), so a label found whole twice says nothing of the groups;
        # reading_order.withdraw_unread_t4 proves 四's order there or nulls it
        del misordered["t4"]
    lacking_t3: frozenset[str] = frozenset()
    if (pieces := printed_order(bands, grid.version.id)) is not None:
        # 三's order proven by its header's pieces line by line (pdftotext -layout): a
        # printed row of labels as a header of whole labels would give
        row, lacking_t3 = pieces
        rows = [*rows, row]
        keys = [k for t, k, _ in row if t == "t3"]
        if not lacking_t3 and keys != [c.id for c in grid.version.tables["t3"].columns]:
            misordered.setdefault("t3", [text for _, _, text in row])
    if misordered:
        # a header printed row by row in a text run together: its two rows as printed;
        # a header wrapped column by column (pdftotext -layout): its stacks read whole
        rows = [*rows, *(row for row in _rows_run_together(texts, grid.version.id)
                         if row[0][0] in misordered),
                *_stacked_rows(bands, grid.version.id, set(misordered))]
    for table, printed in misordered.items():
        if not place_by_header(grid, table, rows, printed):
            withdraw(grid, table, out_of_order(table, printed))
    if "t3" not in misordered and not place_with_subtotal(grid, "t3", rows):
        withdraw_rows_beside_subtotal(grid, "t3", rows)
    if "t2" not in misordered:
        place_merged_copies(grid, joined)
    place_past_last_column(grid, tokens, {"t2", "t3", "t4"} - misordered.keys(),
                           _trailing_stacks(bands, grid.version.id))
    if any(map(attrgetter("cut"), tokens)):  # in C: asked of every token
        return  # a page edge cut the table's last columns off: they are not in the file
    label_of = _label_of(grid.version.id)
    lacking = _lacking_in(rows, texts, grid.version.id)
    if lacking_t3 and "t3" not in lacking:  # 三's header's pieces name all columns but these
        lacking["t3"] = ([text for t, _, text in row if t == "t3"]
                         + [f"no {label_of[('t3', k)]}" for k in sorted(lacking_t3)],
                         tuple(c.id for c in grid.version.tables["t3"].columns))
    for table, (printed, keys) in lacking.items():
        absent = frozenset(k for k in keys if f"no {label_of[(table, k)]}" in printed)
        if table not in misordered and not place_without(grid, table, rows, absent):
            withdraw(grid, table, Flag("columns_missing", f"{table}'s header lacks "
                                        f"statutory columns ({' / '.join(printed)}): its "
                                        "values are not placed"),
                      keys if table == "t2" else None)


def _joined_header(tokens: list[Token], version_id: str) -> list[Token]:
    """The tokens of a rendering printing a row a line with its header's cells cut by a
    line break made whole, and 四's header rows wrapped over lines made one row each
    (header_breaks.py)."""
    words = _header_words(version_id)[1]
    columns, groups = _t4_levels(version_id)
    joined = joined_over_breaks(tokens, words)
    merged = {t.row for t in tokens} - {t.row for t in joined}
    return joined_over_wraps(joined, words, "t4", columns, [keys for _, keys in groups],
                             frozenset(r for r in merged if r is not None))


def _t4_pieces_joined(tokens: list[Token], version_id: str, misordered: dict[str, list[str]],
                      headers: tuple[list[list[tuple[str, str, str]]], list[str]],
                      bands: Bands) -> list[list[tuple[str, str, str]]]:
    """四's header rows read with its cells' pieces joined where they print a line each
    (pdftotext -raw: `总` / `计` / `结果` / `维持` …, each group's columns in their printed
    order, the lawsuit groups' line between): those rows, `misordered` told where they
    print 四's columns in another order. Only 四's: its header is the one whose cells
    such a text cuts into pieces no line reads whole. `headers`: `_headers` of `tokens`,
    and `misordered` read from them with `bands`, as the caller has them."""
    joined = _joined_header(tokens, version_id)
    if len(joined) == len(tokens) and all(map(is_, joined, tokens)):
        # nothing joined (most texts): the rows are the caller's, and with no bands the
        # caller's `misordered` is what they show
        rows, texts = headers
        if not bands:
            return [four for row in rows if (four := [c for c in row if c[0] == "t4"])]
    else:
        rows, texts = _headers(joined, version_id)
    found = _misordered_in(rows, texts, (), version_id)
    if "t4" in found:
        misordered.setdefault("t4", found["t4"])
    return [four for row in rows if (four := [c for c in row if c[0] == "t4"])]


def withdraw_misplaced_totals(grid: Grid) -> None:
    """Null every cell of a table whose values show its 总计 in another column (once
    every row is placed)."""
    for table, why in misplaced_totals(grid).items():
        withdraw(grid, table, out_of_order(table, why))


def out_of_order(table: str, printed: list[str]) -> Flag:
    return Flag("columns_out_of_order", f"{table}'s columns are printed in another order "
                f"than the template ({' / '.join(printed)}): its values are not placed")


def withdraw(grid: Grid, table: str, why: Flag,
              columns: tuple[str, ...] | None = None) -> None:
    """Null the table's cells (only those of `columns` where given: a block of 二),
    flagged `why`."""
    def ours(cell_id: str) -> bool:
        return cell_id.startswith(f"{table}.") and (
            columns is None or cell_id.rsplit(".", 1)[1] in columns)

    for key in [k for k in grid.forced_runs if k[0] == table]:
        del grid.forced_runs[key]
    pending = {cid for key in [k for k in grid.pending if k[0] == table
                               and any(ours(cid) for cid, _ in grid.pending[k].cells)]
               for cid, _ in grid.pending.pop(key).cells}
    for cell_id in [c for c in grid.cells if ours(c)] + sorted(pending):
        unplace(grid, cell_id)
    grid.flags.append(why)


def unplace(grid: Grid, cell_id: str) -> None:
    """Null a cell as not placed, keeping what was printed in it as its raw text."""
    cell = grid.cells.get(cell_id) or CellValue(cell_id, None, "unplaced")
    raw = cell.raw_text if cell.raw_text is not None else (
        None if cell.value is None else str(cell.value))
    grid.cells[cell_id] = CellValue(cell_id, None, "unplaced", raw, cell.unit, cell.source_ref)
