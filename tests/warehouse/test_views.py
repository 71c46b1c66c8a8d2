from __future__ import annotations

from datetime import date

from coding.records import Modality
from tests.warehouse.builders import RUN_ID, article, event, report
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.load import load_batch


def _load(tmp_path, events, articles):
    con = connect(tmp_path / "events.duckdb")
    load_batch(
        con,
        articles_to_arrow(articles, RUN_ID),
        sentences_to_arrow([report(a.article_id, 0) for a in articles]),
        events_to_arrow(events, RUN_ID),
        QUARANTINE_SCHEMA.empty_table(),
    )
    return con


def test_one_a_day_dedup_merges_reports_of_the_same_event(tmp_path):
    articles = [
        article("a1", source="Wire A"),
        article("a2", source="Wire B"),
        article("a3", source="Wire A"),
    ]
    same = [event(a.article_id, 0) for a in articles]
    other_day = event("a1", 1, event_date=date(2024, 3, 2))
    hypothetical = event("a2", 1, code="112", modality=Modality(hypothetical=True))
    con = _load(tmp_path, [*same, other_day, hypothetical], articles)

    rows = con.execute(
        "SELECT event_date, event_code, num_reports, num_sources, article_ids "
        "FROM events_dedup ORDER BY event_date"
    ).fetchall()
    assert rows == [
        (date(2024, 3, 2), "190", 1, 1, ["a1"]),
        (date(2024, 3, 3), "190", 3, 2, ["a1", "a2", "a3"]),
    ]
    con.close()


def test_dyad_goldstein_and_country_views_aggregate_deduplicated_events(tmp_path):
    articles = [article("a1"), article("a2")]
    events = [
        event("a1", 0),  # RUSGOV -> UKRMIL 190, reported twice
        event("a2", 0),
        event("a1", 1, code="112", event_date=date(2024, 3, 1)),  # RUSGOV -> UKRMIL accuse
        event("a2", 1, source="USA", target="CHN", code="0311"),
    ]
    con = _load(tmp_path, events, articles)

    dyad = con.execute(
        "SELECT quad_class, num_events, num_reports FROM dyad_daily "
        "WHERE source_code='RUSGOV' AND event_date='2024-03-03'"
    ).fetchall()
    assert dyad == [(4, 1, 2)]

    gold = con.execute(
        "SELECT month, num_events, goldstein_mean, goldstein_sum FROM goldstein_monthly "
        "WHERE source_code='RUSGOV' AND target_code='UKRMIL'"
    ).fetchall()
    assert gold == [(date(2024, 3, 1), 2, -6.0, -12.0)]

    countries = dict(
        (r[0], r[1:])
        for r in con.execute(
            "SELECT country, num_events, num_as_source, num_as_target, num_material_conflict "
            "FROM country_monthly"
        ).fetchall()
    )
    assert countries == {
        "RUS": (2, 2, 0, 1),
        "UKR": (2, 0, 2, 1),
        "USA": (1, 1, 0, 0),
        "CHN": (1, 0, 1, 0),
    }
    con.close()
