"""Actors: which words of a sentence name whom, and the CAMEO actor code of a noun phrase.

Two steps, as in spaCy's rulers: `find_hits` runs the phrase matcher once per sentence and keeps
the longest non-overlapping matches; `phrase_actor` reads the hits inside one noun phrase and
composes them: a named actor covering the phrase's head wins ("the Kremlin" -> RUSGOV, a dated
leader); otherwise a country word in the phrase composes with a role word ("Russian Foreign
Ministry" -> RUS + GOV, "troops of Russia" -> RUS + MIL, "Ukrainian President X" -> UKR + GOV);
a role word alone is coded by its role ("police" -> COP).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Span, Token

from coding.compiled import ACTOR_LABEL, AGENT_LABEL, DISCARD_LABEL, CompiledDictionaries
from coding.coordination import NOUN_TAGS, coordinated_heads
from coding.entries import AgentEntry
from coding.places import PLACING_PREPS, PlaceReason, resolve_place
from coding.records import ActorMatch
from coding.tree import Tree, entity_at, tree_of

# Dependents that belong to a noun phrase's naming core. Clauses (relcl, acl) and most
# prepositional phrases ("talks with Russia") name someone else and stay out.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nn", "appos", "flat", "det"})
OF_PREPOSITIONS = frozenset({"of"})
ROLE_PREPOSITIONS = frozenset({"of", "from", "in"})
# Clauses that say something else about the phrase; a participle ("the roads leading into
# Crimea", acl) still describes it and is searched.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
# "a Greek-owned ship", "the Saudi-led coalition", "a rebel-held village": the country or group
# before the hyphen names whose the thing is. Not "-backed" or "-made": an "Iranian-backed
# militia" is not Iran.
OWNING_PARTICIPLES = frozenset(
    {"own", "flag", "lead", "run", "operate", "register", "hold", "control",
     # the same, where the parser read the participle as an adjective, whose lemma it keeps
     "owned", "flagged", "led", "operated", "registered", "held", "controlled"}
)
# Machines of war stand for their forces when they act ("jets struck the town") or are hit. One
# of no named country found inside a phrase is what the phrase is about, not a party to it: a
# contract "to deliver tanks to Poland" is with Poland. Word forms, as actor phrases are matched.
MACHINES = frozenset(
    form
    for word in ("tank", "jet", "warplane", "plane", "helicopter", "bomber", "drone", "warship",
                 "ship", "vessel", "gunboat", "submarine", "missile", "rocket")
    for form in (word, word + "s")
) | {"aircraft", "artillery", "defence", "defences", "defense", "defenses"}
# Roles of groups outside the state, and the roles that words of rank within any group give
# ("leader" GOV, "commander" MIL): the rank of a group is the group ("student leaders", "a
# guerrilla commander", "the leader of an opposition party"). Civilians are left out: "civilian
# leaders" are a government.
GROUP_ROLES = frozenset("REB OPP PTY CRM LAB BUS REL EDU MED INS SEP RAD UAF".split())
RANK_ROLES = frozenset({"GOV", "MIL"})
# CAMEO's roots of force: coerce, assault, fight, mass violence.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# "former minister", "ex-president": out of office, one of the elite (ELI).
FORMER_WORDS = frozenset({"former", "ex", "ex-"})
# Things named after the city where they were agreed or held, which is no party to them: "the
# Paris climate agreement", "the Minsk agreements", "the Doha talks", "the Astana process".
PLACE_NAMED_THINGS = frozenset(
    {"agreement", "accord", "treaty", "pact", "deal", "protocol", "format", "process", "talk",
     "summit", "conference", "convention", "declaration", "memorandum", "framework",
     "negotiation", "meeting", "communique", "round"}
)
ELITE_ROLE = "ELI"
# CAMEO's first blocks for actors of no state: IGOUNO, NGOMSF, IMGMOSREB.
NON_STATE_ROOTS = frozenset({"IGO", "NGO", "IMG"})
# The CAMEO codebook's regions. Named in a place phrase ("seized a tanker in the Gulf of Oman",
# "drones over the Gulf of Aden") a region is where the act was, not whom it was done to.
REGION_CODES = frozenset(
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAS SEA SAF "
    "WAF WST".split()
)


# Not frozen, like the other values the coder builds by the thousand per article: a frozen
# dataclass's __init__ sets each field through object.__setattr__, at four times the cost.
@dataclass(slots=True)
class Hit:
    """One dictionary phrase found in the sentence (token offsets within the Doc)."""

    label: str  # ACTOR_LABEL | AGENT_LABEL | DISCARD_LABEL
    start: int
    end: int
    key: str  # the phrase's lookup key

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass(slots=True)  # not frozen: see Hit
class SentenceHits:
    actors: tuple[Hit, ...]
    agents: tuple[Hit, ...]
    discards: tuple[Hit, ...]
    # The actors of each noun phrase and of each list of phrases, by head index and date: a
    # sentence asks for the same phrase several times (listing its actors, then as the subject
    # or object of each verb).
    phrase_cache: dict[tuple[int, date], tuple[ActorMatch, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    slot_cache: dict[tuple[int, date], tuple[ActorMatch, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # resolve_actor_code's answers by the hit's start and the date: each phrase holding the
    # hit asks again, and so does listed_places.
    code_cache: dict[tuple[int, date], tuple[str, str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # listed_places by date: each predicate of the sentence asks.
    place_cache: dict[date, Mapping[int, str]] = field(
        default_factory=dict, compare=False, repr=False
    )


def find_hits(sent: Span, compiled: CompiledDictionaries) -> SentenceHits:
    """Longest non-overlapping actor/agent matches; a named actor beats an agent of equal length.

    Discard phrases are matched separately: they never block an actor."""
    doc = sent.doc
    tree = tree_of(doc)
    found = compiled.matches(sent)
    strings = doc.vocab.strings
    candidates: list[Hit] = []
    discards: list[Hit] = []
    for match_id, start, end in found:
        label = strings[match_id]  # offsets are the Doc's, even when matching a Span
        if label == AGENT_LABEL and tree.pos[end - 1] not in NOUN_TAGS and (
            tree.deps[end - 1] != "compound"
        ):
            # Role words are nouns: "official" in "an official visit" is not a role. A word
            # the parser tags as an adjective but hangs as a compound still is one: "rebel
            # leaders".
            continue
        key = " ".join(tree.lower[start:end])
        if key in compiled.proper_keys and any(t.is_lower for t in doc[start:end]):
            continue  # a name needs its capitals: "a strict Islamic state" is no group
        if _stance_toward(tree, start):
            continue  # "pro-EU protesters" are not the EU
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


def _stance_toward(tree: Tree, start: int) -> bool:
    """Does a name or role word follow "pro-"? The parser splits the hyphen off. Not "anti-":
    an "anti-Israel rally" is aimed at Israel, as PETRARCH codes such phrases, and the role
    words after it ("anti-government protesters") compose as they should."""
    return start >= 2 and tree.lower[start - 1] == "-" and tree.lower[start - 2] == "pro"


def phrase_positions(head: Token, role_head: bool) -> set[int]:
    """The tokens that name the phrase headed by `head`: its modifiers and "of" phrases, and
    for a role word also "from"/"in" phrases ("soldiers from Chad", "lawmakers in Kenya").
    Lists inside a modifier count whole ("ambassadors of France, Italy and Spain")."""
    tree = tree_of(head.doc)
    preps = ROLE_PREPOSITIONS if role_head else OF_PREPOSITIONS
    found = {head.i}
    stack = [head.i]
    while stack:
        token = stack.pop()
        at_head = token == head.i
        for child in tree.children[token]:
            dep = tree.deps[child]
            inside = (
                dep in MODIFIER_DEPS
                or (dep == "npadvmod" and tree.lemmas[token] in OWNING_PARTICIPLES)
                or (dep == "prep" and tree.lower[child] in preps and at_head)
                or (dep == "pobj" and tree.deps[token] == "prep")
                or (dep == "conj" and not at_head)
            )
            if inside:
                found.add(child)
                stack.append(child)
    return found


def actor_code(
    hit: Hit, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> tuple[str, str]:
    """resolve_actor_code, once per hit and date in the sentence."""
    found = hits.code_cache.get((hit.start, on))
    if found is None:
        found = hits.code_cache[hit.start, on] = resolve_actor_code(hit, compiled, on)
    return found


def resolve_actor_code(hit: Hit, compiled: CompiledDictionaries, on: date) -> tuple[str, str]:
    """The code of a named actor on a date: first entry (dictionary order) whose range applies.
    The rule names the entry and, for a dated code, the range that applied ("@2019-05-20..")."""
    for entry in compiled.actors_by_phrase.get(hit.key, ()):
        for dated in entry.codes:
            if dated.applies_on(on):
                if dated.start is None and dated.end is None:
                    return dated.code, entry.rule_id
                span = f"{dated.start or ''}..{dated.end or ''}"
                return dated.code, f"{entry.rule_id} @{span}"
    return "", ""


def listed_places(
    hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> Mapping[int, str]:
    """Token -> country for the names the actor dictionaries code as a bare country: a capital,
    a region or a city listed there ("Borno state" -> NGA) says which country it is in."""
    found = hits.place_cache.get(on)
    if found is None:
        found = hits.place_cache[on] = _listed_places(hits, compiled, on)
    return found


def _listed_places(hits: SentenceHits, compiled: CompiledDictionaries, on: date) -> dict[int, str]:
    found: dict[int, str] = {}
    for hit in hits.actors:
        code, _ = actor_code(hit, hits, compiled, on)
        country, role = split_code(code, compiled.role_codes) if code else ("", "")
        if country and not role:
            found.update(dict.fromkeys(range(hit.start, hit.end), country))
    return found


def state_of(actor: ActorMatch) -> str:
    """The country a role word may share with this actor: none for an international
    organization, an NGO or a transnational armed group, whose first block is no state.
    "Amnesty accused the army of ..." is some country's army, not Amnesty's."""
    return "" if actor.country in NON_STATE_ROOTS else actor.country


def owned_by(found: list[ActorMatch], owners: list[ActorMatch]) -> list[ActorMatch]:
    """A phrase whose owner a possessive pronoun names. A role takes the owner's country:
    "its forces" after Russia are RUSMIL. A thing is the owner's: "their convoy" after Kenyan
    troops is KENMIL. An owner of no state (an IGO, an armed group) keeps its own code:
    Hezbollah's fighters are Hezbollah."""
    if not found:
        return owners
    result: dict[str, ActorMatch] = {}
    for owner in owners:
        state = state_of(owner)
        for actor in found:
            if state:
                code, country, role = state + actor.role, state, actor.role
            else:
                code, country, role = owner.code, owner.country, owner.role
            result.setdefault(code, replace(actor, code=code, country=country, role=role))
    return list(result.values())


