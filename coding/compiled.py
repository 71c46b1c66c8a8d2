"""The one place where dictionaries become matchers.

Actor and agent phrases go into a spaCy PhraseMatcher (case-insensitive, on token text); verb
patterns are indexed by lemma, best first. The result is one immutable value built once per
process and passed to every stage; nothing here is module-level state.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import MappingProxyType

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from coding.entries import (
    ActorEntry,
    AgentEntry,
    Dictionaries,
    DiscardEntry,
    NegatedCode,
    VerbPattern,
)

ACTOR_LABEL = "ACTOR"
AGENT_LABEL = "AGENT"
DISCARD_LABEL = "DISCARD"
_MATCHES = "cameoflow_matches"  # Doc.user_data key of CompiledDictionaries.doc_matches
Match = tuple[int, int, int]  # a matcher's (label id, start, end), offsets in the Doc


def phrase_key(words: list[str] | tuple[str, ...]) -> str:
    """How a phrase is looked up: lower-case tokens joined by single spaces."""
    return " ".join(w.lower() for w in words)


@dataclass(frozen=True, slots=True)
class Anchors:
    """A pattern's anchors (VerbPattern.anchors), split into single words (one subset test)
    and sets of alternatives."""

    required: frozenset[str]  # every one of these words
    alternatives: tuple[frozenset[str], ...]  # one word of each set

    @classmethod
    def of(cls, pattern: VerbPattern) -> Anchors:
        single = [a for a in pattern.anchors if len(a) == 1]
        return cls(
            frozenset().union(*single), tuple(a for a in pattern.anchors if len(a) > 1)
        )

    def possible(self, present: AbstractSet[str]) -> bool:
        if not self.required <= present:
            return False
        for alternatives in self.alternatives:
            if alternatives.isdisjoint(present):
                return False
        return True

    def keys(self, frequency: Counter[str]) -> frozenset[str]:
        """Words of which one must occur for the pattern to be possible: its rarest required
        word (by `frequency`), else its smallest set of alternatives; none when it has no
        anchor."""
        if self.required:
            return frozenset((min(self.required, key=lambda w: (frequency[w], w)),))
        return min(self.alternatives, key=len, default=frozenset())


@dataclass(frozen=True, slots=True)
class PredicatePatterns:
    """One verb's (or event noun's) patterns, most specific first, with an index that finds the
    few worth trying: a common verb has hundreds of patterns, and each needs words that most
    sentences lack. Every pattern is listed under its keys (Anchors.keys: its rarest required
    word among this verb's patterns, else each word of one set of alternatives), so only those
    with a key under the predicate, plus the patterns with no anchor, are tested at all."""

    patterns: tuple[VerbPattern, ...]
    anchors: tuple[Anchors, ...]
    unanchored: tuple[int, ...]  # positions of patterns with no anchor word
    by_word: Mapping[str, tuple[int, ...]]  # key word -> positions of patterns keyed on it
    keys: frozenset[str]  # the words of by_word, for a set intersection with no Python loop

    @classmethod
    def of(cls, patterns: tuple[VerbPattern, ...]) -> PredicatePatterns:
        anchors = tuple(Anchors.of(p) for p in patterns)
        frequency = Counter(word for a in anchors for word in a.required)
        unanchored: list[int] = []
        by_word: dict[str, list[int]] = defaultdict(list)
        for position, anchor in enumerate(anchors):
            keys = anchor.keys(frequency)
            for word in keys:
                by_word[word].append(position)
            if not keys:
                unanchored.append(position)
        return cls(
            patterns, anchors, tuple(unanchored),
            MappingProxyType({w: tuple(p) for w, p in by_word.items()}), frozenset(by_word),
        )

    def candidates(self, present: AbstractSet[str]) -> Iterator[VerbPattern]:
        """The patterns whose anchor words all occur in `present`, in order of specificity."""
        positions = set(self.unanchored)  # a set: a pattern keyed on alternatives may come twice
        for word in present & self.keys:
            positions.update(self.by_word[word])
        anchors = self.anchors
        for position in sorted(positions):
            anchor = anchors[position]
            # Its required words tested here first: most positions lack one, and the set test
            # costs less than the method call that repeats it.
            if anchor.required <= present and anchor.possible(present):
                yield self.patterns[position]


@dataclass(frozen=True)
class CompiledDictionaries:
    dictionaries: Dictionaries
    matcher: PhraseMatcher  # case-insensitive
    acronym_matcher: PhraseMatcher  # exact case, for acronyms that are also words: US, WHO, IS
    actors_by_phrase: Mapping[str, tuple[ActorEntry, ...]]
    agents_by_phrase: Mapping[str, tuple[AgentEntry, ...]]
    discards_by_phrase: Mapping[str, tuple[DiscardEntry, ...]]
    verbs_by_lemma: Mapping[str, PredicatePatterns]
    nouns_by_lemma: Mapping[str, PredicatePatterns]
    role_codes: frozenset[str]  # 3-letter blocks that are roles, never a country
    negated_codes: Mapping[str, NegatedCode]  # code -> what it codes under "not" (ontology)
    # Names written capitalized in the dictionary ("Islamic State"): a lower-case word in the
    # text does not match them ("a strict Islamic state").
    proper_keys: frozenset[str]

    @property
    def version(self) -> str:
        return self.dictionaries.version

    def doc_matches(self, doc: Doc) -> tuple[list[Match], list[Match]]:
        """Each matcher's matches over the whole Doc (case-insensitive, then exact-case), run
        once per Doc: the story's discard phrases and every sentence's actors are read from
        them, and a matcher call costs as much again for a sentence as for its paragraph. Kept
        in doc.user_data with the dictionaries that made them, so that a Doc coded again with
        other dictionaries is matched again."""
        known = doc.user_data.get(_MATCHES)
        if known is None or known[0] is not self:
            known = doc.user_data[_MATCHES] = (self, self.matcher(doc), self.acronym_matcher(doc))
        return known[1], known[2]

    def matches(self, sent: Span) -> list[Match]:
        """(label id, start, end) of every dictionary phrase inside the sentence, both matchers:
        the same as matching the sentence alone, since a phrase matches within its tokens."""
        start, end = sent.start, sent.end
        return [m for found in self.doc_matches(sent.doc) for m in found
                if start <= m[1] and m[2] <= end]


# Role blocks of the CAMEO actor codebook; agent dictionaries may add more.
CAMEO_ROLES = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LEG ELI LAB HLH REF AGR DEV ENV HRI "
    "INS SEP UAF MOD RAD RES".split()
)


def is_acronym(phrase: Doc) -> bool:
    """A single upper-case word of 2-5 letters ("US", "WHO") matches only in upper case, so
    that "us" and "who" stay words."""
    return len(phrase) == 1 and phrase[0].is_alpha and phrase[0].is_upper and len(phrase[0]) <= 5


def is_proper_name(phrase: Doc) -> bool:
    """Every word capitalized ("Islamic State", "White House"), at least two of them."""
    words = [t for t in phrase if t.is_alpha]
    return len(words) > 1 and all(t.text[0].isupper() for t in words)


def _index_phrases(nlp: Language, entries, phrases_of) -> tuple[dict[str, tuple], dict[str, Doc]]:
    """Map each phrase's lookup key to its entries in dictionary order (first wins), and each
    key to the tokenized phrase the matcher needs (tokenized as written: case matters to the
    tokenizer's exceptions, e.g. "U.S."). A phrase with periods is also tokenized in capitals,
    as abbreviations are written in text: PETRARCH files come to us lower-cased, and "k.u."
    splits where "K.U." does not."""
    texts = sorted({p for e in entries for p in phrases_of(e)})
    keys_of: dict[str, list[str]] = {}
    docs: dict[str, Doc] = {}
    for text in texts:
        keys_of[text] = []
        for variant in dict.fromkeys((text, text.upper()) if "." in text else (text,)):
            doc = nlp.make_doc(variant)
            key = phrase_key([t.text for t in doc])
            if key not in keys_of[text]:
                keys_of[text].append(key)
            docs.setdefault(key, doc)
    index: dict[str, list] = defaultdict(list)
    for entry in entries:
        for phrase in phrases_of(entry):
            for key in keys_of[phrase]:
                bucket = index[key]
                if entry not in bucket:
                    bucket.append(entry)
    return {k: tuple(v) for k, v in index.items() if k}, {k: d for k, d in docs.items() if k}


def _index_patterns(
    patterns: tuple[VerbPattern, ...], nouns: bool
) -> dict[str, PredicatePatterns]:
    """Patterns per lemma, most specific first; ties keep dictionary order (sorted is stable)."""
    index: dict[str, list[VerbPattern]] = defaultdict(list)
    for pattern in patterns:
        if pattern.is_noun == nouns:
            index[pattern.lemma].append(pattern)
    by_specificity = {k: sorted(v, key=lambda p: p.specificity, reverse=True)
                      for k, v in index.items()}
    return {k: PredicatePatterns.of(tuple(v)) for k, v in by_specificity.items()}


def compile_dictionaries(nlp: Language, dictionaries: Dictionaries) -> CompiledDictionaries:
    actors, actor_docs = _index_phrases(nlp, dictionaries.actors, lambda e: e.phrases)
    agents, agent_docs = _index_phrases(nlp, dictionaries.agents, lambda e: e.phrases)
    discards, discard_docs = _index_phrases(nlp, dictionaries.discards, lambda e: (e.phrase,))
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, docs in (
        (ACTOR_LABEL, actor_docs),
        (AGENT_LABEL, agent_docs),
        (DISCARD_LABEL, discard_docs),
    ):
        plain = [d for d in docs.values() if not is_acronym(d)]
        acronyms = [d for d in docs.values() if is_acronym(d)]
        if plain:
            matcher.add(label, plain)
        if acronyms:
            acronym_matcher.add(label, acronyms)
    role_codes = CAMEO_ROLES | frozenset(
        agent.code[i : i + 3] for agent in dictionaries.agents for i in range(0, len(agent.code), 3)
    )
    return CompiledDictionaries(
        dictionaries=dictionaries,
        matcher=matcher,
        acronym_matcher=acronym_matcher,
        actors_by_phrase=MappingProxyType(actors),
        agents_by_phrase=MappingProxyType(agents),
        discards_by_phrase=MappingProxyType(discards),
        verbs_by_lemma=MappingProxyType(_index_patterns(dictionaries.verbs, nouns=False)),
        nouns_by_lemma=MappingProxyType(_index_patterns(dictionaries.verbs, nouns=True)),
        role_codes=role_codes,
        negated_codes=MappingProxyType(
            {n.code: n for n in reversed(dictionaries.negations)}  # the first entry wins
        ),
        proper_keys=frozenset(k for k, d in actor_docs.items() if is_proper_name(d)),
    )
