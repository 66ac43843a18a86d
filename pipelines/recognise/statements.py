"""Numbers the report's text states, checked against the cells they speak of (kind `text`).

The statements and their patterns are declared in schemas/statements.yaml; this module
reads the document's text as sentences, applies them, and compares. Precision first: a
statement is left out when its clause names another year or a doubt word, when its
number is not exact, when one statement is read twice with two numbers, or when one
printed number is read by two statements. A failing text check is a finding about the
report (flagged `text_disagrees`), never a reason to change a cell.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipelines.report import Flag, ParsedReport
from pipelines.textnorm import strip_pinyin, to_simplified
from schemas.identities import CheckResult
from schemas.statements import CHECK_PREFIX, Statement, Statements, load_statements

_SENTENCE_END = re.compile(r"[。;!?]")
_NEWLINE = re.compile(r"\n")
# What a sentence keeps: runs of non-space, and space between two digits.
_KEPT = re.compile(r"[^\s]+|(?<=\d)\s+(?=\d)")
# A count in a statement's unit (a space may still sit between the number and its unit).
_COUNT_PRINTED = re.compile(r"\d\s*[件起]")
_CLAUSE_START = re.compile(r"[,;:。(]")
_YEAR = re.compile(r"(20\d\d)年")
_SHOWN = 200  # characters of a sentence published around its number


@dataclass(frozen=True)
class Sentence:
    text: str  # normalised: NFKC, simplified, whitespace removed except between digits
    lines: tuple[int, ...]  # the 1-based line of each character


@dataclass(frozen=True)
class Reading:
    statement: Statement
    value: int
    sentence: str
    line: int
    span: tuple[int, int, int]  # sentence index, start, end of the number


def normalised(text: str) -> str:
    """The text as statements and sections are read: NFKC, simplified, pinyin removed. It
    keeps the line breaks, so lines stay countable."""
    return to_simplified(strip_pinyin(text))


def sentences(text: str, only: re.Pattern | None = None,
              norm: str | None = None) -> list[Sentence]:
    """The text as sentences, lines joined (a PDF breaks sentences across lines); with
    `only`, just the sentences whose normalised text (spaces still in) matches it: the
    others cost nothing. `norm` is `normalised(text)` when the caller has it."""
    norm = normalised(text) if norm is None else norm
    newlines = [m.start() for m in _NEWLINE.finditer(norm)]
    ends = [m.end() for m in _SENTENCE_END.finditer(norm)] + [len(norm)]
    out = []
    for start, end in _spans(norm, ends, only):
        if start < end:
            sentence = _sentence(norm, start, end, newlines)
            if sentence.text:
                out.append(sentence)
    return out


def _spans(norm: str, ends: list[int], only: re.Pattern | None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, or with `only` of each sentence it matches in: one
    scan of the whole text rather than a search per sentence (a report has hundreds, a
    statement's unit is in a few). Where every match of that scan lies inside one
    sentence (nothing in `_COUNT_PRINTED` can match a sentence end), the sentences it
    starts in are those `only.search(norm, start, end)` finds; where one does not, the
    search per sentence it is."""
    spans = list(zip([0, *ends[:-1]], ends, strict=True))
    if only is None:
        return spans
    kept: list[int] = []
    for m in only.finditer(norm):
        k = bisect_right(ends, m.start())  # the sentence the match starts in
        if m.end() > ends[k]:
            return [(s, e) for s, e in spans if only.search(norm, s, e)]
        if not kept or kept[-1] != k:
            kept.append(k)
    return [spans[k] for k in kept]


def _sentence(norm: str, start: int, end: int, newlines: list[int]) -> Sentence:
    """Whitespace removed, except a space between two digits (it separates two numbers)."""
    chars, lines = [], []
    for m in _KEPT.finditer(norm, start, end):
        line = bisect_right(newlines, m.start()) + 1
        piece = " " if m.group().isspace() else m.group()
        chars.append(piece)
        lines += [line] * len(piece) if piece != " " else [line]
    return Sentence("".join(chars), tuple(lines))


