"""JSON Lines: one article per line, {"id","title","text","date","source","url"}.

Read line by line; a line that is not a JSON object is one problem and the rest continues.
Alternative key names are listed in build.FIELD_NAMES.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import datetime

from coding.records import Article
from flows.ingest.build import build_article, raw_from_mapping
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import Line, text_lines


def read_jsonl(stream: io.BufferedReader, origin: Origin) -> Iterator[Article | IngestProblem]:
    for item in text_lines(stream, origin.name):
        if isinstance(item, IngestProblem):
            yield item
        elif item.text.strip():
            yield from _article(item, origin.name, origin.ingested_at)


def _article(line: Line, origin: str, ingested_at: datetime) -> Iterator[Article | IngestProblem]:
    try:
        record = json.loads(line.text.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        reason = f"invalid JSON: {error.msg} (column {error.colno})"
        yield IngestProblem(origin, line.number, reason)
        return
    if not isinstance(record, dict):
        kind = type(record).__name__
        yield IngestProblem(origin, line.number, f"expected a JSON object, found {kind}")
        return
    yield from build_article(raw_from_mapping(record, origin, line.number), ingested_at)
