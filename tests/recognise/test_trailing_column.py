"""A column the statute lacks after a table's last (`同比`), its name printed down the
right edge of the header by `pdftotext -layout` (trailing_column.py, column_order.py).

The texts are pdftotext 24's `-layout` of Chromium's prints of the `unmerged-trailing-numbers`
variant (tests/renderings/variants.py: a numbered 同比 column after every table's last),
copied as printed: a narrow header cell wrapped a character a line (`同` over `比`).
"""

from __future__ import annotations

from pathlib import Path

from pipelines.parse import parse_bytes
from pipelines.recognise.header_stacks import page_pieces, rightmost_stack

DUMPS = Path(__file__).parents[1] / "fixtures" / "dumps"
T3_005 = "005.pdftotext-layout-unmerged-trailing-numbers.txt"
T4_001 = "001.pdftotext-layout-unmerged-trailing-numbers.txt"


def _read(text: str, stem: str) -> tuple[dict[str, float | None], list[str]]:
    report = parse_bytes(f"{stem}.txt", text.encode())
    return ({cid: c.value for cid, c in report.cells.items()},
            [f.message for f in report.flags if f.code == "column_dropped"])


def _count(values: dict[str, float | None], table: str) -> int:
    return sum(v is not None for cid, v in values.items() if cid.startswith(f"{table}."))


def test_a_column_named_down_the_header_edge_is_dropped_from_three() -> None:
    # 005: every row of 三 prints eight numbers (`23 0 0 0 0 0 23 1`), the header `同` /
    # `比` at its right edge; before, 三 null whole (value_count_mismatch)
    values, dropped = _read((DUMPS / T3_005).read_text(encoding="utf-8"), "005")
    assert [values[f"t3.granted.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        7, 0, 0, 0, 0, 0, 7]
    assert values["t3.new_received.total"] == 23
    # all but 1.属于国家秘密's seven, its label printed garbled (`1.密属于国家秘`)
    assert _count(values, "t3") == 154
    assert any(m.startswith("t3's header prints a column") and "(同比)" in m for m in dropped)


def test_three_without_the_stacked_name_stays_null() -> None:
    # the same page with the header's `同` / `比` removed: eight numbers a row and no
    # header naming the eighth, so which is the extra one is unknown
    text = (DUMPS / T3_005).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[36].endswith("同") and lines[37].endswith("比")
    lines[36], lines[37] = lines[36][:-1].rstrip(), lines[37][:-1].rstrip()
    values, dropped = _read("\n".join(lines), "005")
    assert _count(values, "t3") == 0
    assert not any(m.startswith("t3's") for m in dropped)


def test_four_read_without_the_column_named_down_its_header() -> None:
    # 001: 四's one row prints 16 numbers, the last 同比's 1; its header's band holds `同`
    # over `比` at its right edge
    values, dropped = _read((DUMPS / T4_001).read_text(encoding="utf-8"), "001")
    assert [values[cid] for cid in values if cid.startswith("t4.")] == [
        72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    assert any(m.startswith("t4's header prints a column") for m in dropped)


def test_three_read_without_the_column_named_on_the_page_before_its_values() -> None:
    # 001: 三's header cut by a page break, `同` / `比` beside 申请人情况 above it (the page's
    # right edge there), 总计 last below it on a grid of its own; every row prints eight
    # numbers (`3001 53 0 0 61 4 3119 1`). Before, the band ran across the page's running
    # lines, 12 lines from the values up, and its right edge was 总计: 三 null whole
    values, dropped = _read((DUMPS / T4_001).read_text(encoding="utf-8"), "001")
    assert [values[f"t3.new_received.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        3001, 53, 0, 0, 61, 4, 3119]
    assert [values[f"t3.carried_forward.{k}"] for k in (
        "natural_person", "commercial_enterprise", "total")] == [103, 0, 103]
    # all but two rows whose labels a page break or the wrap garbled (the grid's nulls)
    assert _count(values, "t3") == 161
    assert values["t3.unable_not_held.total"] is None
    assert any(m.startswith("t3's header prints a column") and "(同比)" in m for m in dropped)


def test_rightmost_stack() -> None:
    from pipelines.document import PlacedWord as W
    band = (W(0, 3, "申请"), W(0, 20, "同"), W(1, 3, "人情"), W(1, 20, "比"), W(2, 10, "总计"))
    assert rightmost_stack(band) == "同比"
    # a piece reaching into the stack's column: no stack of its own
    assert rightmost_stack((*band, W(2, 17, "其他结果"))) is None
    # lines not consecutive
    assert rightmost_stack((W(0, 20, "同"), W(2, 20, "比"))) is None


def test_page_pieces() -> None:
    from pipelines.document import PlacedWord as W
    # lines 3 and 4 a page's running lines, out of the band: two pieces, one a page
    band = (W(1, 3, "申请"), W(1, 20, "同"), W(2, 20, "比"), W(5, 9, "总计"), W(6, 3, "人"))
    assert page_pieces(band) == [band[:3], band[3:]]
    assert page_pieces(band[:3]) == [band[:3]]


def test_three_placed_where_a_wrapped_note_opens_the_header_row_ending_in_the_word() -> None:
    # lynx at 40 columns of Pingtan 2022's page with a 同比 after every table's last
    # column: 三's header row prints `之和） 申请人情况 同比`, the note's tail wrapped onto
    # it, so the strict header rule found no 同比 and 三 stayed null (its rows, wrapped
    # over lines as `…数量 71 3 0 0 0 0` / `74 1`, kept wide by the grid). 三's 总计 sums
    # check every row of the placement, so the loose header row places it.
    name = "pingtan-2022-run-together"
    values, dropped = _read((DUMPS / f"{name}.lynx-40-unmerged-trailing-numbers.txt").read_text(
        encoding="utf-8"), name)
    assert any(m.startswith("t3's header") for m in dropped)
    assert [values[f"t3.new_received.{k}"] for k in (
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total")] == [
        71, 3, 0, 0, 0, 0, 74]
    assert _count(values, "t3") == 25 * 7
