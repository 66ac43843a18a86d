"""Table 三's right block in reading order under headers printed otherwise than the plain
page's (recognise/reading_totals.py): 总计 on a line of its own (Chromium's print of
huaian's unit-row variant, `单位：件` above the table, through `pdftotext` without
options), cut a character a line, the columns named over several lines, a label wrapped
at a soft hyphen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_bytes

DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
        / "huaian-2024.pdftotext-reading-unit-row.txt")
RIGHT = (".research_institution", ".public_interest_org", ".legal_service_org", ".other_org",
         ".total")


def _t3(text: str) -> dict[str, object]:
    report = parse_bytes("huaian-2024.txt", text.encode())
    assert report.rendering == "text_reading_order"
    return {c: v for c, v in report.values().items() if c.startswith("t3.")}


def test_the_run_is_kept_where_every_rows_sum_proves_it(truth: Callable[[str], dict]) -> None:
    # The header prints `自然 法人或其他组织` / `总计` / `人` / … / `商业 科研 社会公 法律服 其`:
    # 总计 alone, the run's other four columns named in order. The run (125 counts, 5 a
    # row, all 25 rows) and the left block's 50 (2 a row) make every row's sum hold: the
    # run is 三's last five columns. Which of the left two is 自然人 the header does not
    # show (`人` apart from `商业`): those stay null. Before: no cell of 三.
    want = truth("huaian-2024")["cells"]
    text = DUMP.read_text(encoding="utf-8")
    assert "\n总计\n人\n" in text and "\n商业 科研 社会公 法律服 其\n" in text
    got = _t3(text)
    assert got == {c: want[c] if c.endswith(RIGHT) else None for c in got}
    assert sum(v is not None for v in got.values()) == 125


def test_without_every_rows_sum_the_run_is_not_kept() -> None:
    # a count of the left block lost: the rows' sums are not shown, so nothing says the
    # run is 三's last columns rather than others where 总计 prints apart
    text = DUMP.read_text(encoding="utf-8").replace("\n3001 53\n", "\n3001\n")
    assert set(_t3(text).values()) == {None}


HUAIAN = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.pdftotext-reading.txt"
HEADER = "科研 社会公 法律服 其 总计\n人 商业\n企业 机构 益组织 务机构 他\n"


def test_total_cut_a_character_a_line_ends_the_header(truth: Callable[[str], dict]) -> None:
    # hidden-text's print of 004 wraps 总计 in its narrow column: `… 其 总` / `… 他 计`.
    # A character ends its line after other words, and none is followed by a word: the
    # header still shows 总计 rightmost, and all of 三 reads as with `… 其 总计`.
    want = truth("huaian-2024")["cells"]
    text = HUAIAN.read_text(encoding="utf-8")
    assert HEADER in text
    cut = text.replace(HEADER, "科研 社会公 法律服 其 总\n人 商业\n"
                               "企业 机构 益组织 务机构 他 计\n")
    got = {c: v for c, v in _t3(cut).items() if v is not None}
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}
    assert len(got) == 175
    # t3-group-rows' print of 004: `总` alone, `… 他 计`
    alone = text.replace(HEADER, "总\n科研 社会公 法律服 其 计\n人 商业\n"
                                 "企业 机构 益组织 务机构 他\n")
    got = {c: v for c, v in _t3(alone).items() if v is not None}
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}
    # a word after a piece of 总计 (`计 企业 …`): 总计 not shown rightmost, nothing of 三
    after = text.replace(HEADER, "科研 社会公 法律服 其 总\n人 商业\n"
                                 "计 企业 机构 益组织 务机构 他\n")
    assert set(_t3(after).values()) == {None}


def test_the_runs_columns_named_over_several_lines(truth: Callable[[str], dict]) -> None:
    # trailing-blank-col's print: `社会 法律 其 总计`, `科研` alone, `人 企业 机构 公益 服务
    # 他`: no line names the run's five columns, but chained (机构 the one column between
    # 企业 and 公益) they are in the template's order, as the left block's are proven
    # (reading_left.named_in_order). Before: each row's 总计 only.
    want = truth("huaian-2024")["cells"]
    text = HUAIAN.read_text(encoding="utf-8")
    chained = text.replace(HEADER, "社会 法律 其 总计\n科研\n人 商业\n企业 机构 益组织 务机构 他\n")
    got = {c: v for c, v in _t3(chained).items() if v is not None}
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}
    # without the line ordering 科研机构 before 社会公益组织: each row's 总计 only
    apart = text.replace(HEADER, "社会 法律 其 总计\n科研\n人 商业\n")
    got = {c: v for c, v in _t3(apart).items() if v is not None}
    assert got == {c: v for c, v in want.items()
                   if c.startswith("t3.") and c.endswith(".total") and c != "t3.new_received.total"}


def test_a_header_wrapped_at_soft_hyphens(truth: Callable[[str], dict]) -> None:
    # soft-hyphens' print: Chromium prints a hyphen (U+2010) where it wraps a label at a
    # soft hyphen (`社会‐ 法律‐ 其 总计`): no part of the label. Before: 总计 only.
    want = truth("huaian-2024")["cells"]
    text = HUAIAN.read_text(encoding="utf-8")
    hyphens = text.replace(HEADER, "科研‐ 社会公‐ 法律服‐ 其 总计\n人 商业‐\n"
                                   "企业 机构 益组织 务机构 他\n")
    got = {c: v for c, v in _t3(hyphens).items() if v is not None}
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}
