"""Shared helpers for the ingest tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from io import BufferedReader
from pathlib import Path

from coding.records import Article
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

Reader = Callable[[BufferedReader, Origin], Iterator[Article | IngestProblem]]


def read(reader: Reader, path: Path) -> list[Article | IngestProblem]:
    """Run one reader on a file, as read_inputs would, with the ingest time fixed to NOW."""
    with path.open("rb") as stream:
        return list(reader(stream, Origin.of_file(path, NOW)))


def split(items: Iterable[Article | IngestProblem]) -> tuple[list[Article], list[IngestProblem]]:
    """Articles and problems from a reader, each list in the order they came."""
    articles: list[Article] = []
    problems: list[IngestProblem] = []
    for item in items:
        (problems if isinstance(item, IngestProblem) else articles).append(item)
    return articles, problems
