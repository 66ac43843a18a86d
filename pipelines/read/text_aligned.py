"""Tables whose columns are shown by alignment alone, with no walls between cells.

- Ruled tables (pandoc's simple and multiline tables in `-t plain`/`-t markdown`,
  reStructuredText's simple tables): a rule of dash runs (`-----  ----  ---`) opens the
  table and gives its columns, the same rule closes it (an `===  ===` rule under a
  header closes the header and opens the body). Each line's text goes to the column
  its words start in, so an empty column is a blank cell kept in its place. When the
  table separates its rows by empty lines (a multiline table), the lines between two
  empty lines are one row and a cell's lines are joined back. A multiline table with a
  header (pandoc's, from a DOCX whose tables have a first row) is opened by one
  unbroken dash line above the header and closed by the same line; the column rule
  under the header gives the columns, the header's lines are one row. A Markdown hard
  break (`\\` ending a cell's line) is no text. pandoc keeps a table as wide as its
  widest row's own cells: cells a rowspan from above pushes past that edge are dropped
  without a trace, the row printed shifted right (`Document.clipped_rows`).
- Spaced rows (`lynx -dump`, crawlers, `pdftotext -layout`): one table row per line,
  its cells separated by spaces, empty cells dropped. Each word is a cell of the line's
  row: the reader keeps the row together. A dash rule there is no row: pandoc's simple
  table with a header (`<thead>`) has the rule under the header and none closing it, so
  it is no ruled table, and the rule's runs are no values. In text laid out by
  position, rows split over two lines and labels wrapped over many lines are read back
  by text_columns.py. In content-stream order (`pdftotext -raw`), a label's quote mark
  printed on a line of its own is put back into its line (`_quotes_put_back`).
- Gapped cells (`lynx -dump` of cells holding paragraphs, as Word's pages do): one cell
  per line, one empty line after each, and one more for each empty cell (`821`, three
  empty lines, `2`: two blank cells between). Read only where the text shows lynx's
  margin and nearly every cell is followed by an empty line; rows are lost.

Columns are display columns (text_width.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from pipelines.document import PlacedWord, TextCell
from pipelines.numbering import ITEM_START
from pipelines.read.text_columns import (
    DECIMAL_TAIL,
    NOTE,
    THOUSANDS_TAIL,
    PrintedRow,
    Word,
    is_laid_out,
    item_apart_between,
    item_between,
    place_columns,
    printed_row,
)
from pipelines.read.text_pages import FORM_FEED
from pipelines.read.text_runs import is_digits, runs_shown
from pipelines.read.text_swaps import misordered_marked
from pipelines.read.text_width import columns, has_ambiguous
from pipelines.textnorm import HAN

# A column rule: two runs or more, one of three dashes at least. pandoc sizes each run to
# its column's text, so a column with no text at all (an empty trailing 备注, the label
# columns a spanning label leaves empty) is a run of one or two.
_RULE = re.compile(r"^\s*(?=[-\s]*-{3}|[=\s]*={3})(?:-+(?:\s+-+)+|=+(?:\s+=+)+)\s*$")
_FULL = re.compile(r"^\s*-{3,}\s*$")  # a multiline table's unbroken opening/closing line
_RUN = re.compile(r"-+|=+")
_WORD = re.compile(r"\S+")
_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|条|次)?"
_VALUE = re.compile(_NUMBER)
_SPACED_ROW = re.compile(rf"^\s*\S.*?(?:\s+{_NUMBER}){{2,}}\s*$")
# A header's lines above its values on one page, at most: its cells wrapped a few
# characters a line (a page break's running footer and header between two of its rows
# are no header line: the piece on the page above is counted afresh).
_HEADER_LINES = 12
# Words a header printed again holds at least (`_headers_again`): more than the lines a
# wrapped label ends on could.
_HEADER_WORDS = 4


# --- ruled tables -------------------------------------------------------------------------

def ruled_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(opening rule, closing rule) line indexes of every ruled table."""
    joined = "".join(lines)
    if "---" not in joined and "===" not in joined:  # no rule: most texts, found in C
        return []
    blocks, i = [], 0
    while i < len(lines):
        headed = _headed_block(lines, i)
        if headed is not None:
            blocks.append((i, headed))
            i = headed + 1
            continue
        if _is_header_rule(lines, i):
            close = next((j for j in range(i + 1, len(lines)) if lines[j] == ""), len(lines))
            blocks.append((i - 1, close))
            i = close + 1
            continue
        if _RULE.match(lines[i]):
            close = next((j for j in range(i + 1, len(lines)) if lines[j] == lines[i]), None)
            if close is not None:
                blocks.append((i, close))
                i = close + (lines[i].strip()[0] == "-")
                continue
        i += 1
    return _without_lone_headed(lines, blocks)


