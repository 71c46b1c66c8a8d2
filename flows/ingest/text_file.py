"""Plain-text stories: the first non-empty line is the title, then optional header lines.

    Russian forces shell Kharkiv
    Date: 2026-11-20T08:30:00Z
    Source: Example Wire
    URL: https://example.org/story

    Russian forces shelled the Ukrainian city of Kharkiv on Tuesday ...

Headers (Date, Source, URL, ID; any case) follow the title, blank lines between allowed; the
body starts at the first line that is not a header. Without a Date header the file's
modification time is the publication date.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime

from coding.records import Article
from flows.ingest.build import RawArticle, build_article
from flows.ingest.limits import MAX_RECORD_BYTES, read_bounded, too_large_record
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import whole_text

HEADER = re.compile(r"(date|source|url|id)\s*:\s*(.*)", re.IGNORECASE)
HEADER_FIELDS = {"date": "date", "source": "source", "url": "url", "id": "publisher_id"}


def read_text(stream: io.BufferedReader, origin: Origin) -> Iterator[Article | IngestProblem]:
    """One story from a text file (or a text/plain response)."""
    data = read_bounded(stream)
    if data is None:
        yield IngestProblem(origin.name, 0, too_large_record(MAX_RECORD_BYTES + 1))
        return
    text, problems = whole_text(data, origin.name)
    yield from problems
    if text is None:
        return
    if not text.strip():  # only a byte-order mark or invisible characters
        yield IngestProblem(origin.name, 0, "empty file")
        return
    yield from build_article(parse_story(text, origin.name, origin.modified), origin.ingested_at)


def parse_story(text: str, origin: str, default_date: datetime | None) -> RawArticle:
    """Split a decoded text file into title, headers and body."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip())
    headers: dict[str, str] = {}
    date_line = 0
    body_start = start + 1
    for i in range(start + 1, len(lines)):
        line = lines[i].strip()
        match = HEADER.fullmatch(line)
        if line and not match:
            break
        body_start = i + 1
        if match:
            field = HEADER_FIELDS[match.group(1).lower()]
            headers[field] = match.group(2)
            date_line = i + 1 if field == "date" else date_line
    return RawArticle(
        origin=origin,
        line=start + 1,
        title=lines[start],
        text="\n".join(lines[body_start:]),
        publisher_id=headers.get("publisher_id", ""),
        date=headers.get("date", ""),
        source=headers.get("source", ""),
        url=headers.get("url", ""),
        date_line=date_line,
        default_date=default_date,
    )
