"""OCR's near-misses of statutory labels, matched to the template; printed text is not."""

from __future__ import annotations

import pytest

from pipelines.document import Document, TextCell
from pipelines.recognise.ocr_labels import match_ocr_labels, nearest_label
from pipelines.recognise.tokens import tokenise


@pytest.mark.parametrize(("read", "label"), [
    # misreadings seen on 100-dpi scans of 001.pdf
    ("、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
    ("（一）子以公开", "(一)予以公开"),
    ("1.属于国家秘蜜", "1.属于国家秘密"),
    ("2.重复中请", "2.重复申请"),
    ("尚未申结", "尚未审结"),
    ("1、中请人无正当理由逾期不补正、行政机关不再处理其政府信惠公开中请",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
])
def test_near_misses_are_matched(read: str, label: str) -> None:
    assert nearest_label(read) == label


@pytest.mark.parametrize("read", ["总汁", "法提供", "（四）无", "本机关2024年度工作"])
def test_short_or_distant_texts_are_not_matched(read: str) -> None:
    assert nearest_label(read) is None


def test_only_cells_read_by_ocr_are_matched_loosely() -> None:
    cells = [TextCell("2.重复中请", "page 1 box a", 1, 0.9),
             TextCell("2.重复中请", "table 1 row 1 cell 1", 2)]
    tokens = match_ocr_labels(tokenise(Document("x", "0", 1, "image", "", cells)),
                              Document("x", "0", 1, "image", "", cells))
    assert [(t.kind, [lab.key for lab in t.labels]) for t in tokens] == [
        ("label", ["not_processed_repeat"]), ("text", [])]