def _is_header_rule(lines: list[str], i: int) -> bool:
    """Whether line i is the column rule of pandoc's simple table with a header (a page's
    `<thead>`): one header line above it, an empty line (or the text's start) above
    that. Such a table has no closing rule: it ends at the first empty line (a row of
    empty cells is a line of spaces)."""
    return (i >= 1 and bool(_RULE.match(lines[i])) and lines[i - 1].strip() != ""
            and not _RULE.match(lines[i - 1]) and not _FULL.match(lines[i - 1])
            and (i == 1 or lines[i - 2].strip() == ""))


def _without_lone_headed(lines: list[str], blocks: list[tuple[int, int]]
                         ) -> list[tuple[int, int]]:
    """The blocks, less those opened by an unbroken line where a column rule is left
    outside every block (pandoc's simple tables of `<thead>` pages beside multiline
    ones): that text is read as spaced rows, as a whole."""
    inside = {k for a, b in blocks for k in range(a, b + 1)}
    if all(k in inside for k, line in enumerate(lines) if _RULE.match(line)):
        return blocks
    return [(a, b) for a, b in blocks if not _FULL.match(lines[a])]


def _headed_block(lines: list[str], i: int) -> int | None:
    """The closing line of a multiline table with a header opened at line i: an
    unbroken dash line, header lines, a column rule, the body and the same unbroken
    line again, with no other unbroken line of that length between (None if not one)."""
    if not _FULL.match(lines[i]):
        return None
    rule = next((k for k in range(i + 1, len(lines)) if lines[k].strip() == ""
                 or _RULE.match(lines[k]) or _FULL.match(lines[k])), None)
    if rule is None or rule == i + 1 or not _RULE.match(lines[rule]):
        return None
    return next((j for j in range(rule + 1, len(lines)) if lines[j] == lines[i]), None)


def _column_rule(lines: list[str], opening: int) -> int:
    """The line giving a ruled table's columns: its opening rule, or the rule under
    the header of a multiline table opened by an unbroken line or of a simple table
    opened by its header line."""
    if _RULE.match(lines[opening]):
        return opening
    return next(k for k in range(opening + 1, len(lines)) if _RULE.match(lines[k]))


def _starts(rule: str) -> list[int]:
    cols = columns(rule)
    return [cols[m.start()] for m in _RUN.finditer(rule)]


def _words(line: str, starts: list[int]) -> list[tuple[int, str]]:
    """(display column, word) of the line's words, ambiguous widths counted as the
    table's column starts need (more words starting on a column start)."""
    options = (2, 1) if has_ambiguous(line) else (2,)
    best: list[tuple[int, str]] = []
    best_hits = -1
    for ambiguous in options:
        cols = columns(line, ambiguous)
        words = [(cols[m.start()], m.group()) for m in _WORD.finditer(line)]
        hits = sum(c in starts for c, _ in words)
        if hits > best_hits:
            best, best_hits = words, hits
    return best


