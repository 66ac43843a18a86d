"""The statutory tables' numbering, as every reader and the recogniser read it."""

from __future__ import annotations

import pytest

from pipelines.numbering import ITEM_START, ROW_NUMBER, holds_row_item, item_beside, opens_row_item


@pytest.mark.parametrize("text", ["1.本机关不掌握相关政府信息", "2、其他", "（三）不予公开",
                                  "(六)其他处理", "四、政府信息公开行政复议", "１．依申请"])
def test_a_label_opens_an_item(text: str) -> None:
    assert ITEM_START.match(text)


@pytest.mark.parametrize("text", ["4.", "12、", " 4 . "])
def test_a_row_number_alone(text: str) -> None:
    assert ROW_NUMBER.match(text) and opens_row_item(text)


@pytest.mark.parametrize("text", ["4.5", "1.5万元", "（三）不予", "三、", "123.其他"])
def test_a_decimal_or_a_group_is_no_row_item(text: str) -> None:
    assert not opens_row_item(text)


def test_an_item_number_inside_a_piece() -> None:
    assert holds_row_item("（四）无2.没有")  # after a group label's piece
    assert not holds_row_item("（四）无法提供")


# pdftotext -layout of the seed at mean 2 seed 3: `1.信访举报投诉类申请 2.重复申请` over
# `（五）不予 1 1`; of 011 at mean 3 seed 4: `（三）不予 4.保护第三方合法权益 5.属于三类内`.
@pytest.mark.parametrize("before", [["1.信访举报投诉类申请"],
                                    ["（三）不予", "4.保护第三方合法权益"]])
def test_two_rows_labels_on_one_line(before: list[str]) -> None:
    assert item_beside(before)


@pytest.mark.parametrize("before", [[], ["（三）不予"], ["（四"], ["公开"]])
def test_a_group_labels_piece_beside_a_row_label(before: list[str]) -> None:
    assert not item_beside(before)