def read_statements(text: str, year: int | None, declared: Statements | None = None,
                    norm: str | None = None) -> list[Reading]:
    """Every statement the text makes that can be read without doubt, once per statement."""
    declared = declared or load_statements()
    found: list[Reading] = []
    for k, s in enumerate(sentences(text, _COUNT_PRINTED, norm)):
        for st in declared.statements:
            for pattern in st.patterns:
                for m in pattern.finditer(s.text):
                    if st.context and not st.context.search(s.text, 0, m.start("n")):
                        continue
                    if not _doubtful(s.text, m, year, declared):
                        found.append(_reading(st, s, k, m))
    return _unambiguous(found)


def _reading(st: Statement, s: Sentence, k: int, m: re.Match) -> Reading:
    start, end = m.span("n")
    lo = max(0, min(m.start(), start - _SHOWN // 2))
    return Reading(st, int(m.group("n").replace(",", "")), s.text[lo:lo + _SHOWN],
                   s.lines[start], (k, start, end))


def _doubtful(text: str, m: re.Match, year: int | None, declared: Statements) -> bool:
    """Whether the statement may speak of something else: a doubt word in its clause, a
    count that is not exact, or another year named in its sentence before it (a year
    opening a sentence sets the period of all its clauses)."""
    starts = [c.end() for c in _CLAUSE_START.finditer(text, 0, m.start())]
    clause = text[starts[-1] if starts else 0:m.end()]
    if declared.doubt.search(clause) or declared.approximate.match(text, m.end()):
        return True
    return any(year is None or int(y) != year for y in _YEAR.findall(text, 0, m.end()))


def _unambiguous(found: list[Reading]) -> list[Reading]:
    """One reading per statement; none for a statement read with two numbers, or for a
    printed number two statements read."""
    by_span: dict[tuple, set[str]] = {}
    by_statement: dict[str, set[int]] = {}
    for r in found:
        by_span.setdefault(r.span, set()).add(r.statement.id)
        by_statement.setdefault(r.statement.id, set()).add(r.value)
    out: dict[str, Reading] = {}
    for r in found:
        if len(by_span[r.span]) == 1 and len(by_statement[r.statement.id]) == 1:
            out.setdefault(r.statement.id, r)
    return list(out.values())


def check_statements(text: str, report: ParsedReport,
                     norm: str | None = None) -> tuple[list[CheckResult], list[Flag]]:
    """A `text` check per statement bound to cells of the report's format, and a
    `text_disagrees` flag for each that fails."""
    checks, flags = [], []
    for r in read_statements(text, report.report_year, norm=norm):
        cells = r.statement.cells(report.format_version)
        if cells is None:
            continue
        check = _check(r, cells, report)
        checks.append(check)
        if check.status == "fail":
            flags.append(Flag("text_disagrees",
                              f"the text states {r.value} (line {r.line}) where the table has "
                              f"{_fmt(check.rhs)} ({' + '.join(cells)})",
                              cells[0] if len(cells) == 1 else None))
    return checks, flags


def _check(r: Reading, cells: tuple[str, ...], report: ParsedReport) -> CheckResult:
    values = [report.cells[c].value if c in report.cells else None for c in cells]
    ref = f"line {r.line}"
    cid = CHECK_PREFIX + r.statement.id
    if None in values:
        nulls = [c for c, v in zip(cells, values, strict=True) if v is None]
        return CheckResult(cid, "text", "not_evaluable", None, None, None,
                           f"the text states {r.value}; {len(nulls)} null cell(s), e.g. "
                           f"{nulls[0]}", r.sentence, ref)
    table = sum(values)
    status = "pass" if table == r.value else "fail"
    note = (f"the text states {r.value}, the table {_fmt(table)}" if status == "fail" else
            f"the text states {r.value}")
    return CheckResult(cid, "text", status, r.value, table, r.value - table, note,
                       r.sentence, ref)


def _fmt(x: float | None) -> str:
    return "null" if x is None else str(int(x)) if float(x).is_integer() else str(x)
