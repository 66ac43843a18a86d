"""Image reader: ruled tables in JPG/PNG/TIFF read by OCR, cell by cell, with provenance.

Fixtures are scans made by tests/renderings/scans.py from a real report (淮安市人民政府
2024, 001.pdf page 5): `huaian-2024-t4.tif` is table 四 in colour, tilted 1.5°, with a
red seal across it, then a blank page; `huaian-2024-p5.jpg` is the page's top (the end
of table 三 and table 四), greyscale with noise, JPEG quality 55.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipelines.parse import parse_bytes
from pipelines.read import image

SCANS = Path(__file__).parents[1] / "fixtures" / "scans"
T4_VALUES = ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6",
             "20"]


def _read(name: str, data: bytes):
    return image.read(name, hashlib.sha256(data).hexdigest(), len(data), data)


def _png(pixels: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "PNG")
    return out.getvalue()


def test_tiff_table_is_read_through_a_seal_and_a_tilt() -> None:
    doc = _read("t4.tif", (SCANS / "huaian-2024-t4.tif").read_bytes())
    assert doc.rendering == "image"
    rows: dict[int, list] = {}
    for cell in doc.cells:
        rows.setdefault(cell.row, []).append(cell)
    *_, values = rows.values()  # the last printed row: the 15 numbers
    assert [c.text for c in values] == T4_VALUES
    assert all(0 < c.confidence <= 1 for c in values)
    assert all(re.fullmatch(r"page 1 table 1 row 4 cell \d+ box \d+,\d+,\d+,\d+", c.ref)
               for c in values)
    header = [c.text for c in doc.cells if c.ref.startswith("page 1 table 1 row 1 ")]
    assert header == ["行政复议", "行政诉讼"]


@pytest.mark.slow
def test_a_scanned_page_is_recognised_with_its_identities() -> None:
    data = (SCANS / "huaian-2024-p5.jpg").read_bytes()
    report = parse_bytes("p5.jpg", data)
    assert report.rendering == "image"
    assert report.tables_found == ["t3", "t4"]  # the page holds no table 二
    t4 = {cid: c.value for cid, c in report.cells.items() if cid.startswith("t4.")}
    assert list(t4.values()) == [int(v) for v in T4_VALUES]
    assert [c.status for c in report.checks if c.id.startswith("t4")] == ["pass"] * 3
    assert not [f for f in report.flags if f.code == "ocr_uncertain"]


def _prose() -> np.ndarray:
    """A page of text and no table (a letter, a notice)."""
    page = Image.new("L", (900, 500), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=28)
    for k in range(8):
        draw.text((40, 30 + 55 * k), "The annual report is published on the portal.",
                  font=font, fill=0)
    return np.asarray(page)


@pytest.mark.parametrize(("pixels", "reason"), [
    (np.full((800, 600), 255, np.uint8), "page 1: the image is blank"),
    (np.random.default_rng(1).integers(0, 255, (300, 400), dtype=np.uint8),
     "page 1: no characters were found in the image"),  # a photograph of nothing legible
    (_prose(), "no ruled table was found in the image"),
], ids=["blank", "noise", "prose"])
def test_unreadable_images_fail_with_the_reason(pixels: np.ndarray, reason: str) -> None:
    report = parse_bytes("scan.png", _png(pixels))
    assert (report.status, report.rendering) == ("failed", "unknown")
    assert report.reason == f"scan.png: {reason}"
    assert [f.code for f in report.flags] == ["unreadable_file"]


def test_tiny_characters_are_not_read() -> None:
    small = Image.open(SCANS / "huaian-2024-t4.tif").convert("L").reduce(4)
    report = parse_bytes("small.png", _png(np.asarray(small)))
    assert report.status == "failed"
    assert re.fullmatch(r"small\.png: page 1: the characters are too small to read "
                        r"\(\d px high; at least 7 px are needed\)", report.reason)


def test_a_corrupt_image_is_unreadable() -> None:
    report = parse_bytes("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    assert report.status == "failed"
    assert report.reason.startswith("broken.png: the image cannot be decoded")


FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")


def _page(lines: list[list[str]]) -> Image.Image:
    """A page of a table without ruling lines: the label left-aligned, the values centred
    on their columns, a line every 60 pixels."""
    page = Image.new("L", (800, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 26)
    for k, texts in enumerate(lines):
        for c, text in enumerate(texts):
            x, anchor = (40, "lm") if c == 0 else (210 + 170 * c, "mm")
            draw.text((x, 60 + 60 * k), text, font=font, fill=0, anchor=anchor)
    return page


@pytest.mark.slow
@pytest.mark.skipif(not FONT.exists(), reason="no CJK font")
def test_a_table_without_rules_broken_over_the_pages_of_a_tiff_is_carried_on() -> None:
    # A scanned Word table without borders, broken by a page break: the second page's
    # rows have no header of their own and are read under the first page's columns.
    first = _page([["信息内容", "上一年项目数量", "本年增减", "处理决定数量"],
                   ["行政许可", "396", "5", "278"], ["行政处罚", "2648", "-18", "538"],
                   ["行政强制", "12", "0", "7"]])
    second = _page([["行政征收", "31", "2", "40"], ["行政征用", "8", "1", "9"],
                    ["行政裁决", "15", "3", "11"]])
    out = io.BytesIO()
    first.save(out, "TIFF", save_all=True, append_images=[second], compression="tiff_deflate")
    doc = _read("scan.tif", out.getvalue())
    rows: dict[int, list] = {}
    for cell in doc.cells:
        if cell.ref.startswith("page 2 "):
            rows.setdefault(cell.row, []).append(cell.text)
    assert list(rows.values()) == [["行政征收", "31", "2", "40"], ["行政征用", "8", "1", "9"],
                                   ["行政裁决", "15", "3", "11"]]
