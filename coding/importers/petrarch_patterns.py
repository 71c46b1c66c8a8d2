"""Parse one PETRARCH-2 verb pattern line ("- words * words (PREP words) [CODE]") into drafts.

A draft keeps synset references unresolved; petrarch_synsets.expand turns it into concrete
slots. The mapping onto cameoflow's VerbPattern (documented in petrarch_verbs) is decided here:
- words before `*` -> SUBJECT slot; words after it (outside parentheses) -> OBJECT slot, also
  after a closed `(...)`; `(PREP words)` -> a PREP slot; `{MOD HEAD}` -> required words of the
  slot it is in, also kept as a `sequence`: in order, the last two side by side (see
  coding.verbs._runs_in); `A_B` -> two required words; `A/B` -> alternatives for one word (and for
  a preposition: one pattern per preposition).
- `+` / `$` -> is_target / is_source of the slot they fall in: SUBJECT before the verb, OBJECT
  right after it, the PREP slot inside `(...)`. `^` inside `(...)` -> is_skipped of that PREP
  slot; elsewhere before the verb or before any object word, nothing.
- PETRARCH reads its markers in order, each one the next actor: a `+`, `$` or `^` after the
  verb that follows object words, a closed `(...)` or another such marker points past what was
  read, so it becomes a FOLLOWING slot ("* IFTAR (IN ^) +": the target is the next phrase after
  the skipped one; "* TABASKI ^ $": the source is the second phrase after the object).
- a particle word (OUT, DOWN, UP, OFF, BACK, AWAY, OVER, ...) right after `*` -> `particle`:
  PETRARCH-2 reads "SET * OUT VIEWS" as a noun OUT, spaCy as the particle of "set out".
- a bare preposition after the verb ("- * ON &SOLUTION", TABARI style) opens a PREP slot that
  runs to the next `(` or the end of the pattern (WARNING: it is not in parentheses).
- `%` (TABARI's compound-actor mark) -> among_subjects: the pattern needs a list of subjects,
  and codes them against each other ("- % * TALKS": "Israel and Syria held talks");
  `*` glued to words ("*_LAWS", "SPY_*_DEAL") is read as the verb marker with a WARNING.
PETRARCH-2 never stems ("PETRARCH only works with complete words"), so no word becomes `xyz*`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coding.entries import SlotKind

PARTICLES = frozenset("OUT DOWN UP OFF BACK AWAY OVER FORWARD ASIDE TOGETHER FORTH AROUND".split())
PREPOSITIONS = frozenset(
    """ABOUT ACROSS AFTER AGAINST ALONG AMID AMONG AS AT BEFORE BEHIND BETWEEN BY DESPITE DURING
    FOR FROM IN INTO NEAR OF ON ONTO OVER THROUGH TO TOWARD TOWARDS UNDER UNTIL UPON WITH WITHIN
    WITHOUT""".split()
)
_EVENT_CODE = re.compile(r"^(?:\d{2,4}|---)$")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_WORD = re.compile(r"^[A-Za-z0-9_&'.,/-]+$")
_GLUED_STAR = re.compile(r"\S\*|\*\S")


class PatternError(ValueError):
    """The pattern line cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class Word:
    alternatives: frozenset[str]


@dataclass(frozen=True, slots=True)
class SynsetRef:
    name: str  # "&WEAPON"


Item = Word | SynsetRef


@dataclass
class SlotDraft:
    kind: SlotKind
    preps: tuple[str, ...] = ()  # alternatives for a PREP slot's preposition
    items: list[Item] = field(default_factory=list)
    is_target: bool = False
    is_source: bool = False
    is_skipped: bool = False
    implicit: bool = False  # a bare preposition, closed by the next '('
    # (start, end) ranges of `items` written inside {...}: words that stand together
    groups: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PatternDraft:
    line: int
    code: str
    reverse_code: str
    particle: str
    slots: tuple[SlotDraft, ...]
    among_subjects: bool = False


def parse_code(text: str) -> tuple[str, str]:
    """`[A]`, `[A:R]`, `[:R]` -> (code, reverse code): R is the event from target back to source
    ("--- ARRIVE [042:043]": the visitor travels, 042; the host hosts, 043); `[:R]` codes only
    the reverse event (code "---")."""
    active, colon, passive = (part.strip() for part in text.partition(":"))
    if colon and not active:
        active = "---"
    for code in (active, passive) if passive else (active,):
        if not _EVENT_CODE.match(code):
            raise PatternError(f"[{text}] is not a CAMEO event code")
    return active, passive


def parse_pattern(
    text: str, line: int, warnings: list[str], synset_names: frozenset[str] = frozenset()
) -> PatternDraft:
    """`text` is the pattern line without its leading '-'; warnings are appended to `warnings`.
    `synset_names` tells "&FIGHT_OF_WORDS" (one synset) from "&FIGHT_GAMES" (&FIGHT + GAMES)."""
    body, code_text = _split_code(text)
    code, passive = parse_code(code_text)
    if _GLUED_STAR.search(body):
        warnings.append("verb marker '*' glued to a word: read as a separate '*'")
        body = re.sub(r"_?\*_?", " * ", body)
    builder = _Builder(warnings, synset_names)
    for token in _TOKEN.findall(body):
        builder.take(token)
    return PatternDraft(
        line, code, passive, builder.particle, builder.finish(), builder.among_subjects
    )


def _split_code(text: str) -> tuple[str, str]:
    match = re.search(r"\[([^\[\]]*)\]\s*$", text)
    if match is None:
        raise PatternError("pattern has no [code] at its end")
    body = text[: match.start()]
    if "[" in body or "]" in body:
        raise PatternError("stray '[' or ']' before the code")
    return body, match.group(1)


