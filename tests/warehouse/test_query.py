from __future__ import annotations

import pytest

from tests.warehouse.builders import RUN_ID, article
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.errors import WarehouseError
from warehouse.load import load_batch
from warehouse.query import run_query


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "events.duckdb"
    con = connect(path)
    load_batch(
        con,
        articles_to_arrow([article("a1"), article("a2")], RUN_ID),
        sentences_to_arrow([]),
        events_to_arrow([], RUN_ID),
        QUARANTINE_SCHEMA.empty_table(),
    )
    con.close()
    return path


def test_read_only_query_returns_columns_and_rows_when_no_writer_holds_the_file(db_path):
    columns, rows = run_query(db_path, "SELECT article_id, title FROM articles ORDER BY 1")
    assert columns == ["article_id", "title"]
    assert rows == [("a1", "Title a1"), ("a2", "Title a2")]


def test_query_parameters_are_bound(db_path):
    _, rows = run_query(db_path, "SELECT count(*) FROM articles WHERE article_id = ?", ["a2"])
    assert rows == [(1,)]


def test_query_cannot_write(db_path):
    with pytest.raises(WarehouseError, match="query failed.*read-only"):
        run_query(db_path, "DELETE FROM articles")
    assert run_query(db_path, "SELECT count(*) FROM articles")[1] == [(2,)]


def test_bad_sql_names_the_file(db_path):
    with pytest.raises(WarehouseError, match=r"events.duckdb: query failed"):
        run_query(db_path, "SELECT nope FROM articles")
