"""Writing a release of the data package: data files, descriptor, validation.

What belongs here: turning finished tables (one DataFrame per resource of
`schemas/resources.py`, or files staged by `pipelines/segments.py`) into an immutable,
versioned directory ``<out>/<DATASET_NAME>/<version>/`` holding ``datapackage.json``
(written by `release/descriptor.py`) and every resource in parts by report year
(`pipelines/parts.py`), as CSV and Parquet with identical content; the order of the
steps, and the atomic rename. Output is byte-deterministic: the same frames
and the same `PackageInfo` give the same bytes, so a rebuild can be compared to a
release by hash. No parsing or recognition logic lives here; tables arrive finished.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipelines.inbox import Skipped
from pipelines.parts import (
    PARTS_PROPERTY,
    link_or_copy,
    parts_in,
    read_descriptor,
    read_manifest,
)
from pipelines.release import (
    bundle,
    changelog,
    database,
    descriptor,
    docs,
    drops,
    page,
    verify,
    versions,
)
from pipelines.stage import TablesInvalid, guard_text, write_tables
from schemas.resources import resources

DATASET_NAME = "china-gov-info-disclosure-annual-reports"
MAX_REPORTED_ERRORS = 20
AUTO = "auto"  # the version that follows from the changes
TMP_PREFIX = ".build.tmp-"  # a release being built, renamed into place when whole
NEW_PREFIX = ".build.new-"  # the same folder before its build holds it
ABANDONED_AGE = 60.0  # seconds before an unheld new folder or pointer file is abandoned
DOC_FILES = {
    "README.md": "What this release holds, how to load it, licence and citation",
    "CHANGELOG.md": "What changed since the previous release",
    "changes.csv": "Every change since the previous release, one row each",
    "data-dictionary.csv": "Every field, statutory cell and identity",
    "data-dictionary.md": "The data dictionary as a document",
    "skipped.csv": "Inbox entries that were not read (links out of the inbox, special files, "
                   "unreadable files...), each with its reason",
}
SKIPPED_FIELDS = ("entry", "kind", "reason")


class PackageInvalid(Exception):
    """The tables do not make a valid package; nothing was published."""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class PackageInfo:
    """What the caller knows about this build."""

    version: str
    sources: list[dict]  # e.g. [{"title": "...", "path": "..."}] describing the inputs
    created: str | None = None  # ISO datetime; None means now (UTC)
    validation_rows: int | None = None  # frictionless checks this many rows a table; None: all
    skipped: tuple[Skipped, ...] = ()  # inbox entries not read (pipelines/inbox.py)


def publish(tables: dict[str, pd.DataFrame] | Iterable[dict[str, pd.DataFrame]],
            out_dir: Path, info: PackageInfo) -> Path:
    """Write, validate and atomically publish one release from tables in memory (one
    dict of frames, or batches of them in report-id order); return its directory. Every
    part is written anew (no part keys: nothing is taken from a previous release)."""
    batches = [tables] if isinstance(tables, dict) else tables
    return _publish(lambda data: write_tables(data, batches), out_dir, info, {})


def publish_files(data_dir: Path, out_dir: Path, info: PackageInfo) -> Path:
    """Publish tables staged by `pipelines.segments.build_tables`: every part of every
    table, its parts' keys in the staged manifest."""
    keys = {part: p["key"] for part, p in read_manifest(data_dir).get("parts", {}).items()}
    # Hard links: staged tables can be gigabytes, and unchanged parts are links already.
    return _publish(lambda data: shutil.copytree(data_dir, data, copy_function=_link),
                    out_dir, info, keys)


def _link(source: str, target: str) -> None:
    link_or_copy(Path(source), Path(target))


def previous_release(out_dir: Path) -> Path | None:
    """The newest published version (a release or a dev build): the one whose unchanged
    parts a build takes over."""
    parent = Path(out_dir) / DATASET_NAME
    found = versions.published_versions(parent)
    return parent / found[-1] if found else None


