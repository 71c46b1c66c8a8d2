"""The runs table: one row per pipeline run, opened at the start and closed at the end."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import duckdb

from warehouse.db import database_file
from warehouse.errors import WarehouseError

logger = logging.getLogger(__name__)


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


def start_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    flow: str,
    inputs: Any,
    coder_version: str,
    dictionary_version: str,
) -> None:
    """Record that a run began; `inputs` (paths, URLs, options) must be JSON-serializable."""
    con.execute(
        """
        INSERT OR REPLACE INTO runs
            (run_id, flow, started_at, status, inputs, coder_version, dictionary_version)
        VALUES (?, ?, current_timestamp, ?, ?, ?, ?)
        """,
        [
            run_id,
            flow,
            RunStatus.RUNNING.value,
            json.dumps(inputs, default=str),
            coder_version,
            dictionary_version,
        ],
    )
    logger.info("run %s (%s) started", run_id, flow)


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: RunStatus | str,
    counts: Mapping[str, Mapping[str, int]],
    validation_summary: Mapping[str, Any] | None = None,
) -> None:
    """Close a run; `counts` per stage: {"code": {"in": 10, "out": 42, "quarantined": 0}}."""
    status = RunStatus(status)
    rows = con.execute(
        """
        UPDATE runs SET finished_at = current_timestamp, status = ?, counts = ?, validation = ?
        WHERE run_id = ?
        RETURNING run_id
        """,
        [
            status.value,
            json.dumps(counts),
            json.dumps(validation_summary or {}, default=str),
            run_id,
        ],
    ).fetchall()
    if not rows:
        raise WarehouseError(database_file(con), f"no run {run_id!r} to finish; call start_run")
    logger.info("run %s %s", run_id, status)
