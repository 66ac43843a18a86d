"""A web page saved as one file (MHTML) is read through its HTML part and its images."""

from __future__ import annotations

import base64
import json
import shutil
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from test_html_images import T4_VALUES, _page, _t4_png, _values

from pipelines.parse import parse_file
from pipelines.read import UnreadableFile, read_bytes
from pipelines.read.registry import is_mhtml

FIXTURES = Path(__file__).parents[1] / "fixtures"
# Chromium's "save as single file" (DevTools Page.captureSnapshot) of the fixture page
SAVED = FIXTURES / "saved" / "shanghai-office-2019.mhtml"


def test_a_page_saved_by_chromium_reads_every_cell() -> None:
    truth = json.loads((FIXTURES / "truth" / "shanghai-office-2019.json").read_text("utf-8"))
    report = parse_file(SAVED)
    assert (report.rendering, report.agency, report.report_year) == (
        "mhtml", "上海市人民政府办公厅", 2019)
    assert {cid: c.value for cid, c in report.cells.items()} == truth["cells"]


def test_only_a_mime_header_block_is_taken_for_a_saved_page() -> None:
    assert is_mhtml(SAVED.read_bytes())
    assert not is_mhtml((FIXTURES / "reports" / "shanghai-office-2019.html").read_bytes())
    # prose quoting such a header is text, not a saved page
    assert not is_mhtml("报告说明\nContent-Type: multipart/related\n\n正文".encode())
    # a BOM and blank lines before the header block are no prose: still a saved page
    assert is_mhtml(b"\xef\xbb\xbf\r\n" + SAVED.read_bytes())
    assert not is_mhtml(b"\xef\xbb\xbf\r\n<html><body>MIME-Version: 1.0</body></html>")


def _internet_explorer_mht(page: str, png: bytes) -> bytes:
    """An `.mht` as Internet Explorer wrote them: the HTML base64 in GB2312, the image a
    part named by its absolute address while the page names it relatively."""
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Windows Internet Explorer 8>"
    html = MIMEText(page, "html", "gb18030")  # base64 by default for this charset
    html["Content-Location"] = "http://www.huaian.gov.cn/art/2025/1/20/report.html"
    image = MIMEImage(png, "png")
    image["Content-Location"] = "http://www.huaian.gov.cn/art/2025/1/20/images/t4.png"
    message.attach(html)
    message.attach(image)
    return message.as_bytes()


def test_an_image_table_in_a_saved_page_is_read_from_its_part() -> None:
    data = _internet_explorer_mht(_page("images/t4.png"), _t4_png())
    assert b"Content-Transfer-Encoding: base64" in data
    doc = read_bytes("report.mht", data)
    assert doc.rendering == "image"  # the report says its numbers were read by OCR
    assert _values(doc) == T4_VALUES


def test_a_saved_page_without_html_says_so() -> None:
    message = MIMEMultipart("related")
    message.attach(MIMEImage(_t4_png(), "png"))
    with pytest.raises(UnreadableFile, match=r"report\.mht: a page saved as one file"):
        read_bytes("report.mht", message.as_bytes())


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="needs Chromium and chromedriver")
def test_chromium_saves_an_image_table_into_the_file(tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "t4.png").write_bytes(_t4_png())
    (tmp_path / "page.html").write_text(_page("images/t4.png"), encoding="utf-8")
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(arg)
    browser = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        browser.get((tmp_path / "page.html").as_uri())
        saved = browser.execute_cdp_cmd("Page.captureSnapshot", {"format": "mhtml"})["data"]
    finally:
        browser.quit()
    (tmp_path / "images" / "t4.png").unlink()  # read from the saved file, nothing else
    doc = read_bytes("page.mhtml", saved.encode("utf-8"))
    assert doc.rendering == "image"
    assert _values(doc) == T4_VALUES
    assert base64.b64encode(_t4_png())[:40].decode() in saved


def test_a_part_labelled_gb2312_is_read_as_its_gbk_superset() -> None:
    # GB2312 has no 堃 (GBK 88 D2); pages labelled GB2312 hold it all the same
    page = "<html><body><p>淮安市堃城街道2024年政府信息公开工作年度报告</p></body></html>"
    message = MIMEMultipart("related", type="text/html")
    part = MIMEText("", "html", "utf-8")
    part.set_payload(base64.b64encode(page.encode("gbk")).decode())
    part.replace_header("Content-Type", 'text/html; charset="gb2312"')
    part.replace_header("Content-Transfer-Encoding", "base64")
    message.attach(part)
    assert "堃城街道" in read_bytes("report.mht", message.as_bytes()).text
