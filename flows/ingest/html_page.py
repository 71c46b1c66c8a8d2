"""HTML news pages: trafilatura finds the main text, title, date and site name."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import trafilatura

from coding.records import Article
from flows.ingest.build import RawArticle, build_article
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import unusable_reason

# Below this, what trafilatura found is a menu or a caption rather than a story ("Home").
MIN_MAIN_TEXT_CHARS = 80


def read_html(stream: io.BufferedReader, origin: Origin) -> Iterator[Article | IngestProblem]:
    data = stream.read()
    unusable = unusable_reason(data)
    if unusable:
        yield IngestProblem(origin.name, 0, unusable)
        return
    is_url = origin.name.startswith(("http://", "https://"))
    extracted = trafilatura.extract(
        data,
        url=origin.name if is_url else None,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    page = json.loads(extracted) if extracted else {}
    main_text = (page.get("text") or "").strip()
    if len(main_text) < MIN_MAIN_TEXT_CHARS:
        yield IngestProblem(origin.name, 0, "no main text found in the HTML page")
        return
    raw = RawArticle(
        origin=origin.name,
        line=0,
        title=page.get("title") or "",
        # trafilatura puts one paragraph per line; the Article keeps them apart with blank lines.
        text="\n\n".join(main_text.splitlines()),
        date=page.get("date") or "",
        source=page.get("source-hostname") or page.get("hostname") or "",
        url=page.get("url") or (origin.name if is_url else ""),
        default_date=origin.modified,
    )
    yield from build_article(raw, origin.ingested_at)
