"""Layout tables drawn around grid tables in text, taken off before a text is read.

Many CMS pages lay the page out in a table, the statutory tables inside its cells
(`<table width="100%"><tr><td><table border="1">…`). `pandoc -t rst` draws the layout
table too: a frame of one column, `+-----+` rules and `| … |` walls, the page's text
and the statutory grid inside it, a frame inside a frame where the layout nests:

    +------------------------------------------------------------------+
    | +-------+-------+-------+-------+------+-------+------           |
    | -+-------+-------+------+-------+-------+-------+-------+------+ |
    | | 72    | 64    | 178   | 37    | 351  | 13    | 4               |
    |  | 8     | 1     | 26   | 12    | 1     | 1     | 6     | 20   | |
    +------------------------------------------------------------------+

A frame of one column holding a grid's rule is layout, not a table: its rules are
dropped and its rows' text put back at the frame's indent (`without_frames`), so the
text reads as rST of the page without the layout table.

An inner grid wider than the frame is printed a line of it in two pieces: every line of
a grid is as wide as the grid, and the frame breaks each the same way, its last piece
as wide as the frame's inside and the rest, the same width on every line, first. The
pieces are joined back where the grid's every line so broken joins into a rule or a
row between walls (`_joined_grids`); a grid any of whose lines does not is left as
printed (read as before: its broken walls no cells).
"""

from __future__ import annotations

import re

from pipelines.read.text_width import char_width, width

_FRAME_RULE = re.compile(r"^(?P<indent> *)\+-+\+$")  # one column: two corners only
_GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+$")
_RULE_START = re.compile(r"^\+[-=:+]*$")
_RULE_REST = re.compile(r"^[-=:][-=:+]*\+$")
_INNER_RULE = re.compile(r"\+-{3,}")  # a grid's rule inside the frame's text


def without_frames(text: str) -> str:
    """The text with every one-column frame around a grid table taken off, and the
    inner grids' lines the frame's width broke joined back."""
    if "+-" not in text:
        return text
    lines = text.split("\n")
    for _ in range(8):  # a frame inside a frame: each pass takes the outermost off
        taken = _frames_taken(lines)
        if taken is None:
            break
        lines = taken
    return "\n".join(_joined_grids(lines))


def _frames_taken(lines: list[str]) -> list[str] | None:
    out, i, changed = [], 0, False
    while i < len(lines):
        end = _frame_end(lines, i)
        if end is None:
            out.append(lines[i])
            i += 1
            continue
        indent = " " * (len(lines[i]) - len(lines[i].lstrip(" ")))
        for line in lines[i:end]:
            stripped = line.rstrip()
            # the frame's rules part its rows: an empty line, as between paragraphs
            out.append("" if _FRAME_RULE.match(stripped) else indent + stripped.strip()[2:-2])
        changed, i = True, end
    return out if changed else None


def _frame_end(lines: list[str], first: int) -> int | None:
    """The end of the one-column frame whose top rule is lines[first], where it holds a
    grid's rule: its rows are `| … |` lines as wide as the rule, at its indent (a
    character of ambiguous width counted one column or two, as the tool may)."""
    top = _FRAME_RULE.match(lines[first].rstrip())
    if top is None:
        return None
    indent, rule = top.group("indent"), lines[first].strip()
    end, inner = None, False
    for k in range(first + 1, len(lines)):
        line = lines[k].rstrip()
        if line == indent + rule:
            end = k + 1
            continue
        if not (line.startswith(indent + "| ") and line.endswith(" |")
                and len(rule) + len(indent) in (width(line, 1), width(line, 2))):
            break
        inner = inner or bool(_INNER_RULE.search(line[len(indent) + 2:-2]))
    return end if inner and end is not None and end > first + 2 else None


def _cut(line: str, cols: int, ambiguous: int) -> tuple[str, str] | None:
    """The line's first `cols` display columns (padded) and the rest; None where a
    character straddles the cut."""
    taken = 0
    for k, ch in enumerate(line):
        if taken == cols:
            return line[:k], line[k:]
        taken += char_width(ch, ambiguous)
        if taken > cols:
            return None
    return line + " " * (cols - taken), ""


def _pieces_joined(head: str, tail: str, cut: int, size: int) -> str | None:
    """A grid line printed in two pieces, joined: the head `cut` columns or fewer, the
    tail `size` columns (a character of ambiguous width one column or two, as the tool
    counted it); None where the pieces are not so wide."""
    for ambiguous in (1, 2):
        pieces = _cut(head, cut, ambiguous)
        if pieces is not None and not pieces[1] and width(tail, ambiguous) == size:
            return pieces[0] + tail
    return None


def _joined_grids(lines: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(lines):
        joined = _joined_grid(lines, i)
        if joined is None:
            out.append(lines[i])
            i += 1
        else:
            out.extend(joined)
            i += 2 * len(joined)
    return out


def _joined_grid(lines: list[str], first: int) -> list[str] | None:
    """The grid whose first rule is broken at lines[first:first + 2], its lines joined
    back, where every line of it is so broken; else None."""
    if first + 1 >= len(lines):
        return None
    head, tail = lines[first].rstrip(), lines[first + 1].rstrip()
    if not (_RULE_START.match(head) and _RULE_REST.match(tail)
            and _GRID_RULE.match(head + tail)):
        return None
    cut, size = width(head), width(tail)  # every line: `cut` columns, then `size`
    out, k = [], first
    while k + 1 < len(lines):
        line = _pieces_joined(lines[k].rstrip(), lines[k + 1].rstrip(), cut, size)
        if line is None or not (_GRID_RULE.match(line)
                                or (line.startswith("|") and line.endswith("|"))):
            break
        out.append(line)
        k += 2
    if len(out) < 3 or not _GRID_RULE.match(out[-1]):
        return None
    return out
