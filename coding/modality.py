"""Modality: is the verb's event real, denied, hoped for, threatened, or only reported?

Negated verbs produce no event. A conditional or modal verb ("would attack if", "could meet")
is never coded as the act itself: conflictual acts become the matching CAMEO threat, cooperative
ones the matching intent (INTENT_CODES), flagged hypothetical; a modal before the perfect ("may
have bombed") speaks of a past that may not have been, and codes nothing. A future or planned
act ("will meet", "plans to attack") keeps its code and is flagged future, as CAMEO codes
announced actions; analysts filter on the flag.
Reported speech ("X said Y attacked Z") codes Y -> Z with the flag set; so does hearsay with no
named speaker ("Y reportedly attacked Z", "Y is believed to have attacked Z"). A possibility that
a speaker of another country reports ("Iran could strike Israel, US officials said") is their
forecast, no threat of Iran's: it is not coded (participants.foretold_by_another).
"""

from __future__ import annotations

from spacy.tokens import Token

from coding.records import Modality
from coding.tree import Tree, tree_of
from coding.verbs import is_passive, is_verb

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# Subjects that say nobody did the act: "none of the ministers attended", "neither of them".
NEGATIVE_PRONOUNS = frozenset({"none", "nobody", "neither", "nothing"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Adverbs that a negation before them turns into a negation of the verb ("not ever", "not yet").
NEGATED_ADVERBS = frozenset({"ever", "even", "yet"})
# Modals that make the act a possibility, not a fact. "can" (ability) and "must" (obligation)
# are left out: "Russia can cope" and "Iran must withdraw" are statements about the act.
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should"})
# "may have bombed", "could have attacked": a modal of possibility before the perfect speaks of
# a past that may or may not have been (or, "would have", one that was not), never of an
# intention or a threat. "should have acted" is left to the conditional rule: a duty unmet.
POSSIBILITY_AUX = frozenset({"may", "might", "could", "would"})
PERFECT_AUX = frozenset({"have", "'ve"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # spaCy splits "won't" into "wo" + "n't"
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Verbs, and adjectives of readiness, whose infinitive complement is an intention, not a
# fact: "plans to attack", "is ready to hold talks", "is set to launch", "is poised to seize"
# (a verb or an adjective, as the parser reads it).
INTENT_GOVERNORS = frozenset(
    {"plan", "intend", "want", "hope", "seek", "aim", "prepare", "consider", "vow", "expect",
     "wish", "try", "attempt", "propose", "offer", "decide", "agree", "promise", "pledge",
     "threaten", "demand", "urge", "ask", "call", "need", "be",
     "ready", "willing", "prepared", "eager", "keen", "determined", "open", "set", "poise",
     "poised"}
)
# Verbs that ask someone else to act: their infinitive complement, when it is asked of another
# ("urged Israel to attack", "Obama was pressured to help Iran"), is the request's content, not
# an act or an intention of the one asked.
DIRECTIVE_GOVERNORS = frozenset(
    {"urge", "ask", "press", "pressure", "call", "encourage", "tell", "order", "instruct",
     "request", "demand", "implore", "beg", "advise", "invite", "exhort", "appeal", "plead",
     "push", "lobby", "command", "direct", "challenge"}
)
# Where the one asked stands beside a directive verb: its object, a passive's subject, or the
# object of "call on", "appeal to".
ASKED_DEPS = frozenset({"dobj", "nsubjpass"})
ASKED_PREPS = frozenset({"on", "upon", "to"})
# Verbs whose infinitive complement did not happen: "refused to attack", "failed to agree";
# "is unlikely to send troops", which is no act either; and those that end it: "stopped
# supporting armed groups" is no support.
NEGATING_GOVERNORS = frozenset(
    {"refuse", "fail", "decline", "deny", "reject", "avoid", "unlikely", "stop", "cease", "quit"}
)
# Words that make their infinitive complement a possibility: "is likely to meet".
POSSIBILITY_GOVERNORS = frozenset({"likely"})
# Verbs that report what someone else said: their clausal complement is reported speech.
SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "announce", "claim", "state", "add", "note", "confirm", "allege",
     "declare", "insist", "assert", "explain", "write", "reveal", "disclose", "warn", "believe"}
)
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
# Hearsay without a named speaker: "Iran reportedly supplied missiles", "is believed to have
# supplied" (a passive verb of saying or believing) are reported, as "X said" is.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
HEARSAY_PASSIVES = SPEECH_VERBS | {"think", "understand", "suspect", "rumour", "rumor"}
# Verbs that undo the event noun they have as subject: "the talks collapsed", "the summit was
# postponed". With the particle they need: "talks broke down", "the meeting was called off".
UNDOING_VERBS = frozenset(
    {"collapse", "fail", "falter", "founder", "stall", "cancel", "postpone", "suspend", "delay",
     "scrap", "abandon", "derail", "halt", "break_down", "call_off"}
)
# Verbs that undo or break the event noun they have as object, or as a passive's subject: "Niger
# revoked its military agreement with the US" signed nothing; "the truce was violated".
UNDOING_ACTS = frozenset(
    {"cancel", "postpone", "suspend", "delay", "scrap", "abandon", "derail", "halt", "call_off",
     "revoke", "annul", "rescind", "terminate", "nullify", "repudiate", "tear_up", "break_off",
     "freeze", "violate", "breach", "break", "end", "quit", "exit", "leave"}
)
UNDOING_BY_DEP = {"nsubj": UNDOING_VERBS, "nsubjpass": UNDOING_VERBS | UNDOING_ACTS,
                  "dobj": UNDOING_ACTS}
UNDOING_LEMMAS = frozenset(w.partition("_")[0] for w in UNDOING_VERBS | UNDOING_ACTS)

# Where an unrealised act goes, by its root (CAMEO 03 intent, 13 threat); codes absent here
# (statements, appeals, demands ... are verbal already) keep their own code.
INTENT_CODES = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384", "20": "1385",
}
# Acts whose intent or threat has a code of its own in the codebook (031x, 033x, 035x, 131x,
# 138x mirror 06x, 07x, 08x, 16x, 19x).
INTENT_SUBCODES = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "161": "1313", "162": "1311", "163": "1312",
    "191": "1381", "192": "1382",
}


