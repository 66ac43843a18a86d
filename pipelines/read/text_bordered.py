"""Tables drawn with borders in text: box-drawing (│ ┌ ┬ ├ ┼ ─ ═, as `w3m -dump` and
`elinks -dump` print them) and ASCII (`+---+` rules, `|` walls: pandoc's grid tables,
`tabulate`, `psql`).

A table is read as a picture: border characters are walls, everything between them is
the inside of some cell. A cell is a connected region of inside (a row of text touches
the row below where their columns overlap), so a cell wrapped over several lines is
joined back and a merged cell (a span) is one region, read once. Cells are yielded in
reading order, by the line they start on and then by column; the cells starting on one
line after a rule are one table row (`TextCell.row`), as `<tr>` groups them in HTML.
A table that draws no rules between its rows (psql, tabulate's outline formats) shows
itself by a region stacking numbers on two lines; there every line is a row.

Columns are display columns (a CJK character takes two). Characters of ambiguous width
are counted as the line's borders need: the width under which the line's vertical walls
fall on the columns the table's rules draw. A tool that laid the table out in another
metric (a double-byte locale; Links, one column a character) is read in that one: the
layout under which the walls line up.

pandoc's reStructuredText writes a cell holding a `<div>` as a directive over the
cell's text, `.. container::` and the text indented below it, the directive itself
broken over lines where the column is narrow (`..` / `con` / `tain` / `er::`): the
directive is markup, not the cell's text, and is dropped (text_rst.py), as is
an embedded-URI link's target (`text_links.without_rst_links`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pipelines.document import TextCell
from pipelines.read.text_links import without_rst_links
from pipelines.read.text_rst import cell_without_containers
from pipelines.read.text_width import columns, has_ambiguous, is_box, wide_columns

_HORIZONTAL = set("─━═┄┅┈┉╌╍╴╶╸╺")
_ASCII_RULE = re.compile(r"^\+(?:[-=:+]+\+)+$")
_ASCII_PIECE = re.compile(r"^[-=:+]{2,}$")
_RULE_PIECE = re.compile(r"^[-=:+]+$")
# A whole rule drawn between walls, as `w3m -dump -no-graph` rules its rows: `|---+---|`.
_WALLED_RULE = re.compile(r"^\|[-=:+]{2,}\|$")
_NUMBER_LINE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|条|次|%)?$")
_ASCII_ROW = re.compile(r"^\|.*[|+]$")
# What a block's first line opens with (a box-drawing character, or an ASCII rule's "+"):
# a text holding neither has no block.
_MAY_BORDER = re.compile(r"[\u2500-\u257f+]")
_ITEM_TAIL = re.compile(r"^[.．、]\s*[\u3400-\u9fff“（(]")  # `.其他…` after an item's `2`


def _is_box_line(stripped: str) -> bool:
    return bool(stripped) and is_box(stripped[0])


def _is_ascii_line(stripped: str) -> bool:
    return bool(_ASCII_RULE.match(stripped) or _ASCII_ROW.match(stripped))


def table_blocks(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(first, end, ascii) of every bordered table: a run of box-drawn lines, or of `+--+`
    rules and `|...|` rows holding at least two rules."""
    if not _MAY_BORDER.search("".join(lines)):  # most texts: no line can open a block
        return []
    blocks, i = [], 0
    while i < len(lines):
        stripped = lines[i].strip()
        kind = "box" if _is_box_line(stripped) else "ascii" if _ASCII_RULE.match(stripped) else None
        if kind is None:
            i += 1
            continue
        test = _is_box_line if kind == "box" else _is_ascii_line
        j = i + 1
        while j < len(lines) and test(lines[j].strip()):
            j += 1
        rules = sum(bool(_ASCII_RULE.match(ln.strip())) for ln in lines[i:j])
        if j - i >= 3 and (kind == "box" or rules >= 2):
            blocks.append((i, j, kind == "ascii"))
        i = j
    return blocks


def grid_tables(lines: list[str]) -> bool:
    """Whether the text's bordered tables are all grid tables as pandoc's
    reStructuredText writer prints them: ASCII, every rule a `+---+` line (never the
    `|---+---|` of w3m's, which lays a table out from all its cells), every row line
    `| … |` with a space inside each outer wall. pandoc prints a table as wide as its
    widest row's own cells: the cells a span pushes past that edge are already lost."""
    blocks = table_blocks(lines)
    if not blocks or not all(ascii_table for _, _, ascii_table in blocks):
        return False
    for first, end, _ in blocks:
        for line in lines[first:end]:
            stripped = line.strip()
            if not _ASCII_RULE.match(stripped) and not (
                    stripped.startswith("| ") and stripped.endswith(" |")):
                return False
    return True


