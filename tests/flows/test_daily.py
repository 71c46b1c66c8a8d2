"""The daily flow end to end: real Prefect flow runs, the real model, real GX, real DuckDB."""

from __future__ import annotations

import shutil

import pytest

from flows.daily import daily
from tests.conftest import REPO
from tests.helpers import rows

pytestmark = pytest.mark.slow

SAMPLES = REPO / "samples" / "articles"
SAMPLE_JSONL = REPO / "samples" / "articles.jsonl"




@pytest.fixture(scope="module")
def sample_run(prefect_harness, tmp_path_factory):
    db = tmp_path_factory.mktemp("daily") / "events.duckdb"
    summary = daily(inputs=[str(SAMPLES), str(SAMPLE_JSONL)], db_path=str(db), batch_size=4)
    return db, summary


def test_sample_run_loads_events_from_many_root_codes(sample_run):
    db, summary = sample_run
    assert summary.articles == 11
    roots = {r for (r,) in rows(db, "SELECT DISTINCT event_root_code FROM events")}
    assert len(roots) >= 8, roots
    assert rows(db, "SELECT count(*) FROM events")[0][0] == summary.events
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 11


def test_sample_run_codes_the_shelling_of_kharkiv(sample_run):
    db, _ = sample_run
    found = rows(
        db,
        "SELECT source_code, target_code, event_code, event_date::VARCHAR, matched_rule "
        "FROM events WHERE sentence_text LIKE 'Russian forces shelled%'",
    )
    assert [(s, t, c[:2], d) for s, t, c, d, _ in found] == [("RUSMIL", "UKR", "19", "2026-03-10")]
    assert found[0][4].startswith("verbs/19_")


def test_every_event_cites_its_rule_and_versions(sample_run):
    db, _ = sample_run
    missing = rows(
        db,
        "SELECT count(*) FROM events WHERE matched_rule = '' OR coder_version = '' "
        "OR dictionary_version = '' OR trace IS NULL",
    )
    assert missing == [(0,)]


def test_run_row_records_counts_and_validation(sample_run):
    db, summary = sample_run
    status, counts = rows(
        db, "SELECT status, counts FROM runs WHERE run_id = ?", [summary.run_id]
    )[0]
    assert status == "completed"
    assert '"validate"' in counts


def test_rerunning_the_same_input_leaves_the_same_rows(prefect_harness, tmp_path):
    db = tmp_path / "events.duckdb"
    daily(inputs=[str(SAMPLES)], db_path=str(db))
    query = "SELECT count(*), count(DISTINCT event_id) FROM events"
    first = rows(db, query)
    first_sentences = rows(db, "SELECT count(*) FROM sentences")
    daily(inputs=[str(SAMPLES)], db_path=str(db))
    assert rows(db, query) == first
    assert first[0][0] == first[0][1] > 0
    assert rows(db, "SELECT count(*) FROM sentences") == first_sentences
    assert rows(db, "SELECT count(*) FROM runs") == [(2,)]


def test_bad_file_in_the_middle_of_a_folder_does_not_stop_the_run(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    (folder / "04a-broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    (folder / "04b-empty.txt").write_text("")
    db = tmp_path / "events.duckdb"
    summary = daily(inputs=[str(folder)], db_path=str(db))
    assert summary.articles == len(list(SAMPLES.glob("*.txt")))
    assert len(summary.problems) == 2
    assert any("04a-broken.txt" in str(p) for p in summary.problems)
    assert any("04b-empty.txt" in str(p) for p in summary.problems)
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == summary.articles
