"""HTML reader: every <td>/<th> in document order, grouped by <tr>, with the page text.

Spans are not expanded: a merged cell is printed once, which is what the recogniser
wants (a row's values in reading order). `<br>` and block elements inside a cell become
line breaks; the recogniser removes whitespace from labels anyway. An `<img>` holding a
ruled table is read by OCR in its place (html_images.py); the rendering is then `image`.
Which files are HTML is decided by the registry's sniff (registry.is_html).

Tables laid out with CSS (`display:table`, `table-row`, `table-cell`, inline or by a class
rule in the page's `<style>`) are tables: their elements are read as `<table>`, `<tr>`
and `<td>`. Elements the page hides (display:none, visibility:hidden, `hidden`) are not
read: pages hide digits inside numbers and labels.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from pipelines.document import Document, TextCell
from pipelines.read.html_grid import nested, placed, span
from pipelines.read.html_images import Siblings, image_rows

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title"}
_CELLS = ("td", "th")
_AREA = 20000  # grid places past which a table's empty columns are not looked for
# A heading's text: words, not a number (a value with its unit, "5件", starts with a digit).
_WORDS = re.compile(r"^(?![\s\d０-９+\-－.,，]*[\d０-９]).*[^\W\d_]")


def _parse(decoded: str) -> etree._Element:
    """lxml.html.document_fromstring with plain elements: lxml.html's element classes
    are looked up in Python for every element visited, a third of the reading time."""
    root = etree.fromstring(decoded, etree.HTMLParser())
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


_DISPLAY = re.compile(r"display\s*:\s*(table(?:-row|-cell)?)\b", re.I)
_CLASS_RULE = re.compile(r"\.([\w-]+)\s*\{[^}]*?display\s*:\s*(table(?:-row|-cell)?)\b", re.I)
_AS_TAG = {"table": "table", "table-row": "tr", "table-cell": "td"}


def _css_tables(root: etree._Element) -> None:
    """Elements displayed as a table, row or cell renamed to <table>, <tr>, <td>."""
    rules: dict[str, str] = {}
    for style in root.iter("style"):
        for m in _CLASS_RULE.finditer(style.text or ""):
            rules[m.group(1)] = m.group(2).lower()
    for el in root.xpath("//*[@style or @class]"):
        if el.tag in ("table", "tr", "td", "th"):
            continue
        m = _DISPLAY.search(el.get("style", ""))
        display = m.group(1).lower() if m else next(
            (rules[c] for c in el.get("class", "").split() if c in rules), None)
        if display:
            el.tag = _AS_TAG[display]


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# What _DISPLAY and _HIDDEN find, from the colon: `: table`, `: none` or `: hidden`. One
# colon starts at most one of them and no match holds a second colon, so one scan finds
# the same colons as a scan for each value.
_VALUES = re.compile(r":\s*(?:(table)\b|(none)|(hidden))", re.I)
_TABLE, _HIDDEN_AT = 1, 3  # _VALUES's groups (2: none)
_TABLE_VALUE = re.compile(r":\s*(table)\b", re.I)  # _VALUES's first: where hiding is known
_DISPLAY_PROP = re.compile("display", re.I)
_VISIBILITY_PROP = re.compile("visibility", re.I)


def _names(text: str, colon: int, prop: re.Pattern) -> bool:
    """Whether `prop` (case-insensitive) ends just before the colon, but for whitespace:
    the same answer as one regex search for `<prop>\\s*:`, found from the colon."""
    end = colon
    while end and text[end - 1].isspace():  # re's \s is str.isspace
        end -= 1
    return prop.fullmatch(text, max(0, end - len(prop.pattern)), end) is not None


def _declarations(text: str, hides: bool) -> tuple[bool, bool]:
    """Whether the text declares `display: table` (or -row, -cell), and whether it hides
    elements (`display: none`, `visibility: hidden`; `hides` when already known), in one
    scan for the colons (a case-insensitive pattern that starts with a letter is tried
    at every character of the page; a scan a value took as long as three did)."""
    table = False
    for m in (_TABLE_VALUE if hides else _VALUES).finditer(text):
        if table and hides:
            break
        value = m.lastindex
        if value == _TABLE:
            table = table or _names(text, m.start(), _DISPLAY_PROP)
        elif not hides:
            hides = _names(text, m.start(),
                           _VISIBILITY_PROP if value == _HIDDEN_AT else _DISPLAY_PROP)
    return table, hides


def _drop_hidden(root: etree._Element) -> None:
    """Elements the browser does not show (inline display:none, visibility:hidden, the
    `hidden` attribute) removed, their tails kept: pages hide digits inside numbers
    and labels, which would otherwise be read into them."""
    for el in root.xpath("//*[@hidden or contains(@style, 'none') "
                         "or contains(@style, 'hidden')]"):
        if el.get("hidden") is not None or _HIDDEN.search(el.get("style", "")):
            parent = el.getparent()
            if parent is None:
                continue
            tail = el.tail or ""
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(el)


def _mark_blocks(root: etree._Element) -> None:
    """Prepare the tree so that lxml's own text iteration gives the page text: scripts,
    styles and comments dropped with their tails kept (Word hides list numbers in
    <![if ...]> comments), a line break at the start and end of every block element.
    Done with lxml's C-level iteration: walking every element in Python took half of
    reading a Word page (its spans outnumber everything else)."""
    etree.strip_elements(root, "script", "style", etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    for el in root.iter(*_BLOCKS):
        el.text = "\n" + el.text if el.text else "\n"
        el.tail = "\n" + el.tail if el.tail else "\n"


def _text(el: etree._Element) -> str:
    """An element's text with its tail, as the page text holds it (lxml's serialiser:
    faster than joining `itertext()`)."""
    return etree.tostring(el, method="text", encoding="unicode")


def _image_cells(img: etree._Element, number: int, row_no: int,
                 siblings: Siblings | None) -> list[TextCell]:
    cells = []
    for row in image_rows(img, number, siblings):
        row_no += 1
        cells.extend(replace(c, row=row_no) for c in row)
    return cells


# A cell outside any <tr>: the table's child, or its thead/tbody/tfoot's.
_STRAY_CELLS = etree.XPath("./td|./th|./*[self::thead or self::tbody or self::tfoot]/*"
                           "[self::td or self::th]")


def _rows(table: etree._Element, folded: set[etree._Element]) -> list[list[etree._Element]]:
    """The table's rows of cells: its `<tr>`s' (not those of a table folded into a cell),
    and cells written outside any `<tr>` a row of their own, each run of them, as a
    browser's parser makes them (libxml2 leaves them where they are)."""
    inside = {tr for t in folded if t is not table and next(t.iterancestors("table")) is table
              for tr in t.iter("tr")} if folded else set()
    if not _STRAY_CELLS(table):
        return [list(tr.iterchildren(*_CELLS)) for tr in table.iter("tr") if tr not in inside]
    rows: list[list[etree._Element]] = []
    stray: list[etree._Element] | None = None
    for el in table.iter("tr", *_CELLS):
        if el.tag == "tr":
            stray = None
            if el not in inside:
                rows.append(list(el.iterchildren(*_CELLS)))
        elif el.getparent().tag in ("table", "thead", "tbody", "tfoot") and (
                el.getparent() is table or el.getparent().getparent() is table):
            if stray is None:
                stray = []
                rows.append(stray)
            stray.append(el)
    return rows


