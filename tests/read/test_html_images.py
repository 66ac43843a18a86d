"""Tables printed as pictures inside a report page (`<img>`), read through the image."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from pipelines.read import read_bytes, read_file
from pipelines.read.html_images import image_bytes

SCANS = Path(__file__).parents[1] / "fixtures" / "scans"
T4_VALUES = ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6",
             "20"]


def _t4_png() -> bytes:
    out = io.BytesIO()
    Image.open(SCANS / "huaian-2024-t4.tif").convert("RGB").save(out, "PNG")
    return out.getvalue()


def _page(src: str) -> str:
    return ("<html><body><p>淮安市人民政府2024年政府信息公开工作年度报告</p>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
            f"<p><img src=\"{src}\" width=\"600\"></p><p>五、存在的主要问题</p>"
            "<table><tr><td>附</td><td>件</td></tr></table></body></html>")


def _values(doc) -> list[str]:
    return [c.text for c in doc.cells if c.ref.startswith("image 1 page 1 table 1 row 4 ")]


@pytest.mark.parametrize("where", ["data_uri", "next_to_the_page"])
def test_an_image_table_in_a_page_is_read_through_the_image(where: str, tmp_path: Path):
    png = _t4_png()
    if where == "data_uri":
        page = _page("data:image/png;base64," + base64.b64encode(png).decode())
        doc = read_bytes("page.html", page.encode("utf-8"))
    else:
        (tmp_path / "images").mkdir()
        (tmp_path / "images" / "t4.png").write_bytes(png)
        (tmp_path / "page.html").write_text(_page("images/t4.png?v=2"), encoding="utf-8")
        doc = read_file(tmp_path / "page.html")
    assert doc.rendering == "image"  # the report says its numbers were read by OCR
    assert _values(doc) == T4_VALUES
    assert [c.text for c in doc.cells][-2:] == ["附", "件"]  # the page's own table after it
    assert doc.cells[-1].row == max(c.row for c in doc.cells)


def test_images_without_a_table_and_remote_images_are_skipped() -> None:
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 0, 0)).save(logo, "PNG")
    page = ("<html><body><p>报告</p><img src=\"https://example.org/t.png\">"
            "<img src=\"data:image/png;base64," + base64.b64encode(logo.getvalue()).decode()
            + "\"><img src=\"data:image/png;base64,!!\"><table><tr><td>a</td></tr></table>"
            "</body></html>")
    doc = read_bytes("page.html", page.encode("utf-8"))
    assert doc.rendering == "html"
    assert [c.text for c in doc.cells] == ["a"]


def test_only_files_inside_the_pages_folder_are_opened(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"x")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    from pipelines.read.html_images import folder_siblings
    siblings = folder_siblings(inbox)
    assert image_bytes("../secret.png", siblings) is None
    assert image_bytes("/etc/passwd", siblings) is None
    assert image_bytes("missing.png", siblings) is None
