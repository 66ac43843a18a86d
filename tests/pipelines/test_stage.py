"""The staged table files: batches waiting for the writer threads are bounded, and the
bound changes no byte of any file."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines import stage
from pipelines.inputs import InboxBytes, ParsedBatch, parse_inputs, scan_inbox
from pipelines.parse_cache import ParseCache
from pipelines.parts import parquet_file, parts_in
from pipelines.segments import SegmentCache, build_tables
from pipelines.stage import TableFiles
from schemas.resources import resources

ROOT = Path(__file__).parents[2]
INBOX = ROOT / "samples" / "inbox"  # text and HTML reports, a duplicate, a non-report


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> tuple[ParsedBatch, ParseCache]:
    cache = ParseCache(tmp_path_factory.mktemp("cache"), "p")
    return parse_inputs(scan_inbox(INBOX), InboxBytes(INBOX), cache, keep=False), cache


def _tables(parsed: tuple[ParsedBatch, ParseCache], tmp: Path) -> Path:
    """The tables staged under tmp, made one report a segment, four a task."""
    segments = SegmentCache(tmp / "segments", "t")
    try:
        build_tables(*parsed, segments, "t", tmp / "data", workers=1, per_segment=1,
                     per_task=4)
    finally:
        segments.close()
    return tmp / "data"


@pytest.fixture(scope="module")
def staged(parsed: tuple[ParsedBatch, ParseCache],
           tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample reports' tables, staged with the default bound."""
    return _tables(parsed, tmp_path_factory.mktemp("default"))


def test_a_build_with_no_batch_waiting_writes_the_same_bytes(
        parsed: tuple[ParsedBatch, ParseCache], staged: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "MAX_QUEUED_BYTES", 0)
    files = _files(staged)
    assert len(files) == 2 * len(resources()) * len(parts_in(staged, "reports"))
    assert _files(_tables(parsed, tmp_path)) == files


def test_batches_wait_for_the_writers_beyond_the_bound(staged: Path, tmp_path: Path) -> None:
    """Every staged part appended again three rows at a time, each table and part in
    turn: with no bound every batch may wait at once; with a bound of 0 only the newest
    one ever waits, and the files are the same bytes."""
    batches = [(name, part, pa.Table.from_batches([batch]))
               for name in resources() for part in parts_in(staged, name)
               for batch in pq.read_table(staged / parquet_file(name, part), partitioning=None
                                          ).to_batches(max_chunksize=3)]
    assert len(batches) > 100
    largest = max(b.nbytes for _, _, b in batches)
    most = {}
    for bound in (0, 1 << 40):
        with TableFiles(tmp_path / str(bound), max_queued=bound) as files:
            for name, part, batch in batches:
                files.append_arrow(name, part, batch)
            most[bound] = files.most_queued
    assert _files(tmp_path / "0") == _files(tmp_path / str(1 << 40))
    assert most[0] <= largest
