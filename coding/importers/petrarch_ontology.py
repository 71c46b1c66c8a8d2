"""Read a PETRARCH-2 internal coding ontology (PETR.Internal.Coding.Ontology.txt, "PICO").

Each line maps a CAMEO code to a number: `CODE:VALUE`, where VALUE is a sum of hexadecimal (or
decimal) terms ("0x2040", "-0xFFFF+0x2040+0x300", "0x1000-0xFFFF"); `#` starts a comment.
PETRARCH-2 codes a verb negated by "not" as its value minus 0xFFFF, read back through the same
table, so the ontology says what a denied act is: where 110 (disapprove) is written
0xFFFF+0x0080 and 050 (diplomatic cooperation) 0x0080, "did not criticize" is 050; where 011
(decline comment) is 0x1000-0xFFFF, "did not comment" is 011. A value that no code has means no
event, which is what most negated acts get ("did not attack").

Only the negations are kept: cameoflow combines codes by its own rules (transformations).
ERROR (line skipped): no `:`, a code that is neither 2-4 digits nor `---`, a value that is not
a sum of numbers. WARNING: a code listed twice (the first line wins).
"""

from __future__ import annotations

import re
from pathlib import Path

from coding.entries import DictionaryProblem, NegatedCode
from coding.importers.petrarch_lines import Problems, read_lines

NEGATION_OFFSET = 0xFFFF
_CODE = re.compile(r"^(?:\d{2,4}|---)$")  # "---:0" is PETRARCH's no-event code
_NUMBER = r"(?:0x[0-9a-fA-F]+|\d+)"
_VALUE = re.compile(rf"^[+-]?{_NUMBER}(?:[+-]{_NUMBER})*$")
_TERM = re.compile(rf"[+-]?{_NUMBER}")


def read_ontology(path: Path) -> tuple[list[NegatedCode], list[DictionaryProblem]]:
    problems = Problems(path)
    values: dict[str, tuple[int, int]] = {}  # code -> (value, line)
    for line in read_lines(path, problems):
        code, colon, written = (part.strip() for part in line.text.partition(":"))
        if not colon or not _CODE.match(code):
            problems.error(line.number, f"not a 'CODE:VALUE' line: {line.text!r}")
            continue
        compact = written.replace(" ", "")
        if not _VALUE.match(compact):
            problems.error(line.number, f"value of {code} is not a sum of numbers: {written!r}")
            continue
        if code in values:
            problems.warn(line.number, f"{code} is listed again (line {values[code][1]} kept)")
            continue
        values[code] = (sum(_number(term) for term in _TERM.findall(compact)), line.number)
    code_of: dict[int, tuple[str, int]] = {}
    for code, (value, number) in values.items():
        code_of.setdefault(value, (code, number))
    negations = []
    for code, (value, _) in values.items():
        found = code_of.get(value - NEGATION_OFFSET)
        if found is not None and found[0] != "---":
            negated, number = found
            negations.append(NegatedCode(problems.rule_id(number), code, negated))
    return negations, problems.items


def _number(term: str) -> int:
    return int(term, 16) if "x" in term else int(term)
