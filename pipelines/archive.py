"""The raw archive: every source file's bytes, kept once and for good, addressed by sha256.

Belongs here: storing and finding raw bytes, and the provenance of each time they were
seen (a URL fetch or an inbox file). Not here: fetching (pipelines/harvest) or reading a
report (pipelines/read). A published report id is the start of the sha256 used here, so
any published number leads back to the exact bytes it was read from.

Layout under `root`:

    objects/ab/cdef…    the bytes whose sha256 is abcdef… (read-only, never rewritten)
    provenance.jsonl    one JSON object per line, append-only: where and when bytes were seen
                        (an image fetched with a page: `page_url`, `page_sha256`, `src`)
    tmp/                objects being written; whatever a killed process left is deleted on open

Guarantees:
- An object appears only whole: it is written to `tmp/`, made durable (an fsync, or one
  file-system sync for a batch of inbox files), then hard-linked into place, which fails
  instead of overwriting. Identical bytes are stored once.
- A provenance line is appended (and fsynced) after its object, so a crash leaves at most
  an object without provenance; the next put of the same bytes adds it. A torn last line
  (a crash mid-append, never acknowledged) is cut off on open.
- A record that repeats its source's latest record (same URL or inbox path, same sha256,
  ETag, Last-Modified and file mtime, and for an image fetched with a page the same page
  and `src`) is not appended again. A URL that goes back to earlier bytes
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
from typing import TYPE_CHECKING, Any

from pipelines.inbox import InboxFile, NotReadable, read_regular

if TYPE_CHECKING:  # the fetcher builds on the archive, not the other way round
    from pipelines.harvest.fetch import FetchResult

_SHA256 = re.compile(r"[0-9a-f]{64}")
_SOURCE_KEYS = ("url", "inbox_path")  # what identifies where bytes were seen
# What makes a record a repeat; an image fetched with a page repeats only for that page.
_SAME_FETCH = ("sha256", "etag", "last_modified", "mtime_ns", "page_sha256", "src")


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


@dataclass(frozen=True)
class NotArchived:
    """An inbox file that could not be read, and why."""

    source: str
    reason: str


def object_path(root: Path, sha256: str) -> Path:
    """Where an archive under `root` keeps these bytes (for readers in other processes,
    which must not open a RawArchive: opening one clears `tmp/`)."""
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a lowercase hex sha256: {sha256!r}")
    return Path(root) / "objects" / sha256[:2] / sha256[2:]


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
        self._images: dict[str, dict[str, str]] = {}  # page sha256 -> src key -> sha256
        for record in _read_log(self._log):
            self._index(record)

    def object_path(self, sha256: str) -> Path:
        return object_path(self.root, sha256)

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
        return self.put_files([path], inbox_root)[0]

    def put_files(self, paths: list[Path], inbox_root: Path) -> list[ArchivedFile]:
        """Archive regular inbox files given by path; NotReadable if one cannot be read."""
        files = []
        for path in paths:
            st = Path(path).stat()
            files.append(InboxFile(_relative(Path(path), Path(inbox_root)), Path(path),
                                   st.st_size, st.st_mtime_ns))
        out = self.put_inbox(files)
        for stored in out:
            if isinstance(stored, NotArchived):
                raise NotReadable(f"{stored.source}: {stored.reason}")
        return out  # type: ignore[return-value]

    def put_inbox(self, files: list[InboxFile]) -> list[ArchivedFile | NotArchived]:
        """Archive inbox files together, with one file-system sync for all their objects
        and one for all their provenance lines (an fsync per file costs more than the
        rest of archiving). A file whose size and mtime (ns) match the latest record of
        its inbox path is not read again: the quick check rsync makes. A file that
        cannot be read (pipelines/inbox.py says what is refused) comes back NotArchived
        with the reason, and the others are archived."""
        out: list[ArchivedFile | NotArchived] = []
        pending: dict[str, tuple[str, Path]] = {}  # sha256 -> (temporary file, object path)
        records: list[dict[str, Any]] = []
        for file in files:
            if (known := self._unchanged(file.source, file.size, file.mtime_ns)) is not None:
                out.append(known)
                continue
            try:
                content, stat = read_regular(file.path)
            except NotReadable as error:
                out.append(NotArchived(file.source, str(error)))
                continue
            sha256 = hashlib.sha256(content).hexdigest()
            target = self.object_path(sha256)
            new_object = sha256 not in pending and not target.is_file()
            if new_object:
                pending[sha256] = (self._write_tmp(target, content, sync=False), target)
            record = {"sha256": sha256, "size": len(content), "inbox_path": file.source,
                      "original_name": file.source.rsplit("/", 1)[-1],
                      "mtime": _utc(stat.st_mtime), "mtime_ns": stat.st_mtime_ns}
            new_provenance = not self._repeats_latest(record)
            if new_provenance:
                records.append(record)
                self._latest[_source_key(record)] = record  # a repeat within the batch
            out.append(ArchivedFile(sha256, len(content), target, new_object, new_provenance))
        self._commit(pending, records)
        return out

    def _unchanged(self, relative: str, size: int, mtime_ns: int) -> ArchivedFile | None:
        latest = self._latest.get(("inbox_path", relative))
        if latest is None or latest.get("size") != size or latest.get("mtime_ns") != mtime_ns:
            return None
        target = self.object_path(latest["sha256"])
        return ArchivedFile(latest["sha256"], size, target, False, False) if (
            target.is_file()) else None

    def _commit(self, pending: dict[str, tuple[str, Path]], records: list[dict]) -> None:
        """Objects durable, then linked into place, then their provenance appended."""
        try:
            if pending:
                os.sync()  # every temporary object on disk before any is linked
            for tmp, target in pending.values():
                self._link(tmp, target)
            if pending:
                os.sync()  # the links on disk before their provenance (one sync, not
                # an fsync of each of up to 256 folders)
        finally:
            for tmp, _ in pending.values():
                Path(tmp).unlink(missing_ok=True)
        self._append(records)

    def get(self, sha256: str) -> bytes:
        """The archived bytes; KeyError if they are not in the archive."""
        path = self.object_path(sha256)
        if not path.is_file():
            raise KeyError(sha256)
        return path.read_bytes()

    def body_of(self, result: FetchResult) -> bytes | None:
        """The bytes a conditional fetch stands for: its body when fetched, the archived
        object when the server said it is unchanged (and it is archived), else None."""
        if result.status == "fetched":
            return result.content
        if result.status == "not_modified" and result.sha256 in self:
            return self.get(result.sha256)
        return None

    def provenance(self, sha256: str) -> list[dict[str, Any]]:
        """Every record of these bytes, oldest first (empty if never archived)."""
        return [dict(record) for record in self._by_sha256.get(sha256, [])]

    def inbox_record(self, inbox_path: str) -> dict[str, Any] | None:
        """The latest record of an inbox path (relative to the inbox), None if never seen."""
        record = self._latest.get(("inbox_path", inbox_path))
        return None if record is None else dict(record)

    def page_images(self, page_sha256: str) -> dict[str, str]:
        """The images fetched with these page bytes (pipelines/linked_images.py): the
        `src` link key -> the image's sha256, the latest fetch of each."""
        return dict(self._images.get(page_sha256, {}))

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
        tmp = self._write_tmp(path, content, sync=True)
        try:
            linked = self._link(tmp, path)
            if linked:
                _fsync_dir(path.parent)
            return linked
        finally:
            Path(tmp).unlink(missing_ok=True)

    def _write_tmp(self, path: Path, content: bytes, sync: bool) -> str:
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._tmp, prefix=f"{path.parent.name}{path.name[:14]}-")
        with os.fdopen(fd, "wb") as file:
            file.write(content)
            if sync:
                file.flush()
                os.fsync(file.fileno())
        os.chmod(tmp, 0o444)
        return tmp

    @staticmethod
    def _link(tmp: str, path: Path) -> bool:
        try:
            os.link(tmp, path)  # atomic, and never replaces an existing object
        except FileExistsError:
            return False
        return True

    def _repeats_latest(self, record: dict[str, Any]) -> bool:
        latest = self._latest.get(_source_key(record))
        return latest is not None and all(latest.get(k) == record.get(k) for k in _SAME_FETCH)

    def _append(self, records: list[dict[str, Any]] | dict[str, Any]) -> None:
        records = [records] if isinstance(records, dict) else records
        if not records:
            return
        lines = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                        for r in records)
        with self._log.open("ab") as log:
            log.write(lines.encode("utf-8"))
            log.flush()
            os.fsync(log.fileno())
        for record in records:
            self._index(record)

    def _index(self, record: dict[str, Any]) -> None:
        self._by_sha256.setdefault(record["sha256"], []).append(record)
        self._latest[_source_key(record)] = record
        if record.get("page_sha256") and record.get("src"):
            self._images.setdefault(record["page_sha256"], {})[record["src"]] = record["sha256"]


def _relative(path: Path, root: Path) -> str:
    try:  # the inbox's own listing: no need to resolve every path (a syscall per part)
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.resolve().relative_to(root.resolve()).as_posix()


def _utc(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


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
