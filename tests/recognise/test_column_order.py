"""A header that prints a table's columns in another order than the template's: found in
one printed row, or in a header whose cells a narrow column wrapped into pieces, and
never in the two levels of 三's header printed at two heights (a space-aligned dump); and
a 总计 printed in another column, where no header label is whole, by the values. And a
header that names some of a level's columns and provably not another: a table with fewer
columns than the template.

Whole pages with their columns reordered are read in tests/renderings/test_variants.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.column_order import (
    _header_words,
    _in_order,
    _t4_column_below,
    _total_elsewhere,
    lacking_columns,
    misordered_tables,
)
from pipelines.recognise.labels import labels_of
from pipelines.recognise.tokens import Token
from schemas.template import load_template

V2021 = load_template().version("gov_2021")
ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
T4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _tokens(rows: list[list[str]], rowless: bool = False) -> list[Token]:
    """Printed rows of words: labels where the template names them, else text or values."""
    out = []
    for n, words in enumerate(rows):
        for k, word in enumerate(words):
            labels = labels_of(word)
            kind = "label" if labels else ("value" if word.isdigit() else "text")
            out.append(Token(kind, word, f"line {n} word {k}", None if rowless else n, labels))
    return out


def test_a_repeated_order_and_a_merged_label_printed_per_column_are_in_order() -> None:
    assert _in_order([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4], 5)
    assert _in_order([0, 1, 1, 1, 1, 1, 2], 3)  # 法人或其他组织 once per column it spans
    assert _in_order([1, 3, 4], 5)  # labels the page wrapped into pieces left out
    assert not _in_order([4, 0, 1, 2, 3, 4, 0, 1, 2, 3], 5)
    assert not _in_order([1, 0, 2], 3)


def test_three_header_in_the_template_order_over_three_heights() -> None:
    # pdftotext -layout: 法人或其他组织 above, 自然人 and 总计 merged down beside the five
    rows = [["申请人情况"], ["法人或其他组织"], ["自然人", *ORGS, "总计"],
            ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "0", "4"]]
    assert misordered_tables(_tokens(rows), V2021) == {}


def test_total_first_in_a_row_is_found() -> None:
    rows = [["申请人情况"], ["总计", "自然人", "法人或其他组织"], ORGS,
            ["一、本年新收政府信息公开申请数量", "4", "3", "1", "0", "0", "0", "0"]]
    assert misordered_tables(_tokens(rows), V2021) == {"t3": ["总计", "自然人", "法人或其他组织"]}


def test_organisations_before_natural_persons_are_found() -> None:
    rows = [["法人或其他组织", "自然人", "总计"], ORGS]
    assert set(misordered_tables(_tokens(rows), V2021)) == {"t3"}


def test_four_total_first_in_each_group_is_found() -> None:
    in_order = [["行政复议", "行政诉讼"], T4 * 3, ["0"] * 15]
    assert misordered_tables(_tokens(in_order), V2021) == {}
    total_first = [["行政复议", "行政诉讼"], ([T4[-1], *T4[:-1]]) * 3, ["0"] * 15]
    assert set(misordered_tables(_tokens(total_first), V2021)) == {"t4"}


# pymupdf4llm's header row of 四 on Chromium's print of 004's borderless page: the lawsuit
# groups' pieces put into their columns' cells (`未经复<br>结果<br>纠正`)
PIECES = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总\n计",
          "结果\n维持", "未经复\n结果\n纠正", "议直接\n其他\n结果", "起诉\n尚未\n审结",
          "总\n计", "结果\n维持", "复\n结果\n纠正", "议后起诉\n其他\n结果", "尚未\n审结",
          "总\n计"]


def test_four_columns_under_their_groups_pieces_are_read_in_their_cells() -> None:
    rows = [["行政复议", "行政诉讼"], PIECES, ["0"] * 15]
    assert misordered_tables(_tokens(rows), V2021) == {}
    # the same cells with 总计 first in each group: still found
    first = [PIECES[4], *PIECES[:4], PIECES[9], *PIECES[5:9], PIECES[14], *PIECES[10:14]]
    assert set(misordered_tables(_tokens([["行政复议", "行政诉讼"], first, ["0"] * 15]),
                                 V2021)) == {"t4"}


def test_a_row_label_wrapped_over_a_four_label_is_no_four_column() -> None:
    # elinks' dump of a broken rowspan: 三's （七）总计 one glyph a line, read as text
    wrapped = ["（\n七\n）\n总\n计", "结果维持", "结果纠正"]
    assert _t4_column_below(_header_words("gov_2021")[1], wrapped[0], "gov_2021") == []
    assert misordered_tables(_tokens([wrapped]), V2021) == {}


def test_a_header_wrapped_into_pieces_is_read_run_together() -> None:
    # lynx prints a row's cells one after another, each wrapped in its narrow column
    swapped = [["第二十条第（一）项"], ["信息内容", "本年废"], ["止件数", "本年制"],
               ["发件数", "现行有"], ["效件数"], ["规章", "0", "1", "11"]]
    assert set(misordered_tables(_tokens(swapped), V2021)) == {"t2"}
    assert set(misordered_tables(_tokens(swapped, rowless=True), V2021)) == {"t2"}
    in_order = [["第二十条第（一）项"], ["信息内容", "本年制"], ["发件数", "本年废"],
                ["止件数", "现行有"], ["效件数"], ["规章", "1", "0", "11"]]
    assert misordered_tables(_tokens(in_order), V2021) == {}


def test_four_groups_wrapped_over_lines_are_read_where_every_label_is_whole() -> None:
    # lynx -width 40 wraps the header row after 复议后起诉: the groups on two lines
    swapped = [["行政复议", "行政诉讼"], [*T4, "复议后起诉"], ["未经复议直接起诉"],
               [*T4, *T4[:1]], T4[1:], ["72", "64"]]
    assert set(misordered_tables(_tokens(swapped), V2021)) == {"t4"}
    in_order = [["行政复议", "行政诉讼"], [*T4, "未经复议直接起诉"], ["复议后起诉"],
                [*T4, *T4[:1]], T4[1:], ["72", "64"]]
    assert misordered_tables(_tokens(in_order), V2021) == {}
    # pdftotext's reading order: 复议后起诉 centred above the wrapped groups' pieces,
    # the column labels in pieces (结果 / 维持): no reading of the groups
    pieces = [["行政复议"], ["行政诉讼"], ["复议后起诉"],
              ["结果", "结果", "其他", "尚未", "总", "未经复议直接起诉"],
              ["维持", "纠正", "结果", "审结", "计"], ["0", "0"]]
    assert misordered_tables(_tokens(pieces), V2021) == {}


def test_pieces_interleaved_line_by_line_give_no_reading() -> None:
    # pdftotext -layout wraps every column line by line: no label is printed whole
    rows = [["信息内容", "本年废", "本年制", "现行有"], ["止件数", "发件数", "效件数"],
            ["规章", "0", "1", "11"]]
    assert misordered_tables(_tokens(rows), V2021) == {}


def test_a_short_label_inside_a_longer_one_is_not_read() -> None:
    # 其他 inside 法人或其他组织, run together before 商业企业: not the 其他 column
    rows = [["自然人法人或其他组织总计"], ["商业企业科研机构"],
            ["一、本年新收政府信息公开申请数量", "4"]]
    assert misordered_tables(_tokens(rows, rowless=True), V2021) == {}


def test_a_total_printed_first_is_found_by_the_values() -> None:
    # 总计 printed first, read in the template's order: the last column is never the sum
    # of the others, the first always (a row of one applicant type fits two columns)
    assert _total_elsewhere([[23, 23, 0, 0, 0, 0, 0], [5, 3, 2, 0, 0, 0, 0]]) == 0
    # in order: the last fits wherever a row tells
    assert _total_elsewhere([[3, 2, 0, 0, 0, 0, 5], [23, 0, 0, 0, 0, 0, 23]]) is None
    # an agency's wrong totals fit no column: published as printed, its checks fail
    assert _total_elsewhere([[3, 2, 0, 0, 0, 0, 6], [1, 1, 0, 0, 0, 0, 3]]) is None
    # one row that tells, or rows of zeros and of one number, are no evidence
    assert _total_elsewhere([[5, 3, 2, 0, 0, 0, 0], [0] * 7, [4, 0, 0, 0, 0, 0, 0]]) is None


def test_a_header_lacking_a_column_is_found() -> None:
    rows = [["自然人", "法人或其他组织", "总计"], [ORGS[0], *ORGS[2:]],
            ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "4"]]
    found = lacking_columns(_tokens(rows), V2021)
    assert found == {"t3": ([ORGS[0], *ORGS[2:], "no 科研机构"], (
        "commercial_enterprise", "research_institution", "public_interest_org",
        "legal_service_org", "other_org"))}


def test_a_lacking_short_label_is_found_apart_from_longer_ones() -> None:
    # 其他 is inside 法人或其他组织, and in a sentence of the report: neither prints it
    rows = [["自然人", "法人或其他组织", "总计"], ORGS[:4],
            ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "4"],
            ["六、其他需要报告的事项"], ["本机关无其他需要报告的事项。"]]
    assert set(lacking_columns(_tokens(rows), V2021)) == {"t3"}
    rows[2] = [*ORGS[:4], "其它"]  # a variant spelling is no missing column
    assert lacking_columns(_tokens(rows), V2021) == {}


def test_a_label_printed_whole_elsewhere_or_in_pieces_is_not_lacking() -> None:
    # a narrow dump wraps 四's header row: 结果维持 on the line above the other four
    wrapped = [["行政复议", "行政诉讼"], ["结果维持"], T4[1:] + T4[:1] + T4[1:], ["0"] * 15]
    assert lacking_columns(_tokens(wrapped), V2021) == {}
    pieces = [["信息内容", "本年制发件数", "本年废", "现行有效件数"], ["止件数"],
              ["规章", "1", "0", "11"]]
    assert lacking_columns(_tokens(pieces), V2021) == {}


def test_a_block_of_two_lacking_its_middle_column_is_found() -> None:
    rows = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "现行有效件数"],
            ["规章", "1", "11"]]
    assert lacking_columns(_tokens(rows), V2021) == {"t2": (
        ["本年制发件数", "现行有效件数", "no 本年废止件数"], ("issued", "repealed", "in_force"))}


def test_an_org_header_broken_over_lines_is_read_in_its_order(fixtures_dir: Path) -> None:
    # pandoc's Org of the t2-columns-swapped variant of the Pingtan 2020 page (table 二,
    # cut): 本年新公开数量 before 本年新制作数量, each label broken by Org's `\\` over two
    # lines of one row (`| 本年新\\ |` over `| 公开数量 |`). Before the reader joined the
    # pieces, no label was whole, the template's order was taken and 42 cells were
    # published under each other's columns (over the ten reports). Read whole, every
    # label once a row, the header places each value under its column (column_map.py).
    path = fixtures_dir / "dumps" / "pingtan-2020.pandoc-org-t2-columns-swapped.txt"
    report = parse_bytes(path.name, path.read_bytes())
    truth = json.loads((fixtures_dir / "truth" / "pingtan-2020-run-together.json")
                       .read_text(encoding="utf-8"))["cells"]
    placed = {cid: c.value for cid, c in report.cells.items() if c.value is not None}
    assert len(placed) == 21 and placed == {cid: truth[cid] for cid in placed}
    assert placed["t2.regulations.newly_made"] == truth["t2.regulations.newly_made"]
    assert [f.code for f in report.flags if f.code.startswith("columns_")] == [
        "columns_reordered"]


RAW_REVERSED = Path(__file__).parents[1] / "fixtures" / "dumps" / (
    "004.pdftotext-raw-t3-orgs-reversed.txt")


def test_a_header_printed_row_by_row_places_three_by_its_rows(fixtures_dir: Path) -> None:
    # `pdftotext -raw` of 004's print with 三's organisations reversed (variants.py
    # `t3-orgs-reversed`): content order prints 三's header row by row, each cell's lines
    # together: `自` / `然` / `人` / `法人或其他组织 总` / `计`, then `其` / `他` / `法律服` /
    # `务机构` / … / `商业` / `企业`. Before: null, flagged columns_out_of_order
    text = RAW_REVERSED.read_text(encoding="utf-8")
    report = parse_bytes("004.txt", text.encode())
    truth = json.loads((fixtures_dir / "truth" / "pingtan-2022-run-together.json")
                       .read_text(encoding="utf-8"))["cells"]
    t3 = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t3.")}
    assert t3 == {cid: truth[cid] for cid in t3} and len(t3) == 175
    assert t3["t3.new_received.commercial_enterprise"] == 3  # printed last of the five
    assert [f.code for f in report.flags] == ["columns_reordered", "agency_unresolved"]


def test_a_header_whose_rows_interleave_is_not_placed() -> None:
    # the same page with 总计 printed after the organisations: no row printed whole
    # before the other, the organisations' order alone says where 总计 stands no more
    text = RAW_REVERSED.read_text(encoding="utf-8")
    moved = text.replace("法人或其他组织 总\n计\n", "法人或其他组织\n", 1).replace(
        "商业\n企业\n", "商业\n企业\n总计\n", 1)
    assert moved.count("总计") == text.count("总计") + 1
    report = parse_bytes("004.txt", moved.encode())
    assert sum(c.value is not None for cid, c in report.cells.items()
               if cid.startswith("t3.")) == 0
    assert "columns_out_of_order" in [f.code for f in report.flags]


def _layout(fixtures_dir: Path, name: str) -> tuple[dict, dict]:
    """The report read from a fixture dump, and huaian-2024's (001's) truth."""
    path = fixtures_dir / "dumps" / name
    report = parse_bytes("001.txt", path.read_bytes())
    truth = json.loads((fixtures_dir / "truth" / "huaian-2024.json").read_text(encoding="utf-8"))
    return report, truth["cells"]


def test_four_stacks_read_whole_under_each_group_place_four(fixtures_dir: Path) -> None:
    # pdftotext -layout of 001's print with 四's first two columns swapped in every group
    # (variants.py t4-swap-first-two), cut to the title, 三's header and 四: `结果 结果 其他结
    # 尚未 总` / `纠正 维持 果 审结 计` and the lawsuit groups' pieces under a page break.
    # The stacks read 结果纠正 before 结果维持 under each of the three groups alike;
    # `未经复议直接起诉 复议后起诉` prints whole on one line. Before: 四 null, flagged
    # columns_out_of_order (the order was seen, no printed row of labels placed it;
    # the template's order would publish 64 as 结果维持 and 72 as 结果纠正).
    report, truth = _layout(fixtures_dir, "001.pdftotext-layout-t4-swap-first-two.txt")
    t4 = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t4.")}
    assert t4 == {cid: truth[cid] for cid in t4} and len(t4) == 15
    assert (t4["t4.admin_review.upheld"], t4["t4.admin_review.corrected"]) == (72, 64)
    assert (t4["t4.litigation_direct.upheld"], t4["t4.litigation_direct.corrected"]) == (13, 4)
    assert "columns_reordered" in [f.code for f in report.flags]


def test_four_stacks_a_group_reads_otherwise_are_no_order(fixtures_dir: Path) -> None:
    # the same text with the last group's stacks printed in the template's order: the
    # three groups' stacks no longer agree, so they prove no order and 四 stays null
    path = fixtures_dir / "dumps" / "001.pdftotext-layout-t4-swap-first-two.txt"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("                  纠正 维持"))
    lines[k] = lines[k][::-1].replace("持维 正纠", "正纠 持维", 1)[::-1]
    report = parse_bytes("001.txt", "\n".join(lines).encode())
    assert all(c.value is None for cid, c in report.cells.items() if cid.startswith("t4."))
    assert "columns_out_of_order" in [f.code for f in report.flags]


def test_two_stacks_read_whole_place_their_block(fixtures_dir: Path) -> None:
    # pdftotext -layout of 001's print with 二's first two columns swapped (t2-columns-
    # swapped), cut: `本年废 本年制 现行有` / `止件数 发件数 效件数`, the block's three labels
    # stacked whole in one order. Before: 规章 and 行政规范性文件 null (columns_out_of_order).
    report, truth = _layout(fixtures_dir, "001.pdftotext-layout-t2-columns-swapped.txt")
    t2 = {cid: c.value for cid, c in report.cells.items()
          if cid.startswith(("t2.regulations.", "t2.normative_documents."))}
    assert t2 == {cid: truth[cid] for cid in t2} and len(t2) == 6
    assert (t2["t2.normative_documents.issued"], t2["t2.normative_documents.repealed"]) == (8, 26)
    assert "columns_reordered" in [f.code for f in report.flags]


# LibreOffice's text export of 平潭 2020's Word page with 三's 总计 first (005,
# docx-t3-total-first): one cell a line, an empty line for each empty cell, the header
# `申请人情况` / `` / `总计` / `自然人` / `法人或其他组织` / `` / `` / `` / `商业企业` / … / `其他`.
TOTAL_FIRST = (Path(__file__).parents[1] / "fixtures" / "dumps"
               / "005.soffice-txt-docx-t3-total-first.txt")


def test_a_header_one_cell_a_line_is_read_across_its_empty_cells() -> None:
    # before: the empty paragraphs cut the header's text, its two rows were never read,
    # and 三 was nulled (columns_out_of_order)
    report = parse_bytes("dump.txt", TOTAL_FIRST.read_bytes())
    got = report.values()
    assert [f.code for f in report.flags if f.code.startswith("columns_")] == [
        "columns_reordered"]
    t3 = [k for k in got if k.startswith("t3.")]
    assert all(got[k] is not None for k in t3) and len(t3) == 161
    assert [got[f"t3.new_received.{c}"] for c in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        23, 0, 0, 0, 0, 0, 23]
    assert got["t3.granted.total"] == 7 and got["t3.results_total.total"] == 23


# 005 (2019 format) as LibreOffice prints its Word file, through `pdftotext` without
# options: 四's narrow columns print their labels one character a line, 结果维持 as a block
# of its own, its neighbours' interleaved (`结 其 尚 果 他 未 纠 结 审 …`), then `总 计`
# and the next group's `结 果 维 持`: run together, 结果维持 / 总计 / 结果维持.
DOCX_READING = Path(__file__).parents[1] / "fixtures" / "dumps" / "005.docx-pdftotext-reading.txt"


def _t4(text: str) -> tuple[dict[str, object], set[str]]:
    report = parse_bytes("005.txt", text.encode("utf-8"))
    return ({c: v for c, v in report.values().items() if c.startswith("t4.")},
            {f.code for f in report.flags if "t4" in f.message})


def test_reading_order_t4_header_run_together_proves_no_order() -> None:
    # Before: the run-together labels read as out of order, every cell null (flag
    # columns_out_of_order). Reading order's own check (reading_order.py) decides: its 15
    # counts are all 0, the same table in any order of its columns and groups.
    values, flags = _t4(DOCX_READING.read_text(encoding="utf-8"))
    assert values == {c: 0 for c in values} and len(values) == 15
    assert "columns_out_of_order" not in flags


def test_reading_order_t4_unequal_groups_stay_unplaced() -> None:
    # The same print with 行政复议's 结果维持 and 总计 printed 1: the groups differ, and no
    # line of the header shows their order: 四 stays null.
    lines = DOCX_READING.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.endswith(
        "四、政府信息公开行政复议、行政诉讼情况"))
    first = next(i for i in range(at, len(lines)) if lines[i] == "0")
    lines[first] = lines[first + 4] = "1"
    values, flags = _t4("\n".join(lines))
    assert all(v is None for v in values.values())
    assert "column_order_unread" in flags


def _t4_read(fixtures_dir: Path, name: str) -> tuple[dict, list[str]]:
    path = fixtures_dir / "dumps" / name
    report = parse_bytes(path.name, path.read_bytes())
    return ({cid: c.value for cid, c in report.cells.items() if cid.startswith("t4.")},
            [f.code for f in report.flags])


def test_fours_header_a_piece_a_line_proves_its_order(fixtures_dir: Path) -> None:
    # pdftotext -raw of 004's print with 四's 总计 first in every group (t4-total-first),
    # cut to 三 and 四: each header cell's pieces a line each, `总` / `计` / `结果` / `维持` /
    # … / `其他` / `结果` / `尚未` / `审结`, 行政复议's columns, the lawsuit groups' line, a
    # page's running lines, then the lawsuit groups' columns, then `2 0 1 1 0 1 1 0 0 0 …`.
    # Before: no line named a column whole (`其他` alone is 三's), 四 null (out of order).
    t4, flags = _t4_read(fixtures_dir, "004.pdftotext-raw-t4-total-first.txt")
    groups = ("admin_review", "litigation_direct", "litigation_after_review")
    printed = [2, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    order = ("total", "upheld", "corrected", "other_result", "pending")
    assert t4 == {f"t4.{g}.{c}": printed[5 * i + j]
                  for i, g in enumerate(groups) for j, c in enumerate(order)}
    assert "columns_reordered" in flags
    # 001's print with the lawsuit groups swapped (t4-groups-swapped): `其他结` / `果`,
    # `复议后起诉 未经复议直接起诉` between 行政复议's columns and theirs
    t4, flags = _t4_read(fixtures_dir, "001.pdftotext-raw-t4-groups-swapped.txt")
    assert [t4[f"t4.{g}.{c}"] for g in groups for c in T4_IDS] == [
        72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    assert "columns_reordered" in flags


T4_IDS = ("upheld", "corrected", "other_result", "pending", "total")


def test_fours_groups_a_piece_a_line_in_two_orders_prove_none(fixtures_dir: Path) -> None:
    # the same 004 text with 复议后起诉's columns printed in the template's order: the three
    # groups' lines no longer agree, so they prove no order and 四 stays null
    path = fixtures_dir / "dumps" / "004.pdftotext-raw-t4-total-first.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if line == "总")
    lines[last:last + 2] = []
    lines.insert(last + 8, "总")
    lines.insert(last + 9, "计")
    report = parse_bytes(path.name, "\n".join(lines).encode())
    assert all(c.value is None for cid, c in report.cells.items() if cid.startswith("t4."))
    assert "columns_out_of_order" in [f.code for f in report.flags]
