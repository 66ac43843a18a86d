"""Cells of text in reading order the grid must not publish as read
(pipelines/recognise/reading_order.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_file

# pdftotext without options of the corpus's WPS-made PDF of 淮安 2024 (001.pdf; its truth:
# huaian-2024): each row's label on a line, its values one a line after it.
WPS = Path(__file__).parents[1] / "fixtures" / "dumps" / "huaian-2024.pdftotext-reading-wps.txt"


def test_a_row_whose_values_were_not_placed_is_not_published_as_printed_empty(
        truth: Callable[[str], dict]) -> None:
    # The reader keeps the labels and drops the values it cannot place: the grid saw
    # rows without values and published 135 cells as `blank` (printed empty), 1 of
    # 规章 among them. They are null, `unplaced`, flagged a row each.
    want = truth("huaian-2024")["cells"]
    report = parse_file(WPS)
    assert report.rendering == "text_reading_order"
    assert set(report.values().values()) == {None}
    states = Counter(c.state for c in report.cells.values())
    assert states == {"unplaced": 135, "missing": 65}
    assert not [cid for cid, c in report.cells.items()
                if c.state == "blank" and want[cid] is not None]
    flagged = [f.message.split(":")[0] for f in report.flags if f.code == "values_not_placed"]
    assert len(flagged) == 23
    assert flagged[0] == "row t2.regulations"
    assert report.cells["t2.regulations.issued"].state == "unplaced"
