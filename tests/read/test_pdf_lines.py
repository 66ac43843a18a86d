"""Borderless PDF tables: labels wrapped over several lines, blanks placed by the header.

The rows are the ones pdfplumber reads (pdf_page.page_rows) from Chromium's print of
plain pages whose tables have no border (tests/renderings/prints.py,
`chromium-borderless-html`), coordinates rounded to the point.
"""

from __future__ import annotations

from pipelines.read.pdf_lines import blanks_placed, wrapped_labels_joined
from pipelines.read.pdf_page import PdfCell, PdfRow


def _row(top: float, *cells: tuple[str, float, float]) -> PdfRow:
    return PdfRow(1, top, top + 12, [PdfCell(t, x0, x1, f"line {top} cell {k}")
                                     for k, (t, x0, x1) in enumerate(cells, 1)], line=True)


def _texts(rows: list[PdfRow]) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in rows]


def test_a_label_wrapped_over_lines_a_group_label_interleaves_is_joined() -> None:
    """001's (六) group: the group label's lines print between the row label's lines."""
    values = [("6", 355, 362), ("0", 389, 396), ("0", 421, 428), ("0", 458, 464),
              ("0", 499, 506), ("0", 531, 538), ("6", 559, 565)]
    rows = [_row(660, ("（六）其", 102, 150)),
            _row(669, ("2.申请人逾期未按收费通知要求缴", 159, 337)),
            _row(678, ("他处理", 108, 144)),
            _row(687, ("纳费用、行政机关不再处理其政", 164, 332), *values),
            _row(705, ("府信息公开申请", 206, 290)),
            _row(729, ("3.其他", 231, 265), ("108", 348, 368), ("2", 389, 396),
                 ("0", 421, 428), ("0", 458, 464), ("0", 499, 506), ("0", 531, 538),
                 ("110", 552, 572))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["（六）其"],
        ["他处理", "2.申请人逾期未按收费通知要求缴\n纳费用、行政机关不再处理其政\n府信息公开申请",
         "6", "0", "0", "0", "0", "0", "6"],
        ["3.其他", "108", "2", "0", "0", "0", "0", "110"]]


_ZEROS = [("0", 363, 371), ("0", 396, 404), ("0", 431, 440), ("0", 470, 479),
          ("0", 503, 512)]


def test_a_value_line_without_a_label_takes_the_item_lines_above_past_a_group_label() -> None:
    """001 printed at scale 1.25: 4.保护第三方合法权益 wraps around its values, which print
    on no line of it; the group label （三） prints between, in its own column."""
    rows = [_row(574, ("4.保护第三方合法权", 168, 300)),
            _row(578, ("（三）", 105, 150)),
            _row(586, ("6", 325, 333), *_ZEROS, ("6", 537, 545)),
            _row(597, ("益", 226, 241))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["（三）", "4.保护第三方合法权\n益", "6", "0", "0", "0", "0", "0", "6"]]


def test_a_value_line_without_a_label_takes_no_item_across_another() -> None:
    """A numbered item in the label's column between is another row's: none is taken."""
    rows = [_row(574, ("3.要求提供公开出版", 168, 300)),
            _row(586, ("4.无正当理由", 168, 300)),
            _row(598, ("6", 325, 333), *_ZEROS, ("6", 537, 545))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["3.要求提供公开出版"], ["4.无正当理由", "6", "0", "0", "0", "0", "0", "6"]]


_ROW0 = [("0", 325, 333), *_ZEROS, ("0", 537, 545)]


def test_a_value_line_beside_its_group_label_only_takes_the_item_above() -> None:
    """001 printed at scale 1.25: the value line of 3.要求提供公开出版物 prints only its
    group's label （五）; the row's item is on the line above, its last glyph below."""
    rows = [_row(274, ("3.要求提供公开出版", 168, 300)),
            _row(286, ("（五）", 105, 150), *_ROW0),
            _row(297, ("物", 226, 241)),
            _row(308, ("不予处", 105, 150))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["（五）", "3.要求提供公开出版\n物", "0", "0", "0", "0", "0", "0", "0"],
        ["不予处"]]


