"""CMS pages (variants.py) printed by Chromium and turned into text by `pdftotext -layout`,
read back (issue 13).

A crawler often keeps a PDF's text, not the PDF: `bench/bench_cross_pdftext.py` sweeps
every HTML variant of every labelled report, printed by Chromium (`cross_prints.py`'s
cached prints) and converted by pdftotext (`cross_pdftext.py`); this pins a
representative subset with exact counts: (right, wrong, missed, invented) of the cells
each variant must read as, blanks pdftotext drops making their rows' cells
unrecoverable.

- A cell printed over several lines (`<br>` inside a number, `number-br`; full-width
  digits a narrow column wraps, `８２` over `１` for 821, `fullwidth`; a count's unit
  wrapped under it, `23` over `件`, `units`): pdftotext prints the cell's lines in its
  column, and the other cells of the row, vertically centred, at heights of their own.
  Joining the row's lines of values alone to it by their count took a cell's first
  line for a whole number and the next cells' for the rest (before: 14, 24 + 8
  invented and 26 wrong cells over the ten reports). A printed row with a value under
  one of its own on a line below it (a group label's pieces beside it at most), or with
  a line of values alone below it, is now null, flagged (`read/text_columns.py`
  `stacked_marked`, `recognise/grid.py`); 0 wrong, 0 invented.
- th-thead, extra-rows (`其中：网上申请` rows under a row), t4-group-rows: a full row under
  a full row is the next row, not a cell's second line: read whole.
- Columns in another order than the template's, the header saying so (三's five
  organisations reversed, 法人或其他组织 before 自然人, 四's or 二's first two columns
  swapped, 四's 总计 first): pdftotext wraps every header cell line by line and prints
  the pieces of neighbouring cells side by side, so no label printed whole and the
  values were read in the template's order (before: 88, 240, 16 and 12 wrong cells over
  the ten reports). The header's pieces are now stacked back by column
  (`recognise/header_stacks.py`) and a level read whole out of order nulls the table,
  flagged (`recognise/column_order.py`).
- `unnamed-leading-column`: the unnamed column's `1` printed against 四's first value
  (`1` `0` as one word `10`), 15 words for 15 cells, its identities failing: 四 is null,
  flagged, where the page numbers its rows in a column of their own
  (`recognise/grid._numbered_rows`).
- `note-row`: the note under 三 (`注：…`) prints flush with its last row's label, and was
  joined to it as its wrapped part; a line opening with a note's marker is no label's
  part now (`read/text_columns.NOTE`).
- `pdftotext -raw` of `fullwidth` (content-stream order, no positions): `８２` / `１ ３５ ２
  １ ８５` / `９` for 821 … 859 joined by their count read 82, 1, 35, 2, 1, 85, 9 (011:
  10 wrong, 4 invented). A row's values joined from several printed lines whose own
  identities fail are now null, flagged (`recognise/grid._joined_unproven`).
- 三's addends permuted through `-raw` (content order: the header's upper row printed
  whole before its lower row) and `-layout` of prints on A4 at 0.8 and landscape (the
  pieces on one line of the header that start one label each, left to right): 三 null,
  flagged (`recognise/column_order._rows_misordered`, `_line_misordered`); 四's first
  two swapped on A4 at 0.8: the pieces left of 未经复议直接起诉 on its line are the first
  group's (`_first_group_misordered`).
- 三's header in another shape through `-layout` (总计 first, organisations reversed,
  自然人 last, a 小计 column, a column lacking): its pieces on each line are in their
  columns' order, so where the lines together order every column one way only (a piece
  naming the one label it starts, or else ends: `人` of 自然人), the rows are placed by
  that order as by a header of whole labels, the identities checking it; a column named
  twice on a line is read each way, and a word naming none names the label it is the
  rest of; any doubt (two readings ordering differently, a column unordered, named
  nowhere with a character of it left) leaves 三 null as before
  (`recognise/piece_order.py`; before: 644 of 1,988 cells a variant over the ten
  reports, 三 null whole).
- pdftotext in reading order (no `-layout`): 四's 15 counts placed by count and identities
  in the template's order, which no identity shows (any order of a group's parts, or of
  its groups, keeps every sum): 四's swapped first two columns on A4 at 0.8 were published
  (20 wrong). 四 (and a row of 三 on its label's line) is now kept only where a line of
  its header names every column left to right in the template's order and its groups'
  labels share a line in order, or its counts read the same in any order; else null,
  flagged (`recognise/reading_order.py`).
"""

