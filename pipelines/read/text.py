"""Plain-text reader for page text as crawlers and converters save it.

Dialects, detected from the lines themselves:
- tab rows: one table row per line, cells separated by tabs (a browser's copied text,
  TSV), an empty cell between two tabs kept;
- tab cells: one cell per tab-prefixed line, rows separated by empty lines, a line
  without a tab continuing the cell above (the seed report);
- pipe rows: `a | b | c` lines, one table row per line (markdown, pages store); a run
  of lines without a pipe printing `label value value` rows among them (markitdown's
  rows outside its tables) read as spaced rows, a word a cell; Python html2text's rows
  its width wrapped or a `<br>` in a number cut over lines put back (text_pipe_breaks.py);
- pipe-terminated cells: `a |` lines, with lone `|` lines starting each row;
- separated cells: one cell per line between lone `|` separator lines, row boundaries
  lost; two separators with nothing (or an empty line) between them are a blank cell;
- gapped: one cell per paragraph, an extra empty line per blank cell (text_aligned.py);
- paragraphs: one cell per line with nothing between paragraphs (a word processor's
  text export, `soffice --convert-to txt`), so an empty line is an empty cell, kept;
- lines: one cell per line, row boundaries lost (lone `|` separator lines dropped);
- run-together: the page flattened into long lines, cell boundaries lost;
- bordered: tables drawn with box-drawing or ASCII borders (text_bordered.py) or
  ruled by dash runs (text_aligned.py), the lines around them one row each;
- spaced rows: one table row per line, cells separated by spaces (text_aligned.py);
- reading order: a PDF's text in the order a converter groups it into blocks
  (`pdftotext` without `-layout`, pdfminer's `pdf2txt.py`): pages parted by form feeds,
  blocks by empty lines, no layout kept; where the form feeds or the empty lines are
  lost, known by table 三, or a block of table 二, printed out of row order
  (text_order.py). A table's cells come block by block: a
  column's values one per line before or after their labels, a row's values cut over
  several lines, values printed before the label they belong to. No order there ties a
  value of table 二 to its row or column, so none is read: the labels only, those cells
  null (their rows missing) rather than guessed. Of table 三 only a row printed whole on
  its label's line (text_order.t3_line_rows) or inside its own wrapped label with values
  the same in any column order (a row of zeros, text_order.t3_split_rows) is read; and
  where its right columns print as one run of values a row after another (Chromium's
  print), each row's 总计, placed after the grid by recognise/reading_totals.py.
  Table 四 is one printed row: its 15 counts are read where their count and its
  identities prove their cells (text_order.t4_values).
  (`pdftotext -raw` prints the content stream's order, a row's label and values on one
  line, no empty lines: read as lines.)
Markdown holding raw HTML tables has them turned into pipe rows first
(text_html_tables.py), and so have AsciiDoc's `|===` tables (text_asciidoc.py) and wiki
tables' `{|` blocks (text_mediawiki.py), and pandoc's fenced CSS-table divs
(text_divs.py); a browser's copied text of tables whose cells
are paragraphs (an empty line, a lone tab and an empty line between cells) is written
back as tab rows (text_paragraphs.py). A browser's print header that a PDF-to-Markdown
converter put into a table row's cells is taken out (text_print_header.py). A text
browser's link numbers (`[4]12`, with the list of links at the end) and Markdown's links
are blanked first (text_links.py), reStructuredText's `.. container::` directives
dropped (text_rst.py), and a layout table's one-column frame drawn around a grid table
taken off, the grid's lines its width broke joined back (text_frames.py). A crawler's
text nodes a line each, of indented markup, have a number's runs (Word's digit a span)
joined back into one line, and so have those a space apart (`3 0 0 1`) where the page's
year prints so and its cells print a paragraph each or its rows lay cells out by runs of
spaces (text_nodes.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

from pipelines.document import REF_TEXT, Document, TextCell
from pipelines.read import (
    text_affixes,
    text_asciidoc,
    text_divs,
    text_frames,
    text_links,
    text_mediawiki,
    text_nodes,
    text_pages,
    text_pipe_breaks,
    text_print_header,
    text_rst,
)
from pipelines.read.registry import is_markdown_with_tables
from pipelines.read.text_aligned import (
    gapped_cells,
    has_margin,
    is_gapped,
    is_spaced_rows,
    ruled_blocks,
    ruled_cells,
    spaced_row_cells,
    spaced_rows,
)
from pipelines.read.text_bordered import grid_tables, table_blocks, table_cells
from pipelines.read.text_html_tables import as_pipe_rows
from pipelines.read.text_markdown import has_spans, plain, plain_cells
from pipelines.read.text_order import (
    LabelRuns,
    bare_counts,
    out_of_row_order,
    t2_label_rows,
    t3_label_runs,
    t3_line_rows,
    t3_split_rows,
    t4_values,
)
from pipelines.read.text_order_wrapped import t3_wrapped_label_runs
from pipelines.read.text_paragraphs import (
    as_block_tab_rows,
    as_tab_rows,
    has_block_cells,
    has_paragraph_cells,
)
from pipelines.read.text_tab_breaks import tab_rows
from pipelines.read.text_width import columns
from pipelines.textnorm import HAN_CHAR

_LONE_PIPES = re.compile(r"^\|+$")
_HARD_BREAK = re.compile(r"\\[ \t]*\n")  # Markdown's `\` ending a line of a cell
# HTML's line break inside a pipe table's cell (pymupdf4llm prints a cell's lines so)
_CELL_BREAK = re.compile(r"<br\s*/?>", re.I)
# a pipe cell that is one superscript and nothing else (pymupdf4llm's `|<sup>34</sup>|`)
_WHOLE_SUP = re.compile(r"\s*<sup>([^<>]*)</sup>\s*", re.I)
# A pipe cell of numbers apart (`447 7`, `0 0`): a converter's cell holding two columns'
# values (markitdown, pdfplumber's tables of a PDF) or a number wrapped in its cell; which,
# the text does not say: the cell is marked stacked, its row's values not placed. Spaces
# only: Org's pieces of one cell (`8\\` over `8`) are joined by a line break, one number.
_NUMBERS_APART = re.compile(r"^[ \t]*[\d０-９][\d０-９,，.]*"
                            r"(?:[ \t\u3000]+[\d０-９][\d０-９,，.]*)+[ \t]*$")
_VALUE_CELL = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")  # a cell printing a number
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}")
# A tab after a cell's text (a row of tab-separated cells), as a line's first one.
_INNER_TAB_LINE = re.compile(r"^[^\n]*?[^\t\s]\t", re.M)


def _is_lone(line: str) -> bool:
    return bool(_LONE_PIPES.match(line.strip()))


def _has_digits(line: str, n: int) -> bool:
    """Whether the line has at least n digits (counting stops at the n-th)."""
    return next(islice(filter(str.isdigit, line), n - 1, None), None) is not None


def _at_least(n: int, tests: Iterable[bool]) -> bool:
    """Whether n of the tests are true (testing stops at the n-th)."""
    return next(islice(filter(None, tests), n - 1, None), None) is not None


def _lines_matching(pattern: re.Pattern, text: str) -> int:
    """How many of the text's lines `pattern` (a pattern of one line: no `\\n` in a
    match) is found in: one scan of the whole text in C, not a search a line."""
    return len(pattern.findall(text))


def _dialect(lines: list[str]) -> str:
    content = [ln for ln in lines if ln and not ln.isspace()]
    if not content:
        return "lines"
    if table_blocks(lines):
        return "bordered"
    if ruled_blocks(lines):
        return "ruled"
    text = "\n".join(lines)
    if _is_reading_order(lines, content, text):
        return "reading_order"
    if _lines_matching(_INNER_TAB_LINE, text) >= 3:
        return "tab_rows"
    tabbed = len([ln for ln in content if ln[0] == "\t"])
    if tabbed >= 0.2 * len(content):
        return "tab"
    piped = [ln for ln in content if "|" in ln] if "|" in text else []
    terminated = sum(ln.count("|") == 1 and ln.rstrip().endswith("|") and ln.strip() != "|"
                     for ln in piped)
    rows = sum(len([p for p in ln.split("|") if p.strip()]) >= 2 for ln in piped)
    # html2text's pipe tables end a row whose last cell is blank with its `|`
    # (`第二十条第（一）项|`, a header's wrapped `理决定数量|`): such lines among more rows of
    # several cells are rows, not a text of one cell a line
    if terminated >= 3 and terminated >= rows:
        return "pipe_terminated"
    if rows >= 3:
        return "pipe_rows"
    long_digits = any(len(ln) > 500 and _has_digits(ln, 61) for ln in content)
    if long_digits:
        return "run_together"
    if _is_separated(content):
        return "separated"
    if is_gapped(lines, content):
        return "gapped"
    if is_spaced_rows(content):
        return "spaced_rows"
    return "paragraphs" if _is_paragraph_lines(lines) else "lines"


# Words kept apart by the layout, not by one space: by spaces, or by a tab (a browser's
# copied text prints a row a line, its cells apart by tabs; no PDF converter prints a
# tab); as a line's first match (`\S` is no line break, so a match stays in its line,
# and stripping the line cannot change it).
_LAID_OUT_LINE = re.compile(r"^[^\n]*?\S(?: {2,}|\t[\t ]*)\S", re.M)
_VALUE_WORD = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def _is_reading_order(lines: list[str], content: list[str], text: str) -> bool:
    """A PDF's text in its blocks' order (module docstring), hardly a line laid out by
    spaces or tabs, and either form feeds between pages with empty lines between blocks (`-raw`
    prints none), or, where the form feeds were lost (a crawler, a copy, a one-page PDF)
    or the empty lines were (one block a page), table 三 or a block of table 二 printed
    out of row order (text_order.py), but not where (nearly) every line opens with
    lynx's margin, as no PDF's text does: lynx's rows whose numbers a `<br>` cut print
    lines of number pieces that look out of row order (recognise/number_breaks.py joins
    them). `text`: the lines joined."""
    laid_out = _lines_matching(_LAID_OUT_LINE, text)
    if 20 * laid_out >= len(content):
        return False
    if "\f" in text:
        inner = lines[:len(lines) - next(i for i, ln in enumerate(reversed(lines))
                                         if ln.strip())]
        if sum(not ln.strip() for ln in inner) >= 2:
            return True
    return not has_margin(content) and out_of_row_order(content)


def _label_cells(lines: list[str]) -> list[TextCell]:
    """Every line's words but its values, one cell a line: the labels without a value."""
    cells = []
    for no, line in enumerate(lines, start=1):
        words = [w for w in line.replace("\f", " ").split() if not _VALUE_WORD.fullmatch(w)]
        if words:
            cells.append(TextCell(" ".join(words), f"line {no}", None))
    return cells


