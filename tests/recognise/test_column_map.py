"""A header read whole proves where each printed column goes, or proves nothing: the maps
of 三, 四 and 二 from printed rows of labels. Whole pages placed by their header are read
in tests/renderings/test_variants.py."""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.column_map import (
    SUBTOTAL,
    _full_t3,
    _printed_t4,
    _subtotal_holds,
    _subtotal_row,
    _sums_hold,
    _t2_moves,
    _t3_moves,
    _t3_orders,
    _t4_absent_share_holds,
    _t4_moves,
    _windows,
    place_with_subtotal,
    place_without,
)
from pipelines.recognise.column_order import _headers
from pipelines.recognise.grid import Grid, Pending
from pipelines.recognise.labels import labels_of
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import read_printed
from pipelines.report import CellValue
from schemas.template import load_template

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
T4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T2 = ["本年制发件数", "本年废止件数", "现行有效件数"]


def _rows(rows: list[list[str]]) -> list:
    """The printed rows of labels column_order reads from these printed rows of words."""
    tokens = [Token("label" if labels_of(w) else "text", w, f"{n}.{k}", n, labels_of(w))
              for n, words in enumerate(rows) for k, w in enumerate(words)]
    return _headers(tokens, "gov_2021")[0]


def test_three_total_first_over_two_rows_is_mapped() -> None:
    moves = _t3_moves(_rows([["总计", "自然人", "法人或其他组织"], ORGS]), "gov_2021")
    # the first printed value, placed under 自然人, is 总计's; the last, under 总计, 其他's
    assert moves["t3.new_received.natural_person"] == "t3.new_received.total"
    assert moves["t3.new_received.commercial_enterprise"] == "t3.new_received.natural_person"
    assert moves["t3.new_received.total"] == "t3.new_received.other_org"
    assert len(moves) == 25 * 7


def test_three_natural_last_on_one_line_is_mapped() -> None:
    # a space-aligned dump: 自然人 and 总计, merged down, on the line of the five
    moves = _t3_moves(_rows([["法人或其他组织"], [*ORGS, "自然人", "总计"]]), "gov_2021")
    assert moves["t3.granted.natural_person"] == "t3.granted.commercial_enterprise"
    assert moves["t3.granted.other_org"] == "t3.granted.natural_person"
    assert moves["t3.granted.total"] == "t3.granted.total"


def test_three_not_read_whole_or_read_two_ways_is_not_mapped() -> None:
    upper = ["总计", "自然人", "法人或其他组织"]
    assert _t3_moves(_rows([upper, ORGS[:4]]), "gov_2021") is None  # 其他 not whole
    assert _t3_moves(_rows([upper, [*ORGS, "其他"]]), "gov_2021") is None  # 其他 twice
    assert _t3_moves(_rows([upper, ORGS, ["自然人", "法人或其他组织", "总计"], ORGS]),
                     "gov_2021") is None  # a repeated header in another order
    assert _t3_moves(_rows([upper, ORGS, upper, ORGS]), "gov_2021") is not None


def test_four_groups_swapped_are_mapped() -> None:
    rows = [["行政复议", "行政诉讼"], [*T4, "复议后起诉", "未经复议直接起诉"], T4 + T4]
    moves = _t4_moves(_rows(rows), "gov_2021")
    assert moves["t4.admin_review.upheld"] == "t4.admin_review.upheld"
    assert moves["t4.litigation_direct.total"] == "t4.litigation_after_review.total"
    assert moves["t4.litigation_after_review.upheld"] == "t4.litigation_direct.upheld"


def test_four_total_first_in_every_group_is_mapped_and_a_group_apart_is_not() -> None:
    first = [T4[-1], *T4[:-1]]
    rows = [["行政复议", "行政诉讼"], [*first, "未经复议直接起诉", "复议后起诉"], first + first]
    moves = _t4_moves(_rows(rows), "gov_2021")
    assert moves["t4.litigation_direct.upheld"] == "t4.litigation_direct.total"
    assert moves["t4.litigation_direct.corrected"] == "t4.litigation_direct.upheld"
    rows[2] = first + T4  # one lawsuit group in the template's order: no one map
    assert _t4_moves(_rows(rows), "gov_2021") is None
    rows[2] = first + first
    rows[0] = ["行政诉讼", "行政复议"]  # groups of the top row swapped: not read
    assert _t4_moves(_rows(rows), "gov_2021") is None


