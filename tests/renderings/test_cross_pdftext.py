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
- `pdftotext -raw` of `fullwidth` (content-stream order, no positions): `８２` / `１ ３５ ２
  １ ８５` / `９` for 821 … 859 joined by their count read 82, 1, 35, 2, 1, 85, 9 (011:
  10 wrong, 4 invented). A row's values joined from several printed lines whose own
  identities fail are now null, flagged (`recognise/grid._joined_unproven`).
"""

from __future__ import annotations

import pytest
from cross_pdftext import read
from make import CORPUS_TRUTH, FIXTURE_TRUTH
from variants import html_variants

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

REPORTS = {"huaian-2024": FIXTURE_TRUTH / "huaian-2024.json", "004": CORPUS_TRUTH / "004.json",
           "005": CORPUS_TRUTH / "005.json", "011": CORPUS_TRUTH / "011.json"}
EXPECTED: dict[str, dict[str, tuple[int, int, int, int]]] = {  # pdftotext -layout
    # before: huaian (77, 4, 119, 0), 004 (167, 3, 30, 0)
    "number-br": {"huaian-2024": (74, 0, 126, 0), "004": (163, 0, 37, 0),
                  "005": (184, 0, 14, 0), "011": (190, 0, 8, 0)},
    # before: huaian (77, 4, 119, 0), 004 (38, 1, 161, 0), 011 (187, 7, 0, 4)
    "fullwidth": {"huaian-2024": (67, 0, 133, 0), "004": (32, 0, 168, 0),
                  "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    # before: huaian (33, 13, 154, 0); 005 (198, 0, 0, 0): its total's unit wrapped alone
    # on the line below (`23` over `件`) is null now, as a cell's second line would be
    "units": {"huaian-2024": (24, 0, 176, 0), "004": (151, 0, 49, 0), "005": (191, 0, 7, 0),
              "011": (198, 0, 0, 0)},
    "th-thead": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0), "005": (198, 0, 0, 0),
                 "011": (198, 0, 0, 0)},
    "extra-rows": {"huaian-2024": (200, 0, 0, 0), "004": (200, 0, 0, 0),
                   "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
    "t4-group-rows": {"huaian-2024": (185, 0, 15, 0), "004": (200, 0, 0, 0),
                      "005": (198, 0, 0, 0), "011": (198, 0, 0, 0)},
}
RAW: dict[str, dict[str, tuple[int, int, int, int]]] = {  # pdftotext -raw
    # before: 011 (184, 10, 0, 4)
    "fullwidth": {"huaian-2024": (98, 0, 102, 0), "004": (172, 0, 28, 0),
                  "005": (184, 0, 14, 0), "011": (198, 0, 0, 0)},
}
BY_NAME = {v.name: v for v in html_variants()}


@pytest.mark.parametrize(("converter", "name"),
                         [("layout", n) for n in EXPECTED] + [("raw", n) for n in RAW])
def test_variant_print_as_pdftotext_reads_back(converter: str, name: str) -> None:
    want = (EXPECTED if converter == "layout" else RAW)[name]
    got = {}
    for stem in want:
        s, _, _ = read("default", converter, BY_NAME[name], REPORTS[stem])
        got[stem] = (s.right, s.wrong, s.missed, s.invented)
    assert got == want
