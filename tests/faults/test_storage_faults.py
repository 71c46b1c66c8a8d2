"""A database path that cannot be written, or a disk that fills up mid-load: a clear message
naming the file, and no partial batch."""

from __future__ import annotations

import duckdb
import pytest

from flows.guards import acquire_run_lock
from tests.warehouse.builders import article, event, report
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.errors import WarehouseError
from warehouse.load import load_batch


def batch(*ids: str):
    articles = [article(i) for i in ids]
    events = [event(article_id=i) for i in ids]
    return (
        articles_to_arrow(articles, "run"),
        sentences_to_arrow([report(i, 0) for i in ids]),
        events_to_arrow(events, "run"),
        QUARANTINE_SCHEMA.empty_table(),
    )


class DiskFullAt:
    """A DuckDB connection whose statements fail with the disk-full error from the first one
    matching `fragment` on: DuckDB's own IOException, as a full disk raises it."""

    def __init__(self, con: duckdb.DuckDBPyConnection, fragment: str) -> None:
        self._con = con
        self._fragment = fragment

    def execute(self, sql: str, *args):
        if self._fragment in sql:
            raise duckdb.IOException("Could not write file: No space left on device")
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._con, name)


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("articles", "sentences", "events")}


def test_disk_full_mid_load_rolls_the_whole_batch_back(tmp_path):
    con = connect(tmp_path / "events.duckdb")
    try:
        load_batch(con, *batch("a1"))
        before = counts(con)
        with pytest.raises(WarehouseError) as error:
            load_batch(DiskFullAt(con, "INTO events BY NAME"), *batch("a1", "a2"))
        assert "batch not loaded, rolled back" in str(error.value)
        assert "No space left on device" in str(error.value)
        assert str(error.value).startswith(str(tmp_path / "events.duckdb"))
        assert counts(con) == before  # not a2's article, not a1's deleted sentences
        assert con.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    finally:
        con.close()


def test_database_path_under_a_file_is_refused_before_anything_is_written(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    db = blocker / "events.duckdb"
    with pytest.raises(WarehouseError) as error:
        acquire_run_lock(db, "r1", wait=0)
    message = str(error.value)
    assert message.startswith(f"{db}: cannot write beside the database (")
    assert "Nothing was written" in message
    assert blocker.read_text() == "a file where the database folder should be"


def test_database_path_that_is_a_folder_gives_a_located_error(tmp_path):
    folder = tmp_path / "events.duckdb"
    folder.mkdir()
    with pytest.raises(WarehouseError) as error:
        acquire_run_lock(folder, "r1", wait=0)
    assert str(error.value).startswith(f"{folder}: cannot open:")
    assert list(folder.iterdir()) == []


def test_read_only_database_file_gives_a_located_error(tmp_path, monkeypatch):
    # Tests run as root, where chmod does not stop writes: inject the error DuckDB raises.
    def read_only(*args, **kwargs):
        raise duckdb.IOException('Cannot open file "events.duckdb": Read-only file system')

    monkeypatch.setattr(duckdb, "connect", read_only)
    with pytest.raises(WarehouseError) as error:
        connect(tmp_path / "events.duckdb")
    assert str(error.value).startswith(f"{tmp_path / 'events.duckdb'}: cannot open: ")
    assert str(error.value).endswith("Read-only file system")
