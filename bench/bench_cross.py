"""HTML variants dumped by text tools: every structural variant of every labelled report's
page (tests/renderings/variants.py) dumped by the text browsers and pandoc
(tests/renderings/dumps.py), read back and scored against the variant's own cells.

A real CMS page dumped by a text browser is what the hidden evaluation reads; the
variants are read as HTML and the tools dump only the `word`/`plain`/`page` pages
elsewhere, so this measures the cross. A tool that drops blank cells (lynx) makes the
non-null cells of a printed row with a blank unrecoverable (as dumps.scored_truth), except
where the variant prints its blanks as text (a dash, 无, 0): there nothing is dropped.

    uv run python bench/bench_cross.py [--tools w3m,lynx] [--variants th-thead,...]
        [--reports 011,...] [--cache DIR] [--jobs N] [-v] [--markdown]
        [--revalued] [--means 0.5,3000 --seeds 1,2,3 [--scale S] [--zeros-blank]]

`--means`/`--seeds` draw every page's numbers anew for each mean and seed
(variants.revalued: a small agency's zeros and ones at a mean of 0.5–3, a busy one's 4–6
digits at 500–5000), so wrong numbers are hunted on numbers never drawn before; the
variants that carry their own numbers (`revalued-*`) are then left out. The tool `page`
is our HTML reader on the page itself (no dump).

Dumps are cached under `--cache` (default /tmp/bench-cross) by the page's hash, so a
second run only re-reads them. `-v` lists every rendering with a wrong, invented or
missed cell, and which cells. The dumping and scoring are tests/renderings/cross.py's
(also used by the pinned subset, tests/renderings/test_cross_dumps.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "renderings")]

from cross import dumped, page_bytes, read_back, unrecoverable  # noqa: E402
from dumps import TOOLS, Tool  # noqa: E402
from variants import Score, Variant, chosen, redrawn  # noqa: E402

# The main text tools of the issue: two widths of each browser, lynx and elinks as they
# come (link numbers and the list of links on), pandoc's plain text and Markdown, and a
# browser's copied text.
MAIN_TOOLS = ("w3m", "w3m-160", "lynx", "lynx-200", "lynx-refs", "elinks", "elinks-160",
              "elinks-refs", "pandoc-plain", "pandoc-markdown", "chromium-innertext")


@dataclass(frozen=True)
class Case:
    tool: str
    variant: str
    stem: str
    dumped: Path  # the cached dump
    want: dict
    unrecoverable: frozenset[str]
    suffix: str = ".txt"  # what the dump is read as (`.html`: the page itself)


def cases(tools: list[Tool], chosen: list[Variant], truths: list[Path], cache: Path) -> list[Case]:
    """Every (tool, variant, report) dump, made where not cached."""
    out = []
    with tempfile.TemporaryDirectory() as work:
        for path in truths:
            truth = json.loads(path.read_text(encoding="utf-8"))
            for variant in chosen:
                data, want = page_bytes(variant, truth)
                digest = hashlib.sha1(data).hexdigest()[:12]
                for tool in tools:
                    if tool.name == PAGE.name:  # the page as published, not dumped
                        target = cache / "page" / f"{path.stem}-{digest}.html"
                        if not target.exists():
                            target.parent.mkdir(parents=True, exist_ok=True)
                            target.write_bytes(variant.make(truth)[0])
                        out.append(Case(tool.name, variant.name, path.stem, target, want,
                                        frozenset(truth.get("unrecoverable", ())), ".html"))
                        continue
                    target = cache / tool.name / variant.name / f"{path.stem}-{digest}.txt"
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(dumped(tool, variant, path, Path(work)).data)
                    out.append(Case(tool.name, variant.name, path.stem, target, want,
                                    unrecoverable(tool, variant, truth, want)))
    return out


# Our own HTML reader on the page itself: the reading every dump is compared with.
PAGE = Tool("page", ("page",))


def redraw_options(parser: argparse.ArgumentParser) -> None:
    """The options that draw every variant's numbers anew (`--revalued`, `--means`,
    `--seeds`, `--scale`, `--zeros-blank`): the same on every cross bench."""
    parser.add_argument("--revalued", action="store_true",
                        help="each variant's page with other numbers (variants.renumbered)")
    parser.add_argument("--means", help="comma-separated means of table 三's new requests: "
                        "every page's numbers drawn anew at each (with --seeds)")
    parser.add_argument("--seeds", default="1", help="comma-separated salts of the draws")
    parser.add_argument("--scale", type=float, help="table 二's scale (default mean/15)")
    parser.add_argument("--zeros-blank", action="store_true",
                        help="every drawn 0 count printed blank")


def picked(args: argparse.Namespace, pool: list[Variant] | None = None
           ) -> tuple[list[Variant], list[Path]]:
    """The variants (of `pool`, the HTML ones by default) and labelled reports the
    options name, drawn anew at every `--means` and `--seeds` (variants.redrawn)."""
    found, truths = chosen(args.variants, args.reports, args.revalued and not args.means, pool)
    if args.means:
        found = redrawn(found, args.means, args.seeds, args.scale, args.zeros_blank)
    return found, truths


def read(case: Case) -> tuple[Case, dict, dict]:
    """(case, score as a dict, {kind: [cell ids]}) of one dump read back."""
    s, detail = read_back(case.stem, case.dumped.read_bytes(), case.want, case.unrecoverable,
                          case.suffix)
    return case, vars(s), detail


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tools", default=",".join(MAIN_TOOLS))
    parser.add_argument("--variants", help="comma-separated variant names (default: all HTML)")
    parser.add_argument("--reports", help="comma-separated truth stems (default: all)")
    parser.add_argument("--cache", default="/tmp/bench-cross")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("-v", action="store_true")
    parser.add_argument("--markdown", action="store_true")
    redraw_options(parser)
    args = parser.parse_args()
    names = args.tools.split(",")
    tools = [t for n in names for t in (*TOOLS, PAGE)
             if t.name == n and (t is PAGE or t.available())]
    variants, truths = picked(args)
    todo = cases(tools, variants, truths, Path(args.cache))
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(read, todo, chunksize=4))
    else:
        results = [read(c) for c in todo]
    table: dict[tuple[str, str], list[int]] = {}
    for case, s, detail in results:
        t = table.setdefault((case.variant, case.tool), [0, 0, 0, 0, 0])
        for i, k in enumerate(("right", "wrong", "missed", "invented", "total")):
            t[i] += s[k]
        if args.v and (s["wrong"] or s["invented"] or s["missed"]):
            print(f"  {case.tool} {case.variant} {case.stem}: wrong {s['wrong']} missed "
                  f"{s['missed']} invented {s['invented']}  {case.dumped}")
            for kind in ("wrong", "invented", "missed"):
                if detail[kind]:
                    print(f"     {kind}: {' '.join(detail[kind][:12])}")
    print_matrix(table, [t.name for t in tools], [v.name for v in variants], args.markdown)


def scored(job, jobs: list, workers: int, verbose: bool) -> dict[tuple[str, str], Score]:
    """Run `job` over `jobs` in `workers` processes and add up its scores by (column, row).

    A job returns (column, row, report, Score, detail, *where); `verbose` lists each
    rendering with a miss, where it is, and its first cells of each kind."""
    totals: dict[tuple[str, str], Score] = {}
    with ProcessPoolExecutor(workers) as pool:
        for column, row, stem, s, detail, *where in pool.map(job, jobs):
            totals.setdefault((column, row), Score()).add(s)
            if verbose and (s.wrong or s.invented or s.missed):
                print(f"  {column} {row} {stem}: {s}  {' '.join(map(str, where))}", flush=True)
                for k in ("wrong", "invented", "missed"):
                    if detail[k]:
                        print(f"     {k}: {' '.join(detail[k][:16])}", flush=True)
    return totals


def print_matrix(table: dict, tools: list[str], chosen: list[str], markdown: bool) -> None:
    """variant × tool (or converter): right/wrong/missed/invented (and cells, fifth), and
    the totals per tool."""
    def cell(t: list[int]) -> str:
        return f"{t[0]}/{t[1]}/{t[2]}/{t[3]}"
    if markdown:
        print("| variant | " + " | ".join(tools) + " |")
        print("|---|" + "---:|" * len(tools))
    else:
        print(f"{'variant':26} " + " ".join(f"{t:>18}" for t in tools))
    totals = {t: [0, 0, 0, 0, 0] for t in tools}
    for v in chosen:
        row = []
        for t in tools:
            got = table.get((v, t), [0, 0, 0, 0, 0])
            totals[t] = [a + b for a, b in zip(totals[t], got, strict=True)]
            row.append(cell(got))
        print(f"| {v} | " + " | ".join(row) + " |" if markdown
              else f"{v:26} " + " ".join(f"{c:>18}" for c in row))
    last = [cell(totals[t]) for t in tools]
    print("| **total** | " + " | ".join(last) + " |" if markdown
          else f"{'TOTAL r/w/m/i':26} " + " ".join(f"{c:>18}" for c in last))
    print("cells per tool:", {t: totals[t][4] for t in tools})


if __name__ == "__main__":
    main()
