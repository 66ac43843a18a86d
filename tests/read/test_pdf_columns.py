"""A CSS table's cells printed edge to edge, parted where the table's columns start.

The lines are huaian-2024's and 004's rows of table 三 in Chromium's default print of
the `div-table` variant (tests/renderings/variants.py: `display:table` `<div>`s, no
padding), their glyphs at the measured x (12 pt: a digit 6 pt, a CJK glyph 12 pt).
"""

from __future__ import annotations

from pipelines.read.pdf_columns import columns_parted
from pipelines.read.pdf_page import PdfRow, _gap_cells


def _glyphs(*parts: tuple[float, str], size: float = 12.0) -> list[dict]:
    out = []
    for x, s in parts:
        for ch in s:
            width = size if ord(ch) > 0x2e80 else size / 2
            out.append({"text": ch, "x0": x, "x1": x + width, "top": 0.0, "bottom": size,
                        "size": size, "upright": True, "doctop": 0.0})
            x += width
    return out


def _line(top: float, *parts: tuple[float, str]) -> PdfRow:
    return PdfRow(1, top, top + 12, _gap_cells(_glyphs(*parts), f"line {top}"), line=True)


def _texts(rows: list[PdfRow]) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in rows]


def _huaian() -> list[PdfRow]:
    """A header line of 三; 一、本年新收: 3001 53 0 0 61 4 3119 (its label one cell, so
    its values start a column left of the rows with two label cells); 二、上年结转;
    三、（一）予以公开: … 50 3 1362."""
    return [
        _line(630.0, (33.7, "商业企业"), (231.2, "科研机构"), (408.9, "社会公"),
              (452.6, "法律服其")),
        _line(682.8, (33.7, "一、本年新收政府信息公开申请数量"), (231.2, "3001"), (408.9, "53"),
              (452.6, "0"), (489.3, "0"), (506.2, "614"), (530.2, "3119")),
        _line(700.8, (33.7, "二、上年结转政府信息公开申请数量"), (231.2, "34"), (408.9, "0"),
              (452.6, "0"), (489.3, "0"), (506.2, "0"), (518.2, "0"), (530.2, "34")),
        _line(718.8, (33.7, "三、本年度办理结果"), (231.2, "（一）予以公开"), (408.9, "1288"),
              (452.6, "21"), (489.3, "0"), (506.2, "0"), (518.2, "503"), (554.2, "1362")),
    ]


def test_numbers_printed_edge_to_edge_are_parted_where_columns_start() -> None:
    """`614` is 61 and 4: the 4 starts where line 二's 0 and line 三's 503 start; `503`
    is 50 and 3; a label's last glyph and the value after it part where 三's second
    label starts, as the header's 科研机构 does (`…数量 3001`)."""
    assert _texts(columns_parted(_huaian()))[1:] == [
        ["一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"],
        ["二、上年结转政府信息公开申请数量", "34", "0", "0", "0", "0", "0", "34"],
        ["三、本年度办理结果", "（一）予以公开", "1288", "21", "0", "0", "50", "3", "1362"],
    ]


def test_a_column_start_one_line_shows_parts_nothing() -> None:
    """With only line 三 beside it, line 一's 614 stays whole (two lines must show a
    column's start): a number is not cut on one line's say."""
    rows = columns_parted([_line(682.8, (33.7, "一、本年新收"), (231.2, "3001"), (408.9, "53"),
                                 (452.6, "0"), (506.2, "614")),
                           _line(718.8, (33.7, "三、"), (408.9, "1288"), (452.6, "21"),
                                 (518.2, "503"))])
    assert _texts(rows)[0] == ["一、本年新收", "3001", "53", "0", "614"]


def test_another_tables_columns_part_nothing() -> None:
    """Lines sharing fewer than two cell starts with a line are another table's: their
    starts do not part its numbers (a 4 at 518.2 in two lines of another grid)."""
    other = [_line(300 + 18 * k, (33.7, "行政复议"), (150.0, "7"), (518.2, "4"))
             for k in range(3)]
    rows = columns_parted([_huaian()[1], *other])
    assert _texts(rows)[0] == ["一、本年新收政府信息公开申请数量 3001", "53", "0", "0", "614",
                               "3119"]


def test_rows_with_blanks_show_their_columns_by_one_shared_start() -> None:
    """011 (Shanghai 2019): the blank cells print nothing, so 二 and 四 (`18 … 18`)
    share only their first value's column with 一's `821 35 21859`; each starts a cell
    where 859's 8 starts, so each shares two starts with 一 once the run is parted there
    (法律服务 2, 其他 1 and 总计 859 edge to edge; `11` is 1 and 1)."""
    rows = columns_parted([
        _line(28.8, (33.7, "一、本年新收政府信息公开申请数量"), (312.0, "821"), (424.2, "35"),
              (548.2, "21859")),
        _line(46.8, (33.7, "二、上年结转政府信息公开申请数量"), (312.0, "18"), (560.2, "18")),
        _line(64.8, (33.7, "三、本年度办理结果"), (312.0, "（一）予以公开"), (424.2, "258"),
              (477.3, "12"), (554.2, "11")),
        _line(262.8, (33.7, "（四）无法提供"), (312.0, "1.本机关不掌握相关"), (424.2, "252"),
              (477.3, "12"), (554.2, "1")),
        _line(478.8, (33.7, "四、结转下年度继续办理"), (312.0, "72"), (560.2, "72")),
    ])
    assert _texts(rows)[0] == ["一、本年新收政府信息公开申请数量", "821", "35", "2", "1", "859"]
    assert _texts(rows)[2] == ["三、本年度办理结果", "（一）予以公开", "258", "12", "1", "1"]


def test_zeros_run_together_are_one_digit_numbers() -> None:
    """004: the three columns after 科研机构 hold one digit in every row, so no line
    shows where they start: `000` and `001` are one-digit numbers (a count of two digits
    never starts with 0); `0074` parts only where those parts show the columns (0, 0,
    74: the total's column starts where `74` does)."""
    rows = columns_parted([
        _line(664.8, (33.7, "一、本年新收政府信息公开申请数量"), (250.6, "71"), (445.4, "3"),
              (485.1, "0"), (524.7, "0"), (542.2, "0074")),
        _line(682.8, (33.7, "二、上年结转政府信息公开申请数量"), (250.6, "1"), (445.4, "0"),
              (485.1, "0"), (524.7, "0"), (542.2, "001")),
        _line(700.8, (33.7, "三、本年度办理结果"), (250.6, "（一）予以公开"), (445.4, "21"),
              (485.1, "0"), (524.7, "0"), (542.2, "000"), (566.2, "21")),
    ])
    assert _texts(rows) == [
        ["一、本年新收政府信息公开申请数量", "71", "3", "0", "0", "0", "0", "74"],
        ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
        ["三、本年度办理结果", "（一）予以公开", "21", "0", "0", "0", "0", "0", "21"],
    ]


def test_a_centred_columns_number_is_not_parted() -> None:
    """In a centred column a wide number's inner glyph starts where narrower numbers
    start in other rows (`1288` centred on 100: its 2 at 94, where `12` and `15`
    start): the numbers are not set flush left, nothing is parted."""
    rows = columns_parted([
        _line(100, (20, "一"), (94, "12"), (197, "5"), (294, "33")),
        _line(118, (20, "二"), (94, "15"), (197, "7"), (294, "40")),
        _line(136, (20, "三"), (97, "3"), (197, "8"), (294, "21")),
        _line(154, (20, "四"), (88, "1288"), (197, "6"), (294, "30")),
    ])
    assert _texts(rows)[3] == ["四", "1288", "6", "30"]
