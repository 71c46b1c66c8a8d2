"""A small warehouse with events over two months, several dyads and two runs, for report tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.warehouse.builders import RUN_ID, article, event, report
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.load import load_batch
from warehouse.runs import RunStatus, finish_run, start_run

# (source, target, code, number of days with that event) starting 2024-02-20: RUSGOV -> UKRMIL
# is the busiest dyad, then USA -> CHN, then the rest.
PLAN = (
    ("RUSGOV", "UKRMIL", "190", 20),
    ("RUSGOV", "UKRMIL", "112", 6),
    ("USA", "CHN", "0311", 12),
    ("USAGOV", "FRA", "042", 5),
    ("CHN", "USA", "010", 3),
)
FIRST_DAY = date(2024, 2, 20)


def build_report_warehouse(path: Path) -> Path:
    """Load PLAN (each event reported by two articles) and record a clean and a failing run."""
    articles = [article(f"a{i}") for i in range(2)]
    events = [
        # One sentence per plan row and day: its index keeps the event ids unique.
        event(a.article_id, row * 100 + d, source=s, target=t, code=code,
              event_date=FIRST_DAY + timedelta(days=d))
        for row, (s, t, code, days) in enumerate(PLAN)
        for d in range(days)
        for a in articles
    ]
    con = connect(path)
    try:
        start_run(con, RUN_ID, "daily", {"paths": ["samples"]}, "0.1.0", "dict-v1")
        load_batch(
            con,
            articles_to_arrow(articles, RUN_ID),
            sentences_to_arrow([report(a.article_id, 0) for a in articles]),
            events_to_arrow(events, RUN_ID),
            QUARANTINE_SCHEMA.empty_table(),
        )
        counts = {"validate": {"in": len(events) + 2, "out": len(events), "quarantined": 2}}
        validation = {
            "event_code_in_code_table": {"success": False, "unexpected_count": 2},
            "source_differs_from_target": {"success": True, "unexpected_count": 0},
        }
        finish_run(con, RUN_ID, RunStatus.COMPLETED, counts, validation)
        start_run(con, "run-test-2", "daily", {"paths": ["feeds"]}, "0.1.0", "dict-v1")
        finish_run(con, "run-test-2", RunStatus.FAILED, {"ingest": {"out": 0, "problems": 1}})
    finally:
        con.close()
    return path
