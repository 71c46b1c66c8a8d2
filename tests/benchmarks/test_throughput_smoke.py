"""The throughput benchmark end to end on a tiny corpus: every measure and ratio is reported."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.throughput import SENTENCES_PER_ARTICLE, corpus_lines
from tests.conftest import REPO

POOL = [f"Country {n} criticized country {n + 1} over the border dispute." for n in range(30)]


def test_generated_corpus_is_deterministic_and_never_repeats_a_sentence_in_an_article():
    first = list(corpus_lines(POOL, 5))
    assert first == list(corpus_lines(POOL, 5))
    articles = [json.loads(line) for line in first]
    assert [a["id"] for a in articles] == [f"bench-{n:07d}" for n in range(5)]
    for article in articles:
        sentences = article["text"].replace("\n\n", " ").split(". ")
        assert len(sentences) == SENTENCES_PER_ARTICLE
        assert len(set(sentences)) == SENTENCES_PER_ARTICLE


@pytest.mark.slow
def test_throughput_benchmark_reports_every_one_process_measure_on_a_tiny_corpus():
    # The 2-process measures start a Dask cluster and a Prefect server of their own; the Dask
    # path is tested in tests/flows/test_dask.py, so the smoke run leaves them out.
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.throughput", "--sentences", "200",
         "--memory-articles", "2", "--no-parallel"],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("(a) bare spaCy", "(b) coder", "(c) daily flow", "b/a", "c/a",
                  "peak RSS flow, 20 articles"):
        assert label in done.stdout, done.stdout
    assert "2 Dask workers" not in done.stdout
