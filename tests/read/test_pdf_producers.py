"""Real PDFs made by Chromium and LibreOffice, committed small, read without the tools.

`tests/fixtures/pdf/` holds PDFs the producers made (the slow tests in
tests/renderings/test_pdf_renderings.py make every rendering afresh):

- `chromium-cut-row.pdf`: `chromium --headless --print-to-pdf` of the `.html` beside it:
  a row cut by the page break with no border at the cut, the browser's header and footer
  lines, borders drawn as filled rectangles, CJK glyphs in Type 3 fonts mapped to radical
  code points (⼈⺠ for 人民), a `&nbsp;` cell;
- `libreoffice-docx-seed-shaoguan-zhenjiang-2019.pdf`: LibreOffice's PDF export of the
  seed report's DOCX (tests/renderings/make.py): rows cut by page breaks, each part closed
  with a border, labels wrapped in narrow cells;
- `libreoffice-docx-repeated-headers-seed-shaoguan-zhenjiang-2019.pdf`: the same with
  each table's header rows marked to repeat on every page it continues on;
- `libreoffice-docx-huaian-2024-misprinted-label.pdf`: the same for the Huaian report
  with a row label misprinted as an agency printed it (`2.其他法律行政止公开`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from pipelines.parse import parse_file
from pipelines.read import read_file

PDFS = Path(__file__).parents[1] / "fixtures" / "pdf"
ROOT = Path(__file__).parents[2]


def rows(path: Path) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for cell in read_file(path).cells:
        out.setdefault(cell.row, []).append(cell.text)
    return list(out.values())


def test_chromium_row_cut_without_a_border_is_one_row() -> None:
    read = rows(PDFS / "chromium-cut-row.pdf")
    # the browser's header (print date, page title) and footer (URL, page) lines: their
    # parts stand apart as a borderless table's cells do
    header, footer = read[0], read[5]
    assert len(header) == 2 and header[1] == "人民 report"
    assert len(footer) == 2 and footer[0].startswith("file:///") and footer[1] == "1/2"
    assert read[1:5] == [
        ["人民 report"],
        ["item", "A", "B"],
        ["first", "1", "2"],
        ["a\nlong\nlabel\nthat\nruns\nover\nthe\npage\nbreak\nand\non", "3", "4"],
    ]
    assert read[7:9] == [["last", "5", ""], ["人民 end"]]  # the &nbsp; cell is empty


def test_libreoffice_pdf_reads_as_its_truth(truth) -> None:
    expected = truth("seed-shaoguan-zhenjiang-2019")
    report = parse_file(PDFS / "libreoffice-docx-seed-shaoguan-zhenjiang-2019.pdf")
    assert (report.status, report.rendering, report.format_version) == (
        "complete", "pdf", expected["format_version"])
    assert report.values() == expected["cells"]
    assert [f.code for f in report.flags if f.code != "agency_unresolved"] == []


def test_libreoffice_repeated_header_is_read_once(truth) -> None:
    path = PDFS / "libreoffice-docx-repeated-headers-seed-shaoguan-zhenjiang-2019.pdf"
    with pdfplumber.open(path) as pdf:  # the header is printed atop each page of 三
        assert sum("本列数据" in (p.extract_text() or "") for p in pdf.pages) == 4
    assert sum(r[0].startswith("（本列数据的勾稽关系") for r in rows(path)) == 1
    expected = truth("seed-shaoguan-zhenjiang-2019")
    assert parse_file(path).values() == expected["cells"]


def test_misprinted_row_keeps_its_cells_to_itself(truth) -> None:
    """The misprinted row is read as a row of its own: no value leaks into 总计."""
    path = PDFS / "libreoffice-docx-huaian-2024-misprinted-label.pdf"
    read = rows(path)
    misprint = next(r for r in read if r[0].replace("\n", "") == "2.其他法律行政止公开")
    assert misprint[1:] == ["30", "1", "0", "0", "0", "0", "31"]
    total = next(r for r in read if r[0] == "（七）总计")
    assert total[1:] == ["2932", "53", "0", "0", "61", "4", "3050"]

    expected = truth("huaian-2024")["cells"]
    values = parse_file(path).values()
    differ = {cid for cid, v in expected.items() if values.get(cid) != v}
    # No number is wrong; whatever is not right is a null (the label is another's job).
    assert all(values.get(cid) is None for cid in differ)
    assert all(values[f"t3.results_total.{c}"] == expected[f"t3.results_total.{c}"]
               for c in ("natural_person", "commercial_enterprise", "total"))
    assert differ <= {cid for cid in expected if cid.startswith("t3.denied_law_prohibited.")}


def test_pdfminer_warnings_do_not_reach_the_terminal() -> None:
    """Chromium's Type 3 fonts make pdfminer warn `Could not get FontBBox…` per font."""
    pdf = PDFS / "chromium-cut-row.pdf"
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "parse", str(pdf)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "FontBBox" not in done.stderr + done.stdout
    assert "chromium-cut-row.pdf" in done.stdout


def test_pdfminer_warnings_are_kept_at_debug_level(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("DEBUG", logger="pipelines.read.pdf"):
        read_file(PDFS / "chromium-cut-row.pdf")
    # (pytest's own capture handlers sit on the pdfminer logger too: only ours are read)
    relayed = [r for r in caplog.records if r.name == "pipelines.read.pdf"
               and "Could not get FontBBox" in r.getMessage()]
    assert relayed and {r.levelname for r in relayed} == {"DEBUG"}
