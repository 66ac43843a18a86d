"""Layout-only table structure undone before tokenising: format characters, item numbers
in a cell of their own, 序号 columns."""

from __future__ import annotations

from pathlib import Path

from pipelines.document import TextCell
from pipelines.parse import parse_bytes
from pipelines.recognise.layout import tidy


def row(table: int, r: int, row_no: int, *texts: str) -> list[TextCell]:
    return [TextCell(t, f"table {table} row {r} cell {c}", row_no)
            for c, t in enumerate(texts, start=1)]


def texts(cells: list[TextCell]) -> list[str]:
    return [c.text for c in cells]


def test_soft_hyphens_and_zero_width_spaces_removed() -> None:
    cells = row(1, 1, 1, "规\u00ad范\u00ad性文件", "1\u200b2")
    assert texts(tidy(cells)) == ["规范性文件", "12"]


def test_item_number_joined_with_its_label() -> None:
    cells = (row(1, 1, 1, "（三）", "不予公开", "1.", "属于国家秘密", "3", "0")
             + row(1, 2, 2, "2、", "其他法律行政法规禁止公开", "0"))
    assert texts(tidy(cells)) == ["（三）不予公开", "1.属于国家秘密", "3", "0",
                                  "2、其他法律行政法规禁止公开", "0"]


def test_item_number_before_a_value_is_kept_apart() -> None:
    cells = row(1, 1, 1, "1.", "5")
    assert texts(tidy(cells)) == ["1.", "5"]


def test_item_number_not_joined_across_rows_or_without_rows() -> None:
    cells = row(1, 1, 1, "1.") + row(1, 2, 2, "属于国家秘密")
    assert texts(tidy(cells)) == ["1.", "属于国家秘密"]
    lines = [TextCell("1.", "line 1"), TextCell("属于国家秘密", "line 2")]
    assert texts(tidy(lines)) == ["1.", "属于国家秘密"]


def test_sequence_column_numbers_dropped() -> None:
    cells = (row(1, 1, 1, "序号", "信息内容", "本年新制作数量")
             + row(1, 2, 2, "1", "规章", "5")
             + row(1, 3, 3, "", "caption")
             + row(1, 4, 4, "2", "规范性文件", "0"))
    assert texts(tidy(cells)) == ["信息内容", "本年新制作数量", "规章", "5", "caption",
                                  "规范性文件", "0"]


def test_sequence_number_that_breaks_the_numbering_is_kept() -> None:
    # 7 does not continue 1: it may be a value of a row whose 序号 cell is merged away
    cells = (row(1, 1, 1, "序号", "维持") + row(1, 2, 2, "1", "a", "3")
             + row(1, 3, 3, "7", "0", "2"))
    assert texts(tidy(cells)) == ["维持", "a", "3", "7", "0", "2"]


def test_blank_first_cell_kept_in_a_row_with_values() -> None:
    cells = row(1, 1, 1, "序号", "维持") + row(1, 2, 2, "", "3", "4")
    assert texts(tidy(cells)) == ["维持", "", "3", "4"]


def test_sequence_column_is_per_table() -> None:
    cells = row(1, 1, 1, "序号", "维持") + row(1, 2, 2, "1", "3") + row(2, 1, 3, "1", "3")
    assert texts(tidy(cells)) == ["维持", "3", "1", "3"]


def test_note_column_cells_dropped_unless_numbers() -> None:
    cells = (row(1, 1, 1, "信息内容", "本年新制作数量", "备注")
             + row(1, 2, 2, "规章", "5", "")
             + row(1, 3, 3, "规范性文件", "2", "含转发")
             + row(1, 4, 4, "行政许可", "3", "7")
             + row(1, 5, 5, "结果维持", "总计"))  # words in a header row are the table's
    assert texts(tidy(cells)) == ["信息内容", "本年新制作数量", "规章", "5", "规范性文件",
                                  "2", "行政许可", "3", "7", "结果维持", "总计"]


