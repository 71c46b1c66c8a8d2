"""Event dates: a date phrase that modifies the event's verb, resolved against the article date.

Only the verb's own temporal modifiers count ("attacked on Monday", "met last week", "the attack
on Monday"): a date elsewhere in the sentence ("the treaty first signed in 2014", "said on
Monday that ...") does not move the event. Every resolution is the first day of the period the
phrase names ("last week" -> that Monday, "in March" -> March 1, "in 2014" -> 1 January) with
its precision, plus the last day the event can have happened, which decides whether the event is
background (more than BACKGROUND_DAYS before the article). A reported event cannot be in the
future: a phrase that resolves after the article date falls back to the article date.

The common forms are resolved here, exactly and fast; anything else goes to dateparser.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Doc, Span, Token

from coding.records import Outcome, TraceStep
from coding.tree import Tree, entity_at, tree_of

BACKGROUND_DAYS = 7
# A month and day without a year this close after the article is an announced date ("talks on
# May 3", written in April), which an event in the past tense cannot have: it is not moved to
# the year before.
UPCOMING_DAYS = 90
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0,
}
# Prepositions that introduce a time of the verb. "by" (a deadline) and "until" (an end) do not
# say when the event happened.
TEMPORAL_PREPS = frozenset({"on", "in", "since", "during", "at", "over"})
# Dependents of a verb that can be a bare time expression: "met last week", "two days ago".
TEMPORAL_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl:tmod", "poss"})
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {
    "yesterday", "today", "tonight", "overnight", "week", "weekend", "month", "year", "ago",
}
# An untagged phrase longer than this is a noun phrase that mentions a date word ("a year of
# war"), not a date.
MAX_UNTAGGED_WORDS = 4
YEAR = re.compile(r"^(1[89]|20)\d\d$")
# "late February", "mid-March", "the end of May": the part is dropped, the precision is the
# month (or year) itself.
PERIOD_PART = re.compile(
    r"^(early|mid|late|the end of|end of|the beginning of|beginning of|the middle of|"
    r"the start of|start of)[\s-]+",
    re.I,
)
LEADING = re.compile(r"^(on|in|since|during|at|over|the|this past|past)\s+", re.I)
TIME_OF_DAY = re.compile(r"\s+(morning|afternoon|evening|night)$", re.I)
AGO = re.compile(r"^(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago$")
RELATIVE_PERIOD = re.compile(
    r"^(last|previous|earlier this|this|the past|past)\s+(week|month|year)$"
)
MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$")
MONTH_YEAR = re.compile(r"^([a-z]+)\.?(?:,?\s+(\d{4}))?$")


# Not frozen: one per event, and a frozen dataclass's __init__ sets each field through
# object.__setattr__, at four times the cost.
@dataclass(slots=True)
class ResolvedDate:
    day: date  # the first day of the period the phrase names
    precision: str  # day | week | month | year
    source: str  # "text" | "article"
    text: str = ""
    last: date | None = None  # the last day the event can have happened; None: `day`
    background: bool = False  # the event ended more than BACKGROUND_DAYS before the article


def _month(word: str) -> int | None:
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS.get(word)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months_back(day: date, count: int) -> date:
    """The first day of the month `count` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) or None


def _ago(count: int, unit: str, published: date) -> tuple[date, str]:
    if unit == "day":
        return published - timedelta(days=count), "day"
    if unit == "week":
        return published - timedelta(weeks=count), "week"
    if unit == "month":
        return _months_back(published, count), "month"
    return date(published.year - count, 1, 1), "year"


def _relative_period(which: str, unit: str, published: date) -> tuple[date, date, str]:
    """"last week" -> (that Monday, that Sunday); "earlier this month" -> (the 1st, today)."""
    current = which in ("this", "earlier this")
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        start = monday if current else monday - timedelta(weeks=1)
        return start, published if current else start + timedelta(days=6), "week"
    if unit == "month":
        start = _months_back(published, 0 if current else 1)
        return start, published if current else _month_end(start.year, start.month), "month"
    start = date(published.year - (0 if current else 1), 1, 1)
    return start, published if current else date(start.year, 12, 31), "year"


def _weekday(name: str, published: date, strictly_before: bool) -> date:
    """The most recent such weekday not after the article date (the same day included, unless
    the phrase said "last")."""
    back = (published.weekday() - WEEKDAYS.index(name)) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def _calendar_date(month: int, day: int, year: str | None, published: date) -> date | None:
    """A month and day; without a year, the most recent one not after the article date."""
    try:
        resolved = date(int(year) if year else published.year, month, day)
    except ValueError:
        return None
    if resolved <= published or year:
        return resolved
    if (resolved - published).days <= UPCOMING_DAYS:
        return None  # "on May 3" in late April: an announced date, not last year's
    return _calendar_date(month, day, str(published.year - 1), published)


