"""Warehouse speed: load, export and view throughput on synthetic events.

    python -m benchmarks.warehouse [--rows 1000000] [--batch 10000] [--workdir DIR]

Generates N events (five per article, one sentence each) as Arrow tables in the warehouse's
schemas, then times, in one process:
  (a0) DuckDB's bulk insert of the three Arrow tables into bare tables (CREATE TABLE AS, one
      transaction, no keys or indexes): the floor for writing this data at all;
  (a) DuckDB's own bulk insert of the same Arrow tables into a fresh migrated warehouse (one
      INSERT per table, one transaction): the floor for writing it into these tables, whose
      primary keys and article index are the warehouse's integrity guarantees;
  (b) our load path, warehouse.load.load_batch, given the whole table in one call (conforming
      casts, delete-previous and the article upsert included): the target compares it with (a);
  (a') and (b') the same two, batch by batch, one transaction per batch, as the daily flow loads.
      Each small commit goes through DuckDB's write-ahead log and is written again at the
      checkpoint, so batching alone costs a multiple of (a);
  (c) each export format (native column set, each format's default row order) from the loaded
      database, and parquet once more sorted by date and id;
  (d) count(*) over each analysis view.
Great Expectations validation is not part of this benchmark (the flow validates before loading;
its cost is per batch and independent of the warehouse). Rates are events per second. The
machine's load average is printed with the table: on a shared machine the wall-clock rates
move by 2x between runs, the ratios (same process, same minute) much less.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import typer

from coding.dictionaries import BUNDLED, CODE_TABLE
from warehouse.arrow import ARTICLES_SCHEMA, EVENTS_SCHEMA, QUARANTINE_SCHEMA, SENTENCES_SCHEMA
from warehouse.db import connect
from warehouse.export import FORMATS, export_events
from warehouse.load import load_batch

log = logging.getLogger(__name__)

EVENTS_PER_ARTICLE = 5
FIRST_DAY = date(2023, 1, 1)
DAYS = 730
ACTORS = tuple(
    f"{country}{role}"
    for country in ("USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "ISR", "IRN", "IND")
    for role in ("", "GOV", "MIL", "OPP", "BUS")
)
VIEWS = ("events_dedup", "dyad_daily", "goldstein_monthly", "country_monthly")
LOAD_TARGET = 1.5  # our load time / bare insert time
PARQUET_TARGET = 500_000  # events per second
BARE, BULK, OURS = "(a0) bare tables", "(a) bulk insert", "(b) load_batch"
BULK_BATCHED, OURS_BATCHED = "(a') bulk insert", "(b') load_batch"

app = typer.Typer(add_completion=False, help="Warehouse load, export and view throughput.")


@dataclass(frozen=True, slots=True)
class Batch:
    articles: pa.Table
    sentences: pa.Table
    events: pa.Table


@dataclass(frozen=True, slots=True)
class Timing:
    step: str
    rows: int  # events processed
    seconds: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else float("inf")


def synthetic(rows: int, seed: int = 7) -> Batch:
    """`rows` events over two years, 50 actors and every CAMEO code, with their articles."""
    rng = np.random.default_rng(seed)
    codes = _code_table()
    articles_n = -(-rows // EVENTS_PER_ARTICLE)
    numbers = pa.array(np.arange(articles_n)).cast(pa.string())
    article_ids = pc.binary_join_element_wise("a", numbers, "")
    published = pa.array(
        np.datetime64(FIRST_DAY, "us") + rng.integers(0, DAYS, articles_n).astype("timedelta64[D]"),
    ).cast(pa.timestamp("us", tz="UTC"))
    articles = _table(
        {
            "article_id": article_ids,
            "title": pc.binary_join_element_wise("Synthetic story ", article_ids, ""),
            "text": pa.array(np.full(articles_n, "Synthetic article text. " * 8, dtype=object)),
            "published_at": published,
            "source": pa.array(rng.choice(["Wire A", "Wire B", "Wire C", "Paper D"], articles_n)),
            "url": pc.binary_join_element_wise("https://example.org/", article_ids, ""),
            "language": pa.array(np.full(articles_n, "en", dtype=object), pa.string()),
            "ingested_at": pa.array(np.full(articles_n, datetime(2025, 1, 1, tzinfo=UTC))),
            "run_id": pa.array(np.full(articles_n, "bench", dtype=object), pa.string()),
        },
        ARTICLES_SCHEMA,
        articles_n,
    )
    index = np.arange(rows)
    owner = index // EVENTS_PER_ARTICLE
    event_article = article_ids.take(pa.array(owner))
    sentence_index = pa.array(index % EVENTS_PER_ARTICLE, pa.int32())
    sentence_text = pc.binary_join_element_wise(
        "Sentence ", sentence_index.cast(pa.string()), " of ", event_article,
        ": a government official said the two sides met and talked.", "",
    )
    sentences = _table(
        {"article_id": event_article, "sentence_index": sentence_index, "text": sentence_text},
        SENTENCES_SCHEMA,
        rows,
    )
    return Batch(articles, sentences, _events(rng, rows, event_article, sentence_index,
                                              sentence_text, codes))


def _events(
    rng: np.random.Generator,
    rows: int,
    article_id: pa.Array,
    sentence_index: pa.Array,
    sentence_text: pa.Array,
    codes: list[tuple[str, float, int]],
) -> pa.Table:
    pick = rng.integers(0, len(codes), rows)
    code = pa.array([c[0] for c in codes]).take(pa.array(pick))
    source_pick = rng.integers(0, len(ACTORS), rows)
    # Never the same actor on both sides: the target is shifted by 1..len-1 places.
    target_pick = (source_pick + rng.integers(1, len(ACTORS), rows)) % len(ACTORS)
    actors = pa.array(ACTORS)
    source, target = actors.take(pa.array(source_pick)), actors.take(pa.array(target_pick))
    days = np.datetime64(FIRST_DAY, "D") + rng.integers(0, DAYS, rows).astype("timedelta64[D]")
    false = pa.array(np.zeros(rows, dtype=bool))

    def constant(value: str) -> pa.Array:
        return pa.array(np.full(rows, value, dtype=object), pa.string())

    columns: dict[str, pa.Array] = {
        "event_id": pc.binary_join_element_wise(
            article_id, sentence_index.cast(pa.string()), source, target, code, ":"
        ),
        "article_id": article_id,
        "sentence_index": sentence_index,
        "sentence_text": sentence_text,
        "event_date": pa.array(days, pa.date32()),
        "date_precision": constant("day"),
        "date_source": constant("publication"),
        "source_code": source,
        "source_country": pc.utf8_slice_codeunits(source, 0, 3),
        "source_role": pc.utf8_slice_codeunits(source, 3),
        "source_text": source,
        "source_rule": constant("actors/countries.txt:12"),
        "target_code": target,
        "target_country": pc.utf8_slice_codeunits(target, 0, 3),
        "target_role": pc.utf8_slice_codeunits(target, 3),
        "target_text": target,
        "target_rule": constant("actors/countries.txt:40"),
        "event_code": code,
        "event_base_code": pc.utf8_slice_codeunits(code, 0, 3),
        "event_root_code": pc.utf8_slice_codeunits(code, 0, 2),
        "quad_class": pa.array([c[2] for c in codes], pa.int32()).take(pa.array(pick)),
        "goldstein": pa.array([c[1] for c in codes], pa.float64()).take(pa.array(pick)),
        "plover_category": constant(""),
        "verb_text": constant("met"),
        "matched_rule": constant("verbs/04_consult.txt:20"),
        "negated": false,
        "hypothetical": false,
        "future": false,
        "reported_speech": false,
        "passive": false,
        "location_text": constant(""),
        "location_country": constant(""),
        "coder_version": constant("0.1.0"),
        "dictionary_version": constant("bench"),
        "run_id": constant("bench"),
        "trace": constant(
            '[{"stage": "verb", "rule": "verbs/04_consult.txt:20", "outcome": "MATCHED", '
            '"detail": "met"}]'
        ),
    }
    return _table(columns, EVENTS_SCHEMA, rows)


def _table(columns: dict[str, pa.Array], schema: pa.Schema, rows: int) -> pa.Table:
    # Columns this generator does not fill (added to the schema later) get the coder's defaults.
    filled = {f.name: columns.get(f.name, _default_column(f.type, rows)) for f in schema}
    return pa.table(filled, schema=schema)


def _default_column(dtype: pa.DataType, rows: int) -> pa.Array:
    """False for flags (the columns are NOT NULL or default false), otherwise missing."""
    if pa.types.is_boolean(dtype):
        return pa.array(np.zeros(rows, dtype=bool))
    return pa.nulls(rows, dtype)


def _code_table() -> list[tuple[str, float, int]]:
    from coding.bundled_format import parse_code_table

    path = BUNDLED / CODE_TABLE
    codes, _ = parse_code_table(path.read_text(encoding="utf-8"), str(path))
    return [(c.code, c.goldstein, c.quad_class) for c in codes.values()]


@contextmanager
def _timer() -> Iterator[Callable[[], float]]:
    start = time.perf_counter()
    elapsed: list[float] = []
    yield lambda: elapsed[0]
    elapsed.append(time.perf_counter() - start)


def bare_insert(batch: Batch, path: Path) -> Timing:
    """(a0) DuckDB's bulk insert of the same three tables into bare tables, one transaction."""
    con = duckdb.connect(str(path))
    try:
        for name, table in (("a", batch.articles), ("s", batch.sentences), ("e", batch.events)):
            con.register(f"arrow_{name}", table)
        with _timer() as took:
            con.execute("BEGIN TRANSACTION")
            con.execute("CREATE TABLE articles AS SELECT * FROM arrow_a")
            con.execute("CREATE TABLE sentences AS SELECT * FROM arrow_s")
            con.execute("CREATE TABLE events AS SELECT * FROM arrow_e")
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
    finally:
        con.close()
    return Timing(BARE, batch.events.num_rows, took(), "CREATE TABLE AS, no keys")


