"""Rows placed by the columns their table's header prints them under, and only where the
header fixes every column.

On pandoc's real dump of 上海 2019's plain page (tests/fixtures/dumps), edited only in
its header, and on tables printed by the `tabulate` library (as scripts print them),
with a notes column the template does not have.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tabulate import tabulate

from pipelines.parse import parse_bytes

sys.path.insert(0, str(Path(__file__).parents[1] / "renderings"))
from make import Grid, flattened, layout

DUMP = Path(__file__).parents[1] / "fixtures" / "dumps" / "shanghai-office-2019.pandoc-plain.txt"
STEM = "shanghai-office-2019"
# The rows of 上海 2019's table 三 that hold both a span's remnant and a blank value.
SPAN_AND_BLANK = {"t3.new_received", "t3.carried_over", "t3.granted", "t3.partially_granted",
                  "t3.results_total", "t3.carried_forward"}


def _codes(report) -> list[str]:
    return [f.code for f in report.flags if f.code != "agency_unresolved"]


def _differ(report, want: dict) -> dict[str, object]:
    got = report.values()
    return {c: got[c] for c in want if got[c] != want[c]}


def test_the_header_places_rows_holding_a_span_remnant_and_a_blank(
        truth: Callable[[str], dict]) -> None:
    report = parse_bytes("dump.txt", DUMP.read_bytes())
    assert report.values() == truth(STEM)["cells"]
    assert _codes(report) == []


def test_rows_stay_null_where_the_header_does_not_fix_every_column(
        truth: Callable[[str], dict]) -> None:
    """A column the header does not name (申请者 for 自然人)."""
    want = truth(STEM)["cells"]
    text = DUMP.read_text(encoding="utf-8").replace("自然人", "申请者", 1)
    report = parse_bytes("dump.txt", text.encode())
    differ = _differ(report, want)
    assert set(differ.values()) == {None}  # nothing wrong, nothing invented
    assert {c.rsplit(".", 1)[0] for c in differ} == SPAN_AND_BLANK
    assert len(differ) == 19
    # and the row printing no value at all (（六）其他处理), null either way
    rows = {f.message.split()[1] for f in report.flags if f.code == "value_count_mismatch"}
    assert rows == {r.split(".")[1] for r in SPAN_AND_BLANK} | {"other_processing"}


def test_a_header_lacking_a_statutory_column_leaves_its_table_null(
        truth: Callable[[str], dict]) -> None:
    """商业企业 printed twice and 科研机构 nowhere: the table has a column the template
    does not, or lacks one; either way no column can be trusted by position."""
    want = truth(STEM)["cells"]
    text = DUMP.read_text(encoding="utf-8").replace("科研机构", "商业企业", 1)
    report = parse_bytes("dump.txt", text.encode())
    differ = _differ(report, want)
    assert set(differ.values()) == {None}
    assert {c.split(".")[0] for c in differ} == {"t3"}
    assert {c for c in want if c.startswith("t3.") and want[c] is not None} <= set(differ)
    assert [f.message.split("'")[0] for f in report.flags if f.code == "columns_missing"
            ] == ["t3"]


def _tabulated(truth: dict, notes: dict[str, str]) -> bytes:
    """The report as text, its tables printed by tabulate's grid format, table 三 with a
    notes column (备注) after 总计; `notes` gives a row label's note."""
    parts = []
    for item in layout(truth).body:
        if not isinstance(item, Grid):
            parts.append(item)
            continue
        matrix = flattened(item)
        if any("申请人情况" in text for row in matrix for text in row):
            for row in matrix:
                labels = [t for t in row if t and not t.isdigit()]
                row.append("备注" if "自然人" in row else
                           next((notes[t] for t in labels if t in notes), ""))
        parts.append(tabulate(matrix, tablefmt="grid", disable_numparse=True))
    return ("\n\n".join(parts) + "\n").encode()


def test_a_notes_column_after_the_values_is_no_value(truth: Callable[[str], dict]) -> None:
    want = truth(STEM)
    report = parse_bytes("tabulated.txt", _tabulated(want, {}))
    assert report.values() == want["cells"]
    assert _codes(report) == []


def test_a_row_with_a_note_beside_its_values_is_not_shifted(
        truth: Callable[[str], dict]) -> None:
    # The note stands in the column headed 备注, which the layout sets apart (its
    # header word is read in drawn tables too): the row's values are read where they
    # stand, and the note's digit is no value.
    want = truth(STEM)
    label = "一、本年新收政府信息公开申请数量"
    report = parse_bytes("tabulated.txt", _tabulated(want, {label: "含转办7"}))
    assert _differ(report, want["cells"]) == {}


def test_no_header_reading_where_the_body_is_wider_than_its_header(
        truth: Callable[[str], dict]) -> None:
    """A value cell spanning two columns (variants.BROKEN's value-colspan) makes a row one
    column wider than the header: pandoc prints 三 eleven columns wide, 859 and 805 in a
    column no header names. The header's positions placed （一）予以公开's values, whose
    second value stands one column right (12 read as 科研机构's, 1 as 总计's: 12 wrong
    and 24 invented cells over 三 before); now no row is placed by them."""
    dump = DUMP.with_name("shanghai-office-2019.pandoc-plain-broken-value-colspan.txt")
    report = parse_bytes("dump.txt", dump.read_bytes())
    differ = _differ(report, truth(STEM)["cells"])
    assert set(differ.values()) == {None}  # nothing wrong, nothing invented
    t3 = {c for c in truth(STEM)["cells"] if c.startswith("t3.")}
    assert all(report.values()[c] is None for c in t3)
    assert "value_count_mismatch" in _codes(report)


TOTAL_FIRST = Path(__file__).parents[1] / "fixtures" / "dumps" / \
    "shanghai-office-2019.pandoc-gfm-docx-t3-total-first.txt"
# 三's rows of 上海 2019 whose label spans three of the pipe table's columns (two empty cells
# after it) and whose values hold a blank: more cells than columns.
SPANNED_ROWS = ("new_received", "carried_over", "results_total", "carried_forward")


def test_a_header_printing_the_total_first_places_rows_by_its_positions(
        truth: Callable[[str], dict]) -> None:
    """pandoc's GitHub Markdown of a Word table whose 三 prints 总计 first (the header
    says so), cut to 三: each row's cells after its label's two empty span cells stand
    under the header's seven columns, side by side in the printed order; the header
    places them there and column_map.py moves them under the columns it names."""
    report = parse_bytes("dump.txt", TOTAL_FIRST.read_bytes())
    want = truth(STEM)["cells"]
    got = report.values()
    cells = [c for c in want if c.startswith("t3.") and c.split(".")[1] in SPANNED_ROWS]
    assert len(cells) == 28
    assert {c: got[c] for c in cells} == {c: want[c] for c in cells}
    assert got["t3.new_received.total"] == 859 and got["t3.new_received.natural_person"] == 821
    assert "columns_reordered" in _codes(report)
    assert not any(c.startswith("t3.") and got[c] is not None and got[c] != want[c]
                   for c in want)
