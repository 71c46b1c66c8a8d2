"""An event's participants: the actors of a matched pattern's source and target slots.

Each slot's phrase is read for actors (coding/actors.py); a pronoun or a description ("the two
sides", "the militant group") is resolved from earlier mentions (coding/coreference.py); with
no phrase for the target, the default prepositions, a statement's clause subject and the place
are tried in turn. A role with no country ("the prime minister", "protesters") is given one from
the other side or from the event's place when that is unambiguous. Every resolution is a
TraceStep.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from coding import actors as actor_lookup
from coding.context import SentenceContext
from coding.coordination import coordinated_heads
from coding.coreference import SPEAKER_RULE, ArticleMemory
from coding.entries import SlotKind
from coding.modality import (
    DENIAL_VERBS,
    DIRECTIVE_GOVERNORS,
    SUBJECT_DEPS,
    marked_by_to,
    reporting_verb,
)
from coding.places import PLACING_PREPS, place_of_event
from coding.reciprocal import TOPIC_VERBS
from coding.records import ActorMatch, Event, Outcome, TraceStep
from coding.tree import tree_of
from coding.verbs import (
    Frame,
    PatternMatch,
    find_object,
    find_subject,
    is_passive,
    phrase_object,
    phrase_words,
    prepositional_objects,
    verb_patterns,
)

# Prepositions whose object is the target when a pattern does not say, in order of preference:
# "fired at", "talks with", "aid to", "warned about". "in" is left out: "met in Geneva" names
# the event's place (coding/places.py), not whom it was done to.
DEFAULT_TARGET_PREPS = (
    "with", "to", "against", "at", "on", "toward", "towards", "into", "upon", "about", "over",
    "for", "from",
)
TARGET_PREP_RANK = {prep: rank for rank, prep in enumerate(DEFAULT_TARGET_PREPS)}
# Roots of force (posture, assault, fight, mass violence): a "from" phrase of theirs says where
# the force came from, never at whom it was aimed.
FIRED_FROM_ROOTS = frozenset({"15", "18", "19", "20"})
# Verbs whose object, a machine of war, is the subject's: "launched drones", "scrambled jets".
LAUNCHING_VERBS = frozenset(
    {"launch", "fire", "send", "deploy", "dispatch", "scramble", "fly", "use", "sail", "station"}
)
# Verbs of taking away, whose "from" names the loser: "retook the palace from the RSF".
TAKING_VERBS = frozenset(
    {"take", "retake", "capture", "recapture", "seize", "wrest", "win", "liberate", "free",
     "grab", "snatch", "reclaim", "regain"}
)
INSTRUMENT_ROLES = frozenset({"MIL", "COP"})
JURISDICTION_ROLES = frozenset({"COP", "JUD"})
# Roles that act for a state. A role of no named country facing them is not taken to be of
# their country: a government thanks a foreign government, not its own.
STATE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def source_actors(
    frame: Frame, found: PatternMatch, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    head = found.source_head or frame.subject
    sources, steps = actors_or_resolved(head, ctx, hits, memory)
    if head is not None and sources and all(map(actor_lookup.bare_machine, sources)):
        owners = _launchers(head, ctx, hits)
        if owners:
            detail = f"{head.text!r}: launched by " + ", ".join(o.code for o in owners)
            owned = actor_lookup.owned_by(sources, owners)
            return owned, [*steps, TraceStep("actor", "launched-by", Outcome.RESOLVED, detail)]
    return sources, steps


def actors_or_resolved(
    head: Token | None, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """Actors of the phrase; for a pronoun or "the two sides", the actors it refers to; else
    the first actors inside the phrase ("the closure of schools in Gaza")."""
    found = actor_lookup.slot_actors(head, hits, ctx.compiled, ctx.published)
    if actor_lookup.region_as_place(head, found):
        return [], []
    if head is None or any(a.country for a in found):
        return found, []
    # No actor, or only a role ("the ministry"): an earlier mention may say whose.
    def lookup(token: Token) -> list[ActorMatch]:
        return actor_lookup.slot_actors(token, hits, ctx.compiled, ctx.published)

    resolved, step = memory.resolve(head, lookup)
    if step is not None:
        return resolved, [step]
    if head.dep_ in SUBJECT_DEPS:
        # Only a subject's: the owner in "Turkey withdrew its ambassador" is the subject of
        # the same verb, and the ambassador no target of Turkey's act.
        owners, step = memory.resolve_owner(head, lookup)
        if step is not None:
            return actor_lookup.owned_by(found, owners), [step]
    elif _speakers_not_doers(head):
        # What a reported act was done to is the speaker's when it cannot be the doer's:
        # "Taiwan said Chinese warplanes entered its air defence zone" is an act on Taiwan,
        # "Kenya said militants attacked its troops" on KENMIL. Only the speaker, not an owner
        # from an earlier sentence.
        owners, step = memory.resolve_owner(head, lookup)
        if step is not None and step.rule == SPEAKER_RULE:
            return actor_lookup.owned_by(found, owners), [step]
    if found:
        described, step = memory.described(head, found, lambda: _named_before(head, hits, ctx))
        return (described, [step]) if step is not None else (found, [])
    return actor_lookup.nested_actors(head, hits, ctx.compiled, ctx.published), []


def _launchers(machine: Token, ctx: SentenceContext, hits) -> list[ActorMatch]:
    """Whose machines of war these are: the states that launched, sent or deployed them ("Russia
    launched drones that struck Kyiv", "Taiwan scrambled jets to warn off Chinese aircraft").
    Not who shot them down: "Ukraine downed drones that attacked Kyiv" says nothing of whose."""
    verb = machine.head
    if machine.dep_ != "dobj" or verb.lemma_ not in LAUNCHING_VERBS:
        return []
    subject = find_subject(verb)
    if subject is None:
        return []
    owners = actor_lookup.slot_actors(subject, hits, ctx.compiled, ctx.published)
    return [owner for owner in owners if actor_lookup.state_of(owner)]


def _speakers_not_doers(thing: Token) -> bool:
    """Is the thing "its" something in a reported clause, where "its" cannot be the doer's: the
    doer a plural noun or a list ("Taiwan said Chinese warplanes entered its air defence
    zone")? After a singular doer it could be either ("Ukraine said Russia attacked its energy
    infrastructure", "the Philippines"), and no actor is better than a wrong one."""
    owner = next((c for c in thing.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ != "its":
        return False
    verb = thing.head.head if thing.dep_ == "pobj" else thing.head
    if verb.dep_ != "ccomp":
        return False
    doer = find_subject(verb)
    return doer is not None and (doer.tag_ == "NNS" or len(coordinated_heads(doer)) > 1)


def _named_before(head: Token, hits, ctx: SentenceContext) -> list[ActorMatch]:
    """The actors of the dictionary names that come before `head` in its sentence."""
    doc = head.doc
    found = (
        actor_lookup.phrase_actor(doc[hit.end - 1], hits, ctx.compiled, ctx.published)
        for hit in hits.actors
        if hit.end <= head.i
    )
    return [actor for actor in found if actor is not None]


def noun_source(
    noun: Token, frame: Frame, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """An event noun's source: an actor among its own modifiers ("Russian air strikes",
    "Russia's attack"), else the subject of the verb governing it ("Israel held talks"), else
    the sides it is between ("talks between Israel and Hamas resumed"), each the other's."""
    own = actor_lookup.phrase_actors(noun, hits, ctx.compiled, ctx.published)
    if own:
        return own, []
    found = actors_or_resolved(frame.subject, ctx, hits, memory)
    if found[0]:
        return found
    between = next((pobj for prep, pobj in frame.preps if prep == "between"), None)
    sides = actor_lookup.slot_actors(between, hits, ctx.compiled, ctx.published)
    if len(sides) < 2:
        return found
    detail = f"{noun.text} between " + " and ".join(s.text for s in sides)
    return sides, [TraceStep("actor", "between-sides", Outcome.RESOLVED, detail)]


def target_actors(
    frame: Frame, found: PatternMatch, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    lemma = tree_of(frame.predicate.doc).lemmas[frame.predicate.i]
    if lemma in DIRECTIVE_GOVERNORS and _commands_own_forces(frame, ctx, hits):
        return [], []
    if found.names_target:
        # "condemn killing of +": the killing's doer, when a "by" phrase names one, before whom
        # it was done to. Only an object that holds the pattern's phrase is asked.
        holder = frame.obj if _within(found.target_head, frame.obj) else None
        for head in (_doer(found.target_head), _doer(holder), found.target_head):
            if head is not None:
                targets, steps = actors_or_resolved(head, ctx, hits, memory)
                if targets:
                    return targets, steps
        if frame.obj is not None and not _same(found.target_head, frame.obj):
            # "shelled the Ukrainian city of X" with X unknown: the object phrase says whose.
            return actors_or_resolved(frame.obj, ctx, hits, memory)
        # The phrase the pattern names is a thing, not an actor ("donated $8.5 million to
        # Turkey", "threatened to halt negotiations with Israel"): whom the act concerns is in
        # the phrases below.
    if found.names_source_after_verb:
        # PETRARCH's "$" after the verb and no "+": the subject is whom it was done to
        # ("X received money from Y" is Y -> X).
        return actors_or_resolved(frame.subject, ctx, hits, memory)
    if frame.predicate.lemma_ in TOPIC_VERBS:
        # Its object and phrases name what was talked about, never with whom: the other party
        # comes from a pattern's "with +", or a list of subjects talked to each other.
        return [], []
    forces: tuple[list[ActorMatch], list[TraceStep]] | None = None
    obj = frame.obj
    if obj is None and found.pattern.particle:
        # "cordoned off the streets": the parser may take the particle for a preposition; the
        # phrase after it is the verb's object all the same.
        obj = next((pobj for name, pobj in frame.preps if name == found.pattern.particle), None)
    # The object of a complement the pattern names: "threatened to halt negotiations with
    # Israel" are negotiations with Israel.
    named = [f.head for f in found.fills if f.slot.kind is SlotKind.XCOMP]
    for head in (_doer(obj), obj, frame.indirect, *named):
        if head is not None:
            targets, steps = actors_or_resolved(head, ctx, hits, memory)
            if targets and not _own_forces(targets):
                return targets, steps
            # Machines of no country are no one's: "intercepted drones over the Gulf of Aden".
            if targets and not all(map(actor_lookup.bare_machine, targets)):
                forces = forces or (targets, steps)
    # An object lent by a complement comes with the complement's phrases: "vowed to wage war
    # on the rebels" is war on the rebels. (One lent by a phrase of the verb's is in its own.)
    lent = frame.borrowed_obj
    borrowed = (
        (prepositional_objects(lent.head, lent),)
        if lent is not None and lent.head.pos_ == "VERB" else ()
    )
    # Force comes from a place: "fired rockets from positions in southern Lebanon". Inside a
    # phrase "from" says whose: "shells near a naval vessel from South Korea".
    fired_from = found.pattern.code[:2] in FIRED_FROM_ROOTS and lemma not in TAKING_VERBS
    for preps in (*borrowed, frame.preps, frame.nested_preps):
        if fired_from:
            preps = tuple(p for p in preps if not _on_predicate(p, frame, "from"))
        targets, steps = _preposition_target(preps, ctx, hits, memory)
        if targets:
            return targets, steps
    if forces is None and frame.predicate.pos_ == "NOUN":
        targets, steps = actors_or_resolved(_sufferers(frame.predicate), ctx, hits, memory)
        if targets:
            return targets, steps
    return forces or ([], [])


def _on_predicate(prep: tuple[str, Token], frame: Frame, preposition: str) -> bool:
    """Is the phrase opened by `preposition` and hung on the predicate itself?"""
    word, pobj = prep
    return word == preposition and pobj.head.head.i == frame.predicate.i


def _commands_own_forces(frame: Frame, ctx: SentenceContext, hits) -> bool:
    """Is the one ordered or urged a force of no named country, not called foreign? That is the
    source's own chain of command, no one it acts on: "Putin ordered troops to withdraw", "the
    president ordered police to disperse the protesters"."""
    obj = frame.obj
    if obj is None or "foreign" in phrase_words(obj):
        return False
    ordered = actor_lookup.slot_actors(obj, hits, ctx.compiled, ctx.published)
    return bool(ordered) and _own_forces(ordered)


def _within(token: Token | None, phrase: Token | None) -> bool:
    """Does the phrase under `phrase` hold `token`, below its head?"""
    if token is None or phrase is None or token.i == phrase.i:
        return False
    return phrase.left_edge.i <= token.i <= phrase.right_edge.i


def _doer(noun: Token | None) -> Token | None:
    """Who did the act a noun names, by its "by" phrase: "condemned the killing of aid workers
    by Israeli forces" is aimed at the forces, not the workers, who are whom it was done to."""
    return None if noun is None else phrase_object(noun, "by")


def _sufferers(noun: Token) -> Token | None:
    """Who suffered the act an event noun names when a passive verb says so: "two soldiers
    were killed in a Taliban attack" (the passive verb's subject)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    verb = prep.head
    return find_object(verb) if verb.pos_ == "VERB" and is_passive(verb) else None


def _preposition_target(
    preps: tuple[tuple[str, Token], ...], ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """The actors of the first phrase opened by a target preposition, in their order."""
    for pobj in _by_target_rank(preps):
        targets, steps = actors_or_resolved(pobj, ctx, hits, memory)
        if targets:
            return targets, steps
    return [], []


def _by_target_rank(preps: tuple[tuple[str, Token], ...]) -> list[Token]:
    """The phrases opened by a target preposition, the preferred preposition first. One sort,
    not a pass per preposition; a stable sort keeps one preposition's phrases in order."""
    opened = [p for p in preps if p[0] in TARGET_PREP_RANK]
    return [pobj for _, pobj in sorted(opened, key=lambda p: TARGET_PREP_RANK[p[0]])]


def _same(token: Token | None, other: Token | None) -> bool:
    """The same token? spaCy makes a new Token object at each access: compare positions."""
    return token is not None and other is not None and token.i == other.i


def not_the_source(
    targets: list[ActorMatch],
    sources: list[ActorMatch],
    frame: Frame,
    found: PatternMatch,
    ctx: SentenceContext,
    hits,
    memory: ArticleMemory,
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """A pattern's target phrase that names only the source itself gives way to the object's
    own actors: when Azerbaijan "expelled the Armenian population of Nagorno-Karabakh", the
    place is Azerbaijan's and the population Armenian."""
    own = {s.code for s in sources}
    obj = frame.obj
    if not targets or any(t.code not in own for t in targets):
        return targets, []
    if obj is None or found.target_head is None or _same(found.target_head, obj):
        return targets, []
    others, steps = actors_or_resolved(obj, ctx, hits, memory)
    if not any(o.code not in own for o in others):
        return targets, []
    detail = f"'{obj.text}' names the target; the phrase the pattern names is the source's own"
    return others, [*steps, TraceStep("actor", "object-not-source", Outcome.RESOLVED, detail)]


def _own_forces(actors: list[ActorMatch]) -> bool:
    """Troops or police of no named country as the object: in "deployed police officers to
    Haiti" or "mobilized troops along the border with Armenia" they are the source's means, and
    the phrase that follows names whom the event is aimed at. They stay the target when none
    does ("the army arrested soldiers")."""
    return all(not a.country and a.role in INSTRUMENT_ROLES for a in actors)


@dataclass(frozen=True, slots=True)
class RoleCountry:
    """One rule that gives roles of no named country a country, and how the trace says so."""

    stage: str
    rule: str
    reason: str

    def give(
        self, actors: list[ActorMatch], country: str,
        applies: Callable[[ActorMatch], bool] = lambda actor: True,
    ) -> tuple[list[ActorMatch], list[TraceStep]]:
        given, steps = [], []
        for actor in actors:
            if actor.country or not actor.role or not applies(actor):
                given.append(actor)
                continue
            code = country + actor.role
            given.append(replace(actor, code=code, country=country))
            detail = f"{actor.text!r} -> {code} ({self.reason})"
            steps.append(TraceStep(self.stage, self.rule, Outcome.RESOLVED, detail))
        return given, steps


def coded_earlier(
    actors: list[ActorMatch], events: Sequence[Event]
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """A role with no country that an earlier event of the sentence gave one, by the same
    words: in "police in Dhaka clashed with protesters demanding the prime minister's
    resignation" the clash made the protesters BGDCVL, and they are BGDCVL in their demand."""
    if not any(a.role and not a.country for a in actors):
        return actors, []
    earlier = {
        (a.start, a.end, a.text): a for e in events for a in (e.source, e.target) if a.country
    }
    given, steps = [], []
    for actor in actors:
        before = None if actor.country else earlier.get((actor.start, actor.end, actor.text))
        if before is None or before.role != actor.role:
            given.append(actor)
            continue
        given.append(replace(actor, code=before.code, country=before.country))
        detail = f"{actor.text!r} -> {before.code} (as an earlier event of the sentence has it)"
        steps.append(TraceStep("actor", "coded-earlier-in-sentence", Outcome.RESOLVED, detail))
    return given, steps


def same_country(
    actors: list[ActorMatch], others: list[ActorMatch], sent: Span
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """A definite role with no country ("the prime minister", "the police") in a sentence
    whose other side is of one country belongs to that country: "Georgian protesters demanded
    the resignation of the prime minister" -> GEOGOV. Not when that side is the state itself
    (a country, its government or forces): "the government thanked China for its assistance"
    is not China thanking itself."""
    if not any(a.role and not a.country for a in actors):
        return actors, []  # no role without a country, none to give one: asked four times a verb
    country = _people_country(others)
    if not country:
        return actors, []
    doc = sent.doc

    def definite(actor: ActorMatch) -> bool:
        here = sent.start < actor.start < sent.end and actor_lookup.found_in(actor, doc)
        return here and doc[actor.start - 1].lower_ == "the"

    step = RoleCountry("coref", "same-country-role", "the other side's country")
    return step.give(actors, country, definite)


def _people_country(others: list[ActorMatch]) -> str:
    """The one country of the other side when it is that country's people, not its state (a
    country, its government or forces); "" otherwise."""
    countries = {actor_lookup.state_of(a) for a in others} - {""}
    if len(countries) != 1 or any(a.country and _acts_for_state(a) for a in others):
        return ""
    (country,) = countries
    return country


def counterpart_role(
    actors: list[ActorMatch], others: list[ActorMatch]
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """A counterpart holds the other side's office: "Turkey's foreign minister met his Syrian
    counterpart" -> SYRGOV, "the US army chief met his Pakistani counterpart" -> PAKMIL. The
    phrase's own words say so (an actor resolved from another sentence has offsets there)."""
    roles = {a.role for a in others if a.country and a.role}
    if len(roles) != 1:
        return actors, []
    (role,) = roles
    given, steps = [], []
    for actor in actors:
        if actor.role or not actor.country or "counterpart" not in actor.text.lower():
            given.append(actor)
            continue
        code = actor.country + role
        given.append(replace(actor, code=code, role=role))
        detail = f"{actor.text!r} -> {code} (the other side's office)"
        steps.append(TraceStep("actor", "counterpart-role", Outcome.RESOLVED, detail))
    return given, steps


def _acts_for_state(actor: ActorMatch) -> bool:
    return not actor.role or bool(STATE_ROLES.intersection(actor_lookup.role_blocks(actor.role)))


def country_of_place(
    sources: list[ActorMatch],
    targets: list[ActorMatch],
    predicate: Token,
    listed: Mapping[int, str],
) -> tuple[list[ActorMatch], list[ActorMatch], list[TraceStep]]:
    """A role with no country ("protesters", "a police station") takes the country where the
    event happened, when the sentence names a place the gazetteer resolves: "Russian police
    detained protesters in Moscow" -> RUSCVL; "militants bombed a police station in Peshawar"
    -> PAKCOP. Without a place the role stays as it is: a guess would be worse."""
    if all(a.country for a in sources + targets):
        return sources, targets, []
    place = place_of_event(predicate, sources + targets, listed)
    if place is None or not place.resolved or not place.country:
        return sources, targets, []
    step = RoleCountry("actor", "place-country-role", f"in {place.text}, {place.country}")
    sources, source_steps = step.give(sources, place.country)
    targets, target_steps = step.give(targets, place.country)
    return sources, targets, source_steps + target_steps


def police_of_those_faced(
    actors: list[ActorMatch], others: list[ActorMatch]
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """Police and courts of no named country are those of the people they face when those are
    of one country and not its state: "Protesters in Nairobi clashed with police" -> KENCOP.
    Asked after country_of_place, so that a place the gazetteer resolves decides first
    ("Israeli fans clashed with police in Amsterdam"); a state facing them may be a foreign
    one ("Israeli troops clashed with police")."""
    if not any(a.role in JURISDICTION_ROLES and not a.country for a in actors):
        return actors, []
    country = _people_country(others)
    if not country:
        return actors, []
    step = RoleCountry("actor", "police-of-those-faced", "the country of those they face")
    return step.give(actors, country, lambda actor: actor.role in JURISDICTION_ROLES)


def within_jurisdiction(
    targets: list[ActorMatch], sources: list[ActorMatch], code: str
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """Police, courts and prosecutors act within their own country: the people they act on,
    when no country is named for them, are that country's ("Hong Kong prosecutors charged
    pro-democracy activists" -> HKGCVL). Armies and governments act abroad too, but a
    government's coercion (root 17: curfews, arrests, bans) is at home: "Senegal's government
    imposed a curfew on opposition strongholds" -> SENOPP."""
    if not any(t.role and not t.country for t in targets):
        return targets, []  # no target is a role without a country: none to give one
    roles = JURISDICTION_ROLES | ({"GOV"} if code.startswith("17") else set())
    countries = {
        actor_lookup.state_of(s) for s in sources
        if roles.intersection(actor_lookup.role_blocks(s.role))
    } - {""}
    if len(countries) != 1:
        return targets, []
    (country,) = countries
    reason = f"acted on by {country}'s police, courts or government at home"
    step = RoleCountry("actor", "within-jurisdiction", reason)
    return step.give(targets, country)


def place_targets(
    frame: Frame, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """Where the act was done, as whom it touched when nothing else names anyone: "deployed
    troops in Syria", "shelled villages near Kharkiv". Not where a talk's topic is: "discussed
    the war in Gaza", wherever the parser hangs the place."""
    if frame.predicate.lemma_ in TOPIC_VERBS:
        return [], []
    for name, pobj in frame.preps:
        if name in PLACING_PREPS:
            targets, steps = actors_or_resolved(pobj, ctx, hits, memory)
            if targets:
                return targets, steps
    return [], []


def purpose_targets(
    frame: Frame, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """Whom an act is for when it names no one else: the party of its purpose clause. "Russia
    signed a deal on Tuesday to supply India with air defence systems" is a deal with India;
    "China held drills to intimidate Taiwan": drills aimed at Taiwan. What the clause moves is
    no party: "to deliver tanks to Poland" (machines of no country, actors.MACHINES)."""
    for clause in _purpose_clauses(frame.predicate):
        obj = find_object(clause)
        for head in (obj, *_by_target_rank(prepositional_objects(clause, obj))):
            targets, steps = actors_or_resolved(head, ctx, hits, memory)
            targets = [t for t in targets if not actor_lookup.bare_machine(t)]
            if targets and head is not None:
                detail = f"purpose clause '{clause.text}': {head.text}"
                step = TraceStep("actor", "purpose-target", Outcome.MATCHED, detail)
                return targets, [*steps, step]
    return [], []


def _purpose_clauses(predicate: Token) -> list[Token]:
    """Infinitives of purpose on the predicate, with no subject of their own ("to supply")."""
    tree = tree_of(predicate.doc)
    return [
        predicate.doc[clause] for clause in tree.children[predicate.i]
        if tree.deps[clause] == "advcl" and marked_by_to(tree, clause)
        and not any(tree.deps[c] in SUBJECT_DEPS for c in tree.children[clause])
    ]


def _clause_may_code(clause: Token, ctx: SentenceContext) -> bool:
    """Could a verb of the clause be coded as an event of its own ("is about to restore ties")?
    Complements are coded after their governor, so the dictionary is asked, not the result."""
    return any(
        verb.pos_ == "VERB" and verb_patterns(verb, ctx.compiled.verbs_by_lemma) is not None
        for verb in clause.subtree
    )


def foretold_by_another(
    verb: Token, sources: list[ActorMatch], ctx: SentenceContext, hits, memory: ArticleMemory
) -> list[ActorMatch]:
    """Those of another country who said the sources could act ("Iran could attack Israel
    within days, US officials said"): their forecast, no threat or promise of the sources'.
    Empty when the speaker is a source, of no known country, or not named."""
    reporting = reporting_verb(verb)
    speaker = find_subject(reporting) if reporting is not None else None
    if speaker is None:
        return []
    speakers, _ = actors_or_resolved(speaker, ctx, hits, memory)
    countries = {actor_lookup.state_of(s) for s in sources}
    if not speakers or any(
        not s.country or actor_lookup.state_of(s) in countries for s in speakers
    ):
        return []
    return speakers


def clause_subject_targets(
    frame: Frame, ctx: SentenceContext, hits, memory: ArticleMemory
) -> tuple[list[ActorMatch], list[TraceStep]]:
    """Whom a statement is about when it names no one else: the subject of its clause ("Turkey
    believes Sweden has not done enough" -> SWE), as PETRARCH reads it. A clause whose verb can
    be an event of its own ("said Russia shelled Kherson") keeps its subject for that event,
    unless the statement denies it: "Iran denied that it attacked the base" codes no attack,
    and is about whom the attack would have hit. A subject that is the speaker again ("it",
    "they") passes the question to the clause's object."""
    denial = frame.predicate.lemma_.lower() in DENIAL_VERBS
    for clause in frame.clauses:
        if _clause_may_code(clause, ctx) and not denial:
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        for head in (*subjects, find_object(clause)):
            targets, steps = actors_or_resolved(head, ctx, hits, memory)
            if not targets or head is None or any(s.rule == SPEAKER_RULE for s in steps):
                continue
            detail = f"clause '{clause.text}': {head.text}"
            step = TraceStep("actor", "clause-subject-target", Outcome.MATCHED, detail)
            return targets, [*steps, step]
    return [], []
