"""Table 三 in pdftotext's reading order with each row split between the left and right
blocks at a place of its own (recognise/reading_split.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_bytes

# huaian-2024's broken-rowspan-short print (Chromium, default settings; every merged
# label's rowspan one short, so each group's last row is drawn a column left) through
# `pdftotext` without options, cut after 四's title: the left block around the labels
# (`3001 53`, the shifted rows 3 counts: `0` / `0` / `8.属于行政查询事项 105`), then the
# right block after 结转下年's label, a row over several lines (`0` / `0 61 4` / `3119`;
# the shifted rows 4 counts: `0` / `0 0 105`).
DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
        / "huaian-2024.pdftotext-reading-broken-rowspan-short.txt")
# its header: `自然 法律 其` / `总计` / `人 服务 他` / `商业企业 科研机构` / `社会公益组织`
# orders 自然人 < 法律服务机构 < 其他 and 商业企业 < 科研机构 only
HEADER = "自然 法律 其\n总计\n人 服务 他\n商业企业 科研机构\n社会公益组织\n机构\n"
NAMED = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"


def _t3(text: str) -> dict[str, int]:
    report = parse_bytes("huaian.txt", text.encode("utf-8"))
    return {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}


def _want(truth: Callable[[str], dict]) -> dict[str, int]:
    return {c: v for c, v in truth("huaian-2024")["cells"].items() if c.startswith("t3.")}


def test_rows_split_at_their_own_place(truth: Callable[[str], dict]) -> None:
    # One reading of the 175 counts holds every row's sum and every identity: the rows
    # drawn a column left take 3 from the left block. The header leaves the applicant
    # columns' order mostly open: a cell is kept where every order it allows places the
    # same value (each row's 总计, and 科研机构 / 社会公益组织 / 法律服务机构 / 其他 where
    # equal). Before: no value of 三.
    want = _want(truth)
    got = _t3(DUMP.read_text(encoding="utf-8"))
    assert len(got) == 81
    assert got == {c: want[c] for c in got}
    assert got["t3.denied_admin_inquiry.total"] == 105  # a shifted row: `0 0 105` right
    assert got["t3.results_total.total"] == 3050
    assert got["t3.not_processed_publication.natural_person"] == 0  # a row of zeros


def test_rows_split_under_a_header_naming_the_seven(truth: Callable[[str], dict]) -> None:
    # the same counts under a header line naming the seven columns in order: every cell
    got = _t3(DUMP.read_text(encoding="utf-8").replace(HEADER, NAMED))
    assert got == _want(truth)


def test_split_rows_a_count_lost_place_nothing() -> None:
    # 一's `3001 53` printed `3001`: 174 counts are no 25 rows of 7
    text = DUMP.read_text(encoding="utf-8").replace("\n3001 53\n", "\n3001\n")
    assert _t3(text) == {}


def test_split_rows_counts_exchanged_place_nothing() -> None:
    # 一's 3001 and 二's 34 exchanged: the count holds, no reading's sums do
    text = DUMP.read_text(encoding="utf-8").replace("\n3001 53\n", "\n@ 53\n")
    text = text.replace("\n34\n0\n二、", "\n3001\n0\n二、").replace("\n@ 53\n", "\n34 53\n")
    assert _t3(text) == {}


# 005's broken-value-colspan print (2019 format; each row's first value spans two
# columns): each row's 自然人 prints beside its label (`23` / `一、本年新收…`), its other six
# in a run after 2.重复申请's label, and (六)'s last rows, (七)总计 and 结转下年 print whole
# after the run (`0 0 0` / `（六）其他处理` / `23` / `0` / … / `0 0 23` / `（七）总计`): rows
# split 1 + 6 above, 7 + 0 below, which no uniform cut reads.
COLSPAN = DUMP.parent / "005.pdftotext-reading-broken-value-colspan.txt"
# the rows of 三 holding a number (自然人 = 总计), the others all zeros
NONZERO = {"new_received": 23, "granted": 7, "partially_granted": 1, "unable_not_held": 7,
           "unable_unclear_after_correction": 5, "not_processed_repeat": 3,
           "results_total": 23}


def test_rows_printed_whole_in_either_block() -> None:
    # Every reading that holds places the same values; the header (`自然人` apart from
    # `商业 科研 社会公 法律服 其 总计`) leaves 自然人's place open, so in the rows holding a
    # number 自然人 and 商业企业 (the places it may take with different values) are not
    # kept. Before: no value of 三.
    got = _t3(COLSPAN.read_text(encoding="utf-8"))
    want = {}
    for row in ("new_received", "carried_over", "granted", "partially_granted",
                "denied_state_secret", "denied_law_prohibited", "denied_security_stability",
                "denied_third_party_rights", "denied_internal_affairs", "denied_process_info",
                "denied_enforcement_case_file", "denied_admin_inquiry", "unable_not_held",
                "unable_needs_creation", "unable_unclear_after_correction",
                "not_processed_complaint", "not_processed_repeat",
                "not_processed_publication", "not_processed_excessive",
                "not_processed_confirm_reissue", "other_processing", "results_total",
                "carried_forward"):
        total = NONZERO.get(row, 0)
        cols = ["research_institution", "public_interest_org", "legal_service_org",
                "other_org"] + ([] if total else ["natural_person", "commercial_enterprise"])
        want |= {f"t3.{row}.{c}": 0 for c in cols} | {f"t3.{row}.total": total}
    assert len(want) == 147
    assert got == want


# pingtan-2020's broken-rowspan-long print, numbers drawn anew (bench_cross_pdftext
# `--means 30 --seeds 19`; 2019 format), cut from 三's title to 四's: (四)1's row is drawn
# a column right (`掌握相关 5` left, `0 0 0 0 0 5` right), and the right block prints its
# 总计 5 last, after (四)2's and (四)3's counts: the right block is out of row order. The
# left block's 5 prints between (四)1's label and (四)2's, so it is (四)1's.
LONG = DUMP.parent / "pingtan-2020.pdftotext-reading-broken-rowspan-long-m30-s19.txt"


def test_a_left_count_is_no_row_past_another_rows_label() -> None:
    # One reading held on main: the rows from 3.危及 to 8.属于行政查询事项 taking no left
    # count, their `0 0` under their labels read as (四)1's and (四)2's, which let (四)1's 5
    # slide to (四)3 (published (四)1 0 / 0 and (四)3's 总计 5; the truth 5 / 5 and 0). A
    # left count is its row's only between the labels around it: no reading holds, so
    # nothing of 三 is placed (each row flagged).
    assert _t3(LONG.read_text(encoding="utf-8")) == {}
