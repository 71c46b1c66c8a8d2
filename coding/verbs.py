"""Verbs: read a verb's frame off the dependency parse and find the pattern that fits it.

A frame is who is in which slot around one verb (or event noun): subject, direct object,
prepositional objects, open complements ("threatened to ATTACK"). A pattern (coding/entries.py)
names the words its slots must contain; the most specific pattern whose words are all present
wins. The frame is computed once per verb and shared by every pattern tried.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain

from spacy.tokens import Doc, Token

from coding.compiled import PredicatePatterns
from coding.coordination import coordinated_heads
from coding.dates import glued_name
from coding.entries import Slot, SlotKind, VerbPattern
from coding.tree import Tree, tree_of

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass", "csubjpass"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
# CAMEO roots of the subject's own acts to come: intents (03) and threats (13). Demands and
# appeals (10, 02) are of others' acts, so a complement clause's own subject is their target.
OWN_ACT_ROOTS = frozenset({"03", "13"})
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod"})
# Links through which a verb takes its subject from the word it hangs on: conjoined verbs,
# complements ("agreed to meet"), "is about to restore" (acomp), adverbial clauses, and a
# progressive the parser read as the complement of "is" ("X is mediating": attr).
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acomp", "attr"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
# Verbs whose object does not do what follows: in "promised Kyiv to send tanks" the one who
# promised sends them, and in "used tear gas to disperse protesters" the one who used it. After
# any other verb the object does ("urged Israel to agree").
SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "threaten", "offer", "use", "employ"})
# Prepositions whose gerund, after an object, is the object's act: "thanked Germany for sending".
OBJECT_CONTROL_PREPS = frozenset({"for", "of", "from"})
# Relative pronouns stand for the noun the clause hangs on ("troops who attacked").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "west of Mosul" says where, not whose: an "of" after a compass point names no possessor.
# Prepositions that say where.
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside"})
# Verbs of claiming or denying an act: their gerund is the act claimed ("denied supplying
# weapons to Russia" is a denial, 016), never what the verb itself does to the gerund's object
# ("denied weapons to Ukraine", a refusal, 1222).
CLAIM_VERBS = frozenset({"deny", "admit", "acknowledge", "confirm"})
# Entity labels of phrases that say when: they fill no target slot.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Verbs whose "with" phrase is what was done in response: "retaliated with strikes".
RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer", "hit", "strike"})
COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                            "southeast", "southwest"})


# Not frozen: built for every verb that may match, and a frozen dataclass's __init__ sets each
# field through object.__setattr__, at four times the cost.
@dataclass
class Frame:
    """The slots around one predicate; phrases are given by their head tokens."""

    predicate: Token
    subject: Token | None
    obj: Token | None
    preps: tuple[tuple[str, Token], ...]  # (preposition, its object's head)
    complements: tuple[Token, ...]  # complement verbs
    particles: frozenset[str]
    passive: bool
    # Prepositional phrases one level down, tried only after the verb's own: "spoke by
    # telephone with Zelensky".
    nested_preps: tuple[tuple[str, Token], ...] = ()
    indirect: Token | None = None  # "gave Niger's junta an ultimatum"
    scope: Token | None = None  # the token whose subtree holds every slot but the subject
    clauses: tuple[Token, ...] = ()  # what was said or believed: content_clauses(predicate)
    # An object lent to a verb with none, for the words of its patterns: its open complement's
    # ("vowed to wage war" is "vow war") or a phrase after it (_lent_objects). Set only when
    # the verb's own phrases fit no pattern with slots (match_verb).
    borrowed_obj: Token | None = None

    @cached_property
    def complement_preps(self) -> tuple[tuple[str, Token], ...]:
        """A pattern's preposition after `@verb` belongs to the complement: "agreed to lift the
        sanctions on Iran". Only patterns look here, and only when the predicate's own phrases
        lack it, so this is computed on first use; a default target never comes from a
        complement's prepositions."""
        complements = self.complements
        return prepositional_objects(*complements, *(find_object(c) for c in complements))

    def prep_phrases(self, preposition: str) -> Iterator[Token]:
        """Where a pattern's preposition is looked for: the predicate's own phrases, those one
        level down, then its complements'. A place one level down places the phrase it hangs
        on, not the event: "attended a summit on the war in Ukraine" was not held in Ukraine."""
        yield from (pobj for prep, pobj in self.preps if prep == preposition)
        if preposition not in PLACE_PREPOSITIONS:
            yield from (pobj for prep, pobj in self.nested_preps if prep == preposition)
        yield from (pobj for prep, pobj in self.complement_preps if prep == preposition)