def split_code(code: str, roles: frozenset[str]) -> tuple[str, str]:
    """(country or IGO root, role blocks): "RUSGOV" -> ("RUS", "GOV"), "COP" -> ("", "COP")."""
    if code[:3] in roles:
        return "", code
    return code[:3], code[3:]


def compose(country_code: str, agents: list[AgentEntry], roles: frozenset[str]) -> str:
    """A country (or any actor) with role words: RUS + GOV -> RUSGOV; a prefix role goes first
    (MSF + ARN + diplomat -> NGOARNGOV). A code that already carries a role keeps it: the
    dictionary said more than a role word can ("Kremlin spokesman" -> RUSGOV)."""
    root, own_role = split_code(country_code, roles)
    if own_role or not root:
        return country_code
    before = _blocks(a.code for a in agents if a.prefix)
    after = _blocks(a.code for a in agents if not a.prefix)
    return before + root + after


def role_blocks(role: str) -> list[str]:
    """A role code's 3-letter blocks in order: "MILGOV" -> ["MIL", "GOV"]."""
    return [role[i : i + 3] for i in range(0, len(role), 3)]


def _blocks(codes) -> str:
    """Role blocks in order, each once: "Foreign Ministry spokesman" is GOV, not GOVGOV. A
    group's leaders and commanders are the group: "rebel leaders" are REB, not REBGOV."""
    seen: list[str] = []
    for code in codes:
        for i in range(0, len(code), 3):
            block = code[i : i + 3]
            if block not in seen:
                seen.append(block)
    if not GROUP_ROLES.isdisjoint(seen):
        seen = [block for block in seen if block not in RANK_ROLES]
    return "".join(seen)


