"""A scanned header's column order, read from its label boxes (recognise/ocr_columns.py).

The cells are OCR's reading of Chromium's print of 001 with 三's 自然人 printed last
(`t3-natural-last+revalued`, scanned grey 150 dpi, bench_cross_scans): text, box and row
as the scan reader gave them, the row labels and values cut to the first rows."""

from __future__ import annotations

from pipelines.document import Document, TextCell
from pipelines.recognise.misprints import relabel_misprints
from pipelines.recognise.ocr_columns import misordered_scan_columns
from pipelines.recognise.ocr_labels import match_ocr_labels
from pipelines.recognise.tokens import tokenise
from schemas.template import load_template

T2 = [("行政事业性收费", "page 1 table 1 row 14 cell 1 box 38,576,121,594", 21),
      ("0", "page 1 table 1 row 14 cell 2 box 126,576,246,594", 21)]
NOTE = ("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
        "page 1 table 2 row 1 cell 1 box 38,644,358,725", 23)
APPLICANTS = ("申请人情况", "page 1 table 2 row 1 cell 2 box 362,644,574,662", 23)
ORGS = [("商业 企业", "page 1 table 2 row 3 cell 1 box 362,689,389,725", 25),
        ("科研机构", "page 1 table 2 row 3 cell 2 box 394,689,420,725", 25),
        ("社会公益组织", "page 1 table 2 row 3 cell 3 box 425,689,463,725", 25),
        ("法律服务机构", "page 1 table 2 row 3 cell 4 box 468,689,504,725", 25),
        ("其他", "page 1 table 2 row 3 cell 5 box 509,689,526,725", 25)]
FIRST_ROW = [("一、本年新收政府信息公开申请数量", "page 1 table 2 row 4 cell 1 box 38,730,358,747",
              26), ("5", "page 1 table 2 row 4 cell 2 box 362,730,389,747", 26)]


def _header(natural_x: tuple[int, int], orgs_x: int) -> list[tuple[str, str, int]]:
    return [("法人或其他组织", f"page 1 table 2 row 2 cell 1 box {orgs_x},667,526,684", 24),
            ("自然人", f"page 1 table 2 row 2 cell 2 box {natural_x[0]},667,{natural_x[1]},725",
             24),
            ("总计", "page 1 table 2 row 2 cell 3 box 558,667,574,725", 24)]


def _misordered(cells: list[tuple[str, str, int]]) -> dict[str, list[str]]:
    """Table -> its labels as printed, for the tables whose order the boxes refute."""
    return {table: printed for table, (printed, _) in _columns(cells).items()}


def test_a_scanned_header_printing_natural_persons_last_is_misordered() -> None:
    cells = [*T2, NOTE, APPLICANTS, *_header((531, 552), 362), *ORGS, *FIRST_ROW]
    assert _misordered(cells) == {"t3": ["商业 企业", "科研机构", "社会公益组织",
                                         "法律服务机构", "其他", "自然人", "总计"]}


def test_the_template_order_over_two_header_rows_is_not() -> None:
    """自然人 left of the organisations, on the row above theirs: in order by position."""
    cells = [*T2, NOTE, APPLICANTS, *_header((340, 358), 362), *ORGS, *FIRST_ROW]
    assert _misordered(cells) == {}


def test_a_header_naming_one_column_proves_nothing() -> None:
    cells = [*T2, NOTE, APPLICANTS, ORGS[0], *FIRST_ROW]
    assert _misordered(cells) == {}


def test_a_scanned_header_printing_the_total_first_is_misordered() -> None:
    """三's columns never restart: 总计 left of 自然人 is out of order (四's groups do
    restart after their 总计)."""
    header = [("总计", "page 1 table 2 row 2 cell 1 box 340,667,358,725", 24),
              ("自然人", "page 1 table 2 row 2 cell 2 box 362,667,389,725", 24)]
    orgs = [(text, ref, row) for text, ref, row in ORGS]
    assert list(_misordered([*T2, NOTE, APPLICANTS, *header, *orgs, *FIRST_ROW])) == ["t3"]


