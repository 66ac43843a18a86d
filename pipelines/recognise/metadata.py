"""The agency and report year, read from the report's title and opening text."""

from __future__ import annotations

import re

from pipelines.recognise.normalise import strip_pinyin, to_simplified

_TITLE = re.compile(r"政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年度报告)")
_YEAR = re.compile(r"(20[12]\d)\s*年\s*度?")
_PERIOD = re.compile(r"(20[12]\d)\s*年\s*1\s*月\s*1\s*日")
_PREFIXES = re.compile(r"^(标题|题目|title)\s*[:：]\s*", re.IGNORECASE)
_WRAPPERS = re.compile(r"[《》“”\"\s]")
# Spam mirrors inject gambling keywords ("uedbet体育_uedbet官网@:") into names.
_INJECTED = re.compile(r"[A-Za-z0-9]+[\u4e00-\u9fff]*_[^@]*@[:：]?")
_AGENCY_TAIL = re.compile(r"(关于)?$")


def _title_line(text: str) -> str | None:
    """The first line (or pair of lines: titles wrap) naming the report and a year."""
    lines = [_PREFIXES.sub("", ln.strip()) for ln in text.splitlines()[:60] if ln.strip()]
    for i, line in enumerate(lines):
        for candidate in (line, line + "".join(lines[i + 1:i + 2])):
            candidate = re.sub(r"\s+", "", candidate)
            if _TITLE.search(candidate) and _YEAR.search(candidate) and len(candidate) <= 80:
                return candidate
    return None


def _agency(title: str) -> str | None:
    head = _TITLE.split(title)[0]
    head = _INJECTED.sub("", _WRAPPERS.sub("", head))
    parts = [p for p in _YEAR.split(head) if p and not re.fullmatch(r"20[12]\d", p)]
    name = max(parts, key=len) if parts else ""
    name = _AGENCY_TAIL.sub("", name).strip("的（）() ")
    return name or None


def read_metadata(text: str) -> tuple[str | None, int | None]:
    """(agency, report year) from the title line, else the statistics period."""
    simplified = strip_pinyin(to_simplified(text[:20_000]))
    title = _title_line(simplified)
    agency = _agency(title) if title else None
    year_match = _YEAR.search(title) if title else _PERIOD.search(simplified)
    return agency, int(year_match.group(1)) if year_match else None
