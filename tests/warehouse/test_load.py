from __future__ import annotations

import json

import pyarrow as pa
import pytest

from tests.warehouse.builders import RUN_ID, article, event, report
from warehouse import load
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.errors import WarehouseError
from warehouse.load import load_batch


def _counts(con) -> dict[str, int]:
    return {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "sentences", "events", "quarantine")
    }


def _batch(events, articles=None, quarantine=None, run_id=RUN_ID):
    articles = articles or [article("a1"), article("a2")]
    reports = [report(a.article_id, i) for a in articles for i in range(3)]
    return (
        articles_to_arrow(articles, run_id),
        sentences_to_arrow(reports),
        events_to_arrow(events, run_id),
        quarantine if quarantine is not None else QUARANTINE_SCHEMA.empty_table(),
    )


def _quarantine_row(ev):
    return QUARANTINE_SCHEMA.empty_table().from_pylist(
        [
            {
                "event_id": ev.event_id,
                "article_id": ev.article_id,
                "run_id": RUN_ID,
                "row": json.dumps({"event_id": ev.event_id}),
                "failed_expectations": ["source_differs_from_target"],
            }
        ],
        schema=QUARANTINE_SCHEMA,
    )


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "wh" / "events.duckdb")
    yield connection
    connection.close()


def test_loading_the_same_batch_twice_leaves_the_same_rows(con):
    events = [
        event("a1", 0),
        event("a1", 1, code="0311", source="USA", target="CHN"),
        event("a2", 2),
    ]
    bad = event("a2", 1, source="RUS", target="RUS")
    batch = _batch(events, quarantine=_quarantine_row(bad))

    first = load_batch(con, *batch)
    after_first = _counts(con)
    second = load_batch(con, *batch)

    assert after_first == {"articles": 2, "sentences": 6, "events": 3, "quarantine": 1}
    assert _counts(con) == after_first
    assert first.events_replaced == 0 and second.events_replaced == 3
    codes = [
        r[0] for r in con.execute("SELECT event_code FROM events ORDER BY event_id").fetchall()
    ]
    assert codes == ["190", "0311", "190"]


def test_recoding_an_article_replaces_its_old_events_and_keeps_others(con):
    load_batch(con, *_batch([event("a1", 0), event("a1", 1), event("a2", 0)]))
    recoded = event("a1", 0, code="112", target="USAGOV")
    load_batch(con, *_batch([recoded], articles=[article("a1")], run_id="run-2"))

    rows = con.execute("SELECT event_id, run_id FROM events ORDER BY event_id").fetchall()
    assert rows == [(recoded.event_id, "run-2"), (event("a2", 0).event_id, RUN_ID)]
    assert con.execute("SELECT count(*) FROM sentences WHERE article_id='a1'").fetchone()[0] == 3


def test_stored_rows_keep_codes_types_and_trace(con):
    ev = event("a1", 0, code="0311", source="USA", target="CHN")
    load_batch(con, *_batch([ev]))
    row = con.execute(
        "SELECT event_code, event_base_code, event_root_code, event_date, goldstein, negated, "
        "trace->>'$[0].outcome' FROM events"
    ).fetchone()
    assert row == ("0311", "031", "03", ev.event_date, 5.2, False, "MATCHED")
    published = con.execute("SELECT published_at FROM articles WHERE article_id='a1'").fetchone()[0]
    assert published == article("a1").published_at


def test_failure_mid_load_leaves_the_database_as_before(con, monkeypatch):
    load_batch(con, *_batch([event("a1", 0)]))
    before = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
    before_counts = _counts(con)

    def explode(_con):
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(load, "_insert_quarantine", explode)
    new_batch = _batch([event("a1", 1), event("a2", 0)], run_id="run-2")
    with pytest.raises(RuntimeError, match="injected"):
        load_batch(con, *new_batch)

    assert _counts(con) == before_counts
    assert con.execute("SELECT * FROM events ORDER BY event_id").fetchall() == before
    # The connection is usable and the batch loads once the fault is gone.
    monkeypatch.undo()
    assert load_batch(con, *new_batch).events == 2


def test_sql_error_mid_load_rolls_back_and_names_the_file(con):
    load_batch(con, *_batch([event("a1", 0)]))
    articles, sentences, events, quarantine = _batch([event("a1", 1)], run_id="run-2")
    # A null event code violates the table's NOT NULL after the old events were deleted.
    events = events.set_column(
        events.schema.get_field_index("event_code"), "event_code", pa.array([None], pa.string())
    )
    with pytest.raises(WarehouseError, match="events.duckdb.*rolled back"):
        load_batch(con, articles, sentences, events, quarantine)
    rows = con.execute("SELECT event_id, run_id FROM events").fetchall()
    assert rows == [(event("a1", 0).event_id, RUN_ID)]


def test_batch_missing_a_column_is_rejected_before_touching_the_database(con):
    articles, sentences, events, quarantine = _batch([event()])
    with pytest.raises(ValueError, match="events batch lacks columns"):
        load_batch(con, articles, sentences, events.drop_columns(["event_code"]), quarantine)
    assert _counts(con)["articles"] == 0


def test_batch_repeating_an_event_id_is_refused_and_rolled_back(con):
    load_batch(con, *_batch([event("a1", 0)]))
    twice = [event("a1", 1), event("a1", 1)]
    with pytest.raises(WarehouseError, match="rolled back"):
        load_batch(con, *_batch(twice, run_id="run-2"))
    rows = con.execute("SELECT event_id, run_id FROM events").fetchall()
    assert rows == [(event("a1", 0).event_id, RUN_ID)]


def test_batch_with_rows_of_an_article_it_lacks_is_refused_before_touching_the_database(con):
    load_batch(con, *_batch([event("a1", 0)]))
    before = _counts(con)
    articles, sentences, events, quarantine = _batch(
        [event("a1", 1), event("a7", 0)], articles=[article("a1")], run_id="run-2"
    )
    with pytest.raises(ValueError, match=r"rows of articles it does not contain: \['a7'\]"):
        load_batch(con, articles, sentences, events, quarantine)
    assert _counts(con) == before
