"""Release versions: the scheme, their order, and the `latest` pointer.

Scheme (Semantic Versioning applied to data), documented in the README:
- MAJOR when a published field is removed, renamed or changes type (users' code breaks);
- MINOR when reports are added or removed, or fields are added;
- PATCH when only values of reports already published change (corrections, re-reads);
- `0.0.0-dev.<UTC timestamp>` for ad-hoc builds, which never become `latest`.
`auto` (scheduled builds) applies these rules to the changes since the latest release, and
makes no release when nothing changed; the first release is 1.0.0.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.parts import read_descriptor

if TYPE_CHECKING:
    from pipelines.release.changelog import Changes

VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?")
LATEST = "latest.json"


class BadVersion(ValueError):
    """A version string that does not follow the documented scheme."""


def parse(version: str) -> tuple[int, int, int, str | None]:
    m = VERSION.fullmatch(version)
    if m is None:
        raise BadVersion(f"version {version!r} is not MAJOR.MINOR.PATCH[-PRERELEASE], "
                         "e.g. 1.2.0 or 0.0.0-dev.20261126T101010Z")
    return int(m[1]), int(m[2]), int(m[3]), m[4]


def sort_key(version: str) -> tuple:
    """SemVer order: a pre-release sorts before its release; identifiers compared in turn."""
    major, minor, patch, pre = parse(version)
    if pre is None:
        return (major, minor, patch, 1, ())
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return (major, minor, patch, 0, parts)


def is_release(version: str) -> bool:
    return parse(version)[3] is None


def published_versions(dataset_dir: Path) -> list[str]:
    """Versions published under a dataset directory, oldest first."""
    if not dataset_dir.is_dir():
        return []
    found = [p.name for p in dataset_dir.iterdir()
             if p.is_dir() and VERSION.fullmatch(p.name) and (p / "datapackage.json").exists()]
    return sorted(found, key=sort_key)


def previous_version(dataset_dir: Path, version: str) -> str | None:
    """The highest published version below `version` (what its changelog compares to)."""
    lower = [v for v in published_versions(dataset_dir) if sort_key(v) < sort_key(version)]
    return lower[-1] if lower else None


def latest_release(dataset_dir: Path) -> str | None:
    """The highest published release (dev builds excluded), or None."""
    releases = [v for v in published_versions(dataset_dir) if is_release(v)]
    return releases[-1] if releases else None


def next_version(latest: str | None, changes: Changes) -> str | None:
    """The version the changes since `latest` call for; None when nothing changed."""
    if latest is None:
        return "1.0.0"
    if not changes.anything:
        return None
    major, minor, patch, _ = parse(latest)
    if any(" removed" in c or " type " in c for c in changes.schema):
        return f"{major + 1}.0.0"
    if changes.added or changes.removed or changes.schema:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def update_latest(dataset_dir: Path) -> str | None:
    """Point `latest.json` at the highest published release (not a dev build), atomically."""
    newest = latest_release(dataset_dir)
    if newest is None:
        return None
    descriptor = read_descriptor(dataset_dir / newest)
    pointer = {"version": newest, "path": f"{newest}/", "created": descriptor.get("created"),
               "datapackage": f"{newest}/datapackage.json"}
    fd, tmp = tempfile.mkstemp(prefix=".latest.", dir=dataset_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(pointer, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, dataset_dir / LATEST)
    return newest
