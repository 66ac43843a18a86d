"""html2text's pipe rows printed over several lines, put back together."""

from __future__ import annotations

from pathlib import Path

from pipelines.read.text_pipe_breaks import has_hard_breaks, row_at

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"


def _lines(dump: str) -> list[str]:
    return (DUMPS / dump).read_text(encoding="utf-8").splitlines()


def _row_from(lines: list[str], first: str) -> tuple[str, int]:
    """The row opening on the line that starts with `first`, and how many lines it takes."""
    at = next(i for i, ln in enumerate(lines) if ln.startswith(first))
    row, end = row_at(lines, at)
    return row, end - at


def test_a_row_its_width_wrapped_after_a_pipe_goes_on_on_the_next_line() -> None:
    # Python html2text at 78 columns, huaian 2024 with every cell a link: 三's first row
    # over three lines, the first two ending in a bare `|`, the last in the hard break
    lines = _lines("huaian-2024.html2text-linked-cells.txt")
    link = "(/zwgk/list.html)"
    row, taken = _row_from(lines, "[一、本年新收")
    assert taken == 3
    assert row == "| ".join(f"[{t}]{link}" for t in (
        "一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"))
    # 四's 15 counts over five lines, after its header (itself wrapped over four)
    row, taken = _row_from(lines, "[72]")
    assert taken == 5 and row.count("|") == 14


def test_a_number_cut_by_a_br_goes_on_in_the_cell_above() -> None:
    # html2text of huaian 2024 with `<br>` after each number's first digit: the cell's
    # first line ends as a row does (two spaces); the next line opens with the rest
    lines = _lines("huaian-2024.html2text-number-br.txt")
    assert _row_from(lines, "一、本年新收") == (
        "一、本年新收政府信息公开申请数量| 3\n001| 5\n3| 0| 0| 6\n1| 4| 3\n119", 5)
    assert _row_from(lines, "规章") == ("规章| 1| 0| 1\n1", 2)
    assert _row_from(lines, "行政规范性文件") == ("行政规范性文件| 8| 2\n6| 6\n6", 3)
    # 四's counts open a row of their own after the header's last label; no pipe on its
    # first line
    row, taken = _row_from(lines, "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持")
    assert taken == 1
    row, taken = _row_from(lines[lines.index("7  "):], "7")
    assert taken == 10 and row.split("| ") == [
        "7\n2", "6\n4", "1\n78", "3\n7", "3\n51", "1\n3", "4", "8", "1", "2\n6", "1\n2", "1",
        "1", "6", "2\n0"]


def test_a_label_after_a_number_starts_a_row() -> None:
    lines = ["---|---  ", "a| b  ", "规章| 1| 0| 1  ", "1  ", "行政规范性文件| 8| 2  ",
             "3.危及“三安全一稳定”| 5  ", "| 6| 7  ", ""]
    assert has_hard_breaks(lines)
    assert row_at(lines, 2) == ("规章| 1| 0| 1\n1", 4)
    assert row_at(lines, 4) == ("行政规范性文件| 8| 2", 5)
    # a row opening with a pipe (a blank first cell) is a row of its own
    assert row_at(lines, 5) == ("3.危及“三安全一稳定”| 5", 6)


def test_pipe_rows_without_hard_breaks_are_not_html2texts() -> None:
    # pandoc's GitHub Markdown: walls, no trailing spaces, a row a line
    assert not has_hard_breaks(["| a | b |", "|---|---|", "| 规章 | 1 |", "| 1 | 2 |"])
    # html2text's own rows, without the wrapping pieces' bare pipes
    assert has_hard_breaks(_lines("huaian-2024.html2text-number-br.txt"))
    assert has_hard_breaks(_lines("huaian-2024.html2text-linked-cells.txt"))
