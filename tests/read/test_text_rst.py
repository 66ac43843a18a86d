"""reStructuredText's container directives (read/text_rst.py), on `pandoc -t rst`'s
text of real pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.read.text_rst import cell_without_containers, without_containers

FIXTURES = Path(__file__).parents[1] / "fixtures"
# huaian-2024's page laid out in CSS-table divs (tests/renderings/variants.py `div-table`)
DIV_TABLE = FIXTURES / "dumps" / "huaian-2024.pandoc-rst-div-table.txt"


def test_containers_are_dropped_and_their_text_put_back_at_their_indent() -> None:
    lines = DIV_TABLE.read_text(encoding="utf-8").splitlines()[8:60]
    assert lines[2] == ".. container::" and lines[18] == "         本年制"
    text = without_containers("\n".join(lines))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert paragraphs[:9] == [
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制\n发件数",
        "本年废\n止件数", "现行有\n效件数", "规章", "1", "0"]
    assert without_containers("正文\n\n   缩进") == "正文\n\n   缩进"  # none: as it is


def test_a_cells_directive_is_dropped_whole_or_broken() -> None:
    assert cell_without_containers([".. container::", "规章"]) == ["规章"]
    assert cell_without_containers(["..", "con", "tain", "er::", "申", "请人"]) == ["申", "请人"]
    assert cell_without_containers([".", ".", "c", "o", "n", "t", "a", "i", "n", "e", "r",
                                    ":", ":", "7", "2"]) == ["7", "2"]
    assert cell_without_containers(["..", "其他"]) == ["..", "其他"]


def test_a_report_laid_out_in_divs_reads_whole() -> None:
    # before, every cell a `.. container::` paragraph indented under its row's: no table
    report = parse_bytes(DIV_TABLE.name, DIV_TABLE.read_bytes())
    want = json.loads((FIXTURES / "truth" / "huaian-2024.json").read_text(encoding="utf-8"))
    assert {cid: c.value for cid, c in report.cells.items()} == want["cells"]
