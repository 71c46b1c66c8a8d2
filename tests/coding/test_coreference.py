"""Pronouns and descriptions resolved from earlier sentences: exact outcomes, hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coding.coreference import ArticleMemory
from coding.records import ActorMatch, Outcome

PUTIN = ActorMatch("Vladimir Putin", "RUSGOV", "RUS", "GOV", 0, 2, "actors/leaders.txt:40")
ERDOGAN = ActorMatch("Recep Tayyip Erdogan", "TURGOV", "TUR", "GOV", 3, 6, "actors/leaders.txt:90")
IRAN = ActorMatch("Iran", "IRN", "IRN", "", 0, 1, "actors/countries.txt:120")
ISRAEL = ActorMatch("Israel", "ISR", "ISR", "", 2, 3, "actors/countries.txt:121")
CHINA = ActorMatch("China", "CHN", "CHN", "", 2, 3, "actors/countries.txt:50")
TROOPS = ActorMatch("Israeli troops", "ISRMIL", "ISR", "MIL", 0, 2, "a+agents.txt:24")
ARMENIA = ActorMatch("Armenia", "ARM", "ARM", "", 0, 1, "actors/countries.txt:10")
AZERBAIJAN = ActorMatch("Azerbaijan", "AZE", "AZE", "", 2, 3, "actors/countries.txt:11")
NAMED = {"Armenia": [ARMENIA], "Azerbaijan": [AZERBAIJAN], "Iran": [IRAN]}


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def lookup(token):
    return NAMED.get(token.text, [])


def subject_doc(vocab, subject: str) -> Doc:
    """<subject> condemned Iran ."""
    words = subject.split() + ["condemned", "Iran", "."]
    n = len(words) - 3
    heads = [n - 1] * (n - 1) + [n, n, n, n]
    deps = ["det"] * (n - 1) + ["nsubj", "ROOT", "dobj", "punct"]
    pos = ["DET"] * (n - 1) + ["PRON" if n == 1 else "NOUN", "VERB", "PROPN", "PUNCT"]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_he_takes_the_single_person_subject_of_the_previous_sentence(vocab):
    memory = ArticleMemory()
    memory.remember(0, [PUTIN], [(PUTIN, ERDOGAN)])
    found, step = memory.resolve(subject_doc(vocab, "He")[0], lookup)
    assert found == [PUTIN]
    assert step is not None and (step.stage, step.rule, step.outcome) == (
        "coref", "pronoun-previous", Outcome.RESOLVED
    )
    assert step.detail == "'He' -> RUSGOV (sentence 0: 'Vladimir Putin')"


def test_he_does_not_take_a_country(vocab):
    memory = ArticleMemory()
    memory.remember(0, [IRAN], [(IRAN, ISRAEL)])
    assert memory.resolve(subject_doc(vocab, "He")[0], lookup) == ([], None)


def test_it_takes_a_single_country_subject(vocab):
    memory = ArticleMemory()
    memory.remember(0, [IRAN], [(IRAN, ISRAEL)])
    found, step = memory.resolve(subject_doc(vocab, "It")[0], lookup)
    assert found == [IRAN] and step is not None and "sentence 0: 'Iran'" in step.detail


def test_it_after_two_country_subjects_is_ambiguous(vocab):
    memory = ArticleMemory()
    memory.remember(0, [IRAN], [(IRAN, ISRAEL), (CHINA, ISRAEL)])
    assert memory.resolve(subject_doc(vocab, "It")[0], lookup) == ([], None)


def test_they_takes_both_actors_of_a_compound_subject(vocab):
    memory = ArticleMemory()
    memory.remember(0, [IRAN], [(IRAN, ISRAEL), (CHINA, ISRAEL)])
    found, step = memory.resolve(subject_doc(vocab, "They")[0], lookup)
    assert found == [IRAN, CHINA] and step is not None


def test_they_takes_a_plural_group(vocab):
    memory = ArticleMemory()
    memory.remember(0, [TROOPS], [])
    found, _ = memory.resolve(subject_doc(vocab, "They")[0], lookup)
    assert found == [TROOPS]


def test_pronoun_far_from_its_antecedent_is_not_resolved(vocab):
    memory = ArticleMemory()
    memory.remember(0, [IRAN], [])
    for index in range(1, 6):
        memory.remember(index, [], [])
    assert memory.resolve(subject_doc(vocab, "It")[0], lookup) == ([], None)


def test_resolved_subject_is_an_antecedent_for_the_next_sentence(vocab):
    memory = ArticleMemory()
    memory.remember(0, [PUTIN], [])
    memory.resolve(subject_doc(vocab, "He")[0], lookup)
    memory.remember(1, [], [])
    found, step = memory.resolve(subject_doc(vocab, "He")[0], lookup)
    assert found == [PUTIN] and step is not None and "sentence 1" in step.detail


def test_the_two_sides_take_the_last_linked_pair(vocab):
    memory = ArticleMemory()
    memory.remember(0, [IRAN], [(IRAN, ISRAEL)])
    doc = subject_doc(vocab, "The two sides")
    doc[1].dep_ = "nummod"
    found, step = memory.resolve(doc[2], lookup)
    assert found == [IRAN, ISRAEL]
    assert step is not None and step.rule == "pair-description" and "sentence 0" in step.detail


def test_neighbouring_state_is_the_member_of_the_pair_not_named(vocab):
    memory = ArticleMemory()
    memory.remember(0, [ARMENIA], [(ARMENIA, AZERBAIJAN)])
    # Armenia said the neighbouring state attacked Armenian positions .
    doc = Doc(
        vocab,
        words=["Armenia", "said", "the", "neighbouring", "state", "attacked", "Armenia", "."],
        heads=[1, 1, 4, 4, 5, 1, 5, 1],
        deps=["nsubj", "ROOT", "det", "amod", "nsubj", "ccomp", "dobj", "punct"],
        pos=["PROPN", "VERB", "DET", "ADJ", "NOUN", "VERB", "PROPN", "PUNCT"],
    )
    found, step = memory.resolve(doc[4], lookup)
    assert found == [AZERBAIJAN] and step is not None and step.rule == "other-of-pair"


def test_neighbouring_state_with_neither_member_named_is_ambiguous(vocab):
    memory = ArticleMemory()
    memory.remember(0, [ARMENIA], [(ARMENIA, AZERBAIJAN)])
    doc = subject_doc(vocab, "the neighbouring state")
    doc[1].dep_ = "amod"
    assert memory.resolve(doc[2], lookup) == ([], None)


SHABAAB = ActorMatch("al-Shabaab", "SOMREB", "SOM", "REB", 0, 1, "actors/groups.txt:30")
HOUTHIS = ActorMatch("Houthis", "YEMREB", "YEM", "REB", 0, 1, "actors/groups.txt:31")
MILITANTS = ActorMatch("militants", "REB", "", "REB", 2, 3, "agents.txt:27")


def described_doc(vocab, words: str) -> Doc:
    """Troops fought <the militants> ."""
    *det, noun = words.split()
    words_all = ["Troops", "fought", *det, noun, "."]
    n = len(words_all)
    heads = [1, 1] + [n - 2] * len(det) + [1, 1]
    deps = ["nsubj", "ROOT"] + ["det"] * len(det) + ["dobj", "punct"]
    return Doc(vocab, words=words_all, heads=heads, deps=deps)


def test_the_role_word_takes_the_one_actor_of_that_role_named_earlier_in_the_sentence(vocab):
    head = described_doc(vocab, "the militants")[3]
    found, step = ArticleMemory().described(head, [MILITANTS], lambda: [IRAN, SHABAAB])
    assert found == [SHABAAB]
    assert step is not None and step.rule == "definite-role"
    assert step.detail == "'the militants' -> SOMREB (this sentence: 'al-Shabaab')"


def test_the_role_word_takes_a_recent_subject_of_that_role_and_not_an_ambiguous_pair(vocab):
    head = described_doc(vocab, "the militants")[3]
    memory = ArticleMemory()
    memory.remember(0, [SHABAAB], [])
    assert memory.described(head, [MILITANTS], lambda: [])[0] == [SHABAAB]
    memory.remember(1, [SHABAAB, HOUTHIS], [])
    assert memory.described(head, [MILITANTS], lambda: []) == ([], None)


def test_only_a_definite_role_word_without_a_country_is_described(vocab):
    memory = ArticleMemory()
    memory.remember(0, [SHABAAB], [])
    bare = described_doc(vocab, "militants")[2]
    assert memory.described(bare, [MILITANTS], lambda: []) == ([], None)
    head = described_doc(vocab, "the troops")[3]
    assert memory.described(head, [TROOPS], lambda: []) == ([], None)  # has a country already
