"""Pronouns and descriptions ("he", "they", "the two sides") resolved to earlier actors.

Only unambiguous cases resolve: a pronoun inside a clause takes the subject of the clause that
reports it ("Russia said it would ..."); otherwise it takes the single actor that was the
subject of the most recent sentence with one. "The two sides" / "both countries" take the last
pair of actors that an event linked. Anything else stays unresolved: no actor is better than a
wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from coding.records import ActorMatch, Outcome, TraceStep

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
PAIR_HEADS = frozenset({"sides", "countries", "nations", "governments", "parties", "neighbours",
                        "neighbors", "states"})
PAIR_DETERMINERS = frozenset({"two", "both"})

ActorLookup = Callable[[Token], list[ActorMatch]]


def is_pair_description(head: Token) -> bool:
    """ "the two sides", "both countries" """
    return head.lower_ in PAIR_HEADS and any(
        c.lower_ in PAIR_DETERMINERS for c in head.children
    )


@dataclass
class ArticleMemory:
    """What earlier sentences of the same article said; one per article, never shared."""

    last_subjects: list[ActorMatch] = field(default_factory=list)
    last_pair: tuple[ActorMatch, ActorMatch] | None = None
    where: str = ""  # which sentence the remembered actors came from, for the trace

    def remember(self, sentence_index: int, subjects: list[ActorMatch],
                 pairs: list[tuple[ActorMatch, ActorMatch]]) -> None:
        if subjects:
            self.last_subjects = subjects
            self.where = f"sentence {sentence_index}"
        if pairs:
            self.last_pair = pairs[-1]

    def resolve(
        self, head: Token, lookup: ActorLookup
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        if is_pair_description(head) and self.last_pair is not None:
            pair = list(self.last_pair)
            detail = f"{head.text!r} -> {pair[0].code} and {pair[1].code} (last linked pair)"
            return pair, TraceStep("coref", "pair-description", Outcome.RESOLVED, detail)
        if head.lower_ not in PRONOUNS:
            return [], None
        governing = _governing_subject(head, lookup)
        if len(governing) == 1:
            detail = f"{head.text!r} -> {governing[0].code} (subject of the reporting clause)"
            return governing, TraceStep("coref", "pronoun-clause", Outcome.RESOLVED, detail)
        if len(self.last_subjects) == 1:
            actor = self.last_subjects[0]
            detail = f"{head.text!r} -> {actor.code} ({self.where}: {actor.text!r})"
            return [actor], TraceStep("coref", "pronoun-previous", Outcome.RESOLVED, detail)
        return [], None


def _governing_subject(pronoun: Token, lookup: ActorLookup) -> list[ActorMatch]:
    """The actors subject of the verb whose clause contains the pronoun's verb."""
    verb = pronoun.head
    while verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head is not verb:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return lookup(subject)
    return []
