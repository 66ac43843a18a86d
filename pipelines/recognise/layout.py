"""Printed table structure that is no statutory content, undone before tokenising.

What belongs here: rules on the cells of a table as a reader gives them (rows kept),
about how agencies lay tables out rather than what the statute asks:

- invisible format characters (soft hyphen, zero-width space and joiner, BOM), which CMS
  editors put inside labels and numbers to break lines, are not printed text;
- an item number printed in a cell of its own ("1." | "属于国家秘密", "（三）" | "不予公开")
  is one label with the cell after it, unless that cell opens with a number of its own
  (a group label's piece "三、" beside "（一）予以公开");
- a 序号 column (a header cell 序号 first in its row) numbers the table's rows: the first
  cell of each later row of that table is its number, not a value, when it continues the
  numbering (1, 2, 3 … or a restart at 1), or is empty in a row that holds no value.
  A number that does not continue the numbering is kept, so a value is never dropped
  on the column's word alone;
- a 备注 column (a header cell 备注 last in its row): the last cell of each later row of
  that table is its note when it is empty, or words in a row of values; a number there
  is kept, and the row's count then says whether it fits;
- a printed row of one cell holding a one-column row's label and one number
  (`行政许可 97`: PDF-to-Markdown converters' text lines for 二's rows outside their
  tables) is the label and its value (`_label_value_apart`);
- a row label a converter cut into two or three cells of its printed row (read a
  line at a time across them, or cell after cell), or printed under a piece of its
  own group's label in one cell, is one label where it names exactly one row and
  the row has that row's count of cells (`_split_labels_joined`);
- a row label wrapped over lines or cells of its own (`pdftotext -raw` of Word's narrow
  cells: `1.属于` / `国家` / `秘密` / `2 0 0 0 0 0 2`, or the label's last lines after its
  values) is one cell again, before the values, only where exactly one join of the
  pieces names a statutory row (`_wrapped_labels_joined`); pieces no join takes (a
  group label's, a header's) stay as printed. The group label's lines may be printed
  beside the row label's (two pieces a line, the row's the right one) or between them
  (a PDF's text read line by line, as pdfplumber and pypdfium2 give it): the pieces are
  then parted into the row label's and one stretch of a group label's, only where every
  parting names the same numbered row (`_interleaved_joined`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from pipelines.document import REF_TABLE, TextCell
from pipelines.numbering import (
    ITEM_NUMBER,
    NUMBERED,
    ROW_NUMBER,
    holds_row_item,
    item_beside,
)
from pipelines.recognise.labels import label_index, labels_of
from pipelines.recognise.normalise import normalise
from pipelines.recognise.values import read_printed
from pipelines.textnorm import nfkc
from schemas.identities import fails, identities
from schemas.template import cell_id_of, load_template

FORMAT_CHARS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SEQUENCE_HEADERS = {"序号", "序", "编号", "序列号", "no", "no."}
_NOTE_HEADERS = {"备注", "说明", "备考", "附注"}


def tidy(cells: list[TextCell]) -> list[TextCell]:
    """The cells with layout-only structure undone (see the module docstring)."""
    if FORMAT_CHARS.search("".join([c.text for c in cells])):  # rare: one scan for none
        cells = [_without_format_chars(c) for c in cells]
    cells = list(_items_joined(cells))
    cells = _label_value_apart(cells)
    # the printed rows, grouped once for the three steps that walk them: a step that
    # changes no cell (most documents) hands the same rows on, one that does regroups
    spans = _split_rows_joined(_split_labels_joined(_row_spans(cells)))
    cells = _wrapped_labels_joined(spans)
    cells = _without_unnamed_line_numbers(_without_line_numbers(cells))
    rows = _rows(cells)
    kept = _without_sequence_columns(cells, rows)
    # the rows are found again only where cells were dropped (most tables number none)
    return _without_note_columns(kept, rows if len(kept) == len(cells) else _rows(kept))


def _without_format_chars(cell: TextCell) -> TextCell:
    if not FORMAT_CHARS.search(cell.text):
        return cell
    return replace(cell, text=FORMAT_CHARS.sub("", cell.text))  # keeps `cut`


@lru_cache(maxsize=1 << 14)
def _is_value(text: str) -> bool:
    """Cached as read_printed is (asked of every cell, several times, in every report):
    a cache hit is one C call where two Python calls were."""
    return read_printed(text).state != "unreadable"


def _items_joined(cells: list[TextCell]) -> Iterable[TextCell]:
    """An item-number cell joined with the label cell after it in the same printed row."""
    if not any(map(ITEM_NUMBER.match, [c.text for c in cells])):  # most documents
        return cells
    return _joined(cells)


def _joined(cells: list[TextCell]) -> Iterable[TextCell]:
    i, n = 0, len(cells)
    while i < n:
        cell = cells[i]
        nxt = cells[i + 1] if i + 1 < n else None
        if (nxt is not None and cell.row is not None and nxt.row == cell.row
                and ITEM_NUMBER.match(cell.text) and nxt.text.strip()
                and not _is_value(nxt.text) and not NUMBERED.match(nfkc(nxt.text))):
            yield TextCell(cell.text.strip() + nxt.text.strip(), cell.ref, cell.row)
            i += 2
            continue
        yield cell
        i += 1


def _split_labels_joined(spans: list[list[TextCell]]) -> list[list[TextCell]]:
    """Each printed row's label made whole where a converter cut it across its cells
    (the printed rows, `_row_spans`, in and out).

    A PDF-to-Markdown converter (pymupdf4llm) draws a table's columns where the page's
    text runs leave a gap, not where its cells are: a wide label cell printed over two
    lines is cut into two or three cells, each holding its piece of every line
    (`|一、本<br>公|年新收政府信息<br>开申请数量|3001|…`: 一、本 + 年新收政府信息 / 公 +
    开申请数量), and a group label's line may share the row label's cell
    (`|（四）无<br>1.本机关不掌握相关政府信息|746|…`). For a printed row whose last text
    before its values names no row, the row's label is taken (`_row_label_whole`) only
    where it names exactly one statutory row and the row then has its block's count of
    values. The values are the printed row's own, so no value moves to another row;
    a join that names no row, or two, leaves the row as printed.
    """
    whole = [_row_label_whole(span) for span in spans]
    if all(new is old for new, old in zip(whole, spans, strict=True)):
        return spans  # most documents: every row as printed
    return _row_spans([c for span in whole for c in span])


def _row_label_whole(span: list[TextCell]) -> list[TextCell]:
    """The printed row with its label's pieces as one cell, or as printed."""
    first = next((i for i, c in enumerate(span) if _is_value(c.text)), None)
    if not first or span[0].row is None or _names_a_row(span[first - 1].text):
        return span
    own, values = span[:first], span[first:]
    apart = _group_piece_apart(own[-1])
    if apart is not None and _fills_row(apart[1].text, values):
        return [*own[:-1], *apart, *values]
    joins = [(m, text) for m in (2, 3) if m <= len(own) for text in _joins(own[-m:])
             if _names_a_row(text)]
    if not joins or len({_rows_named(text) for _, text in joins}) != 1:
        return span
    m, text = joins[0]
    if not _fills_row(text, values):
        return span
    return [*own[:-m], replace(own[-m], text=text), *values]