def _aux_words(tree: Tree, verb: int) -> set[str]:
    return {tree.lower[c] for c in tree.children[verb] if tree.deps[c] in ("aux", "auxpass")}


def possible_past(verb: Token) -> bool:
    """Is the act only a possibility about the past ("Turkish jets may have bombed")?"""
    aux = _aux_words(tree_of(verb.doc), verb.i)
    return not aux.isdisjoint(POSSIBILITY_AUX) and not aux.isdisjoint(PERFECT_AUX)


def reporting_verb(verb: Token) -> Token | None:
    """The verb of saying whose clausal complement holds this verb ("X said Y could attack")."""
    tree = tree_of(verb.doc)
    current = verb.i
    for governor in governing_chain(tree, verb.i):
        if tree.deps[current] == "ccomp" and tree.lemmas[governor] in SPEECH_VERBS:
            return verb.doc[governor]
        current = governor
    return None


def is_negated(verb: Token) -> bool:
    return _negated(tree_of(verb.doc), verb.i)


def _negated(tree: Tree, verb: int) -> bool:
    # Loops, not any(), here and in _has_mark: asked of every predicate and of each verb above
    # it, a generator costs more than the tests it runs.
    for child in tree.children[verb]:
        if _negates(tree, child):
            return True
    # "Without consulting Germany, France recognised Palestine": no consultation.
    return tree.deps[verb] == "pcomp" and tree.lower[tree.heads[verb]] == "without"


def _negates(tree: Tree, child: int) -> bool:
    dep, word = tree.deps[child], tree.lower[child]
    if dep == "neg" or word in NEGATIONS and dep == "advmod":
        return True
    if word == "neither" and dep in ("preconj", "cc"):
        # "neither condemned nor supported the strikes"; a parse may also hang the "neither"
        # of a listed subject on the verb ("Neither Russia nor China voted").
        return True
    # "did not even ever attack": the parser may hang the negation on the adverb after it.
    return (
        dep == "advmod" and word in NEGATED_ADVERBS
        and any(tree.deps[g] == "neg" for g in tree.children[child])
    )


