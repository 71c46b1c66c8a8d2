from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pyreadstat
import pytest

from tests.warehouse.builders import RUN_ID, article, event, report
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.export import export_events
from warehouse.load import load_batch

EVENTS = [
    event("a1", 0, code="0311", source="USA", target="CHN", event_date=date(2024, 1, 15)),
    event("a1", 1, code="010", source="RUSGOV", target="UKR", event_date=date(2024, 2, 1)),
    event("a2", 0, code="190", source="RUSMIL", target="UKRMIL", event_date=date(2024, 3, 3)),
    event("a2", 1, code="112", source="CHN", target="USAGOV", event_date=date(2024, 3, 4)),
]


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "events.duckdb")
    articles = [article("a1"), article("a2")]
    load_batch(
        connection,
        articles_to_arrow(articles, RUN_ID),
        sentences_to_arrow([report(a.article_id, i) for a in articles for i in range(2)]),
        events_to_arrow(EVENTS, RUN_ID),
        QUARANTINE_SCHEMA.empty_table(),
    )
    yield connection
    connection.close()


def _warehouse_frame(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM events ORDER BY event_date, event_id").df()


def test_csv_round_trip_equals_warehouse_rows_and_keeps_leading_zeros(con, tmp_path):
    out = tmp_path / "out" / "events.csv"
    result = export_events(con, "csv", out)

    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    stored = _warehouse_frame(con)
    assert result.rows == len(back) == 4
    assert list(back.columns) == list(stored.columns)
    assert back["event_code"].tolist() == ["0311", "010", "190", "112"]
    assert back["event_root_code"].tolist() == ["03", "01", "19", "11"]
    assert back["event_id"].tolist() == stored["event_id"].tolist()
    assert back["goldstein"].astype(float).tolist() == stored["goldstein"].tolist()
    assert back["trace"].map(json.loads).tolist() == stored["trace"].map(json.loads).tolist()
    assert sorted(p.name for p in out.parent.iterdir()) == ["events.csv", "events.csv.codebook.md"]


def test_parquet_round_trip_equals_warehouse_rows(con, tmp_path):
    out = tmp_path / "events.parquet"
    export_events(con, "parquet", out)
    back = pq.read_table(out)
    stored = con.sql("SELECT * FROM events ORDER BY event_date, event_id").to_arrow_table()
    assert back.column_names == stored.column_names
    assert back.to_pylist() == stored.to_pylist()
    assert pq.read_schema(out).field("event_code").type == "string"


def test_filters_select_by_date_country_and_root(con, tmp_path):
    result = export_events(
        con, "csv", tmp_path / "f.csv", since=date(2024, 2, 1), until=date(2024, 3, 3)
    )
    assert result.rows == 2
    by_country = export_events(con, "csv", tmp_path / "c.csv", country="chn")
    assert pd.read_csv(tmp_path / "c.csv", dtype=str)["event_code"].tolist() == ["0311", "112"]
    assert by_country.rows == 2
    by_root = export_events(con, "csv", tmp_path / "r.csv", root="1")
    assert pd.read_csv(tmp_path / "r.csv", dtype=str)["event_code"].tolist() == ["010"]
    assert by_root.rows == 1


def test_codebook_lists_columns_versions_and_query(con, tmp_path):
    result = export_events(con, "parquet", tmp_path / "e.parquet", root="19")
    text = result.codebook.read_text()
    assert "| event_code | string | CAMEO event code as text" in text
    assert "dictionary versions: dict-v1" in text and "coder versions: 0.1.0" in text
    assert "event_root_code = ?" in text and '["19"]' in text


def test_tsv_and_jsonl_keep_codes_as_text(con, tmp_path):
    export_events(con, "tsv", tmp_path / "e.tsv")
    tsv = pd.read_csv(tmp_path / "e.tsv", sep="\t", dtype=str)
    assert tsv["event_code"].tolist() == ["0311", "010", "190", "112"]
    export_events(con, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [r["event_code"] for r in rows] == ["0311", "010", "190", "112"]
    assert rows[0]["event_date"] == "2024-01-15"


def test_stata_export_reads_back_with_codes_as_strings(con, tmp_path):
    out = tmp_path / "e.dta"
    export_events(con, "dta", out, column_set="icews")
    frame, meta = pyreadstat.read_dta(out)
    assert frame["CAMEO_Code"].tolist() == ["0311", "010", "190", "112"]
    assert frame["Event_Date"].tolist()[0] == "2024-01-15"
    assert meta.number_rows == 4


@pytest.mark.parametrize(
    ("column_set", "column", "first"),
    [
        ("gdelt", "SQLDATE", 20240115),
        ("phoenix", "Date", "20240115"),
        ("icews", "CAMEO Code", "0311"),
    ],
)
def test_column_sets_rename_columns_like_the_datasets(con, tmp_path, column_set, column, first):
    out = tmp_path / f"{column_set}.parquet"
    export_events(con, "parquet", out, column_set=column_set)
    assert pq.read_table(out).column(column).to_pylist()[0] == first


def test_gdelt_export_keeps_event_codes_as_strings(con, tmp_path):
    export_events(con, "parquet", tmp_path / "g.parquet", column_set="gdelt")
    table = pq.read_table(tmp_path / "g.parquet")
    assert table.column("EventCode").to_pylist() == ["0311", "010", "190", "112"]
    assert table.column("EventRootCode").to_pylist() == ["03", "01", "19", "11"]


def test_unknown_format_or_root_is_rejected_before_writing(con, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export_events(con, "xlsx", tmp_path / "e.xlsx")
    with pytest.raises(ValueError, match="root must be a CAMEO root code"):
        export_events(con, "csv", tmp_path / "e.csv", root="21")
    assert list(tmp_path.glob("e.*")) == []


def test_partitioned_parquet_writes_one_folder_per_month_and_reads_back(con, tmp_path):
    out = tmp_path / "events_by_month"
    result = export_events(con, "parquet", out, partition_by_month=True)
    folders = sorted(str(p.relative_to(out)) for p in out.glob("year=*/month=*"))
    assert folders == ["year=2024/month=1", "year=2024/month=2", "year=2024/month=3"]
    back = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert sorted(back.column("event_code").to_pylist()) == ["010", "0311", "112", "190"]
    assert result.codebook == tmp_path / "events_by_month.codebook.md"


def test_partitioning_is_refused_for_flat_formats(con, tmp_path):
    with pytest.raises(ValueError, match="partition_by_month needs format parquet"):
        export_events(con, "csv", tmp_path / "e.csv", partition_by_month=True)


def test_stata_export_handles_long_text_and_missing_strings(con, tmp_path):
    long_event = event("a3", 0, sentence_text="word " * 1000)
    load_batch(
        con,
        articles_to_arrow([article("a3", url="")], RUN_ID),  # a story with no address
        sentences_to_arrow([report("a3", 0)]),
        events_to_arrow([long_event], RUN_ID),
        QUARANTINE_SCHEMA.empty_table(),
    )
    out = tmp_path / "long.dta"
    export_events(con, "dta", out, since=date(2024, 3, 3), until=date(2024, 3, 3))
    frame, _ = pyreadstat.read_dta(out)
    assert sorted(len(t) for t in frame["sentence_text"]) == [len("Sentence 0 of a2."), 5000]
    assert frame["negated"].tolist() == [0, 0]
    export_events(con, "dta", tmp_path / "g.dta", column_set="gdelt", since=date(2024, 3, 3))
    gdelt, _ = pyreadstat.read_dta(tmp_path / "g.dta")
    assert "" in gdelt["SOURCEURL"].tolist()


def _load_an_earlier_event_last(con):
    """An event dated before all others, loaded after them: storage order is not date order."""
    early = event("a9", 0, code="042", source="FRA", target="DEU", event_date=date(2023, 12, 1))
    load_batch(
        con,
        articles_to_arrow([article("a9")], RUN_ID),
        sentences_to_arrow([report("a9", 0)]),
        events_to_arrow([early], RUN_ID),
        QUARANTINE_SCHEMA.empty_table(),
    )
    return early


def test_parquet_keeps_storage_order_by_default_and_sorts_when_asked(con, tmp_path):
    early = _load_an_earlier_event_last(con)
    stored = con.sql("SELECT * FROM events ORDER BY event_date, event_id").to_arrow_table()

    default = export_events(con, "parquet", tmp_path / "d.parquet")
    back = pq.read_table(tmp_path / "d.parquet")
    assert back.column("event_id").to_pylist()[-1] == early.event_id  # loaded last, not sorted
    resorted = back.sort_by([("event_date", "ascending"), ("event_id", "ascending")])
    assert resorted.to_pylist() == stored.to_pylist()
    assert "row order: as stored in the warehouse (unsorted)" in default.codebook.read_text()

    ordered = export_events(con, "parquet", tmp_path / "o.parquet", ordered=True)
    ids = pq.read_table(tmp_path / "o.parquet").column("event_id").to_pylist()
    assert ids == stored.column("event_id").to_pylist() and ids[0] == early.event_id
    assert "row order: event date, then event id" in ordered.codebook.read_text()


@pytest.mark.parametrize("column_set", ["native", "gdelt", "phoenix", "icews"])
def test_text_formats_are_sorted_by_date_by_default_in_every_column_set(
    con, tmp_path, column_set
):
    _load_an_earlier_event_last(con)
    export_events(con, "csv", tmp_path / "e.csv", column_set=column_set)
    back = pd.read_csv(tmp_path / "e.csv", dtype=str, keep_default_na=False)
    codes = back[{"native": "event_code", "gdelt": "EventCode", "phoenix": "EventCode",
                  "icews": "CAMEO Code"}[column_set]].tolist()
    assert codes == ["042", "0311", "010", "190", "112"]


@pytest.mark.parametrize(
    ("column_set", "width", "first", "last"),
    [
        ("gdelt", 61, "GLOBALEVENTID", "SOURCEURL"),
        ("phoenix", 26, "EventID", "NewsSources"),
        ("icews", 20, "Event ID", "Longitude"),
    ],
)
def test_column_sets_have_every_column_of_their_dataset_in_order(
    con, tmp_path, column_set, width, first, last
):
    result = export_events(con, "csv", tmp_path / f"{column_set}.csv", column_set=column_set)
    assert len(result.columns) == width
    assert (result.columns[0], result.columns[-1]) == (first, last)


def test_phoenix_penta_class_follows_phoenix_scheme_not_gdelt_quads(con, tmp_path):
    export_events(con, "parquet", tmp_path / "p.parquet", column_set="phoenix")
    back = pq.read_table(tmp_path / "p.parquet").to_pandas()
    expected = {"01": 0, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2}
    expected |= {f"{r:02d}": 3 for r in range(9, 14)} | {f"{r:02d}": 4 for r in range(14, 21)}
    assert all(expected[root] == penta for root, penta in zip(
        back["EventRootCode"], back["PentaClass"], strict=True
    ))
    assert len(back) > 0
