"""Discovery over three differently built loopback sites (tests/harvest/cms_sites.py):
every report is found and archived with its parts and nothing else, each skipped or
failed entry with its reason; a second run fetches only what changed."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from cms_sites import (
    CmsSite,
    jcms_site,
    json_site,
    json_wraps,
    oldest_add_report,
    oldest_site,
    trs_add_report,
    trs_site,
)
from loopback import LoopbackServer

from pipelines.archive import RawArchive
from pipelines.harvest.discover import SiteRun, discover_site, read_reports, site_key
from pipelines.harvest.fetch import Fetcher, FetchSettings
from pipelines.harvest.sources import Source
from pipelines.inputs import ArchiveBytes, discovered_inputs

SETTINGS = FetchSettings(timeout=2.0, retries=0, min_interval=0.0, trust_env=False)


@pytest.fixture
def sites() -> Iterator[dict[str, CmsSite]]:
    servers = [LoopbackServer() for _ in range(3)]
    yield {"trs": trs_site(servers[0]), "jcms": jcms_site(servers[1]),
           "json": json_site(servers[2])}
    for server in servers:
        server.stop()


def _discover(archive_dir: Path, site: CmsSite) -> SiteRun:
    with Fetcher(SETTINGS) as fetcher:
        return discover_site([Source(site.url(site.listing), kind="listing")],
                             RawArchive(archive_dir), fetcher)


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _entries(run: SiteRun) -> list[tuple[str, str, int | None, str | None]]:
    return [(r.status, _path(r.url), r.year, r.reason) for r in run.records
            if r.kind == "entry" and r.status != "discovered"]


def _read(archive_dir: Path, site: CmsSite) -> dict[str, tuple[int, list[str]]]:
    reports = read_reports(archive_dir, site_key(site.url("/")))
    return {_path(url): (report["year"], [_path(u) for u in report["read"]])
            for url, report in reports.items()}


TRS = "/xxgk/ndbg/"
NOT_A_REPORT = {
    "guide": "a form, catalogue, guide or rule (报表/目录/指南/办法), not the report",
    "notice": "a notice (通知/公告), not the report",
    "interpretation": "an interpretation of the report (解读/图解), not the report",
    "part": "a report on part of a year (季度/半年/月), not the annual report",
    "plan": "a work plan (要点/方案/计划), not the report",
    "year": "no report year in the title (the year is never taken from the URL)"}


def test_discovers_every_report_of_three_sites_and_nothing_else(tmp_path, sites) -> None:
    archive_dir = tmp_path / "archive"
    trs, jcms, api = (_discover(archive_dir, sites[name]) for name in ("trs", "jcms", "json"))

    assert _read(archive_dir, sites["trs"]) == {
        TRS + "202401/t20240115_1001.html": (2023, [TRS + "202401/t20240115_1001.html"]),
        TRS + "202401/t20240116_1002.html": (2023, [TRS + "202401/t20240116_1002.html"]),
        TRS + "202401/t20240117_1004.html": (2023, [TRS + "202401/P020240117.pdf"]),
        TRS + "202201/t20220120_0801.html": (2021, [
            "/module/download/downfile.jsp?classid=0&filename=2021.docx"])}
    first = sites["trs"].url(TRS + "index.html")
    assert _entries(trs) == [
        ("skipped", "/xxgk/zn/", None, NOT_A_REPORT["guide"]),
        ("skipped", TRS + "202401/t20240110_1003.html", None, NOT_A_REPORT["notice"]),
        ("skipped", TRS + "202401/t20240116_1002.html", 2023,
         f"duplicate: listed before on {first}"),
        ("skipped", TRS + "202301/t20230120_0901.html", None, NOT_A_REPORT["interpretation"]),
        ("skipped", "/private/t2022.html", 2022, "robots.txt disallows it"),
        ("failed", TRS + "202301/t20230125_0902.html", 2022,
         f"{sites['trs'].url(TRS + '202301/t20230125_0902.html')}: HTTP 404 Not Found"),
        ("skipped", TRS + "202201/t20220121_0802.html", None, NOT_A_REPORT["guide"])]
    assert [_path(r.url) for r in trs.records if r.kind == "image"] == [
        TRS + "202401/W020240116_t2.png", TRS + "202401/W020240116_t3.png"]

    assert _read(archive_dir, sites["jcms"]) == {
        "/art/2023/2/1/art_123_501.html": (2022, ["/attach/2023/501.pdf"]),
        "/attach/2023/502.pdf": (2022, ["/attach/2023/502.pdf"]),
        "/art/2022/1/20/art_123_401.html": (2021, ["/attach/2022/401.wps"]),
        "/art/2021/1/20/art_123_301.html": (2020, ["/art/2021/1/20/art_123_301.html"])}
    loop_start = sites["jcms"].url("/col/col123/index.jsp?pageNum=1")
    assert _entries(jcms) == [
        ("skipped", "/art/2023/1/5/art_123_503.html", None, NOT_A_REPORT["part"]),
        ("skipped", "/art/2022/1/21/art_123_402.html", None, NOT_A_REPORT["year"]),
        ("skipped", "/art/2023/2/1/art_123_501.html", 2022,
         f"duplicate: listed before on {loop_start}")]
    # The loop (page 3's 下一页 leads to page 1) ends: each page walked once.
    assert [_path(r.url) for r in jcms.records if r.kind == "listing"] == [
        f"/col/col123/index.jsp?pageNum={n}" for n in (1, 2, 3)]

    assert _read(archive_dir, sites["json"]) == {
        "/site/art/2024/3/1/art_9_701.html": (2023, ["/attach/701.ofd"]),
        "/site/art/2024/3/2/art_9_702.html": (2023, ["/site/art/2024/3/2/art_9_702.html"]),
        "/site/art/2023/3/1/art_9_601.html": (2022, ["/attach/601.pdf"])}
    assert _entries(api) == [
        ("skipped", "/site/art/2024/2/1/art_9_703.html", None, NOT_A_REPORT["plan"]),
        ("failed", "/site/art/2023/3/2/art_9_602.html", 2022,
         f"{sites['json'].url('/site/art/2023/3/2/art_9_602.html')}: HTTP 500 Internal "
         "Server Error after 1 attempts"),
        ("skipped", "/site/art/2023/2/1/art_9_603.html", None, NOT_A_REPORT["notice"])]
    assert [(r.status, _path(r.url)) for r in api.records if r.kind == "image"] == [
        ("fetched", "/picture/702_t2.jpg"), ("failed", "/picture/702_t3.jpg")]

    # Each part an object of its own, with provenance naming the page it came from.
    archive = RawArchive(archive_dir)
    pdf = archive.latest_fetch(sites["trs"].url(TRS + "202401/P020240117.pdf"))
    (record,) = archive.provenance(pdf.sha256)
    assert (record["discovered_as"], record["found_on"], record["title"], record["year"]) == (
        "attachment", sites["trs"].url(TRS + "202401/t20240117_1004.html"),
        "市财政局2023年政府信息公开工作年度报告", 2023)
    # Nothing else archived: 8 listing pages, 11 report pages (one a PDF linked from the
    # listing), 7 attachments, 3 images; no notice, interpretation or plan was requested.
    lines = (archive_dir / "provenance.jsonl").read_text(encoding="utf-8").splitlines()
    assert Counter(json.loads(line)["discovered_as"] for line in lines) == {
        "listing": 8, "report_page": 11, "attachment": 7, "image": 3}
    requested = {p for site in sites.values() for p, _ in site.answered}
    assert not requested & {TRS + "202401/t20240110_1003.html", "/private/t2022.html",
                            TRS + "202301/t20230120_0901.html"}
    # The build reads 11 inputs: one file per report, its page or the attachment the page
    # only wraps (601 wraps a PDF and a DOC of the same report: the PDF is read), each
    # with its page's URL and its entry's title.
    inputs = {_path(i.source): (_path(i.page_url), i.title) for i in discovered_inputs(archive)}
    assert len(inputs) == 11
    assert inputs["/attach/601.pdf"] == (
        "/site/art/2023/3/1/art_9_601.html", "某区人民政府2022年政府信息公开工作年度报告")
    assert inputs[TRS + "202401/P020240117.pdf"] == (
        TRS + "202401/t20240117_1004.html", "市财政局2023年政府信息公开工作年度报告")
    assert inputs["/attach/2023/502.pdf"] == (
        "/attach/2023/502.pdf", "某县发展和改革局2022年政府信息公开工作年度报告")
    # A page read as the report comes with its body images, by `src` as written (linked
    # to the page's bytes as a harvested page's: pipelines/linked_images.py); the broken
    # image is not linked, the header's logo was never a body image.
    images = {_path(i.source): i.images for i in discovered_inputs(archive) if i.images}
    trs_images = [archive.latest_fetch(sites["trs"].url(TRS + f"202401/W020240116_t{n}.png"))
                  for n in (2, 3)]
    good = archive.latest_fetch(sites["json"].url("/picture/702_t2.jpg"))
    assert images == {
        TRS + "202401/t20240116_1002.html": (("./W020240116_t2.png", trs_images[0].sha256),
                                             ("./W020240116_t3.png", trs_images[1].sha256)),
        "/site/art/2024/3/2/art_9_702.html": (("/picture/702_t2.jpg", good.sha256),)}
    (page,) = [i for i in discovered_inputs(archive) if i.source.endswith("_1002.html")]
    siblings = ArchiveBytes(archive_dir).siblings(page)
    assert siblings("./W020240116_t3.png") == archive.get(trs_images[1].sha256)
    assert siblings("/images/logo.png") is None
    assert sorted((p, n) for site in sites.values() for p, n in site.answered
                  if n != 200) == sorted([
        (TRS + "202301/t20230125_0902.html", 404), ("/picture/702_t3.jpg", 404),
        ("/site/art/2023/3/2/art_9_602.html", 500)])


def test_a_second_run_fetches_only_what_changed(tmp_path, sites) -> None:
    archive_dir = tmp_path / "archive"
    for site in sites.values():
        _discover(archive_dir, site)
        site.answered.clear()
    trs_add_report(sites["trs"])  # a new report heads the TRS listing
    json_wraps(sites["json"], "701-v2.ofd")  # the JSON site's first report re-issued

    trs, jcms, api = (_discover(archive_dir, sites[name]) for name in ("trs", "jcms", "json"))

    assert sites["trs"].fetched() == [TRS + "index.html", TRS + "202401/t20240120_1005.html"]
    assert sites["trs"].answered[-1] == (TRS + "202401/t20240115_1001.html", 304)
    assert trs.counts() == {"robots:fetched": 1, "listing:fetched": 1, "discovered": 1,
                            "unchanged": 1, "listing:stopped": 1, "skipped": 1}  # the guide
    assert sites["jcms"].fetched() == []
    assert sites["jcms"].answered == [("/col/col123/index.jsp?pageNum=1", 304),
                                      ("/art/2023/2/1/art_123_501.html", 304)]
    assert sites["json"].fetched() == ["/site/art/2024/3/1/art_9_701.html",
                                       "/attach/701-v2.ofd"]
    # The report whose image failed is tried again (its page and good image are 304);
    # the next report (on page 2) is archived unchanged: the walk stops there.
    assert [(p, n) for p, n in sites["json"].answered if n != 200] == [
        ("/api/ndbg/list?pageNo=1&pageSize=3", 304), ("/site/art/2024/3/2/art_9_702.html", 304),
        ("/picture/702_t2.jpg", 304), ("/picture/702_t3.jpg", 404),
        ("/api/ndbg/list?pageNo=2&pageSize=3", 304), ("/site/art/2023/3/1/art_9_601.html", 304)]
    assert api.counts()["unchanged"] == 1 and jcms.counts()["unchanged"] == 1
    reports = _read(archive_dir, sites["json"])
    assert reports["/site/art/2024/3/1/art_9_701.html"] == (2023, ["/attach/701-v2.ofd"])
    assert len(reports) == 3 and len(_read(archive_dir, sites["trs"])) == 5


def test_an_oldest_first_listing_is_read_to_its_end_and_fetched_from_the_last(
        tmp_path) -> None:
    """Its new reports come last: a walk that stopped at its first entry archived
    unchanged would never reach them."""
    server = LoopbackServer()
    try:
        site = oldest_site(server)
        archive_dir = tmp_path / "archive"
        first = _discover(archive_dir, site)
        base = "/zfxxgk/ndbg/"
        assert [(r.kind, r.status, _path(r.url)) for r in first.records
                if r.kind in ("listing", "entry")] == [
            ("listing", "fetched", base + "index.html"),
            ("listing", "oldest_first", base + "index.html"),
            ("listing", "fetched", base + "index_1.html"),
            *[("entry", "discovered", f"{base}t{year + 1}0120_{year}.html")
              for year in (2022, 2021, 2020, 2019)]]
        site.answered.clear()
        oldest_add_report(site)

        second = _discover(archive_dir, site)

        assert site.answered == [
            (base + "index.html", 304), (base + "index_1.html", 200),
            (base + "t20240120_2023.html", 200), (base + "t20230120_2022.html", 304)]
        assert second.counts() == {"robots:absent": 1, "listing:not_modified": 1,
                                   "listing:oldest_first": 1, "listing:fetched": 1,
                                   "discovered": 1, "unchanged": 1, "listing:stopped": 1}
        assert sorted(_read(archive_dir, site)) == [
            f"{base}t{year + 1}0120_{year}.html" for year in range(2019, 2024)]
    finally:
        server.stop()
