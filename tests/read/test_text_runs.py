"""Text laid out by position whose neighbouring cells' digits run together (text_runs.py).

The texts are pdftotext 24's `-layout` of Chromium's prints of the `div-table` variant
(tests/renderings/variants.py: every table drawn with `<div>`s, no padding), copied as
printed: a column's widest number against the next column's first digit, one word.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.read.text_aligned import _is_value
from pipelines.read.text_columns import printed_row
from pipelines.read.text_runs import runs_shown

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
LEADING_ZERO = "005.pdftotext-layout-div-table.txt"
CROSSING = "huaian-2024.pdftotext-layout-div-table.txt"
PADDED = "huaian-2024.pdftotext-layout-html-plain.txt"
T3_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
              "public_interest_org", "legal_service_org", "other_org", "total")


def _values(name: str) -> dict[str, float | None]:
    text = (DUMPS / name).read_bytes()
    report = parse_bytes(f"{name.split('.')[0]}.txt", text)
    return {cid: c.value for cid, c in report.cells.items()}


def _row(values: dict[str, float | None], row: str) -> list[float | None]:
    return [values[f"t3.{row}.{k}"] for k in T3_COLUMNS]


def _count(values: dict[str, float | None], table: str) -> int:
    return sum(v is not None for cid, v in values.items() if cid.startswith(f"{table}."))


def _rows(name: str, lines: range) -> list:
    text = (DUMPS / name).read_text(encoding="utf-8").split("\n")
    return [printed_row(k, text[k], _is_value) for k in lines]


def test_words_with_a_leading_zero_are_split_by_the_identities() -> None:
    # 005: `23 0 0 0 0023` (23, 0, 0, 0, 0, 0, 23), `7 0 0 000 7`; 四's 15 zeros as
    # `0 0 0 0 0 0 0 0 0 0 00000`. Before, 三 and 四 null (ambiguous_columns: the words
    # taken for cells with dropped blanks, too many placements)
    values = _values(LEADING_ZERO)
    assert _row(values, "new_received") == [23, 0, 0, 0, 0, 0, 23]
    assert _row(values, "granted") == [7, 0, 0, 0, 0, 0, 7]
    assert _row(values, "unable_not_held") == [7, 0, 0, 0, 0, 0, 7]
    assert _row(values, "not_processed_repeat") == [3, 0, 0, 0, 0, 0, 3]
    assert _count(values, "t3") == 161
    assert [v for cid, v in values.items() if cid.startswith("t4.")] == [0] * 15


def test_a_word_reaching_into_the_next_column_is_split_by_the_identities() -> None:
    # huaian: `3001 53 0 0 614 3119` (法律服务机构 61, 其他 4), `614` starting where
    # the next row's `0` of 法律服务机构 starts and reaching past its `0` of 其他; no word
    # with a leading zero. Before, the row null (none of its placements fits its sum)
    values = _values(CROSSING)
    assert _row(values, "new_received") == [3001, 53, 0, 0, 61, 4, 3119]
    assert _row(values, "granted") == [1288, 21, 0, 0, 50, 3, 1362]
    assert _row(values, "unable_not_held") == [746, 12, 0, 0, 10, 1, 769]
    assert _row(values, "results_total") == [2932, 53, 0, 0, 61, 4, 3050]
    assert _count(values, "t3") == 175
    # 四's `26 1211620` splits as 12 1 1 6 20 or 1 2 1 16 20: its identities hold on both
    assert _count(values, "t4") == 0


def test_runs_shown() -> None:
    # （七）总计's `614` (line 67) starts with the `0` of 法律服务机构 of the rows above
    # (`108 2 0 0 0 0 110`), their next word starts inside it (其他), the words on either side
    # start with its row's: run together
    assert runs_shown(_rows(CROSSING, range(59, 69)))
    # 一、本年新收's `614` (line 34): one row so (line 35) may be chance
    assert not runs_shown(_rows(CROSSING, range(33, 36)))
    # (二)部分公开's total `454` (line 41) starts with 其他's `0` of the rows below, their
    # total inside it: its row pushed a column right by its label, as many values as theirs
    assert not runs_shown(_rows(CROSSING, range(40, 50)))
    # 二 of the same page: words of different columns, none crossing another's start
    assert not runs_shown(_rows(CROSSING, range(9, 24)))
    # a word with a leading zero alone shows it (005's `0023`)
    assert runs_shown(_rows(LEADING_ZERO, range(40, 41)))
    # a line of one value prints no cells side by side
    assert not runs_shown(_rows(LEADING_ZERO, range(29, 31)))
    # the same report printed with padded cells (`html-plain`): `3001` of 一、本年新收 starts
    # where a pushed row's `67` does (`行政机关不再处理… 67 3  0 0 1 0 71`, its `3`
    # within 3001's span), a row of as many values
    assert not runs_shown(_rows(PADDED, range(0, 80)))
