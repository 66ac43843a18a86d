"""Harvest reports from the web: a sources list -> polite HTTP fetches -> fetch results.

Belongs here: what to fetch (`sources`) and how to fetch it (`fetch`). Where the fetched
bytes are kept, with their provenance, is `pipelines/archive.py`, shared with the inbox.
Reading a report is not here: harvested bytes are parsed like any inbox file.

    sources, errors = read_sources(Path("sources.csv"))
    with Fetcher() as fetcher:
        results = fetcher.fetch_all(sources, {s.url: archive.latest_fetch(s.url)
                                              for s in sources})
    for result in results:
        if result.status == "fetched":
            archive.put(result.content, result.provenance())
"""

from pipelines.harvest.fetch import USER_AGENT, Fetcher, FetchResult, FetchSettings
from pipelines.harvest.sources import Source, SourceError, read_sources

__all__ = [
    "USER_AGENT",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "Source",
    "SourceError",
    "read_sources",
]
