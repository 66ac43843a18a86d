"""Label normalisation: the comparison form shared by template labels and printed cells."""

from __future__ import annotations

import pytest

from pipelines.recognise.normalise import (
    normalise,
    strip_pinyin,
    to_simplified,
    without_trailing_note,
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("规章", "规章"),
        ("商业\n企业", "商业企业"),  # a label wrapped inside its cell
        ("本年新\n\n制作数量", "本年新制作数量"),
        ("本年新製作數量", "本年新制作数量"),  # traditional
        ("（一）予以公开", "(一)予以公开"),  # full-width brackets
        ("１、本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息"),
        ("1．本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息"),
        ("“予以公开”", '"予以公开"'),
        ("數(shù)據(jù)", "数据"),  # pinyin injected by spam mirrors
        ("上一年项目数量（指2019年事项数）", "上一年项目数量(指2019年事项数)"),
    ],
)
def test_normalise(printed: str, expected: str) -> None:
    assert normalise(printed) == expected


def test_to_simplified_keeps_whitespace() -> None:
    assert to_simplified("政府信息公開\n工作 年度報告") == "政府信息公开\n工作 年度报告"


def test_strip_pinyin_only_after_han_characters() -> None:
    assert strip_pinyin("拖市鎮(zhèn)") == "拖市鎮"
    assert strip_pinyin("(zhèn)") == "(zhèn)"
    assert strip_pinyin("总计(合计)") == "总计(合计)"


def test_without_trailing_note() -> None:
    assert without_trailing_note("上一年项目数量(指2019年事项数)") == "上一年项目数量"
    assert without_trailing_note("规章") is None
    assert without_trailing_note("(一)") is None  # nothing left but the note
    assert without_trailing_note("(一)予以公开") is None  # a leading number is not a note


def test_trailing_colon_or_stop_dropped() -> None:
    from pipelines.recognise.normalise import normalise

    assert normalise("规章：") == normalise("规章") == "规章"
    assert normalise("（七）总计。") == normalise("（七）总计")
    assert normalise("1、") == "1."  # an item number alone keeps its mark
