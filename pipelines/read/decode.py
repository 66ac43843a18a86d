"""Bytes to text: BOMs, UTF-8, UTF-16/32 with or without a BOM, GB18030 (which covers GBK
and GB2312), Big5, and the true reason when bytes are not text at all.

The rules are simple and checked on real reports, no statistical charset guessing:
- a byte-order mark decides (UTF-32's before UTF-16's: `FF FE 00 00` starts both);
- without one, UTF-16 and UTF-32 show in where their NUL bytes fall: a report's digits,
  spaces and line breaks are ASCII, whose UTF-16LE code units end in a NUL byte (odd
  positions), UTF-16BE's start with one, and UTF-32 code units of the Basic Multilingual
  Plane have two NUL bytes in fixed places;
- then UTF-8 (whatever a page declares: GB-encoded Chinese is practically never valid
  UTF-8, while pages re-saved as UTF-8 often keep a stale gb2312 `<meta charset>`);
- then GB18030 or Big5. Every Big5 byte pair is also a valid GBK pair, so a trial decode
  cannot tell them apart; the characters can. Big5 text read as GB18030 is about half
  kana, bopomofo, box drawing and Greek/Cyrillic letters (Big5's commonest characters sit
  where GBK keeps those: 0.43–0.54 on every fixture report converted to Big5), while a
  real Chinese report has next to none of them (0.00–0.06), in either decoding.

A stray NUL byte in a text (a crash, a bad copy) no longer makes it binary: NUL bytes at
the end (padding) are dropped and one inside the text becomes U+FFFD, so that the cell it
fell in is unreadable rather than two numbers run together.
"""

from __future__ import annotations

import codecs
import re

SAMPLE = 4096  # bytes looked at to tell an encoding or binary data
_BOMS = (  # longest first: the UTF-32LE BOM starts with the UTF-16LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters that Big5 text read as GB18030 is full of and real reports are not.
_UNLIKELY = ((0x0370, 0x04FF), (0x2500, 0x257F), (0x3040, 0x30FF), (0x3100, 0x312F),
             (0x3200, 0x33FF), (0x3400, 0x4DBF), (0xAC00, 0xD7AF), (0xE000, 0xF8FF),
             (0xF900, 0xFAFF))
_UNLIKELY_CHARS = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _UNLIKELY) + "]")
_BIG5_SHARE = 0.2  # above this share of unlikely characters GB18030 is not the encoding
_CONTROL_SHARE = 0.02  # control bytes in a text: rare; in binary data ~1 byte in 8
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1a\x1b")
# Every byte but the other controls (NUL among them): deleting these leaves the control
# bytes a text has no use for, counted in C (a loop over 4,096 bytes in Python took as
# long as reading a page's tables).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
# UTF-8 with cut characters: at most this share of the non-ASCII characters are faults,
# among at least this many (a report has thousands; GB18030 read as UTF-8: ~all faults).
_CUT_SHARE = 0.05
_MIN_WIDE = 200
ENCODINGS = "UTF-8, UTF-16, UTF-32, GB18030 or Big5"


