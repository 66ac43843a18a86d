"""Space-aligned tables laid out by position: `pdftotext -layout` of real renderings.

The text is pdftotext's, verbatim, of Chromium's PDF prints of report 001 (淮安市人民政府
2024; tests/renderings/dumps.py): its Word-style page, whose narrow columns wrap labels
over many lines, and its plain page; one snippet is of report 005's Word page.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_file
from pipelines.read.text import read

WORD_T2 = """\
     第二十条第（六）项
 信息         本年处
 内容       理决定数量
 行政
 处罚        3985758

 行政
 强制         88283
"""

WORD_T3 = """\
 一、本年新收政府信息公 3001 53
     开申请数量                    0     0   61 4   3119
       2.其他
        法律
        行政
        法规    30    1    0   0   0    0   31

        禁止
        公开
       3.危及
        “三
        安全     5    0    0   0   0    0    5
        一稳
        定”
"""

PLAIN_T3 = """\
      （二）部分公开（区分处理的，只计这一情 447 7
      形，不计其他情形）                       0   0   0    0   454
      （四）无 2.没有现成信息需要另行制作
三、本年 法提供                    11   0    0   0   0    0   11
"""


# 001's Word page (huaian-2024): `2.` printed after its label's first line (`没有   2.`),
# the digits' font on another baseline.
ITEM_LAST = """\
     三、             没有   2.
     本年            现成
     度办            信息
     理结            需要                11    0   0   0   0   0   11

      果            另行
                   制作
                  3.补正
                   后申
                   请内
                   容仍                 1    0   0   0   0   0   1

                   不明
                    确
                  1.信访
                   举报
                   投诉                56    6   0   0   0   0   62
"""

# 001's plain page with a prefecture's numbers (variants.py `revalued-large`): the split
# row's second line opens with the group labels' pieces (`三、本年`, `法提供`).
SPLIT_GROUP = """\
            1.本机关不掌握相关政府信息   429 72   3                       4    22   24   554
       （四）无 2.没有现成信息需要另行制作 57 11 2
  三、本年 法提供                                                    0    5    2    77

  度办理结      3.补正后申请内容仍不明确    32   2   0                       0    1    0    35
  果         1.信访举报投诉类申请      35   6   0                       0    0    4    45
"""

# 005 (Word page): the item number prints one space apart from its label's text.
DETACHED = """\
         5. 要求
            行政
            机关
            确认
            或重 0      0   0     0   0   0     0
            新出
            具已
            获取
            信息
"""

# 005 (Word page): the amount's unit wraps around it in its narrow cell.
UNIT = """\
     第二十条第（九）项
     采购
信息 项
内容 目数 采购总金额
      量
政府                万
集中 135 7539.443252
               元
采购
   三、收到和处理政府信息公开申请情况
"""

# 006 (Word page): unnumbered labels wrapped so that the lines between two value rows
# may end the upper label or start the lower one.
BETWEEN = """\
     第二十条第（五）项
      上一          处理
 信息 年 本年 决
 内容 项目 增/减 定数
      数量           量
 行政 396 442 278
 许可
 其他
 对外
 管理 10      7     105
 服务
 事项
"""

# 001 (Word page, `-fixed 3`): the line under 规章's values starts the next label.
UNDER = """\
                        第二十条第（一）项
                             本年            本年            现行
               信息              制             废             有
               内容            发件            止件            效件
                               数             数             数
               规章               1             0            11
               行政
               规范
               性文               8            26            66

                件
"""


# 005 (Word page): 行政事业性收费, the only row of its block (2 columns), split over two
# lines; the blocks above have 3 columns.
FEES = """\
     第二十条第（五）项
      上一        处理
 信息 年 本年 决
 内容 项目 增/减 定数
      数量         量
 行政 396
 许可         0   181

 其他
 对外
 管理 10      0   153
 服务
 事项
     第二十条第（六）项
      上一        处理
 信息 年 本年 决
 内容 项目 增/减 定数
      数量         量
 行政 2648 0
 处罚             430

 行政 126
 强制         0    25

     第二十条第（八）项
      上一
 信息 年
 内容 项目 本年增/减
      数量
 行政
 事业 35
 性收           0

  费
