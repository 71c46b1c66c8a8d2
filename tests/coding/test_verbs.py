"""Frames read off hand-built parses: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coding.verbs import content_clauses


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def test_content_clause_is_bare_or_opened_by_that(vocab):
    doc = Doc(
        vocab,
        words=["Israel", "said", "that", "Iran", "is", "a", "danger"],
        heads=[1, 1, 4, 4, 1, 6, 4],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "attr"],
    )
    assert content_clauses(doc[1]) == (doc[4],)


def test_clause_opened_by_after_is_no_content_even_when_parsed_as_complement(vocab):
    doc = Doc(
        vocab,
        words=["Israel", "spoke", "after", "crowds", "stormed", "the", "embassy"],
        heads=[1, 1, 4, 4, 1, 6, 4],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "dobj"],
    )
    assert content_clauses(doc[1]) == ()
