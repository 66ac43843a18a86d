"""A browser's print header inside a Markdown table row (pymupdf4llm's Markdown of
Chromium's prints of the labelled reports), taken out again."""

from __future__ import annotations

from pipelines.read.text_print_header import has_print_header, without_print_header

TITLE = "## 淮安市人民政府 2024 年政府信息公开工作年度报告 \n\n"
# 001's plain page printed by Chromium, pymupdf4llm: the header in the row at the break
ROW_001 = ("|12/4/26, 3:33 PM|3.其他<br>淮安市人民|108<br>政府2024年政府信|2<br>息公开工|"
           "0<br>作年度报|0<br>告|0|0|110|")
# 005's: the stamp a piece of the label's cell, the title's first piece after it
TITLE_005 = "12/4/26, 3:33 PM \n\n平潭综合实验区2019年政府信息公开工作年度报告 \n\n"
ROW_005 = ("|4.无正当理由大量反复申<br>请<br>12/4/26, 3:33 PM<br>平潭综合实验区|0<br>2019年政|"
           "0<br>府信息公|0<br>开工作年度|0<br>报告|0|0|0|")


def test_the_header_is_taken_out_of_the_row_at_the_page_break() -> None:
    assert has_print_header(TITLE + ROW_001)
    assert without_print_header(TITLE + ROW_001) == TITLE + "||3.其他|108|2|0|0|0|0|110|"


def test_the_stamp_and_title_inside_a_label_cell() -> None:
    assert without_print_header(TITLE_005 + ROW_005) == \
        TITLE_005 + "|4.无正当理由大量反复申<br>请|0|0|0|0|0|0|0|"


def test_pieces_that_do_not_spell_a_printed_line_are_left_as_printed() -> None:
    # the title printed nowhere else: nothing proves the pieces are the header
    assert without_print_header(ROW_001) == ROW_001
    # one piece short of the title (`告` missing): left as printed
    cut = ROW_001.replace("0<br>告", "0")
    assert without_print_header(TITLE + cut) == TITLE + cut


def test_a_piece_without_chinese_is_never_taken() -> None:
    title = "## 年度报告2024 \n\n"  # its piece `2024` could as well be a value
    row = "|12/4/26, 3:33 PM|3.其他<br>年度报告|108<br>2024|2|"
    assert without_print_header(title + row) == title + row
