"""Faults and hostile inputs end to end: a build SIGKILLed before, during and after its
release's rename; two builds at once over one cache; a build over every kind of hostile
inbox entry. Every outcome is a whole release or none, latest.json and the dataset page
are right after the next build, and nothing from outside the inbox is archived."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from test_budget import slow_pdf, zip_bomb
from test_inbox import READ, SAMPLES, SECRET, SKIPPED, make_hostile_inbox
from test_lock import HOLD
from test_package import INFO, _tables, incomplete

from pipelines.package import DATASET_NAME, publish
from pipelines.parts import files_of
from pipelines.release.versions import published_versions

pytestmark = pytest.mark.slow

# A child that publishes release 1.1.0 and SIGKILLs itself at one point of publishing.
KILLED_PUBLISH = """
import os, signal, sys
from dataclasses import replace
sys.path.insert(0, sys.argv[3])
from test_package import INFO, _tables
from pipelines import package
from pipelines.release import page, versions

out, point = sys.argv[1], sys.argv[2]
real_rename, real_replace = os.rename, os.replace

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

def rename(source, target):
    if os.path.basename(target) == "1.1.0":  # the release's rename, not a temporary one
        if point == "before-rename":
            die()
        real_rename(source, target)
        die()  # after the rename, before latest.json
    return real_rename(source, target)

def released():
    return os.path.isdir(os.path.join(out, package.DATASET_NAME, "1.1.0"))

def replace_pointer(source, target):
    if os.path.basename(target) == "latest.json" and released():
        die()  # its new version written beside it, not yet in place
    return real_replace(source, target)

def write_page(parent):
    if released():
        die()
    return real_page(parent)

if point == "filling":
    real_write = package.write_tables
    package.write_tables = lambda data, batches: (real_write(data, batches), die())
elif point == "validating":
    package._validate = die
elif point in ("before-rename", "after-rename"):
    package.os.rename = rename
elif point == "writing-latest":
    versions.os.replace = replace_pointer
elif point == "writing-page":
    real_page, page.write_dataset_page = page.write_dataset_page, write_page
package.publish(_tables(), out, replace(INFO, version="1.1.0"))
"""

POINTS = {"filling": [], "validating": [], "before-rename": [], "after-rename": ["1.1.0"],
          "writing-latest": ["1.1.0"], "writing-page": ["1.1.0"]}


def _consistent(parent: Path) -> None:
    """Whole releases only, no build folder, latest.json and index.html up to date."""
    releases = published_versions(parent)
    for version in releases:
        assert incomplete(parent / version) == [], version
    # A pointer's temporary file (.latest.*, .index.*) goes after a minute: another
    # build may be about to rename it into place.
    hidden = [p.name for p in parent.iterdir() if p.name.startswith(".")]
    assert not [n for n in hidden if not n.startswith((".latest.", ".index."))]
    assert json.loads((parent / "latest.json").read_text())["version"] == releases[-1]
    page = (parent / "index.html").read_text(encoding="utf-8")
    assert all(f"{version}/" in page for version in releases)


@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_anywhere_leaves_a_whole_release_or_none(tmp_path: Path,
                                                                point: str) -> None:
    parent = publish(_tables(), tmp_path, replace(INFO, version="1.0.0")).parent
    killed = subprocess.run([sys.executable, "-c", KILLED_PUBLISH, str(tmp_path), point,
                             str(Path(__file__).parent)], capture_output=True, text=True,
                            timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert published_versions(parent) == ["1.0.0", *POINTS[point]]
    for version in published_versions(parent):
        assert incomplete(parent / version) == []
    # The next build (auto: nothing changed, so no new release) repairs the rest.
    publish(_tables(), tmp_path, replace(INFO, version="auto"))
    assert published_versions(parent) == ["1.0.0", *POINTS[point]]
    _consistent(parent)


def _csv_rows(release: Path, name: str) -> list[dict]:
    """Every row of a table's CSV parts."""
    rows = []
    for path in files_of(release / "data", name, "csv"):
        with path.open(encoding="utf-8-sig") as file:
            rows += list(csv.DictReader(file))
    return rows


def _build(inbox: Path, out: Path, root: Path, version: str,
           **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "build", "--inbox", str(inbox), "--out",
         str(out), "--version", version, "--archive", str(root / "archive"), "--cache",
         str(root / "cache"), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **env})


def test_two_builds_at_once_over_one_cache(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    out = tmp_path / "out"
    builds = {v: _build(inbox, out, tmp_path, v) for v in ("1.0.0", "1.1.0")}
    outcomes = {v: (p.wait(timeout=900), p.stderr.read()) for v, p in builds.items()}
    succeeded = [v for v, (code, _) in outcomes.items() if code == 0]
    assert succeeded, outcomes
    for _version, (code, stderr) in outcomes.items():
        assert code == 0 or "another build holds the lock" in stderr, stderr[-2000:]
    parent = out / DATASET_NAME
    assert published_versions(parent) == succeeded
    _consistent(parent)
    assert not (tmp_path / "cache" / "build.lock").exists()


def test_a_build_over_every_hostile_entry(tmp_path: Path) -> None:
    inbox = make_hostile_inbox(tmp_path)
    (inbox / "bomb.docx").write_bytes(zip_bomb(300 << 20))
    (inbox / "slow.pdf").write_bytes(slow_pdf(60_000))
    (inbox / "too-large.txt").write_bytes(b"0" * 5_000_001)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(inbox / "socket"))
        build = _build(inbox, tmp_path / "out", tmp_path, "1.0.0",
                       OGI_MAX_FILE_BYTES="5000000", OGI_PARSE_SECONDS="5")
        out, err = build.communicate(timeout=900)
    assert build.returncode == 0, err[-3000:]
    release = Path(out.strip().splitlines()[-1])
    reports = {row["file_name"]: row for row in _csv_rows(release, "reports")}
    listed = [*reports, *(name for row in reports.values() if row["also_found_as"]
                          for name in row["also_found_as"].split(" | "))]
    assert sorted(listed) == sorted([*READ, "bomb.docx", "slow.pdf"])
    for name in ("bomb.docx", "slow.pdf"):
        assert (reports[name]["status"], reports[name]["published"]) == ("failed", "false")
    skipped = list(csv.reader(io.StringIO((release / "skipped.csv").read_text("utf-8-sig"))))
    assert skipped == [["entry", "kind", "reason"], *[
        [s.entry, s.kind, s.reason.replace("100000", "5000000")] for s in SKIPPED]]
    codes = {row["code"] for row in _csv_rows(release, "flags")}
    assert "resource_limit" in codes
    archived = [p.read_bytes() for p in (tmp_path / "archive" / "objects").rglob("*")
                if p.is_file()]
    assert not any(SECRET in data for data in archived)
    assert incomplete(release) == []


def test_a_build_fails_at_once_while_another_holds_the_cache(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "cache")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        build = _build(SAMPLES, tmp_path / "out", tmp_path, "1.0.0")
        _, err = build.communicate(timeout=900)
    finally:
        holder.kill()
        holder.wait()
    assert build.returncode == 1
    assert f"run run-a (pid {holder.pid} on {socket.gethostname()}" in err
    assert not (tmp_path / "out").exists()
    assert not list((tmp_path / "archive").rglob("objects/*/*"))  # stopped before archiving
