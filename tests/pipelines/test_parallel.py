"""ordered_map in real worker processes: results in order, state from the initializer."""

from __future__ import annotations

import multiprocessing
import os

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