# 四's header in a picture without ruling lines whose labels wrap (tests/renderings/
# test_pictures.py, 001): OCR reads the first group's 总计 and the second group's columns as
# one line, the second group's 总计 on the line below.
T4_LINE = [("总计", "image 3 page 1 table 1 row 5 cell 1 box 366,77,406,97", 53),
           ("结果维持", "image 3 page 1 table 1 row 5 cell 2 box 440,75,502,96", 53),
           ("结果纠正", "image 3 page 1 table 1 row 5 cell 3 box 526,74,586,95", 53),
           ("尚未审结", "image 3 page 1 table 1 row 5 cell 5 box 698,71,758,92", 53),
           ("结果维持", "image 3 page 1 table 1 row 5 cell 6 box 868,69,930,89", 53),
           ("结果纠正", "image 3 page 1 table 1 row 5 cell 7 box 953,67,1014,88", 53)]
T4_BELOW = [("总计", "image 3 page 1 table 1 row 6 cell 5 box 793,85,834,106", 54)]


def test_a_group_whose_total_ocr_read_on_the_next_line_is_in_order() -> None:
    assert _misordered([*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_LINE, *T4_BELOW]) == {}


def test_a_group_restarting_with_no_total_between_is_misordered() -> None:
    """The same line without the 总计 below: the second group's columns start again
    before any 总计 closed the first."""
    assert list(_misordered([*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_LINE])) == ["t4"]


# 四's group labels as OCR read them in Chromium's print of 001 with its lawsuit groups
# printed the other way round (`t4-groups-swapped+revalued`, scanned grey 100 dpi,
# bench_cross_scans): in the template's order its numbers published 4 wrong.
T4_GROUPS = [("行政复议", "page 2 table 2 row 1 cell 1 box 38,705,214,722", 53),
             ("行政诉讼", "page 2 table 2 row 1 cell 2 box 218,705,574,722", 53),
             ("结果维持", "page 2 table 2 row 2 cell 1 box 38,727,72,763", 54),
             ("总计", "page 2 table 2 row 2 cell 5 box 195,727,214,763", 54)]
AFTER_REVIEW = ("复议后起诉", "page 2 table 2 row 2 cell 6 box 218,727,394,744", 54)
DIRECT = ("未经复议直接起诉", "page 2 table 2 row 2 cell 7 box 398,727,574,744", 54)


def _at(cell: tuple[str, str, int], box: str) -> tuple[str, str, int]:
    text, ref, row = cell
    return text, ref.rsplit(" box ", 1)[0] + f" box {box}", row


def test_lawsuit_groups_printed_the_other_way_round_are_misordered() -> None:
    cells = [*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_GROUPS, AFTER_REVIEW, DIRECT]
    assert _misordered(cells) == {"t4": ["复议后起诉", "未经复议直接起诉"]}


def test_lawsuit_groups_in_the_template_order_are_not() -> None:
    cells = [*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_GROUPS,
             _at(DIRECT, "218,727,394,744"), _at(AFTER_REVIEW, "398,727,574,744")]
    assert _misordered(cells) == {}


# 二's first block as OCR read it in Chromium's print of 001 with 本年废止件数 printed
# before 本年制发件数 (`t2-columns-swapped+revalued`, scanned grey 100 dpi): only that
# block's columns are put out of order (as from text).
T2_BLOCK = [("信息内容", "page 1 table 1 row 2 cell 1 box 38,235,121,270", 9),
            ("本年废 止件数", "page 1 table 1 row 2 cell 2 box 126,235,163,270", 9),
            ("本年制发件数", "page 1 table 1 row 2 cell 3 box 168,235,207,270", 9),
            ("现行有效件数", "page 1 table 1 row 2 cell 4 box 210,235,248,270", 9),
            ("规章", "page 1 table 1 row 3 cell 1 box 38,275,121,292", 10),
            ("信息内容", "page 1 table 1 row 6 cell 1 box 38,343,121,378", 13),
            ("本年处理决定数量", "page 1 table 1 row 6 cell 2 box 126,343,246,378", 13)]


def _columns(cells: list[tuple[str, str, int]]) -> dict:
    doc = Document("001.pdf", "", 0, "scan", "",
                   [TextCell(text, ref, row, 0.99) for text, ref, row in cells])
    return misordered_scan_columns(tokenise(doc), "gov_2021")


def test_a_block_of_table_two_printed_in_another_order_is_misordered() -> None:
    assert _columns([*T2_BLOCK, *T2, NOTE, APPLICANTS, *FIRST_ROW]) == {
        "t2": (["本年废 止件数", "本年制发件数", "现行有效件数"],
               ("repealed", "issued", "in_force"))}