def _publish(fill: Callable[[Path], None], out_dir: Path, info: PackageInfo,
             keys: dict[str, str]) -> Path:
    """Build a release in a temporary sibling directory and rename it into place.

    With version "auto" the version follows from the changes since the latest release
    (see pipelines/release/versions.py); when nothing changed, no release is made and the
    latest release's directory is returned. Files that are the previous release's own
    (hard links of unchanged parts) take its declared sizes and hashes, and are not
    compared or validated again: the previous release checked them.
    """
    if info.version != AUTO:
        versions.parse(info.version)  # raises BadVersion naming the scheme
    parent = Path(out_dir) / DATASET_NAME
    if info.version != AUTO:
        _refuse_existing(parent / info.version, info.version)
    parent.mkdir(parents=True, exist_ok=True)
    repair(parent)
    previous = previous_release(out_dir)
    # A sibling of the target, so the final rename stays on one file system and is atomic.
    tmp, held = _held_folder(parent)
    try:
        target = _fill_and_rename(fill, tmp, parent, info, keys, previous)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if not any(parent.iterdir()):
            parent.rmdir()  # the first build failed: leave no trace of the dataset
        raise
    finally:
        os.close(held)
    # A kill from here on leaves the release whole and latest.json or index.html
    # behind: the next build repairs them (repair, above).
    versions.update_latest(parent)
    page.write_dataset_page(parent)
    return target