def test_two_blocks_each_by_their_own_header_row() -> None:
    rows = [["信息内容", T2[1], T2[0], T2[2]], ["规章"], ["信息内容", T2[1], T2[0], T2[2]]]
    moves = _t2_moves(_rows(rows), "gov_2021")
    assert moves == {"t2.regulations.issued": "t2.regulations.repealed",
                     "t2.regulations.repealed": "t2.regulations.issued",
                     "t2.regulations.in_force": "t2.regulations.in_force",
                     "t2.normative_documents.issued": "t2.normative_documents.repealed",
                     "t2.normative_documents.repealed": "t2.normative_documents.issued",
                     "t2.normative_documents.in_force": "t2.normative_documents.in_force"}
    rows[2] = ["信息内容", *T2]  # the same block's labels in two orders
    assert _t2_moves(_rows(rows), "gov_2021") is None


def test_three_lacking_a_column_is_read_in_the_order_of_the_others() -> None:
    lacking = frozenset({"research_institution"})
    rows = [["自然人", "法人或其他组织", "总计"], [ORGS[0], *ORGS[2:]]]
    assert _t3_orders(_rows(rows), "gov_2021", lacking) == {(
        "natural_person", "commercial_enterprise", "public_interest_org",
        "legal_service_org", "other_org", "total")}
    assert _t3_orders(_rows(rows), "gov_2021") == set()
    rows[1] = [ORGS[0], *ORGS[2:4]]  # 其他 not read either: no reading
    assert _t3_orders(_rows(rows), "gov_2021", lacking) == set()


def test_a_total_is_the_sum_of_the_others_where_every_cell_is_a_number() -> None:
    assert _sums_hold([{"a": 1, "b": 2, "t": 3}, {"a": 5, "b": None, "t": 0}], "t")
    assert not _sums_hold([{"a": 1, "b": 2, "t": 4}], "t")


def test_three_lacking_its_total_is_not_placed() -> None:
    # nothing checks the order of the others: column_order's null stands
    grid = Grid(load_template().version("gov_2021"))
    rows = _rows([["自然人", "法人或其他组织"], ORGS])
    assert not place_without(grid, "t3", rows, frozenset({"total"}))
    assert not place_without(grid, "t2", rows, frozenset({"repealed"}))
    assert grid.flags == []


def test_a_subtotal_is_read_only_under_the_organisations() -> None:
    over_two = [["自然人", "法人或其他组织", "总计"], [*ORGS, "小计"]]
    order = ("natural_person", "commercial_enterprise", "research_institution",
             "public_interest_org", "legal_service_org", "other_org", SUBTOTAL, "total")
    assert _t3_orders(_rows(over_two), "gov_2021", subtotal=True) == {order}
    assert _t3_orders(_rows(over_two), "gov_2021") == set()  # a 小计 not asked for: no reading
    # one line (a dump prints 自然人 and 总计 on the line of the five): 合计 beside them
    assert _t3_orders(_rows([["法人或其他组织"], ["自然人", *ORGS, "合计", "总计"]]),
                      "gov_2021", subtotal=True) == {order}
    # a 小计 apart from the organisations sums something else: no reading
    assert _t3_orders(_rows([["法人或其他组织"], ["自然人", *ORGS, "总计", "小计"]]),
                      "gov_2021", subtotal=True) == set()


def _cell(value: float | None) -> CellValue:
    return CellValue("t3.x.y", value, "blank" if value is None else "value")


def _printed(subtotal: float | None, *orgs: float | None) -> dict[str, CellValue]:
    return {SUBTOTAL: _cell(subtotal), **{f"o{k}": _cell(v) for k, v in enumerate(orgs)}}


