"""ordered_map in real worker processes: results in order, state from the initializer."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from pipelines.parallel import ordered_map

_OFFSET = 0


def _set_offset(offset: int) -> None:
    global _OFFSET
    _OFFSET = offset


def _work(chunk: list[int]) -> tuple[list[int], int]:
    return [n + _OFFSET for n in chunk], os.getpid()


def test_two_workers_keep_the_chunks_order() -> None:
    chunks = [[i, i + 1] for i in range(0, 40, 2)]
    results = list(ordered_map(_work, chunks, 2, _set_offset, (100,)))
    assert [r for r, _ in results] == [[n + 100 for n in c] for c in chunks]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_one_worker_runs_in_this_process() -> None:
    results = list(ordered_map(_work, [[1], [2]], 1, _set_offset, (10,)))
    assert results == [([11], os.getpid()), ([12], os.getpid())]
    _set_offset(0)


def _in_a_daemon(queue) -> None:
    queue.put(list(ordered_map(_work, [[1], [2], [3]], 2, _set_offset, (5,))))


def test_a_daemonic_process_runs_the_work_itself() -> None:
    # Such as a Celery prefork worker: it may not start worker processes of its own.
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_in_a_daemon, args=(queue,), daemon=True)
    process.start()
    results = queue.get(timeout=60)
    process.join(60)
    assert [r for r, _ in results] == [[6], [7], [8]]
    assert {pid for _, pid in results} == {process.pid}


def _stubborn_or_dying(chunk: tuple[str, str]) -> str:
    """'stubborn' ignores SIGTERM and sleeps (as a native library's handler may make a
    worker do); 'dying' waits until it has, then kills its own process."""
    role, marker = chunk
    if role == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        Path(marker).touch()
        time.sleep(600)
    else:
        while not Path(marker).exists():
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGKILL)
    return role


def _break_the_pool(marker: str) -> str:
    try:
        list(ordered_map(_stubborn_or_dying, [("stubborn", marker), ("dying", marker)], 2))
    except BrokenProcessPool:
        return "BrokenProcessPool"
    return "no error"


def test_a_broken_pool_shuts_down_although_a_worker_ignores_sigterm(tmp_path: Path) -> None:
    # Without SIGKILL after the grace period, the pool's shutdown waits for the stubborn
    # worker for ever. In a process of its own, so that a hang fails the test (at the
    # bound, not a timing assertion: the shutdown takes ~5 s) instead of stopping pytest.
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
              "from test_parallel import _break_the_pool\n"
              "if __name__ == '__main__':\n"
              f"    print(_break_the_pool({str(tmp_path / 'ignoring')!r}))\n")
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the test's own processes, workers included
        process.communicate()
        pytest.fail("the pool's shutdown hung on a worker ignoring SIGTERM")
    assert (process.returncode, out) == (0, "BrokenProcessPool\n"), err
