"""RSS and Atom feeds (feedparser): one article per entry, the feed's title as the source."""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser

from coding.records import Article
from flows.ingest.build import RawArticle, build_article
from flows.ingest.html_text import html_to_text
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import unusable_reason


def read_feed(stream: io.BufferedReader, origin: Origin) -> Iterator[Article | IngestProblem]:
    data = stream.read()
    unusable = unusable_reason(data)
    if unusable:
        yield IngestProblem(origin.name, 0, unusable)
        return
    # A file-like object, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data))
    if parsed.bozo and not parsed.entries:
        error = parsed.bozo_exception
        line = (error.getLineNumber() or 0) if isinstance(error, SAXParseException) else 0
        message = error.getMessage() if isinstance(error, SAXParseException) else str(error)
        yield IngestProblem(origin.name, line, f"not a readable feed: {message}")
        return
    if parsed.bozo:
        reason = f"feed is not well-formed ({parsed.bozo_exception}); its entries were read anyway"
        yield IngestProblem(origin.name, 0, reason, skipped=False)
    source = parsed.feed.get("title", "")
    for number, entry in enumerate(parsed.entries, start=1):
        raw = RawArticle(
            origin=origin.name,
            line=0,
            item=f"entry {number}",
            publisher_id=entry.get("id", ""),
            title=html_to_text(entry.get("title", "")),
            text=html_to_text(_body(entry)),
            date=_date(entry),
            source=source,
            url=entry.get("link", ""),
        )
        yield from build_article(raw, origin.ingested_at)


def _body(entry: Any) -> str:
    """The fullest text an entry has: its content, else its summary."""
    contents = entry.get("content") or []
    longest = max((c.get("value", "") for c in contents), key=len, default="")
    return longest or entry.get("summary", "")


def _date(entry: Any) -> str:
    """feedparser's UTC reading of the entry date when it has one, else the raw string (which
    then fails to parse and is reported)."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return entry.get("published") or entry.get("updated") or ""
