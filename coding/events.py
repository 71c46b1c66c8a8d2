"""Events: one sentence's predicates, each matched to a pattern, turned into Event records.

For every verb (governors before their complements) and then every event noun: build its frame,
find the best pattern, apply modality, find source and target actors, and emit one event per
source x target pair. Every decision is a TraceStep; explain mode keeps the ones that produced
no event too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from coding import actors as actor_lookup
from coding import participants
from coding.context import SentenceContext
from coding.coordination import coordinated_heads
from coding.coreference import Act, ArticleMemory
from coding.dates import ResolvedDate, date_trace, event_date
from coding.entries import CameoCode, NegatedCode, SlotKind
from coding.modality import (
    INTENT_GOVERNORS,
    SUBJECT_DEPS,
    intended,
    is_negated,
    modality_of,
    possible_past,
    requested,
    undone,
    unrealised_code,
)
from coding.places import place_of_event, place_trace
from coding.reciprocal import TOPIC_VERBS, is_reciprocal
from coding.records import ActorMatch, Event, Modality, Outcome, TraceStep
from coding.tree import Tree, span_text, tree_of
from coding.verbs import (
    Frame,
    PatternMatch,
    best_match,
    build_noun_frame,
    match_verb,
    verb_patterns,
)

NULL_CODE = "---"
# Where listed actors meet: "talks in Ankara", "a deal signed at the White House". Not "near":
# "flew a joint patrol near Japan" is aimed at Japan.
VENUE_PREPOSITIONS = frozenset({"in", "at"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence
# Verbs of the subject's own intention ("agreed to", "plans to"); appeals, demands and threats
# to others ("urged X to") are events of their own.
OWN_INTENT = INTENT_GOVERNORS - {"urge", "ask", "call", "demand", "threaten", "need", "be"}
# Where the head of a noun phrase hangs (as opposed to a modifier inside one).
NOUN_HEAD_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "conj", "ROOT", "npadvmod", "oprd"}
)


@dataclass
class SentenceResult:
    events: list[Event] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    actors: list[ActorMatch] = field(default_factory=list)


def event_id(article_id: str, sentence_index: int, source: str, target: str, code: str) -> str:
    key = f"{article_id}|{sentence_index}|{source}|{target}|{code}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _governing_verb(predicate: Token) -> Token | None:
    if predicate.pos_ != "NOUN":
        return predicate
    i = _noun_governor(tree_of(predicate.doc), predicate.i)
    return None if i is None else predicate.doc[i]


def _noun_governor(tree: Tree, noun: int) -> int | None:
    """The verb an event noun depends on, as its object or through a preposition; through
    the noun that measures it too: "host a new round of talks", "launched a wave of strikes"."""
    head = tree.heads[noun]
    if tree.deps[noun] == "pobj":
        measured = tree.lower[head] == "of"
        head = tree.heads[head]
        if measured and tree.pos[head] == "NOUN" and head != noun:
            return _noun_governor(tree, head)
    return head if tree.pos[head] in ("VERB", "AUX") and head != noun else None


def _kept(head: Token | None, skipped: frozenset[int]) -> Token | None:
    return None if head is None or head.i in skipped else head


def _passing_over(frame: Frame, skipped: frozenset[int]) -> Frame:
    """The frame without the phrases a pattern passed over with `^`: they are named only so
    that neither target nor place comes from them ("launched rockets (from ^)")."""
    if not skipped:
        return frame
    return replace(
        frame,
        obj=_kept(frame.obj, skipped),
        indirect=_kept(frame.indirect, skipped),
        preps=tuple(p for p in frame.preps if p[1].i not in skipped),
        nested_preps=tuple(p for p in frame.nested_preps if p[1].i not in skipped),
    )


def _pairs(
    sources: list[ActorMatch],
    targets: list[ActorMatch],
    frame: Frame,
    subject: Token | None,
    source_steps: list[TraceStep],
    among: bool = False,
) -> list[tuple[ActorMatch, ActorMatch]]:
    """Source x target pairs; with no target, the actors of a list act on each other when the
    predicate is reciprocal ("Israel and Hamas held talks", "the two sides clashed") or the
    pattern says so (`among`, PETRARCH's "%")."""
    reciprocal = len(sources) >= 2 and (
        among
        or (_listed(subject, sources, source_steps) and is_reciprocal(frame.predicate, frame.obj))
    )
    # Between listed actors, a city found inside the object ("the two sides held talks in
    # Geneva"), or any place "in" or "at" opens ("in Istanbul", "at the White House"),
    # is where they met, a role with no country what they traded ("Ukraine and Russia
    # exchanged prisoners of war"), and the agent of a participle who brought it about ("a
    # ceasefire brokered by Qatar"): none is a party to it.
    if targets and not (
        reciprocal
        and all(_not_a_party(t) or _go_between(t, frame) or _venue(t, frame) for t in targets)
    ):
        return [(s, t) for s in sources for t in targets]
    if reciprocal:
        return [(s, t) for s in sources for t in sources if s.code != t.code]
    return []


def _listed(
    subject: Token | None, sources: list[ActorMatch], source_steps: list[TraceStep]
) -> bool:
    """Did the subject name a list of actors? Several actors named by one phrase ("Indian and
    Chinese troops") are a list too."""
    return subject is not None and (
        len(coordinated_heads(subject)) > 1
        or any(s.rule == "pair-description" for s in source_steps)
        or len({s.country for s in sources if s.country}) > 1
    )


def _not_a_party(actor: ActorMatch) -> bool:
    return actor.rule.startswith(actor_lookup.CITY_RULE) or not actor.country


def _venue(actor: ActorMatch, frame: Frame) -> bool:
    """Is the actor the object of "in" or "at" in this sentence ("talks in Ankara")?
    A capital coded as its country is a party only when the sentence makes it one ("talks
    with Ankara")."""
    doc = frame.predicate.doc
    if not actor_lookup.found_in(actor, doc):
        return False
    tree = tree_of(doc)
    last = actor.end - 1
    opener = tree.heads[last]
    return tree.deps[last] == "pobj" and tree.lower[opener] in VENUE_PREPOSITIONS


def _go_between(actor: ActorMatch, frame: Frame) -> bool:
    """Is the actor named by the "by" phrase of a participle under the predicate ("a truce
    brokered by Egypt", "talks mediated by Norway")? Only an actor of this sentence."""
    doc = frame.predicate.doc
    if not actor_lookup.found_in(actor, doc):
        return False
    for above in doc[actor.start].ancestors:
        if above.i == frame.predicate.i:
            return False
        if above.dep_ == "agent" and above.head.dep_ == "acl":
            return True
    return False


def _build_event(
    ctx: SentenceContext,
    sent: Span,
    predicate: Token,
    found: PatternMatch,
    code: str,
    modality: Modality,
    when: ResolvedDate,
    source: ActorMatch,
    target: ActorMatch,
    steps: list[TraceStep],
    named_places: Mapping[int, str],
) -> Event:
    # A code missing from the code table is still reported as the dictionary gave it: the
    # validation stage quarantines it with a named reason instead of the coder hiding it.
    info = ctx.compiled.dictionaries.codes.get(code) or CameoCode(code, "", float("nan"), 0, "")
    place = place_of_event(predicate, (source, target), named_places)
    return Event(
        event_id=event_id(ctx.article_id, ctx.sentence_index, source.code, target.code, code),
        article_id=ctx.article_id,
        sentence_index=ctx.sentence_index,
        sentence_text=span_text(sent),
        event_date=when.day,
        date_precision=when.precision,
        date_source=when.source,
        source=source,
        target=target,
        event_code=code,
        event_base_code=code[:3],
        event_root_code=code[:2],
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover_category=info.plover,
        verb_text=_verb_text(predicate),
        matched_rule=found.pattern.rule_id,
        modality=modality,
        location_text=place.text if place else "",
        location_country=place.country if place else "",
        location_name=place.name if place else "",
        location_lat=place.lat if place else None,
        location_lon=place.lon if place else None,
        location_reason=str(place.reason) if place else "",
        date_background=when.background,
        coder_version=ctx.coder_version,
        dictionary_version=ctx.compiled.version,
        trace=tuple(steps) + (date_trace(when),) + place_trace(place),
    )


def _verb_text(predicate: Token) -> str:
    """The predicate with its particles and negation, in sentence order ("did not back down"
    -> "not back down")."""
    tree = tree_of(predicate.doc)
    below = tree.children[predicate.i]
    words = sorted([predicate.i, *(c for c in below if tree.deps[c] in ("prt", "neg"))])
    return " ".join(tree.text_of(i, i + 1) for i in words)


def _means_of_violence(
    frame: Frame, found: PatternMatch, ctx: SentenceContext
) -> PatternMatch | None:
    """An act of violence whose subject is itself an attack ("Russian air strikes killed 12
    civilians", "the shelling wounded five"): the attack's code says how it was done (195
    aerial weapons), which the verb's generic killing (1823) does not."""
    subject = frame.subject
    if subject is None or subject.pos_ != "NOUN" or found.pattern.code[:2] not in VIOLENT_ROOTS:
        return None
    patterns = ctx.compiled.nouns_by_lemma.get(subject.lemma_.lower())
    means = best_match(patterns, build_noun_frame(subject)) if patterns is not None else None
    if means is None or means.pattern.code[:2] not in VIOLENT_ROOTS:
        return None
    return means


def _defers_to_complement(
    verb: Token, frame: Frame, found: PatternMatch, compiled
) -> bool:
    """A verb of intent whose pattern says nothing of its complement ("agree", bare) leaves the
    event to the complement, which is coded as the intention it is: "agreed to resume talks"
    is 036 (intent to negotiate), more than the bare agreement (019)."""
    if verb.lemma_.lower() not in OWN_INTENT:
        return False
    if any(s.kind is SlotKind.XCOMP for s in found.pattern.slots):
        return False
    for complement in frame.complements:
        if any(c.dep_ in SUBJECT_DEPS for c in complement.children):
            continue  # "wants Putin to attack": someone else's act, not the subject's intent
        patterns = verb_patterns(complement, compiled.verbs_by_lemma)
        if complement.dep_ == "xcomp" and patterns is not None:
            if match_verb(complement, patterns) is not None:
                return True
    return False


def _ontology_negation(
    governor: Token | None, code: str, ctx: SentenceContext
) -> NegatedCode | None:
    """What a PETRARCH ontology says a verb under its own "not" codes ("did not criticize"
    -> 050); None without an ontology, for a code it gives no negation, and for a negation
    inherited from another verb ("refused to attack", "did not try to clash")."""
    if governor is None or not is_negated(governor):
        return None
    return ctx.compiled.negated_codes.get(code)


def _code_predicate(
    sent: Span,
    frame: Frame,
    found: PatternMatch,
    ctx: SentenceContext,
    hits,
    memory: ArticleMemory,
    result: SentenceResult,
) -> bool:
    """Turn one matched predicate into events; True when at least one event was made."""
    predicate = frame.predicate
    frame = _passing_over(frame, found.skipped_heads)
    rule = found.pattern.rule_id
    steps: list[TraceStep] = []  # the pattern's own MATCHED step is put first once there are pairs
    if found.pattern.code == NULL_CODE and not found.pattern.reverse_code:
        result.trace.append(TraceStep("verb", rule, Outcome.NULL_CODE, predicate.text))
        return False
    # An event noun takes the modality of the verb it depends on: "failed to reach an
    # agreement" is no agreement, "plans talks" are not talks yet.
    governor = _governing_verb(predicate)
    modality = modality_of(governor) if governor is not None else Modality()
    if governor is not None and predicate.pos_ == "NOUN" and undone(predicate, governor):
        modality = replace(modality, negated=True)  # "the talks collapsed": no talks to code
    code, reverse = found.pattern.code, found.pattern.reverse_code
    means = _means_of_violence(frame, found, ctx)
    if means is not None:
        code, reverse = means.pattern.code, ""
        detail = f"{means.pattern.code}: '{predicate.text}' done by an attack, coded as the attack"
        steps.append(TraceStep("verb", means.pattern.rule_id, Outcome.MATCHED, detail))
    if modality.negated:
        negation = _ontology_negation(governor, code, ctx)
        if negation is None:
            result.trace.append(TraceStep("modality", rule, Outcome.NEGATED, predicate.text))
            return False
        code, reverse = negation.negated_code, ""
        detail = f"not {predicate.text}: {found.pattern.code} -> {code}"
        steps.append(TraceStep("modality", negation.rule_id, Outcome.NEGATED, detail))
    if modality.hypothetical and governor is not None and possible_past(governor):
        detail = f"{predicate.text}: may or may not have happened, no intent or threat"
        result.trace.append(TraceStep("modality", "possible-past", Outcome.HYPOTHETICAL, detail))
        return False
    if modality.hypothetical or (governor is not None and intended(governor)):
        code, reverse = unrealised_code(code), ""
        steps.append(
            TraceStep("modality", "conditional-act", Outcome.HYPOTHETICAL, f"coded as {code}")
        )
    if predicate.pos_ == "NOUN":
        sources, source_steps = participants.noun_source(predicate, frame, ctx, hits, memory)
    else:
        sources, source_steps = participants.source_actors(frame, found, ctx, hits, memory)
    among = found.pattern.among_subjects  # the listed subjects act on each other, and no one else
    targets, target_steps = (
        ([], []) if among else participants.target_actors(frame, found, ctx, hits, memory)
    )
    # Roles an earlier event of the sentence gave a country keep it ("protesters demanding").
    sources, earlier = participants.coded_earlier(sources, result.events)
    targets, earlier_back = participants.coded_earlier(targets, result.events)
    steps += source_steps + target_steps + earlier + earlier_back
    if not sources:
        result.trace.append(TraceStep("actor", rule, Outcome.NO_SOURCE, predicate.text))
        return False
    # A possibility, not a plan or a promise: "China has offered to mediate, Kyiv said" is
    # China's offer, whoever reports it.
    if modality.hypothetical and modality.reported_speech and governor is not None:
        forecasters = participants.foretold_by_another(governor, sources, ctx, hits, memory)
        if forecasters:
            detail = f"{predicate.text}: {forecasters[0].code} said it could be, no threat"
            result.trace.append(TraceStep("modality", "forecast", Outcome.HYPOTHETICAL, detail))
            return False
    if targets:  # each side's country or office for the other: nothing to do without targets
        targets, steps_back = participants.not_the_source(
            targets, sources, frame, found, ctx, hits, memory
        )
        steps += steps_back
        sources, shared = participants.same_country(sources, targets, sent)
        targets, shared_back = participants.same_country(targets, sources, sent)
        targets, office = participants.counterpart_role(targets, sources)
        sources, office_back = participants.counterpart_role(sources, targets)
        steps += shared + shared_back + office + office_back
    # Jurisdiction before place: "Mexican authorities detained migrants near the US border"
    # are Mexico's detainees, wherever the border's name points.
    targets, within = participants.within_jurisdiction(targets, sources, code)
    named_places = actor_lookup.listed_places(hits, ctx.compiled, ctx.published)
    sources, targets, placed = participants.country_of_place(
        sources, targets, predicate, named_places
    )
    targets, police = participants.police_of_those_faced(targets, sources)
    sources, police_back = participants.police_of_those_faced(sources, targets)
    steps += within + placed + police + police_back
    subject = found.source_head or frame.subject
    pairs = _pairs(sources, targets, frame, subject, source_steps, among)
    # Last resorts, after reciprocity: whom a statement's clause is about, then whom the act
    # is for ("signed a deal to supply India"), then the country where it happened is whom it
    # touched ("arrived in Egypt", "deployed troops in Syria"), as CAMEO coders read it.
    last_resorts = (
        participants.clause_subject_targets, participants.purpose_targets,
        participants.place_targets,
    )
    for last_resort in last_resorts:
        if pairs or among:
            break
        targets, resort_steps = last_resort(frame, ctx, hits, memory)
        # "blocked motorways to protest against the government": the farmers' own government.
        targets, shared = participants.same_country(targets, sources, sent)
        steps += resort_steps + shared
        pairs = [(s, t) for s in sources for t in targets]
    if not pairs:
        result.trace.append(TraceStep("actor", rule, Outcome.NO_TARGET, predicate.text))
        return False
    # Made only now: most matched predicates end above, with no events to trace.
    matched = f"{predicate.text} -> {found.pattern.code}"
    steps.insert(0, TraceStep("verb", rule, Outcome.MATCHED, matched))
    directed = [(s, t, code, False) for s, t in pairs if code != NULL_CODE]
    if reverse and reverse != NULL_CODE:
        directed += [(t, s, reverse, True) for s, t in pairs]
    when = event_date(predicate, ctx.published)  # the predicate's, the same for all its pairs
    made = False
    for source, target, event_code, reversed_ in directed:
        if source.code == target.code:
            result.trace.append(TraceStep("actor", rule, Outcome.SAME_ACTOR, source.code))
            continue
        pair_steps = steps + [
            TraceStep("actor", actor.rule, Outcome.MATCHED, f"{role} {actor.text} -> {actor.code}")
            for role, actor in (("source", source), ("target", target))
        ]
        if reversed_:
            detail = f"{event_code}: the other side's event, paired with {code}"
            pair_steps.append(TraceStep("verb", rule, Outcome.REVERSED, detail))
        event = _build_event(
            ctx, sent, predicate, found, event_code, modality, when, source, target, pair_steps,
            named_places,
        )
        if all(e.event_id != event.event_id for e in result.events):
            result.events.append(event)
            made = True
    return made


def _lemma_of(tree, positions, word: str) -> str:
    """The lemma of the sentence's token written `word` (an event's verb or noun)."""
    lower = word.lower()
    return next((tree.lemmas[i] for i in positions if tree.lower[i] == lower), "")


def code_sentence(
    sent: Span, ctx: SentenceContext, memory: ArticleMemory
) -> SentenceResult:
    compiled = ctx.compiled
    result = SentenceResult()
    hits = actor_lookup.find_hits(sent, compiled)
    if hits.discards:
        phrase = hits.discards[0].key
        rule = compiled.discards_by_phrase[phrase][0].rule_id
        result.trace.append(TraceStep("discard", rule, Outcome.DISCARDED, phrase))
        return result
    consumed: set[int] = set()  # complements a governing pattern already coded
    coded_heads: set[int] = set()
    doc = sent.doc
    tree = tree_of(doc)
    positions = range(sent.start, sent.end)
    for position in sorted((i for i in positions if tree.pos[i] == "VERB"), key=tree.depth):
        if position in consumed:
            continue
        verb = doc[position]
        if requested(verb):
            detail = f"{verb.text}: asked of someone, not done"
            result.trace.append(TraceStep("modality", "requested-act", Outcome.REQUESTED, detail))
            consumed.add(position)
            continue
        patterns = verb_patterns(verb, compiled.verbs_by_lemma)
        if patterns is None:
            if ctx.explain:
                result.trace.append(TraceStep("verb", "", Outcome.UNKNOWN_VERB, verb.lemma_))
            continue
        matched = match_verb(verb, patterns)
        if matched is None:
            result.trace.append(TraceStep("verb", "", Outcome.NO_PATTERN, verb.lemma_))
            continue
        frame, found = matched
        if _defers_to_complement(verb, frame, found, compiled):
            detail = f"{verb.text}: its complement is the event, as an intention"
            result.trace.append(TraceStep("verb", found.pattern.rule_id, Outcome.DEFERRED, detail))
            continue
        if _code_predicate(sent, frame, found, ctx, hits, memory, result):
            # The complement is part of this event ("threatened to attack"); when the governing
            # pattern found no actors, the complement is still coded on its own.
            coded_heads.add(verb.i)
            xcomp_slot = any(s.kind is SlotKind.XCOMP for s in found.pattern.slots)
            consumed.update(
                c.i for c in frame.complements if xcomp_slot or c.dep_ == "xcomp"
            )
    nouns_by_lemma = compiled.nouns_by_lemma
    event_nouns = [
        i for i in positions if tree.pos[i] == "NOUN" and tree.lemmas[i] in nouns_by_lemma
    ]
    for position in event_nouns:
        # A noun under a verb that was coded, or that a governing pattern consumed ("urged the
        # US to lift sanctions"), is part of that event, not one of its own; under a verb of
        # talking about ("discussed sanctions against Russia") it is a topic.
        governor = _noun_governor(tree, position)
        if governor is not None and (
            governor in coded_heads or governor in consumed or tree.lemmas[governor] in TOPIC_VERBS
        ):
            continue
        patterns = nouns_by_lemma[tree.lemmas[position]]
        frame = build_noun_frame(doc[position])
        noun_match = best_match(patterns, frame)
        if noun_match is not None:
            _code_predicate(sent, frame, noun_match, ctx, hits, memory, result)
    # Every actor of the sentence is listed for explain mode only; the article's memory needs
    # just the subjects.
    wanted = NOUN_HEAD_DEPS if ctx.explain else SUBJECT_DEPS
    found_actors = [
        (i, actor_lookup.phrase_actor(doc[i], hits, compiled, ctx.published))
        for i in positions
        if tree.deps[i] in wanted and tree.pos[i] in ("NOUN", "PROPN")
    ]
    result.actors = [a for _, a in found_actors if a is not None]
    subjects = [a for i, a in found_actors if a is not None and tree.deps[i] in SUBJECT_DEPS]
    # The other side's event of a paired code ("met" -> met by) is no one's act of its own:
    # in "X met Y. He condemned Z", Y is not a subject "he" could be.
    acts = [e for e in result.events if all(s.outcome is not Outcome.REVERSED for s in e.trace)]
    memory.remember(ctx.sentence_index, subjects, [(e.source, e.target) for e in acts])
    if acts:  # "Palestinian officials condemned the raid", in a later sentence
        memory.remember_acts(ctx.sentence_index, [
            Act(ctx.sentence_index, _lemma_of(tree, positions, e.verb_text), e.event_code, e.source)
            for e in acts
        ])
    return result