def bulk_insert(batch: Batch, path: Path, batch_size: int, step: str) -> Timing:
    """(a) and (a') DuckDB's own INSERT of the Arrow tables into a fresh migrated warehouse,
    `batch_size` events per transaction, on a writer connection like the flow's."""
    con = connect(path)
    try:
        with _timer() as took:
            for articles, sentences, events in _slices(batch, batch_size):
                con.execute("BEGIN TRANSACTION")
                for name, data in (("articles", articles), ("sentences", sentences),
                                   ("events", events)):
                    con.register("arrow_batch", data)
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM arrow_batch")
                    con.unregister("arrow_batch")
                con.execute("COMMIT")
            con.execute("CHECKPOINT")
    finally:
        con.close()
    return Timing(step, batch.events.num_rows, took(), _batches_note(batch, batch_size))


def _batches_note(batch: Batch, batch_size: int) -> str:
    return "one batch" if batch_size >= batch.events.num_rows else f"batches of {batch_size:,}"


def _slices(batch: Batch, batch_size: int) -> Iterator[tuple[pa.Table, pa.Table, pa.Table]]:
    """Whole articles, `batch_size` events at a time (the events of an article are contiguous)."""
    per_article = batch_size // EVENTS_PER_ARTICLE
    for start in range(0, batch.articles.num_rows, per_article):
        first = start * EVENTS_PER_ARTICLE
        yield (
            batch.articles.slice(start, per_article),
            batch.sentences.slice(first, batch_size),
            batch.events.slice(first, batch_size),
        )


