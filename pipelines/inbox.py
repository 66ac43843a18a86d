"""The inbox as a list of files to read and a list of entries skipped, each with its reason.

Belongs here: walking the inbox folder and opening its files safely. Not here: archiving
(pipelines/archive.py) or parsing (pipelines/parse.py).

Every directory entry under the inbox ends in one of the two lists; nothing is dropped
silently. Rules (an inbox is written by people and by scripts, and may be hostile):
- Regular files are read, hidden ones (`.name`) included: a hidden file may be a report.
- A symbolic link is followed only when it resolves to a regular file inside the inbox;
  a link out of the inbox, a dangling link, a link loop and a link to a folder are
  skipped (never followed: nothing from outside the inbox may enter the raw archive).
- FIFOs, sockets and devices are skipped and never opened (opening a FIFO blocks).
- A name that is not valid UTF-8 is skipped (a report's name is published as text);
  it is listed with its undecodable bytes escaped (`\\xff`).
- A file larger than `max_bytes`, or that cannot be opened (permission denied), is
  skipped with that reason. A folder that cannot be listed is skipped as a whole.
Files are opened with O_NOFOLLOW and O_NONBLOCK and checked again with fstat, so an
entry swapped for a link or a FIFO between the listing and the read is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class InboxFile:
    """A regular file to read: `source` is its path relative to the inbox (what the
    report is called), `path` the file to open (a link's target for a link)."""

    source: str
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Skipped:
    """An inbox entry that was not read, and why (published in the release's skipped.csv)."""

    entry: str  # path relative to the inbox; undecodable bytes escaped
    kind: str  # file, folder, symlink, fifo, socket, device
    reason: str


@dataclass
class InboxListing:
    files: list[InboxFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class NotReadable(OSError):
    """A file that may not or cannot be read; the message is the reason, one line."""


_SPECIAL = ((stat.S_ISFIFO, "fifo", "a FIFO (named pipe): never opened"),
            (stat.S_ISSOCK, "socket", "a socket: never opened"),
            (stat.S_ISCHR, "device", "a character device: never opened"),
            (stat.S_ISBLK, "device", "a block device: never opened"))


def scan(inbox: Path, max_bytes: int | None = None) -> InboxListing:
    """Every entry under `inbox`, as files to read or entries skipped, each list sorted."""
    if not Path(inbox).is_dir():
        raise FileNotFoundError(f"inbox {inbox} does not exist or is not a directory")
    root = Path(inbox).resolve(strict=True)
    listing = InboxListing()
    folders = [(root, "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            with os.scandir(folder) as entries:
                items = list(entries)
        except OSError as error:
            listing.skipped.append(Skipped(_shown(prefix.rstrip("/")), "folder",
                                           f"folder not listed: {_why(error)}"))
            continue
        for item in items:
            _classify(root, item, prefix + item.name, listing, folders, max_bytes)
    listing.files.sort(key=lambda f: f.source)
    listing.skipped.sort(key=lambda s: s.entry)
    return listing


def _classify(root: Path, item: os.DirEntry, relative: str, listing: InboxListing,
              folders: list[tuple[Path, str]], max_bytes: int | None) -> None:
    try:
        st = item.stat(follow_symlinks=False)
    except OSError as error:
        listing.skipped.append(Skipped(_shown(relative), "file", _why(error)))
        return
    if not _is_utf8(relative):
        kind = "folder" if stat.S_ISDIR(st.st_mode) else "file"
        listing.skipped.append(Skipped(_shown(relative), kind,
                                       "name is not valid UTF-8; not read"))
    elif stat.S_ISDIR(st.st_mode):
        folders.append((Path(item.path), relative + "/"))
    elif stat.S_ISLNK(st.st_mode):
        _link(root, Path(item.path), relative, listing, max_bytes)
    else:
        _file(Path(item.path), relative, st, "file", listing, max_bytes)


def _file(path: Path, relative: str, st: os.stat_result, kind: str, listing: InboxListing,
          max_bytes: int | None) -> None:
    if stat.S_ISREG(st.st_mode):
        if max_bytes is not None and st.st_size > max_bytes:
            listing.skipped.append(Skipped(relative, kind, f"larger than the limit of "
                                           f"{max_bytes} bytes (OGI_MAX_FILE_BYTES)"))
        else:
            listing.files.append(InboxFile(relative, path, st.st_size, st.st_mtime_ns))
        return
    for test, special, reason in _SPECIAL:
        if test(st.st_mode):
            listing.skipped.append(Skipped(relative, special if kind == "file" else kind,
                                           reason if kind == "file" else f"links to {reason}"))
            return
    listing.skipped.append(Skipped(relative, kind, "not a regular file"))


def _link(root: Path, link: Path, relative: str, listing: InboxListing,
          max_bytes: int | None) -> None:
    """Follow a link only to a regular file inside the inbox."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        listing.skipped.append(Skipped(relative, "symlink", _link_problem(error)))
        return
    if not target.is_relative_to(root):
        listing.skipped.append(Skipped(relative, "symlink",
                                       "points outside the inbox: not followed"))
        return
    try:
        st = target.stat()
    except OSError as error:
        listing.skipped.append(Skipped(relative, "symlink", _why(error)))
        return
    if stat.S_ISDIR(st.st_mode):
        listing.skipped.append(Skipped(relative, "symlink",
                                       "links to a folder: not followed"))
    else:
        _file(target, relative, st, "symlink", listing, max_bytes)


def read_regular(path: Path, max_bytes: int | None = None) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and status. Never follows a final symlink, never blocks on
    a FIFO; raises NotReadable with the reason."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise NotReadable(_why(error)) from error
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotReadable("not a regular file when opened")
        if max_bytes is not None and st.st_size > max_bytes:
            raise NotReadable(f"larger than the limit of {max_bytes} bytes")
        with os.fdopen(os.dup(fd), "rb") as file:
            return file.read(), st
    except NotReadable:
        raise
    except OSError as error:
        raise NotReadable(_why(error)) from error
    finally:
        os.close(fd)


def read_inside(inbox: Path, source: str) -> bytes:
    """The bytes of an inbox entry by its relative name, refusing what leaves the inbox."""
    root = Path(inbox).resolve(strict=True)
    try:
        target = (root / source).resolve(strict=True)
    except (OSError, RuntimeError) as error:
        raise NotReadable(_link_problem(error)) from error
    if not target.is_relative_to(root):
        raise NotReadable(f"{source}: points outside the inbox")
    return read_regular(target)[0]


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")  # undecodable bytes come back from the OS as lone surrogates
    except UnicodeEncodeError:
        return False
    return True


def _shown(name: str) -> str:
    return os.fsencode(name).decode("utf-8", "backslashreplace") if name else "."


def _why(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while the inbox was read"
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "is a symbolic link (not followed)"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return f"{type(error).__name__}: {error}"


def _link_problem(error: BaseException) -> str:
    if isinstance(error, RuntimeError) or (isinstance(error, OSError)
                                           and error.errno == errno.ELOOP):
        return "symlink loop"
    if isinstance(error, FileNotFoundError):
        return "dangling symlink (its target does not exist)"
    return _why(error)