def _split_rows_joined(spans: list[list[TextCell]]) -> list[list[TextCell]]:
    """Two adjacent printed rows that are one row split at a label's wrap, joined (the
    printed rows, `_row_spans`, in and out).

    pdftotext -layout of a print whose label cell wraps prints the row's first values
    beside the label's first line and the rest beside its second, when a cell's values
    sit at two heights (`一、本年新收政府信息公 49` / `开申请数量  5 2 0 3 2 61`: Word's
    page with wide numbers). Where neither line's label names a row, the two joined name
    exactly one, the values together are that row's count of cells, and every identity
    among the row's cells holds on them (the row's 总计 the sum of its other cells), the
    lines are one row. The values keep their printed order; nothing is placed by
    position, and a join whose identities do not hold stays as printed."""
    if len(spans) < 2:
        return spans
    out: list[TextCell] = []
    i = 0
    any_joined = False
    while i < len(spans):
        joined = _split_row(spans[i], spans[i + 1]) if i + 1 < len(spans) else None
        out.extend(joined or spans[i])
        any_joined = any_joined or bool(joined)
        i += 2 if joined else 1
    return _row_spans(out) if any_joined else spans  # most documents: none joined


def _split_row(upper: list[TextCell], lower: list[TextCell]) -> list[TextCell] | None:
    """The two printed rows as one (`_split_rows_joined`), or None."""
    if (len(upper) < 2 or len(lower) < 2 or upper[0].row is None
            or lower[0].row != upper[0].row + 1 or _is_value(upper[0].text)
            or _is_value(lower[0].text)):
        return None
    values = [*upper[1:], *lower[1:]]
    if (any(c.stacked or not _is_value(c.text) for c in values)
            or _names_a_row(upper[0].text) or _names_a_row(lower[0].text)):
        return None
    text = upper[0].text.strip() + lower[0].text.strip()
    rows = [lab for lab in labels_of(text) if lab.kind == "row"]
    if len({(lab.table, lab.key) for lab in rows}) != 1 or not all(
            _holds(lab.table, lab.key, version, values)
            for lab in rows for version in lab.versions):
        return None
    # one printed row now: the lower line's cells keep their refs (where they print)
    return [replace(upper[0], text=text), *(replace(c, row=upper[0].row) for c in values)]