def test_sequence_column_in_pdf_tables() -> None:
    cells = [TextCell("序号", "page 3 table 1 row 1 cell 1", 1),
             TextCell("维持", "page 3 table 1 row 1 cell 2", 1),
             TextCell("1", "page 3 table 1 row 2 cell 1", 2),
             TextCell("3", "page 3 table 1 row 2 cell 2", 2),
             TextCell("2", "page 4 table 1 row 1 cell 1", 3),  # the next page: kept
             TextCell("5", "page 4 table 1 row 1 cell 2", 3)]
    assert texts(tidy(cells)) == ["维持", "3", "2", "5"]


# --- a row label wrapped over lines of its own --------------------------------------------
# Lines cut from `pdftotext -raw` of Word's page of huaian-2024 (one printed row a line,
# as text_aligned.py reads it).

def lines(*printed: str) -> list[TextCell]:
    return [TextCell(t, f"line {no} word {k}", no)
            for no, line in enumerate(printed, start=1)
            for k, t in enumerate(line.split(), start=1)]


def test_label_lines_above_values_joined_into_the_row() -> None:
    # the group label's pieces (（三）不予公开) are left as printed
    cells = lines("（三）", "不予公", "开", "1.属于", "国家", "秘密", "2 0 0 0 0 0 2")
    assert texts(tidy(cells)) == ["（三）", "不予公", "开", "1.属于国家秘密",
                                  "2", "0", "0", "0", "0", "0", "2"]
    assert [c.row for c in tidy(cells)][3:5] == [7, 7]  # the values' printed row


def test_label_lines_joined_with_the_rows_own_label_word() -> None:
    cells = lines("第二十条第（五）项", "信息", "内容", "本年处", "理决定数量", "行政",
                  "许可 447228")
    assert texts(tidy(cells))[-2:] == ["行政许可", "447228"]


def test_two_versions_labels_of_one_row_take_the_longest() -> None:
    # 规范性文件 (2019) and 行政规范性文件 (2021) name one row
    cells = lines("规章 1 0 11", "行政", "规范", "性文", "件", "8 26 66")
    assert texts(tidy(cells)) == ["规章", "1", "0", "11", "行政规范性文件", "8", "26", "66"]


def test_label_printed_around_its_values_joined_with_the_lines_below() -> None:
    cells = lines("1.申请", "人无", "正当", "理由", "逾期", "不补", "正、", "行政", "机关",
                  "67 3 0 0 1 0 71", "不再", "处理", "其政", "府信", "息公", "开申", "请",
                  "2.申请", "人逾", "期未", "按收", "费通", "知要", "求缴", "纳费",
                  "用、", "行政", "机关", "不再", "处理", "其政", "府信", "息公", "开申",
                  "请", "6 0 0 0 0 0 6")
    assert [t for t in texts(tidy(cells)) if not t.isdigit()] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]


def test_label_lines_naming_no_row_are_left_as_printed() -> None:
    # table 四's header pieces over its values: no join names a row (总计 is a column)
    cells = lines("尚未", "审结", "总", "计", "0 0 0")
    assert tidy(cells) == cells


def test_label_already_named_by_its_last_cell_is_not_joined() -> None:
    # 三、本年 / 度办理结果: a group label's pieces around the row, not its own
    cells = lines("三、", "本年", "（一）予以公开 1288 21", "度办", "理结", "果")
    assert tidy(cells) == cells


def test_cells_without_rows_are_not_joined() -> None:
    cells = [TextCell("行政", "line 1"), TextCell("许可", "line 2"), TextCell("5", "line 3")]
    assert tidy(cells) == cells


# Lines cut from pdfplumber's extract_text() of LibreOffice's PDF of the 淮安 2024 DOCX
# (tests/fixtures/dumps/huaian-2024.pdfplumber-soffice-docx.txt): a group's first row
# prints the group label's lines beside its own, two pieces a line.

