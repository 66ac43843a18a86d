"""Lightweight-markup decoration removed from the lines the title and agency are read from.

Markdown, GitHub Markdown, reStructuredText and wiki dumps of a report (pandoc of a Word
page, notes kept in Markdown) print its bold title as `**X2024年…报告**` (`'''X…'''`),
a heading as `# X…` or underlined by a `====` line, a link as `[text](url)`, and leave HTML entities
(`&nbsp;`) and inline tags in the text. Read as they are, the agency comes out as
`**X`. This module gives the text those lines hold, for metadata.py and opening.py
only: table cells and values are never read through it (the readers hand the
recogniser their cells; markup inside a cell is the reader's business).

Only decoration is removed, never a character the text could mean: paired emphasis
delimiters, a line's leading/trailing emphasis run (a title wrapped over two lines
opens `**` on one and closes it on the next), heading markers, link and span syntax,
backslash escapes of punctuation, entities, tags, and lines that are markup only
(rst adornment lines, directives, pandoc's `:::` fences).
"""

from __future__ import annotations

import html
import re

# `[text](url)`, `![alt](src)`, `[text]{attrs}` (pandoc spans), `[text][ref]`
_LINK = re.compile(r"!?\[([^\[\]]*)\](?:\([^()]*\)|\{[^{}]*\}|\[[^\[\]]*\])")
# rst: `text <url>`_ , `text`_ , :role:`text` , ``literal``
_RST_LINK = re.compile(r"`([^`<]*?)\s*(?:<[^<>`]*>)?`_{1,2}")
_RST_ROLE = re.compile(r":[a-z-]+:`([^`]*)`")
_RST_LITERAL = re.compile(r"``([^`]+)``")
# A pair of emphasis delimiters around text (`**b**`, `*i*`, `~~s~~`; `__b__`, `_i_` only
# outside a word, as CommonMark reads them: `市uedbet体育_uedbet官网@` is spam, not emphasis,
# and must stay visible to the spam filter).
# Wiki markup's `'''b'''` and `''i''` (`pandoc -t mediawiki`) pair alike.
_EMPHASIS = re.compile(r"(\*{1,3}|~~|'{2,5})(?=\S)(.+?)(?<=\S)\1"
                       r"|(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\3(?!\w)")
_EDGE_EMPHASIS = re.compile(r"^(?:\*{1,3}|_{2,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{2,3})$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Lines that hold markup and no text: rst adornment (`=====`, `-----`), directives
# (`.. container:: X`), pandoc's fenced divs (`::: {.WordSection1}`), Markdown rules.
_MARKUP_LINE = re.compile(r"^\s*(?:([=\-~^\"'`#*+:._])\1{2,}\s*|\.\.\s+[\w-]+::.*|:::.*)$")
# Every character any rule below reads (its delimiters, `<`, `[`, `\\`, `&`, no-break
# space): a line with none of them is its text already, only stripped. Most lines of
# a report are, and the rules cost more than all else in reading its title.
_MARKUP_CHARS = re.compile(r"[=\-~^\"'`#*+:._<\[\\&\xa0]")
# Of those, the ones the inline rules read: a line that is not markup only and has none of
# them (an item number's `1.`, a date's `-`, a `:`) is its text as well.
_INLINE_CHARS = re.compile(r"[<\[`#*_~\\&\xa0']")


def unmarked(line: str) -> str:
    """The text a line of Markdown or reStructuredText holds; '' for a markup-only line."""
    if not _MARKUP_CHARS.search(line):
        return line.strip()
    return _by_rules(line)


def _by_rules(line: str) -> str:
    if _MARKUP_LINE.match(line):
        return ""
    if not _INLINE_CHARS.search(line):
        return line.strip()
    text = _TAG.sub("", line)
    text = _RST_ROLE.sub(r"\1", _RST_LINK.sub(r"\1", _RST_LITERAL.sub(r"\1", text)))
    # Innermost first: a link inside brackets (`[[a](u)]{style}`) is undone in turns.
    for _ in range(3):
        text, n = _LINK.subn(r"\1", text)
        if not n:
            break
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    text = _EDGE_EMPHASIS.sub("", text.strip())
    # Entities last: an escaped `&lt;b&gt;` is text, not a tag to remove.
    return html.unescape(_ESCAPE.sub(r"\1", text)).replace("\xa0", " ")


def unmarked_text(text: str) -> str:
    """Every line of the text unmarked (`unmarked`), line breaks kept."""
    return "\n".join(unmarked(line) for line in text.splitlines())
