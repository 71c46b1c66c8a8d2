"""read_inputs: every path or URL the user gives, streamed out as Articles and problems."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from coding.records import Article
from flows.ingest.csv_file import read_csv
from flows.ingest.dedupe import IdRegistry
from flows.ingest.feed import read_feed
from flows.ingest.fetch import DEFAULT_FETCH_SETTINGS, FetchError, FetchSettings, fetch
from flows.ingest.html_page import read_html
from flows.ingest.jsonl_file import read_jsonl
from flows.ingest.kinds import kind_of
from flows.ingest.origin import Origin
from flows.ingest.petrarch_xml import read_petrarch_xml
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import SNIFF_BYTES
from flows.ingest.text_file import read_text

logger = logging.getLogger(__name__)

Reader = Callable[[io.BufferedReader, Origin], Iterator[Article | IngestProblem]]
READERS: Mapping[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "feed": read_feed,
    "html": read_html,
    "petrarch": read_petrarch_xml,
}
URL_SCHEMES = ("http://", "https://")


def read_inputs(
    paths: Sequence[str | Path],
    *,
    now: datetime | None = None,
    fetch_settings: FetchSettings = DEFAULT_FETCH_SETTINGS,
) -> Iterator[Article | IngestProblem]:
    """Read folders (recursively, in name order), files and http(s) URLs one article at a time.

    Nothing here raises on bad input: each problem is yielded where it occurs and reading goes
    on. `now` is the ingest time stamped on every article (default: the current time, UTC).
    """
    ingested_at = now or datetime.now(UTC)
    ids = IdRegistry()
    for given in paths:
        if isinstance(given, str) and given.startswith(URL_SCHEMES):
            items = ids.admit(read_url(given, ingested_at, fetch_settings), given)
        else:
            items = read_path(Path(given), ingested_at, ids)
        for item in items:
            if isinstance(item, IngestProblem):
                logger.debug("%s", item)
            yield item


def read_path(
    path: Path, ingested_at: datetime, ids: IdRegistry
) -> Iterator[Article | IngestProblem]:
    if not path.exists():
        yield IngestProblem(str(path), 0, "no such file or directory")
        return
    for file in walk_files(path) if path.is_dir() else [path]:
        yield from ids.admit(read_file(file, ingested_at), str(file))


def walk_files(folder: Path) -> Iterator[Path]:
    """Files under folder, sorted, skipping hidden files and folders (.git, .DS_Store...)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_file(path: Path, ingested_at: datetime) -> Iterator[Article | IngestProblem]:
    try:
        with path.open("rb") as stream:
            kind = kind_of(path.name, stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
            if kind is None:
                yield IngestProblem(str(path), 0, _unsupported(path.suffix))
                return
            yield from READERS[kind](stream, Origin.of_file(path, ingested_at))
    except OSError as error:
        yield IngestProblem(str(path), 0, f"cannot read file: {error.strerror or error}")


def read_url(
    url: str, ingested_at: datetime, settings: FetchSettings
) -> Iterator[Article | IngestProblem]:
    try:
        fetched = fetch(url, settings)
    except FetchError as error:
        yield IngestProblem(url, 0, str(error))
        return
    kind = kind_of(fetched.url, fetched.content[:SNIFF_BYTES], fetched.content_type)
    if kind is None:
        media_type = fetched.content_type or "(none)"
        yield IngestProblem(url, 0, f"unsupported content type {media_type!r}")
        return
    stream: io.BufferedReader = io.BufferedReader(io.BytesIO(fetched.content))
    yield from READERS[kind](stream, Origin(url, ingested_at))


def _unsupported(suffix: str) -> str:
    if suffix.lower() == ".xml":
        return "XML file is neither an RSS/Atom feed nor PETRARCH <Sentences>"
    return f"unsupported file type {suffix or '(none)'!r}"
