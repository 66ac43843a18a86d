"""Rows pdftotext -layout split at a label's wrap, joined only where the identities hold
(recognise/layout.py `_split_rows_joined`)."""

from __future__ import annotations

from pipelines.document import TextCell
from pipelines.recognise.layout import tidy


def _line(no: int, *words: str) -> list[TextCell]:
    return [TextCell(w, f"line {no} word {i}", no) for i, w in enumerate(words, 1)]


def test_split_row_whose_identities_hold_is_one_row() -> None:
    cells = _line(52, "一、本年新收政府信息公", "49") + _line(53, "开申请数量", "5", "2", "0",
                                                             "3", "2", "61")
    out = tidy(cells)
    assert [c.text for c in out] == ["一、本年新收政府信息公开申请数量", "49", "5", "2", "0",
                                     "3", "2", "61"]
    assert {c.row for c in out} == {52}


def test_split_row_whose_total_is_not_the_sum_stays_as_printed() -> None:
    # 49+5+2+0+3+2 = 61, printed 62: which value is whose is not proven
    cells = _line(52, "一、本年新收政府信息公", "49") + _line(53, "开申请数量", "5", "2", "0",
                                                             "3", "2", "62")
    assert [c.text for c in tidy(cells)] == [c.text for c in cells]


def test_lines_not_adjacent_or_short_of_the_rows_cells_stay_as_printed() -> None:
    apart = _line(52, "一、本年新收政府信息公", "49") + _line(54, "开申请数量", "5", "2", "0",
                                                             "3", "2", "61")
    assert [c.text for c in tidy(apart)] == [c.text for c in apart]
    short = _line(52, "一、本年新收政府信息公", "49") + _line(53, "开申请数量", "5", "2", "0",
                                                             "3", "54")
    assert [c.text for c in tidy(short)] == [c.text for c in short]
