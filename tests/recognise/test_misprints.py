"""Misprinted row labels: an agency's typo, missing or extra character is read as its row
only when that is unambiguous, within the row's own table; otherwise the printed row is
flagged and its values go nowhere. Real reports with real-style misprints put in."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.document import Document, TextCell
from pipelines.parse import parse_bytes
from pipelines.recognise.labels import MIN_MARGIN, closest_row
from pipelines.recognise.misprints import relabel_misprints
from pipelines.recognise.normalise import normalise
from pipelines.recognise.ocr_labels import match_ocr_labels
from pipelines.recognise.tokens import Token, tokenise
from pipelines.report import Flag, ParsedReport
from schemas.template import load_template

SEED = "seed-shaoguan-zhenjiang-2019"
SHANGHAI = "shanghai-office-2019"
FILES = {SEED: f"{SEED}.txt", SHANGHAI: f"{SHANGHAI}.html"}


def misprinted(fixtures_dir: Path, stem: str, *replacements: tuple[str, str]) -> ParsedReport:
    text = (fixtures_dir / "reports" / FILES[stem]).read_text(encoding="utf-8")
    for printed, misprint in replacements:
        assert text.count(printed) == 1, printed
        text = text.replace(printed, misprint)
    return parse_bytes(FILES[stem], text.encode())


def flags(report: ParsedReport, code: str) -> list[str]:
    return [f.message for f in report.flags if f.code == code]


def row_cells(report: ParsedReport, row: str) -> dict:
    return {c: v for c, v in report.values().items() if c.startswith(row + ".")}


@pytest.mark.parametrize(("stem", "printed", "misprint", "row"), [
    # The misprint seen in a WPS PDF: 法规禁 lost.
    (SEED, "2.其他法律行政法规禁止公开", "2.其他法律行政止公开", "t3.denied_law_prohibited"),
    (SEED, "行政处罚", "行政处", "t2.administrative_penalty"),  # values 1414, 0, 170
    (SEED, "其他对外管理服务事项", "其他对外管理服务事", "t2.other_external_services"),
    (SHANGHAI, "本机关不掌握相关政府信息", "本机关不掌握相关政府的信息",  # a character extra
     "t3.unable_not_held"),
    (SHANGHAI, "（一）予以公开", "（一）予以公幵", "t3.granted"),  # 幵 for 开: values 258, 12…
])
def test_a_misprinted_row_is_read_as_its_row(fixtures_dir: Path, truth, stem: str,
                                             printed: str, misprint: str, row: str) -> None:
    report = misprinted(fixtures_dir, stem, (printed, misprint))
    assert report.status == "complete"
    assert report.values() == truth(stem)["cells"]
    (message,) = flags(report, "row_label_misprinted")
    table = "二" if row[1] == "2" else "三"
    assert message.startswith(f"table {table}: ") and f"{misprint}' read as row {row} " in message
    assert flags(report, "row_label_unmatched") == []


def _only_row_lost(report: ParsedReport, expected: dict, row: str) -> None:
    """The row is null and missing; every other cell is exactly the truth (nothing lent)."""
    values = report.values()
    assert set(row_cells(report, row).values()) == {None}
    assert f"row {row} was not found" in flags(report, "row_missing")
    assert {c: v for c, v in values.items() if not c.startswith(row + ".")} == {
        c: v for c, v in expected.items() if not c.startswith(row + ".")}


def test_a_misprint_whose_item_number_disagrees_is_not_read(fixtures_dir: Path, truth) -> None:
    report = misprinted(fixtures_dir, SEED, ("2.其他法律行政法规禁止公开", "3.其他法律行政止公开"))
    _only_row_lost(report, truth(SEED)["cells"], "t3.denied_law_prohibited")
    assert flags(report, "row_label_unmatched") == [
        "table 三: '3.其他法律行政止公开': it is close to no row of the table; its values are "
        "not read"]


def test_a_row_printed_with_its_own_label_is_not_taken_twice(fixtures_dir: Path,
                                                             truth) -> None:
    """A row whose misprinted label is closest to a row printed elsewhere stays unread."""
    report = misprinted(fixtures_dir, SEED, ("3.危及“三安全一稳定”", "2.其他法律行政法规禁止公"))
    _only_row_lost(report, truth(SEED)["cells"], "t3.denied_security_stability")
    (message,) = flags(report, "row_label_unmatched")
    assert "row denied_law_prohibited is printed with its own label" in message



def test_a_misprint_beside_another_groups_number_is_not_read(fixtures_dir: Path,
                                                             truth) -> None:
    """A printed row holding another group's item number before a misprinted label: a
    browser's print of a broken rowspan laid （六）其他处理's label pieces and value into
    5.要求行政机关确认…'s row (`broken-value-rowspan`, other numbers: its 4 was read as
    that row's). The row may be the other group's: unread."""
    report = misprinted(fixtures_dir, SEED, (
        "\t\n\t5.要求行政机关确认或重新出具已获取信息",
        "\t（六）其他\n\t5.要求行政机关确认或重新出具已获取信处理息"))
    _only_row_lost(report, truth(SEED)["cells"], "t3.not_processed_confirm_reissue")
    (message,) = flags(report, "row_label_unmatched")
    assert "its printed row also carries (六), the item number of another group" in message

def test_two_misprints_of_one_row_are_both_unread(fixtures_dir: Path, truth) -> None:
    report = misprinted(fixtures_dir, SEED,
                        ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
                        ("3.危及“三安全一稳定”", "2.其他法律行政禁止公开"))
    expected = truth(SEED)["cells"]
    for row in ("t3.denied_law_prohibited", "t3.denied_security_stability"):
        assert set(row_cells(report, row).values()) == {None}
    assert len(flags(report, "row_label_unmatched")) == 2
    assert {c: v for c, v in report.values().items() if v is not None} == {
        c: v for c, v in expected.items()
        if not c.startswith(("t3.denied_law_prohibited.", "t3.denied_security_stability."))
        and v is not None}


def test_a_misprint_matches_only_rows_of_its_own_table(fixtures_dir: Path, truth) -> None:
    """In table 二, text close to a table 三 row is no row: table 二's row is lost, no more."""
    report = misprinted(fixtures_dir, SEED, ("行政处罚", "1.属于国家秘"))
    _only_row_lost(report, truth(SEED)["cells"], "t2.administrative_penalty")
    assert flags(report, "row_label_unmatched") == [
        "table 二: '1.属于国家秘': it is close to no row of the table; its values are not read"]