"""

# 005 (Word page): table 三's header, and a group label's lines (`本年 （二）部分公开`)
# between its rows, left of the values.
T3_HEAD = """\
   三、收到和处理政府信息公开申请情况
 （本列数据的勾稽关系                申请人情况
 为：第一项加第二项之 自然            法人或其他组织
和，等于第三项加第四项 人 商业 科研 社会           法律        总计
     之和）            企业 机构 公益     服务
                             组织 机构
                                      其他
一、本年新收政府信息公 23
    开申请数量            0  0     0   0   0    23

二、上年结转政府信息公 0
    开申请数量            0  0     0   0   0    0

三、 （一）予以公开 7         0  0     0   0   0    7
本年 （二）部分公开
度办 （区分处理的， 1
理结 只计这一情形，           0  0     0   0   0    1

"""


# Full-width digits a narrow column wraps (821 as `８２` over `１`; 859 as `８５` over `９`):
# Chromium's print of 011's page with full-width digits (tests/renderings/variants.py)
FULLWIDTH = """\
   一、本年新收政府信息公开申请数量         ８２ ３５        ２   １ ８５
                            １                  ９
   二、上年结转政府信息公开申请数量         １８                 １８
"""

# `<br>` inside numbers (1288 as `1<br>288`): the row's cells at their own heights, each
# centred; Chromium's print of huaian's page (variants.py `number-br`)
NUMBER_BR = """\
   三、本年 （一）予以公开                1   2
                                                               0      0
                                                                          5
                                                                              3
                                                                                  1
   度办理结                        288 1                                      0       362
"""

# A full row under a full row (`其中：网上申请`, a CMS's extra row): the next row
EXTRA_ROWS = """\
   其中：网上申请                    1    2                   3      4   5    6   7
   二、上年结转政府信息公开申请数量           34   0                   0      0   0    0   34
   其中：网上申请                    1    2                   3      4   5    6   7
        （一）予以公开               1288 21                  0      0   50   3   1362
"""


# 004 as Word prints it, zeros printed (bench_cross_docx `docx` at --means 0.5 --seeds 6),
# LibreOffice's PDF through `pdftotext -layout`: a page break (the form feed) cuts
# 1.属于国家秘密 beside its group's label (（三）不予公开), the next page's grid five characters
# left, the group label's pieces still beside the row label's on its lines.
PAGE_BREAK_BESIDE = """\
      他情形）
     （三   1.属   0    0    0    0    0    0     0
     ）不   于国
\f予公   家秘
 开    密
     2.其   0   0   0   0   0   0   0
     他法
     律行
     政法
     规禁
     止公
      开
     3.危   0   0   0   0   0   0   0
