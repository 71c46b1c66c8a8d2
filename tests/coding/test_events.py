"""The coder on real parses (spaCy model) with small hand-written dictionaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coding.compiled import compile_dictionaries
from coding.entries import AgentEntry, NegatedCode, Slot, SlotKind, VerbPattern
from coding.pipeline import Coder
from coding.records import Outcome
from tests.coding.builders import (
    actor,
    code,
    coder_with_verbs,
    small_coder,
    small_dictionaries,
    triples,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder(nlp):
    return small_coder(nlp)


def test_simple_attack_codes_source_target_and_rule(coder):
    coded = code(coder, "Russia attacked Ukraine.")
    assert triples(coded) == [("RUS", "UKR", "190")]
    event = coded.events[0]
    assert event.matched_rule == "v:attack"
    assert (event.event_root_code, event.event_base_code, event.quad_class) == ("19", "190", 4)


def test_country_adjective_composes_with_agent(coder):
    coded = code(coder, "The Russian Foreign Ministry accused Ukraine of war crimes.")
    assert triples(coded) == [("RUSGOV", "UKR", "1122")]
    assert coded.events[0].source.rule == "a:russia+g:gov"


def test_possessive_and_of_phrase_compose_with_agent(coder):
    assert triples(code(coder, "Russia's army attacked Kyiv.")) == [("RUSMIL", "UKR", "190")]
    assert triples(code(coder, "Troops of Russia attacked Kyiv.")) == [("RUSMIL", "UKR", "190")]


def test_a_counterpart_holds_the_other_sides_office(coder):
    coded = code(coder, "The Russian Prime Minister met his Polish counterpart.")
    assert triples(coded) == [("RUSGOV", "POLGOV", "040")]
    assert any(s.rule == "counterpart-role" for s in coded.events[0].trace)


def test_a_name_after_the_head_that_says_more_wins_over_a_country_before_it(nlp):
    coder = small_coder(nlp, actor("a:nowak", "POLGOV", "Adam Nowak"))
    coded = code(coder, "Russia met the Polish envoy Adam Nowak.")
    assert triples(coded) == [("RUS", "POLGOV", "040")]


def test_titled_unknown_person_coded_from_title(coder):
    coded = code(coder, "Polish President Jan Kowalski met Ukraine.")
    assert triples(coded) == [("POLGOV", "UKR", "040")]


def test_untitled_unknown_person_is_no_actor(coder):
    coded = code(coder, "Jan Kowalski attacked Ukraine.")
    assert coded.events == ()
    assert any(s.outcome is Outcome.NO_SOURCE for s in coded.sentences[0].trace)


def test_dated_leader_code_depends_on_event_date(coder):
    text = "Poroshenko met Russia."
    assert triples(code(coder, text, date(2016, 1, 5))) == [("UKRGOV", "RUS", "040")]
    assert triples(code(coder, text, date(2021, 1, 5))) == [("UKRELI", "RUS", "040")]


def test_metonym_with_role_keeps_its_own_code(coder):
    assert triples(code(coder, "The Kremlin condemned Ukraine.")) == [("RUSGOV", "UKR", "111")]


def test_passive_takes_source_from_by_phrase(coder):
    coded = code(coder, "Ukraine was attacked by Russia.")
    assert triples(coded) == [("RUS", "UKR", "190")]
    assert coded.events[0].modality.passive


def test_compound_subject_gives_one_event_per_actor(coder):
    coded = code(coder, "Russia and China condemned the United States.")
    assert sorted(triples(coded)) == [("CHN", "USA", "111"), ("RUS", "USA", "111")]


def test_conjoined_verbs_share_the_subject(coder):
    coded = code(coder, "Russia attacked Kyiv and shelled Kharkiv.")
    assert triples(coded) == [("RUS", "UKR", "190"), ("RUS", "UKR", "194")]


def test_negated_verb_makes_no_event(coder):
    coded = code(coder, "Russia did not attack Ukraine.")
    assert coded.events == ()
    assert any(s.outcome is Outcome.NEGATED for s in coded.sentences[0].trace)


def test_threat_to_attack_is_a_threat_not_an_attack(coder):
    assert triples(code(coder, "Iran threatened to attack Israel.")) == [("IRN", "ISR", "138")]


def test_conditional_attack_is_coded_as_threat_and_flagged(coder):
    coded = code(coder, "Iran would attack Israel if the talks fail.")
    assert triples(coded) == [("IRN", "ISR", "1384")]
    assert coded.events[0].modality.hypothetical


def test_denied_plan_is_not_an_attack(coder):
    assert code(coder, "Russia denied that it plans to attack Ukraine.").events == ()


def test_reported_speech_codes_inner_event_and_flags_it(coder):
    coded = code(coder, "Israel said Russia attacked Ukraine.")
    assert triples(coded) == [("RUS", "UKR", "190")]
    assert coded.events[0].modality.reported_speech


def test_statement_without_target_is_about_its_clause_subject(coder):
    coded = code(coder, "Israel said that Iran is a danger to the region.")
    assert triples(coded) == [("ISR", "IRN", "010")]
    assert any(s.rule == "clause-subject-target" for s in coded.events[0].trace)


def test_pattern_with_more_words_wins(coder):
    assert triples(code(coder, "Russia accused Ukraine of crimes.")) == [("RUS", "UKR", "1122")]
    assert triples(code(coder, "Russia accused Ukraine.")) == [("RUS", "UKR", "112")]


def test_preposition_target_and_complement_verb(coder):
    coded = code(coder, "The UN called on Russia to withdraw its troops.")
    assert triples(coded) == [("IGOUNO", "RUS", "1041")]


def test_phrasal_verb_needs_its_particle(coder):
    assert triples(code(coder, "Russia pulled out of Ukraine.")) == [("RUS", "UKR", "0874")]


def test_event_noun_with_compound_subject_codes_both_directions(coder):
    coded = code(coder, "Israel and Iran held talks in Geneva.")
    assert sorted(triples(coded)) == [("IRN", "ISR", "043"), ("ISR", "IRN", "043")]


def test_a_go_between_is_no_side_of_what_listed_actors_do_together(nlp):
    coder = coder_with_verbs(nlp, VerbPattern("v:sign", "057", "sign"))
    coded = code(coder, "Russia and Ukraine signed a deal brokered by Israel.")
    assert sorted(triples(coded)) == [("RUS", "UKR", "057"), ("UKR", "RUS", "057")]
    # Alone, the one who acts on what the other brought about acts on that other.
    assert triples(code(coder, "Russia condemned the deal brokered by Israel.")) == [
        ("RUS", "ISR", "111")
    ]


def test_a_pattern_among_listed_subjects_codes_them_against_each_other_only(nlp):
    """PETRARCH's "%": "Gondor and Rohan downplayed their meeting" is each to the other; with
    one subject the pattern does not apply and the verb's own code does."""
    coder = coder_with_verbs(
        nlp,
        VerbPattern("v:downplay", "014", "downplay"),
        VerbPattern("v:downplay-among", "120", "downplay", among_subjects=True),
    )
    coded = code(coder, "Russia and Ukraine downplayed the talks with China.")
    assert sorted(triples(coded)) == [("RUS", "UKR", "120"), ("UKR", "RUS", "120")]
    assert triples(code(coder, "Russia downplayed the talks with China.")) == [
        ("RUS", "CHN", "014")
    ]


