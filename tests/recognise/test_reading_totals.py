"""Table 三's right block in pdftotext's reading order (recognise/reading_totals.py): the
rows a page break cuts off the run, printed whole after it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.report import ParsedReport

# huaian-2024's label-colons print (Chromium, default settings) through `pdftotext` without
# options: the right block runs one count a line for rows 一 to (六)3 (23 rows × 5), the page
# breaks, and (七)总计 and 结转下年 print whole on the next page, a label after its 7 counts
# (`2932 53` / `0` / `0` / `61` / `4` / `3050` / `（七）总计：`).
DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
        / "huaian-2024.pdftotext-reading-label-colons.txt")


def _t3(text: str) -> dict[str, int]:
    report = parse_bytes("huaian.txt", text.encode("utf-8"))
    return {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}


def test_rows_printed_whole_after_the_run_complete_it(truth: Callable[[str], dict]) -> None:
    # The run alone places no row: (七)总计, which every column identity needs, is not in
    # it. With the 14 counts after it read as two whole rows (each row's 总计 the sum of
    # its six), the identities hold in one placement only; the left block then reads as
    # before. Before: no value of 三.
    want = truth("huaian-2024")["cells"]
    got = _t3(DUMP.read_text(encoding="utf-8"))
    assert len(got) == 175
    assert got["t3.results_total.natural_person"] == 2932
    assert got["t3.carried_forward.total"] == 103
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_rows_after_the_run_a_count_short_place_nothing() -> None:
    # 结转下年's `103 0` printed `103`: 13 counts are no two whole rows
    text = DUMP.read_text(encoding="utf-8").replace("\n103 0\n", "\n103\n")
    assert _t3(text) == {}


def test_rows_after_the_run_not_summing_place_nothing() -> None:
    # 2932 and 103 exchanged: the count holds, neither row's 总计 is the sum of its six
    text = DUMP.read_text(encoding="utf-8")
    for old, new in (("\n2932 53\n", "\n@\n"), ("\n103 0\n", "\n2932 0\n"),
                     ("\n@\n", "\n103 53\n")):
        text = text.replace(old, new)
    assert _t3(text) == {}


# the seed's note-column print (2019 format, an empty 备注 column last): every row of 三
# whole up to 四's title but 结转下年, which the page break prints past it, before 四's
# header (`四、…情况` / `0` × 7 / `备`)
PAST = DUMP.parent / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-note-column.txt"


def test_last_row_printed_past_the_next_title(truth: Callable[[str], dict]) -> None:
    # 154 counts up to 四's title, 7 short; the 7 after it, a block of their own, are
    # 结转下年's, and every identity holds. Before: only the rows read on their lines (21).
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got = _t3(PAST.read_text(encoding="utf-8"))
    assert len(got) == 161
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_counts_past_the_next_title_running_on_are_not_taken() -> None:
    # 四's header lines taken out: the 7 counts after 四's title run on into 四's 15
    # values, no block of 7 of their own; nothing taken, 三 not read whole
    text = PAST.read_text(encoding="utf-8")
    start = text.index("\n备\n")
    end = text.index("\n行政复议\n", start) + len("\n行政复议\n")
    got = _t3(text[:start] + "\n" + text[end:])
    assert "t3.carried_forward.total" not in got
    assert "t3.new_received.natural_person" not in got


# 005's t3-orgs-reversed print (2019 format, no right block: every row of 三 whole up to
# 四's title) and the seed's t3-natural-last print: 三's header prints its columns in
# another order, one line naming all seven a piece each (`人 他 务机构 益组织 机构 企业 计`:
# 自然人, 其他, 法律服务机构, 社会公益组织, 科研机构, 商业企业, 总计; the seed's
# `企业 机构 益组织 务机构 他 人 计`: 自然人 after the organisations), 总计 last.
REVERSED = DUMP.parent / "005.pdftotext-reading-t3-orgs-reversed.txt"
NATURAL_LAST = DUMP.parent / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-t3-natural-last.txt"


def _report(path: Path, text: str | None = None) -> ParsedReport:
    text = path.read_text(encoding="utf-8") if text is None else text
    return parse_bytes(path.name, text.encode("utf-8"))


def test_header_naming_the_seven_in_another_order_reads_in_it(
        truth: Callable[[str], dict]) -> None:
    # Read in the printed order, every row's 总计 (printed last) is the sum of the six
    # before it and the identities hold: the values confirm the header's order, and each
    # lands under the column the header names. Before: 三 withdrawn (columns_out_of_order),
    # none of its 161 cells.
    # 005's truth: its plain print's 三 (test_reading_left pins it equal to the corpus's)
    plain = _report(DUMP.parent / "005.pdftotext-reading.txt").values()
    seed = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    for path, want in ((REVERSED, plain), (NATURAL_LAST, seed)):
        report = _report(path)
        got = {c: v for c, v in report.values().items()
               if v is not None and c.startswith("t3.")}
        want = {c: v for c, v in want.items() if v is not None and c.startswith("t3.")}
        assert len(got) == 161
        assert got == want
        codes = {f.code for f in report.flags}
        assert "columns_reordered" in codes and "columns_out_of_order" not in codes


def test_header_with_its_total_printed_first_places_nothing() -> None:
    # the seed's line with 总计's piece moved first (`计 企业 … 他 人`): read in that order no
    # row's first value (商业企业's, as printed) is the sum of the others: nothing placed.
    # (On 005's print, 自然人 equal to 总计 in every row and the rest 0, either reading
    # places the same values: the header's 总计 first is then no wrong number.)
    text = NATURAL_LAST.read_text(encoding="utf-8")
    assert text.count("企业 机构 益组织 务机构 他 人 计") == 1
    report = _report(NATURAL_LAST, text.replace("企业 机构 益组织 务机构 他 人 计",
                                                "计 企业 机构 益组织 务机构 他 人"))
    assert not any(v is not None for c, v in report.values().items() if c.startswith("t3."))


def test_header_lines_naming_the_seven_two_ways_place_nothing() -> None:
    # a second line naming the seven in the template's order: which order holds is not
    # shown, so nothing is read (the values sum the same in either)
    text = REVERSED.read_text(encoding="utf-8").replace(
        "人 他 务机构 益组织 机构 企业 计",
        "人 他 务机构 益组织 机构 企业 计\n人 企业 科研 社会 法律 其 计")
    report = _report(REVERSED, text)
    assert not any(v is not None for c, v in report.values().items() if c.startswith("t3."))


def test_right_block_under_a_header_in_another_order(truth: Callable[[str], dict]) -> None:
    # pingtan-2022's t3-natural-last print (2021 format): `商业 科研 社会公 法律服 其 然 计`
    # names the seven (自然人 after the organisations, 总计 last); the right block runs the
    # printed last six columns one a line after 四's title, the left block 商业企业's. Read
    # in the printed order (no withdrawal came first: nothing was placed on a line), all
    # 175 cells, each under the column the header names. Before: each row's 总计 only (25).
    path = DUMP.parent / "pingtan-2022-run-together.pdftotext-reading-t3-natural-last.txt"
    report = _report(path)
    got = {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}
    want = truth("pingtan-2022-run-together")["cells"]
    assert got == {c: v for c, v in want.items() if v is not None and c.startswith("t3.")}
    assert len(got) == 175
    assert "columns_reordered" in {f.code for f in report.flags}


# The t3-total-first prints (Chromium, default settings; pdftotext without options): 三's
# header prints 总计 first. huaian's names the seven on one line (`总计 人 商业 科研 社会公
# 法律服 其`); its left block prints 总计, 自然人 and 商业企业 by the row labels (the first
# row whole: `3119 3001 53` / `0` / `0` / `61` / `4`), its right block the other four one a
# line after 四's title.
TOTAL_FIRST = DUMP.parent / "huaian-2024.pdftotext-reading-t3-total-first.txt"


def _t3_of(report: ParsedReport) -> dict[str, int]:
    return {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}


def test_right_block_under_a_header_printing_its_total_first(
        truth: Callable[[str], dict]) -> None:
    # No value of the run is 总计: the run is placed by the identities, the header's last
    # four words name its columns, and every row's 总计 (its first value, where the header
    # prints it) is the sum of its six with the left block's counts. Before: no cell of 三
    # (the row sums were asked of the last value).
    report = _report(TOTAL_FIRST)
    want = truth("huaian-2024")["cells"]
    got = _t3_of(report)
    assert len(got) == 175
    assert got == {c: v for c, v in want.items() if v is not None and c.startswith("t3.")}
    codes = {f.code for f in report.flags}
    assert "columns_reordered" in codes and "columns_out_of_order" not in codes


def test_total_first_whose_first_values_do_not_sum_places_nothing() -> None:
    # the first row printed 自然人 first (`3001 3119 53`): its first value is not the sum of
    # its others, so no reading of the left block holds and the run, holding no 总计, is
    # not kept either
    text = TOTAL_FIRST.read_text(encoding="utf-8")
    assert text.count("3119 3001 53\n") == 1
    report = _report(TOTAL_FIRST, text.replace("3119 3001 53\n", "3001 3119 53\n"))
    assert _t3_of(report) == {}


def test_total_first_header_not_naming_the_run_places_nothing() -> None:
    # the header's line cut after 科研 (`总计 人 商业 科研`, the rest on no line): the order
    # is not proven, nothing is read
    text = TOTAL_FIRST.read_text(encoding="utf-8")
    report = _report(TOTAL_FIRST, text.replace("总计 人 商业 科研 社会公 法律服 其",
                                               "总计 人 商业 科研"))
    assert _t3_of(report) == {}


def test_header_levels_printing_the_total_first(truth: Callable[[str], dict]) -> None:
    # 005's (2019 format: every row whole, 7 counts, up to 四's title) and pingtan-2022's
    # (2021 format: a right block) t3-total-first prints: the header's upper row on one
    # line (`总 自 法人或其他组织`), the organisations on one (reading_order._composed):
    # read with 总计 first, each row's first value the sum of the others, the identities
    # holding. Before: no cell of 三 (005: 161, pingtan-2022: 175).
    plain = _report(DUMP.parent / "005.pdftotext-reading.txt").values()
    pingtan = truth("pingtan-2022-run-together")["cells"]
    for stem, want, n in (("005", plain, 161), ("pingtan-2022-run-together", pingtan, 175)):
        report = _report(DUMP.parent / f"{stem}.pdftotext-reading-t3-total-first.txt")
        got = _t3_of(report)
        assert len(got) == n
        assert got == {c: v for c, v in want.items() if v is not None and c.startswith("t3.")}
        assert "columns_reordered" in {f.code for f in report.flags}


# huaian-2024's html-plain page printed landscape (Chromium) through `pdftotext` without
# options: 三's row labels first, then its header, then rows 一 to (五)2 whole, 7 counts a
# row one a line; the page breaks at (五)3, whose rows print their six left counts around
# their labels (`67` / `3` / `0` / `0` / `1` / `0` / `信息公开申请`) and their 总计
# column as the page's last counts, past 四's values and sections 五 and 六
# (`0` / `0` / `1` / `71` / `6` / `110` / `3050` / `103`).
LANDSCAPE = DUMP.parent / "huaian-2024.pdftotext-reading-landscape.txt"


def test_total_column_past_the_page_break_printed_last(truth: Callable[[str], dict]) -> None:
    # 167 counts up to 四's title: 17 rows whole and 8 of six (7·17 + 6·8); the page's last
    # 8 counts, one a line, are those 8 rows' 总计, each the sum of its six, and the column
    # identities hold in all seven. Before: no value of 三.
    want = truth("huaian-2024")["cells"]
    got = _t3(LANDSCAPE.read_text(encoding="utf-8"))
    assert len(got) == 175
    assert got["t3.other_no_correction.total"] == 71
    assert got["t3.carried_forward.total"] == 103
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_late_totals_not_summing_place_nothing() -> None:
    # 71 and 110 exchanged in the page's last run: the count holds, two rows' sums do not
    text = LANDSCAPE.read_text(encoding="utf-8")
    for old, new in (("\n71\n6\n110\n", "\n110\n6\n71\n"),):
        assert old in text
        text = text.replace(old, new)
    assert _t3(text) == {}


def test_late_totals_without_the_header_order_place_nothing() -> None:
    # the header's last line (`业 构 组织 机构 他`) gone: 自然人 and 商业企业 are named
    # in order, 科研机构 … 总计 in order, but nothing puts 商业企业 before 科研机构
    text = LANDSCAPE.read_text(encoding="utf-8").replace("业 构 组织 机构 他\n", "")
    assert _t3(text) == {}


def test_counts_printed_with_separators_read_as_counts() -> None:
    # pingtan-2020's thousands page at a4-080 (every count × 1001: `23,023`): a count
    # printed with its thousands separated is a count, so 三's counts are 7R and the rows
    # read whole, each holding every identity. Before (`23,023` no count, 14 short) only
    # (五)5's row of zeros was placed, and a guard kept the late right block from fitting
    # the short count with 0 for 23,023.
    text = (DUMP.parent / "005.pdftotext-reading-a4-080-thousands.txt").read_text(
        encoding="utf-8")
    # 005's plain print reads 三 whole, equal to the corpus's truth (test_reading_left)
    plain = _t3((DUMP.parent / "005.pdftotext-reading.txt").read_text(encoding="utf-8"))
    got = _t3(text)
    assert len(got) == 161
    assert got["t3.new_received.natural_person"] == 23023
    assert got == {c: 1001 * v for c, v in plain.items()}


def test_counts_with_a_short_thousands_group_place_nothing_late() -> None:
    # the same page with `23,023` printed `23,02` (a group of two, no count): 三's counts
    # 14 short again, which a cut of 16 rows whole and 7 of five fits with 0 for it; the
    # digit-led word that is no count leaves the late right block unread. Only (五)5's row
    # of zeros, read on its own (text_order), is placed.
    text = (DUMP.parent / "005.pdftotext-reading-a4-080-thousands.txt").read_text(
        encoding="utf-8").replace("23,023", "23,02", 1)
    got = _t3(text)
    assert "t3.new_received.natural_person" not in got
    assert set(got) == {f"t3.not_processed_confirm_reissue.{c}" for c in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")}
    assert set(got.values()) == {0}


# huaian-2024's unmerged-empty print (every span written out as empty cells; Chromium,
# default settings) through `pdftotext` without options: a page break cuts 三 after
# (五)1, and each page prints its rows' right five columns as a run at its end, 16 rows ×
# 5 before `2/3`, then the next page's left columns, then 8 rows × 5; 结转下年 prints
# whole after it (`103` / `0` / … / `0 103`). 总计's header cell prints alone on its line.
PAGE_RUNS = DUMP.parent / "huaian-2024.pdftotext-reading-unmerged-empty.txt"


def test_right_block_a_run_a_page(truth: Callable[[str], dict]) -> None:
    # the two runs, one a page on consecutive pages, the first ending its page, are one
    # block of 24 rows × 5: the identities hold in one placement only, 结转下年 printed
    # whole after it, every row's 总计 the sum of its six with the left block's counts
    # (read on both pages, the run's pieces out). The header does not put 自然人 before
    # 商业企业 (`自然 法人` / `人 或其` / `商业 研 公益 服务 其`): their 50 cells stay null.
    # Before: no value of 三.
    want = truth("huaian-2024")["cells"]
    got = _t3(PAGE_RUNS.read_text(encoding="utf-8"))
    right = ("research_institution", "public_interest_org", "legal_service_org",
             "other_org", "total")
    assert len(got) == 125
    assert got["t3.not_processed_complaint.total"] == 62
    assert got["t3.not_processed_repeat.total"] == 25
    assert got == {c: v for c, v in want.items()
                   if c.startswith("t3.") and c.split(".")[2] in right}


def test_runs_on_one_page_are_no_block() -> None:
    # the page's running lines gone (`2/3`, the date, the URL): no page break shows the
    # first run ends its page, and no run alone is the block
    text = "\n".join(ln for ln in PAGE_RUNS.read_text(encoding="utf-8").split("\n")
                     if not ln.strip().startswith(("2/3", "file:", "12/6/26")))
    assert _t3(text) == {}


def test_runs_a_page_not_summing_place_nothing() -> None:
    # (五)1's 总计 (62, the first page's last count) and (五)2's (25, the next run's
    # fifth) exchanged: the count holds, the rows' sums and the column's identity do not
    lines = PAGE_RUNS.read_text(encoding="utf-8").split("\n")
    assert (lines[282], lines[283], lines[327]) == ("62", "2/3", "25")
    lines[282], lines[327] = "25", "62"
    assert _t3("\n".join(lines)) == {}


# huaian-2024's extra-rows print (a `其中：网上申请` sub-row after 一, 二 and 结转下年;
# Chromium, default settings) through `pdftotext` without options, cut after 四's title:
# 新收 prints whole before its label, then each sub-row's left counts (`1` / `2`) before
# its label, and the right block a run of 26 rows × 5, the sub-rows' `3 4 5 6 7` inside
# it where their labels print: after 新收, after 结转, and last, after 结转下年.
SUB_ROWS = DUMP.parent / "huaian-2024.pdftotext-reading-extra-rows.txt"
RIGHT = ("research_institution", "public_interest_org", "legal_service_org", "other_org",
         "total")


def test_sub_rows_taken_out_of_both_blocks(truth: Callable[[str], dict]) -> None:
    # the run's rows are the rows as printed, sub-rows among them: with the sub-rows' 15
    # counts out, the identities hold in one placement only (一 printed whole above it,
    # then 27 rows × 5, 一's sub-row to 结转下年's). The left block is cut into the same
    # rows: 一 whole (7), then 2 counts a row, each sub-row's `1` / `2` printed at its label
    # and dropped. Before: 120 (the run's 24 rows only: the sub-rows' 6 left counts made
    # the left block 6 too many, and 一's row is the left block's).
    want = truth("huaian-2024")["cells"]
    got = _t3(SUB_ROWS.read_text(encoding="utf-8"))
    assert len(got) == 175
    assert got["t3.new_received.natural_person"] == 3001
    assert got["t3.new_received.total"] == 3119
    assert got["t3.carried_over.natural_person"] == 34
    assert got["t3.carried_forward.total"] == 103
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_sub_row_counts_past_another_label_stay_in_the_left_block(
        truth: Callable[[str], dict]) -> None:
    # 一's sub-row's `1` / `2` printed above 一's label, not at its own: the counts' order
    # is the same, but nothing shows they are the sub-row's, so the left block reads
    # nothing and only the run's 24 rows are placed (as before the left block took
    # sub-rows out)
    want = truth("huaian-2024")["cells"]
    text = SUB_ROWS.read_text(encoding="utf-8")
    text = text.replace("4 3119\n一、", "4 3119\n1\n2\n一、", 1)
    at = text.index("1\n2\n其中")
    text = text[:at] + text[at + len("1\n2\n"):]
    got = _t3(text)
    assert len(got) == 120
    assert got == {c: v for c, v in want.items()
                   if c.startswith("t3.") and c.split(".")[2] in RIGHT
                   and c.split(".")[1] != "new_received"}


def test_sub_row_label_lost_places_nothing() -> None:
    # the last sub-row's label gone: its `3 4 5 6 7` read as 结转下年's row shifts the run,
    # and no placement makes the identities hold
    text = SUB_ROWS.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("其中：网上申请")
    assert _t3(head + tail) == {}


def test_sub_rows_values_exchanged_place_nothing() -> None:
    # the first sub-row's `3 4 5 6 7` and 结转's `0 0 0 0 34` exchanged in the run: the
    # count holds, the identities do not
    text = SUB_ROWS.read_text(encoding="utf-8")
    run = "\n\n".join
    a, b = run("34567"), run(["0", "0", "0", "0", "34"])
    i = text.index(a)
    text = text[:i] + text[i:].replace(a + "\n\n" + b, b + "\n\n" + a, 1)
    assert _t3(text) == {}


# pingtan-2022's item-apart print (Chromium, default settings; 三's item numbers in cells of
# their own) through `pdftotext` without options, 三's title to 四's values: the left block
# 2 counts a row around the labels, the right block 5 a row after 结转下年's label, where
# 其他's narrow column prints its 0 against 总计's single digit (`0` / `0` / `0` / `09` for
# 部分公开's 0 0 0 0 9, `00` for a row of zeros): 24 rows' counts short by one each.
GLUED = DUMP.parent / "pingtan-2022-run-together.pdftotext-reading-item-apart.txt"
# seed-shaoguan's (2019 format): rows whole or split, `0 0 00` for 0 0 0 0
GLUED_2019 = DUMP.parent / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-item-apart.txt"


def test_cells_glued_behind_a_zero_read_apart(truth: Callable[[str], dict]) -> None:
    # Each leading 0 read as a cell of its own (text_order.unglued_counts), the 175 counts
    # read as rows split between the blocks (reading_split), every identity holding in one
    # reading only; the cells the header's order leaves open dropped. Before: no value of 三.
    want = truth("pingtan-2022-run-together")["cells"]
    got = _t3(GLUED.read_text(encoding="utf-8"))
    assert len(got) == 138
    assert got == {c: want[c] for c in got}
    assert got["t3.partially_granted.other_org"] == 0  # `09`
    assert got["t3.partially_granted.total"] == 9
    assert got["t3.results_total.total"] == 75


def test_cells_glued_behind_a_zero_read_apart_2019(truth: Callable[[str], dict]) -> None:
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got = _t3(GLUED_2019.read_text(encoding="utf-8"))
    assert len(got) == 152
    assert got == {c: want[c] for c in got}


def test_a_glue_with_no_zero_in_front_places_nothing() -> None:
    # 部分公开's `09` printed `19`: read as one count, the counts are one short
    text = GLUED.read_text(encoding="utf-8").replace("\n09\n", "\n19\n", 1)
    assert _t3(text) == {}


# huaian-2024's (001's) t3-subtotal-column print (Chromium, default settings; a 小计
# column, the five organisations' sum, before 三's 总计) through `pdftotext` without
# options, 三's title to the right block's end: the header `社会 法律 其 小 总计` /
# `人 企业 … 他 计`, the left block 2 counts a row around the labels, the right block 6 a
# row after 四's title (`0` / `0` / `61` / `4` / `118 3119`: 科研 … 其他, 小计, 总计).
SUBTOTAL = DUMP.parent / "huaian-2024.pdftotext-reading-t3-subtotal-column.txt"


def test_subtotal_in_the_run_taken_out(truth: Callable[[str], dict]) -> None:
    # The run read 5 a row with each row's 小计 out (and the header's 小 / 计): one
    # placement holds every identity and each row's sum with the left block, and the
    # counts taken out are each row's 商业企业 … 其他 sum. Before: no value of 三.
    want = truth("huaian-2024")["cells"]
    report = parse_bytes("001.txt", SUBTOTAL.read_text(encoding="utf-8").encode("utf-8"))
    got = {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}
    assert len(got) == 175
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}
    assert got["t3.new_received.other_org"] == 4  # `4`, before the 小计 `118`
    assert got["t3.new_received.total"] == 3119
    assert any(f.code == "column_dropped" for f in report.flags)


def test_subtotal_not_the_organisations_sum_places_nothing() -> None:
    # 一's 小计 printed 119 (商业企业 … 其他 sum to 118): no column is proven the 小计
    text = SUBTOTAL.read_text(encoding="utf-8").replace("\n118 3119\n", "\n119 3119\n", 1)
    assert _t3(text) == {}


def test_subtotal_not_in_the_header_places_nothing() -> None:
    # the header's 小 and 计 lost: the extra count of each row is no column it names
    text = (SUBTOTAL.read_text(encoding="utf-8").replace("其 小 总计", "其 总计", 1)
            .replace("服务 他 计", "服务 他", 1))
    assert _t3(text) == {}


# the seed's t3-subtotal-column print (2019 format), 三's title to 四's: every row whole,
# 8 counts a row (`1` / `0` / `0` / `0` / `0` / `0 0 1`), the header's 小 alone on its line
# and its 计 the first of `… 他 计 计` (总计 wrapped too: `总` alone)
SUBTOTAL_2019 = (DUMP.parent
                 / "seed-shaoguan-zhenjiang-2019.pdftotext-reading-t3-subtotal-column.txt")


def test_subtotal_in_whole_rows_taken_out(truth: Callable[[str], dict]) -> None:
    # every row's seventh count the sum of its second to sixth and its eighth its first
    # plus its seventh: read with the seventh out, the rows whole (reading_left) hold
    # every identity. Before: no value of 三.
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got = _t3(SUBTOTAL_2019.read_text(encoding="utf-8"))
    assert len(got) == 161
    assert got == {c: v for c, v in want.items() if c.startswith("t3.")}


def test_whole_rows_with_a_subtotal_not_summing_place_nothing() -> None:
    # 一's row `1 0 0 0 0 0 0 1` printed with its 小计 1: not the organisations' sum
    text = SUBTOTAL_2019.read_text(encoding="utf-8").replace("\n0 0 1\n", "\n1 0 1\n", 1)
    assert _t3(text) == {}