def _held_folder(parent: Path) -> tuple[Path, int]:
    """A new temporary folder under `parent`, and the fd of an flock held on it until
    closed (the kernel drops it when the build dies, whatever kills it). It is made
    under NEW_PREFIX, locked, then renamed to TMP_PREFIX: a `.build.tmp-*` folder is held
    from its first moment, so another build never takes a live one for abandoned."""
    new = Path(tempfile.mkdtemp(prefix=NEW_PREFIX, dir=parent))
    fd = os.open(new, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    fcntl.flock(fd, fcntl.LOCK_EX)
    tmp = parent / (TMP_PREFIX + new.name.removeprefix(NEW_PREFIX))
    os.rename(new, tmp)
    tmp.chmod(0o755)  # a public download: readable by all once renamed into place
    return tmp, fd


def _fill_and_rename(fill: Callable[[Path], None], tmp: Path, parent: Path,
                     info: PackageInfo, keys: dict[str, str], previous: Path | None) -> Path:
    carried = _build(fill, tmp, info, keys, previous)
    version = info.version if info.version != AUTO else _auto_version(parent, tmp)
    if version is None:  # nothing changed since the latest release
        shutil.rmtree(tmp)
        return parent / versions.latest_release(parent)
    target = parent / version
    _refuse_existing(target, version)
    _set_version(tmp, version)
    _refuse_drops(tmp, parent, version)
    _write_skipped(tmp, info.skipped)
    _document(tmp, parent, version, previous, carried)
    page.write_pages(tmp)  # after the descriptor is final: the page lists its hash
    # The zip is written while the release is validated: deflate runs without the
    # GIL, and a release that fails validation is removed whole, its zip with it.
    with ThreadPoolExecutor(1) as pool:
        zipped = pool.submit(_bundle, tmp, version)
        _validate(tmp, info.validation_rows, carried)
        zipped.result()
    # Last, from the verified Parquet files: DuckDB's file is not byte-deterministic
    # (a random identifier in its header: release/database.py),
    # so it is in no checksum list and not in the zip (every other file is reproducible).
    # From the previous release's database when only some parts changed.
    database.write_database(tmp, DATASET_NAME, version, previous)
    os.rename(tmp, target)
    return target


def repair(parent: Path) -> None:
    """What a killed build may have left: its temporary folders, and latest.json and
    index.html behind the releases present (a kill after a release's rename)."""
    remove_abandoned(parent)
    if versions.published_versions(parent):
        versions.update_latest(parent)
        page.write_dataset_page(parent)


def remove_abandoned(parent: Path, min_age: float = ABANDONED_AGE) -> list[str]:
    """Delete what builds that died left: `.build.tmp-*` folders no live build holds (an
    flock), and folders not yet held and temporary pointer files older than `min_age`
    seconds (another build may be about to use them). Returns what was deleted."""
    removed = []
    now = time.time()
    for entry in sorted(parent.iterdir()) if parent.is_dir() else []:
        if not entry.name.startswith((TMP_PREFIX, NEW_PREFIX, ".latest.", ".index.")):
            continue
        try:
            young = now - entry.lstat().st_mtime < min_age
            if young and not entry.name.startswith(TMP_PREFIX):
                continue
            if entry.is_dir() and not entry.is_symlink():
                if not _unheld(entry):
                    continue
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue  # gone meanwhile, or not ours to delete: left for the next build
        removed.append(entry.name)
    return removed


def _unheld(folder: Path) -> bool:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def _auto_version(parent: Path, root: Path) -> str | None:
    latest = versions.latest_release(parent)
    changes = changelog.compare(parent / latest if latest else None, root, latest)
    return versions.next_version(latest, changes)


def _set_version(root: Path, version: str) -> None:
    declared = read_descriptor(root)
    declared["version"] = version
    _write_descriptor(root, declared)


def _document(root: Path, parent: Path, version: str, previous: Path | None,
              carried: set[str]) -> None:
    """Changelog against the previous release, README, data dictionary, a zip of each
    report year's part; all listed with size and sha256 in the descriptor's `files`."""
    before = versions.previous_version(parent, version)
    changes = changelog.compare(parent / before if before else None, root, before)
    changelog.write(changes, root, version)
    docs.write_dictionary(root)
    declared = read_descriptor(root)
    # The one definition of files, distinct and published reports (release/counts.py).
    declared["counts"] = changes.counts.as_dict()
    docs.write_readme(root, declared, changes, changes.counts)
    part_zips = bundle.write_part_zips(root, DATASET_NAME, version, _parts(declared),
                                       previous, carried)
    documents = [{"path": name, "title": title, **verify.file_stats(root / name)}
                 for name, title in DOC_FILES.items()]
    declared["files"] = documents + [
        {"path": path.name, "title": f"Every table's part for report year {part}, CSV and "
         "Parquet", **verify.file_stats(path)} for part, path in part_zips.items()]
    _write_descriptor(root, declared)


def _refuse_drops(root: Path, parent: Path, version: str) -> None:
    """No silent loss: reports per year and province against the previous version."""
    before = versions.previous_version(parent, version)
    problems = drops.unexplained_drops(parent / before if before else None, root, version)
    if problems:
        raise PackageInvalid("reports were lost since the previous release:\n"
                             + "\n".join(problems[:MAX_REPORTED_ERRORS]))


def _parts(declared: dict) -> list[str]:
    return [p["part"] for p in declared[PARTS_PROPERTY]]


def _write_skipped(root: Path, skipped: tuple[Skipped, ...]) -> None:
    """skipped.csv: every inbox entry not read, sorted (the same inbox, the same bytes).
    A name a spreadsheet would take for a formula is prefixed with ' (OWASP)."""
    with (root / "skipped.csv").open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(SKIPPED_FIELDS)
        for item in sorted(skipped, key=lambda s: (s.entry, s.kind, s.reason)):
            writer.writerow([guard_text(v) for v in (item.entry, item.kind, item.reason)])


def _bundle(root: Path, version: str) -> None:
    bundle.write_zip(root, DATASET_NAME, version, read_descriptor(root)["created"])


def _write_descriptor(root: Path, found: dict) -> None:
    text = json.dumps(found, ensure_ascii=False, indent=2) + "\n"
    (root / "datapackage.json").write_text(text, encoding="utf-8")


def _refuse_existing(target: Path, version: str) -> None:
    if target.exists():
        raise FileExistsError(
            f"version {version} already published at {target}; releases are immutable")


def _build(fill: Callable[[Path], None], root: Path, info: PackageInfo,
           keys: dict[str, str], previous: Path | None) -> set[str]:
    """The data files and the descriptor; returns the files carried over unchanged from
    the `previous` release (hard links of it, their sizes and hashes declared there)."""
    data = root / "data"
    try:
        fill(data)
    except TablesInvalid as error:
        raise PackageInvalid(str(error)) from error
    found = {name: parts_in(data, name) for name in resources()}
    parts = found["reports"]
    if any(p != parts for p in found.values()) or not parts:
        raise PackageInvalid(f"the tables are not in the same parts: {found}")
    entries, carried = descriptor.resource_entries(data, parts, previous)
    created = info.created or _now()
    _write_descriptor(root, descriptor.describe(DATASET_NAME, info.version, created,
                                                info.sources, entries, keys))
    return carried


def _validate(package_dir: Path, limit_rows: int | None, carried: set[str]) -> None:
    problems = verify.release_problems(package_dir, limit_rows, carried)
    if problems:
        lines = problems[:MAX_REPORTED_ERRORS]
        if len(problems) > MAX_REPORTED_ERRORS:
            lines.append(f"... and {len(problems) - MAX_REPORTED_ERRORS} more")
        raise PackageInvalid("package failed validation:\n" + "\n".join(lines))
