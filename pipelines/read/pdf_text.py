"""Text of a PDF cell or line as printed: font quirks of PDF producers undone.

Radicals printed for the ideographs they look like (`⼈` U+2F08 for 人) are mapped to
the ideographs by textnorm's table, the one every reader uses. No-break spaces (`&nbsp;`
in a printed page) are spaces; a cell of whitespace only is empty.
"""

from __future__ import annotations

from pipelines.textnorm import RADICALS

_TABLE = {**RADICALS, 0x00A0: " ", 0x3000: " "}


def clean(text: str | None) -> str:
    """The text with radicals as ideographs, blank lines dropped, outer spaces stripped."""
    if not text:
        return ""
    lines = (line.strip() for line in text.translate(_TABLE).split("\n"))
    return "\n".join(line for line in lines if line)