def our_load(batch: Batch, path: Path, batch_size: int, step: str) -> Timing:
    """(b) and (b') warehouse.load.load_batch, `batch_size` events per call."""
    quarantine = QUARANTINE_SCHEMA.empty_table()
    con = connect(path)
    try:
        with _timer() as took:
            for articles, sentences, events in _slices(batch, batch_size):
                load_batch(con, articles, sentences, events, quarantine)
            con.execute("CHECKPOINT")
    finally:
        con.close()
    return Timing(step, batch.events.num_rows, took(), _batches_note(batch, batch_size))


def exports(path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS) -> list[Timing]:
    """(c) each export format, native column set, from a read-only connection."""
    con = connect(path, read_only=True)
    timings = []
    try:
        for fmt in formats:
            with _timer() as took:
                result = export_events(con, fmt, out_dir / f"events.{fmt}")
            size = result.path.stat().st_size / 1e6
            timings.append(Timing(f"(c) export {fmt}", result.rows, took(), f"{size:,.0f} MB"))
    finally:
        con.close()
    return timings


def sorted_parquet_export(path: Path, out_dir: Path) -> Timing:
    """(c) parquet sorted by event date and id (ordered=True), to show what the sort costs."""
    con = connect(path, read_only=True)
    try:
        with _timer() as took:
            result = export_events(con, "parquet", out_dir / "events.sorted.parquet", ordered=True)
    finally:
        con.close()
    size = result.path.stat().st_size / 1e6
    return Timing("(c) export parquet sorted", result.rows, took(), f"{size:,.0f} MB")


