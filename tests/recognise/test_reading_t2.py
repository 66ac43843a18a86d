"""Table 二 from a PDF's text in reading order (recognise/reading_t2.py): Chromium's prints
of labelled reports through `pdftotext` without options (tests/fixtures/dumps)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes
from pipelines.read.text_order import simplified_lines
from pipelines.recognise.reading_t2 import values_apart, values_run_on
from schemas.template import load_template

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
HUAIAN = "huaian-2024.pdftotext-reading.txt"
PROCUREMENT = ["t2.centralized_procurement.procurement_items",
               "t2.centralized_procurement.procurement_total_amount"]
# 二 as this print reads: `1` / `0` / `11` / `规章` (three columns, off the label's line),
# `行政规范性文件 8 26 66` (on it), then blocks of one column, a value before its label
HUAIAN_T2 = "\n".join([
    "第二十条第（一）项", "本年制 本年废 现行有", "信息内容", "发件数 止件数 效件数",
    "1", "0", "11", "规章", "行政规范性文件 8 26 66", "第二十条第（五）项", "本年处", "信息内容",
    "理决定数量", "447228", "行政许可", "第二十条第（六）项", "本年处", "信息内容", "理决定数量",
    "3985758", "行政处罚", "88283", "行政强制", "第二十条第（八）项", "本年收", "信息内容",
    "费金额（单位：万元）", "行政事业性收费 96171.6"])


def _t2(text: str) -> dict[str, object]:
    report = parse_bytes("huaian-2024.txt", text.encode())
    assert report.rendering == "text_reading_order"
    return {c: v for c, v in report.values().items() if c.startswith("t2.")}


def _huaian() -> str:
    text = (DUMPS / HUAIAN).read_text(encoding="utf-8")
    assert HUAIAN_T2 in text
    return text


def test_values_tied_to_their_cells_are_placed(truth: Callable[[str], dict]) -> None:
    # 7 of 10: every row's count exact ties each value to its row; the second row's on
    # its label's line under a header naming the columns in order, and the one-column
    # blocks' values, are in their columns. The first row's three values print a line
    # each, in the converter's order: null.
    want = truth("huaian-2024")["cells"]
    got = _t2(_huaian())
    assert got == {c: None if c.startswith("t2.regulations.") else want[c] for c in got}
    report = parse_bytes("huaian-2024.txt", _huaian().encode())
    by_order = [f.message.split(":")[0] for f in report.flags
                if f.code == "row_placed_by_order" and f.message.startswith("row t2.")]
    assert by_order == ["row t2.administrative_licensing", "row t2.administrative_penalty",
                        "row t2.administrative_coercion"]


@pytest.mark.parametrize(("old", "new"), [
    # two rows printed in each other's place: order ties nothing
    ("3985758\n行政处罚\n88283\n行政强制", "3985758\n行政强制\n88283\n行政处罚"),
    # a blank cell prints nothing: a value of another block might stand in its place
    ("88283\n行政强制", "行政强制"),
    # a value printed after its label (not the last row's): it is left to the next row
    ("3985758\n行政处罚", "行政处罚\n3985758"),
    # a value more than the row's columns
    ("447228\n行政许可", "1\n447228\n行政许可"),
    # a row the statute does not have, or any other text, between two rows
    ("行政处罚\n88283", "行政处罚\n其中：网上办理\n88283"),
    # a block's caption lost: its rows would fall in the block above
    ("第二十条第（六）项\n", ""),
], ids=["rows-swapped", "blank", "value-after-label", "extra-value", "extra-row",
        "caption-lost"])
def test_nothing_of_t2_is_placed_where_a_row_is_not_tied(old: str, new: str) -> None:
    text = _huaian().replace(HUAIAN_T2, HUAIAN_T2.replace(old, new))
    assert set(_t2(text).values()) == {None}


def test_a_row_on_its_line_under_a_header_out_of_order_is_not_placed(
        truth: Callable[[str], dict]) -> None:
    # t2-columns-swapped: the header prints 本年废 left of 本年制, so `8 26 66` left to
    # right are not the template's columns (8 wrong before the guard); the one-column
    # blocks keep their values.
    want = truth("huaian-2024")["cells"]
    text = _huaian().replace("本年制 本年废 现行有", "本年废 本年制 现行有")
    got = _t2(text)
    assert got == {c: None if c.startswith(("t2.regulations.", "t2.normative_documents."))
                   else want[c] for c in got}


def test_the_last_rows_values_may_follow_its_label(truth: Callable[[str], dict]) -> None:
    # seed (2019 format): `16054` / `政府集中采购` / `5819.06万元`, the last row's second
    # value after its label, a count and an amount placed by their kind; rows of equal
    # values (`0 0 0`) are the same in any order, the others print off their label's
    # line: null.
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    text = (DUMPS / "seed-shaoguan-zhenjiang-2019.pdftotext-reading.txt").read_bytes()
    got = {c: v for c, v in parse_bytes("seed.txt", text).values().items()
           if c.startswith("t2.") and v is not None}
    assert got == {c: want[c] for c in ("t2.regulations.newly_made",
                                        "t2.regulations.newly_published",
                                        "t2.regulations.total_published",
                                        "t2.normative_documents.newly_made",
                                        "t2.normative_documents.newly_published",
                                        "t2.normative_documents.total_published",
                                        *PROCUREMENT)}
    assert set(got.values()) == {0, 16054, 5819.06}


def test_values_printed_after_their_labels_are_placed(truth: Callable[[str], dict]) -> None:
    # fullwidth's print: each row's values after its label (`规章` / `０ ０ ０`, `行政许可` /
    # `１０６９０`): read the other way round, every row's count is exact again.
    want = truth("huaian-2024")["cells"]
    after = (HUAIAN_T2.replace("1\n0\n11\n规章", "规章\n1\n0\n11")
             .replace("447228\n行政许可", "行政许可\n447228")
             .replace("3985758\n行政处罚\n88283\n行政强制", "行政处罚\n3985758\n行政强制\n88283"))
    got = _t2(_huaian().replace(HUAIAN_T2, after))
    assert got == {c: None if c.startswith("t2.regulations.") else want[c] for c in got}


# LibreOffice's PDF of huaian-2024's Word file through pdftotext: block (一) prints no
# 现行有效件数 (`本年制` / `本年废` / `发件数` / `止件数`, two values a row), which prints
# as a block of its own inside 三's text
WORD = "huaian-2024.docx-pdftotext-reading.txt"
APART = "现行有\n效件数\n11\n66\n"


def _word() -> str:
    text = (DUMPS / WORD).read_text(encoding="utf-8")
    assert "本年制\n本年废\n发件数\n止件数\n规章\n1\n0\n行政规范性文件\n8\n26\n" in text
    assert text.count(APART) == 1
    return text


def test_a_short_blocks_column_printed_apart_ties_the_other_blocks(
        truth: Callable[[str], dict]) -> None:
    # (一)'s third column prints past 二's end under its label, one value a row: no value
    # of (一) is in another block's place, so the one-column blocks are placed (null
    # before: a block not tied whole); (一)'s own values, a line each, are not.
    want = truth("huaian-2024")["cells"]
    got = _t2(_word())
    assert got == {c: None if c.startswith(("t2.regulations.", "t2.normative_documents."))
                   else want[c] for c in got}
    assert {c for c, v in got.items() if v is not None} == {
        "t2.administrative_licensing.decisions", "t2.administrative_penalty.decisions",
        "t2.administrative_coercion.decisions", "t2.administrative_fees.fee_amount"}


@pytest.mark.parametrize("apart", [
    "",  # the column printed nowhere: its values may be in another block's place
    "现行有\n效件数\n11\n",  # one value for two rows
    "现行有\n效件数\n11\n66\n5\n",  # a value more than the block's rows
    "现行有\n11\n66\n",  # its label cut: not the column's
], ids=["nowhere", "value-short", "value-more", "label-cut"])
def test_a_short_block_ties_nothing_unless_its_column_prints_whole_apart(apart: str) -> None:
    assert set(_t2(_word().replace(APART, apart)).values()) == {None}


def test_the_values_printed_apart_are_told_by_their_lines() -> None:
    # the two lines under `现行有` / `效件数` inside 三's text: 二's, not 三's
    # (reading_blocks leaves them out of 三's counts)
    text = _word()
    lines = simplified_lines(text.split("\n"))
    table = load_template().versions["gov_2021"].tables["t2"]
    apart = values_apart(lines, table)
    assert [lines[no] for no in sorted(apart)] == ["11", "66"]
    assert lines[min(apart) - 2:min(apart)] == ["现行有", "效件数"]
    # its label cut: not proven 二's
    assert values_apart(simplified_lines(text.replace(APART, "现行有\n11\n66\n")
                                         .split("\n")), table) == set()


def test_values_running_on_are_only_a_reading_of_t3s_counts() -> None:
    # pingtan-2022's docx-punctuation print: 三's first counts right under 二's column
    # (`现行有` / `效件数` / `0` / `698` / `71` / `3`): which of the run are 二's is not
    # shown, so values_apart proves none; values_run_on offers the first two for 三's
    # reading to leave out (reading_blocks), and no cell of 二 is placed from them.
    text = (DUMPS / "pingtan-2022-run-together.docx-pdftotext-reading-punctuation.txt"
            ).read_text(encoding="utf-8")
    # the lines as the reader passes them on: without the empty ones
    lines = simplified_lines([line for line in text.split("\n") if line.strip()])
    table = load_template().versions["gov_2021"].tables["t2"]
    assert values_apart(lines, table) == set()
    run_on = values_run_on(lines, table)
    assert [lines[no] for no in sorted(run_on)] == ["0", "698"]
    assert lines[max(run_on) + 1:max(run_on) + 3] == ["71", "3"]
    report = parse_bytes("pingtan-2022-run-together.txt", text.encode())
    assert report.values()["t2.normative_documents.in_force"] is None
    # where values_apart proves the column (huaian: a line of no value after `11` / `66`),
    # nothing is offered
    assert values_run_on(simplified_lines(_word().split("\n")), table) == set()


# Chromium's print of shanghai-office-2019's plain page: 政府集中采购 prints its count
# before its label and its amount after it (`6` / `政府集中采购` / `25.1万元`), one a line,
# the converter's order of the blocks, not the page's; three columns a row above
# (`13` / `13` / `524` / `规章`).
SHANGHAI = "shanghai-office-2019.pdftotext-reading-plain.txt"


def test_a_count_and_an_amount_one_a_line_are_placed_by_their_kind(
        truth: Callable[[str], dict]) -> None:
    want = truth("shanghai-office-2019")["cells"]
    t2 = _t2((DUMPS / SHANGHAI).read_text(encoding="utf-8"))
    assert [t2[c] for c in PROCUREMENT] == [want[c] for c in PROCUREMENT] == [6, 25.1]
    # three counts one a line: their columns' order unread, not placed
    assert t2["t2.regulations.total_published"] is None


@pytest.mark.parametrize("count, amount, placed", [
    ("6", "25.1", [6, None]),  # a fraction is no count (its unit unprinted: null)
    ("6万元", "25.1万元", [None, None]),  # both amounts
    ("6", "25", [None, None]),  # both may be counts
])
def test_values_kinds_place_them_only_where_they_differ(count: str, amount: str,
                                                        placed: list) -> None:
    text = (DUMPS / SHANGHAI).read_text(encoding="utf-8").replace(
        "\n6\n政府集中采购\n25.1万元\n", f"\n{count}\n政府集中采购\n{amount}\n")
    t2 = _t2(text)
    assert [t2[c] for c in PROCUREMENT] == placed