def test_a_value_line_beside_its_group_label_takes_nothing_without_the_rest_below() -> None:
    """Without the label's rest below, the line above may be a blank row's whole label
    (a blank row prints no value): it is not taken (the group label's own line below
    joins the group label, as before)."""
    rows = [_row(274, ("3.要求提供公开出版物", 168, 300)),
            _row(286, ("（五）", 105, 150), *_ROW0),
            _row(308, ("不予处", 105, 150))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["3.要求提供公开出版物"], ["（五）\n不予处", "0", "0", "0", "0", "0", "0", "0"]]


def test_the_rest_of_a_label_below_beside_a_group_label_is_joined() -> None:
    """001 and 005 printed at scale 1.5: the label's last line below its values prints
    beside （五）, or under a line of （三） alone; only the pieces in the label's column
    join, the group label's stay."""
    rows = [_row(135, ("3.要求提供公", 174, 279)),
            _row(148, *_ROW0),
            _row(162, ("（五）", 105, 159), ("开出版物", 191, 263)),
            _row(189, ("不予处", 105, 159))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["3.要求提供公\n开出版物", "0", "0", "0", "0", "0", "0", "0"], ["（五）"], ["不予处"]]
    rows = [_row(441, ("4.保护第三", 197, 284)),
            _row(454, *_ROW0),
            _row(459, ("（三）", 119, 173)),
            _row(468, ("方合法权益", 196, 286)),
            _row(486, ("不予公", 119, 173))]
    assert _texts(wrapped_labels_joined(rows)) == [
        ["4.保护第三\n方合法权益", "0", "0", "0", "0", "0", "0", "0"], ["（三）"], ["不予公"]]


def test_a_label_without_an_item_number_above_takes_one_line() -> None:
    """No line above starts a numbered item: only the line directly above is joined."""
    rows = [_row(100, ("行政", 40, 70)),
            _row(109, ("规范性", 40, 80)),
            _row(118, ("文件", 40, 70), ("8", 200, 207), ("26", 250, 262))]
    assert _texts(wrapped_labels_joined(rows)) == [["行政"], ["规范性\n文件", "8", "26"]]