"""


def rows_of(text: str) -> list[list[str]]:
    doc = read("layout.txt", "0" * 64, len(text.encode()), text)
    assert doc.rendering == "text_aligned"
    rows: dict[int, list[str]] = {}
    for c in doc.cells:
        rows.setdefault(c.row, []).append(c.text)
    return list(rows.values())


def test_unnumbered_labels_start_above_their_values() -> None:
    # A centred label prints its first part above its values; a heading and the
    # header's lines are not label parts.
    assert rows_of(WORD_T2 + WORD_T3)[:5] == [
        ["第二十条第（六）项"], ["信息", "本年处"], ["内容", "理决定数量"],
        ["行政处罚", "3985758"], ["行政强制", "88283"]]


def test_numbered_labels_wrapped_over_lines_and_split_rows_are_joined() -> None:
    assert rows_of(WORD_T3 * 4) == [  # x4: enough rows to show the layout is kept
        ["一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"],
        ["2.其他法律行政法规禁止公开", "30", "1", "0", "0", "0", "0", "31"],
        ["3.危及“三安全一稳定”", "5", "0", "0", "0", "0", "0", "5"]] * 4


def test_a_row_label_above_a_group_labels_piece_is_the_rows() -> None:
    assert rows_of(PLAIN_T3 * 2) == [
        ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
         "447", "7", "0", "0", "0", "0", "454"],
        ["（四）无"], ["三、本年", "法提供", "2.没有现成信息需要另行制作",
                     "11", "0", "0", "0", "0", "0", "11"]] * 2


def test_an_item_number_printed_apart_from_its_label_starts_it() -> None:
    assert rows_of(DETACHED * 3) == [
        ["5.要求行政机关确认或重新出具已获取信息", "0", "0", "0", "0", "0", "0", "0"]] * 3


def test_an_item_number_printed_after_its_labels_first_line_starts_it() -> None:
    # before: `没有` / `2.` left apart, the row's label unread and the row null
    assert rows_of(ITEM_LAST)[3:6] == [
        ["理结", "2.没有现成信息需要另行制作", "11", "0", "0", "0", "0", "0", "11"], ["果"],
        ["3.补正后申请内容仍不明确", "1", "0", "0", "0", "0", "0", "1"]]


def test_a_split_rows_second_line_keeps_its_group_labels_pieces_apart() -> None:
    # `三、本年` opens a numbered item, but left of the row's label, with `度办理结` going
    # on under it: a group label's piece, no row's start. before: the lines left apart,
    # the row null (57 11 2 and 0 5 2 77 no row's seven)
    assert rows_of(SPLIT_GROUP)[1:3] == [
        ["（四）无", "2.没有现成信息需要另行制作", "57", "11", "2", "0", "5", "2", "77"],
        ["三、本年", "法提供"]]


def test_a_short_row_label_under_a_split_rows_first_line_is_no_group_piece() -> None:
    # The same lines with a row of its own under the first (`四、结转`, in the group
    # column, nothing going on under it): two rows, left as printed.
    text = SPLIT_GROUP.replace("三、本年 法提供", "四、结转      ").replace(
        "度办理结", "        ").replace("  果 ", "    ")
    rows = rows_of(text)
    assert rows[1:3] == [["（四）无", "2.没有现成信息需要另行制作", "57", "11", "2"],
                         ["四、结转", "0", "5", "2", "77"]]


def test_an_amounts_unit_wrapped_around_it_is_joined_back() -> None:
    assert rows_of(UNIT + WORD_T3 * 3)[4:6] == [
        ["量"], ["政府集中采购", "135", "7539.443252万元"]]


def test_label_lines_between_two_value_rows_are_left_as_printed() -> None:
    # 许可 ends 行政's label and 其他 / 对外 start 管理's: by position alone either may be
    # either, so the lines stay rows of their own; the recogniser joins them where
    # exactly one join names a statutory row (行政许可, 其他对外管理服务事项).
    assert rows_of(BETWEEN + WORD_T3 * 3)[5:12] == [
        ["行政", "396", "442", "278"], ["许可"], ["其他"], ["对外"],
        ["管理", "10", "7", "105"], ["服务"], ["事项"]]


def test_a_line_below_a_label_that_runs_into_the_next_values_is_left_as_printed() -> None:
    # 行政 / 规范 lead down to 性文's values: 行政 may start that label as well as end
    # 规章's, so it is not joined to 规章.
    assert rows_of(UNDER + WORD_T3 * 3)[5:10] == [
        ["规章", "1", "0", "11"], ["行政"], ["规范"], ["性文", "8", "26", "66"], ["件"]]


def test_a_split_row_alone_in_its_block_takes_the_width_of_its_header() -> None:
    # No full row of its block gives its width (the rows near it print 3 values): its
    # header's column names right of its label do (上一年项目数量, 本年增/减).
    assert rows_of(FEES)[-3:] == [["数量"], ["行政事业性收", "35", "0"], ["费"]]


def test_a_group_labels_line_is_no_header() -> None:
    # `本年 （二）部分公开` has no word over the values: the split row below it keeps the
    # width of the full rows near it. The second line's group label piece (`理结`, left
    # of the row's label) stays a line of its own, the row's label whole (before:
    # `度办`, `（区分处理的，`, `理结`, `（二）部分公开只计这一情形，`).
    assert rows_of(T3_HEAD)[-3:] == [
        ["本年"], ["度办", "（二）部分公开（区分处理的，只计这一情形，",
                 "1", "0", "0", "0", "0", "0", "1"], ["理结"]]


def stacked_of(text: str) -> list[list[tuple[str, bool]]]:
    doc = read("layout.txt", "0" * 64, len(text.encode()), text)
    rows: dict[int, list[tuple[str, bool]]] = {}
    for c in doc.cells:
        rows.setdefault(c.row, []).append((c.text, c.stacked))
    return list(rows.values())


def test_a_cells_second_line_under_its_first_marks_the_rows_values() -> None:
    # `１` under `８２`: which line's pieces make 821 the layout does not say; the row
    # below, a full row of its own, is not marked.
    assert stacked_of(WORD_T3 * 3 + FULLWIDTH)[-3:] == [
        [("一、本年新收政府信息公开申请数量", False),
         *((v, True) for v in ("８２", "３５", "２", "１", "８５"))],
        [("１", True), ("９", True)],
        [("二、上年结转政府信息公开申请数量", False), ("１８", False), ("１８", False)]]


def test_lines_of_values_alone_below_a_row_mark_it() -> None:
    # `0 0`, `5`, `3`, `1` fill the row's 7 columns by count (1288 read as 1, 1362 as 1);
    # lines of values alone under a row show its cells print over several lines. The
    # line below them prints more values than the row's own line: a row of its own.
    assert stacked_of(WORD_T3 * 3 + NUMBER_BR)[-6:] == [
        [("三、本年", False), ("（一）予以公开", False), ("1", True), ("2", True)],
        [("0", True), ("0", True)], [("5", True)], [("3", True)], [("1", True)],
        [("度办理结", False), ("288", False), ("1", False), ("0", False), ("362", False)]]


def test_a_full_row_under_a_full_row_is_the_next_row() -> None:
    assert not any(flag for row in stacked_of(WORD_T3 * 3 + EXTRA_ROWS) for _, flag in row)


# pdftotext -layout of LibreOffice's PDF of a DOCX whose numbers print thousands
# separators (huaian 2024, `docx-thousands`): narrow cells wrap a number at its separator,
# the tail under its head, beside a group label printed down the left column.
THOUSANDS = """\
三、   （一）予以公     1,289   21,02   0     0   50,05   3,003   1,363
本年      开        ,288     1                 0              ,362
"""
# Table 四's one row of values, wrapped over three lines (`17` / `8,1` / `78` for 178,178).
THOUSANDS_T4 = """\
72, 64, 17 37, 35 13,       4,0 8,0 1,0 26,   12,   1,0 1,0 6,0   20,
07 06 8,1 03 1,3 01         04 08 01 02       01    01 01 06      02
 2   4  78  7  51  3                     6     2                   0
