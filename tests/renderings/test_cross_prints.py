"""CMS pages (variants.py) printed to PDF by Chromium (prints.py), read back (issue 13).

The hidden evaluation reads browser-printed PDFs of real CMS pages: the cross of the
structural variants and the browser's print. `bench/bench_cross_prints.py` sweeps every
HTML variant of every labelled report (`cross_prints.py`); this pins a representative
subset with exact counts: (right, wrong, missed, invented) of the cells each variant must
read as.

- `div-table`: `display:table` `<div>`s with no padding and no spans: Chromium prints
  two columns' numbers edge to edge (`61` `4` as `614`), a label and its value too
  (`…数量 3001`). They are parted where the table's other lines start a cell
  (`pdf_columns`): 137 → 180 of 200 right. With no padding, the caption of table 二's
  next block prints a line under a block's last label, as a wrapped label's rest does,
  and was read as part of it (the recogniser now drops a trailing caption): 185. Such a
  number is not placed under a column (before: 2 wrong in huaian's and 001's
  四.（四）/（七）rows). On A4 landscape a label touches its row's first value (`…不再 6`):
  a label line ending in a number places no blanks (before: 2 wrong each, the 6 under
  其他).
- `unmerged-fill`: merges split into copies of their text; table 二's single-value rows
  print the value three times under a header printing the label as often: read once
  (`recognise/merged_copies.py`; null before h-printrest). 平潭 2020's table 四 has its
  header end a page and its values open the next, Chromium's footer and header lines
  between: read as one table (`TextCell.furniture`; 15 cells null before).
- `linked-cells`: every value cell a link. Chromium underlines a link with a thin
  rectangle along its glyphs; the open ends of two numbers' underlines at one x were
  closed into a column ruling (`pdf_edges`) that cut a number below in two
  (`398575` | `8`). Rules along one run's glyphs are decorations, not rulings
  (`read/pdf_decorations.py`): 185 and 185 → 200 (1,888 → 1,988 over the ten reports).
- `unmerged-trailing-numbers`: a 同比 column after each table's last, merges split into
  empty cells. Every row printed one value more than its columns and was refused
  (`value_count_mismatch`; 309 of 1,988 over the ten reports); the header's last word
  names no statutory column and every row is read cell by cell, so the column is
  dropped and the rows placed without it, 三's and 四's 总计 proven by their sums, which
  the 同比 number shifted in would break (`recognise/trailing_column.py`): 1,988.
- the others read whole, on Letter (the command line's print) and on A4 at scale 0.8;
  so do title, unit and note rows, table 三's group rows and an empty trailing column.
"""

from __future__ import annotations

import pytest
from cross_prints import read
from make import CORPUS_TRUTH, FIXTURE_TRUTH
from variants import html_variants

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

REPORTS = {"huaian-2024": FIXTURE_TRUTH / "huaian-2024.json", "001": CORPUS_TRUTH / "001.json",
           "pingtan-2020": FIXTURE_TRUTH / "pingtan-2020-run-together.json",
           "011": CORPUS_TRUTH / "011.json",
           "pingtan-2022": FIXTURE_TRUTH / "pingtan-2022-run-together.json"}