def _reading_order_cells(lines: list[str]) -> list[TextCell]:
    """The labels (`_label_cells`) and, where their count and identities place them,
    table 四's values (text_order.t4_values): printed as one row after 四's text, before
    the next section, so that 四's header, read above them, places them. Counts are read
    without their units (text_order.bare_counts)."""
    lines = bare_counts(lines)
    cells = _t3_label_runs(_t3_rows_in_place(_label_cells(lines), lines), lines)
    t4 = t4_values(lines)
    if t4 is None:
        return cells
    after, found = t4
    # line numbers in refs count from 1: the row goes before the first cell past `after`
    at = next((i for i, c in enumerate(cells) if int(c.ref.split()[1]) > after + 1),
              len(cells))
    row = [TextCell(value, f"line {no + 1}", 1) for no, value in found]
    return cells[:at] + row + cells[at:]


def _t3_label_runs(cells: list[TextCell], lines: list[str]) -> list[TextCell]:
    """The cells with table 三's text replaced by its rows, where each row's label and the
    runs of values after them place every row (text_order.t3_label_runs): a label cell and
    its 7 values a row, in the template's column order; a row placed by its order gets
    the template's label (Document.rows_placed_by_order flags it). The other lines of that
    text (labels printed away from their values, page numbers) are dropped: every row of
    三 is placed without them."""
    runs = _label_runs(lines)
    if runs is None:
        return cells
    start, end = runs.span  # 0-based lines; refs count from 1
    inside = [start < int(c.ref.split()[1]) <= end for c in cells]
    first = inside.index(True) if True in inside else len(cells)
    rows = []
    for no, (label, run) in sorted(runs.rows.items()):
        rows.append(TextCell(label, f"line {no + 1}", None))
        rows += [TextCell(value, f"line {at + 1}", None) for at, value in run]
    return cells[:first] + rows + [c for c, i in zip(cells[first:], inside[first:],
                                                     strict=True) if not i]


