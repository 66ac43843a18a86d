"""Chunks of work across processes, results in order, with bounded memory.

Belongs here: the one way the build spreads CPU-bound work (parsing, tidying) over the
machine's cores. Not here: what the work is. With one worker, or one chunk, everything
runs in this process (no start-up cost, and what tests and small builds use).

Workers are started with "spawn": the Dagster process that calls this has threads, and a
forked copy of a threaded process can deadlock. At most twice as many chunks as workers
are in flight, so results that arrive early wait in memory a few chunks at a time, never
the whole build. `threads=True` uses threads instead, for work that runs without the GIL
(reading and decompressing Arrow data). `isolating_map` survives a worker that dies
(killed for memory, a crash in a native library) and finds the item that killed it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
WINDOW = 2  # chunks in flight per worker


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def ordered_map(fn: Callable[[T], R], chunks: Iterable[T], workers: int,
                initializer: Callable[..., None] | None = None,
                initargs: tuple = (), threads: bool = False) -> Iterator[R]:
    """fn(chunk) for each chunk, yielded in the chunks' order. For processes, `fn`, the
    chunks and the initializer's arguments must pickle (module-level functions, data)."""
    chunks = list(chunks)
    # A daemonic process (a Celery prefork worker running a step, say) may not start
    # processes of its own: the work then runs in it.
    in_daemon = multiprocessing.current_process().daemon and not threads
    if workers <= 1 or len(chunks) <= 1 or in_daemon:
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, chunks)
        return
    if threads:
        pool = ThreadPoolExecutor(min(workers, len(chunks)), initializer=initializer,
                                  initargs=initargs)
    else:
        pool = ProcessPoolExecutor(min(workers, len(chunks)),
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=initializer, initargs=initargs)
    with pool:
        pending: deque[Future] = deque()
        todo = iter(chunks)
        window = WINDOW * workers
        for chunk in todo:
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= window:
                break
        while pending:
            yield pending.popleft().result()
            for chunk in todo:
                pending.append(pool.submit(fn, chunk))
                break


def isolating_map(fn: Callable[[list[T]], list[R]], chunks: list[list[T]], workers: int,
                  on_death: Callable[[T], R]) -> Iterator[list[R]]:
    """`ordered_map` over chunks of items, where fn returns one result per item. When a
    worker process dies, the chunks that were in flight are run again each in a process
    of its own, halved until the item that kills its process is alone; that item's
    result is `on_death(item)`. Then the map goes on with a new pool. One bad file among
    100,000 costs a few extra processes, not the build."""
    done, crashed = 0, False
    while done < len(chunks):
        if crashed and len(chunks) - done == 1:  # ordered_map would run it in this process
            yield _alone(fn, chunks[done], on_death)
            done += 1
            continue
        try:
            for results in ordered_map(fn, chunks[done:], workers):
                yield results
                done += 1
        except BrokenProcessPool:
            crashed = True
            for chunk in chunks[done:done + WINDOW * max(workers, 1)]:
                yield _alone(fn, chunk, on_death)
                done += 1


def _alone(fn: Callable[[list[T]], list[R]], items: list[T],
           on_death: Callable[[T], R]) -> list[R]:
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(fn, items).result()
    except BrokenProcessPool:
        if len(items) == 1:
            return [on_death(items[0])]
        half = len(items) // 2
        return _alone(fn, items[:half], on_death) + _alone(fn, items[half:], on_death)
