"""Reading one printed value: numbers, signs, units, and the non-number states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.recognise.values import Printed, looks_like_value, may_stand_for_value, read_printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0\xa0", Printed("number", Decimal(0))),  # NBSP padding in the seed
        ("\xa00", Printed("number", Decimal(0))),
        ("+6", Printed("number", Decimal(6))),
        ("-18", Printed("number", Decimal(-18))),
        ("5819.06万元", Printed("number", Decimal("5819.06"), "万元")),
        ("251000元", Printed("number", Decimal(251000), "元")),
        ("1,234", Printed("number", Decimal(1234))),
        ("３２", Printed("number", Decimal(32))),  # full-width digits
        ("22（其中修订16件）", Printed("number", Decimal(22), annotated=True)),
        ("7件", Printed("number", Decimal(7), "件")),
        ("5819.06萬元", Printed("number", Decimal("5819.06"), "万元")),  # traditional
    ],
)
def test_numbers(text: str, expected: Printed) -> None:
    assert read_printed(text) == expected


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("", "blank"),
        ("  \n", "blank"),
        ("\xa0", "blank"),
        ("—", "dash"),
        ("-", "dash"),
        ("——", "dash"),
        ("/", "slash"),
        ("／", "slash"),
        ("无", "none_word"),
        ("無", "none_word"),
        ("abc", "unreadable"),
        ("1,23", "unreadable"),  # not a thousands grouping
    ],
)
def test_states(text: str, state: str) -> None:
    assert read_printed(text).state == state


def test_states_carry_no_number() -> None:
    for text in ("", "—", "/", "无", "abc"):
        assert read_printed(text).number is None


def test_looks_like_value() -> None:
    assert looks_like_value("0")
    assert looks_like_value("—")
    assert looks_like_value("")
    assert not looks_like_value("规章")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NaN", True), ("inf", True), ("-Infinity", True), ("1e5", True), ("1.2E+05", True),
        ("=SUM(B2:B5)", True), ("#REF!", True), ("#DIV/0!", True), ("N/A", True), ("?", True),
        ("12", False), ("-", False), ("", False), ("无", False),  # values and states
        ("行政许可", False), ("见附件", False), ("注:NaN", False),  # Chinese: labels, notes
        ("---", True), ("====", True),  # short runs: a cell may print them
        ("---------", False), ("-----  ----\n------- ---", False),  # a drawn rule, wrapped
    ],
)
def test_what_may_stand_for_a_value(text: str, expected: bool) -> None:
    assert may_stand_for_value(text) is expected
    if expected:
        assert read_printed(text).state == "unreadable"  # never read as a number


@pytest.mark.parametrize("text", ["3①", "3¹", "3²", "⑩", "3⑴", "3⒈", "12₃", "⓿"])
def test_footnote_marker_digits_are_not_read_into_numbers(text: str) -> None:
    assert read_printed(text).state == "unreadable"
