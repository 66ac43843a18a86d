"""The label index: statutory labels of both versions, looked up in normalised form."""

from __future__ import annotations

import pytest

from pipelines.recognise.labels import Label, label_index
from pipelines.recognise.normalise import normalise

BOTH = frozenset({"gov_2019", "gov_2021"})


def lookup(printed: str) -> tuple[Label, ...]:
    return label_index().lookup(normalise(printed))


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("规章", Label("row", "t2", "regulations", BOTH)),
        ("规范性文件", Label("row", "t2", "normative_documents", frozenset({"gov_2019"}))),
        ("行政规范性文件", Label("row", "t2", "normative_documents", frozenset({"gov_2021"}))),
        ("第二十条第（一）项", Label("caption", "t2", "art20_1", BOTH)),
        ("信息内容", Label("header", "t2", "信息内容", BOTH)),
        ("本年新製作數量", Label("column", "t2", "newly_made", frozenset({"gov_2019"}))),
        ("上一年项目数量(指2019年事项数)",
         Label("column", "t2", "prev_year_items", frozenset({"gov_2019"}))),
        ("上一年项目数量（指2019年事项数）",
         Label("column", "t2", "prev_year_items", frozenset({"gov_2019"}))),
        ("商业\n企业", Label("column", "t3", "commercial_enterprise", BOTH)),
        ("（一）予以公开", Label("row", "t3", "granted", BOTH)),
        ("1、本机关不掌握相关政府信息", Label("row", "t3", "unable_not_held", BOTH)),
        ("三、本年度办理结果", Label("group", "t3", "results", BOTH)),
        ("（七）总计", Label("row", "t3", "results_total", BOTH)),
        ("结果维持", Label("column", "t4", "upheld", BOTH)),
        # a CSS table (no padding) prints the next block's caption under the last label,
        # joined as the label's rest: a caption is no part of a label
        ("其他对外管理服务事项\n第二十条第（五）项",
         Label("row", "t2", "other_external_services", frozenset({"gov_2019"}))),
        ("行政规范性文件\n第二十条第（五）项",
         Label("row", "t2", "normative_documents", frozenset({"gov_2021"}))),
    ],
)
def test_lookup(printed: str, expected: Label) -> None:
    assert lookup(printed) == (expected,)


def test_lookup_of_a_shared_label_returns_every_meaning() -> None:
    assert lookup("总计") == (Label("column", "t3", "total", BOTH),
                              Label("column", "t4", "total", BOTH))


@pytest.mark.parametrize("printed", ["不存在的标签", "维持", "", "(备注)"])
def test_lookup_misses(printed: str) -> None:
    assert lookup(printed) == ()


def test_version_specific() -> None:
    assert lookup("规范性文件")[0].version_specific == "gov_2019"
    assert lookup("规章")[0].version_specific is None


def test_pattern_finds_labels_inside_run_together_text() -> None:
    text = "信息内容 上一年项目数量 本年增/减 处理决定数量 行政许可 396 442 278"
    found = [m.group() for m in label_index().pattern.finditer(text)]
    assert found == ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可"]
