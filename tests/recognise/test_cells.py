"""One printed value to one published cell: numbers the published types cannot hold
exactly are null, flagged `value_out_of_range`, with their text kept; on a real report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.parse import parse_bytes
from pipelines.recognise.cells import cell_value, held_exactly
from pipelines.recognise.tokens import Token
from pipelines.recognise.values import read_printed
from schemas.template import load_template

SEED = "seed-shaoguan-zhenjiang-2019.txt"
COUNT = "t3.new_received.natural_person"  # line 102 of the seed
AMOUNT = "t2.centralized_procurement.procurement_total_amount"  # line 80: 5819.06万元


@pytest.mark.parametrize(
    ("number", "held"),
    [
        (2**53 - 1, True), (2**53, False), (-(2**53) + 1, True), (10**19, False),
        (Decimal("5819.06"), True), (Decimal("7539.443252"), True), (Decimal("0.0001"), True),
        (Decimal("0.12345678901234567"), False),  # 17 significant digits: a float rounds
        (Decimal("123456789012345.67"), True), (Decimal("1234567890123456.78"), False),
    ],
)
def test_held_exactly(number: int | Decimal, held: bool) -> None:
    assert held_exactly(number) is held


def _seed_with(fixtures_dir: Path, line: int, text: str) -> bytes:
    lines = (fixtures_dir / "reports" / SEED).read_text(encoding="utf-8").split("\n")
    lines[line - 1] = "\t" + text
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    ("cell_id", "line", "printed"),
    [
        (COUNT, 102, "9007199254740993"),  # 2**53 + 1: float64 would print ...992
        (COUNT, 102, "12345678901234567890"),  # 20 digits: beyond int64 too
        (COUNT, 102, "9" * 40),
        (AMOUNT, 80, "90071992547409930000元"),  # 万元 9007199254740993
        (AMOUNT, 80, "0.12345678901234567万元"),
    ],
)
def test_a_number_that_cannot_be_held_exactly_is_null_and_flagged(
        fixtures_dir: Path, cell_id: str, line: int, printed: str) -> None:
    report = parse_bytes(SEED, _seed_with(fixtures_dir, line, printed))
    cell = report.cells[cell_id]
    assert (cell.value, cell.state, cell.raw_text) == (None, "unreadable", printed)
    assert [(f.code, f.message) for f in report.flags if f.cell_id == cell_id] == [
        ("value_out_of_range", f"{cell_id}: {printed!r} cannot be published exactly "
         "(numbers are held exactly below ±9,007,199,254,740,992)")]
    assert report.status == "complete"


def test_the_largest_exact_count_is_published(fixtures_dir: Path) -> None:
    report = parse_bytes(SEED, _seed_with(fixtures_dir, 102, "9007199254740991"))
    assert report.cells[COUNT].value == 9007199254740991
    assert [f for f in report.flags if f.cell_id == COUNT] == []


@pytest.mark.parametrize(
    ("value_type", "printed", "value", "state", "flags"),
    [
        ("count", "12", 12, "number", []),
        ("count", "12件", 12, "number", []),
        ("count", "1,234", 1234, "number", []),
        ("signed_count", "-3", -3, "number", []),
        ("count", "-3", None, "unreadable", ["negative_count"]),
        ("count", "5(注)", 5, "number", ["annotated_value"]),
        ("count", "2.5", None, "unreadable", ["unreadable_value"]),
        # a count is printed without a point: pdftotext -layout pushed an item number `2.`
        # against a row's `0` (broken-rowspan-long × 005), which read 2 where 0 was printed
        ("count", "2.0", None, "unreadable", ["unreadable_value"]),
        ("amount_wan_yuan", "2.0", 2, "number", []),
        ("count", "3元", None, "unreadable", ["unreadable_value"]),
        ("count", str(2**53), None, "unreadable", ["value_out_of_range"]),
        ("amount_wan_yuan", "12", 12, "number", []),
        ("amount_printed_unit", "12", None, "unreadable", ["unit_missing"]),
        ("amount_printed_unit", "15000元", 1.5, "number", []),
        ("count", "—", None, "dash", []),
    ],
)
def test_cell_value(value_type: str, printed: str, value: float | None, state: str,
                    flags: list[str]) -> None:
    """Whole counts take a shortcut past the general rules: the same cells and flags."""
    vt = load_template().value_types[value_type]
    got: list = []
    token = Token("value", printed, "line 1", None, printed=read_printed(printed))
    cell = cell_value("t3.x.y", vt, token, got)
    assert (cell.value, cell.state, cell.raw_text) == (value, state, printed)
    assert [f.code for f in got] == flags