@pytest.mark.parametrize("printed", [
    "其他法律行政法规禁止公开的信息不予公开",  # prose quoting a label: too far from it
    "2.其他法律",  # too short to be that row
    "3.其他",  # a short label: one character is too much to tolerate
])
def test_near_misses_are_not_rows(printed: str) -> None:
    rows = load_template().version("gov_2019").tables["t3"].rows
    row, best, _ = closest_row(normalise(printed), rows)
    assert best < 0.7, row


def test_a_misprint_as_close_to_two_rows_is_not_read() -> None:
    """2021's two 其他处理 rows end alike: without its number, this fits both too well."""
    lines = ["（六）其他处理", "申请人逾期不补正、行政机关不再处理其政府信息公开申请",
             *"0000000"]
    doc = Document("x.txt", "0" * 64, 0, "text_cells", "\n".join(lines),
                   [TextCell(t, f"line {n}") for n, t in enumerate(lines, start=1)])
    tokens = tokenise(doc)
    version = load_template().version("gov_2021")
    _, best, second = closest_row(normalise(lines[1]), version.tables["t3"].rows)
    assert best >= 0.7 and best - second < MIN_MARGIN
    assert [f.code for f in relabel_misprints(tokens, version)] == ["row_label_unmatched"]
    assert tokens[1].kind == "text"


