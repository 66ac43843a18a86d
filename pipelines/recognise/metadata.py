"""The agency and report year, read from the report's title and opening text."""

from __future__ import annotations

import re
from itertools import chain, pairwise

from pipelines.textnorm import strip_pinyin, to_simplified

_TITLE = re.compile(r"政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年度报告)")
_YEAR = re.compile(r"(20[12]\d)\s*年\s*度?")
_PERIOD = re.compile(r"(20[12]\d)\s*年\s*1\s*月\s*1\s*日")
_PREFIXES = re.compile(r"^(标题|题目|title)\s*[:：]\s*", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_WRAPPERS = re.compile(r"[《》“”\"\s]")
# Spam mirrors inject gambling keywords ("uedbet体育_uedbet官网@:") into names.
_INJECTED = re.compile(r"[A-Za-z0-9]+[\u4e00-\u9fff]*_[^@]*@[:：]?")
_AGENCY_TAIL = re.compile(r"(关于)?$")
_CHROME = re.compile(r"[>:：|｜]")
_LEADING_DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_DEFACED = re.compile(r"[A-Za-z_@]")
_NOTICE = re.compile(r"通知|^关于")
_REPORT_SIGNS = re.compile(r"一\s*[、.．]\s*(总体情况|工作基本情况)|本(年度)?报告")


def _is_title(candidate: str, first_line_length: int) -> bool:
    found = _TITLE.search(candidate)
    # A wrapped title starts on the first line; a page header above it does not.
    return (found is not None and found.start() < first_line_length
            and _YEAR.search(candidate) is not None and len(candidate) <= 80)


def _title_line(text: str) -> tuple[str, str] | None:
    """The first line (or pair: titles wrap) naming the report and a year, and the line
    before it (where the agency stands when the title starts with the year)."""
    # Lazily: the title is nearly always on one of the first lines.
    lines = (_SPACE.sub("", _PREFIXES.sub("", ln.strip()))
             for ln in text.splitlines()[:60] if ln.strip())
    before = ""
    for line, following in pairwise(chain(lines, [""])):
        for candidate in (line, line + following):
            if _is_title(candidate, len(line)):
                return candidate, before
        before = line
    return None


def _agency(title: str) -> str | None:
    head = _TITLE.split(title)[0]
    head = _INJECTED.sub("", _WRAPPERS.sub("", head))
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
    head = strip_pinyin(to_simplified(text[:3000]))
    title = _title_line(head)
    if title and _NOTICE.search(title[0]):
        return False
    return title is not None or bool(_REPORT_SIGNS.search(head))


def read_metadata(text: str) -> tuple[str | None, int | None]:
    """(agency, report year) from the title line, else the statistics period."""
    simplified = strip_pinyin(to_simplified(text[:20_000]))
    found = _title_line(simplified)
    if found is None:
        year = _PERIOD.search(simplified)
        return None, int(year.group(1)) if year else None
    title, before = found
    if _NOTICE.search(title):
        return None, None  # a notice about reports names no reporting agency
    agency = _agency(title)
    if agency is None and _YEAR.match(title) and len(before) <= 40:
        agency = _agency(before + title)
    return agency, int(_YEAR.search(title).group(1))
