"""The pattern index finds exactly the patterns a full scan of every pattern's anchors would."""

from __future__ import annotations

import random

from coding.compiled import Anchors, PredicatePatterns
from coding.dictionaries import load_dictionaries
from coding.entries import Slot, SlotKind, VerbPattern


def pattern(rule: str, *slots: Slot, particle: str = "") -> VerbPattern:
    return VerbPattern(rule, "190", "attack", particle, slots=slots)


def obj(*words: str) -> Slot:
    return Slot(SlotKind.OBJECT, words=tuple(frozenset(w.split("|")) for w in words))


def prep(word: str, *words: str) -> Slot:
    return Slot(SlotKind.PREP, word, tuple(frozenset(w.split("|")) for w in words))


def scan(patterns: tuple[VerbPattern, ...], present: set[str]) -> list[str]:
    return [p.rule_id for p in patterns if Anchors.of(p).possible(present)]


def test_candidates_keep_order_and_skip_patterns_missing_a_word():
    patterns = (
        pattern("p:with-troops", prep("with", "troop"), obj("village")),
        pattern("p:village", obj("village")),
        pattern("p:town-or-city", obj("town|city")),
        pattern("p:off", particle="off"),
        pattern("p:bare"),
    )
    index = PredicatePatterns.of(patterns)
    found = [p.rule_id for p in index.candidates({"village", "city", "the"})]
    assert found == ["p:village", "p:town-or-city", "p:bare"]
    found = [p.rule_id for p in index.candidates({"with", "troop", "village", "off"})]
    assert found == ["p:with-troops", "p:village", "p:off", "p:bare"]


def test_candidates_equal_a_full_scan_over_the_bundled_verbs():
    verbs = load_dictionaries().verbs
    by_lemma: dict[str, list[VerbPattern]] = {}
    for verb in verbs:
        by_lemma.setdefault(verb.lemma, []).append(verb)
    rng = random.Random(7)
    anchored = 0
    for lemma in ("say", "attack", "meet", "accuse", "sign", "arrest"):
        patterns = tuple(by_lemma[lemma])
        index = PredicatePatterns.of(patterns)
        # Words from this verb's own patterns, so that many draws satisfy some of them.
        vocabulary = sorted({w for p in patterns for a in p.anchors for w in a})
        for _ in range(200):
            present = set(rng.sample(vocabulary, len(vocabulary) // 2))
            expected = scan(patterns, present)
            assert [p.rule_id for p in index.candidates(present)] == expected
            anchored += len(expected) - len(index.unanchored)
    assert anchored > 1000  # the draws exercised the word index, not only unanchored patterns
