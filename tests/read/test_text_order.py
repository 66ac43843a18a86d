"""Whether text prints table 三 out of row order, and the values of 三 and 四 where reading
order still places them (pipelines/read/text_order.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import opencc
import pytest

from pipelines.parse import parse_bytes, parse_file
from pipelines.read.text_order import (
    COUNT,
    bare_counts,
    count,
    out_of_row_order,
    t2_label_rows,
    t3_label_runs,
    t3_line_rows,
    t3_split_rows,
    t4_title_line,
    t4_values,
    unglued_counts,
)

SEED = Path(__file__).parents[1] / "fixtures" / "reports" / "seed-shaoguan-zhenjiang-2019.txt"
# pdftotext without -layout of Chromium's print of Word's page of 淮安 2024 (its truth:
# huaian-2024): table 四's 15 values one a line after its header, 72 64 178 37 351 13 …
READING = (Path(__file__).parents[1] / "fixtures" / "dumps"
           / "huaian-2024.pdftotext-reading-word.txt")
T4 = ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"]


@pytest.mark.parametrize("edit", [
    # Table 四's title as many reports word it: its 15 values, one a line, are no column
    # printed down (before: read as reading order, every value of the report null).
    lambda t: t.replace("政府信息公开行政复议", "因政府信息公开工作被申请行政复议", 1),
    # The whole report in traditional characters (the template's marks are simplified).
    lambda t: opencc.OpenCC("s2t").convert(t),
], ids=["table-4-title-worded-otherwise", "traditional-characters"])
def test_one_cell_per_line_text_is_read_in_row_order(edit) -> None:
    text = SEED.read_text(encoding="utf-8")
    report = parse_bytes("seed.txt", edit(text).encode())
    assert report.rendering == "text_cells"
    assert report.values() == parse_bytes("seed.txt", text.encode()).values()


def _parse(text: str):
    return parse_bytes("dump.txt", text.encode())


def _lines() -> list[str]:
    return READING.read_text(encoding="utf-8").split("\n")


def _with_t4(lines: list[str], values: list[str]) -> list[str]:
    """The dump with table 四's 15 value lines replaced by `values`, one a line."""
    at = lines.index(T4[0])
    assert lines[at:at + len(T4)] == T4
    return lines[:at] + values + lines[at + len(T4):]


# The dump's header of 四 between its title and its values: pdftotext prints the two
# lawsuit groups' labels on lines of their own (their order on the page not shown) and
# the columns' labels cut in pieces, `维持 纠正 结果 审结` (four a line, 总计 elsewhere).
HEADER = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
          "结果 结果 其他 尚未 总计 结果 结果", "其他 尚未 总计 结果 结果 其他 尚未 总计",
          "维持 纠正 结果 审结", "维持 纠正 结果 审结", "维持 纠正 结果 审结"]
# The same header printed as pdftotext prints it where each level shares a line: the
# groups' labels side by side, the columns' pieces of one group left to right.
HEADER_READ = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉",
               "结果维 结果纠 其他结 尚未审 总", "持 正 果 结 计"]


def _with_header(lines: list[str], header: list[str]) -> list[str]:
    at = lines.index(HEADER[0])
    assert lines[at:at + len(HEADER)] == HEADER
    return lines[:at] + header + lines[at + len(HEADER):]


def test_table_4_is_read_from_reading_order_where_its_header_shows_its_order(
        truth: Callable[[str], dict]) -> None:
    # 15 counts after 四's own title, each group's 总计 the sum of its four parts, and the
    # order of its columns and of its groups on the header's lines: read; table 二 stays
    # null (no order there ties a value to its cell). 三 is read whole by its counts'
    # order (reading_left: its header's lines name its columns once the note's pieces
    # leading two of them are dropped, `和，等于第三项加第四项 人 商业 科研 社会`).
    want = {c: (v if c.startswith(("t3.", "t4.")) else None)
            for c, v in truth("huaian-2024")["cells"].items()}
    report = _parse("\n".join(_with_header(_lines(), HEADER_READ)))
    assert report.rendering == "text_reading_order"
    assert report.values() == want
    assert [w for _, w in t4_values(_lines())[1]] == T4


