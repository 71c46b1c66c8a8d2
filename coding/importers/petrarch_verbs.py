"""Read a PETRARCH-2 verb dictionary (CAMEO.2.0.txt syntax) into VerbPatterns and Transformations.

File structure (PETRreader.read_verb_dictionary docs): synsets (`&NAME` + `+member` lines,
anywhere in the file), verb blocks (`--- NAME [CODE] ---`, then verb lines, then `- ...`
pattern lines), and transformations (`~ ...`). Patterns of a block apply to every verb of the
block, so each pattern line yields one VerbPattern per verb (and per synset variant, see
petrarch_synsets); its rule_id is the pattern line. Pattern syntax: see petrarch_patterns.

Verb lines -> one slot-less VerbPattern each (rule_id = the verb line), code = the verb's own
`[CODE]` or the block's (`---` when the block has none: an explicit non-event).
- `ACCUSE`, `HURRY {HURRIES HURRYING HURRIED}`: lemma "accuse"; the `{...}` forms are checked
  (they need no entries: the matcher compares spaCy lemmas) and otherwise ignored.
- multi-word verbs mark the verb with `+`: `+CARRY_OUT` -> lemma "carry", particle "out";
  the first word after the verb is the particle when it is OUT, DOWN, UP, OFF, BACK, AWAY,
  FORWARD, ASIDE, TOGETHER, FORTH, AROUND (IN and OVER only as the last word: "step in",
  "take over"); a preposition starts a PREP slot (`+ASK_FOR` -> PREP "for", `+LIVE_UP_TO` ->
  particle "up" + PREP "to"); other words are required OBJECT words (`+WAGE_WAR` -> object
  "war"). Words before the verb are compounded into the lemma (`WIRE_+TAP` -> "wiretap",
  `RE_+ARREST` -> "rearrest"). Forms of "be" (`+IS_DETERMINED`) get the lemma "be".
  Coordinations (`+KILLED_AND`, `+ATTACKED_AND_STABBED`) keep the first verb as written, with
  a WARNING: the lemma is then an inflected form the matcher will rarely see.
- codes: `[A]`; `[A:R]` -> code A and reverse_code R, the event from target back to source
  (ARRIVE [042:043]); `[:R]` -> code "---" with only the reverse event.

Transformations (`~ a (b c VERB) OUTER = x y CODE`): an OUTER verb whose source is `a` and whose
complement is an event `b -> c` of VERB becomes `x -> y` with CODE. outer_family / inner_family
are the verb words as written ("SAY", "ATTACK"; `Q` = any event -> "*"); result_source is
"outer_source" when x is a, else "inner_source"; result_target is "inner_target" when y is c,
"inner_source" when y is b, "outer_source" when y is a; CODE `Q` -> "inner". Lost: the
conditions on the inner roles (`a` = the same actor as the outer source, `.` = no target,
`_` = no source), which Transformation has no field for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from coding.entries import DictionaryProblem, Slot, SlotKind, Transformation, VerbPattern
from coding.importers.petrarch_lines import Line, Problems, read_lines
from coding.importers.petrarch_patterns import (
    PARTICLES,
    PREPOSITIONS,
    PatternError,
    parse_code,
    parse_pattern,
)
from coding.importers.petrarch_synsets import Member, Option, Synsets, expand

_BLOCK = re.compile(r"^-+\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\])?[\s-]*$")
_VERB_TOKEN = re.compile(r"^[A-Za-z+_'-]+$")
_CODE_AT_END = re.compile(r"\[([^\[\]]*)\]\s*$")
_TRANSFORMATION = re.compile(
    r"^~\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+([^\s()]+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)$"
)
_BE_FORMS = frozenset("is are am was were be been being".split())
_LAST_WORD_PARTICLES = frozenset({"IN", "OVER"})
_CONJUNCTIONS = frozenset({"AND", "OR"})


@dataclass(frozen=True)
class _Verb:
    line: int
    lemma: str
    particle: str
    slots: tuple[Slot, ...]
    code: str | None  # None: the block's code
    reverse_code: str = ""


@dataclass
class _Block:
    line: int
    code: str
    reverse_code: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[Line] = field(default_factory=list)


def read_verbs(
    path: Path,
) -> tuple[list[VerbPattern], list[Transformation], list[DictionaryProblem]]:
    problems = Problems(path)
    synsets: Synsets = {}
    blocks: list[_Block] = []
    transformation_lines: list[Line] = []
    synset: tuple[str, bool] | None = None  # the synset whose '+' members are being read
    for line in read_lines(path, problems):
        text = line.text
        if text.startswith("&"):
            label = text.split()[0].upper()
            synset = (label.rstrip("_"), not label.endswith("_"))
            if synset[0] in synsets:
                problems.warn(line.number, f"synset {synset[0]} defined again: members added")
            synsets.setdefault(synset[0], [])
            continue
        if text.startswith("+") and synset is not None:
            synsets[synset[0]].append(Member(line.number, text[1:], synset[1]))
            continue
        synset = None
        if text.startswith("---"):
            blocks.append(_block(line, problems))
        elif text.startswith("~"):
            transformation_lines.append(line)
        elif text.startswith(("-", "*")):
            if text.startswith("*"):
                problems.warn(line.number, "pattern line without its leading '-'")
                text = " " + text
            if not blocks:
                problems.error(line.number, "pattern before any '--- NAME [CODE] ---' block")
                continue
            blocks[-1].patterns.append(Line(line.number, text[1:]))
        elif not blocks:
            problems.error(line.number, "verb before any '--- NAME [CODE] ---' block")
        else:
            verb = _verb(line, problems)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    patterns = _patterns(blocks, synsets, problems)
    known = {verb.lemma.upper() for block in blocks for verb in block.verbs}
    transformations = [
        transformation
        for line in transformation_lines
        if (transformation := _transformation(line, known, problems)) is not None
    ]
    return patterns, transformations, problems.items


def _block(line: Line, problems: Problems) -> _Block:
    match = _BLOCK.match(line.text)
    code, passive = "---", ""
    if match is None:
        problems.error(line.number, "unreadable block header: read with code '---'")
    elif match.group("code") is not None:
        try:
            code, passive = parse_code(match.group("code"))
        except PatternError as exc:
            problems.error(line.number, f"{exc}: block read with code '---'")
    return _Block(line.number, code, passive)


def _patterns(blocks: list[_Block], synsets: Synsets, problems: Problems) -> list[VerbPattern]:
    cache: dict[str, list[Option]] = {}
    names = frozenset(synsets)
    result: list[VerbPattern] = []
    for block in blocks:
        for verb in block.verbs:
            code = verb.code if verb.code is not None else block.code
            passive = verb.reverse_code if verb.code is not None else block.reverse_code
            result.append(
                VerbPattern(
                    problems.rule_id(verb.line),
                    code,
                    verb.lemma,
                    particle=verb.particle,
                    slots=verb.slots,
                    reverse_code=passive,
                )
            )
        if block.patterns and not block.verbs:
            problems.warn(block.line, "block has patterns but no verbs: patterns unused")
        for line in block.patterns:
            warnings: list[str] = []
            try:
                draft = parse_pattern(line.text, line.number, warnings, names)
                variants = expand(draft, synsets, cache, warnings)
            except PatternError as exc:
                problems.error(line.number, f"{exc}: pattern skipped")
                continue
            for warning in warnings:
                problems.warn(line.number, warning)
            for verb in block.verbs:
                if verb.particle and draft.particle and verb.particle != draft.particle:
                    continue  # "- * OUT ..." cannot apply to "+SET_UP": nothing to match
                for slots in variants:
                    result.append(
                        VerbPattern(
                            problems.rule_id(line.number),
                            draft.code,
                            verb.lemma,
                            particle=verb.particle or draft.particle,
                            slots=_merge(verb.slots, slots),
                            reverse_code=draft.reverse_code,
                            among_subjects=draft.among_subjects,
                        )
                    )
    return result


def _merge(verb_slots: tuple[Slot, ...], pattern_slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
    """The pattern's slots plus what the verb itself requires (`+WAGE_WAR`: object "war")."""
    merged = list(pattern_slots)
    for extra in verb_slots:
        for index, slot in enumerate(merged):
            if slot.kind == extra.kind and slot.word == extra.word:
                words = slot.words + tuple(w for w in extra.words if w not in slot.words)
                merged[index] = replace(slot, words=words)
                break
        else:
            merged.append(extra)
    return tuple(merged)


