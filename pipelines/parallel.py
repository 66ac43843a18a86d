"""Chunks of work across processes, results in order, with bounded memory.

Belongs here: the one way the build spreads CPU-bound work (parsing, tidying) over the
machine's cores. Not here: what the work is. With one worker, or one chunk, everything
runs in this process (no start-up cost), unless the work must be isolated: parsing
always runs in worker processes, so that a file that exhausts memory or crashes a
library never takes the build's own process down. A daemonic process (a Celery prefork
worker) may not start processes: there the work runs in it, whatever is asked.

Workers are started with "spawn": the Dagster process that calls this has threads, and a
forked copy of a threaded process can deadlock. At most twice as many chunks as workers
are in flight, so results that arrive early wait in memory a few chunks at a time, never
the whole build. `threads=True` uses threads instead, for work that runs without the GIL
(reading and decompressing Arrow data). `isolating_map` survives a worker that dies
(killed for memory, a crash in a native library) and finds the item that killed it. A
broken pool is shut down in bounded time (SIGTERM, then SIGKILL after SHUTDOWN_GRACE).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
WINDOW = 2  # chunks in flight per worker
SHUTDOWN_GRACE = 5.0  # seconds a worker has to end on SIGTERM before SIGKILL


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def ordered_map(fn: Callable[[T], R], chunks: Iterable[T], workers: int,
                initializer: Callable[..., None] | None = None,
                initargs: tuple = (), threads: bool = False,
                isolate: bool = False) -> Iterator[R]:
    """fn(chunk) for each chunk, yielded in the chunks' order. For processes, `fn`, the
    chunks and the initializer's arguments must pickle (module-level functions, data).
    With `isolate`, even one chunk or one worker runs in a worker process (the build's
    own process must survive what the work does), except in a daemonic process."""
    chunks = list(chunks)
    # A daemonic process (a Celery prefork worker running a step, say) may not start
    # processes of its own: the work then runs in it.
    in_daemon = multiprocessing.current_process().daemon and not threads
    if in_daemon or (not isolate and (workers <= 1 or len(chunks) <= 1)):
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, chunks)
        return
    size = max(1, min(workers, len(chunks)))
    if threads:
        pool = ThreadPoolExecutor(size, initializer=initializer, initargs=initargs)
        with pool:
            yield from _in_order(pool, fn, chunks, workers)
        return
    pool = _process_pool(size, initializer, initargs)
    try:
        yield from _in_order(pool, fn, chunks, workers)
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def _process_pool(size: int, initializer: Callable[..., None] | None,
                  initargs: tuple) -> ProcessPoolExecutor:
    """A spawn pool whose workers all start before its first task. CPython 3.11 starts
    spawn workers one per submit, after waking the pool's manager thread: the manager may
    then wait on the workers it knew before, and the death of the newest worker goes
    unseen, so its task's future never ends (the build hangs on a killed worker). Started
    all at once, before the manager thread, every worker is watched."""
    pool = ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn"),
                               initializer=initializer, initargs=initargs)
    if hasattr(pool, "_safe_to_dynamically_spawn_children"):  # no public API
        pool._safe_to_dynamically_spawn_children = False
    return pool


def _in_order(pool: Executor, fn: Callable[[T], R], chunks: list[T],
              workers: int) -> Iterator[R]:
    pending: deque[Future] = deque()
    todo = iter(chunks)
    window = WINDOW * max(workers, 1)
    for chunk in todo:
        pending.append(pool.submit(fn, chunk))
        if len(pending) >= window:
            break
    while pending:
        yield pending.popleft().result()
        for chunk in todo:
            pending.append(pool.submit(fn, chunk))
            break


def stop_pool(pool: ProcessPoolExecutor, grace: float = SHUTDOWN_GRACE) -> None:
    """Shut a process pool down in bounded time: SIGTERM to its workers, SIGKILL to any
    still alive after `grace` seconds. The executor's own shutdown of a broken pool
    sends SIGTERM and then waits on each worker without end: a worker that ignores
    SIGTERM (a native library's handler) would hang the build."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public API
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join()
    pool.shutdown(wait=True, cancel_futures=True)


def isolating_map(fn: Callable[[list[T]], list[R]], chunks: list[list[T]], workers: int,
                  on_death: Callable[[T, int | None], R],
                  initializer: Callable[..., None] | None = None,
                  initargs: tuple = ()) -> Iterator[list[R]]:
    """`ordered_map` over chunks of items, always in worker processes (outside a daemon),
    where fn returns one result per item. When a worker process dies, the chunks that
    were in flight are run again each in a process of its own, halved until the item
    that kills its process is alone; that item's result is `on_death(item, exit code)`
    (negative: the signal that killed it). Then the map goes on with a new pool. One bad
    file among 100,000 costs a few extra processes, not the build. The initializer (a
    limit on the worker, say) runs only in worker processes: in a daemonic process, where
    the work runs in the process itself, it is left out."""
    if multiprocessing.current_process().daemon:
        initializer, initargs = None, ()
    done = 0
    while done < len(chunks):
        try:
            for results in ordered_map(fn, chunks[done:], workers, initializer, initargs,
                                       isolate=True):
                yield results
                done += 1
        except BrokenProcessPool:
            for chunk in chunks[done:done + WINDOW * max(workers, 1)]:
                yield _alone(fn, chunk, on_death, initializer, initargs)
                done += 1


def _alone(fn: Callable[[list[T]], list[R]], items: list[T],
           on_death: Callable[[T, int | None], R],
           initializer: Callable[..., None] | None, initargs: tuple) -> list[R]:
    """fn(items) in a process of its own; halved on its death until the culprit is alone."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run_alone, args=(fn, items, send, initializer, initargs))
    process.start()
    send.close()
    try:
        results = receive.recv()  # EOFError when the process dies before it answers
    except EOFError:
        results = None
    finally:
        receive.close()
        process.join()
    if results is not None:
        return results
    if len(items) == 1:
        return [on_death(items[0], process.exitcode)]
    half = len(items) // 2
    return (_alone(fn, items[:half], on_death, initializer, initargs)
            + _alone(fn, items[half:], on_death, initializer, initargs))


def _run_alone(fn: Callable[[list[T]], list[R]], items: list[T], send: Connection,
               initializer: Callable[..., None] | None, initargs: tuple) -> None:
    if initializer is not None:
        initializer(*initargs)
    send.send(fn(items))
    send.close()
