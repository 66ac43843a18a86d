"""A row whose words pdftotext -layout printed out of their order (read/text_swaps.py),
on its text of LibreOffice's PDF of a labelled report's DOCX, revalued; and a row a long
label squeezes, from its text of Chromium's print, which is no swap."""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.read.text_aligned import _is_value
from pipelines.read.text_columns import place_columns, printed_row
from pipelines.read.text_swaps import misordered_marked

DUMP = Path(__file__).parents[1] / "fixtures" / "dumps" / \
    "huaian-2024.docx-pdftotext-layout-thousands-revalued.txt"
# The PDF's row is 四、结转下年度继续办 | 1,001 | 0 | 0 | 0 | 0 | 0 | 1,001: the `0` of
# 商业企业 printed left of 自然人's `1,001`, nothing under 商业企业's column.
SWAPPED = "四、结转下年度继续办       0 1,001            0       0         0    0      1,001"
IN_ORDER = "四、结转下年度继续办         1,001   0        0       0         0    0      1,001"
CARRIED = "t3.carried_forward."
# pdftotext -layout of Chromium's print of 001 (Huai'an): the long label pushes `2 0`
# left of the row above's `26 1`, in order, one space after the label.
SQUEEZED = [
    "        （一）予以公开                 26 1                   1      0   0   0   28",
    "        （二）部分公开（区分处理的，只计这一情形， 2 0",
    "        不计其他情形）                                        0      0   0   0   2",
]


def _marked(lines: list[str]) -> list[list[str]]:
    rows = misordered_marked(place_columns([printed_row(k, line, _is_value)
                                            for k, line in enumerate(lines)]))
    return [[w.text for w in r.values if w.misordered] for r in rows if r.lines]


def test_a_word_printed_left_of_the_one_before_is_marked() -> None:
    text = DUMP.read_text(encoding="utf-8").splitlines()
    k = text.index(SWAPPED)
    assert [m for m in _marked(text[k - 2:k + 1]) if m] == [["0", "1,001"]]


def test_a_row_a_long_label_squeezes_is_not_marked() -> None:
    assert _marked(SQUEEZED) == [[], []]


def test_the_two_cells_are_null_and_flagged_the_rest_as_in_order() -> None:
    text = DUMP.read_text(encoding="utf-8")
    assert SWAPPED in text
    report = parse_bytes(DUMP.name, text.encode("utf-8"))
    pair = [report.cells[CARRIED + c] for c in ("natural_person", "commercial_enterprise")]
    assert [(c.value, c.state, c.raw_text) for c in pair] == [
        (None, "ambiguous", "0"), (None, "ambiguous", "1,001")]
    assert report.cells[CARRIED + "total"].value == 1001
    assert [f.code for f in report.flags if f.code == "values_order_unproven"] == [
        "values_order_unproven"]
    in_order = parse_bytes(DUMP.name, text.replace(SWAPPED, IN_ORDER).encode("utf-8"))
    assert in_order.cells[CARRIED + "natural_person"].value == 1001
    assert in_order.cells[CARRIED + "commercial_enterprise"].value == 0
    assert not [f for f in in_order.flags if f.code == "values_order_unproven"]
    changed = {k for k, v in report.cells.items() if v.value != in_order.cells[k].value}
    assert changed == {CARRIED + "natural_person", CARRIED + "commercial_enterprise"}
    # 161: 1.属于国家秘密 (`1.属 1,001 0 … 1,001`), its tail past a page break beside
    # its group label's pieces, is read since text_columns._tail_line (was 154)
    assert sum(c.value is not None for c in report.cells.values()) == 161


def test_an_order_an_identity_proves_is_kept() -> None:
    """The same text with 一 and （七） unwrapped and drawn so that 0 (自然人) and 1,001
    (商业企业) are the row's values: both columns' balances hold as read and fail
    swapped, so the order printed is proven and kept, unflagged."""
    lines = DUMP.read_text(encoding="utf-8").split("\n")
    new, total = lines.index(
        "一、本年新收政府信息      49,04   5,005   2,002   0  3,003   2,002   61,06"), \
        lines.index("      （七）总计        51,05   5,005   2,002    0     3,003   2,002   63,06")
    lines[new] = lines[new].replace("49,04   5,005", "48,048  6,006").replace("61,06", "61,061")
    lines[new + 1] = "   公开申请数量"
    lines[total] = lines[total].replace("51,05   5,005", "51,051  5,005").replace("63,06",
                                                                                "63,063")
    lines[total + 1] = ""
    text = "\n".join(lines)
    assert [m for m in _marked(lines[total:total + 3]) if m] == [["0", "1,001"]]
    report = parse_bytes(DUMP.name, text.encode("utf-8"))
    assert [report.cells[CARRIED + c].value for c in ("natural_person",
                                                      "commercial_enterprise")] == [0, 1001]
    assert not [f for f in report.flags if f.code in ("values_order_unproven",
                                                      "values_transposed")]


def test_a_swap_in_a_tables_first_value_row_is_seen_against_the_row_below() -> None:
    """三's first value row (一, no row above in its table) printed as the 四 row above
    is: 商业企业's 5,005 left of 自然人's 49,049, nothing under 商业企业's column. The
    row below (二) is its reference: the two cells are null, flagged (before h-laylacks
    published swapped: 自然人 5,005, 商业企业 49,049)."""
    lines = DUMP.read_text(encoding="utf-8").split("\n")
    new, total = lines.index(
        "一、本年新收政府信息      49,04   5,005   2,002   0  3,003   2,002   61,06"), \
        lines.index("      （七）总计        51,05   5,005   2,002    0     3,003   2,002   63,06")
    lines[new] = "一、本年新收政府信息  5,005 49,049        2,002   0  3,003   2,002   61,061"
    lines[new + 1] = "   公开申请数量"
    lines[total] = lines[total].replace("51,05   5,005", "51,051  5,005").replace("63,06",
                                                                                "63,063")
    lines[total + 1] = ""
    assert _marked(lines[new:new + 3]) == [["5,005", "49,049"], [], []]
    report = parse_bytes(DUMP.name, "\n".join(lines).encode("utf-8"))
    pair = [report.cells["t3.new_received." + c] for c in ("natural_person",
                                                            "commercial_enterprise")]
    assert [(c.value, c.state, c.raw_text) for c in pair] == [
        (None, "ambiguous", "5,005"), (None, "ambiguous", "49,049")]
    assert report.cells["t3.new_received.total"].value == 61061