@dataclass
class _Segment:
    """A run of inside on one line: its columns and text."""

    line: int
    start: int
    end: int
    text: str
    region: int = -1


@dataclass
class _Region:
    segments: list[_Segment] = field(default_factory=list)


_BOX = re.compile("[\u2500-\u257f]")
_PIPE = re.compile(r"\||\+(?=[-=:])|(?<=[-=:])\+")  # `+` where a partial rule meets a wall
_NOT_SPACE = re.compile(r"\S")


def _walls(line: str, ascii_table: bool) -> list[int]:
    """Indexes of the line's wall characters."""
    pattern = _NOT_SPACE if _ASCII_RULE.match(line.strip()) else _PIPE
    if not ascii_table:
        pattern = _BOX
    return [m.start() for m in pattern.finditer(line)]


def _vertical_columns(line: str, walls: list[int], cols: list[int]) -> set[int]:
    return {cols[k] for k in walls if line[k] not in _HORIZONTAL and line[k] not in "-=:"}


def _ambiguous_width(line: str, walls: list[int], verticals: set[int]) -> list[int]:
    """The line's columns with ambiguous characters 2 or 1 wide: the width that puts its
    walls on the table's columns (2 when both or neither do: what CJK terminals print)."""
    wide, narrow = columns(line, 2), columns(line, 1)
    off_wide = len(_vertical_columns(line, walls, wide) - verticals)
    return narrow if len(_vertical_columns(line, walls, narrow) - verticals) < off_wide else wide


def _on_rule(lines: list[str], walls: list[list[int]], laid: list[list[int]]
             ) -> list[list[int]]:
    """The ASCII grid's columns, each row line's walls put on the `+` of the rule above
    it where the line draws as many walls as the rule has `+` but off them: pandoc pads
    a cell by characters, so a CJK character in a column one or two wide overflows it
    (`| 结 | 结 |` under `+---+---+`) and the walls after it drift right, then back left
    where a later cell is printed a space short (`|  |`). The k-th wall is the k-th
    `+`; a line with fewer walls (a span) or already on the rule is left as laid."""
    out, crosses = [], None
    for line, line_walls, cols in zip(lines, walls, laid, strict=True):
        if _ASCII_RULE.match(line.strip()):
            crosses = [cols[k] for k in line_walls if line[k] == "+"]
        elif crosses and len(line_walls) == len(crosses) and \
                [cols[k] for k in line_walls] != crosses:
            cols = list(cols)
            for k, col in zip(line_walls, crosses, strict=True):
                cols[k], cols[k + 1] = col, col + 1
        out.append(cols)
    return out


def _segments(no: int, line: str, walls: list[int], cols: list[int], ascii_table: bool
              ) -> list[_Segment]:
    """The runs of inside between the line's walls."""
    if len(walls) < 2 or len(walls) == len(line.strip()):  # a rule: walls only
        return []
    out = [_Segment(no, cols[a + 1], cols[b], line[a + 1:b])
           for a, b in pairwise(walls) if b > a + 1]
    if ascii_table:  # `|----+----|`: the rule of a row that a span continues across
        inked = [s for s in out if s.text.strip()]
        if any(_ASCII_PIECE.match(s.text) for s in inked) and all(
                _RULE_PIECE.match(s.text) for s in inked):
            # a rule line: its one-character pieces (`+-+`, a column one wide) too
            return [s for s in out if not s.text.strip()]
        out = [s for s in out if not _ASCII_PIECE.match(s.text)]
    return out


def _regions(rows: list[list[_Segment]]) -> list[_Region]:
    """Connected regions: a segment joins the regions of the segments above it that
    overlap its columns (merging them when it touches several)."""
    parent: list[int] = []

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    above: list[_Segment] = []
    for row in rows:
        for seg in row:
            touching = [find(a.region) for a in above if a.start < seg.end and seg.start < a.end]
            if touching:
                seg.region = touching[0]
                for other in touching[1:]:
                    parent[other] = touching[0]
            else:
                seg.region = len(parent)
                parent.append(seg.region)
        above = row
    regions: dict[int, _Region] = {}
    for row in rows:
        for seg in row:
            regions.setdefault(find(seg.region), _Region()).segments.append(seg)
    return list(regions.values())