def test_discarded_sentence_has_no_events(coder):
    coded = code(coder, "Russia attacked Ukraine in a football match.")
    assert coded.events == ()
    assert coded.sentences[0].trace[0].outcome is Outcome.DISCARDED


def test_null_code_pattern_blocks_the_event(coder):
    coded = code(coder, "The dog of Russia attacked Ukraine.")
    assert coded.events == ()
    assert any(s.outcome is Outcome.NULL_CODE for s in coded.sentences[0].trace)


def test_pronoun_resolves_to_previous_subject_with_trace(coder):
    coded = code(coder, "Russia met Ukraine. It attacked Israel.")
    assert triples(coded) == [("RUS", "UKR", "040"), ("RUS", "ISR", "190")]
    steps = coded.events[1].trace
    assert any(s.stage == "coref" and s.outcome is Outcome.RESOLVED for s in steps)


def test_a_possessive_pronoun_says_whose_a_subject_is(coder):
    coded = code(coder, "Russia said its forces shelled Kyiv.")
    assert ("RUSMIL", "UKR", "194") in triples(coded)
    coded = code(coder, "Ukraine met Israel. Its army attacked Russia.")
    assert triples(coded)[1:] == [("UKRMIL", "RUS", "190")]
    assert any(s.stage == "coref" and "'Its' -> UKR" in s.detail for s in coded.events[1].trace)
    # A thing owned: the passive subject is the target.
    coded = code(coder, "Russian troops entered Kyiv. Their convoy was attacked by Ukraine.")
    assert triples(coded) == [("UKR", "RUSMIL", "190")]