def _verb(line: Line, problems: Problems) -> _Verb | None:
    text = line.text
    code: str | None = None
    passive = ""
    match = _CODE_AT_END.search(text)
    try:
        if match is not None:
            code, passive = parse_code(match.group(1))
            text = text[: match.start()]
        if "[" in text or "]" in text:
            raise PatternError("stray '[' or ']'")
        if "{" in text:
            text, _, forms = text.partition("{")
            forms, closed, after = forms.partition("}")
            if not closed or after.strip():
                raise PatternError("unclosed '{' or text after the '}' of the verb forms")
        else:
            forms = ""
        words = text.split()
        if len(words) != 1 or not _VERB_TOKEN.match(words[0]):
            raise PatternError(f"verb line must hold one verb (words joined by '_'): {text!r}")
    except PatternError as exc:
        problems.error(line.number, f"{exc}: verb skipped")
        return None
    token = words[0]
    _check_forms(token, forms, line.number, problems)
    if "_" not in token:
        return _Verb(line.number, _lemma(token.lstrip("+")), "", (), code, passive)
    return _multi_word_verb(token, line.number, code, passive, problems)


def _lemma(word: str) -> str:
    lemma = word.lower()
    return "be" if lemma in _BE_FORMS else lemma


def _multi_word_verb(
    token: str, number: int, code: str | None, passive: str, problems: Problems
) -> _Verb | None:
    parts = [part for part in token.split("_") if part]
    marked = [index for index, part in enumerate(parts) if part.startswith("+")]
    if len(marked) > 1:
        problems.error(number, f"{token}: more than one word marked '+' as the verb: skipped")
        return None
    if not marked:
        problems.warn(number, f"{token}: no word marked '+': the first word taken as the verb")
    at = marked[0] if marked else 0
    parts = [part.lstrip("+") for part in parts]
    lemma = _lemma("".join(parts[: at + 1]))
    after = parts[at + 1 :]
    particle = ""
    object_words: list[frozenset[str]] = []
    preps: list[Slot] = []
    for index, word in enumerate(after):
        upper = word.upper()
        if upper in _CONJUNCTIONS:
            problems.warn(
                number,
                f"{token}: coordinated verbs read as {parts[at]!r} alone "
                "(an inflected form, rarely a spaCy lemma)",
            )
            break
        is_last = index == len(after) - 1
        if index == 0 and (
            upper in PARTICLES - _LAST_WORD_PARTICLES or (upper in _LAST_WORD_PARTICLES and is_last)
        ):
            particle = word.lower()
        elif upper in PREPOSITIONS:
            preps.append(Slot(SlotKind.PREP, word=word.lower()))
        elif preps:
            last = preps[-1]
            preps[-1] = Slot(SlotKind.PREP, last.word, (*last.words, frozenset((word.lower(),))))
        else:
            object_words.append(frozenset((word.lower(),)))
    slots = ([Slot(SlotKind.OBJECT, words=tuple(object_words))] if object_words else []) + preps
    return _Verb(number, lemma, particle, tuple(slots), code, passive)


