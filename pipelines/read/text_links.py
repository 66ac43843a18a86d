"""Links in text, blanked before the text is read: a text browser's link numbers and
Markdown's link syntax, so that a linked label or number reads as itself.

`lynx -dump` and `elinks -dump`, run as they come (without `-nolist` / `-no-numbering`),
print every link's number before its text and list the links at the end:

    [3]行政许可 [4]12 3
    …
    References

       1. http://www.example.gov.cn/
       4. http://www.example.gov.cn/list/12

A CMS that links a table's labels (to the documents they count) or its numbers (to their
lists) thus prints `[3]行政许可` and `[4]12`: the label no longer names a statutory row,
and the number reads as `412`. Where the text ends in such a list, every `[n]` whose n
the list numbers is blanked, one space a character, so that bordered and space-aligned
tables keep their columns, and the list itself is dropped. A text without that list is
left as it is: a `[1]` there is the report's own (a footnote mark), never a guess.

Markdown (pandoc, html2text, markdownify) writes a linked cell as `[规章](/list.html)`,
over several lines where the cell wraps (`[本年制\\` / `发件数](/list.html)`). The
`[` and the `](target)` are blanked the same way, one space a character, so the cell's
text keeps its column in pandoc's multiline tables and pipe rows keep their walls.

reStructuredText (pandoc `-t rst`) writes a linked cell as an embedded-URI link,
`` `规章 </zwgk/list.html>`__ ``, inside a grid table's cell, where the cell's width
breaks the text and the target over lines (`` `1 </zwg `` / `` k/list.html>`__ ``).
Blanking in place would leave the broken target's pieces on their lines, so these are
taken out of a cell's text once the cell is read (`without_rst_links`, text_bordered.py).
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^References[ \t]*$", re.M)
_VISIBLE = re.compile(r"^\s*(?:Visible|Hidden) links\s*$")  # elinks' sub-headings
_ENTRY = re.compile(r"^\s*(\d+)\.\s+[A-Za-z][A-Za-z0-9+.-]*:\S*\s*$")  # `   4. http://…`
_MARK = re.compile(r"\[(\d+)\]")
# the end of a Markdown link, `](target)`: the target without spaces or parentheses, as
# the converters write a URL
_MD_TARGET = re.compile(r"\]\([^()\s]*\)")
_BRACKET = re.compile(r"[\[\]]")
# reST's embedded-URI link: `text <target>`_ or `text <target>`__ (anonymous), the
# target without spaces but maybe over several lines of a wrapped cell
_RST_LINK = re.compile(r"`(?P<text>[^`<>]*?)\s+<[^<>`\s]*(?:\n[^<>`\s]*)*>`__?")


def _references(text: str) -> tuple[int, set[int]] | None:
    """Where the last `References` list starts, and the numbers it lists: only where
    every non-empty line after the heading is an entry (or elinks' sub-heading)."""
    headings = list(_HEADING.finditer(text))
    if not headings:
        return None
    heading = headings[-1]
    numbers = set()
    for line in text[heading.end():].splitlines():
        entry = _ENTRY.match(line)
        if entry:
            numbers.add(int(entry[1]))
        elif line.strip() and not _VISIBLE.match(line):
            return None
    return (heading.start(), numbers) if numbers else None


def without_link_numbers(text: str) -> str:
    """The text with its listed link numbers blanked and the list dropped (module
    docstring); unchanged where it ends in no such list."""
    found = _references(text) if "References" in text else None
    if found is None:
        return text
    start, numbers = found
    return _MARK.sub(lambda m: " " * len(m[0]) if int(m[1]) in numbers else m[0],
                     text[:start])


def without_markdown_links(text: str) -> str:
    """Markdown's links as their text, in place (module docstring). Each `](target)`
    closes the latest `[` still open (across lines, as a wrapped cell's link does); a
    `]` with no target closes one that was no link (`国办发[2019]3号`), left as it is."""
    if "](" not in text:
        return text
    chars, opened, done = list(text), [], 0
    for bracket in _BRACKET.finditer(text):
        i = bracket.start()
        if i < done:  # inside a target just blanked
            continue
        if text[i] == "[":
            opened.append(i)
        elif opened:
            start = opened.pop()
            target = _MD_TARGET.match(text, i)
            if target:
                chars[start] = " "
                chars[i:target.end()] = " " * (target.end() - i)
                done = target.end()
    return "".join(chars)


def without_rst_links(cell: str) -> str:
    """A grid table cell's text with reStructuredText's embedded-URI links written as
    their text (module docstring); a backtick that opens no such link is left."""
    if "`" not in cell:
        return cell
    return _RST_LINK.sub(lambda m: m["text"], cell).strip()
