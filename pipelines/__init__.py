"""The pipeline: harvest → archive → parse → tables → checks → package.

Belongs here: only what every process of the pipeline must do before its first Arrow
allocation, whatever module it imports first (the build's own process and the workers
it spawns, which import the pipeline afresh).

Arrow's allocator is the C library's (`malloc`), unless ARROW_DEFAULT_MEMORY_POOL says
otherwise. Arrow's default, mimalloc, keeps the pages it freed in per-thread heaps: the
tables are read by threads and written by threads, and at 10,000 reports the build's
process kept 1,021 MiB after the tables stage, when Arrow itself held nothing (2.1 GiB at
100,000). `malloc` gives freed memory back on `release_unused` (malloc_trim): 287 MiB.
The allocator changes no byte of any output (bench/RESULTS.md).
"""

import os

if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
    # Read by Arrow when it first allocates; inherited by spawned workers and any tool
    # the build runs. Set directly as well, for when Arrow allocated before this import.
    os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
    import pyarrow as _pa

    _pa.set_memory_pool(_pa.system_memory_pool())