def test_table_two_in_the_template_order_is_not() -> None:
    issued, repealed = T2_BLOCK[2], T2_BLOCK[1]
    block = [T2_BLOCK[0], _at(issued, "126,235,163,270"), _at(repealed, "168,235,207,270"),
             *T2_BLOCK[3:]]
    assert _columns([*block, *T2, NOTE, APPLICANTS, *FIRST_ROW]) == {}


# The same print scanned rotated with noise (grey200_rotated_noise): the rule between the
# two lawsuit groups lost, OCR read both labels as one cell (4 wrong before).
RUN_TOGETHER = ("复议后起诉未经复议直接起诉", "page 2 table 2 row 2 cell 6 box 219,728,573,744",
                54)


def test_lawsuit_groups_read_as_one_cell_are_misordered_by_their_text() -> None:
    cells = [*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_GROUPS, RUN_TOGETHER]
    assert _misordered(cells) == {"t4": ["复议后起诉", "未经复议直接起诉"]}


def test_lawsuit_groups_read_as_one_cell_in_the_template_order_are_not() -> None:
    cells = [*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_GROUPS,
             ("未经复议直接起诉复议后起诉", RUN_TOGETHER[1], 54)]
    assert _misordered(cells) == {}


def test_a_sentence_naming_the_groups_in_a_cell_is_no_header() -> None:
    sentence = "本年度复议后起诉案件较上年减少，未经复议直接起诉案件增加，均已依法应诉并按期答辩"
    cells = [*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_GROUPS, (sentence, RUN_TOGETHER[1], 54)]
    assert _misordered(cells) == {}


# 四 as OCR read it in Chromium's print of 011 (a 2019 report) with each group's 总计
# printed first (`t4-total-first+revalued`, scanned grey 100 dpi, bench_cross_scans): read
# left to right, a 总计 then 结果维持 … 尚未审结 looks like one group closing and the next
# starting, and in the template's order the numbers published 3 wrong and 3 invented under
# grey100, low contrast and the red stamp. The group labels' boxes show it: a 总计 and
# the 结果维持 after it stand under one group's label.
T4_TOTAL_FIRST = [
    ("行政复议", "page 3 table 1 row 1 cell 1 box 38,62,214,79", 54),
    ("行政诉讼", "page 3 table 1 row 1 cell 2 box 218,62,574,79", 54),
    ("总计", "page 3 table 1 row 2 cell 1 box 38,85,57,142", 55),
    ("结果维持", "page 3 table 1 row 2 cell 2 box 62,85,98,142", 55),
    ("结果纠正", "page 3 table 1 row 2 cell 3 box 101,85,135,142", 55),
    ("其他结果", "page 3 table 1 row 2 cell 4 box 140,85,174,142", 55),
    ("尚未审结", "page 3 table 1 row 2 cell 5 box 179,85,214,142", 55),
    ("未经复议直接起诉", "page 3 table 1 row 2 cell 6 box 218,85,394,102", 55),
    ("复议后起诉", "page 3 table 1 row 2 cell 7 box 398,85,574,102", 55),
    ("总计", "page 3 table 1 row 3 cell 1 box 218,107,238,142", 56),
    ("结果维持", "page 3 table 1 row 3 cell 2 box 242,107,279,142", 56),
    ("结果", "page 3 table 1 row 3 cell 3 box 282,107,318,142", 56),
    ("其他结果", "page 3 table 1 row 3 cell 4 box 321,107,355,142", 56),
    ("尚未审结", "page 3 table 1 row 3 cell 5 box 360,107,394,142", 56),
    ("总计", "page 3 table 1 row 3 cell 6 box 398,107,418,142", 56),
    ("结果维持", "page 3 table 1 row 3 cell 7 box 422,107,456,142", 56),
    ("结果纠正", "page 3 table 1 row 3 cell 8 box 462,107,498,142", 56),
    ("其他结果", "page 3 table 1 row 3 cell 9 box 502,107,536,142", 56),
    ("尚未审结", "page 3 table 1 row 3 cell 10 box 540,107,574,142", 56)]


def test_each_group_printing_its_total_first_is_misordered() -> None:
    assert list(_misordered([*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_TOTAL_FIRST])) == ["t4"]