EXPECTED = {
    ("default", "th-thead"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    ("default", "nested-layout"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    ("default", "split-tables"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    ("default", "cms-mixed"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    # numbers and labels run together parted by the columns (137 before; 143 before
    # 650389d, which left rows whose label line ends in their first value unplaced);
    # table 二's last row of a block took the next block's caption printed under its label
    # as its label's rest (180 before h-divtable; pingtan-2020 187); 011's rows with
    # blanks print few cells, their `21859` parted by lines sharing one start (148)
    ("default", "div-table"): {"huaian-2024": (185, 0, 15, 0), "001": (185, 0, 15, 0),
                               "pingtan-2020": (198, 0, 0, 0), "011": (161, 0, 37, 0)},
    # landscape: the label took the 6 of t3.other_unpaid_fee; 2 wrong each before 650389d;
    # 144 before the columns parted the runs; 180 before the captions (h-divtable)
    ("landscape", "div-table"): {"huaian-2024": (185, 0, 15, 0), "001": (185, 0, 15, 0)},
    # pingtan-2020: table 四 across a page's footer and the next page's header (179 before);
    # 二's merged value printed once per column it spans under its label's copies: read
    # once (merged_copies.py; 4 cells each null before h-printrest)
    ("default", "unmerged-fill"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0),
                                   "pingtan-2020": (198, 0, 0, 0)},
    # landscape: 二's last row cut by the page break, its third copy printed as a line on
    # the next page: that row stays null
    ("landscape", "unmerged-fill"): {"huaian-2024": (199, 0, 1, 0)},
    # merges split into empty cells beside 011's blank cells: a row wider than its
    # columns placed by its header's positions (179 before h-printrest, 6 rows null)
    ("default", "unmerged-empty"): {"011": (198, 0, 0, 0)},
    # link underlines closed into a column ruling cut numbers (185 each before)
    ("default", "linked-cells"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    ("a4-080", "cms-mixed"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    # title, unit and note rows spanning each table; table 三's group labels as rows; an
    # empty trailing column (issue 13): read whole as printed
    ("default", "title-unit-note"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    ("default", "t3-group-rows"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    ("default", "trailing-blank-col"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    # a 小计 column the statute lacks in 三, the organisations' sum: dropped, 三 placed by
    # its header (25 each before h-colmap2: 三 null)
    ("default", "t3-subtotal-column"): {"huaian-2024": (200, 0, 0, 0), "001": (200, 0, 0, 0)},
    # 三 without 科研机构: only its 25 cells null; the print's empty filler row at the
    # foot of page 1 was joined to 三's first row as its 总计 (25 each before h-colmap2:
    # 三 null); 四 without 其他结果: where a group's 其他结果 held a number its printed
    # 总计 still counts it, at least the others' sum and above it in one group: 四
    # placed by its header, 其他结果 null (before h-t4lacks 淮安 185 / 0 / 15 / 0)
    ("default", "t3-lacks-column"): {"huaian-2024": (175, 0, 25, 0), "001": (175, 0, 25, 0),
                                     "pingtan-2020": (175, 0, 23, 0)},
    ("default", "t4-lacks-column"): {"huaian-2024": (197, 0, 3, 0),
                                     "pingtan-2020": (195, 0, 3, 0)},
    # 二's blocks of three without their middle column: placed by their header, the
    # absent cells null (huaian 2; pingtan-2020 6); pingtan-2020's 第二十条第（一）项
    # header wraps into pieces, so its absent 本年新公开数量 is not proven and that block
    # stays null (4 more). Before h-t2lacks the lacking blocks were null whole.
    ("default", "t2-lacks-column"): {"huaian-2024": (198, 0, 2, 0),
                                     "pingtan-2020": (188, 0, 10, 0)},
    # a 同比 column after each table's last, merges split into empty cells: dropped by
    # its header, 总计 proven by the row sums, never the 同比 number (trailing_column.py;
    # before h-printmiss every row refused: 0 of 200 on 淮安 and 001, 011 135 of 198)
    ("default", "unmerged-trailing-numbers"): {"huaian-2024": (200, 0, 0, 0),
                                               "001": (200, 0, 0, 0),
                                               "011": (198, 0, 0, 0)},
    # 四 in bands: 行政复议's header ends a page with the empty top of the row the break
    # cut, its values open the next: the empty cell passed over (185 before h-printmiss,
    # 四 null)
    ("default", "t4-bands"): {"huaian-2024": (200, 0, 0, 0), "pingtan-2022": (200, 0, 0, 0)},
    # an unnamed numbering column before every table, its 四 number 1: 四's header ends a
    # page and its values open the next, the page's footer and header (a long file URL,
    # read as prose) between them; passed over as furniture (before h-printcov 四 null,
    # 185). 011's 四 has blanks in every group, no reading proven by the identities:
    # placed by the grid columns its header names (drawn_columns.py; 192 before)
    ("default", "unnamed-leading-column"): {"huaian-2024": (200, 0, 0, 0),
                                            "pingtan-2022": (200, 0, 0, 0),
                                            "011": (198, 0, 0, 0)},
    # every row's trailing empty cell left out: the browser draws each row short; 011's
    # rows with blanks placed by the grid columns of their drawn cells (181 before
    # h-printcov, 17 cells ambiguous_columns)
    ("default", "broken-short-rows"): {"011": (198, 0, 0, 0)},
    ("landscape", "unmerged-trailing-numbers"): {"huaian-2024": (200, 0, 0, 0),
                                                 "011": (198, 0, 0, 0)},
}
BY_NAME = {v.name: v for v in html_variants()}


@pytest.mark.parametrize(("setting", "name"), list(EXPECTED),
                         ids=[f"{setting}-{name}" for setting, name in EXPECTED])
def test_variant_printed_reads_back(setting: str, name: str) -> None:
    got = {}
    for stem in EXPECTED[(setting, name)]:
        s, _, _ = read(setting, BY_NAME[name], REPORTS[stem])
        got[stem] = (s.right, s.wrong, s.missed, s.invented)
    assert got == EXPECTED[(setting, name)]
