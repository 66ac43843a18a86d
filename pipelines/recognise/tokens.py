"""Cells to tokens: each printed cell becomes a label, a value or free text.

Layout-only structure (a 序号 column, an item number in a cell of its own, soft
hyphens) is undone first (layout.py). A cell whose separators were lost (run-together
page text) is cut at the labels found inside it, from the first table anchor on; the
text between two labels becomes value tokens marked `run_together`, since one digit run
may hold several cells. Where the text shows numbers that are no cell of the template (a
序号 column, or merged cells printed once per column they span), every run is also marked
`open_end`: digits at either end of it may be a sequence number or a copy. So is every
run where the text shows whitespace inside numbers (an item number cut from its dot,
"1 . 属于国家秘密"): text nodes joined by a space (`get_text(" ")` of a page with a span
per digit) cut every number into digits, so whitespace is no cell boundary there. Where
the only sign is merged cells printed once per column, a run after a row with a column
for each of its values (table 三, 四, table 二's widest block) holds no copy and stays
closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipelines.document import Document, TextCell
from pipelines.recognise.labels import Label, LabelIndex, label_index, labels_of
from pipelines.recognise.layout import tidy
from pipelines.recognise.normalise import normalise
from pipelines.recognise.values import Printed, read_printed
from pipelines.textnorm import to_simplified
from schemas.template import load_template


def _spaced(words: str) -> str:
    """`words` as a pattern of flattened text: any whitespace between characters,
    brackets and colons of either width."""
    wide = {"（": "[（(]", "(": "[（(]", "）": "[)）]", ")": "[)）]", "：": "[：:]", ":": "[：:]"}
    return r"\s*".join(wide.get(ch) or re.escape(ch) for ch in words)


def _marks() -> tuple[str, str]:
    """The template's words that mark statutory tables in flattened text, as patterns:
    where a table starts, and the merged cells a page may print once per column."""
    versions = load_template().versions.values()
    blocks = [b for v in versions for b in v.tables["t2"].blocks]
    t3, t4 = (next(iter(versions)).tables[t] for t in ("t3", "t4"))
    captions = sorted({b.caption for b in blocks if b.caption})
    # "第二十条第（一）项" … → "第二十条第": the article every caption of 二 names
    (article,) = {re.split(r"[（(]", caption)[0] for caption in captions}
    note = re.split(r"[：:]", t3.note.strip("（()）"))[0]  # 本列数据的勾稽关系为
    review, litigation = t4.blocks[0].rows[0].label, t4.header[0]
    # Where tables start: a caption of 二, the note or first header of 三, or 四's first
    # headers side by side (its merged 行政复议 maybe printed once per column; prose writes
    # "行政复议、行政诉讼" and is no table).
    anchor = "|".join((_spaced(article), _spaced(note), _spaced(t3.header[0]),
                       rf"{_spaced(review)}(?:\s*{_spaced(review)})*\s*{_spaced(litigation)}"))
    # Cells merged across columns: 二's captions, the column label of a block of one
    # column (本年处理决定数量 over the table's three), 三's first header.
    single = sorted({b.columns[0].label for b in blocks if len(b.columns) == 1})
    merged = "|".join(_spaced(w) for w in (*captions, *single, t3.header[0]))
    return anchor, rf"({merged})\s*\1"


_ANCHOR_PATTERN, _FILLED_PATTERN = _marks()
_ANCHOR = re.compile(_ANCHOR_PATTERN)
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元)?")
_NUMBERS_PREFIX = re.compile(rf"(?:\s*{_NUMBER.pattern})+\s*")
# Signs of numbers in the run that are no cell: a 序号 column header, or a merged caption
# or header printed once per column it spans (then so was every merged value).
_SEQUENCE = re.compile(r"序\s*号")
_FILLED = re.compile(_FILLED_PATTERN)
_MIN_RUN_TOGETHER = 60  # characters; shorter cells are ordinary labels or text
# A digit cut by whitespace from the dot after it ("1 . 属于", "7380 . 28959"): no
# printed cell ends between a number and its own dot, a text-node joiner's space does.
_SPLIT_NUMBER = re.compile(r"\d\s+[.．]\s*[\d\u4e00-\u9fff]")
# A dash, then digits: after a run's numbers, a blank's dash or a sign cut from its number.
_CUT_SIGN = re.compile(r"^[-+－—–−]+\s*\d")


# Slots, not frozen: a report has hundreds of tokens, a frozen dataclass's __init__ costs
# six times as much (more than half of tokenising), and nothing changes a token once made.
@dataclass(slots=True)
class Token:
    kind: str  # label | value | text
    text: str
    ref: str
    row: int | None
    labels: tuple[Label, ...] = ()
    printed: Printed | None = None
    run_together: bool = False
    open_end: bool = False  # a run that may begin or end in a number that is no cell
    cut: bool = False  # printed in a column the page edge cut off (TextCell.cut)
    furniture: bool = False  # a page's header or footer inside a cut table (TextCell.furniture)
    stacked: bool = False  # its cell printed over several lines of laid-out text (TextCell)
    box_run: bool = False  # a scanned box that may hold several cells, a row that may lack one


def _segment(cell: TextCell, index: LabelIndex) -> list[Token]:
    text = to_simplified(cell.text)
    anchor = _ANCHOR.search(text)
    if anchor is None:
        return [Token("text", cell.text, cell.ref, cell.row)]
    tokens = [Token("text", text[: anchor.start()], cell.ref, cell.row)]
    pos = anchor.start()
    for m in index.pattern.finditer(text, pos):
        tokens.extend(_between(text[pos:m.start()], cell))
        labels = labels_of(m.group())
        tokens.append(Token("label", m.group(), cell.ref, cell.row, labels))
        pos = m.end()
    tokens.extend(_between(text[pos:], cell))
    return tokens


def _between(text: str, cell: TextCell) -> list[Token]:
    """The text between two labels: its leading numbers, then any free text.

    A sign starts a new number ("2648-18538" is 2648 then -18538); otherwise only
    whitespace is a known cell boundary, so a piece may still hold several cells.
    Where the numbers stop at a dash that more digits follow ("3 5 - 15"), the dash is
    a blank cell's or a sign cut by whitespace from its number (`<br>` inside -15,
    text nodes joined by a space): either way the row's cells go on past it, and the
    numbers before it are no whole row. They are read open-ended: no split is proven.
    """
    prefix = _NUMBERS_PREFIX.match(text)
    head = prefix.group() if prefix else ""
    rest = text[len(head):].strip()
    open_end = bool(head) and bool(_CUT_SIGN.match(rest))
    tokens = [Token("value", piece, cell.ref, cell.row, printed=read_printed(piece),
                    run_together=True, open_end=open_end) for piece in _NUMBER.findall(head)]
    if rest:
        tokens.append(Token("text", rest, cell.ref, cell.row))
    return tokens


@lru_cache(maxsize=1 << 14)
def _read(text: str) -> tuple[tuple[Label, ...], Printed | None]:
    """A cell text's labels, else what it printed (one cached lookup a cell: the same
    texts recur in every report)."""
    labels = labels_of(text)
    return labels, None if labels else read_printed(text)


def _foreign_numbers(cells: list[TextCell]) -> str | None:
    """Which numbers that are no cell the page text shows: `anywhere` (a 序号 header,
    maybe in another line than the runs it numbers, or before the table's anchor; or
    numbers cut into pieces by whitespace, when a piece is no cell either), else `filled`
    (merged cells printed once per column they span), else None."""
    texts = [to_simplified(c.text) for c in cells if len(c.text) >= _MIN_RUN_TOGETHER]
    if any(_SEQUENCE.search(t) or _SPLIT_NUMBER.search(t) for t in texts):
        return "anywhere"
    return "filled" if any(_FILLED.search(t) for t in texts) else None


@cache
def _unmerged() -> frozenset[tuple[str, str, str]]:
    """(version, table, row) of every statutory row whose values can span no merged
    cell: each has a column of its own, its block as wide as the table's widest (table
    三's and 四's rows, table 二's three-column rows); (version, table, "") where every
    block is (三 and 四: a run after their headings is a row of their columns)."""
    out = set()
    for vid, version in load_template().versions.items():
        for table in version.tables.values():
            widest = max(len(b.columns) for b in table.blocks)
            wide = [b for b in table.blocks if len(b.columns) == widest]
            out.update((vid, table.id, r.id) for b in wide for r in b.rows)
            if len(wide) == len(table.blocks):
                out.add((vid, table.id, ""))
    return frozenset(out)


def _unmerged_after(token: Token) -> bool:
    """Whether a run after this label holds only cells of unmerged columns in every
    version the label may be: a row label of such a row, or a heading of a table with
    no narrower block; never a caption or a row of a block narrower than its table."""
    unmerged = _unmerged()

    def row_key(lb: Label) -> str | None:
        if lb.kind in ("row", "group"):
            return lb.key
        return "" if lb.kind in ("column", "header", "note") else None

    return token.kind == "label" and all(
        (key := row_key(lb)) is not None
        and all((v, lb.table, key) in unmerged or (v, lb.table, "") in unmerged
                for v in lb.versions)
        for lb in token.labels)


_HEADING_KINDS = frozenset({"caption", "column", "header", "note"})


def _is_heading(token: Token) -> bool:
    return token.kind == "label" and all(lb.kind in _HEADING_KINDS for lb in token.labels)


def _stray_numbers(tokens: list[Token]) -> bool:
    """Whether a run-together number sits between a table's heading and its first row
    label ("现行有效件数 1 规章"): no cell is printed there, so it is a sequence number
    of an unnamed numbering column, and the next rows' numbers stick to their values."""
    return any(t.run_together and _is_heading(tokens[i - 1])
               and tokens[i + 1].kind == "label" and not _is_heading(tokens[i + 1])
               for i, t in enumerate(tokens[1:-1], 1))


