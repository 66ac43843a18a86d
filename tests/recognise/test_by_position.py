"""Values joined by their column alone kept only where an identity proves them."""

from __future__ import annotations

from pathlib import Path

from pipelines.document import Document, TextCell
from pipelines.parse import parse_file
from pipelines.recognise.report import recognise

# pdftotext -layout of Chromium's print of 004's `number-br` page, cut to the title and
# 三 (tests/read/test_text_columns.py): 一's cells over lines, `7` over `1` for 71 and
# `7` over `4` for 74, joined by their columns.
NUMBER_BR = (Path(__file__).parents[1] / "fixtures" / "dumps"
             / "004.pdftotext-layout-number-br.txt")
_ROW = ("natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")


def test_cells_joined_by_their_columns_whose_row_adds_up_are_kept() -> None:
    report = parse_file(NUMBER_BR)
    assert [report.cells[f"t3.new_received.{k}"].value for k in _ROW] == [
        71, 3, 0, 0, 0, 0, 74]
    # （一）予以公开's 21 … 21 adds up only with itself: 三's column sums, which would take
    # in rows printed elsewhere, have null cells (1.本机关不掌握…, 2.没有现成…)
    assert [report.cells[f"t3.granted.{k}"].value for k in _ROW] == [None] * 7
    assert [f.message.split(":")[0] for f in report.flags
            if f.code == "values_position_unproven"] == [
        ", ".join(f"t3.granted.{k}" for k in _ROW)]


# pdftotext -layout of Chromium's print of 005's page with a <br> after each number's
# first character (variants.py number-br, numbers drawn anew: mean 300, seed 12), cut to
# its first 100 lines (二 and 三 to its (四) rows). (二)部分公开's long label runs into
# its first line and pushes its words left a space apart (`…只计这 1 1 0 0  1`), its
# lower lines keep their columns (`6` under the second `1`, `1 0`, `8`): joined by
# column it read 1, 16, 0, 0, 1, 0, 18 for 16, 1, 0, 0, 1, 0, 18, its sum holding, and
# the two swapped cells were published wrong.
LABEL_PUSHED = (Path(__file__).parents[1] / "fixtures" / "dumps"
                / "005.pdftotext-layout-number-br-revalued-m300-s12.txt")


def test_cells_joined_by_their_columns_proven_by_their_own_row_alone_are_null() -> None:
    report = parse_file(LABEL_PUSHED)
    assert [report.cells[f"t3.partially_granted.{k}"].value for k in _ROW] == [None] * 7
    assert {report.cells[f"t3.partially_granted.{k}"].state for k in _ROW} == {"ambiguous"}
    # rows printed on one line each are read as before
    assert [report.cells[f"t3.denied_state_secret.{k}"].value for k in _ROW] == [
        1, 0, 0, 0, 0, 0, 1]


def test_cells_joined_by_their_columns_whose_row_fails_are_null(tmp_path: Path) -> None:
    # the same text with 74's lower piece printed 5: 71 + 3 is not 75, no identity
    # proves the joins, the row's cells null and flagged
    lines = NUMBER_BR.read_text(encoding="utf-8").split("\n")  # a page break's \f kept
    assert lines[13].strip() == "4"
    lines[13] = lines[13].replace("4", "5")
    path = tmp_path / "004.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = parse_file(path)
    assert [report.cells[f"t3.new_received.{k}"].value for k in _ROW] == [None] * 7
    assert any(f.code == "values_position_unproven" for f in report.flags)


