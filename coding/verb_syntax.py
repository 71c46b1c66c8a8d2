"""The bundled verb-pattern syntax (dictionaries/README.md) translated into VerbPattern values.

A pattern is the verb, then the words that constrain it, read left to right:

    accuse + of war crime|crimes
    ^verb  ^ ^prep ^lemma ^alternatives
           target (the direct object, because no slot was opened yet)

Each token either opens a slot (a preposition opens a PREP slot, `@verb` an XCOMP slot), marks
the slot being read as the target (`+`), or adds a required lemma to it. Words read before any
slot is opened belong to the direct object, whose slot exists only when it has words or a `+`.
Everything is lower-cased; a word ending in `*` is a prefix stem, kept as written for the matcher.
A complement verb may be phrasal like the head (`@hand_over`); it is stored as written in `word`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coding.entries import Slot, SlotKind, VerbPattern

# The closed list from dictionaries/README.md; any other word is a lemma.
PREPOSITIONS = frozenset(
    "of with to against on for from in into at over about toward by between among across "
    "after under through upon near outside within without amid inside along around off "
    "beyond behind beside despite during since until via throughout alongside onto towards "
    "amongst".split()
)

# A lemma: letters, digits, apostrophes, hyphens and dots, optionally a trailing `*` (prefix stem).
_WORD = re.compile(r"[^\W_]([^\W_]|['.\-])*\*?")
_CODE = re.compile(r"[0-9]{2,4}|---")


class PatternError(ValueError):
    """The pattern cannot be read; the message says which token and why."""


@dataclass(slots=True)
class _SlotDraft:
    """A slot while its tokens are being read; frozen into a Slot once the pattern ends."""

    kind: SlotKind
    word: str = ""
    words: list[frozenset[str]] = field(default_factory=list)
    is_target: bool = False

    def freeze(self) -> Slot:
        return Slot(self.kind, self.word, tuple(self.words), self.is_target)


def parse_code(text: str) -> str:
    """A CAMEO event code as written in a verb file: 2-4 digits, or `---` for a non-event."""
    if not _CODE.fullmatch(text):
        raise PatternError(f"event code {text!r} is not 2-4 digits or '---'")
    return text


def parse_codes(text: str) -> tuple[str, str]:
    """`CODE` or `CODE:REVERSE` (the event from target back to source, "040:040" for a meeting
    that both sides hold): (code, reverse code or "")."""
    code, _, reverse = text.partition(":")
    return parse_code(code), parse_code(reverse) if reverse else ""


def _alternatives(token: str) -> frozenset[str]:
    words = token.split("|")
    for word in words:
        if not _WORD.fullmatch(word):
            raise PatternError(_bad_word_message(token, word))
    return frozenset(words)


def _bad_word_message(token: str, word: str) -> str:
    if word == "":
        return f"empty alternative in {token!r}"
    if word in {"*", "$", "%", "&", "{", "}", "(", ")", "[", "]", "~"}:
        # The commonest mistake: PETRARCH syntax pasted into a bundled verb file.
        return f"{word!r} is PETRARCH syntax; import PETRARCH files with their own reader"
    return f"unexpected characters in {word!r}"


def _head(token: str) -> tuple[str, str, bool]:
    """The verb token -> (lemma, particle, is_noun)."""
    is_noun = token.startswith("n:")
    if is_noun:
        token = token[2:]
    if token == "+" or token.startswith("@") or token in PREPOSITIONS:
        raise PatternError(f"the pattern must start with the verb, not {token!r}")
    lemma, _, particle = token.partition("_")
    for word in (lemma, particle) if particle else (lemma,):
        if "|" in word:
            raise PatternError(f"the verb {token!r} must be one lemma; write one line per verb")
        if not _WORD.fullmatch(word):
            raise PatternError(_bad_word_message(token, word))
    return lemma, particle, is_noun


def parse_pattern(
    text: str, rule_id: str, code: str, reverse_code: str = ""
) -> tuple[VerbPattern, list[str]]:
    """Translate one pattern; returns the pattern and warnings (repairs made while reading).

    Raises PatternError when the pattern cannot be read unambiguously.
    """
    tokens = text.lower().split()
    if not tokens:
        raise PatternError("no pattern after the event code")
    lemma, particle, is_noun = _head(tokens[0])
    warnings: list[str] = []
    obj = _SlotDraft(SlotKind.OBJECT)
    current = obj
    opened: list[_SlotDraft] = []
    for token in tokens[1:]:
        if token == "+":
            if current.is_target:
                warnings.append("repeated '+' on the same slot ignored")
            elif any(s.is_target for s in (obj, *opened)):
                raise PatternError("more than one '+': a pattern has one target")
            current.is_target = True
        elif token in PREPOSITIONS:
            current = _SlotDraft(SlotKind.PREP, word=token)
            opened.append(current)
        elif token.startswith("@"):
            for verb in token[1:].split("|"):
                # A complement may be phrasal like the head ("@hand_over"): check each part.
                _alternatives(verb.replace("_", "|", 1))
            current = _SlotDraft(SlotKind.XCOMP, word=token[1:])
            opened.append(current)
        elif token.startswith("n:"):
            raise PatternError(f"{token!r}: 'n:' marks the event noun, only on the first word")
        else:
            words = _alternatives(token)
            if words <= PREPOSITIONS:
                raise PatternError(
                    f"{token!r}: alternative prepositions are not supported; "
                    "write one pattern per preposition"
                )
            current.words.append(words)
    slots = ([obj] if obj.words or obj.is_target else []) + opened
    pattern = VerbPattern(
        rule_id=rule_id,
        code=code,
        lemma=lemma,
        particle=particle,
        is_noun=is_noun,
        slots=tuple(s.freeze() for s in slots),
        reverse_code=reverse_code,
    )
    return pattern, warnings