def test_label_lines_beside_a_group_labels_lines_joined_with_the_right_piece() -> None:
    cells = lines("（四 1.本 746 12 0 0 10 1 769", "）无 机关", "法提 不掌", "供 握相", "关政",
                  "府信", "息", "2.没 11 0 0 0 0 0 11", "有现")
    assert texts(tidy(cells)) == ["（四", "1.本机关不掌握相关政府信息",
                                  "746", "12", "0", "0", "10", "1", "769", "）无", "法提", "供",
                                  "2.没", "11", "0", "0", "0", "0", "0", "11", "有现"]
    assert [c.row for c in tidy(cells)][9:12] == [2, 3, 4]  # the group's pieces' own rows


def test_two_pieces_a_line_naming_no_row_are_left_as_printed() -> None:
    # the left piece is never taken into the label: 1.本 + 无 … names no row
    cells = lines("（四 1.本 746 12 0 0 10 1 769", "机关 ）无", "不掌 法提", "握相 供")
    assert tidy(cells) == cells


# Lines cut from pdfplumber's extract_text() of Chromium's PDF of Word's page of the 淮安
# 2024 report: the group label's lines printed between the row label's.

def test_group_label_lines_between_a_row_labels_lines_are_parted_from_it() -> None:
    cells = lines("1.本机", "关不", "（四）", "掌握", "⽆法提 746 12 0 0 10 1 769", "相关", "供",
                  "政府", "信息", "三、 2.没有")
    assert texts(tidy(cells)) == ["（四）", "⽆法提", "供", "1.本机关不掌握相关政府信息",
                                  "746", "12", "0", "0", "10", "1", "769", "三、", "2.没有"]


def test_group_and_row_label_lines_side_by_side_around_the_values() -> None:
    cells = lines("三、 2.没有", "本年 现成", "度办 信息", "11 0 0 0 0 0 11", "理结 需要",
                  "果 另⾏", "制作")
    assert texts(tidy(cells)) == ["三、", "本年", "度办", "理结", "果",
                                  "2.没有现成信息需要另⾏制作",
                                  "11", "0", "0", "0", "0", "0", "11"]


def test_pieces_skipped_that_are_no_stretch_of_a_group_label_join_nothing() -> None:
    # 本机关 … with 国家 skipped: 国家 is in no group's label
    cells = lines("1.本机", "关不", "国家", "掌握", "⽆法提 746 12 0 0 10 1 769", "相关", "供",
                  "政府", "信息")
    assert tidy(cells) == cells


def test_a_label_numbered_in_kangxi_radicals_is_not_joined_to_the_item_number_before() -> None:
    # pdfplumber's text of Chromium's PDF of Word's page of the 淮安 2024 report: the
    # font prints 一 as the radical ⼀ (U+2F00), which is still a number of its own
    cells = lines("三、 （⼀）予以公开 1288 21 0 0 50 3 1362")
    assert texts(tidy(cells))[:2] == ["三、", "（⼀）予以公开"]


# Lines cut from pdfplumber's extract_text() of Chromium's PDF (scale 1.5) of Word's page
# of the 平潭 2021 report (corpus 005): a row's item number printed a line below the
# label's first character, the group label's lines beside the row label's.

def test_item_number_on_a_line_below_the_labels_first_piece_is_put_before_it() -> None:
    cells = lines("（三） 属", "1.", "不予公 于国", "0 0 0 0 0 0 0", "开 家秘", "密", "其", "2.")
    assert texts(tidy(cells)) == ["（三）", "不予公", "开", "1.属于国家秘密",
                                  "0", "0", "0", "0", "0", "0", "0", "其", "2."]


def test_a_group_number_is_never_moved_before_a_label() -> None:
    # only a row's item number (1.) is moved, never a group's ((七)): 其他处理 / (七) 总计
    # must not become (七)总计 over the values of the row above
    cells = lines("5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "（七）", "总计",
                  "767 35 2 1 805")
    assert [t for t in texts(tidy(cells)) if not t.isdigit()] == [
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "（七）总计"]


