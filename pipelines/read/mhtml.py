"""Read a web page saved as one file (MHTML, `.mht`/`.mhtml`): the page's own HTML part,
with the images saved beside it in the same file.

A browser's "save as single file" (Chromium's `Page.captureSnapshot`, Internet Explorer's
and Edge's `.mht`) writes the page as MIME parts: the HTML quoted-printable or base64
encoded (a soft line break every 76 characters, inside numbers and characters alike),
each image a part of its own named by its `Content-Location`. The HTML part is decoded
and read by the HTML reader; an `<img>` whose `src` names one of the file's parts is read
from it (a table printed as a picture), never fetched. What belongs here: finding and
decoding the parts; reading the page is html.py's.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from email.message import EmailMessage
from urllib.parse import urljoin

from pipelines.document import Document
from pipelines.read import html
from pipelines.read.decode import UnreadableFile, decode
from pipelines.read.html_images import Siblings

RENDERING = "mhtml"
# Labels browsers decode as GB18030, their superset (the WHATWG Encoding Standard): a
# page labelled GB2312 often holds GBK characters.
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58"}


def _parts(name: str, data: bytes) -> tuple[EmailMessage, list[EmailMessage]]:
    """The saved page's HTML part and every other part."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    parts = [p for p in message.walk() if not p.is_multipart()]
    page = next((p for p in parts if p.get_content_type() == "text/html"), None)
    if page is None:
        raise UnreadableFile(f"{name}: a page saved as one file (MHTML) with no HTML part")
    return page, [p for p in parts if p is not page]


def _siblings(parts: list[EmailMessage], base: str) -> Siblings:
    """The file's other parts by the names an `<img src>` gives them: the part's
    `Content-Location` (the image's address when saved; a relative `src` taken against
    the page's own, `base`) or `cid:` + its `Content-ID`."""
    named: dict[str, EmailMessage] = {}
    for part in parts:
        if part.get("Content-Location"):
            named.setdefault(str(part["Content-Location"]).strip(), part)
        if part.get("Content-ID"):
            named.setdefault("cid:" + str(part["Content-ID"]).strip().strip("<>"), part)

    def open_part(src: str) -> bytes | None:
        part = named.get(src.strip()) or named.get(urljoin(base, src.strip()))
        return None if part is None else part.get_payload(decode=True)

    return open_part


def read(name: str, sha256: str, size: int, data: bytes) -> Document:
    page, others = _parts(name, data)
    body = page.get_payload(decode=True) or b""
    charset = page.get_content_charset()
    charset = "gb18030" if charset in _GB else charset
    try:
        text = body.decode(charset) if charset else decode(name, body)
    except (LookupError, UnicodeDecodeError):
        text = decode(name, body)  # a wrong charset label: sniffed as any page is
    base = str(page.get("Content-Location") or "").strip()
    doc = html.read(name, sha256, size, text, siblings=_siblings(others, base))
    # A page whose tables were pictures stays `image`: its numbers were read by OCR.
    return doc if doc.rendering != "html" else replace(doc, rendering=RENDERING)
