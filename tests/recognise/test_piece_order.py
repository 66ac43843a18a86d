"""三's column order from its header's pieces line by line (recognise/piece_order.py).

Header bands as `pdftotext -layout` prints Chromium's prints of the HTML variants of the
labelled report 001 (005 where said), copied from the text.
"""

from __future__ import annotations

import re

from pipelines.document import PlacedWord
from pipelines.recognise.column_map import SUBTOTAL
from pipelines.recognise.piece_order import printed_order

V = "gov_2021"
ORGS = ("commercial_enterprise", "research_institution", "public_interest_org",
        "legal_service_org", "other_org")

TOTAL_FIRST = [
    "                             申请人情况",
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于第      自然   法人或其他组织",
    "   三项加第四项之和）                 总计 人 商业 科研 社会公 法律服 其",
    "                                       企业 机构 益组织 务机构 他",
]
NATURAL_LAST = [
    "                             申请人情况",
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于第 法人或其他组织",
    "   三项加第四项之和）                 商业 科研 社会公 法律服 其 自然",
    "                                             人    总计",
    "                             企业 机构 益组织 务机构 他",
]
SUBTOTAL_COLUMN = [
    "                            申请人情况",
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于 自然 法人或其他组织",
    "   第三项加第四项之和）                  商业 科研 社会 法律 其 小 总计",
    "                            人 企业 机构 公益 服务 他 计",
    "                                     组织 机构",
]
LACKS_COLUMN = [
    "                               申请人情况",
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于第三项 自然 法人或其他组织",
    "   加第四项之和）                     人 商业    社会公 法律服 其 总计",
    "                                    企业 益组织 务机构 他",
]
# a rowspan one short: three organisations printed left, in the labels' column
BROKEN_ROWSPAN = [
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第 申请人情况",
    "   四项之和）                            法人或其他组织",
    "                                 自然 法律 其      总计",
    "   商业企业 科研机构         社会公益组织      人 服务 他",
    "                                    机构",
]
# 005 lacking 科研机构: its 其 printed at the line's end, after 他 and 计
LACKS_COLUMN_005 = [
    "                              申请人情况",
    "  （本列数据的勾稽关系为：第一项加第二项之和，等于第 自然 法人或其他组织          总",
    "  三项加第四项之和）                      商业 社会公益 法律服务",
    "                              人 企业 组织 机构 他 计  其",
]


def _band(lines: list[str]) -> tuple[PlacedWord, ...]:
    return tuple(PlacedWord(k, m.start(), m.group())
                 for k, line in enumerate(lines) for m in re.finditer(r"\S+", line))


def _keys(lines: list[str]) -> tuple[list[str], frozenset[str]] | None:
    found = printed_order((_band(lines),), V)
    return None if found is None else ([k for _, k, _ in found[0]], found[1])


def test_total_first_ordered_by_a_suffix_piece() -> None:
    # 总计 before 人 (自然人's end) before the organisations, 自然 before 法人或其他组织
    assert _keys(TOTAL_FIRST) == (["total", "natural_person", *ORGS], frozenset())


def test_natural_person_last_across_three_lines() -> None:
    assert _keys(NATURAL_LAST) == ([*ORGS, "natural_person", "total"], frozenset())


def test_a_subtotal_piece_among_the_organisations() -> None:
    assert _keys(SUBTOTAL_COLUMN) == (["natural_person", *ORGS, SUBTOTAL, "total"],
                                      frozenset())


def test_a_column_named_nowhere_without_a_trace_is_lacking() -> None:
    orgs = [k for k in ORGS if k != "research_institution"]
    assert _keys(LACKS_COLUMN) == (["natural_person", *orgs, "total"],
                                   frozenset({"research_institution"}))


def test_a_column_among_the_organisations_is_no_order() -> None:
    assert _keys(BROKEN_ROWSPAN) is None


def test_a_column_named_twice_on_a_line_is_no_order() -> None:
    assert _keys(LACKS_COLUMN_005) is None


def test_a_header_naming_no_organisation_is_no_order() -> None:
    # 法人或其他组织 printed as a column of its own, none under it: no order (it raised
    # IndexError, failing the report's parse)
    assert _keys(["   自然人   法人或其他组织   总计"]) is None


def test_two_bands_disagreeing_are_no_order() -> None:
    assert printed_order((_band(TOTAL_FIRST), _band(NATURAL_LAST)), V) is None
    assert printed_order((_band(TOTAL_FIRST), _band(TOTAL_FIRST)), V) is not None
