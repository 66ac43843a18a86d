"""Tables aligned by spaces: ruled columns (pandoc) and one row a line (lynx)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.document import Document
from pipelines.parse import parse_file
from pipelines.read.text import read
from pipelines.read.text_aligned import ruled_blocks

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"


def _row_texts(doc: Document) -> dict[int | None, list[str]]:
    """The document's cell texts by printed row, in order."""
    rows: dict[int | None, list[str]] = {}
    for c in doc.cells:
        rows.setdefault(c.row, []).append(c.text)
    return rows


def read_text(text: str):
    return read("inline.txt", "0" * 64, len(text.encode()), text)


SIMPLE = """\
标题

  -------------- ------ ------ ------
  信息内容       本年   本年   现行
  规章           1             11
  行政规范性文件 8      26     66
~
  -------------- ------ ------ ------
""".replace("~", " " * 36)  # a line of spaces, as pandoc ends a simple table


def test_simple_ruled_table_keeps_blank_cells_in_their_column() -> None:
    doc = read_text(SIMPLE)
    assert doc.rendering == "text_aligned"
    assert [(c.text, c.row) for c in doc.cells] == [
        ("标题", 1),
        ("信息内容", 2), ("本年", 2), ("本年", 2), ("现行", 2),
        ("规章", 3), ("1", 3), ("", 3), ("11", 3),
        ("行政规范性文件", 4), ("8", 4), ("26", 4), ("66", 4),
    ]
    assert doc.cells[7].ref == "table 1 line 5 column 3"


MULTILINE = """\
  -------------- ------ ------
  信息内容       本年制 本年废
                 发件数 止件数

  行政规范       8      26
  性文件

  规章           1
  -------------- ------ ------
"""


def test_multiline_ruled_table_joins_a_cells_lines() -> None:
    doc = read_text(MULTILINE)
    assert [(c.text, c.row) for c in doc.cells] == [
        ("信息内容", 1), ("本年制\n发件数", 1), ("本年废\n止件数", 1),
        ("行政规范\n性文件", 2), ("8", 2), ("26", 2),
        ("规章", 3), ("1", 3), ("", 3),
    ]


def test_a_single_empty_line_does_not_make_a_table_multiline() -> None:
    # The spaces of a simple table's blank line stripped away: its lines stay rows.
    text = SIMPLE.replace(" " * 36 + "\n", "\n")
    doc = read_text(text)
    assert [c.text for c in doc.cells if c.row == 3] == ["规章", "1", "", "11"]


def test_a_rule_must_close_the_table() -> None:
    assert ruled_blocks(["  ---- ----", "  a    b"]) == []


SPACED = """\
   第二十条第（一）项
   信息内容 本年新
   规章 13 13 524
   规范性文件 60 60 368
   一、本年新收政府信息公开申请数量 821 35 2 1 859
   二、上年结转政府信息公开申请数量 18 18
"""


def test_spaced_rows_keep_each_lines_values_as_one_row() -> None:
    doc = read_text(SPACED)
    assert doc.rendering == "text_aligned"
    rows = _row_texts(doc)
    assert list(rows.values()) == [
        ["第二十条第（一）项"], ["信息内容", "本年新"], ["规章", "13", "13", "524"],
        ["规范性文件", "60", "60", "368"],
        ["一、本年新收政府信息公开申请数量", "821", "35", "2", "1", "859"],
        ["二、上年结转政府信息公开申请数量", "18", "18"],
    ]


def test_gapped_cells_count_an_empty_cell_per_extra_empty_line() -> None:
    body = "   标题\n\n   本年\n   新制\n\n" + "   规章\n\n   13\n\n\n\n   2\n\n" * 14
    doc = read_text(body)
    assert doc.rendering == "text_cells"
    assert [c.text for c in doc.cells][:7] == ["标题", "本年\n新制", "规章", "13", "", "", "2"]
    assert all(c.row is None for c in doc.cells)


def test_gapped_cells_need_lynx_margins() -> None:
    body = "标题\n\n" + "规章\n\n13\n\n\n\n2\n\n" * 14
    assert "" not in [c.text for c in read_text(body).cells]


LAYOUT = """\
           1.申请人无正当理由逾期不补正、
           行政机关不再处理其政府信息公开 67 3       0   0   1    0   71
           申请
           3.危及“三安全一稳定”
           4.保护第三方合法权益      6    0    0   0   0    0   6
 规章         13   13     524
 规范性文件      60   60     368
"""