def test_a_subtotal_is_the_organisations_sum_in_every_row() -> None:
    orgs = ["o0", "o1", "o2"]
    assert _subtotal_holds([_printed(38, 35, None, 3), _printed(None, None, None, None)], orgs)
    assert _subtotal_holds([_printed(0, 0, 0, 0), _printed(5, 5, None, None)], orgs)
    assert not _subtotal_holds([_printed(38, 35, None, 3), _printed(4, 1, 1, 1)], orgs)
    assert not _subtotal_holds([_printed(None, 1, None, None)], orgs)  # blank over a number
    assert _subtotal_holds([_printed(0, 0, 0, 0)], orgs)  # 0 is their sum
    assert not _subtotal_holds([_printed(0, None, None, None)], orgs)  # no number added up
    assert not _subtotal_holds([_printed(None, None, None, None)], orgs)


def test_a_subtotal_without_its_rows_is_not_placed() -> None:
    grid = Grid(load_template().version("gov_2021"))
    rows = _rows([["自然人", "法人或其他组织", "总计"], [*ORGS, "小计"]])
    assert not place_with_subtotal(grid, "t3", rows)  # no row printed with its values
    assert not place_with_subtotal(grid, "t4", rows)
    assert grid.flags == [] and grid.cells == {}


def _values(*texts: str) -> list[Token]:
    """A printed row's cells as a full-width rendering prints them ('' a blank cell)."""
    return [Token("value", t, "line 1", 1, printed=read_printed(t)) for t in texts]


def _texts(values: list[Token] | None) -> list[str] | None:
    return None if values is None else [v.text for v in values]


def test_a_row_s_windows_leave_only_blanks_outside() -> None:
    row = _values("", "", "821", "35", "", "", "2", "1", "38", "859")
    assert [_texts(w) for w in _windows(row, 8)] == [
        ["821", "35", "", "", "2", "1", "38", "859"]]
    tail_blank = _values("", "258", "12", "", "", "1", "1", "14", "")
    assert len(_windows(tail_blank, 8)) == 2
    assert _windows(_values("3", "1", "", "", "", "1", ""), 8) == []  # a blank dropped


SUBTOTAL_ORDER = ("natural_person", "commercial_enterprise", "research_institution",
                  "public_interest_org", "legal_service_org", "other_org", SUBTOTAL, "total")


def test_a_wide_row_under_a_subtotal_is_read_by_its_one_window_whose_sums_hold() -> None:
    """Shanghai 2019's 予以公开 as pandoc prints it under a 小计 (its 总计 blank): of its
    two windows, only the one read from the left holds the 小计's sum."""
    grid = Grid(load_template().version("gov_2019"), full_width_rows=True, clipped_rows=True)
    row = _values("", "258", "12", "", "", "1", "1", "14", "")
    found = _subtotal_row(grid, "t3", "granted", SUBTOTAL_ORDER, row)
    assert found is not None
    assert {k: c.value for k, c in found[0].items()} == {
        "natural_person": 258, "commercial_enterprise": 12, "research_institution": None,
        "public_interest_org": None, "legal_service_org": 1, "other_org": 1, SUBTOTAL: 14,
        "total": None}
    # where rows may print fewer cells than columns, no window is read
    assert _subtotal_row(Grid(load_template().version("gov_2019")), "t3", "granted",
                         SUBTOTAL_ORDER, row) is None
    zeros = _values("", "0", "0", "0", "0", "0", "0", "0", "")  # both windows hold
    assert _subtotal_row(grid, "t3", "granted", SUBTOTAL_ORDER, zeros) is None


def test_full_width_rows_lacking_a_column_are_their_last_cells() -> None:
    version = load_template().version("gov_2019")
    order = tuple(c.id for c in version.tables["t3"].columns if c.id != "research_institution")
    rows = [r.id for r in version.tables["t3"].data_rows]

    def grid_of(*printed: list[Token]) -> Grid:
        grid = Grid(version, full_width_rows=True, clipped_rows=True)
        grid.full_rows = {("t3", r): p for r, p in zip(rows, printed, strict=False)}
        return grid

    full = _values("", "", "3001", "53", "0", "61", "4", "3119")
    found = _full_t3(grid_of(*[full] * len(rows)), order)
    assert found is not None and _texts(found[1][0][2]) == [
        "3001", "53", "0", "61", "4", "3119"]
    assert _full_t3(grid_of(*[full] * (len(rows) - 1)), order) is None  # a row not seen
    tail_blank = _values("", "18", "", "", "", "", "")
    assert _full_t3(grid_of(*[full] * (len(rows) - 1), tail_blank), order) is None
    pushed = _values("", "", "", "53", "0", "61", "4", "118")  # opens blank: pushed?
    assert _full_t3(grid_of(pushed, *[full] * (len(rows) - 1)), order) is None
    spare = _values("", "3001", "53", "0", "61", "", "3119")  # a blank in every row
    assert _full_t3(grid_of(*[spare] * len(rows)), order) is None