# Report 001 scanned at 72 dpi (grey72_jpeg), 三 as OCR read it (pages 4 and 5, both read
# poorly: TextCell.poor_page), each cell's box, confidence and second reading:
# (一)予以公开's label read `(→))f`, 6.属于四类过程性信息's `&属千四美式租性信息`
# (misprints._place_alone places both), cells read as characters (`西`, `石`, `E2`).
GREY72_001_T3 = [
    ('page 4 table 2 row 1', [
        ('(本列数据的与析关系为:第一项加第项之和,等于第一项加第四之和)', '73,372,251,456', 0.69),
        ('中请人情况', '253,372,521,394', 0.92)]),
    ('page 4 table 2 row 2', [
        ('自然人', '253,396,284,456', 0.61), ('法式或其他期员', '286,396,486,418', 0.04),
        ('总计', '488,396,521,456', 1.0)]),
    ('page 4 table 2 row 3', [
        ('商业企业', '286,420,322,456', 0.97), ('科研机构', '324,420,356,456', 0.57),
        ('社会公司组强', '358,420,401,456', 0.16), ('去律服务机购', '403,420,448,456', 0.32),
        ('找包', '450,420,486,456', 0.37)]),
    ('page 4 table 2 row 4', [
        ('本年新收收府信息公开申请数量', '73,458,251,480', 0.67), ('3001', '253,458,284,480', 0.98),
        ('53', '286,458,322,480', 0.89), ('0', '324,458,356,480', 0.97),
        ('0', '358,458,401,480', 0.95), ('61', '403,458,448,480', 1.0),
        ('4', '450,458,486,480', 0.99), ('3119', '488,458,521,480', 1.0)]),
    ('page 4 table 2 row 5', [
        ('上年结转政府信息公开申请数量', '73,483,251,504', 0.7), ('34', '253,483,284,504', 0.8),
        ('0', '286,483,322,504', 0.95), ('0', '324,483,356,504', 0.97),
        ('0', '358,483,401,504', 0.95), ('0', '403,483,448,504', 0.95),
        ('0', '450,483,486,504', 0.95), ('34', '488,483,521,504', 0.99)]),
    ('page 4 table 2 row 6', [
        ('三、本甲度身理结果', '73,506,94,781', 0.79), ('(→))f', '97,506,251,528', 0.48),
        ('1288', '253,506,284,528', 0.5), ('21', '286,506,322,528', 0.95),
        ('0', '324,506,356,528', 0.95), ('0', '358,506,401,528', 0.97),
        ('50', '403,506,448,528', 1.0), ('3', '450,506,486,528', 0.98),
        ('1362', '488,506,521,528', 0.89)]),
    ('page 4 table 2 row 7', [
        ('《二)年分公开(区分处理的,共计区一情U,不升其他情形', '97,530,251,566', 0.63),
        ('447', '253,530,284,566', 0.96), ('T', '286,530,322,566', 0.46),
        ('0', '324,530,356,566', 0.95), ('0', '358,530,401,566', 0.95),
        ('0', '403,530,448,566', 0.95), ('0', '450,530,486,566', 0.95),
        ('45E', '488,530,521,566', 0.65)]),
    ('page 4 table 2 row 8', [
        ('()不公升', '97,569,136,758', 0.53), ('1.属千国家秘安', '139,569,251,590', 0.13),
        ('2', '253,569,284,590', 0.95), ('', '286,569,322,590', 0.0, ('0',)),
        ('0', '324,569,356,590', 0.95), ('0', '358,569,401,590', 0.96),
        ('0', '403,569,448,590', 0.95), ('0', '450,569,486,590', 0.95),
        ('μ', '488,569,521,590', 0.14, ('2',))]),
    ('page 4 table 2 row 9', [
        ('2.其他基律行政生规梁业会开', '139,593,251,614', 0.44), ('30', '253,593,284,614', 0.97),
        ('1', '286,593,322,614', 0.94), ('0', '324,593,356,614', 0.95),
        ('0', '358,593,401,614', 0.95), ('0', '403,593,448,614', 0.95),
        ('0', '450,593,486,614', 0.95), ('1', '488,593,521,614', 0.5, ('31',))]),
    ('page 4 table 2 row 10', [
        ('3.龙元“三安全一定', '139,617,251,638', 0.63), ('西', '253,617,284,638', 0.15),
        ('0', '286,617,322,638', 0.95), ('0', '324,617,356,638', 0.95),
        ('0', '358,617,401,638', 0.95), ('01', '403,617,448,638', 0.5, ('0',)),
        ('0', '450,617,486,638', 0.95), ('5', '488,617,521,638', 0.9)]),
    ('page 4 table 2 row 11', [
        ('4.保护第三方合出权益', '139,641,251,662', 0.55), ('6', '253,641,284,662', 0.82),
        ('', '286,641,322,662', 0.0, ('0',)), ('0', '324,641,356,662', 0.95),
        ('0', '358,641,401,662', 0.95), ('01', '403,641,448,662', 0.47, ('0',)),
        ('0', '450,641,486,662', 0.95), ('6', '488,641,521,662', 0.54)]),
    ('page 4 table 2 row 12', [
        ('5.属千三类内部事务信息', '139,665,251,686', 0.63), ('7', '253,665,284,686', 0.45),
        ('1', '286,665,322,686', 0.96), ('0', '324,665,356,686', 0.95),
        ('0', '358,665,401,686', 0.95), ('01', '403,665,448,686', 0.45, ('0',)),
        ('0', '450,665,486,686', 0.95), ('8', '488,665,521,686', 0.97)]),
    ('page 4 table 2 row 13', [
        ('&属千四美式租性信息', '139,689,251,709', 0.43), ('E2', '253,689,284,709', 0.96, ('12',)),
        ('', '286,689,322,709', 0.0, ('0',)), ('0', '324,689,356,709', 0.95),
        ('0', '358,689,401,709', 0.95), ('0', '403,689,448,709', 0.95),
        ('0', '450,689,486,709', 0.5), ('E2', '488,689,521,709', 0.92, ('12',))]),
    ('page 4 table 2 row 14', [
        ('7.属于行戏找法本', '139,712,251,734', 0.24), ('9', '253,712,284,734', 0.99),
        ('', '286,712,322,734', 0.0, ('0',)), ('0', '324,712,356,734', 0.95),
        ('0', '358,712,401,734', 0.95), ('0', '403,712,448,734', 0.95),
        ('0', '450,712,486,734', 0.5), ('9', '488,712,521,734', 0.99)]),
    ('page 4 table 2 row 15', [
        ('8.属千行政向事项', '139,737,251,758', 0.7), ('IOS', '253,737,284,758', 0.57),
        ('0', '286,737,322,758', 0.95), ('0', '324,737,356,758', 0.95),
        ('0', '358,737,401,758', 0.95), ('0', '403,737,448,758', 0.95),
        ('0', '450,737,486,758', 0.5), ('EOG', '488,737,521,758', 0.45)]),
    ('page 4 table 2 row 16', [
        ('《四)元', '97,761,136,781', 0.68), ('1.本机关不实提关欢西信&', '139,761,251,781', 0.37),
        ('746', '253,761,284,781', 0.99), ('12', '286,761,322,781', 0.81),
        ('0', '324,761,356,781', 0.95), ('0', '358,761,401,781', 0.95),
        ('10', '403,761,448,781', 0.87), ('1', '450,761,486,781', 0.91),
        ('769', '488,761,521,781', 0.5)]),
    ('page 5 table 1 row 1', [
        ('', '73,82,94,424', None), ('法提保', '97,82,136,129', 0.38),
        ('2.造有现成情高需要务行制', '139,82,251,103', 0.0), ('目', '253,82,284,103', 0.54),
        ('', '286,82,322,103', 0.0, ('0',)), ('0', '324,82,356,103', 0.95),
        ('0', '358,82,401,103', 0.97), ('0', '403,82,448,103', 0.95),
        ('0', '450,82,486,103', 0.95), ('', '488,82,521,103', 0.0, ('口',))]),
    ('page 5 table 1 row 2', [
        ('3.补正后中课内客仍不明确', '139,106,251,129', 0.66), ('1', '253,106,284,129', 0.5),
        ('', '286,106,322,129', 0.0, ('0',)), ('0', '324,106,356,129', 0.95),
        ('0', '358,106,401,129', 0.95), ('0', '403,106,448,129', 0.95),
        ('0', '450,106,486,129', 0.95), ('1', '488,106,521,129', 1.0)]),
    ('page 5 table 1 row 3', [
        ('《五)不厘', '97,132,136,264', 0.17), ('1.信你举报授游类中设', '139,132,251,152', 0.51),
        ('56', '253,132,284,152', 0.98), ('石', '286,132,322,152', 0.74),
        ('0', '324,132,356,152', 0.95), ('0', '358,132,401,152', 0.95),
        ('0', '403,132,448,152', 0.95), ('0', '450,132,486,152', 0.95),
        ('69', '488,132,521,152', 0.64, ('62',))]),
    ('page 5 table 1 row 4', [
        ('2.重复中', '139,155,251,176', 0.7), ('25', '253,155,284,176', 0.5),
        ('0', '286,155,322,176', 0.95), ('0', '324,155,356,176', 0.95),
        ('0', '358,155,401,176', 0.95), ('0', '403,155,448,176', 0.95),
        ('0', '450,155,486,176', 0.5), ('25', '488,155,521,176', 0.63, ('20',))]),
    ('page 5 table 1 row 5', [
        ('3.业本提评会开出航据', '139,179,251,200', 0.62), ('0', '253,179,284,200', 0.95),
        ('0', '286,179,322,200', 0.95), ('0', '324,179,356,200', 0.95),
        ('0', '358,179,401,200', 0.95), ('0', '403,179,448,200', 0.95),
        ('0', '450,179,486,200', 0.5), ('□', '488,179,521,200', 0.17, ('0',))]),
    ('page 5 table 1 row 6', [
        ('4.元正安理面大量丘复中调', '139,203,251,224', 0.52), ('0', '253,203,284,224', 0.95),
        ('0', '286,203,322,224', 0.95), ('0', '324,203,356,224', 0.95),
        ('0', '358,203,401,224', 0.95), ('9', '403,203,448,224', 0.35, ('0',)),
        ('0', '450,203,486,224', 0.5), ('0', '488,203,521,224', 0.2)]),
    ('page 5 table 1 row 7', [
        ('5.要求行效机美确认或重新出其乙获中结息', '139,227,251,264', 0.42),
        ('1', '253,227,284,264', 0.5),
        ('0', '286,227,322,264', 0.95), ('0', '324,227,356,264', 0.97),
        ('0', '358,227,401,264', 0.95), ('0', '403,227,448,264', 0.95),
        ('0', '450,227,486,264', 0.95), ('1', '488,227,521,264', 1.0)]),
    ('page 5 table 1 row 8', [
        ('(六)其他处T', '97,266,136,400', 0.14),
        ('1.请人元王街理自造期不三行戏机关不评处理其戏府信&公开中请', '139,266,251,317', 0.52),
        ('6T', '253,266,284,317', 0.87, ('67',)), ('3', '286,266,322,317', 1.0),
        ('0', '324,266,356,317', 0.95), ('0', '358,266,401,317', 0.98),
        ('E', '403,266,448,317', 0.96, ('1',)), ('0', '450,266,486,317', 0.95),
        ('71', '488,266,521,317', 0.78)]),
    ('page 5 table 1 row 9', [
        ('2.市请人进阳术按收费通如求取纳费期、行戏机关不汗处理其政西信息分开业靖',
         '139,320,251,376', 0.36),
        ('0', '253,320,284,376', 0.95), ('', '286,320,322,376', 0.0, ('0',)),
        ('0', '324,320,356,376', 0.97), ('0', '358,320,401,376', 0.95),
        ('9', '403,320,448,376', 0.53, ('0',)), ('0', '450,320,486,376', 0.95),
        ('E', '488,320,521,376', 0.53, ('6',))]),
    ('page 5 table 1 row 10', [
        ('3、其他', '139,379,251,400', 0.64), ('108', '253,379,284,400', 0.99),
        ('2', '286,379,322,400', 0.25), ('0', '324,379,356,400', 0.95),
        ('0', '358,379,401,400', 0.95), ('0', '403,379,448,400', 0.95),
        ('0', '450,379,486,400', 0.95), ('【10', '488,379,521,400', 0.48)]),
    ('page 5 table 1 row 11', [
        ('(七)恶计', '97,403,251,424', 0.76), ('2932', '253,403,284,424', 0.5),
        ('53', '286,403,322,424', 0.95), ('0', '324,403,356,424', 0.95),
        ('0', '358,403,401,424', 0.95), ('61', '403,403,448,424', 0.98),
        ('4', '450,403,486,424', 0.91), ('3050', '488,403,521,424', 0.89, ('3060',))]),
    ('page 5 table 1 row 12', [
        ('医、站转下年度港续办理', '73,427,251,450', 0.6), ('103', '253,427,284,450', 0.93),
        ('0', '286,427,322,450', 0.95), ('0', '324,427,356,450', 0.95),
        ('0', '358,427,401,450', 0.95), ('0', '403,427,448,450', 0.95),
        ('0', '450,427,486,450', 0.95), ('103', '488,427,521,450', 0.5)]),
]


