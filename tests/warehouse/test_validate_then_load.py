"""The flow's validate -> load path: failing rows end in quarantine, the others in events."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.warehouse.builders import CODES, RUN_ID, article, event, report
from warehouse.arrow import articles_to_arrow, events_to_arrow, sentences_to_arrow
from warehouse.db import connect
from warehouse.load import load_batch
from warehouse.runs import finish_run, start_run
from warehouse.validation import validate_events

pytestmark = pytest.mark.slow  # imports and sets up Great Expectations


def test_bad_rows_land_in_quarantine_with_expectation_names_and_good_rows_load(tmp_path):
    articles = [article("a1"), article("a2")]
    good = [event("a1", 0), event("a2", 0, code="042", source="USAGOV", target="FRA")]
    unknown = event("a1", 1, code="999")
    same = event("a1", 2, source="CHN", target="CHN")
    future = event("a2", 1, event_date=date(2030, 1, 1))
    events = events_to_arrow([*good, unknown, same, future], RUN_ID)

    con = connect(tmp_path / "events.duckdb")
    start_run(con, RUN_ID, "daily", {"paths": ["x.jsonl"]}, "0.1.0", "dict-v1")
    outcome = validate_events(events, CODES, {a.article_id: a.published_at for a in articles})
    batch = (
        articles_to_arrow(articles, RUN_ID),
        sentences_to_arrow([report(a.article_id, i) for a in articles for i in range(3)]),
    )
    for _ in range(2):  # a retried load changes nothing
        counts = load_batch(con, *batch, outcome.passed, outcome.quarantined)
    finish_run(
        con, RUN_ID, "completed", {"load": {"in": 5, "out": 2, "quarantined": 3}}, outcome.summary
    )

    assert counts.events == 2 and counts.quarantined == 3
    loaded = con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()
    assert [r[0] for r in loaded] == sorted(e.event_id for e in good)
    quarantined = {
        r[0]: (r[1], json.loads(r[2])["event_code"])
        for r in con.execute(
            'SELECT event_id, failed_expectations, "row" FROM quarantine'
        ).fetchall()
    }
    assert quarantined == {
        unknown.event_id: (["event_code_in_code_table"], "999"),
        same.event_id: (["source_differs_from_target"], "190"),
        future.event_id: (["event_date_not_after_publication"], "190"),
    }
    summary = json.loads(con.execute("SELECT validation FROM runs").fetchall()[0][0])
    assert summary["quarantined"] == 3 and summary["passed"] == 2
    con.close()
