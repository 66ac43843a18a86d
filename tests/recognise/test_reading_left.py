"""Table 三's left block in pdftotext's reading order (recognise/reading_left.py), on the
header lines and the text of Chromium's prints of huaian-2024 (default settings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.normalise import normalise
from pipelines.recognise.reading_left import (
    _named_left_columns,
    header_orders,
    header_words,
    without_row_numbers,
)

DUMP = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.pdftotext-reading.txt"
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
# word-html's print: the note wraps in the header's first cell, its pieces leading two
# lines of column label pieces
WORD_HEADER = ["申请人情况", "（本列数据的勾稽关系", "法人或其他组织", "为：第一项加第二项之 自然",
               "法律", "和，等于第三项加第四项 人 商业 科研 社会", "服务 其他 总计", "之和）",
               "企业 机构 公益", "组织 机构"]


def _words(*lines: str) -> list[list[str]]:
    return [[normalise(w) for w in line.split()] for line in lines]


def test_header_lines_chained_order_the_left_columns() -> None:
    # html-plain: `人 商业` puts 自然人 before 商业企业; `企业 机构 益组织` 商业企业
    # before 科研机构 (`机构` is the one column between its neighbours') before
    # 社会公益组织. A note's line (a word naming no column) says nothing.
    header = _words("（本列数据的勾稽关系为：第一项加第二项之和，等于第 自然 法人或其他组织",
                    "三项加第四项之和）", "科研 社会公 法律服 其 总计", "人 商业",
                    "企业 机构 益组织 务机构 他", "3001 53")
    assert all(_named_left_columns(header, m, COLUMNS) for m in (1, 2, 3, 4))


def test_header_lines_naming_too_little_order_nothing() -> None:
    # hidden-text without its `企业 …` line: nothing says 商业企业 prints before 科研机构
    header = _words("科研 社会 法律服 其 总计", "商业", "人 商业")
    assert _named_left_columns(header, 2, COLUMNS)
    assert not _named_left_columns(header, 3, COLUMNS)


def test_header_printed_in_another_order_orders_nothing() -> None:
    # t3-orgs-reversed and t3-natural-last: a line names columns out of the template's order
    reversed_orgs = _words("社会公 科研 商业 总计", "人 其他 法律服", "务机构 益组织 机构 企业")
    natural_last = _words("总计", "商业 科研 社会公 法律服 其 自然", "人",
                          "企业 机构 益组织 务机构 他")
    assert not _named_left_columns(reversed_orgs, 2, COLUMNS)
    assert not _named_left_columns(natural_last, 2, COLUMNS)


def test_note_pieces_leading_a_header_line_are_dropped() -> None:
    # Before: `和，等于第三项加第四项 人 商业 科研 社会` named nothing (a note's word names
    # no column), so nothing put 自然人 before 商业企业 and the table was not placed.
    assert not _named_left_columns(_words(*WORD_HEADER), 2, COLUMNS)
    words = header_words(WORD_HEADER, COLUMNS, NOTE)
    assert words[5] == ["人", "商业", "科研", "社会"]
    assert words[3] == ["自然"]
    assert all(_named_left_columns(words, m, COLUMNS) for m in range(1, 7))


def test_note_pieces_after_a_column_piece_are_kept() -> None:
    # the note prints left of every column: a piece of it right of a column's piece is no
    # note's, and the line names nothing
    words = header_words(["人 商业 和，等于第三项加第四项"], COLUMNS, NOTE)
    assert words == [["人", "商业", "和,等于第三项加第四项"]]
    assert not _named_left_columns(words, 2, COLUMNS)


def test_whole_table_read_under_a_header_its_note_wraps_into(
        truth: Callable[[str], dict]) -> None:
    # huaian's word-html print (Word's page: the note's cell narrow): 175 counts in
    # order, 予以公开's `0 0 50 3 1362` before its label's `1288 21`; read whole, equal to
    # the truth. Before: no value of 三.
    text = (DUMP.parent / "huaian-2024.pdftotext-reading-word.txt").read_text(encoding="utf-8")
    want = truth("huaian-2024")["cells"]
    assert _t3(text) == {c: v for c, v in want.items() if c.startswith("t3.")}


def _t3(text: str) -> dict[str, int]:
    report = parse_bytes("huaian.txt", text.encode("utf-8"))
    return {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}


def test_left_block_read_where_count_and_identities_hold(truth: Callable[[str], dict]) -> None:
    want = truth("huaian-2024")["cells"]
    got = _t3(DUMP.read_text(encoding="utf-8"))
    assert len(got) == 175
    assert got["t3.new_received.natural_person"] == 3001
    assert got["t3.carried_forward.natural_person"] == 103
    assert got == {c: want[c] for c in got}


def test_left_block_a_count_lacking_places_none_of_it() -> None:
    # `447 7` (部分公开's 自然人 and 商业企业) printed as `447` only: one count short,
    # the left block is not read; the right block's 120 stay
    text = DUMP.read_text(encoding="utf-8").replace("只计这一情 447 7\n", "只计这一情 447\n")
    got = _t3(text)
    assert len(got) == 120
    assert "t3.new_received.natural_person" not in got


def test_left_block_two_rows_counts_swapped_places_none_of_it() -> None:
    # 予以公开's `1288 21` and 部分公开's `447 7` swapped: the count holds, the rows'
    # sums with their 总计 do not
    text = DUMP.read_text(encoding="utf-8")
    for old, new in (("1288 21\n", "@\n"), ("447 7\n", "1288 21\n"), ("@\n", "447 7\n")):
        text = text.replace(old, new)
    got = _t3(text)
    assert len(got) == 120


def test_whole_table_read_where_no_right_block_is_printed(
        truth: Callable[[str], dict]) -> None:
    # huaian's page with its header in a thead (repeated on the next page): no run of the
    # right columns after 四's title; every row's 7 counts in order up to it (175 counts,
    # `1288 21` / `0` / `0` / `50` / `3 1362` around 予以公开's label). Before: 7 cells.
    text = (DUMP.parent / "huaian-2024.pdftotext-reading-thead.txt").read_text(encoding="utf-8")
    want = truth("huaian-2024")["cells"]
    assert _t3(text) == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_rows_printed_in_another_order_place_nothing() -> None:
    # The same page with (二)部分公开 printed before (一)予以公开, each with its own
    # values: every identity still holds with the two rows' values exchanged, so the
    # counts' order would publish 447 as 予以公开's. The labels' order refuses it.
    lines = (DUMP.parent / "huaian-2024.pdftotext-reading-thead.txt").read_text(
        encoding="utf-8").split("\n")
    one, label, two_end = (lines.index(s)
                           for s in ("1288 21", "（一）予以公开", "形，不计其他情形）"))
    two = ["447", "7", "0", "0", "0", "0 454", "（二）部分公开（区分处理的，只计这一情",
           "形，不计其他情形）"]
    whole = lines[:one] + lines[label + 1:two_end + 1] + lines[one:label + 1] + lines[two_end + 1:]
    apart = lines[:one] + two + lines[one:label + 1] + lines[two_end + 1:]
    for text in (whole, apart):
        got = _t3("\n".join(text))
        assert "t3.granted.natural_person" not in got
        assert "t3.partially_granted.natural_person" not in got


def test_whole_table_agreeing_with_the_rows_read_on_their_lines(
        truth: Callable[[str], dict]) -> None:
    # The seed's page (2019 format): two rows of 三 printed whole on their labels' lines
    # were read already (text_order's line rows, all 0); the 161 counts in order agree
    # with them, so the table is placed whole, its rows found, and no row of it is left
    # flagged as not placed. Before: those 14 cells only (the rest not mixed in).
    path = DUMP.parent / "seed-shaoguan-zhenjiang-2019.pdftotext-reading.txt"
    report = parse_bytes("seed.txt", path.read_bytes())
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got = {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}
    assert len(got) == 161
    assert not [f for f in report.flags if f.message.startswith("row t3.")
                and f.code in ("values_not_placed", "row_missing")]


def test_counts_beside_a_label_are_its_rows_first_columns() -> None:
    # pingtan 2019's page (corpus 005, 2019 format): `0 0 0 0 0 5` on lines of their own,
    # then `3.补正后申请内容仍不明确 5`: the 5 beside the label is 自然人's. As printed every
    # row sums (0+0+0+0+0+5 = 5) but 其他's column does not; with the counts beside a
    # label first in their row every identity holds. All 161 cells, equal to the corpus's
    # truth (its nonzero cells below). Before: none.
    path = DUMP.parent / "005.pdftotext-reading.txt"
    report = parse_bytes("005.txt", path.read_bytes())
    got = {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}
    assert len(got) == 161
    row = "t3.unable_unclear_after_correction."
    assert [got[row + c] for c in ("natural_person", "other_org", "total")] == [5, 0, 5]
    assert {c: v for c, v in got.items() if v} == {
        "t3.new_received.natural_person": 23, "t3.new_received.total": 23,
        "t3.granted.natural_person": 7, "t3.granted.total": 7,
        "t3.partially_granted.natural_person": 1, "t3.partially_granted.total": 1,
        "t3.unable_not_held.natural_person": 7, "t3.unable_not_held.total": 7,
        "t3.unable_unclear_after_correction.natural_person": 5,
        "t3.unable_unclear_after_correction.total": 5,
        "t3.not_processed_repeat.natural_person": 3, "t3.not_processed_repeat.total": 3,
        "t3.results_total.natural_person": 23, "t3.results_total.total": 23}


# seq-column's prints (a 序号 column numbering 三's 25 value rows, 1…25): the row numbers
# print among the left block's counts (`2 二、上年结转…`, `3` / `1288 21`); huaian's `1`
# prints after 四's title, 005's `23` past the page break, under 四's header, and
# unnamed-leading-column's (no 序号 header) pingtan-2022's `2`, its row the first after a
# page break, after 四's title.
SEQ = DUMP.parent / "huaian-2024.pdftotext-reading-seq-column.txt"


def test_row_numbers_among_the_counts_taken_out(truth: Callable[[str], dict]) -> None:
    # 75 counts where the left block needs 50: 25 too many, 2…25 in order and 1 printed
    # after them; taken out, one reading holds. Before: the right block's 125.
    want = truth("huaian-2024")["cells"]
    got = _t3(SEQ.read_text(encoding="utf-8"))
    assert got["t3.carried_over.natural_person"] == 34
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_row_numbers_one_printed_past_a_page_break(truth: Callable[[str], dict]) -> None:
    # 1, 3…25 in order, 2 after 四's title (`行政诉讼` / `2`): 三's first row whole before
    # the page break (7 counts), 24 rows × 2 after it. Before: the right block's 120.
    path = DUMP.parent / "pingtan-2022-run-together.pdftotext-reading-unnamed-leading-column.txt"
    want = truth("pingtan-2022-run-together")["cells"]
    got = _t3(path.read_text(encoding="utf-8"))
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_row_numbers_whole_rows_taken_out() -> None:
    # the 2019 format's page, every row whole (161 counts) with 1…22 among them and 23 past
    # 四's title. Before: no value of 三.
    # The page without the column reads 三 whole, equal to the corpus's truth
    # (test_counts_beside_a_label_are_its_rows_first_columns): the same cells here.
    def read(name: str) -> dict[str, int]:
        report = parse_bytes("005.txt", (DUMP.parent / name).read_bytes())
        return {c: v for c, v in report.values().items()
                if v is not None and c.startswith("t3.")}
    got = read("005.pdftotext-reading-seq-column.txt")
    assert len(got) == 161
    assert got == read("005.pdftotext-reading.txt")


def test_row_numbers_out_of_their_order_take_out_nothing() -> None:
    # (八)行政查询's `13` dropped: the 24 numbers left are no run printed in order but for
    # one (1 after 25, 12 before 14), so the left block is not read; the right block's 125
    # stay
    text = SEQ.read_text(encoding="utf-8").replace("\n13\n", "\n", 1)
    got = _t3(text)
    assert len(got) == 125
    assert "t3.new_received.natural_person" not in got


def test_two_row_numbers_out_of_place_take_out_nothing() -> None:
    # `13` moved after 四's title too: two numbers printed apart from the run (1 and 13)
    title = "四、政府信息公开行政复议、行政诉讼情况\n"
    text = SEQ.read_text(encoding="utf-8").replace("\n13\n", "\n", 1)
    got = _t3(text.replace(title, title + "13\n", 1))
    assert len(got) == 125
    assert "t3.new_received.natural_person" not in got


def test_a_surplus_of_other_counts_is_no_row_number() -> None:
    # huaian's first counts: one too many, the `2` (a row's number) taken out; two too
    # many, no run of two numbers (2, 3) printed in order: nothing read; none too many:
    # the counts as printed
    counts = [(1, 3001), (1, 53), (2, 2), (3, 34), (4, 0)]
    assert without_row_numbers(counts, 4, 25) == [[(1, 3001), (1, 53), (3, 34), (4, 0)]]
    assert without_row_numbers(counts, 3, 25) == []
    assert without_row_numbers(counts, 5, 25) == [counts]


# word-unit-row's print (Word's narrow columns, a 单位：件 row above the header) through
# `pdftotext` without options, cut after 四's title: every row of 三 printed whole, 7
# counts in order (`3001 53` / `0` / `0` / `61` / `4` / `3119`), but its header ties 其他
# to nothing left of it: `法律` on a line of its own, `其他 总计` on another
UNIT_ROW = DUMP.parent / "huaian-2024.pdftotext-reading-word-unit-row.txt"
UNIT_ROW_HEADER = ["单位：件", "申请人情况", "（本列数据的勾稽关系", "法人或其他组织",
                   "为：第一项加第二项之 自然", "法律", "和，等于第三项加第四项 人 商业 科研 社会",
                   "公益", "其他 总计", "之和）", "企业 机构 组织 服务", "机构"]


def test_header_orders_leave_open_what_no_line_ties() -> None:
    # 自然人 … 法律服务机构 chained in order, 其他 before 总计, nothing more: 21 orders
    columns = [normalise(c) for c in COLUMNS]
    orders = header_orders(header_words(UNIT_ROW_HEADER, columns, NOTE), columns)
    assert len(orders) == 21
    assert tuple(range(7)) in orders
    assert (5, 0, 1, 2, 3, 4, 6) in orders and (0, 1, 2, 3, 4, 6, 5) not in orders
    # the lines naming 自然人 … 法律服务机构 gone: too many left open, none
    cut = [line for line in UNIT_ROW_HEADER if "商业" not in line and "企业" not in line]
    assert header_orders(header_words(cut, columns, NOTE), columns) == []


def test_cells_every_open_order_places_alike_are_read(truth: Callable[[str], dict]) -> None:
    # Every row's 总计 is its last count's only where 总计 prints last, and the identities
    # hold in any order: 6 of the 21 orders hold (其他 anywhere left of 总计). A cell is
    # kept where all 6 place the same value. Before: no value of 三.
    want = truth("huaian-2024")["cells"]
    got = _t3(UNIT_ROW.read_text(encoding="utf-8"))
    assert len(got) == 109
    assert got == {c: want[c] for c in got}
    # 3001 53 0 0 61 4 3119: 其他 printed first would make 自然人 53, second 商业企业 0 …
    assert {c.split(".")[2]: v for c, v in got.items() if ".new_received." in c} == {
        "research_institution": 0, "total": 3119}
    assert {c.split(".")[2]: v for c, v in got.items() if ".carried_over." in c} == {
        "commercial_enterprise": 0, "research_institution": 0, "public_interest_org": 0,
        "legal_service_org": 0, "total": 34}
    assert got["t3.results_total.total"] == 3050


def test_open_orders_whose_rows_do_not_sum_place_nothing() -> None:
    # 新收's 3119 printed 3118: no order makes its row's sum hold
    text = UNIT_ROW.read_text(encoding="utf-8").replace("\n3119\n", "\n3118\n", 1)
    assert _t3(text) == {}


# the seed's extra-rows print (2019 format; Chromium, default settings) through `pdftotext`
# without options, cut to 三: every row printed whole, 7 counts around its label, and a
# `其中：网上申请` sub-row after 一, 二 and 结转下年 printing its `1` … `6 7` before its label
SUB_ROWS = DUMP.parent / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-extra-rows.txt"


def _t3(text: str) -> dict[str, int]:
    report = parse_bytes("seed.txt", text.encode("utf-8"))
    return {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}


def test_whole_rows_with_sub_rows_among_them(truth: Callable[[str], dict]) -> None:
    # 23 rows × 7 and the sub-rows' 3 × 7 counts: cut into the rows as printed, each
    # sub-row's 7 print at its label (below the row above's, above the next row's) and are
    # dropped; every row's sum and the identities hold. Before: 14 (the sub-rows' 21
    # counts too many for the rows).
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got = _t3(SUB_ROWS.read_text(encoding="utf-8"))
    assert len(got) == 161
    assert got["t3.new_received.total"] == 1
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_sub_row_counts_printed_past_another_label_are_not_dropped() -> None:
    # 一's sub-row's 7 counts printed above 一's label, its own label left where it was:
    # the counts' order is the same, but they print past another row's label, so nothing
    # shows they are the sub-row's; the rows are not read (the 14 cells main reads from
    # this text, two rows of zeros, are all that is left)
    text = SUB_ROWS.read_text(encoding="utf-8")
    counts = "1\n2\n3\n4\n5\n6 7\n"
    at = text.index(counts + "其中：网上申请")
    text = text[:at] + text[at + len(counts):]
    text = text.replace("0 1\n一、", "0 1\n" + counts + "一、", 1)
    got = _t3(text)
    assert len(got) == 14
    assert "t3.new_received.total" not in got
