"""Whether a listing shows its entries newest first (the CMS convention) or oldest first,
read from what its entries say of their time.

Belongs here: judging the order of entries already read (listing.py reads them). Not
here: what the walk does with it (discover.py: the incremental stop at the first entry
archived unchanged holds only for a listing whose new entries come first).

An entry's time is its listed date (Entry.date) when at least two entries have one, else
the year in its title (a report's year, or the year a notice or plan names: all of them
follow the column's order). Between consecutive timed entries the time rises, falls or
stays; a listing is oldest first when it rises more often than it falls (one pinned entry
out of order does not turn a listing round), newest first when it falls more often, and
undecided otherwise (every entry the same day or year, or no time at all).
"""

from __future__ import annotations

from collections.abc import Iterable

from pipelines.harvest.listing import Entry
from pipelines.harvest.titles import normalise, title_year

NEWEST_FIRST = "newest first"
OLDEST_FIRST = "oldest first"


class ListingOrder:
    """The order of a listing's entries, told as they are read, page by page."""

    def __init__(self) -> None:
        # by the kind of time (dates, years): [timed entries, rises, falls, the last time]
        self._tally: dict[str, list] = {"date": [0, 0, 0, None], "year": [0, 0, 0, None]}

    def add(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            self._count("date", entry.date)
            self._count("year", title_year(normalise(entry.title)))

    def _count(self, kind: str, time: str | int | None) -> None:
        if time is None:
            return
        tally = self._tally[kind]
        last = tally[3]
        tally[0] += 1
        tally[1] += last is not None and time > last
        tally[2] += last is not None and time < last
        tally[3] = time

    @property
    def order(self) -> str | None:
        """NEWEST_FIRST, OLDEST_FIRST, or None when the entries do not tell (see above)."""
        _, rises, falls, _ = self._tally["date" if self._tally["date"][0] >= 2 else "year"]
        if rises > falls:
            return OLDEST_FIRST
        return NEWEST_FIRST if falls > rises else None


def listing_order(entries: Iterable[Entry]) -> str | None:
    """The order of these entries: NEWEST_FIRST, OLDEST_FIRST or None (see above)."""
    order = ListingOrder()
    order.add(entries)
    return order.order
