"""Reading one printed value: numbers, signs, units, and the non-number states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.recognise.values import Printed, looks_like_value, read_printed


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
