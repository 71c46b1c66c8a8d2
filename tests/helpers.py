"""Reading a warehouse file in tests: one read-only connection per question, closed at once
(a test must never hold the file while a run it started wants to write)."""

from __future__ import annotations

from pathlib import Path

import duckdb


def rows(db: Path | str, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def scalar(db: Path | str, sql: str, params: list | None = None):
    return rows(db, sql, params)[0][0]


def event_ids(db: Path | str) -> set[str]:
    return {e for (e,) in rows(db, "SELECT event_id FROM events")}
