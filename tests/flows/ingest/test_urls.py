"""URL inputs against a local http.server on 127.0.0.1 started by the test: no other network."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.ingest import read_inputs
from flows.ingest.fetch import FetchError, FetchSettings, fetch

from .helpers import NOW, split
from .pages import ARTICLE_HTML, RSS

FAST = FetchSettings(timeout=2.0, attempts=3, backoff=0.0)
STORY = "Germany pledges aid\nDate: 2026-04-02\n\nGermany pledged aid to Ukraine.\n"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.hits[self.path] = self.server.hits.get(self.path, 0) + 1
        hits = self.server.hits[self.path]
        if self.path == "/story.html":
            self._send(200, "text/html; charset=utf-8", ARTICLE_HTML.encode())
        elif self.path == "/feed":
            self._send(200, "application/rss+xml", RSS.encode())
        elif self.path == "/story.txt" or (self.path == "/flaky" and hits > 1):
            self._send(200, "text/plain; charset=utf-8", STORY.encode())
        elif self.path in ("/flaky", "/down"):
            self._send(503, "text/plain", b"busy")
        elif self.path == "/slow":
            time.sleep(0.5)
            self._send(200, "text/plain", STORY.encode())
        elif self.path == "/blob":
            self._send(200, "application/octet-stream", b"\x00\x01\x02")
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hits: dict[str, int]


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.hits = {}
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _url(server: _Server, path: str) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}{path}"


def test_url_html_page_is_fetched_and_extracted(server: _Server) -> None:
    url = _url(server, "/story.html")
    articles, problems = split(read_inputs([url], now=NOW, fetch_settings=FAST))
    assert problems == []
    [article] = articles
    assert (article.title, article.url, article.source) == (
        "Kenya and Somalia sign border deal",
        url,
        "Example News",
    )


def test_url_feed_is_read_by_media_type(server: _Server) -> None:
    articles, problems = split(read_inputs([_url(server, "/feed")], now=NOW, fetch_settings=FAST))
    assert problems == []
    assert [(a.article_id, a.source) for a in articles] == [("served-1", "Served Wire")]


def test_url_transient_failure_is_retried_until_it_succeeds(server: _Server) -> None:
    url = _url(server, "/flaky")
    articles, problems = split(read_inputs([url], now=NOW, fetch_settings=FAST))
    assert problems == []
    assert [a.title for a in articles] == ["Germany pledges aid"]
    assert server.hits["/flaky"] == 2


def test_url_that_keeps_failing_is_one_problem_after_all_attempts(server: _Server) -> None:
    url = _url(server, "/down")
    articles, problems = split(read_inputs([url], now=NOW, fetch_settings=FAST))
    assert articles == []
    assert [(p.source, p.reason) for p in problems] == [
        (url, "fetch failed after 3 attempts: HTTP 503")
    ]
    assert server.hits["/down"] == 3


def test_url_not_found_is_not_retried(server: _Server) -> None:
    url = _url(server, "/gone")
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetch(url, FAST)
    assert server.hits["/gone"] == 1


def test_url_slower_than_the_timeout_fails_with_a_timeout(server: _Server) -> None:
    settings = FetchSettings(timeout=0.1, attempts=2, backoff=0.0)
    _, problems = split(read_inputs([_url(server, "/slow")], now=NOW, fetch_settings=settings))
    assert len(problems) == 1
    assert problems[0].reason.startswith("fetch failed after 2 attempts:")
    assert "timed out" in problems[0].reason


def test_url_with_unsupported_content_type_is_one_problem(server: _Server) -> None:
    url = _url(server, "/blob")
    articles, problems = split(read_inputs([url], now=NOW, fetch_settings=FAST))
    assert articles == []
    assert [(p.source, p.reason) for p in problems] == [
        (url, "unsupported content type 'application/octet-stream'")
    ]


def test_url_and_folder_inputs_mix_in_one_call(server: _Server, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Local\nDate: 2026-01-01\n\nLocal text.\n", "utf-8")
    items = read_inputs([tmp_path, _url(server, "/story.txt")], now=NOW, fetch_settings=FAST)
    articles, problems = split(items)
    assert problems == []
    assert [a.title for a in articles] == ["Local", "Germany pledges aid"]
