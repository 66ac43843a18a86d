"""Bytes to text: BOMs, UTF-8, GB18030 (which covers GBK and GB2312), HTML charset."""

from __future__ import annotations

import re

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_GB_ALIASES = {"gb2312", "gbk", "gb18030", "gb_2312-80"}


class UnreadableFile(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""


def decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    declared = _META_CHARSET.search(data[:4096])
    candidates = ["utf-8", "gb18030"]
    if declared and declared.group(1).decode("ascii").lower() in _GB_ALIASES:
        candidates.reverse()
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(f"{name}: neither UTF-8 nor GB18030 text")
