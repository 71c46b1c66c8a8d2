"""The warehouse benchmark's parts at a tiny scale: the data is valid and every step runs."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
from typer.testing import CliRunner

from benchmarks.warehouse import (
    BULK,
    BULK_BATCHED,
    EVENTS_PER_ARTICLE,
    OURS,
    OURS_BATCHED,
    VIEWS,
    app,
    bare_insert,
    bulk_insert,
    exports,
    our_load,
    sorted_parquet_export,
    synthetic,
    table,
    views,
)
from warehouse.arrow import EVENTS_SCHEMA
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


def _counts(path) -> list[int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("articles", "sentences", "events")]
    finally:
        con.close()


def test_every_benchmark_step_runs_and_loads_the_same_rows(tmp_path):
    data = synthetic(2_000)
    loads = [
        bare_insert(data, tmp_path / "bare.duckdb"),
        bulk_insert(data, tmp_path / "bulk.duckdb", 2_000, BULK),
        our_load(data, tmp_path / "ours.duckdb", 2_000, OURS),
        bulk_insert(data, tmp_path / "bulk_batched.duckdb", 500, BULK_BATCHED),
        our_load(data, tmp_path / "events.duckdb", 500, OURS_BATCHED),
    ]
    exported = exports(tmp_path / "events.duckdb", tmp_path / "out")
    sorted_export = sorted_parquet_export(tmp_path / "events.duckdb", tmp_path / "out")
    viewed = views(tmp_path / "events.duckdb", 2_000)

    for name in ("bare", "bulk", "ours", "bulk_batched", "events"):
        assert _counts(tmp_path / f"{name}.duckdb") == [400, 2_000, 2_000], name
    assert all(t.rows == 2_000 and t.seconds > 0 for t in loads)
    assert [t.note for t in loads[1:]] == ["one batch"] * 2 + ["batches of 500"] * 2
    assert [t.step for t in exported] == [f"(c) export {f}" for f in FORMATS]
    assert all(t.rows == 2_000 for t in exported)
    dates = pq.read_table(tmp_path / "out" / "events.sorted.parquet").column("event_date")
    assert sorted_export.rows == 2_000 and dates.to_pylist() == sorted(dates.to_pylist())
    assert [t.step for t in viewed] == [f"(d) view {v}" for v in VIEWS]
    printed = table([*loads, *exported, sorted_export, *viewed])
    assert "load time / DuckDB bulk insert time, whole table:" in printed
    assert "load time / DuckDB bulk insert time, batch by batch:" in printed
    assert "parquet export:" in printed and "sorted parquet export:" in printed


def test_benchmark_command_prints_the_table(tmp_path):
    result = CliRunner().invoke(app, ["--rows", "1000", "--batch", "250", "--workdir",
                                      str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "(b) load_batch" in result.output and "events/s" in result.output
    assert "Great Expectations validation is not timed here." in result.output
