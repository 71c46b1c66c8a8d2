"""What keeps a run's writes whole: one run per database at a time, stale runs closed, and the
run's counts reconciled against the warehouse when it closes.

The run lock is an fcntl.flock on `<database>.lock`, held from before the run's first write
until after its last. DuckDB allows one writing process per file, but the flow opens and closes
its connection per batch, so without the lock a second run could slip in between two batches
of the first. A killed process's flock is released by the kernel, so a crash never leaves the
database locked.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import duckdb

from flows.batches import RunSummary
from warehouse.db import connect
from warehouse.errors import WarehouseError
from warehouse.runs import Reconciliation, close_run_reconciled, fail_abandoned_runs

logger = logging.getLogger(__name__)

LOCK_WAIT_ENV = "CAMEOFLOW_LOCK_WAIT"
DEFAULT_LOCK_WAIT_SECONDS = 60.0  # a scheduled run may start while a manual one finishes
POLL_SECONDS = 0.25


class RunLockedError(WarehouseError):
    """Another run holds the database; raised after waiting, before anything was written."""


@dataclass
class RunLock:
    """A held run lock; release() (or process exit) lets the next run in."""

    path: Path
    handle: IO[str] | None

    def release(self) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire_run_lock(db_path: str | Path, run_id: str, wait: float | None = None) -> RunLock:
    """Take the database's run lock, waiting up to `wait` seconds (default $CAMEOFLOW_LOCK_WAIT
    or 60); then close runs that a killed process left 'running'."""
    db = Path(db_path)
    path = lock_path(db)
    wait = float(os.environ.get(LOCK_WAIT_ENV, DEFAULT_LOCK_WAIT_SECONDS)) if wait is None else wait
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
    except OSError as error:
        raise WarehouseError(
            db, f"cannot write beside the database ({error.strerror or error}): is the folder "
            "read-only, not a folder, or the disk full? Nothing was written."
        ) from error
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _holder(handle)
                handle.close()
                raise RunLockedError(
                    db, f"another cameoflow run is writing to this database ({holder}); "
                    f"waited {wait:g} s. Nothing was written; run again when it has finished."
                ) from None
            time.sleep(POLL_SECONDS)
    _write_holder(handle, run_id)
    lock = RunLock(path, handle)
    try:
        _close_abandoned(db)
    except BaseException:
        lock.release()
        raise
    return lock


def _holder(handle: IO[str]) -> str:
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "{}")
    except json.JSONDecodeError:
        return "holder unknown"
    return f"pid {info.get('pid')}, run {info.get('run_id')}, since {info.get('since')}"


def _write_holder(handle: IO[str], run_id: str) -> None:
    handle.seek(0)
    handle.truncate()
    since = datetime.now(UTC).isoformat(timespec="seconds")
    handle.write(json.dumps({"pid": os.getpid(), "run_id": run_id, "since": since}))
    handle.flush()


def _close_abandoned(db: Path) -> None:
    if not db.exists():
        return
    con = connect(db)
    try:
        fail_abandoned_runs(con)
    finally:
        con.close()


def close_reconciled(con: duckdb.DuckDBPyConnection, summary: RunSummary, status: str) -> None:
    """Close the run's row with its input problems and its reconciliation (see
    warehouse.runs.Reconciliation for what each count means)."""
    refused = sum(1 for p in summary.problems if p.skipped)
    reconciliation: Reconciliation = close_run_reconciled(
        con,
        summary.run_id,
        status,
        summary.counts(),
        summary.validation,
        summary.problems,
        ingested=summary.articles + summary.skipped + refused,
        not_recoded=summary.skipped,
    )
    logger.info("run %s: %s", summary.run_id, reconciliation)
