"""Writing a release of the data package: data files, descriptor, validation.

What belongs here: turning finished tables (one DataFrame per resource of
`schemas/resources.py`) into an immutable, versioned directory
``<out>/<DATASET_NAME>/<version>/`` holding ``datapackage.json`` and every resource as
CSV and Parquet with identical content. Output is byte-deterministic: the same frames
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
from pipelines.release import bundle, changelog, docs, page, verify, versions
from pipelines.stage import TablesInvalid, guard_text, write_tables
from schemas.descriptors import table_schema
from schemas.resources import Resource, resources

DATASET_NAME = "china-gov-info-disclosure-annual-reports"
TITLE = ("中国政府信息公开工作年度报告数据集 / "
         "China government information disclosure annual reports")
DESCRIPTION = (
    "Tables read from the annual reports on government information disclosure "
    "(政府信息公开工作年度报告) that Chinese government agencies publish under the "
    "Regulations on the Disclosure of Government Information: every statutory cell with "
    "its printed text and state, the statutory tables in wide form, the result of the "
    "tables' own arithmetic identities, and the flags raised while reading. Blank, dash "
    "and 0 are kept apart. Every resource is published as CSV and as Parquet with "
    "identical content; each resource's \"parquet\" property describes its Parquet copy."
)
KEYWORDS = ["政府信息公开", "年度报告", "government information disclosure", "annual reports",
            "China", "open government"]
LICENSES = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
             "title": "Creative Commons Attribution 4.0"}]
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
    dict of frames, or batches of them in report-id order); return its directory."""
    batches = [tables] if isinstance(tables, dict) else tables
    return _publish(lambda data: write_tables(data, batches), out_dir, info)


def publish_files(data_dir: Path, out_dir: Path, info: PackageInfo) -> Path:
    """Publish tables already written as files by `pipelines.stage.TableFiles`."""
    names = {f"{n}.{ext}" for n in resources() for ext in ("csv", "parquet")}
    if {p.name for p in Path(data_dir).iterdir()} != names:
        raise PackageInvalid(f"{data_dir} does not hold exactly the files {sorted(names)}")
    # Hard links where the file system allows: staged tables can be gigabytes.
    return _publish(lambda data: shutil.copytree(data_dir, data, copy_function=_link_or_copy),
                    out_dir, info)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _publish(fill: Callable[[Path], None], out_dir: Path, info: PackageInfo) -> Path:
    """Build a release in a temporary sibling directory and rename it into place.

    With version "auto" the version follows from the changes since the latest release
    (see pipelines/release/versions.py); when nothing changed, no release is made and the
    latest release's directory is returned.
    """
    if info.version != AUTO:
        versions.parse(info.version)  # raises BadVersion naming the scheme
    parent = Path(out_dir) / DATASET_NAME
    if info.version != AUTO:
        _refuse_existing(parent / info.version, info.version)
    parent.mkdir(parents=True, exist_ok=True)
    repair(parent)
    # A sibling of the target, so the final rename stays on one file system and is atomic.
    tmp, held = _held_folder(parent)
    try:
        target = _fill_and_rename(fill, tmp, parent, info)
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
                     info: PackageInfo) -> Path:
    _build(fill, tmp, info)
    version = info.version if info.version != AUTO else _auto_version(parent, tmp)
    if version is None:  # nothing changed since the latest release
        shutil.rmtree(tmp)
        return parent / versions.latest_release(parent)
    target = parent / version
    _refuse_existing(target, version)
    _set_version(tmp, version)
    _write_skipped(tmp, info.skipped)
    _document(tmp, parent, version)
    page.write_pages(tmp)  # after the descriptor is final: the page lists its hash
    # The zip is written while the release is validated: deflate runs without the
    # GIL, and a release that fails validation is removed whole, its zip with it.
    with ThreadPoolExecutor(1) as pool:
        zipped = pool.submit(_bundle, tmp, version)
        _validate(tmp, info.validation_rows)
        zipped.result()
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
    descriptor = verify.read_descriptor(root)
    descriptor["version"] = version
    _write_descriptor(root, descriptor)


