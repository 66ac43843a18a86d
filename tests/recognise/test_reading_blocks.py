"""Table 三 printed in blocks by LibreOffice's PDF of a DOCX, read by `pdftotext` in reading
order (recognise/reading_blocks.py): the real dumps of labelled reports
(tests/fixtures/dumps)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.normalise import normalise
from pipelines.recognise.reading_blocks import total_first
from schemas.template import load_template

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
# the seed's DOCX with 三's 总计 column moved first (variants.t3_total_first), through
# LibreOffice's PDF and pdftotext without options
TOTAL_FIRST = "seed-shaoguan-zhenjiang-2019.docx-pdftotext-reading-t3-total-first.txt"
# its header as printed: 总计 alone on its line before every other column's piece
HEADER = "（二）部分公\n\n总计\n\n自然\n人\n"


def _text() -> str:
    text = (DUMPS / TOTAL_FIRST).read_text(encoding="utf-8")
    assert HEADER in text
    return text


def _t3(text: str) -> tuple[dict[str, object], list]:
    report = parse_bytes("seed-shaoguan-zhenjiang-2019.txt", text.encode())
    assert report.rendering == "text_reading_order"
    return ({c: v for c, v in report.values().items() if c.startswith("t3.") and v is not None},
            report.flags)


def test_rows_in_blocks_with_total_printed_first_read_each_rows_total(
        truth: Callable[[str], dict]) -> None:
    # 总计 printed first (header and every row: `23` / `23` / `0` …): each row's first
    # count is the sum of the six after it. Of every block reading holding that and the
    # column identities, all agree on 18 rows' 总计 and on 16 rows of zeros; the six's
    # order is not shown (the header prints a piece a line), so nothing else, and 三
    # stays flagged out of order. Before: withdrawn for its order, no value of 三.
    want = truth("seed-shaoguan-zhenjiang-2019")["cells"]
    got, flags = _t3(_text())
    assert got == {c: want[c] for c in got}
    assert len(got) == 114
    assert sum(c.endswith(".total") for c in got) == 18
    assert sum(f.code == "row_placed_by_order" and "t3." in f.message for f in flags) == 18
    assert any(f.code == "columns_out_of_order" and f.message.startswith("t3'")
               for f in flags)


def test_total_printed_after_another_columns_piece_reads_no_block_row() -> None:
    # 自然人's piece printed before 总计: the header does not print 总计 first, so the
    # rows (each led by its 总计) are not read with their 总计 first, and with it last
    # no reading holds.
    got, _ = _t3(_text().replace(HEADER, "（二）部分公\n\n自然\n人\n\n总计\n"))
    assert got == {}


def test_total_first_needs_total_alone_first() -> None:
    version = load_template().versions["gov_2019"]
    columns = [normalise(c.label) for c in version.tables["t3"].columns]
    lines = ["三、收到和处理政府信息公开申请情况", "（二）部分公", "", "总计", "自然", "人", "23"]
    assert total_first(lines, 0, columns)
    # another column's piece first, or 总计 sharing its line with one
    assert not total_first([lines[0], "科研", *lines[1:]], 0, columns)
    assert not total_first([lines[0], "总计 自然", *lines[4:]], 0, columns)
    # the row label (七)总计 is no column's piece
    assert not total_first([lines[0], "（七）总计", "23"], 0, columns)
