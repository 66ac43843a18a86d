"""ordered_map in real worker processes: results in order, state from the initializer."""

from __future__ import annotations

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
