"""The daily flow's tasks. Each is a few lines calling coding.* or warehouse.*; tests call
them through `.fn()`. Only I/O tasks retry."""

from __future__ import annotations

import logging
import os
import socket
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
from prefect import task

from coding.entries import CameoCode
from coding.pipeline import code_articles
from coding.records import Article
from flows.batches import CheckedBatch, CodedBatch
from flows.coder import cached_coder
from flows.faults import fault_hook, fault_point
from flows.staging import read_table, remove, write_table
from warehouse.arrow import articles_to_arrow, events_to_arrow, sentences_to_arrow
from warehouse.coded import already_coded
from warehouse.db import FLOW_WRITER, connect
from warehouse.load import load_batch
from warehouse.validation import validate_events

log = logging.getLogger(__name__)

# The staged tables load_batch takes, in its argument order.
STAGED_FOR_LOAD = ("articles", "sentences", "passed", "quarantined")


@task(name="skip-coded", retries=2, retry_delay_seconds=[1, 4])
def skip_coded(
    db_path: str, articles: list[Article], coder_version: str, dictionary_version: str
) -> list[Article]:
    """Drop the articles this coder and these dictionaries have already coded into the
    warehouse; the writer connection is held only for the lookup."""
    con = connect(Path(db_path), schema_is_current=True,  # open-run migrated it
                  limits=FLOW_WRITER)
    try:
        done = already_coded(
            con, [a.article_id for a in articles], coder_version, dictionary_version
        )
    finally:
        con.close()
    if done:
        log.info("%d of %d articles already coded, skipped", len(done), len(articles))
    return [a for a in articles if a.article_id not in done]


@task(name="code-batch", task_run_name="code-batch-{number}")
def code_batch(
    number: int,
    articles: list[Article],
    run_id: str,
    dictionary_paths: tuple[str, ...],
    model: str | None,
    folder: str,
) -> CheckedBatch:
    """Code a batch, validate its events, and stage what the load needs.

    Validation runs in this task, on the worker that coded the batch. As a task of its own it
    queued on a Dask worker behind the next batch's coding (a worker's one thread takes the
    task already waiting there), so the flow, which loads in order, saw each batch a round late
    and the workers idled between rounds. With this and the even last batches of
    flows.pipelining, two local workers ran the throughput corpus in 26.6-28.9 s, against
    29.0-31.0 s before."""
    coder = cached_coder(dictionary_paths, model)
    coded = list(code_articles(coder, articles))
    reports = [r for c in coded for r in c.sentences]
    events = events_to_arrow([e for c in coded for e in c.events], run_id)
    articles_table = articles_to_arrow(articles, run_id)
    write_table(folder, "articles", articles_table)
    write_table(folder, "sentences", sentences_to_arrow(reports))
    fault_point("after-code", number)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    log.info("batch %d on %s: %d articles, %d sentences, %d events", number, worker,
             len(articles), len(reports), events.num_rows)
    batch = CodedBatch(number, folder, len(articles), len(reports), events.num_rows, worker)
    return _validated(batch, events, articles_table, coder.compiled.dictionaries.codes)


def _validated(
    batch: CodedBatch, events: pa.Table, articles: pa.Table, codes: Mapping[str, CameoCode]
) -> CheckedBatch:
    published_at = articles.select(["article_id", "published_at"])
    published = dict(zip(*published_at.to_pydict().values(), strict=True))
    outcome = validate_events(events, codes, published)
    write_table(batch.folder, "passed", outcome.passed)
    write_table(batch.folder, "quarantined", outcome.quarantined)
    fault_point("after-validate", batch.number)
    log.info("batch %d validated: %d events passed, %d quarantined", batch.number,
             outcome.passed.num_rows, outcome.quarantined.num_rows)
    roots = Counter(outcome.passed.column("event_root_code").to_pylist())
    return CheckedBatch(
        batch, outcome.passed.num_rows, outcome.quarantined.num_rows, dict(roots), outcome.summary
    )


@task(
    name="load-batch",
    task_run_name="load-batch-{batch.coded.number}",
    retries=3,
    retry_delay_seconds=[1, 4, 10],
)
def load_checked_batch(db_path: str, batch: CheckedBatch) -> int:
    """One transaction per batch; the connection is closed at once so that readers (and other
    runs) can open the file between batches. The staged files go once loaded."""
    folder = batch.coded.folder
    articles, sentences, passed, quarantined = (read_table(folder, n) for n in STAGED_FOR_LOAD)
    con = connect(Path(db_path), schema_is_current=True,  # open-run migrated it
                  limits=FLOW_WRITER)
    try:
        load_batch(con, articles, sentences, passed, quarantined,
                   inside_transaction=fault_hook("mid-load", batch.coded.number))
    finally:
        con.close()
    remove(folder)
    fault_point("after-load", batch.coded.number)
    log.info("batch %d loaded: %d events, %d quarantined", batch.coded.number,
             batch.passed, batch.quarantined)
    return batch.passed
