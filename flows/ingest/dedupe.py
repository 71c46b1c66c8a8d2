"""One article per id within a run, since the warehouse keys articles by id.

A second article with an id already seen and the same content is a duplicate and is skipped; one
with different content (publishers do reuse ids) is kept under the id plus a short hash of its
content, so nothing is lost and re-running on the same input gives the same ids. Only ids and
16-digit hashes are remembered, never texts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from coding.records import Article
from flows.ingest.ids import normalized_content_id
from flows.ingest.problems import IngestProblem

RENAME_HEX_DIGITS = 8


class IdRegistry:
    """The ids seen so far in one read_inputs call; one instance per call, never shared."""

    def __init__(self) -> None:
        self._content_by_id: dict[str, str] = {}

    def admit(
        self, items: Iterator[Article | IngestProblem], origin: str
    ) -> Iterator[Article | IngestProblem]:
        for item in items:
            if isinstance(item, IngestProblem):
                yield item
            else:
                yield from self._admit_article(item, origin)

    def _admit_article(self, article: Article, origin: str) -> Iterator[Article | IngestProblem]:
        digest = normalized_content_id(article.title, article.text)
        seen = self._content_by_id.get(article.article_id)
        if seen is None:
            self._content_by_id[article.article_id] = digest
            yield article
            return
        if seen == digest:
            reason = f"article {article.article_id!r} already read in this run; skipped"
            yield IngestProblem(origin, 0, reason)
            return
        new_id = f"{article.article_id}~{digest[:RENAME_HEX_DIGITS]}"
        reason = f"id {article.article_id!r} already used by another article; kept as {new_id!r}"
        yield IngestProblem(origin, 0, reason, skipped=False)
        yield from self._admit_article(dataclasses.replace(article, article_id=new_id), origin)