@pytest.mark.parametrize("name", ["nilka-2023-truncated-pipes.txt",  # one cell per line, `|`
                                  "taiping-2022-truncated-lines.txt"])  # blank lines between
def test_a_misprint_reads_as_the_label_would_in_renderings_without_rows(
        fixtures_dir: Path, name: str) -> None:
    """One cell per line (no printed rows): the misprint reads exactly as the label does,
    and with its number wrong, its row is null and every other cell unchanged."""
    text = (fixtures_dir / "reports" / name).read_text(encoding="utf-8")
    label = "2.其他法律行政法规禁止公开"
    as_printed = parse_bytes(name, text.encode()).values()
    fixed = parse_bytes(name, text.replace(label, "2.其他法律行政止公开").encode())
    assert fixed.values() == as_printed
    wrong_number = parse_bytes(name, text.replace(label, "3.其他法律行政止公开").encode())
    row = "t3.denied_law_prohibited."
    assert {c: v for c, v in wrong_number.values().items() if c.startswith(row)} == dict.fromkeys(
        (c for c in as_printed if c.startswith(row)), None)
    assert {c: v for c, v in wrong_number.values().items() if not c.startswith(row)} == {
        c: v for c, v in as_printed.items() if not c.startswith(row)}


# Table 三 of report 011 scanned at 72 dpi (grey72_jpeg), rows 41-48 as OCR read them:
# 6., 8. and 2. garbled past matching, 7属于行政执法案卷 and 补正后… read as their rows.
SCANNED_011 = [
    ["4.保护第三方合法权益", "", "", "", "", "", "", ""],
    ["5.属于三类内部事务信息", "5", "", "", "", "", "", ""],
    ["6.属于西桑湿程性信息", "3", "1", "", "", "", "", ""],
    ["7属于行政执法案卷", "", "", "", "", "", "", ""],
    ["8属于行政查事项", "[D", "2", "", "", "", "", ""],
    ["(四)无法提供", "1.本机关不掌握相关政府信息", "252", "12", "", "", "E", "", ""],
    ["2设有现成信需爱别行制作", "4", "3", "", "", "", "", ""],
    ["补正后申请内容仍不明确", "25", "", "", "", "", "", ""],
]