def test_next_rows_item_number_after_a_labels_last_line_stays_after_it() -> None:
    # pypdfium2's text of LibreOffice's PDF of the 淮安 2024 DOCX: the group's lines, the
    # row's, then the next row's number; 2. is moved only where nothing parts without it
    cells = lines("（三", "）不", "1.属", "于国", "2 0 0 0 0 0 2", "予公开", "家秘密", "2.")
    assert texts(tidy(cells)) == ["（三", "）不", "予公开", "1.属于国家秘密",
                                  "2", "0", "0", "0", "0", "0", "2", "2."]


# Lines of the corpus's 013.md (a PDF through a PDF-to-Markdown converter): the labels
# that wrap in their cells printed as plain lines before the table block, (三)5's label
# over (四)1's, then (三)5's values as a table row without a label.

def md_line(no: int, text: str) -> list[TextCell]:
    return [TextCell(text, f"line {no} cell 1", no)]


def md_row(table: int, no: int, *texts: str) -> list[TextCell]:
    return [TextCell(t, f"table {table} line {no} cell {c}", no)
            for c, t in enumerate(texts, start=1)]


def test_labels_piled_above_a_table_row_join_none_of_them() -> None:
    cells = [*md_line(122, "（三）不"), *md_line(123, "予公开"),
             *md_line(124, "5.属于三类内部事务信"), *md_line(125, "息"),
             *md_line(126, "1.本机关不掌握相关政"), *md_line(127, "府信息"),
             *md_row(4, 128, "1", "0", "0", "0", "0", "0", "1"),
             *md_row(4, 130, "6.属于四类过程性信息", "1", "0", "0", "0", "0", "0", "1")]
    assert texts(tidy(cells))[:7] == ["（三）不", "予公开", "5.属于三类内部事务信", "息",
                                      "1.本机关不掌握相关政", "府信息", "1"]


def test_one_label_wrapped_above_a_table_row_is_joined() -> None:
    # 014.md: only a group label's pieces and the row's own lines over the values
    cells = [*md_line(120, "（二）部分公开（区分处理的，只计这一情"),
             *md_line(121, "形，不计其他情形）"),
             *md_row(5, 122, "2", "0", "0", "0", "0", "0", "2")]
    assert texts(tidy(cells))[:2] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                                      "2"]


# 二's one-column rows printed by a PDF-to-Markdown converter as text lines, outside its
# tables (the corpus's 013.md and 014.md: `行政许可 97`, `行政事业性收费 0`).
def test_a_line_of_a_one_column_rows_label_and_a_number_is_parted() -> None:
    cells = [*md_line(78, "信息内容本年处理决定数量"), *md_line(79, "行政许可 97"),
             *md_line(80, "第二十条第（八）项"), *md_line(81, "行政事业性收费 0.5")]
    assert texts(tidy(cells)) == ["信息内容本年处理决定数量", "行政许可", "97",
                                  "第二十条第（八）项", "行政事业性收费", "0.5"]


def test_a_one_column_rows_cell_of_its_label_and_number_lines_is_parted() -> None:
    # pymupdf4llm's Markdown of Chromium's print of a revalued page: 二 as one column,
    # a row a cell (`|⾏政许可<br>3704|`); a label wrapped over lines; a number wrapped
    # over two lines is no one number, and a label with its values (规章) is no one row's
    cells = (row(1, 1, 1, "行政许可\n3704") + row(1, 2, 2, "行政事业\n性收费\n6571.72")
             + row(1, 3, 3, "行政处罚\n37\n04") + row(1, 4, 4, "规章\n1\n9\n340"))
    assert texts(tidy(cells)) == ["行政许可", "3704", "行政事业\n性收费", "6571.72",
                                  "行政处罚\n37\n04", "规章\n1\n9\n340"]