def _line_texts(line: str, starts: list[int]) -> list[str]:
    """The text of each column on one line ("" where the column is empty)."""
    texts: list[list[str]] = [[] for _ in starts]
    for col, word in _words(line, starts):
        k = max((i for i, s in enumerate(starts) if s <= col), default=0)
        texts[k].append(word)
    return [" ".join(t).removesuffix("\\").rstrip() for t in texts]


def _row_groups(body: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Lines grouped into rows: by empty lines in a multiline table, else one a line.

    Only a line with nothing at all separates rows (a simple table may end in a line of
    spaces, a multiline cell may hold one between paragraphs). A multiline table puts
    an empty line after every row, so no group there holds half of the lines: a table
    where one does lost a line's spaces (an editor's doing), and its lines are rows.
    """
    groups: list[list[tuple[int, str]]] = [[]]
    for no, line in body:
        if line == "":
            groups.append([])
        else:
            groups[-1].append((no, line))
    groups = [g for g in groups if any(line.strip() for _, line in g)]
    content = sum(len(g) for g in groups)
    if len(groups) < 2 or 2 * max(map(len, groups)) > content:
        return [[x] for x in body if x[1].strip()]
    return groups


def ruled_cells(lines: list[str], opening: int, closing: int, first_row: int
                ) -> tuple[list[TextCell], int]:
    """The cells of one ruled table, row by row with blank cells in place, and the last
    row number used."""
    rule = _column_rule(lines, opening)
    starts = _starts(lines[rule])
    first = opening + bool(_FULL.match(lines[opening]))  # a simple table's header opens it
    header = [(no, lines[no]) for no in range(first, rule) if lines[no].strip()]
    body = [(no, lines[no]) for no in range(rule + 1, closing)]
    cells, row = [], first_row
    for group in [header] * bool(header) + _row_groups(body):
        per_line = [_line_texts(line, starts) for _, line in group]
        first_no = group[0][0] + 1
        for k in range(len(starts)):
            text = "\n".join(t[k] for t in per_line if t[k])
            cells.append(TextCell(text, f"line {first_no} column {k + 1}", row))
        row += 1
    return cells, row - 1


# --- spaced rows --------------------------------------------------------------------------

def is_spaced_rows(content: list[str]) -> bool:
    """Whether the text prints table rows as `label value value ...` lines."""
    return sum(bool(_SPACED_ROW.match(ln)) for ln in content) >= 3


def _is_value(word: str) -> bool:
    # a number's tail wrapped at its thousands separator or broken before its decimal
    # point is a value's piece, never a label's: the row it belongs to is then seen
    # printed over lines (stacked_marked); the recogniser reads no number of it
    return bool(_VALUE.fullmatch(word) or THOUSANDS_TAIL.fullmatch(word)
                or DECIMAL_TAIL.fullmatch(word))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _kind(line: str) -> str:
    """row: a label word and values; fragment: one word of text; else other or empty."""
    words = line.split()
    if not words:
        return "empty"
    if _VALUE.fullmatch(words[0]):
        return "other"
    if len(words) == 1:
        return "fragment"
    return "row" if all(_VALUE.fullmatch(w) for w in words[1:]) else "other"


def _fragments(kinds: list[str], lines: list[str], r: int, step: int) -> list[int]:
    """The fragment lines directly above (step -1) or below (+1) row line r in its
    label's column, in order. Above, they run up to the line opening with an item
    number; below, down to the next line opening with one or with a note's marker
    (`注：`, text_columns.NOTE). None where an unnumbered row line lies just beyond
    them: they may as well belong to it."""
    col = _indent(lines[r])

    def at(j: int, kind: str) -> bool:
        return 0 <= j < len(lines) and kinds[j] == kind and _indent(lines[j]) == col

    out, j = [], r + step
    while at(j, "fragment") and not NOTE.match(lines[j].strip()):
        numbered = bool(ITEM_START.match(lines[j].strip()))
        if numbered and step > 0:
            return out
        out.append(j)
        if numbered:
            return out[::-1]
        j += step
    if at(j, "row") and not (step > 0 and ITEM_START.match(lines[j].strip())):
        return []
    return out[::step]


def _headers_again(lines: list[str], kinds: list[str]) -> set[int]:
    """The lines of a header printed again: a long table repeats its header rows (each
    printed page's, or pages pasted together), and a text tool prints them as it printed
    the header above the first rows, the same text on the same lines. Two lines or more
    of label lines (no value) that repeat lines printed earlier, line for line, are such
    a header, when they hold `_HEADER_WORDS` words or more: a wrapped label's last lines
    are one word a line (two beside a group label), and two labels may end alike. Lines
    are compared without their spaces (a narrower print runs two cells together)."""
    words = [ln.split() if kinds[k] in ("fragment", "other") and not any(
        _is_value(w) for w in ln.split()) else None for k, ln in enumerate(lines)]
    runs: list[list[int]] = []  # runs of label lines, empty lines passed over
    run: list[int] = []
    for k, kind in enumerate(kinds):
        if words[k] is not None:
            run.append(k)
        elif kind != "empty":
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    again: set[int] = set()
    seen: set[tuple[str, ...]] = set()
    for run in runs:
        # a line's text without its spaces: a narrower column runs two cells together
        texts = ["".join(words[k] or ()) for k in run]
        for n in range(2, min(len(texts), _HEADER_LINES) + 1):  # stretches of 2 lines+
            for i in range(len(texts) - n + 1):
                stretch = tuple(texts[i:i + n])
                if (stretch in seen
                        and sum(len(words[k] or ()) for k in run[i:i + n]) >= _HEADER_WORDS):
                    again.update(run[i:i + n])
        seen.update(tuple(texts[i:i + n]) for n in range(2, min(len(texts), _HEADER_LINES) + 1)
                    for i in range(len(texts) - n + 1))
    return again


def _wrapped_labels(lines: list[str], apart: frozenset[int] = frozenset()
                    ) -> dict[int, list[int]]:
    """Row line -> the lines of its label, for labels wrapped around their values
    (`pdftotext -layout` centres the values on a label of several lines): single words
    in the label's column directly above and below, claimed by no other row line, and
    the first of them, and only the first, opening with an item number (`1.`, `（三）`,
    `一、`): a label that does not open with one is not known to start there. A header
    printed again under a row (`_headers_again`) is no part of its label, nor an item
    number printed between the first two lines of the label it opens (`apart`:
    text_columns.item_between and item_apart_between, which put it back)."""
    kinds = [_kind(line) for line in lines]
    for k in _headers_again(lines, kinds):
        kinds[k] = "header"
    for k in apart:
        kinds[k] = "other"
    out = {}
    for r, kind in enumerate(kinds):
        if kind != "row":
            continue
        parts = [*_fragments(kinds, lines, r, -1), r, *_fragments(kinds, lines, r, 1)]
        items = [bool(ITEM_START.match(lines[k].strip())) for k in parts]
        if len(parts) > 1 and items[0] and not any(items[1:]):
            out[r] = parts
    return out


_UNIT_CUT = re.compile(r"^(\s*[-+]?\d[\d,]*(?:\.\d+)?[万亿])\s*$")


def _units_joined(lines: list[str]) -> list[str]:
    """An amount whose unit a narrow cell wrapped (`7539.443252万` / `元`, content-stream
    order) printed with its whole unit on its line; the unit's line left empty."""
    out = list(lines)
    for k in range(len(out) - 1):
        m = _UNIT_CUT.match(out[k])
        if m and out[k + 1].strip() == "元":
            out[k], out[k + 1] = m.group(1) + "元", ""
    return out


_SOFT_HYPHEN = "\u00ad"
# A browser's hyphen printed where it broke a word at a soft hyphen (U+2010), or a soft
# hyphen of its own: a line of nothing else is the break, no text
_BREAK_MARK = re.compile("^[\u00ad\u2010]+$")


def _soft_hyphens_joined(lines: list[str]) -> list[str]:
    """A word a browser printed in pieces broken at its soft hyphens (U+00AD), each piece
    a line of its own in content-stream order (`pdftotext -raw` of a label with a soft
    hyphen after every character: `行` / `政` / … / `件 88 55 698`, each piece but the
    last ending in one), one line again: a line ending in a soft hyphen goes on in the
    next (a line of a break's hyphen alone passed over). The word is placed on its last
    piece's line, where the row's values print, the others left empty, so every line
    keeps its number. Not in text laid out by position, where the next line holds other
    columns' text under it."""
    if not any(line.rstrip().endswith(_SOFT_HYPHEN) for line in lines):  # most texts
        return lines
    out = list(lines)
    k = 0
    while k < len(out):
        word, last = out[k].rstrip(), k
        while word.endswith(_SOFT_HYPHEN):
            n = last + 1
            while n < len(out) and _BREAK_MARK.match(out[n].strip()):
                n += 1
            if n == len(out) or not out[n].strip():
                break
            word, last = word + out[n].strip(), n
        if last > k:
            out[k:last + 1] = [""] * (last - k) + [word]
        k = last + 1
    return out


# A quote mark alone on its line; the gap it left between two ideographs of the next.
_LONE_QUOTE = re.compile(r"^\s*([“”])\s*$")
_QUOTE_GAP = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")


def _quotes_put_back(lines: list[str]) -> list[str]:
    """A label's quote mark printed on a line of its own before the line it belongs in
    (`pdftotext -raw` of LibreOffice's PDF of a narrow Word cell: `3.危` / `“` / `及 三`
    / `安全` / `一稳` / `”` / `定` for 3.危及“三安全一稳定”) put back into that line:
    at the gap it left between two ideographs, else an opening one before the line's
    text, a closing one after its first word (the label's piece, before any values).
    The quote's line is left empty, so every line keeps its number. Not in text laid
    out by position, which prints the quote in its place."""
    if not any(_LONE_QUOTE.match(line) for line in lines):  # most texts
        return lines
    out = list(lines)
    for k in range(len(out) - 1):
        m = _LONE_QUOTE.match(out[k])
        nxt = out[k + 1].strip()
        if not m or not nxt or _LONE_QUOTE.match(nxt) or _is_value(nxt.split()[0]):
            continue
        quote = m.group(1)
        if _QUOTE_GAP.search(nxt):
            nxt = _QUOTE_GAP.sub(quote, nxt, count=1)
        elif quote == "“":
            nxt = quote + nxt
        else:
            first, _, rest = nxt.partition(" ")
            nxt = f"{first}{quote} {rest}".rstrip()
        out[k], out[k + 1] = "", nxt
    return out


def spaced_row_cells(lines: list[str]) -> list[TextCell]:
    return spaced_rows(lines)[0]


def spaced_rows(lines: list[str], furniture: frozenset[int] = frozenset()
                ) -> tuple[list[TextCell], tuple[tuple[PlacedWord, ...], ...], bool]:
    """Every non-empty line a row, its space-separated words its cells; a label wrapped
    around its values joined back (`_wrapped_labels`); in text that keeps its layout,
    rows split over two lines and labels wrapped over many lines joined
    (text_columns.py), a label wrapped over a page break through the page's `furniture`
    lines (text_pages.py). And, in text that keeps its layout, its header bands
    (`_header_bands`), from the same printed rows; and whether it keeps its layout
    (`is_laid_out`: else a row prints on its line, its cells a space apart, as lynx's)."""
    # Only where the text keeps its layout does a label's column say which lines are its
    # own; elsewhere (content-stream order) the recogniser joins a wrapped label's lines
    # where they make exactly one statutory label (recognise/layout.py).
    printed = [printed_row(k, line, _is_value) for k, line in enumerate(lines)]
    laid_out = is_laid_out(printed)
    runs = laid_out and runs_shown(printed)  # a word of digits may be several cells
    bands = _header_bands(printed, furniture) if laid_out else ()
    if not laid_out:
        lines = _quotes_put_back(_units_joined(_soft_hyphens_joined(lines)))
    apart = frozenset(k for k in range(len(printed))
                      if item_between(printed, k) or item_apart_between(printed, k))
    wrapped = _wrapped_labels(lines, apart) if laid_out else {}
    absorbed = {k for parts in wrapped.values() for k in parts}
    rows: list[PrintedRow] = []
    for k, line in enumerate(lines):
        if _RULE.match(line):  # a rule under a header with no closing rule: no row
            line = ""
        row = printed_row(k, line, _is_value)
        words = row.labels
        if k in wrapped:
            label = "".join(lines[j].split()[0] for j in wrapped[k])
            row.labels = [Word(label, words[0].start, words[0].end), *words[1:]]
        elif k in absorbed or all(w.text == "|" for w in words + row.values):
            row.labels, row.values = [], []
        row.furniture, row.page_break = k in furniture, FORM_FEED in line
        rows.append(row)
    rows = (misordered_marked(place_columns(rows, runs)) if laid_out
            else _interleaved_joined(rows, lines))
    cells: list[TextCell] = []
    for row in rows:
        if not row.lines:
            continue  # the place of a row's second line, joined to the row above
        no = row.lines[0] + 1
        cells.extend(TextCell(w.text, f"line {no} word {i}", no, stacked=w.stacked,
                              by_position=w.by_position,
                              misordered=w.misordered,
                              box_run=runs and i > len(row.labels) and is_digits(w))
                     for i, w in enumerate(row.labels + row.values, 1))
    return cells, bands, laid_out


_DIGITS = re.compile(r"[^\d.]")  # a value's number without its unit: `0件` is 0


def _interleaved_joined(rows: list[PrintedRow], lines: list[str]) -> list[PrintedRow]:
    """In text that does not keep its layout (a row a line, its cells a space apart), a
    line of values alone right under a line of values, not at that line's margin (where
    a row a width wrapped goes on), whose values cross the upper's: one prints over an
    upper value, or they print in more than one of the places the upper's values part
    the line into (`211        35628 3966` over `    206 1870 1810 43691` under 三's
    `（七）总计`; `1.本机关不掌握… 9件 13件 98件` over `2031 205   103 2459`). That is no
    wrapped row but cells printed at heights of their own in their columns, whose order
    the words' order does not give. The two lines are joined, one printed row read in
    that order as before, each value marked `by_position`: the recogniser keeps it only
    where an identity over a cell of another printed row proves it (a row's own sum
    holds in any order; recognise/by_position.py). Values all in one gap of the upper's
    (a split row's middle cells) are left as read, and so are values all one number
    (`0件 0件 0件 0件 0件` over `0 0`: any order reads them alike). Positions are display
    columns (a label's characters print two wide)."""
    for upper, lower in pairwise(rows):
        if not (upper.values and lower.values and not lower.labels
                and upper.lines and lower.lines == [upper.lines[-1] + 1]):
            continue
        above, below = columns(lines[upper.lines[-1]]), columns(lines[lower.lines[0]])
        margin = above[(upper.labels or upper.values)[0].start]
        spans = [(above[w.start], above[w.end]) for w in upper.values]
        words = [(below[w.start], below[w.end]) for w in lower.values]
        over = any(a < e and s < b for a, b in words for s, e in spans)
        gaps = {sum(e <= a for _, e in spans) for a, _ in words}
        if (len(upper.lines) == 1 and words[0][0] > margin and (over or len(gaps) > 1)
                and len({_DIGITS.sub("", w.text) for w in (*upper.values, *lower.values)}) > 1):
            upper.values = [replace(w, by_position=True) for w in (*upper.values,
                                                                   *lower.values)]
            upper.lines, lower.lines, lower.values = [*upper.lines, *lower.lines], [], []
    return rows


def _header_bands(rows: list[PrintedRow], furniture: frozenset[int] = frozenset()
                  ) -> tuple[tuple[PlacedWord, ...], ...]:
    """In text laid out by position (its printed rows), each run of lines without values
    directly above a line of values (up to an empty line, _HEADER_LINES at most), its
    words where they print: a table's header, its cells wrapped line by line
    (`Document.header_bands`). A page break's running lines (`furniture`) are no header's
    words: a header cut by a page break goes on above them, its piece on the page above
    counted afresh (each page is its own grid of characters), the band's lines then
    parted by the furniture's gap (column_order._trailing_stacks reads each piece)."""
    bands = []
    for i, row in enumerate(rows):
        if row.values:
            lines = _header_lines(rows, i, furniture)
            if lines:
                bands.append(tuple(PlacedWord(k, w.start, w.text)
                                   for k in lines for w in rows[k].labels))
    return tuple(bands)


def _header_lines(rows: list[PrintedRow], i: int, furniture: frozenset[int]) -> list[int]:
    """The lines of the header band above row `i` (`_header_bands`), top to bottom: past a
    page's running lines only where the header goes on above them (a header line there);
    else the lines up as ever, the running lines among them (no header cut by a break)."""
    lines: list[int] = []
    k, piece, crossed, paged = i - 1, 0, False, False
    while k >= 0 and piece < _HEADER_LINES:
        if k in furniture:
            piece, paged = 0, True  # the page above: a grid of its own
        elif rows[k].labels and not rows[k].values:
            lines.append(k)
            piece, crossed = piece + 1, crossed or paged
        else:
            break
        k -= 1
    return lines[::-1] if crossed else _lines_up(rows, i)


def _lines_up(rows: list[PrintedRow], i: int) -> list[int]:
    """The lines without values directly above row `i`, _HEADER_LINES at most."""
    top = i
    while top > max(0, i - _HEADER_LINES) and rows[top - 1].labels and not rows[top - 1].values:
        top -= 1
    return list(range(top, i))


# --- gapped cells -------------------------------------------------------------------------

def _gaps(lines: list[str]) -> list[int]:
    """Empty lines between consecutive non-empty lines."""
    gaps, run, seen = [], 0, False
    for line in lines:
        if line.strip():
            if seen:
                gaps.append(run)
            seen, run = True, 0
        else:
            run += 1
    return gaps


def is_gapped(lines: list[str], content: list[str]) -> bool:
    """lynx's one cell per paragraph: a left margin on (nearly) every line, one empty
    line after (nearly) every cell, and longer gaps where cells are empty."""
    gaps = _gaps(lines)
    return (len(gaps) >= 40 and has_margin(content)
            and 10 * sum(g >= 1 for g in gaps) >= 9 * len(gaps) and max(gaps) >= 2)


def has_margin(content: list[str]) -> bool:
    """Whether (nearly) every line opens with a left margin, as lynx indents its dump."""
    return 10 * sum(ln.startswith("  ") for ln in content) >= 9 * len(content)


def gapped_cells(lines: list[str]) -> list[TextCell]:
    """A cell a paragraph (its lines joined), and gap - 1 blank cells after each gap."""
    cells: list[TextCell] = []
    texts: list[str] = []
    start, run = 0, 0
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            run += 1
            continue
        if texts and run:
            cells.append(TextCell("\n".join(texts), f"line {start}", None))
            cells.extend(TextCell("", f"line {no - run + k}", None) for k in range(1, run))
            texts = []
        if not texts:
            start = no
        texts.append(line.strip())
        run = 0
    if texts:
        cells.append(TextCell("\n".join(texts), f"line {start}", None))
    return cells
