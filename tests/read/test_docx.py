"""DOCX reader: body order, merged cells once, nested tables, unreadable files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from pipelines.document import TextCell
from pipelines.read.decode import UnreadableFile
from pipelines.read.docx import read


def _bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read_docx(document: docx.document.Document):
    data = _bytes(document)
    return read("inline.docx", "0" * 64, len(data), data)


def test_paragraphs_and_tables_in_body_order() -> None:
    document = docx.Document()
    document.add_paragraph("2019年某某区人民政府政府信息公开工作年度报告")
    document.add_paragraph("")  # empty paragraphs print nothing
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "信息内容", "本年新制作数量"
    table.cell(1, 0).text = "规章"  # (1, 1) left empty
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    doc = read_docx(document)
    assert doc.rendering == "docx"
    assert doc.cells == [
        TextCell("2019年某某区人民政府政府信息公开工作年度报告", "paragraph 1", 1),
        TextCell("二、主动公开政府信息情况", "paragraph 3", 2),
        TextCell("信息内容", "table 1 row 1 cell 1", 3),
        TextCell("本年新制作数量", "table 1 row 1 cell 2", 3),
        TextCell("规章", "table 1 row 2 cell 1", 4),
        TextCell("", "table 1 row 2 cell 2", 4),  # an empty cell is a printed blank
        TextCell("三、收到和处理政府信息公开申请情况", "paragraph 4", 5),
    ]
    assert doc.text.splitlines() == [
        "2019年某某区人民政府政府信息公开工作年度报告", "二、主动公开政府信息情况",
        "信息内容", "本年新制作数量", "规章", "三、收到和处理政府信息公开申请情况",
    ]


def test_merged_cells_are_read_once_in_the_row_they_start() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "注"  # 2 × 2: gridSpan + vMerge
    table.cell(0, 2).text = "a"
    table.cell(1, 2).text = "b"
    table.cell(2, 0).text = "c"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "d"  # gridSpan only
    doc = read_docx(document)
    assert [(c.text, c.row) for c in doc.cells] == [
        ("注", 1), ("a", 1), ("b", 2), ("c", 3), ("d", 3)]
    assert doc.cells[2].ref == "table 1 row 2 cell 2"  # w:tc 1 is the merge's continuation


def test_legacy_horizontal_merge_continuation_is_skipped() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "第二十条第（一）项"
    for tc, value in zip(table.rows[0]._tr.tc_lst, ("restart", None), strict=True):
        merge = etree.SubElement(tc.get_or_add_tcPr(), qn("w:hMerge"))
        if value:
            merge.set(qn("w:val"), value)
    assert [c.text for c in read_docx(document).cells] == ["第二十条第（一）项"]


def test_nested_table_is_read_as_its_inner_cells() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    holder = outer.cell(0, 0)
    holder.paragraphs[0].text = "表一"
    inner = holder.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "规章", "5"
    outer.cell(0, 1).text = "备注"
    doc = read_docx(document)
    assert doc.cells == [
        TextCell("表一", "table 1 row 1 cell 1 paragraph 1", 2),
        TextCell("规章", "table 2 row 1 cell 1", 3),
        TextCell("5", "table 2 row 1 cell 2", 3),
        TextCell("备注", "table 1 row 1 cell 2", 4),  # after the inner table: a row of its own
    ]


def test_cell_text_keeps_breaks_and_split_runs() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    label = table.cell(0, 0).paragraphs[0]
    label.add_run("本年新").add_break()
    label.add_run("制作数量")
    value = table.cell(0, 1).paragraphs[0]
    for digit in "12":
        value.add_run(digit)
    assert [c.text for c in read_docx(document).cells] == ["本年新\n制作数量", "12"]


def test_deleted_text_and_tab_stops_are_not_printed() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("规章")
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(2))
    deleted = etree.SubElement(paragraph._p, qn("w:del"))
    run = etree.SubElement(deleted, qn("w:r"))
    etree.SubElement(run, qn("w:delText")).text = "删除"
    assert [c.text for c in read_docx(document).cells] == ["规章"]


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b""])
def test_not_a_zip_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableFile, match=r"^broken\.docx: not a readable Word document"):
        read("broken.docx", "0" * 64, len(data), data)


def test_a_zip_that_is_not_a_word_document_is_unreadable() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
    with pytest.raises(UnreadableFile, match=r"^x\.ofd: not a readable Word document"):
        read("x.ofd", "0" * 64, 0, out.getvalue())


def test_hidden_runs_are_not_read() -> None:
    import io

    import docx as python_docx

    from pipelines.read.docx import read as read_docx

    document = python_docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("1")
    cell.paragraphs[0].add_run("9").font.hidden = True
    cell.paragraphs[0].add_run("2")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    doc = read_docx("hidden.docx", "0" * 64, len(data), data)
    assert [c.text for c in doc.cells] == ["12"]
