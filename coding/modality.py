"""Modality: is the verb's event real, denied, hoped for, threatened, or only reported?

Negated verbs produce no event. A conditional or modal verb ("would attack if", "could meet")
is never coded as the act itself: conflictual acts become the matching CAMEO threat, cooperative
ones the matching intent (INTENT_CODES), flagged hypothetical. A future or planned act ("will
meet", "plans to attack") keeps its code and is flagged future, as CAMEO codes announced
actions; analysts filter on the flag.
Reported speech ("X said Y attacked Z") codes Y -> Z with the flag set.
"""

from __future__ import annotations

from spacy.tokens import Token

from coding.records import Modality

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# Adverbs that a negation before them turns into a negation of the verb ("not ever", "not yet").
NEGATED_ADVERBS = frozenset({"ever", "even", "yet"})
# Modals that make the act a possibility, not a fact. "can" (ability) and "must" (obligation)
# are left out: "Russia can cope" and "Iran must withdraw" are statements about the act.
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # spaCy splits "won't" into "wo" + "n't"
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Verbs, and adjectives of readiness, whose infinitive complement is an intention, not a
# fact: "plans to attack", "is ready to hold talks".
INTENT_GOVERNORS = frozenset(
    {"plan", "intend", "want", "hope", "seek", "aim", "prepare", "consider", "vow", "expect",
     "wish", "try", "attempt", "propose", "offer", "decide", "agree", "promise", "pledge",
     "threaten", "demand", "urge", "ask", "call", "need", "be",
     "ready", "willing", "prepared", "eager", "keen", "determined", "open"}
)
# Verbs whose infinitive complement did not happen: "refused to attack", "failed to agree".
NEGATING_GOVERNORS = frozenset({"refuse", "fail", "decline", "deny", "reject", "avoid"})
# Verbs that report what someone else said: their clausal complement is reported speech.
SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "announce", "claim", "state", "add", "note", "confirm", "allege",
     "declare", "insist", "assert", "explain", "write", "reveal", "disclose", "warn", "believe"}
)
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})

# Where an unrealised act goes, by its root (CAMEO 03 intent, 13 threat); codes absent here
# (statements, appeals, demands ... are verbal already) keep their own code.
INTENT_CODES = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384", "20": "1385",
}


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def is_negated(verb: Token) -> bool:
    return any(_negates(c) for c in verb.children)


def _negates(child: Token) -> bool:
    if child.dep_ == "neg" or child.lower_ in NEGATIONS and child.dep_ == "advmod":
        return True
    # "did not even ever attack": the parser may hang the negation on the adverb after it.
    return (
        child.dep_ == "advmod" and child.lower_ in NEGATED_ADVERBS
        and any(g.dep_ == "neg" for g in child.children)
    )


def governing_chain(verb: Token) -> list[Token]:
    """The verbs above this one through complements and conjunctions, nearest first."""
    chain = []
    current = verb
    while current.dep_ in ("xcomp", "ccomp", "conj", "advcl") and current.head is not current:
        current = current.head
        chain.append(current)
    return chain


def modality_of(verb: Token) -> Modality:
    aux = _aux_words(verb)
    negated = is_negated(verb)
    hypothetical = bool(aux & CONDITIONAL_AUX) or any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children
    )
    future = bool(aux & FUTURE_AUX) or (
        # "is going to attack"
        verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG"
    )
    reported = False
    current = verb
    for governor in governing_chain(verb):
        link = current.dep_
        lemma = governor.lemma_.lower()
        if link == "xcomp" and lemma in INTENT_GOVERNORS:
            future = True
        if link == "xcomp" and lemma in NEGATING_GOVERNORS:
            negated = True
        if link == "ccomp" and lemma in DENIAL_VERBS:
            negated = True
        if link == "ccomp" and lemma in SPEECH_VERBS:
            reported = True
        if link == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children
        ):
            hypothetical = True
        if link == "xcomp" and is_negated(governor):
            negated = True
        if link == "conj" and is_negated(governor) and _joined_by_or(governor):
            negated = True  # "did not attack or shell": the negation covers both
        if link in ("xcomp", "conj") and _aux_words(governor) & CONDITIONAL_AUX:
            hypothetical = True
        if link in ("xcomp", "conj") and _aux_words(governor) & FUTURE_AUX:
            future = True
        current = governor
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return Modality(negated, hypothetical, future, reported, passive)


def _joined_by_or(verb: Token) -> bool:
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.children)


def intended(verb: Token) -> bool:
    """Planned, promised or vowed but not done: the verb complements an intent verb ("plans
    to attack", "vowed to retaliate"), through any chain of complements."""
    current = verb
    for governor in governing_chain(verb):
        if current.dep_ == "xcomp" and governor.lemma_.lower() in INTENT_GOVERNORS:
            return True
        current = governor
    return False


def unrealised_code(code: str) -> str:
    """The intent or threat code for an act that has not happened ("will attack" -> 1384)."""
    return INTENT_CODES.get(code[:2], code)
