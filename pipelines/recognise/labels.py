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
from schemas.template import Template, load_template

# Header texts that are not row or column labels but mark a table's region.
_T2_HEADER = "信息内容"


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
        out.append((_T2_HEADER, "header", "t2", _T2_HEADER, vid))
        for alias, label in t2_aliases.items():
            out.extend((alias, kind, tid, key, v) for (lab, kind, tid, key, v) in list(out)
                       if lab == label and v == vid)
    return out


@dataclass(frozen=True)
class LabelIndex:
    by_norm: dict[str, tuple[Label, ...]]
    pattern: re.Pattern

    def lookup(self, norm: str) -> tuple[Label, ...]:
        while norm:
            if norm in self.by_norm:
                return self.by_norm[norm]
            stripped = without_trailing_note(norm)
            if stripped is None:
                return ()
            norm = stripped
        return ()


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
    return LabelIndex({k: tuple(v) for k, v in by_norm.items()}, pattern)


@lru_cache(maxsize=1 << 14)
def labels_of(text: str) -> tuple[Label, ...]:
    """The labels a printed text names, if any (cached: every report prints the same
    labels and values, and most cells are not labels, which costs the longest lookup)."""
    return label_index().lookup(normalise(text))