def _scanned(rows: list) -> Document:
    cells = [TextCell(text, f"{where} cell {n} box {box}", row, confidence, *alternatives,
                      poor_page=True)
             for row, (where, printed) in enumerate(rows, 27)
             for n, (text, box, confidence, *alternatives) in enumerate(printed, 1)]
    return Document("001.pdf", "0" * 64, 0, "scan", "\n".join(c.text for c in cells), cells)


def test_a_row_placed_by_its_place_alone_keeps_what_its_column_sums_prove() -> None:
    """(一)'s 科研机构, 社会公益组织 and 其他 (0, 0, 3) are proven by 三's column sums, which
    take in every other row (every cell of those columns read once (一) and 6. are
    placed); its 自然人, 商业企业, 法律服务机构 and 总计 are in columns with a cell unread
    (`西`, `石`, `E2`), null and flagged. Fails before: (一) not found, every cell null,
    and the columns' other rows unproven too (100 of 三's cells published, now 127)."""
    report = recognise(_scanned(GREY72_001_T3))
    assert [report.cells[f"t3.granted.{k}"].value for k in _ROW] == [
        None, None, 0, 0, None, 3, None]
    assert [report.cells[f"t3.denied_process_info.{k}"].value for k in _ROW] == [
        None, None, 0, 0, None, 0, None]
    assert [f.message.split(":")[0] for f in report.flags
            if f.code == "values_position_unproven"] == [
        "t3.granted.natural_person, t3.granted.commercial_enterprise, "
        "t3.granted.legal_service_org, t3.granted.total, "
        "t3.denied_process_info.legal_service_org"]
    assert sum(v is not None for k, v in report.values().items() if k.startswith("t3.")) == 127


def test_a_misread_value_of_a_row_placed_by_its_place_alone_is_null() -> None:
    """(一)'s 其他 3 read 5: 三's 其他 column no longer adds up, nor its row's sum (1,288 +
    21 + 50 + 5 is not 1,362): a failing identity takes each cell of the row, so none is
    proven."""
    rows = [(where, [("5", *c[1:]) if c[:2] == ("3", "450,506,486,528") else c
                     for c in printed]) for where, printed in GREY72_001_T3]
    assert rows != GREY72_001_T3
    report = recognise(_scanned(rows))
    assert [report.cells[f"t3.granted.{k}"].value for k in _ROW] == [None] * 7