def is_passive(verb: Token) -> bool:
    tree = tree_of(verb.doc)
    # A loop, not any(): asked several times per verb, the generator cost more than the test.
    for child in tree.children[verb.i]:
        if tree.deps[child] in PASSIVE_MARKS:
            return True
    return False


def _own_subject(verb: Token) -> Token | None:
    tree = tree_of(verb.doc)
    for child in tree.children[verb.i]:
        if tree.deps[child] in SUBJECT_DEPS:
            return verb.doc[child]
    # The parser may hang the subject on one of the verb's auxiliaries ("Egypt and Qatar are
    # mediating": "Egypt" under "are"); it is the verb's subject all the same.
    for child in tree.children[verb.i]:
        if tree.deps[child] in AUXILIARY_DEPS:
            for below in tree.children[child]:
                if tree.deps[below] in SUBJECT_DEPS:
                    return verb.doc[below]
    return None


def _passive_agent(verb: Token) -> Token | None:
    """The agent of a passive: "attacked by Russia", else "freed from Evin prison" (the one who
    freed), as PETRARCH also reads it."""
    return phrase_object(verb, "by") or phrase_object(verb, "from")


def phrase_object(head: Token, preposition: str) -> Token | None:
    """The object of the first phrase on `head` opened by `preposition` ("attacked by Russia",
    "the killing of aid workers by Israeli forces")."""
    tree = tree_of(head.doc)
    for child in tree.children[head.i]:
        if tree.deps[child] in ("agent", "prep") and tree.lower[child] == preposition:
            return _child(head.doc, tree, child, ("pobj",))
    return None


def _child(doc: Doc, tree: Tree, head: int, deps: Iterable[str]) -> Token | None:
    """The first dependent of `head` with one of these labels."""
    for child in tree.children[head]:  # a loop: asked for every prepositional phrase
        if tree.deps[child] in deps:
            return doc[child]
    return None


def _active_participle(verb: Token) -> bool:
    """A participle with a direct object acts: the noun it hangs on is who does it ("troops
    guarding the border"; "air strikes killed 20 people", which the parser often reads as a
    participle). Without an object it is passive ("the man killed in the attack"), and an
    infinitive ("plans to attack Kyiv") is not done yet."""
    if verb.dep_ != "acl":
        return False
    tree = tree_of(verb.doc)
    children = tree.children[verb.i]
    return any(tree.deps[c] == "dobj" for c in children) and not any(
        tree.deps[c] == "aux" and tree.lower[c] == "to" for c in children
    )


def _coordinated(conjunct: Token) -> bool:
    """A "conj" link with an "and", "or" or a comma somewhere between the two verbs (parsers
    attach the "and" in different places). Without one the parser joined verbs of different
    clauses ("jailed a man for helping militants join a group": "join" is the militants' act,
    not the court's), and the subject does not carry."""
    deps = tree_of(conjunct.doc).deps
    return any(deps[i] in ("cc", "punct") for i in range(conjunct.head.i + 1, conjunct.i))


