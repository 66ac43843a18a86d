"""Cells of text in reading order the grid must not publish as read
(pipelines/recognise/reading_order.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes, parse_file
from pipelines.recognise.reading_order import printed_t3_order

# pdftotext without options of the corpus's WPS-made PDF of 淮安 2024 (001.pdf; its truth:
# huaian-2024): each row's label on a line, its values one a line after it.
WPS = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.pdftotext-reading-wps.txt"


def test_a_row_whose_values_were_not_placed_is_not_published_as_printed_empty(
        truth: Callable[[str], dict]) -> None:
    # The reader keeps the labels and drops the values it cannot place: the grid saw
    # rows without values and published their cells as `blank` (printed empty). With 规章
    # short of a value, 二's first block is not read: its 6 cells are null, `unplaced`,
    # flagged a row each (its other blocks and 三's totals are read, below; 四 is not
    # found; 三's other values are not placed, flagged column_order_unread).
    want = truth("huaian-2024")["cells"]
    lines = WPS.read_text(encoding="utf-8").split("\n")
    at = lines.index("规章") + 6  # its third value
    assert lines[at] == "11"
    report = parse_bytes("dump.txt", "\n".join(lines[:at] + lines[at + 1:]).encode())
    assert report.rendering == "text_reading_order"
    states = Counter(c.state for c in report.cells.values())
    assert states == {"number": 41, "unplaced": 144, "missing": 15}
    assert not [cid for cid, c in report.cells.items()
                if c.state == "blank" and want[cid] is not None]
    flagged = [f.message.split(":")[0] for f in report.flags if f.code == "values_not_placed"]
    assert flagged == ["row t2.regulations", "row t2.normative_documents"]
    assert report.cells["t2.regulations.issued"].state == "unplaced"


def test_the_wps_text_is_read_where_it_proves_its_cells(
        truth: Callable[[str], dict]) -> None:
    # 二's 10 cells (header in order, each row's label then its values), 三's 37 (below);
    # 四's 15 values print among its header's pieces out of their order: not found
    want = truth("huaian-2024")["cells"]
    report = parse_file(WPS)
    assert report.rendering == "text_reading_order"
    values = {cid: v for cid, v in report.values().items() if v is not None}
    assert len(values) == 47
    assert values == {cid: want[cid] for cid in values}
    assert len([cid for cid in values if cid.startswith("t2.")]) == 10


def test_table_3_keeps_its_totals_where_its_header_prints_one_piece_a_line(
        truth: Callable[[str], dict]) -> None:
    # Each row's label, then its 7 values; (一), (二) and the four rows after 4.无正当理由
    # print their labels away from their values, placed by their order (flagged). The
    # header, one piece a line (`自然人` / `商业企` / `业` / … / `总计` / `法律服务` /
    # `其他` / `机构`), does not show the columns' order (其他 printed inside 法律服务机构,
    # 总计 before it: pdftotext's order of a header's blocks is not their places'): only
    # each row's 总计 and the two rows of zeros are kept.
    want = truth("huaian-2024")["cells"]
    report = parse_file(WPS)
    t3 = {cid: c.value for cid, c in report.cells.items()
          if cid.startswith("t3.") and c.value is not None}
    assert t3 == {cid: want[cid] for cid in t3}  # never a wrong number
    assert {cid.rsplit(".", 1)[1] for cid, v in t3.items() if v != 0} == {"total"}
    assert len(t3) == 25 + 2 * 6  # every 总计, and the six of the two rows of zeros
    by_order = [f.message.split(":")[0] for f in report.flags if f.code == "row_placed_by_order"]
    assert by_order == ["row t3.granted", "row t3.partially_granted",
                        "row t3.not_processed_confirm_reissue", "row t3.other_no_correction",
                        "row t3.other_unpaid_fee", "row t3.other_other"]
    assert "column_order_unread" in {f.code for f in report.flags}


def _swap_lines(text: str, a: list[str], b: list[str]) -> str:
    """The header's lines `a` (consecutive) and `b` (consecutive, after `a`) exchanged."""
    lines = text.split("\n")
    i, j = lines.index(a[0]), lines.index(b[0])
    block_a, block_b = lines[i:i + 2 * len(a) - 1], lines[j:j + 2 * len(b) - 1]
    return "\n".join(lines[:i] + block_b + lines[i + len(block_a):j] + block_a
                     + lines[j + len(block_b):])