def test_prose_or_a_row_of_several_columns_with_a_number_is_not_parted() -> None:
    # a wrapped sentence ending in a number; a row label of three columns (规章) with one
    # number (which column it is, nothing says); a label and a number in a row of other
    # cells (the row's own reading decides); a label and a word that is no number
    cells = [*md_line(11, "本年度报告中所列数据统计期限为 2025"), *md_line(12, "规章 22"),
             *row(1, 3, 13, "行政许可 97", "3"), *md_line(14, "行政处罚 -")]
    assert texts(tidy(cells)) == ["本年度报告中所列数据统计期限为 2025", "规章 22",
                                  "行政许可 97", "3", "行政处罚 -"]


# Rows of pymupdf4llm's Markdown of LibreOffice's PDF of 淮安 2024's DOCX and of the corpus's
# 001.pdf: the converter cuts a label into cells where its text runs leave a gap.
def test_a_label_cut_into_two_cells_is_read_a_line_at_a_time_across_them() -> None:
    cells = row(1, 38, 38, "一、本\n公", "年新收政府信息\n开申请数量",
                "3001", "53", "0", "0", "61", "4", "3119")
    assert texts(tidy(cells)) == ["一、本年新收政府信息公开申请数量",
                                  "3001", "53", "0", "0", "61", "4", "3119"]


def test_a_label_cut_into_two_cells_of_one_line_is_joined_cell_after_cell() -> None:
    cells = row(1, 76, 76, "（七）总", "计", "2932", "53", "0", "0", "61", "4", "3050")
    assert texts(tidy(cells))[:2] == ["（七）总计", "2932"]


def test_a_cut_label_is_not_joined_when_the_row_is_not_its_count_of_values() -> None:
    # 8 values where (七)总计 has 7 columns: whose values they are is not proven
    cells = row(1, 76, 76, "（七）总", "计", "2932", "53", "0", "0", "61", "4", "3050", "1")
    assert tidy(cells) == cells


def test_a_cut_label_naming_no_row_is_left_as_printed() -> None:
    cells = row(1, 46, 46, "予公\n开", "家秘\n密", "", "", "", "", "", "", "")
    assert tidy(cells) == cells


def test_a_last_cell_naming_a_row_is_not_joined_with_the_group_beside_it() -> None:
    cells = row(1, 40, 40, "三、\n本年", "（一）予以公\n开", "1288", "21", "0", "0", "50",
                "3", "1362")
    assert tidy(cells) == cells


def test_a_group_labels_piece_over_the_row_label_in_its_cell_is_parted_from_it() -> None:
    cells = row(1, 74, 74, "（四）无\n1.本机关不掌握相关政府信息",
                "746", "12", "0", "0", "10", "1", "769")
    assert texts(tidy(cells))[:3] == ["（四）无", "1.本机关不掌握相关政府信息", "746"]


def test_another_groups_piece_over_a_row_label_is_left_as_printed() -> None:
    # （五）不 is no piece of (四)无法提供, the group 1.本机关… sits under
    cells = row(1, 74, 74, "（五）不\n1.本机关不掌握相关政府信息",
                "746", "12", "0", "0", "10", "1", "769")
    assert tidy(cells) == cells


# pdftotext -layout of Chromium's print of the seed report (2019 format) whose 不予处理 span
# is broken in its cells, the numbers drawn anew (mean 2, seed 3, zeros blank): two rows'
# labels print on one line over the group label's line that holds the values.

def test_two_row_labels_on_the_line_above_the_values_join_neither() -> None:
    cells = lines("1.信访举报投诉类申请 2.重复申请", "（五）不予 1 1",
                  "处理 3.要求提供公开出版物 4.无正当理由")
    assert tidy(cells) == cells


# LibreOffice's text export (`soffice --convert-to txt`) of 淮安 2024's Word page with a
# 序号 column (001, docx-seq-column): one cell a line, each row's number before its label.
SEQ_DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
            / "001.soffice-txt-docx-seq-column.txt")


def one_a_line(*texts: str) -> list[TextCell]:
    return [TextCell(t, f"line {no}") for no, t in enumerate(texts, start=1)]


