"""Row labels wrapped over lines, given to their rows from the words' geometry and the
template's labels (no OCR: words placed by hand, as table 二 prints them in Word)."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.read.table_image import Box
from pipelines.read.table_wrapped import Piece, labels_by_line

GLYPH = 20.0


@dataclass
class _Word:
    box: Box
    text: str

    @property
    def yc(self) -> float:
        return (self.box.y0 + self.box.y1) / 2


def _piece(text: str, line: int, y: int, candidates: tuple[int, ...],
           header_ok: bool = False) -> Piece:
    return Piece(_Word(Box(13, y, 75, y + 20), text), line, candidates, header_ok)


def _texts(got: tuple) -> dict[int, list[str]]:
    """Each value line's labels; the blank rows' labels under the key None."""
    by_line, blank = got
    out: dict = {v: ["".join(p.word.text for p in group) for group in groups]
                 for v, groups in by_line.items()}
    if blank:
        out[None] = ["".join(p.word.text for p in group) for group in blank]
    return out


def test_a_wrapped_label_goes_to_the_row_whose_numbers_it_surrounds() -> None:
    # 规章 | 1 0 11 on line 0; 行政规 / 范性文 | 8 26 66 / 件 on lines 1-3.
    pieces = [_piece("规章", 0, 100, (0,)), _piece("行政规", 1, 130, (0, 2)),
              _piece("范性文", 2, 160, (2,)), _piece("件", 3, 190, (2,))]
    got = labels_by_line(pieces, {0: 110.0, 2: 170.0}, GLYPH)
    assert _texts(got) == {0: ["规章"], 2: ["行政规范性文件"]}


def test_lines_above_the_first_row_may_be_the_headers() -> None:
    # 之和) closes the header's cell above; 行政许 / 447228 / 可: the label around its row.
    pieces = [_piece("之和)", 0, 70, (2,), header_ok=True),
              _piece("行政许", 1, 100, (2,), header_ok=True), _piece("可", 3, 130, (2,))]
    got = labels_by_line(pieces, {2: 115.0}, GLYPH)
    assert _texts(got) == {2: ["行政许可"]}


def test_a_label_as_near_to_two_rows_is_unsure() -> None:
    # A group label midway between its two items' rows, in a column of its own.
    group = Piece(_Word(Box(100, 150, 160, 170), "(三)不予公开"), 2, (1, 3), False)
    pieces = [_piece("1.属于国家秘密", 1, 120, (1,)),
              _piece("2.其他法律行政法规禁止公开", 3, 180, (3,)), group]
    assert labels_by_line(pieces, {1: 130.0, 3: 190.0}, GLYPH) is None
    group.word.box = Box(100, 165, 160, 185)  # nearer the second: its row's
    got = labels_by_line(pieces, {1: 130.0, 3: 190.0}, GLYPH)
    assert _texts(got) == {1: ["1.属于国家秘密"], 3: ["2.其他法律行政法规禁止公开", "(三)不予公开"]}


def test_a_label_beside_no_line_of_numbers_is_a_blank_row() -> None:
    # 1.属于 / 国家秘 | 14 / 密; then 2.其他 / 法律行 / 政法规 / 禁止公开 beside nothing;
    # then 3.危及 / “三安 | 5 / 全一稳定”: the middle label is no value line's, a blank row.
    pieces = [_piece("1.属于", 0, 100, (1,)), _piece("国家秘", 1, 130, (1,)),
              _piece("密", 2, 160, (1, 8)), _piece("2.其他", 3, 190, (1, 8)),
              _piece("法律行", 4, 220, (1, 8)), _piece("政法规", 5, 250, (1, 8)),
              _piece("禁止公开", 6, 280, (1, 8)), _piece("3.危及", 7, 310, (1, 8)),
              _piece("“三安", 8, 340, (8,)), _piece("全一稳定”", 9, 370, (8,))]
    got = labels_by_line(pieces, {1: 140.0, 8: 350.0}, GLYPH)
    assert _texts(got) == {1: ["1.属于国家秘密"], 8: ["3.危及“三安全一稳定”"],
                           None: ["2.其他法律行政法规禁止公开"]}


def test_a_label_with_a_line_of_numbers_within_its_height_is_theirs() -> None:
    # 5.属于 / 三类内 | 5 / 部事务 / 信息, then 6.属于 / 四类过 / 程性信息 beside nothing:
    # the first label is its numbers' row, the second a blank row.
    pieces = [_piece("5.属于", 0, 100, (1,)), _piece("三类内", 1, 130, (1,)),
              _piece("部事务", 2, 160, (1,)), _piece("信息", 3, 190, (1,)),
              _piece("6.属于", 4, 220, (1,)), _piece("四类过", 5, 250, (1,)),
              _piece("程性信息", 6, 280, (1,))]
    got = labels_by_line(pieces, {1: 150.0}, GLYPH)
    assert _texts(got) == {1: ["5.属于三类内部事务信息"], None: ["6.属于四类过程性信息"]}


def test_fragments_that_spell_no_label_are_unsure() -> None:
    pieces = [_piece("其他对外", 0, 100, (1,)), _piece("服务", 2, 130, (1,))]
    assert labels_by_line(pieces, {1: 115.0}, GLYPH) is None
