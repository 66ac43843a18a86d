"""A release in parts by report year: when only one year changed, the next release makes
that year's files only, and every other year's files are the previous release's own (the
same inodes), byte-identical to a cold build; stock frictionless validates the multipart
package; one glob reads a table's Parquet parts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.inputs import InboxBytes, parse_inputs, scan_inbox
from pipelines.package import PackageInfo, previous_release, publish_files
from pipelines.parse_cache import ParseCache
from pipelines.parts import UNKNOWN, files_of, ordered, part_files, part_of
from pipelines.segments import SegmentCache, TablesResult, build_tables
from schemas.resources import resources

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples" / "inbox"
ADDED = ROOT / "tests" / "fixtures" / "reports" / "weishan-2020-truncated-pipe-rows.txt"
CREATED = "2025-01-02T03:04:05Z"


def _release(inbox: Path, work: Path, out: Path, version: str) -> tuple[Path, TablesResult]:
    """What `ogi build` does, without Dagster: parse, make the tables, publish."""
    parse_cache = ParseCache(work / "cache", "p")
    batch = parse_inputs(scan_inbox(inbox), InboxBytes(inbox), parse_cache, keep=False)
    segments = SegmentCache(work / "cache", "t")
    staged = work / "staged" / version / "data"
    try:
        result = build_tables(batch, parse_cache, segments, "t", staged,
                              previous=previous_release(out))
    finally:
        segments.close()
    info = PackageInfo(version=version, sources=[{"title": "test inbox"}], created=CREATED)
    return publish_files(staged, out, info), result


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, dict]:
    """1.0.0 from the samples, 1.1.0 with one more 2020 report, and 1.1.0 built cold."""
    tmp = tmp_path_factory.mktemp("parts")
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLES, inbox)
    out = tmp / "out"
    first, _ = _release(inbox, tmp / "work", out, "1.0.0")
    shutil.copy(ADDED, inbox / ADDED.name)
    second, result = _release(inbox, tmp / "work", out, "1.1.0")
    cold, _ = _release(inbox, tmp / "cold-work", tmp / "cold-out", "1.1.0")
    return first, second, cold, result.parts


def _data_files(release: Path) -> list[str]:
    found = (p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())
    return sorted(f for f in found if f.startswith("data/") or f.endswith(".zip"))


def test_only_the_changed_year_is_made(releases: tuple) -> None:
    *_, parts = releases
    assert list(parts) == ["2019", "2020", "2022", UNKNOWN]
    assert {p: info["reused"] for p, info in parts.items()} == {
        "2019": True, "2020": False, "2022": True, UNKNOWN: True}


def test_unchanged_years_are_the_previous_release_s_files(releases: tuple) -> None:
    first, second, *_ = releases
    for part in ("2019", "2022", UNKNOWN):
        files = [f"data/{f}" for name in resources() for f in part_files(name, part)]
        files.append(f"{first.parent.name}-1.1.0-{part}.zip")
        for path in files:
            before = first / path.replace("1.1.0", "1.0.0")
            assert os.path.samefile(before, second / path), path
    for name in resources():
        for path in part_files(name, "2020"):
            assert not os.path.samefile(first / "data" / path, second / "data" / path)


def test_an_incremental_release_is_byte_identical_to_a_cold_build(releases: tuple) -> None:
    _, second, cold, _ = releases
    files = _data_files(second)
    assert files == _data_files(cold)
    assert len(files) == 4 * 8 * 2 + 4 + 1  # parts x tables x formats, part zips, the zip
    for path in files:
        if not path.endswith("-1.1.0.zip"):  # the whole zip holds index.html, which differs
            assert (second / path).read_bytes() == (cold / path).read_bytes(), path
    # The descriptors differ only in the documents (the changelog has a previous release).
    descriptor, other = (json.loads((r / "datapackage.json").read_text(encoding="utf-8"))
                         for r in (second, cold))
    assert {k: v for k, v in descriptor.items() if k != "files"} \
        == {k: v for k, v in other.items() if k != "files"}
    assert [f for f in descriptor["files"] if f["path"].endswith(".zip")] \
        == [f for f in other["files"] if f["path"].endswith(".zip")]


def test_stock_frictionless_validates_the_multipart_package(releases: tuple) -> None:
    _, second, *_ = releases
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json",
                             "datapackage.json"], cwd=second, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    report = json.loads(result.stdout)
    assert (report["valid"], report["stats"]["tasks"]) == (True, 8)  # one task a table
    rows = {t["name"]: t["stats"]["rows"] for t in report["tasks"]}
    assert rows["reports"] == 8


def test_one_glob_reads_every_part(releases: tuple) -> None:
    _, second, *_ = releases
    years = duckdb.sql(
        f"SELECT report_year, count(*) FROM read_parquet('{second}/data/reports/*/*.parquet') "
        "GROUP BY ALL ORDER BY ALL").fetchall()
    assert years == [(2019, 2), (2020, 2), (2022, 3), (None, 1)]
    cells = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{second}/data/cells/*/*.parquet')").fetchall()
    assert cells == [(sum(pq.ParquetFile(p).metadata.num_rows
                          for p in files_of(second / "data", "cells", "parquet")),)]
    assert ordered(["unknown", "2021", "2019"]) == ["2019", "2021", "unknown"]
    assert (part_of(None), part_of(2020)) == (UNKNOWN, "2020")