from __future__ import annotations

import pytest
from cross_pdftext import read
from make import CORPUS_TRUTH, FIXTURE_TRUTH
from variants import html_variant, html_variants

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

REPORTS = {"huaian-2024": FIXTURE_TRUTH / "huaian-2024.json", "004": CORPUS_TRUTH / "004.json",
           "005": CORPUS_TRUTH / "005.json", "011": CORPUS_TRUTH / "011.json",
           "001": CORPUS_TRUTH / "001.json",
           "seed": FIXTURE_TRUTH / "seed-shaoguan-zhenjiang-2019.json"}
EXPECTED: dict[str, dict[str, tuple[int, int, int, int]]] = {  # pdftotext -layout
    # before: huaian (77, 4, 119, 0), 004 (167, 3, 30, 0)
    # h-pdflay6: a row's cells over lines joined by their columns where an identity
    # proves them (text_columns._cells_by_column, recognise/by_position.py): number-br
    # huaian (74, 0, 126, 0), 004 (163, 0, 37, 0), 005 (184, 0, 14, 0); fullwidth huaian
    # (67, 0, 133, 0), 004 (32, 0, 168, 0)
    # h-hunt12: kept only where an equality taking in a cell printed elsewhere proves
    # them, not their own row's sum (a swap, a digit lost from a cell and its 总计, keep
    # it: 6 wrong at mean 300, seeds 12 and 13): number-br huaian (123, 0, 77, 0), 004
    # (184, 0, 16, 0); fullwidth huaian (102, 0, 98, 0), 004 (53, 0, 147, 0)
    "number-br": {"huaian-2024": (74, 0, 126, 0), "004": (177, 0, 23, 0),
                  "005": (191, 0, 7, 0), "011": (190, 0, 8, 0)},
    # before: huaian (77, 4, 119, 0), 004 (38, 1, 161, 0), 011 (187, 7, 0, 4)
    "fullwidth": {"huaian-2024": (67, 0, 133, 0), "004": (32, 0, 168, 0),
                  "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # before: huaian (33, 13, 154, 0); 005 (198, 0, 0, 0): its total's unit wrapped alone
    # on the line below (`23` over `件`) is null now, as a cell's second line would be
    # 004: (二)部分公开's `1件 0件 0件 0件   0件` over `0 1` crossing it, placed by position
    # and proven by no other row's cell: null (before 151, 0, 49, 0; h-hunt16)
    "units": {"huaian-2024": (24, 0, 176, 0), "004": (144, 0, 56, 0), "005": (191, 0, 7, 0),
              "011": (198, 0, 0, 0)},
    "th-thead": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0), "005": (198, 0, 0, 0),
                 "011": (198, 0, 0, 0)},
    "extra-rows": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                   "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # before: huaian (185, 0, 15, 0): a page break between 行政复议's row and 行政诉讼's,
    # the footer's long URL read as prose that ends 四 (read/text_pages.py: furniture)
    "t4-group-rows": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                      "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # Columns in another order, the header saying so (011's 三 and 四 rows have blanks
    # pdftotext drops: unscored). 三 placed by the order its header's pieces prove line by
    # line (recognise/piece_order.py); before h-layperm null, flagged columns_out_of_order
    # (huaian and 004 (25, 0, 175, 0), 005 (37, 0, 161, 0)), and before h-rawperm huaian
    # (170, 30, 0, 0), 004 (192, 8, 0, 0), 005 (198, 0, 0, 0)
    "t3-orgs-reversed": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                         "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # before h-rawperm: huaian (134, 66, 0, 0), 004 (175, 25, 0, 0), 005 (184, 14, 0, 0)
    "t3-natural-last": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                        "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # before h-layperm: 三 null, as t3-orgs-reversed's above (huaian and 004 (25, 0, 175, 0),
    # 005 (37, 0, 161, 0)): `总计 人 商业 科研 社会公 法律服 其` under `自然 法人或其他组织`
    "t3-total-first": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                       "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # `商业 科研 社会 法律 其 小 总计`: a 小计's piece among the organisations, dropped
    # (column_map.place_with_subtotal); before h-layperm as total-first's
    "t3-subtotal-column": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                           "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # 科研机构 named by no piece, none of its characters left in the header: placed without
    # it (column_map.place_without), its 25 cells null. 005: `人 企业 组织 机构 他 计 其`
    # names 其他 twice on a line (its 其 printed last), read with `他` (`其` last puts 其他
    # after 总计), `组织 机构 计` the rests of the labels named: before h-laylacks
    # (37, 0, 161, 0), no order
    "t3-lacks-column": {"huaian-2024": (175, 0, 25, 0), "004": (175, 0, 25, 0),
                        "005": (175, 0, 23, 0), "011": (198, 0, 0, 0)},
    # 四 placed by its header's stacks, read whole and alike under each of its three groups
    # (h-pdflay4: column_order._stacked_rows); null before, flagged columns_out_of_order
    # (huaian, 004 (185, 0, 15, 0), 005 (183, 0, 15, 0)); before that huaian (194, 6, 0, 0),
    # 004 (196, 4, 0, 0): the template's order
    "t4-swap-first-two": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                          "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # 规章's block placed by its stacks (h-pdflay4): before huaian (190, 0, 10, 0), 004
    # (193, 0, 7, 0), null; before that huaian (196, 4, 0, 0), 004 (198, 2, 0, 0)
    "t2-columns-swapped": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                           "005": (195, 0, 3, 0), "011": (176, 0, 22, 0)},
    # as t4-swap-first-two (h-pdflay4): before huaian, 004 (185, 0, 15, 0), 005 (183, 0,
    # 15, 0), null
    "t4-total-first": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                       "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # A note row under 三 printed flush with 四、结转下年度继续办理's label: before, joined to
    # it as its wrapped part, the row null (huaian, 004 (193, 0, 7, 0), 005 (191, 0, 7, 0))
    "note-row": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0), "005": (198, 0, 0, 0),
                 "011": (198, 0, 0, 0)},
    # before: 004 (171, 1, 28, 0), 005 (134, 1, 63, 0): 四's `10` for 1 and 0
    # huaian: 四's 16 numbers on one line, its header's empty cell printing nothing, the
    # 1 dropped where only the reading without it proves 四 (grid._t4_reading, h-lynx3;
    # before (157, 0, 43, 0)). A tall row's number printed on a line of its own between
    # the row's lines put on its row (text_columns.number_between; h-pdflay5): before
    # huaian (172, 0, 28, 0), 004 (157, 0, 43, 0), 005 (120, 0, 78, 0); 005 still misses
    # 三's row 13 (its number on 三、本年度's line), 四、结转下年度继续办理 and 四's 8
    "unnamed-leading-column": {"huaian-2024": (200, 0, 0, 0), "004": (185, 0, 15, 0),
                               "005": (176, 0, 22, 0), "011": (198, 0, 0, 0)},
    # a numbered 同比 column after every table's last, its header wrapped a character a
    # line down the header band's right edge (`同` / `比`): dropped where the rows prove it
    # (recognise/trailing_column.py, column_order._trailing_stacks; h-pdflayout). huaian
    # and 004: 三's `同` / `比` ends the page before its values, its header cut by the
    # page break: read at the right edge of the header's piece on that page (h-layout7;
    # before (25, 0, 175, 0) each, 三 null); both still miss （四）1.本机关不掌握相关政府
    # 信息 (its label wrapped round its values), huaian 3.补正后申请内容仍不明确 too (cut
    # by the next page break). before: huaian, 004 (10, 0, 190, 0), 005 (22, 0, 176, 0)
    "unmerged-trailing-numbers": {"huaian-2024": (186, 0, 14, 0), "004": (193, 0, 7, 0),
                                  "005": (191, 0, 7, 0), "011": (198, 0, 0, 0)},
}
RAW: dict[str, dict[str, tuple[int, int, int, int]]] = {  # pdftotext -raw
    # before: 011 (184, 10, 0, 4). huaian (98, 0, 102, 0) before h-rorder3: its text is
    # read as reading order (三's numbers cut over lines), and its 12 rows of 三 whole on
    # their label's line were placed in the template's column order, which its header
    # (`自然` / `人` / `法人或其他组织` / `总计` / `商业` …, one piece a line) does not show
    # on a line: null now but for their 总计, the same in any order
    # (recognise/reading_order.py)
    # h-readt2: huaian's -raw is read as reading order, its 二 tied to its cells by order
    # (recognise/reading_t2.py): 26 -> 30
    "fullwidth": {"huaian-2024": (30, 0, 170, 0), "004": (172, 0, 28, 0),
                  "005": (184, 0, 14, 0), "011": (198, 0, 0, 0)},
    # a soft hyphen after every character of every label: each piece a line of its own,
    # joined back at the soft hyphens (read/text_aligned._soft_hyphens_joined;
    # h-pdflayout). before: huaian, 004 (60, 0, 140, 0), 005 (79, 0, 119, 0)
    "soft-hyphens": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                     "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # 三's organisations reversed, its header printed row by row: placed by its rows
    # (column_order._rows_run_together; h-pdflayout). before: huaian, 004 (25, 0, 175,
    # 0), 005 (37, 0, 161, 0), null flagged columns_out_of_order
    "t3-orgs-reversed": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                         "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
}
# 三 null (flagged columns_out_of_order) on every report but 011, whose 三 rows have
# blanks pdftotext drops (unscored).
_T3_NULL = {"huaian-2024": (25, 0, 175, 0), "004": (25, 0, 175, 0), "005": (37, 0, 161, 0),
            "011": (198, 0, 0, 0)}