def scanned_rows(rows: list[list[str]]) -> list[Token]:
    cells = [TextCell(text, f"row {r} cell {c}", r, confidence=0.9)  # read by OCR
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    doc = Document("x.pdf", "0" * 64, 0, "scan", "\n".join(" ".join(r) for r in rows), cells)
    return match_ocr_labels(tokenise(doc), doc)


def placed(tokens: list[Token], flags: list[Flag]) -> dict[str, str]:
    """{printed text: row id} of the rows placed by their order."""
    assert all(f.code in ("row_label_garbled", "row_label_misprinted", "row_label_unmatched")
               for f in flags)
    texts = {f.message.split("'")[1] for f in flags if f.code == "row_label_garbled"}
    return {t.text: t.labels[0].key for t in tokens if t.text in texts}


def test_garbled_scanned_rows_are_placed_by_their_order() -> None:
    tokens = scanned_rows(SCANNED_011)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert placed(tokens, flags) == {"6.属于西桑湿程性信息": "denied_process_info",
                                     "8属于行政查事项": "denied_admin_inquiry",
                                     "2设有现成信需爱别行制作": "unable_needs_creation"}
    assert next(f.message for f in flags if f.code == "row_label_garbled") == (
        "table 三: '6.属于西桑湿程性信息' read as row t3.denied_process_info "
        "6.属于四类过程性信息 (item number 6., 6 of the label's 9 characters in order, "
        "between denied_internal_affairs and denied_enforcement_case_file)")
    # 6. is 0.67 close to its row, but its words are 0.40 close to another row's of (三)
    # (属于…类…信息): no misprint (misprints._floor), placed by its order


def test_garbled_rows_are_not_placed_in_printed_text() -> None:
    """Typos of an agency's own text are matched by similarity only (no OCR, no order)."""
    tokens = scanned_rows(SCANNED_011)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"))
    assert placed(tokens, flags) == {}


def test_a_gap_missing_a_row_places_none_of_its_rows() -> None:
    """7. not printed: between 5. and (四) two rows are printed for the template's three,
    so 6. and 8. could stand for any two of them: neither is read."""
    tokens = scanned_rows([r for r in SCANNED_011 if not r[0].startswith("7")])
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert placed(tokens, flags) == {"2设有现成信需爱别行制作": "unable_needs_creation"}


def test_rows_printed_out_of_order_are_not_placed() -> None:
    """6. and 8. printed the other way round: each stands at the other's place, its item
    number disagrees, so neither is read (even renumbered, each shows more of its own
    label than of the row at its place)."""
    swapped = [*SCANNED_011[:2], SCANNED_011[4], SCANNED_011[3], SCANNED_011[2],
               *SCANNED_011[5:]]
    for renumber in (False, True):
        rows = [list(r) for r in swapped]
        if renumber:
            rows[2][0], rows[4][0] = "6" + rows[2][0][1:], "8" + rows[4][0][1:]
        tokens = scanned_rows(rows)
        flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
        assert placed(tokens, flags) == {"2设有现成信需爱别行制作": "unable_needs_creation"}


def test_rows_beside_a_group_label_are_placed_by_their_order() -> None:
    """001's table 三 at 72 dpi: (六)'s label shares its printed row with its first row's;
    that row counts in the gap after the group (rows 50-54 as OCR read them)."""
    rows = [["(六)其他处T", "1.请人元王街理自造期不三行戏机关不评处理其戏府信&公开中请", "6T", "3",
             "0", "0", "E", "0", "71"],
            ["2.市请人进阳术按收费通如求取纳费期、行戏机关不汗处理其政西信息分开业靖", "E", "", "0",
             "0", "9", "0", "E"],
            ["3、其他", "108", "2", "0", "0", "0", "0", "【10"],
            ["(七)恶计", "2932", "53", "0", "0", "61", "4", "3050"]]
    tokens = scanned_rows(rows)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert placed(tokens, flags) == {rows[0][1]: "other_no_correction",
                                     rows[1][0]: "other_unpaid_fee"}


def test_a_label_printed_with_a_value_after_it_is_no_misprint() -> None:
    """001's page with a `<br>` inside every number (variant number-br), a small agency's
    numbers, every 0 blank (revalued(0.5, …, seed "1"), zeros blank) under lynx, read a
    line a cell: `行政许可 1` / `18` for 118. Taken for a misprint of 行政许可 (similarity
    0.80), the label read the next line's 18 as its value (4 wrong on the page, 14 on
    ten reports): a text ending in a number apart from its words is a label and its
    value, no misprint, and its row stays unread (h-lynxsame and h-hunt3 found the class
    apart, under lynx and pdftotext; one rule, misprints._NUMBER_APART)."""
    path = Path(__file__).parents[1] / "fixtures" / "dumps" / "001.lynx-number-br-m05-s1-zb.txt"
    report = parse_bytes("001.txt", path.read_bytes())
    assert flags(report, "row_label_unmatched") == [
        f"table 二: '{printed}': it holds a number printed apart from its words; its values "
        "are not read"
        for printed in ("行政许可 1", "行政处罚 9", "行政强制 2", "行政事业性收费 2")]
    assert flags(report, "row_label_misprinted") == []
    assert sum(v is not None for v in report.values().values()) == 0


# Table 三 of report 001 scanned at 72 dpi (grey72_jpeg) as OCR read it, rows 30-35 and
# 50-54: (二)部分公开 and 四、结转下年度继续办理 garbled a character in three (similarity
# 0.67 and 0.64 to their rows, under MIN_SIMILARITY), no other row of 三 near them; (六)'s
# 2. 0.60 close to its row, its words 0.41 to its neighbour 1.'s (申请人…不再处理…申请).
SCANNED_001 = [
    ["本年新收收府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"],
    ["上年结转政府信息公开申请数量", "34", "0", "0", "0", "0", "0", "34"],
    ["三、本甲度身理结果", "(→))f", "1288", "21", "0", "0", "50", "3", "1362"],
    ["《二)年分公开(区分处理的,共计区一情U,不升其他情形", "447", "T", "0", "0", "0", "0", "45E"],
    ["()不公升", "1.属千国家秘安", "2", "", "0", "0", "0", "0", "μ"],
    ["2.其他基律行政生规梁业会开", "30", "1", "0", "0", "0", "0", "1"],
    ["(六)其他处T", "1.请人元王街理自造期不三行戏机关不评处理其戏府信&公开中请", "6T", "3", "0",
     "0", "E", "0", "71"],
    ["2.市请人进阳术按收费通如求取纳费期、行戏机关不汗处理其政西信息分开业靖", "0", "", "0", "0",
     "9", "0", "E"],
    ["3、其他", "108", "2", "0", "0", "0", "0", "【10"],
    ["(七)恶计", "2932", "53", "0", "0", "61", "4", "3050"],
    ["医、站转下年度港续办理", "103", "0", "0", "0", "0", "0", "103"],
]


def misprints_read(tokens: list[Token], flags: list[Flag]) -> dict[str, str]:
    """{printed text: row id} of the texts read as misprints of a row."""
    texts = {f.message.split("'")[1] for f in flags if f.code == "row_label_misprinted"}
    return {t.text: t.labels[0].key for t in tokens if t.text in texts}


def test_an_ocr_label_far_closer_to_one_row_than_to_any_other_is_read_from_a_lower_floor() -> None:
    tokens = scanned_rows(SCANNED_001)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    read = misprints_read(tokens, flags)
    assert read[SCANNED_001[3][0]] == "partially_granted"
    assert read[SCANNED_001[-1][0]] == "carried_forward"
    assert (f"table 三: '{SCANNED_001[-1][0]}' read as row t3.carried_forward "
            "四、结转下年度继续办理 (similarity 0.64, next row 0.07)") in [f.message for f in flags]
    # as close as the floor, but its words near another row's: no misprint
    assert SCANNED_001[7][0] not in read


def test_a_label_of_printed_text_keeps_the_floor() -> None:
    """An agency's typo is a character or two: its text needs MIN_SIMILARITY whatever the
    margin."""
    tokens = scanned_rows(SCANNED_001)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"))
    read = misprints_read(tokens, flags)
    assert SCANNED_001[3][0] not in read and SCANNED_001[-1][0] not in read


# Table 三 of report 001 scanned at 72 dpi (grey72_jpeg), rows 29 (its header's) and 42-49
# as OCR read them: (五)'s four rows between 3.补正后… (a misprint) and 5.要求… (a
# misprint); 1., 3. and 4. garbled past half their labels.
SCANNED_001_V = [
    ["商业企业", "科研机构", "社会公司组强", "去律服务机购", "找包"],
    ["《四)元", "1.本机关不实提关欢西信&", "746", "12", "0", "0", "10", "1", "769"],
    ["", "法提保", "2.造有现成情高需要务行制", "目", "", "0", "0", "0", "0", ""],
    ["3.补正后中课内客仍不明确", "1", "", "0", "0", "0", "0", "1"],
    ["《五)不厘", "1.信你举报授游类中设", "56", "石", "0", "0", "0", "0", "69"],
    ["2.重复中", "25", "0", "0", "0", "0", "0", "25"],
    ["3.业本提评会开出航据", "0", "0", "0", "0", "0", "0", "□"],
    ["4.元正安理面大量丘复中调", "0", "0", "0", "0", "9", "0", "0"],
    ["5.要求行效机美确认或重新出其乙获中结息", "1", "0", "0", "0", "0", "0", "1"],
]


def test_rows_garbled_past_half_are_placed_where_no_row_of_the_table_is_nearer() -> None:
    """The gap prints its four rows, each with its item number: the number and the count
    place each; its words, a third of its label or less, are nearer its row than any
    row of the table (fails before: only 2. placed, the others under half)."""
    tokens = scanned_rows(SCANNED_001_V)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert placed(tokens, flags) == {"1.信你举报授游类中设": "not_processed_complaint",
                                     "2.重复中": "not_processed_repeat",
                                     "3.业本提评会开出航据": "not_processed_publication",
                                     "4.元正安理面大量丘复中调": "not_processed_excessive"}
    assert ("table 三: '3.业本提评会开出航据' read as row t3.not_processed_publication "
            "3.要求提供公开出版物 (item number 3., 3 of the label's 9 characters in order, "
            "between unable_unclear_after_correction and not_processed_confirm_reissue)"
            ) in [f.message for f in flags]


# Table 三 of report 001 photographed (phone_strong), rows 42-54 as OCR read them: the
# page's far end, labels garbled to their item numbers and a character or two.
PHOTOGRAPHED_001 = [
    ["(四)无", "1.本机关不掌握和关政府信惠", "746", "12", "0", "0", "10", "1", "769"],
    ["", "提销", "2. 级有现成行高发类质行制售", "日", "0", "0", "0", "0", "0", "□"],
    ["3. 6NEG街内客仍不明码", "1", "0", "0", "0", "0", "0", "■"],
    ["3N3", "1.得零报我头", "56", "6", "0", "0", "0", "0", "62"],
    ["2. 8&办活", "25", "0", "0", "0", "0", "0", "25"],
    ["3.任公开业民编", "0", "0", "0", "0", "0", "0", "0"],
    ["5 a物a的优意死配响调", "0", "0", "0", "0", "0", "0", "0"],
    ["5. @4881配发国机AR@d ngRR国o", "1", "0", "0", "0", "0", "0", "1"],
    ["[h3 国1 2s国", "I pdae品岛0088高BLa 8Rao Ba呼pu", "国", "", "0", "0", "1", "0", "四"],
    ["2. Poau国uRaedPa enunPu.Brk医on 3RoMeePd", "6", "0", "", "0", "", "0", "6"],
    ["3.80", "108", "", "0", "", "0", "0", "面"],
    ["[)感", "2932", "53", "0", "0", "国", "", "3050"],
    ["四、结转下年度继续办理", "103", "0", "0", "0", "0", "0", "103"],
]


def test_a_garbled_row_another_row_of_the_table_shows_as_much_of_stays_unread() -> None:
    """3. and 1. show their rows and no other (内客仍不明, 报); 3.任公开… shows 公开, 2 of
    its row's 9 characters but 2 of （一）予以公开's 4, and 5.@4881… 机, 1 of 18 but 1 of
    本机关不掌握相关政府信息's 12: unread, as are 2. (nothing of 重复申请) and 4. (read
    `5`). Fails before: 3. and 1. unread (under half). (四)2. prints beside the empty box
    of 三's group label going on from the page before: that box is no value of its row,
    whose label is read after it and placed (h-ocr5; fails before, the row taken to have
    no label)."""
    tokens = scanned_rows(PHOTOGRAPHED_001)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert placed(tokens, flags) == {"2. 级有现成行高发类质行制售": "unable_needs_creation",
                                     "3. 6NEG街内客仍不明码": "unable_unclear_after_correction",
                                     "1.得零报我头": "not_processed_complaint"}


# Table 三's first rows of report 001 as OCR read them: at 96 dpi (grey96_jpeg), 一、's
# 一 lost and 开 read `)F`; out of focus (grey150_blur1.6), 二、上年结转… read `上年结精…`.
# Both labels end in 政府信息公开申请数量: either reading is near both rows.
SCANNED_001_FIRST_ROWS = [
    ["(本列数据的勾稽关系为:第·项加第二项之和,等于第三项加第四项之和)", "申请人情况"],
    ["自然人", "法人或其他组织", "总计"],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ["、本年新收政府信息公)F申请数量", "3001", "53", "0", "0", "61", "4", "3119"],
    ["上年结精政府信息公开中请款R", "34", "0", "0", "0", "0", "0", "34"],
]


def test_an_ocr_label_near_two_rows_is_told_apart_by_the_words_they_do_not_share() -> None:
    """`、本年新收政府信息公)F申请数量` is 0.81 close to 一、本年新收… and 0.62 to 二、上年结转…,
    under the margin; the two labels differ in 本新收 / 上结转, of which it shows 3 of 3 and
    0 of 3: read as 一、. `上年结精…` shows 上结 (2 of 3) and nothing of 本新收: read as 二、.
    Fails before: both unread, about as close to two rows."""
    tokens = scanned_rows(SCANNED_001_FIRST_ROWS)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert [f.message for f in flags] == [
        "table 三: '、本年新收政府信息公)F申请数量' read as row t3.new_received "
        "一、本年新收政府信息公开申请数量 (similarity 0.81, next row 0.62, told apart by the "
        "words the rows do not share)",
        "table 三: '上年结精政府信息公开中请款R' read as row t3.carried_over "
        "二、上年结转政府信息公开申请数量 (similarity 0.71, next row 0.57, told apart by the "
        "words the rows do not share)"]


def test_a_printed_label_near_two_rows_keeps_the_margin() -> None:
    """The same texts printed, not OCR'd: the margin stands (an agency's typo is a
    character or two)."""
    tokens = scanned_rows(SCANNED_001_FIRST_ROWS)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=False)
    assert [f.message.rsplit("': ", 1)[1] for f in flags] == [
        "it is about as close to two rows of the table; its values are not read"] * 2