def test_a_group_name_ending_in_s_is_it_or_they_but_a_plural_role_word_only_they(nlp):
    coder = small_coder(nlp, actor("a:hamas", "PSEREB", "Hamas"))
    assert triples(code(coder, "Hamas said it attacked Israel.")) == [("PSEREB", "ISR", "190")]
    assert triples(code(coder, "Hamas said they attacked Israel.")) == [("PSEREB", "ISR", "190")]
    coded = code(coder, "Russian troops entered Kyiv. It attacked Israel.")
    assert triples(coded) == []


def test_they_is_also_a_body_of_people_named_in_the_singular(coder):
    coded = code(coder, "Russian police said they had arrested Ukrainian troops.")
    assert triples(coded) == [("RUSCOP", "UKRMIL", "173")]
    assert any("'they' -> RUSCOP" in s.detail for s in coded.events[0].trace)
    coded = code(coder, "The Israeli army attacked Iran. They also shelled Russia.")
    assert triples(coded) == [("ISRMIL", "IRN", "190"), ("ISRMIL", "RUS", "194")]
    # After a plural group, "they" could be the troops or the police: no actor.
    coded = code(coder, "Russian troops attacked Kyiv. Ukrainian police said they attacked Israel.")
    assert triples(coded) == [("RUSMIL", "UKR", "190")]


def test_a_possessive_pronoun_of_an_object_is_left_to_the_object_rules(coder):
    # Here "its" is the subject's own, which the previous sentence's subject rule cannot see:
    # the army is Russia's, not Ukraine's.
    coded = code(coder, "Ukraine met Israel. Russia accused its army of crimes.")
    assert [(s, e) for s, t, e in triples(coded)[1:]] == [("RUS", "1122")]
    assert not any(t.startswith("UKR") for _, t, _ in triples(coded)[1:])


def test_two_sides_resolves_to_last_pair(coder):
    coded = code(coder, "Russia met Ukraine. The two sides condemned China.")
    assert sorted(triples(coded)[1:]) == [("RUS", "CHN", "111"), ("UKR", "CHN", "111")]


def test_weekday_resolves_to_same_day_or_before(coder):
    coded = code(coder, "Russia attacked Ukraine on Monday.", date(2022, 2, 28))
    assert coded.events[0].event_date == date(2022, 2, 28)
    assert coded.events[0].date_source == "text"
    coded = code(coder, "Russia attacked Ukraine on Friday.", date(2022, 2, 28))
    assert coded.events[0].event_date == date(2022, 2, 25)


def test_event_id_is_deterministic(coder):
    first = code(coder, "Russia attacked Ukraine.").events[0].event_id
    assert code(coder, "Russia attacked Ukraine.").events[0].event_id == first


def test_acronym_matches_only_in_upper_case(nlp):
    coder = small_coder(nlp, actor("a:us", "USA", "US"))
    assert triples(code(coder, "The US attacked Iran.")) == [("USA", "IRN", "190")]
    assert triples(code(coder, "Iran attacked us.")) == []


def test_city_missing_from_dictionaries_is_coded_as_its_country(coder):
    coded = code(coder, "Russian forces shelled Kharkiv.")
    assert triples(coded) == [("RUSMIL", "UKR", "194")]
    assert coded.events[0].target.rule == "gazetteer:Kharkiv"


def test_named_target_without_actor_falls_back_to_the_object_phrase(coder):
    coded = code(coder, "Russia shelled the Ukrainian city of Zolochiv.")
    assert triples(coded) == [("RUS", "UKR", "194")]