def _holds(table: str, row: str, version: str, values: list[TextCell]) -> bool:
    """Whether the values are the row's count of cells, every one a number, and every
    identity among the row's own cells is evaluable and holds on them."""
    block = next(b for b in load_template().versions[version].tables[table].blocks
                 if any(r.id == row for r in b.rows))
    ids = [cell_id_of(table, row, c.id) for c in block.columns]
    printed = [read_printed(c.text) for c in values]
    if len(ids) != len(values) or any(p.state != "number" for p in printed):
        return False
    numbers = {cid: float(p.number) for cid, p in zip(ids, printed, strict=True)}
    rules = [r for r in identities(version) if set(r.cells) <= set(ids)]
    return bool(rules) and not any(fails(r, numbers) for r in rules)


_LABEL_VALUE_LENGTH = 80  # characters: a statutory label and a number are fewer


def _label_value_apart(cells: list[TextCell]) -> list[TextCell]:
    """A printed row of one cell, `LABEL NUMBER`, as the label's cell and the value's.

    PDF-to-Markdown converters (markitdown's pdfminer lines, the corpus's 013.md and
    014.md) print the rows of 二 they find in no table as text lines: `行政许可 97`,
    `行政事业性收费 0`, read as one cell a line; pymupdf4llm may print a table of 二 as
    one column, each row one cell of its label's and values' lines (`|行政许可<br>3704|`).
    The cell is parted only where its text before the last space or line break names
    exactly one statutory row whose block has one column (in a version that has the
    row) and the last word is one number: the row's one value, which no other column
    can hold. A number wrapped over lines (`37<br>04`) is no one word: not parted. A
    row of several columns printed with one number (the 2019 format's 行政许可 has
    three) is short of its columns, and the grid places no value of it by count
    (grid.py)."""
    if not any(map(_label_and_value, [c.text for c in cells])):
        return cells  # most readers' cells hold no label and value in one
    return [c for span in _row_spans(cells)
            for c in (_one_value_apart(span[0]) if _lone_text(span) else span)]


@lru_cache(maxsize=1 << 14)
def _label_and_value(text: str) -> tuple[str, str] | None:
    """The text's words before its last (a label, which may wrap over lines) and its
    last, after a space or a line break, where the last is a number. Cached as
    `_is_value` is: asked of every cell of every report, whose texts repeat."""
    if len(text) > _LABEL_VALUE_LENGTH:
        return None
    words = text.rsplit(maxsplit=1)
    if len(words) != 2 or words[0][-1].isdigit() or read_printed(words[1]).state != "number":
        return None
    return words[0].strip(), words[1]


def _one_value_apart(cell: TextCell) -> list[TextCell]:
    found = _label_and_value(cell.text)
    if found is None:
        return [cell]
    label, value = found
    named = {(lab.table, lab.key) for lab in labels_of(label) if lab.kind == "row"}
    if len(named) != 1 or not any(
            _column_count(lab.table, lab.key, version) == 1
            for lab in labels_of(label) if lab.kind == "row" for version in lab.versions):
        return [cell]
    return [replace(cell, text=label), replace(cell, text=value)]


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _joins(cells: list[TextCell]) -> tuple[str, ...]:
    """The texts of cells cut from one label: read a line at a time across the cells
    (the label's printed lines, cut by the converter's columns), and cell after cell."""
    lines = [_lines(c.text) for c in cells]
    across = "".join(ln[i] for i in range(max(map(len, lines))) for ln in lines if i < len(ln))
    return across, "".join("".join(ln) for ln in lines)


def _group_piece_apart(cell: TextCell) -> tuple[TextCell, TextCell] | None:
    """The cell's lines as a group label's piece and, below it, a row label whole, where
    exactly one parting does so and the piece is part of a group the row is under."""
    lines = _lines(cell.text)
    found = [k for k in range(1, len(lines)) if _names_a_row("".join(lines[k:]))
             and _in_own_group("".join(lines[:k]), "".join(lines[k:]))]
    if len(found) != 1:
        return None
    k = found[0]
    return (replace(cell, text="\n".join(lines[:k])), replace(cell, text="\n".join(lines[k:])))


def _in_own_group(piece: str, label: str) -> bool:
    """Whether the piece is part of the label of a group that every row the label
    names sits under, in the versions that have that row."""
    norm = normalise(piece)
    rows = [lab for lab in labels_of(label) if lab.kind == "row"]
    return bool(norm) and bool(rows) and all(
        any(norm in group for group in _groups_above(lab.table, lab.key, version))
        for lab in rows for version in lab.versions)


