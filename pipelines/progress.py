"""Progress of a build's long stages, for whoever shows it.

What belongs here: a tiny, process-wide hook that the stages call (`start` with a total,
`advance` as items finish) and a display that the `ogi` command installs (`Display`): a
progress bar redrawn in place on a terminal, a plain line now and then in a log (never a
bar's control characters in a file). Without a display the calls cost nothing. Only the
build's own process reports: worker processes finish items, the parent counts them.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Protocol, TextIO

# The stages a build reports, in order, with the words a display uses.
STAGES = {"archived": "files archived", "parsed": "files parsed",
          "segments": "segments made or reused"}
LOG_EVERY = 10.0  # seconds between plain lines in a log
BAR_EVERY = 0.2  # seconds between redraws of a bar
BAR_WIDTH = 24


class Sink(Protocol):
    def start(self, stage: str, total: int) -> None: ...
    def advance(self, stage: str, n: int) -> None: ...


_sink: Sink | None = None


def install(sink: Sink | None) -> None:
    """Send the stages' progress to `sink` (None: nowhere)."""
    global _sink
    _sink = sink


def start(stage: str, total: int) -> None:
    if _sink is not None:
        _sink.start(stage, total)


def advance(stage: str, n: int = 1) -> None:
    if _sink is not None:
        _sink.advance(stage, n)


@dataclass
class _Stage:
    total: int
    done: int = 0
    began: float = field(default_factory=time.monotonic)
    shown: float = 0.0

    def __post_init__(self) -> None:
        self.shown = self.began  # the first plain line comes LOG_EVERY after the start


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Display:
    """Shows each stage's items done, rate and ETA on `stream` (a bar on a terminal)."""

    def __init__(self, stream: TextIO = sys.stderr, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.stages: dict[str, _Stage] = {}

    def start(self, stage: str, total: int) -> None:
        self._finish_open()
        self.stages[stage] = _Stage(total)
        self._show(stage, force=self.tty)  # a log gets a line when there is news

    def advance(self, stage: str, n: int) -> None:
        if stage not in self.stages:
            self.start(stage, 0)
        state = self.stages[stage]
        state.done += n
        self._show(stage, force=state.done >= state.total)

    def close(self) -> None:
        self._finish_open()

    def line(self, stage: str) -> str:
        state = self.stages[stage]
        elapsed = max(time.monotonic() - state.began, 1e-6)
        rate = state.done / elapsed
        words = STAGES.get(stage, stage)
        text = f"{words}: {state.done:,}/{state.total:,} ({rate:,.{1 if rate < 10 else 0}f}/s"
        if state.done < state.total and rate > 0:
            text += f", ETA {_clock((state.total - state.done) / rate)}"
        elif state.done >= state.total:
            text += f", {_clock(elapsed)}"
        return text + ")"

    def _show(self, stage: str, force: bool = False) -> None:
        state = self.stages[stage]
        now = time.monotonic()
        if not force and now - state.shown < (BAR_EVERY if self.tty else LOG_EVERY):
            return
        state.shown = now
        if self.tty:
            filled = BAR_WIDTH * state.done // state.total if state.total else BAR_WIDTH
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.stream.write(f"\r\x1b[K[{bar}] {self.line(stage)}")
        else:
            self.stream.write(self.line(stage) + "\n")
        self.stream.flush()

    def _finish_open(self) -> None:
        """End a bar's line before anything else is written below it."""
        if self.tty and self.stages:
            last = next(reversed(self.stages))
            self._show(last, force=True)
            self.stream.write("\n")
            self.stream.flush()
            self.stages.pop(last)