def test_capitalized_name_does_not_match_lower_case_words(nlp):
    coder = small_coder(nlp, actor("a:is", "IMGMOSREB", "Islamic State"))
    assert triples(code(coder, "Islamic State attacked Iran.")) == [("IMGMOSREB", "IRN", "190")]
    assert triples(code(coder, "ISLAMIC STATE attacked Iran.")) == [("IMGMOSREB", "IRN", "190")]
    assert triples(code(coder, "A new Islamic state attacked Iran.")) == []


def test_a_role_word_takes_no_country_from_an_organization(nlp):
    coder = small_coder(nlp, actor("a:amnesty", "NGOAMN", "Amnesty International"),
                        actor("a:un", "IGOUNO", "United Nations"))
    assert triples(code(coder, "Amnesty International accused the army of war crimes.")) == [
        ("NGOAMN", "MIL", "1122")
    ]
    assert triples(code(coder, "The United Nations and the army met.")) == [
        ("IGOUNO", "MIL", "040"), ("MIL", "IGOUNO", "040")
    ]


def test_bundled_verb_line_may_give_a_reverse_code():
    from coding.bundled_format import parse_verbs

    patterns, problems = parse_verbs("040:040  meet +\n", "verbs/x.txt")
    assert problems == []
    assert (patterns[0].code, patterns[0].reverse_code) == ("040", "040")


def test_a_paired_code_adds_the_other_sides_event_which_is_no_antecedent(nlp):
    """"met" with 040:040 codes both sides, the second with a REVERSED step; the other side
    is not a subject, so "He" in the next sentence is still the one who met."""
    base = small_dictionaries()
    meet = VerbPattern("v:meet-both", "040", "meet", reverse_code="040")
    verbs = tuple(meet if v.rule_id == "v:meet" else v for v in base.verbs)
    coder = Coder(nlp, compile_dictionaries(nlp, replace(base, verbs=verbs)), "test")
    text = "The Ukrainian President met the Polish Prime Minister. He condemned Russia."
    coded = code(coder, text)
    assert triples(coded) == [
        ("UKRGOV", "POLGOV", "040"), ("POLGOV", "UKRGOV", "040"), ("UKRGOV", "RUS", "111")
    ]
    reversed_ = [e for e in coded.events if any(s.outcome is Outcome.REVERSED for s in e.trace)]
    assert [(e.source.code, e.target.code) for e in reversed_] == [("POLGOV", "UKRGOV")]


def test_a_petrarch_ontology_codes_a_negated_verb_as_its_negation(nlp):
    """With an ontology that writes 111 as the negation of 050 (as PETRARCH-2's does for 110),
    "did not condemn" is coded 050 and flagged negated; a code it gives no negation, and a
    negation inherited from another verb, still make no event."""
    base = small_dictionaries()
    negation = NegatedCode("o:050", "111", "050")
    coder = Coder(nlp, compile_dictionaries(nlp, replace(base, negations=(negation,))), "test")
    coded = code(coder, "Russia did not condemn Ukraine.")
    assert triples(coded) == [("RUS", "UKR", "050")]
    event = coded.events[0]
    assert event.modality.negated and event.matched_rule == "v:condemn"
    assert any(s.rule == "o:050" and s.outcome is Outcome.NEGATED for s in event.trace)
    assert code(coder, "Russia did not attack Ukraine.").events == ()
    assert code(coder, "Russia refused to condemn Ukraine.").events == ()


def test_a_particle_parsed_as_a_preposition_still_opens_the_object(nlp):
    """spaCy reads "cordoned off the streets" with "off" as a preposition; the pattern's
    particle names it, and the phrase after it is the object that holds the target."""
    cordon = VerbPattern("v:cordon-off", "144", "cordon", particle="off")
    coder = coder_with_verbs(nlp, cordon)
    coded = code(coder, "Russian troops have cordoned off the streets leading to Ukraine.")
    assert triples(coded) == [("RUSMIL", "UKR", "144")]


def test_a_list_the_parser_split_into_two_subjects_is_one_list(coder):
    # spaCy reads "Eagles, hawks, and Russia" as two subjects of the verb: "Eagles", "Russia".
    assert triples(code(coder, "Eagles, hawks, and Russia attacked Ukraine over the talks.")) == [
        ("RUS", "UKR", "190")
    ]


