"""The whole flow over the bad-input corpus: the good articles are coded, every bad record is
in input_problems with its reason, the run-on sentence is kept but not coded, counts reconcile."""

from __future__ import annotations

import pytest

from flows.daily import daily
from tests.faults.corpus import ARTICLES, INJECTION_TITLE, SKIPPED, write_corpus
from tests.faults.helpers import assert_consistent, reconciliation
from tests.helpers import rows, scalar

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_run(prefect_harness, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    expected = write_corpus(folder / "in")
    db = folder / "events.duckdb"
    summary = daily(inputs=[str(folder / "in")], db_path=str(db), batch_size=4)
    return db, summary, expected


def test_corpus_run_codes_the_good_articles(corpus_run):
    db, summary, _ = corpus_run
    assert_consistent(db)
    assert summary.articles == ARTICLES
    assert scalar(db, "SELECT count(*) FROM articles") == ARTICLES
    coded = {a for (a,) in rows(db, "SELECT DISTINCT article_id FROM events")}
    assert len(coded) >= 5, coded
    assert scalar(db, "SELECT title FROM articles WHERE article_id = 'inject'") == INJECTION_TITLE
    assert scalar(db, "SELECT count(*) FROM events") > 0  # the table survived the title


def test_corpus_run_records_every_bad_record_with_its_reason(corpus_run):
    db, summary, expected = corpus_run
    stored = rows(db, "SELECT source, line, reason, skipped FROM input_problems WHERE run_id = ?",
                  [summary.run_id])
    assert len(stored) == len(expected)
    for want in expected:
        match = [r for r in stored if r[0].endswith(want.file) and r[1] == want.line
                 and want.reason in r[2]]
        assert len(match) == 1 and match[0][3] is want.skipped, (want, stored)


def test_corpus_run_keeps_the_run_on_sentence_uncoded_with_its_reason(corpus_run):
    db, _, _ = corpus_run
    found = rows(db, "SELECT length(text), not_coded_reason FROM sentences "
                     "WHERE not_coded_reason IS NOT NULL")
    assert len(found) == 1
    length, reason = found[0]
    assert length > 30_000
    assert reason.startswith("guard max_sentence_tokens: 5001 tokens, over the limit of 300")


def test_corpus_run_counts_reconcile(corpus_run):
    db, summary, _ = corpus_run
    balance = reconciliation(db, summary.run_id)
    assert balance["ingested"] == ARTICLES + SKIPPED
    assert balance["skipped"] == SKIPPED
    assert balance["coded"] + balance["quarantined"] == ARTICLES
    assert balance["balanced"] is True
    assert scalar(db, "SELECT status FROM runs WHERE run_id = ?", [summary.run_id]) == "completed"
