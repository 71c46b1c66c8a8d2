"""Stable article ids.

Decision: a publisher's id is kept verbatim (only trimmed). Researchers join coded events back
to their own tables by that id, and the ids that matter in practice (PETRARCH/GigaWord sentence
ids, feed GUIDs, URLs) are already unique across sources; prefixing them would silently break
such joins. Without a publisher id, the id is the first 16 hex digits of the SHA-256 of the
normalized title and text, so re-ingesting the same story (even re-wrapped or with different
spacing) yields the same id.
"""

from __future__ import annotations

import hashlib

from flows.ingest.normalize import normalize_text, normalize_title

HASH_HEX_DIGITS = 16


def content_id(title: str, text: str) -> str:
    """Hash of the normalized title and text; whitespace and entity differences do not matter."""
    return normalized_content_id(normalize_title(title), normalize_text(text))


def normalized_content_id(title: str, text: str) -> str:
    """content_id for a title and text that are already normalized (an Article's)."""
    canonical = title + "\n\n" + text
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_HEX_DIGITS]


def article_id(publisher_id: str, title: str, text: str) -> str:
    """The publisher's id when there is one, else the content hash."""
    given = publisher_id.strip()
    return given if given else content_id(title, text)