def test_two_subjects_with_a_clause_between_are_no_list(nlp):
    """The parser's "Israeli strikes [killed 30 people], the ministry said", both nouns
    subjects of "said", "killed" hanging on "strikes": the ministry did not kill."""
    from spacy.tokens import Doc

    from coding.coordination import coordinated_heads

    words = ["Israeli", "strikes", "killed", "people", ",", "the", "ministry", "said"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 7, 1, 2, 7, 6, 7, 7],
              deps=["amod", "nsubj", "acl", "dobj", "punct", "det", "nsubj", "ROOT"],
              pos=["ADJ", "NOUN", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "VERB"])
    assert coordinated_heads(doc[1]) == [doc[1]]
    listed = Doc(nlp.vocab, words=["Eagles", ",", "Russia", "attacked"], heads=[3, 0, 3, 3],
                 deps=["nsubj", "punct", "nsubj", "ROOT"], pos=["NOUN", "PUNCT", "PROPN", "VERB"])
    assert coordinated_heads(listed[0]) == [listed[0], listed[2]]


def test_a_content_clause_of_the_object_names_whom_it_is_about(nlp):
    """ "fears that Iran could join the war against Ukraine" are about Iran, the clause's
    subject, not Ukraine deeper inside it."""
    coder = coder_with_verbs(nlp, VerbPattern("v:express-hope", "013", "express"))
    coded = code(coder, "Germany expressed fears that Iran could join the war against Ukraine.")
    assert ("DEU", "IRN", "013") in triples(coded)
    assert ("DEU", "UKR", "013") not in triples(coded)


def test_a_lower_cased_abbreviation_matches_as_written_in_capitals(nlp):
    """PETRARCH phrases come lower-cased; spaCy splits "k.u." but keeps "K.U." whole."""
    coder = small_coder(nlp, actor("a:ku", "USAEDU", "k.u."))
    assert triples(code(coder, "The K.U. team condemned Russia.")) == [("USAEDU", "RUS", "111")]


def test_an_object_naming_no_one_leaves_the_target_to_the_phrase_after_it(nlp):
    """ "donated $8 million to Ukraine": the pattern's target is the object, a sum of money;
    whom it went to is the "to" phrase."""
    target = Slot(SlotKind.OBJECT, is_target=True)
    coder = coder_with_verbs(nlp, VerbPattern("v:donate", "073", "donate", slots=(target,)))
    assert triples(code(coder, "Germany donated $8 million to Ukraine.")) == [
        ("DEU", "UKR", "073")
    ]


def test_a_purpose_clause_names_whom_an_act_is_for(nlp):
    """An agreement that names no one else is with the party its purpose clause names; the
    machines it moves are goods, not a party, there or inside the object's phrase."""
    base = small_dictionaries()
    sign = VerbPattern("v:sign-deal", "057", "sign",
                       slots=(Slot(SlotKind.OBJECT, words=(frozenset({"deal", "contract"}),)),))
    tanks = AgentEntry("g:machines", ("tanks",), "MIL")
    dictionaries = replace(base, verbs=base.verbs + (sign,), agents=base.agents + (tanks,))
    coder = Coder(nlp, compile_dictionaries(nlp, dictionaries), "test")
    coded = code(coder, "Russia signed a deal on Tuesday to supply Ukraine with gas.")
    assert triples(coded) == [("RUS", "UKR", "057")]
    assert any(s.rule == "purpose-target" for s in coded.events[0].trace)
    assert triples(code(coder, "Germany signed a deal on Tuesday to deliver tanks to Poland.")) == [
        ("DEU", "POL", "057")
    ]
    assert triples(code(coder, "Germany signed a contract to deliver tanks to Poland.")) == [
        ("DEU", "POL", "057")
    ]
    # Machines that act are their forces all the same.
    assert triples(code(coder, "Russian tanks attacked Kyiv.")) == [("RUSMIL", "UKR", "190")]


def test_the_passive_subject_suffered_the_act_an_event_noun_names(nlp):
    coder = coder_with_verbs(nlp, VerbPattern("v:n-attack", "190", "attack", is_noun=True))
    coded = code(coder, "Ukrainian troops were killed in a Russian attack.")
    assert triples(coded) == [("RUS", "UKRMIL", "190")]
    # A phrase of the noun's own that names a target comes first.
    coded = code(coder, "Ukrainian troops were killed in a Russian attack on Israel.")
    assert triples(coded) == [("RUS", "ISR", "190")]