def test_a_label_wrapped_around_its_values_is_joined_back() -> None:
    # pdftotext -layout centres a row's values on its label's lines. A line opening
    # with an item number starts a row of its own (3. has no values: all blank).
    doc = read_text(LAYOUT)
    rows = _row_texts(doc)
    assert list(rows.values()) == [
        ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "67", "3", "0", "0", "1", "0", "71"],
        ["3.危及“三安全一稳定”"],
        ["4.保护第三方合法权益", "6", "0", "0", "0", "0", "0", "6"],
        ["规章", "13", "13", "524"], ["规范性文件", "60", "60", "368"],
    ]
    assert doc.cells[0].ref == "line 2 word 1"


def test_restructuredtext_rules_close_the_header_and_open_the_body() -> None:
    rst = ("==============  ======  ====\n信息内容        本年    现行\n"
           "==============  ======  ====\n规章            1       11\n行政规范性文件          66\n"
           "==============  ======  ====\n")
    assert ruled_blocks(rst.splitlines()) == [(0, 2), (2, 5)]
    doc = read_text(rst)
    assert [(c.text, c.row) for c in doc.cells] == [
        ("信息内容", 1), ("本年", 1), ("现行", 1),
        ("规章", 2), ("1", 2), ("11", 2), ("行政规范性文件", 3), ("", 3), ("66", 3),
    ]


# pdftotext -raw of 005's Word page (content-stream order): table 二's last block, the
# amount's unit wrapped in its narrow cell, then table 三's first rows.
RAW = """\
第二十条第（九）项
信息
内容
采购
项
目数
量
采购总金额
政府
集中
采购
135
7539.443252万
元
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公
开申请数量 821 35 2 1 859
二、上年结转政府信息公
开申请数量 18 0 0 0 18
（一）予以公开 423 20 1 0 444
"""


def test_content_stream_order_keeps_lines_as_rows_and_joins_a_wrapped_unit() -> None:
    # The label lines are left as printed (the recogniser joins them where exactly one
    # join names a row: recognise/layout.py); the unit cut after 万 is joined back.
    doc = read_text(RAW)
    assert doc.rendering == "text_aligned"
    rows = _row_texts(doc)
    assert list(rows.values())[8:15] == [
        ["政府"], ["集中"], ["采购"], ["135"], ["7539.443252万元"],
        ["三、收到和处理政府信息公开申请情况"], ["一、本年新收政府信息公"]]


# pandoc `-t plain` of table 四 whose header rows are a `<thead>`: a simple table with its
# header line above the dash rule and no closing rule: it ends at the first empty line.
THEAD_T4 = """\
四、政府信息公开行政复议、行政诉讼情况

  行政复议                                           行政诉讼
  ---------- ---------- ---------- ---------- ------ ------------------ ---------- ------
  结果维持   结果纠正   其他结果   尚未审结   总计   未经复议直接起诉              复议后起诉
                                                     结果维持           结果纠正   总计
  72         64         178        37         351    13                 4          8
"""


def test_a_rule_under_a_header_is_no_row_of_spaced_rows() -> None:
    doc = read_text(SPACED + "\n" + THEAD_T4)
    assert doc.rendering == "text_aligned"
    rows = _row_texts(doc)
    assert not any("-" in t for r in rows.values() for t in r)
    assert list(rows.values())[-1] == ["72", "64", "178", "37", "351", "13", "4", "8"]


def test_a_simple_table_with_a_header_keeps_blank_cells_in_their_column() -> None:
    # before, with no closing rule, the text was read as spaced rows: blanks dropped, and
    # a row with a blank null (74 cells of 上海 2019's th-thead page)
    row = "  5" + " " * 21 + "2" + " " * 10 + "7" + " " * 10 + "8"  # blanks in columns 2, 6-8
    lines = (THEAD_T4 + row + "\n\n后记\n").splitlines()
    assert ruled_blocks(lines) == [(2, 8)]
    rows = _row_texts(read_text("\n".join(lines)))
    assert list(rows.values())[-2:] == [["5", "", "2", "7", "8", "", "", ""], ["后记"]]


def test_a_simple_table_s_header_is_shanghai_s_thead(truth: Callable[[str], dict]) -> None:
    # `pandoc -f html -t plain` of 上海 2019 whose header rows are `<thead>` rows
    report = parse_file(DUMPS / "shanghai-office-2019.pandoc-plain-th-thead.txt")
    assert (report.rendering, report.status) == ("text_aligned", "complete")
    assert report.values() == truth("shanghai-office-2019")["cells"]


HEADED = """\
  ------------------------------------------
  行政复议             行政诉讼
  ------ ------ ------ ------ ------ ------
  结果\\  结果\\  总计   结果\\  结果\\  总计
  维持   纠正          维持   纠正

  5             5      8             8

  1      0      1      2      0      2
  ------------------------------------------
"""