def test_blanks_of_the_first_value_line_are_placed_under_the_header() -> None:
    """011's table 四: its only value line prints 10 of 15 cells (the last five empty);
    the header's two lines of column names give the 15 columns."""
    left = [("维持", 41, 65), ("纠正", 80, 104), ("结果", 120, 144), ("审结", 159, 183),
            ("计", 197, 209)]
    right = [("维持", 223, 247), ("纠正", 262, 286), ("结果", 301, 325), ("审结", 340, 364),
             ("计", 378, 390), ("维持", 404, 428), ("纠正", 443, 467), ("结果", 482, 506),
             ("审结", 522, 546), ("计", 560, 572)]
    rows = [_row(231, ("行政复议", 100, 148), ("行政诉讼", 373, 421)),
            _row(255, ("未经复议直接起诉", 258, 354), ("复议后起诉", 457, 517)),
            _row(285, *left),
            _row(297, *right),
            _row(321, ("5", 50, 57), ("", 91, 94), ("", 130, 133), ("2", 167, 174),
                 ("7", 199, 206), ("8", 231, 238), ("", 273, 275), ("", 312, 314),
                 ("1", 349, 355), ("9", 381, 387))]
    assert _texts(blanks_placed(rows))[-1] == [
        "5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]


def test_values_not_under_the_header_columns_get_no_blank() -> None:
    """Two values under one column: nothing is placed."""
    rows = [_row(285, ("维持", 41, 65), ("纠正", 80, 104), ("结果", 120, 144)),
            _row(300, ("5", 40, 47), ("6", 58, 65))]
    assert _texts(blanks_placed(rows))[-1] == ["5", "6"]


def test_numbers_of_two_columns_printed_edge_to_edge_get_no_blank() -> None:
    """A `display:table` page's cells have no padding: Chromium prints 10 and 1 of two
    columns edge to edge, read as one number `101` (huaian's div-table page). It reaches
    over a fuller line's last two 0s: it is not one column's value and nothing is placed
    (before: a blank put before it, and 101 published as the 其他 column's value)."""
    rows = [_row(209, ("（四）无法提供", 34, 118), ("1.本机关不掌握相关政府信息", 231, 384),
                 ("746", 409, 427), ("12", 453, 465), ("0", 489, 495), ("0", 506, 512),
                 ("101", 518, 536), ("769", 554, 572)),
            _row(263, ("（五）不予处理", 34, 118), ("1.信访举报投诉类申请", 231, 349),
                 ("56", 409, 421), ("6", 453, 459), ("0", 489, 495), ("0", 506, 512),
                 ("0", 518, 524), ("0", 530, 536), ("62", 554, 566))]
    assert _texts(blanks_placed(rows))[0] == [
        "（四）无法提供", "1.本机关不掌握相关政府信息", "746", "12", "0", "0", "101", "769"]



def test_a_label_line_ending_in_a_number_places_no_blank() -> None:
    """The same page printed on A4 landscape: the label touches its row's first value,
    and its line reads `…行政机关不再 6`. The six numbers left sit nearest the first six
    columns of the fuller line above, one column off; placing them put 6 under 其他 and
    a blank under 总计 (2 wrong cells). No statutory label ends in a number: nothing is
    placed, and the row's values stay as printed (the recogniser nulls the short row)."""
    above = "1.申请人无正当理由逾期不补正、行政机关不再处\n理其政府信息公开申请"
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再 6\n处理其政府信息公开申请"
    rows = [_row(100, (above, 337, 598),
                 ("67", 607, 619), ("3", 664, 670), ("0", 716, 722), ("0", 736, 742),
                 ("1", 748, 754), ("0", 760, 766), ("71", 784, 796)),
            _row(130, (label, 34, 343),
                 ("0", 607, 613), ("0", 664, 670), ("0", 716, 722), ("0", 736, 742),
                 ("0", 748, 754), ("6", 760, 766))]
    assert _texts(blanks_placed(rows))[1] == [label, "0", "0", "0", "0", "0", "6"]

def _on(page: int, row: PdfRow) -> PdfRow:
    row.page = page
    return row


# 011's table 三 printed borderless on Letter at scale 1.25: its first rows on page 2
# print every column; on page 3 (no header repeated) no row prints past the 2nd.
_PAGE_2 = [
    _row(469, ("一、本年新收政府信息公开申请数量", 51, 291), ("821", 314, 339), ("35", 357, 374),
         ("", 401, 405), ("", 443, 447), ("2", 488, 496), ("1", 525, 533), ("859", 548, 573)),
    _row(499, ("二、上年结转政府信息公开申请数量", 51, 291), ("18", 318, 335), ("", 364, 367),
         ("", 401, 405), ("", 443, 447), ("", 490, 494), ("", 528, 531), ("18", 552, 568)),
    _row(716, ("3.危及“三安全一", 185, 303)),
    _row(739, ("稳定”", 222, 267)),
]


def test_a_table_continued_on_the_next_page_takes_the_columns_of_the_page_before() -> None:
    page_3 = [_on(2, _row(34, ("4.保护第三方合法", 185, 303))),
              _on(2, _row(98, ("5.属于三类内部事务信息", 185, 303), ("5", 322, 331))),
              _on(2, _row(150, ("6.属于四类过程性信息", 185, 303), ("3", 322, 331),
                          ("1", 361, 369)))]
    assert _texts(blanks_placed(page_3, _PAGE_2))[1:] == [
        ["5.属于三类内部事务信息", "5", "", "", "", "", "", ""],
        ["6.属于四类过程性信息", "3", "1", "", "", "", "", ""]]


def test_a_header_at_the_foot_of_the_page_before_places_nothing() -> None:
    """A value line at the top of a page is not directly under the last line of the page
    before, and a header there ends the table: its blanks are not placed."""
    header = [_row(750, ("维持", 41, 65), ("纠正", 80, 104), ("结果", 120, 144))]
    page = [_on(2, _row(34, ("5", 40, 47), ("6", 120, 130)))]
    assert _texts(blanks_placed(page, header)) == [["5", "6"]]
