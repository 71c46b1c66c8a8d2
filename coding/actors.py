"""Actors: which words of a sentence name whom, and the CAMEO actor code of a noun phrase.

Two steps, as in spaCy's rulers: `find_hits` runs the phrase matcher once per sentence and keeps
the longest non-overlapping matches; `phrase_actor` reads the hits inside one noun phrase and
composes them: a named actor covering the phrase's head wins ("the Kremlin" -> RUSGOV, a dated
leader); otherwise a country word in the phrase composes with a role word ("Russian Foreign
Ministry" -> RUS + GOV, "troops of Russia" -> RUS + MIL, "Ukrainian President X" -> UKR + GOV);
a role word alone is coded by its role ("police" -> COP).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from coding.compiled import ACTOR_LABEL, AGENT_LABEL, DISCARD_LABEL, CompiledDictionaries
from coding.records import ActorMatch

# Dependents that belong to a noun phrase's naming core. Clauses (relcl, acl) and most
# prepositional phrases ("talks with Russia") name someone else and stay out.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nn", "appos", "flat", "det"})
OF_PREPOSITIONS = frozenset({"of"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One dictionary phrase found in the sentence (token offsets within the Doc)."""

    label: str  # ACTOR_LABEL | AGENT_LABEL | DISCARD_LABEL
    start: int
    end: int
    key: str  # the phrase's lookup key

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass(frozen=True, slots=True)
class SentenceHits:
    actors: tuple[Hit, ...]
    agents: tuple[Hit, ...]
    discards: tuple[Hit, ...]


def find_hits(sent: Span, compiled: CompiledDictionaries) -> SentenceHits:
    """Longest non-overlapping actor/agent matches; a named actor beats an agent of equal length.

    Discard phrases are matched separately: they never block an actor."""
    doc = sent.doc
    found = compiled.matcher(sent, as_spans=False)
    strings = doc.vocab.strings
    candidates = []
    discards = []
    for match_id, start, end in found:
        label = strings[match_id]  # offsets are the Doc's, even when matching a Span
        key = " ".join(t.lower_ for t in doc[start:end])
        hit = Hit(label, start, end, key)
        (discards if label == DISCARD_LABEL else candidates).append(hit)
    candidates.sort(key=lambda h: (-(h.end - h.start), h.label != ACTOR_LABEL, h.start))
    taken: set[int] = set()
    kept = []
    for hit in candidates:
        if taken.isdisjoint(range(hit.start, hit.end)):
            kept.append(hit)
            taken.update(range(hit.start, hit.end))
    kept.sort(key=lambda h: h.start)
    return SentenceHits(
        actors=tuple(h for h in kept if h.label == ACTOR_LABEL),
        agents=tuple(h for h in kept if h.label == AGENT_LABEL),
        discards=tuple(discards),
    )


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens that name the phrase headed by `head`: its modifiers and "of" phrases."""
    tokens = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS or (
                child.dep_ == "prep" and child.lower_ in OF_PREPOSITIONS
            ):
                tokens.append(child)
                stack.append(child)
            elif child.dep_ == "pobj" and token.dep_ == "prep":
                tokens.append(child)
                stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def conjuncts(head: Token) -> list[Token]:
    """The head and every noun conjoined with it ("Russia and China" -> [Russia, China])."""
    return [head] + [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN")]


def resolve_actor_code(hit: Hit, compiled: CompiledDictionaries, on: date) -> tuple[str, str]:
    """The code of a named actor on a date: first entry (dictionary order) whose range applies."""
    for entry in compiled.actors_by_phrase.get(hit.key, ()):
        for dated in entry.codes:
            if dated.applies_on(on):
                return dated.code, entry.rule_id
    return "", ""


def split_code(code: str, roles: frozenset[str]) -> tuple[str, str]:
    """(country or IGO root, role blocks): "RUSGOV" -> ("RUS", "GOV"), "COP" -> ("", "COP")."""
    if code[:3] in roles:
        return "", code
    return code[:3], code[3:]


def compose(country_code: str, role: str, roles: frozenset[str]) -> str:
    """A country (or any actor) with a role: RUS + GOV -> RUSGOV. A code that already carries a
    role keeps it (the dictionary said more than the role word can)."""
    root, own_role = split_code(country_code, roles)
    if own_role or not root:
        return country_code
    return root + role


def phrase_actor(
    head: Token, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> ActorMatch | None:
    """The actor named by the noun phrase headed by `head`, or None."""
    tokens = phrase_tokens(head)
    indices = {t.i for t in tokens}
    actors = []
    for hit in hits.actors:
        if indices.intersection(range(hit.start, hit.end)):
            code, rule = resolve_actor_code(hit, compiled, on)
            if code:
                actors.append((hit, code, rule))
    agents = [h for h in hits.agents if indices.intersection(range(h.start, h.end))]
    if not actors and not agents:
        return None
    roles = compiled.role_codes
    head_actor = next((a for a in actors if a[0].covers(head.i)), None)
    if head_actor is None and actors:
        # Nearest named actor to the head: "the Ukrainian city of Kharkiv" -> Ukrainian.
        head_actor = min(actors, key=lambda a: abs(a[0].start - head.i))
    agent = next((h for h in agents if h.covers(head.i)), agents[0] if agents else None)
    agent_entry = compiled.agents_by_phrase[agent.key][0] if agent else None
    used: list[Hit] = []
    rules: list[str] = []
    if head_actor is not None:
        hit, code, rule = head_actor
        used.append(hit)
        rules.append(rule)
        if agent_entry is not None and agent is not None and not split_code(code, roles)[1]:
            code = compose(code, agent_entry.code, roles)
            used.append(agent)
            rules.append(agent_entry.rule_id)
    else:
        assert agent is not None and agent_entry is not None
        code = agent_entry.code
        used.append(agent)
        rules.append(agent_entry.rule_id)
    country, role = split_code(code, roles)
    doc = head.doc
    start = min([h.start for h in used] + [head.i])
    end = max([h.end for h in used] + [head.i + 1])
    return ActorMatch(
        text=doc[start:end].text,
        code=code,
        country=country,
        role=role,
        start=start,
        end=end,
        rule="+".join(rules),
    )


def slot_actors(
    head: Token | None, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> list[ActorMatch]:
    """One actor per conjunct of the phrase ("Russia and China" -> two actors), in order."""
    if head is None:
        return []
    found = []
    for token in conjuncts(head):
        actor = phrase_actor(token, hits, compiled, on)
        if actor is not None and all(a.code != actor.code for a in found):
            found.append(actor)
    return found
