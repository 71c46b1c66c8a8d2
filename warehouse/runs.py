"""The runs table: one row per pipeline run, opened at the start and closed at the end."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Protocol

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


class InputProblem(Protocol):
    """What the warehouse keeps of a problem with the input (flows.ingest.IngestProblem)."""

    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def reason(self) -> str: ...
    @property
    def skipped(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """A run's records, each counted once: ingested = coded + quarantined + skipped.

    ingested     input records the run met, counted by the flow: articles sent to coding, plus
                 articles left out as already coded, plus records refused with a skipped problem
    coded        articles this run loaded none of whose events was quarantined
    quarantined  articles this run loaded with at least one event in quarantine
    skipped      records not coded: the run's input_problems rows with skipped = true, plus the
                 articles left out as already coded
    coded, quarantined and the problem rows are counted in the warehouse, so a batch that was
    counted but not committed (or committed twice) shows as unbalanced.
    """

    ingested: int
    coded: int
    quarantined: int
    skipped: int

    @property
    def balanced(self) -> bool:
        return self.ingested == self.coded + self.quarantined + self.skipped

    def as_counts(self) -> dict[str, int | bool]:
        return {**asdict(self), "balanced": self.balanced}


def record_input_problems(
    con: duckdb.DuckDBPyConnection, run_id: str, problems: Iterable[InputProblem]
) -> int:
    """Store a run's input problems (replacing any stored before for this run)."""
    rows = [[run_id, p.source, p.line, p.reason, p.skipped] for p in problems]
    con.execute("DELETE FROM input_problems WHERE run_id = ?", [run_id])
    if rows:
        con.executemany(
            "INSERT INTO input_problems (run_id, source, line, reason, skipped) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def reconcile_run(
    con: duckdb.DuckDBPyConnection, run_id: str, ingested: int, not_recoded: int
) -> Reconciliation:
    """Count what the warehouse holds for `run_id` against what the flow says it ingested;
    `not_recoded` is the articles left out because they were already coded."""
    rows = con.execute(
        """
        SELECT
            count(*) FILTER (WHERE q.article_id IS NULL),
            count(*) FILTER (WHERE q.article_id IS NOT NULL),
            (SELECT count(*) FROM input_problems WHERE run_id = ? AND skipped)
        FROM articles a
        LEFT JOIN (SELECT DISTINCT article_id FROM quarantine WHERE run_id = ?) q
            USING (article_id)
        WHERE a.run_id = ?
        """,
        [run_id, run_id, run_id],
    ).fetchall()
    coded, quarantined, refused = rows[0]
    return Reconciliation(ingested, int(coded), int(quarantined), int(refused) + not_recoded)


def close_run_reconciled(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: RunStatus | str,
    counts: Mapping[str, Mapping[str, int]],
    validation_summary: Mapping[str, Any] | None,
    problems: Iterable[InputProblem],
    ingested: int,
    not_recoded: int,
) -> Reconciliation:
    """Record the run's input problems, reconcile and finish the run, in one transaction: the
    runs row never says "completed" without its problems and counts."""
    con.execute("BEGIN TRANSACTION")
    try:
        record_input_problems(con, run_id, problems)
        reconciliation = reconcile_run(con, run_id, ingested, not_recoded)
        finish_run(
            con, run_id, status, {**counts, "reconcile": reconciliation.as_counts()},
            validation_summary,
        )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    if not reconciliation.balanced:
        logger.error("run %s does not reconcile: %s", run_id, reconciliation)
    return reconciliation


def fail_abandoned_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Mark runs still 'running' as failed. Call only while holding the run lock: then no
    other process is running, and such a row belongs to a run that was killed."""
    rows = con.execute(
        """
        UPDATE runs SET status = ?, finished_at = current_timestamp
        WHERE status = ?
        RETURNING run_id
        """,
        [RunStatus.FAILED.value, RunStatus.RUNNING.value],
    ).fetchall()
    abandoned = sorted(r[0] for r in rows)
    for run_id in abandoned:
        logger.warning("run %s ended without closing (killed?); marked failed", run_id)
    return abandoned