class UnreadableFile(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""


def decode(name: str, data: bytes) -> str:
    """The text of a file's bytes; raises UnreadableFile when they are no known text."""
    encoding, start = _unicode_encoding(data)
    if encoding is not None:
        text = _decode_cut(data[start:], encoding)
        if text is None:
            raise UnreadableFile(f"{name}: not valid {encoding.upper()} text")
        return _without_nul(text)
    for candidate in ("utf-8", "gb18030"):
        text = _decode_cut(data, candidate)
        if text is None and candidate == "utf-8":
            text = _utf8_with_cut_characters(data)
        if text is not None:
            if candidate == "gb18030":
                text = _big5_instead(data, text)
            return _without_nul(text)
    raise UnreadableFile(f"{name}: not text in {ENCODINGS}")


def _without_nul(text: str) -> str:
    return text.rstrip("\x00").replace("\x00", "\ufffd")


def binary_reason(data: bytes) -> str | None:
    """Why a file's bytes are binary data rather than text; None when they may be text."""
    if _unicode_encoding(data)[0] is not None:
        return None
    sample = data[:SAMPLE].rstrip(b"\x00")
    if not sample:
        return "binary data (only NUL bytes)" if data else None
    nul = sample.count(0)
    control = len(sample.translate(None, _NOT_CONTROL)) - nul
    if (nul + control) / len(sample) <= _CONTROL_SHARE:
        return None
    return (f"binary data ({nul} NUL and {control} other control bytes in the first "
            f"{len(sample)}, not text in {ENCODINGS})")


def _unicode_encoding(data: bytes) -> tuple[str | None, int]:
    """A UTF-16/32 (or UTF-8 BOM) encoding and the BOM's length, else (None, 0)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return _by_nul_pattern(data[:SAMPLE]), 0


def _by_nul_pattern(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes fall, and
    confirmed by the sample decoding to text."""
    sample = sample[:len(sample) // 4 * 4]
    units = len(sample) // 4
    if units < 2:
        return None
    nul = [sample[k::4].count(0) for k in range(4)]
    odd, even = nul[1] + nul[3], nul[0] + nul[2]
    if nul[3] == units and nul[2] >= 0.9 * units and nul[0] < units:
        candidate = "utf-32-le"
    elif nul[0] == units and nul[1] >= 0.9 * units and nul[3] < units:
        candidate = "utf-32-be"
    # ASCII (digits, spaces, line breaks) makes NULs in one half; a CJK character's
    # byte is NUL now and then in either (U+4E00 一). No ASCII at all: nothing to tell by.
    elif odd >= 0.2 * units and even * 4 <= odd:
        candidate = "utf-16-le"
    elif even >= 0.2 * units and odd * 4 <= even:
        candidate = "utf-16-be"
    else:
        return None
    text = _decode_cut(sample, candidate)
    return candidate if text is not None and _control_share(text) <= _CONTROL_SHARE else None


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 0x20 and ord(c) not in _TEXT_CONTROLS)
    return controls / max(1, len(text))


def _decode_cut(data: bytes, encoding: str) -> str | None:
    """The text, or None when the bytes are not of this encoding. A file cut off inside
    its last character (a truncated download) is still that file: what precedes the cut
    is read, and recognition then finds the tables missing and reports it `partial`."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if _cut_in_last_character(error, len(data)):
            return data[:error.start].decode(encoding)
    return None


def _utf8_with_cut_characters(data: bytes) -> str | None:
    """UTF-8 text in which a tool cut a few characters inside their bytes, each cut
    character U+FFFD; None unless such cuts are rare among many whole characters. Text
    tools that count bytes as columns (`lynx -dump` at widths past ~300, Debian's
    `html2text`) cut a wide cell's label inside a character; the rest of the file is
    good UTF-8, and a label with a U+FFFD matches no statutory row. GB18030 or Big5 text
    read as UTF-8 is almost all faults (their byte pairs are no UTF-8 sequences)."""
    if _surely_not_cut_utf8(data):
        return None
    text = data.decode("utf-8", errors="replace")
    wide = len(text) - len(text.encode("ascii", "ignore"))
    faults = text.count("\ufffd")
    if wide < _MIN_WIDE or faults > _CUT_SHARE * wide:
        return None
    return text


_ASCII = bytes(range(0x80))
_PROOF_SAMPLES = (8192, 32768)  # bytes of the start decoded to prove too many faults


def _surely_not_cut_utf8(data: bytes) -> bool:
    """Whether `_utf8_with_cut_characters` is sure to say None, proven from the start of
    the bytes (decoding all of a GB18030 page with replacements took half as long as
    reading it as GB18030). Every non-ASCII character of the decoded text, a U+FFFD
    too, is made of at least one byte >= 0x80, so their count bounds the text's wide
    characters from above. A start cut just after an ASCII byte decodes as the same
    characters as the whole does there (an ASCII byte is never inside a UTF-8 sequence,
    nor inside a replaced fault), so its faults bound the whole's from below. Where the
    bounds prove too few wide characters or too many faults, that is the answer; else
    the whole is decoded."""
    high = len(data.translate(None, _ASCII))
    if high < _MIN_WIDE:
        return True
    for size in _PROOF_SAMPLES:
        if size >= len(data):
            return False
        end = size
        while end > size - 64 and data[end - 1] >= 0x80:
            end -= 1
        if data[end - 1] >= 0x80:
            continue  # no ASCII byte near the cut: no proof from this start
        if data[:end].decode("utf-8", errors="replace").count("\ufffd") > _CUT_SHARE * high:
            return True
    return False


def _cut_in_last_character(error: UnicodeDecodeError, size: int) -> bool:
    """Whether the only fault is an incomplete multi-byte character at the very end."""
    return error.end == size and size - error.start < 4 and error.reason in (
        "unexpected end of data", "incomplete multibyte sequence", "truncated data")


def _big5_instead(data: bytes, gb_text: str) -> str:
    """The Big5 reading when the GB18030 one is implausible and the Big5 one is not."""
    if _unlikely_share(gb_text) <= _BIG5_SHARE:
        return gb_text
    big5 = _decode_cut(data, "cp950")  # Microsoft's Big5, as Big5 files are written
    if big5 is not None and _unlikely_share(big5) < _unlikely_share(gb_text) / 4:
        return big5
    return gb_text


def _unlikely_share(text: str) -> float:
    """The share of unlikely characters among the non-ASCII ones of the text's start.
    Counted in C (the ASCII ones dropped by an encode, the unlikely ones by a character
    class): a loop over the characters in Python was a third of reading a GB18030 page."""
    sample = text[:SAMPLE * 4]
    wide = len(sample) - len(sample.encode("ascii", "ignore"))
    if not wide:
        return 0.0
    return len(_UNLIKELY_CHARS.findall(sample)) / wide