def test_four_lacking_a_column_from_a_full_width_row_of_numbers_only() -> None:
    """Huai'an 2024's 四 without 其他结果, as pandoc prints it: twelve numbers, a group's
    four after the other; a blank among them (a cell a span may have covered) reads
    nothing."""
    version = load_template().version("gov_2019")
    rows = _rows([["行政复议", "行政诉讼"],
                  [*(c for c in T4 if c != "其他结果"), "未经复议直接起诉", "复议后起诉"],
                  [c for c in T4 if c != "其他结果"] * 2])
    grid = Grid(version, full_width_rows=True, clipped_rows=True)
    printed = ["72", "64", "37", "351", "13", "4", "1", "26", "12", "1", "6", "20"]
    grid.full_rows[("t4", "all")] = _values(*printed)
    found = _printed_t4(grid, rows, frozenset({"other_result"}))
    assert found is not None and found[0] == []
    assert [(g, _texts(v)) for g, _, v in found[1]] == [
        ("admin_review", printed[:4]), ("litigation_direct", printed[4:8]),
        ("litigation_after_review", printed[8:])]
    grid.full_rows[("t4", "all")] = _values(*printed[:-1], "")
    assert _printed_t4(grid, rows, frozenset({"other_result"})) is None
    assert _printed_t4(Grid(version), rows, frozenset({"other_result"})) is None


def _lacking_2019(headers: int) -> tuple[Grid, list]:
    """A 2019 grid whose blocks 第二十条第（五）(六)项 printed no 处理决定数量, two values a
    row left pending, under `headers` printed rows 上一年项目数量 / 本年增/减 (第（八）项
    prints the same two labels whole)."""
    version = load_template().version("gov_2019")
    grid = Grid(version)
    blocks = version.tables["t2"].blocks
    for block in blocks:
        ids = [c.id for c in block.columns]
        for row in block.data_rows:
            if "decisions" in ids and len(ids) == 3:
                values = [Token("value", v, "v", None, printed=read_printed(v)) for v in ("4", "1")]
                grid.pending[("t2", row.id)] = Pending(
                    "columns", values, [(f"t2.{row.id}.{k}", c.value_type)
                                        for k, c in zip(ids, block.columns, strict=True)])
            else:
                grid.rows_found.setdefault("t2", set()).add(row.id)
    words = [["信息内容", "上一年项目数量", "本年增/减"]] * headers
    tokens = [Token("label" if labels_of(w) else "text", w, f"{n}.{k}", n, labels_of(w))
              for n, ws in enumerate(words) for k, w in enumerate(ws)]
    return grid, _headers(tokens, "gov_2019")[0]


def test_two_lacking_a_column_is_placed_where_every_block_printing_its_set_has_its_header(
        ) -> None:
    # three blocks print 上一年项目数量 / 本年增/减, three such header rows read: placed
    grid, rows = _lacking_2019(3)
    assert place_without(grid, "t2", rows, frozenset({"decisions"}))
    assert grid.cells["t2.administrative_licensing.change"].value == 1
    assert "t2.administrative_licensing.decisions" not in grid.cells
    # one header not read: the two read may be 第（八）项's and one other's, and the unread
    # one's order unknown (二 has no identity to tell): nothing placed
    grid, rows = _lacking_2019(2)
    assert not place_without(grid, "t2", rows, frozenset({"decisions"}))
    assert not any(cid.startswith("t2.") for cid in grid.cells)


