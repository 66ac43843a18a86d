"""What one file may cost to parse: time, memory and decompressed size.

Belongs here: the limits and how they are enforced. Not here: what parsing does
(pipelines/parse.py) or which process it runs in (pipelines/parallel.py).

- **Decompressed size**: the members of a zip container (DOCX, XLSX) may not declare more
  than `unpacked_bytes` in all; checked before any reader opens the file. Python's
  zipfile never inflates a member beyond its declared size, so the declared sizes bound
  the work (a 525 KB zip bomb declared 7.9 GB).
- **Time**: `seconds` of wall-clock time per file, by SIGALRM in the process that
  parses; the handler raises `ResourceLimit`, which is no `Exception`, so that a
  reader's broad `except Exception` cannot swallow it.
- **Memory**: the parsing child process's address space is limited to `memory_bytes`
  (RLIMIT_AS, set once in each worker process by `limit_process`). An allocation beyond
  it fails with MemoryError in Python, or kills the process in a native library; the
  build goes on either way (pipelines/parallel.py isolates the file).

Measured (Dec 2026, this project's machine): parsing the sample and corpus reports, a
PDF report (1.5 s), a legacy DOC through LibreOffice (5 s under load) and the largest
HTML report, peaked at 100 MB of address space and 85 MB resident in the parsing
process; LibreOffice converts within a 512 MiB address-space limit. The defaults are
20 times that. The hostile files that motivated them took 8.5 min and 7.9 GB (a DOCX
zip bomb) and 2 min 17 s and 2.6 GB (a PDF with a million text operators).
"""

from __future__ import annotations

import contextlib
import io
import resource
import signal
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class FileBudget:
    """Limits per file; 0 switches a limit off. Defaults: OGI_PARSE_* (pipelines/settings.py)."""

    seconds: float = 120.0
    memory_bytes: int = 2 * 1024**3
    unpacked_bytes: int = 256 * 1024**2


class ResourceLimit(BaseException):  # a budget, not a bug: no `Exception` (see above)
    """A file went over its budget; the message says which limit, in one line."""


def check_unpacked(data: bytes, budget: FileBudget) -> None:
    """Raise ResourceLimit when a zip container declares more than the budget allows."""
    if not budget.unpacked_bytes or not data.startswith(ZIP_MAGIC):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            declared = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a readable zip: the readers give the reason
    if declared > budget.unpacked_bytes:
        raise ResourceLimit(f"its zip members unpack to {declared} bytes, over the limit of "
                            f"{budget.unpacked_bytes} bytes (OGI_PARSE_MAX_UNPACKED_BYTES)")


_armed = False  # set in processes whose memory is limited: the time limit applies there


def limit_process(budget: FileBudget) -> None:
    """Limit this process's address space (a pool initializer: only in worker processes,
    never in the build's own process) and arm the per-file time limit in it."""
    global _armed
    if budget.memory_bytes:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = budget.memory_bytes if hard == resource.RLIM_INFINITY else min(
            budget.memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _armed = True


@contextlib.contextmanager
def time_limit(budget: FileBudget) -> Iterator[None]:
    """Raise ResourceLimit in the block after `budget.seconds` (only in processes armed by
    `limit_process`, on their main thread: SIGALRM is process-wide)."""
    if not (_armed and budget.seconds and threading.current_thread() is threading.main_thread()):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ResourceLimit(f"parsing took longer than the limit of {budget.seconds:g} s "
                            "(OGI_PARSE_SECONDS)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, budget.seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def memory_message(budget: FileBudget) -> str:
    return (f"parsing needed more memory than the limit of {budget.memory_bytes} bytes "
            "(OGI_PARSE_MEMORY_BYTES)")
