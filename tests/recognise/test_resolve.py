"""Rows that dropped blanks, placed by the identities only where nothing else may hold a
printed value (resolve.py).

The texts are lynx's dumps (80 and 40 columns) of the seed report's
`unmerged-trailing-numbers` variant with its numbers drawn anew (tests/renderings/
variants.py: a numbered 同比 column after every table's last; `--means 30 --seeds 8
--zeros-blank`: every 0 printed blank, so lynx prints a row's numbers only), as printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.parse import parse_bytes

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
STEM = "seed-shaoguan-zhenjiang-2019"


@pytest.mark.parametrize("tool", ["lynx", "lynx-40"])
def test_a_row_whose_table_names_a_column_the_statute_lacks_is_not_placed(tool: str) -> None:
    # `（七）总计 11 11 22`: 11 自然人, 11 总计 and 同比's 22, the blanks dropped. Placed
    # over the statute's seven columns only, the one reading its own identity allows put
    # 22 under 总计 (11 + 11 = 22): before, t3.results_total.total 22 (truth 11). At 40
    # columns the header's line is `之和） 申请人情况 同比`, a wrapped note's piece first.
    path = DUMPS / f"{STEM}.{tool}-unmerged-trailing-numbers-m30-s8-zb.txt"
    report = parse_bytes(f"{STEM}.txt", path.read_bytes())
    assert report.cells["t3.results_total.total"].value is None
    assert all(c.value is None for cid, c in report.cells.items()
               if cid.startswith("t3.results_total."))
    assert any(f.cell_id == "t3.results_total.total" and f.code == "ambiguous_columns"
               and "(同比)" in f.message for f in report.flags)