def test_row_numbers_printed_a_line_before_their_labels_dropped() -> None:
    # the dump's lines of 三's first rows, and 四's number before its values
    cells = one_a_line("序号", "申请人情况", "自然人", "", "1", "一、本年新收政府信息公开申请数量",
                  "3001", "53", "3119", "2", "二、上年结转政府信息公开申请数量", "34",
                  "序号", "行政复议", "总计", "1", "72", "64")
    assert texts(tidy(cells)) == [
        "序号", "申请人情况", "自然人", "", "一、本年新收政府信息公开申请数量", "3001", "53",
        "3119", "二、上年结转政府信息公开申请数量", "34", "序号", "行政复议", "总计", "72", "64"]


# LibreOffice's text export of the seed report 韶关浈江 2019's Word page with a 序号 column,
# its numbers drawn anew (docx-seq-column+revalued:m300:s15): 四's number 1 before its
# values, and its last count a 2 before the next section's heading.
T4_SEQ_LINES = ("四、政府信息公开行政复议、行政诉讼情况", "序号", "行政复议", "行政诉讼", "",
                "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
                "复议后起诉", "", "", "", "", "", "",
                *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
                "1", "2", "0", "1", "1", "4", "0", "0", "0", "1", "1", "1", "0", "0", "1", "2",
                "五、存在的主要问题及改进情况", "公开内容的规范性有待加强。")


def test_a_count_after_the_one_row_number_of_table_4_kept() -> None:
    # 四's 1 numbers its one row: the last count, 2 (continuing 1) before a heading, is
    # 复议后起诉's 总计, no next row's number
    got = texts(tidy(one_a_line(*T4_SEQ_LINES)))
    assert got[got.index("复议后起诉") + 17:] == [
        "2", "0", "1", "1", "4", "0", "0", "0", "1", "1", "1", "0", "0", "1", "2",
        "五、存在的主要问题及改进情况", "公开内容的规范性有待加强。"]
    title = "韶关市浈江区人民政府2019年政府信息公开工作年度报告"
    report = parse_bytes("dump.txt", "\n".join((title, *T4_SEQ_LINES)).encode())
    got = report.values()
    assert [got[f"t4.litigation_after_review.{c}"] for c in (
        "upheld", "corrected", "other_result", "pending", "total")] == [1, 0, 0, 1, 2]


# LibreOffice's text export of 上海办公厅 2019's Word page with a 序号 column, its numbers
# drawn anew (docx-seq-column+revalued:m30:s10): 二's first block to its second's rows;
# 规范性文件's last count, 3, continues the numbering before the next block's caption.
T2_SEQ_LINES = (
    "二、主动公开政府信息情况", "序号", "第二十条第（一）项", "", "信息内容", "本年新", "制作数量",
    "本年新", "公开数量", "对外公", "开总数量", "1", "规章", "0", "0", "7", "2", "规范性文件", "0",
    "0", "3", "", "第二十条第（五）项", "", "信息内容", "上一年", "项目数量", "本年增/减", "处理决",
    "定数量", "3", "行政许可", "50", "0", "3360",
    "4", "其他对外管理服务事项", "2", "-6", "101", "")


def test_a_last_count_continuing_the_numbering_before_a_caption_kept() -> None:
    # a caption names no row: the 3 before it is 规范性文件's count, the 3 and 4 after
    # it (each before a row's label) are row numbers
    got = texts(tidy(one_a_line(*T2_SEQ_LINES)))
    assert got[got.index("规范性文件"):got.index("行政许可") + 1] == [
        "规范性文件", "0", "0", "3", "", "第二十条第（五）项", "", "信息内容", "上一年", "项目数量",
        "本年增/减", "处理决", "定数量",
        "行政许可"]
    assert got[-5:] == ["其他对外管理服务事项", "2", "-6", "101", ""]
    title = "上海市人民政府办公厅2019年政府信息公开工作年度报告"
    got = parse_bytes("dump.txt", "\n".join((title, *T2_SEQ_LINES)).encode()).values()
    assert [got[f"t2.normative_documents.{c}"] for c in (
        "newly_made", "newly_published", "total_published")] == [0, 0, 3]
    assert [got[f"t2.other_external_services.{c}"] for c in (
        "prev_year_items", "change", "decisions")] == [2, -6, 101]