def test_a_block_lacking_a_column_read_by_the_templates_count_is_no_proof() -> None:
    # 第（五）项 without 本年增/减 left pending; 第（六）项 without it too, its rows read
    # by the template's count (a rendering printing the spare column empty): its whole
    # header is nowhere, so its count proves nothing and 二 is not placed
    version = load_template().version("gov_2019")
    grid = Grid(version)
    five, _ = (b for b in version.tables["t2"].blocks if len(b.columns) == 3
               and "decisions" in {c.id for c in b.columns})
    for row in five.data_rows:
        values = [Token("value", v, "v", None, printed=read_printed(v)) for v in ("4", "1")]
        grid.pending[("t2", row.id)] = Pending("columns", values, [])
    grid.rows_found["t2"] = {r.id for b in version.tables["t2"].blocks if b is not five
                             for r in b.data_rows}
    heads = [["上一年项目数量", "处理决定数量"], ["上一年项目数量", "本年增/减"]]
    assert not place_without(grid, "t2", _rows_2019(heads), frozenset({"change"}))
    # 六's whole header read: its count stands, 五 placed by its own header
    heads.append(["上一年项目数量", "本年增/减", "处理决定数量"])
    assert place_without(grid, "t2", _rows_2019(heads), frozenset({"change"}))
    assert grid.cells["t2.administrative_licensing.decisions"].value == 1


def _rows_2019(words: list[list[str]]) -> list:
    tokens = [Token("label" if labels_of(w) else "text", w, f"{n}.{k}", n, labels_of(w))
              for n, ws in enumerate(words) for k, w in enumerate(["信息内容", *ws])]
    return _headers(tokens, "gov_2019")[0]


def _t3(text: str, stem: str) -> tuple[dict[str, float | None], list]:
    report = parse_bytes(f"{stem}.txt", text.encode())
    return ({cid: c.value for cid, c in report.cells.items() if cid.startswith("t3.")},
            report.flags)


LACKS = "huaian-2024.pandoc-plain-t3-lacks-column-revalued.txt"


def test_three_lacking_a_column_counted_in_its_total_is_placed_by_its_header() -> None:
    # 淮安's page without 科研机构 (`t3-lacks-column`), other numbers, pandoc's plain
    # text: the dropped column held 2 applicants, so 一's `49 5 0 3 2 61` does not add
    # up (59): 总计 counts the absent column's share. Every 总计 is at least the sum of
    # its printed others, rows print two of them above 0, and every column's balance and
    # results sum holds: the 150 printed cells are placed, 科研机构's 25 null.
    values, flags = _t3((DUMPS / LACKS).read_text(encoding="utf-8"), "huaian-2024")
    row = [values[f"t3.new_received.{k}"] for k in ("natural_person", "commercial_enterprise",
           "research_institution", "public_interest_org", "legal_service_org", "other_org",
           "total")]
    assert row == [49, 5, None, 0, 3, 2, 61]
    assert [values[f"t3.results_total.{k}"] for k in ("natural_person", "other_org", "total")
            ] == [51, 2, 63]
    assert sum(v is not None for v in values.values()) == 150
    assert not any(values[f"t3.{r.id}.research_institution"] is not None
                   for r in load_template().version("gov_2021").tables["t3"].data_rows)
    assert [f.message for f in flags if f.code == "columns_missing"] == [
        "t3's header lacks statutory columns (科研机构): their cells are null, the others "
        "placed under the columns the header names"]


def test_three_lacking_a_column_is_not_placed_where_a_total_or_a_column_fails() -> None:
    text = (DUMPS / LACKS).read_text(encoding="utf-8")
    # 总计 below the sum of its printed others (58 < 59): no share left for the absent column
    low = text.replace("2      61\n", "2      58\n", 1)
    assert low != text
    assert sum(v is not None for v in _t3(low, "huaian-2024")[0].values()) == 0
    # 自然人's 49 read as 48: 总计 still at least the others' sum, but 自然人's balance
    # (48 + 3 = 51 + 1) fails, as a misread number would
    misread = text.replace(" 49           5", " 48           5", 1)
    assert misread != text
    assert sum(v is not None for v in _t3(misread, "huaian-2024")[0].values()) == 0


