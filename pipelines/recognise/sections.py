"""A report's text cut into its sections at the statutory headings (一、总体情况 …).

The headings' titles are declared in schemas/statements.yaml (`sections`). A heading is a
Chinese numeral and 、 where a line or sentence starts (anywhere, when it is the format's
own number of the section: run-together pages lose line breaks), with a declared title;
the sections are looked for in their statutory order, each once, so that a table row
(`三、本年度办理结果`) is never taken for one. The text before the first heading (title,
preamble) is section 0 without a heading. What is kept is the text as printed; the
published, simplified text is made from it by pipelines/tidy.py.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.textnorm import to_simplified
from schemas.statements import load_statements

_NUMERAL = re.compile(r"(?:(?:^|(?<=[\s\d。:;!?]))(?P<any>[一二三四五六七八九十]{1,2})"
                      r"|(?P<own>[一二三四五六七八九十]{1,2}))[ \t]*[、.][ \t]*", re.MULTILINE)
_STATUTORY = "一二三四五六"  # the format's own numbering of its sections


@cache
def _char(c: str) -> str:
    return to_simplified(c)


def _normalised(text: str, whole: str | None) -> tuple[str, list[int] | None]:
    """The text simplified, with each character's original index; None when the two are
    aligned (normalising changed no length: nearly always), which spares the index."""
    whole = to_simplified(text) if whole is None else whole
    if len(whole) == len(text):
        return whole, None
    out, index = [], []
    for i, c in enumerate(text):
        n = _char(c)
        out.append(n)
        index.extend([i] * len(n))
    index.append(len(text))
    return "".join(out), index


def read_sections(text: str, norm: str | None = None
                  ) -> list[tuple[str | None, str, str | None]]:
    """(heading as printed, text as printed, section id) in order; section 0 first.
    `norm` is the text normalised when the caller has it (statements.normalised)."""
    norm, aligned = _normalised(text, norm)
    index = aligned or range(len(text) + 1)
    cuts: list[tuple[int, int, str]] = []  # start, end of the heading, section id
    pos = 0
    for k, (section_id, title) in enumerate(load_statements().sections):
        for m in _NUMERAL.finditer(norm, pos):
            # Where a run-together page lost the line break, the format's own number.
            if m["own"] and m["own"] != _STATUTORY[k]:
                continue
            if t := title.match(norm, m.end()):
                cuts.append((index[m.start()], index[t.end()], section_id))
                pos = t.end()
                break
    out: list[tuple[str | None, str, str | None]] = [(None, text[:cuts[0][0]] if cuts
                                                      else text, None)]
    for k, (start, end, section_id) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        out.append((text[start:end].strip(), text[end:stop], section_id))
    return out