def test_a_possessor_owns_the_phrase_before_a_name_used_as_a_modifier(nlp):
    base = small_dictionaries()
    envoy = AgentEntry("g:envoy", ("envoy",), "GOV")
    coder = Coder(nlp, compile_dictionaries(nlp, replace(base, agents=base.agents + (envoy,))),
                  "test")
    assert triples(code(coder, "Israel's UN envoy condemned Iran.")) == [("ISRGOV", "IRN", "111")]
    # Also when the parser hangs the possessor on a compound of the head.
    assert triples(code(coder, "Russia condemned Ukraine's UN membership bid.")) == [
        ("RUS", "UKR", "111")
    ]
    # Without a possessor, the name before the head still qualifies it.
    assert triples(code(coder, "Russia condemned the UN envoy.")) == [("RUS", "IGOUNO", "111")]


def test_a_former_official_is_one_of_the_countrys_elite(nlp):
    """ "former" turns a government role into ELI, and gives a named office holder out of his
    dates the office's country: ELI composes with it."""
    coder = small_coder(
        nlp, actor("a:kuchma", "UKRGOV", "Leonid Kuchma", start=date(1994, 7, 19),
                   end=date(2005, 1, 23)),
    )
    assert triples(code(coder, "Russia condemned a former Ukrainian president.")) == [
        ("RUS", "UKRELI", "111")
    ]
    assert triples(code(coder, "Russia condemned former President Leonid Kuchma.")) == [
        ("RUS", "UKRELI", "111")
    ]
    assert triples(code(coder, "Russia condemned President Leonid Kuchma.")) == [
        ("RUS", "GOV", "111")
    ]


def test_police_courts_and_coercing_governments_act_on_people_of_their_own_country(nlp):
    # A role with no country named, acted on by a country's police: that country's. Armies act
    # abroad too, so their targets stay as named.
    base = small_dictionaries()
    protesters = AgentEntry("g:cvl", ("protesters",), "CVL")
    dictionaries = replace(base, agents=base.agents + (protesters,))
    coder = Coder(nlp, compile_dictionaries(nlp, dictionaries), "test")
    assert triples(code(coder, "Russian police arrested protesters.")) == [
        ("RUSCOP", "RUSCVL", "173")
    ]
    assert triples(code(coder, "Russian troops arrested protesters.")) == [
        ("RUSMIL", "CVL", "173")
    ]
    # A government's coercion is at home too; its other acts may be abroad.
    assert triples(code(coder, "The Russian government arrested protesters.")) == [
        ("RUSGOV", "RUSCVL", "173")
    ]
    assert triples(code(coder, "The Russian government condemned protesters.")) == [
        ("RUSGOV", "CVL", "111")
    ]


def test_an_event_nouns_words_are_its_own_modifiers_and_say_how_its_harm_was_done(nlp):
    """ "n:strike air" is an air strike (195), not the bare noun's labour strike (143); and air
    strikes that killed people are coded as the strikes, not as a generic killing."""
    coder = coder_with_verbs(
        nlp,
        VerbPattern("v:n-strike", "143", "strike", is_noun=True),
        VerbPattern("v:n-strike-air", "195", "strike", is_noun=True,
                    slots=(Slot(SlotKind.OBJECT, words=(frozenset({"air"}),)),)),
        VerbPattern("v:kill", "1823", "kill"),
    )
    assert triples(code(coder, "Israel's air strike on Ukraine drew condemnation.")) == [
        ("ISR", "UKR", "195")
    ]
    coded = code(coder, "Russian air strikes killed 12 Ukrainian troops.")
    assert triples(coded) == [("RUS", "UKRMIL", "195")]
    assert triples(code(coder, "Russian troops killed 12 Ukrainian troops.")) == [
        ("RUSMIL", "UKRMIL", "1823")
    ]