# Other converters and print settings (setting, converter, variant), 三's addends permuted:
# `-raw` prints the header row by row in content order (`法人或其他组织 自然` / `人 总计` /
# `商业` …, before: 240 wrong over the ten reports at each setting); `-layout` of prints
# on A4 at 0.8 and A4 landscape cuts labels the stacks do not read whole (`商业 科研 社会公
# 法律服 其 自然 人 总计`, before: natural-last 182 and 50, orgs-reversed 12 and 28 wrong).
_WHOLE = {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0), "005": (198, 0, 0, 0),
          "011": (198, 0, 0, 0)}
OTHER: dict[tuple[str, str, str], dict[str, tuple[int, int, int, int]]] = {
    # `-raw`'s header row by row, each row's labels in its cells' order: 三 placed by them
    # (recognise/column_order._rows_run_together; h-pdflayout), flagged columns_reordered;
    # before, _T3_NULL
    ("default", "raw", "t3-natural-last"): _WHOLE,
    ("a4-080", "raw", "t3-natural-last"): _WHOLE,
    ("landscape", "raw", "t3-natural-last"): _WHOLE,
    # huaian: `商业 科研 社会公 法律服 其 自然 人 总计` names 自然人 twice on a line, either
    # piece kept orders it last (h-laylacks; before _T3_NULL's (25, 0, 175, 0))
    # h-lines: a row printing no number (its label alone) no longer keeps the header's
    # stacks from placing the rows that print numbers (column_map.py): 004 stays null
    ("a4-080", "layout", "t3-natural-last"): {**_T3_NULL, "huaian-2024": (200, 0, 0, 0),
                                              "005": (184, 0, 14, 0)},
    # placed by its pieces (h-layperm) but 005's (null, as before)
    ("a4-080", "layout", "t3-orgs-reversed"): {
        "huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0), "005": (37, 0, 161, 0),
        "011": (198, 0, 0, 0)},
    # (h-lines, as above; two rows of 三 in each stay null)
    ("landscape", "layout", "t3-natural-last"): {
        "huaian-2024": (186, 0, 14, 0), "004": (186, 0, 14, 0), "005": (184, 0, 14, 0),
        "011": (198, 0, 0, 0)},
    ("landscape", "layout", "t3-orgs-reversed"): {**_T3_NULL, "004": (186, 0, 14, 0),
                                                  "005": (184, 0, 14, 0)},
    # 四's first two swapped, A4 at 0.8 (`结果纠 结果维 其他结 尚未审 总 未经复议直接起诉`):
    # 四 null. before: huaian (194, 6, 0, 0), 004 (196, 4, 0, 0); 20 wrong over the ten.
    # 005: its stacks read whole under each group, 四 placed (h-pdflay4; was (169, 0, 29, 0))
    ("a4-080", "layout", "t4-swap-first-two"): {
        "huaian-2024": (185, 0, 15, 0), "004": (185, 0, 15, 0), "005": (184, 0, 14, 0),
        "011": (198, 0, 0, 0)},
    # pdftotext in reading order (no -layout): 四's 15 counts are placed by count and
    # identities, which say nothing of the order of its columns or groups. 四's first two
    # swapped on A4 at 0.8 (`结果纠 结果维 其他结 尚未审 总 未经复议直接起诉`: five pieces
    # naming the five columns one each, left to right): 四 null, flagged
    # columns_out_of_order (005's zeros too). before: huaian (9, 6, 185, 0), 004 (14, 4,
    # 182, 0): 20 wrong over the ten reports. 三 read whole since h-readleft (its right
    # block and left block, recognise/reading_left.py): before (0, 0, 200, 0), (3, 0, 197, 0)
    # h-readt2: 二 by its order (recognise/reading_t2.py): 175 -> 182, 178 -> 185, 26 ->
    # 29, 176 -> 190
    ("a4-080", "reading", "t4-swap-first-two"): {
        "huaian-2024": (182, 0, 18, 0), "004": (185, 0, 15, 0), "005": (29, 0, 169, 0),
        "011": (192, 0, 6, 0)},
    # h-reading17: 政府集中采购's count and amount by their kind (reading_t2._by_kind):
    # 011 190 -> 192
    # The page's own order, its header showing neither its groups' order (their labels on
    # lines of their own) nor its columns' (`维持 纠正 结果 审结`, 总计 elsewhere): 四 null,
    # flagged column_order_unread, but where its counts are all 0 (005: any order reads
    # the same). before: huaian (15, 0, 185, 0), 004 (18, 0, 182, 0)
    # h-reading7: 三 whole by its counts' order, the note's pieces leading two header
    # lines dropped (reading_left.header_words): huaian 0 -> 175, 004 3 -> 178
    ("default", "reading", "word-html"): {
        "huaian-2024": (175, 0, 25, 0), "004": (178, 0, 22, 0), "005": (34, 0, 164, 0),
        "011": (176, 0, 22, 0)},
    # Full-width digits a narrow column wraps on A4 at 0.8, under a line that is no row of
    # its own: `形）  ７  ４` (the row's label wrapped, `４４` over `７` for 447) and `8.`
    # over `５  ５` (its item number on a line of its own, `１０` over `５` for 105). The
    # two rows null, flagged ambiguous_digits (read/text_columns._continues). before:
    # huaian and 001 (139, 4, 57, 0): `44` for 447, `10` for 105 and their totals.
    # h-pdflay6: rows whose cells print over lines joined by their columns where an
    # identity proves them (text_columns._cells_by_column): before (129, 0, 71, 0);
    # h-hunt12: not by their own row's sum alone, (150, 0, 50, 0) -> (129, 0, 71, 0)
    ("a4-080", "layout", "fullwidth"): {
        "huaian-2024": (129, 0, 71, 0), "001": (129, 0, 71, 0), "004": (200, 0, 0, 0),
        "005": (198, 0, 0, 0)},
    # pdftotext in reading order of the seed's page with units on A4 at 0.8: one form
    # feed, hardly an empty line; 二's blocks print their values before their rows' labels
    # (`71` / `0` / `40` / `行政强制`), which one cell a line gave to the label before them
    # (行政处罚). Values between a block's caption and its first row's label: reading
    # order (read/text_order._t2_values_first). before: seed (4, 2, 192, 0)
    # h-readt2: 二's rows of equal values tied by order (reading_t2.py): 0 -> 6, 19 -> 22
    # h-reading13b: a count with its unit (`0件`) a count (text_order.bare_counts): 6 -> 28,
    # 22 -> 44, 0 wrong
    # h-reading17: 政府集中采购's count and amount by their kind: seed 28 -> 30
    ("a4-080", "reading", "units"): {"seed": (30, 0, 168, 0), "005": (44, 0, 154, 0)},
    # Chromium's print in reading order: 三's right block (the last 5 or 3 columns of rows
    # 2-25) one value a line, a row after another, placed where only one placement makes
    # the column identities hold and a header line ends with 总计, its last words naming
    # the block's columns in order: those columns read (recognise/reading_totals.py).
    # before: huaian and 001 (0, 0, 200, 0), 004 (3, 0, 197, 0); 总计 only (24 / 27 right);
    # the right block (120, 120, 75). Then the left block (recognise/reading_left.py): its
    # counts, in order, the first row's 7 and m a row, placed where the count, every row's
    # sum with its 总计, the column identities and the header's left-to-right facts hold:
    # all of 三. 005 (2019 format, no right block): a row's first count printed after its
    # others (`0 0 0 0 0 5` / `…仍不明确 5`): every row sums, the columns' identities do
    # not as printed; with the counts beside a label first in their row they do (before
    # (48, 0, 150, 0))
    # The seed (2019, no right block): its 161 counts in order, agreeing with the two
    # rows read on their labels' lines (before (29, 0, 169, 0): not mixed with them)
    # h-readmore: 四's counts after its header (三's right block prints after 四's title)
    # and its 行政复议 group placed (`… 总 未经复议直接起诉`): huaian / 001 175 -> 180
    # h-readt2: 二 where counts exact in every row tie each value to its row
    # (recognise/reading_t2.py): huaian / 001 180 -> 187, 004 178 -> 185, 005 195 -> 198,
    # seed 176 -> 182
    # h-reading17: 四's lawsuits' order read from the label beside 行政复议's columns
    # (reading_order._lawsuit_beside_review), huaian / 001 187 -> 197; 行政复议's counts
    # printed before the lawsuits' column labels (text_order._review_before_lawsuit_columns)
    # and the footer's URL mid-page furniture (text_pages), 004 185 -> 200; 政府集中采购
    # by its values' kind, seed 182 -> 184
    ("default", "reading", "html-plain"): {
        "huaian-2024": (197, 0, 3, 0), "001": (197, 0, 3, 0), "004": (200, 0, 0, 0),
        "005": (198, 0, 0, 0), "seed": (184, 0, 14, 0)},
    # `机构` (科研机构 or 法律服务机构) the one between its neighbours' columns on
    # `人 企业 机构 公益 务机构 他`: 自然人 before 商业企业. before (125, 0, 75, 0)
    # h-readmore; h-readt2 (二: 180 -> 184)
    # (h-reading17: 四's lawsuits, 184 -> 194)
    ("default", "reading", "hidden-text"): {"huaian-2024": (194, 0, 6, 0)},
    # no right block: every row's 7 counts in order up to 四's title (the header repeated
    # on the next page, thead; the 2019 format's 005 and seed). before huaian (7, 0, 193,
    # 0), 005 (48, 0, 150, 0), seed (29, 0, 169, 0)
    # (004: before (10, 0, 190, 0), agreeing with rows read on their lines as the seed's)
    # (h-readmore: 四's 行政复议 group, 175 -> 180, 178 -> 183)
    # (h-readt2: 二, 180 -> 187, 183 -> 190)
    # (h-reading17: 四's lawsuits, 187 -> 197, 190 -> 200)
    ("default", "reading", "th-thead"): {"huaian-2024": (197, 0, 3, 0),
                                         "004": (200, 0, 0, 0)},
    # the first row's label with soft hyphens or a colon (`…申请数量：`): found as the
    # recogniser's labels are (invisible characters out, trailing punctuation dropped).
    # before 005 (34, 0, 164, 0), seed (15, 0, 183, 0)
    # (h-readt2: 二, 195 -> 198, 176 -> 182)
    # (h-reading17: 政府集中采购 by its values' kind, 182 -> 184)
    ("default", "reading", "soft-hyphens"): {"005": (198, 0, 0, 0), "seed": (184, 0, 14, 0)},
    ("default", "reading", "label-colons"): {"005": (198, 0, 0, 0), "seed": (184, 0, 14, 0)},
    # the first row's label cut over lines (`一、本年新收政府信息公 …`): the header ends
    # above the first line with a count; the right block's columns then named. before
    # (3, 0, 197, 0). h-reading8: the row numbers among 三's counts taken out
    # (reading_left.without_row_numbers): its left block read, 123 -> 178
    ("default", "reading", "unnamed-leading-column"): {"004": (178, 0, 22, 0)},
    ("default", "reading", "punctuation"): {"005": (198, 0, 0, 0),  # h-readt2: 二
                                            "seed": (184, 0, 14, 0)},  # h-reading17
}
BY_NAME = {v.name: v for v in html_variants()}
# Chromium prints the time of printing in each page's header (`12/3/26, 7:38 AM`), and
# pdftotext lays out each page's text on one grid of characters: an hour of two digits
# shifts the page by a character, and a wrapped label's item number (`1.` under
# `申请人无正当理由逾期不补正、`) lands on its line's end instead of a line of its own,
# where the row is left null. Both readings, 0 wrong: (variant, report) -> the other one.
CLOCK: dict[tuple[str, str], tuple[int, int, int, int]] = {
    ("units", "huaian-2024"): (17, 0, 183, 0),  # printed between 10:00 and 12:59
}


