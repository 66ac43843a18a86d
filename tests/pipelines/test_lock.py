"""The build lock: a second build fails at once naming the holder; a dead holder's lock
is taken over; a run keeps its own lock across steps."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines import lock

HOLD = """
import sys, time
from pipelines import lock
lock.acquire(sys.argv[1], "run-a")
print("held", flush=True)
time.sleep(600)
"""


@pytest.fixture
def holder(tmp_path: Path):
    """Another process that holds the lock over tmp_path as run-a, until killed."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "held\n"
    yield process
    process.kill()
    process.wait()


def test_a_second_build_fails_at_once_naming_the_holder(tmp_path: Path, holder) -> None:
    with pytest.raises(lock.BuildLocked) as raised:
        lock.acquire(tmp_path, "run-b")
    since = lock.read_holder(tmp_path).since
    assert str(raised.value) == (
        f"another build holds the lock {tmp_path / 'build.lock'}: run run-a (pid "
        f"{holder.pid} on {socket.gethostname()}, since {since}); one build at a time over "
        "a cache. Run again when it has finished (if that process is gone, delete the lock "
        "file).")
    lock.release(tmp_path, "run-b")  # not the holder: nothing happens
    assert lock.read_holder(tmp_path).run_id == "run-a"


def test_the_lock_of_a_killed_build_is_taken_over(tmp_path: Path, holder) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    taken = lock.acquire(tmp_path, "run-b")
    assert (taken.run_id, taken.pid) == ("run-b", os.getpid())
    assert lock.read_holder(tmp_path) == taken


def test_a_dead_step_of_a_live_run_keeps_the_lock(tmp_path: Path, holder) -> None:
    # Dagster's multiprocess executor: between two steps no process of the run is alive;
    # the instance knows the run is still going.
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with pytest.raises(lock.BuildLocked):
        lock.acquire(tmp_path, "run-b", {"run-a": True}.get)
    assert lock.acquire(tmp_path, "run-b", {"run-a": False}.get).run_id == "run-b"


def test_a_run_keeps_its_lock_and_its_start_across_steps(tmp_path: Path) -> None:
    first = lock.acquire(tmp_path, "run-a")
    again = lock.acquire(tmp_path, "run-a")
    assert again == first
    lock.release(tmp_path, "run-a")
    assert lock.read_holder(tmp_path) is None and not (tmp_path / "build.lock").exists()


def test_an_earlier_run_of_this_process_does_not_lock_the_next(tmp_path: Path) -> None:
    # An in-process run that failed before its last step left its lock behind.
    lock.acquire(tmp_path, "run-a")
    assert lock.acquire(tmp_path, "run-b").run_id == "run-b"


def test_a_holder_on_another_host_is_taken_as_alive(tmp_path: Path) -> None:
    (tmp_path / "build.lock").write_text(json.dumps(
        {"run_id": "run-a", "pid": 1, "host": "elsewhere", "since": "2026-12-01T00:00:00Z"}))
    with pytest.raises(lock.BuildLocked, match="pid 1 on elsewhere"):
        lock.acquire(tmp_path, "run-b")
    assert lock.acquire(tmp_path, "run-b", {"run-a": False}.get).run_id == "run-b"


def test_a_torn_lock_file_is_no_lock(tmp_path: Path) -> None:
    (tmp_path / "build.lock").write_text('{"run_id": "run-a", "pi')
    assert lock.acquire(tmp_path, "run-b").run_id == "run-b"
