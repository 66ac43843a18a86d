"""Digit runs whose cell separators were lost: forced splits and candidate splits."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal

from pipelines.recognise.digits import candidate_splits, piece_groupings, split_run
from pipelines.recognise.labels import label_index
from pipelines.recognise.solve import Budget
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import read_printed


def run(*texts: str) -> list[Token]:
    return [Token("value", t, "line 10", None, printed=read_printed(t), run_together=True)
            for t in texts]


def test_split_run_one_piece_per_cell_is_kept() -> None:
    tokens = run("35", "-15")
    assert split_run(tokens, 2) == tokens


def test_split_run_one_digit_per_cell() -> None:
    pieces = split_run(run("1000001"), 7)
    assert [p.text for p in pieces] == ["1", "0", "0", "0", "0", "0", "1"]
    assert [p.printed.number for p in pieces] == [Decimal(d) for d in (1, 0, 0, 0, 0, 0, 1)]
    assert {p.ref for p in pieces} == {"line 10"}


def test_split_run_across_pieces() -> None:
    assert [p.text for p in split_run(run("10", "2"), 3)] == ["1", "0", "2"]


def test_split_run_not_forced() -> None:
    assert split_run(run("8855698"), 3) is None  # 88/55/698 is one of many readings
    assert split_run(run("2648", "-18538"), 3) is None


def test_candidate_splits_exact() -> None:
    assert list(candidate_splits(["123"], 2)) == [[1, 23], [12, 3]]
    assert list(candidate_splits(["105"], 2)) == [[10, 5]]  # never "05"
    assert list(candidate_splits(["1000001"], 7)) == [[1, 0, 0, 0, 0, 0, 1]]
    assert list(candidate_splits(["00"], 2)) == [[0, 0]]
    assert list(candidate_splits(["00"], 1)) == []


def test_candidate_splits_across_pieces() -> None:
    candidates = list(candidate_splits(["230", "000023"], 7))
    assert sorted(candidates) == [
        [2, 30, 0, 0, 0, 0, 23],
        [23, 0, 0, 0, 0, 0, 23],
        [230, 0, 0, 0, 0, 2, 3],
    ]
    assert [23, 0, 0, 0, 0, 0, 23] in candidates


def test_candidate_splits_never_has_leading_zeros() -> None:
    for pieces, n in ((["230", "000023"], 7), (["1000001"], 3), (["100200"], 4)):
        for cand in candidate_splits(pieces, n):
            digits = "".join(str(x) for x in cand)
            # str() drops leading zeros, so a "05" piece would lose a digit here
            assert digits == "".join(pieces)
            assert len(cand) == n


def test_candidate_splits_impossible() -> None:
    assert list(candidate_splits(["12", "3"], 4)) == []  # fewer digits than cells
    assert list(candidate_splits(["1", "2", "3"], 2)) == []  # more pieces than cells
    assert list(candidate_splits(["12a"], 2)) == []
    assert list(candidate_splits(["-18"], 2)) == []


def test_split_run_pieces_keep_every_other_field() -> None:
    """digits._piece builds the piece field by field (dataclasses.replace is slow)."""
    labels = next(iter(label_index().by_norm.values()))
    token = Token("value", "12", "line 3", 4, labels, read_printed("12"), True, True, True,
                  True, True, True)
    assert [f.name for f in fields(Token)] == [
        "kind", "text", "ref", "row", "labels", "printed", "run_together", "open_end", "cut",
        "furniture", "stacked", "box_run"]
    assert split_run([token], 2) == [replace(token, text=d, printed=read_printed(d))
                                     for d in "12"]


# 三's row total: the six applicant columns add up to the seventh
_ROW_TOTAL = [((0, 1, 2, 3, 4, 5), (6,))]


def groupings(cells: list[str], n: int, rules=()) -> list[tuple[str, ...]]:
    return [c.choices for c in piece_groupings(cells, n, list(rules), Budget())]


def test_piece_groupings_as_many_pieces_as_cells_is_one_reading() -> None:
    # markitdown's `| 175 16 | 0 2 | 13 8 | 214 |`: each space a boundary between columns
    assert groupings(["175 16", "0 2", "13 8", "214"], 7) == [
        ("175", "16", "0", "2", "13", "8", "214")]


def test_piece_groupings_a_wrapped_number_is_chosen_by_the_row_total() -> None:
    # one piece too many: one cell's pieces are one number wrapped over two lines
    cells = ["1 75 16", "0 2", "13 8", "214"]
    assert groupings(cells, 7) == [("1", "75", "16", "0", "2", "138", "214"),
                                   ("1", "7516", "0", "2", "13", "8", "214"),
                                   ("175", "16", "0", "2", "13", "8", "214")]
    assert groupings(cells, 7, _ROW_TOTAL) == [("175", "16", "0", "2", "13", "8", "214")]


def test_piece_groupings_that_fit_alike_are_all_kept() -> None:
    # one join among `1 1 1` and `1 1`: 11 wherever it goes, the same sum, so the row
    # total cannot tell the readings apart (the table's column sums may, solve.py)
    assert groupings(["1 1 1", "1 1", "0", "0", "14"], 7, _ROW_TOTAL) == [
        ("1", "1", "1", "11", "0", "0", "14"), ("1", "11", "1", "1", "0", "0", "14"),
        ("11", "1", "1", "1", "0", "0", "14")]
    assert groupings(["1 1", "1 1", "0", "0", "14"], 7, _ROW_TOTAL) == []  # none fits


def test_piece_groupings_zeros_never_lead_a_number() -> None:
    # `0 0` is two zeros, never 00; `6 0` may be 60
    assert groupings(["0 0", "6 0"], 3) == [("0", "0", "60")]
    assert groupings(["0 0", "6 0"], 4) == [("0", "0", "6", "0")]
    assert groupings(["0 0", "6 0"], 2) == []


def test_piece_groupings_never_join_cells_nor_leave_one_empty() -> None:
    assert groupings(["1", "2"], 1) == []  # two printed cells are two numbers at least
    assert groupings(["1", "2"], 3) == []  # a cell of one piece is one number
    assert groupings(["1", "-"], 2) == []  # only digit pieces
