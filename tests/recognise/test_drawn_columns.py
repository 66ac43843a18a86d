"""Rows of a PDF's ruled table placed by the grid columns their drawn cells start in
(recognise/drawn_columns.py).

The cells are the PDF reader's, as it reads Chromium's prints of 上海 2019 (011, whose
agency leaves most cells blank) in two CMS variants (tests/renderings/variants.py):
`broken-short-rows` (every row's trailing empty cell left out of the markup: the browser
draws the row one cell short) and `unnamed-leading-column` (a numbering column before
every table, its cells empty in the header).
"""

from __future__ import annotations

from pipelines.document import Document, TextCell
from pipelines.recognise.report import recognise

_TITLE = "上海市人民政府办公厅2019年政府信息公开工作年度报告"

# broken-short-rows, page 2 table 1 (rows 1-5, 12, 13, 16 and 26 of the print)
_T3_SHORT_ROWS = [
    (1, [(1, "（本列数据的勾稽关系为：第一项加第二项之和，等\n于第三项加第四项之和）"),
         (4, "申请人情况")]),
    (2, [(4, "自然\n人"), (5, "法人或其他组织"), (10, "总\n计")]),
    (3, [(5, "商业\n企业"), (6, "科研\n机构"), (7, "社会公\n益组织"), (8, "法律服\n务机构"),
         (9, "其\n他")]),
    (4, [(1, "一、本年新收政府信息公开申请数量"), (4, "821"), (5, "35"), (6, ""), (7, ""),
         (8, "2"), (9, "1"), (10, "859")]),
    (5, [(1, "二、上年结转政府信息公开申请数量"), (4, "18"), (5, ""), (6, ""), (7, ""),
         (8, ""), (9, ""), (10, "18")]),
    (12, [(3, "5.属于三类内部事务信息"), (4, "5"), (5, ""), (6, ""), (7, ""), (8, ""),
          (9, "")]),
    (13, [(3, "6.属于四类过程性信息"), (4, "3"), (5, "1"), (6, ""), (7, ""), (8, ""),
          (9, "")]),
    (16, [(2, "（四）无法\n提供"), (3, "1.本机关不掌握相关政府\n信息"), (4, "252"), (5, "12"),
          (6, ""), (7, ""), (8, "1"), (9, "")]),
    (26, [(1, "四、结转下年度继续办理"), (4, "72"), (5, ""), (6, ""), (7, ""), (8, ""),
          (9, ""), (10, "72")]),
]

# unnamed-leading-column, page 3 table 1
_T4_UNNAMED_COLUMN = [
    (1, [(1, ""), (2, "行政复议"), (7, "行政诉讼")]),
    (2, [(1, ""), (2, "结果\n维持"), (3, "结果\n纠正"), (4, "其他\n结果"), (5, "尚未\n审结"),
         (6, "总\n计"), (7, "未经复议直接起诉"), (12, "复议后起诉")]),
    (3, [(1, ""), *((7 + k, t) for k, t in enumerate(["结果\n维持", "结果\n纠正", "其他\n结果",
                                                       "尚未\n审结", "总\n计"] * 2))]),
    (4, [(1, "1"), (2, "5"), (3, ""), (4, ""), (5, "2"), (6, "7"), (7, "8"), (8, ""), (9, ""),
         (10, "1"), (11, "9"), *((k, "") for k in range(12, 17))]),
]

_T3_ROWS = ["new_received", "carried_over", "denied_internal_affairs", "denied_process_info",
            "unable_not_held", "carried_forward"]
_T3_COLUMNS = ["natural_person", "commercial_enterprise", "research_institution",
               "public_interest_org", "legal_service_org", "other_org", "total"]
_T4_CELLS = [f"t4.{g}.{c}" for g in ("admin_review", "litigation_direct",
                                     "litigation_after_review")
             for c in ("upheld", "corrected", "other_result", "pending", "total")]