@pytest.mark.parametrize(("converter", "name"),
                         [("layout", n) for n in EXPECTED] + [("raw", n) for n in RAW])
def test_variant_print_as_pdftotext_reads_back(converter: str, name: str) -> None:
    want = (EXPECTED if converter == "layout" else RAW)[name]
    got = {}
    for stem in want:
        s, _, _ = read("default", converter, BY_NAME[name], REPORTS[stem])
        got[stem] = (s.right, s.wrong, s.missed, s.invented)
        if got[stem] == CLOCK.get((name, stem)):
            got[stem] = want[stem]
    assert got == want


@pytest.mark.parametrize(("setting", "converter", "name"), list(OTHER))
def test_permuted_header_print_as_pdftotext_reads_back(setting: str, converter: str,
                                                      name: str) -> None:
    want = OTHER[(setting, converter, name)]
    got = {}
    for stem in want:
        s, _, _ = read(setting, converter, BY_NAME[name], REPORTS[stem])
        got[stem] = (s.right, s.wrong, s.missed, s.invented)
    assert got == want


# The pages with other numbers (variants.py `revalued*`, and `<variant>+revalued`: a
# prefecture's hundreds, a ministry's thousands), whose wider numbers move the page
# breaks and narrow the label columns (issue 13). Before (9dd896f): a page break between
# 四's header and values, its footer's URL read as prose ending 四 (huaian, 15 missed;
# read/text_pages.py); a split row's second line opening with a group label's piece
# (`三、本年 法提供  0 5 2 77`, 001 large; text_columns._group_pieces); `2.` printed after
# its label's first line (`没有   2.`, Word's page; text_columns.items_in_front); a label
# going on over a page break (005 Word; `_tail_column`, recognise/layout._row_joined).
# And wrong cells: a row printed short (blanks dropped) with its label's end and a value
# on the line below (`4.无正当理由大量反复申 1 1` / `请 2`: 总计 1 for 2), or its units
# and last cell wrapped below (`… 1` / `件` / `2`): now null, flagged.
REVALUED: dict[tuple[str, str], dict[str, tuple[int, int, int, int]]] = {
    ("layout", "revalued"): {"huaian-2024": (200, 0, 0, 0),  # before (185, 0, 15, 0)
                             "005": (198, 0, 0, 0)},  # before (191, 0, 7, 0)
    ("layout", "revalued-large"): {"001": (200, 0, 0, 0)},  # before (193, 0, 7, 0)
    ("layout", "revalued-word"): {"huaian-2024": (200, 0, 0, 0),  # before (193, 0, 7, 0)
                                  "005": (198, 0, 0, 0)},  # before (184, 0, 14, 0)
    ("raw", "revalued"): {"huaian-2024": (200, 0, 0, 0)},  # before (185, 0, 15, 0)
    ("raw", "revalued-word"): {"huaian-2024": (200, 0, 0, 0),  # before (193, 0, 7, 0)
                               "005": (198, 0, 0, 0)},  # before (191, 0, 7, 0)
    ("layout", "th-labels+revalued"): {"011": (198, 0, 0, 0)},  # before (197, 1, 0, 0)
    ("layout", "number-br+revalued"): {"011": (176, 0, 22, 0)},  # before (175, 1, 22, 0)
    ("raw", "units+revalued"): {"huaian-2024": (25, 0, 175, 0)},  # before (25, 1, 174, 0)
    # h-revpdf2: row 4's centred values laid under row 5's first label line, row 5's
    # beside its label's end: both null (before: row 4's published as row 5's)
    ("layout", "label-colons+revalued"): {"005": (177, 0, 21, 0),  # before (182, 2, 14, 0)
                                          "seed": (177, 0, 21, 0)},  # before (182, 2, 14, 0)
    # 四's first group out of order in the header's stacks, a later group's lost
    ("layout", "t4-swap-first-two+revalued"): {"005": (183, 0, 15, 0)},  # before (194, 4, 0, 0)
    # a row split at its label's wrap, joined where its identities hold
    ("layout", "word-unit-row+revalued"): {"001": (193, 0, 7, 0),  # before (179, 0, 21, 0)
                                           "huaian-2024": (193, 0, 7, 0)},
    # 三's right block in reading order (recognise/reading_totals.py), with
    # other numbers (wider, so huaian's block holds 3 columns): before (0, 0, 200, 0) and
    # (3, 0, 197, 0); 总计 only (24 and 27 right); the right block (72, 75); then the left
    # block too (recognise/reading_left.py)
    # (h-readt2: 二 by its order, 175 -> 182, 178 -> 182)
    # (h-reading17: 四's lawsuits by the label beside 行政复议's columns; 004's 四 past
    # the footer's URL, 行政复议's counts before the lawsuits' labels: 182 -> 197 each)
    ("reading", "html-plain+revalued"): {"huaian-2024": (197, 0, 3, 0),
                                         "004": (197, 0, 3, 0)},
    # 三 placed by its header's pieces (h-layperm), numbers that no order but the right
    # one sums: before (25, 0, 175, 0), (37, 0, 161, 0) on 005
    ("layout", "t3-total-first+revalued"): {"huaian-2024": (200, 0, 0, 0),
                                            "005": (198, 0, 0, 0)},
    ("layout", "t3-orgs-reversed+revalued"): {"004": (200, 0, 0, 0)},
    ("layout", "t3-natural-last+revalued"): {"004": (200, 0, 0, 0)},
    ("layout", "t3-subtotal-column+revalued"): {"huaian-2024": (200, 0, 0, 0)},
    ("layout", "t3-lacks-column+revalued"): {"huaian-2024": (175, 0, 25, 0),
                                             "005": (175, 0, 23, 0),  # before (37, 0, 161, 0)
                                             "seed": (175, 0, 23, 0)},  # before (37, 0, 161, 0)
    # 总计 printed first: no header line ends with 总计, nothing read (without that check,
    # 6 wrong 总计 on 004: the block's last column is 其他, its identities hold as well)
    # (h-readt2: 二's 7 cells tied by order, 三 still nothing). h-reading11: the header's
    # order proven (`总计 人 商业 …` on a line; 004's upper row and organisations a line
    # each), 三 read with 总计 first, each row's first value the sum of its six, the run
    # (其他 last) kept only with those sums: 7 -> 182 each, 0 wrong
    # (h-reading17: 四 as html-plain+revalued's, 182 -> 197 each)
    ("reading", "t3-total-first+revalued"): {"huaian-2024": (197, 0, 3, 0),
                                             "004": (197, 0, 3, 0)},
}


@pytest.mark.parametrize(("converter", "name"), list(REVALUED))
def test_revalued_print_as_pdftotext_reads_back(converter: str, name: str) -> None:
    want = REVALUED[(converter, name)]
    got = {}
    for stem in want:
        s, _, _ = read("default", converter, html_variant(name), REPORTS[stem])
        got[stem] = (s.right, s.wrong, s.missed, s.invented)
    assert got == want