def _match(head: Token, code: str, hits: list[Hit], rules: list[str], roles) -> ActorMatch:
    country, role = split_code(code, roles)
    start = min([h.start for h in hits] + [head.i])
    end = max([h.end for h in hits] + [head.i + 1])
    text = tree_of(head.doc).text_of(start, end)
    rule = "+".join(dict.fromkeys(rules))
    # Positional: a frozen record built by keyword costs twice as much, and this is the
    # busiest constructor of the coder.
    return ActorMatch(text, code, country, role, start, end, rule)


def phrase_actors(
    head: Token, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> list[ActorMatch]:
    """The actors named by the noun phrase headed by `head`: one per country when a role word
    is shared ("lawmakers in Kenya and Uganda" -> KENLEG, UGALEG)."""
    # Looked up in place, with no helper taking a closure: this is the coder's busiest call.
    found = hits.phrase_cache.get((head.i, on))
    if found is None:
        found = hits.phrase_cache[head.i, on] = tuple(_phrase_actors(head, hits, compiled, on))
    return list(found)


def _phrase_actors(
    head: Token, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> list[ActorMatch]:
    roles = compiled.role_codes
    head_agent = _covering(hits.agents, head.i) is not None
    indices = phrase_positions(head, head_agent)
    tree = tree_of(head.doc)
    lower = tree.lower
    former = not FORMER_WORDS.isdisjoint(map(lower.__getitem__, indices))  # no list, no frame
    named = []
    for hit in hits.actors:
        if not indices.isdisjoint(range(hit.start, hit.end)):
            code, rule = actor_code(hit, hits, compiled, on)
            if not code and former:
                code, rule = _former_holder(hit, compiled)
            if code:
                named.append((hit, code, rule))
    if named and tree.lemmas[head.i] in PLACE_NAMED_THINGS:
        named = [n for n in named if not _venue_name(n[0], head, tree)]
    agent_hits = [h for h in hits.agents if not indices.isdisjoint(range(h.start, h.end))]
    if not named and not agent_hits:
        city = city_actor(head)
        return [city] if city is not None else []
    covering = next((n for n in named if n[0].covers(head.i)), None)
    if covering is not None and split_code(covering[1], roles)[1]:
        return [_match(head, covering[1], [covering[0]], [covering[2]], roles)]
    agents = [compiled.agents_by_phrase[h.key][0] for h in agent_hits]
    agent_rules = [a.rule_id for a in agents]
    if not named:
        return [_match(head, _blocks(a.code for a in agents), agent_hits, agent_rules, roles)]
    primary = covering or _nearest(named, head)
    countries = [n for n in named if n == primary or _listed_with(n[0], primary[0], head.doc)]
    if not agents:
        # A place or thing named after a country: "the Ukrainian city of Kharkiv" -> UKR; one
        # per country of a list: "Chinese and Russian bombers" -> CHN, RUS.
        return [_match(head, code, [hit], [rule], roles) for hit, code, rule in countries]
    found: dict[str, ActorMatch] = {}
    for hit, code, rule in countries:
        # A role word composes with a country of its own part of the phrase: "troops of
        # Russia" and "Russian troops" are RUSMIL, but in "Iran's detention of French citizens"
        # the citizens are French, not Iran's: the phrase is Iran's (IRN).
        branch = _branch(hit, head)
        own = [i for i, h in enumerate(agent_hits) if _branch(h, head) in (None, branch)]
        composed = compose(code, [agents[i] for i in own], roles)
        found.setdefault(
            composed,
            _match(head, composed, [hit, *(agent_hits[i] for i in own)],
                   [rule, *(agent_rules[i] for i in own)], roles),
        )
    matches = list(found.values())
    return [_as_former(m) for m in matches] if former else matches


def _covering(hits: tuple[Hit, ...], i: int) -> Hit | None:
    """The hit that holds token `i` (a loop, not a generator: asked of every phrase)."""
    for hit in hits:
        if hit.start <= i < hit.end:
            return hit
    return None


def _former_holder(hit: Hit, compiled: CompiledDictionaries) -> tuple[str, str]:
    """A named holder of an office out of its dates, called former ("former president Rodrigo
    Duterte" in 2025): the country of the office, which ELI then composes with."""
    for entry in compiled.actors_by_phrase.get(hit.key, ()):
        for dated in entry.codes:
            root, _ = split_code(dated.code, compiled.role_codes)
            if root:
                return root, f"{entry.rule_id} @former"
    return "", ""


def _as_former(actor: ActorMatch) -> ActorMatch:
    """A former official is one of the country's elite, CAMEO's ELI ("a former Ukrainian
    minister" -> UKRELI, not UKRGOV)."""
    blocks = role_blocks(actor.role)
    if "GOV" not in blocks:
        return actor
    role = "".join(dict.fromkeys(ELITE_ROLE if b == "GOV" else b for b in blocks))
    return replace(actor, code=actor.country + role, role=role)


def _branch(hit: Hit, head: Token) -> int | None:
    """The prepositional phrase of `head` that the hit sits in (its preposition's index), or
    None when the hit modifies the head directly."""
    token = head.doc[hit.start : hit.end].root
    branch = None
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "prep":
            branch = token.i
        token = token.head
    return branch if token.i == head.i else None


def _nearest(named: list[tuple[Hit, str, str]], head: Token) -> tuple[Hit, str, str]:
    """The named actor that qualifies the head: its possessor first ("Sweden's NATO membership"
    is Sweden's, "Israel's UN envoy" Israel's), then a modifier before it, then the nearest
    after it. In "an Islamic State target southwest of Baghdad" the target is Islamic State's,
    wherever the parser puts the head; "the Iranian embassy in Baghdad" is Iran's."""
    tree = tree_of(head.doc)

    def distance(n: tuple[Hit, str, str]) -> tuple[bool, bool, int]:
        hit = n[0]
        return not _possessor(tree, hit.end - 1, head.i), hit.end > head.i, abs(hit.start - head.i)

    nearest = min(named, key=distance)
    # A name that says more of the same actor wins: in "his Syrian counterpart Asaad
    # al-Shaibani" the minister (SYRGOV), not just Syria.
    fuller = [n for n in named if n[1] != nearest[1] and n[1].startswith(nearest[1])]
    return min(fuller, key=distance) if fuller else nearest


def _venue_name(hit: Hit, head: Token, tree: Tree) -> bool:
    """Is the hit a city's name set before the head as a compound: where the agreement was
    made or the talks held ("the Paris climate agreement", "the Doha talks")?"""
    last = hit.end - 1
    return (
        not hit.covers(head.i) and tree.deps[last] == "compound"
        and bool(_city_country(tree.text_of(hit.start, hit.end))[0])
    )


def _possessor(tree: Tree, i: int, head: int) -> bool:
    """Does token `i` own the phrase of `head`, directly or through the compound the parser hung
    it on ("Ukraine's EU accession bid": "Ukraine" on "accession")?"""
    if tree.deps[i] != "poss":
        return False
    owner = tree.heads[i]
    while owner != head and tree.deps[owner] == "compound" and tree.heads[owner] != owner:
        owner = tree.heads[owner]
    return owner == head


def _listed_with(hit: Hit, other: Hit, doc) -> bool:
    """Are the two phrases members of one list ("of France, Italy and Spain")?"""
    return hit.end - 1 in tree_of(doc).conjuncts(other.end - 1)


# A city stands for its country, as CAMEO codes it ("shelled Kharkiv" -> UKR), when the
# gazetteer knows one city of that name or one far larger than its namesakes.
CITY_REASONS = frozenset({PlaceReason.ONLY_CANDIDATE, PlaceReason.MOST_POPULOUS})
CITY_RULE = "gazetteer:"  # the rule of an actor coded from a city name: "gazetteer:Kharkiv"


@lru_cache(maxsize=4096)
def _city_country(name: str) -> tuple[str, str]:
    place = resolve_place(name)
    if place.reason in CITY_REASONS and place.country:
        return place.country, place.name
    return "", ""


def city_actor(head: Token) -> ActorMatch | None:
    """A place name the dictionaries lack, coded as its country from the offline gazetteer."""
    # The small model often tags a city FAC or LOC; a person or organisation is never a city.
    if head.pos_ != "PROPN" or head.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    ent = entity_at(head.doc, head.i)
    if ent is None:
        return None
    country, name = _city_country(ent.text)
    if not country:
        return None
    return ActorMatch(ent.text, country, country, "", ent.start, ent.end, f"{CITY_RULE}{name}")


def phrase_actor(
    head: Token, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> ActorMatch | None:
    """The first actor the phrase names, or None (for listing the actors of a sentence)."""
    found = phrase_actors(head, hits, compiled, on)
    return found[0] if found else None


def slot_actors(
    head: Token | None, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> list[ActorMatch]:
    """Every actor of the phrase and of the nouns listed with it, in order. A role word listed
    without a country shares its neighbours' ("Danish media and government" -> DNKMED, DNKGOV)."""
    if head is None:
        return []
    found = hits.slot_cache.get((head.i, on))  # looked up in place, as in phrase_actors
    if found is None:
        found = hits.slot_cache[head.i, on] = tuple(_slot_actors(head, hits, compiled, on))
    return list(found)


def _slot_actors(
    head: Token, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> list[ActorMatch]:
    actors = [a for t in coordinated_heads(head) for a in phrase_actors(t, hits, compiled, on)]
    countries = [c for c in dict.fromkeys(map(state_of, actors)) if c]
    found: dict[str, ActorMatch] = {}
    for actor in actors:
        if actor.country or not countries:
            found.setdefault(actor.code, actor)
            continue
        for country in countries:
            code = country + actor.role
            found.setdefault(code, replace(actor, code=code, country=country))
    kept = list(found.values())
    return [a for a in kept if not any(_named_inside(a, other) for other in kept)]


def _named_inside(actor: ActorMatch, other: ActorMatch) -> bool:
    """Is `actor` a bare country named inside `other`'s phrase, a role of the same country? A
    listed modifier is then no actor of its own: "Thai and Cambodian troops" are THAMIL and
    KHMMIL, not THA as well."""
    return (
        not actor.role and bool(other.role) and other.country == actor.country
        and other.start <= actor.start and actor.end <= other.end
    )


def nested_actors(
    head: Token | None, hits: SentenceHits, compiled: CompiledDictionaries, on: date
) -> list[ActorMatch]:
    """The first actors found inside the phrase's prepositional phrases, nearest first: "the
    closure of schools in Gaza" -> PSE. Clauses inside the phrase are not searched, but a
    clause with a subject of its own says whom the phrase is about: "fears that Iran could join
    the war against X" are about Iran. Machines of no country are passed over (MACHINES), and
    so is who used force on a thing of the phrase (_forced_on)."""
    if head is None:
        return []
    doc = head.doc
    tree = tree_of(doc)
    # Searched from an event, force on a thing inside it may be the event itself: "condemned
    # the seizure of a ship hijacked by Houthi rebels" is aimed at the Houthis.
    of_event = tree.lemmas[head.i] in compiled.nouns_by_lemma
    queue = [head.i]
    while queue:
        token = queue.pop(0)
        for child in tree.children[token]:
            dep = tree.deps[child]
            if dep in CLAUSE_DEPS or (
                dep == "agent" and not of_event and _forced_on(tree, token, compiled)
            ):
                continue
            subject = _own_clause_subject(tree, child) if dep == "acl" else None
            if subject is not None:
                found = slot_actors(doc[subject], hits, compiled, on)
                if found:
                    return found
                continue
            if dep in ("pobj", "dobj") and tree.pos[child] in NOUN_TAGS:
                found = [
                    a for a in slot_actors(doc[child], hits, compiled, on) if not bare_machine(a)
                ]
                if found and region_as_place(doc[child], found):
                    continue  # where, not whom; the region's own words name no one else
                if found:
                    return found
            queue.append(child)
    return []


def _forced_on(tree: Tree, participle: int, compiled: CompiledDictionaries) -> bool:
    """Does the participle tell of force used on the thing it describes, by someone else? Then
    its "by" phrase names who used it, not whose the thing is: "the crew of a tanker attacked
    by Houthi rebels" are no Houthis. A deed keeps its doer ("war crimes committed by Russia",
    "attacks carried out by Hamas"): the participle is no act of force by itself, only with
    certain objects ("commit massacre"), or the noun is an event of its own."""
    patterns = compiled.verbs_by_lemma.get(tree.lemmas[participle])
    return (
        tree.deps[participle] == "acl"
        and patterns is not None
        and any(patterns.patterns[i].code[:2] in FORCE_ROOTS for i in patterns.unanchored)
        and tree.lemmas[tree.heads[participle]] not in compiled.nouns_by_lemma
    )


def found_in(actor: ActorMatch, doc) -> bool:
    """Was the actor found in this Doc? One resolved from an earlier sentence of the article
    carries offsets into that sentence's Doc."""
    return actor.start < len(doc) and doc[actor.start].text in actor.text


def region_as_place(head: Token | None, actors: list[ActorMatch]) -> bool:
    """Are the actors only regions (no role: "Middle Eastern leaders" are actors) named as the
    object of a preposition that places ("in", "off", "over", ...)?"""
    if not actors or head is None:
        return False
    tree = tree_of(head.doc)  # asked of every phrase searched for actors: no Token attributes
    if tree.deps[head.i] != "pobj":
        return False
    return tree.lower[tree.heads[head.i]] in PLACING_PREPS and all(
        not a.role and a.country in REGION_CODES for a in actors
    )


def bare_machine(actor: ActorMatch) -> bool:
    """A machine of war of no named country ("tanks", "fighter jets"): see MACHINES."""
    return not actor.country and actor.text.lower().rpartition(" ")[2] in MACHINES


def _own_clause_subject(tree: Tree, clause: int) -> int | None:
    return next((c for c in tree.children[clause] if tree.deps[c] in ("nsubj", "nsubjpass")), None)