@cache
def _groups_above(table: str, row: str, version: str) -> tuple[str, ...]:
    """The normalised labels of the groups a row sits under in a version."""
    rows = {r.id: r for r in load_template().versions[version].tables[table].rows}
    out, parent = [], rows[row].parent
    while parent is not None:
        if rows[parent].is_group:
            out.append(normalise(rows[parent].label))
        parent = rows[parent].parent
    return tuple(out)


def _fills_row(label: str, values: list[TextCell]) -> bool:
    """Whether the printed row's cells after the label are as many as the columns of
    the row the label names (its padding of empty cells at the end aside)."""
    kept = list(values)
    while kept and not kept[-1].text.strip():
        kept.pop()
    counts = {len(values), len(kept)}
    return any(_column_count(lab.table, lab.key, version) in counts
               for lab in labels_of(label) if lab.kind == "row" for version in lab.versions)


@cache
def _column_count(table: str, row: str, version: str) -> int:
    blocks = load_template().versions[version].tables[table].blocks
    return next(len(b.columns) for b in blocks if any(r.id == row for r in b.rows))


@lru_cache(maxsize=1 << 14)
def _rows_named(text: str) -> frozenset[tuple[str, str]]:
    """The statutory rows and groups a text names: (table, key) (cached, as `labels_of`:
    asked of every row's label, in every report)."""
    return frozenset((lab.table, lab.key) for lab in labels_of(text)
                     if lab.kind in ("row", "group"))


def _is_row_label(text: str) -> bool:
    return bool(_rows_named(text))


def _one_row(joins: list[str]) -> bool:
    """Whether the joins that name a row all name the same one (行政规范性文件 and
    规范性文件 are one row's labels in two versions): the longest is then the label."""
    return len({_rows_named(t) for t in joins}) == 1


def _wrapped_labels_joined(spans: list[list[TextCell]]) -> list[TextCell]:
    """A row label wrapped over several lines or cells joined back before its values
    (the printed rows, `_row_spans`, in; the cells out).

    Text printed in content-stream order (`pdftotext -raw` of a Word table) puts each line
    of a label wrapped in a narrow cell on a printed row of its own, above the row's
    values, and may print the values before the label's last lines. For a printed row
    of values whose texts before them name no row, the pieces before the values (lone
    texts on the rows directly above, then the row's own texts) are joined from the
    piece j on when exactly one j makes them a row's label; failing that, with the lone
    texts directly below as well, when exactly one (j, lines below) does. Pieces before
    j (a group label's, a header's) are left as they are; two or more joins that name a
    row leave the rows as printed: which label the values have is unknown.
    """
    cells = [c for span in spans for c in span]
    if len(spans) < 2 or not any(_is_value(c.text) for c in cells):
        return cells
    gone: set[int] = set()  # spans joined into a later or earlier row's label
    replaced: dict[int, list[TextCell]] = {}
    for s in range(len(spans)):
        if s not in gone:
            joined = _row_joined(spans, s, gone)
            if joined is not None:
                replaced[s] = joined
    if not gone and not replaced:  # most documents: no label was wrapped
        return list(cells)
    return [c for s, span in enumerate(spans) if s not in gone for c in replaced.get(s, span)]


_MAX_PIECES = 24  # lines a wrapped label may take (Word's narrowest cells: 2 characters)


def _row_spans(cells: list[TextCell]) -> list[list[TextCell]]:
    spans: list[list[TextCell]] = []
    span: list[TextCell] = []
    last = None  # the previous cell's printed row
    for cell in cells:
        row = cell.row
        if row is not None and row == last:
            span.append(cell)
        else:
            span = [cell]
            spans.append(span)
        last = row
    return spans


def _lone_text(span: list[TextCell]) -> bool:
    """A printed row of one piece of text (a wrapped label's line), rows being known."""
    return (len(span) == 1 and span[0].row is not None and bool(span[0].text.strip())
            and not _is_value(span[0].text))


def _furniture(span: list[TextCell]) -> bool:
    """A page's running header or footer printed where a page break cuts a row
    (`TextCell.furniture`): the label's lines go on past it, and it stays where it is."""
    return all(c.furniture for c in span)


def _beside_text(span: list[TextCell]) -> bool:
    """A printed row of two pieces of text: a group label's line beside its first row
    label's (pdfplumber's text of LibreOffice's PDF: `（四 1.本 746 …` / `）无 机关` /
    `法提 不掌`), the row label's column being the right one."""
    return (len(span) == 2 and span[0].row is not None
            and all(c.text.strip() and not _is_value(c.text) for c in span))