def views(path: Path, events: int) -> list[Timing]:
    """(d) count(*) over each view; the rate is events read per second."""
    con = connect(path, read_only=True)
    timings = []
    try:
        for view in VIEWS:
            with _timer() as took:
                count = con.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0]
            timings.append(Timing(f"(d) view {view}", events, took(), f"{count:,} rows"))
    finally:
        con.close()
    return timings


def run_benchmark(rows: int, batch_size: int, workdir: Path) -> list[Timing]:
    loads = ("bare", "bulk", "ours", "bulk_batched", "events")
    for stale in loads:
        (workdir / f"{stale}.duckdb").unlink(missing_ok=True)
    with _timer() as generated:
        data = synthetic(rows)
    log.info("generated %d events in %.1f s (not timed below)", rows, generated())
    timings = [
        bare_insert(data, workdir / "bare.duckdb"),
        bulk_insert(data, workdir / "bulk.duckdb", rows, BULK),
        our_load(data, workdir / "ours.duckdb", rows, OURS),
        bulk_insert(data, workdir / "bulk_batched.duckdb", batch_size, BULK_BATCHED),
        our_load(data, workdir / "events.duckdb", batch_size, OURS_BATCHED),
    ]
    return [
        *timings,
        *exports(workdir / "events.duckdb", workdir / "exports"),
        sorted_parquet_export(workdir / "events.duckdb", workdir / "exports"),
        *views(workdir / "events.duckdb", rows),
    ]


def table(timings: list[Timing]) -> str:
    lines = [f"{'step':<28} {'events':>10} {'seconds':>8} {'events/s':>12}  note", "-" * 78]
    lines += [
        f"{t.step:<28} {t.rows:>10,} {t.seconds:>8.2f} {t.rate:>12,.0f}  {t.note}" for t in timings
    ]
    seconds = {t.step: t.seconds for t in timings}
    ratio = seconds[OURS] / seconds[BULK]
    lines += [
        "",
        f"load time / DuckDB bulk insert time, whole table: {ratio:.2f}x "
        f"(target <= {LOAD_TARGET}x: {'met' if ratio <= LOAD_TARGET else 'MISSED'})",
        f"load time / DuckDB bulk insert time, batch by batch: "
        f"{seconds[OURS_BATCHED] / seconds[BULK_BATCHED]:.2f}x",
        f"keys and article index: the bulk insert takes {seconds[BULK] / seconds[BARE]:.2f}x "
        f"the bare tables; batching: {seconds[BULK_BATCHED] / seconds[BULK]:.2f}x one batch",
    ]
    by_step = {t.step: t for t in timings}
    for step, label in (("(c) export parquet", "parquet export"),
                        ("(c) export parquet sorted", "sorted parquet export")):
        if step in by_step:
            rate = by_step[step].rate
            lines.append(
                f"{label}: {rate:,.0f} events/s "
                f"(target >= {PARQUET_TARGET:,}: {'met' if rate >= PARQUET_TARGET else 'MISSED'})"
            )
    lines += [
        f"machine: {os.cpu_count()} CPUs, load average {_load_average()} at the end of the run",
        "Great Expectations validation is not timed here.",
    ]
    return "\n".join(lines)


def _load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # not available on this platform
        return "unknown"


@app.command()
def main(
    rows: Annotated[int, typer.Option(min=1, help="Synthetic events.")] = 1_000_000,
    batch: Annotated[
        int, typer.Option(min=EVENTS_PER_ARTICLE, help="Events per load (whole articles).")
    ] = 10_000,
    workdir: Annotated[
        Path | None, typer.Option(help="Keep the databases and exports here (default: temp).")
    ] = None,
) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("warehouse").setLevel(logging.WARNING)  # one line per batch otherwise
    if workdir is None:
        scratch = Path(tempfile.mkdtemp(prefix="cameoflow-bench-"))
        try:
            timings = run_benchmark(rows, batch, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    else:
        workdir.mkdir(parents=True, exist_ok=True)
        timings = run_benchmark(rows, batch, workdir)
    typer.echo(table(timings))


if __name__ == "__main__":
    app()