def _day_of(
    month: int | None, day: str, year: str | None, published: date
) -> tuple[date, date, str] | None:
    resolved = _calendar_date(month, int(day), year, published) if month else None
    return (resolved, resolved, "day") if resolved else None


def _resolve_common(phrase: str, published: date) -> tuple[date, date, str] | None:
    """(first day, last day, precision) for the forms news writes most; None for the rest."""
    if phrase in ("yesterday", "last night"):
        day = published - timedelta(days=1)
        return day, day, "day"
    if phrase in ("today", "tonight", "overnight"):
        return published, published, "day"
    words = phrase.split()
    if words[-1] in WEEKDAYS and len(words) <= 2 and words[0] in (words[-1], "last"):
        day = _weekday(words[-1], published, strictly_before=words[0] == "last")
        return day, day, "day"
    if words[-1] == "weekend" and len(words) <= 2:
        saturday = _weekday("saturday", published - timedelta(days=1), strictly_before=False)
        return saturday, min(saturday + timedelta(days=1), published), "week"
    if match := AGO.match(phrase):
        count = _count(match.group(1))
        if count is None:
            return None
        day, precision = _ago(count, match.group(2), published)
        return day, day, precision
    if match := RELATIVE_PERIOD.match(phrase):
        return _relative_period(match.group(1), match.group(2), published)
    if match := MONTH_DAY.match(phrase):
        return _day_of(_month(match.group(1)), match.group(2), match.group(3), published)
    if match := DAY_MONTH.match(phrase):
        return _day_of(_month(match.group(2)), match.group(1), match.group(3), published)
    if YEAR.match(phrase):
        year = int(phrase)
        return date(year, 1, 1), min(date(year, 12, 31), published), "year"
    if match := MONTH_YEAR.match(phrase):
        month = _month(match.group(1))
        if month is None:
            return None
        year = int(match.group(2)) if match.group(2) else published.year
        if not match.group(2) and date(year, month, 1) > published:
            if (date(year, month, 1) - published).days <= UPCOMING_DAYS:
                return None  # "in May", written in April: the coming May
            year -= 1  # "in November", written in April: last November
        start = date(year, month, 1)
        return start, min(_month_end(year, month), published), "month"
    return None


def _common_form(phrase: str) -> bool:
    """A phrase `_resolve_common` understands: when it gave no date (an announced date, a
    future year), dateparser must not guess another."""
    words = phrase.split()
    if any(w in ("this", "next", "coming") for w in words) or YEAR.match(phrase):
        return True
    if AGO.match(phrase) or RELATIVE_PERIOD.match(phrase):
        return True
    return any(_month(w.rstrip(".")) for w in words) and bool(
        MONTH_DAY.match(phrase) or DAY_MONTH.match(phrase) or MONTH_YEAR.match(phrase)
    )


def _precision(text: str) -> str:
    """The precision of a phrase dateparser resolved: the finest unit it names."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    if "week" in words or "weeks" in words:
        return "week"
    if any(w in WEEKDAYS or w in ("yesterday", "today") for w in words) or any(
        w.isdigit() and not YEAR.match(w) for w in words
    ):
        return "day"
    if any(_month(w) for w in words) or "month" in words:
        return "month"
    return "year"


def _with_dateparser(phrase: str, published: date) -> tuple[date, date, str] | None:
    base = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    if parsed is None:
        return None
    precision = _precision(phrase)
    day = parsed.date()
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = date(day.year, 1, 1)
    return day, day, precision


def normalize_phrase(text: str) -> str:
    """"on Monday morning" -> "monday", "in late February" -> "february"."""
    phrase = " ".join(text.lower().replace(",", " ").split())
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = LEADING.sub("", phrase)
        phrase = PERIOD_PART.sub("", phrase)
        phrase = TIME_OF_DAY.sub("", phrase)
    return phrase


def parse_date_phrase(text: str, published: date) -> ResolvedDate | None:
    """Resolve one date phrase against the article date; None when it cannot be resolved or
    resolves after the article date."""
    phrase = normalize_phrase(text)
    if not phrase:
        return None
    found = _resolve_common(phrase, published)
    if found is None and not _common_form(phrase):
        found = _with_dateparser(phrase, published)
    if found is None:
        return None
    day, last, precision = found
    if day > published:
        return None
    last = min(last, published)
    background = (published - last).days > BACKGROUND_DAYS
    return ResolvedDate(day, precision, "text", text, last, background)


def _date_entity_at(doc: Doc, tree: Tree, i: int) -> Span | None:
    """The DATE entity containing token `i`, if any."""
    if tree.ent_types[i] != "DATE":
        return None
    ent = entity_at(doc, i)
    return ent if ent is not None and ent.label_ == "DATE" else None


def _date_phrase(doc: Doc, tree: Tree, i: int) -> Span | None:
    """The date phrase headed by token `i`: its DATE entity, or, when the model tagged none,
    the token's own subtree if it names a date word ("on Friday" parsed but not tagged)."""
    ent = _date_entity_at(doc, tree, i)
    if ent is not None:
        return ent
    subtree = tree.subtree(i)
    if len(subtree) > MAX_UNTAGGED_WORDS:
        return None
    words = {tree.lower[t] for t in subtree}
    if words & DATE_WORDS or any(
        YEAR.match(tree.text_of(t, t + 1)) for t in subtree if tree.pos[t] == "NUM"
    ):
        return doc[subtree[0] : subtree[-1] + 1]
    return None


