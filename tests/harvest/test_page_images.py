"""A harvested page's `<img>` tables: fetched with the page, archived as objects of their
own linked to it, and read from the archive when the page is parsed."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipelines.archive import RawArchive
from pipelines.harvest.sources import Source
from pipelines.inputs import ArchiveBytes, harvest, harvested_inputs, parse_inputs

RENDERINGS = Path(__file__).parents[1] / "renderings"
CORPUS_TRUTH = Path(__file__).parents[3] / "shared" / "corpus" / "truth"


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(out, "PNG")
    return out.getvalue()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _serve_page(server, images: dict[str, bytes], srcs: list[str]) -> tuple[str, bytes]:
    page = ("<html><body><p>某区人民政府2023年政府信息公开工作年度报告</p>"
            + "".join(f'<p><img src="{src}"></p>' for src in srcs)
            + "</body></html>").encode("utf-8")
    server.respond("/gk/report.html", 200, page, {"Content-Type": "text/html; charset=utf-8",
                                                  "ETag": '"p1"'})
    for path, body in images.items():
        server.respond(path, 200, body, {"Content-Type": "image/png", "ETag": '"i1"'})
    return server.url("/gk/report.html"), page


def test_a_pages_images_are_archived_with_provenance_linking_them_to_it(
        server, fetcher, tmp_path: Path) -> None:
    relative, rooted, secret = _png((200, 0, 0)), _png((0, 200, 0)), _png((0, 0, 200))
    srcs = ["images/t2.png", "/files/t3.png", server.url("/files/t4.png?token=s3cr3t"),
            "missing.png", "data:image/png;base64,AAAA", "images/t2.png", "http://[::1/x.png"]
    url, page = _serve_page(server, {"/gk/images/t2.png": relative, "/files/t3.png": rooted,
                                     "/files/t4.png?token=s3cr3t": secret}, srcs)
    archive = RawArchive(tmp_path)
    results = harvest(archive, [Source(url)], fetcher())
    # The page, then each image once (the repeated src too); the data: URI is in the
    # page, and a malformed src names nothing to fetch.
    assert [(r.url.rsplit("/", 1)[-1], r.status) for r in results] == [
        ("report.html", "fetched"), ("t2.png", "fetched"), ("t3.png", "fetched"),
        ("t4.png?token=REDACTED", "fetched"), ("missing.png", "failed")]
    shown = server.url("/files/t4.png?token=REDACTED")
    assert archive.page_images(_sha(page)) == {
        "images/t2.png": _sha(relative), "/files/t3.png": _sha(rooted), shown: _sha(secret)}
    (record,) = archive.provenance(_sha(secret))
    assert {k: record[k] for k in ("url", "page_url", "page_sha256", "src", "content_type")} == {
        "url": shown, "page_url": url, "page_sha256": _sha(page), "src": shown,
        "content_type": "image/png"}
    assert "s3cr3t" not in (tmp_path / "provenance.jsonl").read_text(encoding="utf-8")
    assert archive.get(_sha(relative)) == relative  # an object of its own
    (item,) = harvested_inputs(archive, [Source(url)])
    assert dict(item.images) == archive.page_images(_sha(page))
    siblings = ArchiveBytes(tmp_path).siblings(item)
    assert siblings("images/t2.png") == relative
    assert siblings(server.url("/files/t4.png?token=s3cr3t")) == secret  # redacted alike
    assert siblings("missing.png") is None

    # The next harvest asks for the page conditionally; a 304 keeps its images' links.
    server.respond("/gk/report.html", 304, b"", {"ETag": '"p1"'})
    again = harvest(archive, [Source(url)], fetcher())
    assert [r.status for r in again] == ["not_modified"]
    assert len(server.hits("/gk/images/t2.png")) == 1
    assert archive.page_images(_sha(page))["images/t2.png"] == _sha(relative)


def test_images_fetched_again_with_a_changed_page_are_asked_for_conditionally(
        server, fetcher, tmp_path: Path) -> None:
    image = _png((200, 0, 0))
    url, first = _serve_page(server, {"/gk/t2.png": image}, ["t2.png"])
    archive = RawArchive(tmp_path)
    harvest(archive, [Source(url)], fetcher())
    _, second = _serve_page(server, {}, ["t2.png", "t2.png?v=2"])
    server.respond("/gk/report.html", 200, second, {"Content-Type": "text/html"})
    server.respond("/gk/t2.png", 304, b"", {"ETag": '"i1"'})
    results = harvest(archive, [Source(url)], fetcher())
    assert [r.status for r in results] == ["fetched", "not_modified", "failed"]
    assert server.hits("/gk/t2.png")[1].headers["if-none-match"] == '"i1"'
    # The unchanged image is linked to the new page bytes too, without fetching it again.
    assert archive.page_images(_sha(second)) == {"t2.png": _sha(image)}
    assert archive.page_images(_sha(first)) == {"t2.png": _sha(image)}


@pytest.mark.slow
@pytest.mark.corpus
def test_a_harvested_page_whose_tables_are_images_is_read_through_them(
        server, fetcher, tmp_path: Path) -> None:
    """上海 2019's tables rendered by Chromium as PNG screenshots, served beside the page:
    every one of its 198 cells read back through the harvested images."""
    sys.path.insert(0, str(RENDERINGS))
    import scans
    from pictures import picture_page

    truth_path = CORPUS_TRUTH / "011.json"
    html, images = picture_page(truth_path)
    server.respond("/gk/2019/report.html", 200, html.encode("utf-8"),
                   {"Content-Type": "text/html; charset=utf-8"})
    for src, png in images.items():
        server.respond(f"/gk/2019/{src}", 200, png, {"Content-Type": "image/png"})
    archive = RawArchive(tmp_path)
    harvest(archive, [Source(server.url("/gk/2019/report.html"))], fetcher())
    inputs = harvested_inputs(archive, [Source(server.url("/gk/2019/report.html"))])
    (report,) = parse_inputs(inputs, ArchiveBytes(tmp_path), None).reports
    assert (report.status, report.rendering, report.check_source) == (
        "complete", "image", "ocr")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert scans.score(truth, report.values()) == {
        "cells": 198, "right": 198, "wrong": 0, "missed": 0, "invented": 0}


@pytest.mark.slow
@pytest.mark.corpus
def test_a_discovered_page_whose_tables_are_images_is_read_through_them(tmp_path: Path) -> None:
    """The same page found through a CMS column (tests/harvest/cms_sites.py): discovery
    archives its images linked to it, and the build reads all 198 cells through them."""
    sys.path.insert(0, str(RENDERINGS))
    import scans
    from cms_sites import CmsSite, _html
    from loopback import LoopbackServer
    from pictures import picture_page

    from pipelines.harvest.discover import discover_site
    from pipelines.harvest.fetch import Fetcher, FetchSettings
    from pipelines.inputs import discovered_inputs

    truth_path = CORPUS_TRUTH / "011.json"
    html, images = picture_page(truth_path)
    title = "上海市人民政府办公厅2019年政府信息公开工作年度报告"
    server = LoopbackServer()
    try:
        site = CmsSite(server, listing="/xxgk/ndbg/index.html")
        site.serve(site.listing, _html("政府信息公开年报", (
            f'<div class="main"><ul class="list"><li><a href="./2020/t0131_1.html" '
            f'title="{title}">{title}</a><span>2020-01-31</span></li></ul></div>')).encode())
        site.serve("/xxgk/ndbg/2020/t0131_1.html", html.encode("utf-8"))
        for src, png in images.items():
            site.serve(f"/xxgk/ndbg/2020/{src}", png, "image/png")
        with Fetcher(FetchSettings(timeout=5.0, retries=0, min_interval=0.0,
                                   trust_env=False)) as fetcher:
            discover_site([Source(site.url(site.listing), kind="listing")],
                          RawArchive(tmp_path), fetcher)
        (item,) = discovered_inputs(RawArchive(tmp_path))
    finally:
        server.stop()
    assert (item.title, [k for k, _ in item.images]) == (title, sorted(images))
    (report,) = parse_inputs([item], ArchiveBytes(tmp_path), None).reports
    assert (report.status, report.rendering, report.check_source) == (
        "complete", "image", "ocr")
    assert (report.agency, report.report_year) == ("上海市人民政府办公厅", 2019)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert scans.score(truth, report.values()) == {
        "cells": 198, "right": 198, "wrong": 0, "missed": 0, "invented": 0}