# Table 三 of report 001 scanned at 72 dpi (grey72_jpeg), rows 31-44 as OCR read them:
# (一)予以公开's label read `(→))f` beside 三's group label, 6.属于四类过程性信息's
# `&属千四美式租性信息` (its item number read `&`), its 12s read `E2`.
SCANNED_001_ALONE = [
    ["上年结转政府信息公开申请数量", "34", "0", "0", "0", "0", "0", "34"],
    ["三、本甲度身理结果", "(→))f", "1288", "21", "0", "0", "50", "3", "1362"],
    ["《二)年分公开(区分处理的,共计区一情U,不升其他情形", "447", "T", "0", "0", "0", "0", "45E"],
    ["5.属于三类内部事务信息", "7", "1", "0", "0", "0", "0", "8"],
    ["&属千四美式租性信息", "E2", "", "0", "0", "0", "0", "E2"],
    ["7.属于行戏找法本", "9", "", "0", "0", "0", "0", "9"],
    ["8.属千行政向事项", "IOS", "0", "0", "0", "0", "0", "EOG"],
    ["《四)元", "1.本机关不实提关欢西信&", "746", "12", "0", "0", "10", "1", "769"],
    ["", "法提保", "2.造有现成情高需要务行制", "目", "", "0", "0", "0", "0", ""],
    ["3.补正后中课内客仍不明确", "1", "", "0", "0", "0", "0", "1"],
]


