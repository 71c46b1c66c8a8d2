from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from tests.warehouse.builders import CODES, PUBLISHED, RUN_ID, event
from warehouse.arrow import events_to_arrow
from warehouse.validation import validate_events

pytestmark = pytest.mark.slow  # the first call imports and sets up Great Expectations


def _quarantined(outcome):
    return {row["event_id"]: row["failed_expectations"] for row in outcome.quarantined.to_pylist()}


def test_valid_batch_passes_every_expectation():
    events = [event(), event(sentence_index=1, source="USA", target="CHN", code="0311")]
    outcome = validate_events(events_to_arrow(events, RUN_ID), CODES, {"a1": PUBLISHED})
    assert outcome.passed.num_rows == 2
    assert outcome.quarantined.num_rows == 0
    assert outcome.summary["success"] is True
    assert outcome.summary["evaluated_expectations"] >= 20
    assert outcome.passed.column("event_code").to_pylist() == ["190", "0311"]


def test_bad_rows_are_quarantined_with_the_names_of_the_failed_expectations():
    good = event(sentence_index=0)
    unknown_code = event(sentence_index=1, code="999")
    same_actor = event(sentence_index=2, source="RUSGOV", target="RUSGOV")
    future = event(sentence_index=3, event_date=date(2024, 3, 9))
    batch = events_to_arrow([good, unknown_code, same_actor, future], RUN_ID)

    outcome = validate_events(batch, CODES, {"a1": PUBLISHED})

    assert outcome.passed.column("event_id").to_pylist() == [good.event_id]
    failed = _quarantined(outcome)
    assert failed == {
        unknown_code.event_id: ["event_code_in_code_table"],
        same_actor.event_id: ["source_differs_from_target"],
        future.event_id: ["event_date_not_after_publication"],
    }
    assert outcome.summary["quarantined"] == 3
    assert outcome.summary["expectations"]["event_code_in_code_table"]["success"] is False
    row = json.loads(outcome.quarantined.to_pylist()[0]["row"])
    assert row["event_code"] == "999" and row["run_id"] == RUN_ID


def test_event_one_day_after_publication_passes_but_two_days_fails():
    next_day = event(sentence_index=0, event_date=date(2024, 3, 5))
    two_days = event(sentence_index=1, event_date=date(2024, 3, 6))
    outcome = validate_events(
        events_to_arrow([next_day, two_days], RUN_ID), CODES, {"a1": PUBLISHED}
    )
    assert outcome.passed.column("event_id").to_pylist() == [next_day.event_id]
    assert _quarantined(outcome) == {two_days.event_id: ["event_date_not_after_publication"]}


def test_code_table_inconsistencies_are_each_named():
    wrong_root = replace(event(sentence_index=0), event_root_code="18")
    wrong_base = replace(event(sentence_index=1, code="0311"), event_base_code="030")
    wrong_quad = replace(event(sentence_index=2), quad_class=1)
    wrong_goldstein = replace(event(sentence_index=3), goldstein=3.0)
    bad_actor = event(sentence_index=4, source="Rusgov")
    batch = events_to_arrow(
        [wrong_root, wrong_base, wrong_quad, wrong_goldstein, bad_actor], RUN_ID
    )
    failed = _quarantined(validate_events(batch, CODES, {"a1": PUBLISHED}))
    assert failed == {
        wrong_root.event_id: ["event_root_matches_code"],
        wrong_base.event_id: ["event_base_matches_code"],
        wrong_quad.event_id: ["quad_class_matches_code_table"],
        wrong_goldstein.event_id: ["goldstein_matches_code_table"],
        bad_actor.event_id: ["source_code_well_formed"],
    }


def test_duplicate_event_ids_and_unknown_articles_are_quarantined():
    first = event(sentence_index=0)
    duplicate = replace(event(sentence_index=1), event_id=first.event_id)
    orphan = event(article_id="nowhere")
    batch = events_to_arrow([first, duplicate, orphan], RUN_ID)
    outcome = validate_events(batch, CODES, {"a1": PUBLISHED})
    assert outcome.passed.num_rows == 0
    names = [row["failed_expectations"] for row in outcome.quarantined.to_pylist()]
    assert names == [["event_id_unique"], ["event_id_unique"], ["article_published_at_known"]]


def test_missing_required_field_is_quarantined_not_raised():
    batch = events_to_arrow([event(sentence_index=0), event(sentence_index=1)], RUN_ID)
    codes = batch.column("event_code").to_pylist()
    import pyarrow as pa

    batch = batch.set_column(
        batch.schema.get_field_index("event_code"), "event_code", pa.array([codes[0], None])
    )
    outcome = validate_events(batch, CODES, {"a1": PUBLISHED})
    assert outcome.passed.num_rows == 1
    failed = outcome.quarantined.to_pylist()[0]["failed_expectations"]
    assert "event_code_not_null" in failed


def test_the_suite_set_up_once_still_checks_every_later_batch():
    # The GX context and suite are built once per code table and reused: a clean batch must not
    # leave anything behind that lets a later bad batch through or mixes their counts.
    clean = events_to_arrow([event(sentence_index=0)], RUN_ID)
    same_actor = event(sentence_index=1, source="RUSGOV", target="RUSGOV")
    bad = events_to_arrow([event(sentence_index=0), same_actor], RUN_ID)

    first = validate_events(clean, CODES, {"a1": PUBLISHED})
    second = validate_events(bad, CODES, {"a1": PUBLISHED})
    third = validate_events(clean, CODES, {"a1": PUBLISHED})

    assert first.summary["success"] and third.summary["success"]
    assert _quarantined(second) == {same_actor.event_id: ["source_differs_from_target"]}
    assert second.summary["suite"] == first.summary["suite"]
    assert second.summary["rows"] == 2 and third.summary["quarantined"] == 0

def test_results_are_not_kept_in_memory_batch_after_batch():
    # A `serve` process validates batches for months: without data docs nothing is stored.
    from warehouse.validation import _validator

    batch = events_to_arrow([event()], RUN_ID)
    for _ in range(3):
        assert validate_events(batch, CODES, {"a1": PUBLISHED}).summary["success"]
    store = _validator(frozenset(CODES), None).context.validation_results_store
    assert store.list_keys() == []


def test_empty_batch_validates_without_running_gx():
    outcome = validate_events(events_to_arrow([], RUN_ID), CODES, {})
    assert outcome.passed.num_rows == 0 and outcome.quarantined.num_rows == 0
    assert outcome.summary["rows"] == 0


def test_data_docs_are_written_to_the_given_folder(tmp_path):
    docs = tmp_path / "gx"
    outcome = validate_events(events_to_arrow([event()], RUN_ID), CODES, {"a1": PUBLISHED}, docs)
    assert (docs / "index.html").is_file()
    assert outcome.summary["data_docs"].endswith("index.html")
