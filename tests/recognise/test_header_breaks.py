"""A header's cells cut over lines by a `<br>` in a browser's copied text, made whole."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.column_order import _header_words
from pipelines.recognise.header_breaks import joined_over_breaks
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
