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

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipelines.parts import (
    PARTS_PROPERTY,
    link_or_copy,
    parts_in,
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
from pipelines.stage import TablesInvalid, write_tables
from schemas.resources import resources

DATASET_NAME = "china-gov-info-disclosure-annual-reports"
MAX_REPORTED_ERRORS = 20
AUTO = "auto"  # the version that follows from the changes
DOC_FILES = {
    "README.md": "What this release holds, how to load it, licence and citation",
    "CHANGELOG.md": "What changed since the previous release",
    "changes.csv": "Every change since the previous release, one row each",
    "data-dictionary.csv": "Every field, statutory cell and identity",
    "data-dictionary.md": "The data dictionary as a document",
}


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
    previous = previous_release(out_dir)
    # A sibling of the target, so the final rename stays on one file system and is atomic.
    tmp = Path(tempfile.mkdtemp(prefix=".build.tmp-", dir=parent))
    tmp.chmod(0o755)  # a public download: readable by all once renamed into place
    try:
        carried = _build(fill, tmp, info, keys, previous)
        version = info.version if info.version != AUTO else _auto_version(parent, tmp)
        if version is None:  # nothing changed since the latest release
            shutil.rmtree(tmp)
            return parent / versions.latest_release(parent)
        target = parent / version
        _refuse_existing(target, version)
        _set_version(tmp, version)
        _refuse_drops(tmp, parent, version)
        _document(tmp, parent, version, previous, carried)
        page.write_pages(tmp)  # after the descriptor is final: the page lists its hash
        # The zip is written while the release is validated: deflate runs without the
        # GIL, and a release that fails validation is removed whole, its zip with it.
        with ThreadPoolExecutor(1) as pool:
            zipped = pool.submit(_bundle, tmp, version)
            _validate(tmp, info.validation_rows, carried)
            zipped.result()
        # Last, from the verified Parquet files: DuckDB's file is not byte-deterministic,
        # so it is in no checksum list and not in the zip (every other file is reproducible).
        database.write_database(tmp, DATASET_NAME, version)
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if not any(parent.iterdir()):
            parent.rmdir()  # the first build failed: leave no trace of the dataset
        raise
    versions.update_latest(parent)
    page.write_dataset_page(parent)
    return target


def _auto_version(parent: Path, root: Path) -> str | None:
    latest = versions.latest_release(parent)
    changes = changelog.compare(parent / latest if latest else None, root, latest)
    return versions.next_version(latest, changes)


def _set_version(root: Path, version: str) -> None:
    declared = verify.read_descriptor(root)
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
    declared = verify.read_descriptor(root)
    docs.write_readme(root, declared, changes)
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


def _bundle(root: Path, version: str) -> None:
    bundle.write_zip(root, DATASET_NAME, version, verify.read_descriptor(root)["created"])


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
