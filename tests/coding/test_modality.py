"""Modality read off hand-built parses: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coding.modality import intended, is_negated, modality_of, requested, unrealised_code
from tests.coding.builders import complement_doc


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _parse(vocab, negation_on: str) -> Doc:
    # "Russia did not even ever attack Ukraine", "not" hung on `negation_on`
    words = ["Russia", "did", "not", negation_on, "attack", "Ukraine"]
    return Doc(
        vocab,
        words=words,
        heads=[4, 4, 3, 4, 4, 4],
        deps=["nsubj", "aux", "neg", "advmod", "ROOT", "dobj"],
    )


def test_negation_hung_on_ever_negates_the_verb(vocab):
    assert is_negated(_parse(vocab, "ever")[4])


def test_negation_of_another_adverb_leaves_the_verb_alone(vocab):
    # "not surprisingly, attacked": the adverb is negated, the attack happened
    assert not is_negated(_parse(vocab, "surprisingly")[4])


@pytest.mark.parametrize(("negation", "negated", "hypothetical"), [
    ([], True, False),  # "Russia ruled out attacking Poland": rejected
    (["not"], False, True),  # "Russia has not ruled out attacking Poland": left open
])
def test_an_act_ruled_out_or_not_ruled_out_has_not_happened(vocab, negation, negated,
                                                            hypothetical):
    words = ["Russia", *negation, "ruled", "out", "attacking", "Poland"]
    verb = 1 + len(negation)
    doc = Doc(
        vocab,
        words=words,
        heads=[verb, *[verb] * len(negation), verb, verb, verb, verb + 2],
        deps=["nsubj", *["neg"] * len(negation), "ROOT", "prt", "advcl", "dobj"],
        lemmas=["Russia", *negation, "rule", "out", "attack", "Poland"],
    )
    modality = modality_of(doc[verb + 2])
    assert (modality.negated, modality.hypothetical) == (negated, hypothetical)


def test_neither_subject_yet_to_and_denied_claims_negate_the_act(vocab):
    neither = Doc(vocab, words=["Neither", "Russia", "nor", "Ukraine", "signed", "it"],
                  heads=[1, 4, 1, 1, 4, 4], deps=["preconj", "nsubj", "cc", "conj", "ROOT", "dobj"])
    assert modality_of(neither[4]).negated
    yet = Doc(vocab, words=["Serbia", "has", "yet", "to", "recognise", "Kosovo"],
              heads=[1, 1, 1, 4, 1, 4], deps=["nsubj", "ROOT", "advmod", "aux", "xcomp", "dobj"],
              lemmas=["Serbia", "have", "yet", "to", "recognise", "Kosovo"])
    assert modality_of(yet[4]).negated
    words = ["Israel", "denied", "reports", "that", "it", "attacked", "Gaza"]
    heads = [1, 1, 1, 5, 5, 2, 5]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "acl", "dobj"]
    denied = Doc(vocab, words=words, heads=heads, deps=deps,
                 lemmas=["Israel", "deny", "report", "that", "it", "attack", "Gaza"])
    assert modality_of(denied[5]).negated
    confirmed = Doc(vocab, words=words, heads=heads, deps=deps,
                    lemmas=["Israel", "confirm", "report", "that", "it", "attack", "Gaza"])
    assert not modality_of(confirmed[5]).negated


@pytest.mark.parametrize(("word", "negated", "hypothetical"), [
    ("likely", False, True), ("unlikely", True, False),
])
def test_an_act_likely_is_possible_and_unlikely_is_none(vocab, word, negated, hypothetical):
    # "Russia is (un)likely to attack Ukraine", "to attack" the adjective's complement
    doc = Doc(
        vocab,
        words=["Russia", "is", word, "to", "attack", "Ukraine"],
        heads=[1, 1, 1, 4, 2, 4],
        deps=["nsubj", "ROOT", "acomp", "aux", "xcomp", "dobj"],
        lemmas=["Russia", "be", word, "to", "attack", "Ukraine"],
    )
    modality = modality_of(doc[4])
    assert (modality.negated, modality.hypothetical) == (negated, hypothetical)


def test_an_act_someone_is_ready_to_do_is_intended_not_done(vocab):
    # "Iran is ready to hold talks": the talks are an intention (CAMEO 036), not talks
    doc = Doc(
        vocab,
        words=["Iran", "is", "ready", "to", "hold", "talks"],
        heads=[1, 1, 1, 4, 2, 4],
        deps=["nsubj", "ROOT", "acomp", "aux", "xcomp", "dobj"],
        lemmas=["Iran", "be", "ready", "to", "hold", "talk"],
    )
    assert intended(doc[4])
    assert not intended(doc[2])


def test_an_act_someone_wants_another_to_do_is_intended_not_done(vocab):
    # "Obama wants Putin to attack Kyiv", parsed with "Putin" as the subject of a ccomp
    doc = Doc(
        vocab,
        words=["Obama", "wants", "Putin", "to", "attack", "Kyiv"],
        heads=[1, 1, 4, 4, 1, 4],
        deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"],
        lemmas=["Obama", "want", "Putin", "to", "attack", "Kyiv"],
    )
    assert intended(doc[4])


def _asked(vocab, governor: str, lemma: str) -> Doc:
    return complement_doc(
        vocab,
        ["Congress", governor, "Obama", "to", "help", "Iran"],
        ["Congress", lemma, "Obama", "to", "help", "Iran"],
    )


def test_an_act_asked_of_another_is_requested(vocab):
    assert requested(_asked(vocab, "pressured", "pressure")[4])
    assert requested(_asked(vocab, "urged", "urge")[4])


def test_an_act_someone_was_persuaded_to_do_is_not_merely_requested(vocab):
    assert not requested(_asked(vocab, "persuaded", "persuade")[4])


def test_a_passive_directive_asks_its_subject_even_through_an_adverbial_clause(vocab):
    # "Obama is pressured by Congress to help Iran", "to help" parsed as advcl
    doc = Doc(
        vocab,
        words=["Obama", "is", "pressured", "by", "Congress", "to", "help", "Iran"],
        heads=[2, 2, 2, 2, 3, 6, 2, 6],
        deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "aux", "advcl", "dobj"],
        lemmas=["Obama", "be", "pressure", "by", "Congress", "to", "help", "Iran"],
    )
    assert requested(doc[6])


def test_demanding_to_do_something_oneself_is_no_request_of_another(vocab):
    # "Iran demanded to see the evidence": no one else is asked
    doc = Doc(
        vocab,
        words=["Iran", "demanded", "to", "see", "evidence"],
        heads=[1, 1, 3, 1, 3],
        deps=["nsubj", "ROOT", "aux", "xcomp", "dobj"],
        lemmas=["Iran", "demand", "to", "see", "evidence"],
    )
    assert not requested(doc[3])


@pytest.mark.parametrize(
    ("act", "intent"),
    [("074", "0334"), ("0841", "0353"), ("0871", "0356"), ("163", "1312"), ("062", "0312"),
     ("192", "1382"), ("070", "033"), ("195", "1384"), ("111", "111")],
)
def test_an_unrealised_act_takes_the_codebooks_own_intent_or_threat_code(act, intent):
    # The mirrored sub-code where the codebook has one, else the root's; verbal acts stay.
    assert unrealised_code(act) == intent
