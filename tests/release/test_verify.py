"""Reading a release back (pipelines/release/verify.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.parts import files_of, part_files
from pipelines.release import verify
from pipelines.release.verify import csv_batches, frictionless_problems, read_back, read_types


def test_text_with_line_breaks_reads_back_across_block_boundaries(sample_release: Path
                                                                   ) -> None:
    # A section's text keeps its line breaks, quoted over several CSV lines. Arrow's block
    # reader failed ("out of sync with chunker") whenever a block began inside such a
    # value: the 100,000-report benchmark's release failed its verification so. Blocks
    # just larger than the longest section put boundaries inside the sample's sections.
    frame = read_back(sample_release, "sections", "parquet")
    assert frame["text_original"].str.contains("\n").sum() > 0
    longest = max(len(t.encode()) for t in frame["text_original"].dropna())
    paths = files_of(sample_release / "data", "sections", "csv")
    assert sum(p.stat().st_size for p in paths) > 4 * longest  # so there are boundaries
    rows = pa.Table.from_batches([b for p in paths for b in csv_batches(
        p, read_types("sections"), block_size=2 * longest + 1024)])
    assert rows.num_rows == len(frame)
    assert rows.column("text_original").to_pylist() == frame["text_original"].tolist()


def test_a_sample_checks_the_parts_made_in_this_build(sample_release: Path,
                                                      tmp_path: Path) -> None:
    # An incremental build carries the unchanged parts over; a sample of a table's first
    # rows would check only its oldest part, never the one just made.
    release = tmp_path / sample_release.name
    shutil.copytree(sample_release, release)
    paths = {str(p.relative_to(release)) for p in release.glob("data/*/*.csv")}
    bad = next(p for p in sorted(paths)
               if '"carried_forward",0,' in (release / p).read_text(encoding="utf-8"))
    text = (release / bad).read_text(encoding="utf-8")
    (release / bad).write_text(text.replace('"carried_forward",0,', '"carried_forward",x,', 1),
                               encoding="utf-8")
    made = frictionless_problems(release, 10_000, carried=paths - {bad})
    assert made and all(line.startswith("t3_requests, row ") for line in made), made
    assert frictionless_problems(release, 10_000, carried=paths) == []


def test_wide_rows_are_compared_fewer_at_a_time(sample_release: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # The Parquet and CSV copies are compared a slice of rows at a time; a slice of a
    # report's sections is bounded by its bytes as well as its rows, so that text-heavy
    # rows do not make the comparison's memory grow with them.
    monkeypatch.setattr(verify, "COMPARE_BYTES", 20_000)
    release = tmp_path / sample_release.name
    shutil.copytree(sample_release, release)
    csv_path, parquet_path = (release / "data" / f for f in part_files("sections", "2019"))
    rows = pq.ParquetFile(parquet_path).metadata.num_rows
    step = verify.compare_rows(parquet_path)
    assert (rows, step) == (14, 5)  # 49,353 bytes of 14 rows: 5 rows a time
    assert verify.content_problems(csv_path, parquet_path, "sections") == []
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    assert lines[-1].endswith("韶关市浈江区人民政府\"\n")  # the last row's last line
    lines[-1] = lines[-1].replace("政府", "政符")
    csv_path.write_text("".join(lines), encoding="utf-8-sig")
    assert verify.content_problems(csv_path, parquet_path, "sections") == [
        f"sections: {parquet_path.name} differs from {csv_path.name} in rows 11-14"]
