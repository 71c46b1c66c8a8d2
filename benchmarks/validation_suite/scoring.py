"""Scoring coded events against the suite's gold items, two ways.

Peer: UD-PETRARCH's validation.py. Coded events with a null ("---") source, target or event code
are set aside as null events; every other coded event that equals some gold triple is correct,
so a duplicate counts again and correct can exceed the gold count. Strict: coded duplicates are
collapsed and each gold item is matched at most once. Both: a no-event record has one gold item,
correct only when nothing at all was coded; TP = correct / gold items, FP = extra / records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from benchmarks.validation_suite.reader import Triple

NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class RecordScore:
    gold_items: int
    correct: int
    uncoded: int  # gold_items - correct (negative under the peer formula when duplicates match)
    extra: int  # non-null coded events that matched nothing
    null: int  # coded events set aside for a "---" code

    @property
    def exact(self) -> bool:
        return self.correct == self.gold_items and self.extra == 0


@dataclass(frozen=True, slots=True)
class Totals:
    records: int
    gold_items: int
    correct: int
    uncoded: int
    extra: int
    null: int

    @property
    def tp(self) -> float:
        """Share of gold items coded correctly."""
        return self.correct / self.gold_items if self.gold_items else 0.0

    @property
    def fp(self) -> float:
        """Extra (wrong) events per record."""
        return self.extra / self.records if self.records else 0.0


def is_null(event: Triple) -> bool:
    return NULL_CODE in (event.source, event.target) or event.code.startswith(NULL_CODE)


def _no_event_score(anything_coded: bool, extra: int, null: int) -> RecordScore:
    correct = 0 if anything_coded else 1
    return RecordScore(1, correct, 1 - correct, extra, null)


def score_peer(gold: Sequence[Triple], noevents: bool, coded: Sequence[Triple]) -> RecordScore:
    kept = [c for c in coded if not is_null(c)]
    null = len(coded) - len(kept)
    if noevents:
        return _no_event_score(bool(coded), len(kept), null)
    wanted = set(gold)
    correct = sum(1 for c in kept if c in wanted)
    return RecordScore(len(gold), correct, len(gold) - correct, len(kept) - correct, null)


def score_strict(gold: Sequence[Triple], noevents: bool, coded: Sequence[Triple]) -> RecordScore:
    kept = list(dict.fromkeys(c for c in coded if not is_null(c)))
    null = sum(1 for c in coded if is_null(c))
    if noevents:
        return _no_event_score(bool(coded), len(kept), null)
    unmatched = Counter(gold)
    correct = 0
    for event in kept:
        if unmatched[event] > 0:
            unmatched[event] -= 1
            correct += 1
    return RecordScore(len(gold), correct, len(gold) - correct, len(kept) - correct, null)


def total(scores: Iterable[RecordScore]) -> Totals:
    rows = list(scores)
    return Totals(
        records=len(rows),
        gold_items=sum(s.gold_items for s in rows),
        correct=sum(s.correct for s in rows),
        uncoded=sum(s.uncoded for s in rows),
        extra=sum(s.extra for s in rows),
        null=sum(s.null for s in rows),
    )
