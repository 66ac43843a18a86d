"""A loopback HTTP server and a fake clock for the harvest tests.

`server` runs `http.server.ThreadingHTTPServer` on 127.0.0.1 (port 0) in a background
thread. A test adds routes (a path and what to answer) and reads back every request the
server saw. Nothing here talks to any other host. `fetcher` builds a Fetcher on a fake
clock, so waits are recorded instead of slept: no test asserts on real time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from loopback import NOW, LoopbackServer

from pipelines.harvest.fetch import Fetcher, FetchSettings


@dataclass
class FakeTime:
    """A monotonic clock that only moves when slept on; every sleep is recorded."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    loopback = LoopbackServer()
    yield loopback
    loopback.stop()


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def fetcher(fake_time: FakeTime) -> Iterator[Callable[..., Fetcher]]:
    """Make a Fetcher with the given settings, on the fake clock, with no jitter."""
    made: list[Fetcher] = []

    def make(**settings: object) -> Fetcher:
        defaults: dict = {"timeout": 0.2, "retries": 2, "backoff": 1.0, "jitter": 0.0,
                          "min_interval": 0.0, "trust_env": False}
        fetcher = Fetcher(FetchSettings(**{**defaults, **settings}), sleep=fake_time.sleep,
                          clock=fake_time.clock, now=lambda: NOW, rand=lambda: 0.5)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()
