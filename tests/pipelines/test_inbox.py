"""Hostile inbox entries: every entry is read or skipped with its reason, nothing outside
the inbox is read, and nothing blocks (FIFOs are never opened)."""

from __future__ import annotations

import os
import pickle
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.archive import RawArchive
from pipelines.inbox import NotReadable, Skipped, read_inside, read_regular, scan
from pipelines.inputs import archive_inbox

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
REPORT = "seed-shaoguan-zhenjiang-2019.txt"
SECRET = b"root:x:0:0:a secret outside the inbox\n"

# What make_hostile_inbox leaves, and why each skipped entry is skipped.
READ = [".hidden-report.txt", "link-to-report.txt", REPORT, "sub/.hidden/deep.txt"]
SKIPPED = [
    Skipped("bad-name-\\xff.txt", "file", "name is not valid UTF-8; not read"),
    Skipped("dangling", "symlink", "dangling symlink (its target does not exist)"),
    Skipped("fifo", "fifo", "a FIFO (named pipe): never opened"),
    Skipped("link-loop-a", "symlink", "symlink loop"),
    Skipped("link-loop-b", "symlink", "symlink loop"),
    Skipped("link-to-dev-zero", "symlink", "points outside the inbox: not followed"),
    Skipped("link-to-folder", "symlink", "links to a folder: not followed"),
    Skipped("link-to-outside", "symlink", "points outside the inbox: not followed"),
    Skipped("link-to-proc", "symlink", "points outside the inbox: not followed"),
    Skipped("link-to-self", "symlink", "symlink loop"),
    Skipped("relative-link-out", "symlink", "points outside the inbox: not followed"),
    Skipped("socket", "socket", "a socket: never opened"),
    Skipped("sub/link-up-out", "symlink", "points outside the inbox: not followed"),
    Skipped("too-large.txt", "file", "larger than the limit of 100000 bytes "
                                     "(OGI_MAX_FILE_BYTES)"),
]


def make_hostile_inbox(root: Path) -> Path:
    """An inbox holding one of each kind of entry a build must survive."""
    inbox = root / "inbox"
    (inbox / "sub" / ".hidden").mkdir(parents=True)
    (root / "outside.txt").write_bytes(SECRET)
    report = (SAMPLES / REPORT).read_bytes()
    (inbox / REPORT).write_bytes(report)
    (inbox / ".hidden-report.txt").write_bytes(report)  # a hidden valid report is a report
    (inbox / "sub" / ".hidden" / "deep.txt").write_text("深处的文件", encoding="utf-8")
    (inbox / "too-large.txt").write_bytes(b"0" * 100_001)
    os.mkfifo(inbox / "fifo")
    for name, target in (("link-to-report.txt", REPORT), ("link-to-outside", root / "outside.txt"),
                         ("relative-link-out", "../outside.txt"), ("dangling", "missing"),
                         ("link-loop-a", "link-loop-b"), ("link-loop-b", "link-loop-a"),
                         ("link-to-self", "link-to-self"), ("link-to-folder", "sub"),
                         ("link-to-dev-zero", "/dev/zero"), ("link-to-proc", "/proc/self/environ"),
                         ("sub/link-up-out", "../../outside.txt")):
        os.symlink(target, inbox / name)
    with open(os.fsencode(inbox) + b"/bad-name-\xff.txt", "wb") as file:
        file.write(report)
    return inbox


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Path]:
    inbox = make_hostile_inbox(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(inbox / "socket"))
    yield inbox
    server.close()


def test_every_entry_is_read_or_skipped_with_its_reason(hostile: Path) -> None:
    listing = scan(hostile, max_bytes=100_000)
    assert [f.source for f in listing.files] == READ
    assert listing.skipped == SKIPPED
    link = next(f for f in listing.files if f.source == "link-to-report.txt")
    assert link.path == (hostile / REPORT).resolve()  # read through its target, checked


def test_nothing_outside_the_inbox_enters_the_archive(hostile: Path, tmp_path: Path) -> None:
    archive = RawArchive(tmp_path / "archive")
    archived = archive_inbox(archive, hostile, max_bytes=100_000)
    assert [i.source for i in archived.inputs] == READ
    assert archived.skipped == SKIPPED
    stored = [p.read_bytes() for p in (tmp_path / "archive" / "objects").rglob("*")
              if p.is_file()]
    assert len(stored) == 2 and SECRET not in stored
    assert not any(SECRET in data for data in stored)
    assert all(archive.inbox_record(s) for s in READ)


def test_a_file_swapped_for_a_fifo_after_the_listing_fails_alone(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (inbox / name).write_text(name)
    listing = scan(inbox)
    (inbox / "b.txt").unlink()
    os.mkfifo(inbox / "b.txt")  # opened, it would block the build for good
    (inbox / "c.txt").unlink()
    os.symlink(tmp_path / "outside", inbox / "c.txt")
    (tmp_path / "outside").write_bytes(SECRET)
    results = RawArchive(tmp_path / "archive").put_inbox(listing.files)
    assert [getattr(r, "reason", None) for r in results] == [
        None, "not a regular file when opened", "is a symbolic link (not followed)"]


def test_read_regular_never_blocks_on_a_fifo_nor_follows_a_link(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    os.symlink("/etc/hostname", tmp_path / "link")
    with pytest.raises(NotReadable, match="not a regular file when opened"):
        read_regular(tmp_path / "fifo")
    with pytest.raises(NotReadable, match="symbolic link"):
        read_regular(tmp_path / "link")


def test_read_inside_refuses_a_name_that_leads_out(hostile: Path) -> None:
    assert read_inside(hostile, "link-to-report.txt") == (hostile / REPORT).read_bytes()
    for name in ("link-to-outside", "../outside.txt", "sub/link-up-out"):
        with pytest.raises(NotReadable, match="points outside the inbox"):
            read_inside(hostile, name)


def _as_another_user(fn, *args):
    """fn(*args) in a forked child that, when run as root, drops to user `nobody` first
    (root reads files whatever their mode); its result comes back through a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        status = 1
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(fn(*args), out)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as answer:
        data = answer.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0, "the child failed"
    return pickle.loads(data)


def _archive(inbox: Path, archive: Path):
    archived = archive_inbox(RawArchive(archive), inbox)
    return [i.source for i in archived.inputs], archived.skipped


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A temporary folder another user may enter (pytest's own is root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="ogi-inbox-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


def test_a_file_without_read_permission_is_skipped(open_folder: Path) -> None:
    inbox = open_folder / "inbox"
    shutil.copytree(SAMPLES, inbox)
    (inbox / "locked.txt").write_text("x")
    (inbox / "locked.txt").chmod(0)
    (inbox / "closed").mkdir()
    (inbox / "closed" / "a.txt").write_text("x")
    (inbox / "closed").chmod(0)
    (open_folder / "archive").mkdir()
    (open_folder / "archive").chmod(0o777)
    sources, skipped = _as_another_user(_archive, inbox, open_folder / "archive")
    assert skipped == [Skipped("closed", "folder", "folder not listed: permission denied"),
                       Skipped("locked.txt", "file", "permission denied")]
    assert sources == sorted(p.name for p in SAMPLES.iterdir())
