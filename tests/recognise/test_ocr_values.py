"""A scan's value cells OCR read as a Chinese character, told from text by their column."""

from __future__ import annotations

from pipelines.document import Document, TextCell
from pipelines.recognise.misprints import relabel_misprints
from pipelines.recognise.ocr_labels import match_ocr_labels
from pipelines.recognise.ocr_values import values_read_as_text
from pipelines.recognise.report import recognise
from pipelines.recognise.tokens import Token, tokenise
from schemas.template import load_template


def _doc(cells: list[TextCell]) -> Document:
    return Document("001.pdf", "0" * 64, 0, "scan", "\n".join(c.text for c in cells), cells)


def _tokens(cells: list[TextCell]) -> list[Token]:
    doc = _doc(cells)
    return values_read_as_text(match_ocr_labels(tokenise(doc), doc), doc)


# Report 001 scanned at 72 dpi (grey72_jpeg), cells of 三 as OCR read them: its header's
# row of 法人或其他组织's columns (其他 read `找包`), (三)2. and 3. (自然人's 5 read `西`),
# (五)1. and 2. (商业企业's 6 read `石`).
GREY72_001 = [
    TextCell('商业企业', 'page 4 table 2 row 3 cell 1 box 286,420,322,456', 29, 0.97),
    TextCell('科研机构', 'page 4 table 2 row 3 cell 2 box 324,420,356,456', 29, 0.57),
    TextCell('社会公司组强', 'page 4 table 2 row 3 cell 3 box 358,420,401,456', 29, 0.16),
    TextCell('去律服务机购', 'page 4 table 2 row 3 cell 4 box 403,420,448,456', 29, 0.32),
    TextCell('找包', 'page 4 table 2 row 3 cell 5 box 450,420,486,456', 29, 0.37),
    TextCell('2.其他基律行政生规梁业会开',
             'page 4 table 2 row 9 cell 1 box 139,593,251,614', 35, 0.44),
    TextCell('30', 'page 4 table 2 row 9 cell 2 box 253,593,284,614', 35, 0.97),
    TextCell('1', 'page 4 table 2 row 9 cell 3 box 286,593,322,614', 35, 0.94),
    TextCell('0', 'page 4 table 2 row 9 cell 4 box 324,593,356,614', 35, 0.95),
    TextCell('0', 'page 4 table 2 row 9 cell 5 box 358,593,401,614', 35, 0.95),
    TextCell('0', 'page 4 table 2 row 9 cell 6 box 403,593,448,614', 35, 0.95),
    TextCell('0', 'page 4 table 2 row 9 cell 7 box 450,593,486,614', 35, 0.95),
    TextCell('1', 'page 4 table 2 row 9 cell 8 box 488,593,521,614', 35, 0.5),
    TextCell('3.龙元“三安全一定', 'page 4 table 2 row 10 cell 1 box 139,617,251,638', 36, 0.63),
    TextCell('西', 'page 4 table 2 row 10 cell 2 box 253,617,284,638', 36, 0.15),
    TextCell('0', 'page 4 table 2 row 10 cell 3 box 286,617,322,638', 36, 0.95),
    TextCell('0', 'page 4 table 2 row 10 cell 4 box 324,617,356,638', 36, 0.95),
    TextCell('0', 'page 4 table 2 row 10 cell 5 box 358,617,401,638', 36, 0.95),
    TextCell('01', 'page 4 table 2 row 10 cell 6 box 403,617,448,638', 36, 0.5),
    TextCell('0', 'page 4 table 2 row 10 cell 7 box 450,617,486,638', 36, 0.95),
    TextCell('5', 'page 4 table 2 row 10 cell 8 box 488,617,521,638', 36, 0.9),
    TextCell('《五)不厘', 'page 5 table 1 row 3 cell 1 box 97,132,136,264', 45, 0.17),
    TextCell('1.信你举报授游类中设', 'page 5 table 1 row 3 cell 2 box 139,132,251,152', 45, 0.51),
    TextCell('56', 'page 5 table 1 row 3 cell 3 box 253,132,284,152', 45, 0.98),
    TextCell('石', 'page 5 table 1 row 3 cell 4 box 286,132,322,152', 45, 0.74),
    TextCell('0', 'page 5 table 1 row 3 cell 5 box 324,132,356,152', 45, 0.95),
    TextCell('0', 'page 5 table 1 row 3 cell 6 box 358,132,401,152', 45, 0.95),
    TextCell('0', 'page 5 table 1 row 3 cell 7 box 403,132,448,152', 45, 0.95),
    TextCell('0', 'page 5 table 1 row 3 cell 8 box 450,132,486,152', 45, 0.95),
    TextCell('69', 'page 5 table 1 row 3 cell 9 box 488,132,521,152', 45, 0.64),
    TextCell('2.重复中', 'page 5 table 1 row 4 cell 1 box 139,155,251,176', 46, 0.7),
    TextCell('25', 'page 5 table 1 row 4 cell 2 box 253,155,284,176', 46, 0.5),
    TextCell('0', 'page 5 table 1 row 4 cell 3 box 286,155,322,176', 46, 0.95),
    TextCell('0', 'page 5 table 1 row 4 cell 4 box 324,155,356,176', 46, 0.95),
    TextCell('0', 'page 5 table 1 row 4 cell 5 box 358,155,401,176', 46, 0.95),
    TextCell('0', 'page 5 table 1 row 4 cell 6 box 403,155,448,176', 46, 0.95),
    TextCell('0', 'page 5 table 1 row 4 cell 7 box 450,155,486,176', 46, 0.5),
    TextCell('25', 'page 5 table 1 row 4 cell 8 box 488,155,521,176', 46, 0.63),
]


