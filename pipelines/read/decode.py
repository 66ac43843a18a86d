"""Bytes to text: BOMs, UTF-8, GB18030 (which covers GBK and GB2312), HTML charset."""

from __future__ import annotations


class UnreadableFile(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""


def decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    # UTF-8 first whatever a page declares: GB-encoded Chinese is practically never valid
    # UTF-8, while pages re-saved as UTF-8 often keep a stale gb2312 <meta charset>.
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            if _cut_in_last_character(error, len(data)):
                # A page cut off inside its last character (a truncated download) is
                # still that page: what precedes the cut is read, and recognition then
                # finds the tables missing and reports the file `partial`.
                return data[:error.start].decode(encoding)
    raise UnreadableFile(f"{name}: neither UTF-8 nor GB18030 text")


def _cut_in_last_character(error: UnicodeDecodeError, size: int) -> bool:
    """Whether the only fault is an incomplete multi-byte character at the very end."""
    return error.end == size and size - error.start < 4 and error.reason in (
        "unexpected end of data", "incomplete multibyte sequence")
