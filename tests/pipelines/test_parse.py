"""One file end to end: bad input and parser bugs come back `failed` with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import parse
from pipelines.read import read_file
from pipelines.recognise.report import recognise


def test_an_unreadable_file_is_failed_with_the_reason() -> None:
    report = parse.parse_bytes("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert report.status == "failed"
    assert report.reason.startswith("scan.png: the image cannot be decoded (")
    assert [f.code for f in report.flags] == ["unreadable_file"]


def test_a_parser_bug_fails_the_file_not_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc):
        raise KeyError("t3.new_received.total")

    monkeypatch.setattr(parse, "recognise", broken)
    report = parse.parse_bytes("报告.txt", "规章 0\n".encode())
    assert (report.status, report.rendering, report.cells) == ("failed", "unknown", {})
    assert report.reason == "报告.txt: parser error: KeyError: 't3.new_received.total'"
    assert [(f.code, f.message) for f in report.flags] == [("parser_error", report.reason)]


def test_enrichment_runs_after_recognition(fixtures_dir: Path) -> None:
    """The agency's place is added by parse.py (pipelines/enrich), not by the recogniser."""
    path = fixtures_dir / "reports" / "seed-shaoguan-zhenjiang-2019.txt"
    assert recognise(read_file(path)).place == {}
    place = parse.parse_file(path).place
    assert (place["agency_id"][:6], place["level"]) == ("440204", "county")
