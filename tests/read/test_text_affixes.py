"""A page's characters printed around every cell taken off (read/text_affixes.py), on
the text tools' dumps of real pages that hide a `9` before and an `8` after every
cell's text (tests/renderings/variants.py `hidden-text`, `cms-mixed`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipelines.document import TextCell
from pipelines.parse import parse_bytes
from pipelines.read import read_bytes
from pipelines.read.text_affixes import without_page_affixes

FIXTURES = Path(__file__).parents[1] / "fixtures"
DUMPS = FIXTURES / "dumps"
W3M = DUMPS / "huaian-2024.w3m-hidden-text.txt"  # box-drawn tables
LYNX = DUMPS / "huaian-2024.lynx-hidden-text.txt"  # rows a line, long labels wrapped
SMALL = DUMPS / "huaian-2024.w3m-hidden-text-m05-s20.txt"  # numbers drawn at a mean of 0.5
# 005's cms-mixed page by elinks at 160 columns: table 三's 总计 `9２３ 件8` cut over lines
ELINKS_CUT = DUMPS / "005.elinks-160-cms-mixed.txt"


def _truth(stem: str) -> dict:
    return json.loads((FIXTURES / "truth" / f"{stem}.json").read_text(encoding="utf-8"))["cells"]


def _texts(path: Path) -> list[str]:
    return [c.text for c in read_bytes(path.name, path.read_bytes()).cells]


def test_a_drawn_tables_cells_lose_the_characters_every_cell_carries() -> None:
    # `│9一、本年新收政府信息公开申请数量8     │930018│9538│908│908  │9618 │948│931198│`
    texts = _texts(W3M)
    at = texts.index("一、本年新收政府信息公开申请数量")
    assert texts[at:at + 8] == ["一、本年新收政府信息公开申请数量", "3001", "53", "0", "0",
                                "61", "4", "3119"]
    assert "三、本\n年度办\n理结果" in texts  # a cell over lines: its first and last line
    assert "二、主动公开政府信息情况" in texts  # the text outside the tables as printed


def test_a_label_lynx_wrapped_loses_one_affix_a_piece() -> None:
    # `9信息内容8 9本年制` / `发件数8 9本年废` / `止件数8 9现行有` / `效件数8`
    texts = _texts(LYNX)
    at = texts.index("第二十条第（一）项")
    assert texts[at:at + 12] == ["第二十条第（一）项", "信息内容", "本年制", "发件数", "本年废",
                                 "止件数", "现行有", "效件数", "规章", "1", "0", "11"]


def test_the_reports_read_whole() -> None:
    # before: the labels unknown with their `9`/`8`, every count of 二, 三 and 四 null
    want = _truth("huaian-2024")
    for path in (W3M, LYNX):
        report = parse_bytes(path.name, path.read_bytes())
        assert {cid: c.value for cid, c in report.cells.items()} == want, path.name
        assert report.status == "complete"


def test_small_counts_keep_their_digits() -> None:
    # `908` is 0, `9898` is 89 and `948` is 4: one character off each end, never a digit
    # of the count however like the affixes it looks
    report = parse_bytes(SMALL.name, SMALL.read_bytes())
    values = {cid: c.value for cid, c in report.cells.items()}
    assert {cid: v for cid, v in values.items() if v != 0} == {
        "t2.administrative_licensing.decisions": 73, "t2.administrative_penalty.decisions": 4,
        "t2.administrative_coercion.decisions": 89}
    assert report.status == "complete" and not report.flags


def test_affixes_that_differ_between_cells_are_left() -> None:
    # a random digit hidden after the `9` of each cell: no start every cell shares past
    # the `9`, and labels left bare would start with a digit (`3一、本年…`): nothing is taken
    lines = LYNX.read_text(encoding="utf-8").splitlines()
    n = iter(range(10**6))
    mixed = "\n".join(re.sub(r"(?<![^\s])9", lambda _: f"9{next(n) % 10}", ln) for ln in lines)
    doc = read_bytes("mixed.txt", mixed.encode())
    assert not any(c.affixed for c in doc.cells)
    assert "90一、本年新收政府信息公开申请数量8" in [c.text for c in doc.cells] or any(
        c.text.endswith("一、本年新收政府信息公开申请数量8") for c in doc.cells)


def test_a_page_with_a_table_not_taken_off_is_left_as_printed() -> None:
    # elinks cut table 三's total `9２３ 件8` over two cells (`9２３` / `件8`): a count's
    # pieces, so 三 keeps its affixes; taking 二's and 四's off would leave 三's counts
    # read with their `9` and `8`
    doc = read_bytes(ELINKS_CUT.name, ELINKS_CUT.read_bytes())
    assert not any(c.affixed for c in doc.cells)
    assert "9行政事业性收费8" in [c.text for c in doc.cells]


def test_cells_without_shared_affixes_are_as_they_were() -> None:
    plain = DUMPS / "huaian-2024.elinks.txt"
    cells = read_bytes(plain.name, plain.read_bytes()).cells
    assert without_page_affixes(cells) == cells
    # outside drawn tables, a run of five cells is too short to be a table's
    few = [TextCell(t, f"line {i}", i) for i, t in enumerate(
        ["9一、总体情况8", "9本机关认真落实8", "9二、主动公开8", "918", "908"])]
    assert without_page_affixes(few) == few