def test_a_last_count_of_1_before_table_4s_title_kept() -> None:
    # 韶关浈江 2019's page the same way (m30:s10), 三's 序号 and first row, then its last
    # two rows: 结转下年度's total, 1 (a restart of the numbering), before 四's title
    cells = one_a_line(
        "序号", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况", "", "", "自然人", "法人或其他组织", "总计", "", "", "", "商业企业",
        "科研机构", "社会公益组织", "法律服务机构", "其他", "", "1",
        "一、本年新收政府信息公开申请数量", "34", "2", "0", "0", "0", "2", "38", "22",
        "", "（七）总计", "35", "2", "0", "0", "0", "2", "39", "23",
        "四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1",
        "四、政府信息公开行政复议、行政诉讼情况", "序号", "行政复议")
    assert texts(tidy(cells))[-11:] == [
        "四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1",
        "四、政府信息公开行政复议、行政诉讼情况", "序号", "行政复议"]


def test_line_numbers_kept_where_they_do_not_number_the_rows() -> None:
    # 3 does not continue 1; 2 is followed by a value, not a label; no 序号 cell: kept
    cells = one_a_line("序号", "1", "规章", "0", "3", "规范性文件", "2", "5", "行政许可")
    assert texts(tidy(cells)) == ["序号", "规章", "0", "3", "规范性文件", "2", "5", "行政许可"]
    assert texts(tidy(one_a_line("1", "规章", "0", "2", "行政许可"))) == [
        "1", "规章", "0", "2", "行政许可"]
    # the first number after 序号 is no 1: this 序号 numbers nothing printed here
    assert texts(tidy(one_a_line("序号", "5", "规章", "2", "行政许可"))) == [
        "序号", "5", "规章", "2", "行政许可"]


def test_libreoffice_text_of_a_table_with_a_sequence_column_read() -> None:
    report = parse_bytes("dump.txt", SEQ_DUMP.read_bytes())
    got = report.values()
    assert report.rendering == "text_cells" and report.flags == []
    assert [got[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [1, 0, 11]
    assert got["t2.administrative_penalty.decisions"] == 3985758
    assert got["t2.administrative_coercion.decisions"] == 88283
    assert [v for k, v in got.items() if k.startswith("t3.new_received.")] == [
        3001, 53, 0, 0, 61, 4, 3119]
    assert [v for k, v in got.items() if k.startswith("t4.admin_review.")] == [
        72, 64, 178, 37, 351]
    assert sum(v is None for v in got.values()) == 0


# lxml itertext's dump of pingtan 2019's page numbering its rows in a leading column with
# an empty header (unnamed-leading-column+revalued:m3:s21, every 0 printed blank), cut
# to its title and 三: row 一 prints `1` / `1` then row 二's number `2`, which made the
# row `1 1 2` whose sum holds (总计 2 published; printed 1).
UNNAMED_DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
                / "005.lxml-itertext-unnamed-leading-column-blanks-m3-s21.txt")


def test_a_numbering_column_without_a_name_dropped_where_it_runs_before_the_labels() -> None:
    got = parse_bytes("dump.txt", UNNAMED_DUMP.read_bytes()).values()
    assert {k: v for k, v in got.items() if k.startswith("t3.") and v is not None} == {
        "t3.new_received.total": 1, "t3.granted.total": 1, "t3.results_total.total": 1}
    # a 1 between a header's word and a row's label numbers nothing alone: kept
    assert texts(tidy(one_a_line("其他", "1", "规章", "0", "3", "规范性文件"))) == [
        "其他", "1", "规章", "0", "3", "规范性文件"]
