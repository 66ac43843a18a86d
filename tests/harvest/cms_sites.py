"""Three differently built government sites on loopback servers, for the discovery tests
and the benchmark: what a 政府信息公开年报 column looks like on the CMSs agencies use.

- `trs_site`: a TRS/WCM static site (UTF-8): `createPageHTML(3, 0, "index", "html")`
  pagination, titles cut in the text and whole in `title=`, a robots.txt that closes a
  folder, a full-text report page, one with its tables as images, one that wraps a PDF,
  one with a DOCX behind `download.jsp?id=`, a report listed on two pages, a broken link,
  a notice, an interpretation and a statistics form with near titles.
- `jcms_site`: a JSP site in GB18030 (`<meta charset=gb2312>`), pages by 下一页 and
  numbers, the last page's 下一页 leading back to the first (a loop), a PDF.js viewer
  page wrapping a PDF, an entry linking the PDF itself, a WPS attachment, a title in
  traditional characters, a year in Chinese numerals, a title without a year, no
  robots.txt.
- `json_site`: a CMS whose column is filled by a JSON list endpoint (pageNo/totalPages),
  an OFD attachment, a page with PDF and DOC, table images one of which is broken, an
  entry answering HTTP 500, a notice and a work plan.
- `oldest_site`: a static column listing its reports oldest first (dates and years rising
  down two pages named by "共 2 页"); `oldest_add_report` adds the newest at the end.
Every document answers with an ETag and 304 to a matching If-None-Match; `answered`
lists (path, status) of every request.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from loopback import LoopbackServer, send

BODY = ("一、总体情况。本年度，本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实"
        "《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请。"
        "二、主动公开政府信息情况（见下表）。三、收到和处理政府信息公开申请情况。"
        "四、政府信息公开行政复议、行政诉讼情况。五、存在的主要问题及改进情况。六、其他需要报告的事项。")


@dataclass
class CmsSite:
    """A loopback site whose documents answer conditionally; `answered` records outcomes."""

    server: LoopbackServer
    answered: list[tuple[str, int]] = field(default_factory=list)
    listing: str = ""  # the path of the listing's first page

    def serve(self, path: str, body: bytes, content_type: str = "text/html") -> None:
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'

        def answer(handler: BaseHTTPRequestHandler) -> None:
            if handler.headers.get("If-None-Match") == etag:
                self.answered.append((path, 304))
                send(handler, 304, b"", {"ETag": etag})
            else:
                self.answered.append((path, 200))
                send(handler, 200, body, {"ETag": etag, "Content-Type": content_type})
        self.server.routes[path] = answer

    def fail(self, path: str, status: int) -> None:
        def answer(handler: BaseHTTPRequestHandler) -> None:
            self.answered.append((path, status))
            send(handler, status, b"error")
        self.server.routes[path] = answer

    def url(self, path: str) -> str:
        return self.server.url(path)

    def fetched(self) -> list[str]:
        """Paths answered 200 (bytes sent), robots.txt aside."""
        return [p for p, status in self.answered if status == 200 and p != "/robots.txt"]


def _html(title: str, body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>'
            f'</head><body><div class="header"><a href="/">首页</a><a href="/zwgk/">政务公开</a>'
            f'<img src="/images/logo.png"></div>{body}<div class="footer">主办单位：人民政府办公室'
            '</div></body></html>')


def _doc(kind: str, name: str) -> bytes:
    magic = {"pdf": b"%PDF-1.4\n", "docx": b"PK\x03\x04", "doc": b"\xd0\xcf\x11\xe0",
             "wps": b"\xd0\xcf\x11\xe0", "ofd": b"PK\x03\x04", "png": b"\x89PNG\r\n\x1a\n",
             "jpg": b"\xff\xd8\xff\xe0"}[kind]
    return magic + f"loopback {kind} {name}".encode() + b"\n%%EOF\n"


TYPES = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument."
         "wordprocessingml.document", "doc": "application/msword", "wps": "application/kswps",
         "ofd": "application/ofd", "png": "image/png", "jpg": "image/jpeg"}


def _serve_doc(site: CmsSite, path: str, name: str) -> None:
    kind = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else name.rsplit(".")[-1]
    site.serve(path, _doc(kind, name), TYPES[kind])


# --- site 1: TRS/WCM static pages ------------------------------------------------------

TRS = "/xxgk/ndbg/"


def _trs_listing(entries: list[tuple[str, str]], current: int) -> bytes:
    items = "".join(f'<li><a href="{href}" title="{title}" target="_blank">'
                    f'{title[:14]}...</a><span>2024-01-15</span></li>' for href, title in entries)
    return _html("政府信息公开年报", f'<div class="side"><a href="/xxgk/zn/">政府信息公开指南</a>'
                 f'</div><div class="main"><ul class="list">{items}</ul><div class="page">'
                 f'<script>createPageHTML(3, {current}, "index", "html");</script></div>'
                 '</div>').encode()


TRS_PAGES = [
    [("./202401/t20240115_1001.html", "市人民政府办公室2023年政府信息公开工作年度报告"),
     ("./202401/t20240116_1002.html", "市教育局2023年度政府信息公开工作年度报告"),
     ("./202401/t20240110_1003.html", "关于报送2023年度政府信息公开工作年度报告的通知"),
     ("./202401/t20240117_1004.html", "市财政局2023年政府信息公开工作年度报告")],
    [("./202401/t20240116_1002.html", "市教育局2023年度政府信息公开工作年度报告"),
     ("./202301/t20230120_0901.html", "市人民政府办公室2022年政府信息公开工作年度报告解读"),
     ("/private/t2022.html", "市审计局2022年政府信息公开工作年度报告"),
     ("./202301/t20230125_0902.html", "市交通局2022年政府信息公开工作年度报告")],
    [("./202201/t20220120_0801.html", "市卫生健康委2021年政府信息公开工作年度报告"),
     ("./202201/t20220121_0802.html", "2021年政府网站工作年度报表")],
]
TRS_NEW = ("./202401/t20240120_1005.html", "市民政局2023年政府信息公开工作年度报告")


def trs_site(server: LoopbackServer) -> CmsSite:
    site = CmsSite(server, listing=TRS + "index.html")
    server.respond("/robots.txt", 200, b"User-agent: *\nDisallow: /private/\n")
    for number, entries in enumerate(TRS_PAGES):
        name = "index.html" if number == 0 else f"index_{number}.html"
        site.serve(TRS + name, _trs_listing(entries, number))
    full = f'<div class="TRS_Editor"><p>{BODY * 3}</p></div>'
    site.serve(TRS + "202401/t20240115_1001.html", _html("报告", full).encode())
    site.serve(TRS + "202401/t20240116_1002.html", _html("报告", (
        f'<div class="TRS_Editor"><p>{BODY}</p><p><img src="./W020240116_t2.png"></p>'
        '<p><img src="./W020240116_t3.png"></p></div>')).encode())
    for name in ("W020240116_t2.png", "W020240116_t3.png", ):
        _serve_doc(site, TRS + "202401/" + name, name)
    site.serve(TRS + "202401/t20240117_1004.html", _html("报告", (
        '<div class="TRS_Editor"><p>市财政局2023年政府信息公开工作年度报告</p></div>'
        '<div class="fj">附件：<a href="./P020240117.pdf">市财政局2023年报告.pdf</a></div>')
    ).encode())
    _serve_doc(site, TRS + "202401/P020240117.pdf", "trs 1004")
    site.serve(TRS + "202401/t20240110_1003.html", _html("通知", "<p>通知</p>").encode())
    site.serve(TRS + "202301/t20230120_0901.html", _html("解读", "<p>解读</p>").encode())
    site.serve("/private/t2022.html", _html("报告", full).encode())
    site.fail(TRS + "202301/t20230125_0902.html", 404)  # a broken link
    site.serve(TRS + "202201/t20220120_0801.html", _html("报告", (
        '<div class="content"><p>见附件。</p><p><a href="/module/download/downfile.jsp?'
        'classid=0&filename=2021.docx">2021年报告.docx</a></p></div>')).encode())
    site.serve("/module/download/downfile.jsp?classid=0&filename=2021.docx",
               _doc("docx", "trs 0801"), TYPES["docx"])
    return site


def trs_add_report(site: CmsSite) -> None:
    """A new report at the head of the listing (what the second run should find)."""
    site.serve(TRS + "index.html", _trs_listing([TRS_NEW, *TRS_PAGES[0]], 0))
    site.serve(TRS + "202401/t20240120_1005.html", _html("报告", (
        f'<div class="TRS_Editor"><p>{BODY * 2}</p></div>')).encode())


# --- site 2: a JSP site in GB18030, next links that loop ---------------------------------

JCMS = "/col/col123/index.jsp"


def _jcms_listing(entries: list[tuple[str, str]], page: int) -> bytes:
    rows = "".join(f'<tr><td><a href="{href}" target="_blank">{title}</a></td>'
                   f'<td>2023-02-01</td></tr>' for href, title in entries)
    following = page % 3 + 1  # page 3 leads back to page 1: the loop
    pager = " ".join(f'<a href="{JCMS}?pageNum={n}">{n}</a>' for n in (1, 2, 3))
    body = (f'<table class="list">{rows}</table><div class="pager">'
            f'<a href="{JCMS}?pageNum=1">首页</a> {pager} '
            f'<a href="{JCMS}?pageNum={following}">下一页</a></div>')
    return _html("年报", body, "gb2312").encode("gb18030")


JCMS_PAGES = [
    [("/art/2023/2/1/art_123_501.html", "某县人民政府2022年度政府信息公开工作年度报告"),
     ("/attach/2023/502.pdf", "某县发展和改革局2022年政府信息公开工作年度报告"),
     ("/art/2023/1/5/art_123_503.html", "某县2022年第四季度政府信息公开工作报告")],
    [("/art/2022/1/20/art_123_401.html", "某縣人民政府2021年度政府信息公開工作年度報告"),
     ("/art/2022/1/21/art_123_402.html", "某县政府信息公开工作年度报告")],
    [("/art/2021/1/20/art_123_301.html", "某县人民政府二〇二〇年度政府信息公开工作年度报告"),
     ("/art/2023/2/1/art_123_501.html", "某县人民政府2022年度政府信息公开工作年度报告")],
]


def jcms_site(server: LoopbackServer) -> CmsSite:
    site = CmsSite(server, listing=JCMS + "?pageNum=1")
    for number, entries in enumerate(JCMS_PAGES, start=1):
        site.serve(f"{JCMS}?pageNum={number}", _jcms_listing(entries, number))

    def page(path: str, body: str) -> None:
        site.serve(path, _html("报告", body, "gb2312").encode("gb18030"))

    page("/art/2023/2/1/art_123_501.html", '<div id="zoom"><iframe src="/pdfjs/web/viewer.'
         'html?file=/attach/2023/501.pdf" width="100%"></iframe></div>')
    _serve_doc(site, "/attach/2023/501.pdf", "jcms 501")
    _serve_doc(site, "/attach/2023/502.pdf", "jcms 502")
    page("/art/2022/1/20/art_123_401.html", '<div id="zoom"><p>某县人民政府2021年度报告全文'
         '见附件</p><a href="/attach/2022/401.wps">附件下载</a></div>')
    _serve_doc(site, "/attach/2022/401.wps", "jcms 401")
    page("/art/2021/1/20/art_123_301.html", f'<div id="zoom"><p>{BODY * 2}</p></div>')
    return site


# --- site 3: a JSON list endpoint --------------------------------------------------------

API = "/api/ndbg/list"


def _json_listing(entries: list[tuple[str, str]], page: int) -> bytes:
    return json.dumps({"code": 0, "data": {"pageNo": page, "pageSize": 3, "totalPages": 2,
                                           "list": [{"title": t, "url": u, "pubDate": "2024"}
                                                    for u, t in entries]}},
                      ensure_ascii=False).encode()


JSON_PAGES = [
    [("/site/art/2024/3/1/art_9_701.html", "某区人民政府2023年政府信息公开工作年度报告"),
     ("/site/art/2024/3/2/art_9_702.html", "某区司法局2023年政府信息公开工作年度报告"),
     ("/site/art/2024/2/1/art_9_703.html", "某区2023年政务公开工作要点")],
    [("/site/art/2023/3/1/art_9_601.html", "某区人民政府2022年政府信息公开工作年度报告"),
     ("/site/art/2023/3/2/art_9_602.html", "某区城市管理局2022年政府信息公开工作年度报告"),
     ("/site/art/2023/2/1/art_9_603.html", "关于公布2022年政府信息公开工作年度报告的公告")],
]


def json_site(server: LoopbackServer) -> CmsSite:
    site = CmsSite(server, listing=API + "?pageNo=1&pageSize=3")
    server.respond("/robots.txt", 200, b"User-agent: BadBot\nDisallow: /\n\n"
                                       b"User-agent: *\nAllow: /\n")
    for number, entries in enumerate(JSON_PAGES, start=1):
        site.serve(f"{API}?pageNo={number}&pageSize=3", _json_listing(entries, number),
                   "application/json; charset=utf-8")
    json_wraps(site, "701.ofd")
    site.serve("/site/art/2024/3/2/art_9_702.html", _html("报告", (
        f'<div class="article"><p>{BODY}</p><img src="/picture/702_t2.jpg">'
        '<img src="/picture/702_t3.jpg"></div>')).encode())
    _serve_doc(site, "/picture/702_t2.jpg", "json 702 t2")
    site.fail("/picture/702_t3.jpg", 404)  # a broken image
    site.serve("/site/art/2023/3/1/art_9_601.html", _html("报告", (
        '<div class="article"><p>全文见附件</p><a href="/attach/601.pdf">PDF版</a>'
        '<a href="/attach/601.doc">Word版</a></div>')).encode())
    _serve_doc(site, "/attach/601.pdf", "json 601")
    _serve_doc(site, "/attach/601.doc", "json 601")
    site.fail("/site/art/2023/3/2/art_9_602.html", 500)
    return site


def json_wraps(site: CmsSite, attachment: str) -> None:
    """The 2023 report page of the district government, wrapping an OFD file."""
    site.serve("/site/art/2024/3/1/art_9_701.html", _html("报告", (
        f'<div class="article"><p>附件：<a href="/attach/{attachment}">某区2023年报告.ofd</a>'
        '</p></div>')).encode())
    _serve_doc(site, f"/attach/{attachment}", f"json {attachment}")


# --- site 4: a column listed oldest first -----------------------------------------------

OLDEST = "/zfxxgk/ndbg/"
OLDEST_PAGES = [
    [(f"./t{year + 1}0120_{year}.html", f"某市生态环境局{year}年政府信息公开工作年度报告",
      f"{year + 1}-01-20") for year in (2019, 2020)],
    [(f"./t{year + 1}0120_{year}.html", f"某市生态环境局{year}年政府信息公开工作年度报告",
      f"{year + 1}-01-20") for year in (2021, 2022)],
]
OLDEST_NEW = ("./t20240120_2023.html", "某市生态环境局2023年政府信息公开工作年度报告",
              "2024-01-20")


def _oldest_listing(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(f'<li><a href="{href}">{title}</a><span class="date">{date}</span></li>'
                    for href, title, date in entries)
    return _html("年报", f'<ul class="list">{items}</ul><div class="page">共 2 页 '
                 '<a href="index.html">首页</a><a href="index_1.html">尾页</a></div>').encode()


def oldest_site(server: LoopbackServer) -> CmsSite:
    site = CmsSite(server, listing=OLDEST + "index.html")
    for number, entries in enumerate(OLDEST_PAGES):
        site.serve(OLDEST + ("index.html" if number == 0 else f"index_{number}.html"),
                   _oldest_listing(entries))
        for href, _, _ in entries:
            site.serve(OLDEST + href[2:], _html("报告", f'<div class="content"><p>{href}'
                                                         f'{BODY * 2}</p></div>').encode())
    return site


def oldest_add_report(site: CmsSite) -> None:
    """The newest report, at the end of the last page (what the second run should find)."""
    site.serve(OLDEST + "index_1.html", _oldest_listing([*OLDEST_PAGES[1], OLDEST_NEW]))
    site.serve(OLDEST + OLDEST_NEW[0][2:], _html("报告", f'<div class="content"><p>'
                                                        f'{BODY * 2}</p></div>').encode())
