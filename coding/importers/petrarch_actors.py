"""Read PETRARCH/Phoenix actor dictionaries (Phoenix.Countries.actors.txt and friends).

Format (PETRARCH docs, "Actor Dictionary"): a primary phrase, optionally followed by `[CODE]`;
`+phrase` synonym lines; indented date-restriction lines `[CODE <date]`, `[CODE >date]`,
`[CODE date-date]` or `[CODE]`. Words are joined by `_` (or blanks); dates are YYMMDD (YY <= 30
is 20YY, as in PETRARCH) or YYYYMMDD; limits are inclusive.

Mapping onto ActorEntry:
- one entry per block (primary line + its synonyms), rule_id = the primary line; phrases are
  lowercase words joined by one blank. PETRARCH's "blank = other words may intervene" is lost:
  every phrase is matched as consecutive tokens.
- codes: the dated codes in file order, then the undated ones (PETRARCH: the code on the
  primary line "becomes the default code if none of the date restrictions are satisfied").
  Several codes in one line (`[A <061231] [B] [---]`) are read left to right.
- a line like "Source: MNC.MLH.actors" (a label) is an ERROR; text after the codes of a line
  ("\t$137,000,000") is ignored with a WARNING.
- codes are kept verbatim, including `---` (recognized, not coded), `+++` and the compound
  `A/B` codes of the validation suite; a block with no code at all gets `---`.

Tolerated with a WARNING: lower-case codes, blanks inside a restriction (`> 990816`,
`19950601 - 19990815`), a 10-digit date that is "19" + a valid YYYYMMDD (`1920030320`), an
uncoded primary line directly followed by another primary line (a forgotten `+`: it joins that
block). ERROR (that code or line skipped): 7- or 9-digit dates, a bare date with no `<`/`>`
(start or single day?), impossible dates, empty ranges, malformed brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from coding.entries import ActorEntry, DatedCode, DictionaryProblem
from coding.importers.petrarch_lines import Problems, read_lines, split_words

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"^(?:[A-Z0-9]+(?:/[A-Z0-9]+)*|---|\+\+\+)$")
_NULL_CODE = "---"
_LABEL = re.compile(r":\s")  # "Source: MNC.MLH.actors", a heading left in the file


@dataclass
class _Block:
    line: int
    phrases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    primary_only: bool = True  # no '+' or date line yet: a next primary line may belong here


def read_actors(path: Path) -> tuple[list[ActorEntry], list[DictionaryProblem]]:
    problems = Problems(path)
    entries: list[ActorEntry] = []
    block: _Block | None = None
    for line in read_lines(path, problems):
        text = line.text
        if text.startswith("["):
            if block is None:
                problems.error(line.number, "date restriction with no actor phrase before it")
                continue
            block.codes.extend(_codes_of(text, line.number, problems))
            block.primary_only = False
        elif text.startswith("+"):
            if block is None:
                problems.error(line.number, "synonym with no primary phrase before it")
                continue
            phrase_text, codes = _split_phrase(text[1:], line.number, problems)
            _add_phrase(block, phrase_text, line.number, problems)
            block.codes.extend(codes)
            block.primary_only = False
        else:
            phrase_text, codes = _split_phrase(text, line.number, problems)
            if _LABEL.search(phrase_text):
                problems.error(line.number, f"{text!r} is a label, not an actor phrase: skipped")
                continue
            if block is not None and not block.codes and block.primary_only:
                # Uncoded primary phrases followed by another primary phrase: a missing '+'.
                problems.warn(
                    line.number,
                    f"primary phrase follows the uncoded phrase of line {block.line}: "
                    "read as one more synonym of it (missing '+'?)",
                )
            else:
                _finish(block, entries, problems)
                block = _Block(line.number)
            _add_phrase(block, phrase_text, line.number, problems)
            block.codes.extend(codes)
            if "[" in text:  # coded, even if every code was bad: not a forgotten '+'
                block.primary_only = False
    _finish(block, entries, problems)
    return entries, problems.items


def _split_phrase(text: str, line: int, problems: Problems) -> tuple[str, list[DatedCode]]:
    cut = text.find("[")
    if cut < 0:
        return text, []
    return text[:cut], _codes_of(text[cut:], line, problems)


def _add_phrase(block: _Block, text: str, line: int, problems: Problems) -> None:
    words = split_words(text)
    if not words:
        problems.error(line, f"empty actor phrase {text!r}")
        return
    phrase = " ".join(words).lower()
    if phrase not in block.phrases:
        block.phrases.append(phrase)


def _finish(block: _Block | None, entries: list[ActorEntry], problems: Problems) -> None:
    if block is None or not block.phrases:
        return
    codes = [code for code in block.codes if code.start or code.end]
    undated = [code for code in block.codes if not (code.start or code.end)]
    if len(undated) > 1:
        problems.warn(
            block.line,
            f"{len(undated)} undated codes; only the first ({undated[0].code}) can apply",
        )
    codes.extend(undated)
    if not codes:
        problems.warn(block.line, "actor has no code: read as '---' (recognized, not coded)")
        codes = [DatedCode(_NULL_CODE)]
    entries.append(ActorEntry(problems.rule_id(block.line), tuple(block.phrases), tuple(codes)))


def _codes_of(text: str, line: int, problems: Problems) -> list[DatedCode]:
    """Every `[CODE restriction]` of `text`, left to right; bad ones are reported and skipped."""
    codes = []
    for match in _BRACKET.finditer(text):
        code = _dated_code(match.group(1), line, problems)
        if code is not None:
            codes.append(code)
    leftover = _BRACKET.sub(" ", text).strip()
    if leftover:
        problems.warn(line, f"text {leftover!r} after the codes ignored")
    return codes


def _dated_code(content: str, line: int, problems: Problems) -> DatedCode | None:
    parts = content.split(None, 1)
    if not parts:
        problems.error(line, "empty code '[]'")
        return None
    code = parts[0]
    if code != code.upper():
        problems.warn(line, f"lower-case code {code!r} read as {code.upper()!r}")
        code = code.upper()
    if not _CODE.match(code):
        problems.error(line, f"malformed actor code {code!r}")
        return None
    if len(parts) == 1:
        return DatedCode(code)
    restriction = parts[1].strip()
    compact = "".join(restriction.split())
    if compact != restriction:
        problems.warn(line, f"blanks in date restriction {restriction!r} ignored")
    try:
        start, end = _restriction(compact)
    except ValueError as exc:
        problems.error(line, f"code {code}: {exc}; code skipped")
        return None
    if start and end and start > end:
        problems.error(line, f"code {code}: range {restriction!r} ends before it starts")
        return None
    if re.search(r"(?<!\d)\d{10}(?!\d)", compact):
        problems.warn(line, f"10-digit date in {restriction!r} read without its leading '19'")
    return DatedCode(code, start, end)


def _restriction(text: str) -> tuple[date | None, date | None]:
    if text.startswith("<"):
        return None, _date(text[1:])
    if text.startswith(">"):
        return _date(text[1:]), None
    if "-" in text:
        first, _, second = text.partition("-")
        return _date(first), _date(second)
    raise ValueError(f"date {text!r} has no '<', '>' or range: start or single day?")


def _date(digits: str) -> date:
    if not digits.isdigit():
        raise ValueError(f"date {digits!r} is not a number")
    if len(digits) == 10 and digits.startswith("19") and digits[2:4] in ("19", "20"):
        digits = digits[2:]  # "1920030320": a stray "19" before a YYYYMMDD date
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        raise ValueError(f"date {digits!r} has {len(digits)} digits (need YYMMDD or YYYYMMDD)")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"date {digits!r} is not a calendar date") from None