def test_talks_between_two_sides_are_each_sides_unless_they_collapsed(nlp):
    between = Slot(SlotKind.PREP, "between", is_target=True)
    coder = coder_with_verbs(nlp, VerbPattern("v:n-talks", "046", "talk", is_noun=True,
                                              slots=(between,)))
    coded = code(coder, "Talks between Russia and Ukraine resumed on Monday.")
    assert triples(coded) == [("RUS", "UKR", "046"), ("UKR", "RUS", "046")]
    assert any(s.rule == "between-sides" for s in coded.events[0].trace)
    assert triples(code(coder, "Talks between Russia and Ukraine collapsed on Monday.")) == []


def test_an_event_noun_a_verb_undoes_or_breaks_is_no_event(nlp):
    with_ = Slot(SlotKind.PREP, "with", is_target=True)
    coder = coder_with_verbs(nlp, VerbPattern("v:n-agreement", "057", "agreement", is_noun=True,
                                              slots=(with_,)))
    assert triples(code(coder, "Russia signed an agreement with Ukraine.")) == [
        ("RUS", "UKR", "057")
    ]
    assert triples(code(coder, "Russia revoked its agreement with Ukraine.")) == []
    assert triples(code(coder, "Russia violated the agreement with Ukraine.")) == []
    assert triples(code(coder, "The agreement with Ukraine was terminated by Russia.")) == []


def test_what_is_discussed_is_a_topic_neither_target_nor_event(nlp):
    coder = coder_with_verbs(
        nlp, VerbPattern("v:discuss", "040", "discuss"),
        VerbPattern("v:n-sanctions", "163", "sanction", is_noun=True,
                    slots=(Slot(SlotKind.PREP, "against", is_target=True),)),
    )
    pair = [("RUS", "UKR", "040"), ("UKR", "RUS", "040")]
    assert triples(code(coder, "Russia and Ukraine discussed Iran.")) == pair
    assert triples(code(coder, "Russia and Ukraine discussed sanctions against Iran.")) == pair
    assert triples(code(coder, "Russia discussed Iran.")) == []
    # Not under "discuss", the noun is an event of its own.
    assert triples(code(coder, "Russia imposed sanctions against Iran.")) == [
        ("RUS", "IRN", "163")
    ]


def test_a_response_with_an_event_noun_is_the_responders_and_a_passive_nouns_its_agents(nlp):
    on = Slot(SlotKind.PREP, "on", is_target=True)
    coder = coder_with_verbs(nlp, VerbPattern("v:n-strike-on", "190", "strike", is_noun=True,
                                              slots=(on,)))
    assert triples(code(coder, "Russia responded with strikes on Ukraine.")) == [
        ("RUS", "UKR", "190")
    ]
    assert triples(code(coder, "Strikes on Ukraine were launched by Russia.")) == [
        ("RUS", "UKR", "190")
    ]
    # Any other preposition leaves the noun to someone else: "warned against strikes on".
    assert triples(code(coder, "Russia warned against strikes on Ukraine.")) == []


def test_a_named_complement_names_the_target_through_its_object(nlp):
    """ "threaten @halt negotiation" has no '+': whom the threat concerns is in the
    complement's object phrase ("negotiations with Israel")."""
    base = small_dictionaries()
    halt = VerbPattern("v:threaten-halt", "134", "threaten", slots=(
        Slot(SlotKind.XCOMP, "halt", (frozenset({"negotiation"}),)),
    ))
    coder = Coder(nlp, compile_dictionaries(nlp, replace(base, verbs=(halt, *base.verbs))), "t")
    assert triples(code(coder, "Iran threatened to halt negotiations with Israel.")) == [
        ("IRN", "ISR", "134")
    ]


def test_a_verb_with_no_object_finds_a_patterns_words_in_its_complement(nlp):
    """ "vow war" fits "vowed to wage war on Israel", PETRARCH's reading of the words after the
    verb, and the complement's phrase names the target. A pattern naming the complement
    itself ("vow @continue offensive") fits first."""
    words = (frozenset({"war", "offensive"}),)
    coder = coder_with_verbs(
        nlp,
        VerbPattern("v:vow-war", "190", "vow", slots=(Slot(SlotKind.OBJECT, words=words),)),
        VerbPattern("v:vow-continue", "1246", "vow",
                    slots=(Slot(SlotKind.XCOMP, "continue", words),)),
        VerbPattern("v:vow", "170", "vow"),
    )
    assert triples(code(coder, "Iran vowed to wage war on Israel.")) == [("IRN", "ISR", "190")]
    assert triples(code(coder, "Iran vowed to continue its offensive against Israel.")) == [
        ("IRN", "ISR", "1246")
    ]
    # Words the patterns do not name: the bare verb, which takes no target from a complement.
    assert triples(code(coder, "Iran vowed to wage a campaign against Israel.")) == []