def _row_joined(spans: list[list[TextCell]], s: int, gone: set[int]) -> list[TextCell] | None:
    """Row s with its label joined (gone: the spans taken into it), or None."""
    row = spans[s]
    first = next((i for i, c in enumerate(row) if _is_value(c.text)), len(row))
    own = [c.text.strip() for c in row[:first]]
    if first == len(row) or row[0].row is None or not all(own):
        return None
    if own and _is_row_label(own[-1]):
        return None if _names_a_row(own[-1]) else _interleaved_joined(spans, s, first, gone)
    above = []
    p = s - 1
    while p >= 0 and p not in gone and len(above) < _MAX_PIECES and (
            _lone_text(spans[p]) or _furniture(spans[p])):
        if not _furniture(spans[p]):
            above.insert(0, p)
        p -= 1
    pieces = [spans[p][0].text.strip() for p in above] + own
    starts = [j for j in range(len(pieces) - 1) if _is_row_label("".join(pieces[j:]))]
    if starts and _one_row(["".join(pieces[j:]) for j in starts]):
        starts = starts[:1]  # the longest join
    below: list[int] = []
    if not starts and pieces:
        q = s + 1
        while q < len(spans) and len(below) < _MAX_PIECES and (
                _lone_text(spans[q]) or _beside_text(spans[q]) or _furniture(spans[q])):
            if not _furniture(spans[q]):
                below.append(q)
            q += 1
        tails = [spans[q][-1].text.strip() for q in below]
        found = [(j, m) for j in range(len(pieces)) for m in range(1, len(tails) + 1)
                 if _is_row_label("".join(pieces[j:] + tails[:m]))]
        if not found or not _one_row(["".join(pieces[j:] + tails[:m]) for j, m in found]):
            return _interleaved_joined(spans, s, first, gone)
        j, m = min(found, key=lambda f: (f[0], -f[1]))  # the longest join
        below = below[:m]
        text = "".join(pieces[j:] + tails[:m])
    elif len(starts) == 1:
        (j,), below = starts, []
        text = "".join(pieces[j:])
    else:
        return _interleaved_joined(spans, s, first, gone)
    if _piled_above_table(spans, above[:j], row[-1]) and _another_item(pieces[:j]):
        return None  # labels piled above one row of values: whose values is unknown
    gone.update(above[j:])
    gone.update(below)
    kept = row[:max(0, j - len(above))]
    ref = spans[above[j]][0].ref if j < len(above) else row[j - len(above)].ref
    beside = [spans[q][0] for q in below if len(spans[q]) == 2]  # the group label's, kept
    return [*kept, TextCell(text, ref, row[0].row), *row[first:], *beside]


def _piled_above_table(spans: list[list[TextCell]], left: list[int], value: TextCell) -> bool:
    """Whether the row of values is a table's row and the pieces left above its label are
    lines outside any table: a converter's labels printed apart from its table block."""
    return bool(left) and bool(REF_TABLE.match(value.ref)) and not any(
        REF_TABLE.match(spans[p][0].ref) for p in left)


def _another_item(pieces: list[str]) -> bool:
    """Whether the lone lines left above a joined label hold another row's item number.

    A PDF-to-Markdown converter (pymupdf4llm) prints the labels that wrap in their cells
    as plain lines before the table block, several rows' labels piled together, and the
    rows' values as label-less table rows: `5.属于三类内部事务信` / `息` /
    `1.本机关不掌握相关政` / `府信息` / `| 1 | 0 | … |` holds (三)5's values, not
    (四)1's. Pieces left before a row label's own wrapped lines are a group label's or a
    header's (`（三）不` / `予公开`), never another numbered row's: where they hold one,
    two rows' labels stand over one row of values and neither is proven its owner.
    Asked only of lines outside a table over a table's row (`_piled_above_table`): in a
    PDF's text read line by line the row above may print its values before its label
    (`5.要求…信息` / `（六）其他处理` / `（七）` / `总计` / values), and the join holds.
    """
    return any(map(holds_row_item, pieces))


@lru_cache(maxsize=1 << 14)
def _names_a_row(text: str) -> bool:
    return any(lab.kind == "row" for lab in labels_of(text))