"""


def test_a_number_wrapped_at_its_thousands_separator_marks_its_rows_values() -> None:
    # `1,289` over `,288`: 1,289,288, not 1289; the line below is no row of its own
    rows = stacked_of(WORD_T3 * 3 + THOUSANDS)[-2:]
    assert all(flag for _, flag in rows[0][2:]) and all(flag for _, flag in rows[1][2:])
    # `72,` ends in the separator: a value of the row wraps, though no label gives
    # the row a column to the right of which its next lines start
    assert all(flag for row in stacked_of(WORD_T3 * 3 + THOUSANDS_T4)[-3:] for _, flag in row)


# pdftotext -layout of Chromium's print of huaian's page with full-width digits on A4 at
# 0.8 (`fullwidth`): narrow cells wrap 447 as `４４` over `７`, the row's label wrapped
# too (`形）` on the digits' line); 105 as `１０` over `５`, the row's item number `8.`
# printed on a line of its own between them (another font's baseline).
FULLWIDTH_A4 = """\
三、本年度 （一）予以公开                     １２ ２１ ０ ０     ５０ ３ １３
办理结果                              ８８                   ６２
       （二）部分公开（区分处理的，只计这一情形，不计其他情 ４４ ７ ０ ０      ０    ０ ４５
       形）                         ７                    ４
       （三）不予 1.属于国家秘密             ２ ０ ０ ０       ０    ０ ２
       公开     2.其他法律行政法规禁止公开      ３０ １ ０ ０      ０    ０ ３１
              3.危及“三安全一稳定”        ５ ０ ０ ０       ０    ０ ５
              4.保护第三方合法权益         ６ ０ ０ ０       ０    ０ ６
              5.属于三类内部事务信息        ７ １ ０ ０       ０    ０ ８
              6.属于四类过程性信息         １２ ０ ０ ０      ０    ０ １２
              7.属于行政执法案卷          ９ ０ ０ ０       ０    ０ ９
              属于行政查询事项            １０ ０ ０    ０   ０    ０ １０
            8.
                                  ５                    ５
            1.本机关不掌握相关政府信息
                                  ７４ １２ ０   ０   １０   １ ７６
      （四）无法                       ６                    ９
      提供    2.没有现成信息需要另行制作        １１ ０ ０    ０   ０    ０ １１
