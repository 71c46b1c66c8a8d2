"""Pronouns and descriptions ("he", "they", "the two sides") resolved to earlier actors.

Only unambiguous cases resolve; no actor is better than a wrong one:
- a pronoun inside a reported clause takes the subject of the clause that reports it ("Russia
  said it would ...");
- otherwise a pronoun takes the subjects of the most recent earlier sentence that had a subject
  of the right kind: "he"/"she" a person (a named leader, a minister), "it" a single country or
  organisation, "they" a compound subject or a plural group ("Russian troops"), else a body of
  people named in the singular ("the army", "police"); two different candidates of that kind in
  that sentence are ambiguous;
- a possessive pronoun of a subject says whose the subject is, by the same rules: "Russia said
  its forces shelled Kharkiv" (RUSMIL); on what a reported act was done to, "its" is the
  speaker's only when the doer cannot be "it" (coding/participants.py): "Taiwan said Chinese
  warplanes entered its air defence zone";
- "the two sides", "both countries" take the last pair of actors an event linked, as the
  description names them: "both countries" their countries, "both governments" or "the two
  leaders" their governments;
- "the neighbouring state", "the other side" take the member of that pair the sentence does not
  name, when it names exactly one of them;
- a definite noun for an act takes whoever did the last such act in the sentence before or the
  one before that: "the allegation", "the charge" the last accuser (CAMEO 112), "the attack",
  "the strike" the last to use force (roots 18-20), "the raid", "the shelling" the last to do
  what the noun names ("Israeli forces raided the camp. Palestinian officials condemned the
  raid" is a condemnation of ISRMIL).
Every resolution says which earlier mention it came from (sentence and words) for the trace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from coding.actors import state_of
from coding.records import ActorMatch, Outcome, TraceStep

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
# A possessive resolves as its subject form does: "its forces" are of whatever "it" would be.
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# The rule of a pronoun resolved to the subject of the clause that reports it: the speaker.
SPEAKER_RULE = "pronoun-clause"
PAIR_HEADS = frozenset({"sides", "countries", "nations", "governments", "parties", "neighbours",
                        "neighbors", "states", "leaders", "capitals"})
PAIR_DETERMINERS = frozenset({"two", "both"})
COUNTRY_HEADS = frozenset({"countries", "nations", "states", "neighbours", "neighbors", "capitals"})
GOVERNMENT_HEADS = frozenset({"governments", "leaders"})
GOVERNMENT_ROLE = "GOV"
OTHER_HEADS = frozenset({"state", "country", "nation", "side", "neighbour", "neighbor",
                         "government"})
OTHER_MODIFIERS = frozenset({"neighbouring", "neighboring", "other", "rival"})
# Last words of an actor's text that name one person ("Russian Foreign Minister Sergei Lavrov"
# ends in a name, which the leaders dictionary marks; "the Iranian president" ends here).
PERSON_WORDS = frozenset({"president", "minister", "premier", "chancellor", "king", "queen",
                          "leader", "spokesman", "spokeswoman", "envoy", "ambassador",
                          "secretary", "emir", "sultan", "commander", "general", "governor",
                          "mayor", "prince"})
PERSON_RULE_FILES = ("actors/leaders.txt",)
RECENT_SENTENCES = 3  # a pronoun further than this from its antecedent is not resolved
# Nouns that, definite, stand for the last act of a kind: an accusation, or force used.
CLAIM_NOUNS = frozenset({"allegation", "accusation", "charge", "claim"})
ACCUSATION_CODE = "112"
ATTACK_NOUNS = frozenset({"attack", "assault", "strike", "airstrike", "offensive", "incursion"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Acts one side does to another, from protest to mass violence, that "the raid" or "the
# sanctions" can name by their verb; not meetings or talks, which belong to two sides.
ONE_SIDED_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
RECENT_ACT = 2  # "the attack" further than this from the act is not resolved


@dataclass(frozen=True, slots=True)
class Act:
    """An event an earlier sentence coded, as a later definite noun may name it."""

    sentence_index: int
    verb_lemma: str
    code: str
    source: ActorMatch

    @property
    def verb_nouns(self) -> frozenset[str]:
        """Nouns that name this act by its verb, for acts one side does to another: "the raid",
        "the shelling". Not a claim noun: "the charges" a court brought are no accusation."""
        if self.code[:2] not in ONE_SIDED_ROOTS:
            return frozenset()
        return frozenset({self.verb_lemma, self.verb_lemma + "ing"}) - CLAIM_NOUNS

    @property
    def kind_nouns(self) -> frozenset[str]:
        """General nouns for acts of this kind: "the charge" an accusation, "the attack" any
        use of force."""
        if self.code.startswith(ACCUSATION_CODE):
            return CLAIM_NOUNS
        return ATTACK_NOUNS if self.code[:2] in FORCE_ROOTS else frozenset()


ActorLookup = Callable[[Token], list[ActorMatch]]


def is_pair_description(head: Token) -> bool:
    """ "the two sides", "both countries" """
    return head.lower_ in PAIR_HEADS and any(
        c.lower_ in PAIR_DETERMINERS for c in head.children
    )


def is_other_description(head: Token) -> bool:
    """ "the neighbouring state", "the other side", "its neighbour" """
    if head.lower_ not in OTHER_HEADS:
        return False
    return head.lower_ in ("neighbour", "neighbor") or any(
        c.lower_ in OTHER_MODIFIERS for c in head.children
    )


def is_person(actor: ActorMatch) -> bool:
    last = actor.text.split()[-1].lower() if actor.text else ""
    return any(actor.rule.startswith(f) or f"+{f}" in actor.rule for f in PERSON_RULE_FILES) or (
        last in PERSON_WORDS
    )


def is_plural(actor: ActorMatch) -> bool:
    """A group named by a plural role word ("Russian troops", "protesters"); a country whose
    name ends in s ("United States") has no role and is singular."""
    last = actor.text.split()[-1].lower() if actor.text else ""
    return bool(actor.role) and last.endswith("s") and not is_person(actor)


def is_group_name(actor: ActorMatch) -> bool:
    """A group's own name ending in s, which English takes as either number: "Hamas said it",
    "the Houthis said they". A plural role word is in lower case ("troops")."""
    last = actor.text.split()[-1] if actor.text else ""
    return is_plural(actor) and last[:1].isupper()


def is_collective(actor: ActorMatch) -> bool:
    """A body of people named in the singular ("police", "the army", "the Taliban", Hezbollah),
    which English also calls "they". A country has no role: "Ukraine said they" stays open."""
    return bool(actor.role) and not is_plural(actor) and not is_person(actor)


@dataclass(frozen=True, slots=True)
class Mention:
    sentence_index: int
    actor: ActorMatch


@dataclass
class ArticleMemory:
    """What earlier sentences of the same article said; one per article, never shared."""

    subjects: list[list[Mention]] = field(default_factory=list)  # per sentence, oldest first
    last_pair: tuple[ActorMatch, ActorMatch] | None = None
    pair_sentence: int = -1
    resolved_subjects: list[ActorMatch] = field(default_factory=list)  # this sentence's, so far
    last_sentence: int = -1
    acts: list[Act] = field(default_factory=list)  # the recent sentences' events, oldest first
    act_nouns: frozenset[str] = frozenset()  # the nouns that may name one of them

    def remember(self, sentence_index: int, subjects: list[ActorMatch],
                 pairs: list[tuple[ActorMatch, ActorMatch]]) -> None:
        """Called once per sentence after coding it: its subjects (named, resolved, or the
        sources of its events) become antecedents for the sentences that follow."""
        # An event's source is a subject even when the parse hangs it on a conjunct ("Russia
        # and China condemned ...": only "Russia" is nsubj).
        named = _distinct(subjects + [s for s, _ in pairs] + self.resolved_subjects)
        self.resolved_subjects = []
        self.last_sentence = sentence_index
        if named:
            self.subjects.append([Mention(sentence_index, a) for a in named])
        if pairs:
            self.last_pair = pairs[-1]
            self.pair_sentence = sentence_index

    def remember_acts(self, sentence_index: int, acts: list[Act]) -> None:
        """Called after remember() for a sentence that coded events, which "the attack" may
        name in the next two sentences."""
        recent = [a for a in self.acts if sentence_index - a.sentence_index < RECENT_ACT]
        self.acts = recent + acts
        self.act_nouns = frozenset().union(*(a.verb_nouns | a.kind_nouns for a in self.acts))

    def resolve(
        self, head: Token, lookup: ActorLookup
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        found, step = self._resolve(head, lookup)
        if found and head.dep_ in ("nsubj", "nsubjpass"):
            self.resolved_subjects.extend(a for a in found if a not in self.resolved_subjects)
        return found, step

    def _resolve(
        self, head: Token, lookup: ActorLookup
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        if is_pair_description(head) and self.last_pair is not None:
            pair = [_as_described(actor, head.lower_) for actor in self.last_pair]
            detail = (
                f"{head.text!r} -> {pair[0].code} and {pair[1].code} (sentence "
                f"{self.pair_sentence}: {pair[0].text!r} and {pair[1].text!r}, last linked pair)"
            )
            return pair, TraceStep("coref", "pair-description", Outcome.RESOLVED, detail)
        if is_other_description(head):
            return self._other_of_pair(head, lookup)
        noun = head.lemma_.lower()
        if noun in self.act_nouns and head.pos_ == "NOUN" and _definite(head):
            found, step = self._doer(noun)
            if found:
                return found, step
        if head.lower_ not in PRONOUNS:
            return [], None
        return self._pronoun(head, head, head.lower_, lookup)

    def resolve_owner(
        self, head: Token, lookup: ActorLookup
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        """Whose the phrase is when a possessive pronoun says so: in "Russia said its forces
        shelled Kharkiv", "its" is Russia, by the same rules as "it" in that place."""
        pronoun = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS),
            None,
        )
        if pronoun is None:
            return [], None
        return self._pronoun(pronoun, head, POSSESSIVE_PRONOUNS[pronoun.lower_], lookup)

    def _pronoun(
        self, pronoun: Token, phrase: Token, word: str, lookup: ActorLookup
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        """`word` is the pronoun's subject form; `phrase` the phrase its verb governs (the
        pronoun itself, or the phrase it is the possessive of)."""
        speaker = _governing_subject(phrase)
        speakers = lookup(speaker) if speaker is not None else []
        governing = [a for a in speakers if _agrees(word, [a])]
        if len(governing) == 1 and speaker is not None:
            # "The army said its troops ...", after "Israeli forces raided ...": the speaker
            # is who an earlier sentence named, as a definite role word anywhere would be.
            governing = self.described(speaker, governing, list)[0] or governing
            detail = f"{pronoun.text!r} -> {governing[0].code} (subject of the reporting clause)"
            return governing, TraceStep("coref", SPEAKER_RULE, Outcome.RESOLVED, detail)
        earlier, step = self._previous_subject(pronoun, word)
        if word in PLURAL_PRONOUNS and len(speakers) == 1 and is_collective(speakers[0]):
            # "Police said they had arrested ...": a body speaks of itself as "they". After
            # "Rebels attacked the town", "they" could be either: no actor then.
            if earlier:
                return [], None
            detail = (f"{pronoun.text!r} -> {speakers[0].code} (subject of the reporting clause, "
                      "a body of people)")
            return speakers, TraceStep("coref", SPEAKER_RULE, Outcome.RESOLVED, detail)
        return earlier, step

    def _previous_subject(
        self, pronoun: Token, word: str
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        """The subjects of the most recent sentence with a subject of the pronoun's kind."""
        current = self.last_sentence + 1  # remember() runs after every sentence
        for mentions in reversed(self.subjects):
            if current - mentions[0].sentence_index > RECENT_SENTENCES:
                break
            actors = _distinct([m.actor for m in mentions])
            if word in PLURAL_PRONOUNS:
                if len(actors) >= 2:
                    chosen = actors
                else:  # a plural group, else a body of people ("The army ... They")
                    chosen = ([a for a in actors if is_plural(a)]
                              or [a for a in actors if is_collective(a)])
            else:
                chosen = [a for a in actors if _agrees(word, [a])]
                if len(chosen) > 1:
                    return [], None  # two candidates of the same kind: ambiguous
            if not chosen:
                continue
            where = f"sentence {mentions[0].sentence_index}"
            words = " and ".join(repr(a.text) for a in chosen)
            codes = " and ".join(a.code for a in chosen)
            detail = f"{pronoun.text!r} -> {codes} ({where}: {words})"
            return chosen, TraceStep("coref", "pronoun-previous", Outcome.RESOLVED, detail)
        return [], None

    def described(
        self, head: Token, found: list[ActorMatch], earlier: Callable[[], list[ActorMatch]]
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        """ "the militant group" after "Islamic State": a definite role word with no country
        takes the one actor of that role named before it in the sentence (`earlier()`, asked
        only of such a word: it reads every name before it), else among the subjects of the
        most recent sentences. Two candidates are ambiguous."""
        if len(found) != 1 or not found[0].role or found[0].country or not _definite(head):
            return [], None
        role = found[0].role
        current = self.last_sentence + 1
        scopes = [("this sentence", earlier())] + [
            (f"sentence {m[0].sentence_index}", [x.actor for x in m])
            for m in reversed(self.subjects)
            if current - m[0].sentence_index <= RECENT_SENTENCES
        ]
        for where, actors in scopes:
            matching = _distinct([a for a in actors if a.country and _has_role(a, role)])
            if len(matching) > 1:
                return [], None
            if matching:
                actor = matching[0]
                detail = f"'the {found[0].text}' -> {actor.code} ({where}: {actor.text!r})"
                return matching, TraceStep("coref", "definite-role", Outcome.RESOLVED, detail)
        return [], None

    def _doer(self, noun: str) -> tuple[list[ActorMatch], TraceStep | None]:
        current = self.last_sentence + 1  # remember() runs after every sentence
        recent = [a for a in reversed(self.acts) if current - a.sentence_index <= RECENT_ACT]
        # The act the noun names by its verb first: after "militants attacked a base. Soldiers
        # fought the militants.", "the attack" is the militants'.
        act = next((a for a in recent if noun in a.verb_nouns), None) or next(
            (a for a in recent if noun in a.kind_nouns), None
        )
        if act is None:
            return [], None
        detail = (f"the {noun} -> {act.source.code} (sentence {act.sentence_index}: "
                  f"{act.source.text!r}, {act.code})")
        return [act.source], TraceStep("coref", "act-description", Outcome.RESOLVED, detail)

    def _other_of_pair(
        self, head: Token, lookup: ActorLookup
    ) -> tuple[list[ActorMatch], TraceStep | None]:
        if self.last_pair is None:
            return [], None
        named = {
            a.code
            for t in head.sent
            if t.pos_ in ("NOUN", "PROPN") and t.i != head.i
            for a in lookup(t)
        }
        others = [a for a in self.last_pair if a.code not in named]
        if len(others) != 1:
            return [], None
        other = others[0]
        detail = (
            f"{head.text!r} -> {other.code} (sentence {self.pair_sentence}: {other.text!r}, the "
            "member of the last linked pair this sentence does not name)"
        )
        return [other], TraceStep("coref", "other-of-pair", Outcome.RESOLVED, detail)


def _as_described(actor: ActorMatch, head: str) -> ActorMatch:
    """A member of the last pair as the description names it: "both countries" are the
    countries of the two actors, "both governments" their governments, whoever of them the
    event named (Somalia and "12 Kenyan fishermen" -> SOMGOV and KENGOV). "The two sides"
    are the actors themselves."""
    country = state_of(actor)
    if not country:
        return actor
    if head in COUNTRY_HEADS:
        return replace(actor, code=country, country=country, role="")
    if head in GOVERNMENT_HEADS:
        return replace(actor, code=country + GOVERNMENT_ROLE, country=country, role=GOVERNMENT_ROLE)
    return actor


def _distinct(actors: list[ActorMatch]) -> list[ActorMatch]:
    """The first actor of each code, in order."""
    first: dict[str, ActorMatch] = {}
    for actor in actors:
        first.setdefault(actor.code, actor)
    return list(first.values())


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _has_role(actor: ActorMatch, role: str) -> bool:
    """The actor's main role, its last block, is this role: IMGMOSREB (Islamic State) is REB."""
    return actor.role[-3:] == role[-3:]


def _agrees(word: str, actors: list[ActorMatch]) -> bool:
    """Number and person: "he" a person, "it" one non-person, "they" several or a group."""
    if word in PLURAL_PRONOUNS:
        return len(actors) > 1 or all(is_plural(a) for a in actors)
    if len(actors) != 1:
        return False
    if word in PERSON_PRONOUNS:
        return is_person(actors[0])
    return not is_person(actors[0]) and (not is_plural(actors[0]) or is_group_name(actors[0]))


def _governing_subject(phrase: Token) -> Token | None:
    """The subject of the verb whose clause contains the verb of `phrase`, unless a pronoun."""
    verb = phrase.head
    if verb.dep_ in ("prep", "agent", "dative"):  # "fired at its positions": the verb's phrase
        verb = verb.head
    while verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head != verb:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return subject
    return None
