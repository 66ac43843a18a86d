"""Bytes to text: BOMs, UTF-8, UTF-16/32 with and without a BOM, GB18030, Big5, stray
NUL bytes, the HTML charset, and files that are not text (with the true reason)."""

from __future__ import annotations

import random
from pathlib import Path

import opencc
import pytest

from pipelines.parse import parse_bytes
from pipelines.read import UnreadableFile, read_bytes
from pipelines.read.decode import (
    _NOT_CONTROL,
    _TEXT_CONTROLS,
    _utf8_with_cut_characters,
    decode,
)

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
    with pytest.raises(UnreadableFile, match=r"^a\.txt: not text in UTF-8, UTF-16, UTF-32, "
                       r"GB18030 or Big5$"):
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
    with pytest.raises(UnreadableFile, match=r"^bad\.txt: not text in UTF-8, UTF-16, UTF-32, "
                       r"GB18030 or Big5$"):
        decode("bad.txt", b"\xff\xff\xff\x80")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "x: PDF is corrupt and cannot be opened "
         "(PDFSyntaxError: No /Root object! - Is this really a PDF?)"),
        (b"PK\x03\x04rest", "x: zip container (XLSX/OFD) is not a supported rendering yet"),
        (b"abc\x00def", "x: binary data (1 NUL and 0 other control bytes in the first 7, "
         "not text in UTF-8, UTF-16, UTF-32, GB18030 or Big5) is not a supported rendering "
         "yet"),
        (b"\x00" * 100, "x: binary data (only NUL bytes) is not a supported rendering yet"),
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


# Hostile encodings: a real report (the seed) in every encoding it may arrive in reads
# exactly as its UTF-8 copy; binary data says it is binary and why.

def _seed(fixtures_dir: Path) -> str:
    return (fixtures_dir / "reports" / f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be",
                                      "utf-32", "utf-16"])
def test_utf16_and_utf32_with_or_without_a_bom_read_like_the_seed(
        fixtures_dir: Path, encoding: str) -> None:
    seed = _seed(fixtures_dir)
    assert decode("x", seed.encode(encoding)) == seed
    assert parse_bytes("x", seed.encode(encoding)).cells \
        == parse_bytes("x", seed.encode()).cells


def test_utf16_cut_in_its_last_code_unit_keeps_what_precedes() -> None:
    data = "规章 0\n行政规范性文件 1\n".encode("utf-16-le")[:-1]
    assert decode("a.txt", data) == "规章 0\n行政规范性文件 1"


def _big5_seed(fixtures_dir: Path) -> bytes:
    """The seed in traditional characters, as a Taiwanese or Hong Kong site saves it (Big5
    has no no-break space: the seed's become spaces)."""
    traditional = opencc.OpenCC("s2tw").convert(_seed(fixtures_dir).replace("\xa0", " "))
    return traditional.encode("cp950")


def test_big5_is_told_from_gb18030(fixtures_dir: Path) -> None:
    data = _big5_seed(fixtures_dir)
    data.decode("gb18030")  # every Big5 pair is a GBK pair: a trial decode cannot tell
    assert decode("big5.txt", data) == data.decode("cp950")
    report = parse_bytes("x", data)
    assert (report.status, report.tables_found) == ("complete", ["t2", "t3", "t4"])
    assert report.values() == parse_bytes("x", _seed(fixtures_dir).encode()).values()


def test_traditional_characters_in_gb18030_stay_gb18030(fixtures_dir: Path) -> None:
    traditional = opencc.OpenCC("s2t").convert(_seed(fixtures_dir))
    assert decode("x", traditional.encode("gb18030")) == traditional


def test_one_nul_byte_does_not_make_a_report_binary(fixtures_dir: Path) -> None:
    seed = _seed(fixtures_dir).encode()
    line = seed.index("严格依法".encode())  # inside the prose
    damaged = seed[:line] + b"\x00" + seed[line:] + b"\x00" * 64  # and NUL padding
    assert decode("x", damaged) == _seed(fixtures_dir).replace("严格依法", "\ufffd严格依法")
    report = parse_bytes("x", damaged)
    assert (report.status, report.values()) == ("complete", parse_bytes("x", seed).values())


def test_utf8_with_a_character_cut_inside_its_bytes_is_read(fixtures_dir: Path) -> None:
    # `lynx -dump -width=400` and Debian's html2text count bytes as columns and cut a
    # wide cell's label inside a character: the file is UTF-8 but for that character.
    seed = _seed(fixtures_dir).encode()
    label = "规范性文件".encode()
    at = seed.index(label)
    cut = seed[:at] + label[:-1] + seed[at + len(label):]
    assert decode("x", cut) == _seed(fixtures_dir).replace("规范性文件", "规范性文\ufffd", 1)
    report = parse_bytes("x", cut)
    assert (report.status, report.values()) == ("complete", parse_bytes("x", seed).values())
    assert [f.code for f in report.flags] == ["row_label_misprinted"]


def test_utf8_with_many_cut_characters_is_not_read_as_utf8() -> None:
    # 1 character in 9 cut: more than a tool's cuts (at most 5%), so not UTF-8 text;
    # and GB18030 text is all faults as UTF-8.
    cut = ("规章" * 4 + "文").encode() * 60
    cut = b"".join(cut[k:k + 27][:-1] for k in range(0, len(cut), 27))
    assert _utf8_with_cut_characters(cut) is None
    assert _utf8_with_cut_characters(("规章文件" * 100).encode("gb18030")) is None
    assert _utf8_with_cut_characters(("规章文件" * 100).encode()[:-7] + b"\n") is not None


def test_a_nul_inside_a_number_makes_it_unreadable_not_another_number() -> None:
    assert decode("x", "规章\n1\x002\n".encode()) == "规章\n1\ufffd2\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (random.Random(0).randbytes(5000),
         "x: binary data (14 NUL and 420 other control bytes in the first 4096, not text in "
         "UTF-8, UTF-16, UTF-32, GB18030 or Big5) is not a supported rendering yet"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4,
         "x: binary data (5 NUL and 98 other control bytes in the first 1028, not text in "
         "UTF-8, UTF-16, UTF-32, GB18030 or Big5) is not a supported rendering yet"),
        # NULs as in UTF-16LE, but lone surrogates: not UTF-16 after all
        ("规章".encode("utf-16-le") + b"\x00\xd8\x41\x00" * 8,
         "x: binary data (15 NUL and 0 other control bytes in the first 35, not text in "
         "UTF-8, UTF-16, UTF-32, GB18030 or Big5) is not a supported rendering yet"),
    ],
)
def test_binary_data_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as e:
        read_bytes("x", data)
    assert str(e.value) == reason


def test_control_bytes_are_counted_as_one_by_one() -> None:
    """binary_reason counts control bytes in C: the same count as testing each byte."""
    rng = random.Random(3)
    for _ in range(200):
        sample = rng.randbytes(rng.randrange(1, 300)).lstrip(b"\x00") or b"a"
        loop = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
        assert len(sample.translate(None, _NOT_CONTROL)) == loop
