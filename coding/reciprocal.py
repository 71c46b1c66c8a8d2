"""Reciprocity: when listed actors act on each other although no target is named.

"Israel and Hamas held talks", "Serbia and Kosovo postponed their meeting", "the two sides
renewed ties": the actors of a list are each other's targets when the verb names no target and
its object is missing, says "their" / "each other", or is a relation noun. "Russia and China
condemned the move" names no target and is not reciprocal: no event.
"""

from __future__ import annotations

from spacy.tokens import Token

RECIPROCAL_WORDS = frozenset({"their", "each", "mutual", "bilateral", "joint", "another"})
RELATION_NOUNS = frozenset(
    {"tie", "relation", "talk", "meeting", "agreement", "accord", "cooperation", "dialogue",
     "negotiation", "summit", "deal", "treaty", "ceasefire", "truce", "peace", "pact",
     "partnership", "alliance", "exchange", "contact", "reconciliation", "rapprochement",
     "normalization", "normalisation"}
)


# Verbs that relate their listed subjects to each other with no object: "X and Y met".
RECIPROCAL_VERBS = frozenset(
    {"meet", "clash", "fight", "negotiate", "agree", "talk", "cooperate", "reconcile", "trade",
     "confer", "consult", "collide", "quarrel", "argue", "feud", "ally", "unite", "compete",
     "spar", "skirmish", "battle", "compromise", "correspond", "partner", "settle", "sign"}
)


# Verbs whose object is a topic: "Putin and Xi discussed Ukraine" did nothing to Ukraine.
TOPIC_VERBS = frozenset({"discuss", "debate"})
# Verbs that relate their listed subjects whatever the object: "X and Y exchanged prisoners",
# "swapped detainees", "traded accusations", "shared intelligence", "discussed the war".
MUTUAL_VERBS = frozenset({"exchange", "swap", "trade", "share"}) | TOPIC_VERBS


def is_reciprocal(predicate: Token, obj: Token | None) -> bool:
    """Does the predicate (verb or event noun) relate its listed actors to each other?"""
    if predicate.pos_ == "NOUN" or predicate.lemma_.lower() in MUTUAL_VERBS:
        return True  # "talks between", "the two sides' meeting": the noun is the relation
    if obj is None:
        return predicate.lemma_.lower() in RECIPROCAL_VERBS  # "Israel and Hamas clashed"
    words = {t.lower_ for t in obj.subtree} | {obj.lemma_.lower()}
    return bool(words & RECIPROCAL_WORDS) or any(
        noun.lemma_.lower() in RELATION_NOUNS for noun in (obj, *_measured(obj))
    )


def _measured(noun: Token) -> list[Token]:
    """What a noun measures: "a new round of talks" -> talks."""
    return [
        pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children if pobj.dep_ == "pobj"
    ]
