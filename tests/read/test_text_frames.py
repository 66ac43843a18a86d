"""Layout tables drawn around grid tables (read/text_frames.py), on `pandoc -t rst`'s text
of a real page laid out in a table (tests/renderings/variants.py `nested-layout`: the page
in a one-column table, each statutory table in a table of its own inside it)."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.read.text_frames import without_frames

FIXTURES = Path(__file__).parents[1] / "fixtures"
NESTED = FIXTURES / "dumps" / "huaian-2024.pandoc-rst-nested-layout.txt"


def test_the_frames_are_taken_off_and_a_grid_the_frame_broke_is_joined() -> None:
    lines = NESTED.read_text(encoding="utf-8").splitlines()
    four = [lines[0], *lines[510:]]  # the page's frame around table 四 and the page's end
    assert four[4:6] == [  # each line of 四's grid broken in two: 15 columns, then 64
        "| | +-------+-------+-------+-------+------+-------+------           |  |",
        "| | -+-------+-------+------+-------+-------+-------+-------+------+ |  |"]
    text = [line.rstrip() for line in without_frames("\n".join(four)).splitlines()]
    rule = "+" + "+".join((["-------"] * 4 + ["------"]) * 3) + "+"
    assert text[:5] == ["", "四、政府信息公开行政复议、行政诉讼情况", "", "", rule]
    assert text[5] == ("| 行政  |       |       |       |      | 行政  |       |       |"
                       "       |      |       |       |       |       |      |")
    assert text[16] == ("| 72    | 64    | 178   | 37    | 351  | 13    | 4     | 8     |"
                        " 1     | 26   | 12    | 1     | 1     | 6     | 20   |")
    assert text[-3:] == ["本机关无其他需要报告的事项。", "", "版权所有 2024"]


def test_a_frame_without_a_grid_inside_and_a_grid_that_does_not_join_are_left() -> None:
    framed = "+--------+\n| 正文   |\n+--------+"
    assert without_frames(framed) == framed  # a one-column table of text: no layout proven
    broken = "+------\n-+-----+\n| 1\n  | 2 |\n+------\n-+-----+"  # rows not as wide
    assert without_frames(broken) == broken


def test_a_report_laid_out_in_a_table_reads_whole() -> None:
    # before, 10 of 200 cells: 三's and 四's walls broken over two lines, no cells
    report = parse_bytes(NESTED.name, NESTED.read_bytes())
    want = json.loads((FIXTURES / "truth" / "huaian-2024.json").read_text(encoding="utf-8"))
    assert {cid: c.value for cid, c in report.cells.items()} == want["cells"]