def find_subject(verb: Token) -> Token | None:
    """The subject's head: its own subject, else the subject of the verb this one is
    conjoined with or complements ("attacked Kyiv and killed civilians"; "agreed to meet"),
    else the noun a relative clause hangs on."""
    seen = 0
    current = verb
    while current is not None and seen < 6:
        subject = _passive_agent(current) if is_passive(current) else _own_subject(current)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subject
        if current.dep_ == "relcl" or _active_participle(current):
            return current.head
        if _subject_controlled(current):
            current = current.head.head
            seen += 1
            continue
        if current.dep_ in CLIMB_DEPS and current.head != current:
            if is_passive(current) and current is verb:
                return None
            if current.dep_ == "conj" and not _coordinated(current):
                return None
            governor = current.head
            if current.dep_ == "xcomp" and is_passive(governor):
                # "X was seen to break into ...", "X is said to restore": the raised subject.
                raised = next(
                    (c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None
                )
                if raised is not None:
                    return raised
            if current.dep_ == "xcomp" and governor.lemma_.lower() not in SUBJECT_CONTROL:
                # "Qatar persuaded Hamas to release the hostages": Hamas releases them.
                controller = next((c for c in governor.children if c.dep_ == "dobj"), None)
                if controller is not None:
                    return controller
            current = governor
            seen += 1
            continue
        return None
    return None


def _subject_controlled(gerund: Token) -> bool:
    """Is this a gerund in a verb's adverbial phrase, done by that verb's subject? "After
    meeting Xi, Lula said ...", "responded by striking", "before visiting Kyiv, Macron met
    ...". Not the reason or charge of "for", "of" or "from" after an object or a passive,
    which is the object's act: "condemned Iran for supplying drones", "Iran was condemned for
    supplying drones", "stopped Iran from enriching uranium"; nor what one is against, which
    nobody did. ("without consulting" is done by the subject and negated: see modality.)"""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if prep.lower_ == "against":
        return False  # "warned Finland against joining NATO", "voted against sending troops"
    verb = prep.head
    return prep.lower_ not in OBJECT_CONTROL_PREPS or not (
        is_passive(verb) or any(c.dep_ == "dobj" for c in verb.children)
    )


def find_object(verb: Token) -> Token | None:
    """Direct object; for a passive verb its subject ("Ukraine was attacked")."""
    doc = verb.doc
    tree = tree_of(doc)
    children = tree.children[verb.i]
    passive = is_passive(verb)
    deps = PASSIVE_SUBJECT_DEPS if passive else OBJECT_DEPS
    for child in children:
        if tree.deps[child] in deps:
            return glued_name(doc[child]) or doc[child]
    if passive:
        return None
    # "met Syrian President Bashar Assad Tuesday", parsed as a date modifier with the name in it.
    for child in children:
        if tree.deps[child] == "npadvmod" and (name := glued_name(doc[child])) is not None:
            return name
    # A dative without a direct object: "gave Ukraine" is rare; "told Iran" is common.
    for child in children:
        if tree.deps[child] == "dative" and tree.pos[child] != "ADP":
            return doc[child]
    for child in children:
        if _mislabelled_object(tree, verb.i, child):
            return doc[child]
    # "allowed IAEA inspectors to visit": spaCy may make the object the subject of the
    # infinitive after it. An infinitive's subject without "for" is the verb's object.
    for child in children:
        if tree.deps[child] in COMPLEMENT_DEPS and any(
            tree.deps[g] == "aux" and tree.lower[g] == "to" for g in tree.children[child]
        ):
            subject = next((g for g in tree.children[child] if tree.deps[g] == "nsubj"), None)
            if subject is not None:
                return doc[subject]
    return None


def _mislabelled_object(tree: Tree, verb: int, child: int) -> bool:
    """A noun after the verb that the parser called an adverb: "will contribute a million
    Swiss francs to Turkey" can come out with "francs" as advmod, "visited Washington" with
    "Washington" as a noun-phrase adverb. A noun is no adverb, a name no date."""
    if child < verb:
        return False
    if tree.deps[child] == "advmod":
        return tree.pos[child] == "NOUN"
    return (
        tree.deps[child] == "npadvmod" and tree.pos[child] == "PROPN"
        and tree.ent_types[child] not in ("DATE", "TIME")
    )


def names_a_place(tree: Tree, preposition: str, pobj: int) -> bool:
    """ "in the Gulf of Oman", "at the Port of Sudan": the phrases under a named place are part
    of its name, never a pattern's "of +" or a target one level down."""
    return preposition in PLACE_PREPOSITIONS and tree.pos[pobj] == "PROPN"


def prepositional_objects(*holders: Token | None) -> tuple[tuple[str, Token], ...]:
    """(preposition, object head) for the prepositions hanging on any of the holders."""
    found = []
    for holder in holders:
        if holder is None:
            continue
        doc = holder.doc
        tree = tree_of(doc)
        compass = tree.lower[holder.i] in COMPASS_POINTS
        for child in tree.children[holder.i]:
            if compass and tree.lower[child] == "of":
                continue
            if tree.deps[child] in PREP_DEPS and tree.pos[child] == "ADP":
                pobj = _child(doc, tree, child, ("pobj", "pcomp"))
                if pobj is not None:
                    pobj = glued_name(pobj) or pobj  # "with Bashar Assad Tuesday"
                    found.append((tree.lower[child], pobj))
                    # "on behalf of", "in front of": the inner "of" phrase is reachable too;
                    # other nested phrases belong to the noun ("meetings with Jordan"). Only
                    # a bare noun makes such a preposition: "over the killing of X" is a
                    # phrase of its own, and X no party of the verb's.
                    if not names_a_place(tree, tree.lower[child], pobj.i) and not any(
                        tree.deps[c] in ("det", "poss") for c in tree.children[pobj.i]
                    ):
                        found.extend(p for p in prepositional_objects(pobj) if p[0] == "of")
                else:
                    # "out of Ukraine", "away from": the parser hangs the second word on the first.
                    found.extend(prepositional_objects(doc[child]))
            elif tree.deps[child] == "advmod" and tree.pos[child] in ("ADV", "ADJ"):
                # "moved troops close to the border", "together with France": the phrase hangs on
                # the adverb.
                found.extend(prepositional_objects(doc[child]))
    return tuple(found)


def content_clauses(verb: Token) -> tuple[Token, ...]:
    """The heads of the verb's content clauses ("said that Iran is ..."): complement clauses,
    bare or opened by "that". One opened by "after", "when", "because" ... is an adverbial
    clause that the parser attached as a complement."""
    tree = tree_of(verb.doc)
    return tuple(
        verb.doc[c] for c in tree.children[verb.i]
        if tree.deps[c] == "ccomp"
        and all(tree.lower[m] == "that" for m in tree.children[c] if tree.deps[m] == "mark")
    )


def build_frame(verb: Token) -> Frame:
    doc = verb.doc
    tree = tree_of(doc)
    children = tree.children[verb.i]
    subject = find_subject(verb)
    obj = find_object(verb)
    # A complement with a subject of its own is a verb whatever its tag: the tagger reads
    # "that Ruto scrap the bill" with "scrap" as a noun.
    complements = tuple(
        doc[c] for c in children
        if tree.deps[c] in COMPLEMENT_DEPS and (
            tree.pos[c] in ("VERB", "AUX")
            or any(tree.deps[g] in SUBJECT_DEPS for g in tree.children[c])
        )
    )
    passive = is_passive(verb)
    # Prepositions of a complement clause belong to its own verb's frame, not this one's. A
    # passive's "by"/"from" phrase stays among them: PETRARCH patterns name it ("+ * (FROM $)").
    holders = [verb, obj if not passive else None]
    preps = prepositional_objects(*holders)
    # Tried after the verb's own: phrases one level down ("spoke by telephone with X"). An
    # "of" there is its noun's: "expelled a diplomat over the killing of X" is no "expel
    # diplomat of +".
    nested = tuple(
        inner for prep, pobj in preps if not names_a_place(tree, prep, pobj.i)
        for inner in prepositional_objects(pobj) if inner[0] != "of" and inner not in preps
    )
    # A preposition after the object opens a phrase of its own, no particle: "took Mosul in
    # 2014" is no "take in" (grant asylum), where "took in refugees" is.
    particles = frozenset(
        tree.lower[c] for c in children
        if tree.deps[c] in PARTICLE_DEPS and tree.pos[c] in ("ADP", "ADV")
        and not (tree.deps[c] == "prep" and obj is not None and c > obj.i)
    )
    # "clashed over the efforts of X": the parser may take the preposition for a particle and
    # its object for the direct object; a pattern naming the preposition finds it there too.
    if obj is not None and not passive:
        preps += tuple(
            (tree.lower[c], obj) for c in children
            if tree.deps[c] == "prt" and tree.pos[c] == "ADP" and c < obj.i
        )
    indirect = next(
        (doc[c] for c in children if tree.deps[c] == "dative" and tree.pos[c] in NOUN_POS), None
    )
    if indirect is not None and indirect == obj:
        indirect = None
    return Frame(
        verb, subject, obj, preps, complements, particles, passive, nested, indirect,
        scope=verb,
        clauses=content_clauses(verb),
    )


def build_noun_frame(noun: Token) -> Frame:
    """An event noun's frame: the subject of the verb it is the object of ("Israel held
    talks"); targets from its own prepositions or the governing verb's ("talks with Iran",
    "strikes on Kyiv"). The coder looks for a source among the noun's modifiers first."""
    subject = None
    governor = None
    # Only a light verb's object takes its subject ("Israel held talks"); a noun under a
    # preposition is about something else ("advised against travel to Tunisia"), except the
    # means of a response ("Israel responded with air strikes on Lebanon").
    if noun.dep_ in OBJECT_DEPS | {"nsubjpass"}:
        governor = noun.head
    elif _means_of_response(noun):
        governor = noun.head.head
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        subject = find_subject(governor)
    else:
        governor = None
    preps = prepositional_objects(noun, governor)
    return Frame(noun, subject, None, preps, (), frozenset(), False, scope=governor or noun)


def _means_of_response(noun: Token) -> bool:
    """ "responded with air strikes", "retaliated with missile fire": the noun under "with"
    is what the responder did."""
    prep = noun.head
    return (
        noun.dep_ == "pobj" and prep.lower_ == "with" and prep.dep_ == "prep"
        and prep.head.lemma_ in RESPONSE_VERBS
    )


INFLECTIONS = ("ing", "ed", "es", "s")


def verb_patterns(
    verb: Token, by_lemma: Mapping[str, PredicatePatterns]
) -> PredicatePatterns | None:
    """The patterns for a verb: a block written for its exact form first ("LEFT" apart from
    "LEAVE"), then its lemma, then its regular stem when the lemmatizer missed a rare verb
    ("cordoned" -> "cordon", "wiretapped" -> "wiretap")."""
    for key in (verb.lower_, verb.lemma_.lower()):
        if key in by_lemma:
            return by_lemma[key]
    text = verb.lower_
    for suffix in INFLECTIONS:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            stem = text[: -len(suffix)]
            for key in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
                if key in by_lemma:
                    return by_lemma[key]
    return None


_PHRASE_WORDS = "cameoflow_phrase_words"


def phrase_words(head: Token | None) -> frozenset[str]:
    """Lemmas and lower-case forms of every token in the phrase under `head`. The phrase is
    read as the span from its left edge to its right edge: the same tokens as its subtree in
    the projective trees spaCy's English parser builds, at a fraction of the cost. Kept per
    Doc: each frame and pattern that names the phrase asks again."""
    if head is None:
        return frozenset()
    known = head.doc.user_data.setdefault(_PHRASE_WORDS, {})
    words = known.get(head.i)
    if words is None:
        words = known[head.i] = _words_in(head.doc, head.left_edge.i, head.right_edge.i + 1)
    return words


def _words_in(doc: Doc, start: int, end: int) -> frozenset[str]:
    """Every word of _token_words(doc, start, end). Without a hyphen those are the lemmas and
    lower-case forms, read as two slices instead of token by token."""
    tree = tree_of(doc)
    lower = tree.lower[start:end]
    if "-" in lower:
        return frozenset(chain.from_iterable(_token_words(doc, start, end)))
    return frozenset(chain(tree.lemmas[start:end], lower))


def _token_words(doc: Doc, start: int, end: int) -> list[tuple[str, ...]]:
    """The words of each token from `start` to `end`: lemma, lower-case form and, for a
    hyphen, the hyphenated forms."""
    tree = tree_of(doc)
    lemmas, lower = tree.lemmas, tree.lower
    return [
        (lemmas[i], lower[i], *(_hyphenated(doc, tree, i) if lower[i] == "-" else ()))
        for i in range(start, end)
    ]


def _hyphenated(doc: Doc, tree: Tree, i: int) -> tuple[str, ...]:
    """A word the tokenizer split at its hyphen, as dictionaries write it: "cease - fire" ->
    "cease-fire" (and "cease-fires" -> "cease-fire" too)."""
    if doc[i].whitespace_ or i == 0 or i + 1 == len(doc) or doc[i - 1].whitespace_:
        return ()
    before, after = tree.lower[i - 1], i + 1
    return (f"{before}-{tree.lower[after]}", f"{before}-{tree.lemmas[after]}")


def _has_words(required: Iterable[frozenset[str]], present: AbstractSet[str]) -> bool:
    for alternatives in required:
        # Whole words are found by one set test; only a stem ("attack*") needs a scan.
        if alternatives.isdisjoint(present) and not _stem_present(alternatives, present):
            return False
    return True


def _stem_present(alternatives: frozenset[str], present: AbstractSet[str]) -> bool:
    """Does a word of `present` begin with an alternative written as a stem ("attack*")?"""
    stems = tuple(word[:-1] for word in alternatives if word.endswith("*"))
    return bool(stems) and any(word.startswith(stems) for word in present)


@dataclass(slots=True)  # not frozen: see Frame
class SlotFill:
    """Where a matched pattern's slot landed: the head of the phrase holding its actor."""

    slot: Slot
    head: Token | None


def _holds(slot: Slot, frame: Frame, head: Token | None) -> bool:
    """Does the phrase under `head` have the slot's words, and its runs of words in order?"""
    if not _has_words(slot.words, phrase_words(head)):
        return False
    if not slot.sequences or head is None:
        return not slot.sequences
    tokens = _token_words(head.doc, head.left_edge.i, head.right_edge.i + 1)
    return all(_runs_in(sequence, tokens) for sequence in slot.sequences)


def _runs_in(sequence: tuple[frozenset[str], ...], tokens: list[tuple[str, ...]]) -> bool:
    """Are the sequence's words in the phrase in order, the last two side by side? The head
    and the word written before it are a compound that nothing splits ("trade deal", "death
    toll"); further modifiers may stack between: "a new bilateral trade deal" has {NEW TRADE
    DEAL}, "a trade and security deal" has not {TRADE DEAL}."""

    def has(position: int, wanted: frozenset[str]) -> bool:
        return any(word in tokens[position] for word in wanted)

    *before, modifier, head = sequence
    for at in range(1, len(tokens)):
        if has(at, head) and has(at - 1, modifier):
            remaining = iter(range(at - 1))
            if all(any(has(i, wanted) for i in remaining) for wanted in before):
                return True
    return False


def _fill_slot(slot: Slot, frame: Frame, taken: set[int], own_act: bool) -> SlotFill | None:
    """The phrase this slot refers to, if the frame has one containing the slot's words. A
    prepositional slot skips the phrases other slots took (`taken`, by head index), and a
    complement's subject that another slot took is no target. `own_act`: the pattern codes a
    threat or a promise, of the subject's own act."""
    if slot.kind is SlotKind.OBJECT:
        if frame.obj is not None and _holds(slot, frame, frame.obj):
            return SlotFill(slot, frame.obj)
        if frame.obj is None and frame.predicate.pos_ == "NOUN" and not slot.is_target:
            # An event noun's words are its own modifiers: "n:strike air" is an air strike.
            return SlotFill(slot, None) if _holds(slot, frame, frame.predicate) else None
        borrowed = frame.borrowed_obj
        if borrowed is not None and slot.words and not slot.is_target:
            # Words only: whom a complement names is its own target ("threatened to strike
            # Kyiv"), and a phrase of the verb's is read for targets anyway.
            return SlotFill(slot, borrowed) if _holds(slot, frame, borrowed) else None
        return None
    if slot.kind is SlotKind.SUBJECT:
        # PETRARCH's words before the verb: the surface subject, which a passive's object is
        # ("+ * (FROM $)": "the militia was freed from prison").
        subject = frame.obj if frame.passive else frame.subject
        if _holds(slot, frame, subject):
            return SlotFill(slot, subject)
        return None
    if slot.kind is SlotKind.PREP:
        tree = tree_of(frame.predicate.doc)
        for pobj in frame.prep_phrases(slot.word):
            if slot.is_target and tree.ent_types[pobj.i] in TIME_ENTITIES:
                continue  # "on Monday" is when, never whom: not "hold fire on +"
            if pobj.i not in taken and _holds(slot, frame, pobj):
                return SlotFill(slot, pobj)
        return None
    wanted = slot.word.split("|")
    doc = frame.predicate.doc
    for complement in frame.complements:
        listed = tree_of(doc).conjuncts(complement.i)  # not Token.conjuncts: see coding/native.py
        for verb in [complement, *(doc[i] for i in listed)]:
            # The words may be anywhere in the complement clause: "urged Israel to agree to a
            # ceasefire"; the target is the complement's object, or the subject of a clause
            # of its own: "demanded that Hamas release the hostages" is a demand on Hamas.
            if any(is_verb(verb, w) for w in wanted) and _has_words(
                slot.words, phrase_words(verb)
            ):
                addressee = _own_subject(verb)
                # "allowed aid trucks to enter Gaza": the pattern's object words named the
                # complement's subject, what is let in; the target is where it goes.
                if addressee is None or addressee.pos_ == "PRON" or addressee.i in taken:
                    return SlotFill(slot, find_object(verb))
                if own_act:
                    # "Iran could strike Israel, US officials warned": someone else's act,
                    # no threat of the speaker's.
                    return None
                return SlotFill(slot, addressee)
    return None


def is_verb(token: Token, written: str) -> bool:
    """Is the token the verb written as `lemma` or `lemma_particle` ("hand_over")?"""
    lemma, _, particle = written.partition("_")
    tree = tree_of(token.doc)
    if tree.lemmas[token.i] != lemma:
        return False
    return not particle or any(
        tree.lower[c] == particle and tree.deps[c] in PARTICLE_DEPS
        for c in tree.children[token.i]
    )


@dataclass(slots=True)  # not frozen: see Frame
class PatternMatch:
    pattern: VerbPattern
    fills: tuple[SlotFill, ...]

    # Loops, not generators: each predicate asks these several times, of two fills at most.
    @property
    def target_head(self) -> Token | None:
        for fill in self.fills:
            if fill.slot.is_target:
                return fill.head
        return None

    @property
    def source_head(self) -> Token | None:
        for fill in self.fills:
            if fill.slot.is_source:
                return fill.head
        return None

    @property
    def names_target(self) -> bool:
        for fill in self.fills:
            if fill.slot.is_target:
                return True
        return False

    @property
    def names_source_after_verb(self) -> bool:
        """The source is a phrase after the verb ("* TABASKI ^ $"): the subject is the target."""
        return any(f.slot.is_source and f.slot.kind is not SlotKind.SUBJECT for f in self.fills)

    @property
    def skipped_heads(self) -> frozenset[int]:
        """Phrases passed over by `^`: never a target or a place."""
        return frozenset(f.head.i for f in self.fills if f.slot.is_skipped and f.head is not None)


def _named(fill: SlotFill) -> bool:
    slot = fill.slot
    return bool(slot.words or slot.is_target or slot.is_source or slot.is_skipped)


def _unnamed_phrases(frame: Frame, fills: list[SlotFill]) -> list[Token]:
    """The argument phrases after the predicate, in sentence order, that no filled slot names
    by its words or a marker: where FOLLOWING slots land, one each. A phrase inside another
    prepositional phrase ("with the leaders of Jordan") is part of it, not one of its own."""
    named = {f.head.i for f in fills if f.head is not None and _named(f)}
    pobjs = {pobj.i for _, pobj in frame.preps}
    heads = {
        head.i: head
        for head in (frame.obj, frame.indirect, *(pobj for _, pobj in frame.preps))
        if head is not None and head.i > frame.predicate.i
    }
    return [
        heads[i] for i in sorted(heads)
        if i not in named and not any(a.i in pobjs for a in heads[i].ancestors)
    ]


def match_pattern(pattern: VerbPattern, frame: Frame) -> PatternMatch | None:
    if pattern.particle and pattern.particle not in frame.particles:
        return None
    if pattern.among_subjects and (
        frame.subject is None or len(coordinated_heads(frame.subject)) < 2
    ):
        return None
    fills: list[SlotFill] = []
    following = []
    for slot in pattern.slots:
        if slot.kind is SlotKind.FOLLOWING:
            following.append(slot)
            continue
        # Two slots name two phrases: "request for aid for Gaza", "allow aid @enter +".
        taken = {f.head.i for f in fills if f.head is not None}
        fill = _fill_slot(slot, frame, taken, pattern.code[:2] in OWN_ACT_ROOTS)
        if fill is None:
            return None
        fills.append(fill)
    if following:
        landed = _land_following(following, _unnamed_phrases(frame, fills))
        if landed is None:
            return None
        fills += landed
    return PatternMatch(pattern, tuple(fills))


def _land_following(slots: list[Slot], phrases: list[Token]) -> list[SlotFill] | None:
    """One phrase each, in order; None when a target or source finds none left. A `^` with
    none left passes over an actor inside a phrase already named ("warned their Ent
    populations ^ about +": the populations are skipped, the target follows "about")."""
    remaining = iter(phrases)
    landed = []
    for slot in slots:
        head = next(remaining, None)
        if head is None and not slot.is_skipped:
            return None
        landed.append(SlotFill(slot, head))
    return landed


def best_match(predicate: PredicatePatterns, frame: Frame) -> PatternMatch | None:
    """Patterns come most specific first; the first whose constraints all hold wins. A pattern
    needing a word found nowhere under the predicate is skipped unseen."""
    return _first_fitting(predicate.candidates(phrase_words(frame.scope)), frame)


def match_verb(verb: Token, predicate: PredicatePatterns) -> tuple[Frame, PatternMatch] | None:
    """The verb's frame and the pattern that fits it best (as best_match), or None. The frame,
    the dearest step, is built only when some pattern has all its words under the verb: about
    a sixth of the verbs in news have none."""
    words = phrase_words(verb)
    candidates = predicate.candidates(words)
    first = next(candidates, None)
    if first is None:
        return None
    frame = build_frame(verb)
    found = _first_fitting(chain((first,), candidates), frame)
    if found is None or not found.fills:
        # Only the verb itself fits. The words a pattern names after a verb with no object of
        # its own may stand elsewhere after it, as PETRARCH reads them: "vowed to wage war" is
        # "vow war". Tried last, so that a pattern naming the complement ("vow @continue
        # offensive") keeps its meaning.
        for lent in _lent_objects(frame):
            deeper = _first_fitting(predicate.candidates(words), lent)
            if deeper is not None and deeper.fills:
                return lent, deeper
    return None if found is None else (frame, found)


def _lent_objects(frame: Frame) -> Iterator[Frame]:
    """The frame again with an object to borrow, when it has none: its open complement's,
    then a phrase after the verb that the parser took for a prepositional one ("received by
    courier money from Y": "courier money" hangs on "by")."""
    if frame.obj is not None:
        return
    claimed = frame.predicate.lemma_ in CLAIM_VERBS
    for complement in frame.complements:
        if claimed and complement.tag_ == "VBG":
            continue
        obj = find_object(complement) if complement.dep_ == "xcomp" else None
        if obj is not None:
            yield replace(frame, borrowed_obj=obj)
    for _, pobj in frame.preps:
        if pobj.i > frame.predicate.i:
            yield replace(frame, borrowed_obj=pobj)


def _first_fitting(candidates: Iterable[VerbPattern], frame: Frame) -> PatternMatch | None:
    """The first candidate whose slots the frame fills. Among patterns as specific as the first
    that matched, one whose prepositions hang on the verb itself beats one that reached a
    phrase a level down: "staged drills near its border with South Korea" is "stage drill
    near +" (150), not "stage drill with +" (062)."""
    first: PatternMatch | None = None
    for pattern in candidates:
        if first is not None and pattern.specificity != first.pattern.specificity:
            break
        found = match_pattern(pattern, frame)
        if found is None:
            continue
        if not _reaches_down(found, frame):
            return found
        first = first or found
    return first


def _reaches_down(found: PatternMatch, frame: Frame) -> bool:
    """Does a prepositional slot of the match sit on a phrase one level below the verb's?"""
    own = {pobj.i for _, pobj in frame.preps}
    for fill in found.fills:  # a loop, as in PatternMatch
        if fill.slot.kind is SlotKind.PREP and fill.head is not None and fill.head.i not in own:
            return True
    return False