def _has_mark(tree: Tree, verb: int, marks: frozenset[str]) -> bool:
    for child in tree.children[verb]:
        if tree.deps[child] == "mark" and tree.lower[child] in marks:
            return True
    return False


def governing_chain(tree: Tree, verb: int) -> list[int]:
    """The verbs above this one through complements and conjunctions, nearest first."""
    chain = []
    current = verb
    while tree.deps[current] in ("xcomp", "ccomp", "conj", "advcl") and (
        tree.heads[current] != current
    ):
        current = tree.heads[current]
        chain.append(current)
    return chain


def modality_of(verb: Token) -> Modality:
    tree = tree_of(verb.doc)
    aux = _aux_words(tree, verb.i)
    negated = (
        _negated(tree, verb.i) or _negative_subject(tree, verb.i) or _denied_claim(tree, verb.i)
    )
    hypothetical = bool(aux & CONDITIONAL_AUX) or _has_mark(tree, verb.i, CONDITIONAL_MARKS)
    future = bool(aux & FUTURE_AUX) or (
        # "is going to attack"
        tree.deps[verb.i] == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG"
    )
    reported = _hearsay_adverb(tree, verb.i)
    current = verb.i
    for governor in governing_chain(tree, verb.i):
        link = "xcomp" if _infinitive(tree, current) else tree.deps[current]
        lemma = tree.lemmas[governor]
        if link in ("xcomp", "advcl") and is_verb(verb.doc[governor], "rule_out"):
            # "ruled out using force": the option is rejected; "has not ruled out using
            # force": it is left open, which is no act either.
            if _negated(tree, governor):
                hypothetical = True
            else:
                negated = True
            current = governor
            continue
        if link == "xcomp" and lemma in INTENT_GOVERNORS:
            future = True
        if link == "xcomp" and lemma in NEGATING_GOVERNORS:
            negated = True
        if link == "xcomp" and lemma in POSSIBILITY_GOVERNORS:
            hypothetical = True
        if link == "xcomp" and lemma in ("have", "be") and _has_child(tree, governor, "yet"):
            negated = True  # "has yet to recognise", "is yet to sign"
        if link == "ccomp" and lemma in DENIAL_VERBS:
            negated = True
        if link == "ccomp" and lemma in SPEECH_VERBS:
            reported = True
        if link == "xcomp" and lemma in HEARSAY_PASSIVES and is_passive(verb.doc[governor]):
            reported = True
        if link == "advcl" and _has_mark(tree, current, CONDITIONAL_MARKS):
            hypothetical = True
        if link == "xcomp" and _negated(tree, governor):
            negated = True
        if link == "conj" and _negated(tree, governor) and _joined_by_or(tree, governor):
            negated = True  # "did not attack or shell": the negation covers both
        if link == "conj" and _negative_subject(tree, governor) and not _has_subject(tree, current):
            negated = True  # "no country condemned the coup or imposed sanctions"
        if link in ("xcomp", "conj"):
            governor_aux = _aux_words(tree, governor)
            hypothetical = hypothetical or bool(governor_aux & CONDITIONAL_AUX)
            future = future or bool(governor_aux & FUTURE_AUX)
        current = governor
    return Modality(negated, hypothetical, future, reported, is_passive(verb))


def _hearsay_adverb(tree: Tree, verb: int) -> bool:
    for child in tree.children[verb]:  # a loop, as in _negated
        if tree.deps[child] == "advmod" and tree.lower[child] in HEARSAY_ADVERBS:
            return True
    return False


def _has_child(tree: Tree, verb: int, word: str) -> bool:
    return any(tree.lower[c] == word for c in tree.children[verb])


