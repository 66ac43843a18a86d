"""A listing page (a CMS's 政府信息公开年报 column) read into entries and further pages.

Belongs here: reading one fetched listing page, HTML or JSON, into what it lists (title
and link) and which other pages of the listing it points to. Not here: whether an entry
is a report (titles.py), fetching and walking (discover.py).

Pagination styles read:
- a next link: text 下一页 / 下页 / 后页 / > / » / ›, or rel="next";
- numbered page links (text 1, 2, 3 ...);
- the TRS/WCM CMS pattern: `createPageHTML(total, current, "index", "html")` or
  `countPage = N` in a script, or "共 N 页" on a page named index.html / index_K.html,
  whose pages are index.html, index_1.html ... index_{N-1}.html next to it;
- JSON list endpoints: the first list of objects with a title and a link, and the
  further pages from a `next` URL or from a page number and page count (the URL's page
  parameter set to each page).
An entry is a link whose text (or `title` attribute, when the text is cut) has at least
MIN_TITLE characters with a Chinese one among them: navigation links are shorter. Its
date is the publication date listed with it (in the entry's row outside the link: the
<li> or <tr> holding only this link; in a JSON item, a date key), when a whole date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from pipelines.read.decode import UnreadableFile, decode
from pipelines.textnorm import HAN_CHAR

MIN_TITLE = 6  # characters of an entry's title; 首页, 上一页, 关于我们 are shorter
NEXT_TEXTS = frozenset({"下一页", "下页", "后页", "下一頁", ">", ">>", "»", "›", "下一页>",
                        "下一页>>", "next", "next>"})
PAGE_PARAMS = ("page", "pageNo", "pageno", "pageIndex", "pageindex", "pageNum", "pagenum",
               "currentPage", "current", "p")
TITLE_KEYS = ("title", "doctitle", "name", "subject", "t")
URL_KEYS = ("url", "docpuburl", "link", "href", "path", "puburl")
DATE_KEYS = ("pubdate", "publishdate", "publishtime", "pubtime", "docreltime", "date",
             "time", "createtime")
ROW_LEVELS = 3  # ancestors of a link searched for its row's date
NEXT_KEYS = ("next", "nexturl", "next_url", "nextpage_url")
PAGE_COUNT_KEYS = ("totalpage", "totalpages", "pagecount", "pages", "total_pages")
_SPACE = re.compile(r"\s+")
_CREATE_PAGE = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?"
                          r"\s*,\s*['\"]([\w-]+)['\"]\s*,\s*['\"](\w+)['\"]")
_COUNT_PAGE = re.compile(r"countPage\s*=\s*['\"]?(\d+)")
_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页")
_INDEX_PAGE = re.compile(r"^(.*/)(index)(?:_\d+)?\.(s?html?)$")
_CUT = ("...", "…", "..")
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
MAX_GENERATED = 1000  # pages one CMS pattern may add (a typo'd page count is not a loop)


@dataclass(frozen=True)
class Entry:
    """A link the listing shows: its title as listed and the absolute URL it leads to."""

    title: str
    url: str
    date: str | None = None  # YYYY-MM-DD, as listed with the entry


@dataclass
class ListingPage:
    """What one listing page lists, and the listing's other pages it names (in order)."""

    entries: list[Entry] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)


def read_listing(content: bytes, url: str, content_type: str | None = None) -> ListingPage:
    """The page's entries and pagination; an unreadable page lists nothing."""
    try:
        text = decode(url, content)
    except UnreadableFile:
        return ListingPage()
    if _is_json(text, content_type):
        try:
            return _json_listing(json.loads(text), url)
        except ValueError:
            return ListingPage()
    return _html_listing(text, url)


def _is_json(text: str, content_type: str | None) -> bool:
    return "json" in (content_type or "").lower() or text.lstrip()[:1] in ("{", "[")


def parse_html(text: str) -> etree._Element | None:
    """The page's element tree (plain lxml elements), None for an empty page."""
    try:
        return etree.fromstring(text, etree.HTMLParser())
    except (etree.ParserError, ValueError):
        return None


def page_base(root: etree._Element, url: str) -> str:
    """The URL links on the page are relative to (a <base href> if there is one)."""
    for base in root.iter("base"):
        if base.get("href"):
            return urljoin(url, base.get("href").strip())
    return url


def absolute(base: str, href: str | None) -> str | None:
    """A link made absolute, without its fragment; None for script, mail or empty links."""
    href = (href or "").strip()
    if not href or href.startswith("#") or re.match(r"(?i)(javascript|mailto|tel|data):",
                                                    href):
        return None
    return urldefrag(urljoin(base, href))[0]


def link_text(anchor: etree._Element) -> str:
    """The anchor's title as listed: its text, or its `title` attribute when that is
    longer (CMSs cut long titles in the text and keep them whole in the attribute)."""
    text = _SPACE.sub(" ", "".join(anchor.itertext())).strip()
    title = _SPACE.sub(" ", anchor.get("title") or "").strip()
    return title if len(title) > len(text.rstrip("".join(_CUT))) else text


