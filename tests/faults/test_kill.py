"""A run killed with SIGKILL at any point leaves the warehouse readable and consistent, and the
next run completes the work: every article present once, counts reconciled.

The runs are real `cameoflow run` processes; CAMEOFLOW_FAULT_AT (flows/faults.py) makes the
process kill itself at a named point of a named batch, so the test is not at the mercy of timing.
"""

from __future__ import annotations

import signal

import pytest

from tests.faults.helpers import RUN_TIMEOUT, SAMPLES, assert_consistent, reconciliation, start_run
from tests.helpers import rows, scalar

pytestmark = pytest.mark.slow

BATCH = 2
ARTICLES = len([p for p in SAMPLES.iterdir() if p.suffix == ".txt"])


def killed_run(api_url, db, fault: str) -> str:
    # --recode: each killed run starts from the first article, so its batch numbers (and so the
    # kill point) do not depend on what earlier runs committed.
    process = start_run(api_url, db, [SAMPLES], "--batch-size", str(BATCH), "--recode",
                        CAMEOFLOW_FAULT_AT=fault)
    _, stderr = process.communicate(timeout=RUN_TIMEOUT)
    assert process.returncode == -signal.SIGKILL, stderr[-3000:]
    return stderr


def run_ids(db) -> dict[str, str]:
    return dict(rows(db, "SELECT run_id, status FROM runs ORDER BY started_at"))


def test_killed_runs_leave_whole_batches_and_the_rerun_completes(prefect_api_url, tmp_path):
    db = tmp_path / "events.duckdb"

    # 1. Killed inside batch 1's transaction: batch 0 is there, nothing of batch 1.
    killed_run(prefect_api_url, db, "mid-load:1")
    assert_consistent(db)
    assert scalar(db, "SELECT count(*) FROM articles") == BATCH
    first = run_ids(db)
    assert list(first.values()) == ["running"]  # nobody closed it

    # 2. Killed while coding its first batch. The run first marked the killed run failed: it
    #    holds the run lock, so that run cannot be alive.
    killed_run(prefect_api_url, db, "after-code:0")
    assert_consistent(db)
    assert scalar(db, "SELECT count(*) FROM articles") == BATCH
    statuses = run_ids(db)
    assert statuses[next(iter(first))] == "failed"
    assert sorted(statuses.values()) == ["failed", "running"]

    # 3. Killed after validating its first batch, before loading it: the same whole batch 0.
    killed_run(prefect_api_url, db, "after-validate:0")
    assert_consistent(db)
    assert scalar(db, "SELECT count(*) FROM articles") == BATCH

    # 4. A plain run finishes the work.
    process = start_run(prefect_api_url, db, [SAMPLES], "--batch-size", str(BATCH))
    _, stderr = process.communicate(timeout=RUN_TIMEOUT)
    assert process.returncode == 0, stderr[-3000:]
    assert_consistent(db)
    statuses = run_ids(db)
    assert list(statuses.values()) == ["failed", "failed", "failed", "completed"]
    assert scalar(db, "SELECT count(*) FROM articles") == ARTICLES
    assert scalar(db, "SELECT count(DISTINCT article_id) FROM events") == ARTICLES
    balance = reconciliation(db, list(statuses)[-1])
    # The committed batch counts as skipped (already coded), so nothing is coded twice and
    # nothing is missing. If coding/ or dictionaries/ changed while the test ran (a shared
    # checkout), the versions differ and the batch is coded again instead: skipped is 0.
    assert balance["ingested"] == ARTICLES
    assert balance["skipped"] in (BATCH, 0)
    assert balance["coded"] + balance["quarantined"] == ARTICLES - balance["skipped"]
    assert balance["balanced"] is True