def _total_last(cells: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The same header with each group's 总计 moved to the group's right end (the boxes
    shifted left by the 总计's width: the template's order)."""
    out = list(cells)
    for first, last in ((2, 6), (9, 13), (14, 18)):
        total, rest = out[first], out[first + 1:last + 1]
        x0 = int(total[1].rsplit(" box ", 1)[1].split(",")[0])
        moved = []
        for text, ref, row in rest:
            a, y0, b, y1 = (int(v) for v in ref.rsplit(" box ", 1)[1].split(","))
            moved.append(_at((text, ref, row), f"{x0},{y0},{x0 + b - a},{y1}"))
            x0 += b - a + 4
        a, y0, b, y1 = (int(v) for v in total[1].rsplit(" box ", 1)[1].split(","))
        out[first:last + 1] = [*moved, _at(total, f"{x0},{y0},{x0 + b - a},{y1}")]
    return out


def test_each_group_printing_its_total_last_is_not() -> None:
    cells = _total_last(T4_TOTAL_FIRST)
    assert _misordered([*T2, NOTE, APPLICANTS, *FIRST_ROW, *cells]) == {}


# 四's header as OCR read it in a phone's photo of 001 (`phone_mild`, tests/renderings/
# scans.py): the lawsuit groups' columns on one row, the first group's 结果维持 and 总计
# read too poorly to name (`踏果雅持`, `总叶`), so 尚未审结 is followed by the next group's
# 结果维持 with no 总计 between. The group labels' boxes show two groups there (before:
# every cell of 四 null, flagged `columns_out_of_order`, 15 missed).
T4_PHOTO = [
    ("行政复议", "page 5 table 2 row 1 cell 1 box 66,502,215,535", 55),
    ("行政诉讼", "page 5 table 2 row 1 cell 2 box 217,502,515,535", 55),
    ("结果维持", "page 5 table 2 row 2 cell 1 box 66,538,90,645", 56),
    ("结果正", "page 5 table 2 row 2 cell 2 box 92,538,118,645", 56),
    ("其他结果", "page 5 table 2 row 2 cell 3 box 120,537,153,645", 56),
    ("尚来审结", "page 5 table 2 row 2 cell 4 box 155,537,181,645", 56),
    ("总计", "page 5 table 2 row 2 cell 5 box 183,537,215,645", 56),
    ("未经复议直接起诉", "page 5 table 2 row 2 cell 6 box 217,537,357,570", 56),
    ("复议后起诉", "page 5 table 2 row 2 cell 7 box 359,537,515,570", 56),
    ("踏果雅持", "page 5 table 2 row 3 cell 1 box 217,573,244,645", 57),
    ("结果纯正", "page 5 table 2 row 3 cell 2 box 246,573,272,645", 57),
    ("其他结果", "page 5 table 2 row 3 cell 3 box 275,573,300,645", 57),
    ("尚来审结", "page 5 table 2 row 3 cell 4 box 303,573,328,645", 57),
    ("总叶", "page 5 table 2 row 3 cell 5 box 331,573,357,645", 57),
    ("精果维持", "page 5 table 2 row 3 cell 6 box 359,573,384,645", 57),
    ("结果到正", "page 5 table 2 row 3 cell 7 box 387,573,413,645", 57),
    ("其他酷果", "page 5 table 2 row 3 cell 8 box 415,573,441,645", 57),
    ("尚来审结", "page 5 table 2 row 3 cell 9 box 444,573,476,645", 57),
    ("总计", "page 5 table 2 row 3 cell 10 box 479,573,515,645", 57)]


def _read_as_recognise(cells: list[tuple[str, str, int]]) -> dict[str, list[str]]:
    """Table -> its labels as printed, for the tables whose order the boxes refute, the
    labels matched as recognise() matches them (OCR's near misses: `结果纯正`)."""
    doc = Document("001.pdf", "", 0, "scan", "",
                   [TextCell(text, ref, row, 0.99) for text, ref, row in cells])
    tokens = match_ocr_labels(tokenise(doc), doc)
    relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    return {table: printed for table, (printed, _)
            in misordered_scan_columns(tokens, "gov_2021").items()}


def test_two_groups_under_their_labels_restart_without_a_total_read_between() -> None:
    assert _read_as_recognise([*T2, NOTE, APPLICANTS, *FIRST_ROW, *T4_PHOTO]) == {}


def test_a_group_printed_out_of_order_under_its_label_still_is() -> None:
    """The same photo with the second lawsuit group's 结果维持 and 结果纠正 exchanged: the
    labels of one group show it."""
    cells = list(T4_PHOTO)
    cells[14], cells[15] = _at(cells[15], "359,573,384,645"), _at(cells[14], "387,573,413,645")
    assert list(_read_as_recognise([*T2, NOTE, APPLICANTS, *FIRST_ROW, *cells])) == ["t4"]
