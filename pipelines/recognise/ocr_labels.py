"""Labels read by OCR that miss the template by a character or two, matched to it.

OCR of small print confuses similar characters (申 for 审, 子 for 予, a thin leading 一
lost). A text cell read by OCR is taken as the template label it nearly spells: at most
one edit per six characters (one for short labels, none below three characters), and
only when no other label is as near. Labels only anchor rows: the numbers stay as read,
the template's column count and the identities still check the row. Cells that were
printed as text are never matched loosely.
"""

from __future__ import annotations

from pipelines.document import Document
from pipelines.recognise.labels import edit_distance, label_index
from pipelines.recognise.normalise import normalise
from pipelines.recognise.tokens import Token

_CHARS_PER_EDIT = 6
_MIN_LENGTH = 3


def nearest_label(text: str) -> str | None:
    """The normalised template label `text` nearly spells, if exactly one is nearest."""
    norm = normalise(text)
    if len(norm) < _MIN_LENGTH:
        return None
    limit = max(1, len(norm) // _CHARS_PER_EDIT)
    found: dict[int, list[str]] = {}
    for label in label_index().by_norm:
        if abs(len(label) - len(norm)) <= limit:
            d = edit_distance(norm, label, limit)
            if d <= limit:
                found.setdefault(d, []).append(label)
    if not found:
        return None
    best = found[min(found)]
    return best[0] if len(best) == 1 else None


def match_ocr_labels(tokens: list[Token], doc: Document) -> list[Token]:
    """Text tokens of OCR'd cells that nearly spell a label, made label tokens."""
    read_by_ocr = {c.ref for c in doc.cells if c.confidence is not None}
    if not read_by_ocr:
        return tokens
    index = label_index()
    out = []
    for t in tokens:
        label = nearest_label(t.text) if t.kind == "text" and t.ref in read_by_ocr else None
        out.append(Token("label", t.text, t.ref, t.row, index.by_norm[label]) if label else t)
    return out
