"""PDF pages that are pictures: read by OCR among the pages that have a text layer."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from pipelines.read import read_bytes

fpdf = pytest.importorskip("fpdf")  # a dev dependency

SCANS = Path(__file__).parents[1] / "fixtures" / "scans"
T4_VALUES = ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6",
             "20"]


def _pdf_with_a_picture_page() -> bytes:
    table = Image.open(SCANS / "huaian-2024-t4.tif").convert("RGB")  # the seal is red
    png = io.BytesIO()
    table.save(png, "PNG")
    doc = fpdf.FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("Helvetica", size=12)
    doc.cell(200, 20, "Annual report: text page")
    doc.add_page()  # the table pasted as a picture, 150 dpi
    doc.image(io.BytesIO(png.getvalue()), x=0, y=40, w=table.width * 72 / 150)
    return bytes(doc.output())


def test_picture_pages_are_read_by_ocr_and_text_pages_as_text() -> None:
    doc = read_bytes("mixed.pdf", _pdf_with_a_picture_page())
    assert doc.rendering == "scan"
    assert doc.cells[0].text == "Annual report: text page" and doc.cells[0].confidence is None
    values = [c for c in doc.cells if c.ref.startswith("page 2 table 1 row 4 ")]
    assert [c.text for c in values] == T4_VALUES
    # Boxes in PDF points, within the picture placed 40 pt from the top of the page.
    boxes = [tuple(map(int, re.search(r"box (\S+)", c.ref).group(1).split(",")))
             for c in values]
    assert all(0 <= x0 < x1 <= 595 and 40 <= y0 < y1 <= 40 + 440 * 72 / 150
               for x0, y0, x1, y1 in boxes)