# A column header word: a few CJK characters, no punctuation. Looked for among table 二's
# headings only: 四's "行政诉讼 情况" and "其他 需要报告的事项" are prose between headings.
COLUMN_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
REMARKS = frozenset({"备注", "说明"})  # a remarks column holds text, no numbers


def unknown_column(tokens: list[Token]) -> bool:
    """Whether text that is no template heading sits among a table's headings
    ("第二十条第（一）项 同比 信息内容"): a column the template does not have, whose
    numbers stick to the rows' own."""
    for i in range(1, len(tokens) - 1):  # a loop: asked of every report's every token
        t = tokens[i]
        if t.kind != "text":
            continue
        if (COLUMN_WORD.match(t.text.strip()) and t.text.strip() not in REMARKS
                and _is_heading(tokens[i - 1]) and _is_heading(tokens[i + 1])
                and tokens[i + 1].labels[0].table == "t2" and not _label_head(tokens, i)):
            return True
    return False


def _label_head(tokens: list[Token], i: int) -> bool:
    """Whether the text at `i` is the first line of a column label the header printed
    over two lines, its rest a word of a later text of the same header (up to its first
    row label): a layout table's cell holding the table flattens the header line by line,
    `上一年 本年增/减 处理决` then `项目数量 定数量`, so `上一年` stands between two
    headings though it is 上一年项目数量's head, no column of its own."""
    head = tokens[i].text.strip()
    for token in tokens[i + 1:]:
        if token.kind == "label" and not _is_heading(token):
            return False
        if token.kind == "text" and any(_is_column_label(head + word)
                                        for word in token.text.split()):
            return True
    return False


