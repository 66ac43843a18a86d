"""One printed value to one published cell: type, sign, unit and the flags they raise.

The value is kept only when it is certainly a value of the cell's type; otherwise the
cell is null, the printed text is kept and a flag says why. That includes a number that
the published types cannot hold exactly (`schemas.descriptors.EXACT_LIMIT`): a count of
17 digits or an amount of too many significant digits is never published rounded.
"""

from __future__ import annotations

from decimal import Decimal

from pipelines.recognise.tokens import Token
from pipelines.recognise.values import Printed
from pipelines.report import CellValue, Flag
from pipelines.textnorm import COUNT_UNITS
from schemas.resources import EXACT_LIMIT
from schemas.template import ValueType

_WAN = Decimal(10000)


def unresolved_cell(cell_id: str, state: str, token: Token | None) -> CellValue:
    raw = token.text if token else None
    return CellValue(cell_id, None, state, raw, None, token.ref if token else None)


def _number(n: Decimal) -> int | float:
    return int(n) if n == n.to_integral_value() else float(n)


def held_exactly(number: int | Decimal) -> bool:
    """Whether a number survives every path to the published files unchanged: within
    ±EXACT_LIMIT and, with decimals, a float64 that reads back as the same decimal."""
    if type(number) is int:  # most cells: a whole count, no Decimal needed
        return -EXACT_LIMIT < number < EXACT_LIMIT
    number = Decimal(number)
    if abs(number) >= EXACT_LIMIT:
        return False
    return number == number.to_integral_value() or Decimal(repr(float(number))) == number


def out_of_range(cell_id: str, printed: object, flags: list[Flag]) -> None:
    flags.append(Flag("value_out_of_range", f"{cell_id}: {printed} cannot be published "
                      f"exactly (numbers are held exactly below ±{EXACT_LIMIT:,})", cell_id))


def _amount(cell_id: str, vt: ValueType, p: Printed, flags: list[Flag]) -> int | float | None:
    """Amounts are published in 万元: converted when the cell prints 元."""
    if p.number < 0:
        flags.append(Flag("negative_count", f"{cell_id}: {p.number} printed in an amount",
                          cell_id))
        return None
    if p.unit == "元":
        return _number(p.number / _WAN)
    if p.unit == "万元" or (p.unit is None and vt.unit == "万元" and vt.id == "amount_wan_yuan"):
        return _number(p.number)  # 2021: the unit is printed in the column header
    if p.unit is None and p.number == 0:
        return 0  # zero needs no unit
    if p.unit is None:
        flags.append(Flag("unit_missing", f"{cell_id}: amount printed without a unit", cell_id))
    else:
        flags.append(Flag("unreadable_value", f"{cell_id}: unit {p.unit!r} in an amount",
                          cell_id))
    return None


def _count(cell_id: str, vt: ValueType, p: Printed, flags: list[Flag]) -> int | None:
    if p.unit not in COUNT_UNITS or p.whole is None:
        flags.append(Flag("unreadable_value", f"{cell_id}: {p.number}{p.unit or ''} is not "
                          "a whole count", cell_id))
        return None
    if p.whole < 0 and vt.minimum is not None:
        flags.append(Flag("negative_count", f"{cell_id}: {p.number} printed in a count",
                          cell_id))
        return None
    return p.whole


def cell_value(cell_id: str, vt: ValueType, token: Token, flags: list[Flag]) -> CellValue:
    p = token.printed
    if (p is not None and p.state == "number" and vt.dtype != "number" and not p.annotated
            and p.unit in COUNT_UNITS and p.whole is not None
            and (p.whole >= 0 or vt.minimum is None) and -EXACT_LIMIT < p.whole < EXACT_LIMIT):
        # most cells: a whole count, nothing to flag (the same value as the rules below)
        return CellValue(cell_id, p.whole, "number", token.text, None, token.ref)
    unit = p.unit if p and p.unit in ("元", "万元") else None
    if p is None or p.state != "number":
        if p is not None and p.state == "unreadable":
            flags.append(Flag("unreadable_value", f"{cell_id}: {token.text!r}", cell_id))
        return CellValue(cell_id, None, p.state if p else "unreadable", token.text, unit,
                         token.ref)
    if vt.dtype == "number":
        value = _amount(cell_id, vt, p, flags)
    else:
        value = _count(cell_id, vt, p, flags)
    # 元 are published in 万元: the exact quotient is what must be held.
    if value is not None and not held_exactly(
            p.number.scaleb(-4) if p.unit == "元"
            else p.whole if p.whole is not None else p.number):
        out_of_range(cell_id, repr(token.text.strip()), flags)
        value = None
    if p.annotated and value is not None:
        flags.append(Flag("annotated_value", f"{cell_id}: printed {token.text!r}", cell_id))
    state = "number" if value is not None else "unreadable"
    return CellValue(cell_id, value, state, token.text, unit, token.ref)
