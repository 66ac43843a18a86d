"""Whether a listing entry's title names an annual report on government information
disclosure, and its report year: the rules in titles.yaml (declared there once).

Belongs here: deciding on a title. Not here: finding entries on a page (listing.py) or
walking a site (discover.py). The year comes from the title alone: a URL's digits or a
publication date name when a page was made, not which year it reports on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from pipelines.textnorm import nfkc, to_simplified

RULES = Path(__file__).with_name("titles.yaml")
_DIGITS = {ch: str(n) for n, chars in enumerate(
    ["〇○零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]) for ch in chars}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TitleVerdict:
    """A title judged: `year` is set exactly when it is a report; else `reason` says why."""

    title: str
    year: int | None
    reason: str | None = None

    @property
    def is_report(self) -> bool:
        return self.year is not None


@dataclass(frozen=True)
class _Rules:
    report: re.Pattern
    year: re.Pattern
    chinese_year: re.Pattern
    skip: tuple[tuple[re.Pattern, str], ...]


@cache
def _rules() -> _Rules:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return _Rules(re.compile(data["report"]), re.compile(data["year"]),
                  re.compile(data["chinese_year"]),
                  tuple((re.compile(rule["pattern"]), rule["reason"])
                        for rule in data["skip"]))


def normalise(title: str) -> str:
    """The title as compared: NFKC, simplified characters, no whitespace."""
    return _SPACE.sub("", to_simplified(nfkc(title)))


def judge(title: str) -> TitleVerdict:
    """Keep the title (with its year) or say why not (titles.yaml, in its order)."""
    rules = _rules()
    text = normalise(title)
    for pattern, reason in rules.skip:
        if pattern.search(text):
            return TitleVerdict(title, None, reason)
    if not rules.report.search(text):
        return TitleVerdict(title, None, "not an annual report on government information "
                                         "disclosure (政府信息公开工作年度报告)")
    year = title_year(text)
    if year is None:
        return TitleVerdict(title, None, "no report year in the title (the year is never "
                                         "taken from the URL)")
    return TitleVerdict(title, year)


def title_year(text: str) -> int | None:
    """The first year the (normalised) title names: 2023年(度) or 二〇二三年(度)."""
    rules = _rules()
    found = rules.year.search(text)
    if found:
        return int(found.group(1))
    found = rules.chinese_year.search(text)
    if found:
        return int("".join(_DIGITS[ch] for ch in found.group(1)))
    return None
