"""The share of the narratives' numbers that are bound to a cell (README: "What the text
says against the tables"), measured on the reports of ../shared/corpus.

A *stated number* is a count in 件 in a sentence that speaks of requests, reviews,
lawsuits, rules or normative documents (申请, 复议, 诉讼, 规章, 规范性文件); it is *bound*
when a declared statement (schemas/statements.yaml) reads that very number and the
report's format has its cell. Also printed: every text check by verdict (outcome
sentences that name none of those words included) and the stated numbers left unbound,
so that the kinds not read can be listed.

    uv run python bench/statements_share.py [../shared/corpus/reports] [--unbound]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from pipelines.parse import parse_file
from pipelines.read import read_bytes
from pipelines.recognise.statements import _COUNT_PRINTED, normalised, read_statements, sentences

TOPIC = re.compile(r"申请|复议|诉讼|规章|规范性文件")
STATED = re.compile(r"(?<![\d.])\d[\d,]*\s*件(?!次)")


def measure(folder: Path, show_unbound: bool = False) -> dict[str, int]:
    totals: Counter = Counter()
    for path in sorted(folder.iterdir()):
        report = parse_file(path)
        if not report.cells:
            continue
        text = read_bytes(path.name, path.read_bytes()).text
        norm = normalised(text)
        said = sentences(text, _COUNT_PRINTED, norm)
        stated = {(k, m.start()) for k, s in enumerate(said) if TOPIC.search(s.text)
                  for m in STATED.finditer(s.text)}
        bound = {(r.span[0], r.span[1]) for r in read_statements(text, report.report_year,
                                                                  norm=norm)
                 if r.statement.cells(report.format_version) is not None}
        totals["reports"] += 1
        totals["stated"] += len(stated)
        totals["bound"] += len(stated & bound)
        for c in report.checks:
            if c.kind == "text":
                totals[f"checks_{c.status}"] += 1
        if show_unbound:
            for k, start in sorted(stated - bound):
                s = said[k].text
                print(f"{path.name}: {s[max(0, start - 30):start + 12]}")
    return dict(totals)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = Path(args[0]) if args else Path(__file__).parents[2] / "shared/corpus/reports"
    result = measure(folder, "--unbound" in sys.argv)
    share = result.get("bound", 0) / max(result.get("stated", 0), 1)
    print(result, f"bound share {share:.0%}")
