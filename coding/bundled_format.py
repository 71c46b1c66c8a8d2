"""The bundled dictionary formats of dictionaries/README.md, one parser per file kind.

Each parser takes a file's text and its label (the path relative to the dictionary root, which
prefixes every rule id) and returns entries plus problems. A malformed line is an ERROR problem
and is skipped; a line read with an unambiguous repair is a WARNING. Parsers never raise for a
line: one bad entry must not stop a researcher's whole dictionary from loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from coding.entries import (
    ActorEntry,
    AgentEntry,
    CameoCode,
    DatedCode,
    DictionaryProblem,
    DiscardEntry,
    DiscardScope,
    Severity,
    VerbPattern,
)
from coding.verb_syntax import PatternError, parse_codes, parse_pattern

_FIRST_COLUMN = re.compile(r"(\S+)(\s+)(\S.*)")
_EVENT_CODE = re.compile(r"[0-9]{2,4}")

Problems = list[DictionaryProblem]


def _problem(severity: Severity, label: str, line: int, message: str) -> DictionaryProblem:
    return DictionaryProblem(label, line, severity, message)


def _entry_lines(
    text: str, label: str, problems: Problems, tsv: bool = False
) -> Iterator[tuple[int, str]]:
    """(line number, content) for each line with an entry: comments and blank lines dropped.

    In a TSV a trailing tab ends an empty column, so tabs are kept for the caller to judge.
    """
    for number, raw in enumerate(text.splitlines(), start=1):
        content, hash_mark, _ = raw.partition("#")
        if not content.strip():
            continue
        if tsv:
            yield number, content.strip(" ")
            continue
        if not hash_mark and content != content.rstrip():
            problems.append(_problem(Severity.WARNING, label, number, "trailing whitespace"))
        yield number, content.strip()


def _split_first(
    content: str, label: str, number: int, problems: Problems, what: str
) -> tuple[str, str] | None:
    """The first column and the rest of the line; None (with an ERROR) when there is no rest."""
    match = _FIRST_COLUMN.fullmatch(content)
    if match is None:
        problems.append(_problem(Severity.ERROR, label, number, f"{what} has nothing after it"))
        return None
    first, separator, rest = match.groups()
    if separator == " ":
        problems.append(_problem(Severity.WARNING, label, number,
                                 "columns should be separated by two or more spaces or a tab"))
    return first, rest.strip()


def _quad_for_root(root: str) -> int | None:
    """GDELT quad class of a CAMEO root, as dictionaries/README.md defines it."""
    if not (root.isascii() and root.isdigit()):
        return None
    number = int(root)
    for last, quad in ((5, 1), (8, 2), (13, 3), (20, 4)):
        if 1 <= number <= last:
            return quad
    return None


def parse_code_table(text: str, label: str) -> tuple[dict[str, CameoCode], Problems]:
    """cameo_codes.tsv: `code  name  goldstein  quad_class  plover`, header optional."""
    problems: Problems = []
    codes: dict[str, CameoCode] = {}
    first_line: dict[str, int] = {}

    def report(severity: Severity, number: int, message: str) -> None:
        problems.append(_problem(severity, label, number, message))

    for number, content in _entry_lines(text, label, problems, tsv=True):
        if "\t" in content:
            columns = [c.strip() for c in content.split("\t")]
            if len(columns) > 5 and not any(columns[5:]):
                report(Severity.WARNING, number, "trailing tabs: empty extra columns dropped")
                columns = columns[:5]
        else:
            columns = re.split(r" {2,}", content)
            if len(columns) > 1:
                report(Severity.WARNING, number, "columns separated by spaces instead of tabs")
        code = columns[0]
        if code.lower() == "code":
            continue
        if len(columns) > 5:
            report(Severity.ERROR, number, f"{len(columns)} columns, expected 5")
            continue
        name, goldstein, quad, plover = (columns[1:] + [""] * 4)[:4]
        expected_quad = _quad_for_root(code[:2])
        if not _EVENT_CODE.fullmatch(code) or expected_quad is None:
            report(Severity.ERROR, number, f"{code!r} is not a CAMEO event code (root 01-20)")
            continue
        if code in first_line:
            report(Severity.ERROR, number, f"code {code} already defined at line "
                   f"{first_line[code]}")
            continue
        try:
            score = float(goldstein)
        except ValueError:
            message = f"Goldstein score {goldstein!r} is not a number" if goldstein else (
                "missing Goldstein score")
            report(Severity.ERROR, number, f"{code}: {message}")
            continue
        if not quad:
            report(Severity.WARNING, number,
                   f"{code}: missing quad class, {expected_quad} taken from the root")
            quad = str(expected_quad)
        if quad not in {"1", "2", "3", "4"}:
            report(Severity.ERROR, number, f"{code}: quad class {quad!r} is not 1-4")
            continue
        if int(quad) != expected_quad:
            report(Severity.WARNING, number,
                   f"{code}: quad class {quad} differs from {expected_quad} of root {code[:2]}")
        if not name:
            report(Severity.WARNING, number, f"{code}: missing name")
        if not plover:
            report(Severity.WARNING, number, f"{code}: missing PLOVER category")
        first_line[code] = number
        codes[code] = CameoCode(code, name, score, int(quad), plover)
    return codes, problems


def _phrases(text: str, label: str, number: int, problems: Problems) -> tuple[str, ...]:
    phrases = []
    for part in text.split("|"):
        phrase = " ".join(part.split())
        if not phrase:
            problems.append(_problem(Severity.WARNING, label, number, "empty phrase dropped"))
        elif phrase != part.strip():
            problems.append(_problem(Severity.WARNING, label, number,
                                     f"extra spaces in phrase {phrase!r}"))
        if phrase:
            phrases.append(phrase)
    if not phrases:
        problems.append(_problem(Severity.ERROR, label, number, "no phrases"))
    return tuple(phrases)


def _actor_code(code: str, label: str, number: int, problems: Problems) -> str | None:
    if not code.isalpha() or not code.isascii():
        problems.append(_problem(Severity.ERROR, label, number,
                                 f"code {code!r} must be letters only"))
        return None
    if not code.isupper():
        problems.append(_problem(Severity.WARNING, label, number,
                                 f"code {code!r} upper-cased to {code.upper()}"))
    return code.upper()


def parse_date_range(text: str) -> tuple[date | None, date | None]:
    """`@FROM..TO` with ISO dates, either end empty (open). Raises ValueError with a message."""
    start_text, dots, end_text = text.removeprefix("@").partition("..")
    if not dots:
        raise ValueError(f"date range {text!r} must be written @FROM..TO (either end may be empty)")
    try:
        start = date.fromisoformat(start_text) if start_text else None
        end = date.fromisoformat(end_text) if end_text else None
    except ValueError:
        raise ValueError(f"date range {text!r}: dates must be YYYY-MM-DD") from None
    if start and end and start > end:
        raise ValueError(f"date range {text!r} ends before it starts")
    return start, end


def parse_actors(text: str, label: str) -> tuple[list[ActorEntry], Problems]:
    """actors/*.txt: `CODE  [@FROM..TO]  phrase | phrase | ...`."""
    problems: Problems = []
    entries: list[ActorEntry] = []
    for number, content in _entry_lines(text, label, problems):
        split = _split_first(content, label, number, problems, "actor code")
        if split is None:
            continue
        code = _actor_code(split[0], label, number, problems)
        rest = split[1]
        start = end = None
        if rest.startswith("@"):
            dates, rest = (rest.split(maxsplit=1) + [""])[:2]
            try:
                start, end = parse_date_range(dates)
            except ValueError as exc:
                problems.append(_problem(Severity.ERROR, label, number, str(exc)))
                continue
        phrases = _phrases(rest, label, number, problems)
        if code and phrases:
            dated = DatedCode(code, start, end)
            entries.append(ActorEntry(f"{label}:{number}", phrases, (dated,)))
    return entries, problems


def parse_agents(text: str, label: str) -> tuple[list[AgentEntry], Problems]:
    """agents.txt: `ROLE  phrase | phrase | ...`."""
    problems: Problems = []
    entries: list[AgentEntry] = []
    for number, content in _entry_lines(text, label, problems):
        split = _split_first(content, label, number, problems, "role code")
        if split is None:
            continue
        if split[1].startswith("@"):
            problems.append(_problem(Severity.ERROR, label, number, "agents take no dates"))
            continue
        code = _actor_code(split[0], label, number, problems)
        phrases = _phrases(split[1], label, number, problems)
        if code and phrases:
            entries.append(AgentEntry(f"{label}:{number}", phrases, code))
    return entries, problems


def parse_discards(text: str, label: str) -> tuple[list[DiscardEntry], Problems]:
    """discards.txt: `sentence  phrase` or `story  phrase`; `a | b` gives one entry per phrase."""
    problems: Problems = []
    entries: list[DiscardEntry] = []
    scopes = {scope.value: scope for scope in DiscardScope}
    for number, content in _entry_lines(text, label, problems):
        split = _split_first(content, label, number, problems, "scope")
        if split is None:
            continue
        scope = scopes.get(split[0].lower())
        if scope is None:
            problems.append(_problem(Severity.ERROR, label, number,
                                     f"scope {split[0]!r} is not 'sentence' or 'story'"))
            continue
        for phrase in _phrases(split[1], label, number, problems):
            entries.append(DiscardEntry(f"{label}:{number}", phrase, scope))
    return entries, problems


def parse_verbs(text: str, label: str) -> tuple[list[VerbPattern], Problems]:
    """verbs/*.txt: `CODE  PATTERN`, the pattern as coding/verb_syntax.py reads it."""
    problems: Problems = []
    patterns: list[VerbPattern] = []
    for number, content in _entry_lines(text, label, problems):
        split = _split_first(content, label, number, problems, "event code")
        if split is None:
            continue
        try:
            code, reverse = parse_codes(split[0])
            pattern, warnings = parse_pattern(split[1], f"{label}:{number}", code, reverse)
        except PatternError as exc:
            problems.append(_problem(Severity.ERROR, label, number, str(exc)))
            continue
        problems.extend(_problem(Severity.WARNING, label, number, w) for w in warnings)
        patterns.append(pattern)
    return patterns, problems
