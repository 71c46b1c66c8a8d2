"""The daily flow's tasks. Each is a few lines calling coding.* or warehouse.*; tests call
them through `.fn()`. Only I/O tasks retry."""

from __future__ import annotations

import logging
from pathlib import Path

from prefect import task

from coding.pipeline import code_articles
from coding.records import Article
from flows.batches import CheckedBatch, CodedBatch
from flows.coder import cached_coder
from warehouse.arrow import articles_to_arrow, events_to_arrow, sentences_to_arrow
from warehouse.db import connect
from warehouse.load import load_batch
from warehouse.validation import validate_events

log = logging.getLogger(__name__)


@task(name="code-batch", task_run_name="code-batch-{number}")
def code_batch(
    number: int,
    articles: list[Article],
    run_id: str,
    dictionary_paths: tuple[str, ...],
    model: str | None,
) -> CodedBatch:
    coder = cached_coder(dictionary_paths, model)
    coded = list(code_articles(coder, articles))
    reports = [r for c in coded for r in c.sentences]
    events = [e for c in coded for e in c.events]
    log.info("batch %d: %d articles, %d sentences, %d events", number, len(articles),
             len(reports), len(events))
    return CodedBatch(
        number=number,
        articles=articles_to_arrow(articles, run_id),
        sentences=sentences_to_arrow(reports),
        events=events_to_arrow(events, run_id),
        published={a.article_id: a.published_at for a in articles},
    )


@task(name="validate-batch", task_run_name="validate-batch-{batch.number}")
def validate_batch(
    batch: CodedBatch, dictionary_paths: tuple[str, ...], model: str | None
) -> CheckedBatch:
    codes = cached_coder(dictionary_paths, model).compiled.dictionaries.codes
    outcome = validate_events(batch.events, codes, batch.published)
    return CheckedBatch(batch, outcome.passed, outcome.quarantined, outcome.summary)


@task(
    name="load-batch",
    task_run_name="load-batch-{batch.coded.number}",
    retries=3,
    retry_delay_seconds=[1, 4, 10],
)
def load_checked_batch(db_path: str, batch: CheckedBatch) -> int:
    """One transaction per batch; the connection is closed at once so that readers (and other
    runs) can open the file between batches."""
    con = connect(Path(db_path))
    try:
        load_batch(
            con, batch.coded.articles, batch.coded.sentences, batch.passed, batch.quarantined
        )
    finally:
        con.close()
    log.info("batch %d loaded: %d events, %d quarantined", batch.coded.number,
             batch.passed.num_rows, batch.quarantined.num_rows)
    return batch.passed.num_rows
