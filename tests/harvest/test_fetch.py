"""Fetching from a real HTTP server on 127.0.0.1: outcomes, retries, limits, redirects.

Waits go to the fake clock of `fetcher` (see conftest.py); only the timeout tests wait
for real, on 0.2 s timeouts.
"""

import hashlib
import socket
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from pipelines.archive import FetchRecord, RawArchive
from pipelines.harvest.fetch import (
    CONTACT_URL,
    USER_AGENT,
    Fetcher,
    FetchResult,
    FetchSettings,
    HostRateLimiter,
)
from pipelines.harvest.sources import Source
from pipelines.inputs import harvest, harvested_inputs

FIXTURES = Path(__file__).parents[1] / "fixtures" / "harvest"


def test_fetched_bytes_equal_the_file(server, fetcher) -> None:
    body = server.file("/gk/2023/015.txt", "015.txt")
    url = server.url("/gk/2023/015.txt")
    result = fetcher().fetch(Source(url))
    assert result == FetchResult(
        url=url, final_url=url, status="fetched", http_status=200, content=body,
        content_type="text/plain; charset=utf-8", etag=None, last_modified=None,
        fetched_at="2025-01-31T08:00:00Z", error=None,
        sha256=hashlib.sha256((FIXTURES / "015.txt").read_bytes()).hexdigest(),
        filename="015.txt", attempts=1)


