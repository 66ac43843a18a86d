"""Digit runs whose cell separators were lost: forced splits and candidate splits."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal

from pipelines.recognise.digits import candidate_splits, split_run
from pipelines.recognise.labels import label_index
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
