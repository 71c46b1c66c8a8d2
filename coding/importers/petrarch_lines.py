"""Shared pieces of the PETRARCH readers: comment stripping, problem collection, plurals.

PETRARCH dictionaries share one comment convention (PETRreader.read_FIN_line and the
dictionary documentation): `#` starts a comment anywhere on a line, `;` does too (the legacy
KEDS/TABARI rule, still found in CAMEO.2.0.txt as "SCRAP {...};shan 8/30/93"), and XML comments
`<!-- ... -->` may sit inside a line or span several lines. A line that starts with `<!` is a
comment even when its author wrote "<! --".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coding.entries import DictionaryProblem, Severity

_VOWELS = frozenset("AEIOU")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in the file
    text: str  # the line with comments removed and outer whitespace stripped


@dataclass
class Problems:
    """Collects the problems of one file; every reader returns them with its entries."""

    path: Path
    items: list[DictionaryProblem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def rule_id(self, line: int) -> str:
        return f"{self.path.name}:{line}"

    def warn(self, line: int, message: str) -> None:
        self.items.append(DictionaryProblem(str(self.path), line, Severity.WARNING, message))

    def error(self, line: int, message: str) -> None:
        self.items.append(DictionaryProblem(str(self.path), line, Severity.ERROR, message))


def read_lines(path: Path, problems: Problems) -> Iterator[Line]:
    """Yield the non-empty lines of `path` with comments removed."""
    in_xml_comment = False
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            text = raw
            if in_xml_comment:
                end = text.find("-->")
                if end < 0:
                    continue
                text = text[end + 3 :]
                in_xml_comment = False
            if text.lstrip().startswith("<!"):
                # "<!-- ..." or "<! -- ...": a comment line, possibly opening a block
                in_xml_comment = "-->" not in text
                continue
            text, in_xml_comment = _strip_xml_comment(text)
            for marker in ("#", ";"):
                cut = text.find(marker)
                if cut >= 0:
                    text = text[:cut]
            text = text.strip()
            if not text:
                continue
            if "\ufffd" in text:
                problems.warn(number, "undecodable character (not UTF-8) kept as U+FFFD")
            yield Line(number, text)


def _strip_xml_comment(text: str) -> tuple[str, bool]:
    start = text.find("<!--")
    if start < 0:
        return text, False
    end = text.find("-->", start + 4)
    if end < 0:
        return text[:start], True
    return text[:start] + " " + text[end + 3 :], False


def regular_plural(word: str) -> str:
    """PETRARCH's automatic plural (Y -> IES, SS -> SSES, else + S), corrected for English: a
    vowel before Y takes S ("attorney" -> "attorneys"), X, Z, CH, SH take ES, and a word
    already ending in a single S ("forces") is taken as plural and left alone."""
    upper = word.upper()
    lower_case = not word.isupper()
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in _VOWELS:
        return word[:-1] + ("ies" if lower_case else "IES")
    if upper.endswith(("SS", "X", "Z", "CH", "SH")):
        return word + ("es" if lower_case else "ES")
    if upper.endswith("S"):
        return word
    return word + ("s" if lower_case else "S")


def split_words(phrase: str) -> list[str]:
    """Words of a PETRARCH phrase: `_` and blanks both separate words; a trailing `_` (the
    TABARI "exact word" mark, meaningless to PETRARCH-2, which never stems) is dropped."""
    return [word for word in phrase.replace("_", " ").split() if word]
