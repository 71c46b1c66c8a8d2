"""Size limits on input, so that one oversized record cannot exhaust memory or stall the parser.

A news article is a few thousand characters; the longest reports run to about 100,000. Anything
past spaCy's own default ceiling (nlp.max_length, 1,000,000 characters) is not an article but a
dump (a whole site, a concatenated archive, a log), and coding it as one article would give one
meaningless article row. Such a record is rejected with its size and the limit, never split:
splitting would invent article boundaries the user cannot check.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

MAX_ARTICLE_CHARS = 1_000_000  # spaCy's default nlp.max_length
# UTF-8 takes at most 4 bytes a character: a file or line past this cannot hold an article
# within MAX_ARTICLE_CHARS, so it is refused before it is read (or decoded) in full.
MAX_RECORD_BYTES = 4 * MAX_ARTICLE_CHARS
_SKIP_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class OversizedLine:
    size: int  # bytes in the whole line, newline included


def too_long_article(chars: int) -> str:
    """Why an article of `chars` characters is refused; "" when it is within the limit."""
    if chars <= MAX_ARTICLE_CHARS:
        return ""
    return (
        f"article of {chars:,} characters exceeds the limit of {MAX_ARTICLE_CHARS:,}; "
        "skipped (split it into one article per record)"
    )


def too_large_record(size: int) -> str:
    return (
        f"record of at least {size:,} bytes exceeds the limit of {MAX_RECORD_BYTES:,}; skipped "
        "without reading it (split it into one article per record)"
    )


def read_bounded(stream: io.BufferedReader) -> bytes | None:
    """The whole stream, or None when it is larger than MAX_RECORD_BYTES (read no further)."""
    data = stream.read(MAX_RECORD_BYTES + 1)
    return None if len(data) > MAX_RECORD_BYTES else data


def bounded_lines(
    stream: io.BufferedReader, limit: int = MAX_RECORD_BYTES
) -> Iterator[bytes | OversizedLine]:
    """Lines of a binary stream; a line longer than `limit` is read past in chunks and reported
    by its size only, so memory stays within about `limit` bytes whatever the file holds."""
    while data := stream.readline(limit + 1):
        if len(data) <= limit or data.endswith(b"\n"):
            yield data
            continue
        size = len(data)
        while chunk := stream.readline(_SKIP_CHUNK):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield OversizedLine(size)
