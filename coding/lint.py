"""Dictionary linter: what would make the coder silently ignore or misuse an entry.

`lint(dictionaries)` returns the loader's own problems (malformed lines, code-table rows missing
a Goldstein score, quad class or PLOVER category) plus what only shows across entries:

- actors: codes not made of 3-letter blocks; the same phrase on several lines with the same
  dates (duplicate, or conflicting codes when they differ); a line that can never apply because
  an earlier line covers all its dates (the matcher takes the first applicable line); date ranges
  that overlap without one containing the other. A wider range after a narrower one is the
  intended fallback (README: undated lines go last), and ranges sharing only their boundary day
  are successive terms; neither is reported. "---" (PETRARCH's non-actor) is a valid code.
- agents: role codes not made of 3-letter blocks, the same phrase twice.
- verbs: event codes missing from the code table ("---" is fine), the same pattern twice
  (conflicting when the codes differ: ties go to the earlier line, so the later never fires);
  a word both required and offered as an alternative ("attack|military operation" reads as
  (attack or military) and operation: a multi-word alternative split in two), or alternatives
  whose last word and the word after make a role phrase of the agents file ("army|air force"
  needs "force" in every match); two patterns
  of the same shape with different codes whose words overlap ("threaten @attack|strike +"
  138 before "threaten @strike|bomb +" 1384): where both match, the earlier always wins, so
  the later line's sub-code never shows for the shared words.
- transformations: result codes missing from the code table; discards: the same phrase twice.

Every problem is located by the entry's rule id (file:line). When several paths are combined,
entries of a later path that shadow an earlier one are reported too: lint one path at a time
to see only that path's own problems.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from coding.entries import (
    ActorEntry,
    AgentEntry,
    CameoCode,
    DatedCode,
    Dictionaries,
    DictionaryProblem,
    DiscardEntry,
    Severity,
    Slot,
    SlotKind,
    Transformation,
    VerbPattern,
)

_BLOCKS = re.compile(r"(?:[A-Z]{3})+")
NULL_CODE = "---"  # an explicit non-event (verbs) or non-actor (PETRARCH actors)


def _problem(rule_id: str, severity: Severity, message: str) -> DictionaryProblem:
    path, _, line = rule_id.rpartition(":")
    if not line.isdigit():
        return DictionaryProblem(rule_id, 0, severity, message)
    return DictionaryProblem(path, int(line), severity, message)


def _span(dated: DatedCode) -> tuple[date, date]:
    return dated.start or date.min, dated.end or date.max


def _dates(dated: DatedCode) -> str:
    if dated.start is None and dated.end is None:
        return "all dates"
    return f"{dated.start or ''}..{dated.end or ''}"


def _compare_actor_lines(
    phrase: str, first: tuple[ActorEntry, DatedCode], later: tuple[ActorEntry, DatedCode]
) -> DictionaryProblem | None:
    """What is wrong, if anything, with `later` given that `first` comes before it."""
    (entry_a, a), (entry_b, b) = first, later
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    if a_start > b_end or b_start > a_end:
        return None
    same = a.code == b.code
    where = f"{phrase!r} at {entry_a.rule_id}"
    if (a_start, a_end) == (b_start, b_end):
        if same:
            return _problem(entry_b.rule_id, Severity.WARNING,
                            f"duplicate entry: {where} has the same code and dates")
        return _problem(entry_b.rule_id, Severity.ERROR,
                        f"conflicting codes: {where} is {a.code} on the same dates "
                        f"({_dates(b)}), so this {b.code} never applies")
    if a_start <= b_start and b_end <= a_end:
        severity = Severity.WARNING if same else Severity.ERROR
        return _problem(entry_b.rule_id, severity,
                        f"never applies: {where} ({a.code}, {_dates(a)}) covers all its dates; "
                        "put wider or undated lines after narrower ones")
    if b_start <= a_start and a_end <= b_end:
        return None  # the later line is a fallback around the earlier, narrower one
    if a_end == b_start or b_end == a_start:
        # Sharing only a boundary day is how successive terms are written (one ends the day the
        # next starts, as throughout the Phoenix files); the earlier line wins that day.
        return None
    kind = "overlapping date ranges" if same else "conflicting codes on overlapping dates"
    return _problem(entry_b.rule_id, Severity.WARNING,
                    f"{kind}: {where} ({a.code}, {_dates(a)}) wins where both apply")


def lint_actors(actors: Iterable[ActorEntry]) -> Iterator[DictionaryProblem]:
    by_phrase: dict[str, list[tuple[ActorEntry, DatedCode]]] = defaultdict(list)
    reported: set[tuple[str, str, str, str]] = set()
    for entry in actors:
        for dated in entry.codes:
            if dated.code != NULL_CODE and not _BLOCKS.fullmatch(dated.code):
                yield _problem(entry.rule_id, Severity.ERROR,
                               f"actor code {dated.code!r} is not made of 3-letter blocks")
            item = (entry, dated)
            for phrase in dict.fromkeys(" ".join(p.lower().split()) for p in entry.phrases):
                for earlier in by_phrase[phrase]:
                    key = (earlier[0].rule_id, earlier[1].code, entry.rule_id, dated.code)
                    found = None if key in reported else _compare_actor_lines(
                        phrase, earlier, item)
                    if found is not None:
                        reported.add(key)
                        yield found
                by_phrase[phrase].append(item)


def lint_agents(agents: Iterable[AgentEntry]) -> Iterator[DictionaryProblem]:
    first: dict[str, AgentEntry] = {}
    for entry in agents:
        if not _BLOCKS.fullmatch(entry.code):
            yield _problem(entry.rule_id, Severity.ERROR,
                           f"role code {entry.code!r} is not made of 3-letter blocks")
        for phrase in dict.fromkeys(" ".join(p.lower().split()) for p in entry.phrases):
            earlier = first.setdefault(phrase, entry)
            if earlier is entry:
                continue
            if earlier.code == entry.code:
                yield _problem(entry.rule_id, Severity.WARNING,
                               f"duplicate entry: {phrase!r} is already at {earlier.rule_id}")
            else:
                yield _problem(entry.rule_id, Severity.ERROR,
                               f"conflicting codes: {phrase!r} is {earlier.code} at "
                               f"{earlier.rule_id}, so this {entry.code} never applies")


def _slot_key(slot: Slot) -> tuple[object, ...]:
    return (
        slot.kind, slot.word, frozenset(slot.words), slot.is_target, slot.is_source,
        slot.is_skipped,
    )


def _pattern_key(pattern: VerbPattern) -> tuple[object, ...]:
    # Slots are matched independently of each other, so their order does not make a new
    # pattern; FOLLOWING slots excepted, which land on the phrases after the verb in order.
    named = [_slot_key(s) for s in pattern.slots if s.kind is not SlotKind.FOLLOWING]
    following = tuple(_slot_key(s) for s in pattern.slots if s.kind is SlotKind.FOLLOWING)
    return (
        pattern.lemma, pattern.particle, pattern.is_noun, pattern.among_subjects,
        tuple(sorted(named, key=repr)), following,
    )


def _unknown_code(code: str, codes: dict[str, CameoCode]) -> bool:
    return code not in (NULL_CODE, "") and code not in codes


def lint_verbs(
    verbs: Iterable[VerbPattern], codes: dict[str, CameoCode]
) -> Iterator[DictionaryProblem]:
    first: dict[tuple[object, ...], VerbPattern] = {}
    for pattern in verbs:
        for code in (pattern.code, pattern.reverse_code):
            if _unknown_code(code, codes):
                yield _problem(pattern.rule_id, Severity.ERROR,
                               f"event code {code} is not in the code table")
        earlier = first.setdefault(_pattern_key(pattern), pattern)
        if earlier is pattern:
            continue
        if earlier.code == pattern.code:
            yield _problem(pattern.rule_id, Severity.WARNING,
                           f"duplicate pattern: same as {earlier.rule_id}")
        else:
            yield _problem(pattern.rule_id, Severity.ERROR,
                           f"conflicting codes: the same pattern is {earlier.code} at "
                           f"{earlier.rule_id}, so this {pattern.code} never fires")


def lint_verb_words(verbs: Iterable[VerbPattern]) -> Iterator[DictionaryProblem]:
    for pattern in verbs:
        for slot in pattern.slots:
            required = {w for group in slot.words if len(group) == 1 for w in group}
            offered = {w for group in slot.words if len(group) > 1 for w in group}
            for word in sorted(required & offered):
                yield _problem(
                    pattern.rule_id, Severity.WARNING,
                    f"{word!r} is both required and one of the alternatives: words are all "
                    f"required, so a multi-word alternative (like 'military operation') "
                    f"needs a line of its own",
                )


def _role_compounds(agents: Iterable[AgentEntry]) -> frozenset[str]:
    """The agents' multi-word phrases, lower-cased, each also without a plural "s"."""
    found = set()
    for agent in agents:
        for phrase in agent.phrases:
            if " " in phrase.strip():
                words = phrase.lower().split()
                found.add(" ".join(words))
                found.add(" ".join([*words[:-1], words[-1].removesuffix("s")]))
    return frozenset(found)


