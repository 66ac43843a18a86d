"""The parse cache: reports stored whole in SQLite, read back equal, with the summaries a
build needs, seen by a new connection (another process) once a chunk is committed."""

from __future__ import annotations

import pickle
from pathlib import Path

from pipelines.parse import parse_file
from pipelines.parse_cache import CachedSummary, CacheEntry, ParseCache, parse_key

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"


def test_a_cached_report_reads_back_equal_under_its_new_name(tmp_path: Path) -> None:
    report = parse_file(SAMPLES / "shanghai-office-2019.html")
    cache = ParseCache(tmp_path, "fp1")
    cache.put(report)
    again = ParseCache(tmp_path, "fp1").get(report.sha256, "renamed.html")
    assert again.file == "renamed.html"
    assert again.as_json() | {"file": report.file} == report.as_json()


def test_summaries_and_many_reports_in_one_query(tmp_path: Path) -> None:
    reports = [parse_file(SAMPLES / n) for n in
               ("pingtan-2020.txt", "notice-not-a-report.txt", "seed-shaoguan-zhenjiang-2019.txt")]
    cache = ParseCache(tmp_path, "fp1")
    cache.put_many([CacheEntry.of(r) for r in reports])
    pingtan, notice, seed = reports
    summaries = cache.summaries([r.sha256 for r in reports] + ["0" * 64])
    assert summaries[notice.sha256] == CachedSummary(notice.sha256, "failed", None, None, None)
    assert (summaries[pingtan.sha256].status, summaries[pingtan.sha256].report_year) == (
        "complete", 2020)
    assert summaries[pingtan.sha256].agency_id == pingtan.place["agency_id"]
    assert len(summaries) == 3
    names = list(cache.get_many([(seed.sha256, "a.txt"), ("0" * 64, "b.txt"),
                                 (pingtan.sha256, "c.txt")]))
    assert [r.file if r else None for r in names] == ["a.txt", None, "c.txt"]


def test_another_fingerprint_is_another_cache(tmp_path: Path) -> None:
    report = parse_file(SAMPLES / "pingtan-2022.txt")
    ParseCache(tmp_path, "fp1").put(report)
    assert ParseCache(tmp_path, "fp2").get(report.sha256, "x") is None
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == [
        "parse-fp1.sqlite", "parse-fp2.sqlite"]


def test_a_cache_pickles_without_its_connection(tmp_path: Path) -> None:
    report = parse_file(SAMPLES / "pingtan-2022.txt")
    cache = ParseCache(tmp_path, "fp1")
    cache.put(report)
    copy = pickle.loads(pickle.dumps(cache))  # what a worker process receives
    assert copy.get(report.sha256, "x").sha256 == report.sha256


def test_a_parse_is_keyed_by_its_bytes_and_what_it_read_with_them(tmp_path: Path) -> None:
    """A page's parse with an image linked, or another listing title, is another parse;
    the report keeps its content's sha256 either way."""
    report = parse_file(SAMPLES / "pingtan-2022.txt")
    sha = report.sha256
    linked = parse_key(sha, [("t2.png", "a" * 64)])
    assert parse_key(sha) == sha
    assert len({sha, linked, parse_key(sha, [("t2.png", "b" * 64)]), parse_key(sha, title="x"),
                parse_key(sha, [("t3.png", "a" * 64)])}) == 5
    # The images' order is not part of the key (the links are a set).
    both = [("t2.png", "a" * 64), ("t3.png", "b" * 64)]
    assert parse_key(sha, both) == parse_key(sha, both[::-1])
    cache = ParseCache(tmp_path, "fp1")
    cache.put(report, linked)
    assert cache.get(sha, "x") is None
    assert cache.get(linked, "x").sha256 == sha
    assert cache.summaries([sha, linked])[linked].sha256 == sha


def test_summaries_share_the_words_every_report_repeats(tmp_path: Path) -> None:
    # A build holds every report's summary; the cross-year cell ids, the status and the
    # role are one string each across reports, not one per report.
    reports = [parse_file(SAMPLES / n) for n in ("seed-shaoguan-zhenjiang-2019.txt",
                                                 "shanghai-office-2019.html")]
    cache = ParseCache(tmp_path, "fp1")
    cache.put_many([CacheEntry.of(r) for r in reports])
    first, second = (cache.summaries([r.sha256])[r.sha256] for r in reports)
    assert first.cross_year.values == CacheEntry.of(reports[0]).summary.cross_year.values
    shared = set(first.cross_year.values) & set(second.cross_year.values)
    assert len(shared) == 20
    by_text = {cell: cell for cell in second.cross_year.values}
    assert all(cell is by_text[cell] for cell in first.cross_year.values if cell in shared)
    assert first.status is second.status == "complete"
    assert (first.cross_year.role, second.cross_year.role) == ("government", "department")