def _placed_by_order(lines: list[str]) -> tuple[str, ...]:
    """The labels of table 三's rows a text in reading order placed by their order."""
    runs = _label_runs(bare_counts(lines))
    return () if runs is None else runs.by_order


def _label_runs(lines: list[str]) -> LabelRuns | None:
    """Table 三's rows read from their labels and the runs of values after them: each label
    whole on its line (WPS, text_order.t3_label_runs), else wrapped over lines
    (LibreOffice, text_order_wrapped)."""
    return t3_label_runs(lines) or t3_wrapped_label_runs(lines)


def _t3_rows_in_place(cells: list[TextCell], lines: list[str]) -> list[TextCell]:
    """The label cells with each row of 三 that reading order places made whole: printed
    inside its own label (text_order.t3_split_rows), its label's two parts one cell, or
    on its label's line (text_order.t3_line_rows); its values after its label. Likewise
    the rows of 二's blocks whose header and rows show every cell's place
    (text_order.t2_label_rows)."""
    rows = {first + 1: (second + 1, label, run)
            for first, second, label, run in t3_split_rows(lines)}
    rows |= {no + 1: (None, label, run) for no, label, run in t3_line_rows(lines)}
    rows |= {no + 1: (None, label, run) for no, (label, run) in t2_label_rows(lines).items()}
    dropped = {second for second, _, _ in rows.values() if second is not None}
    out: list[TextCell] = []
    for cell in cells:
        no = int(cell.ref.split()[1])
        if no in dropped:
            continue
        if no not in rows:
            out.append(cell)
            continue
        _, label, run = rows[no]
        out.append(TextCell(label, cell.ref, None))
        out += [TextCell(value, f"line {at + 1}", None) for at, value in run]
    return out