def test_a_row_garbled_past_reading_is_placed_by_its_place_alone() -> None:
    """(一) is the one row between 二、 and (二), 6. the one between 5. and 7. (placed by its
    order first): each the one printed row there, with its seven cells (`E2` counts), and
    nothing of its text names another row. Fails before: neither placed."""
    tokens = scanned_rows(SCANNED_001_ALONE)
    placed_alone: set[str] = set()
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True,
                              placed_alone=placed_alone)
    assert placed(tokens, flags) == {"(→))f": "granted",
                                     "&属千四美式租性信息": "denied_process_info",
                                     "7.属于行戏找法本": "denied_enforcement_case_file",
                                     "8.属千行政向事项": "denied_admin_inquiry",
                                     "1.本机关不实提关欢西信&": "unable_not_held",
                                     "2.造有现成情高需要务行制": "unable_needs_creation"}
    assert placed_alone == {"t3.granted", "t3.denied_process_info"}
    assert ("table 三: '(→))f' read as row t3.granted （一）予以公开 (the one printed row "
            "between carried_over and partially_granted, by its place alone)"
            ) in [f.message for f in flags]


def test_a_row_whose_text_may_be_a_value_or_names_another_row_is_not_placed_alone() -> None:
    """6.'s label read as nothing, its first 12 read `E2`: `E2` would be its label and its
    values shift by one; it prints six cells after `E2`, not seven: unplaced. 6.'s label
    read as 8.'s words (a row printed out of its order): it shows 8.'s label more than
    6.'s, unplaced. And printed text is never placed so."""
    version = load_template().version("gov_2021")
    no_label = [list(r) for r in SCANNED_001_ALONE]
    no_label[4] = no_label[4][1:]
    others = [list(r) for r in SCANNED_001_ALONE]
    others[4][0] = "属千行政查询"
    for rows in (no_label, others):
        tokens = scanned_rows(rows)
        flags = relabel_misprints(tokens, version, ocr=True)
        assert "denied_process_info" not in placed(tokens, flags).values()
    tokens = scanned_rows(SCANNED_001_ALONE)
    assert placed(tokens, relabel_misprints(tokens, version)) == {}


