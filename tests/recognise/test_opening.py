"""Agency and year from the opening text when the title is missing or cut, flagged
`metadata_from_body`; never a name from page chrome (navigation, sources, site names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.parse import parse_file
from pipelines.recognise.metadata import Metadata, read_report_metadata

# The corpus's page starts whose title is missing or cut, as the manifest labels them.
CORPUS = {
    "016": ("西柳镇人民政府", 2023),  # 《uedbet…@:西柳镇人民政府2023年…年度报告》 in a sentence
    "020": ("昌图县七家子镇", 2023),  # cut title under the site name 昌图县人民政府
    "021": ("两城镇人民政府", 2020),  # 由两城镇人民政府党政办公室编制
    "028": ("上饶市人民政府", 2022),  # …要求,上饶市人民政府根据…编制本报告
    "031": ("文昌阁乡", 2025),  # 現特向社會公布文昌閣鄉2025年度政府信息公開年度報告
    "032": ("连生乡人民政府", 2025),  # 特向社会公布2025年连生乡人民政府政府信息公开工作情况报告
    "015": (None, 2023),  # 汇报我镇2023年政府信息公开工作: 我镇 names no agency
    "030": (None, 2023),  # the mirror's domain stands where the county was
}


@pytest.mark.corpus
@pytest.mark.parametrize("stem", sorted(CORPUS))
def test_corpus_pages_without_a_whole_title(corpus: Path, stem: str) -> None:
    report = parse_file(corpus / "reports" / f"{stem}.txt")
    assert (report.agency, report.report_year) == CORPUS[stem]
    codes = [f.code for f in report.flags]
    assert "metadata_from_body" in codes
    assert ("metadata_missing" in codes) == (CORPUS[stem][0] is None)


@pytest.mark.corpus
@pytest.mark.parametrize("stem", ["017", "018", "019", "022", "023", "024", "025", "027"])
def test_a_whole_title_is_not_flagged(corpus: Path, stem: str) -> None:
    report = parse_file(corpus / "reports" / f"{stem}.txt")
    assert report.agency and report.report_year
    assert "metadata_from_body" not in [f.code for f in report.flags]


@pytest.mark.parametrize(("text", "expected"), [
    # The example, under navigation and a source line naming the district.
    ("首页 > 政务公开 > 政府信息公开年报\n来源：威海市文登区人民政府  发布时间：2020-01-20\n"
     "2019年，文登区住建局认真贯彻落实《中华人民共和国政府信息公开条例》，不断加大公开力度。",
     Metadata("文登区住建局", 2019, "agency from an opening sentence; "
              "year from an opening sentence")),
    ("当前位置：首页>信息公开>年度报告\n"
     "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。"
     "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
     Metadata("某某县人民政府", 2021, "agency from 由…编制; year from the statistics period")),
    ("根据《中华人民共和国政府信息公开条例》规定，现公布某某区商务局2022年度政府信息公开工作"
     "年度报告。", Metadata("某某区商务局", 2022, "agency from 公布…报告; year from 公布…报告")),
])
def test_read_from_the_first_sentences(text: str, expected: Metadata) -> None:
    assert read_report_metadata(text) == expected


@pytest.mark.parametrize("text", [
    # Site name, breadcrumbs, source and footer lines name places: none is the agency.
    "某某市人民政府门户网站\n当前位置：首页 > 某某镇 > 政府信息公开年报\n"
    "来源：某某市人民政府办公室 发布时间：2021-01-20\n"
    "2020年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。\n"
    "主办：某某市人民政府办公室 网站标识码：1234000000",
    # A name that is part of a longer noun: the site, not the agency, did the publishing.
    "一、总体情况\n2022年，某某市人民政府网站发布政府信息共17076条，开设专栏3个。",
    # A notice about reports names the agency that asks, not one that reports.
    "关于做好2020年度政府信息公开工作年度报告编制和发布工作的通知\n各镇人民政府：请于2021年1月31日前报送。",
])
def test_no_agency_from_chrome_or_other_nouns(text: str) -> None:
    assert read_report_metadata(text).agency is None


def test_a_whole_title_wins_and_is_not_flagged() -> None:
    text = ("某某县人民政府2020年政府信息公开工作年度报告\n"
            "本报告由某某县人民政府办公室编制。统计期限自2020年1月1日起至2020年12月31日止。")
    assert read_report_metadata(text) == Metadata("某某县人民政府", 2020)
