"""Dictionary entries: the one in-memory form of every dictionary, bundled or imported.

The bundled readers (coding/dictionaries.py) and the PETRARCH importers
(coding/importers/petrarch.py) both produce these types, so the matcher never knows where an
entry came from. Every entry carries `rule_id` ("file:line"), which events cite as matched_rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # "0311"
    name: str
    goldstein: float
    quad_class: int  # GDELT: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        return self.code[:3]


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code valid from `start` to `end`, both inclusive; None means open."""

    code: str
    start: date | None = None
    end: date | None = None

    def applies_on(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor: surface phrases (matched case-insensitively on token text) and its codes.

    The first code in `codes` whose date range contains the event date wins, as in PETRARCH.
    """

    rule_id: str
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role word ("minister", "troops") that composes with a country: RUS + GOV -> RUSGOV.

    `code` is the role blocks ("GOV", "MILREB"); an agent with no country is coded by its role.
    """

    rule_id: str
    phrases: tuple[str, ...]
    code: str
    prefix: bool = False  # the role goes before the country: MSF + ARN -> NGOARN


class SlotKind(StrEnum):
    OBJECT = "object"  # the verb's direct object (or the passive subject)
    PREP = "prep"  # a prepositional phrase on the verb or its object: `word` is the preposition
    XCOMP = "xcomp"  # an open complement verb ("threatened to ATTACK"): `word` is its lemma
    SUBJECT = "subject"  # words required in the subject phrase (PETRARCH's words before `*`)
    # PETRARCH's `+`, `$` or `^` after words or a (...) already read: the next phrase after the
    # verb that no other slot names ("celebrated Iftar (in ^) with the leaders of Egypt +").
    FOLLOWING = "following"


@dataclass(frozen=True, slots=True)
class Slot:
    """One constraint of a verb pattern.

    `words`: each item is a set of alternative lemmas; every item must be found among the lemmas
    of the slot's phrase. `sequences`: runs of such items that must also stand in the phrase
    in order, the last two side by side (PETRARCH's {MOD HEAD}). `is_target`: the actor in this slot
    is the event's target.
    `is_skipped` (PETRARCH's `^`): the phrase is named only to be passed over; its actor is
    neither target nor place.
    """

    kind: SlotKind
    word: str = ""
    words: tuple[frozenset[str], ...] = ()
    is_target: bool = False
    is_source: bool = False
    is_skipped: bool = False
    sequences: tuple[tuple[frozenset[str], ...], ...] = ()


@dataclass(frozen=True, slots=True)
class VerbPattern:
    rule_id: str
    code: str  # CAMEO event code, or "---" for an explicit non-event
    lemma: str  # the verb's lemma ("attack"), or the event noun's lemma when is_noun
    particle: str = ""  # "out" in "pull out"
    is_noun: bool = False
    slots: tuple[Slot, ...] = ()
    # The event in the other direction, target -> source, that the same words also report:
    # "X arrived in Y" is X travels to Y (042) and Y hosts X (043). PETRARCH writes [042:043].
    reverse_code: str = ""
    # PETRARCH's "%": the subject must be a list of actors, and the event is between them, each
    # to each ("Serbia and Kosovo downplayed their meeting"), whatever else is named.
    among_subjects: bool = False

    @property
    def anchors(self) -> tuple[frozenset[str], ...]:
        """Words that must occur somewhere under the predicate for the pattern to have any
        chance: a cheap test that spares trying each slot. Subject words (the subject may be
        inherited from another verb) and prefix stems are left out."""
        found: list[frozenset[str]] = [frozenset({self.particle})] if self.particle else []
        for slot in self.slots:
            if slot.kind is SlotKind.SUBJECT:
                continue
            if slot.kind is SlotKind.PREP:
                found.append(frozenset({slot.word}))
            elif slot.kind is SlotKind.XCOMP:
                found.append(frozenset(w.partition("_")[0] for w in slot.word.split("|")))
            found.extend(w for w in slot.words if not any(a.endswith("*") for a in w))
        return tuple(found)

    @property
    def specificity(self) -> tuple[int, int, int]:
        """More constraints win over fewer: first the number of words the pattern needs, then
        the number of phrases. "strike +" (190, needs an object: "missiles struck Kyiv") comes
        before the bare "strike" (143, "dockworkers struck"). Then content words over
        prepositions: "demand @withdraw +" (1056) before "demand from +" (100), whose "from"
        may belong to the withdrawal ("withdraw its ship from the shoal")."""
        prepositions = sum(1 for s in self.slots if s.kind is SlotKind.PREP and s.word)
        words = (1 if self.particle else 0) + sum(
            len(s.words) + (1 if s.word else 0) for s in self.slots
        )
        return words, len(self.slots) + self.among_subjects, words - prepositions


class DiscardScope(StrEnum):
    SENTENCE = "sentence"  # drop this sentence
    STORY = "story"  # drop the whole article


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    rule_id: str
    phrase: str
    scope: DiscardScope


@dataclass(frozen=True, slots=True)
class Transformation:
    """Reported-speech rewrite: an outer verb of `outer_family` whose complement holds an event
    of `inner_family` becomes `result_code` between the named roles (PETRARCH '~ a (b . X) SAY')."""

    rule_id: str
    outer_family: str  # e.g. "SAY" or a CAMEO root such as "01"
    inner_family: str  # e.g. "ATTACK" or "19"
    result_source: str  # "outer_source" | "inner_source"
    result_target: str  # "inner_source" | "inner_target" | "outer_source"
    result_code: str  # CAMEO code, or "inner" to keep the inner event's code


@dataclass(frozen=True, slots=True)
class NegatedCode:
    """What a verb of `code` negated by "not" codes, from a PETRARCH coding ontology: "did not
    criticize" (110) is 050 where the ontology writes 110 as the negation of 050."""

    rule_id: str  # the ontology line of `negated_code`
    code: str
    negated_code: str


class Severity(StrEnum):
    WARNING = "warning"  # tolerated: the entry was read with an unambiguous repair
    ERROR = "error"  # the line was skipped


@dataclass(frozen=True, slots=True)
class DictionaryProblem:
    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Dictionaries:
    """Everything the coder knows, as one immutable value passed to every stage."""

    codes: dict[str, CameoCode]
    actors: tuple[ActorEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    verbs: tuple[VerbPattern, ...] = ()
    discards: tuple[DiscardEntry, ...] = ()
    transformations: tuple[Transformation, ...] = ()
    negations: tuple[NegatedCode, ...] = ()  # from a PETRARCH ontology; none in the bundled set
    problems: tuple[DictionaryProblem, ...] = field(default=())
    version: str = ""  # content hash of every file read
