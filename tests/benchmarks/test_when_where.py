"""The when-and-where regression set, coded with the bundled dictionaries: per-feature floors.

Floors are the accuracy measured when the set was written minus a small margin, so a
regression in dates, places or coreference (or in the dictionaries they rely on) fails here."""

from __future__ import annotations

import pytest

from benchmarks.when_where import (
    FEATURES,
    load_cases,
    run_cases,
    sample_articles,
    sample_counts,
)
from coding.pipeline import load_coder

# Measured 2024-era set, 98 expected events: date .959, precision .969, background .959,
# place .889, country .889, coords .889, resolved .970; 95 of 98 events coded.
FLOORS = {
    "date": 0.92,
    "precision": 0.92,
    "background": 0.92,
    "place": 0.83,
    "country": 0.83,
    "coords": 0.83,
    "resolved": 0.92,
}
CODED_FLOOR = 0.92


@pytest.fixture(scope="module")
def coder():
    return load_coder()


def test_regression_set_has_at_least_sixty_articles_with_expectations():
    cases = load_cases()
    assert len(cases) >= 60
    assert len({c.article.article_id for c in cases}) == len(cases)
    assert sum(len(c.events) for c in cases) >= 90


@pytest.mark.slow
def test_when_where_accuracy_stays_above_the_measured_floors(coder):
    scores = run_cases(coder, load_cases())
    assert scores.coded_events / scores.expected_events >= CODED_FLOOR, scores.misses
    below = {
        f: round(scores.accuracy(f), 3) for f in FEATURES if scores.accuracy(f) < FLOORS[f]
    }
    assert below == {}, scores.misses


@pytest.mark.slow
def test_sample_articles_get_dates_from_text(coder):
    counts = sample_counts(coder, sample_articles())
    assert counts["articles"] >= 8
    assert counts["date from text"] >= 1
    assert counts["place resolved"] <= counts["place named"] <= counts["events"]
