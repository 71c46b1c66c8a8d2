"""Frames read off hand-built parses: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coding.entries import Slot, SlotKind, VerbPattern
from coding.verbs import build_frame, content_clauses, find_subject, match_pattern
from tests.coding.builders import complement_doc


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


def _celebrated(vocab) -> Doc:
    # "Egypt celebrated Iftar in Cairo with the leaders of Jordan"
    return Doc(
        vocab,
        words=["Egypt", "celebrated", "Iftar", "in", "Cairo", "with", "the", "leaders", "of",
               "Jordan"],
        heads=[1, 1, 1, 2, 3, 1, 7, 5, 7, 8],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "det", "pobj", "prep", "pobj"],
        pos=["PROPN", "VERB", "PROPN", "ADP", "PROPN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        lemmas=["Egypt", "celebrate", "iftar", "in", "Cairo", "with", "the", "leader", "of",
                "Jordan"],
    )


def test_following_slot_lands_on_the_next_phrase_no_slot_names(vocab):
    doc = _celebrated(vocab)
    pattern = VerbPattern("p", "017", "celebrate", slots=(
        Slot(SlotKind.OBJECT, words=(frozenset({"iftar"}),)),
        Slot(SlotKind.PREP, "in", is_skipped=True),
        Slot(SlotKind.FOLLOWING, is_target=True),
    ))
    found = match_pattern(pattern, build_frame(doc[1]))
    assert found is not None
    assert found.target_head == doc[7]
    assert found.skipped_heads == {4}


def test_two_slots_of_one_preposition_need_two_phrases(vocab):
    # "Egypt celebrated Iftar in Cairo with the leaders of Jordan": one "in" phrase only.
    doc = _celebrated(vocab)
    pattern = VerbPattern("p", "017", "celebrate", slots=(
        Slot(SlotKind.PREP, "in"), Slot(SlotKind.PREP, "in", is_target=True),
    ))
    assert match_pattern(pattern, build_frame(doc[1])) is None
    one_each = VerbPattern("p", "017", "celebrate", slots=(
        Slot(SlotKind.PREP, "in"), Slot(SlotKind.PREP, "with", is_target=True),
    ))
    assert match_pattern(one_each, build_frame(doc[1])) is not None


def test_skip_then_source_after_the_verb_makes_the_subject_the_target(vocab):
    doc = _celebrated(vocab)
    pattern = VerbPattern("p", "017", "celebrate", slots=(
        Slot(SlotKind.OBJECT, words=(frozenset({"iftar"}),)),
        Slot(SlotKind.FOLLOWING, is_skipped=True),
        Slot(SlotKind.FOLLOWING, is_source=True),
    ))
    found = match_pattern(pattern, build_frame(doc[1]))
    assert found is not None
    assert (found.source_head, found.skipped_heads) == (doc[7], {4})
    assert found.names_source_after_verb


def test_following_slot_without_a_phrase_left_fails_the_pattern(vocab):
    doc = _celebrated(vocab)
    pattern = VerbPattern("p", "017", "celebrate", slots=(
        Slot(SlotKind.OBJECT, words=(frozenset({"iftar"}),)),
        Slot(SlotKind.FOLLOWING, is_skipped=True),
        Slot(SlotKind.FOLLOWING, is_skipped=True),
        Slot(SlotKind.FOLLOWING, is_source=True),
    ))
    assert match_pattern(pattern, build_frame(doc[1])) is None

def test_words_before_the_verb_are_the_surface_subject_of_a_passive(vocab):
    # "The militia was freed from prison": PETRARCH's "+ * (FROM $)"
    doc = Doc(
        vocab,
        words=["The", "militia", "was", "freed", "from", "prison"],
        heads=[1, 3, 3, 3, 3, 4],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN"],
    )
    pattern = VerbPattern("p", "080", "free", slots=(
        Slot(SlotKind.SUBJECT, is_target=True),
        Slot(SlotKind.PREP, "from", is_source=True),
    ))
    found = match_pattern(pattern, build_frame(doc[3]))
    assert found is not None
    assert (found.target_head, found.source_head) == (doc[1], doc[5])


def test_noun_the_parser_called_an_adverb_is_the_object(vocab):
    # "Sweden will contribute a million francs to Turkey", "francs" parsed as advmod
    doc = Doc(
        vocab,
        words=["Sweden", "will", "contribute", "a", "million", "francs", "to", "Turkey"],
        heads=[2, 2, 2, 4, 5, 2, 5, 6],
        deps=["nsubj", "aux", "ROOT", "quantmod", "nummod", "advmod", "prep", "pobj"],
        pos=["PROPN", "AUX", "VERB", "DET", "NUM", "NOUN", "ADP", "PROPN"],
    )
    frame = build_frame(doc[2])
    assert (frame.obj, frame.preps) == (doc[5], (("to", doc[7]),))


def test_preposition_parsed_as_particle_still_opens_its_phrase(vocab):
    # "Israel clashed over the efforts of Egypt", "over" parsed as a particle
    doc = Doc(
        vocab,
        words=["Israel", "clashed", "over", "the", "efforts", "of", "Egypt"],
        heads=[1, 1, 1, 4, 1, 4, 5],
        deps=["nsubj", "ROOT", "prt", "det", "dobj", "prep", "pobj"],
        pos=["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        lemmas=["Israel", "clash", "over", "the", "effort", "of", "Egypt"],
    )
    pattern = VerbPattern("p", "110", "clash", slots=(
        Slot(SlotKind.PREP, "over", (frozenset({"efforts"}),)),
    ))
    found = match_pattern(pattern, build_frame(doc[1]))
    assert found is not None
    assert found.fills[0].head == doc[4]


def test_hyphenated_dictionary_word_matches_the_split_tokens(vocab):
    # "Russia agreed to a cease-fire", tokenized "cease - fire"
    doc = Doc(
        vocab,
        words=["Russia", "agreed", "to", "a", "cease", "-", "fire"],
        spaces=[True, True, True, True, False, False, False],
        heads=[1, 1, 1, 6, 6, 6, 2],
        deps=["nsubj", "ROOT", "prep", "det", "compound", "punct", "pobj"],
        pos=["PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "NOUN"],
    )
    pattern = VerbPattern("p", "0356", "agree", slots=(
        Slot(SlotKind.PREP, "to", (frozenset({"cease-fire"}),)),
    ))
    assert match_pattern(pattern, build_frame(doc[1])) is not None


def _control(vocab, governor: str, lemma: str) -> Doc:
    return complement_doc(
        vocab,
        ["Qatar", governor, "Hamas", "to", "release", "hostages"],
        ["Qatar", lemma, "Hamas", "to", "release", "hostage"],
    )


def test_the_object_of_the_governing_verb_does_what_its_complement_says(vocab):
    doc = _control(vocab, "persuaded", "persuade")
    assert find_subject(doc[4]) == doc[2]


def test_after_promise_the_subject_does_it_not_the_object(vocab):
    doc = _control(vocab, "promised", "promise")
    assert find_subject(doc[4]) == doc[0]


def _conjoined(vocab, between: list[str]) -> Doc:
    # "police detained a man <between> joined a protest", "joined" a conj of "detained"
    words = ["police", "detained", "a", "man", *between, "joined", "a", "protest"]
    verb = 4 + len(between)
    return Doc(
        vocab,
        words=words,
        heads=[1, 1, 3, 1, *([1] * len(between)), 1, verb + 2, verb],
        deps=["nsubj", "ROOT", "det", "dobj", *(["cc"] * len(between)), "conj", "det", "dobj"],
    )


def test_a_conjoined_verb_shares_the_subject_across_an_and(vocab):
    doc = _conjoined(vocab, ["and"])
    assert find_subject(doc[5]) == doc[0]


def test_a_verb_the_parser_conjoined_without_and_or_comma_has_no_subject_from_it(vocab):
    doc = _conjoined(vocab, [])
    assert find_subject(doc[4]) is None


def test_a_participle_with_an_object_is_done_by_the_noun_it_hangs_on(vocab):
    # "strikes killed 20 people, officials said": the parser read "killed" as a participle
    doc = Doc(
        vocab,
        words=["strikes", "killed", "20", "people", ",", "officials", "said"],
        heads=[6, 0, 3, 1, 6, 6, 6],
        deps=["nsubj", "acl", "nummod", "dobj", "punct", "nsubj", "ROOT"],
    )
    assert find_subject(doc[1]) == doc[0]


def test_a_participle_without_an_object_is_passive_and_has_no_subject_here(vocab):
    # "the man killed in the attack"
    doc = Doc(
        vocab,
        words=["the", "man", "killed", "in", "the", "attack"],
        heads=[1, 1, 1, 2, 5, 3],
        deps=["det", "ROOT", "acl", "prep", "det", "pobj"],
    )
    assert find_subject(doc[2]) is None


def _attended(vocab, preposition: str, on_word: str) -> Doc:
    # "Ruto attended a summit on the war in Sudan", the last phrase on "war" or on "summit"
    return Doc(
        vocab,
        words=["Ruto", "attended", "a", "summit", "on", "the", "war", preposition, "Sudan"],
        heads=[1, 1, 3, 1, 3, 6, 4, {"war": 6, "summit": 3}[on_word], 7],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "pobj"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        lemmas=["Ruto", "attend", "a", "summit", "on", "the", "war", preposition, "Sudan"],
    )


def _summit_then(preposition: str) -> VerbPattern:
    return VerbPattern("p", "042", "attend", slots=(
        Slot(SlotKind.OBJECT, "summit"), Slot(SlotKind.PREP, preposition, is_target=True),
    ))


def test_a_place_one_level_down_places_that_phrase_not_the_event(vocab):
    held_in = _summit_then("in")
    assert match_pattern(held_in, build_frame(_attended(vocab, "in", "war")[1])) is None
    doc = _attended(vocab, "in", "summit")
    found = match_pattern(held_in, build_frame(doc[1]))
    assert found is not None and found.target_head == doc[8]
    # Other prepositions still reach a level down: "a summit on the war with Sudan".
    doc = _attended(vocab, "with", "war")
    found = match_pattern(_summit_then("with"), build_frame(doc[1]))
    assert found is not None and found.target_head == doc[8]


def test_the_of_phrase_of_a_named_place_is_part_of_its_name(vocab):
    # "Iran seized a tanker in the Gulf of Oman" / "... in front of Oman"
    def seized_in(noun: str, pos: str) -> Doc:
        article = ["the"] if pos == "PROPN" else []  # "in front of": a bare noun
        n = len(article)
        return Doc(
            vocab,
            words=["Iran", "seized", "a", "tanker", "in", *article, noun, "of", "Oman"],
            heads=[1, 1, 3, 1, 3, *[5 + n] * n, 4, 5 + n, 6 + n],
            deps=["nsubj", "ROOT", "det", "dobj", "prep", *["det"] * n, "pobj", "prep", "pobj"],
            pos=["PROPN", "VERB", "DET", "NOUN", "ADP", *["DET"] * n, pos, "ADP", "PROPN"],
        )

    tanker_of = VerbPattern("p", "1711", "seize", slots=(
        Slot(SlotKind.OBJECT, "tanker"), Slot(SlotKind.PREP, "of", is_target=True),
    ))
    gulf = seized_in("Gulf", "PROPN")
    assert match_pattern(tanker_of, build_frame(gulf[1])) is None
    assert build_frame(gulf[1]).nested_preps == ()
    front = seized_in("front", "NOUN")
    found = match_pattern(tanker_of, build_frame(front[1]))
    assert found is not None and found.target_head == front[7]


def test_a_phrase_hanging_on_an_adverb_of_the_verb_is_the_verbs(vocab):
    # "Russia moved close to the border", "close" an adverb with the phrase on it
    doc = Doc(
        vocab,
        words=["Russia", "moved", "close", "to", "the", "border"],
        heads=[1, 1, 1, 2, 5, 3],
        deps=["nsubj", "ROOT", "advmod", "prep", "det", "pobj"],
        pos=["PROPN", "VERB", "ADV", "ADP", "DET", "NOUN"],
    )
    assert build_frame(doc[1]).preps == (("to", doc[5]),)


def test_a_word_sequence_needs_its_order_and_its_last_two_words_together(vocab):
    # {NEW TRADE DEAL}: "new bilateral trade deal" has it, "new trade security deal" and
    # "trade new deal" have not.
    deal = (frozenset({"new"}), frozenset({"trade"}), frozenset({"deal"}))
    pattern = VerbPattern("p", "1951", "abandon", slots=(
        Slot(SlotKind.OBJECT, words=deal, sequences=(deal,)),
    ))

    def matches(*modifiers: str) -> bool:
        words = ["Russia", "abandoned", *modifiers, "deal"]
        n = len(words)
        doc = Doc(vocab, words=words, heads=[1, 1, *[n - 1] * len(modifiers), 1],
                  deps=["nsubj", "ROOT", *["amod"] * len(modifiers), "dobj"])
        return match_pattern(pattern, build_frame(doc[1])) is not None

    assert matches("new", "bilateral", "trade")
    assert not matches("new", "trade", "security")
    assert not matches("trade", "new")


def test_the_subject_of_an_infinitive_after_the_verb_is_its_object(vocab):
    # "Iran allowed inspectors to visit the site", parsed with "inspectors" under "visit"
    doc = Doc(
        vocab,
        words=["Iran", "allowed", "inspectors", "to", "visit", "the", "site"],
        heads=[1, 1, 4, 4, 1, 6, 4],
        deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj"],
    )
    assert build_frame(doc[1]).obj == doc[2]
    assert find_subject(doc[4]) == doc[2]


@pytest.mark.parametrize(("heads", "deps"), [
    ([1, 2, 2], ["nsubj", "aux", "ROOT"]),  # "Qatar" hung on the auxiliary "is"
    ([1, 1, 1], ["nsubj", "ROOT", "attr"]),  # "mediating" read as the attribute of "is"
])
def test_a_subject_misattached_near_the_auxiliary_is_the_verbs(vocab, heads, deps):
    # "Qatar is mediating"
    doc = Doc(vocab, words=["Qatar", "is", "mediating"], heads=heads, deps=deps,
              pos=["PROPN", "AUX", "VERB"])
    assert find_subject(doc[2]) == doc[0]
