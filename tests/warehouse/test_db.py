from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from warehouse import db
from warehouse.db import connect, default_db_path, migrations, schema_version
from warehouse.errors import WarehouseError

TABLES = {"articles", "sentences", "events", "quarantine", "runs", "schema_version"}
VIEWS = {"events_dedup", "dyad_daily", "goldstein_monthly", "country_monthly"}
REPO = Path(__file__).resolve().parents[2]


def _names(con, kind: str) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = ?", [kind]
    ).fetchall()
    return {r[0] for r in rows}


def test_connect_creates_the_folder_and_migrates_a_new_file(tmp_path):
    path = tmp_path / "nested" / "dir" / "events.duckdb"
    con = connect(path)
    assert path.is_file()
    assert TABLES <= _names(con, "BASE TABLE")
    assert VIEWS <= _names(con, "VIEW")
    assert schema_version(con) == max(m.version for m in migrations())
    con.close()


def test_migration_from_an_empty_database_file(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    con = connect(path)
    assert TABLES <= _names(con, "BASE TABLE")
    con.close()


def test_reconnecting_applies_no_migration_twice(tmp_path):
    path = tmp_path / "events.duckdb"
    connect(path).close()
    con = connect(path)
    applied = con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert applied == [(m.version,) for m in migrations()]
    assert db.migrate(con) == []
    con.close()


def test_a_writer_told_the_schema_is_current_opens_without_checking_it(tmp_path, monkeypatch):
    path = tmp_path / "events.duckdb"
    connect(path).close()

    def no_migration(*args: object) -> None:
        raise AssertionError("migrated again")

    monkeypatch.setattr(db, "migrate", no_migration)
    con = connect(path, schema_is_current=True)
    assert TABLES <= _names(con, "BASE TABLE")
    assert _checkpoint_threshold(con) == _checkpoint_threshold(_batch_writer_settings())
    con.close()


def test_the_flows_opens_cap_duckdbs_memory_and_threads_and_others_keep_the_default(tmp_path):
    path = tmp_path / "events.duckdb"
    capped = duckdb.connect()
    capped.execute(f"SET memory_limit = '{db.FLOW_WRITER.memory}'")
    con = connect(path, limits=db.FLOW_WRITER)
    assert _setting(con, "memory_limit") == _setting(capped, "memory_limit")
    assert _setting(con, "threads") == db.FLOW_WRITER.threads
    con.close()
    con = connect(path)
    assert _setting(con, "memory_limit") == _setting(duckdb.connect(), "memory_limit")
    assert _setting(con, "memory_limit") != _setting(capped, "memory_limit")
    assert _setting(con, "threads") == _setting(duckdb.connect(), "threads")
    con.close()


def _setting(con, name: str):
    return con.execute("SELECT current_setting(?)", [name]).fetchall()[0][0]


def _checkpoint_threshold(con) -> str:
    return con.execute("SELECT current_setting('checkpoint_threshold')").fetchall()[0][0]


def _batch_writer_settings():
    con = duckdb.connect()
    con.execute(f"SET checkpoint_threshold = '{db.CHECKPOINT_THRESHOLD}'")
    return con

def test_changed_view_sql_is_applied_on_the_next_writable_open(tmp_path, monkeypatch):
    path = tmp_path / "events.duckdb"
    connect(path).close()
    views = tmp_path / "views"
    views.mkdir()
    for f in sorted(db.VIEWS_DIR.glob("*.sql")):
        (views / f.name).write_text(f.read_text())
    (views / "99_extra.sql").write_text("CREATE OR REPLACE VIEW extra AS SELECT 42 AS answer;")
    monkeypatch.setattr(db, "VIEWS_DIR", views)
    con = connect(path)
    assert con.execute("SELECT answer FROM extra").fetchall() == [(42,)]
    con.close()


def test_default_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(db.DB_PATH_ENV, raising=False)
    assert default_db_path() == REPO / "warehouse" / "events.duckdb"
    monkeypatch.setenv(db.DB_PATH_ENV, str(tmp_path / "x.duckdb"))
    assert default_db_path() == tmp_path / "x.duckdb"


def test_read_only_open_of_a_missing_file_names_it(tmp_path):
    path = tmp_path / "missing.duckdb"
    with pytest.raises(WarehouseError, match="missing.duckdb: no such warehouse file"):
        connect(path, read_only=True)
    assert not path.exists()


def test_read_only_open_of_an_unmigrated_file_says_how_to_migrate(tmp_path):
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(WarehouseError, match="schema version 0.*open it once for writing"):
        connect(path, read_only=True)


@pytest.mark.slow
def test_read_only_open_while_another_process_writes_raises_a_clear_error(tmp_path):
    path = tmp_path / "events.duckdb"
    connect(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError, match="another process holds this database"):
            connect(path, read_only=True)
    finally:
        holder.communicate(input="", timeout=30)
    # Once the writer is gone the read-only open works.
    con = connect(path, read_only=True)
    assert schema_version(con) >= 1
    con.close()


def _index_names(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}


def test_migration_4_drops_the_unused_date_index_and_keeps_the_article_index(tmp_path):
    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    con.execute(db._BOOKKEEPING_SQL)
    for migration in migrations():
        if migration.version < 4:
            db._apply(con, migration)
    assert {"events_date_idx", "events_article_idx"} <= _index_names(con)
    con.close()

    con = connect(path)
    assert "events_date_idx" not in _index_names(con)
    assert "events_article_idx" in _index_names(con)
    assert schema_version(con) == max(m.version for m in migrations()) >= 4
    con.close()
