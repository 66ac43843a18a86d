"""Parse one file end to end: read it, recognise it, never raise for bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipelines.read import UnreadableFile, read_bytes
from pipelines.recognise.report import recognise
from pipelines.report import Flag, ParsedReport


def parse_bytes(name: str, data: bytes) -> ParsedReport:
    """A ParsedReport for any bytes: unreadable files come back `failed` with the reason."""
    try:
        doc = read_bytes(name, data)
    except UnreadableFile as e:
        sha = hashlib.sha256(data).hexdigest()
        return ParsedReport(name, sha, len(data), "unknown", "failed", reason=str(e),
                            flags=[Flag("unreadable_file", str(e))])
    return recognise(doc)


def parse_file(path: Path) -> ParsedReport:
    return parse_bytes(path.name, path.read_bytes())
