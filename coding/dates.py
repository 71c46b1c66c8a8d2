"""Event dates: a date phrase that modifies the event's verb, resolved against the article date.

Only the verb's own temporal modifiers count ("attacked on Monday", "met last week"): a date
elsewhere in the sentence ("the treaty first signed in 2014") does not move the event. Relative
dates resolve to the most recent such day not after the article date; a resolved date after the
article date is impossible for a reported event and falls back to the article date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
TEMPORAL_PREPS = frozenset({"on", "in", "since", "during", "last", "at", "by"})
YEAR = re.compile(r"^(1[89]|20)\d\d$")
# "late February", "early March": the part of the month is dropped, precision is the month.
MONTH_PART = re.compile(r"^(early|mid|late|the end of|the beginning of)\s+", re.I)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    day: date
    precision: str  # day | week | month | year
    source: str  # "text" | "article"
    text: str = ""


def _date_entity_of(token: Token) -> Span | None:
    """The DATE entity containing this token, if any."""
    if token.ent_type_ != "DATE":
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ == "DATE":
            return ent
    return None


def temporal_phrases(verb: Token) -> list[Span]:
    """DATE entities attached to the verb: as a prepositional object ("on Monday", "in 2014"),
    a bare noun-phrase modifier ("last week", "yesterday"), or the verb's adverb ("yesterday")."""
    found = []
    for child in verb.children:
        candidates: list[Token] = []
        if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS:
            candidates = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("npadvmod", "tmod", "advmod", "obl:tmod"):
            candidates = [child]
        for candidate in candidates:
            ent = _date_entity_of(candidate)
            if ent is not None and ent not in found:
                found.append(ent)
    return found


def _precision(text: str) -> str:
    lowered = text.lower()
    if "week" in lowered:
        return "week"
    words = re.findall(r"[a-z]+|\d+", lowered)
    has_day = any(w in WEEKDAYS for w in words) or any(
        w.isdigit() and not YEAR.match(w) for w in words
    ) or lowered in ("yesterday", "today") or "ago" in words and "day" in lowered
    if has_day:
        return "day"
    if any(w in MONTHS for w in words) or "month" in words:
        return "month"
    return "year" if any(YEAR.match(w) for w in words) or "year" in words else "day"


def parse_date_phrase(text: str, published: date) -> ResolvedDate | None:
    """Resolve one date phrase against the article date; None when it cannot be resolved."""
    cleaned = MONTH_PART.sub("", text.strip())
    lowered = cleaned.lower()
    if lowered.startswith("this "):
        return None  # "this week" is the article's own time: keep the article date
    if lowered in WEEKDAYS:
        # The most recent such weekday not after the article date, the same day included.
        back = (published.weekday() - WEEKDAYS.index(lowered)) % 7
        return ResolvedDate(published - timedelta(days=back), "day", "text", text)
    base = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": [],
        },
    )
    if parsed is None:
        return None
    day = parsed.date()
    precision = _precision(text)
    if day > published:
        return None
    return ResolvedDate(day, precision, "text", text)


def event_date(verb: Token, published: date) -> ResolvedDate:
    for phrase in temporal_phrases(verb):
        resolved = parse_date_phrase(phrase.text, published)
        if resolved is not None:
            return resolved
    return ResolvedDate(published, "day", "article")