@pytest.mark.parametrize("a,b", [
    (["商业企", "业"], ["科研机", "构"]),  # two organisations the other way round
    (["自然人"], ["总计"]),  # 自然人 after the organisations (t3-natural-last's order)
    (["社会公益", "组织"], ["法律服务", "其他", "机构"]),
], ids=["orgs-swapped", "natural-person-after-the-organisations", "last-orgs-swapped"])
def test_table_3_is_null_where_its_header_shows_another_order(a: list[str], b: list[str]
                                                               ) -> None:
    text = _swap_lines(WPS.read_text(encoding="utf-8"), a, b)
    report = parse_bytes("dump.txt", text.encode())
    assert not [cid for cid, c in report.cells.items()
                if cid.startswith("t3.") and c.value is not None]
    assert "columns_out_of_order" in {f.code for f in report.flags}


def test_table_3_is_null_where_its_rows_print_their_total_first() -> None:
    # t3-total-first: the header's 总计 and every row's values moved first; no row but
    # those of zeros has 总计 the sum of the six in the template's place
    text = WPS.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows, at = [], 0
    for no, line in enumerate(lines):
        if line.isdigit() and no >= at:
            run = [k for k in range(no, min(no + 14, len(lines))) if lines[k].isdigit()][:7]
            values = [lines[k] for k in run]
            if len(values) == 7:
                rows.append((run, values[-1:] + values[:-1]))
                at = run[-1] + 1
    for run, values in rows:
        for k, v in zip(run, values, strict=True):
            lines[k] = v
    report = parse_bytes("dump.txt", "\n".join(lines).encode())
    assert {c.value for cid, c in report.cells.items()
            if cid.startswith("t3.") and c.value} == set()


# pdfminer's `pdf2txt.py` of the same 001.pdf (markitdown's PDF text is pdfminer's too):
# 二's blocks printed across each other, 三's row labels all before its values, which
# print a column at a time (a page's run of the column down, then the next column).
PDFMINER_WPS = WPS.with_name("huaian-2024.pdf2txt-wps.txt")


