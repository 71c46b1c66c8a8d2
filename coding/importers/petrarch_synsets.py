"""PETRARCH synsets (`&NAME` then `+member` lines) and the expansion of pattern drafts.

A synset used in a pattern becomes, for one required word, the frozenset of all its one-word
members plus their automatic plurals (no plural when the member or the label ends in `_`, as
in PETRARCH). Members of several words ("ROCKET_PROPELLED_GRENADE") cannot be one alternative
of one word, so each becomes its own variant of the pattern with all its words required,
unless it is subsumed (one of its words is already a one-word member: any phrase it matches,
the one-word set matches too, give or take a generated plural). A member in parentheses
("(TO THE DEATH)") makes a variant with an extra PREP slot. A member naming another synset
(`+&TIETYPES`) contributes that synset's members.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from coding.entries import Slot, SlotKind
from coding.importers.petrarch_lines import regular_plural, split_words
from coding.importers.petrarch_patterns import PatternDraft, PatternError, SynsetRef, Word

MAX_VARIANTS = 8  # beyond this, one pattern line would flood the matcher


@dataclass(frozen=True, slots=True)
class Member:
    line: int
    text: str  # as written after '+', comment removed
    plural: bool  # the synset label does not end in '_'


@dataclass(frozen=True, slots=True)
class Option:
    """One way to satisfy a synset: required words, optionally inside a PREP slot."""

    words: tuple[frozenset[str], ...]
    prep: str = ""


Synsets = dict[str, list[Member]]


def synset_options(name: str, synsets: Synsets, cache: dict[str, list[Option]]) -> list[Option]:
    if name in cache:
        return cache[name]
    cache[name] = []  # guards against a synset that contains itself
    singles: set[str] = set()
    several: list[Option] = []
    for member in synsets[name]:
        for option in _member_options(member, synsets, cache):
            if len(option.words) == 1 and not option.prep:
                singles |= option.words[0]
            else:
                several.append(option)
    kept = [
        option
        for option in several
        if option.prep or not any(word & singles for word in option.words)
    ]
    options = ([Option((frozenset(singles),))] if singles else []) + kept
    cache[name] = options
    return options


def _member_options(member: Member, synsets: Synsets, cache: dict[str, list[Option]]):
    text = member.text.strip()
    if text.startswith("&"):
        if text.upper() not in synsets:
            raise PatternError(f"synset {text} used in a synset is not defined")
        return synset_options(text.upper(), synsets, cache)
    if text.startswith("(") and text.endswith(")"):
        words = [word.lower() for word in split_words(text[1:-1])]
        if not words:
            raise PatternError("empty '()' synset member")
        return [Option(tuple(frozenset((word,)) for word in words[1:]), prep=words[0])]
    words = [word.lower() for word in split_words(text)]
    if not words:
        return []
    last = frozenset((words[-1],))
    if member.plural and not text.endswith("_"):
        last = last | {regular_plural(words[-1])}
    return [Option((*(frozenset((word,)) for word in words[:-1]), last))]


def expand(
    draft: PatternDraft, synsets: Synsets, cache: dict[str, list[Option]], warnings: list[str]
) -> list[tuple[Slot, ...]]:
    """Every concrete slot tuple of `draft`: one per combination of synset options and
    preposition alternatives. Past MAX_VARIANTS combinations, multi-word synset members are
    reduced to their last (head) word, which keeps every match and admits a few more."""
    per_slot = _choices(draft, synsets, cache, collapse=False)
    count = _count(per_slot)
    if count > MAX_VARIANTS:
        per_slot = _choices(draft, synsets, cache, collapse=True)
        warnings.append(
            f"pattern expands to {count} variants: multi-word synset members reduced to "
            f"their head word ({_count(per_slot)} variants)"
        )
    axes: list[list] = []
    for _, preps, choices in per_slot:
        axes.append(preps)
        axes.extend(choices)
    return [_slots_of(per_slot, list(combination)) for combination in itertools.product(*axes)]


def _choices(draft: PatternDraft, synsets: Synsets, cache: dict[str, list[Option]], collapse: bool):
    per_slot = []
    for slot in draft.slots:
        choices: list[list[Option]] = []
        for item in slot.items:
            if isinstance(item, Word):
                choices.append([Option((item.alternatives,))])
            else:
                options = _options_of(item, synsets, cache)
                choices.append(_collapsed(options) if collapse else options)
        per_slot.append((slot, list(slot.preps) or [""], choices))
    return per_slot


def _collapsed(options: list[Option]) -> list[Option]:
    heads = frozenset().union(*(option.words[-1] for option in options if not option.prep))
    return ([Option((heads,))] if heads else []) + [option for option in options if option.prep]


def _count(per_slot) -> int:
    count = 1
    for _, preps, choices in per_slot:
        count *= len(preps)
        for options in choices:
            count *= len(options)
    return count


def _options_of(ref: SynsetRef, synsets: Synsets, cache: dict[str, list[Option]]) -> list[Option]:
    if ref.name not in synsets:
        raise PatternError(f"synset {ref.name} is not defined")
    options = synset_options(ref.name, synsets, cache)
    if not options:
        raise PatternError(f"synset {ref.name} has no members")
    return options


def _slots_of(per_slot, combination: list) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    extra: list[Slot] = []
    position = 0
    for slot, _, choices in per_slot:
        prep = combination[position]
        chosen: list[Option] = combination[position + 1 : position + 1 + len(choices)]
        position += 1 + len(choices)
        words: list[frozenset[str]] = []
        for option in chosen:
            if option.prep:
                extra.append(Slot(SlotKind.PREP, word=option.prep, words=option.words))
            else:
                words.extend(word for word in option.words if word not in words)
        item_words = [() if option.prep else option.words for option in chosen]
        sequences = tuple(
            sequence
            for start, end in slot.groups
            if len(sequence := tuple(w for item in item_words[start:end] for w in item)) > 1
        )
        slots.append(
            Slot(
                slot.kind, prep, tuple(words), is_target=slot.is_target,
                is_source=slot.is_source, is_skipped=slot.is_skipped, sequences=sequences,
            )
        )
    return (*slots, *extra)