def test_a_verb_with_no_object_finds_a_patterns_words_in_a_phrase_after_it(nlp):
    """The parser may take an object after a phrase for part of that phrase: in "paid to
    Ukraine compensation" the compensation hangs on "to". The words are still read."""
    pay = VerbPattern("v:pay-compensation", "071", "pay",
                      slots=(Slot(SlotKind.OBJECT, words=(frozenset({"compensation"}),)),))
    coder = coder_with_verbs(nlp, pay, VerbPattern("v:pay", "---", "pay"))
    assert triples(code(coder, "Germany paid to Ukraine compensation for the damage.")) == [
        ("DEU", "UKR", "071")
    ]


def test_an_of_phrase_inside_another_phrase_is_its_nouns_not_the_verbs(nlp):
    """ "expel diplomat of +" names the diplomat's country; in "over the killing of a Polish
    journalist" the journalist is whom the killing was done to, so the object names the side.
    A bare noun still makes a compound preposition: "on behalf of"."""
    diplomat = (frozenset({"diplomat"}),)
    coder = coder_with_verbs(
        nlp,
        VerbPattern("v:expel-diplomat-of", "161", "expel", slots=(
            Slot(SlotKind.OBJECT, words=diplomat), Slot(SlotKind.PREP, "of", is_target=True),
        )),
        VerbPattern("v:expel-diplomat", "161", "expel",
                    slots=(Slot(SlotKind.OBJECT, words=diplomat),)),
        VerbPattern("v:speak", "010", "speak",
                    slots=(Slot(SlotKind.PREP, "of", is_target=True),)),
    )
    sentence = "Russia expelled a Ukrainian diplomat over the killing of a Polish journalist."
    assert triples(code(coder, sentence)) == [("RUS", "UKR", "161")]
    assert triples(code(coder, "Russia spoke on behalf of China.")) == [("RUS", "CHN", "010")]


def test_a_reaction_to_an_act_is_aimed_at_its_doer_named_by_by(nlp):
    """ "condemned the arrest of Ukrainian journalists by Russian police" is aimed at the
    police; the journalists are whom the arrest was done to, and the target when no one else
    is named. So too when the pattern names the act's "of" phrase ("condemn arrest of +")."""
    coder = coder_with_verbs(
        nlp,
        VerbPattern("v:condemn", "111", "condemn", slots=(Slot(SlotKind.OBJECT, is_target=True),)),
        VerbPattern("v:condemn-arrest-of", "111", "condemn", slots=(
            Slot(SlotKind.OBJECT, words=(frozenset({"arrest"}),)),
            Slot(SlotKind.PREP, "of", is_target=True),
        )),
    )
    done_by = [("DEU", "RUSCOP", "111")]
    assert triples(code(coder, "Germany condemned the arrest of Ukrainian journalists by Russian "
                               "police.")) == done_by
    assert triples(code(coder, "The arrest of Ukrainian journalists by Russian police was "
                               "condemned by Germany.")) == done_by
    assert triples(code(coder, "Germany condemned the arrest of Ukrainian journalists.")) == [
        ("DEU", "UKR", "111")
    ]


def test_agreeing_to_an_act_is_the_intention_to_do_it(nlp):
    """A bare "agree" leaves the event to its complement, coded as an intention: "agreed to
    meet" is 036, not a bare accord (019). "urged X to" stays an appeal of its own."""
    coder = coder_with_verbs(
        nlp, VerbPattern("v:agree", "019", "agree"), VerbPattern("v:urge", "020", "urge")
    )
    coded = code(coder, "Russia agreed with Ukraine to meet China.")
    assert triples(coded) == [("RUS", "CHN", "036")]
    assert any(s.outcome is Outcome.DEFERRED for s in coded.sentences[0].trace)
    assert ("RUS", "UKR", "020") in triples(code(coder, "Russia urged Ukraine to meet China."))