class _Builder:
    """Walks the tokens of one pattern, left to right."""

    def __init__(self, warnings: list[str], synset_names: frozenset[str]) -> None:
        self.warnings = warnings
        self.synset_names = synset_names
        self.subject = SlotDraft(SlotKind.SUBJECT)
        self.object = SlotDraft(SlotKind.OBJECT)
        self.preps: list[SlotDraft] = []
        self.following: list[SlotDraft] = []
        self.paren_closed = False  # a (...) after the verb was closed
        self.open_prep: SlotDraft | None = None
        self.awaiting_prep_word = False
        self.after_verb = False
        self.verb_seen = False
        self.first_after_verb = False
        self.braces = 0
        self.brace_start: tuple[SlotDraft, int] | None = None  # where the open {...} began
        self.particle = ""
        self.among_subjects = False  # '%': a list of subjects acting on each other

    def current(self) -> SlotDraft:
        if self.open_prep is not None:
            return self.open_prep
        return self.object if self.after_verb else self.subject

    def take(self, token: str) -> None:
        first, self.first_after_verb = self.first_after_verb, False
        if self.awaiting_prep_word:
            self._prep_word(token)
        elif token == "*":
            if self.verb_seen:
                raise PatternError("more than one '*'")
            if self.braces or (self.open_prep and not self.open_prep.implicit):
                raise PatternError("'*' inside (...) or {...}")
            self.open_prep = None
            self.verb_seen = self.after_verb = self.first_after_verb = True
        elif token == "(":
            if self.open_prep is not None and not self.open_prep.implicit:
                raise PatternError("nested '('")
            if self.braces:
                raise PatternError("'(' inside {...}")
            self.awaiting_prep_word = True
        elif token == ")":
            if self.open_prep is None or self.open_prep.implicit or self.braces:
                raise PatternError("unbalanced ')'")
            self.open_prep = None
            self.paren_closed = self.after_verb
        elif token == "{":
            if not self.braces:
                slot = self.current()
                self.brace_start = (slot, len(slot.items))
            self.braces += 1
        elif token == "}":
            if not self.braces:
                raise PatternError("unbalanced '}'")
            self.braces -= 1
            if not self.braces and self.brace_start is not None:
                slot, start = self.brace_start
                if len(slot.items) - start > 1:
                    slot.groups.append((start, len(slot.items)))
        elif token in ("+", "$", "^"):
            self._marker(token)
        elif token == "%":
            self.among_subjects = True
        else:
            self._word(token, first)

    def _marker(self, token: str) -> None:
        slot = self.current()
        if self._points_past():
            slot = SlotDraft(SlotKind.FOLLOWING)
            self.following.append(slot)
        if token == "+":
            slot.is_target = True
        elif token == "$":
            slot.is_source = True
        elif slot.kind is SlotKind.FOLLOWING or self._in_paren():
            slot.is_skipped = True

    def _points_past(self) -> bool:
        """Does a marker here name a phrase after those already read, not the current slot?"""
        top_level = self.after_verb and self.open_prep is None and not self.braces
        return top_level and bool(self.object.items or self.paren_closed or self.following)

    def _prep_word(self, token: str) -> None:
        self.awaiting_prep_word = False
        if not _WORD.match(token) or token.startswith("&"):
            raise PatternError(f"'(' must be followed by a preposition, not {token!r}")
        preps = tuple(dict.fromkeys(part.lower() for part in token.split("/") if part))
        self.open_prep = SlotDraft(SlotKind.PREP, preps=preps)
        self.preps.append(self.open_prep)

    def _word(self, token: str, first_after_verb: bool) -> None:
        if not _WORD.match(token):
            raise PatternError(f"unreadable word {token!r}")
        top_level = self.after_verb and not self.braces and self.open_prep is None
        if top_level and first_after_verb and token.upper() in PARTICLES:
            self.particle = token.lower()
            return
        bare_prep = self.after_verb and not self.braces
        if bare_prep and token.upper() in PREPOSITIONS and not self._in_paren():
            self.warnings.append(f"preposition {token} outside parentheses read as ({token} ...)")
            self.open_prep = SlotDraft(SlotKind.PREP, preps=(token.lower(),), implicit=True)
            self.preps.append(self.open_prep)
            return
        slot = self.current()
        parts = token.split("_")
        start = 0
        while start < len(parts):
            part = parts[start]
            end = start + 1
            if part.startswith("&"):
                name = part.upper()
                for stop in range(len(parts), start + 1, -1):  # longest defined name wins
                    joined = "_".join(parts[start:stop]).upper()
                    if joined in self.synset_names:
                        name, end = joined, stop
                        break
                slot.items.append(SynsetRef(name))
            elif part:
                alternatives = frozenset(alt.lower() for alt in part.split("/") if alt)
                slot.items.append(Word(alternatives))
            start = end

    def _in_paren(self) -> bool:
        return self.open_prep is not None and not self.open_prep.implicit

    def finish(self) -> tuple[SlotDraft, ...]:
        if not self.verb_seen:
            raise PatternError("pattern has no '*' for the verb")
        if self.awaiting_prep_word or self._in_paren():
            raise PatternError("unclosed '('")
        if self.braces:
            raise PatternError("unclosed '{'")
        slots = [
            slot
            for slot in (self.subject, self.object)
            if slot.items or slot.is_target or slot.is_source
        ]
        return (*slots, *self.preps, *self.following)
