"""The tables made by segments: the same bytes however the reports are cut into segments
and tasks, in one process or two; a new report makes only its own segment again; a
report's segment is made again when its cross-year neighbours change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from pipelines.crossyear import YearEntry, add_entry
from pipelines.inputs import InboxBytes, ParsedBatch, parse_inputs, scan_inbox
from pipelines.parse_cache import ParseCache
from pipelines.parts import part_files
from pipelines.segments import (
    SegmentCache,
    TablesResult,
    build_tables,
    part_keys,
    segment_bits,
    segment_of,
    segments_of,
)
from schemas.resources import resources

ROOT = Path(__file__).parents[2]
INBOXES = (ROOT / "samples" / "inbox", ROOT / "tests" / "fixtures" / "reports")
FINGERPRINT = "test"


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples and the fixture reports (text, HTML, PDF, DOC)."""
    folder = tmp_path_factory.mktemp("inbox")
    for source in INBOXES:
        for path in source.iterdir():
            shutil.copy(path, folder / path.name)
    return folder


def _parse(inbox: Path, cache_dir: Path, leave_out: tuple[str, ...] = ()) -> ParsedBatch:
    inputs = [i for i in scan_inbox(inbox) if i.source not in leave_out]
    return parse_inputs(inputs, InboxBytes(inbox), ParseCache(cache_dir, "p"), keep=False)


def _build(batch: ParsedBatch, tables_dir: Path, staged: Path, **kwargs) -> TablesResult:
    """Tables from the parse cache under tmp/cache, with segments cached in `tables_dir`."""
    segments = SegmentCache(tables_dir, FINGERPRINT)
    parse_cache = ParseCache(staged.parents[1] / "cache", "p")
    try:
        return build_tables(batch, parse_cache, segments, FINGERPRINT, staged, **kwargs)
    finally:
        segments.close()


def _files(staged: Path) -> dict[str, bytes]:
    return {p.relative_to(staged).as_posix(): p.read_bytes()
            for p in sorted(staged.rglob("*")) if p.is_file()}


def test_segment_bits_grow_in_steps_of_two() -> None:
    assert [segment_bits(n) for n in (0, 32, 33, 128, 129, 100_000)] == [0, 0, 2, 2, 4, 12]
    assert segment_of("f" * 64, 0) == 0
    assert segment_of("c0" + "0" * 62, 2) == 3 and segment_of("3f" + "0" * 62, 2) == 0


def test_the_same_bytes_however_the_work_is_cut(inbox: Path, tmp_path: Path) -> None:
    batch = _parse(inbox, tmp_path / "cache")
    whole = _build(batch, tmp_path / "c1", tmp_path / "one" / "data", workers=1)
    cut = _build(batch, tmp_path / "c2", tmp_path / "two" / "data", workers=2,
                 per_segment=1, per_task=4)
    assert (whole.segments, whole.made) == (1, 1)
    assert cut.segments == len(segments_of(batch, FINGERPRINT, 1)) > 8
    assert _files(tmp_path / "one" / "data") == _files(tmp_path / "two" / "data")
    assert whole.rows == cut.rows and whole.rows["reports"] == len(batch.inputs) == 14
    assert whole.failed_checks == cut.failed_checks == {
        "t3_results_total_natural_person": 1, "t3_results_total_total": 1,
        "text_requests_received": 1, "text_requests_received_natural_person": 1}


