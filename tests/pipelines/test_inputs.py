"""A build's inputs parsed in worker processes: the same results as in one process, and
a file that kills its worker ends `failed` alone while the build goes on."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.inputs import InboxBytes, Input, parse_inputs, scan_inbox
from pipelines.parse_cache import ParseCache

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
BOMB = "zz-kills-its-parser.txt"
CRASH = "zz-crashes-its-parser.txt"


@dataclass(frozen=True)
class KillingReader(InboxBytes):
    """Reads the inbox, but kills the process that reads BOMB (as the OOM killer would)
    and crashes the one that reads CRASH (as a bug in a native library would)."""

    def __call__(self, item: Input) -> bytes:
        if item.source == BOMB:
            os.kill(os.getpid(), signal.SIGKILL)
        if item.source == CRASH:
            os.kill(os.getpid(), signal.SIGSEGV)
        return super().__call__(item)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for path in SAMPLES.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / BOMB).write_text("一个会让解析进程崩溃的文件", encoding="utf-8")
    (folder / CRASH).write_text("另一个会让解析进程崩溃的文件", encoding="utf-8")
    return folder


def test_workers_parse_as_one_process_does(inbox: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipelines.inputs.PARSE_CHUNK", 2)  # several chunks, both workers
    items = [i for i in scan_inbox(inbox) if i.source not in (BOMB, CRASH)]
    one = parse_inputs(items, InboxBytes(inbox), ParseCache(tmp_path / "a", "f"))
    two = parse_inputs(items, InboxBytes(inbox), ParseCache(tmp_path / "b", "f"), workers=2)
    assert [r.as_json() for r in one.reports] == [r.as_json() for r in two.reports]
    assert (one.statuses, one.summaries, one.years) == (two.statuses, two.summaries, two.years)


def test_a_file_that_kills_its_worker_fails_alone(inbox: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipelines.inputs.PARSE_CHUNK", 3)
    cache = ParseCache(tmp_path, "f")
    batch = parse_inputs(scan_inbox(inbox), KillingReader(inbox), cache, workers=2)
    by_name = {r.file: r for r in batch.reports}
    bomb, crash = by_name.pop(BOMB), by_name.pop(CRASH)
    assert (bomb.status, [f.code for f in bomb.flags]) == ("failed", ["resource_limit"])
    assert bomb.reason == (f"{BOMB}: the parsing process was killed (SIGKILL) reading this "
                           "file: out of memory or CPU time")
    assert (crash.status, [f.code for f in crash.flags]) == ("failed", ["parser_error"])
    assert crash.reason == (f"{CRASH}: parser error: the parsing process died reading this "
                            "file (exit code -11: a crash in a library, or out of memory)")
    assert {r.status for r in by_name.values()} == {"complete", "partial", "failed"}
    assert by_name["shanghai-office-2019.html"].status == "complete"
    assert len(by_name) == len(batch.inputs) - 2 == 7
    assert cache.get(bomb.sha256, BOMB).status == "failed"


def _png(colour: tuple[int, int, int]) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(out, "PNG")
    return out.getvalue()


def test_an_inbox_pages_images_are_read_with_it_and_listed_as_skipped(tmp_path: Path) -> None:
    from pipelines.archive import RawArchive
    from pipelines.inputs import ArchiveBytes, archive_inbox

    inbox = tmp_path / "inbox"
    (inbox / "2023" / "images").mkdir(parents=True)
    (inbox / "shared").mkdir()
    page = ('<html><body><p>报告</p><img src="images/t2.png"><img src="../shared/t3.png?x=1">'
            '<img src="http://example.org/t4.png"><img src="../../outside.png">'
            '<table><tr><td>a</td></tr></table></body></html>')
    (inbox / "2023" / "report.html").write_text(page, encoding="utf-8")
    (inbox / "2023" / "images" / "t2.png").write_bytes(_png((200, 0, 0)))
    (inbox / "shared" / "t3.png").write_bytes(_png((0, 200, 0)))
    (inbox / "photo.jpg").write_bytes(_png((0, 0, 200)))  # shown by no page: a report
    (tmp_path / "outside.png").write_bytes(_png((9, 9, 9)))
    archived = archive_inbox(RawArchive(tmp_path / "archive"), inbox)
    assert [(i.source, [k for k, _ in i.images]) for i in archived.inputs] == [
        ("2023/report.html", ["2023/images/t2.png", "shared/t3.png"]), ("photo.jpg", [])]
    assert [(s.entry, s.reason) for s in archived.skipped] == [
        ("2023/images/t2.png", "an image shown by the page 2023/report.html: read as part "
                               "of that page, not as a report"),
        ("shared/t3.png", "an image shown by the page 2023/report.html: read as part of "
                          "that page, not as a report")]
    for read in (ArchiveBytes(tmp_path / "archive"), InboxBytes(inbox)):
        siblings = read.siblings(archived.inputs[0])
        assert siblings("images/t2.png") == _png((200, 0, 0))
        assert siblings("../shared/t3.png?x=1") == _png((0, 200, 0))
        assert siblings("../../outside.png") is None
        assert siblings("http://example.org/t4.png") is None
        assert read.siblings(archived.inputs[1]) is None


def test_pages_in_top_folders_without_images_are_not_read_for_links(tmp_path: Path) -> None:
    from pipelines.archive import RawArchive
    from pipelines.inputs import archive_inbox

    inbox = tmp_path / "inbox"
    (inbox / "a").mkdir(parents=True)
    (inbox / "b").mkdir()
    (inbox / "a" / "t.png").write_bytes(_png((200, 0, 0)))
    (inbox / "b" / "page.html").write_text(
        '<html><body><img src="../a/t.png"><table><tr><td>x</td></tr></table></body></html>',
        encoding="utf-8")
    (inbox / "root.html").write_text(
        '<html><body><img src="a/t.png"><table><tr><td>x</td></tr></table></body></html>',
        encoding="utf-8")
    archived = archive_inbox(RawArchive(tmp_path / "archive"), inbox)
    assert [(i.source, [k for k, _ in i.images]) for i in archived.inputs] == [
        ("b/page.html", []), ("root.html", ["a/t.png"])]
    assert [s.entry for s in archived.skipped] == ["a/t.png"]


def _build(inbox: Path, work: Path):
    """An inbox build's parse step, as the assets run it: archived, then parsed through
    the archive with the parse cache."""
    from pipelines.archive import RawArchive
    from pipelines.inputs import ArchiveBytes, archive_inbox

    inputs = archive_inbox(RawArchive(work / "archive"), inbox).inputs
    return parse_inputs(inputs, ArchiveBytes(work / "archive"), ParseCache(work / "cache", "f"))


def test_an_image_linked_to_an_unchanged_page_later_makes_it_parsed_again(
        tmp_path: Path) -> None:
    """The parse cache keys a page's parse by its bytes and its linked images: the page is
    parsed again when an image it shows arrives or is replaced, and reused otherwise; its
    report keeps the page's sha256, and the segment holding it is made again."""
    from pipelines.segments import segments_of

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    page = (SAMPLES / "shanghai-office-2019.html").read_bytes() + b'<p><img src="t2.png"></p>'

    (inbox / "report.html").write_bytes(page)
    builds = [_build(inbox, tmp_path)]
    (inbox / "t2.png").write_bytes(_png((200, 0, 0)))
    builds += [_build(inbox, tmp_path), _build(inbox, tmp_path)]
    (inbox / "t2.png").write_bytes(_png((0, 200, 0)))  # replaced
    builds.append(_build(inbox, tmp_path))
    assert [(b.parsed, b.reused) for b in builds] == [(1, 0), (1, 0), (0, 1), (1, 0)]
    shas = {r.sha256 for b in builds for r in b.reports}
    assert shas == {hashlib.sha256(page).hexdigest()}
    assert [[k for k, _ in i.images] for b in builds for i in b.inputs.values()] == [
        [], ["t2.png"], ["t2.png"], ["t2.png"]]
    keys = [[s.key for s in segments_of(b, "f")] for b in builds]
    assert keys[1] == keys[2] and len({keys[0][0], keys[1][0], keys[3][0]}) == 3
    assert builds[1].reports[0].as_json() == builds[2].reports[0].as_json()


