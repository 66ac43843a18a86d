"""Table 三's rows a PDF's text in reading order prints partly after later counts
(recognise/reading_displaced.py), on Chromium's prints of the cell-p variant (every
cell's text a `<p>`) through `pdftotext` without options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.reading_displaced import displaced_readings

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
# huaian: (六)1's 67 printed on its label's line after its other six (`3 0 0 1 0 71`),
# (六)3's 108 after (七)总计's and 结转下年's counts, one of 结转下年's zeros after its label
HUAIAN = DUMPS / "huaian-2024.pdftotext-reading-cell-p.txt"
# pingtan-2022: (一)'s and (二)'s first two counts (`21 0`, `8 1` on the label's line)
# after both rows' other five
PINGTAN = DUMPS / "pingtan-2022-run-together.pdftotext-reading-cell-p.txt"


def _t3(text: str, name: str = "report.txt") -> dict[str, int]:
    report = parse_bytes(name, text.encode("utf-8"))
    return {c: v for c, v in report.values().items() if v is not None and c.startswith("t3.")}


def _want(truth: Callable[[str], dict], stem: str) -> dict[str, int]:
    return {c: v for c, v in truth(stem)["cells"].items() if c.startswith("t3.")}


def test_values_printed_after_their_row_put_back(truth: Callable[[str], dict]) -> None:
    # 175 counts, every row's in order but three lines: no reading in order holds; with
    # those put back into the gaps their rows' sums leave, every identity holds, and
    # every reading that does places the same values. Before: no value of 三.
    got = _t3(HUAIAN.read_text(encoding="utf-8"))
    assert got["t3.other_other.natural_person"] == 108
    assert got["t3.other_no_correction.natural_person"] == 67
    assert got == _want(truth, "huaian-2024")


def test_a_line_of_two_values_put_back(truth: Callable[[str], dict]) -> None:
    # `21 0` fills (一)予以公开's first two cells, `8 1` (二)部分公开's. Before: nothing.
    got = _t3(PINGTAN.read_text(encoding="utf-8"), "pingtan.txt")
    assert got["t3.partially_granted.commercial_enterprise"] == 1
    assert got == _want(truth, "pingtan-2022-run-together")


def test_a_moved_value_no_row_can_take_places_nothing() -> None:
    # 108 printed 107: (六)3's sum needs 108, no line prints it
    text = HUAIAN.read_text(encoding="utf-8").replace("\n108\n", "\n107\n")
    assert _t3(text) == {}


def test_a_count_short_places_nothing() -> None:
    # 结转下年's zero after its label lost: 174 counts are no 25 rows
    text = HUAIAN.read_text(encoding="utf-8").replace("四、结转下年度继续办理\n\n0\n",
                                                      "四、结转下年度继续办理\n\n")
    assert _t3(text) == {}


def test_readings_put_a_later_line_into_its_rows_gap() -> None:
    # rows (3, 1, 4) and (2, 0, 2), width 3: the first row's 3 printed after the second
    counts = [(1, 1), (1, 4), (2, 2), (3, 0), (4, 2), (5, 3)]
    found = {tuple(v for _, v in r) for r in displaced_readings(counts, 3, 2, {5})}
    assert (3, 1, 4, 2, 0, 2) in found
    # not movable (its line is no label's): only readings in order, none of which sums
    assert displaced_readings(counts, 3, 2, set()) == []
