"""Which reader a file or response needs: by name, then by media type, then by its first bytes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import urlsplit

KIND_BY_SUFFIX: Mapping[str, str] = {
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".html": "html",
    ".htm": "html",
    ".xml": "xml",
}
KIND_BY_MEDIA_TYPE: Mapping[str, str] = {
    "text/plain": "text",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "text/csv": "csv",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/xml": "xml",
    "text/xml": "xml",
}
FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")
PETRARCH_ROOT = re.compile(rb"<Sentences?\b")
HTML_ROOT = re.compile(rb"<(?:!doctype html|html)\b", re.IGNORECASE)


def kind_of(name: str, head: bytes, media_type: str = "") -> str | None:
    """"text", "jsonl", "csv", "feed", "html" or "petrarch"; None when nothing says which.

    `name` is a path or URL, `head` the first few KiB. XML (by name or media type) is a feed or
    PETRARCH input depending on its root element.
    """
    suffix = PurePosixPath(urlsplit(name).path if "://" in name else name).suffix.lower()
    kind = KIND_BY_SUFFIX.get(suffix) or KIND_BY_MEDIA_TYPE.get(media_type)
    if kind is None and "://" in name:
        kind = "xml" if head.lstrip().startswith(b"<?xml") else None
        kind = "html" if HTML_ROOT.search(head) else kind
    if kind == "xml":
        if FEED_ROOT.search(head):
            return "feed"
        if PETRARCH_ROOT.search(head):
            return "petrarch"
        return None
    return kind
