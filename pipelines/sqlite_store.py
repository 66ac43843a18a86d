"""SQLite as the build's caches use it (pipelines/parse_cache.py, pipelines/segments.py).

Belongs here: opening a cache database and looking up many keys at once. One file a
database, in WAL mode so that readers (worker processes, reading threads) go on while
one writer commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

_QUERY_CHUNK = 900  # keys per IN (...) query: under SQLite's bound-variable limit


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    return db


def select_in(db: sqlite3.Connection, query: str, keys: list[str]) -> Iterator[tuple]:
    """The rows of `query`, whose `{}` stands for the keys' placeholders (`... IN ({})`),
    for all the keys, a chunk of keys at a time."""
    for start in range(0, len(keys), _QUERY_CHUNK):
        part = keys[start:start + _QUERY_CHUNK]
        yield from db.execute(query.format(",".join("?" * len(part))), part)
