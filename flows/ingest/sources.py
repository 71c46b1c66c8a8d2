"""read_inputs: every path or URL the user gives, streamed out as Articles and problems."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from coding.records import Article
from flows.ingest.csv_file import read_csv_file
from flows.ingest.jsonl_file import read_jsonl_file
from flows.ingest.problems import IngestProblem
from flows.ingest.text_file import read_text_file

logger = logging.getLogger(__name__)

Reader = Callable[[Path, datetime], Iterator[Article | IngestProblem]]
READERS: Mapping[str, Reader] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
}


def read_inputs(
    paths: Sequence[str | Path], *, now: datetime | None = None
) -> Iterator[Article | IngestProblem]:
    """Read folders (recursively, in name order), files and URLs one article at a time.

    Nothing here raises on bad input: each problem is yielded where it occurs and reading goes
    on. `now` is the ingest time stamped on every article (default: the current time, UTC).
    """
    ingested_at = now or datetime.now(UTC)
    for given in paths:
        for item in _read_one(given, ingested_at):
            if isinstance(item, IngestProblem):
                logger.debug("%s", item)
            yield item


def _read_one(given: str | Path, ingested_at: datetime) -> Iterator[Article | IngestProblem]:
    path = Path(given)
    if not path.exists():
        yield IngestProblem(str(given), 0, "no such file or directory")
    elif path.is_dir():
        for file in walk_files(path):
            yield from read_file(file, ingested_at)
    else:
        yield from read_file(path, ingested_at)


def walk_files(folder: Path) -> Iterator[Path]:
    """Files under folder, sorted, skipping hidden files and folders (.git, .DS_Store...)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_file(path: Path, ingested_at: datetime) -> Iterator[Article | IngestProblem]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield IngestProblem(str(path), 0, f"unsupported file type {path.suffix or '(none)'!r}")
        return
    try:
        yield from reader(path, ingested_at)
    except OSError as error:
        yield IngestProblem(str(path), 0, f"cannot read file: {error.strerror or error}")
