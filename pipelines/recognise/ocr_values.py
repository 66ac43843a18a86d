"""Value cells a scan's OCR read as a Chinese character, told from text by their column.

OCR of small or blurred digits can return a character of another script: `西` for a 5,
`石` for a 6, `目` or `日` for 11 in 001's 三 at 72 dpi, photographed or blurred. Text
with Chinese in it is a label or a note to the grid (values.may_stand_for_value), so such
a cell ended its row's values and became a "row" of its own: the row's label kept the
values before it, the rest went to a row matching nothing, and the whole row was lost.
A mark (`。` for a blurred 0, `□`, `E2`) is taken for a value by the grid, but only there:
before it, as text after a label, it hid the values from misprints' rules, which read a
label only where a value follows it (`予以公开` `。` `0` …: (一) unread); so it is made a
value here too, by the same rule.

A ruled scan gives every cell its box, and a value column's boxes stand at the same
left and right edges down the table. A short text whose box is the box of a value column
(that of a number in another printed row of the same table), in a printed row that also
holds numbers and starts with text left of it (its label), stands in a value's place: it
is taken as that cell's value, unreadable, so the row keeps its columns and the cell is
null and flagged. Its number is never guessed from the glyph; only the identities may
solve it (resolve.py), as any unreadable cell. A label or a label's piece stands in the
label columns, whose boxes no number shares; a header's text stands in a row with no
number.
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.document import REF_BOX, REF_TABLE, Document
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import may_stand_for_value, read_printed
from pipelines.textnorm import HAN_CHAR

# Characters: OCR reads a cell of one to four digits as one or two glyphs; a label is
# longer, and a longer text in a value box is no misread number.
_MAX_CHARS = 2
# Share of the union of two boxes' spans across that both cover: ruled cells of one
# column agree to a few pixels (a photographed page's to 1-3 of some 30).
_SAME_COLUMN = 0.8
_MIN_NUMBERS = 2  # numbers in the printed row beside it: a row of values, not a header


def values_read_as_text(tokens: list[Token], doc: Document) -> list[Token]:
    """Tokens with every short Chinese text or mark that stands in a value column's box of
    a row of numbers made an unreadable value."""
    read_by_ocr = {c.ref for c in doc.cells if c.confidence is not None}
    if not read_by_ocr:
        return tokens
    spans = _number_spans(tokens, read_by_ocr)
    rows: dict[tuple[str, int | None], list[Token]] = {}
    for t in tokens:
        if t.ref in read_by_ocr and (table := REF_TABLE.match(t.ref)):
            rows.setdefault((table.group(1), t.row), []).append(t)
    out = []
    for t in tokens:
        if _in_value_column(t, read_by_ocr, spans, rows):
            t = replace(t, kind="value", printed=read_printed(t.text))
        out.append(t)
    return out


def _number_spans(tokens: list[Token], read_by_ocr: set[str]
                  ) -> dict[str, list[tuple[int | None, int, int]]]:
    """Each scanned table's numbers: (printed row, left, right)."""
    out: dict[str, list[tuple[int | None, int, int]]] = {}
    for t in tokens:
        if _is_number(t) and t.ref in read_by_ocr and (table := REF_TABLE.match(t.ref)):
            left, right = _span(t)
            out.setdefault(table.group(1), []).append((t.row, left, right))
    return out


def _in_value_column(token: Token, read_by_ocr: set[str],
                     spans: dict[str, list[tuple[int | None, int, int]]],
                     rows: dict[tuple[str, int | None], list[Token]]) -> bool:
    text = "".join(token.text.split())
    if (token.kind != "text" or token.ref not in read_by_ocr or not text
            or len(text) > _MAX_CHARS
            or not (HAN_CHAR.search(text) or may_stand_for_value(text))
            or REF_BOX.search(token.ref) is None):
        return False
    table = REF_TABLE.match(token.ref)
    if table is None:
        return False
    left, right = _span(token)
    row = rows.get((table.group(1), token.row), [])
    if (sum(_is_number(t) for t in row) < _MIN_NUMBERS
            or not any(t.kind != "value" and REF_BOX.search(t.ref) and _span(t)[1] <= left
                       for t in row)):
        return False
    return any(r != token.row and _overlap((left, right), (a, b)) >= _SAME_COLUMN
               for r, a, b in spans.get(table.group(1), ()))


def _is_number(token: Token) -> bool:
    return (token.kind == "value" and token.printed is not None
            and token.printed.state == "number" and REF_BOX.search(token.ref) is not None)


def _span(token: Token) -> tuple[int, int]:
    box = REF_BOX.search(token.ref)
    return int(box.group(1)), int(box.group(3))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / union if union > 0 else 0.0