"""


def test_a_cells_wrapped_digits_on_its_labels_wrapped_line_mark_the_rows_values() -> None:
    # `形）` ends the numbered label above; `８` (not 44) for 447: once every value of
    # the two lines stacked; now each cell's pieces joined by their column (`４４` over
    # `７`), seven cells for seven columns, the row's line closed below by a row's own
    # label (text_columns._cells_by_column; kept where an identity proves them).
    # Its neighbours, rows of their own, are not marked.
    rows = stacked_of(WORD_T3 * 3 + FULLWIDTH_A4)[-14:]
    assert rows[0] == [("（二）部分公开（区分处理的，只计这一情形，不计其他情", False),
                       *((v, False) for v in ("４４７", "７", "０", "０", "０", "０", "４５４"))]
    assert rows[1] == [("形）", False)]
    assert not any(flag for _, flag in rows[2])  # （三）不予 1.属于国家秘密 ２ ０ …


def test_a_cells_wrapped_digits_under_its_item_number_mark_the_rows_values() -> None:
    # `8.` alone is no row's label: the `５ ５` line under it continues the row above.
    rows = stacked_of(WORD_T3 * 3 + FULLWIDTH_A4)[-14:]
    assert not any(flag for _, flag in rows[-6])  # 7.属于行政执法案卷 ９ ０ …
    assert rows[-5] == [("属于行政查询事项", False),
                        *((v, True) for v in ("１０", "０", "０", "０", "０", "０", "１０"))]
    assert rows[-4] == [("8.", False), ("５", True), ("５", True)]


def test_a_split_row_joined_where_its_words_run_cells_together() -> None:
    # pdftotext -layout of 005's `broken-tbody-per-row` print (cells without padding):
    # (二)部分公开's `1` beside its label's first line, `0 0 00 01` under it (1, 0, 0,
    # 0, 0, 0, 1); the fullest rows near print six words (`23 0 00 0 0 23`), the two
    # lines five. Before, three cells of 三 read (the lines two rows, no word a run)
    from pathlib import Path

    from pipelines.parse import parse_bytes

    name = "005.pdftotext-layout-broken-tbody-per-row.txt"
    text = (Path(__file__).parents[1] / "fixtures" / "dumps" / name).read_bytes()
    cells = parse_bytes("005.txt", text).cells
    assert [cells[f"t3.partially_granted.{k}"].value for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        1, 0, 0, 0, 0, 0, 1]
    assert sum(c.value is not None for cid, c in cells.items() if cid.startswith("t3.")) == 161


# pdftotext -layout of Chromium's print of 011's page whose value cells' rowspans are broken
# (variants.py broken-value-rowspan, numbers drawn anew: mean 3, seed 4, zeros blank): the
# (三) rows' labels print two a line, and one row's values on a line of their own under
# `4.保护第三方合法权益 5.属于三类内` / `公开  部事务信息`. The values were joined to the
# last label over them: t3.denied_internal_affairs.total 1 invented (its cells are blank).
BROKEN_SPAN = (Path(__file__).parents[1] / "fixtures" / "dumps"
               / "011.pdftotext-layout-broken-value-rowspan-revalued-m3-s4-zb.txt")


def test_values_under_two_numbered_labels_on_one_line_join_neither() -> None:
    rows = rows_of(BROKEN_SPAN.read_text(encoding="utf-8"))
    assert ["1", "1"] in rows  # the values, a row of their own: no label
    assert not any(t.startswith("5.属于三类内部事务信息") for row in rows for t in row)
    assert ["（三）不予", "4.保护第三方合法权益", "5.属于三类内"] in rows
    assert ["公开", "部事务信息"] in rows
    report = parse_file(BROKEN_SPAN)
    assert {cid: c.value for cid, c in report.cells.items()
            if cid.startswith("t3.") and c.value is not None} == {
        "t3.new_received.total": 3, "t3.granted.total": 2,
        # （七）总计's two values at two heights (`3` on its label's line, `3` below),
        # joined by their columns into two cells and placed where an identity proves them
        "t3.results_total.total": 3}


INSCRIPTIS_NO_ITEMS = (Path(__file__).parents[1] / "fixtures" / "dumps"
                       / "huaian-2024.inscriptis-no-item-numbers-m3-s4-zb.txt")


def test_rows_printing_blank_over_the_next_rows_values_are_no_wrapped_label() -> None:
    # inscriptis of 淮安's page without item numbers, its zeros printed blank: the rows
    # of blanks print as label lines over 总计's values (`申请人逾期未按收费通知要求缴纳费用、…`
    # / `其他` / `总计 1 1 2`). They were joined as 总计's wrapped label, which the
    # recogniser read as the 缴纳费用 row: its 总计 2 published, invented. Lines of other
    # widths are no cell's wrapped text.
    doc = read(INSCRIPTIS_NO_ITEMS.name, "", 0,
               INSCRIPTIS_NO_ITEMS.read_text(encoding="utf-8"))
    assert [c.text for c in doc.cells if c.row in (57, 58, 59)] == [
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他",
        "总计", "1", "1", "2"]
    report = parse_file(INSCRIPTIS_NO_ITEMS)
    assert report.cells["t3.other_unpaid_fee.total"].value is None
    assert report.cells["t3.results_total.total"].value == 2
def test_a_label_wrapped_over_a_page_break_beside_its_groups_pieces_goes_on() -> None:
    # before: `家秘` / `密` left beside `予公` / `开`, the row read as 1.属于国, no row's
    # label, and its values null
    assert rows_of(PAGE_BREAK_BESIDE)[1:] == [
        ["（三", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"], ["）不"], ["予公"], ["开"],
        ["2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"],
        ["3.危", "0", "0", "0", "0", "0", "0", "0"]]


# pdftotext -layout of 005's print with a soft hyphen after every character (variants.py
# `soft-hyphens`), 三's rows 5.属于三类… to 2.没有现成信息…, verbatim: Chromium keeps each
# U+00AD in the PDF's text, and the break it wrapped a label at prints as `‐` (U+2010).
SOFT_HYPHENS = (Path(__file__).parents[1] / "fixtures" / "dumps" /
                "005.pdftotext-layout-soft-hyphens.txt").read_text(encoding="utf-8")


def test_soft_hyphens_inside_words_hide_no_item_number() -> None:
    # `1.本机关…` printed with a soft hyphen after each character was no numbered label to
    # the reader (ITEM_START saw no `1.`): its wrapped end `信息`, on the values' line,
    # stayed a label of its own, the row's label unread and its values null (row_missing).
    # A soft hyphen is no text: the label's lines are joined as any numbered label's.
    rows = rows_of(SOFT_HYPHENS * 2)  # twice: enough rows to show the layout is kept
    assert rows[5] == ["办理结果", "1.本机关不掌握相关政府‐信息", "7", "0", "0", "0", "0", "0", "7"]
    assert rows[4] == ["三、本年度‐"]
    assert not [w for row in rows for w in row if "\u00ad" in w]


# pdftotext -layout of Chromium's print of 001's page whose cells wrap their text in a
# `<p>` (variants.py `cell-p`), cut to the title and table 三, verbatim: a row label's
# item number prints on a line of its own between its label's first two lines (the
# digits sit lower than the first line's glyphs): `要求行政机关确认或重新出具已 1` / `5.` /
# `获取信息 0 0 0 0 0 1`, and `申请人逾期未按收费通知要求缴` / `2.` / `纳费用、… 6 0 …`.
CELL_P = Path(__file__).parents[1] / "fixtures" / "dumps" / "001.pdftotext-layout-cell-p.txt"


def test_an_item_number_between_its_labels_first_two_lines_starts_it() -> None:
    # before: `5.` started `获取信息`, the row's first line and its `1` a row apart (the
    # split row unjoined); `2.` started `纳费用、…`, and `申请人逾期未按收费通知要求缴` was
    # taken as 1.申请人无正当理由…'s tail. Three rows of 三 null (154 cells of 175).
    rows = rows_of(CELL_P.read_text(encoding="utf-8"))
    assert ["5.要求行政机关确认或重新出具已获取信息", "1", "0", "0", "0", "0", "0", "1"] in rows
    assert ["（六）其", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "67", "3", "0", "0", "1", "0", "71"] in rows
    assert ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "6", "0", "0", "0", "0", "0", "6"] in rows
    cells = parse_file(CELL_P).cells
    assert {row: [cells[f"t3.{row}.{k}"].value for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")]
        for row in ("not_processed_confirm_reissue", "other_no_correction",
                    "other_unpaid_fee")} == {
        "not_processed_confirm_reissue": [1, 0, 0, 0, 0, 0, 1],
        "other_no_correction": [67, 3, 0, 0, 1, 0, 71],
        "other_unpaid_fee": [6, 0, 0, 0, 0, 0, 6]}
    assert sum(c.value is not None for cid, c in cells.items() if cid.startswith("t3.")) == 175


# pdftotext -layout of Chromium's print of 005's page with a 序号 column (variants.py
# `seq-column`), cut to the title and table 三, verbatim: a tall row's number prints at
# its middle, on a line of its own between the row's lines: `（二）部分公开（区分处理的，
# 只计 1 0 0 0` / `4` / `这一情形，不计其他情形） 0 0 1`, `2.其他法律行政法规禁止` / `6` /
# `公开 0 0 0 …`, `8 （三）不予 4.保护… 0 …` / `9` / `公开 5.属于三类内部事务信息 0 …`.
SEQ_COLUMN = (Path(__file__).parents[1] / "fixtures" / "dumps"
              / "005.pdftotext-layout-seq-column.txt")


def test_a_row_number_between_its_rows_lines_goes_on_its_row() -> None:
    # before: the number a row of its own, the split row unjoined and the numbering
    # broken, 91 cells of 三 read (eight rows null)
    rows = rows_of(SEQ_COLUMN.read_text(encoding="utf-8"))
    assert ["4", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1", "0", "0", "0", "0", "0", "1"] in rows
    assert ["6", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"] in rows
    assert ["9", "公开", "5.属于三类内部事务信息", "0", "0", "0", "0", "0", "0", "0"] in rows
    assert ["14", "（四）无法", "2.没有现成信息需要另行制作",
            "0", "0", "0", "0", "0", "0", "0"] in rows
    cells = parse_file(SEQ_COLUMN).cells
    assert [cells[f"t3.partially_granted.{k}"].value for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        1, 0, 0, 0, 0, 0, 1]
    assert cells["t3.unable_unclear_after_correction.total"].value == 5
    assert sum(c.value is not None for cid, c in cells.items() if cid.startswith("t3.")) == 147


# pdftotext -layout of Chromium's print of 005's page whose item numbers print in a cell
# of their own (variants.py `item-apart`), cut to the title and table 三, verbatim: the
# number centred in its cell, on a line of its own between its label's two lines, in its
# own column left of the label's (`其他法律行政法规禁 0` / `2.` / `止公开 0 0 0 0 00`).
ITEM_APART = (Path(__file__).parents[1] / "fixtures" / "dumps"
              / "005.pdftotext-layout-item-apart.txt")


def test_an_item_number_in_its_own_column_between_its_labels_lines_starts_it() -> None:
    # before: the number a label line of its own, the label's first line and its value
    # a row apart from the rest; 105 cells of 三 read (147 printed)
    rows = rows_of(ITEM_APART.read_text(encoding="utf-8"))
    assert ["2.", "其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "00"] in rows
    assert ["开", "5.", "属于三类内部事务信息", "0", "0", "0", "0", "0", "00"] in rows
    assert ["1.", "本机关不掌握相关政府信息", "7", "0", "0", "0", "0", "07"] in rows
    assert ["5.", "要求行政机关确认或重新出具已获取信息",
            "0", "0", "0", "0", "0", "00"] in rows
    cells = parse_file(ITEM_APART).cells
    assert [cells[f"t3.unable_not_held.{k}"].value for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        7, 0, 0, 0, 0, 0, 7]
    assert sum(c.value is not None for cid, c in cells.items() if cid.startswith("t3.")) == 147


# pdftotext -layout of Chromium's print of 004's page whose numbers a `<br>` cuts
# (variants.py `number-br`), cut to the title and table 三, verbatim: each cell of a row
# prints at its own height, a cut number over two lines in its column (`7` over `1` for
# 71, `7` over `4` for 74), the one-line cells between. 1.本机关不掌握…'s 37 prints `3`
# on its row's lines and `7` below 2.没有现成…'s label, among that row's pieces.
NUMBER_BR_004 = (Path(__file__).parents[1] / "fixtures" / "dumps"
             / "004.pdftotext-layout-number-br.txt")
_T3_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
               "public_interest_org", "legal_service_org", "other_org", "total")


def test_a_rows_cells_over_lines_are_joined_by_their_columns() -> None:
    # before: the rows marked stacked, null: 140 cells of 三 read
    rows = rows_of(NUMBER_BR_004.read_text(encoding="utf-8"))
    assert ["一、本年新收政府信息公开申请数量", "71", "3", "0", "0", "0", "0", "74"] in rows
    cells = parse_file(NUMBER_BR_004).cells
    assert {row: [cells[f"t3.{row}.{k}"].value for k in _T3_COLUMNS]
            for row in ("new_received", "granted", "results_total")} == {
        "new_received": [71, 3, 0, 0, 0, 0, 74],
        # joined too, but only its own row's sum takes it in: a swap, a digit lost
        # from a cell and its 总计 alike, would hold it (recognise/by_position.py)
        "granted": [None] * 7,
        "results_total": [72, 3, 0, 0, 0, 0, 75]}
    # 37's `7` prints past the next row's label, under a line of its values: neither
    # row's band is closed by a labelled row's values, both left null (3 ... 3 would add up)
    assert [cells[f"t3.unable_not_held.{k}"].value for k in _T3_COLUMNS] == [None] * 7
    assert [cells[f"t3.unable_needs_creation.{k}"].value for k in _T3_COLUMNS] == [None] * 7
    assert sum(c.value is not None for cid, c in cells.items() if cid.startswith("t3.")) == 154
