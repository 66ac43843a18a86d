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
    def broken(doc, title=None):
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


def test_a_wrapped_attachment_takes_what_it_lacks_from_its_listed_title(
        fixtures_dir: Path) -> None:
    """An attachment that starts at its body (its title on the page around it) is read
    with the title it was listed under: the agency it lacks comes from there, flagged;
    the year it prints stays its own."""
    path = fixtures_dir / "reports" / "seed-shaoguan-zhenjiang-2019.txt"
    whole = parse.parse_file(path)
    text = path.read_text(encoding="utf-8")
    body = text[text.index("一、总体情况"):].encode()
    assert parse.parse_bytes("附件.txt", body).agency is None
    title = "韶关市浈江区人民政府2019年政府信息公开工作年度报告"
    report = parse.parse_bytes("附件.txt", body, title=title)
    assert (report.agency, report.report_year, report.place["agency_id"]) == (
        whole.agency, 2019, whole.place["agency_id"])
    assert report.values() == whole.values()
    assert [(f.code, f.message) for f in report.flags if f.code.startswith("metadata")] == [
        ("metadata_from_body", "year from an opening sentence"),
        ("metadata_from_page", f"agency from the title of the listing entry: {title}")]
