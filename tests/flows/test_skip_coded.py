"""A scheduled run pays only for what is new: articles already coded the same way are skipped."""

from __future__ import annotations

import pytest

from flows.daily import daily
from tests.conftest import REPO
from tests.helpers import event_ids

pytestmark = pytest.mark.slow

SAMPLES = REPO / "samples" / "articles"




def test_second_run_skips_coded_articles_and_recode_codes_them_again(prefect_harness, tmp_path):
    db = str(tmp_path / "events.duckdb")
    first = daily(inputs=[str(SAMPLES)], db_path=db, batch_size=3)
    before = event_ids(db)
    assert first.articles == 8 and first.skipped == 0 and before

    second = daily(inputs=[str(SAMPLES)], db_path=db, batch_size=3)
    assert (second.articles, second.skipped, second.sentences) == (0, 8, 0)
    assert event_ids(db) == before
    assert second.counts()["ingest"] == {"out": 8, "skipped": 8, "problems": 0}

    forced = daily(inputs=[str(SAMPLES)], db_path=db, batch_size=3, recode=True)
    assert (forced.articles, forced.skipped) == (8, 0)
    assert event_ids(db) == before


def test_only_new_articles_are_coded_when_a_folder_grows(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted(SAMPLES.glob("*.txt"))
    for path in texts[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    db = str(tmp_path / "events.duckdb")
    assert daily(inputs=[str(folder)], db_path=db).articles == 3
    (folder / texts[3].name).write_bytes(texts[3].read_bytes())
    grown = daily(inputs=[str(folder)], db_path=db)
    assert (grown.articles, grown.skipped) == (1, 3)
    assert not (tmp_path / "staging" / grown.run_id).exists()
