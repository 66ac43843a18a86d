"""Page furniture in text a PDF converter wrote page by page: its running lines found.

What belongs here: telling, in a text whose pages a form feed parts (`pdftotext` in each
of its layouts), the lines that are page furniture (a running header or footer: a
browser's print date and page title, the page's URL and `2/3`, `第 2 页`) from the
report's own text. Such lines print at every page's edge; where a page break cuts a
table, they print between its parts (table 四's header ending one page, its values
opening the next), and a long URL there reads as prose that ends the table. Marked
(`TextCell.furniture`), they are read as ever, and the recogniser passes over them where
a table goes on over a page break, as it does for the PDF reader's (read/pdf_join.py).

A line is furniture when it prints among the first or last lines of its page
(`_EDGE`: `-layout` prints a header first and a footer last, `-raw` prints both last,
as Chromium draws them after the page's content), carries what running lines carry (a
page number, a print's date and time, a URL: `_RUNNING`), and prints, with its digits
masked and its spaces ignored, at the edge of another page too: a running line recurs
by definition. A table's row at a page's edge (`5.要求`, `2 0 0 1`) is none: it carries
no page number, no time, no URL, even where the same row opens every page. A URL alone on
its line is furniture wherever it prints on its page, where it recurs on another page:
reading order (`pdftotext` without options) prints Chromium's footer where its sort of
the page's blocks puts it, mid-page (between table 四's header and its values), and no
line of a report's own text is a URL alone printed on two pages.
"""

from __future__ import annotations

import re

FORM_FEED = "\f"
_EDGE = 2  # non-empty lines at each end of a page where its running lines print
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# What a running line carries: a page number (`2/3`, `第 2 页`, `- 2 -`, `Page 2`), a
# print's date and time (`12/5/26, 9:14 PM`), the page's URL.
_RUNNING = re.compile(r"\d+\s*/\s*\d+|第\s*\d+\s*页|[-—]\s*\d+\s*[-—]|\b\d{1,2}:\d{2}\b"
                      r"|(?:https?|file)://|\b[Pp]age\s*\d+")
_URL_LINE = re.compile(r"(?:https?|file)://\S+")  # a page's URL, alone on its line


def _key(line: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", line))


def _pages(lines: list[str]) -> list[list[int]]:
    """Each page's non-empty lines (indexes into `lines`)."""
    pages: list[list[int]] = [[]]
    for k, line in enumerate(lines):
        if FORM_FEED in line and pages[-1]:
            pages.append([])
        if line.replace(FORM_FEED, "").strip():
            pages[-1].append(k)
    return [page for page in pages if page]


def _running(lines: list[str], page: list[int]) -> dict[int, str]:
    """The page's lines that may be running lines, with their masked text: those at its
    edges (its first and last `_EDGE` non-empty lines) carrying what running lines carry,
    and a URL alone on its line anywhere on it (reading order prints Chromium's footer
    where its sort of the page's blocks puts it, mid-page: between table 四's header and
    its values)."""
    edges = {*page[:_EDGE], *page[-_EDGE:]}
    return {k: _key(lines[k]) for k in page
            if (k in edges and _RUNNING.search(lines[k]))
            or _URL_LINE.fullmatch(lines[k].replace(FORM_FEED, "").strip())}


def furniture_lines(lines: list[str]) -> frozenset[int]:
    """The indexes of the lines that are page furniture (module docstring); none in a text
    of one page."""
    if FORM_FEED not in "".join(lines):  # one character: no line's end and next make it
        return frozenset()
    pages = _pages(lines)
    if len(pages) < 2:
        return frozenset()
    keys = [_running(lines, page) for page in pages]
    found: set[int] = set()
    for n, page in enumerate(keys):
        others = {key for m, other in enumerate(keys) if m != n for key in other.values()}
        found.update(k for k, key in page.items() if key in others)
    return frozenset(found)


def running_lines(lines: list[str]) -> frozenset[int]:
    """The indexes of lines carrying what running lines carry (`_RUNNING`) whose masked
    text recurs on another line: page furniture told without form feeds (a page's text
    joined as the parser keeps it, stripped of its empty lines and form feeds), where it
    marks where a page ends (`2/3`, the print's date, the page's URL)."""
    keys = {k: _key(line) for k, line in enumerate(lines) if _RUNNING.search(line)}
    seen: dict[str, int] = {}
    for key in keys.values():
        seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, key in keys.items() if seen[key] > 1)
