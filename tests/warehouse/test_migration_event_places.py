"""Migration 002: a warehouse created before event places keeps its rows and gains the columns."""

from __future__ import annotations

import duckdb

from warehouse import db
from warehouse.db import connect, schema_version

NEW_COLUMNS = {"location_name", "location_lat", "location_lon", "location_reason",
               "date_background"}


def test_version_one_warehouse_gains_place_columns_and_keeps_its_events(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(db._BOOKKEEPING_SQL)
    first = db.migrations()[0]
    db._apply(con, first)
    con.execute(
        "INSERT INTO events (event_id, article_id, sentence_index, event_date, source_code, "
        "target_code, event_code, event_base_code, event_root_code, quad_class, goldstein, "
        "negated, hypothetical, future, reported_speech, passive) VALUES ('e1', 'a1', 0, "
        "DATE '2024-04-25', 'RUS', 'UKR', '190', '190', '19', 4, -10.0, false, false, false, "
        "false, false)"
    )
    con.close()
    con = connect(path)
    columns = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    row = con.execute(
        "SELECT event_id, location_name, location_lat, location_reason, date_background "
        "FROM events"
    ).fetchall()
    assert NEW_COLUMNS <= columns
    assert row == [("e1", "", None, "", False)]
    assert schema_version(con) == max(m.version for m in db.migrations())
    con.close()
