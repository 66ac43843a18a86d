"""robots.txt as RFC 9309 reads it: rules obeyed, absent allows all, unavailable or
forbidden allows nothing; read once per origin."""

from pipelines.harvest.robots import Robots


def test_rules_are_obeyed_for_our_agent_and_read_once(server, fetcher) -> None:
    server.respond("/robots.txt", 200, b"User-agent: ogi-harvester\nDisallow: /private/\n\n"
                                       b"User-agent: *\nDisallow: /\n")
    robots = Robots(fetcher())
    assert robots.allowed(server.url("/xxgk/ndbg/index.html"))
    assert not robots.allowed(server.url("/private/a.html"))
    assert len(server.hits("/robots.txt")) == 1


def test_absent_allows_all_unavailable_or_forbidden_allows_nothing(server, fetcher) -> None:
    assert Robots(fetcher()).allowed(server.url("/a.html"))  # 404
    server.respond("/robots.txt", 503)
    robots = Robots(fetcher(retries=0))
    assert not robots.allowed(server.url("/a.html"))
    assert robots.notes[server.url("")].startswith("robots.txt unavailable, nothing fetched")
    server.respond("/robots.txt", 403)
    assert not Robots(fetcher()).allowed(server.url("/a.html"))
