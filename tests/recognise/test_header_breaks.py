"""A header's cells cut over lines by a `<br>` in a browser's copied text, made whole."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.column_order import _header_words, _t4_levels
from pipelines.recognise.header_breaks import joined_over_breaks, joined_over_wraps
from pipelines.recognise.labels import labels_of
from pipelines.recognise.tokens import Token

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _parsed(variant: str, tool: str = "chromium-innertext"):
    path = FIXTURES / "dumps" / f"huaian-2024.{tool}-{variant}.txt"
    return parse_bytes(path.name, path.read_bytes())


def _truth() -> dict:
    path = FIXTURES / "truth" / "huaian-2024.json"
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_a_header_cut_by_breaks_proves_its_blocks_order() -> None:
    # huaian's page with 本年废止件数 printed before 本年制发件数 (`t2-columns-swapped`),
    # copied from Chromium: `信息内容\t本年废` / `止件数\t本年制` / `发件数\t现行有` / `效件数`.
    # Before: no label read whole, 二 null (133 cells over the ten reports); now its
    # header's row is whole and places every block's values under the columns it names.
    report = _parsed("t2-columns-swapped")
    assert report.values() == _truth()
    assert [f.message for f in report.flags] == [
        "t2's header prints its columns in another order than the template (本年废止件数 / "
        "本年制发件数 / 现行有效件数): its values are placed under the columns the header "
        "names"]


def test_a_header_cut_by_breaks_lacking_a_column_places_the_others() -> None:
    # the page without 本年废止件数 (`t2-lacks-column`): as w3m reads it, that column null
    report = _parsed("t2-lacks-column")
    want = _truth()
    lacking = {"t2.regulations.repealed", "t2.normative_documents.repealed"}
    assert report.values() == {c: None if c in lacking else v for c, v in want.items()}
    assert [f.code for f in report.flags] == ["columns_missing"]


def test_a_header_cut_by_breaks_in_lynxs_rows_proves_its_order() -> None:
    # the same pages dumped by lynx: a row a line, its cells a space apart
    # (`信息内容 本年废` / `止件数 本年制` / `发件数 现行有` / `效件数`); before, the
    # join was asked of innerText's tab rows only, and 二 was null (133 cells over the
    # ten reports swapped, 99 lacking a column; now 1 and 53, as innerText)
    report = _parsed("t2-columns-swapped", "lynx")
    assert report.values() == _truth()
    assert [f.code for f in report.flags] == ["columns_reordered"]
    report = _parsed("t2-lacks-column", "lynx")
    want = _truth()
    lacking = {"t2.regulations.repealed", "t2.normative_documents.repealed"}
    assert report.values() == {c: None if c in lacking else v for c, v in want.items()}
    assert [f.code for f in report.flags] == ["columns_missing"]


def test_pieces_join_only_into_one_label_neither_piece_alone_is() -> None:
    whole = _header_words("gov_2021")[1]
    tokens = [Token("text", "信息内容", "a", 1), Token("text", "本年制", "b", 1),
              Token("text", "发件数", "c", 2), Token("text", "现行有", "d", 2),
              Token("text", "效件数", "e", 3),
              Token("label", "规章", "f", 4), Token("value", "1", "g", 4)]
    joined = joined_over_breaks(tokens, whole)
    assert [(t.text, t.row) for t in joined] == [
        ("信息内容", 1), ("本年制发件数", 1), ("现行有效件数", 1), ("规章", 4), ("1", 4)]
    assert [t.kind for t in joined][1:3] == ["label", "label"]
    # a whole label opening the next line is a row's, not a piece: left as printed
    apart = [Token("text", "申请人情况", "a", 1), Token("label", "自然人", "b", 2)]
    assert joined_over_breaks(apart, whole) == apart


def test_a_merged_label_cut_by_breaks_and_split_into_copies_reads_its_value_once() -> None:
    # lynx's dump of pages whose merged cells a CMS split into copies of their text
    # (`unmerged-fill`): 二's header cell `本年处<br>理决定数量` printed once a column it
    # spanned, cut over lines (`信息内容 本年处` / `理决定数量 本年处` / `理决定数量 本年处` /
    # `理决定数量`), its row `行政许可 447228 447228 447228`. The header made whole shows
    # the label's copies, so the row's copies are one value (merged_copies.py); before,
    # the copies were read from the header as cut, no label whole, and 二 was null (10 and
    # 16 cells here, 109 over the ten reports).
    for stem in ("huaian-2024", "pingtan-2020-run-together"):
        path = FIXTURES / "dumps" / f"{stem}.lynx-unmerged-fill.txt"
        report = parse_bytes(path.name, path.read_bytes())
        want = json.loads((FIXTURES / "truth" / f"{stem}.json").read_text(encoding="utf-8"))
        assert report.values() == want["cells"]
        assert "merged_copies" in [f.code for f in report.flags]


def test_fours_header_rows_wrapped_at_lynxs_width_are_joined_and_place_it() -> None:
    # lynx at 40 columns of huaian's page with 四's lawsuit groups swapped, its 总计 first
    # in every group, and without 其他结果: each header row of 四 wraps between whole
    # labels, `结果维持 … 总计 复议后起诉` / `未经复议直接起诉` and `结果维持 … 总计 结果维持`
    # / `结果纠正 … 总计`. No line named a level whole, so the order was unproven and 四
    # null (120 cells over the ten reports, each variant). Joined, each is one row, as
    # lynx prints it at full width, and the header places 四, its 总计 sums holding.
    want = {cid: v for cid, v in _truth().items() if cid.startswith("t4.")}
    for variant, flag in (("t4-groups-swapped", "columns_reordered"),
                          ("t4-total-first", "columns_reordered"),
                          ("t4-lacks-column", "columns_missing")):
        report = _parsed(variant, "lynx-40")
        got = {cid: v for cid, v in report.values().items() if cid.startswith("t4.")}
        absent = {c for c in want if c.endswith(".other_result")} if "lacks" in variant else set()
        assert got == {c: None if c in absent else v for c, v in want.items()}, variant
        assert flag in {f.code for f in report.flags}, variant


def test_a_wrapped_header_row_joins_only_where_no_line_alone_is_a_row() -> None:
    whole = _header_words("gov_2021")[1]
    columns, groups = _t4_levels("gov_2021")
    levels = [keys for _, keys in groups]

    def line(row: int, *labels: str) -> list[Token]:
        return [Token("label", x, f"{row}.{k}", row, tuple(labels_of(x)))
                for k, x in enumerate(labels)]

    five = ("总计", "结果维持", "结果纠正", "其他结果", "尚未审结")
    tokens = [*line(1, "行政复议", "行政诉讼"), *line(2, *five, "复议后起诉"),
              *line(3, "未经复议直接起诉"), *line(4, *five, "总计"), *line(5, *five[1:])]
    joined = joined_over_wraps(tokens, whole, "t4", columns, levels)
    assert [t.row for t in joined] == [1, 1] + [2] * 7 + [4] * 10
    # a line that is a whole row alone is left as printed: the five columns, then the
    # two groups, each a row of its own
    rows = [*line(2, *five), *line(3, "复议后起诉", "未经复议直接起诉")]
    assert joined_over_wraps(rows, whole, "t4", columns, levels) == rows
    # lines a row apart (an empty line between) are no wrap; nor a line that joins
    # into no whole row (a group missing, the next line a row of its own)
    apart = [*line(2, *five, "复议后起诉"), *line(4, "未经复议直接起诉")]
    assert joined_over_wraps(apart, whole, "t4", columns, levels) == apart
    short = [*line(2, *five, "复议后起诉"), *line(3, *five)]
    assert joined_over_wraps(short, whole, "t4", columns, levels) == short