def test_a_character_in_a_value_columns_box_of_a_row_of_numbers_is_an_unreadable_value(
        ) -> None:
    """`西` and `石` stand in the boxes of 自然人's and 商业企业's columns, in rows of
    numbers after their labels: values, unreadable (before: text, each taken for a row of
    its own, which took the rest of its row's values). The header's `找包` stands in
    其他's column too, but in a row with no number: text; the labels stand in the label
    column, whose boxes no number shares: text."""
    tokens = _tokens(GREY72_001)
    made = [(t.text, t.printed.state) for t in tokens
            if t.kind == "value" and t.printed.state == "unreadable"]
    assert made == [("西", "unreadable"), ("石", "unreadable")]
    assert [t.text for t in tokens if t.kind == "text"] == [
        "社会公司组强", "去律服务机购", "找包", "2.其他基律行政生规梁业会开", "3.龙元“三安全一定",
        "《五)不厘", "1.信你举报授游类中设", "2.重复中"]


def test_printed_text_is_never_taken_for_a_value() -> None:
    """The same cells printed as text (no OCR confidence): `西` stays text."""
    cells = [TextCell(c.text, c.ref, c.row) for c in GREY72_001]
    assert "西" in [t.text for t in _tokens(cells) if t.kind == "text"]


# Report 001 scanned at 150 dpi, skewed and blurred (grey150_skew_blur): 三's rows as OCR
# read them, (page table row, [(text, box, confidence) of each cell]). (四)2.'s 自然人 11
# read `日`.
SKEW_BLUR_001_T3 = [
    ('page 4 table 2 row 4', [
        ('一、本年新收政府信息公开申请数量', '72,458,250,480', 0.91),
        ('3001', '252,458,284,480', 1.0),
        ('53', '287,458,321,480', 1.0), ('0', '324,458,355,480', 0.97),
        ('0', '358,458,401,480', 0.95), ('61', '403,458,448,480', 1.0),
        ('4', '450,458,486,480', 1.0), ('3119', '488,458,521,480', 1.0)]),
    ('page 4 table 2 row 5', [
        ('二、上年结转政府信息公开申请数量', '72,482,250,503', 0.98),
        ('34', '252,482,284,503', 1.0),
        ('0', '287,482,321,503', 0.97), ('0', '324,482,355,503', 0.97),
        ('0', '358,482,400,503', 0.95), ('0', '403,482,447,503', 0.97),
        ('0', '450,482,486,503', 0.97), ('34', '488,482,521,503', 0.88)]),
    ('page 4 table 2 row 6', [
        ('三、本年度办理结果', '72,506,95,781', 0.98), ('(一)予以公开', '97,506,250,527', 0.99),
        ('1288', '252,506,284,527', 1.0), ('21', '287,506,321,527', 1.0),
        ('0', '324,506,355,527', 0.97), ('0', '358,506,400,527', 0.97),
        ('50', '403,506,448,527', 1.0), ('3', '450,506,486,527', 0.99),
        ('1362', '488,506,521,527', 0.98)]),
    ('page 4 table 2 row 7', [
        ('(二)部分公开(区分处理的,只计这一情形。不计其他情形)', '97,530,250,566', 0.6),
        ('447', '252,530,284,566', 1.0), ('7', '287,530,321,566', 1.0),
        ('0', '324,530,355,566', 0.97), ('0', '358,530,401,566', 0.99),
        ('0', '403,530,448,566', 0.99), ('0', '450,530,486,566', 0.97),
        ('454', '488,530,521,566', 1.0)]),
    ('page 4 table 2 row 8', [
        ('(三)不予公开', '97,569,136,758', 0.95), ('1.属于国家秘密', '139,569,250,589', 0.51),
        ('2', '252,569,284,589', 1.0), ('0', '287,569,321,589', 0.97),
        ('0', '324,569,355,589', 0.97), ('0', '358,569,401,589', 0.99),
        ('0', '403,569,448,590', 0.98), ('0', '450,569,486,589', 0.98),
        ('2', '488,569,521,589', 1.0)]),
    ('page 4 table 2 row 9', [
        ('2.其他法律行款法规禁止公开', '139,592,250,614', 0.77), ('30', '252,592,284,614', 1.0),
        ('1', '287,592,321,614', 0.92), ('0', '324,592,355,614', 0.98),
        ('0', '358,592,400,614', 0.97), ('0', '403,592,448,615', 0.95),
        ('0', '450,592,486,614', 0.97), ('31', '488,592,520,615', 1.0)]),
    ('page 4 table 2 row 10', [
        ('3.尼及“三安全一稳定”', '139,617,250,638', 0.85), ('5', '252,617,284,638', 1.0),
        ('0', '287,617,321,638', 0.97), ('0', '324,617,355,638', 0.97),
        ('0', '358,617,400,638', 0.97), ('0', '403,617,448,638', 0.98),
        ('0', '450,617,486,638', 0.96), ('5', '488,617,521,638', 1.0)]),
    ('page 4 table 2 row 11', [
        ('4.保护第三方合法权益', '139,641,250,662', 0.99), ('6', '252,641,284,662', 1.0),
        ('0', '287,641,321,662', 0.97), ('0', '324,641,355,662', 0.95),
        ('0', '358,641,400,662', 0.99), ('0', '403,641,448,662', 0.98),
        ('0', '450,641,486,662', 0.95), ('6', '488,641,521,662', 1.0)]),
    ('page 4 table 2 row 12', [
        ('5.属于三类内部事务信惠', '139,665,250,686', 0.8), ('7', '252,665,284,685', 0.99),
        ('1', '287,665,321,686', 0.81), ('0', '324,665,355,686', 0.98),
        ('0', '358,665,401,685', 0.99), ('0', '403,665,448,686', 0.98),
        ('0', '450,665,486,686', 0.95), ('8', '488,665,521,686', 1.0)]),
    ('page 4 table 2 row 13', [
        ('6.属于四类过保性信息', '139,688,250,710', 0.89), ('12', '252,688,284,709', 1.0),
        ('0', '287,688,321,710', 0.98), ('0', '324,688,355,710', 0.97),
        ('0', '358,688,400,710', 0.97), ('0', '403,688,447,710', 0.99),
        ('0', '450,688,485,710', 0.95), ('12', '488,688,520,710', 1.0)]),
    ('page 4 table 2 row 14', [
        ('7.属于行践执法紫卷', '139,712,250,734', 0.73), ('9', '252,712,284,734', 1.0),
        ('0', '287,712,321,734', 0.97), ('0', '324,712,355,734', 0.98),
        ('0', '358,712,400,734', 0.95), ('0', '403,712,447,734', 0.98),
        ('0', '450,712,485,734', 0.97), ('9', '488,712,521,734', 1.0)]),
    ('page 4 table 2 row 15', [
        ('8.属于行践查询事项', '139,737,250,758', 0.87), ('105', '252,737,284,758', 1.0),
        ('0', '287,737,321,758', 0.99), ('0', '324,737,355,758', 0.98),
        ('0', '358,737,400,758', 0.97), ('0', '403,737,448,758', 0.98),
        ('0', '450,737,486,758', 0.98), ('105', '488,737,521,758', 1.0)]),
    ('page 4 table 2 row 16', [
        ('(四)无', '97,760,136,781', 0.93), ('1.本机关不掌握相关政府信息', '139,760,250,781', 0.96),
        ('746', '252,760,284,781', 1.0), ('12', '287,760,321,781', 1.0),
        ('0', '324,760,355,781', 0.98), ('0', '358,760,400,781', 0.95),
        ('10', '403,760,448,781', 1.0), ('1', '450,760,486,781', 0.99),
        ('769', '488,760,520,781', 1.0)]),
    ('page 5 table 1 row 1', [
        ('', '72,81,95,424', None), ('法提供', '97,81,136,129', 0.99),
        ('2.没有现成信息需委另行制作', '139,81,250,103', 0.79), ('日', '252,82,284,103', 0.61),
        ('0', '287,82,321,103', 0.99), ('0', '324,81,355,103', 0.97),
        ('0', '358,81,400,103', 0.97), ('0', '403,81,447,103', 0.99),
        ('0', '450,81,486,103', 0.99), ('11', '488,81,521,103', 0.8)]),
    ('page 5 table 1 row 2', [
        ('3.补正后申请内容仍不明确', '139,105,250,129', 0.61), ('1', '252,105,284,129', 0.47),
        ('0', '287,105,321,129', 0.99), ('0', '324,105,355,129', 0.96),
        ('0', '358,105,400,129', 0.98), ('0', '403,105,447,129', 0.98),
        ('0', '450,105,485,129', 0.99), ('1', '488,105,521,129', 0.37)]),
    ('page 5 table 1 row 3', [
        ('(五)不予处理', '97,131,136,263', 0.97), ('1.信访举报投诉类申请', '139,131,250,152', 0.74),
        ('56', '252,132,284,152', 1.0), ('6', '287,131,321,152', 1.0),
        ('0', '324,131,355,152', 0.99), ('0', '358,131,401,152', 0.99),
        ('0', '403,131,448,152', 0.99), ('0', '450,132,486,152', 0.99),
        ('62', '488,131,521,152', 1.0)]),
    ('page 5 table 1 row 4', [
        ('2.重复中请', '139,155,250,177', 0.88), ('25', '252,155,284,177', 1.0),
        ('0', '287,155,321,177', 0.99), ('0', '324,155,355,177', 0.99),
        ('0', '358,155,400,177', 0.99), ('0', '403,155,448,177', 0.99),
        ('0', '450,155,486,177', 0.99), ('25', '488,155,521,177', 1.0)]),
    ('page 5 table 1 row 5', [
        ('3.要求提候公开出版物', '139,179,250,201', 0.92), ('0', '252,180,284,201', 0.99),
        ('0', '287,180,321,201', 0.99), ('0', '324,179,355,201', 0.99),
        ('0', '358,180,400,201', 0.99), ('0', '403,179,448,201', 0.99),
        ('0', '450,180,486,201', 0.98), ('0', '488,179,521,201', 0.98)]),
    ('page 5 table 1 row 6', [
        ('4.无正当理由大量反复中请', '139,203,250,225', 0.92), ('0', '252,204,284,225', 0.97),
        ('0', '287,204,321,225', 0.99), ('0', '324,203,355,225', 0.99),
        ('0', '358,204,400,225', 1.0), ('0', '403,204,448,225', 0.99),
        ('0', '450,204,486,225', 0.95), ('0', '488,203,521,225', 0.97)]),
    ('page 5 table 1 row 7', [
        ('5.要求行政机关确认或重新出其已获取信息', '139,227,250,263', 0.88),
        ('1', '252,228,284,263', 0.94),
        ('0', '287,228,321,263', 0.99), ('0', '324,227,355,263', 0.99),
        ('0', '358,228,400,263', 0.99), ('0', '403,227,448,263', 0.98),
        ('0', '450,228,486,263', 0.99), ('1', '488,227,521,263', 0.65)]),
    ('page 5 table 1 row 8', [
        ('(六)其他处理', '97,266,136,400', 0.97),
        ('1、申请人无正查理由途期不补正、行致机关不再处理其政府信息公开申请',
         '139,266,250,317', 0.76),
        ('67', '252,266,284,317', 1.0), ('3', '287,266,321,317', 0.99),
        ('0', '324,265,355,317', 0.98), ('0', '358,266,400,317', 1.0),
        ('1', '403,265,448,317', 0.9), ('0', '450,266,486,317', 0.98),
        ('71', '488,266,521,317', 0.99)]),
    ('page 5 table 1 row 9', [
        ('2、申请人途期未按收费通知要求缴纳费用、行效机关不再处理其政府信息公开申请',
         '139,320,250,376', 0.82),
        ('6', '252,320,284,376', 1.0), ('0', '287,320,321,376', 0.95),
        ('0', '324,320,355,376', 0.98), ('0', '358,320,400,376', 1.0),
        ('0', '403,320,447,376', 0.98), ('0', '450,320,486,376', 0.99),
        ('6', '488,320,521,376', 1.0)]),
    ('page 5 table 1 row 10', [
        ('3、其他', '139,379,250,400', 0.96), ('108', '252,379,284,400', 1.0),
        ('2', '287,379,321,400', 1.0), ('0', '324,379,355,400', 0.99),
        ('0', '358,379,400,400', 0.98), ('0', '403,379,448,400', 0.99),
        ('0', '450,379,486,400', 0.95), ('110', '488,379,521,400', 1.0)]),
    ('page 5 table 1 row 11', [
        ('(七)总计', '97,403,250,424', 0.96), ('2932', '252,403,284,424', 1.0),
        ('53', '287,403,321,424', 1.0), ('0', '324,403,355,424', 0.97),
        ('0', '358,403,400,424', 0.99), ('61', '403,403,448,424', 1.0),
        ('4', '450,403,486,424', 1.0), ('3050', '488,403,521,424', 1.0)]),
    ('page 5 table 1 row 12', [
        ('四、结转下年度继续办理', '72,427,250,450', 0.94), ('103', '252,427,284,450', 1.0),
        ('0', '287,427,321,450', 0.98), ('0', '324,427,355,450', 0.98),
        ('0', '358,427,400,450', 0.95), ('0', '403,427,447,450', 0.98),
        ('0', '450,427,486,450', 0.99), ('103', '488,427,521,450', 1.0)]),
]


