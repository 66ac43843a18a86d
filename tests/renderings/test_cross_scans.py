"""CMS pages (variants.py) printed by Chromium, then scanned, read back by OCR (issues 11, 13).

The hidden evaluation scans renderings of real reports: among them printed web pages.
`bench/bench_cross_scans.py` sweeps structural variants × labelled reports × scans
(`cross_scans.py`); this pins a representative subset with exact counts: (right, wrong,
missed, invented) of the cells each variant must read as, on a 150-dpi grey JPEG scan.

- `th-thead`: a `<table border="1">` page prints with a browser's separated borders, each
  cell framed apart from the next by the cell spacing. The frame of a narrow column's
  cell (自然人) and of a one-line row's cell is shorter than the line kernels: before,
  those rules were lost, cells of a column merged ("0" over "7" read "07"), and table 三
  read 51-155 of 198-200 with 1-3 wrong numbers a report.
- `fullwidth`: full-width digits (ocr._folded, glyph_match); `thousands`: separators;
  `blank-dash`: blanks printed "-"; `seq-column`: a 序号 column of numbers before the labels;
  `div-table`: CSS tables, no ruling lines, no spans, no padding (rows read as printed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cross_scans import scan_kind, scanned
from make import CORPUS_TRUTH
from variants import score

from pipelines.parse import parse_bytes

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

# (scan, variant, report) -> (right, wrong, missed, invented), measured (bench/RESULTS.md)
EXPECTED = {
    # 80/198, 3 wrong before (t3's 自然人 cells merged down their column)
    ("grey150_jpeg", "th-thead", "006"): (198, 0, 0, 0),
    # full-width digits: "７" read "７" 0.78 or "7" 0.21, doubted until a character's two
    # widths were read as one (ocr._folded); a lone "０" read as a letter "o" (0.5-0.8),
    # doubted, and table 二 has no identity to confirm it, until it was matched with the
    # zeros the page printed in numbers read with confidence (glyph_match). 174 with the
    # first, broader stacked-digits guard, 176 before ocr._folded, 184 before glyph_match
    # 三's 总计 row of results: three cells doubted as two rows' text whose rule was lost
    # (scan._straddling, h-revscan), no identity evaluable to confirm them (011's blanks):
    # null, flagged ocr_uncertain (198 before)
    ("grey150_jpeg", "fullwidth", "011"): (195, 0, 3, 0),
    # 195 before (table 二's lone zeros, read "o")
    ("grey150_jpeg", "fullwidth", "005"): (198, 0, 0, 0),
    # thousands separators ("3,001,000") in table 三 and 四
    ("grey150_jpeg", "thousands", "001"): (200, 0, 0, 0),
    # blanks printed "-"
    ("grey150_jpeg", "blank-dash", "006"): (198, 0, 0, 0),
    # a leading 序号 column of numbers (197 before ocr._folded: one 0 of table 二 read
    # with doubt, no identity to confirm it)
    ("grey150_jpeg", "seq-column", "011"): (198, 0, 0, 0),
    # CSS tables (no spans, no padding) read as printed, boxes split by the identities
    # (table_unruled._as_printed, TextCell.box_run): 19 and 0 before h-ocrdiv; 001's 17
    # left are table 四's `1211620` (two splits fit) and two rows of 二 (a garbled caption)
    # 006 198 before h-ocr5: (二)部分公开's 6 … 6, 自然人 read at under 0.9, in 三's column
    # sums the agency prints failing, vouched for by its own row's repeat alone
    # (proofread._repeated): null.
    ("grey150_jpeg", "div-table", "006"): (196, 0, 2, 0),
    ("grey150_jpeg", "div-table", "001"): (183, 0, 17, 0),
    # Poorer scans of revalued pages (figures.py: a prefecture's hundreds, a ministry's
    # thousands), scans.py's measured kinds (issue 11, h-revscan). σ 1.6: 106/1/93/0
    # before, 其他's total "45" over 总计's "2314" in one region (the rule between lost)
    # published as 452314 (scan._straddling); 011's table 二 "-44" read 44, its bar blurred
    # into the 4 (scan._leads_with_bar). 72 dpi: 49/1/150/0 before, "22" read "221" at
    # 0.99 in two failing identities (proofread: nothing confirms it); 140/1/56/1 before,
    # a blank total over the next row's "1" read as its total, and "163" read "1635".
    # A page the recogniser read poorly (scan._poorly_read: it doubted at least 5 of its
    # numbers, and 5%) publishes a number of 三/四 only where an identity holds, when one of
    # its identities lacks a cell we could not read (h-revscan2): 006's "6" read "5" at
    # full confidence, its row's total and its column's 总计 unread (154/1/43/0 before);
    # the cost: 001 97 -> 87 right, 011 147 -> 109.
    # 139 before h-ocr5: three rows whose only non-zero cells are 自然人 and its equal 总计
    # (2 … 2, 1 … 1, 2 … 2), proven by their own row's sum alone, which holds whatever a
    # number read the same way twice is (proofread._repeated).
    ("grey150_blur1.6", "revalued", "006"): (133, 0, 65, 0),
    ("grey150_blur1.6", "revalued-large", "001"): (87, 0, 113, 0),
    ("grey150_blur1.6", "revalued-large", "011"): (109, 0, 89, 0),
    ("grey72_jpeg", "revalued-large", "001"): (38, 0, 162, 0),
    # 141 before h-revscan2's poorly read pages (page 2: 8 of 51 numbers doubted)
    ("grey72_jpeg", "revalued", "011"): (126, 0, 72, 0),
    # 120 dpi turned 0.8° (h-tiffrot, h-shortbox): 总计 of four digits is a column ~40
    # pixels wide, whose row rules were not joined across the double rule beside it
    # (table_image._double_rules_joined): the column lost, each row 6 numbers for 7
    # columns, nulled. 108, 128 and 139 right before. 001: h-cutpart doubted every box
    # stopping short that reads a number (199, 二's 1130 null); h-cutpart2 only those cut
    # through a glyph (table_image.cut_short): 1130's box is short by its bent rule alone.
    ("grey120_tiff_rotated", "revalued-large", "001"): (200, 0, 0, 0),
    ("grey120_tiff_rotated", "revalued-large", "006"): (198, 0, 0, 0),
    ("grey120_tiff_rotated", "revalued-large", "011"): (198, 0, 0, 0),
    # A header printing its columns in another order, scanned: OCR keeps no header lines,
    # so 三 was read in the template's order, every identity holding (stop 30: 自然人 last
    # 42 wrong on 001; 总计 first 15 wrong and 17 invented on 011). The label cells' boxes
    # now show the order (recognise/ocr_columns.py): 三 null, columns_out_of_order.
    ("grey150_jpeg", "t3-natural-last+revalued", "001"): (25, 0, 175, 0),
    ("grey150_jpeg", "t3-total-first", "011"): (162, 0, 36, 0),
    # 四's lawsuit groups and a block of 二's columns printed in another order (issue 11,
    # h-permscan): never scanned before, each 196/4/0/0 under grey100, low contrast and
    # the 120-dpi TIFF (rotated + noise 28/4/168/0): the group labels' and the block's
    # column labels' boxes now show the order, and labels OCR read run together in one
    # cell (the rule between them lost to noise) the order of their text. t4-groups: 183
    # under h-cutpart (二's "9" and "3" in boxes short by a double rule's inner frame,
    # doubted, null); 185 again, those boxes not cut through a glyph (h-cutpart2).
    ("grey100_jpeg", "t4-groups-swapped+revalued", "001"): (185, 0, 15, 0),
    ("grey100_jpeg", "t2-columns-swapped+revalued", "001"): (194, 0, 6, 0),
    # a 2019 report: 第（一）项's block and 第（五）、（六）项's each swapped, only the first
    # block null before (184/6/8/0): every block out of order counts
    ("grey150_jpeg", "t2-columns-swapped+revalued", "011"): (178, 0, 20, 0),
    ("grey200_rotated_noise", "t2-columns-swapped+revalued", "001"): (26, 0, 174, 0),
    # the two group labels read as one cell, `复议后起诉未经复议直接起诉` (28/4/168/0 before)
    ("grey200_rotated_noise", "t4-groups-swapped+revalued", "001"): (17, 0, 183, 0),
    # the same permutations on 006 and on 011 (a 2019 report) under the poorer kinds: no
    # wrong cell (h-permscan2); 四 null, 二's swapped blocks null
    ("grey100_jpeg", "t4-groups-swapped+revalued", "011"): (189, 0, 9, 0),
    ("grey100_jpeg", "t2-columns-swapped+revalued", "006"): (193, 0, 5, 0),
    # each of 四's groups printing its 总计 first: read left to right it looks like one
    # group closing and the next starting; 3 wrong, 3 invented before under grey100, low
    # contrast, the red stamp and the 120-dpi TIFF. A 总计 and the label after it under one
    # group label's box are out of order (recognise/ocr_columns.py): 四 null.
    ("grey100_jpeg", "t4-total-first+revalued", "011"): (189, 0, 9, 0),
}


@pytest.mark.parametrize(("scan", "variant", "report"), list(EXPECTED),
                         ids=["-".join(k) for k in EXPECTED])
def test_variant_printed_and_scanned_reads_back(scan: str, variant: str, report: str,
                                                tmp_path: Path) -> None:
    truth_path = CORPUS_TRUTH / f"{report}.json"
    path, want = scanned(scan, variant, truth_path, tmp_path)
    parsed = parse_bytes(path.name, path.read_bytes())
    # A TIFF is an image file, read by OCR as a scanned PDF's pages are.
    assert parsed.rendering == ("image" if scan_kind(scan).tiff else "scan")
    got = {cid: c.value for cid, c in parsed.cells.items()}
    lost = set(json.loads(truth_path.read_text(encoding="utf-8")).get("unrecoverable", ()))
    s = score(got, want, lost)
    assert (s.right, s.wrong, s.missed, s.invented) == EXPECTED[(scan, variant, report)]