def _tab_cells(lines: list[str]) -> list[TextCell]:
    cells: list[TextCell] = []
    row, in_cell = 0, False
    for no, line in enumerate(lines, start=1):  # lines hold no "\n": split on it
        if not line:
            row, in_cell = row + 1, False
        elif line[0] == "\t":
            cells.append(TextCell(line[1:], f"line {no}", row))
            in_cell = True
        elif in_cell:  # a cell whose text wrapped onto the next line
            last = cells[-1]
            cells[-1] = TextCell(last.text + "\n" + line, last.ref, last.row)
        else:
            row += 1
            cells.append(TextCell(line, f"line {no}", row))
    return cells


def _tab_row_cells(lines: list[str]) -> list[TextCell]:
    """Every line a row, its cells separated by tabs, an empty cell between two tabs kept
    (a browser's copied text, `innerText`, and spreadsheets' TSV); a row cut over lines
    by a line break inside a cell is one row (text_tab_breaks.py)."""
    cells: list[TextCell] = []
    table, in_table = 0, False  # a run of tabbed lines is one table (recognise/layout.py)
    for no, pieces in tab_rows(lines):
        if len(pieces) == 1:
            in_table = False
            cells.append(TextCell(pieces[0].strip(), f"line {no}", no))
            continue
        table, in_table = table + (not in_table), True
        cells.extend(TextCell(p.strip(), f"table {table} line {no} cell {i}", no)
                     for i, p in enumerate(pieces, 1))
    return cells


def _split_pipes(line: str, left_border: bool = True, right_border: bool = True
                 ) -> list[str]:
    parts = line.split("|")
    if left_border and line.strip().startswith("|"):
        parts = parts[1:]
    if line.strip().endswith("|") and right_border:
        parts = parts[:-1]
    return [p.strip() for p in parts]


def _left_bordered(lines: list[str]) -> bool:
    """Whether the table's rows open with a border pipe (`| a | b |`). Where they don't
    (`a | b |`), a row that opens with a pipe has a blank first cell.

    The Markdown rule under a header says it where one prints: a writer that borders
    its rows borders its rule (`|---|---|`), one that does not prints `---|---`
    (html2text), whose rows open with a pipe wherever their first cell is blank: a
    table of rows under group labels, or of values alone, has most rows so, and their
    count would take the pipe for a border (四's row of 15 cells and a trailing 同比
    value read a cell right, the 同比 value as 总计). With no rule, or rules of both
    kinds, the rows' count decides."""
    rules = [ln.strip() for ln in lines if "|" in ln and _MD_RULE.match(ln.strip())]
    if rules and len({r.startswith("|") for r in rules}) == 1:
        return rules[0].startswith("|")
    rows = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _MD_RULE.match(ln.strip())]
    return 2 * sum(r.startswith("|") for r in rows) >= len(rows)


def _right_bordered(lines: list[str], left_border: bool) -> bool:
    """Whether a closing pipe is a border: in rows that open with one, or where every
    row ends with one (`a | b |`). Where rows open with a cell and only some end with a
    pipe (`a| b| `, html2text), that pipe opens an empty last cell, which keeps its
    place."""
    if left_border:
        return True
    rows = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _MD_RULE.match(ln.strip())]
    return all(r.endswith("|") for r in rows)


_ORG_BREAK = "\\\\"  # Org's line break `\\`, ending the piece of a cell a line holds


def _org_continued(line: str, below: str, parts: list[str], next_parts: list[str]) -> bool:
    """Whether the pipe line below continues this line's row: Org has no cell of more
    than one line, so pandoc prints a cell broken by `<br>` as its pieces on lines of
    their own, each but the last ending in Org's `\\`, every cell of the row padded
    to the same walls. Told by a piece ending in `\\` and the next line's walls on the
    same display columns (a row of its own would not pad to them by chance, and Org pads
    every row of a table to one set of walls anyway, so the pieces' count is checked)."""
    return (any(p.endswith(_ORG_BREAK) for p in parts) and len(parts) == len(next_parts)
            and bool({_walls(line, 2), _walls(line, 1)} & {_walls(below, 2), _walls(below, 1)}))


