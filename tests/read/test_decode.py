"""Bytes to text: BOMs, UTF-8, GB18030, the HTML charset, and files that are not text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.read import UnreadableFile, read_bytes
from pipelines.read.decode import decode

SEED = "seed-shaoguan-zhenjiang-2019"


def test_utf8() -> None:
    assert decode("a.txt", "规章 0".encode()) == "规章 0"


def test_utf8_bom_is_dropped() -> None:
    assert decode("a.txt", b"\xef\xbb\xbf" + "规章".encode()) == "规章"


def test_utf16_bom() -> None:
    assert decode("a.txt", "规章 0\n".encode("utf-16")) == "规章 0\n"


def test_gb18030() -> None:
    assert decode("a.txt", "政府信息公開 ０".encode("gb18030")) == "政府信息公開 ０"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_page_cut_inside_its_last_character_keeps_what_precedes(encoding: str) -> None:
    cut = "规章 0\n行政规范性文件".encode(encoding)[:-1]
    assert decode("a.txt", cut) == "规章 0\n行政规范性文"


def test_a_bad_byte_before_the_end_is_still_unreadable() -> None:
    with pytest.raises(UnreadableFile, match=r"^a\.txt: neither UTF-8 nor GB18030 text$"):
        decode("a.txt", b"\x81" + "规章".encode("gb18030") + b"\xff\xff")


def test_gb18030_fixture_decodes_to_the_utf8_seed(fixtures_dir: Path) -> None:
    reports = fixtures_dir / "reports"
    gb = (reports / f"{SEED}.gb18030.txt").read_bytes()
    utf8 = (reports / f"{SEED}.txt").read_bytes()
    assert gb != utf8
    assert decode("gb.txt", gb) == utf8.decode("utf-8")


def test_gb18030_fixture_reads_like_the_seed(fixtures_dir: Path) -> None:
    reports = fixtures_dir / "reports"
    assert (read_bytes("x", (reports / f"{SEED}.gb18030.txt").read_bytes()).cells
            == read_bytes("x", (reports / f"{SEED}.txt").read_bytes()).cells)


def test_declared_gb_charset_is_tried_first() -> None:
    page = '<meta charset="gbk"><p>规章</p>'
    assert decode("a.html", page.encode("gbk")) == page


def test_undecodable_bytes_name_the_file() -> None:
    with pytest.raises(UnreadableFile, match=r"^bad\.txt: neither UTF-8 nor GB18030 text$"):
        decode("bad.txt", b"\xff\xff\xff\x80")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "x: PDF is corrupt and cannot be opened "
         "(PDFSyntaxError: No /Root object! - Is this really a PDF?)"),
        (b"PK\x03\x04rest", "x: zip container (XLSX/OFD) is not a supported rendering yet"),
        (b"abc\x00def", "x: binary data is not a supported rendering yet"),
        (b" \n\t\n", "x: the file is empty"),
    ],
)
def test_unreadable_files(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as e:
        read_bytes("x", data)
    assert str(e.value) == reason


def test_utf16_report_is_read() -> None:
    doc = read_bytes("utf16.txt", "规章\n0\n".encode("utf-16"))
    assert [c.text for c in doc.cells] == ["规章", "0"]


def test_utf8_page_with_stale_gb_meta_charset() -> None:
    page = '<meta charset="gb2312"><table><tr><td>规章</td></tr></table>'
    assert decode("a.html", page.encode("utf-8")) == page
