"""The coding stage on a real dask.distributed cluster of two worker processes: batches spread
over both workers, loading stays in the flow process, and the rows equal a one-process run."""

from __future__ import annotations

import os

import pytest

from flows.daily import daily
from flows.runners import MALLOC_TRIM, Placement, without_malloc_trim
from tests.conftest import REPO
from tests.helpers import event_ids

pytestmark = pytest.mark.slow

SAMPLES = REPO / "samples" / "articles"
SAMPLE_JSONL = REPO / "samples" / "articles.jsonl"
INPUTS = [str(SAMPLES), str(SAMPLE_JSONL)]

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    without_malloc_trim()  # as `cameoflow run --workers N` starts its cluster
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local:
        yield local


def test_dask_run_uses_both_workers_and_equals_a_single_process_run(
    prefect_harness, cluster, tmp_path
):
    single_db = tmp_path / "single.duckdb"
    single = daily(inputs=INPUTS, db_path=str(single_db), batch_size=1)

    placement = Placement(dask_address=cluster.scheduler_address)
    assert placement.parallel_batches() == 2  # the cluster's worker threads
    dask_db = tmp_path / "dask.duckdb"
    spread = daily.with_options(task_runner=placement.task_runner())(
        inputs=INPUTS, db_path=str(dask_db), batch_size=2, parallel_batches=2
    )

    print("batches per worker:", dict(spread.batches_by_worker))
    with distributed.Client(cluster) as client:
        worker_pids = set(client.run(os.getpid).values())
        trim_settings = set(client.run(os.environ.get, MALLOC_TRIM).values())
    assert trim_settings == {None}  # glibc's own memory behaviour: spaCy runs a sixth faster
    used_pids = {int(worker.rsplit(":", 1)[1]) for worker in spread.batches_by_worker}
    assert used_pids == worker_pids and len(used_pids) == 2
    assert single.articles == 11
    # Four batches of 2, then the last 3 articles one by one, evened out over the two workers.
    assert sum(spread.batches_by_worker.values()) == 7
    assert (spread.articles, spread.sentences, spread.events) == (
        single.articles, single.sentences, single.events
    )
    assert event_ids(dask_db) == event_ids(single_db) != set()