def test_a_new_report_makes_only_its_own_segment(inbox: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = _parse(inbox, cache, leave_out=("huaian-2024.pdf",))
    first = _build(before, cache, tmp_path / "a" / "data", per_segment=1)
    after = _parse(inbox, cache)
    second = _build(after, cache, tmp_path / "b" / "data", per_segment=1)
    assert (first.made, first.reused) == (first.segments, 0)
    assert second.made == 1 and second.reused == second.segments - 1
    cold = _build(after, tmp_path / "cold", tmp_path / "c" / "data", per_segment=1)
    assert _files(tmp_path / "b" / "data") == _files(tmp_path / "c" / "data")
    assert set(_files(tmp_path / "b" / "data")) == {
        f for n in resources() for part in part_keys(after, FINGERPRINT)
        for f in part_files(n, part)}
    assert list(part_keys(after, FINGERPRINT)) == ["2019", "2020", "2022", "2023", "2024",
                                                   "unknown"]
    assert cold.made == cold.segments


def test_a_build_grown_past_a_step_cuts_unchanged_segments_from_cached_ones(
        inbox: Path, tmp_path: Path) -> None:
    """12 reports in 4 segments, then 14 in 16 (segment_bits steps from 2 to 4 with 3 a
    segment): the new segments inside the 3 larger ones without a new report are cut
    from their cached rows, not made, and the files are a cold build's, byte for byte."""
    cache = tmp_path / "cache"
    whole = _parse(inbox, cache)
    by_quarter: dict[int, list[str]] = {}
    for sha in sorted(whole.inputs):
        by_quarter.setdefault(segment_of(sha, 2), []).append(sha)
    # two reports of one quarter that keeps a third, neither with a duplicate's name
    new = [whole.inputs[sha].source for sha in max(by_quarter.values(), key=len)
           if not whole.duplicates.get(sha)][:2]
    before = _parse(inbox, cache, leave_out=tuple(new))
    first = _build(before, cache, tmp_path / "a" / "data", per_segment=3)
    second = _build(whole, cache, tmp_path / "b" / "data", per_segment=3)
    cold = _build(whole, tmp_path / "cold", tmp_path / "c" / "data", per_segment=3)
    assert segment_bits(12, 3) == 2 and segment_bits(14, 3) == 4
    assert first.segments == len(by_quarter) == 4
    unchanged = sum(len({segment_of(sha, 4) for sha in shas}) for shas in by_quarter.values()
                    if not set(new) & {whole.inputs[sha].source for sha in shas})
    assert second.derived == unchanged > 0
    assert second.made == second.segments - unchanged == cold.made - unchanged
    assert _files(tmp_path / "b" / "data") == _files(tmp_path / "c" / "data")
    assert (second.withheld, second.failed_checks) == (cold.withheld, cold.failed_checks)
    assert (cold.derived, first.derived) == (0, 0)


def test_a_new_previous_year_changes_the_successor_segment_only(inbox: Path,
                                                                tmp_path: Path) -> None:
    batch = _parse(inbox, tmp_path / "cache")
    before = {s.shas[0]: s.key for s in segments_of(batch, FINGERPRINT, 1)}
    sha, summary = next((sha, s) for sha, s in batch.summaries.items()
                        if s.cross_year is not None)
    add_entry(batch.years, summary.agency_id, summary.report_year - 1,
              YearEntry("0" * 16, {"t2.regulations.in_force": 3}))
    after = {s.shas[0]: s.key for s in segments_of(batch, FINGERPRINT, 1)}
    assert {s for s in before if before[s] != after[s]} == {sha}


def test_a_parse_cache_emptied_under_the_build_is_named(inbox: Path, tmp_path: Path) -> None:
    batch = _parse(inbox, tmp_path / "cache")
    (tmp_path / "cache" / "parse-p.sqlite").unlink()
    with pytest.raises(LookupError, match=r"^14 parsed reports are not in .*parse-p\.sqlite, "
                       r"e\.g\. .*: run the build again to parse them$"):
        _build(batch, tmp_path / "tables", tmp_path / "x" / "data")


def test_cached_segments_are_counted_without_decompressing(inbox: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A +100 build reads thousands of cached segments to write a few parts: each
    segment's row count is stored beside its bytes, so reading them packed opens no
    Arrow stream, and the counts are the rows the bytes hold."""
    batch = _parse(inbox, tmp_path / "cache")
    result = _build(batch, tmp_path / "tables", tmp_path / "x" / "data", per_segment=1)
    keys = [s.key for s in segments_of(batch, FINGERPRINT, 1)]
    parts = set(part_keys(batch, FINGERPRINT))
    cache = SegmentCache(tmp_path / "tables", FINGERPRINT)
    opened = pa.ipc.open_stream
    monkeypatch.setattr(pa.ipc, "open_stream", _no_stream)
    packed = [tables for tables, _ in cache.read_all(keys, parts, packed=True)]
    monkeypatch.setattr(pa.ipc, "open_stream", opened)
    counts: dict[str, int] = {}
    for tables in packed:
        for key, rows in tables.items():
            assert rows.num_rows == rows.table().num_rows
            counts[key.split("/")[0]] = counts.get(key.split("/")[0], 0) + rows.num_rows
    cache.close()
    assert counts == result.rows and counts["reports"] == 14


def _no_stream(data: bytes) -> None:
    raise AssertionError("a cached segment was decompressed to count its rows")