# Table 三 of report 005 scanned at 150 dpi blurred σ 2 (grey150_blur2), rows 26-32 as OCR
# read them: its header, then 一、 and 二、 garbled past matching (0.64 close, their words
# as close to each other's row), then 三、's group label beside (一)予以公开.
SCANNED_005_FIRST_ROWS = [
    ["(本列最提的与情关系为:第一项加8二项之和,等于销三项加第四项之和", "申请人情习"],
    ["自然人", "注人或其他组织", "总计"],
    ["商业企业", "科码机构", "社会公益织", "法律服务1几(1", "其他"],
    ["一、享年断收政府信息公开中请量8", "23", "0", "0", "0", "0", "0", "23"],
    ["二、上年转改府信息公开市请量B", "0", "0", "0", "0", "0", "0", "0"],
    ["三、本年窗办理结累", "", "予以公开", "7", "0", "0", "0", "0", "0", "7"],
    ["(二)部分公开(区分处理防,只计这一情形,不计其他情形)", "1", "0", "0", "0", "0", "0", "1"],
]


def test_the_first_rows_of_a_table_are_placed_by_their_order_after_its_header() -> None:
    """The header's column labels are the anchor before 三's first row: the two printed
    rows between them and (一) are 一、 and 二、, each by its item number and words. Fails
    before: neither placed (no row read before them)."""
    tokens = scanned_rows(SCANNED_005_FIRST_ROWS)
    flags = relabel_misprints(tokens, load_template().version("gov_2021"), ocr=True)
    assert placed(tokens, flags) == {"一、享年断收政府信息公开中请量8": "new_received",
                                     "二、上年转改府信息公开市请量B": "carried_over"}
    assert ("table 三: '一、享年断收政府信息公开中请量8' read as row t3.new_received "
            "一、本年新收政府信息公开申请数量 (item number 一、, 10 of the label's 14 characters "
            "in order, between its header and granted)") in [f.message for f in flags]


def test_first_rows_after_a_header_are_not_placed_where_the_count_or_numbers_disagree(
        ) -> None:
    """二、's row lost: one printed row for the two template rows, none placed; the two rows
    printed the other way round: each one's item number is the other's place, none placed;
    no header read: no anchor before them, none placed."""
    version = load_template().version("gov_2021")
    rows = SCANNED_005_FIRST_ROWS
    for case in ([*rows[:4], *rows[5:]], [*rows[:3], rows[4], rows[3], *rows[5:]], rows[3:]):
        tokens = scanned_rows(case)
        assert placed(tokens, relabel_misprints(tokens, version, ocr=True)) == {}
