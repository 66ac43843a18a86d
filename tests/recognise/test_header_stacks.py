"""Header cells that `pdftotext -layout` wrapped line by line, their pieces side by side,
stacked back by column, and the order of the labels they spell (column_order.py).

The lines are pdftotext 24's `-layout` text of Chromium's prints of the labelled reports
(tests/renderings/cross_pdftext.py), copied as printed.
"""

from __future__ import annotations

import re

from pipelines.document import PlacedWord
from pipelines.recognise.column_order import _header_words, misordered_tables
from pipelines.recognise.header_stacks import stacked_labels
from schemas.template import load_template

V2021 = load_template().version("gov_2021")
NAMES = frozenset(_header_words(V2021.id)[1])


def _band(lines: list[str]) -> tuple[PlacedWord, ...]:
    return tuple(PlacedWord(k, m.start(), m.group())
                 for k, line in enumerate(lines) for m in re.finditer(r"\S+", line))


def _labels(lines: list[str]) -> list[str]:
    return [text for _, text in stacked_labels(_band(lines), NAMES)]


# 004, 三's five organisations printed in reverse order
ORGS_REVERSED = [
    "                              申请人情况",
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于第三 自 法人或其他组织",
    "   项加第四项之和）                   然 其 法律服 社会公 科研 商业 总计",
    "                              人 他 务机构 益组织 机构 企业",
]
# 004, 法人或其他组织 printed before 自然人
LEGAL_FIRST = [
    "                              申请人情况",
    "   （本列数据的勾稽关系为：第一项加第二项之和，等于第三 法人或其他组织         自 总",
    "   项加第四项之和）                   商业 科研 社会公 法律服 其 然 计",
    "                              企业 机构 益组织 务机构 他 人",
]


def test_pieces_side_by_side_are_stacked_by_column() -> None:
    assert _labels(ORGS_REVERSED) == ["申请人情况", "自然人", "法人或其他组织", "其他",
                                      "法律服务机构", "社会公益组织", "科研机构", "商业企业",
                                      "总计"]
    assert misordered_tables([], V2021, (_band(ORGS_REVERSED),)) == {
        "t3": ["其他", "法律服务机构", "社会公益组织", "科研机构", "商业企业"]}


def test_a_merged_cell_over_the_pieces_stays_apart() -> None:
    # 法人或其他组织 starts where 商业 does below it: no label begins 法人或其他组织商业
    assert misordered_tables([], V2021, (_band(LEGAL_FIRST),)) == {
        "t3": ["法人或其他组织", "自然人", "总计"]}


def test_two_columns_of_table_two_swapped() -> None:
    lines = ["   信息内容    本年废 本年制 现行有", "           止件数 发件数 效件数"]
    assert misordered_tables([], V2021, (_band(lines),)) == {
        "t2": ["本年废止件数", "本年制发件数", "现行有效件数"]}


def test_a_cell_of_one_line_centred_between_a_neighbours_two() -> None:
    # thousands, 001: 四's groups centred at heights of their own, the first group's
    # second lines under the lawsuit groups' first: in the template's order
    lines = [
        "  行政复议             行政诉讼",
        "  结果 结果 其他结 尚未 总计 未经复议直接起诉          复议后起诉",
        "                   结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计",
        "  维持 纠正 果 审结       维持 纠正 结果 审结      维持 纠正 结果 审结",
    ]
    assert _labels(lines).count("结果维持") == 3
    assert misordered_tables([], V2021, (_band(lines),)) == {}


def test_stacks_at_one_character_ordered_on_a_line_they_share() -> None:
    # 001, 四's first two columns swapped: 总 / 计 drifts left as 结果 / 纠正 drifts right,
    # both stacks start at character 16; on their shared line 计 prints left of 结果
    lines = [
        "  行政复议              行政诉讼",
        "   结果 结果 其他结 尚未 总 未经复议直接起诉      复议后起诉",
        "   纠正 维持 果 审结 计 结果   结果 其他 尚未 总 结果 结果 其他 尚未 总",
        "                  纠正 维持 结果 审结 计 纠正 维持 结果 审结 计",
    ]
    found = misordered_tables([], V2021, (_band(lines),))
    assert found == {"t4": ["结果纠正", "结果维持", "其他结果", "尚未审结", "总计"] * 3}


def test_a_drifted_header_read_in_part_says_nothing() -> None:
    # word-html, 004: pdftotext's drift puts the lawsuit groups' second lines four
    # characters off: a piece joins its neighbour's cell (a second 结果维持 in the last
    # group, none in the middle one). The template's order, not read whole: no finding.
    lines = [
        "            行政复议                           行政诉讼",
        "    结果 结果 其他 尚未 总计 结果 结果       未经复议直接起诉                复议后起诉",
        "    维持 纠正 结果 审结                   其他 尚未 总计 结果 结果 其他 尚未 总计",
        "                           维持 纠正 结果 审结         维持 纠正 结果 审结",
    ]
    assert misordered_tables([], V2021, (_band(lines),)) == {}
