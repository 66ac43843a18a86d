"""The fast NFKC (textnorm.nfkc) is unicodedata's NFKC, character for character."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from pipelines.read import read_bytes, read_file
from pipelines.textnorm import (
    _PLAIN_NFKC,
    PLAIN_RANGES,
    RADICALS,
    nfkc,
    radicals_as_ideographs,
)

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def _second_elements() -> set[int]:
    """Every character that can compose with the character before it."""
    out = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    for cp in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(cp)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            out.add(int(decomposition[1], 16))
    return out


def test_plain_characters_map_one_by_one() -> None:
    """What makes the per-character mapping exact: each plain character decomposes into
    starters only, none of which composes with the character before it."""
    second = _second_elements()
    for a, b in PLAIN_RANGES:
        for cp in range(a, b + 1):
            for ch in unicodedata.normalize("NFKD", chr(cp)):
                assert unicodedata.combining(ch) == 0, f"U+{cp:04X}"
                assert ord(ch) not in second, f"U+{cp:04X}"


def test_mapped_characters_do_not_change_again() -> None:
    """What makes replacing the changed characters one after another exact (textnorm's
    `_nfkc`): none maps to a character that is itself changed."""
    for char, mapped in _PLAIN_NFKC.items():
        assert not any(c in _PLAIN_NFKC for c in mapped), f"U+{ord(char):04X}"


@pytest.mark.parametrize("text", [
    "",
    "0",
    "（一）予以公开，共１２件：“依申请”；全年　3 项…",
    "政府信息公開\n工作 年度報告\xa0",
    "拖市鎮(zhèn)數(shù)據(jù)",  # pinyin: not plain, full NFKC
    "A\u0301 e\u0300 ①② ㈠ ﹙1﹚ ｶ ﾞ \u3099 \u302a",  # combining marks, circled digits
    "Ａ\u0301",  # a full-width letter composing with a combining mark
    "　０１２３－／＋",
])
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.iterdir()
                                        if p.suffix in (".txt", ".html")),
                         ids=lambda p: p.name)
def test_nfkc_on_report_text(path: Path) -> None:
    doc = read_file(path)
    assert nfkc(doc.text) == unicodedata.normalize("NFKC", doc.text)
    for cell in doc.cells:
        assert nfkc(cell.text) == unicodedata.normalize("NFKC", cell.text)


def test_radicals_are_the_ideographs_they_print() -> None:
    # Chromium's print of a Word page (its CJK font), as pymupdf4llm wrote it in Markdown:
    # Kangxi radicals (U+2F00-2FD5) and the supplement's 民 (U+2EA0)
    assert radicals_as_ideographs("淮安市⼈⺠政府2024年政府信息公开⼯作年度报告") == \
        "淮安市人民政府2024年政府信息公开工作年度报告"
    assert radicals_as_ideographs("⼀、本年新收") == "一、本年新收"
    assert radicals_as_ideographs("2 ⺀ ⻏") == "2 ⺀ ⻏"  # no ideograph of their form


def test_the_radicals_guard_finds_every_radical_mapped() -> None:
    # the guard looks for U+2E80..U+2FFF by UTF-8 bytes: every mapped radical among them,
    # and a lone surrogate (text decoded with surrogateescape) does not make it raise
    assert all(radicals_as_ideographs(chr(cp)) == chr(cp).translate(RADICALS)
               for cp in range(0x2E00, 0x3000))
    assert radicals_as_ideographs("a\udcff⼀") == "a\udcff一"


def test_every_text_reader_reads_radicals_as_ideographs() -> None:
    page = "<html><body><p>⼀、总体情况</p><p>本机关⽆其他需要报告的事项。</p></body></html>"
    for name, data in (("a.html", page), ("a.md", "⼀、总体情况\n\n本机关⽆其他事项。\n")):
        text = read_bytes(name, data.encode()).text
        assert "⼀" not in text and "⽆" not in text and "一、总体情况" in text