def _printed_runs(text: str) -> list[tuple[list[int], int]]:
    """三's values as pdfminer prints them, one a line: (the run, its rows) after the
    header's last piece on page 4 (13 rows) and after 四、结转下年度继续办理 on page 5 (12)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    starts = ((lines.index("其他", lines.index("三、收到和处理政府信息公开申请情况")), 13),
              (lines.index("四、结转下年度继续办理"), 12))
    return [([int(v) for v in lines[at + 1:at + 1 + 7 * rows]], rows) for at, rows in starts]


def test_pdfminer_text_of_the_wps_pdf_reads_no_value(truth: Callable[[str], dict]) -> None:
    # The column-at-a-time reading is the page's: it holds every row's 总计 and both
    # column identities, and equals the truth; read a row at a time, 16 of the 25 rows
    # break their 总计. Yet nothing proves which row a value belongs to: the labels print
    # apart from the values (no label owns a run, as t3_label_runs needs), 4 of them cut
    # over lines (`（二）部分公开（区分处理的，只计这一情` / `形，不计其他情形）`), and the
    # sums cannot see the order of the result rows; the six applicant columns are not
    # told apart by any identity, and the header prints 总计 before 其他. 二's blocks
    # print their values after the next block's caption. So every cell stays null.
    want = truth("huaian-2024")["cells"]
    text = PDFMINER_WPS.read_text(encoding="utf-8")
    runs = _printed_runs(text)
    by_column = [[run[c * k + r] for c in range(7)] for run, k in runs for r in range(k)]
    by_row = [run[r * 7:r * 7 + 7] for run, k in runs for r in range(k)]
    assert all(sum(r[:6]) == r[6] for r in by_column)
    assert all(c[0] + c[1] == c[23] + c[24] and c[23] == sum(c[2:23])  # 新收 + 结转 = …
               for c in zip(*by_column, strict=True))
    assert sum(sum(r[:6]) != r[6] for r in by_row) == 16
    assert [v for r in by_column for v in r] == [v for cid, v in want.items()
                                                 if cid.startswith("t3.")]
    report = parse_file(PDFMINER_WPS)
    assert report.rendering == "text_reading_order"
    assert {v for v in report.values().values()} == {None}
    assert Counter(c.state for c in report.cells.values()) == {"unplaced": 107, "missing": 93}


def test_printed_t3_order_from_a_line_naming_the_seven() -> None:
    # 005's t3-orgs-reversed print: `人 他 务机构 益组织 机构 企业 计` names the seven one
    # each in one way only (`机构`, 科研机构 or 法律服务机构, is the one 务机构 leaves);
    # its plain print names them in the template's order; a line naming the organisations
    # in another order than the seven's line says: no order
    dumps = WPS.parent
    text = (dumps / "005.pdftotext-reading-t3-orgs-reversed.txt").read_text(encoding="utf-8")
    assert printed_t3_order(text, "gov_2019") == (0, 5, 4, 3, 2, 1, 6)
    seed = dumps / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-t3-natural-last.txt"
    assert printed_t3_order(seed.read_text(encoding="utf-8"), "gov_2019") == (1, 2, 3, 4, 5, 0, 6)
    odd = text.replace("\n其\n", "\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n其\n")
    assert printed_t3_order(odd, "gov_2019") is None


def test_printed_t3_order_from_its_two_header_levels() -> None:
    # 005's and pingtan-2022's t3-total-first prints name no seven on a line: the upper
    # row on one (`总 自然 法人或其他组织`: 总计, 自然人, the organisations' group) and the
    # five organisations on one (`企业 机构 益组织 务机构 他`); the group's cell spans the
    # five, so the seven print 总计 first. The organisations' line gone: no order.
    dumps = WPS.parent
    text = (dumps / "005.pdftotext-reading-t3-total-first.txt").read_text(encoding="utf-8")
    assert printed_t3_order(text, "gov_2019") == (6, 0, 1, 2, 3, 4, 5)
    pingtan = dumps / "pingtan-2022-run-together.pdftotext-reading-t3-total-first.txt"
    assert printed_t3_order(pingtan.read_text(encoding="utf-8"), "gov_2021") == (
        6, 0, 1, 2, 3, 4, 5)
    assert text.count("企业 机构 益组织 务机构 他\n") == 1
    assert printed_t3_order(text.replace("企业 机构 益组织 务机构 他\n", ""), "gov_2019") is None
    # the upper row named in two orders: none
    two = text.replace("总 自然 法人或其他组织", "总 自然 法人或其他组织\n自然 法人或其他组织 总")
    assert printed_t3_order(two, "gov_2019") is None


# pdftotext without options of Chromium's print of 淮安 2024's plain page: 四's header
# prints `复议后起诉` on a line of its own and `结果 结果 其他结 尚未 总 未经复议直接起诉`.
HUAIAN = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.pdftotext-reading.txt"
LAWSUITS = ["litigation_direct", "litigation_after_review"]


def test_table_4_lawsuits_order_read_from_the_label_beside_review_columns(
        truth: Callable[[str], dict]) -> None:
    # 未经复议直接起诉 right after 行政复议's column pieces on their baseline: its group is
    # the lawsuit group next to 行政复议, the left one; all 15 cells are placed
    want = truth("huaian-2024")["cells"]
    t4 = {c: v for c, v in parse_file(HUAIAN).values().items() if c.startswith("t4.")}
    assert t4 == {c: want[c] for c in t4} and None not in t4.values()


def test_table_4_lawsuits_printed_swapped_beside_review_columns_are_null() -> None:
    # the same print with the two lawsuit labels exchanged (t4-groups-swapped's header):
    # 复议后起诉 beside 行政复议's columns; the values' order is not the template's
    text = HUAIAN.read_text(encoding="utf-8")
    text = text.replace("复议后起诉\n", "未经复议直接起诉\n").replace(
        "总 未经复议直接起诉", "总 复议后起诉")
    report = parse_bytes("dump.txt", text.encode())
    assert {v for c, v in report.values().items() if c.startswith("t4.")} == {None}
    assert "columns_out_of_order" in [f.code for f in report.flags]
