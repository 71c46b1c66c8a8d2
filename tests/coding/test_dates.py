"""Event dates: phrases resolved against the article date, and which phrases modify the verb.

Parses are built by hand (spaCy's Doc with heads, deps and entities), so no model is needed.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from coding.dates import (
    date_trace,
    event_date,
    glued_name,
    parse_date_phrase,
    temporal_phrases,
)
from coding.records import Outcome
from coding.verbs import find_object, prepositional_objects

# A Thursday.
PUBLISHED = date(2024, 4, 25)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def parse(vocab, words, heads, deps, ents=None, pos=None) -> Doc:
    return Doc(vocab, words=words, heads=heads, deps=deps, ents=ents, pos=pos)


@pytest.mark.parametrize(
    ("phrase", "day", "precision"),
    [
        ("Monday", date(2024, 4, 22), "day"),
        ("on Thursday", date(2024, 4, 25), "day"),  # the article's own weekday: that day
        ("last Thursday", date(2024, 4, 18), "day"),
        ("Wednesday morning", date(2024, 4, 24), "day"),
        ("March 29", date(2024, 3, 29), "day"),
        ("April 7", date(2024, 4, 7), "day"),
        ("29 March", date(2024, 3, 29), "day"),
        ("March 29, 2023", date(2023, 3, 29), "day"),
        ("December 12", date(2023, 12, 12), "day"),  # never in the future: last December
        ("yesterday", date(2024, 4, 24), "day"),
        ("two days ago", date(2024, 4, 23), "day"),
        ("3 days ago", date(2024, 4, 22), "day"),
        ("last week", date(2024, 4, 15), "week"),  # the Monday of last week
        ("earlier this week", date(2024, 4, 22), "week"),
        ("over the weekend", date(2024, 4, 20), "week"),
        ("three weeks ago", date(2024, 4, 4), "week"),
        ("in late February", date(2024, 2, 1), "month"),
        ("mid-March", date(2024, 3, 1), "month"),
        ("earlier this month", date(2024, 4, 1), "month"),
        ("last month", date(2024, 3, 1), "month"),
        ("November", date(2023, 11, 1), "month"),
        ("April 2023", date(2023, 4, 1), "month"),
        ("in 2014", date(2014, 1, 1), "year"),
        ("last year", date(2023, 1, 1), "year"),
        ("early 2023", date(2023, 1, 1), "year"),
    ],
)
def test_date_phrase_resolves_to_the_first_day_of_its_period(phrase, day, precision):
    resolved = parse_date_phrase(phrase, PUBLISHED)
    assert resolved is not None
    assert (resolved.day, resolved.precision, resolved.source) == (day, precision, "text")


@pytest.mark.parametrize("phrase", ["next week", "2025", "May 3", "in May", "March 29, 2025"])
def test_future_or_announced_dates_do_not_resolve(phrase):
    assert parse_date_phrase(phrase, PUBLISHED) is None


def test_unknown_phrase_does_not_resolve():
    assert parse_date_phrase("last summer", PUBLISHED) is None


@pytest.mark.parametrize(
    ("phrase", "background"),
    [
        ("yesterday", False),
        ("a week ago", False),  # exactly seven days: still news
        ("last week", False),  # ended on Sunday, four days before
        ("earlier this month", False),  # may have been yesterday
        ("April 17", True),  # eight days before
        ("in late February", True),
        ("in 2014", True),
    ],
)
def test_background_flag_uses_the_last_day_the_event_can_have_happened(phrase, background):
    resolved = parse_date_phrase(phrase, PUBLISHED)
    assert resolved is not None and resolved.background is background


def test_date_on_the_verb_moves_the_event(vocab):
    # Israel attacked Hamas in late February .
    doc = parse(
        vocab,
        ["Israel", "attacked", "Hamas", "in", "late", "February", "."],
        [1, 1, 1, 1, 5, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "amod", "pobj", "punct"],
        ents=["B-GPE", "O", "B-ORG", "O", "B-DATE", "I-DATE", "O"],
    )
    when = event_date(doc[1], PUBLISHED)
    assert (when.day, when.precision, when.source, when.text) == (
        date(2024, 2, 1), "month", "text", "late February"
    )
    step = date_trace(when)
    assert step.outcome is Outcome.DATE_FROM_TEXT and "background" in step.detail


def test_date_of_a_clause_inside_the_object_does_not_move_the_event(vocab):
    # Russia condemned the treaty first signed in 2014 .
    doc = parse(
        vocab,
        ["Russia", "condemned", "the", "treaty", "first", "signed", "in", "2014", "."],
        [1, 1, 3, 1, 5, 3, 5, 6, 1],
        ["nsubj", "ROOT", "det", "dobj", "advmod", "acl", "prep", "pobj", "punct"],
        ents=["B-GPE", "O", "O", "O", "O", "O", "O", "B-DATE", "O"],
    )
    when = event_date(doc[1], PUBLISHED)
    assert (when.day, when.source, when.background) == (PUBLISHED, "article", False)
    assert date_trace(when).outcome is Outcome.DATE_FROM_PUBLICATION


def test_date_of_the_reporting_verb_does_not_date_the_reported_event(vocab):
    # Kyiv said on Monday Russia attacked Kharkiv .
    doc = parse(
        vocab,
        ["Kyiv", "said", "on", "Monday", "Russia", "attacked", "Kharkiv", "."],
        [1, 1, 1, 2, 5, 1, 5, 1],
        ["nsubj", "ROOT", "prep", "pobj", "nsubj", "ccomp", "dobj", "punct"],
        ents=["B-GPE", "O", "O", "B-DATE", "B-GPE", "O", "B-GPE", "O"],
    )
    assert event_date(doc[5], PUBLISHED).source == "article"
    assert event_date(doc[1], PUBLISHED).day == date(2024, 4, 22)


def test_bare_noun_phrase_modifiers_are_temporal_phrases(vocab):
    # Troops shelled Kharkiv two days ago .
    doc = parse(
        vocab,
        ["Troops", "shelled", "Kharkiv", "two", "days", "ago", "."],
        [1, 1, 1, 4, 5, 1, 1],
        ["nsubj", "ROOT", "dobj", "nummod", "npadvmod", "advmod", "punct"],
        ents=["O", "O", "B-GPE", "B-DATE", "I-DATE", "I-DATE", "O"],
    )
    assert [p.text for p in temporal_phrases(doc[1])] == ["two days ago"]
    assert event_date(doc[1], PUBLISHED).day == date(2024, 4, 23)


def test_untagged_weekday_after_a_preposition_is_still_a_date(vocab):
    # The sides met on Friday .   (no entity: the model missed it)
    doc = parse(
        vocab,
        ["The", "sides", "met", "on", "Friday", "."],
        [1, 2, 2, 2, 3, 2],
        ["det", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    when = event_date(doc[2], PUBLISHED)
    assert (when.day, when.precision) == (date(2024, 4, 19), "day")


def test_on_a_weekday_attached_to_the_object_dates_the_event(vocab):
    # Iran held talks on Monday .   (the parser hangs "on Monday" on "talks")
    doc = parse(
        vocab,
        ["Iran", "held", "talks", "on", "Monday", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ents=["B-GPE", "O", "O", "O", "B-DATE", "O"],
    )
    assert event_date(doc[1], PUBLISHED).day == date(2024, 4, 22)


def test_weekday_glued_to_the_name_before_it_dates_the_event_and_leaves_the_name(vocab):
    # Modi met with Bashar Assad Tuesday .   (wire style: the parser makes "Tuesday" the head)
    doc = parse(
        vocab,
        ["Modi", "met", "with", "Bashar", "Assad", "Tuesday", "."],
        [1, 1, 1, 4, 5, 2, 1],
        ["nsubj", "ROOT", "prep", "compound", "compound", "pobj", "punct"],
        ents=["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "B-DATE", "O"],
        pos=["PROPN", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT"],
    )
    assert event_date(doc[1], PUBLISHED).day == date(2024, 4, 23)
    assert prepositional_objects(doc[1]) == (("with", doc[4]),)


def test_weekday_parsed_as_a_modifier_around_the_object_gives_back_the_object(vocab):
    # Modi met Bashar Assad Tuesday .   ("Tuesday" a noun-phrase modifier holding the name)
    doc = parse(
        vocab,
        ["Modi", "met", "Bashar", "Assad", "Tuesday", "."],
        [1, 1, 3, 4, 1, 1],
        ["nsubj", "ROOT", "compound", "compound", "npadvmod", "punct"],
        ents=["B-PERSON", "O", "B-PERSON", "I-PERSON", "B-DATE", "O"],
    )
    assert find_object(doc[1]) == doc[3]
    assert event_date(doc[1], PUBLISHED).day == date(2024, 4, 23)
    # A date with no name glued to it is no object: "met Tuesday".
    assert glued_name(doc[4]) == doc[3] and glued_name(doc[3]) is None
