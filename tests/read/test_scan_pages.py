"""The pages of a scan read in order: a page whose ruled tables leave tables without rules
outside them is read both ways, in reading order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipelines.read.scan import layout
from pipelines.read.scan_pages import PageSequence

pytestmark = pytest.mark.slow  # OCR

PHOTOCOPY_T2 = Path(__file__).parents[1] / "fixtures" / "scans" / "photocopy-011-t2.png"


def test_tables_whose_rules_a_photocopy_lost_are_read_beside_the_ruled_one() -> None:
    # 011's table 二 photocopied (grey150_photocopy; thresholded again at 128): the grey
    # rules turned white, but (八)'s rules were printed black and kept, so the page holds
    # one ruled table. The rest is read as tables without rules, numbered after it, and
    # the rows come in the order printed. `3G8` and `G` (368, 6) are the recogniser's to
    # doubt; `251000元` is a value with its unit.
    found = layout(np.asarray(Image.open(PHOTOCOPY_T2).convert("L")))
    assert len(found.tables) == 1
    rows = PageSequence().read(found, 2).rows
    assert [[c.text for c in row] for row in rows] == [
        ["!主动公开政府信息情况"], ["第二十条第(-)项"], ["本年新", "本年新"],
        ["信息内容", "对外公开总数量"], ["制作数量", "公开数量"],
        ["规章", "13", "13", "524"], ["规范性文件", "60", "60", "3G8"],
        ["第二十条第(五)项"], ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"],
        ["行政许可", "0", "0", "0"], ["其他对外管理服务事项", "0", "0", "0"],
        ["第二十条第(六)项"], ["信息内容", "上一年项目数量", "本年增减", "处理决定数量"],
        ["行政处罚", "0", "0", "0"], ["行政强制", "0", "0", "0"], ["第二十条第项"],
        ["信息内容", "上一年项目数量", "本年增减"], ["行政事业性收费", "0", "0"],
        ["第二十条第(九)项"], ["信息内容", "采购项目数量", "采购总金额"],
        ["政府集中采购", "G", "251000元"]]
    tables = [row[0].ref.split(" row ")[0] for row in rows]
    assert tables[16:18] == ["page 2 table 1"] * 2  # the ruled one, where it is printed
    assert set(tables[:15]) == {"page 2 table 2"}
    assert set(tables[15:16] + tables[18:]) == {"page 2 table 3"}  # its caption above it