def _org_joined(parts: list[str], next_parts: list[str]) -> list[str]:
    """A row's cells and their pieces on the line below, each cell's pieces joined by a
    line break where Org's `\\` ended the piece (the cells not broken print nothing
    below; what they print is appended the same way, a line break between)."""
    return ["\n".join(filter(None, (a.removesuffix(_ORG_BREAK).rstrip(), b)))
            for a, b in zip(parts, next_parts, strict=True)]


def _pipe_row_cells(lines: list[str]) -> list[TextCell]:
    cells: list[TextCell] = []
    left_border = _left_bordered(lines)
    right_border = _right_bordered(lines, left_border)
    table, in_table = 0, False  # a run of pipe lines is one table (recognise/layout.py)
    spaced = _spaced_runs(lines)
    hard_breaks = text_pipe_breaks.has_hard_breaks(lines)  # html2text's rows
    no, count = 0, len(lines)
    while no < count:
        line, first = lines[no], no + 1  # refs count lines from 1
        no += 1
        if hard_breaks and line.strip():  # its row wrapped, or cut by a `<br>` in a number
            line, no = text_pipe_breaks.row_at(lines, no - 1)
        stripped = line.strip()
        if not stripped or _LONE_PIPES.match(stripped) or _MD_RULE.match(stripped):
            in_table = in_table and bool(stripped)
            continue
        if "|" not in line:
            in_table = False
            cells.extend(spaced.get(first) or [TextCell(stripped, f"line {first} cell 1", first)])
            continue
        table, in_table = table + (not in_table), True
        parts = _split_pipes(line, left_border, right_border)
        while no < count and "|" in lines[no] and _ORG_BREAK in line:
            below = _split_pipes(lines[no], left_border, right_border)
            if not _org_continued(line, lines[no], parts, below):
                break
            # a piece broken again keeps its `\\`: the line below continues it
            line, parts, no = lines[no], _org_joined(parts, below), no + 1
        parts = [p.removesuffix(_ORG_BREAK) for p in parts]
        cells.extend(TextCell(p, f"table {table} line {first} cell {i}", first,
                              stacked=bool(_NUMBERS_APART.match(p)))
                     for i, p in enumerate(parts, 1))
    return cells


def _spaced_runs(lines: list[str]) -> dict[int, list[TextCell]]:
    """The cells of the lines (by line number) of each run of lines without a pipe that
    prints table rows as `label value value …` lines (text_aligned.is_spaced_rows), read
    as such text is (text_aligned.spaced_rows): a word a cell, a row a line.

    markitdown's Markdown of a PDF keeps pdfplumber's tables as pipe rows, and the rows it
    finds in no table as pdfminer's text lines (`（三 1.属 0 0 0 0 0 0 0` / `）不 于国` /
    `予公 家秘` / `开 密`), the text `pdftotext` and pdfplumber print, which is read so
    elsewhere (recognise/layout.py joins the labels' pieces). Read as one cell a line,
    the values in it were never read at all."""
    runs: list[list[int]] = []
    for k, line in enumerate(lines):
        if "|" in line:
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    out: dict[int, list[TextCell]] = {}
    for run in runs:
        content = [lines[k] for k in run if lines[k].strip()]
        if len(content) < 3 or not is_spaced_rows(content):
            continue
        kept = set(run)
        masked = [ln if k in kept else "" for k, ln in enumerate(lines)]
        for cell in spaced_row_cells(masked):
            out.setdefault(cell.row, []).append(cell)
    return out


def _pipe_terminated_cells(lines: list[str]) -> list[TextCell]:
    cells: list[TextCell] = []
    row = 0
    for no, line in enumerate(lines, start=1):
        if _is_lone(line) or not line.strip():
            row += 1
            continue
        if "|" not in line:
            row += 1  # free text between tables is a row of its own
        cells.append(TextCell(line.strip().rstrip("|").strip(), f"line {no}", row))
    return cells


def _is_separated(content: list[str]) -> bool:
    """Cells between lone `|` lines: a third of the lines or more are separators."""
    lone = sum(map(_is_lone, content))
    return lone >= 20 and 3 * lone >= len(content)


def _separated_cells(lines: list[str]) -> list[TextCell]:
    """Every printed line a cell, and a blank cell where two separators enclose none."""
    cells: list[TextCell] = []
    enclosed = None  # lines printed since the last separator; None before the first
    for no, line in enumerate(lines, start=1):
        if _is_lone(line):
            if enclosed == 0:
                cells.append(TextCell("", f"line {no}", None))
            enclosed = 0
        elif line.strip():
            cells.append(TextCell(line.strip(), f"line {no}", None))
            enclosed = None if enclosed is None else enclosed + 1
    return cells


