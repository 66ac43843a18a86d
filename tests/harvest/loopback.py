"""A loopback HTTP server for the harvest tests: `http.server.ThreadingHTTPServer` on
127.0.0.1 (port 0) in a background thread. A test adds routes (a path and what to answer)
and reads back every request the server saw. Nothing here talks to any other host."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "harvest"
NOW = datetime(2025, 1, 31, 8, 0, 0, tzinfo=UTC)

Answer = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Seen:
    """A request the server received; header names are lowercase."""

    path: str
    headers: dict[str, str]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"",
         headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if status != 304:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class LoopbackServer:
    """Routes are exact paths; an unknown path answers 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.seen: list[Seen] = []
        self.stopping = threading.Event()  # releases slow answers at shutdown
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                owner.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                owner.routes.get(self.path, lambda h: send(h, 404, b"not found"))(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # clients that timed out hang up on slow answers: expected here

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{path}"

    def hits(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    # What a route answers.

    send = staticmethod(send)  # for routes written in a test

    @staticmethod
    def answer(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Answer:
        return lambda handler: send(handler, status, body, headers)

    def respond(self, path: str, status: int, body: bytes = b"",
                headers: dict[str, str] | None = None) -> None:
        self.routes[path] = self.answer(status, body, headers)

    def file(self, path: str, name: str, headers: dict[str, str] | None = None) -> bytes:
        """Serve a fixture file; returns its bytes."""
        body = (FIXTURES / name).read_bytes()
        self.respond(path, 200, body, {"Content-Type": "text/plain; charset=utf-8",
                                       **(headers or {})})
        return body

    def sequence(self, path: str, answers: list[Answer]) -> None:
        """The n-th request gets answers[n]; later ones get the last answer."""
        def answer(handler: BaseHTTPRequestHandler) -> None:
            answers[min(len(self.hits(path)) - 1, len(answers) - 1)](handler)
        self.routes[path] = answer

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.respond(path, status, b"", {"Location": to})

    def slow(self, path: str, seconds: float) -> None:
        def answer(handler: BaseHTTPRequestHandler) -> None:
            self.stopping.wait(seconds)
            send(handler, 200, b"late")
        self.routes[path] = answer

    def chunked(self, path: str, chunks: list[bytes]) -> None:
        """A body without Content-Length, in chunked transfer encoding."""
        def answer(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            for chunk in [*chunks, b""]:
                handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        self.routes[path] = answer


