"""Discovery speed on loopback: pages a second, and the time to walk a 5,000-entry listing.

A generated TRS/WCM-style site on 127.0.0.1 (ThreadingHTTPServer in this process): a
listing of ENTRIES entries, PER_PAGE a page, paginated by `createPageHTML` (index.html,
index_1.html ...); each entry a report page of ~1.5 KB of text, every fifth one a page
wrapping a PDF attachment. Every document answers with an ETag and 304 to a match.
Measured, with the per-host interval at 0 (a real site is walked at OGI_HTTP_MIN_INTERVAL,
2 s: 0.5 pages a second):
1. the first walk: every listing page, report page and attachment fetched and archived
   (an fsync per object, as in production);
2. the second walk, nothing changed: the first listing page and the first report answer
   304, and the walk stops;
3. a listing-only walk: the same listing with titles that are no reports (nothing
   followed): listing pages a second.

    uv run python bench/bench_discover.py [--entries 5000] [--per-page 20]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.archive import RawArchive  # noqa: E402
from pipelines.harvest.discover import discover_site  # noqa: E402
from pipelines.harvest.fetch import Fetcher, FetchSettings  # noqa: E402
from pipelines.harvest.sources import Source  # noqa: E402

TEXT = ("一、总体情况。本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。"
        * 12)


class Site:
    """The generated site: documents made from the path, answered conditionally."""

    def __init__(self, entries: int, per_page: int, reports: bool) -> None:
        self.entries, self.per_page, self.reports = entries, per_page, reports
        self.pages = -(-entries // per_page)
        self.requests = 0
        self._lock = threading.Lock()

    def document(self, path: str) -> tuple[bytes, str] | None:
        if path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n", "text/plain"
        if found := re.fullmatch(r"/ndbg/index(?:_(\d+))?\.html", path):
            return self._listing(int(found.group(1) or 0)), "text/html; charset=utf-8"
        if found := re.fullmatch(r"/ndbg/t(\d+)\.html", path):
            number = int(found.group(1))
            if number % 5 == 0:
                body = f'<div class="TRS_Editor">附件：<a href="P{number}.pdf">报告.pdf</a></div>'
            else:
                body = f'<div class="TRS_Editor"><p>{TEXT}</p></div>'
            return f"<html><body>{body}</body></html>".encode(), "text/html; charset=utf-8"
        if found := re.fullmatch(r"/ndbg/P(\d+)\.pdf", path):
            return b"%PDF-1.4\n" + found.group(1).encode() * 2000 + b"\n%%EOF", "application/pdf"
        return None

    def _listing(self, page: int) -> bytes:
        first = page * self.per_page
        kind = "政府信息公开工作年度报告" if self.reports else "工作动态通知"
        # Newest first, as CMS columns list (years falling down the listing, 2024 to 2019):
        # a listing whose years rise is walked to its end (pipelines/harvest/order.py).
        items = "".join(f'<li><a href="t{n}.html" title="第{n}单位{self._year(n)}年{kind}">'
                        f"第{n}单位...</a></li>"
                        for n in range(first, min(first + self.per_page, self.entries)))
        return (f'<html><body><ul>{items}</ul><script>createPageHTML({self.pages}, {page}, '
                f'"index", "html");</script></body></html>').encode()

    def _year(self, n: int) -> int:
        return 2024 - n * 6 // self.entries

    def serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body in separate writes: else a
            # 40 ms delayed-ACK stall a response, which is what it would measure

            def do_GET(self) -> None:
                with site._lock:
                    site.requests += 1
                found = site.document(self.path)
                if found is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, kind = found
                etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
                status = 304 if self.headers.get("If-None-Match") == etag else 200
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
                self.end_headers()
                if status == 200:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        return server


def _walk(site: Site, server: ThreadingHTTPServer,
          archive: RawArchive) -> tuple[float, int, dict]:
    url = f"http://127.0.0.1:{server.server_address[1]}/ndbg/index.html"
    settings = FetchSettings(min_interval=0.0, retries=0, trust_env=False)
    before = site.requests
    start, cpu = time.perf_counter(), time.process_time()
    with Fetcher(settings) as fetcher:
        run = discover_site([Source(url, kind="listing")], archive, fetcher,
                            max_pages=site.pages + 1)
    seconds = time.perf_counter() - start
    requests = site.requests - before
    # CPU of the whole process (client and server threads): what the machine's load and
    # the disk's fsync latency do not inflate.
    return seconds, requests, run.counts() | {
        "cpu_ms_per_request": round((time.process_time() - cpu) * 1000 / max(requests, 1), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--per-page", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Site(args.entries, args.per_page, reports=True)
        server = site.serve()
        archive = RawArchive(Path(tmp) / "archive")
        seconds, requests, counts = _walk(site, server, archive)
        print(f"first walk: {args.entries} entries on {site.pages} listing pages: "
              f"{seconds:.1f} s, {requests} requests, {requests / seconds:.0f} pages/s; "
              f"{counts}")
        seconds, requests, counts = _walk(site, server, archive)
        print(f"second walk, nothing changed: {seconds * 1000:.0f} ms, {requests} requests; "
              f"{counts}")
        server.shutdown()
        listing_only = Site(args.entries, args.per_page, reports=False)
        server = listing_only.serve()
        seconds, requests, counts = _walk(listing_only, server,
                                          RawArchive(Path(tmp) / "archive2"))
        print(f"listing only ({args.entries} entries, none a report): {seconds:.2f} s, "
              f"{requests} requests, {requests / seconds:.0f} listing pages/s")
        server.shutdown()


if __name__ == "__main__":
    main()
