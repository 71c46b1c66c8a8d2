"""Shared helpers for the ingest tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from coding.records import Article
from flows.ingest.problems import IngestProblem

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def split(items: Iterable[Article | IngestProblem]) -> tuple[list[Article], list[IngestProblem]]:
    """Articles and problems from a reader, each list in the order they came."""
    articles: list[Article] = []
    problems: list[IngestProblem] = []
    for item in items:
        (problems if isinstance(item, IngestProblem) else articles).append(item)
    return articles, problems
