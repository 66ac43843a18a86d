"""The allocator every pipeline process uses for Arrow (pipelines/__init__.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
PROBE = ("import pipelines.stage, pyarrow as pa; "
         "print(pa.default_memory_pool().backend_name, pa.table({'a': [1]}).num_rows)")


def _backend(env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    return done.stdout.split()[0]


def test_arrow_allocates_with_malloc_in_a_pipeline_process() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    assert _backend(env) == "system"


def test_an_allocator_asked_for_is_kept() -> None:
    assert _backend({**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "jemalloc"}) == "jemalloc"
