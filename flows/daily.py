"""The daily flow: ingest -> code -> validate -> load, one batch of articles at a time."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from prefect import flow, task
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner

from coding.pipeline import coder_version
from coding.records import Article
from flows.batches import DEFAULT_BATCH_SIZE, CheckedBatch, RunSummary
from flows.coder import cached_dictionaries
from flows.guards import acquire_run_lock, close_reconciled
from flows.ingest import IngestProblem, read_inputs
from flows.pipelining import batches_with_even_tail, in_flight
from flows.progress import Step, report
from flows.staging import batch_folder, default_staging_root, remove
from flows.tasks import code_batch, load_checked_batch, skip_coded
from warehouse.db import FLOW_WRITER, connect
from warehouse.runs import start_run

log = logging.getLogger(__name__)


# Batches submitted ahead per batch coded at once: one coding, one waiting, and one more
# because the last batches of a run are smaller (batches_with_even_tail).
BATCHES_AHEAD_PER_WORKER = 3


def article_batches(
    inputs: Sequence[str], size: int, problems: list[IngestProblem], ways: int
) -> Iterator[list[Article]]:
    """Stream the inputs in batches, the last ones evened out over `ways` workers; problems are
    reported by name and collected, never fatal."""
    articles = (item for item in read_inputs(inputs) if _keep(item, problems))
    return batches_with_even_tail(articles, size, ways)


def _keep(item: Article | IngestProblem, problems: list[IngestProblem]) -> TypeGuard[Article]:
    if isinstance(item, IngestProblem):
        log.warning("input problem: %s", item)
        problems.append(item)
        return False
    return True


@dataclass(frozen=True)
class RunPlan:
    """What every batch of one run shares: ids, versions, where batches are staged."""

    run_id: str
    db_path: str
    dictionaries: tuple[str, ...]
    model: str | None
    coder_version: str
    dictionary_version: str
    staging: Path  # this run's folder of staged batches

    @classmethod
    def start(
        cls,
        inputs: Sequence[str],
        db_path: str,
        dictionary_paths: Sequence[str] | None,
        model: str | None,
        staging_dir: str | None,
    ) -> RunPlan:
        dictionaries = tuple(dictionary_paths or ())
        version = cached_dictionaries(dictionaries).version
        run_id = uuid.uuid4().hex[:16]
        root = Path(staging_dir) if staging_dir else default_staging_root(db_path)
        return cls(run_id, db_path, dictionaries, model, coder_version(), version, root / run_id)

    def submit(self, batch: tuple[int, list[Article]]) -> PrefectFuture[CheckedBatch]:
        number, articles = batch
        folder = str(batch_folder(self.staging.parent, self.run_id, number))
        return code_batch.submit(
            number, articles, self.run_id, self.dictionaries, self.model, folder
        )


def new_batches(
    run: RunPlan, batches: Iterator[list[Article]], recode: bool, summary: RunSummary
) -> Iterator[tuple[int, list[Article]]]:
    """Number the batches, leaving out articles already coded the same way unless recoding."""
    number = 0
    for articles in batches:
        fresh = articles if recode else skip_coded(
            run.db_path, articles, run.coder_version, run.dictionary_version
        )
        summary.skipped += len(articles) - len(fresh)
        if fresh:
            yield number, fresh
            number += 1


@task(name="open-run", retries=2, retry_delay_seconds=2)
def open_run(db_path: str, run_id: str, inputs: list[str], dictionary_version: str) -> None:
    con = connect(Path(db_path), limits=FLOW_WRITER)
    try:
        start_run(con, run_id, "daily", inputs, coder_version(), dictionary_version)
    finally:
        con.close()


@task(name="close-run", retries=2, retry_delay_seconds=2)
def close_run(db_path: str, summary: RunSummary, status: str) -> None:
    con = connect(Path(db_path), limits=FLOW_WRITER)
    try:
        close_reconciled(con, summary, status)
    finally:
        con.close()


# Prefect's stubs type a runner by its future class, which the constructor cannot infer.
@flow(name="daily", task_runner=ThreadPoolTaskRunner(max_workers=1))  # type: ignore[arg-type]
def daily(
    inputs: list[str],
    db_path: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dictionary_paths: list[str] | None = None,
    model: str | None = None,
    recode: bool = False,
    staging_dir: str | None = None,
    parallel_batches: int = 1,
) -> RunSummary:
    """Code what is new in `inputs` into the warehouse at `db_path`.

    Coding and validation are submitted to the task runner (a worker thread by default, Dask
    workers with `--workers`/`--dask-address`), which codes `parallel_batches` batches at once;
    loading stays here, the single writer."""
    run = RunPlan.start(inputs, db_path, dictionary_paths, model, staging_dir)
    summary = RunSummary(run_id=run.run_id)
    lock = acquire_run_lock(db_path, run.run_id)  # held to the end: one writer run at a time
    open_run(db_path, run.run_id, list(inputs), run.dictionary_version)
    status = "failed"
    try:
        batches = article_batches(inputs, batch_size, summary.problems, parallel_batches)
        todo = new_batches(run, batches, recode, summary)
        for checked in in_flight(todo, run.submit, BATCHES_AHEAD_PER_WORKER * parallel_batches):
            load_checked_batch(db_path, checked)
            summary.add(checked)
            report(Step(checked.coded.articles, checked.coded.sentences),
                   "batch %d done: %d articles, %d sentences", checked.coded.number,
                   checked.coded.articles, checked.coded.sentences)
        status = "completed"
    finally:
        close_run(db_path, summary, status)
        remove(run.staging)
        lock.release()
    return summary
