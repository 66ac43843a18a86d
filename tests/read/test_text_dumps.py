"""Real text dumps of labelled reports, read back: w3m, elinks, pandoc, lynx, pdftotext.

The dumps in tests/fixtures/dumps were made by the real tools from HTML pages of two
labelled reports (tests/renderings/dumps.py: `plain` and `word` pages), so this runs
without the tools. Every cell equals the truth, except that lynx drops blank cells:
there a row with a blank cannot be placed and must come back null, flagged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.parse import parse_file

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
EXACT = [
    ("shanghai-office-2019.w3m.txt", "shanghai-office-2019", "text_bordered"),
    ("huaian-2024.elinks.txt", "huaian-2024", "text_bordered"),
    ("huaian-2024.pandoc-plain.txt", "huaian-2024", "text_bordered"),
    # pdftotext -layout of Chromium's PDF prints of the plain and Word pages: labels
    # wrapped over many lines in narrow columns, rows split over two lines, table 四
    # under a header wrapped into pieces (text_columns.py).
    ("huaian-2024.pdftotext-plain.txt", "huaian-2024", "text_aligned"),
]


@pytest.mark.parametrize(("name", "stem", "rendering"), EXACT, ids=[e[0] for e in EXACT])
def test_dump_reads_as_truth(name: str, stem: str, rendering: str,
                             truth: Callable[[str], dict]) -> None:
    want = truth(stem)
    report = parse_file(DUMPS / name)
    assert (report.rendering, report.status) == (rendering, "complete")
    assert report.format_version == want["format_version"]
    assert (report.agency, report.report_year) == (want["agency"], want["report_year"])
    assert report.values() == want["cells"]
    assert [f.code for f in report.flags if f.code != "agency_unresolved"] == []


def test_pdftotext_of_words_narrow_columns_reads_as_truth(truth: Callable[[str], dict]) -> None:
    """Word's page printed by Chromium, laid out by pdftotext: every label wrapped over
    2-14 lines of 2-3 characters. Labels cut by an empty line or a page's column drift
    are read, by the misprint tolerance, as their rows (flagged), values all right."""
    report = parse_file(DUMPS / "huaian-2024.pdftotext-word.txt")
    assert (report.rendering, report.status) == ("text_aligned", "complete")
    assert report.values() == truth("huaian-2024")["cells"]
    assert [f.message.split(":")[1].split(" read as")[0].strip()
            for f in report.flags if f.code != "agency_unresolved"] == [
        "'行政规范性文'", "'行政事业性收'", "'1.申请人无正当理由逾期不补正、行政机关'"]


def _printed_row(cell_id: str) -> str:
    table, row, _ = cell_id.split(".")
    return table if table == "t4" else f"{table}.{row}"


def test_lynx_dump_keeps_rows_and_leaves_rows_with_a_lost_blank_null(
        truth: Callable[[str], dict]) -> None:
    want = truth("shanghai-office-2019")["cells"]
    report = parse_file(DUMPS / "shanghai-office-2019.lynx.txt")
    assert report.rendering == "text_aligned"
    with_blank = {_printed_row(c) for c, v in want.items() if v is None}
    got = report.values()
    whole = {c: v for c, v in want.items() if _printed_row(c) not in with_blank}
    assert {c: got[c] for c in whole} == whole
    assert len(whole) == 22  # table 二 and table 三's rows printed without a blank
    lost = [c for c in want if _printed_row(c) in with_blank]
    # A value of a row with a lost blank is placed only where the identities fix its
    # column (recognise/blanks.py); never a value in a guessed column.
    placed = {c: got[c] for c in lost if got[c] is not None}
    assert placed == {c: want[c] for c in placed} and len(placed) == 4


def test_lynx_dump_of_word_cells_keeps_blank_cells_from_its_gaps(
        truth: Callable[[str], dict]) -> None:
    # Word's cells hold paragraphs: lynx prints a cell a paragraph, and an empty cell as
    # one more empty line. The row before table 三's page break gets the break's empty
    # paragraph as a ninth value: it does not fit, and is left null.
    want = truth("shanghai-office-2019")["cells"]
    report = parse_file(DUMPS / "shanghai-office-2019.lynx-word.txt")
    assert report.rendering == "text_cells"
    got = report.values()
    differ = {c for c in want if got[c] != want[c]}
    assert differ == {"t3.unable_not_held.natural_person",
                      "t3.unable_not_held.commercial_enterprise",
                      "t3.unable_not_held.legal_service_org"}
    assert all(got[c] is None for c in differ)
    assert [f.code for f in report.flags if f.code != "agency_unresolved"] == [
        "value_count_mismatch"]


def test_pandoc_rows_with_a_flattened_span_and_a_blank_are_left_null(
        truth: Callable[[str], dict]) -> None:
    # pandoc flattens a span into its first column and empty cells after it, and 011
    # leaves cells blank: in a row holding both, a blank value cannot be told from a
    # span's remnant (and dropping the row's last blank as padding would shift every
    # value after the remnant). Those rows are null; no value is shifted.
    want = truth("shanghai-office-2019")["cells"]
    report = parse_file(DUMPS / "shanghai-office-2019.pandoc-plain.txt")
    assert report.rendering == "text_aligned"
    got = report.values()
    differ = {c for c in want if got[c] != want[c]}
    assert all(got[c] is None for c in differ)
    assert {c.rsplit(".", 1)[0] for c in differ} == {
        "t3.new_received", "t3.carried_over", "t3.granted", "t3.partially_granted",
        "t3.results_total", "t3.carried_forward"}
    assert len(differ) == 19