def test_a_subtotal_header_is_read_where_rows_print_nothing() -> None:
    # 011's page with a 小计 after 其他 (`t3-subtotal-column`), other numbers, a browser's
    # copied text: rows of blank cells print their label and tabs only (2.其他法律行政法规
    # 禁止公开, ...): no column order places anything in them, so the rows printing values
    # are read by the header (63 cells were null).
    text = (DUMPS / "011.chromium-innertext-t3-subtotal-column-revalued.txt").read_text(
        encoding="utf-8")
    values, flags = _t3(text, "011")
    assert [values[f"t3.new_received.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        138, 9, None, 1, 6, 4, 158]
    assert values["t3.denied_law_prohibited.total"] is None
    assert sum(v is not None for v in values.values()) == 63  # every number of 三
    assert any(f.code == "column_dropped" for f in flags)


def _t4(text: str, stem: str) -> tuple[dict[str, float | None], list]:
    report = parse_bytes(f"{stem}.txt", text.encode())
    return ({cid: c.value for cid, c in report.cells.items() if cid.startswith("t4.")},
            report.flags)


T4_LACKS = "huaian-2024.pandoc-plain-t4-lacks-column-revalued.txt"
T4_ROW = "  6          0          0          7      1                  0          0          2      2            0          0          3"  # noqa: E501


def test_four_lacking_a_column_counted_in_its_total_is_placed_by_its_header() -> None:
    # 淮安's page without 其他结果 (`t4-lacks-column`), other numbers, pandoc's plain
    # text: the dropped column held 1 case in each group, so no group adds up (6 + 0 + 0
    # is 6, 总计 7): every 总计 is at least the sum of its printed others and exceeds it,
    # so it is the last cell, as the header says. The 12 printed cells placed, 其他结果's
    # 3 null.
    text = (DUMPS / T4_LACKS).read_text(encoding="utf-8")
    assert T4_ROW in text
    values, flags = _t4(text, "huaian-2024")
    groups = ("admin_review", "litigation_direct", "litigation_after_review")
    keys = ("upheld", "corrected", "other_result", "pending", "total")
    assert [[values[f"t4.{g}.{k}"] for k in keys] for g in groups] == [
        [6, 0, None, 0, 7], [1, 0, None, 0, 2], [2, 0, None, 0, 3]]
    assert [f.message for f in flags if f.code == "columns_missing"] == [
        "t4's header lacks statutory columns (其他结果): their cells are null, the others "
        "placed under the columns the header names"]


def test_four_lacking_a_column_is_not_placed_where_a_total_falls_short_or_is_blank() -> None:
    text = (DUMPS / T4_LACKS).read_text(encoding="utf-8")
    # a 总计 below its printed others' sum (6 > 5): no share left for the absent column
    low = text.replace(T4_ROW, T4_ROW.replace("0          7", "0          5", 1), 1)
    assert low != text
    assert all(v is None for v in _t4(low, "huaian-2024")[0].values())
    # a blank among the numbers: a cell a span may have covered, nothing placed
    blank = text.replace(T4_ROW, T4_ROW.replace("  6 ", "    ", 1), 1)
    assert blank != text
    assert all(v is None for v in _t4(blank, "huaian-2024")[0].values())


def test_four_s_total_holds_the_absent_share_only_where_it_exceeds_in_one_group() -> None:
    total = "total"
    assert _t4_absent_share_holds([{"a": 6, "b": 0, total: 7}, {"a": 1, "b": 1, total: 2}],
                                  total)
    # every group adds up: the equal sums' case, no absent share to prove the last cell
    assert not _t4_absent_share_holds([{"a": 6, "b": 1, total: 7}], total)
    assert not _t4_absent_share_holds([{"a": 6, "b": 0, total: 7}, {"a": 3, "b": 0, total: 2}],
                                      total)
    assert not _t4_absent_share_holds([{"a": None, "b": 0, total: 7}], total)
    assert not _t4_absent_share_holds([], total)


def test_three_lacking_a_column_is_read_where_rows_print_nothing() -> None:
    # 011's page without 科研机构 (`t3-lacks-column`) as a browser's copied text: a row
    # of blank cells prints as its label and tabs (2.其他法律行政法规禁止公开\t…), no
    # value to place under any order of columns; it no longer keeps the other rows from
    # being read by the header (before: 三 null, 35 cells). The rows printing nothing stay
    # null (row_missing), 科研机构 null.
    text = (DUMPS / "011.chromium-innertext-t3-lacks-column.txt").read_text(encoding="utf-8")
    values, flags = _t3(text, "011")
    assert [values[f"t3.new_received.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        821, 35, None, None, 2, 1, 859]
    assert [values[f"t3.results_total.{k}"] for k in ("natural_person", "total")] == [767, 805]
    assert sum(v is not None for v in values.values()) == 35
    assert all(values[f"t3.denied_law_prohibited.{c.id}"] is None
               for c in load_template().version("gov_2019").tables["t3"].columns)
    assert [f.message for f in flags if f.code == "columns_missing"] == [
        "t3's header lacks statutory columns (科研机构): their cells are null, the others "
        "placed under the columns the header names"]


def test_rows_printing_nothing_leave_a_reordered_header_to_place_the_others() -> None:
    # 011's page (shanghai's, the same) with 总计 printed first (`t3-total-first`), as a
    # browser's copied text: its rows of blank cells print their label and tabs only
    # (2.其他法律行政法规禁止公开\t\t…), no value to move under any order of columns. They
    # kept the header from placing the rows that print numbers (before: 三 null, 35
    # cells); now every cell is the report's, the rows printing nothing null (row_missing).
    path = DUMPS / "shanghai-office-2019.chromium-innertext-t3-total-first.txt"
    report = parse_bytes(path.name, path.read_bytes())
    values = report.values()
    assert [values[f"t3.new_received.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        821, 35, None, None, 2, 1, 859]
    assert sum(v is not None for k, v in values.items() if k.startswith("t3.")) == 35
    assert [f.code for f in report.flags] == ["columns_reordered"] + ["row_missing"] * 8


# LibreOffice's text export of 平潭 2020's Word page with 三's 总计 first (005): each row's
# values are followed by an empty line (the next row's empty group-label cell).
TOTAL_FIRST = (Path(__file__).parents[1] / "fixtures" / "dumps"
               / "005.soffice-txt-docx-t3-total-first.txt")


def test_rows_read_past_an_empty_line_are_placed_where_each_column_holds_a_number() -> None:
    got = parse_bytes("dump.txt", TOTAL_FIRST.read_bytes()).values()
    assert [got[f"t3.granted.{c}"] for c in ("natural_person", "total")] == [7, 7]
    # 予以公开's last cell printed blank: the blanks after its values may be its cells
    lines = TOTAL_FIRST.read_text(encoding="utf-8").split("\n")
    at = lines.index("（一）予以公开")
    assert lines[at + 7:at + 9] == ["0", ""]
    lines[at + 7] = ""
    got = parse_bytes("dump.txt", "\n".join(lines).encode()).values()
    assert all(v is None for k, v in got.items() if k.startswith("t3."))


def test_rows_joined_over_lines_are_placed_where_the_headers_order_proves_them() -> None:
    # lynx at 40 columns of huaian's page with 三's 总计 first (`t3-total-first`): rows
    # wrap at the width, `一、本年新收…数量 3119 3001 53 0` / `0 61 4`. The grid joins
    # them by their count, but checks the row's sum in the template's order, where the
    # first value is 自然人's: it failed, the row was null (ambiguous_digits; 210 cells
    # over the ten reports). Under the header's order (总计 first) the sum holds: placed.
    import json

    path = DUMPS / "huaian-2024.lynx-40-t3-total-first.txt"
    report = parse_bytes(path.name, path.read_bytes())
    want = json.loads((DUMPS.parent / "truth" / "huaian-2024.json").read_text(
        encoding="utf-8"))["cells"]
    got = {cid: v for cid, v in report.values().items() if cid.startswith("t3.")}
    assert got == {cid: v for cid, v in want.items() if cid.startswith("t3.")}
    assert [f.code for f in report.flags if f.code in (
        "ambiguous_digits", "columns_reordered")] == ["columns_reordered"]
    assert [got[f"t3.new_received.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        3001, 53, 0, 0, 61, 4, 3119]
