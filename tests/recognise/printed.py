"""Page-text renderings of a labelled report, made from its truth file and the template.

Helpers for the solver tests, not tests. `run_together(truth)` prints the report as
crawlers flatten a page: one line, every label followed by its row's digits with no
separator (blank cells leave nothing), table 四 as a single run of 15 values.
`cells_per_line(truth)` prints one cell per line and drops blank cells, as `lynx -dump`
does. Labels come from the template, so both follow the official layout of the truth's
format version.
"""

from __future__ import annotations

from decimal import Decimal

from schemas.template import Version, load_template

_TITLE = "{agency}{year}年政府信息公开工作年度报告"
_INTRO = ("本报告根据《中华人民共和国政府信息公开条例》要求编制。一、总体情况 "
          "本机关认真落实政府信息公开各项工作要求。二、主动公开政府信息情况")
_T3 = "三、收到和处理政府信息公开申请情况"
_T4 = "四、政府信息公开行政复议、行政诉讼情况"
_END = "五、存在的主要问题及改进情况 公开内容的规范性有待加强。六、其他需要报告的事项 无。"


def printed(value: int | float | None, unit: str = "") -> str:
    """The value as an agency prints it; an amount whose column has no unit carries 万元."""
    if value is None:
        return ""
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    return text + unit


def _values(truth: dict, table: str, row: str, columns) -> list[str]:
    return [printed(truth["cells"].get(f"{table}.{row}.{c.id}"),
                    "万元" if c.value_type.id == "amount_printed_unit" else "")
            for c in columns]


def rows(truth: dict) -> list[list[str]]:
    """The report's statutory part as printed rows: labels, then their values ("" blank)."""
    version: Version = load_template().version(truth["format_version"])
    out: list[list[str]] = []
    for block in version.tables["t2"].blocks:
        out.append([block.caption or "", "信息内容", *(c.label for c in block.columns)])
        for r in block.data_rows:
            out.append([r.label, *_values(truth, "t2", r.id, block.columns)])
    t3 = version.tables["t3"]
    out.append([_T3, t3.note or "", *t3.header[:1], t3.columns[0].label, t3.header[1],
                t3.columns[-1].label, *(c.label for c in t3.columns[1:-1])])
    data = {r.id for r in t3.data_rows}
    for r in t3.rows:
        out.append([r.label, *(_values(truth, "t3", r.id, t3.columns) if r.id in data else [])])
    t4 = version.tables["t4"]
    review, *suits = t4.data_rows
    labels = [c.label for c in t4.columns]
    out.append([_T4, review.label, t4.header[0], *labels, *(r.label for r in suits),
                *labels, *labels])
    out.append([v for r in t4.data_rows for v in _values(truth, "t4", r.id, t4.columns)])
    return out


def _is_value(text: str) -> bool:
    return text == "" or text[0].isdigit() or text[0] in "+-"


def run_together(truth: dict) -> str:
    """One line: labels separated by spaces, the values of a row run together."""
    parts = [_TITLE.format(agency=truth["agency"], year=truth["report_year"]), _INTRO]
    for row in rows(truth):
        labels = [t for t in row if not _is_value(t)]
        digits = "".join(t for t in row if _is_value(t))
        parts.append(" ".join(labels) + digits)
    parts.append(_END)
    return " ".join(parts) + "\n"


def cells_per_line(truth: dict) -> str:
    """One cell per line, blank cells dropped (what `lynx -dump` leaves of a table)."""
    lines = [_TITLE.format(agency=truth["agency"], year=truth["report_year"]), _INTRO]
    for row in rows(truth):
        lines.extend(t for t in row if t != "")
    lines.append(_END)
    return "\n".join(lines) + "\n"


def zeros_blank(truth: dict) -> dict:
    """The truth as an agency prints it that leaves a 0 of table 三 or 四 blank."""
    cells = {cid: None if v == 0 and not cid.startswith("t2.") else v
             for cid, v in truth["cells"].items()}
    return {**truth, "cells": cells}