def _check_forms(token: str, forms: str, number: int, problems: Problems) -> None:
    """Irregular forms need no entries, but a malformed list hints at a wrong verb line."""
    if "," in forms:
        problems.warn(number, "commas between irregular forms read as separators")
    multi_word = "_" in token
    rest = [part for part in token.split("_") if part and not part.startswith("+")]
    for form in forms.replace(",", " ").split():
        if not _VERB_TOKEN.match(form):
            problems.warn(number, f"irregular form {form!r} is not a word")
        elif multi_word and "+" not in form:
            problems.warn(number, f"irregular form {form!r} of {token} has no '+' verb mark")
        elif multi_word:
            form_rest = [part for part in form.split("_") if part and not part.startswith("+")]
            if form_rest != rest:
                problems.warn(number, f"irregular form {form!r} does not match {token}")
        elif "_" in form or "+" in form:
            problems.warn(number, f"irregular form {form!r} of the one-word verb {token}")


def _transformation(line: Line, known: set[str], problems: Problems) -> Transformation | None:
    match = _TRANSFORMATION.match(line.text)
    if match is None:
        problems.error(line.number, "unreadable transformation: skipped")
        return None
    outer, inner_source, inner_target, inner_verb, outer_verb, x, y, code = match.groups()
    if x == outer:
        result_source = "outer_source"
    elif x == inner_source:
        result_source = "inner_source"
    else:
        problems.error(line.number, f"result source {x!r} names no actor of the rule: skipped")
        return None
    if y == inner_target:
        result_target = "inner_target"
    elif y == inner_source:
        result_target = "inner_source"
    elif y == outer:
        result_target = "outer_source"
    else:
        problems.error(line.number, f"result target {y!r} names no actor of the rule: skipped")
        return None
    if code == "Q":
        result_code = "inner"
    else:
        try:
            result_code, _ = parse_code(code)
        except PatternError as exc:
            problems.error(line.number, f"{exc}: transformation skipped")
            return None
    for verb in (outer_verb, inner_verb):
        if verb != "Q" and verb.upper() not in known:
            problems.warn(line.number, f"transformation verb {verb} is not a verb of this file")
    return Transformation(
        problems.rule_id(line.number),
        outer_family=outer_verb.upper(),
        inner_family="*" if inner_verb == "Q" else inner_verb.upper(),
        result_source=result_source,
        result_target=result_target,
        result_code=result_code,
    )
