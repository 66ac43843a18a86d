"""PDF reader: tables from their ruling lines, text outside them as one-cell rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfs import pdf_bytes, ruled_table, text

from pipelines.document import TextCell
from pipelines.parse import parse_bytes, parse_file
from pipelines.read import UnreadableFile, read_bytes, read_file

HUAIAN = "huaian-2024"


def two_page_report() -> bytes:
    header = ["item", "A", "B"]
    page1 = (text(20, 280, "A report title") + text(20, 260, "1. Tables")
             + ruled_table(240, [header, ["x", "1", "2"], ["merged", "3", None]])
             + text(140, 6, "- 1 -"))
    page2 = ruled_table(280, [header, ["y\nwrapped", "4", "5"]]) + text(20, 200, "2. After")
    return pdf_bytes([page1, page2])


def test_tables_rows_and_text_in_page_order() -> None:
    doc = read_bytes("two-pages.pdf", two_page_report())
    assert doc.rendering == "pdf"
    assert doc.text.splitlines()[:2] == ["A report title", "1. Tables"]
    assert [(c.text, c.ref, c.row) for c in doc.cells] == [
        ("A report title", "page 1 line 1", 1),
        ("1. Tables", "page 1 line 2", 2),
        ("item", "page 1 table 1 row 1 cell 1", 3),
        ("A", "page 1 table 1 row 1 cell 2", 3),
        ("B", "page 1 table 1 row 1 cell 3", 3),
        ("x", "page 1 table 1 row 2 cell 1", 4),
        ("1", "page 1 table 1 row 2 cell 2", 4),
        ("2", "page 1 table 1 row 2 cell 3", 4),
        ("merged", "page 1 table 1 row 3 cell 1", 5),
        ("3", "page 1 table 1 row 3 cell 2", 5),  # spans two columns: emitted once
        ("- 1 -", "page 1 line 3", 6),
        # the table continues on page 2 with its header printed again: read once
        ("y\nwrapped", "page 2 table 1 row 2 cell 1", 7),  # the line break is kept
        ("4", "page 2 table 1 row 2 cell 2", 7),
        ("5", "page 2 table 1 row 2 cell 3", 7),
        ("2. After", "page 2 line 1", 8),
    ]


def test_scanned_pdf_fails_with_the_reason() -> None:
    image = b"q 200 0 0 200 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
    report = parse_bytes("scan.pdf", pdf_bytes([image]))
    assert report.status == "failed"
    assert report.reason == ("scan.pdf: PDF has no text to read (page 1: no characters were "
                             "found in the image)")
    assert [f.code for f in report.flags] == ["unreadable_file"]


def test_encrypted_pdf_is_unreadable() -> None:
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32,
                                                                           b"22" * 32)
    file_id = b"<00112233445566778899aabbccddeeff>"
    data = pdf_bytes([text(20, 280, "secret")], (encrypt,),
                     b"/Encrypt 6 0 R /ID [%s %s] " % (file_id, file_id))
    with pytest.raises(UnreadableFile) as e:
        read_bytes("locked.pdf", data)
    assert str(e.value) == ("locked.pdf: PDF is encrypted and cannot be opened without its "
                            "password (PDFPasswordIncorrect)")


def test_corrupt_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableFile) as e:
        read_bytes("cut.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert str(e.value) == "cut.pdf: PDF is corrupt and cannot be opened (PSEOF: Unexpected EOF)"


def test_huaian_cells(fixtures_dir: Path) -> None:
    doc = read_file(fixtures_dir / "reports" / f"{HUAIAN}.pdf")
    assert (doc.rendering, len(doc.cells)) == ("pdf", 366)
    assert doc.text.splitlines()[:2] == ["淮安市人民政府", "2024 年政府信息公开工作年度报告"]
    by_ref = {c.ref: c for c in doc.cells}
    # a section heading outside the tables is a row of its own, before table 二 (line 8 is
    # a comma hung past table 一's right border, on the border: outside its cells)
    heading = by_ref["page 3 line 9"]
    assert heading.text == "二、主动公开政府信息情况"
    assert by_ref["page 3 table 2 row 1 cell 1"].row == heading.row + 1
    # 三、本年度办理结果 spans three columns and twelve rows: emitted once, breaks kept
    merged = [c for c in doc.cells if c.text.startswith("三、\n")]
    assert merged == [TextCell("三、\n本\n年\n度\n办\n理\n结\n果",
                               "page 4 table 2 row 6 cell 1", 86)]
    row = [c for c in doc.cells if c.row == 86]
    assert [c.ref.rsplit(" ", 1)[1] for c in row] == ["1", "2", "4", "5", "6", "7", "8", "9",
                                                      "10"]
    assert [c.text for c in row[1:]] == ["（一）予以公开", "1288", "21", "0", "0", "50", "3",
                                         "1362"]
    # table 三 continues on page 5; its group label 无法提供 is split by the page break
    assert [c.text for c in doc.cells if c.ref.startswith("page 5 table 1 row 1 ")] == [
        "", "法提供", "2.没有现成信息需要另行制作", "11", "0", "0", "0", "0", "0", "11"]
    assert by_ref["page 5 table 2 row 4 cell 15"].text == "20"  # table 四's last value


def test_huaian_parses_to_its_truth(fixtures_dir: Path, truth) -> None:
    expected = truth(HUAIAN)
    report = parse_file(fixtures_dir / "reports" / f"{HUAIAN}.pdf")
    assert (report.status, report.rendering, report.format_version) == (
        "complete", "pdf", "gov_2021")
    assert (report.agency, report.report_year) == ("淮安市人民政府", 2024)
    assert report.values() == expected["cells"]
    assert report.flags == []
    assert report.cells["t3.granted.total"].source_ref == "page 4 table 2 row 6 cell 10"


# --- broken PDFs: the true reason, not "no text layer" --------------------------------------

def _one_page() -> bytes:
    return pdf_bytes([text(20, 280, "A report")])


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("no-page.pdf", _one_page().replace(b"/Type /Page /Parent", b"/Parent"),
     "no-page.pdf: PDF is broken: its page tree holds no readable page"),
    ("loop.pdf", _one_page().replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]")
     .replace(b"/Type /Page /Parent", b"/Parent"),
     "loop.pdf: PDF is broken: its page tree holds no readable page"),
    ("lost-contents.pdf", _one_page().replace(b"/Contents 4 0 R", b"/Contents 77 0 R"),
     "lost-contents.pdf: PDF is broken or empty: its pages hold neither text nor images"),
    ("cut-stream.pdf", _one_page()[:_one_page().index(b"endstream")],
     "cut-stream.pdf: PDF is corrupt and cannot be opened (PSEOF: Unexpected EOF)"),
    ("no-root.pdf", b"%PDF-1.7\n%%EOF\n",
     "no-root.pdf: PDF is corrupt and cannot be opened (PDFSyntaxError: No /Root object! "
     "- Is this really a PDF?)"),
])
def test_broken_pdf_fails_saying_it_is_broken(name: str, data: bytes, reason: str) -> None:
    report = parse_bytes(name, data)
    assert (report.status, report.reason) == ("failed", reason)
    assert [f.code for f in report.flags] == ["unreadable_file"]
    assert "scanned" not in report.reason


def test_a_page_that_cannot_be_parsed_is_a_broken_pdf() -> None:
    """Content that its filter cannot decode: pdfminer fails inside the page."""
    data = _one_page().replace(b"<< /Length", b"<< /Filter /LZWDecode /Length")
    with pytest.raises(UnreadableFile) as e:
        read_bytes("damaged.pdf", data)
    assert str(e.value) == ("damaged.pdf: PDF is broken: a page cannot be read "
                            "(page 1: PdfminerException: list index out of range)")


def _chained_tables() -> bytes:
    """Four one-row tables stacked 10 pt apart, their column edge 2.9 pt further right in
    each: page-wide snapping chains the four edges into one cluster and moves the last
    table's edge 4.35 pt left, past the centre of the 9 of its "19" (as 011 at scale 0.5)."""
    content = bytearray(b"0.5 w\n")
    for i in range(4):
        top, mid = 280 - 30 * i, 100 + 2.9 * i
        content += b"20 %d m 200 %d l S\n20 %d m 200 %d l S\n" % (top, top, top - 20, top - 20)
        content += b"".join(b"%g %d m %g %d l S\n" % (x, top, x, top - 20)
                            for x in (20, mid, 200))
        content += (text(30, top - 14, "a") if i < 3
                    else b"BT /F1 8 Tf 98.05 %d Td (19) Tj ET\n" % (top - 14))
        content += text(150, top - 14, "0")
    return pdf_bytes([bytes(content)])


def test_a_table_cells_come_from_its_own_rulings() -> None:
    doc = read_bytes("chained.pdf", _chained_tables())
    assert [c.text for c in doc.cells if c.ref.startswith("page 1 table 4 ")] == ["19", "0"]
