"""The sources CSV: hints, bad rows returned as errors with their line, duplicates collapsed."""

from pathlib import Path

import pytest

from pipelines.harvest.sources import (
    Source,
    SourceError,
    parse_sources,
    read_sources,
    redact_text,
    redact_url,
)


def test_rows_with_hints_become_sources() -> None:
    text = ("url,agency,region,year\n"
            "https://www.sz.gov.cn/2023.html,深圳市人民政府, 广东省深圳市 ,2023\n"
            "http://xlz.gov.cn/report.txt,,,\n")
    assert parse_sources(text) == (
        [Source("https://www.sz.gov.cn/2023.html", "深圳市人民政府", "广东省深圳市", 2023),
         Source("http://xlz.gov.cn/report.txt")],
        [],
    )


def test_listing_rows_carry_their_kind_and_level() -> None:
    text = ("url,kind,agency,region,level\n"
            "http://www.a.gov.cn/ndbg/index.html,Listing,某市人民政府,某市,市级\n"
            "http://www.a.gov.cn/r.pdf,report,,,\n"
            "http://www.a.gov.cn/x.html,sitemap,,,\n")
    assert parse_sources(text) == (
        [Source("http://www.a.gov.cn/ndbg/index.html", "某市人民政府", "某市", level="市级",
                kind="listing"), Source("http://www.a.gov.cn/r.pdf")],
        [SourceError(4, "invalid kind 'sitemap': expected one of report, listing")])


def test_only_url_column_is_required_and_header_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    path.write_text("\ufeffURL,notes\nhttps://a.gov.cn/r.pdf,ignored\n", encoding="utf-8")
    assert read_sources(path) == ([Source("https://a.gov.cn/r.pdf")], [])


def test_bad_rows_are_errors_with_their_line() -> None:
    text = ("url,year\n"
            ",2023\n"
            "ftp://a.gov.cn/r.pdf,\n"
            "https://,\n"
            "https://a.gov.cn/a b.html,\n"
            "https://a.gov.cn:99999/r.html,\n"
            "https://a.gov.cn/1.html,23\n"
            "https://a.gov.cn/2.html,二〇二三\n"
            "https://a.gov.cn/3.html,2023.0\n"
            "https://a.gov.cn/4.html,1999\n"
            "https://a.gov.cn/ok.html,2019\n")
    sources, errors = parse_sources(text)
    assert sources == [Source("https://a.gov.cn/ok.html", year=2019)]
    assert errors == [
        SourceError(2, "missing url"),
        SourceError(3, "invalid url 'ftp://a.gov.cn/r.pdf': scheme must be http or https"),
        SourceError(4, "invalid url 'https://': no host"),
        SourceError(5, "invalid url 'https://a.gov.cn/a b.html': contains whitespace"),
        SourceError(6, "invalid url 'https://a.gov.cn:99999/r.html': "
                       "Port out of range 0-65535"),
        SourceError(7, "invalid year '23': expected 2008-2100"),
        SourceError(8, "invalid year '二〇二三': expected 2008-2100"),
        SourceError(9, "invalid year '2023.0': expected 2008-2100"),
        SourceError(10, "invalid year '1999': expected 2008-2100"),
    ]


def test_short_rows_and_blank_lines_are_tolerated() -> None:
    text = "url,agency,year\n\nhttps://a.gov.cn/r.html\n"
    assert parse_sources(text) == ([Source("https://a.gov.cn/r.html")], [])


def test_duplicate_urls_are_collapsed_to_the_first() -> None:
    text = ("url,agency\n"
            "https://a.gov.cn/r.html,甲局\n"
            "https://A.GOV.CN/r.html#top,甲局\n"
            "https://a.gov.cn/other.html,乙局\n"
            "https://a.gov.cn/r.html,丙局\n")
    sources, errors = parse_sources(text)
    assert sources == [Source("https://a.gov.cn/r.html", "甲局"),
                       Source("https://a.gov.cn/other.html", "乙局")]
    assert errors == [SourceError(5, "duplicate of line 2 with different hints; line 2 kept")]


def test_a_list_without_url_column_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'url' column"):
        parse_sources("link,agency\nhttps://a.gov.cn/,x\n")


@pytest.mark.parametrize(("url", "shown"), [
    ("https://user:pw@www.gov.cn/a.pdf", "https://REDACTED@www.gov.cn/a.pdf"),
    ("https://www.gov.cn/a.pdf?id=7&Token=x&code=110000",
     "https://www.gov.cn/a.pdf?id=7&Token=REDACTED&code=110000"),
    ("https://s3.example.com/a.pdf?X-Amz-Signature=f0&X-Amz-Credential=k%2F1",
     "https://s3.example.com/a.pdf?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED"),
    ("https://www.gov.cn/cb#access_token=t&state=1",
     "https://www.gov.cn/cb#access_token=REDACTED&state=1"),
    ("https://www.gov.cn/a%20b.pdf?page=2", "https://www.gov.cn/a%20b.pdf?page=2"),
])
def test_credentials_are_redacted_and_the_rest_kept_byte_for_byte(url: str,
                                                                  shown: str) -> None:
    assert redact_url(url) == shown


def test_urls_in_a_message_are_redacted_and_its_punctuation_kept() -> None:
    assert redact_text("http://a:b@h/x?sig=1: failed (see 'https://h/y?password=2').") == (
        "http://REDACTED@h/x?sig=REDACTED: failed (see 'https://h/y?password=REDACTED').")


def test_urls_differing_only_in_credentials_are_one_source() -> None:
    sources, errors = parse_sources("url,year\nhttps://h.gov.cn/a?token=1,2023\n"
                                    "https://h.gov.cn/a?token=2,2024\nhttps://u:p@h.gov.cn/b c,\n")
    assert [s.url for s in sources] == ["https://h.gov.cn/a?token=1"]
    assert [(e.line, e.reason) for e in errors] == [
        (3, "duplicate of line 2 with different hints; line 2 kept"),
        (4, "invalid url 'https://REDACTED@h.gov.cn/b c': contains whitespace")]