def test_a_row_whose_value_ocr_read_as_a_character_keeps_its_columns() -> None:
    """(四)2.没有现成信息需要另行制作 prints `日` for its 11: an unreadable value, null and
    flagged, and the row's other six values are read (before: `日` was taken for a row
    matching nothing, with the row's values; the row was not found)."""
    cells = [TextCell(text, f"{where} cell {n} box {box}", row, confidence)
             for row, (where, printed) in enumerate(SKEW_BLUR_001_T3, 30)
             for n, (text, box, confidence) in enumerate(printed, 1)]
    report = recognise(_doc(cells))
    columns = ("natural_person", "commercial_enterprise", "research_institution",
               "public_interest_org", "legal_service_org", "other_org", "total")
    assert [report.cells[f"t3.unable_needs_creation.{c}"].value for c in columns] == [
        None, 0, 0, 0, 0, 0, 11]
    assert [(f.code, f.message) for f in report.flags
            if f.cell_id == "t3.unable_needs_creation.natural_person"] == [
        ("unreadable_value", "t3.unable_needs_creation.natural_person: '日'")]
    assert not any(f.code == "unmatched_row" for f in report.flags)


# Report seed-shaoguan-zhenjiang-2019 scanned at 150 dpi blurred σ 2 (grey150_blur2), 三's
# header's last rows and rows 一、 and 二、 (page 2) and (一) and (二) (page 3) as OCR read
# them: a 0 of 一、's 社会公益组织 and of (一)'s 自然人 read `。`.
BLUR2_SEED_T3 = [
    TextCell('自然人', 'page 2 table 2 row 3 cell 1 box 165,168,204,225', 27, 0.5),
    TextCell('注人或其他组织', 'page 2 table 2 row 3 cell 2 box 207,168,417,180', 27, 0.19),
    TextCell('总计', 'page 2 table 2 row 3 cell 3 box 421,169,459,225', 27, 0.5),
    TextCell('商业企业', 'page 2 table 2 row 4 cell 1 box 207,185,246,225', 28, 0.5),
    TextCell('科码机构', 'page 2 table 2 row 4 cell 2 box 250,184,288,225', 28, 0.5),
    TextCell('社会公益织', 'page 2 table 2 row 4 cell 3 box 293,184,332,226', 28, 0.5),
    TextCell('法律服务1几(1', 'page 2 table 2 row 4 cell 4 box 335,184,374,226', 28, 0.25),
    TextCell('其他', 'page 2 table 2 row 4 cell 5 box 378,185,417,225', 28, 0.5),
    TextCell('一、享年断收政府信息公开中请量8', 'page 2 table 2 row 5 cell 1 box 36,229,160,257',
             29, 0.5),
    TextCell('1', 'page 2 table 2 row 5 cell 2 box 165,230,204,256', 29, 0.5),
    TextCell('0', 'page 2 table 2 row 5 cell 3 box 207,230,246,256', 29, 0.5),
    TextCell('0', 'page 2 table 2 row 5 cell 4 box 250,230,288,256', 29, 0.5),
    TextCell('。', 'page 2 table 2 row 5 cell 5 box 293,230,331,256', 29, 0.44),
    TextCell('0', 'page 2 table 2 row 5 cell 6 box 335,230,374,256', 29, 0.5),
    TextCell('0', 'page 2 table 2 row 5 cell 7 box 378,230,417,256', 29, 0.5),
    TextCell('1', 'page 2 table 2 row 5 cell 8 box 421,230,459,256', 29, 0.5),
    TextCell('二、上年转改府信息公开市请量', 'page 2 table 2 row 6 cell 1 box 36,260,160,288',
             30, 0.30),
    TextCell('0', 'page 2 table 2 row 6 cell 2 box 165,261,204,287', 30, 0.5),
    TextCell('0', 'page 2 table 2 row 6 cell 3 box 207,261,246,287', 30, 0.5),
    TextCell('0', 'page 2 table 2 row 6 cell 4 box 250,261,288,287', 30, 0.5),
    TextCell('0', 'page 2 table 2 row 6 cell 5 box 293,261,331,287', 30, 0.5),
    TextCell('0', 'page 2 table 2 row 6 cell 6 box 336,261,374,287', 30, 0.5),
    TextCell('0', 'page 2 table 2 row 6 cell 7 box 378,261,417,287', 30, 0.5),
    TextCell('0', 'page 2 table 2 row 6 cell 8 box 421,261,459,287', 30, 0.5),
    TextCell('三、本年窗办理结累', 'page 3 table 1 row 1 cell 1 box 36,30,74,755', 31, 0.5),
    TextCell('', 'page 3 table 1 row 1 cell 2 box 79,30,104,42', 31, 0.0),
    TextCell('予以公开', 'page 3 table 1 row 1 cell 3 box 106,30,160,42', 31, 0.5),
    TextCell('。', 'page 3 table 1 row 1 cell 4 box 165,30,203,42', 31, 0.36),
    TextCell('0', 'page 3 table 1 row 1 cell 5 box 207,30,246,42', 31, 0.5),
    TextCell('0', 'page 3 table 1 row 1 cell 6 box 250,30,288,42', 31, 0.5),
    TextCell('0', 'page 3 table 1 row 1 cell 7 box 293,30,331,42', 31, 0.5),
    TextCell('0', 'page 3 table 1 row 1 cell 8 box 336,30,374,42', 31, 0.5),
    TextCell('0', 'page 3 table 1 row 1 cell 9 box 378,30,417,42', 31, 0.5),
    TextCell('0', 'page 3 table 1 row 1 cell 10 box 421,30,459,42', 31, 0.5),
    TextCell('(二)部分公开(区分处理防,只计这一情形,不计其他情形)',
             'page 3 table 1 row 2 cell 1 box 79,46,160,103', 32, 0.41),
    TextCell('1', 'page 3 table 1 row 2 cell 2 box 165,46,203,102', 32, 0.5),
    TextCell('0', 'page 3 table 1 row 2 cell 3 box 207,46,246,102', 32, 0.5),
    TextCell('0', 'page 3 table 1 row 2 cell 4 box 250,46,288,102', 32, 0.5),
    TextCell('0', 'page 3 table 1 row 2 cell 5 box 293,46,331,102', 32, 0.5),
    TextCell('0', 'page 3 table 1 row 2 cell 6 box 335,46,374,102', 32, 0.5),
    TextCell('0', 'page 3 table 1 row 2 cell 7 box 378,46,417,102', 32, 0.5),
    TextCell('1', 'page 3 table 1 row 2 cell 8 box 421,46,459,102', 32, 0.5),
]


def test_a_mark_in_a_value_columns_box_of_a_row_of_numbers_is_an_unreadable_value() -> None:
    """`。` (a blurred 0) stands in the boxes of 社会公益组织's and 自然人's columns, in rows
    of numbers after their labels: values, unreadable, as a Chinese character there is.
    Before, a text: (一)'s label `予以公开` was followed by a text, not a value, so it was
    not read as its row's label (misprints), and 三's column sums lacked (一): 13 cells of
    三 unproven on the page."""
    tokens = _tokens(BLUR2_SEED_T3)
    assert [(t.text, t.row) for t in tokens
            if t.kind == "value" and t.printed.state == "unreadable"] == [("。", 29), ("。", 31)]
    assert [t.text for t in tokens if t.kind == "text"] == [
        "法律服务1几(1", "一、享年断收政府信息公开中请量8", "二、上年转改府信息公开市请量",
        "三、本年窗办理结累", "予以公开"]
    granted = next(k for k, t in enumerate(tokens) if t.text == "予以公开")
    assert tokens[granted + 1].kind == "value"
    relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert [lab.key for lab in tokens[granted].labels] == ["granted"]