def test_table_4_is_null_where_reading_order_does_not_show_its_columns_order() -> None:
    # The dump as pdftotext printed it: the counts placed by count and identities, but
    # neither the columns' order (no line names all five) nor the lawsuit groups' (each
    # label on a line of its own) is shown, and the identities cannot tell either.
    report = _parse(READING.read_text(encoding="utf-8"))
    assert {v for c, v in report.values().items() if c.startswith("t4.")} == {None}
    assert [f.code for f in report.flags if f.code.startswith("column")] == [
        "column_order_unread"]


@pytest.mark.parametrize(("header", "code"), [
    # 结果纠正 before 结果维持 (A4 at 0.8: `结果纠 结果维 其他结 尚未审 总 未经复议直接起诉`)
    (["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", "结果纠 结果维 其他结 尚未审 总",
      "正 持 果 结 计"], "columns_out_of_order"),
    # the same, named by the pieces under them: 纠正 and 维持 name one column each
    (["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", "结果 结果 其他 尚未 总",
      "纠正 维持 结果 审结 计"], "columns_out_of_order"),
    (["行政复议 行政诉讼", "复议后起诉 未经复议直接起诉", *HEADER_READ[2:]],
     "columns_out_of_order"),
    # the lawsuit groups on lines of their own: their order is not shown
    (["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *HEADER_READ[2:]],
     "column_order_unread"),
], ids=["first-two-swapped", "first-two-swapped-lower-pieces", "groups-swapped",
         "groups-unread"])
def test_table_4_is_null_where_its_header_shows_another_order_or_none(
        header: list[str], code: str) -> None:
    report = _parse("\n".join(_with_header(_lines(), header)))
    assert {v for c, v in report.values().items() if c.startswith("t4.")} == {None}
    assert code in [f.code for f in report.flags]


def test_table_4_of_zeros_is_read_whatever_its_header_shows() -> None:
    # Every count 0: the same table in any order of its columns and groups.
    report = _parse("\n".join(_with_t4(_lines(), ["0"] * 15)))
    assert {v for c, v in report.values().items() if c.startswith("t4.")} == {0}


def test_table_4_values_printed_after_the_next_section_are_read() -> None:
    # pdftotext may print a table's last blocks after the text below it: the counts on
    # lines of their own past section 五 are 四's, placed before 五.
    lines = _with_t4(_with_header(_lines(), HEADER_READ), T4[:6])
    end = next(i for i, ln in enumerate(lines) if ln.startswith("六、"))
    lines = lines[:end] + T4[6:] + lines[end:]
    after, found = t4_values(lines)
    assert [w for _, w in found] == T4
    assert lines[after + 1].startswith("五、")
    report = _parse("\n".join(lines))
    assert report.values()["t4.litigation_after_review.total"] == 20


@pytest.mark.parametrize("values", [
    [*T4[:7], "3", *T4[7:]],  # a page number among them: 16 counts
    T4[:5] + T4[6:],  # a blank cell dropped: 14
    [*T4[:4], T4[5], T4[4], *T4[6:]],  # 351 and 13 swapped: the groups' sums fail
    [*T4[:3], "3.7", *T4[4:]],  # not a count
    # a value beside a label: pdftotext printed `（一）予以公开 21` after the rest of its
    # row, which no identity of a group sees (any order of its parts keeps its 总计)
    ["行政复议 72", *T4[1:]],
    # both in a row of 15 and down the columns of 3 groups x 5 the sums hold: either order
    ["0", "0", "2", "0", "2", "0", "0", "0", "2", "2", "0", "2", "2", "2", "6"],
], ids=["page-number", "blank-dropped", "sums-fail", "not-a-count", "beside-a-label",
         "two-orders"])
def test_table_4_stays_null_where_reading_order_does_not_prove_its_cells(
        values: list[str]) -> None:
    lines = _with_t4(_lines(), values)
    assert t4_values(lines) is None
    report = _parse("\n".join(lines))
    assert {v for c, v in report.values().items() if c.startswith("t4.")} == {None}


def test_table_4_is_not_read_where_a_row_of_table_3_is_printed_in_its_text() -> None:
    # A row label of table 三 between 四's title and its values would take them as its own.
    lines = _lines()
    at = lines.index(T4[0])
    lines = [*lines[:at], "四、结转下年度继续办理", *lines[at:]]
    assert t4_values(lines) is None


# pdftotext without -layout of Chromium's print of the plain page of 005 (lines 98-111):
# the row 2.其他法律行政法规禁止公开 of zeros printed between its label's two lines.
SPLIT = ["0 0", "1.属于国家秘密", "2.其他法律行政法规禁止公", "0", "0", "0", "0", "0", "0 0",
         "开", "0", "0"]
# The same converter on the Word page of 001 printed at scale 1.5 (lines 439-450).
SPLIT_NONZERO = ["开申", "请", "3.其", "108", "2", "0", "0", "0", "0", "110", "他",
                 "（七）总计 2932 53 0 0 61 4 3050"]


def test_a_row_of_zeros_printed_inside_its_own_label_is_read() -> None:
    assert t3_split_rows(SPLIT) == [
        (2, 9, "2.其他法律行政法规禁止公开",
         [(3, "0"), (4, "0"), (5, "0"), (6, "0"), (7, "0"), (8, "0"), (8, "0")])]


@pytest.mark.parametrize("lines", [
    # columns 1-6 not all equal: which column 108 and 2 are in is not proven (the
    # identities of 三 hold for any order of them), though here they are right
    SPLIT_NONZERO,
    SPLIT[:4] + SPLIT[5:],  # 6 counts: a blank dropped, or a value printed elsewhere
    [*SPLIT[:8], "0 1", *SPLIT[9:]],  # 总计 not the sum of the others
    # the values between two whole labels: before or after them, either row's
    ["1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0", "2.其他法律行政法规禁止公开"],
    # a value beside the label: its block's order is not the row's
    ["2.其他法律行政法规禁止公 0", "0", "0", "0", "0", "0", "0", "开"],
], ids=["not-order-free", "six-values", "total-not-the-sum", "between-whole-labels",
         "value-beside-the-label"])
def test_a_row_of_table_3_is_not_read_where_reading_order_does_not_prove_it(
        lines: list[str]) -> None:
    assert t3_split_rows(lines) == []


# pdftotext without -layout of Chromium's prints of 001 (淮安 2024): its borderless page at
# scale 1.25 and its Word page at scale 1.5 print these rows whole on their label's line.
LINE_ROWS = ["一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119",
             "（七）总计 2932 53 0 0 61 4 3050"]


def test_a_row_printed_whole_on_its_labels_line_is_read() -> None:
    assert t3_line_rows(LINE_ROWS) == [
        (0, "一、本年新收政府信息公开申请数量",
         [(0, w) for w in ("3001", "53", "0", "0", "61", "4", "3119")]),
        (1, "（七）总计", [(1, w) for w in ("2932", "53", "0", "0", "61", "4", "3050")])]


@pytest.mark.parametrize("line", [
    "（一）予以公开 21",  # 004's Word print: the rest of the row printed before its label
    "理结果 的,只计这一情形,不计其他 447 7 0 0 0 0 454",  # fragments: any row's
    "（四）无 2.没有现成信息需要另行制作 0 0 0 0 0 0 0",  # a group's word beside the row's
    "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3118",  # 总计 not the sum
    "一、本年新收政府信息公开申请数量 3001 53 0 61 4 3119",  # 6 values: a blank dropped
    "3001 一、本年新收政府信息公开申请数量 53 0 0 61 4 3119",  # a value before the label
], ids=["one-value", "fragments", "group-beside-row", "total-not-the-sum", "six-values",
         "value-before-label"])
def test_a_labels_line_is_not_read_as_its_row_unless_the_whole_row_is_on_it(
        line: str) -> None:
    assert t3_line_rows([line]) == []


# pdftotext without -layout of Chromium's borderless page of 001 (淮安 2024) at scale 1.25:
# five rows of 三 whole on their label's line, and 三's header cut in pieces, one line of
# them naming its seven columns left to right (`… 人 业 研 社会 法律 其 总计`).
BORDERLESS = (Path(__file__).parents[1] / "fixtures" / "dumps"
              / "huaian-2024.pdftotext-reading-borderless125.txt")
PIECES = " 人 业 研 社会 法律 其 总计"


def _t3_rows(text: str) -> tuple[dict[str, list], list[str]]:
    report = _parse(text)
    rows: dict[str, list] = {}
    for cid, value in report.values().items():
        if cid.startswith("t3.") and value is not None:
            rows.setdefault(cid.split(".")[1], []).append(value)
    # 三's flags only: 四's 15 counts under its header cut a character a line (`结 结`,
    # `维 纠`) are read and withdrawn, column_order_unread, their order unshown
    return rows, [f.code for f in report.flags
                  if f.code.startswith("column") and f.message.startswith("t3'")]


@pytest.mark.parametrize("pieces", [
    PIECES,
    # each level on a line of its own (lynx): 自然人 left of the organisations, 总计 right
    " \n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他",
], ids=["seven-columns", "two-levels"])
def test_rows_of_table_3_on_their_labels_line_are_read_where_the_header_shows_its_order(
        pieces: str) -> None:
    text = BORDERLESS.read_text(encoding="utf-8")
    assert PIECES in text
    assert _t3_rows(text.replace(PIECES, pieces)) == ({
        "new_received": [3001, 53, 0, 0, 61, 4, 3119], "carried_over": [34, 0, 0, 0, 0, 0, 34],
        "denied_state_secret": [2, 0, 0, 0, 0, 0, 2],
        "denied_enforcement_case_file": [9, 0, 0, 0, 0, 0, 9],
        "denied_admin_inquiry": [105, 0, 0, 0, 0, 0, 105]}, [])


@pytest.mark.parametrize(("pieces", "rows", "code"), [
    # 总计's piece on another line: no line names the seven columns, and `34 0 0 0 0 0 34`
    # would read as 自然人's 34 in any order that keeps 总计 last; each row's 总计 is
    # proven (half the sum of its seven counts, whichever is 总计)
    (" 人 业 研 社会 法律 其", {"new_received": [3119], "carried_over": [34],
                          "denied_state_secret": [2], "denied_enforcement_case_file": [9],
                          "denied_admin_inquiry": [105]}, "column_order_unread"),
    (" 业 人 研 社会 法律 其 总计", {}, "columns_out_of_order"),  # 商业企业 before 自然人
], ids=["order-unread", "out-of-order"])
def test_rows_of_table_3_on_their_labels_line_are_null_where_the_header_does_not_show_it(
        pieces: str, rows: dict[str, list], code: str) -> None:
    text = BORDERLESS.read_text(encoding="utf-8").replace(PIECES, pieces)
    assert _t3_rows(text) == (rows, [code])


# pdftotext in reading order of Chromium's print of the seed's page with units (`5件`) on
# A4 at 0.8 (`units`): one form feed and hardly an empty line, so no page breaks show the
# reading order; a block of table 二 prints its values before its rows' labels.
T2_VALUES_FIRST = ["第二十条第（六）项", "上一年 本年增/减 处理决", "信息内容", "项目数量",
                   "定数量",
                   "1414", "0", "170", "行政处罚", "71", "0", "40", "行政强制"]


def test_table_2_values_before_its_first_rows_label_are_out_of_row_order() -> None:
    # read one cell a line, 行政处罚 took 行政强制's `71 0 40` after it
    assert out_of_row_order(T2_VALUES_FIRST)
    # the same block one cell a line in row order (a label, then its values): in order
    row_major = [*T2_VALUES_FIRST[:5], "行政处罚", "1414", "0", "170",
                 "行政强制", "71", "0", "40"]
    assert not out_of_row_order(row_major)
    # in row order with a 序号 column, the row's number prints before its label
    numbered = [*T2_VALUES_FIRST[:2], "序号", *T2_VALUES_FIRST[2:5], "1", "行政处罚", "1414",
                "0", "170", "2", "行政强制", "71", "0", "40"]
    assert not out_of_row_order(numbered)


# pdftotext without options of the corpus's WPS-made PDF of 淮安 2024 (001.pdf): each row of
# 三 a label alone on its line, its 7 values one a line after it; (一) and (二), and the
# four rows after 4.无正当理由大量反复申请, print their labels elsewhere: their values
# follow the row before them (runs of 21 and 35).
WPS = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.pdftotext-reading-wps.txt"


def test_table_3_rows_are_read_from_their_labels_and_the_runs_after_them() -> None:
    runs = t3_label_runs(WPS.read_text(encoding="utf-8").split("\n"))
    assert runs is not None
    rows = {label: [int(v) for _, v in run] for label, run in runs.rows.values()}
    assert len(rows) == 25  # every row of gov_2021's 三
    assert rows["一、本年新收政府信息公开申请数量"] == [3001, 53, 0, 0, 61, 4, 3119]
    assert rows["（一）予以公开"] == [1288, 21, 0, 0, 50, 3, 1362]
    assert rows["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] == [
        447, 7, 0, 0, 0, 0, 454]
    assert rows["3.其他"] == [108, 2, 0, 0, 0, 0, 110]
    assert runs.by_order == (
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")


def _wps_lines() -> list[str]:
    return WPS.read_text(encoding="utf-8").split("\n")


def _drop_value(lines: list[str]) -> list[str]:
    at = lines.index("3001")
    return lines[:at] + lines[at + 1:]


def _swap_granted(lines: list[str]) -> list[str]:
    # (一)'s and (二)'s values exchanged: every row still sums, every column still balances
    # (a sum does not see the order of its parts) -- but 结转's values given to (一) do not
    at = lines.index("34")  # 二、上年结转's first value; its run holds 二, (一), (二)
    run = [ln for ln in lines[at:at + 42] if ln]
    assert len(run) == 21
    out = lines[:at] + "\n\n".join(run[7:14] + run[:7] + run[14:]).split("\n")
    return out + lines[at + 41:]


def _label_after(lines: list[str]) -> list[str]:
    # 二、上年结转's label printed after its values: its run then has no label before it
    at = lines.index("二、上年结转政府信息公开申请数量")
    return lines[:at] + lines[at + 1:at + 14] + [lines[at]] + lines[at + 14:]


@pytest.mark.parametrize("edit", [_drop_value, _swap_granted, _label_after],
                         ids=["a-value-lost", "rows-of-the-run-swapped-with-its-label's",
                              "a-label-after-its-values"])
def test_table_3_rows_are_not_read_where_a_run_does_not_prove_them(edit) -> None:
    assert t3_label_runs(edit(_wps_lines())) is None


def test_table_2_rows_are_read_where_their_header_and_labels_place_them() -> None:
    rows = t2_label_rows(_wps_lines())
    assert [(label, [v for _, v in run]) for label, run in rows.values()] == [
        ("规章", ["1", "0", "11"]), ("行政规范性文件", ["8", "26", "66"]),
        ("行政许可", ["447228"]), ("行政处罚", ["3985758"]), ("行政强制", ["88283"]),
        ("行政事业性收费", ["96171.6"])]


def _columns_swapped(lines: list[str]) -> list[str]:
    at = lines.index("本年制发件数")
    return [*lines[:at], "本年废止件数", "", "本年制发件数", *lines[at + 3:]]


def _value_before_label(lines: list[str]) -> list[str]:
    at = lines.index("规章")
    return [*lines[:at], "1", "", "规章", "", "0", "", "11", *lines[at + 6:]]


@pytest.mark.parametrize("edit", [_columns_swapped, _value_before_label],
                         ids=["columns-another-order", "a-value-before-its-label"])
def test_table_2_block_is_not_read_where_its_text_does_not_place_every_cell(edit) -> None:
    lines = edit(_wps_lines())
    assert [label for label, _ in t2_label_rows(lines).values()] == [
        "行政许可", "行政处罚", "行政强制", "行政事业性收费"]


# LibreOffice's text export of 淮安 2024's Word page with a 序号 column: one cell a line,
# in row order; `1` alone between 三's header and its first row is that row's number.
SEQ_DUMP = Path(__file__).parents[1] / "fixtures" / "dumps" / "001.soffice-txt-docx-seq-column.txt"


def test_a_row_number_alone_before_the_first_row_is_no_reading_order() -> None:
    content = [ln for ln in SEQ_DUMP.read_text(encoding="utf-8").split("\n") if ln.strip()]
    assert not out_of_row_order(content)
    # the first row's values there, as reading order prints them: out of row order
    at = content.index("一、本年新收政府信息公开申请数量")
    assert content[at - 1] == "1"
    assert out_of_row_order([*content[:at - 1], "3001", "53", *content[at:]])


def _numbered(lines: list[str], number: str, header: bool = True) -> list[str]:
    """The dump with a 序号 column in table 四: `序` / `号` under its title (LibreOffice's
    PDF through pdftotext prints the narrow column's label a character a line) and the
    row's number before its 15 values."""
    at, title = lines.index(T4[0]), t4_title_line(lines)
    return [*lines[:title + 1], *(["序", "号"] if header else []), *lines[title + 1:at],
            number, *lines[at:]]


def test_table_4s_row_number_under_a_seq_header_is_not_a_count() -> None:
    # 16 counts where 四's header prints 序号: only its `1` dropped keeps every identity
    # (before: 16 counts, 四 null)
    _, found = t4_values(_numbered(_lines(), "1"))
    assert [w for _, w in found] == T4


@pytest.mark.parametrize(("number", "header"), [
    ("1", False),  # no 序号 printed: the 1 may be a page's number or a count
    ("2", True),  # no `1` to drop: 四 has one row, numbered 1
], ids=["no-seq-header", "not-one"])
def test_table_4_with_a_count_too_many_stays_null(number: str, header: bool) -> None:
    assert t4_values(_numbered(_lines(), number, header)) is None


def test_word_table_4_with_a_seq_column_read_through_libreoffices_pdf() -> None:
    # 005 with a 序号 column, LibreOffice's PDF through pdftotext: `序` / `号` … `1` / `0` …
    # 四's 15 counts are 0 in its truth (before: 四 null, and with 二 and 三 null too the
    # file read as no report at all)
    text = (Path(__file__).parents[1] / "fixtures" / "dumps"
            / "005.docx-pdftotext-reading-seq-column.txt").read_text(encoding="utf-8")
    assert "序\n号\n" in text
    report = _parse(text)
    got = {c: v for c, v in report.values().items() if c.startswith("t4.")}
    assert got and set(got.values()) == {0}
    assert report.status == "partial"


# huaian-2024's word-unit-row print through `pdftotext` without options, cut after 四's
# title: no count follows it
UNIT_ROW = READING.parent / "huaian-2024.pdftotext-reading-word-unit-row.txt"


def test_text_ending_at_table_4s_title_reads_no_table_4() -> None:
    # Before: an IndexError (no count after the title), the whole file failed.
    lines = UNIT_ROW.read_text(encoding="utf-8").split("\n")
    assert t4_values(lines) is None
    assert parse_bytes("huaian.txt", UNIT_ROW.read_bytes()).status == "partial"
# the seed's thousands print (every count × 1001: `1,001`) through pdftotext without
# options: 三's counts printed with their thousands separated, one or two a line
THOUSANDS = (Path(__file__).parents[1] / "fixtures" / "dumps"
             / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-thousands.txt")


def test_counts_printed_with_thousands_separated_are_counts(
        truth: Callable[[str], dict]) -> None:
    # `1,001` is a count of 1001 (before: no count; 三 read 21 cells of 161)
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    report = parse_bytes("seed.txt", THOUSANDS.read_bytes())
    got = {c: v for c, v in report.values().items()
           if v is not None and c.startswith(("t3.", "t4."))}
    assert got == {c: 1001 * v for c, v in want.items()
                   if v is not None and c.startswith(("t3.", "t4."))}


@pytest.mark.parametrize("word", ["1,001", "23,023", "3,004,001", "7", "0"])
def test_count_words(word: str) -> None:
    assert count(word) == int(word.replace(",", "")) and COUNT.fullmatch(word)


@pytest.mark.parametrize("word", ["1,00", "1,0010", ",001", "1,", "7.5", "23件", "1,001,"])
def test_no_count_words(word: str) -> None:
    assert COUNT.fullmatch(word) is None


# the seed's units print (each count with its unit: `1件`) through pdftotext without options
UNITS = THOUSANDS.with_name("seed-shaoguan-zhenjiang-2019.pdftotext-reading-units.txt")


def test_counts_printed_with_their_unit_are_counts(truth: Callable[[str], dict]) -> None:
    # `1件 0件` reads as `1 0` (before: no count; 三 and 四 read no cell)
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    report = parse_bytes("seed.txt", UNITS.read_bytes())
    got = {c: v for c, v in report.values().items()
           if v is not None and c.startswith(("t3.", "t4."))}
    assert len(got) == 176
    assert got == {c: v for c, v in want.items()
                   if v is not None and c.startswith(("t3.", "t4."))}


def test_bare_counts_drop_units_and_units_wrapped_alone() -> None:
    # 005's units print: 总计's `23件` wrapped, `23` above the row's label, its `件` a line
    # after the row's other counts; two cells' units wrapped together (`件件`)
    lines = ["23", "一、本年新收政府信息公开申请数量", "23件 0件", "0件", "件",
             "件件", "件 4件 3119", "1.属于国家秘密 2件", "本年新收文件 1件的"]
    assert bare_counts(lines) == ["23", "一、本年新收政府信息公开申请数量", "23 0", "0", "",
                                  "", "4 3119", "1.属于国家秘密 2", "本年新收文件 1件的"]


def test_cells_glued_behind_a_zero_are_read_apart() -> None:
    # pingtan-2022's item-apart print (Chromium; pdftotext without options): 三's right
    # block, a row of 0 0 0 0 9 printed `0` / `0` / `0` / `09` (其他's 0 against 总计's 9);
    # no count prints with a leading zero, so each leading 0 is a cell, the rest one count
    lines = ["0", "", "0", "", "0 21", "09", "00", "0 37", "0074", "012", "0"]
    assert unglued_counts(lines) == ["0", "", "0", "", "0 21", "0 9", "0 0", "0 37",
                                     "0 0 74", "0 12", "0"]


def test_words_with_a_leading_zero_inside_other_text_are_kept() -> None:
    # a year, a date, an amount and a page's running line are no glued cells; a line keeps
    # its form feed; a glue with no 0 in front (`19` for 1 and 9) shows nothing
    lines = ["\f平潭综合实验区2022年政府信息公开工作年度报告", "2020-01-05 0.05 05件 a05", "19"]
    assert unglued_counts(lines) == lines


# pdftotext without options of Chromium's print of pingtan-2022's plain page: a page break
# cuts table 四, 三's right block prints after 四's title, and the next page prints
# 行政复议's five counts (`0 1 1 0 2`) before the lawsuits' column labels, right of them
# (`结果 结果 其他 尚未 总 结果 结果 其他 尚未 总` / `维持 纠正 …`), and the ten lawsuit
# counts after them.
PINGTAN_2022 = (Path(__file__).parents[1] / "fixtures" / "dumps"
                / "pingtan-2022-run-together.pdftotext-reading.txt")


def test_table_4_review_counts_printed_before_the_lawsuits_column_labels_are_read(
        truth: Callable[[str], dict]) -> None:
    want = truth("pingtan-2022-run-together")["cells"]
    lines = PINGTAN_2022.read_text(encoding="utf-8").split("\n")
    _, found = t4_values(lines)
    assert [w for _, w in found] == ["0", "1", "1", "0", "2", "1", "0", "0", "0", "1",
                                     "0", "0", "0", "0", "0"]
    report = parse_file(PINGTAN_2022)
    t4 = {c: v for c, v in report.values().items() if c.startswith("t4.")}
    assert t4 == {c: want[c] for c in t4} and None not in t4.values()


@pytest.mark.parametrize("edit", ["a count more", "a label line"])
def test_table_4_review_counts_are_one_group_right_above_the_lawsuits_labels(
        edit: str) -> None:
    # one more count in that run, or a header line naming 行政复议's columns too: not read
    lines = PINGTAN_2022.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("结果 结果 其他 尚未 总 结果"))
    lines[at] = ("0\n" + lines[at]) if edit == "a count more" else lines[at] + " 总"
    assert t4_values("\n".join(lines).split("\n")) is None