def _is_column_label(text: str) -> bool:
    return any(lb.kind == "column" for lb in label_index().by_norm.get(normalise(text), ()))


def _row_label_of(token: Token, table: str) -> bool:
    return token.kind == "label" and all(lb.kind in ("row", "group") and lb.table == table
                                         for lb in token.labels)


def piece_of_label(word: str) -> bool:
    """Whether the word is (a piece of) a template label: the rest of a header cell
    wrapped over lines (`上一年` / `项目数量`), no column of its own."""
    norm = normalise(word)
    return any(norm in label for label in label_index().by_norm)


def _unknown_last_column(tokens: list[Token]) -> int | None:
    """Where text that is no template heading, nor a piece of one, sits between a
    table's column labels and its first row label ("其他 小计 一、本年新收…"): the index
    of that text, else None. A column the template lacks (a 小计 before 三's 总计),
    printed as the header's last: its numbers run into the row's own, and the template's
    columns no longer tell which cell a number is (a split by the identities would fit
    by chance)."""
    return next((i for i, t in enumerate(tokens[1:-1], 1)
                 if t.kind == "text" and COLUMN_WORD.match(t.text.strip())
                 and t.text.strip() not in REMARKS and _is_heading(tokens[i - 1])
                 and _row_label_of(tokens[i + 1], tokens[i - 1].labels[0].table)
                 and not piece_of_label(t.text.strip())), None)


def _open_table_runs(tokens: list[Token], start: int) -> None:
    """Every run of the table from `start` on open-ended, up to a label of another table."""
    table = tokens[start - 1].labels[0].table
    for token in tokens[start:]:
        if token.kind == "label" and all(lb.table != table for lb in token.labels):
            return
        token.open_end = token.open_end or token.run_together


def tokenise(doc: Document) -> list[Token]:
    index = label_index()
    tokens: list[Token] = []
    cells = tidy(doc.cells)
    run_together = False
    for cell in cells:
        start = len(tokens)
        labels, printed = _read(cell.text)
        if labels:
            tokens.append(Token("label", cell.text, cell.ref, cell.row, labels))
        elif printed.state != "unreadable":  # most cells; positional: half the keywords' cost
            tokens.append(Token("value", cell.text, cell.ref, cell.row, (), printed,
                                cell.box_run, False, cell.cut, False, cell.stacked,
                                cell.box_run))
        elif len(cell.text) >= _MIN_RUN_TOGETHER and index.pattern.search(cell.text):
            run_together = True
            tokens.extend(_segment(cell, index))
        else:
            tokens.append(Token("text", cell.text, cell.ref, cell.row))
        if cell.furniture:  # read as ever, marked: table 四's search passes over it
            for token in tokens[start:]:
                token.furniture = True
    if not run_together:
        return tokens
    if (unknown := _unknown_last_column(tokens)) is not None:
        _open_table_runs(tokens, unknown)
    foreign = _foreign_numbers(cells)
    if foreign == "anywhere" or _stray_numbers(tokens) or unknown_column(tokens):
        for token in tokens:
            token.open_end = token.run_together
    elif foreign == "filled":
        # Copies of merged values stick only to runs of rows that have a merged value:
        # a run after a label whose row has a column for each value holds no copy.
        label = None
        for token in tokens:
            if token.kind == "label":
                label = token
            token.open_end = token.open_end or (
                token.run_together and not (label and _unmerged_after(label)))
    return tokens