def _html_listing(text: str, url: str) -> ListingPage:
    root = parse_html(text)
    if root is None:
        return ListingPage()
    base = page_base(root, url)
    page = ListingPage()
    for anchor in root.iter("a"):
        target = absolute(base, anchor.get("href"))
        if target is None or target == url:
            continue
        label = link_text(anchor)
        if _is_page_link(anchor, label):
            page.pages.append(target)
        elif len(label) >= MIN_TITLE and HAN_CHAR.search(label):
            page.entries.append(Entry(label, target, _row_date(anchor)))
    page.pages.extend(_cms_pages(text, url))
    return page


def _row_date(anchor: etree._Element) -> str | None:
    """The date listed in the link's row (outside the link): the nearest ancestor holding
    a date and no other link."""
    own = "".join(anchor.itertext())
    row = anchor.getparent()
    for _ in range(ROW_LEVELS):
        if row is None or sum(1 for _ in row.iter("a")) > 1:
            return None
        found = whole_date("".join(row.itertext()).replace(own, "", 1))
        if found:
            return found
        row = row.getparent()
    return None


def whole_date(text: str) -> str | None:
    """The first whole date in the text (2024-01-15, 2024/1/15, 2024年1月15日) as
    YYYY-MM-DD; None when there is none (a year alone is not a date)."""
    found = _DATE.search(text)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_page_link(anchor: etree._Element, label: str) -> bool:
    compact = _SPACE.sub("", label).lower()
    return ("next" in (anchor.get("rel") or "").lower().split() or compact in NEXT_TEXTS
            or (compact.isdigit() and len(compact) <= 4))


def _cms_pages(text: str, url: str) -> Iterator[str]:
    """The pages a TRS/WCM-style script or a "共 N 页" names: index_1.html ... ."""
    found = _CREATE_PAGE.search(text)
    if found:
        total, prefix, extension = int(found.group(1)), found.group(3), found.group(4)
        yield from _index_pages(url, total, prefix, extension)
        return
    found = _COUNT_PAGE.search(text) or _TOTAL_PAGES.search(text)
    named = _INDEX_PAGE.match(urlsplit(url).path)
    if found and (named or urlsplit(url).path.endswith("/")):
        extension = named.group(3) if named else "html"
        yield from _index_pages(url, int(found.group(1)), "index", extension)


def _index_pages(url: str, total: int, prefix: str, extension: str) -> tuple[str, ...]:
    return _index_names(urljoin(url, "."), total, prefix, extension)


@lru_cache(maxsize=256)
def _index_names(folder: str, total: int, prefix: str, extension: str) -> tuple[str, ...]:
    """Every page of the listing in `folder`: each page names them all again (a walk of
    N pages would otherwise make N² URLs)."""
    return tuple(folder + (f"{prefix}.{extension}" if number == 0 else
                           f"{prefix}_{number}.{extension}")
                 for number in range(min(total, MAX_GENERATED)))


def _json_listing(data: Any, url: str) -> ListingPage:
    page = ListingPage()
    items = _entries_list(data)
    for item in items or []:
        title = _value(item, TITLE_KEYS)
        target = absolute(url, _value(item, URL_KEYS))
        if isinstance(title, str) and target and title.strip():
            date = _value(item, DATE_KEYS)
            page.entries.append(Entry(_SPACE.sub(" ", title).strip(), target,
                                      whole_date(str(date)) if date else None))
    page.pages.extend(_json_pages(data, url))
    return page


def _entries_list(data: Any) -> list[dict] | None:
    """The first list (depth first) of objects that have a title and a link."""
    if isinstance(data, list):
        if data and all(isinstance(item, dict) for item in data) and any(
                _value(item, TITLE_KEYS) and _value(item, URL_KEYS) for item in data):
            return data
        children = data
    elif isinstance(data, dict):
        children = list(data.values())
    else:
        return None
    for child in children:
        if (found := _entries_list(child)) is not None:
            return found
    return None


def _value(item: dict, keys: tuple[str, ...]) -> Any:
    lowered = {str(key).lower(): value for key, value in item.items()}
    return next((lowered[key] for key in keys if lowered.get(key)), None)


def _scalars(data: Any) -> dict[str, Any]:
    """Every scalar under an object, by lowercase key (the first of each name wins)."""
    found: dict[str, Any] = {}
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, (dict, list)):
                    stack.append(value)
                else:
                    found.setdefault(str(key).lower(), value)
    return found


def _json_pages(data: Any, url: str) -> Iterator[str]:
    scalars = _scalars(data)
    following = next((scalars[k] for k in NEXT_KEYS if isinstance(scalars.get(k), str)
                      and scalars[k]), None)
    if following:
        if (target := absolute(url, following)) is not None:
            yield target
        return
    count = next((scalars[k] for k in PAGE_COUNT_KEYS if isinstance(scalars.get(k), int)),
                 None)
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    param = next((name for name, _ in query if name in PAGE_PARAMS), None)
    if count is None or param is None:
        return
    first = 0 if any(name == param and value == "0" for name, value in query) else 1
    for number in range(first, first + min(count, MAX_GENERATED)):
        changed = [(name, str(number) if name == param else value) for name, value in query]
        yield urlunsplit(parts._replace(query=urlencode(changed)))
