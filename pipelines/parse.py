"""Parse one file end to end: read it, recognise it, enrich it, never raise for bad input.

Not even for a parser bug: one file that trips one must not stop a build of 100,000, so
it comes back `failed`, flagged `parser_error` with the exception, and is listed in the
`reports` table like any other file that was not published. A file over its budget
(pipelines/budget.py: time, memory, decompressed size) comes back `failed`, flagged
`resource_limit`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipelines.budget import (
    FileBudget,
    ResourceLimit,
    check_unpacked,
    memory_message,
    time_limit,
)
from pipelines.enrich import enrich
from pipelines.read import UnreadableFile, read_bytes
from pipelines.read.html_images import Siblings, folder_siblings
from pipelines.read.registry import UNKNOWN
from pipelines.recognise.report import recognise
from pipelines.report import Flag, ParsedReport


def parse_bytes(name: str, data: bytes, budget: FileBudget | None = None,
                siblings: Siblings | None = None, title: str | None = None) -> ParsedReport:
    """A ParsedReport for any bytes: unreadable files come back `failed` with the reason.
    `siblings` opens the files next to it (the images a page shows); `title` is the title
    the file was listed under (a discovered report's listing entry), read for the agency
    and year when the file lacks them."""
    budget = budget or FileBudget()
    try:
        check_unpacked(data, budget)
        with time_limit(budget):
            doc = read_bytes(name, data, siblings)
            return enrich(recognise(doc, title), doc.text)
    except ResourceLimit as e:
        code, reason = "resource_limit", f"{name}: {e}"
    except MemoryError:
        code, reason = "resource_limit", f"{name}: {memory_message(budget)}"
    except UnreadableFile as e:
        code, reason = "unreadable_file", str(e)
    except Exception as e:  # a bug must not stop the build (see above)
        code, reason = "parser_error", f"{name}: parser error: {type(e).__name__}: {e}"
    return failed(name, hashlib.sha256(data).hexdigest(), len(data), code, reason)


def failed(name: str, sha256: str, size: int, code: str, reason: str) -> ParsedReport:
    """A file that was not read: `failed`, with the reason as its flag."""
    return ParsedReport(name, sha256, size, UNKNOWN, "failed", reason=reason,
                        flags=[Flag(code, reason)])


def parse_file(path: Path) -> ParsedReport:
    return parse_bytes(path.name, path.read_bytes(), siblings=folder_siblings(path.parent))
