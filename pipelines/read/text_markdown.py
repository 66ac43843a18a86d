"""Pandoc's Markdown inline markup in cell texts: `[text]{style="..."}` spans.

`pandoc -f html -t markdown` keeps every `<span>` of a Word page as a bracketed span
with its attributes, so a digit printed in a span of its own reads `[1]{lang="EN-US"}`,
and inside a table cell the attributes wrap over several lines. The cell's text is
what the spans hold: the attribute blocks and the brackets are removed, and a
backslash ending a line (Markdown's line break) becomes a plain line break.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.document import TextCell

_SPAN_OPEN = re.compile(r"\]\s*\{")
_ATTRIBUTES = re.compile(r"\]\{[^{}]*\}")
_BRACKETS = re.compile(r"(?<!\\)[\[\]]")
_HARD_BREAK = re.compile(r"\\\n")


def has_spans(text: str) -> bool:
    """Whether the text carries pandoc's bracketed spans (three or more)."""
    return len(_SPAN_OPEN.findall(text, 0, 200_000)) >= 3


def plain(text: str) -> str:
    """The text the spans hold."""
    if "]" not in text:
        return text
    joined = _ATTRIBUTES.sub("]", re.sub(r"\{[^{}]*\}", lambda m: m.group().replace("\n", ""),
                                         text))
    return _BRACKETS.sub("", _HARD_BREAK.sub("\n", joined)).strip()


def plain_cells(cells: list[TextCell]) -> list[TextCell]:
    return [replace(c, text=plain(c.text)) for c in cells]