def _text(region: _Region) -> str:
    """The region's text, line by line (its segments are in reading order)."""
    parts: list[str] = []
    line = None
    for seg in region.segments:
        text = seg.text.strip()
        if not text:
            continue
        if seg.line == line:
            parts[-1] += " " + text
        else:
            parts.append(text)
            line = seg.line
    return without_rst_links("\n".join(cell_without_containers(parts)))


def _stacks_numbers(region: _Region) -> bool:
    """Whether a region holds a number and other text on other lines. A wrapped cell
    does not break a number away from its text, nor onto a line of its own: these are
    rows a table printed without rules between them (psql, tabulate's outline formats),
    and each line is read as a row, unless the table rules its rows apart
    (`_rules_between_rows`). The one break a narrow column does make is a label's
    item number before its stop (`2` / `.其他法律…`, pandoc's reStructuredText): a
    number followed by a line opening with the stop and Chinese is that label."""
    lines = [s.text.strip() for s in region.segments if s.text.strip()]
    return len(lines) >= 2 and any(
        _NUMBER_LINE.match(t) and not (k + 1 < len(lines) and _ITEM_TAIL.match(lines[k + 1]))
        for k, t in enumerate(lines))


def _rules_between_rows(lines: list[str]) -> int:
    """Rule lines inside the table (not its first or last line): the header's, and those
    between body rows, `+---+` or drawn between walls (`|---+---|`, w3m's -no-graph).
    Where there are two or more, rows are ruled apart, a region is one cell, and numbers
    stacked in it are one number the tool wrapped (pandoc breaks a long number in a
    narrow column: `7` / `539.443` / `252万元`)."""
    inner = [ln.strip() for ln in lines[1:-1]]
    return sum(bool(_ASCII_RULE.match(t) or _WALLED_RULE.match(t))
               or (bool(t) and all(map(is_box, t)) and not any(c in "│┃║" for c in t))
               for t in inner)


def _aligned_layout(lines: list[str], walls: list[list[int]], laid: list[list[int]],
                    ascii_table: bool) -> list[list[int]]:
    """The lines' display columns, or another layout where the tool laid the table out
    in it: that of a double-byte locale (box-drawing characters two columns wide too:
    w3m -O GBK), or one column a character (Links counts a CJK character one column wide
    and pads by that count, so in display columns its walls drift right by a column for
    each CJK character before them). The layout whose vertical walls fall on the fewest
    distinct columns is the tool's (a table's walls line up); display columns on a tie."""
    others = [[list(range(len(line) + 1)) for line in lines]]
    if not ascii_table:
        others.insert(0, [wide_columns(line) for line in lines])

    def spread(layout: list[list[int]]) -> int:
        return len(set().union(*(_vertical_columns(line, line_walls, cols) for line,
                                 line_walls, cols in zip(lines, walls, layout, strict=True))))

    best, fewest = laid, spread(laid)
    for layout in others:
        if (n := spread(layout)) < fewest:
            best, fewest = layout, n
    return best


def table_cells(lines: list[str], first_line: int, ascii_table: bool,
                first_row: int) -> tuple[list[TextCell], int]:
    """The cells of one bordered table (lines numbered from first_line, rows from
    first_row), and the last row number used."""
    walls = [_walls(line, ascii_table) for line in lines]
    ambiguous = [has_ambiguous(line) for line in lines]
    cols = [None if amb else columns(line) for line, amb in zip(lines, ambiguous, strict=True)]
    verticals: set[int] = set()  # the columns the unambiguous lines put vertical walls on
    for line, line_walls, line_cols in zip(lines, walls, cols, strict=True):
        if line_cols is not None:
            verticals |= _vertical_columns(line, line_walls, line_cols)
    laid = [line_cols or _ambiguous_width(line, line_walls, verticals)
            for line, line_walls, line_cols in zip(lines, walls, cols, strict=True)]
    laid = _aligned_layout(lines, walls, laid, ascii_table)
    if ascii_table:
        laid = _on_rule(lines, walls, laid)
    rows = [_segments(first_line + k, line, line_walls, line_cols, ascii_table)
            for k, (line, line_walls, line_cols) in enumerate(zip(lines, walls, laid,
                                                                 strict=True))]
    regions = _regions(rows)
    if _rules_between_rows(lines) < 2 and any(_stacks_numbers(r) for r in regions):
        regions = [_Region([seg]) for row in rows for seg in row]
    starts = sorted(regions, key=lambda r: (r.segments[0].line, r.segments[0].start))
    cells, row, top = [], first_row - 1, None
    for region in starts:
        head = region.segments[0]
        if head.line != top:
            row, top = row + 1, head.line
        cells.append(TextCell(_text(region), f"line {head.line} col {head.start}", row))
    return cells, row
