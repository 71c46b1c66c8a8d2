"""The warehouse benchmark's parts at a tiny scale: the data is valid and every step runs."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
from typer.testing import CliRunner

from benchmarks.warehouse import (
    EVENTS_PER_ARTICLE,
    VIEWS,
    app,
    bare_insert,
    bare_insert_batched,
    exports,
    our_load,
    sorted_parquet_export,
    synthetic,
    table,
    views,
)
from warehouse.arrow import EVENTS_SCHEMA
from warehouse.db import connect
from warehouse.export import FORMATS


def test_synthetic_events_match_the_schema_and_their_articles():
    data = synthetic(1_000)
    assert data.events.schema == EVENTS_SCHEMA
    assert data.events.num_rows == data.sentences.num_rows == 1_000
    assert data.articles.num_rows == 1_000 // EVENTS_PER_ARTICLE
    events = data.events.to_pylist()
    assert len({e["event_id"] for e in events}) == 1_000
    assert all(e["source_code"] != e["target_code"] for e in events)
    assert {e["article_id"] for e in events} == set(data.articles.column("article_id").to_pylist())
    assert all(e["event_root_code"] == e["event_code"][:2] for e in events)


def test_every_benchmark_step_runs_and_loads_the_same_rows(tmp_path):
    data = synthetic(2_000)
    bare = bare_insert(data, tmp_path / "bare.duckdb")
    ours = our_load(data, tmp_path / "events.duckdb", batch_size=500)
    exported = exports(tmp_path / "events.duckdb", tmp_path / "out")
    viewed = views(tmp_path / "events.duckdb", 2_000)

    con = connect(tmp_path / "events.duckdb", read_only=True)
    counts = [con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
              for t in ("articles", "sentences", "events")]
    con.close()
    assert counts == [400, 2_000, 2_000]
    assert bare.rows == ours.rows == 2_000 and bare.seconds > 0 and ours.seconds > 0
    assert [t.step for t in exported] == [f"(c) export {f}" for f in FORMATS]
    assert all(t.rows == 2_000 for t in exported)
    assert [t.step for t in viewed] == [f"(d) view {v}" for v in VIEWS]
    printed = table([bare, ours, *exported, *viewed])
    assert "load time / bare insert time:" in printed and "parquet export:" in printed


def test_benchmark_command_prints_the_table(tmp_path):
    result = CliRunner().invoke(app, ["--rows", "1000", "--batch", "250", "--workdir",
                                      str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "(b) load_batch" in result.output and "events/s" in result.output
    assert "Great Expectations validation is not timed here." in result.output


def test_batched_bare_floor_and_sorted_parquet_cover_every_row(tmp_path):
    data = synthetic(1_000)
    floor = bare_insert_batched(data, tmp_path / "bare_batched.duckdb", batch_size=300)
    our_load(data, tmp_path / "events.duckdb", batch_size=300)
    sorted_export = sorted_parquet_export(tmp_path / "events.duckdb", tmp_path / "out")

    con = duckdb.connect(str(tmp_path / "bare_batched.duckdb"), read_only=True)
    counts = [con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
              for t in ("articles", "sentences", "events")]
    con.close()
    assert counts == [200, 1_000, 1_000]
    assert floor.step == "(a') bare insert, batched" and floor.rows == 1_000
    dates = pq.read_table(tmp_path / "out" / "events.sorted.parquet").column("event_date")
    assert sorted_export.rows == 1_000 and dates.to_pylist() == sorted(dates.to_pylist())
    printed = table([bare_insert(data, tmp_path / "bare.duckdb"), floor,
                     our_load(data, tmp_path / "again.duckdb", batch_size=300), sorted_export])
    assert "load time / bare batched insert time:" in printed
    assert "sorted parquet export:" in printed and "load average" in printed
