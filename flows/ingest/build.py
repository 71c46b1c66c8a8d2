"""One place that turns what a reader found into an Article: normalize, date, id.

Every reader produces RawArticle values (strings as found, plus where they were found); the
rules for missing text, dates and ids therefore hold the same for every input format.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from coding.records import Article
from flows.ingest.dates import parse_date
from flows.ingest.html_text import html_to_text, looks_like_html
from flows.ingest.ids import article_id
from flows.ingest.language import not_english_reason
from flows.ingest.limits import too_long_article
from flows.ingest.normalize import normalize_text, normalize_title
from flows.ingest.problems import IngestProblem

# Column / key names accepted for each Article field in JSONL and CSV input, first one canonical.
FIELD_NAMES: Mapping[str, tuple[str, ...]] = {
    "publisher_id": ("id", "article_id", "guid"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "date": ("date", "published_at", "published", "publish_date"),
    "source": ("source", "publisher"),
    "url": ("url", "link"),
}
# A publication date this far past the ingest time is wrong (a typo, a wrong field), not a time
# zone: event dates resolve against it, so it is replaced, with a note, rather than trusted.
FUTURE_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article's fields as a reader found them, before any cleaning."""

    origin: str  # file path or URL, for problems
    line: int  # where the article starts, 0 when not line-based
    publisher_id: str = ""
    title: str = ""
    text: str = ""
    date: str = ""
    source: str = ""
    url: str = ""
    date_line: int = 0  # line of the date itself, when it has its own (a .txt header)
    item: str = ""  # which record, when not line-based: "entry 3" of a feed
    # Used when the input gives no date at all (a .txt file's modification time); an input date
    # that cannot be parsed falls back to the ingest time instead, and is reported.
    default_date: datetime | None = None


def raw_from_mapping(values: Mapping[str, object], origin: str, line: int) -> RawArticle:
    """Pick the Article fields out of a JSON object or CSV row, by any accepted name."""

    def pick(field: str) -> str:
        for name in FIELD_NAMES[field]:
            value = values.get(name)
            if value is not None and str(value).strip():
                return str(value)
        return ""

    return RawArticle(
        origin=origin,
        line=line,
        publisher_id=pick("publisher_id"),
        title=pick("title"),
        text=pick("text"),
        date=pick("date"),
        source=pick("source"),
        url=pick("url"),
    )


def build_article(raw: RawArticle, ingested_at: datetime) -> Iterator[Article | IngestProblem]:
    """Yield the Article, preceded by any problem found on the way, or only a problem.

    Refused (one skipped problem, no article): no text, text over the size limit, text that is
    not English. Read with a note: HTML markup in the text (stripped), a missing, unparsable or
    future date (published_at falls back to the ingest time).
    """
    oversized = too_long_article(len(raw.text))
    if oversized:
        yield _problem(raw, raw.line, oversized)
        return
    body, title_raw = raw.text, raw.title
    if looks_like_html(body):
        body, title_raw = html_to_text(body), html_to_text(title_raw)
        yield _problem(raw, raw.line, "text is HTML markup; tags stripped", skipped=False)
    title = normalize_title(title_raw)
    text = drop_title_repeats(normalize_text(body), title)
    if not text:
        reason = "missing text (only a title)" if title else "missing text"
        yield _problem(raw, raw.line, reason)
        return
    foreign = not_english_reason(text)
    if foreign:
        yield _problem(raw, raw.line, foreign)
        return
    published_at, problem = resolve_date(raw, ingested_at)
    if problem:
        yield _problem(raw, raw.date_line or raw.line, problem, skipped=False)
    yield Article(
        article_id=article_id(raw.publisher_id, title, text),
        title=title,
        text=text,
        published_at=published_at,
        source=" ".join(raw.source.split()),
        url=raw.url.strip(),
        ingested_at=ingested_at,
    )


def _problem(raw: RawArticle, line: int, reason: str, skipped: bool = True) -> IngestProblem:
    return IngestProblem(raw.origin, line, f"{raw.item}: {reason}" if raw.item else reason, skipped)


def drop_title_repeats(text: str, title: str) -> str:
    """Scraped stories often repeat the headline as the first body line; the coder would code it
    twice."""
    if not title:
        return text
    key = title.casefold()
    return "\n\n".join(p for p in text.split("\n\n") if p.casefold() != key)


def resolve_date(raw: RawArticle, ingested_at: datetime) -> tuple[datetime, str]:
    """The publication date and, when a fallback was needed that the user should know about,
    why."""
    if raw.date.strip():
        parsed = parse_date(raw.date)
        if parsed is None:
            given = raw.date.strip()[:80]
            return ingested_at, f"unparsable date {given!r}; published_at set to ingest time"
        if parsed > ingested_at + FUTURE_TOLERANCE:
            reason = f"date {parsed:%Y-%m-%d} is in the future; published_at set to ingest time"
            return ingested_at, reason
        return parsed, ""
    if raw.default_date is not None:
        return raw.default_date, ""
    return ingested_at, "no date given; published_at set to ingest time"
