"""HTML variants of the labelled reports dumped by the text tools, read back and scored.

Helpers for `test_cross_dumps.py` and `bench/bench_cross.py`, not tests. A variant
(variants.py: a CMS page's construct, `<th>`, `<div>` cells, `<br>` in numbers, CSS
tables…) is what a real page looks like; a text tool (dumps.py: w3m, lynx, elinks,
pandoc, a browser's copied text) is how a crawler saves it. The dump is scored against
the variant's own cells. A tool that drops blank cells (lynx) makes the non-null cells of
a printed row with a blank unrecoverable (as dumps.scored_truth), except where the
variant prints its blanks as text (a dash, 无, 0): nothing is dropped there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dumps import Page, Tool, _utf8, dump, lost_blank_cells
from make import word_html_bytes
from variants import Score, Variant, score

# Variants that print a blank cell as text: a tool that drops empty cells keeps them.
PRINTED_BLANKS = frozenset({"blank-dash", "blank-emdash", "blank-slash", "blank-none",
                            "blank-zero"})


@dataclass(frozen=True)
class Dumped:
    """One variant of one report as one tool prints it, with what it must read as."""

    data: bytes
    want: dict  # cell id -> number or None, as the variant prints it
    unrecoverable: frozenset[str]


def page_bytes(variant: Variant, truth: dict) -> tuple[bytes, dict]:
    """The variant's page (UTF-8: Word's GB18030 page converted, as the tools are told
    UTF-8) and its cells."""
    data, want = variant.make(truth)
    return (_utf8(data) if variant.render is word_html_bytes else data), want


def unrecoverable(tool: Tool, variant: Variant, truth: dict, want: dict) -> frozenset[str]:
    lost = set(truth.get("unrecoverable", ()))
    if tool.drops_blanks and variant.name not in PRINTED_BLANKS:
        lost |= set(lost_blank_cells({"cells": want}))
    return frozenset(lost)


def dumped(tool: Tool, variant: Variant, truth_path: Path, work: Path) -> Dumped:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    data, want = page_bytes(variant, truth)
    page = Page(f"{truth_path.stem}-{variant.name}", "variant", data, truth)
    return Dumped(dump(tool, page, work), want, unrecoverable(tool, variant, truth, want))


def read_back(stem: str, data: bytes, want: dict, lost: frozenset[str], suffix: str = ".txt"
              ) -> tuple[Score, dict[str, list[str]]]:
    """The score of a dump read back (as a file named `stem` + `suffix`), and its wrong,
    missed and invented cells (`id=got/want`)."""
    from pipelines.parse import parse_bytes

    report = parse_bytes(f"{stem}{suffix}", data)
    return scored({cid: c.value for cid, c in report.cells.items()}, want, lost)


def scored(got: dict, want: dict, lost: frozenset[str]) -> tuple[Score, dict[str, list[str]]]:
    """The score of cells read, and the wrong, missed and invented ones (`id=got/want`)."""
    detail: dict[str, list[str]] = {"wrong": [], "missed": [], "invented": []}
    for cid, val in want.items():
        g = got.get(cid)
        if (g is None and (val is None or cid in lost)) or (
                g is not None and val is not None and abs(float(g) - float(val)) < 1e-9):
            continue
        kind = ("wrong" if val is not None and g is not None
                else "missed" if val is not None else "invented")
        detail[kind].append(f"{cid}={g}/{val}")
    return score(got, want, set(lost)), detail
