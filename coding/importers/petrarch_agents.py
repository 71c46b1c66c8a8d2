"""Read PETRARCH agent dictionaries (Phoenix.agents.txt) and discard lists (Phoenix.discards.txt).

Agents (PETRARCH docs, "Agent Dictionary"): `PHRASE {PLURAL} [~CODE]`, words joined by `_` or
blanks. Without `{...}` the regular plural is generated (see regular_plural); `{}` means no
plural; `{FORMS}` gives it. `!NAME! = A, B, C` defines a substitution set; every `!NAME!` in a
phrase is replaced by each member in turn, with no plural formed. One AgentEntry per line,
rule_id = that line, phrases = every generated form, lowercase.
- `[~GOV]` (role after the country) -> code "GOV".
- `[NGO~]` (PETRARCH puts it *before* the country: NGO~ + USA -> NGOUSA) -> code "NGO",
  prefix=True.
- Tolerated with a WARNING: blanks inside the brackets, `[~CODE}` closed by a brace, commas
  separating plural forms. ERROR (line skipped): no code, unknown substitution set, unclosed
  `{`, a code that is not letters.

Discards (PETRARCH docs, "Discard List"): one phrase per line; `+PHRASE` discards the whole
story, otherwise the sentence. Matching is case-insensitive and PETRARCH treats the string as a
stem unless it ends in `_`: the last word becomes `word*` (the matcher's prefix form) unless the
line ends in `_`. Internal `_` are word separators.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from coding.entries import AgentEntry, DictionaryProblem, DiscardEntry, DiscardScope
from coding.importers.petrarch_lines import Problems, read_lines, regular_plural, split_words

_MARKER_DEFINITION = re.compile(r"^!([^!\s]+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!([^!\s]+)!")
_ROLE = re.compile(r"^[A-Z0-9]+$")


def read_agents(path: Path) -> tuple[list[AgentEntry], list[DictionaryProblem]]:
    problems = Problems(path)
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for line in read_lines(path, problems):
        definition = _MARKER_DEFINITION.match(line.text)
        if definition:
            members = [item.strip() for item in definition.group(2).split(",") if item.strip()]
            markers[definition.group(1)] = members
            continue
        entry = _agent(line.text, line.number, markers, problems)
        if entry is not None:
            entries.append(entry)
    return entries, problems.items


def _agent(
    text: str, number: int, markers: dict[str, list[str]], problems: Problems
) -> AgentEntry | None:
    phrase_part, bracket, code_part = text.partition("[")
    if not bracket:
        problems.error(number, "agent has no [code]: skipped")
        return None
    code = _role(code_part, number, problems)
    if code is None:
        return None
    plural_forms: list[str] | None = None  # None: form the regular plural
    if "{" in phrase_part:
        phrase_part, _, plural_part = phrase_part.partition("{")
        if "}" not in plural_part:
            problems.error(number, "unclosed '{' in agent plural: skipped")
            return None
        plural_text = plural_part.partition("}")[0]
        if "," in plural_text:
            problems.warn(number, "commas between plural forms read as separators")
        plural_forms = [form for form in plural_text.replace(",", " ").split()]
    names = _expand_markers(phrase_part.strip(), number, markers, problems)
    if names is None:
        return None
    phrases: list[str] = []
    for name in names:
        words = split_words(name)
        if not words:
            continue
        phrases.append(" ".join(words))
        if plural_forms is None and name == phrase_part.strip():
            phrases.append(" ".join([*words[:-1], regular_plural(words[-1])]))
    for form in plural_forms or ():
        phrases.append(" ".join(split_words(form)))
    if not phrases:
        problems.error(number, "agent has no phrase: skipped")
        return None
    unique = tuple(dict.fromkeys(phrase.lower() for phrase in phrases))
    role, prefix = code
    return AgentEntry(problems.rule_id(number), unique, role, prefix)


def _role(code_part: str, number: int, problems: Problems) -> tuple[str, bool] | None:
    """The role code and whether it goes before the country (`[NGO~]`) or after (`[~GOV]`)."""
    content, closer, rest = code_part.partition("]")
    if not closer:
        content, closer, rest = code_part.partition("}")
        if not closer:
            problems.error(number, "unclosed '[' in agent code: skipped")
            return None
        problems.warn(number, "agent code closed by '}' instead of ']'")
    if rest.strip():
        problems.warn(number, f"text {rest.strip()!r} after the agent code ignored")
    raw = content
    content = "".join(content.split())
    if content != raw:
        problems.warn(number, f"blanks in agent code [{raw}] ignored")
    prefix = False
    if content.startswith("~"):
        role = content[1:]
    elif content.endswith("~"):
        role = content[:-1]
        prefix = True
    else:
        role = content
        problems.warn(number, f"agent code [{content}] has no '~': read as a role suffix")
    if role != role.upper():
        problems.warn(number, f"lower-case agent code {role!r} read as {role.upper()!r}")
        role = role.upper()
    if not _ROLE.match(role):
        problems.error(number, f"malformed agent code [{content}]: skipped")
        return None
    return role, prefix


def _expand_markers(
    phrase: str, number: int, markers: dict[str, list[str]], problems: Problems
) -> list[str] | None:
    """Every phrase made by substituting each `!NAME!` with each member of its set."""
    names = _MARKER.findall(phrase)
    if not names:
        if "!" in phrase:
            problems.error(number, f"malformed substitution marker in {phrase!r}: skipped")
            return None
        return [phrase]
    missing = [name for name in names if name not in markers]
    if missing:
        problems.error(number, f"substitution set !{missing[0]}! is not defined: skipped")
        return None
    pieces = _MARKER.split(phrase)  # literal, name, literal, name, ..., literal
    choices = [[piece] if index % 2 == 0 else markers[piece] for index, piece in enumerate(pieces)]
    return ["".join(combination) for combination in itertools.product(*choices)]


def read_discards(path: Path) -> tuple[list[DiscardEntry], list[DictionaryProblem]]:
    problems = Problems(path)
    entries: list[DiscardEntry] = []
    for line in read_lines(path, problems):
        text = line.text
        scope = DiscardScope.SENTENCE
        if text.startswith("+"):
            scope = DiscardScope.STORY
            text = text[1:].strip()
        exact = text.endswith("_")
        words = [word.lower() for word in split_words(text)]
        if not words:
            problems.error(line.number, "empty discard phrase: skipped")
            continue
        if not exact:
            words[-1] += "*"  # PETRARCH: a discard string is a stem unless it ends in '_'
        entries.append(DiscardEntry(problems.rule_id(line.number), " ".join(words), scope))
    return entries, problems.items