@pytest.mark.slow
@pytest.mark.corpus
def test_table_images_added_beside_an_unchanged_page_are_read_by_the_next_build(
        tmp_path: Path) -> None:
    """上海 2019's page with its tables as images, built first without the images (the
    cells they hold missed), then with them: the next build parses the unchanged page again and
    reads every one of its 198 cells; a build after that reuses the parse."""
    import json
    import sys

    renderings = Path(__file__).parents[1] / "renderings"
    sys.path.insert(0, str(renderings))
    import scans
    from pictures import picture_page

    truth_path = Path(__file__).parents[3] / "shared" / "corpus" / "truth" / "011.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    html, images = picture_page(truth_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "report.html").write_text(html, encoding="utf-8")
    before = _build(inbox, tmp_path)
    (inbox / "images").mkdir()
    for src, png in images.items():
        (inbox / src).write_bytes(png)
    after, again = _build(inbox, tmp_path), _build(inbox, tmp_path)
    assert [(b.parsed, b.reused) for b in (before, after, again)] == [(1, 0), (1, 0), (0, 1)]
    # Without its images, only the cells the truth leaves empty are "right".
    assert scans.score(truth, before.reports[0].values()) == {
        "cells": 198, "right": 135, "wrong": 0, "missed": 63, "invented": 0}
    (report,) = after.reports
    assert (report.status, report.rendering, report.check_source) == (
        "complete", "image", "ocr")
    assert scans.score(truth, report.values()) == {
        "cells": 198, "right": 198, "wrong": 0, "missed": 0, "invented": 0}
    assert again.reports[0].as_json() == report.as_json()
