"""One build at a time over a cache: a lock file saying which build holds it, and since when.

Belongs here: taking, checking and releasing the build lock. Not here: what a build does
(pipelines/assets.py takes the lock in each step of the build job).

Builds that share a cache share its staged tables, parse cache and segment cache; two at
once deleted each other's staged tables. The lock is `<cache>/build.lock`, a JSON object
naming the run id, the process (pid and its start time), the host and when the run took
it. A second build fails at once, in its first step and before it writes anything, with
a message naming the holder: it does not wait (a scheduled build that finds the lock
held is simply run again later; a wait would hold a Dagster run slot for nothing).

A run's steps may be separate processes (Dagster's multiprocess executor, Celery
workers): each step takes the lock again under its own pid, and the last step (or any
failing step) releases it; a run stopped otherwise (a failed blocking check skips the
last step) leaves it. Whether a holder is alive is asked first of the Dagster instance:
a run it knows is alive exactly while the instance has it going (between two steps no
process of the run is alive; a Celery worker's pid outlives the run). A run it does not
know (`ogi build` runs on an instance of its own) is alive while its process is, on
this host, unless that process is this one (an earlier in-process run); on another host
it is taken as alive (delete the file once that host is gone).
Changes to the lock file are made under an flock of `<cache>/build.lock.guard`, which
the kernel releases when its holder dies: no stale guard.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK = "build.lock"
GUARD = "build.lock.guard"

RunActive = Callable[[str], bool | None]  # True/False: the run's state; None: unknown


@dataclass(frozen=True)
class Holder:
    run_id: str
    pid: int
    host: str
    since: str  # ISO 8601 UTC, when the run took the lock
    process_start: str | None = None  # the pid's start time (Linux): a reused pid differs

    def describe(self) -> str:
        return f"run {self.run_id} (pid {self.pid} on {self.host}, since {self.since})"


class BuildLocked(RuntimeError):
    """Another build holds the lock over this cache."""


def acquire(cache_dir: Path, run_id: str, run_active: RunActive | None = None) -> Holder:
    """Take (or, for the same run, keep) the lock; BuildLocked if a live build holds it."""
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    with _guard(cache_dir):
        current = read_holder(cache_dir)
        if current is not None and current.run_id != run_id and _alive(current, run_active):
            raise BuildLocked(
                f"another build holds the lock {cache_dir / LOCK}: {current.describe()}; "
                "one build at a time over a cache. Run again when it has finished (if "
                "that process is gone, delete the lock file).")
        since = current.since if current is not None and current.run_id == run_id else _now()
        mine = Holder(run_id, os.getpid(), socket.gethostname(), since,
                      _process_start(os.getpid()))
        _write(cache_dir / LOCK, mine)
        return mine


def release(cache_dir: Path, run_id: str) -> None:
    """Release the lock if this run holds it."""
    cache_dir = Path(cache_dir)
    if not (cache_dir / LOCK).exists():
        return
    with _guard(cache_dir):
        current = read_holder(cache_dir)
        if current is not None and current.run_id == run_id:
            (cache_dir / LOCK).unlink(missing_ok=True)


def live_holder(cache_dir: Path, run_active: RunActive | None = None) -> Holder | None:
    """The build holding the lock, if it is alive (for a sensor that waits its turn)."""
    current = read_holder(cache_dir)
    return current if current is not None and _alive(current, run_active) else None


def read_holder(cache_dir: Path) -> Holder | None:
    """Who holds the lock (None: nobody, or an unreadable file left by a kill mid-write)."""
    try:
        return Holder(**json.loads((Path(cache_dir) / LOCK).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _alive(holder: Holder, run_active: RunActive | None) -> bool:
    known = run_active(holder.run_id) if run_active is not None else None
    if known is not None:
        return known  # the instance knows the run: a pid may outlive it (a Celery worker)
    if holder.host != socket.gethostname():
        return True  # nothing here can tell
    if holder.pid == os.getpid():
        return False  # an earlier run of this process: in-process runs follow each other
    return _process_alive(holder.pid, holder.process_start)


def _process_alive(pid: int, started: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, another user's
    return started is None or _process_start(pid) in (None, started)


def _process_start(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc/PID/stat, field 22)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[-1].split()[19]


@contextlib.contextmanager
def _guard(cache_dir: Path) -> Iterator[None]:
    fd = os.open(cache_dir / GUARD, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the flock


def _write(path: Path, holder: Holder) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(asdict(holder), ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