def lint_split_compounds(
    verbs: Iterable[VerbPattern], agents: Iterable[AgentEntry]
) -> Iterator[DictionaryProblem]:
    """`army|air force` reads as (army or air) and force: when the last alternatives and the
    next word make a role phrase of the agents file, a multi-word alternative was meant."""
    compounds = _role_compounds(agents)
    for pattern in verbs:
        for slot in pattern.slots:
            for group, following in zip(slot.words, slot.words[1:], strict=False):
                if len(group) < 2 or len(following) != 1:
                    continue
                (word,) = following
                for split in sorted(a for a in group if f"{a} {word}" in compounds):
                    yield _problem(
                        pattern.rule_id, Severity.WARNING,
                        f"'{split} {word}' is a role phrase, but '...|{split} {word}' reads as "
                        f"(... or {split}) and {word}: give '{split} {word}' a line of its own",
                    )


def _shape(pattern: VerbPattern) -> tuple[object, ...]:
    """What two patterns must share to tie: verb, slots with their prepositions and markers,
    and how many words each slot needs (the words themselves may differ)."""
    slots = sorted(
        (s.kind.value, s.word if s.kind is SlotKind.PREP else "", s.is_target, s.is_source,
         s.is_skipped, len(s.words) + (s.kind is SlotKind.XCOMP))
        for s in pattern.slots
    )
    return pattern.lemma, pattern.particle, pattern.is_noun, pattern.among_subjects, tuple(slots)


