"""The label index: every statutory label of both versions, in normalised form.

Built from the template, so a label is never typed here. Lookup is exact equality of
normalised text, then the same with trailing parenthetical notes removed (agencies
append instructions such as 上一年项目数量(指2019年事项数)). For text whose cell
separators were lost, `label_pattern` finds labels inside a longer string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipelines.recognise.normalise import normalise, without_trailing_note
from schemas.template import Row, Template, load_template

# Header texts that are not row or column labels but mark a table's region.
T2_HEADER = "信息内容"


@dataclass(frozen=True)
class Label:
    kind: str  # caption | row | group | column | header | note
    table: str
    key: str  # block id, row id, column id or header text
    versions: frozenset[str]

    @property
    def version_specific(self) -> str | None:
        return next(iter(self.versions)) if len(self.versions) == 1 else None


def _entries(template: Template) -> list[tuple[str, str, str, str, str]]:
    """(printed label, kind, table, key, version) for every label of every version."""
    out = []
    t2_aliases = template.tables_meta["t2"].get("aliases", {})
    for vid, version in template.versions.items():
        for table in version.tables.values():
            tid = table.id
            for block in table.blocks:
                if block.caption:
                    out.append((block.caption, "caption", tid, block.id, vid))
                for col in block.columns:
                    out.append((col.label, "column", tid, col.id, vid))
                for row in block.rows:
                    kind = "group" if row.is_group else "row"
                    if tid == "t4":
                        kind = "header"
                    for label in (row.label, *row.aliases):
                        out.append((label, kind, tid, row.id, vid))
            for header in table.header:
                out.append((header, "header", tid, header, vid))
            if table.note:
                out.append((table.note, "note", tid, "note", vid))
        out.append((T2_HEADER, "header", "t2", T2_HEADER, vid))
        for alias, label in t2_aliases.items():
            out.extend((alias, kind, tid, key, v) for (lab, kind, tid, key, v) in list(out)
                       if lab == label and v == vid)
    return out


@dataclass(frozen=True)
class LabelIndex:
    by_norm: dict[str, tuple[Label, ...]]
    pattern: re.Pattern
    captions: tuple[str, ...] = ()  # normalised captions of the tables' blocks

    def lookup(self, norm: str) -> tuple[Label, ...]:
        while norm:
            if norm in self.by_norm:
                return self.by_norm[norm]
            stripped = without_trailing_note(norm) or self._without_trailing_caption(norm)
            if stripped is None:
                return ()
            norm = stripped
        return ()

    def _without_trailing_caption(self, norm: str) -> str | None:
        """The label without the caption of the next block printed directly under it.

        A caption is never part of a row's label, but a page whose tables have no cell
        padding (CSS `display:table`) prints the next block's caption (第二十条第（五）项)
        a line under the last row's label, in the label's column, as a wrapped label's
        rest prints: the reader, knowing no captions, joins it to the label.
        """
        for caption in self.captions:
            if norm.endswith(caption) and len(norm) > len(caption):
                return norm[:-len(caption)]
        return None


def _fuzzy(norm: str) -> str:
    """A regex matching a normalised label inside text that kept its whitespace."""
    parts = []
    for i, ch in enumerate(norm):
        if ch == "." and i > 0 and norm[i - 1].isdigit():
            parts.append("[.、]")
        elif ch == '"':
            parts.append("[\"“”]")
        else:
            parts.append(re.escape(ch))
    return r"\s*".join(parts)


@cache
def label_index() -> LabelIndex:
    merged: dict[tuple[str, str, str, str], set[str]] = {}
    for printed, kind, tid, key, vid in _entries(load_template()):
        merged.setdefault((normalise(printed), kind, tid, key), set()).add(vid)
    by_norm: dict[str, list[Label]] = {}
    for (norm, kind, tid, key), versions in merged.items():
        by_norm.setdefault(norm, []).append(Label(kind, tid, key, frozenset(versions)))
    longest_first = sorted(by_norm, key=len, reverse=True)
    pattern = re.compile("|".join(f"(?:{_fuzzy(n)})" for n in longest_first))
    captions = tuple(sorted({norm for (norm, kind, _, _) in merged if kind == "caption"}))
    return LabelIndex({k: tuple(v) for k, v in by_norm.items()}, pattern, captions)


@lru_cache(maxsize=1 << 14)
def labels_of(text: str) -> tuple[Label, ...]:
    """The labels a printed text names, if any (cached: every report prints the same
    labels and values, and most cells are not labels, which costs the longest lookup)."""
    return label_index().lookup(normalise(text))


# An item number as normalised: 2. / (三) / 一、 (see normalise._NUMBERING).
_CN = "[一二三四五六七八九十]{1,3}"
_ITEM_NUMBER = re.compile(rf"^(?:\d{{1,2}}\.|\({_CN}\)|{_CN}、)")
# A misprint is matched to a row when its text is at least this similar to the row's
# label (1 - edit distance / longer length: 2.其他法律行政止公开 to 2.其他法律行政法规禁止公开
# is 0.75, a 4-character label with one wrong character 0.75, with two 0.5) and this much
# more similar than to any other row of its table.
MIN_SIMILARITY = 0.7
MIN_MARGIN = 0.2
# A label read by OCR is matched from this similarity where it is this much more similar
# to the row than to any other (misprints._floor). Measured (bench/RESULTS.md, h-ocr2):
# the best and second similarities of every OCR'd misprint candidate over the scan kinds.
OCR_MIN_SIMILARITY = 0.6
OCR_MIN_MARGIN = 0.5


def item_number(norm: str) -> tuple[str, str]:
    """A normalised label's item number (`2.`, `(三)`, `一、` or "") and the rest."""
    m = _ITEM_NUMBER.match(norm)
    return (m.group(), norm[m.end():]) if m else ("", norm)


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; with a limit, limit + 1 once it is certainly over it."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def similarity(a: str, b: str) -> float:
    """1 - (edit distance / length of the longer), for short labels."""
    if not a or not b:
        return 0.0
    return 1 - edit_distance(a, b) / max(len(a), len(b))


def row_similarity(printed: str, row: Row) -> float:
    """How close a printed, normalised label is to a row's label or aliases; 0 when an item
    number is printed and is not the row's."""
    number, body = item_number(printed)
    best = 0.0
    for label in (row.label, *row.aliases):
        norm = normalise(label)
        forms = (norm, without_trailing_note(norm) or norm)
        for form in forms:
            row_number, row_body = item_number(form)
            if number and number != row_number:
                continue
            # The edit distance is at least the difference in length: a text much longer
            # or shorter than the label (a paragraph) cannot be close, and is not compared.
            if min(len(body), len(row_body)) < MIN_SIMILARITY * max(len(body), len(row_body)):
                continue
            best = max(best, similarity(body, row_body))
    return best


def closest_row(printed: str, rows: tuple[Row, ...]) -> tuple[Row | None, float, float]:
    """The row a misprinted label is closest to, its similarity and the runner-up's."""
    scored = sorted(((row_similarity(printed, r), k) for k, r in enumerate(rows)), reverse=True)
    if not scored:
        return None, 0.0, 0.0
    (best, k), *rest = scored
    return rows[k], best, rest[0][0] if rest else 0.0
