"""The agency and report year, read from the report's title, else from its opening text
(opening.py: a cut title or the first sentences, which the recogniser flags)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, pairwise

from pipelines.recognise.markup import unmarked_text
from pipelines.recognise.opening import INJECTED, read_opening
from pipelines.textnorm import strip_pinyin, to_simplified

_TITLE_OPENING = "政府信息公开"  # every title starts with it
_TITLE = re.compile(_TITLE_OPENING + r"(?:工作)?(?:年度)?(?:工作)?(?:报告|年度报告)")
_YEAR = re.compile(r"(20[12]\d)\s*年\s*度?")
_PERIOD = re.compile(r"(20[12]\d)\s*年\s*1\s*月\s*1\s*日")
_PREFIXES = re.compile(r"^(标题|题目|title)\s*[:：]\s*", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_WRAPPERS = re.compile(r"[《》“”\"\s]")
_AGENCY_TAIL = re.compile(r"(关于)?$")
_CHROME = re.compile(r"[>:：|｜]")
_LEADING_DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_DEFACED = re.compile(r"[A-Za-z_@]")
_NOTICE = re.compile(r"通知|^关于")
_SENTENCE = re.compile(r"[,，。]")
_REPORT_SIGNS = re.compile(r"一\s*[、.．]\s*(总体情况|工作基本情况)|本(年度)?报告")


def _is_title(candidate: str, first_line_length: int) -> bool:
    found = _TITLE.search(candidate)
    # A wrapped title starts on the first line; a page header above it does not. A
    # sentence naming the report (…，现公布X2022年度…报告。) is body text, not a title.
    return (found is not None and found.start() < first_line_length
            and _YEAR.search(candidate) is not None and len(candidate) <= 80
            and not _SENTENCE.search(candidate[:found.start()]))


def _prose(text: str) -> str:
    """The opening text as read for metadata: simplified, pinyin and lightweight markup
    (`**title**`, `# title`, rst adornment lines, links, entities) removed."""
    return unmarked_text(strip_pinyin(to_simplified(text)))


def _titles(lines: list[str]) -> Iterator[tuple[str, str, int]]:
    """Each line (or pair: titles wrap) naming the report and a year, the line before it
    (where the agency stands when the title starts with the year), and its index."""
    before = ""
    for no, (line, following) in enumerate(pairwise(chain(lines, [""]))):
        # Most lines name no title: one substring test spares both candidates' tests.
        if _TITLE_OPENING not in line + following:
            before = line
            continue
        for candidate in (line, line + following):
            if _is_title(candidate, len(line)):
                yield candidate, before, no
                break
        before = line


@dataclass(frozen=True)
class _Titles:
    title: tuple[str, str] | None  # the report's title line and the line before it
    disagree: bool  # the title lines of the opening name other agencies or years


def _title_line(text: str) -> _Titles:
    """The report's title: the first title line, unless titles of other years or
    agencies stand before the report too (a dump prints the page's list of reports, a
    sidebar, before the report). Then of those of the year the statistics period names,
    the one, or the last before the report's first section; else none: neither the
    year nor the agency is guessed."""
    lines = [_SPACE.sub("", _PREFIXES.sub("", ln.strip()))
             for ln in text.splitlines()[:_TITLE_LINES] if ln.strip()]
    found = list(_titles(lines))
    if not _disagree(found):
        return _Titles(found[0][:2] if found else None, False)
    found = [t for t in found if _ends_in_title(t[0])]
    if period := _PERIOD.search(text):
        found = [t for t in found if _year_of(t[0]) == int(period.group(1))]
    if found and not _disagree(found):
        return _Titles(found[0][:2], True)
    body = next((no for no, ln in enumerate(lines) if _REPORT_SIGNS.match(ln)), None)
    chosen = [t for t in found if body is not None and t[2] < body][-1:]
    return _Titles(chosen[0][:2] if chosen else None, True)


_TITLE_TAIL = re.compile(r"[\d\-./:：（）()全文]*")  # a date or （全文） after a title


def _disagree(titles: list[tuple[str, str, int]]) -> bool:
    """Whether the title lines name more than one year, or more than one agency (a title
    whose agency is not read names none). Only lines that end with the title count: a
    line going on after it is a sentence of the body (现将…年度报告公布如下)."""
    read = [_from_title(title, before) for title, before, _ in titles
            if _ends_in_title(title)]
    return (len({year for _, year in read}) > 1
            or len({agency for agency, _ in read if agency is not None}) > 1)


def _ends_in_title(line: str) -> bool:
    return _TITLE_TAIL.fullmatch(line[_TITLE.search(line).end():]) is not None


def _year_of(title: str) -> int:
    return int(_YEAR.search(title).group(1))


def _agency(title: str) -> str | None:
    head = _TITLE.split(title)[0]
    head = INJECTED.sub("", _WRAPPERS.sub("", head))
    # Page chrome before the title: breadcrumbs (>), "来源:…发布时间:…", "登录|注册".
    head = _CHROME.split(head)[-1]
    head = _LEADING_DATE.sub("", head)
    parts = [p for p in _YEAR.split(head) if p and not re.fullmatch(r"20[12]\d", p)]
    name = max(parts, key=len) if parts else ""
    name = _AGENCY_TAIL.sub("", name).strip("的（）() ")
    # Mirror sites replace names with advertising; a name with Latin letters, "_" or "@"
    # is not an agency's name, so it is not published as one.
    if not name or _DEFACED.search(name):
        return None
    return name


def looks_like_report(text: str) -> bool:
    """Whether the text opens like an annual report (a title, its first section, or
    "本报告"), and not like a notice about reports."""
    head = _prose(text[:3000])
    title = _title_line(head).title
    if title and _NOTICE.search(title[0]):
        return False
    return title is not None or bool(_REPORT_SIGNS.search(head))


@dataclass(frozen=True)
class Metadata:
    agency: str | None
    year: int | None
    from_body: str | None = None  # what was read from the opening text and how, else None


def read_metadata(text: str) -> tuple[str | None, int | None]:
    """(agency, report year): see `read_report_metadata`."""
    found = read_report_metadata(text)
    return found.agency, found.year


_HEAD_CHARS = 20_000  # the metadata is read from the text's opening
_TITLE_LINES = 60  # lines the title is looked for in
_OPENING_LINES = 80  # lines the opening text is read from
_HEAD_LINES = 100  # lines prepared first: more than either reads


def _opening_prose(text: str) -> tuple[str, bool]:
    """`_prose` of the text's opening, and whether that is all of its first 20,000
    characters. Only its first 80 lines are read unless the year is missing, so the first
    100 lines are prepared first: every step of `_prose` works line by line (NFKC,
    OpenCC, pinyin, markup never span a line break), so their lines are the first lines
    of the whole opening's. Where they give fewer than 80 lines, the whole opening."""
    head = text[:_HEAD_CHARS]
    lines = head.splitlines(keepends=True)
    if len(lines) <= _HEAD_LINES:
        return _prose(head), True
    prose = _prose("".join(lines[:_HEAD_LINES]))
    if prose.count("\n") < _OPENING_LINES:  # fewer lines than read: not worth proving
        return _prose(head), True
    return prose, False


