"""A browser's print header inside a Markdown table row: taken out again.

A page printed by Chromium carries a header line on every page, the date and time at the
left and the page's title in the middle (`12/4/26, 3:33 PM  …政府2024年政府信息公开工作年度报告`).
A PDF-to-Markdown converter (pymupdf4llm) that finds a table running across the page break
takes the header for the top line of the page's first row, and prints it into that row's
cells as their last `<br>` piece:

    |12/4/26, 3:33 PM|3.其他<br>淮安市人民|108<br>政府2024年政府信|2<br>息公开工|…|110|

Read so, `108<br>政府2024年政府信` is no value and the row is lost. A row holding the
print's date stamp (a cell or a cell's piece of it alone) has it removed, with the pieces
after it, one a cell, that spell a line printed elsewhere in the text as its own line (the
same title: the header of the other pages, the page's heading), in order and whole. Each
piece removed holds CJK text, so no value is ever taken away; a row where the pieces do not
spell such a line exactly is left as printed.
"""

from __future__ import annotations

import re

from pipelines.textnorm import HAN_CHAR

# Chromium's header date and time (en-US): `12/4/26, 3:33 PM`
_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d{2}\s?[AP]M")
_BREAK = "<br>"
_SPACES = re.compile(r"\s+")
_MARKS = re.compile(r"^[#*>\s]+|[*\s]+$")  # a heading's `#`, bold `**`


def has_print_header(text: str) -> bool:
    """Whether a pipe row may hold a print header: a date stamp and `<br>` pieces."""
    return _BREAK in text and bool(_STAMP.search(text))


def without_print_header(text: str) -> str:
    """The text with the print header taken out of its table rows."""
    titles = {_key(_MARKS.sub("", line)) for line in text.split("\n")
              if "|" not in line and HAN_CHAR.search(line)}
    return "\n".join(_row_without_header(line, titles)
                     if line.startswith("|") and _STAMP.search(line) else line
                     for line in text.split("\n"))


def _key(text: str) -> str:
    return _SPACES.sub("", text)


def _row_without_header(line: str, titles: set[str]) -> str:
    cells = [c.split(_BREAK) for c in line.split("|")]
    at = next(((i, j) for i, c in enumerate(cells) for j, p in enumerate(c)
               if _STAMP.fullmatch(p.strip())), None)
    if at is None:
        return line
    i, j = at
    # the title's pieces: the rest of the stamp's cell, then each next cell's last piece
    pieces = [(i, k) for k in range(j + 1, len(cells[i]))]
    spelled = _key("".join(cells[i][k] for _, k in pieces))
    for n in range(i + 1, len(cells)):
        if spelled in titles or len(cells[n]) < 2:
            break
        pieces.append((n, len(cells[n]) - 1))
        spelled += _key(cells[n][-1])
    if spelled not in titles or not all(HAN_CHAR.search(cells[a][b]) for a, b in pieces):
        return line
    drop = {at, *pieces}
    return "|".join(_BREAK.join(p for k, p in enumerate(c) if (n, k) not in drop)
                    for n, c in enumerate(cells))