_PROSE = 30  # characters: a line this long is a paragraph of prose, not a cell


def _is_paragraph_lines(lines: list[str]) -> bool:
    """Every paragraph a line and nothing between paragraphs (a word processor's text
    export, `soffice --convert-to txt`), so that an empty line is an empty paragraph:
    in a table, an empty cell. Told by the prose: a paragraph of prose or more, and
    not one of them next to an empty line (text whose paragraphs are parted by
    empty lines has them next to every one)."""
    inner = lines[:len(lines) - next((i for i, ln in enumerate(reversed(lines))
                                      if ln.strip()), 0)]
    if not any(not ln.strip() for ln in inner):
        return False
    prose = [i for i, ln in enumerate(inner) if len(ln.strip()) >= _PROSE]
    if not prose:
        return False
    return all(inner[j].strip() for i in prose for j in (i - 1, i + 1) if 0 <= j < len(inner))


def _paragraph_cells(lines: list[str]) -> list[TextCell]:
    """Every line a cell, an empty line between two printed ones a blank cell."""
    cells: list[TextCell] = []
    for no, line in enumerate(lines, start=1):
        text = line.strip()
        if text or cells:
            cells.append(TextCell(text, f"line {no}", None))
    while cells and not cells[-1].text:
        cells.pop()
    return cells


def _line_cells(lines: list[str]) -> list[TextCell]:
    return [TextCell(ln.strip(), f"line {no}", None)
            for no, ln in enumerate(lines, start=1) if ln.strip() and not _is_lone(ln)]


def _free_line_cells(line: str, no: int, row: int) -> list[TextCell]:
    """A line outside the drawn tables: its `|` cells if it has several, else one cell."""
    stripped = line.strip()
    if len([p for p in stripped.split("|") if p.strip()]) >= 2:
        return [TextCell(p, f"line {no} cell {i}", row)
                for i, p in enumerate(_split_pipes(stripped), 1)]
    return [TextCell(stripped, f"line {no}", row)]