def _print(table: list[tuple[int, list[tuple[int, str]]]], page: int = 2,
           caption: str = "三、收到和处理政府信息公开申请情况") -> Document:
    cells = [TextCell(_TITLE, "page 1 line 1", 1), TextCell(caption, f"page {page} line 1", 2)]
    for row, (r_no, texts) in enumerate(table, start=3):
        cells += [TextCell(text, f"page {page} table 1 row {r_no} cell {c}", row)
                  for c, text in texts]
    return Document("print.pdf", "0" * 64, 1, "pdf", "\n".join(c.text for c in cells), cells)


def _t3(report) -> list[list[int | float | None]]:
    return [[report.cells[f"t3.{r}.{c}"].value for c in _T3_COLUMNS] for r in _T3_ROWS]


def test_rows_drawn_short_are_placed_by_their_grid_columns() -> None:
    """Each row one cell short: its cells stand under the header's first columns, the
    total under none (before h-printcov the rows with blanks were null,
    `ambiguous_columns`: 17 cells of 011's print)."""
    report = recognise(_print(_T3_SHORT_ROWS))
    assert _t3(report) == [
        [821, 35, None, None, 2, 1, 859],
        [18, None, None, None, None, None, 18],
        [5, None, None, None, None, None, None],
        [3, 1, None, None, None, None, None],
        [252, 12, None, None, 1, None, None],
        [72, None, None, None, None, None, 72],
    ]
    undrawn = report.cells["t3.denied_internal_affairs.total"]
    assert undrawn.state == "missing"
    assert report.cells["t3.denied_internal_affairs.other_org"].state == "blank"
    assert any(f.code == "value_count_mismatch" and "draws no cell" in f.message
               for f in report.flags if f.cell_id == "t3.denied_internal_affairs.total")


def test_a_row_pushed_past_the_header_places_no_row_by_the_grid() -> None:
    """A row drawn one column right of the header (a rowspan one too long above it) puts
    a cell past the header's last column: then no row of that table is placed by its
    grid columns (the short rows stay null)."""
    pushed = [(r, [(c + 1, t) if r == 4 and c > 1 else (c, t) for c, t in texts])
              for r, texts in _T3_SHORT_ROWS]
    got = _t3(recognise(_print(pushed)))
    assert got[2] == [None] * 7 and got[3] == [None] * 7


def test_a_row_skipping_a_column_is_not_placed_by_the_grid() -> None:
    """A cell covered by a merge from above (its column skipped, the row's next cells
    after it): the drawn cells no longer start at the header's first columns in turn."""
    skipped = [(r, [(c + 1, t) if r == 12 and c > 4 else (c, t) for c, t in texts])
               for r, texts in _T3_SHORT_ROWS]
    assert _t3(recognise(_print(skipped)))[2] == [None] * 7


def test_table_4_behind_an_unnamed_column_is_placed_by_its_grid_columns() -> None:
    """四's one row opens with the numbering column's 1 and leaves blanks in every group:
    no reading of 16 cells is proven by the identities (null before h-printcov), but each
    group's label starts at its first column and the header names every column once."""
    report = recognise(_print(_T4_UNNAMED_COLUMN, page=3,
                              caption="四、政府信息公开行政复议、行政诉讼情况"))
    assert [report.cells[c].value for c in _T4_CELLS] == [
        5, None, None, 2, 7, 8, None, None, 1, 9, None, None, None, None, None]
    assert not [f for f in report.flags if (f.cell_id or "").startswith("t4.")]


def test_table_4_with_a_cell_past_its_named_columns_is_not_placed() -> None:
    """A cell of 四's row right of the last column its header names: the grid does not
    say which column any cell is then (the row may be pushed); 四 stays null."""
    wider = [(r, [*texts, (17, "3")] if r == 4 else texts) for r, texts in _T4_UNNAMED_COLUMN]
    report = recognise(_print(wider, page=3, caption="四、政府信息公开行政复议、行政诉讼情况"))
    assert all(getattr(report.cells.get(c), "value", None) is None for c in _T4_CELLS)
