"""Whether text prints table 三 out of row order (pipelines/read/text_order.py)."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from pipelines.parse import parse_bytes

SEED = Path(__file__).parents[1] / "fixtures" / "reports" / "seed-shaoguan-zhenjiang-2019.txt"


@pytest.mark.parametrize("edit", [
    # Table 四's title as many reports word it: its 15 values, one a line, are no column
    # printed down (before: read as reading order, every value of the report null).
    lambda t: t.replace("政府信息公开行政复议", "因政府信息公开工作被申请行政复议", 1),
    # The whole report in traditional characters (the template's marks are simplified).
    lambda t: opencc.OpenCC("s2t").convert(t),
], ids=["table-4-title-worded-otherwise", "traditional-characters"])
def test_one_cell_per_line_text_is_read_in_row_order(edit) -> None:
    text = SEED.read_text(encoding="utf-8")
    report = parse_bytes("seed.txt", edit(text).encode())
    assert report.rendering == "text_cells"
    assert report.values() == parse_bytes("seed.txt", text.encode()).values()
