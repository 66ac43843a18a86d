"""reStructuredText's `.. container::` directives, dropped before a text is read.

`pandoc -t rst` writes every `<div>` as a container directive, its content indented
three spaces under it:

    .. container::

       .. container::

          信息内容

A page that lays its tables out in divs (CSS tables: rST keeps no style, so nothing says
which div is a row) thus prints each cell's text as a paragraph of its own, indented by
the divs around it, as `pandoc -t plain` prints it without the directives. The
directives are markup, not text: they are dropped and their content put back at the
indent of the directive, so the text reads as plain's paragraphs (`without_containers`).

Inside a grid table's cell (a `<td>` holding a div) the directive opens the cell's text,
broken over lines where the column is narrow (`..` / `con` / `tain` / `er::`):
`cell_without_containers` drops it from the cell's lines (text_bordered.py).
"""

from __future__ import annotations

import re

_LINE = re.compile(r"^(?P<indent>[ \t]*)\.\. container::(?:[ \t]+\S.*)?[ \t]*$")
_SPELLED = ".. container::".replace(" ", "")  # as a cell's broken lines spell it


def without_containers(text: str) -> str:
    """The text with each line that is a container directive dropped (and the blank line
    after it) and the lines of its content put back at the indent of the outermost
    directive around them; unchanged where there is none."""
    if ".. container::" not in text:
        return text
    out: list[str] = []
    blocks: list[tuple[int, int | None]] = []  # (directive's indent, its content's)
    dropped = False  # the line before was a directive: its blank line goes with it
    for line in text.split("\n"):
        if not line.strip():
            if not dropped:
                out.append(line)
            dropped = False
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        while blocks and indent <= blocks[-1][0]:
            blocks.pop()
        directive = _LINE.match(line)
        if blocks and blocks[-1][1] is None:
            blocks[-1] = (blocks[-1][0], indent)
        dropped = bool(directive)
        if directive:
            blocks.append((indent, None))
            continue
        shift = blocks[-1][1] - _outer(blocks) if blocks else 0
        out.append(line[shift:] if line[:shift].isspace() else line.lstrip(" \t"))
    return "\n".join(out)


def _outer(blocks: list[tuple[int, int | None]]) -> int:
    """Where the outermost open directive stands: its content goes back there."""
    return blocks[0][0]


def cell_without_containers(lines: list[str]) -> list[str]:
    """A grid cell's lines after the container directives opening it (one or more,
    nested divs), each on one line or broken over several; the lines as they are where
    they open with no such directive."""
    while lines:
        spelled = ""
        for k, line in enumerate(lines):
            spelled += "".join(line.split())
            if not _SPELLED.startswith(spelled):
                return lines
            if spelled == _SPELLED:
                lines = lines[k + 1:]
                break
        else:
            return lines
    return lines
