"""Typed records passed between the pipeline's stages.

Data flows one way: Article -> Sentence -> Event. Every record is frozen so a stage can never
change what an earlier stage produced; a stage that needs a different value builds a new record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Article:
    """One news story as ingested: text already normalized (paragraphs split by blank lines)."""

    article_id: str
    title: str
    text: str
    published_at: datetime  # timezone-aware, UTC
    source: str = ""
    url: str = ""
    language: str = "en"
    ingested_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    sentence_index: int  # 0-based over the whole article, title included
    text: str


class Outcome(StrEnum):
    """Closed set of reasons a trace step can give; group and assert on these, never on prose."""

    MATCHED = "MATCHED"  # an actor or verb pattern matched
    NO_ACTOR = "NO_ACTOR"  # the phrase in a slot has no actor
    NO_SOURCE = "NO_SOURCE"
    NO_TARGET = "NO_TARGET"
    NO_PATTERN = "NO_PATTERN"  # verb lemma known, no pattern's constraints satisfied
    UNKNOWN_VERB = "UNKNOWN_VERB"  # lemma not in the verb dictionary
    NULL_CODE = "NULL_CODE"  # a [---] pattern fired: explicitly no event
    NEGATED = "NEGATED"
    HYPOTHETICAL = "HYPOTHETICAL"
    SAME_ACTOR = "SAME_ACTOR"  # source and target are the same actor
    DISCARDED = "DISCARDED"  # a discard phrase matched the sentence or story
    RESOLVED = "RESOLVED"  # a pronoun or description resolved to an earlier actor
    DATE_FROM_TEXT = "DATE_FROM_TEXT"
    DATE_FROM_PUBLICATION = "DATE_FROM_PUBLICATION"
    PLACE_FOUND = "PLACE_FOUND"
    PLACE_UNRESOLVED = "PLACE_UNRESOLVED"
    TRANSFORMED = "TRANSFORMED"  # a reported-speech transformation rewrote the event
    DEFERRED = "DEFERRED"  # an intent verb left its event to its complement ("agreed to meet")
    # The other side's event that the same words report, from the pattern's paired code: the
    # host of a visit (042:043), the other party to talks (046:046).
    REVERSED = "REVERSED"
    REQUESTED = "REQUESTED"  # an act asked of someone ("urged X to attack"): the request is coded


@dataclass(frozen=True, slots=True)
class TraceStep:
    stage: str  # "actor", "verb", "modality", "date", "place", "coref", "discard"
    rule: str  # dictionary entry id (file:line) or a built-in rule name; "" when none applies
    outcome: Outcome
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor found in a sentence: the words, the code, and the entries that produced it."""

    text: str
    code: str  # full CAMEO actor code, e.g. "RUSGOV"
    country: str  # 3-letter country/IGO root, "" for a bare role such as "COP"
    role: str  # role blocks after the root, e.g. "GOV" or "MILREB"; "" when none
    start: int  # token offsets within the Doc, end exclusive
    end: int
    rule: str  # entry id(s) that produced the code, joined by "+" when composed


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported_speech: bool = False
    passive: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    article_id: str
    sentence_index: int
    sentence_text: str
    event_date: date
    date_precision: str  # "day" | "week" | "month" | "year"
    date_source: str  # "text" | "article"
    source: ActorMatch
    target: ActorMatch
    event_code: str  # CAMEO code as a string, leading zeros kept: "0311"
    event_base_code: str  # first three digits
    event_root_code: str  # first two digits
    quad_class: int  # GDELT 1-4
    goldstein: float
    plover_category: str
    verb_text: str
    matched_rule: str  # verb dictionary entry id, file:line
    modality: Modality
    location_text: str = ""
    location_country: str = ""  # ISO alpha-3, as CAMEO codes countries
    location_name: str = ""  # the gazetteer's name for the place; "" when unresolved
    location_lat: float | None = None  # None for a country or an unresolved place
    location_lon: float | None = None
    location_reason: str = ""  # coding.places.PlaceReason: how the place resolved, or why not
    date_background: bool = False  # the event ended more than a week before the article
    coder_version: str = ""
    dictionary_version: str = ""
    trace: tuple[TraceStep, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """What the coder did with one sentence: its events and, in explain mode, every step tried."""

    sentence: Sentence
    events: tuple[Event, ...]
    actors: tuple[ActorMatch, ...]
    trace: tuple[TraceStep, ...]
    parse: str = ""  # a one-line-per-token rendering of the parse, explain mode only


@dataclass(frozen=True, slots=True)
class CodedArticle:
    article: Article
    sentences: tuple[SentenceReport, ...]

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for s in self.sentences for e in s.events)
