"""CSV: one article per row, columns id,title,text,date,source,url.

A first row made of known column names (see build.FIELD_NAMES) is a header and may name the
columns in any order or leave some out; without one, columns are taken in the default order.
Quoted fields may span lines; problems name the row's first line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from coding.records import Article
from flows.ingest.build import FIELD_NAMES, build_article, raw_from_mapping
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import text_lines

DEFAULT_COLUMNS = ("id", "title", "text", "date", "source", "url")
KNOWN_COLUMNS = frozenset(name for names in FIELD_NAMES.values() for name in names)


def read_csv(stream: io.BufferedReader, origin: Origin) -> Iterator[Article | IngestProblem]:
    nothing = True
    for item in _read_rows(stream, origin):
        nothing = False
        yield item
    if nothing:
        # A header alone, or only blank cells: a file with nothing to code says so.
        yield IngestProblem(origin.name, 0, "no rows to read")


def _read_rows(stream: io.BufferedReader, origin: Origin) -> Iterator[Article | IngestProblem]:
    problems: list[IngestProblem] = []

    def lines() -> Iterator[str]:
        # Decoding problems are held back and yielded with the row they belong to, in order.
        for item in text_lines(stream, origin.name):
            if isinstance(item, IngestProblem):
                problems.append(item)
            else:
                yield item.text

    rows = csv.reader(lines())
    columns: tuple[str, ...] | None = None
    row_start = 1
    try:
        for row in rows:
            yield from problems
            problems.clear()
            if any(cell.strip() for cell in row):
                if columns is None and _is_header(row):
                    columns = tuple(cell.strip().lower() for cell in row)
                else:
                    columns = columns or DEFAULT_COLUMNS
                    yield from _article(row, columns, origin, row_start)
            row_start = rows.line_num + 1
    except csv.Error as error:
        reason = f"malformed CSV: {error}; rest of file skipped"
        yield IngestProblem(origin.name, rows.line_num, reason)
    yield from problems


def _is_header(row: list[str]) -> bool:
    names = {cell.strip().lower() for cell in row}
    return names <= KNOWN_COLUMNS and bool(names & set(FIELD_NAMES["text"]))


def _article(
    row: list[str], columns: tuple[str, ...], origin: Origin, line: int
) -> Iterator[Article | IngestProblem]:
    if len(row) > len(columns):
        reason = f"{len(row)} columns, expected at most {len(columns)}; row skipped"
        yield IngestProblem(origin.name, line, reason)
        return
    values = dict(zip(columns, row, strict=False))
    yield from build_article(raw_from_mapping(values, origin.name, line), origin.ingested_at)