@cache
def _label_norms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The normalised labels of the statutory rows that carry an item number, and of the
    groups."""
    by_norm = label_index().by_norm
    rows = tuple(n for n, labs in by_norm.items() if any(lab.kind == "row" for lab in labs)
                 and NUMBERED.match(n))
    groups = tuple(n for n, labs in by_norm.items() if any(lab.kind == "group" for lab in labs))
    return rows, groups


def _text_lines(spans: list[list[TextCell]], indexes: Iterable[int], gone: set[int]) -> list[int]:
    """The spans, in the order given, up to the first that is no line of at most two
    pieces of text (a wrapped label's line, or two labels' side by side)."""
    out = []
    for q in indexes:
        span = spans[q]
        if (q in gone or len(out) >= _MAX_PIECES or len(span) > 2 or span[0].row is None
                or not all(c.text.strip() and not _is_value(c.text) for c in span)):
            break
        out.append(q)
    return out


def _interleaved_joined(spans: list[list[TextCell]], s: int, first: int,
                        gone: set[int]) -> list[TextCell] | None:
    """Row s's label joined where a group label's lines are printed between its own
    (Chromium's and LibreOffice's PDFs of a page with narrow label columns, as pdfplumber
    reads them: `1.本机` / `关不` / `（四）` / `掌握` / `无法提 746 …` / `相关` / `供`).

    The pieces around the values (lines of one or two texts above, the row's own texts,
    lines below) are parted into two streams read in order: the row label's, opening with
    an item number, and the group label's, the pieces it skips. Taken only where every
    parting whose row stream is a numbered row's whole label and whose skipped pieces are
    one stretch of a group's label names the same row; the skipped pieces stay, before
    the label.
    """
    row = spans[s]
    above = _text_lines(spans, range(s - 1, -1, -1), gone)[::-1]
    pieces = _apart([(q, c) for q in above for c in spans[q]] + [(s, c) for c in row[:first]])
    own_end = len(pieces)
    if not own_end:  # a label starts above or before the values: none (most value rows)
        return None
    below = _text_lines(spans, range(s + 1, len(spans)), gone)
    pieces += _apart([(q, c) for q in below for c in spans[q]])
    found = _parted(pieces, spans, own_end)
    if not found:  # else a number below its label's first piece is another row's
        pieces = _numbers_first(pieces, spans)
        found = _parted(pieces, spans, own_end)
    if not found or not _one_row([label for _, _, _, label in found]):
        return None
    j, end, taken, _ = max(found, key=lambda f: (f[1] - f[0], -f[0]))  # the longest
    if _item_beside(pieces, j):
        return None  # two rows' labels on the line over one row of values: whose is unknown
    used = {pieces[k][0] for k in range(j, end)}
    gone.update(q for q in used if q != s)
    before = [c for q, c in pieces[:j] if q in used]  # the start lines' left pieces
    skipped = [pieces[k][1] for k in range(j, end) if k not in taken]
    label = TextCell("".join(pieces[k][1].text.strip() for k in taken), pieces[j][1].ref,
                     row[0].row)
    return [*before, *skipped, label, *row[first:]]


def _item_beside(pieces: list[tuple[int, TextCell]], j: int) -> bool:
    """Whether the line the label starts on prints another row's numbered label before it
    (`numbering.item_beside`; pdftotext -layout's `1.信访举报投诉类申请 2.重复申请` over
    `（五）不予 1 1`)."""
    line = pieces[j][0]
    return item_beside(c.text for q, c in pieces[:j] if q == line)


def _parted(pieces: list[tuple[int, TextCell]], spans: list[list[TextCell]],
            own_end: int) -> list[tuple[int, int, tuple[int, ...], str]]:
    """(start, end, the label's pieces, the label) of every parting of the pieces."""
    texts = [normalise(c.text) for _, c in pieces]
    ends = {k + 1 for k in range(own_end - 1, len(pieces))
            if k + 1 == len(pieces) or pieces[k + 1][0] != pieces[k][0]}
    found = []
    for j in range(own_end):
        if NUMBERED.match(texts[j]) and (j == 0 or pieces[j - 1][0] != pieces[j][0]
                                          or len(spans[pieces[j][0]]) == 2):
            found += [(j, end, taken, "".join(texts[k] for k in taken))
                      for end, taken in _partings(texts, j, ends)]
    return found


_GROUP_NUMBER = re.compile(r"^\s*([（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])(.+)$")


def _apart(pieces: list[tuple[int, TextCell]]) -> list[tuple[int, TextCell]]:
    return [(q, piece) for q, c in pieces for piece in _group_number_apart(c)]


def _group_number_apart(cell: TextCell) -> list[TextCell]:
    """A group's number and the piece joined to it by `_items_joined` (`（三）` | `属`, the
    first piece of the row label beside it) as two pieces again."""
    norm = nfkc(cell.text)
    m = _GROUP_NUMBER.match(norm)
    if m is None:
        return [cell]
    text = cell.text if len(norm) == len(cell.text) else norm  # kept as printed if it can be
    cut = m.start(2)
    return [TextCell(text[:cut].strip(), cell.ref, cell.row),
            TextCell(text[cut:].strip(), cell.ref, cell.row)]


def _numbers_first(pieces: list[tuple[int, TextCell]], spans: list[list[TextCell]]
                   ) -> list[tuple[int, TextCell]]:
    """An item number on a line of its own right after its label's first piece moved
    before it (Chromium's PDF of Word's page at 150%, as pdfplumber reads it: `属` / `1.` /
    `于国`: the number's cell is printed a little lower than the label's first line)."""
    pieces = list(pieces)
    for k in range(1, len(pieces)):
        (q, cell), (p, prev) = pieces[k], pieces[k - 1]
        if (ROW_NUMBER.match(cell.text) and p != q and len(spans[q]) == 1
                and not NUMBERED.match(nfkc(prev.text)) and not _is_value(prev.text)):
            pieces[k - 1], pieces[k] = pieces[k], pieces[k - 1]
    return pieces


def _partings(texts: list[str], j: int, ends: set[int]) -> list[tuple[int, tuple[int, ...]]]:
    """(end, the label's pieces) for each parting of texts[j:end] into a whole numbered
    row label (from j) and one stretch of a group label, end being a line's end."""
    rows, groups = _label_norms()
    out = []

    def walk(k: int, label: str, taken: tuple[int, ...], skip: str) -> None:
        if k in ends and label in rows:
            out.append((k, taken))
        if k == len(texts) or len(out) > 8:
            return
        if any(r.startswith(label + texts[k]) for r in rows):
            walk(k + 1, label + texts[k], (*taken, k), skip)
        if k > j and any(skip + texts[k] in g for g in groups):
            walk(k + 1, label, taken, skip + texts[k])

    walk(j, "", (), "")
    return out


def _rows(cells: list[TextCell]) -> list[list[int]]:
    """Indexes of the cells of each printed row, in order (rows kept by the reader)."""
    rows: list[list[int]] = []
    last = None  # the printed row of rows[-1]
    for i, cell in enumerate(cells):
        row = cell.row
        if row is None:
            continue
        if rows and last == row:
            rows[-1].append(i)
        else:
            rows.append([i])
            last = row
    return rows


def _table_of(cell: TextCell) -> str | None:
    m = REF_TABLE.match(cell.ref)
    return m.group(1) if m else None


@lru_cache(maxsize=1 << 14)
def _header_word(text: str) -> str:
    """A header cell's word without spaces and line breaks: a narrow column of a drawn
    text table wraps 序号 as 序 / 号."""
    return re.sub(r"\s+", "", nfkc(text)).lower()


def is_sequence_header(text: str) -> bool:
    """Whether a header cell names a column that numbers the table's rows (序号)."""
    return _header_word(text) in _SEQUENCE_HEADERS


def _without_sequence_columns(cells: list[TextCell], rows: list[list[int]]) -> list[TextCell]:
    drop: set[int] = set()
    numbered: str | None = None  # the table whose rows are numbered
    last = 0
    for row in rows:
        first = cells[row[0]]
        table = _table_of(first)
        if table is None or table != numbered:
            numbered = None
        if table and is_sequence_header(first.text) and len(row) > 1:
            numbered, last = table, 0
            drop.add(row[0])
            continue
        if numbered is None or len(row) < 2:
            continue
        printed = read_printed(first.text)
        rest_has_value = any(_is_value(cells[i].text) and cells[i].text.strip()
                             for i in row[1:])
        if printed.state == "blank" and not rest_has_value:
            drop.add(row[0])
        elif printed.state == "number" and printed.whole in (last + 1, 1) and printed.unit is None:
            drop.add(row[0])
            last = printed.whole
    return [c for i, c in enumerate(cells) if i not in drop]


def _without_line_numbers(cells: list[TextCell]) -> list[TextCell]:
    """The cells of a text printed one cell a line (no printed rows: LibreOffice's text
    export of a Word table) without a 序号 column's numbers. There each row prints its
    number, then its label, then its values (`1` / `一、本年新收…` / `3001` … `3119` / `2`
    / `二、上年结转…`), so the number reads as the row above's last value. After a cell
    序号, a whole number alone in its cell is a row's number where it continues the
    numbering (the last one plus 1, or a restart at 1) and the next cell not blank names
    a statutory row or group (`2` / `行政规范性文件`, `3` / `三、本年度办理结果`), or where
    it is the first number after the 序号 cell and is 1 (table 四's one row, its values
    after it). A 1 with no label after it numbers a table of one row (四): no number
    after it is a row's, so 四's last count that continues the numbering (`1` / `2` …
    `2` / `五、存在的主要问题…`) is kept. A row's last value equal to the next number
    before words that name no row (二's next caption `第二十条第（五）项`, 四's title, a
    section heading, a note) is kept too: only a row's label proves a row begins.
    Any other number is kept: a value is never dropped on the column's word alone, and
    a row left one value long is flagged by its count."""
    drop: set[int] = set()
    last: int | None = None  # the last row number read; None: no 序号 cell yet
    for i, cell in enumerate(cells):
        if cell.row is not None:
            last = None
            continue
        if is_sequence_header(cell.text):
            last = 0
            continue
        printed = read_printed(cell.text)
        if last is None or printed.state != "number":
            continue
        whole = printed.whole if printed.unit is None else None
        if last == 0 and whole != 1:
            last = -1  # the first number is no row's: this 序号 numbers nothing here
        elif whole == 1 and last == 0:
            drop.add(i)
            # the row's values follow, no label: the one row of its table is numbered
            last = 1 if _label_next(cells, i) else -1
        elif whole in (last + 1, 1) and last > 0 and _row_label_next(cells, i):
            drop.add(i)
            last = whole
    return [c for i, c in enumerate(cells) if i not in drop] if drop else cells


_MIN_UNNAMED_RUN = 3  # row numbers proving a numbering no 序号 cell names


def _without_unnamed_line_numbers(cells: list[TextCell]) -> list[TextCell]:
    """The cells of a text printed one cell a line without the numbers of a leading
    column whose header is empty (no 序号 cell: itertext's dump of a page numbering its
    rows in a column without a name). Each row prints its number, its label, its values
    (`其他` / `1` / `一、本年新收…` / `1` / `1` / `2` / `二、上年结转…`); where blanks
    print no line the next row's number reads as the row's last value, and can make its
    sum hold (1 + 1 = 2). A numbering is proven where a 1 stands between a header's
    word and a row's label and the numbers just before the next row labels go on 2, 3, …
    (a group's label before its first row's breaks nothing), at least three; it ends at
    the first label not after the next number. Those numbers are dropped."""
    shown = [i for i, c in enumerate(cells) if c.row is None and c.text.strip()]
    drop: set[int] = set()
    for at, i in enumerate(shown):
        if 0 < at < len(shown) - 1 and _whole(cells[i]) == 1 and i not in drop \
                and _is_header_word(cells[shown[at - 1]]) \
                and _rows_named(cells[shown[at + 1]].text):
            run = _numbering(cells, shown, at)
            if len(run) >= _MIN_UNNAMED_RUN:
                drop.update(run)
    return [c for i, c in enumerate(cells) if i not in drop] if drop else cells


def _numbering(cells: list[TextCell], shown: list[int], at: int) -> list[int]:
    """The cells numbering the rows from the 1 at `shown[at]` on: the number just
    before each row label after it while they go on 1, 2, 3, …"""
    run = [shown[at]]
    for k in range(at + 2, len(shown)):
        if not _rows_named(cells[shown[k]].text):
            continue
        before = cells[shown[k - 1]]
        if _whole(before) == len(run) + 1:
            run.append(shown[k - 1])
        elif not _rows_named(before.text):  # a group's label before its row's goes on
            break
    return run


def _whole(cell: TextCell) -> int | None:
    """The whole number a cell prints alone, without a unit; None for any other."""
    printed = read_printed(cell.text)
    return printed.whole if printed.state == "number" and printed.unit is None else None


def _is_header_word(cell: TextCell) -> bool:
    """Whether a cell prints words naming no row (a header's last cell)."""
    return read_printed(cell.text).state == "unreadable" and not _rows_named(cell.text)


def _label_next(cells: list[TextCell], at: int) -> bool:
    """Whether the first cell after `at` that is not blank is a label (no number)."""
    for cell in cells[at + 1:]:
        state = read_printed(cell.text).state
        if state != "blank":
            return state == "unreadable" and cell.row is None
    return False


def _row_label_next(cells: list[TextCell], at: int) -> bool:
    """Whether the first cell after `at` that is not blank names a statutory row or
    group (a row's label, or its group's printed first in the row)."""
    for cell in cells[at + 1:]:
        if read_printed(cell.text).state != "blank":
            return cell.row is None and bool(_rows_named(cell.text))
    return False


def _without_note_columns(cells: list[TextCell], rows: list[list[int]]) -> list[TextCell]:
    drop: set[int] = set()
    noted: str | None = None  # the table with a 备注 column
    for row in rows:
        last = cells[row[-1]]
        table = _table_of(last)
        if table is None or table != noted:
            noted = None
        if table and _header_word(last.text) in _NOTE_HEADERS and len(row) > 1:
            noted = table
            drop.add(row[-1])
            continue
        if noted is None or len(row) < 2:
            continue
        state = read_printed(last.text).state
        # words in a header row (总计 under a merge) are the table's, not notes
        data_row = any(read_printed(cells[i].text).state == "number" for i in row[:-1])
        if state == "blank" or (state != "number" and data_row):
            drop.add(row[-1])
    return [c for i, c in enumerate(cells) if i not in drop]
