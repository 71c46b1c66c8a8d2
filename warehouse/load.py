"""Load one validated batch into the warehouse in a single transaction.

A batch is the complete, current coding of its articles: their old sentences, events and
quarantined rows are deleted first (a new dictionary may yield different event ids), then the
batch is inserted. Loading the same batch twice therefore leaves the same rows, and a failure
anywhere leaves the database as it was before the batch.

Every row of a batch must belong to one of the batch's articles (a ValueError otherwise), so every
stored row has its article in `articles`: when none of the batch's articles is stored yet, the
common case of a daily run, there is nothing to delete and the three DELETE scans are skipped.

Only articles need INSERT OR REPLACE (an article's row is kept, not deleted, between codings).
Sentences and events are keyed by their article (an event id hashes the article id), so once the
article's old rows are gone a plain INSERT cannot conflict with another article's rows; it is
about twice as fast as INSERT OR REPLACE, and a batch that repeats a key is refused (rolled back)
instead of silently keeping one of the two rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from warehouse.arrow import ARTICLES_SCHEMA, EVENTS_SCHEMA, QUARANTINE_SCHEMA, SENTENCES_SCHEMA
from warehouse.db import database_file
from warehouse.errors import WarehouseError

logger = logging.getLogger(__name__)

# Names under which the batch's Arrow tables are visible to SQL while loading.
_ARTICLES = "cameoflow_batch_articles"
_SENTENCES = "cameoflow_batch_sentences"
_EVENTS = "cameoflow_batch_events"
_QUARANTINE = "cameoflow_batch_quarantine"

_ORPHANS = f"""
    SELECT DISTINCT article_id FROM (
        SELECT article_id FROM {_SENTENCES}
        UNION ALL SELECT article_id FROM {_EVENTS}
        UNION ALL SELECT article_id FROM {_QUARANTINE}
    ) WHERE article_id NOT IN (SELECT article_id FROM {_ARTICLES})
    ORDER BY article_id LIMIT 5
"""
_BATCH_ARTICLES_STORED = f"""
    SELECT count(*) FROM articles WHERE article_id IN (SELECT article_id FROM {_ARTICLES})
"""


@dataclass(frozen=True, slots=True)
class LoadCounts:
    articles: int
    sentences: int
    events: int
    quarantined: int
    events_replaced: int  # earlier events of these articles that the batch replaced


def load_batch(
    con: duckdb.DuckDBPyConnection,
    articles: pa.Table,
    sentences: pa.Table,
    events: pa.Table,
    quarantine: pa.Table,
    inside_transaction: Callable[[], None] | None = None,
) -> LoadCounts:
    """Replace the batch's articles with their new sentences, events and quarantined rows.

    `inside_transaction` is called after the articles are written and before their sentences
    and events: the fault tests kill the process there to prove the batch is all or nothing."""
    batch = {
        _ARTICLES: _conform(articles, ARTICLES_SCHEMA, "articles"),
        _SENTENCES: _conform(sentences, SENTENCES_SCHEMA, "sentences"),
        _EVENTS: _conform(events, EVENTS_SCHEMA, "events"),
        _QUARANTINE: _conform(quarantine, QUARANTINE_SCHEMA, "quarantine"),
    }
    with _registered(con, batch):
        _refuse_orphans(con)
        with _transaction(con):
            replaced = _delete_previous(con)
            _insert_articles(con)
            if inside_transaction is not None:
                inside_transaction()
            _insert_sentences(con)
            _insert_events(con)
            _insert_quarantine(con)
    counts = LoadCounts(
        articles=articles.num_rows,
        sentences=sentences.num_rows,
        events=events.num_rows,
        quarantined=quarantine.num_rows,
        events_replaced=replaced,
    )
    logger.info("loaded %s into %s", counts, database_file(con))
    return counts


def _conform(table: pa.Table, schema: pa.Schema, name: str) -> pa.Table:
    missing = set(schema.names) - set(table.schema.names)
    if missing:
        raise ValueError(f"{name} batch lacks columns {sorted(missing)}")
    return table.select(schema.names).cast(schema)


def _refuse_orphans(con: duckdb.DuckDBPyConnection) -> None:
    orphans = [row[0] for row in con.execute(_ORPHANS).fetchall()]
    if orphans:
        raise ValueError(f"batch has rows of articles it does not contain: {orphans}")


def _delete_previous(con: duckdb.DuckDBPyConnection) -> int:
    """Delete the batch's articles' earlier rows; return how many events that removed."""
    if con.execute(_BATCH_ARTICLES_STORED).fetchall()[0][0] == 0:
        return 0
    deleted = {
        table: con.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM {_ARTICLES})"
        ).fetchall()
        for table in ("events", "sentences", "quarantine")
    }
    # DuckDB answers a DELETE with the number of rows it removed: no separate count(*) scan.
    return int(deleted["events"][0][0])


def _insert_articles(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"INSERT OR REPLACE INTO articles BY NAME SELECT * FROM {_ARTICLES}")


def _insert_sentences(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"INSERT INTO sentences BY NAME SELECT * FROM {_SENTENCES}")


def _insert_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"INSERT INTO events BY NAME SELECT * FROM {_EVENTS}")


def _insert_quarantine(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"INSERT INTO quarantine BY NAME SELECT * FROM {_QUARANTINE}")


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> Iterator[None]:
    # DuckDB 2 refuses to register while a result of an earlier execute() is half read.
    con.complete()
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise WarehouseError(database_file(con), f"batch not loaded, rolled back: {exc}") from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
