"""Links in text (read/text_links.py): a text browser's link numbers and Markdown's links
blanked in place, on the real tools' output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes
from pipelines.read.text_links import (
    without_link_numbers,
    without_markdown_links,
    without_rst_links,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"

# `elinks -dump` as it comes, of a page whose table cells are links (its start and end)
ELINKS = """\
   ┌────────────────────┬───────────┬───────────┬───────────┐
   │ [2]信息内容        │ [3]本年制 │ [4]本年废 │ [5]现行有 │
   │                    │ 发件数    │ 止件数    │ 效件数    │
   ├────────────────────┼───────────┼───────────┼───────────┤
   │ [6]规章            │ [7]1      │ [8]0      │ [9]11     │
   └────────────────────┴───────────┴───────────┴───────────┘

References

   Visible links
   2. file:///zwgk/list.html
   3. file:///zwgk/list.html
   4. file:///zwgk/list.html
   5. file:///zwgk/list.html
   6. file:///zwgk/list.html
   7. file:///zwgk/list.html
   8. file:///zwgk/list.html
   9. file:///zwgk/list.html
"""


def test_listed_link_numbers_are_blanked_in_place_and_the_list_dropped() -> None:
    text = without_link_numbers(ELINKS)
    assert text.splitlines()[4] == "   │    规章            │    1      │    0      │    11     │"
    assert "References" not in text and "file://" not in text
    assert all(len(a) == len(b) for a, b in zip(text.splitlines(), ELINKS.splitlines(),
                                                  strict=False))  # the list dropped


def test_a_bracketed_number_is_the_reports_own_where_no_list_of_links_follows() -> None:
    text = "依据国办发[2019]3号文件，本年收到申请[1]件。\n规章 [7]1 0 11\n"
    assert without_link_numbers(text) == text
    # a list that is not only links (the report's own numbered text after it): kept
    listed = text + "References\n\n   1. 本机关制定的规章\n   2. 共3件\n"
    assert without_link_numbers(listed) == listed
    # a number the list does not name stays
    assert without_link_numbers("[7]1 [12]5\nReferences\n\n   7. http://a.gov.cn/x\n") == (
        "   1 [12]5\n")


# `pandoc -t markdown` of linked cells in a multiline table: the link wraps with its cell
PANDOC = """\
  --------------------------------------- ---------------------------------------- ------
  [信息内容](/zwgk/list.html)             [本年制\\                                 [本年废\\
                                          发件数](/zwgk/list.html)                 止件数](/x.html)

  [规章](/zwgk/list.html)                 [1](/zwgk/list.html)                     [0](/x)
"""


def test_markdown_links_read_as_their_text_in_their_columns() -> None:
    text = without_markdown_links(PANDOC)
    lines = text.splitlines()
    assert lines[4].split() == ["规章", "1", "0"]
    assert lines[2].split() == ["发件数", "止件数"]
    assert lines[4].index("1") == PANDOC.splitlines()[4].index("[1]") + 1  # in its column
    assert all(len(a) == len(b) for a, b in zip(lines, PANDOC.splitlines(), strict=True))
    assert without_markdown_links("见[附件](附件 1.pdf)") == "见[附件](附件 1.pdf)"


@pytest.mark.parametrize("dump", ["huaian-2024.lynx-refs-linked-cells.txt",
                                  "huaian-2024.pandoc-markdown-linked-cells.txt",
                                  "huaian-2024.pandoc-rst-linked-cells.txt"])
def test_a_report_whose_cells_are_links_reads_whole(dump: str) -> None:
    # `lynx -dump` as it comes and `pandoc -t markdown` of a page whose every cell is a
    # link (tests/renderings/variants.py `linked-cells`): before, `[7]1` left rows
    # unmatched and pandoc's `[规章](/zwgk/list.html)` cells no table at all, and its
    # reST's `` `1 </zwgk/list.html>`__ `` cells no number
    path = FIXTURES / "dumps" / dump
    report = parse_bytes(path.name, path.read_bytes())
    want = json.loads((FIXTURES / "truth" / "huaian-2024.json").read_text(encoding="utf-8"))
    assert {cid: c.value for cid, c in report.cells.items()} == want["cells"]


def test_rst_links_read_as_their_text_where_the_cell_breaks_the_target() -> None:
    # cells of `pandoc -t rst`'s grid of huaian-2024's linked cells, as the grid
    # reader joins their lines
    assert without_rst_links("`1 </zwg\nk/list.html>`__") == "1"
    assert without_rst_links("`本年处\n理\n决定数量 </zwg\nk/list.html>`__") == (
        "本年处\n理\n决定数量")
    assert without_rst_links("`\n总计 </zwg\nk/lis\nt.htm\nl>`__") == "总计"
    assert without_rst_links("见`附件`") == "见`附件`"  # a backtick opening no link
