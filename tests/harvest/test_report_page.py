"""Report pages read for their attachments and body images, and whether they only wrap
their attachments."""

from pipelines.harvest.report_page import read_report_page

URL = "http://gov.example/art/2024/1/1/art_1.html"


def _page(body: str) -> bytes:
    return (f'<html><body><div class="top"><img src="/img/logo.png"></div>{body}'
            '<div class="foot"><img src="/img/ewm.jpg"></div></body></html>').encode()


def test_a_viewer_page_wraps_its_pdf() -> None:
    page = read_report_page(_page('<div id="zoom"><iframe src="/pdfjs/web/viewer.html?file='
                                  '%2Fattach%2F1.pdf"></iframe></div>'), URL)
    assert page.attachments == ("http://gov.example/attach/1.pdf",)
    assert (page.images, page.body_chars, page.wraps_attachments) == ((), 0, True)


def test_attachments_by_extension_download_name_and_link_text() -> None:
    page = read_report_page(_page(
        '<div class="TRS_Editor"><p>全文见附件</p></div><div>附件：'
        '<a href="./P1.PDF">一</a><a href="/down.jsp?filename=2023.docx">二</a>'
        '<a href="/download?id=7">2023年报告.wps</a><a href="./P1.PDF">重复</a>'
        '<a href="/x.ofd">四</a><a href="/list.xls">统计表</a></div>'), URL)
    assert page.attachments == ("http://gov.example/art/2024/1/1/P1.PDF",
                                "http://gov.example/down.jsp?filename=2023.docx",
                                "http://gov.example/download?id=7", "http://gov.example/x.ofd")
    assert page.wraps_attachments


def test_body_images_without_logos_and_a_full_text_page_is_read_itself() -> None:
    text = "本机关主动公开政府信息" * 40
    page = read_report_page(_page(
        f'<div class="article"><p>{text}</p><img src="t2.png"><img src="t3.JPG">'
        '<img src="data:image/png;base64,AAAA"><img src="/icon/print.gif"></div>'
        '<a href="/attach/1.pdf">下载</a>'), URL)
    assert page.images == ("http://gov.example/art/2024/1/1/t2.png",
                           "http://gov.example/art/2024/1/1/t3.JPG")
    assert (page.body_chars, page.wraps_attachments) == (440, False)


def test_prose_around_an_attachment_wraps_it_a_page_with_tables_does_not() -> None:
    text = "本机关主动公开政府信息" * 40
    prose = read_report_page(_page(f'<div class="article"><p>{text}</p></div>'
                                   '<a href="/attach/1.pdf">下载</a>'), URL)
    assert (prose.body_chars, prose.body_tables, prose.wraps_attachments) == (440, 0, True)
    tables = read_report_page(_page(f'<div class="article"><p>{text}</p><table><tr><td>1'
                                    '</td></tr></table></div><a href="/attach/1.pdf">下载</a>'),
                              URL)
    assert (tables.body_tables, tables.wraps_attachments) == (1, False)