def read_report_metadata(text: str) -> Metadata:
    """Agency and report year from the title line; what it lacks from the opening text."""
    simplified, whole = _opening_prose(text)
    titles = _title_line(simplified)
    found = titles.title
    if found is not None and _NOTICE.search(found[0]):
        return Metadata(None, None)  # a notice about reports names no reporting agency
    agency, year = _from_title(*found) if found else (None, None)
    if agency is not None and year is not None:
        return Metadata(agency, year)
    opening_lines = simplified.splitlines()[:_OPENING_LINES]
    if found is None and titles.disagree:  # none of them is known to be the report's
        opening_lines = [ln for ln in opening_lines if not _TITLE.search(ln)]
    opening = read_opening(opening_lines)
    sources = []
    if agency is None and opening and opening.agency:
        agency = opening.agency
        sources += [s for s in opening.source.split("; ") if s.startswith("agency")]
    if year is None and opening and opening.year:
        year = opening.year
        sources += [s for s in opening.source.split("; ") if s.startswith("year")]
    if year is None and not whole:  # the statistics period may be anywhere in it
        simplified = _prose(text[:_HEAD_CHARS])
    if year is None and (period := _PERIOD.search(simplified)):
        year = int(period.group(1))
        sources.append("year from the statistics period")
    return Metadata(agency, year, "; ".join(sources) or None)


def _from_title(title: str, before: str) -> tuple[str | None, int]:
    agency = _agency(title)
    if agency is None and _YEAR.match(title) and len(before) <= 40:
        agency = _agency(before + title)
    return agency, _year_of(title)
