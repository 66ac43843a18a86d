"""A listing's order told from its entries' listed dates, else their titles' years."""

from __future__ import annotations

from pipelines.harvest.listing import Entry
from pipelines.harvest.order import NEWEST_FIRST, OLDEST_FIRST, ListingOrder, listing_order


def _entries(*items: tuple[int, str | None]) -> list[Entry]:
    return [Entry(f"某市{year}年政府信息公开工作年度报告", f"https://x.gov.cn/{n}.html", date)
            for n, (year, date) in enumerate(items)]


def test_years_rising_down_the_listing_make_it_oldest_first() -> None:
    assert listing_order(_entries((2019, None), (2020, None), (2021, None))) == OLDEST_FIRST
    assert listing_order(_entries((2023, None), (2022, None), (2022, None))) == NEWEST_FIRST


def test_dates_decide_when_two_entries_have_one() -> None:
    # One year on the whole page: the dates tell (a newest-first page of one year's reports).
    same_year = _entries((2023, "2024-01-31"), (2023, "2024-01-20"), (2023, "2024-01-05"))
    assert listing_order(same_year) == NEWEST_FIRST
    # One date alone: the years decide.
    assert listing_order(_entries((2023, "2024-01-05"), (2022, None), (2021, None))) == (
        NEWEST_FIRST)


def test_one_pinned_entry_does_not_turn_a_listing_round() -> None:
    assert listing_order(_entries((2023, None), (2019, None), (2020, None), (2021, None))) == (
        OLDEST_FIRST)
    assert listing_order(_entries((2019, None), (2023, None), (2022, None), (2021, None))) == (
        NEWEST_FIRST)


def test_no_time_or_one_time_tells_nothing() -> None:
    assert listing_order(_entries((2023, None), (2023, None))) is None
    assert listing_order([Entry("政府信息公开指南", "https://x.gov.cn/zn/")]) is None


def test_told_page_by_page_as_at_once() -> None:
    entries = _entries((2018, None), (2018, None), (2019, None), (2020, None))
    order = ListingOrder()
    order.add(entries[:2])
    assert order.order is None
    order.add(entries[2:])
    assert order.order == OLDEST_FIRST == listing_order(entries)
