"""三's row labels in pdftotext's reading order (recognise/reading_rows.py): the rows as
printed, sub-rows among them, on the text of Chromium's print of huaian-2024's
extra-rows variant."""

from __future__ import annotations

from pathlib import Path

from pipelines.read.text_order import simplified_lines
from pipelines.recognise.reading_rows import SubRow, printed_rows, template_rows
from schemas.template import load_template

DUMP = (Path(__file__).parents[1] / "fixtures" / "dumps"
        / "huaian-2024.pdftotext-reading-extra-rows.txt")


def _labels() -> tuple[str, ...]:
    t3 = load_template().version("gov_2021").tables["t3"]
    return tuple(r.label for r in t3.data_rows)


def test_sub_rows_follow_the_row_printed_above_their_label() -> None:
    # `其中：网上申请` printed below 一's, 二's and 结转下年's labels: the rows as printed are
    # the 25 template rows with a sub-row after rows 0, 1 and 24; each sub-row's counts
    # may print between the labels around it (一's and 二's for the first: `1` / `2` on
    # the lines after 一's label, a page break between)
    lines = simplified_lines(DUMP.read_text(encoding="utf-8").split("\n"))
    title = next(no for no, ln in enumerate(lines) if ln.startswith("三、"))
    printed = printed_rows(lines, title, _labels())
    subs = [i for i, r in enumerate(printed) if isinstance(r, SubRow)]
    assert template_rows(printed) == list(range(25))
    assert subs == [1, 3, 27]
    first = printed[1]
    assert lines[first.line].strip() == "其中:网上申请"  # simplified_lines: ASCII colon
    assert lines[first.above].startswith("一、本年新收")
    assert lines[first.below].startswith("二、上年结转")
    assert first.holds([no for no, ln in enumerate(lines) if ln.strip() in ("1", "2")
                        and first.above < no < first.line])
    assert not first.holds([first.above])  # beside 一's label: 一's counts
