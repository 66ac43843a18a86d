"""Table 三 printed one cell a line with its row labels wrapped over lines, each row's label
before its values: LibreOffice's PDF of a Word table through `pdftotext` in reading order
(the DOCX variants whose 三 is a table of its own rows, `docx-nested`, `docx-split-tables`).

Word and LibreOffice wrap 三's label column two to nine characters a line, so a label
prints over several lines (`2.其` / `他法` / `律行` / … / `开`), with the merged column's
group labels (`三、` / `本年` / `度办` …, `（三` / `）不` / `予公` / `开`) before it, and then
the row's 7 values one a line. Where the label is taller than its values' band the values
print inside it (`5.属` / `于三` / `类内` / `部事` / 7 values / `务信` / `息`). WPS's PDF
prints each label whole on its line; `text_order.t3_label_runs` reads that, and this
module only builds the same items from wrapped labels for its `_fit`, so every proof
there holds here unchanged: every run of values follows a label, runs hold 7 counts a
row, 总计 the sum of the six in every row, the labels owning runs go down the template's
rows, every row is placed, the column identities hold in every column.

A run's label is read from the text between the run before and this one (spaces and line
breaks removed): the one row label it ends with (the longest, a group's label may stand
before it), or, where it ends with none, the one row label it ends with a part of (the
number and two characters at least) whose rest prints after the run, before the next
one. Anything else (two labels fitting, none) leaves the run without a label, and the
table unread.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.read.text_order import (
    _VALUE_WORD,
    Item,
    LabelRuns,
    _columns_hold,
    _fit,
    _t4_shape,
    _title_line,
    _values_only,
    _version,
    simplified_lines,
    t3_versions,
)

_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)")
_PART = 2  # characters of a label, past its number, that a part printed before its run holds


def _t3_title() -> str:
    # the template read through text_order (readers import no statute of their own)
    return _version().tables["t3"].title


def _owner(before: str, after: str, matched: dict[str, int]) -> int | None:
    """The row whose label the text `before` a run ends with (the longest), else the one
    row whose label's first part it ends with and whose rest is in the text `after` it."""
    whole = [label for label in matched if before.endswith(label)]
    if whole:
        return matched[max(whole, key=len)]
    parts = set()
    for label, row in matched.items():
        number = _NUMBER.match(label)
        least = (number.end() if number else 0) + _PART
        if any(before.endswith(label[:j]) and label[j:] in after
               for j in range(least, len(label))):
            parts.add(row)
    return parts.pop() if len(parts) == 1 else None


def wrapped_items(lines: list[str], matched: dict[str, int]
                  ) -> tuple[list[Item], tuple[int, int]] | None:
    """Table 三's text from its title to table 四's as `text_order._fit`'s items: for each
    run of values (consecutive lines of values only), a ("label", line, row, []) item
    before it where its label is read (module docstring), and the run; ("other", …) for
    the rest. Also the lines that hold the rows: from the line the first row's label
    starts on to table 四's title. None where 三's title or its first row is not found."""
    simple = simplified_lines(lines)
    flat = ["".join(ln.split()) for ln in simple]
    start = _title_line(flat, _t3_title())
    if start is None:
        return None
    end = _title_line(flat, _t4_shape()[0])
    end = len(flat) if end is None or end <= start else end
    chunks: list[tuple[str, list[tuple[int, str]]]] = []  # (kind, [(line, text)])
    for no in range(start + 1, end):
        if not flat[no]:
            continue
        kind = "values" if _values_only(simple[no]) else "text"
        piece = [(no, w) for w in simple[no].split()] if kind == "values" else [(no, flat[no])]
        if chunks and chunks[-1][0] == kind:
            chunks[-1][1].extend(piece)
        else:
            chunks.append((kind, piece))
    items: list[Item] = []
    first = None
    for k, (kind, piece) in enumerate(chunks):
        if kind == "text":
            items.append(("other", piece[0][0], -1, []))
            continue
        before = "".join(t for _, t in chunks[k - 1][1]) if k and chunks[k - 1][0] == "text" else ""
        after = ("".join(t for _, t in chunks[k + 1][1])
                 if k + 1 < len(chunks) and chunks[k + 1][0] == "text" else "")
        row = _owner(before, after, matched) if before else None
        if not all(_VALUE_WORD.fullmatch(w) for _, w in piece):
            return None
        if row is not None:
            label_line = chunks[k - 1][1][-1][0]
            items.append(("label", label_line, row, []))
            if first is None:
                first = _label_start(chunks[k - 1][1], matched, row)
        items.append(("values", piece[0][0], -1, list(piece)))
    if first is None:
        return None
    return items, (first, end)


def _label_start(text: list[tuple[int, str]], matched: dict[str, int], row: int) -> int:
    """The line the row's label starts on, in the text lines before its run: the last
    line from which the lines to the end hold the label's start (its first characters)."""
    label = next(k for k, r in matched.items() if r == row)
    head = label[:len(_NUMBER.match(label).group()) + _PART] if _NUMBER.match(label) else label[:2]
    joined = ""
    for no, t in reversed(text):
        joined = t + joined
        if joined.startswith(head) or head in joined:
            return no
    return text[0][0]


def t3_wrapped_label_runs(lines: list[str]) -> LabelRuns | None:
    """`_t3_wrapped_label_runs` of the lines (asked twice of one text by the reader)."""
    return _t3_wrapped_label_runs(tuple(lines))


@lru_cache(maxsize=1)
def _t3_wrapped_label_runs(lines: tuple[str, ...]) -> LabelRuns | None:
    """Table 三 read from its wrapped row labels and the runs of values after them, under
    `text_order._fit`'s and `_columns_hold`'s proofs for the whole table (module
    docstring); where more than one format version fits, they must place the same."""
    found = []
    for labels, matched, balance, totals in t3_versions():
        made = wrapped_items(list(lines), matched)
        if made is None:
            continue
        items, span = made
        fit = _fit(items, len(labels))
        if fit is None or len(fit[0]) != len(labels) or not _columns_hold(fit[0], balance, totals):
            continue
        _, runs, at = fit
        found.append(LabelRuns(
            span, {max(at[r], -1 - at[r]): (labels[r], run) for r, run in runs.items()},
            tuple(labels[r] for r in sorted(runs) if at[r] < 0)))
    return found[0] if found and all(f == found[0] for f in found) else None
