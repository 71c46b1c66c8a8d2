"""Two runs on one database: the second waits for the first (bounded) or stops with a clear
message; batches of the two never interleave."""

from __future__ import annotations

import os

import pytest

from flows.guards import acquire_run_lock
from tests.faults.helpers import (
    RUN_TIMEOUT,
    SAMPLES,
    assert_consistent,
    reconciliation,
    run_cli,
    start_run,
)
from tests.helpers import rows

pytestmark = pytest.mark.slow

ARTICLES = len([p for p in SAMPLES.iterdir() if p.suffix == ".txt"])


def test_second_run_gives_up_with_a_clear_message_while_the_lock_is_held(
    prefect_api_url, tmp_path
):
    db = tmp_path / "events.duckdb"
    lock = acquire_run_lock(db, "holder-run", wait=0)  # this test process is the first run
    try:
        result = run_cli(prefect_api_url, "run", str(SAMPLES), "--db", str(db),
                         CAMEOFLOW_LOCK_WAIT="1")
    finally:
        lock.release()
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {db}: another cameoflow run is writing to this database "
                           f"(pid {os.getpid()}, run holder-run, since "), result.stderr[-2000:]
    assert "waited 1 s. Nothing was written" in last
    assert not db.exists()


def test_two_runs_started_together_run_one_after_the_other(prefect_api_url, tmp_path):
    db = tmp_path / "events.duckdb"
    runs = [start_run(prefect_api_url, db, [SAMPLES], "--batch-size", "2",
                      CAMEOFLOW_LOCK_WAIT="600") for _ in range(2)]
    for process in runs:
        _, stderr = process.communicate(timeout=RUN_TIMEOUT)
        assert process.returncode == 0, stderr[-3000:]
    assert_consistent(db)
    found = rows(db, "SELECT run_id, status, started_at, finished_at FROM runs ORDER BY started_at")
    assert [status for _, status, _, _ in found] == ["completed", "completed"]
    (first, _, _, first_end), (second, _, second_start, _) = found
    assert first_end <= second_start  # the second run wrote nothing until the first had closed
    assert reconciliation(db, first)["coded"] + reconciliation(db, first)["quarantined"] == ARTICLES
    assert reconciliation(db, second)["skipped"] == ARTICLES  # all already coded by the first
    assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [
        (ARTICLES, ARTICLES)
    ]
