"""Table 三 printed in blocks by LibreOffice's PDF of a DOCX, read by `pdftotext` in reading
order (recognise/reading_blocks.py): the real dumps of labelled reports
(tests/fixtures/dumps)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes
from pipelines.recognise.normalise import normalise
from pipelines.recognise.reading_blocks import (
    _runs_past_title,
    labels_in_order,
    total_first,
    total_last,
)
from schemas.template import load_template

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
# the seed's DOCX with 三's 总计 column moved first (variants.t3_total_first), through
# LibreOffice's PDF and pdftotext without options
TOTAL_FIRST = "seed-shaoguan-zhenjiang-2019.docx-pdftotext-reading-t3-total-first.txt"
# its header as printed: 总计 alone on its line before every other column's piece
HEADER = "（二）部分公\n\n总计\n\n自然\n人\n"


def _text() -> str:
    text = (DUMPS / TOTAL_FIRST).read_text(encoding="utf-8")
    assert HEADER in text
    return text


def _t3(text: str, name: str = "seed-shaoguan-zhenjiang-2019") -> tuple[dict[str, object], list]:
    report = parse_bytes(f"{name}.txt", text.encode())
    assert report.rendering == "text_reading_order"
    return ({c: v for c, v in report.values().items() if c.startswith("t3.") and v is not None},
            report.flags)


def test_rows_in_blocks_with_total_printed_first_read_each_rows_total(
        truth: Callable[[str], dict]) -> None:
    # 总计 printed first (header and every row: `23` / `23` / `0` …): each row's first
    # count is the sum of the six after it. Of every block reading holding that and the
    # column identities, all agree on 18 rows' 总计 and on 16 rows of zeros; the six's
    # order is not shown (the header prints a piece a line), so nothing else, and 三
    # stays flagged out of order. Before: withdrawn for its order, no value of 三.
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got, flags = _t3(_text())
    assert got == {c: want[c] for c in got}
    assert len(got) == 114
    assert sum(c.endswith(".total") for c in got) == 18
    assert sum(f.code == "row_placed_by_order" and "t3." in f.message for f in flags) == 18
    assert any(f.code == "columns_out_of_order" and f.message.startswith("t3'")
               for f in flags)


def test_total_printed_after_another_columns_piece_reads_no_block_row() -> None:
    # 自然人's piece printed before 总计: the header does not print 总计 first, so the
    # rows (each led by its 总计) are not read with their 总计 first, and with it last
    # no reading holds.
    got, _ = _t3(_text().replace(HEADER, "（二）部分公\n\n自然\n人\n\n总计\n"))
    assert got == {}


def test_total_first_needs_total_alone_first() -> None:
    version = load_template().versions["gov_2019"]
    columns = [normalise(c.label) for c in version.tables["t3"].columns]
    lines = ["三、收到和处理政府信息公开申请情况", "（二）部分公", "", "总计", "自然", "人", "23"]
    assert total_first(lines, 0, columns)
    # another column's piece first, or 总计 sharing its line with one
    assert not total_first([lines[0], "科研", *lines[1:]], 0, columns)
    assert not total_first([lines[0], "总计 自然", *lines[4:]], 0, columns)
    # the row label (七)总计 is no column's piece
    assert not total_first([lines[0], "（七）总计", "23"], 0, columns)


# LibreOffice's PDF of huaian-2024's Word file (2021 format) through pdftotext without
# options: page 1 prints 三's rows 0-4 as two blocks with 二's narrow column printed apart
# between them (`现行有` / `效件数` / `11` / `66`, reading_t2.values_apart); the last page
# its last four rows' left parts (`6 0`, `108 2`, `2932 53`, `103 0`) before 四's title and
# their right parts after it, among 四's header pieces: rows 21-22 five a row, rows 23-24
# a column at a time (`0` `0` / … / `61` `0` / `4` `0` / `3050` `103`)
WORD_2021 = "huaian-2024.docx-pdftotext-reading.txt"
APART = "现行有\n效件数\n11\n66\n"
PAST_TITLE = "\n".join(["", "总", "计", "", "0", "", "0", "", "0", "", "0", "", "6", "", "0", "",
                        "0", "", "0", "", "0", "", "110", "", "0", "0", "", "0", "0", "",
                        "61", "0", "", "4", "0", "", "3050", "103", "", "行政诉讼", ""])
LAST_ROWS = ("other_unpaid_fee", "other_other", "results_total", "carried_forward")


def _word_2021() -> str:
    text = (DUMPS / WORD_2021).read_text(encoding="utf-8")
    assert text.count(APART) == 1 and text.count(PAST_TITLE) == 1
    return text


def test_rows_in_blocks_past_t4s_title_and_around_t2s_column_read_each_rows_total(
        truth: Callable[[str], dict]) -> None:
    # 二's `11` `66` left out, the run of 20 counts past 四's title after 三's counts: 175,
    # 7 a row. Every block reading holding the identities agrees on 21 rows' 总计 (the
    # last four's with their right parts past 四's title) and one row of zeros; 三 stays
    # flagged out of order (its header's pieces print out of the columns' order). Before:
    # 三's counts short of 7 a row, no value of 三.
    want = truth("huaian-2024")["cells"]
    got, flags = _t3(_word_2021(), "huaian-2024")
    assert got == {c: want[c] for c in got}
    assert len(got) == 27
    assert sum(c.endswith(".total") for c in got) == 21
    assert {f"t3.{r}.total" for r in LAST_ROWS} <= set(got)
    assert got["t3.results_total.total"] == 3050
    assert sum(f.code == "row_placed_by_order" and "t3." in f.message for f in flags) == 21
    assert any(f.code == "columns_out_of_order" and f.message.startswith("t3'")
               for f in flags)


@pytest.mark.parametrize(("old", "new"), [
    (APART, "现行有\n11\n66\n"),  # 二's label cut: its values not proven 二's
    (PAST_TITLE, PAST_TITLE.replace("\n110\n", "\n110\n其\n")),  # the run cut by a word
    (PAST_TITLE, PAST_TITLE.replace("\n110\n", "\n110\n0\n")),  # a count more in it
], ids=["t2-label-cut", "run-cut", "run-longer"])
def test_no_block_row_where_t3s_counts_are_not_proven(old: str, new: str) -> None:
    got, _ = _t3(_word_2021().replace(old, new), "huaian-2024")
    assert got == {}


def test_total_last_needs_total_alone_last() -> None:
    version = load_template().versions["gov_2021"]
    columns = [normalise(c.label) for c in version.tables["t3"].columns]
    lines = ["三、收到和处理政府信息公开申请情况", "科研", "自然", "人", "其他", "", "总计",
             "3001", "53"]
    assert total_last(lines, 0, columns)
    # another column's piece after it, or 总计 sharing its line with one
    assert not total_last([*lines[:6], "总计", "其他", "3001"], 0, columns)
    assert not total_last([*lines[:6], "其他 总计", "3001"], 0, columns)


def test_a_run_past_table_4s_title_reads_counts_with_thousands_separated() -> None:
    # text_order.COUNT takes `1,001` for a count (h-reading13b); the run past 四's title
    # read it with int() and raised, failing the whole file
    lines = ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
             "总", "1,001", "2", "行政诉讼"]
    assert _runs_past_title(lines, 2) == [[(3, 1001), (4, 2)]]


# LibreOffice's PDFs of Word files printing 三's row labels with other punctuation
# (variants' docx-punctuation: `(一)予以公开`, `1、属于` for `（一）`, `1.属于`), through
# pdftotext without options. Page 1 prints rows 2 and 3 a column at a time in both blocks
# (the seed: `1` / `0 0 0 0 0 0 0` / `0 1` … ; pingtan-2022: `21` `8` / `0` `1` / …); the
# 2019-format seed prints rows 13-22's left parts, 2 a row beside their labels, before 四's
# title and their right parts after it (5 a row, the last three rows a column at a time);
# the 2021-format pingtan-2022 prints 二's narrow column's values right over 三's first
# counts (`现行有` / `效件数` / `0` / `698` / `71` / `3`).
PUNCTUATION_2019 = "seed-shaoguan-zhenjiang-2019.docx-pdftotext-reading-punctuation.txt"
PUNCTUATION_2021 = "pingtan-2022-run-together.docx-pdftotext-reading-punctuation.txt"
RUN_ON = "现行有\n效件数\n0\n698\n\n71\n\n3\n"


def _punctuation(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def test_labels_in_order_reads_labels_printed_with_other_punctuation() -> None:
    # `(三)不 1、属` spells the characters of `（三）不予公开` … `1.属于国家秘密` in order;
    # before, `（` and `.` were looked for and not found
    version = load_template().versions["gov_2019"]
    labels = [normalise(r.label) for r in version.tables["t3"].data_rows]
    lines = _punctuation(PUNCTUATION_2019).split("\n")
    title = next(no for no, line in enumerate(lines) if line.startswith("三、收到"))
    assert labels_in_order(lines, title, labels)
    # two rows printed in each other's place: still out of order
    swapped = "\n".join(lines).replace("(一)予以公开", "@").replace(
        "(二)部分公开", "(一)予以公开").replace("@", "(二)部分公开").split("\n")
    assert not labels_in_order(swapped, title, labels)


def test_punctuated_2019_rows_in_groups_and_past_t4s_title_read_each_rows_total(
        truth: Callable[[str], dict]) -> None:
    # rows 2-3 a column at a time in both blocks (`_group`) and rows 13-22 one window whose
    # first block ends at 四's title (`_past_window`): every reading holding the
    # identities agrees on 20 rows (all 7 where the six are equal, 总计 of the rest).
    # Before: the labels' punctuation failed labels_in_order, no value of 三.
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got, flags = _t3(_punctuation(PUNCTUATION_2019))
    assert got == {c: want[c] for c in got}
    assert len(got) == 135
    assert sum(c.endswith(".total") for c in got) == 21
    assert got["t3.results_total.total"] == 1
    assert any(f.code == "row_placed_by_order" and "t3.results_total" in f.message
               for f in flags)


def test_punctuated_2021_rows_after_t2s_values_running_on_read_each_rows_total(
        truth: Callable[[str], dict]) -> None:
    # 二's `0` `698` read both as 二's and as 三's (reading_t2.values_run_on): only without
    # them does a reading hold, rows 2-3 a column at a time in both blocks. Before: 三's
    # counts 2 over 7 a row, no value of 三.
    want = truth("pingtan-2022-run-together")["cells"]
    text = _punctuation(PUNCTUATION_2021)
    assert text.count(RUN_ON) == 1
    got, _ = _t3(text, "pingtan-2022-run-together")
    assert got == {c: want[c] for c in got}
    assert len(got) == 70
    assert got["t3.results_total.total"] == 75


@pytest.mark.parametrize(("name", "old", "new"), [
    # the run past 四's title cut by a word: 三's counts short
    (PUNCTUATION_2019, "\n0\n1\n0\n\n\f结\n", "\n0\n1\n其\n0\n\n\f结\n"),
    # 二's label cut: its values not taken out, 三's counts 2 over
    (PUNCTUATION_2021, RUN_ON, RUN_ON.replace("效件数\n", "")),
], ids=["2019-run-cut", "2021-t2-label-cut"])
def test_no_punctuated_block_row_where_t3s_counts_are_not_proven(name: str, old: str,
                                                                 new: str) -> None:
    text = _punctuation(name)
    assert text.count(old) == 1
    got, _ = _t3(text.replace(old, new), name.split(".")[0])
    assert got == {}


# the DOCX with a `其中：网上申请` row (counts 1 … 7) under 一, 二 and 结转下年度
# (variants.extra_rows), through LibreOffice's PDF and pdftotext without options
EXTRA_ROWS_2019 = "seed-shaoguan-zhenjiang-2019.docx-pdftotext-reading-extra-rows.txt"
EXTRA_ROWS_2021 = "huaian-2024.docx-pdftotext-reading-extra-rows.txt"
SUB_ROW = "其中：网上申请\n"


def _extra_rows(name: str) -> str:
    text = (DUMPS / name).read_text(encoding="utf-8")
    assert text.count(SUB_ROW) == 3
    return text


@pytest.mark.parametrize(("name", "report", "cells", "totals", "last"), [
    # 2019: every row's 总计 and the rows whose six are equal whole (the header's order)
    (EXTRA_ROWS_2019, "seed-shaoguan-zhenjiang-2019", 143, 23, 1),
    # 2021: 三 out of order, so each row's 总计 only, and one row of zeros; the last page's
    # (七)总计 and 结转下年度 a column at a time past 四's title, the sub-row after them
    (EXTRA_ROWS_2021, "huaian-2024", 27, 21, 3050),
], ids=["2019", "2021"])
def test_sub_rows_in_blocks_read_as_rows_and_left_out(
        truth: Callable[[str], dict], name: str, report: str, cells: int, totals: int,
        last: int) -> None:
    # The sub-rows' counts print in the blocks as any row's: page 1 prints each one a
    # column at a time with the row below it (`1` / `34` / `2` / `0` …). Read as rows
    # of the printed sequence (reading_rows.printed_rows), any counts, and left out, every
    # reading holding the identities agrees on these rows. Before: 三's counts 21 over 7
    # a row, no value of 三.
    want = truth(report)["cells"]
    got, flags = _t3(_extra_rows(name), report)
    assert got == {c: want[c] for c in got}
    assert len(got) == cells
    assert sum(c.endswith(".total") for c in got) == totals
    assert got["t3.results_total.total"] == last
    assert sum(f.code == "row_placed_by_order" and "t3." in f.message for f in flags) == totals


@pytest.mark.parametrize("name", [EXTRA_ROWS_2019, EXTRA_ROWS_2021], ids=["2019", "2021"])
def test_no_block_row_where_a_sub_rows_label_is_not_printed(name: str) -> None:
    # the first sub-row's label gone: its counts are no row's, 三's 7 over, nothing read
    text = _extra_rows(name)
    got, _ = _t3(text.replace(SUB_ROW, "", 1), name.split(".")[0])
    assert got == {}
