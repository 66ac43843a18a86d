"""A report page (where a listing entry leads) read for what makes up the report: the
attachments that are the report and the images of its body.

Belongs here: reading one fetched report page. Not here: fetching them (discover.py).

- Attachments: links (or <iframe>/<embed>/<object> sources, a PDF viewer's `file=`
  parameter, a download script's `filename=`) to PDF, DOC, DOCX, WPS or OFD files,
  anywhere on the page (CMSs put a 附件 block under the body).
- Images: <img> inside the body (the element with the most text among those a CMS marks
  as content: TRS_Editor, zoom, article, content, detail ...; else <body>), other than
  logos, icons and QR codes. `data:` images are in the page already and are not listed.
  Each image's `src` as written (`srcs`: one image may be named by several) is kept: it
  is the link key the parse finds the archived image by (pipelines/linked_images.py).
- `body_chars`, `body_tables`: the body's non-blank characters and <table> elements. A
  page with attachments only wraps them, and the attachments are read as the report, not
  the page, when its body is shorter than WRAPPER_CHARS, or has no table and no image
  (the statutory tables are then in the attachments: a page of prose around a PDF is
  a summary or a press text, not the report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from pipelines.harvest.listing import absolute, link_text, page_base, parse_html
from pipelines.read.decode import UnreadableFile, decode

ATTACHMENT_TYPES = ("pdf", "doc", "docx", "wps", "ofd")
IMAGE_TYPES = ("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp")
VIEWER_PARAMS = ("file", "url", "src", "path")
NAME_PARAMS = ("filename", "name", "fname")
WRAPPER_CHARS = 300  # a body this short around an attachment holds no report of its own
_CONTENT = re.compile(r"(?i)TRS_Editor|zoom|article|content|detail|con_?text|main_?text|"
                      r"pages_content|view|wzy|nr")
_NOT_BODY_IMAGE = re.compile(r"(?i)logo|icon|qrcode|ewm|erweima|banner|share|weixin|wechat|"
                             r"blank\.gif|spacer")
_NOT_TEXT = {"script", "style", "noscript"}


@dataclass(frozen=True)
class ReportPage:
    """What a report page holds besides its own text."""

    attachments: tuple[str, ...]
    images: tuple[str, ...]
    body_chars: int
    body_tables: int = 0
    # image URL -> its `src` attributes as written in the page, first seen first
    srcs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def wraps_attachments(self) -> bool:
        return bool(self.attachments) and (self.body_chars < WRAPPER_CHARS or (
            self.body_tables == 0 and not self.images))


def extension(url: str) -> str:
    """The lowercase extension of the URL's last path segment ('' if none)."""
    name = unquote(urlsplit(url).path).rsplit("/", 1)[-1]
    return name.rpartition(".")[2].lower() if "." in name else ""


def attachment_url(url: str) -> str | None:
    """The attachment a link leads to: itself, or a viewer's `file=` document."""
    if extension(url) in ATTACHMENT_TYPES:
        return url
    for name, value in parse_qsl(urlsplit(url).query):
        if extension(value) not in ATTACHMENT_TYPES:
            continue
        if name.lower() in VIEWER_PARAMS:  # viewer.html?file=/a.pdf: the PDF is elsewhere
            return absolute(url, value)
        if name.lower() in NAME_PARAMS:  # downfile.jsp?filename=a.pdf: this link is the file
            return url
    return None


def read_report_page(content: bytes, url: str) -> ReportPage:
    """The page's attachments and body images (absolute URLs, first seen first)."""
    try:
        root = parse_html(decode(url, content))
    except UnreadableFile:
        root = None
    if root is None:
        return ReportPage((), (), 0)
    base = page_base(root, url)
    attachments: dict[str, None] = {}
    for element in root.iter("a", "iframe", "embed", "object"):
        source = element.get("href") or element.get("src") or element.get("data")
        target = absolute(base, source)
        found = attachment_url(target) if target else None
        # download.jsp?id=7 with the file name only in the link's text
        if found is None and element.tag == "a" and target and link_text(
                element).rpartition(".")[2].lower() in ATTACHMENT_TYPES:
            found = target
        if found:
            attachments[found] = None
    body = _body(root)
    images: dict[str, tuple[str, ...]] = {}
    for image in body.iter("img"):
        written = (image.get("src") or "").strip()
        target = absolute(base, written)
        if target and extension(target) in IMAGE_TYPES and not _NOT_BODY_IMAGE.search(
                target) and written not in images.get(target, ()):
            images[target] = (*images.get(target, ()), written)
    return ReportPage(tuple(attachments), tuple(images), _chars(body),
                      sum(1 for _ in body.iter("table")), images)


def _body(root: etree._Element) -> etree._Element:
    marked = [el for el in root.iter("div", "td", "article", "section")
              if _CONTENT.search(f"{el.get('id') or ''} {el.get('class') or ''}")]
    if marked:
        return max(marked, key=_chars)
    return next(root.iter("body"), root)


def _chars(element: etree._Element) -> int:
    count = 0
    for node in element.iter():
        if node.tag in _NOT_TEXT or not isinstance(node.tag, str):
            continue
        count += sum(not ch.isspace() for ch in node.text or "")
        if node is not element:
            count += sum(not ch.isspace() for ch in node.tail or "")
    return count
