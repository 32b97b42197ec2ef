"""A local stand-in for the Gegevensmagazijn's OData API, written from shared/spec/tk-open-data.md.

A real HTTP server (stdlib ``http.server`` in a thread on 127.0.0.1, port 0).
Each entity serves a list of pages; page ``n`` links to ``n+1`` with
``@odata.nextLink`` (``$skiptoken``), as the Kamer's API pages. Failures are
scripted per page: ``fail(entity, page, status, times, retry_after)``.
``Document(<Id>)/resource`` answers the bytes set in ``resources``.
Every request is recorded (path and decoded query) so tests can check what
was asked.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Failure:
    status: int
    times: int
    retry_after: str | None = None
    body: bytes = b'{"error": {"message": "fout"}}'


@dataclass
class Gegevensmagazijn:
    pages: dict[str, list[Any]] = field(default_factory=dict)  # entity → page bodies (dict, or raw bytes)
    resources: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # Document Id → (bytes, content type)
    failures: dict[tuple[str, int], Failure] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    base_url: str = ""

    def fail(self, entity: str, page: int, status: int, *, times: int = 1, retry_after: str | None = None) -> None:
        self.failures[(entity, page)] = Failure(status, times, retry_after)

    def queries(self, entity: str) -> list[dict[str, str]]:
        return [query for path, query in self.requests if path.endswith(f"/{entity}")]

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.requests.append((path, query))
        prefix = urllib.parse.urlparse(self.base_url).path
        name = path.removeprefix(prefix).strip("/")
        if name.startswith("Document(") and name.endswith(")/resource"):
            found = self.resources.get(name[len("Document("):-len(")/resource")])
            if found is None:
                return 404, {}, b""
            return 200, {"Content-Type": found[1]}, found[0]
        if name not in self.pages:
            return 404, {}, b'{"error": {"message": "onbekende entiteit"}}'
        page = int(query.get("$skiptoken", "0"))
        failure = self.failures.get((name, page))
        if failure is not None and failure.times > 0:
            failure.times -= 1
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            return failure.status, headers, failure.body
        body = self.pages[name][page]
        if isinstance(body, bytes):
            return 200, {"Content-Type": "application/json"}, body
        body = dict(body)
        if page + 1 < len(self.pages[name]):
            query = {**query, "$skiptoken": str(page + 1)}
            body["@odata.nextLink"] = f"{self.base_url}/{name}?{urllib.parse.urlencode(query)}"
        return 200, {"Content-Type": "application/json; odata.metadata=minimal"}, json.dumps(body).encode()


def serve(magazijn: Gegevensmagazijn) -> tuple[ThreadingHTTPServer, threading.Thread]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
            status, headers, body = magazijn.answer(parsed.path, query)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    magazijn.base_url = f"http://127.0.0.1:{server.server_address[1]}/OData/v4/2.0"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