def _negative_subject(tree: Tree, verb: int) -> bool:
    """ "Neither Russia nor Ukraine has agreed", "no country has recognised", "none of the
    ministers attended": the negation sits on the subject, and nobody did the act."""
    for child in tree.children[verb]:  # a loop, as in _negated
        if tree.deps[child] not in SUBJECT_DEPS:
            continue
        if tree.lower[child] in NEGATIVE_PRONOUNS:
            return True
        for word in tree.children[child]:
            if tree.deps[word] in ("det", "preconj") and tree.lower[word] in ("no", "neither"):
                return True
    return False


def _has_subject(tree: Tree, verb: int) -> bool:
    return any(tree.deps[c] in SUBJECT_DEPS for c in tree.children[verb])


def _denied_claim(tree: Tree, verb: int) -> bool:
    """ "The army denied reports that its soldiers fired on protesters": the clause of a claim
    that someone denies is no fact."""
    if tree.deps[verb] != "acl" or not _has_child(tree, verb, "that"):
        return False
    claim = tree.heads[verb]
    return tree.deps[claim] == "dobj" and tree.lemmas[tree.heads[claim]] in DENIAL_VERBS




def undone(noun: Token, governor: Token) -> bool:
    """Does the verb the event noun depends on undo it: "the talks collapsed", "the summit was
    postponed", "revoked the agreement", "violated the ceasefire"?"""
    tree = tree_of(noun.doc)
    if tree.heads[noun.i] != governor.i or tree.lemmas[governor.i] not in UNDOING_LEMMAS:
        return False
    undoing = UNDOING_BY_DEP.get(tree.deps[noun.i], frozenset())
    return any(is_verb(governor, written) for written in undoing)


def _joined_by_or(tree: Tree, verb: int) -> bool:
    return any(tree.deps[c] == "cc" and tree.lower[c] in ("or", "nor") for c in tree.children[verb])


def intended(verb: Token) -> bool:
    """Planned, promised or vowed but not done: the verb complements an intent verb ("plans
    to attack", "vowed to retaliate"), through any chain of complements."""
    tree = tree_of(verb.doc)
    current = verb.i
    for governor in governing_chain(tree, verb.i):
        if _infinitive(tree, current) and tree.lemmas[governor] in INTENT_GOVERNORS:
            return True
        current = governor
    return False


def requested(verb: Token) -> bool:
    """The act is asked of someone else by the verb it complements ("urged Israel to attack",
    "Obama is pressured by Congress to help Iran", parsed as xcomp, ccomp or advcl): the
    request is the event; the act has not happened and is not the one asked's intention."""
    tree = tree_of(verb.doc)
    governor = tree.heads[verb.i]
    if governor == verb.i:
        return False
    if tree.deps[verb.i] == "xcomp" and requested(verb.doc[governor]):
        return True  # "urged Iran to stop supporting armed groups": asked, as "stop" is
    if tree.lemmas[governor] not in DIRECTIVE_GOVERNORS:
        return False
    to_infinitive = _infinitive(tree, verb.i) or (
        tree.deps[verb.i] == "advcl" and marked_by_to(tree, verb.i)
    )
    return to_infinitive and any(
        tree.deps[c] in ASKED_DEPS
        or tree.deps[c] == "prep" and tree.lower[c] in ASKED_PREPS
        for c in tree.children[governor]
    )


def _infinitive(tree: Tree, verb: int) -> bool:
    """A to-infinitive complement: xcomp, or ccomp with "to" when the parser gave it the
    governor's object as subject ("wants Putin to attack", "refused to allow inspectors to")."""
    if tree.deps[verb] == "xcomp":
        return True
    return tree.deps[verb] == "ccomp" and marked_by_to(tree, verb)


def marked_by_to(tree: Tree, verb: int) -> bool:
    return any(tree.deps[c] == "aux" and tree.lower[c] == "to" for c in tree.children[verb])


def unrealised_code(code: str) -> str:
    """The intent or threat code for an act that has not happened ("will attack" -> 1384):
    the codebook's own counterpart of the act where it has one ("send peacekeepers" -> 0334,
    "impose sanctions" -> 1312), else that of its root."""
    for prefix in (code[:4], code[:3]):
        if prefix in INTENT_SUBCODES:
            return INTENT_SUBCODES[prefix]
    return INTENT_CODES.get(code[:2], code)