def test_a_multiline_table_with_a_header_is_read_in_its_columns() -> None:
    # pandoc from a DOCX: an unbroken dash line opens the table above its header and
    # closes it; the rule under the header gives the columns; blanks stay in place and
    # Markdown's hard break `\\` ending a cell's line is no text.
    assert ruled_blocks(HEADED.splitlines()) == [(0, 9)]
    rows = _row_texts(read_text(HEADED))
    assert list(rows.values()) == [
        ["行政复议", "", "", "行政诉讼", "", ""],
        ["结果\n维持", "结果\n纠正", "总计", "结果\n维持", "结果\n纠正", "总计"],
        ["5", "", "5", "8", "", "8"], ["1", "0", "1", "2", "0", "2"],
    ]


def test_an_unbroken_line_without_a_column_rule_opens_no_table() -> None:
    assert ruled_blocks(["  ----------", "  a    b", "", "  ----------"]) == []


def test_a_rule_with_a_short_run_for_an_empty_column_is_a_rule() -> None:
    # pandoc sizes a run to its column's text: an empty trailing column prints `--`, the
    # label columns a spanning group label leaves empty `-- --` (pandoc 3, `-t plain`)
    text = ("  ---------- -- -- ------ ------ --\n"
            "  （三）不予公开\n"
            "  1.属于国家秘密   2      0\n"
            "  ---------- -- -- ------ ------ --\n")
    assert ruled_blocks(text.splitlines()) == [(0, 3)]
    doc = read_text(text)
    assert [c.text for c in doc.cells if c.row == 2] == ["1.属于国家秘密", "", "", "2", "0", ""]
    assert ruled_blocks(["  -- -", "  a  b", "  -- -"]) == []  # no run of three: no rule


def test_ruled_tables_are_marked_clipped_at_their_width() -> None:
    """pandoc keeps a table as wide as its widest row's own cells and drops what a rowspan
    pushes past that edge (`| A | 1 |` over `| 2 | 3 |`, A spanning both rows, prints
    `2` alone): a ruled table's rows may be clipped, a drawn grid's (w3m) are not."""
    dumps = Path(__file__).parents[1] / "fixtures" / "dumps"
    pandoc = dumps / "huaian-2024.pandoc-plain-broken-value-rowspan.txt"
    assert read_text(pandoc.read_text(encoding="utf-8")).clipped_rows
    assert read_text(SIMPLE).clipped_rows
    for drawn in ("shanghai-office-2019.w3m.txt", "shanghai-office-2019.lynx.txt"):
        assert not read_text((dumps / drawn).read_text(encoding="utf-8")).clipped_rows



# `pdftotext -raw` of Chromium's print of 004 whose labels hold a soft hyphen after every
# character (tests/renderings/variants.py `soft-hyphens`), as printed: each piece a line
# of its own, a break's hyphen (U+2010) alone where the browser wrapped the word
SOFT_HYPHENS_RAW = Path(__file__).parents[1] / "fixtures" / "dumps" / (
    "004.pdftotext-raw-soft-hyphens.txt")


def test_content_stream_order_joins_a_word_broken_at_its_soft_hyphens() -> None:
    doc = read_text(SOFT_HYPHENS_RAW.read_text(encoding="utf-8"))
    assert doc.rendering == "text_aligned"
    rows: dict[int, list[str]] = {}
    for c in doc.cells:
        rows.setdefault(c.row, []).append(c.text.replace("\u00ad", ""))
    # `本` / `年` / `‐` / `制` / `` / `发` / `件` / `数` (lines 20-27): on its last piece's
    assert rows[27] == ["本年制发件数"]
    assert not any(r in rows for r in range(20, 27))
    # `1` / `.` / … / `秘` / `密 0 0 0 0 0 0 0` (lines 308-315): on the values' line
    assert rows[315] == ["1.属于国家秘密", *["0"] * 7]
    assert not any(r in rows for r in range(308, 315))


INSCRIPTIS_NUMBER_BR = DUMPS / "011.inscriptis-number-br-m2-s6-zb.txt"


def test_a_number_broken_before_its_decimal_point_prints_its_row_over_two_lines() -> None:
    # inscriptis of 011's page with a `<br>` inside numbers: 政府集中采购's 16 and 26.66万元
    # print `1  2` over `6  .66万元`. `.66万元` was a label word, so the line below was no
    # line of the row's values and 1 was published as 采购项目数量. A decimal tail is a
    # value's piece: the row prints over two lines, its values stacked, null.
    report = parse_file(INSCRIPTIS_NUMBER_BR)
    procurement = {cid: c.value for cid, c in report.cells.items()
                   if cid.startswith("t2.centralized_procurement.")}
    assert procurement == {"t2.centralized_procurement.procurement_items": None,
                           "t2.centralized_procurement.procurement_total_amount": None}
    assert ("a cell of row centralized_procurement prints over several lines: where its "
            "numbers end is not known: '1 2'") in {f.message for f in report.flags}