def test_server_sees_the_project_user_agent(server, fetcher) -> None:
    server.file("/r.html", "011.html")
    fetcher().fetch(Source(server.url("/r.html")))
    assert server.hits("/r.html")[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("ogi-harvester/") and CONTACT_URL in USER_AGENT


def test_unchanged_report_is_not_modified_on_the_second_fetch(server, fetcher,
                                                              tmp_path: Path) -> None:
    body = (FIXTURES / "020.txt").read_bytes()
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 31 Jan 2024 02:00:00 GMT"}

    def answer(handler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            server.send(handler, 304, b"", validators)
        else:
            server.send(handler, 200, body, {"Content-Type": "text/plain", **validators})

    server.routes["/r.txt"] = answer
    url = server.url("/r.txt")
    archive = RawArchive(tmp_path / "archive")
    fetch = fetcher()

    first = fetch.fetch(Source(url), archive.latest_fetch(url))
    archive.put(first.content, first.provenance())
    second = fetch.fetch(Source(url), archive.latest_fetch(url))

    first_headers, second_headers = (seen.headers for seen in server.hits("/r.txt"))
    assert "if-none-match" not in first_headers and "if-modified-since" not in first_headers
    assert second_headers["if-none-match"] == '"v1"'
    assert second_headers["if-modified-since"] == "Wed, 31 Jan 2024 02:00:00 GMT"
    assert (first.status, first.etag) == ("fetched", '"v1"')
    assert second == FetchResult(
        url=url, final_url=url, status="not_modified", http_status=304, content=None,
        content_type=None, etag='"v1"', last_modified="Wed, 31 Jan 2024 02:00:00 GMT",
        fetched_at="2025-01-31T08:00:00Z", sha256=hashlib.sha256(body).hexdigest())


def test_304_without_a_conditional_request_fails(server, fetcher) -> None:
    server.respond("/r", 304)
    result = fetcher().fetch(Source(server.url("/r")))
    assert (result.status, result.error) == ("failed",
                                             f"{server.url('/r')}: HTTP 304 Not Modified")


def test_slow_server_times_out_after_all_attempts(server, fetcher, fake_time) -> None:
    server.slow("/slow", 10)
    url = server.url("/slow")
    result = fetcher(timeout=0.2, retries=2).fetch(Source(url))
    assert result.status == "failed"
    assert result.http_status is None and result.content is None
    assert result.error == f"{url}: timed out after 0.2 s (ReadTimeout) after 3 attempts"
    assert result.attempts == 3
    assert len(server.hits("/slow")) == 3
    assert fake_time.sleeps == [1.0, 2.0]  # backoff 1 s, doubling


def test_server_error_then_success_is_fetched_after_one_retry(server, fetcher,
                                                             fake_time) -> None:
    server.sequence("/r", [server.answer(500), server.answer(200, b"the report")])
    result = fetcher().fetch(Source(server.url("/r")))
    assert (result.status, result.content, result.attempts) == ("fetched", b"the report", 2)
    assert len(server.hits("/r")) == 2
    assert fake_time.sleeps == [1.0]


def test_backoff_has_jitter_and_honours_retry_after(server, fetcher, fake_time) -> None:
    server.sequence("/r", [server.answer(503), server.answer(429, b"", {"Retry-After": "7"}),
                          server.answer(200, b"report")])
    result = fetcher(jitter=0.5, retries=3).fetch(Source(server.url("/r")))
    assert result.status == "fetched"
    assert fake_time.sleeps == [1.25, 7.0]  # 1 s * (1 + 0.5 * 0.5); then Retry-After


def test_persistent_server_error_fails_after_all_attempts(server, fetcher) -> None:
    server.respond("/r", 503, b"busy")
    url = server.url("/r")
    result = fetcher(retries=2).fetch(Source(url))
    assert (result.status, result.http_status, result.attempts) == ("failed", 503, 3)
    assert result.error == f"{url}: HTTP 503 Service Unavailable after 3 attempts"
    assert len(server.hits("/r")) == 3


def test_not_found_fails_without_retry(server, fetcher, fake_time) -> None:
    url = server.url("/missing.html")
    result = fetcher().fetch(Source(url))
    assert (result.status, result.http_status, result.attempts) == ("failed", 404, 1)
    assert result.error == f"{url}: HTTP 404 Not Found"
    assert len(server.hits("/missing.html")) == 1
    assert fake_time.sleeps == []


def test_redirect_chain_reaches_the_final_url(server, fetcher) -> None:
    server.redirect("/old", "/moved", 301)
    server.redirect("/moved", server.url("/files/015.txt"), 302)
    body = server.file("/files/015.txt", "015.txt")
    result = fetcher().fetch(Source(server.url("/old")))
    assert (result.status, result.url, result.final_url) == (
        "fetched", server.url("/old"), server.url("/files/015.txt"))
    assert result.content == body and result.filename == "015.txt"
    assert [seen.path for seen in server.seen] == ["/old", "/moved", "/files/015.txt"]


def test_redirect_loop_fails(server, fetcher) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    result = fetcher().fetch(Source(server.url("/a")))
    assert (result.status, result.http_status, result.attempts) == ("failed", 302, 1)
    assert result.error == (f"{server.url('/a')}: redirect loop "
                            f"({server.url('/b')} -> {server.url('/a')})")


def test_at_most_five_redirects_are_followed(server, fetcher) -> None:
    for hop in range(6):
        server.redirect(f"/r{hop}", f"/r{hop + 1}")
    server.respond("/r6", 200, b"end")
    assert fetcher().fetch(Source(server.url("/r1"))).status == "fetched"  # 5 redirects
    result = fetcher().fetch(Source(server.url("/r0")))
    assert result.status == "failed"
    assert result.error == f"{server.url('/r0')}: too many redirects (more than 5)"
    assert len(server.hits("/r6")) == 1  # only from the first fetch


def test_declared_oversize_fails_too_large(server, fetcher) -> None:
    server.file("/big", "015.txt")  # 1998 bytes
    url = server.url("/big")
    result = fetcher(max_bytes=1000).fetch(Source(url))
    assert (result.status, result.http_status, result.content) == ("failed", 200, None)
    assert result.error == (f"{url}: too large: Content-Length 1998 bytes exceeds the limit "
                            f"of 1000 bytes")
    assert len(server.hits("/big")) == 1


def test_chunked_oversize_fails_too_large(server, fetcher) -> None:
    server.chunked("/stream", [b"x" * 400] * 5)
    url = server.url("/stream")
    result = fetcher(max_bytes=1000).fetch(Source(url))
    assert (result.status, result.error) == ("failed", f"{url}: too large: more than 1000 bytes")
    assert fetcher(max_bytes=2000).fetch(Source(url)).content == b"x" * 2000


def test_requests_to_one_host_are_spaced_by_the_minimum_interval(server, fetcher,
                                                                  fake_time) -> None:
    for name in ("/a", "/b", "/c"):
        server.respond(name, 200, b"ok")
    fetch = fetcher(min_interval=2.0)
    for name in ("/a", "/b", "/c"):
        fetch.fetch(Source(server.url(name)))
    assert fake_time.sleeps == [2.0, 2.0]


def test_rate_limit_is_per_host(fake_time) -> None:
    limiter = HostRateLimiter(2.0, fake_time.clock, fake_time.sleep)
    limiter.wait("http://a.gov.cn/1")
    limiter.wait("https://b.gov.cn/1")
    fake_time.now += 0.5
    limiter.wait("http://A.gov.cn:8080/2")
    assert fake_time.sleeps == [1.5]


def test_connection_refused_fails_without_retry(fetcher) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/r.html"
    result = fetcher().fetch(Source(url))
    assert (result.status, result.http_status, result.attempts) == ("failed", None, 1)
    assert result.error.startswith(f"{url}: ConnectError: ")
    assert "\n" not in result.error


def test_provenance_names_file_from_content_disposition(server, fetcher) -> None:
    server.respond("/download?id=7", 200, b"%PDF-1.4", {
        "Content-Type": "application/pdf", "ETag": '"e7"',
        "Content-Disposition": "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf"})
    url = server.url("/download?id=7")
    assert fetcher().fetch(Source(url)).provenance() == {
        "url": url, "final_url": url, "original_name": "年报.pdf",
        "fetched_at": "2025-01-31T08:00:00Z", "http_status": 200,
        "content_type": "application/pdf", "etag": '"e7"', "last_modified": None}


def test_fetch_all_never_raises_for_one_bad_site(server, fetcher, monkeypatch) -> None:
    server.respond("/a", 200, b"a", {"ETag": '"a"'})
    server.respond("/c", 200, b"c")
    server.respond("/boom", 200, b"never")
    sources = [Source(server.url(path)) for path in ("/a", "/missing", "/boom", "/c")]
    fetch = fetcher()
    attempt = Fetcher._attempt

    def flaky(self, url, previous, attempts, deadline):
        if url.endswith("/boom"):
            raise RuntimeError("boom")
        return attempt(self, url, previous, attempts, deadline)

    monkeypatch.setattr(Fetcher, "_attempt", flaky)
    previous = {sources[0].url: FetchRecord(sources[0].url, "0" * 64, etag='"old"')}
    results = fetch.fetch_all(sources, previous)
    assert [(r.url, r.status) for r in results] == [
        (sources[0].url, "fetched"), (sources[1].url, "failed"),
        (sources[2].url, "failed"), (sources[3].url, "fetched")]
    assert results[2].error == f"{sources[2].url}: unexpected RuntimeError: boom"
    assert server.hits("/a")[0].headers["if-none-match"] == '"old"'


@pytest.mark.parametrize("url", ["http://127.0.0.1:1/a b", "http://[::1/"])
def test_malformed_url_fails_instead_of_raising(fetcher, url: str) -> None:
    result = fetcher().fetch(Source(url))
    assert result.status == "failed" and result.error.startswith(f"{url}: ")


def test_credentials_in_urls_are_redacted_in_results(server, fetcher) -> None:
    server.respond("/r.pdf?token=s3cret&year=2023", 200, b"%PDF-1.4")
    server.redirect("/old?sig=abc", server.url("/r.pdf?token=s3cret&year=2023"))
    port = server.url("").rsplit(":", 1)[1]
    url = f"http://user:pa55@127.0.0.1:{port}/old?sig=abc"
    result = fetcher().fetch(Source(url))
    assert (result.status, result.url, result.final_url) == (
        "fetched", f"http://REDACTED@127.0.0.1:{port}/old?sig=REDACTED",
        f"http://127.0.0.1:{port}/r.pdf?token=REDACTED&year=2023")
    assert server.hits("/old?sig=abc")[0].headers["authorization"]  # sent, never shown
    failed = fetcher().fetch(Source(f"http://user:pa55@127.0.0.1:{port}/none?api_key=k1"))
    assert failed.error == (f"http://REDACTED@127.0.0.1:{port}/none?api_key=REDACTED: "
                            "HTTP 404 Not Found")
    assert "pa55" not in repr(failed.provenance()) + repr(result.provenance())


@pytest.mark.parametrize(("disposition", "name"), [
    ('attachment; filename="../../etc/passwd"', "passwd"),
    ('attachment; filename="..\\\\..\\\\boot.ini"', "boot.ini"),
    ('attachment; filename=".."', "r.pdf"),  # nothing left: the URL's last segment
    ("attachment; filename*=UTF-8''%E5%B9%B4%0A%1B%5B31m%E6%8A%A5.pdf", "年[31m报.pdf"),
    ("attachment; filename*=UTF-8''" + quote("长" * 300) + ".pdf", "长" * 196 + ".pdf"),
])
def test_content_disposition_names_are_sanitised(server, fetcher, disposition: str,
                                                 name: str) -> None:
    server.respond("/r.pdf", 200, b"%PDF-1.4", {"Content-Disposition": disposition})
    assert fetcher().fetch(Source(server.url("/r.pdf"))).filename == name


def test_a_slow_drip_body_is_cut_off_at_the_deadline(server) -> None:
    def drip(handler) -> None:  # a byte every 50 ms, well within each read timeout
        handler.send_response(200)
        handler.send_header("Content-Length", "1000000")
        handler.end_headers()
        while not server.stopping.wait(0.05):
            handler.wfile.write(b"x")
            handler.wfile.flush()

    server.routes["/drip"] = drip
    with Fetcher(FetchSettings(timeout=5, deadline=1, retries=3, trust_env=False)) as fetch:
        result = fetch.fetch(Source(server.url("/drip")))
    assert (result.status, result.attempts) == ("failed", 1)
    assert result.error == (f"{server.url('/drip')}: deadline: not done after 1 s "
                            "(OGI_HTTP_DEADLINE)")


def test_hosts_are_fetched_at_once(server, fetcher) -> None:
    # /a answers only once /b has been asked for: fetched one after the other (as the
    # sources of one host are), /a would wait until its 5 s pass and say "alone".
    other = threading.Event()

    def wait_for_b(handler) -> None:
        server.send(handler, 200, b"together" if other.wait(5) else b"alone")

    def b(handler) -> None:
        other.set()
        server.send(handler, 200, b"b")

    server.routes["/a"], server.routes["/b"] = wait_for_b, b
    a_url, b_url = server.url("/a"), server.url("/b").replace("127.0.0.1", "localhost")
    results = fetcher(timeout=10).fetch_all([Source(a_url), Source(b_url)])
    assert [(r.url, r.content) for r in results] == [(a_url, b"together"), (b_url, b"b")]


def test_one_host_is_fetched_one_request_at_a_time(fake_time) -> None:
    limiter = HostRateLimiter(2.0, fake_time.clock, fake_time.sleep)
    threads = [threading.Thread(target=limiter.wait, args=("http://h.gov.cn/x",))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(limiter._last.values()) == [1004.0]  # three turns: now, +2, +4


def test_the_archive_and_the_inputs_keep_only_the_redacted_url(server, fetcher,
                                                               tmp_path: Path) -> None:
    body = server.file("/015.txt?key=k9", "015.txt", {"ETag": '"v1"'})
    url = server.url("/015.txt?key=k9")
    shown = server.url("/015.txt?key=REDACTED")
    archive = RawArchive(tmp_path)
    harvest(archive, [Source(url)], fetcher())
    assert [r["url"] for r in archive.provenance(hashlib.sha256(body).hexdigest())] == [shown]
    assert "k9" not in (tmp_path / "provenance.jsonl").read_text()
    assert [(i.source, i.url) for i in harvested_inputs(archive, [Source(url)])] == [
        (shown, shown)]
    harvest(archive, [Source(url)], fetcher())  # the next fetch is conditional
    assert server.hits("/015.txt?key=k9")[1].headers["if-none-match"] == '"v1"'
