"""Tables without ruling lines, drawn as text at set positions: read a row a line or with
labels wrapped beside their numbers, and not read at all where the structure is unsure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipelines.read.page_image import prepare
from pipelines.read.table_image import Box
from pipelines.read.table_unruled import (
    Carried,
    _as_printed,
    _boxes,
    _labels_apart,
    _Word,
    looks_tabular,
    read_unruled,
)

pytestmark = pytest.mark.slow  # OCR

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
COLUMNS = (40, 330, 500, 670)  # x of the label column and three value columns
skip_no_font = pytest.mark.skipif(not FONT.exists(), reason="no CJK font")


def _table(lines: list[tuple[int, list[str]]]) -> np.ndarray:
    """Each (y, texts) drawn with text k centred on column k (the label left-aligned)."""
    img = Image.new("L", (800, 60 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 26)
    for y, texts in lines:
        for k, text in enumerate(texts):
            if text:
                anchor = "lm" if k == 0 else "mm"
                draw.text((COLUMNS[k] if k == 0 else COLUMNS[k] + 50, y), text, font=font,
                          fill=0, anchor=anchor)
    return np.asarray(img)


def _texts(rows) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_a_table_printed_a_row_a_line_is_read_with_its_blanks() -> None:
    pixels = _table([(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
                     (100, ["行政许可", "396", "", "278"]),
                     (160, ["行政处罚", "2648", "-18", "538"])])
    rows = read_unruled(prepare(pixels), 1)
    assert _texts(rows) == [["信息内容", "上一年项目数量", "本年增减", "处理决定数量"],
                            ["行政许可", "396", "", "278"],
                            ["行政处罚", "2648", "-18", "538"]]
    assert rows[2][2].ref.startswith("page 1 table 1 row 3 cell 3 box ")
    assert rows[1][2].confidence is None  # a blank: nothing was read there


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_a_label_wrapped_beside_its_numbers_is_read_as_its_row() -> None:
    # Word's borderless table: a label wraps over lines, its numbers centred beside it.
    pixels = _table([(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
                     (100, ["行政许可", "396", "", "278"]),
                     (140, ["行政规", "", "", ""]), (176, ["范性文", "60", "-2", "368"]),
                     (212, ["件", "", "", ""])])
    rows = read_unruled(prepare(pixels), 1)
    assert _texts(rows)[1:] == [["行政许可", "396", "", "278"],
                                ["行政规范性文件", "60", "-2", "368"]]


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_a_column_blank_in_every_row_is_read_when_its_header_spells_the_templates() -> None:
    # Each header cell (wrapped over two lines) spells a column of the statutory table:
    # the header proves its columns, and the middle one, holding no number, is blank.
    pixels = _table([(40, ["信息内容", "本年新", "本年新", "对外公开"]),
                     (72, ["", "制作数量", "公开数量", "总数量"]),
                     (130, ["规章", "13", "", "524"]), (190, ["规范性文件", "60", "", "368"])])
    rows = read_unruled(prepare(pixels), 1)
    assert _texts(rows)[-2:] == [["规章", "13", "", "524"], ["规范性文件", "60", "", "368"]]


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_a_label_beside_no_numbers_is_a_blank_row() -> None:
    # Labels wrapped beside their numbers, and between two rows a label with no line of
    # numbers within its height: a row printed blank, each of its columns blank.
    pixels = _table([(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
                     (100, ["行政许可", "396", "5", "278"]),
                     (140, ["其他对外", "", "", ""]), (176, ["管理服务", "", "", ""]),
                     (212, ["事项", "", "", ""]),
                     (260, ["行政规", "", "", ""]), (296, ["范性文", "60", "-2", "368"]),
                     (332, ["件", "", "", ""])])
    rows = read_unruled(prepare(pixels), 1)
    assert _texts(rows)[1:] == [["行政许可", "396", "5", "278"],
                                ["其他对外管理服务事项", "", "", ""],
                                ["行政规范性文件", "60", "-2", "368"]]


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_a_title_above_the_header_is_no_column() -> None:
    # The page's title stands right of the table's last column, prose between them:
    # text under it is not the table's, so it is no leaf of the header.
    table = Image.fromarray(_table([(40, ["", "本年新", "本年新", "对外公开"]),
                                    (72, ["", "制作数量", "公开数量", "总数量"]),
                                    (130, ["规章", "13", "13", "524"]),
                                    (190, ["规范性文件", "60", "60", "368"])]))
    img = Image.new("L", (1100, table.height + 160), 255)
    img.paste(table, (0, 160))
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 26)
    draw.text((800, 40), "年度报告", font=font, fill=0)
    draw.text((40, 100), "本报告根据政府信息公开条例要求编制，所列数据统计期限自当年一月一日起",
              font=font, fill=0)
    rows = read_unruled(prepare(np.asarray(img)), 1)
    assert _texts(rows)[-2:] == [["规章", "13", "13", "524"], ["规范性文件", "60", "60", "368"]]


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
@pytest.mark.parametrize("lines", [
    # A column left blank in every row: its numbers could as well be one column over.
    [(40, ["信息内容", "本年新制作", "本年新公开", "对外公开"]),
     (100, ["规章", "13", "", "524"]), (160, ["规范性文件", "60", "", "368"])],
    # A label midway between two rows of numbers: either row's, as near to both.
    [(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
     (100, ["", "396", "5", "278"]), (145, ["行政处罚", "", "", ""]),
     (190, ["", "60", "2", "368"])],
    # Fragments that spell no label of the template, however they are cut.
    [(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
     (85, ["其他对外", "", "", ""]), (115, ["", "13", "13", "524"]),
     (145, ["服务", "", "", ""])],
], ids=["blank_column", "label_midway", "no_template_label"])
def test_an_unsure_structure_is_not_read(lines: list) -> None:
    assert read_unruled(prepare(_table(lines)), 1) is None


PROSE = ("本机关认真落实政府信息公开各项工作要求，坚持以公开为常态、不公开为例外，",
         "全年主动公开政府信息一千二百余条，依申请公开办理七十四件，按时办结率百分之百。",
         "二〇二二年，本机关未发生因政府信息公开引起的行政复议和行政诉讼案件。")


def _prose(lines: tuple[str, ...], pitch: int = 0) -> np.ndarray:
    """Lines of prose, the characters `pitch` pixels apart if given (justified text,
    spaced out: a character a box, in columns down the page)."""
    img = Image.new("L", (1240, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 26)
    for k, text in enumerate(lines):
        if pitch:
            for j, char in enumerate(text[:28]):
                draw.text((60 + pitch * j, 60 + 60 * k), char, font=font, fill=0)
        else:
            draw.text((60, 60 + 60 * k), text, font=font, fill=0)
    draw.text((600, 60 + 60 * len(lines)), "- 3 -", font=font, fill=0)  # a page number
    return np.asarray(img)


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_the_gate_passes_columns_of_numbers_and_not_prose() -> None:
    # No OCR: the gate looks at the ink's boxes only.
    table = _table([(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
                    (100, ["行政许可", "396", "", "278"]),
                    (160, ["行政处罚", "2648", "-18", "538"]),
                    (220, ["行政强制", "12", "0", "7"])])
    assert looks_tabular(prepare(table))
    assert not looks_tabular(prepare(_prose(PROSE * 4)))
    assert not looks_tabular(prepare(_prose(PROSE * 4, pitch=40)))


@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_rows_continued_on_the_next_page_are_read_under_its_header() -> None:
    # A table broken by a page break: the second page's rows have no header of their own.
    carried = Carried()
    first = _table([(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
                    (100, ["行政许可", "396", "5", "278"])])
    second = _table([(40, ["行政处罚", "2648", "-18", "538"]),
                     (100, ["行政强制", "12", "0", "7"])])
    assert read_unruled(prepare(second), 2) is None  # alone: numbers under no header
    read_unruled(prepare(first), 1, carried)
    rows = read_unruled(prepare(second), 2, carried)
    assert _texts(rows) == [["行政处罚", "2648", "-18", "538"], ["行政强制", "12", "0", "7"]]
    # A page the gate or the reader gave up on ends the table: nothing is carried past it.
    read_unruled(prepare(_prose(PROSE)), 3, carried)
    assert carried.columns == []


FIRST = [(40, ["信息内容", "本年新制作", "本年新公开", "对外公开"]),
         (100, ["规章", "13", "", "524"]), (160, ["规范性文件", "60", "", "368"])]
SECOND = [(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
          (100, ["行政许可", "396", "5", "278"]), (160, ["行政处罚", "2648", "-18", "538"])]


def _below(lines: list, dy: int) -> list:
    return [(y + dy, texts) for y, texts in lines]


@skip_no_font
def test_a_header_whose_columns_are_unsure_costs_only_its_own_rows() -> None:
    # FIRST leaves a column blank in every row (its numbers could be one column over):
    # its rows are not read; SECOND's, under a header of its own, still are.
    carried = Carried()
    rows = read_unruled(prepare(_table(FIRST + _below(SECOND, 200))), 1, carried)
    assert _texts(rows) == [list(SECOND[0][1]), list(SECOND[1][1]), list(SECOND[2][1])]
    assert carried.columns  # the page's last table was read: carried on
    rows = read_unruled(prepare(_table(SECOND + _below(FIRST, 200))), 1, carried)
    assert _texts(rows) == [list(SECOND[0][1]), list(SECOND[1][1]), list(SECOND[2][1])]
    assert carried.columns == []  # its last table was not: nothing is carried past it


@skip_no_font
def test_the_strokes_of_one_character_are_one_box() -> None:
    # No OCR. 二 and 三 are flat strokes set farther apart than the closing joins: each
    # stroke read alone (as 一, or as nothing) was a word of its own, on a line of its own.
    page = prepare(_table([(40, ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"]),
                           (100, ["二、上年结转", "396", "5", "278"]),
                           (160, ["三、本年", "26", "0", "7"])]))
    ordinals = sorted((b for b in _boxes(page) if b.x1 < 90 and b.y0 > 60), key=lambda b: b.y0)
    assert [(b.y1 - b.y0 > 0.8 * page.glyph) for b in ordinals] == [True, True]


def test_a_css_table_is_read_as_printed_its_boxes_parted_where_numbers_cannot_begin() -> None:
    # No OCR: the words of 淮安 2024's div-table print scanned (grey150_jpeg, glyph 26 px):
    # the first value abuts its label (`只计447`), `0 0 74` prints as one box `0074`, the
    # label wraps under the row, the group row holds one cell more.
    lines = [[_Word(Box(40, 100, 330, 126), "（二）部分公开（区分处理的，只计447", 0.99),
              _Word(Box(600, 100, 616, 126), "7", 0.99),
              _Word(Box(700, 100, 756, 126), "0074", 0.98)],
             [_Word(Box(40, 134, 270, 160), "这一情形，不计其他情形）", 0.99)],
             [_Word(Box(40, 180, 200, 206), "（三）不予公开", 0.99),
              _Word(Box(250, 180, 420, 206), "1.属于国家秘密", 0.99),
              _Word(Box(600, 180, 616, 206), "2", 0.99)]]
    rows = _as_printed(lines, 26.0, 2)
    assert _texts(rows) == [["（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                             "447", "7", "0", "0", "74"],
                            ["（三）不予公开", "1.属于国家秘密", "2"]]
    assert [[c.box_run for c in row] for row in rows] == [
        [False, True, True, True, True, True], [False, False, True]]
    assert rows[0][5].ref == "page 2 table 1 row 1 cell 6 box 728,100,756,126"


PHOTOCOPY_T3 = Path(__file__).parents[1] / "fixtures" / "scans" / "photocopy-011-t3.png"


def test_a_photocopied_ruled_table_is_read_without_its_rules() -> None:
    # 011's table 三 photocopied (grey150_photocopy: blur 0.8, threshold 160; the page's
    # grey thresholded again at 128 to keep the fixture small): the threshold turned the
    # grey rules white, leaving the dots where two rules crossed (read as nothing, `:`,
    # `=`), and the leaf headers print less than a glyph apart. The dots are no line and
    # no cell of the header; the header cell `商业企业科研机构社会公益组织法律服务机构其他`
    # is cut into the five labels it spells; the row whose 44 is read `七` stays in the
    # table's columns. Values misread (`七`, `L`, `G.`) are the recogniser's to doubt.
    page = prepare(np.asarray(Image.open(PHOTOCOPY_T3).convert("L")))
    rows = _texts(read_unruled(page, 3, Carried(), by_table=True))
    blank5 = [""] * 5
    assert rows[3:9] == [
        ["商业企业科研机构社会公益组织法律服务机构其他"],
        ["本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"],
        ["上年结转政府信息公开申请数量", "18", *blank5, "18"],
        ["(-)予以公开", "258", "12", "", "", "1", "1", ""],
        ["(二)部分公开区分处理的,只计这一情形,不计其他情形)", "3", "", *blank5],
        ["1.属于国家秘密", "14", "", *blank5]]
    assert rows[-2:] == [["(七)总计", "767", "35", "", "", "2", "1", "805"],
                         ["结转下年虞续办理", "72", *blank5, "72"]]
    assert ["(四)无法提供2.没有现成信息要另行制作", "七", "3", *blank5] in rows
    assert len(rows) == 30 and all(len(row) == 8 for row in rows if len(row) > 3)


def test_a_header_cell_of_labels_side_by_side_is_cut_into_them() -> None:
    # No OCR: two words of one header cell (less than a glyph apart), the second holding
    # two labels abutting; each label's x-range by its characters.
    words = [_Word(Box(755, 129, 818, 144), "商业企业"),
             _Word(Box(826, 129, 996, 144), "科研机构社会公益组织")]
    assert _labels_apart(words) == [(755, 818, "商业企业"), (826, 894, "科研机构"),
                                     (894, 996, "社会公益组织")]
    assert _labels_apart([_Word(Box(0, 0, 64, 16), "商业企业")]) == []  # one label
    assert _labels_apart([_Word(Box(0, 0, 64, 16), "合计数量")]) == []  # none
