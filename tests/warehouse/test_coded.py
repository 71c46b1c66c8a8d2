"""already_coded: the articles a coder and dictionary version have loaded, via their run."""

from __future__ import annotations

from datetime import UTC, datetime

from warehouse.coded import already_coded
from warehouse.db import connect
from warehouse.runs import start_run


def add_article(con, article_id: str, run_id: str) -> None:
    con.execute(
        "INSERT INTO articles (article_id, title, text, published_at, run_id) "
        "VALUES (?, '', 'text', ?, ?)",
        [article_id, datetime(2026, 3, 1, tzinfo=UTC), run_id],
    )


def test_already_coded_matches_both_versions_of_the_loading_run(tmp_path):
    con = connect(tmp_path / "events.duckdb")
    start_run(con, "r1", "daily", [], "coder-1", "dict-1")
    start_run(con, "r2", "daily", [], "coder-2", "dict-1")
    add_article(con, "a", "r1")
    add_article(con, "b", "r2")
    add_article(con, "c", "r1")
    assert already_coded(con, ["a", "b", "d"], "coder-1", "dict-1") == {"a"}
    assert already_coded(con, ["a", "b", "c"], "coder-2", "dict-1") == {"b"}
    assert already_coded(con, ["a", "b", "c"], "coder-1", "dict-2") == set()
    assert already_coded(con, [], "coder-1", "dict-1") == set()
    con.close()