# `pdftotext -raw` of LibreOffice's PDF of 004's Word file, zeros printed (bench_cross_docx
# `docx` at --means 0.5 --seeds 6): 3.危及“三安全一稳定” wrapped in its narrow cell, each
# quote mark printed on a line of its own before its line, a space left where it was.
QUOTES_RAW = """\
1.属
于国
0 0 0 0 0 0 0
予公
开
家秘
密
2.其
他法
律行
政法
规禁
止公
开
0 0 0 0 0 0 0
3.危
“
及 三
安全
一稳
”
定
0 0 0 0 0 0 0
4.保
护第
三方
合法
权益
0 0 0 0 0 0 0
5.属
"""


def test_content_stream_order_puts_a_quote_on_a_line_of_its_own_back() -> None:
    # before: `“` / `及` `三` / … / `”` / `定`: no join of the lines named a row, and the
    # row's values were not read (denied_security_stability null in every such file)
    doc = read_text(QUOTES_RAW)
    assert doc.rendering == "text_aligned"
    rows = _row_texts(doc)
    assert list(rows.values())[14:22] == [
        ["0"] * 7, ["3.危"], ["及“三"], ["安全"], ["一稳"], ["定”"], ["0"] * 7, ["4.保"]]



def _t3(report, row: str) -> list:
    got = report.values()
    return [got[c] for c in got if c.startswith(f"t3.{row}.")]


def test_values_alone_under_a_row_not_at_its_margin_are_placed_by_position() -> None:
    # pdftotext -layout of 上海办公厅's item-apart page, numbers drawn at mean 20,000
    # (seed 18): a text of rows a space apart (not read as laid out), 三's 总计 under its
    # label's line as `211        35628 3966` over `    206 1870 1810 43691`: read in
    # word order, 211, 35628, 3966 (for 35628, 3966, 211) summed to 43691 all the same;
    # placed by position, kept only where a column's sum over other rows proves them
    report = parse_file(DUMPS / "011.pdftotext-layout-item-apart-revalued-m20000-s18.txt")
    assert _t3(report, "results_total") == [None] * 7
    assert any(f.code == "values_position_unproven" and "t3.results_total" in f.message
               for f in report.flags)
    assert _t3(report, "carried_forward") == [2608, 281, 16, 3, 106, 142, 3156]
    # 平潭 2022's units page the same way: `1.本机关不掌握相关政府信息 9件 13件 98件` over
    # `2031 205  103 2459` (for 2031, 205, 9, 13, 98, 103, 2459), display columns apart
    report = parse_file(DUMPS / "004.pdftotext-layout-units-revalued-m20000-s18.txt")
    assert _t3(report, "unable_not_held") == [None] * 7
    assert _t3(report, "denied_state_secret") == [38, 2, 0, 0, 1, 1, 42]


def test_a_row_wrapped_at_the_margin_is_still_read_in_order() -> None:
    # a row a width wrapped goes on at the line's margin: its order is the words' order
    doc = read_text("\n".join([
        "标题", "  一、本年新收政府信息公开申请数量 23 0 0 0 0", "  0 23",
        "  二、上年结转政府信息公开申请数量 1 0 0 0 0", "  0 1"]))
    assert not any(c.by_position for c in doc.cells)


def test_a_header_band_cut_by_a_page_break_leaves_out_the_page_s_running_lines() -> None:
    # pdftotext -layout of 001's unmerged-trailing-numbers print (tests/recognise/
    # test_trailing_column.py): 三's title and header print 6 lines above a page break
    # (`同` / `比` beside 申请人情况), the page's footer and running header, then 9 more
    # lines above its first values (the first row label's first line last). The band is
    # those 15 lines, each page's piece counted apart, the furniture's words none of it;
    # before, 12 lines up from the values, the footer and running header among them and
    # `同` / `比` cut off
    text = (DUMPS / "001.pdftotext-layout-unmerged-trailing-numbers.txt").read_text(
        encoding="utf-8")
    doc = read_text(text)
    (band,) = [b for b in doc.header_bands if any(w.text == "自然" for w in b)]
    lines = sorted({w.line for w in band})
    assert lines == [*range(27, 33), *range(35, 44)]
    assert {w.text for w in band if w.line in (29, 30)} == {
        "关系为：第一项加", "申请", "同", "第二项之和，等于", "人情", "比"}
    assert not any(w.text.startswith("file:") or w.text == "1/4" for w in band)