def _document(root: Path, parent: Path, version: str) -> None:
    """Changelog against the previous release, README, data dictionary; all listed with
    size and sha256 in the descriptor's `files`."""
    previous = versions.previous_version(parent, version)
    changes = changelog.compare(parent / previous if previous else None, root, previous)
    changelog.write(changes, root, version)
    docs.write_dictionary(root)
    descriptor = verify.read_descriptor(root)
    # The one definition of files, distinct and published reports (release/counts.py).
    descriptor["counts"] = changes.counts.as_dict()
    docs.write_readme(root, descriptor, changes, changes.counts)
    descriptor["files"] = [{"path": name, "title": title, **verify.file_stats(root / name)}
                           for name, title in DOC_FILES.items()]
    _write_descriptor(root, descriptor)


def _write_skipped(root: Path, skipped: tuple[Skipped, ...]) -> None:
    """skipped.csv: every inbox entry not read, sorted (the same inbox, the same bytes).
    A name a spreadsheet would take for a formula is prefixed with ' (OWASP)."""
    with (root / "skipped.csv").open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(SKIPPED_FIELDS)
        for item in sorted(skipped, key=lambda s: (s.entry, s.kind, s.reason)):
            writer.writerow([guard_text(v) for v in (item.entry, item.kind, item.reason)])


def _bundle(root: Path, version: str) -> None:
    bundle.write_zip(root, DATASET_NAME, version, verify.read_descriptor(root)["created"])


def _write_descriptor(root: Path, descriptor: dict) -> None:
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (root / "datapackage.json").write_text(text, encoding="utf-8")


def _refuse_existing(target: Path, version: str) -> None:
    if target.exists():
        raise FileExistsError(
            f"version {version} already published at {target}; releases are immutable")


def _build(fill: Callable[[Path], None], root: Path, info: PackageInfo) -> None:
    data = root / "data"
    try:
        fill(data)
    except TablesInvalid as error:
        raise PackageInvalid(str(error)) from error
    entries = [_csv_entry(resource, data / f"{name}.csv", data / f"{name}.parquet")
               for name, resource in resources().items()]
    _write_descriptor(root, _descriptor(info, entries))


def _csv_entry(resource: Resource, path: Path, parquet_path: Path) -> dict:
    return {
        "name": resource.name, "title": resource.title, "description": resource.description,
        "profile": "tabular-data-resource", "path": f"data/{path.name}", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", **verify.file_stats(path),
        "schema": table_schema(resource), "parquet": _parquet_property(parquet_path),
    }


def _parquet_property(path: Path) -> dict:
    # A custom property, not a resource: stock frictionless cannot read Parquet faithfully
    # (nulls become NaN, bytes are not counted), so release/verify.py checks the copy.
    return {"path": f"data/{path.name}", "format": "parquet",
            "mediatype": "application/vnd.apache.parquet", **verify.file_stats(path)}


def _descriptor(info: PackageInfo, entries: list[dict]) -> dict:
    return {
        "profile": "data-package", "name": DATASET_NAME, "title": TITLE,
        "description": DESCRIPTION, "version": info.version, "created": info.created or _now(),
        "licenses": LICENSES, "sources": info.sources, "keywords": KEYWORDS,
        "resources": entries,
    }


def _validate(package_dir: Path, limit_rows: int | None) -> None:
    problems = verify.release_problems(package_dir, limit_rows)
    if problems:
        lines = problems[:MAX_REPORTED_ERRORS]
        if len(problems) > MAX_REPORTED_ERRORS:
            lines.append(f"... and {len(problems) - MAX_REPORTED_ERRORS} more")
        raise PackageInvalid("package failed validation:\n" + "\n".join(lines))
