"""What can be checked before a build does any work, checked first.

What belongs here: the checks of a build's arguments and places that need no parsing:
the version (its scheme, and that it is not published already), the inbox (a readable
folder), and that the output, archive and cache folders can be written and have room.
A build that would fail on one of these fails here, at once, with one line saying what
is wrong and what to do, instead of after parsing every file. Called by `ogi build`
before Dagster starts, and by the build job's first asset (a scheduled build).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pipelines.package import AUTO, DATASET_NAME
from pipelines.release import versions

MIN_FREE_BYTES = 100 * 2**20  # a release of the sample inbox takes ~1 MiB; a big one GiBs


class BuildRefused(ValueError):
    """A build that cannot succeed, found before any work; the message says what to do."""


def check_build(inbox: Path, out: Path, archive: Path, cache: Path, version: str,
                sources: Path | None = None) -> None:
    """Raise BuildRefused naming the first problem found; return when there is none."""
    _check_version(Path(out), version)
    if sources and not Path(sources).is_file():
        raise BuildRefused(f"sources list {sources} is not a file: give the CSV of URLs "
                           "(--sources), or leave it out")
    inbox = Path(inbox)
    if not inbox.is_dir():
        what = "is not a directory" if inbox.exists() else "does not exist"
        raise BuildRefused(f"inbox {inbox} {what}: give the folder of report files (--inbox)")
    if not os.access(inbox, os.R_OK | os.X_OK):
        raise BuildRefused(f"inbox {inbox} cannot be read: check its permissions")
    for role, path in (("output", out), ("archive", archive), ("cache", cache)):
        _check_writable(role, Path(path))


def _check_version(out: Path, version: str) -> None:
    if version in ("", AUTO):
        return
    try:
        versions.parse(version)
    except versions.BadVersion as error:
        raise BuildRefused(f"{error}; or use --version auto, or no --version for a dev "
                           "build") from None
    target = out / DATASET_NAME / version
    if target.exists():
        raise BuildRefused(f"version {version} is already published at {target}; releases "
                           "are immutable: give a new version, or --version auto")


def _existing_ancestor(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _check_writable(role: str, path: Path) -> None:
    """The folder (or the nearest folder it would be made in) takes a file and has room."""
    base = _existing_ancestor(path)
    if not base.is_dir():
        raise BuildRefused(f"{role} folder {path}: {base} is not a directory")
    try:
        with tempfile.TemporaryFile(dir=base, prefix=".ogi-preflight-"):
            pass
    except OSError as error:
        raise BuildRefused(f"{role} folder {path} cannot be written ({error.strerror}): "
                           "choose a writable folder") from None
    free = shutil.disk_usage(base).free
    if free < MIN_FREE_BYTES:
        raise BuildRefused(f"{role} folder {path} has only {free // 2**20} MiB free (a build "
                           f"needs at least {MIN_FREE_BYTES // 2**20} MiB): free some space")