def temporal_phrases(verb: Token) -> list[Span]:
    """Date phrases attached to the predicate: a prepositional object ("on Monday", "in 2014"),
    a bare noun-phrase modifier ("last week", "yesterday", "two days ago"), a possessor
    ("Monday's attack"), or "on <day>" attached to the verb's direct object ("held talks on
    Monday", which the parser often hangs on "talks")."""
    doc = verb.doc
    tree = tree_of(doc)
    found: list[Span] = []
    holders = [verb.i] + [c for c in tree.children[verb.i] if tree.deps[c] == "dobj"]
    for holder in holders:
        for child in tree.children[holder]:
            candidates: list[int] = []
            dep, word = tree.deps[child], tree.lower[child]
            if dep == "prep" and word in TEMPORAL_PREPS:
                if holder == verb.i or word == "on":
                    candidates = [g for g in tree.children[child] if tree.deps[g] == "pobj"]
            elif holder == verb.i and dep in TEMPORAL_DEPS:
                candidates = [child]
            for candidate in candidates:
                phrase = _date_phrase(doc, tree, candidate)
                if phrase is not None and phrase not in found:
                    found.append(phrase)
    for phrase in _glued_dates(doc, tree, verb.i):
        if phrase not in found:
            found.append(phrase)
    return found


def _glued_dates(doc: Doc, tree: Tree, verb: int) -> list[Span]:
    """Dates the parser made the head of the name before them (see `glued_name`)."""
    children = tree.children[verb]
    objects = [c for c in children if tree.deps[c] in ("dobj", "npadvmod")] + [
        g for c in children if tree.deps[c] == "prep"
        for g in tree.children[c] if tree.deps[g] == "pobj"
    ]
    found = []
    for head in objects:
        ent = _date_entity_at(doc, tree, head)
        if ent is not None and _glued_name_at(doc, tree, head, ent) is not None:
            found.append(ent)
    return found


def glued_name(token: Token) -> Token | None:
    """In wire style a date follows the object without "on": "met Syrian President Bashar Assad
    Tuesday". The parser then often makes "Tuesday" the head of the phrase (an object or a
    noun-phrase modifier) and "Assad" its compound. For such a date token, the head of the
    name before it; None for any other token."""
    doc = token.doc
    tree = tree_of(doc)
    ent = _date_entity_at(doc, tree, token.i)
    if ent is None:
        return None
    name = _glued_name_at(doc, tree, token.i, ent)
    return None if name is None else doc[name]


def _glued_name_at(doc: Doc, tree: Tree, date: int, ent: Span) -> int | None:
    names = [
        c for c in tree.children[date]
        if c < date and tree.deps[c] == "compound" and not ent.start <= c < ent.end
    ]
    return names[-1] if names else None


def event_date(verb: Token, published: date) -> ResolvedDate:
    """The event's date: its verb's first resolvable date phrase, else the article date."""
    for phrase in temporal_phrases(verb):
        resolved = parse_date_phrase(phrase.text, published)
        if resolved is not None:
            return resolved
    return ResolvedDate(published, "day", "article", "", published, False)


def date_trace(when: ResolvedDate) -> TraceStep:
    """The trace step saying where the event's date came from."""
    if when.source != "text":
        return TraceStep("date", "publication-date", Outcome.DATE_FROM_PUBLICATION, str(when.day))
    detail = f"{when.text!r} -> {when.day} ({when.precision})"
    if when.background:
        detail += f", background: ended by {when.last}"
    return TraceStep("date", "verb-temporal-modifier", Outcome.DATE_FROM_TEXT, detail)
