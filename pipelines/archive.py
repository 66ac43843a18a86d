"""The raw archive: every source file's bytes, kept once and for good, addressed by sha256.

Belongs here: storing and finding raw bytes, and the provenance of each time they were
seen (a URL fetch or an inbox file). Not here: fetching (pipelines/harvest) or reading a
report (pipelines/read). A published report id is the start of the sha256 used here, so
any published number leads back to the exact bytes it was read from.

Layout under `root`:

    objects/ab/cdef…    the bytes whose sha256 is abcdef… (read-only, never rewritten)
    provenance.jsonl    one JSON object per line, append-only: where and when bytes were seen
    tmp/                objects being written; whatever a killed process left is deleted on open

Guarantees:
- An object appears only whole: it is written to `tmp/`, fsynced, then hard-linked into
  place, which fails instead of overwriting. Identical bytes are stored once.
- A provenance line is appended (and fsynced) after its object, so a crash leaves at most
  an object without provenance; the next put of the same bytes adds it. A torn last line
  (a crash mid-append, never acknowledged) is cut off on open.
- A record that repeats its source's latest record (same URL or inbox path, same sha256,
  ETag and Last-Modified) is not appended again. A URL that goes back to earlier bytes
  (A, B, then A again) is appended, so `latest_fetch` stays true.

One writer process at a time: the index of provenance is held in memory by each instance.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_SHA256 = re.compile(r"[0-9a-f]{64}")
_SOURCE_KEYS = ("url", "inbox_path")  # what identifies where bytes were seen
_SAME_FETCH = ("sha256", "etag", "last_modified")  # what makes a record a repeat


@dataclass(frozen=True)
class FetchRecord:
    """The archive's latest record of a URL: what conditional requests are made from."""

    url: str
    sha256: str
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None


@dataclass(frozen=True)
class ArchivedFile:
    """The outcome of a put: where the bytes are and whether anything new was written."""

    sha256: str
    size: int
    path: Path
    new_object: bool  # False when identical bytes were already archived
    new_provenance: bool  # False when the record repeated its source's latest record


class RawArchive:
    """A content-addressed, append-only store of raw files under `root` (created if absent)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._tmp = self.root / "tmp"
        self._objects = self.root / "objects"
        self._log = self.root / "provenance.jsonl"
        for folder in (self.root, self._objects, self._tmp):
            folder.mkdir(parents=True, exist_ok=True)
        _clear(self._tmp)
        self._by_sha256: dict[str, list[dict[str, Any]]] = {}
        self._latest: dict[tuple[str, str], dict[str, Any]] = {}
        for record in _read_log(self._log):
            self._index(record)

    def object_path(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a lowercase hex sha256: {sha256!r}")
        return self._objects / sha256[:2] / sha256[2:]

    def __contains__(self, sha256: str) -> bool:
        return self.object_path(sha256).is_file()

    def put(self, content: bytes, provenance: Mapping[str, Any]) -> ArchivedFile:
        """Archive `content` once and append where it was seen.

        `provenance` must name its source with `url` or `inbox_path`; the other fields
        (original_name, fetched_at, http_status, content_type, etag, last_modified, mtime,
        ...) are kept as given. `sha256` and `size` are added.
        """
        sha256 = hashlib.sha256(content).hexdigest()
        if not any(provenance.get(key) for key in _SOURCE_KEYS):
            raise ValueError("provenance needs a 'url' or an 'inbox_path'")
        if provenance.get("sha256", sha256) != sha256:
            raise ValueError(f"provenance sha256 {provenance['sha256']} is not the content's")
        path = self.object_path(sha256)
        new_object = not path.is_file() and self._write_object(path, content)
        record = {"sha256": sha256, "size": len(content), **provenance}
        new_provenance = not self._repeats_latest(record)
        if new_provenance:
            self._append(record)
        return ArchivedFile(sha256, len(content), path, new_object, new_provenance)

    def put_file(self, path: Path, inbox_root: Path) -> ArchivedFile:
        """Archive an inbox file, with its path relative to the inbox, name and mtime."""
        relative = Path(path).resolve().relative_to(Path(inbox_root).resolve())
        stat = path.stat()
        mtime = datetime.fromtimestamp(stat.st_mtime, UTC)
        return self.put(path.read_bytes(), {
            "inbox_path": relative.as_posix(),
            "original_name": path.name,
            "mtime": mtime.isoformat(timespec="seconds").replace("+00:00", "Z"),
        })

    def get(self, sha256: str) -> bytes:
        """The archived bytes; KeyError if they are not in the archive."""
        path = self.object_path(sha256)
        if not path.is_file():
            raise KeyError(sha256)
        return path.read_bytes()

    def provenance(self, sha256: str) -> list[dict[str, Any]]:
        """Every record of these bytes, oldest first (empty if never archived)."""
        return [dict(record) for record in self._by_sha256.get(sha256, [])]

    def latest_fetch(self, url: str) -> FetchRecord | None:
        """The last archived fetch of `url`, for a conditional request; None if never."""
        record = self._latest.get(("url", url))
        if record is None:
            return None
        return FetchRecord(url=url, sha256=record["sha256"], etag=record.get("etag"),
                           last_modified=record.get("last_modified"),
                           fetched_at=record.get("fetched_at"))

    def _write_object(self, path: Path, content: bytes) -> bool:
        """Write the object whole or not at all; False if it already existed."""
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._tmp, prefix=f"{path.parent.name}{path.name[:14]}-")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(tmp, 0o444)
            try:
                os.link(tmp, path)  # atomic, and never replaces an existing object
            except FileExistsError:
                return False
            _fsync_dir(path.parent)
            return True
        finally:
            Path(tmp).unlink(missing_ok=True)

    def _repeats_latest(self, record: dict[str, Any]) -> bool:
        latest = self._latest.get(_source_key(record))
        return latest is not None and all(latest.get(k) == record.get(k) for k in _SAME_FETCH)

    def _append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._log.open("ab") as log:
            log.write(line.encode("utf-8"))
            log.flush()
            os.fsync(log.fileno())
        self._index(record)

    def _index(self, record: dict[str, Any]) -> None:
        self._by_sha256.setdefault(record["sha256"], []).append(record)
        self._latest[_source_key(record)] = record


def _source_key(record: Mapping[str, Any]) -> tuple[str, str]:
    for key in _SOURCE_KEYS:
        if record.get(key):
            return key, str(record[key])
    raise ValueError(f"provenance record without a source: {record}")


def _read_log(log: Path) -> list[dict[str, Any]]:
    """The provenance records; a torn last line (no newline: a crash mid-append) is cut off."""
    if not log.exists():
        return []
    data = log.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
        with log.open("r+b") as file:
            file.truncate(len(data))
            os.fsync(file.fileno())
    records = []
    for number, line in enumerate(data.split(b"\n")[:-1], start=1):  # not splitlines: U+2028
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{log}:{number}: not a JSON record: {exc}") from exc
    return records


def _clear(folder: Path) -> None:
    """Delete what a killed process left half-written."""
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