def _tables(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first, end, kind) of the drawn and ruled tables, in order, not overlapping."""
    drawn = [(a, b, "ascii" if ascii_table else "box") for a, b, ascii_table in table_blocks(lines)]
    ruled = [(a, b + 1, "ruled") for a, b in ruled_blocks(lines)
             if not any(x < b + 1 and a < y for x, y, _ in drawn)]
    return sorted(drawn + ruled)


def _in_table(table: int, cells: list[TextCell]) -> list[TextCell]:
    """The cells with the table they are in named first in their refs ("table 2 line 9
    col 5"), as the HTML and DOCX readers name it: structure that holds for a table's
    rows (a 序号 or 备注 column, recognise/layout.py) is then known to end with it."""
    return [TextCell(c.text, f"table {table} {c.ref}", c.row) for c in cells]


def _bordered_cells(lines: list[str]) -> list[TextCell]:
    """Drawn and ruled tables read as grids; every other line a row of its own."""
    cells: list[TextCell] = []
    row, pos = 0, 0
    for table, (first, end, kind) in enumerate([*_tables(lines), (len(lines), len(lines), "")],
                                               start=1):
        for no in range(pos, first):
            if lines[no].strip() and not _is_lone(lines[no]):
                row += 1
                cells.extend(_free_line_cells(lines[no], no + 1, row))
        if kind == "ruled":
            found, row = ruled_cells(lines, first, end - 1, row + 1)
        elif kind:
            found, row = table_cells(lines[first:end], first + 1, kind == "ascii", row + 1)
        else:
            found = []
        cells.extend(_in_table(table, found))
        pos = end
    return cells


_READERS = {
    "tab": ("text_cells", _tab_cells),
    "tab_rows": ("text_cells", _tab_row_cells),
    "pipe_rows": ("text_pipes", _pipe_row_cells),
    "pipe_terminated": ("text_pipes", _pipe_terminated_cells),
    "lines": ("text_cells", _line_cells),
    "run_together": ("text_run_together", _line_cells),
    "bordered": ("text_bordered", _bordered_cells),
    "ruled": ("text_aligned", _bordered_cells),
    "spaced_rows": ("text_aligned", spaced_row_cells),
    "separated": ("text_cells", _separated_cells),
    "paragraphs": ("text_cells", _paragraph_cells),
    "gapped": ("text_cells", gapped_cells),
    "reading_order": ("text_reading_order", _reading_order_cells),
}


def _full_width(dialect: str, lines: list[str]) -> bool:
    """Whether every row prints every column of its table, spans flattened in place (as
    pandoc and tabulate print them): grids, ruled tables, and Markdown pipe tables (a
    `|---|` rule). Other pipe rows may end in padding."""
    if dialect in ("bordered", "ruled"):
        return True
    return dialect == "pipe_rows" and (any(_MD_RULE.match(ln.strip()) and "|" in ln
                                           for ln in lines) or _aligned_pipe_tables(lines))


def _clipped(dialect: str, lines: list[str]) -> bool:
    """Whether the tables are printed at a fixed width, as pandoc prints them
    (Document.clipped_rows): its ruled tables (plain text, Markdown), its
    reStructuredText grid tables, and pipe tables whose walls line up on every line (its
    Org tables; a crawler's Markdown pipes are not padded). Its GitHub Markdown, AsciiDoc
    and wiki tables are known before they are written as pipe rows (`read`): AsciiDoc
    and wiki tables of a page have no other common writer."""
    if dialect == "ruled":
        return True
    if dialect == "bordered":
        return bool(ruled_blocks(lines)) or grid_tables(lines)
    return dialect == "pipe_rows" and (_aligned_pipe_tables(lines)
                                       or _ragged_label_column(lines))


def _cell_breaks(cell: TextCell) -> TextCell:
    """A pipe cell with HTML line breaks (pymupdf4llm prints a cell's lines so): in a
    label's cell they are line breaks; in a cell of numbers a break at its edge is none
    (`88283<br>`), and numbers on several lines (`0<br>0`) may be two columns' values in
    one cell or one number wrapped, which the text does not say: stacked, as numbers set
    apart by spaces are, so the row is not placed and its other cells are not taken for
    printed empty."""
    if HAN_CHAR.search(cell.text):
        return replace(cell, text=_CELL_BREAK.sub("\n", cell.text))
    lines = _CELL_BREAK.sub("\n", cell.text).strip()
    if "\n" not in lines:
        return replace(cell, text=lines)
    apart = " ".join(lines.split())
    return replace(cell, text=apart, stacked=True) if _NUMBERS_APART.match(apart) else cell


def _sup_unwrapped(cell: TextCell) -> TextCell:
    """A pipe cell holding one superscript and nothing else, as its text: pymupdf4llm
    marks a span printed above its line's baseline as `<sup>` (a number in a Latin font
    beside CJK glyphs, or a smaller font: `|其他对外管|理服务事项|<sup>34</sup>|0|2333|`,
    `|<sup>本年增/减</sup>|`); alone in its cell it is that cell's text, no note's
    marker (a marker follows the text it marks, `行政规范性文件<sup>8</sup>`, which stays
    as printed)."""
    m = _WHOLE_SUP.fullmatch(cell.text)
    return replace(cell, text=m.group(1).strip()) if m else cell


def _ragged_label_column(lines: list[str]) -> bool:
    """Whether pipe rows print their labels in different columns: the last cell holding
    Chinese before a row's first number stands at one index in some rows, another in
    others. pdfplumber's tables of a printed page (markitdown's Markdown) cut a table into
    columns of its own that the page's cells do not have, so a row's values may open with
    such empty columns and a value stand one or two columns right of its own (011's
    `| 三、本年度 | | | （一）予以公开 | | | 258 | 12 | | 1 | 1 |`, 258 read as 科研机构's).
    Such text is read as a table printed at a fixed width is: a row opening with a blank
    before a value is not placed (grid `maybe_pushed`)."""
    at: set[int] = set()
    for line in lines:
        stripped = line.strip()
        if len(stripped) < 2 or stripped[0] != "|" or stripped[-1] != "|":
            continue
        cells = [c.strip() for c in stripped[1:-1].split("|")]
        first = next((i for i, c in enumerate(cells) if _VALUE_CELL.fullmatch(c)), None)
        if first is None:
            continue
        label = max((i for i in range(first) if HAN_CHAR.search(cells[i])), default=None)
        if label is not None:
            at.add(label)
            if len(at) > 1:
                return True
    return False


def _walls(line: str, ambiguous: int) -> tuple[int, ...]:
    cols = columns(line, ambiguous)
    return tuple(cols[i] for i, ch in enumerate(line) if ch == "|")


def _aligned_pipe_tables(lines: list[str]) -> bool:
    """Whether every table of `| a | b |` rows (a run of lines opening and closing with a
    pipe) has its walls on the same display columns on every line: each line then
    prints every column of its table (pandoc's Org tables, padded grids without rules)."""
    runs: list[list[str]] = [[]]
    for line in lines:
        stripped = line.strip()
        if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
            runs[-1].append(line.rstrip())
        elif runs[-1]:
            runs.append([])
    tables = [r for r in runs if len(r) >= 3]
    if not tables:
        return False
    for table in tables:
        walls = {_walls(table[0], 2), _walls(table[0], 1)}
        if not all({_walls(ln, 2), _walls(ln, 1)} & walls for ln in table):
            return False
    return True


def _furniture_marked(cells: list[TextCell], found: frozenset[int]) -> list[TextCell]:
    """The cells of the page furniture's lines (`found`, text_pages.py) marked."""
    if not found:
        return cells
    return [replace(c, furniture=True)
            if (m := REF_TEXT.match(c.ref)) and int(m.group(1)) - 1 in found else c
            for c in cells]


def read(name: str, sha256: str, size: int, decoded: str) -> Document:
    # lynx's and elinks' `[n]` marks, Markdown's `[text](url)`
    decoded = text_links.without_markdown_links(text_links.without_link_numbers(decoded))
    decoded = text_rst.without_containers(decoded)  # reST's `.. container::` of a div
    decoded = text_frames.without_frames(decoded)  # a layout table drawn around a grid
    pandoc_tables = False  # its tables as pandoc writes them before they become pipe rows
    if is_markdown_with_tables(decoded):
        # GitHub Markdown: pipe tables padded to one width, raw HTML where there are spans
        pandoc_tables = _aligned_pipe_tables(decoded.splitlines())
        decoded = as_pipe_rows(decoded)
    elif text_asciidoc.has_tables(decoded):
        decoded, pandoc_tables = text_asciidoc.as_pipe_rows(decoded), True
    elif has_paragraph_cells(decoded):  # a browser's copy of cells holding paragraphs
        decoded = as_tab_rows(decoded)
    elif has_block_cells(decoded):  # and of cells holding divs
        decoded = as_block_tab_rows(decoded)
    elif text_mediawiki.has_tables(decoded):
        decoded, pandoc_tables = text_mediawiki.as_pipe_rows(decoded), True
    elif text_divs.has_tables(decoded):  # pandoc's Markdown of CSS-table divs
        decoded = text_divs.as_pipe_rows(decoded)
    if text_print_header.has_print_header(decoded):  # a PDF's page header in a row's cells
        decoded = text_print_header.without_print_header(decoded)
    # a crawler's text nodes a line each or a space apart: a number's runs (Word's digit a
    # span) joined
    lines = text_nodes.joined_runs(
        decoded.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    dialect = _dialect(lines)
    rendering, cells_of = _READERS[dialect]
    page_text = "\n".join(filter(None, map(str.strip, lines)))  # stripped, non-empty
    # spaced rows: the header bands from the rows their cells are read from
    furniture = text_pages.furniture_lines(lines)
    # a row a line: a line break there is a row's end, a `<br>` in a cell or a wrap
    rows_a_line = dialect == "tab_rows"
    if dialect == "spaced_rows":
        cells, bands, laid_out = spaced_rows(lines, furniture)
        # lynx's rows, in its margin; not a layout's bands, nor pdftotext -raw's lines
        # (a header cell's pieces a line each, `结果` / `维持`, next to its neighbours')
        rows_a_line = not laid_out and has_margin([ln for ln in lines if ln.strip()])
    else:
        cells, bands = cells_of(lines), ()
    if has_spans(decoded):  # pandoc's Markdown of a Word page
        cells, page_text = plain_cells(cells), plain(page_text)
    elif dialect == "pipe_rows" and "<br" in decoded:
        cells = [_cell_breaks(c) if "<br" in c.text else c for c in cells]
    if dialect == "pipe_rows" and "<sup" in decoded:
        cells = [_sup_unwrapped(c) for c in cells]
    elif "\\" in decoded:  # Markdown's hard break (`\` ending a line) in a grid's cell
        cells = [replace(c, text=_HARD_BREAK.sub("\n", c.text).removesuffix("\\"))
                 if "\\" in c.text else c for c in cells]
    cells = text_affixes.without_page_affixes(cells)  # a page's hidden characters printed
    cells = _furniture_marked(cells, furniture)
    return Document(name, sha256, size, rendering, page_text, cells,
                    full_width_rows=_full_width(dialect, lines),
                    clipped_rows=pandoc_tables or _clipped(dialect, lines),
                    values_withheld=dialect == "reading_order",
                    rows_placed_by_order=_placed_by_order(lines) if dialect == "reading_order"
                    else (),
                    header_bands=bands, breaks_in_cells=rows_a_line,
                    paragraph_cells=dialect in ("lines", "gapped") and has_margin(
                        [ln for ln in lines if ln.strip()]))
