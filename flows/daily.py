"""The daily flow: ingest -> code -> validate -> load, one batch of articles at a time."""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from prefect import flow, task

from coding.dictionaries import load_dictionaries
from coding.pipeline import coder_version
from coding.records import Article
from flows.batches import DEFAULT_BATCH_SIZE, RunSummary
from flows.ingest import IngestProblem, read_inputs
from flows.tasks import code_batch, load_checked_batch, validate_batch
from warehouse.db import connect
from warehouse.runs import finish_run, start_run

log = logging.getLogger(__name__)



def article_batches(
    inputs: Sequence[str], size: int, problems: list[str]
) -> Iterator[list[Article]]:
    """Stream the inputs in batches; problems are reported by name and collected, never fatal."""
    articles = (item for item in read_inputs(inputs) if _keep(item, problems))
    while batch := list(itertools.islice(articles, size)):
        yield batch


def _keep(item: Article | IngestProblem, problems: list[str]) -> bool:
    if isinstance(item, IngestProblem):
        log.warning("input problem: %s", item)
        problems.append(str(item))
        return False
    return True


@task(name="open-run", retries=2, retry_delay_seconds=2)
def open_run(db_path: str, run_id: str, inputs: list[str], dictionary_version: str) -> None:
    con = connect(Path(db_path))
    try:
        start_run(con, run_id, "daily", inputs, coder_version(), dictionary_version)
    finally:
        con.close()


@task(name="close-run", retries=2, retry_delay_seconds=2)
def close_run(db_path: str, summary: RunSummary, status: str) -> None:
    con = connect(Path(db_path))
    try:
        finish_run(con, summary.run_id, status, summary.counts(), summary.validation)
    finally:
        con.close()


@flow(name="daily")
def daily(
    inputs: list[str],
    db_path: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dictionary_paths: list[str] | None = None,
    model: str | None = None,
) -> RunSummary:
    dictionaries = tuple(dictionary_paths or ())
    version = load_dictionaries([Path(p) for p in dictionaries]).version
    summary = RunSummary(run_id=uuid.uuid4().hex[:16])
    open_run(db_path, summary.run_id, list(inputs), version)
    status = "failed"
    try:
        for number, articles in enumerate(article_batches(inputs, batch_size, summary.problems)):
            coded = code_batch(number, articles, summary.run_id, dictionaries, model)
            checked = validate_batch(coded, dictionaries, model)
            load_checked_batch(db_path, checked)
            summary.add(checked)
        status = "completed"
    finally:
        close_run(db_path, summary, status)
    return summary
