"""The agency and report year from a report's opening text, for pages whose title is
missing or cut: a cut title line, then the first sentences of the body.

What is read here is flagged `metadata_from_body` by the recogniser. Page chrome is never
read: only a short line without chrome words can be a cut title, and only sentences
(text with sentence punctuation, no chrome words) are read for the body. An agency is a
name that ends in an organ or division word and is none of the pronouns and quantifiers
reports open with (我镇, 全市, 各部门); when no rule reads one, there is none.

The rules, most explicit first (the first that reads a value wins):
- a cut title: a short line `X2023年政府信息公开…` whose end is lost or garbled;
- a report title quoted in a sentence: 《X2023年政府信息公开工作年度报告》;
- `公布X2025年度政府信息公开…报告` or `公布2025年X政府信息公开…报告`;
- `由X编制`: the compiler; a government's office (X人民政府办公室) compiles the
  government's report (条例 art. 49: the office publishes its government's report), so
  the agency is the government;
- `…，X根据…编制本报告`: the subject of the sentence that says it made this report;
- `2019年，X认真…`: a sentence opening with the year and the agency;
and for the year, besides these: the statistics period (`自2023年1月1日`), then a phrase
`2023年政府信息公开工作`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

# A breadcrumb's ">" (not the <…> of a quoted title) is chrome too.
_CHROME = re.compile(r"当前位置|当前页面|首页|^[^<]*>|来源[:：]|发布(?:时间|日期|机构)|发文日期"
                     r"|时间[:：]|字号|字体|分享|打印|索引号|文号|点击|浏览|登录|注册|主办|承办"
                     r"|版权|备案|ICP|标识码|网站地图|联系我们")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。;；!！?？]")
_HAS_SENTENCE = re.compile(r"[,，。]")
_YEAR = r"(20[12]\d)\s*年"
_REPORT = r"政府信息公开(?:工作)?(?:情况)?(?:年度)?(?:报告|年报)"
_CUT_TITLE = re.compile(rf"^(?P<a>[^\d]{{2,30}}?){_YEAR}度?政府信息公开")
_QUOTED_TITLE = re.compile(rf"《(?P<a>[^《》]{{2,60}}?){_YEAR}度?{_REPORT}》")
_PUBLISHED = (re.compile(rf"公布(?P<a>[^,，。\d]{{2,30}}?){_YEAR}度?{_REPORT}"),
              re.compile(rf"公布{_YEAR}度?(?P<a>[^,，。\d]{{2,30}}?){_REPORT}"))
_COMPILER = re.compile(r"由(?P<a>[^,，。、()（）《》\d]{2,30}?)"
                       r"(?:负责|(?:根据|按照|依据)[^。]*?)?编制")
_SUBJECT = re.compile(r"[,，](?P<a>[^,，。()（）《》\d]{2,30}?)(?:根据|结合|按照)[^。]*?编制"
                      r"(?:了|完成)?(?:本|此)(?:年度)?报告")
_OPENING = re.compile(rf"^{_YEAR}度?[,，](?P<a>[^,，。()（）《》\d]{{2,30}})")
_PERIOD = re.compile(rf"{_YEAR}\s*1\s*月\s*1\s*日")
_YEAR_PHRASE = re.compile(rf"{_YEAR}度?(?:的)?政府信息公开(?:工作)?")
# An agency's name ends in one of these; an opening sentence's name is the shortest
# prefix ending so, with the office words that directly follow it.
_ORGAN = re.compile(r"人民政府|政府|管理委员会|管委会|委员会|办事处|办公室|办公厅|局|厅|署"
                    r"|镇|乡|街道|区|县|市|州|旗|盟")
_STRONG = re.compile(r"人民政府|管理委员会|管委会|委员会|办事处|办公室|办公厅|局|镇|乡|街道")
_OFFICE_AFTER = re.compile(r"(?:人民政府|办公室|办公厅|党政办公室|管委会|办事处)+")
_GOVERNMENT_OFFICE = re.compile(r"(.+人民政府)(?:办公室|办公厅|党政办公室|党政办|综合办公室)$")
_NOT_A_NAME = re.compile(r"^[我本全各该在按根为对于经通截共自以现特从由这此]|[A-Za-z_@:：]")
# What follows a name that is part of a longer noun (上饶市人民政府网站发布…), not the agency.
_NOUN_GOES_ON = re.compile(r"网|门户|微信|公众号|平台|信息|政务|所属|下属|各|和|及|与|、|的")
# Spam mirrors inject gambling keywords ("uedbet体育_uedbet官网@:") into names.
INJECTED = re.compile(r"[A-Za-z0-9]+[\u4e00-\u9fff]*_[^@]*@[:：]?")
_MAX_SENTENCES = 3


@dataclass(frozen=True)
class Opening:
    agency: str | None
    year: int | None
    source: str  # which rule read them, for the flag's message


def read_opening(lines: list[str]) -> Opening | None:
    """Agency and year from a cut title or the first sentences; None when neither is read."""
    agency, year, sources = None, None, []
    for rule, found_agency, found_year in _readings(lines):
        if agency is None and found_agency:
            agency = found_agency
            sources.append(f"agency from {rule}")
        if year is None and found_year:
            year = found_year
            sources.append(f"year from {rule}")
    if agency is None and year is None:
        return None
    return Opening(agency, year, "; ".join(sources))


def _readings(lines: list[str]):
    """(rule, agency, year) for every rule that reads something, most explicit first."""
    cut = _cut_title(lines)
    if cut:
        yield "a cut title line", _name(cut.group("a")), int(cut.group(2))
    sentences = _sentences(lines)
    text = "。".join(s for s, _ in sentences)
    for rule, pattern in (("a quoted title", _QUOTED_TITLE), ("公布…报告", _PUBLISHED[0]),
                          ("公布…报告", _PUBLISHED[1])):
        if m := pattern.search(text):
            yield rule, _name(m.group("a")), int(_year_of(m))
    if m := _COMPILER.search(text):
        yield "由…编制", _name(_government_of(m.group("a"))), None
    if m := _SUBJECT.search(text):
        yield "the subject of 编制本报告", _name(m.group("a")), None
    if m := _PERIOD.search(text):
        yield "the statistics period", None, int(m.group(1))
    if m := _YEAR_PHRASE.search(text):
        yield "a year of 政府信息公开工作", None, int(m.group(1))
    for sentence, opens_paragraph in sentences:
        if opens_paragraph and (m := _OPENING.match(sentence)):
            yield "an opening sentence", _opening_name(m.group("a")), int(m.group(1))


def _year_of(m: re.Match) -> str:
    return next(g for g in m.groups() if g and re.fullmatch(r"20[12]\d", g))


def _cut_title(lines: list[str]) -> re.Match | None:
    for line in islice((ln for ln in lines if ln), 12):
        compact = _SPACE.sub("", line)
        short = len(compact) <= 50 and not _HAS_SENTENCE.search(compact)
        if short and not _CHROME.search(compact) and (m := _CUT_TITLE.match(compact)):
            return m
    return None


def _sentences(lines: list[str]) -> list[tuple[str, bool]]:
    """The first sentences of the body, each with whether it opens a paragraph: prose
    lines only (chrome has no sentences)."""
    out: list[tuple[str, bool]] = []
    for line in lines:
        compact = _SPACE.sub("", line)
        if len(compact) < 20 or not _HAS_SENTENCE.search(compact) or _CHROME.search(compact):
            continue
        pieces = [s for s in _SENTENCE_END.split(compact) if s]
        out += [(s, k == 0) for k, s in enumerate(pieces)]
        if len(out) >= _MAX_SENTENCES:
            break
    return out[:_MAX_SENTENCES]


def _government_of(compiler: str) -> str:
    m = _GOVERNMENT_OFFICE.match(compiler)
    return m.group(1) if m else compiler


def _name(candidate: str | None) -> str | None:
    """The candidate if it is an agency's name: ends in an organ word, not a pronoun."""
    if not candidate:
        return None
    candidate = INJECTED.sub("", candidate).strip("的")
    ends = [m.end() for m in _ORGAN.finditer(candidate)]
    if not ends or ends[-1] != len(candidate) or _NOT_A_NAME.search(candidate):
        return None
    return candidate


def _opening_name(rest: str) -> str | None:
    """The agency at the start of `2019年，文登区住建局认真…`: up to the first strong organ
    word, with the office words directly after it (人民政府办公室)."""
    first = _STRONG.search(rest)
    if first is None:
        return None
    end = first.end()
    if after := _OFFICE_AFTER.match(rest, end):
        end = after.end()
    if _NOUN_GOES_ON.match(rest, end):
        return None
    return _name(rest[:end])
