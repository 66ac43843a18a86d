"""AsciiDoc tables (`pandoc -t asciidoc`): a `|` opens a cell, rows are cut by width."""

from pipelines.read.text import read
from pipelines.read.text_asciidoc import as_pipe_rows, has_tables

# As pandoc writes them: the row of （二） wrapped after its 7th cell, empty last cells
# written as a trailing `|`, a hard line break (` +`) inside a header cell.
WRAPPED = """\
[cols=",,,",]
|===
|信息内容 |本年制 +
发件数 |本年废止件数 |总计

|（二）部分公开 |3 |
|

|（一）予以公开 |258 |12 |
|===
"""


def test_rows_are_cut_by_the_tables_width_not_by_lines() -> None:
    assert has_tables(WRAPPED)
    assert as_pipe_rows(WRAPPED).splitlines() == [
        "| 信息内容 | 本年制 发件数 | 本年废止件数 | 总计 |",
        "|---|---|---|---|",
        "| （二）部分公开 | 3 |  |  |",
        "| （一）予以公开 | 258 | 12 |  |",
    ]


def test_a_table_whose_cells_do_not_fill_whole_rows_is_left_as_it_is() -> None:
    ragged = "[cols=\",,,\",]\n|===\n|规章 |1 |0\n|===\n"
    assert as_pipe_rows(ragged) == ragged


def test_spanned_cells_are_left_as_they_are() -> None:
    spanned = "|===\n|a |b\n2+|规章\n|===\n"
    assert as_pipe_rows(spanned) == spanned


def test_text_reader_reads_asciidoc_rows_in_place() -> None:
    doc = read("inline.txt", "0" * 64, len(WRAPPED.encode()), WRAPPED)
    assert doc.rendering == "text_pipes"
    assert doc.full_width_rows
    row = [c.text for c in doc.cells if c.row == doc.cells[4].row]
    assert row == ["（二）部分公开", "3", "", ""]