def _cells(root: etree._Element, siblings: Siblings | None = None) -> list[TextCell]:
    cells: list[TextCell] = []
    row_no = t_no = i_no = 0
    # The tree walked once for both (a walk of a Word page's tree costs as much as
    # reading a fifth of its cells); held: the same element objects come back below.
    tables = list(root.iter("table", "img"))
    wrapping, folded = nested(tables)
    for table in tables:
        if table.tag == "img":  # a table printed as a picture: read by OCR
            i_no += 1
            cells.extend(_image_cells(table, i_no, row_no, siblings))
            row_no = cells[-1].row if cells else row_no
            continue
        t_no += 1
        if table in wrapping or table in folded:
            # a layout table wrapping a data table (the inner one is read), or a table of
            # words inside a cell (read as the cell's text)
            continue
        rows = [[(td, _text(td).strip()) for td in row] for row in _rows(table, folded)]
        empty = _empty_columns(rows)
        for r_no, row in enumerate(rows, start=1):
            row_no += 1
            for c_no, (td, text) in enumerate(row, start=1):
                if td not in empty:
                    cells.append(TextCell(text, f"table {t_no} row {r_no} cell {c_no}", row_no))
    return cells


def _empty_columns(rows: list[list[tuple[etree._Element, str]]]) -> set[etree._Element]:
    """The cells of the table's columns that print nothing in any row, where a header
    row shows they are no column of the table: every cell there empty and one column
    wide, none spanning into it (an empty trailing column with no header, a spacer),
    and one row (the header) with words over every other column, in a table whose rows
    all fill the same columns (a grid: where rows run to other widths, as when a page
    splits a merged cell in two, no column is known to be one). Read, such a column's
    blank makes every row one value longer than its columns. Without the header row
    nothing is dropped: a blank value in a table of values alone (table 四's one row
    printed apart from its header) is a cell of the table. Cells are placed as a browser
    places them: each at the first column cells spanning from above leave free."""
    if not any(not text for row in rows for _, text in row):
        return set()  # no empty cell: most tables, found without placing them
    if not all(any(not text for _, text in row) for row in rows):
        # A row without an empty cell: a dropped column runs through every row of the
        # grid, and its slot in each row is a blank of one row's height, a cell of that
        # very row; so no column can be dropped, found without placing the cells.
        return set()
    if sum(span(td, "colspan") * span(td, "rowspan") for row in rows for td, _ in row) > _AREA:
        return set()  # a page's layout grid, not a statutory table (those hold ~300 places)
    text_of = {td: text for row in rows for td, text in row}
    slots = {at: (td, text_of[td])
             for at, (td, _) in placed([[td for td, _ in row] for row in rows], True).items()}

    def blank(slot: tuple[etree._Element, str]) -> bool:
        td, text = slot
        return (not text and span(td, "colspan") == 1 and span(td, "rowspan") == 1
                and next(td.iter("img"), None) is None)

    wide = 1 + max((c for _, c in slots), default=-1)
    per_row: dict[int, int] = {}
    for r, _ in slots:
        per_row[r] = per_row.get(r, 0) + 1
    if any(n != wide for n in per_row.values()) or len(per_row) != len(rows):
        return set()  # rows of other widths: no grid, so no column is known to be one
    empty = set(range(wide))
    for (_, c), slot in slots.items():
        if not blank(slot):
            empty.discard(c)
    if not empty:
        return set()
    by_row: dict[int, list[str]] = {}
    for (r, c), (_, text) in slots.items():
        if c not in empty:
            by_row.setdefault(r, []).append(text)
    headed = any(all(_WORDS.search(t) for t in texts) for texts in by_row.values())
    return {slots[k][0] for k in slots if k[1] in empty} if headed else set()


def _page_text(root: etree._Element) -> str:
    return "\n".join(filter(None, map(str.strip, _text(root).splitlines())))


def read(name: str, sha256: str, size: int, decoded: str,
         siblings: Siblings | None = None) -> Document:
    """`siblings` opens files next to the page, for `<img>` tables (html_images.py)."""
    root = _parse(decoded)
    tables, hides = _declarations(decoded, "hidden" in decoded)
    if tables:  # most pages have none: no walk
        _css_tables(root)
    if hides:
        _drop_hidden(root)
    _mark_blocks(root)
    cells = _cells(root, siblings)
    # A page whose tables were pictures: its numbers were read by OCR.
    rendering = "image" if any(c.confidence is not None for c in cells) else "html"
    return Document(name, sha256, size, rendering, _page_text(root), cells)