def _word_sets(pattern: VerbPattern) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    for slot in pattern.slots:
        if slot.kind is SlotKind.XCOMP:
            found.append(frozenset(slot.word.split("|")))
        found.extend(slot.words)
    return found


def _shared_words(first: list[frozenset[str]], second: list[frozenset[str]]) -> list[str] | None:
    """One word per set that both patterns accept, the sets paired one to one; None when no
    pairing works (a phrase cannot satisfy both)."""
    if not first:
        return []
    head, rest = first[0], first[1:]
    for i, other in enumerate(second):
        common = head & other
        if common:
            tail = _shared_words(rest, second[:i] + second[i + 1 :])
            if tail is not None:
                return [min(common), *tail]
    return None


def lint_shadowed_verbs(verbs: Iterable[VerbPattern]) -> Iterator[DictionaryProblem]:
    by_shape: dict[tuple[object, ...], list[VerbPattern]] = defaultdict(list)
    for pattern in verbs:
        by_shape[_shape(pattern)].append(pattern)
    for patterns in by_shape.values():
        for i, later in enumerate(patterns):
            later_words = _word_sets(later)
            for earlier in patterns[:i]:
                if earlier.code == later.code or not later_words:
                    continue
                if _pattern_key(earlier) == _pattern_key(later):
                    continue  # the same pattern: lint_verbs reports the conflict
                shared = _shared_words(later_words, _word_sets(earlier))
                if shared is not None and shared:
                    yield _problem(
                        later.rule_id, Severity.WARNING,
                        f"shadowed by {earlier.rule_id}: where both match (e.g. "
                        f"{' '.join(shared)}), its {earlier.code} comes first and wins over "
                        f"this {later.code}; take the shared words out of one of them",
                    )
                    break


def lint_transformations(
    transformations: Iterable[Transformation], codes: dict[str, CameoCode]
) -> Iterator[DictionaryProblem]:
    for rule in transformations:
        if rule.result_code != "inner" and _unknown_code(rule.result_code, codes):
            yield _problem(rule.rule_id, Severity.ERROR,
                           f"result code {rule.result_code} is not in the code table")


def lint_discards(discards: Iterable[DiscardEntry]) -> Iterator[DictionaryProblem]:
    first: dict[tuple[str, str], DiscardEntry] = {}
    for entry in discards:
        key = (" ".join(entry.phrase.lower().split()), entry.scope.value)
        earlier = first.setdefault(key, entry)
        if earlier is not entry and earlier.rule_id != entry.rule_id:
            yield _problem(entry.rule_id, Severity.WARNING,
                           f"duplicate discard: {entry.phrase!r} is already at {earlier.rule_id}")


def lint(dictionaries: Dictionaries) -> list[DictionaryProblem]:
    """Every problem found, the loader's included, sorted by path and line."""
    found = {
        *dictionaries.problems,
        *lint_actors(dictionaries.actors),
        *lint_agents(dictionaries.agents),
        *lint_verbs(dictionaries.verbs, dictionaries.codes),
        *lint_verb_words(dictionaries.verbs),
        *lint_split_compounds(dictionaries.verbs, dictionaries.agents),
        *lint_shadowed_verbs(dictionaries.verbs),
        *lint_transformations(dictionaries.transformations, dictionaries.codes),
        *lint_discards(dictionaries.discards),
    }
    return sorted(found, key=lambda p: (p.path, p.line, p.severity.value, p.message))
