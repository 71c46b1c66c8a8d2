from __future__ import annotations

import json

import pytest

from warehouse.db import connect
from warehouse.errors import WarehouseError
from warehouse.runs import RunStatus, finish_run, start_run


def test_a_run_is_opened_then_closed_with_counts_and_validation(tmp_path):
    con = connect(tmp_path / "events.duckdb")
    start_run(con, "r1", "daily", {"paths": ["a.jsonl"]}, "0.1.0", "dict-v1")
    assert con.execute("SELECT status, finished_at FROM runs").fetchall() == [("running", None)]

    counts = {
        "code": {"in": 2, "out": 5, "quarantined": 0},
        "validate": {"in": 5, "out": 4, "quarantined": 1},
    }
    finish_run(con, "r1", RunStatus.COMPLETED, counts, {"success": False, "quarantined": 1})

    status, finished, stored_counts, validation, inputs = con.execute(
        "SELECT status, finished_at, counts, validation, inputs FROM runs WHERE run_id = 'r1'"
    ).fetchall()[0]
    assert status == "completed" and finished is not None
    assert json.loads(stored_counts) == counts
    assert json.loads(validation)["quarantined"] == 1
    assert json.loads(inputs) == {"paths": ["a.jsonl"]}
    con.close()


def test_finishing_an_unknown_run_raises(tmp_path):
    con = connect(tmp_path / "events.duckdb")
    with pytest.raises(WarehouseError, match="no run 'nope'"):
        finish_run(con, "nope", "failed", {})
    con.close()
