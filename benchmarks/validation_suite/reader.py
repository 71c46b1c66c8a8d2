"""Reading the UD-PETRARCH validation file (PETR_Validate_records_*.xml) into typed records.

The file is XML only in appearance: one id is used twice and one record closes </Text> on the
text's own line, and UD-PETRARCH itself reads it line by line. So does this reader: comments are
stripped first (they hold example tags), then each <Sentence> block is read line by line, with
XML entities (&amp;) decoded. Gold items are kept as the file gives them; which records count
is decided by `scored_records`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')
ENVIRONMENT_FILES = ("Verbfile", "Actorfile", "Agentfile", "Discardfile")
# PETRARCH-2's coding ontology: what a negated verb codes. Suites written for PETRARCH-1 lack it.
OPTIONAL_ENVIRONMENT_FILES = ("PICOfile",)


class ValidationFileError(ValueError):
    """A malformed validation file, located by path and 1-based line number."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


@dataclass(frozen=True, slots=True)
class Triple:
    """One CAMEO event as (event code, source actor code, target actor code)."""

    code: str
    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.code} {self.source} {self.target}"


@dataclass(frozen=True, slots=True)
class UdToken:
    """One CoNLL-U line of a <Parse>: 1-based index and head (0 = root), UD relation."""

    index: int
    form: str
    lemma: str
    upos: str
    xpos: str
    head: int
    deprel: str


@dataclass(frozen=True, slots=True)
class ValidationRecord:
    record_id: str  # unique: a repeated id gets "#2", "#3", ...
    category: str
    evaluate: bool
    date: datetime  # the record's date at 00:00 UTC
    text: str  # whitespace collapsed to single spaces
    gold: tuple[Triple, ...]
    noevents: bool  # the gold says nothing should be coded
    parse: tuple[UdToken, ...]
    line: int  # where the <Sentence> tag is
    text_end: int = 0  # the line holding </Text>
    text_closed_inline: bool = False  # </Text> follows text on its line (PATTERN-20)
    unread_by_peer: bool = False  # UD-PETRARCH's reader never reaches this record (see below)

    @property
    def gold_items(self) -> int:
        """How many items the scoring counts: a no-event record counts as one."""
        return 1 if self.noevents else len(self.gold)


@dataclass(frozen=True, slots=True)
class ValidationSuite:
    path: Path
    dictionary_files: dict[str, Path]  # Environment tag ("Verbfile", ...) -> file beside the suite
    include: tuple[str, ...]  # categories to score
    records: tuple[ValidationRecord, ...]  # every <Sentence>, in file order


def strip_comments(lines: list[str]) -> list[str]:
    """Blank out <!-- ... --> (also across lines), keeping the line count for error locations."""
    out: list[str] = []
    inside = False
    for line in lines:
        kept = []
        rest = line
        while rest:
            if inside:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    rest = rest[end + 3:]
                    inside = False
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept.append(rest)
                    rest = ""
                else:
                    kept.append(rest[:start])
                    rest = rest[start + 4:]
                    inside = True
        out.append("".join(kept))
    return out


def attributes(line: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in ATTRIBUTE.findall(line)}


def _tag_text(line: str, tag: str) -> str:
    return line.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0].strip()


def read_environment(lines: list[str], path: Path) -> tuple[dict[str, Path], tuple[str, ...]]:
    files: dict[str, Path] = {}
    include: tuple[str, ...] = ()
    for line in lines:
        stripped = line.strip()
        for tag in ENVIRONMENT_FILES + OPTIONAL_ENVIRONMENT_FILES:
            if stripped.startswith(f"<{tag}>"):
                files[tag] = path.parent / _tag_text(stripped, tag)
        if stripped.startswith("<Include>"):
            include = tuple(_tag_text(stripped, "Include").split())
        if stripped.startswith("</Environment"):
            break
    missing = [tag for tag in ENVIRONMENT_FILES if tag not in files]
    if missing:
        raise ValidationFileError(path, 1, f"<Environment> names no {', '.join(missing)}")
    return files, include


def _parse_line(line: str, path: Path, number: int) -> UdToken:
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 10 or not cols[0].isdigit() or not cols[6].isdigit():
        raise ValidationFileError(path, number, f"not a CoNLL-U token line: {line.strip()!r}")
    return UdToken(int(cols[0]), unescape(cols[1]), unescape(cols[2]), cols[3], cols[4],
                   int(cols[6]), cols[7])


def _record_date(value: str, path: Path, number: int) -> datetime:
    try:
        return datetime.strptime(value, "%Y%m%d").replace(tzinfo=UTC)
    except ValueError as exc:
        raise ValidationFileError(path, number, f"bad date {value!r}") from exc


def _read_sentence(lines: list[str], start: int, path: Path) -> tuple[dict, int]:
    """Read the block starting at lines[start] (a <Sentence> line); return fields, next index."""
    attrs = attributes(lines[start])
    fields: dict = {"attrs": attrs, "gold": [], "noevents": False, "text": None, "parse": [],
                    "text_end": 0, "text_closed_inline": False}
    i = start + 1
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("<Sentence "):
            return fields, i  # an unclosed record ends where the next one starts
        if line.startswith("</Sentence"):
            break
        if line.startswith("<EventCoding"):
            coding = attributes(line)
            if coding.get("noevents", "").lower() == "true":
                fields["noevents"] = True
            elif "eventcode" in coding:
                fields["gold"].append(
                    Triple(coding["eventcode"], coding.get("sourcecode", ""),
                           coding.get("targetcode", ""))
                )
        elif line.startswith("<Text>"):
            parts = [line.removeprefix("<Text>")]
            while "</Text>" not in parts[-1]:
                i += 1
                if i >= len(lines):
                    raise ValidationFileError(path, start + 1, "<Text> is never closed")
                parts.append(lines[i])
            fields["text_end"] = i + 1
            fields["text_closed_inline"] = not lines[i].strip().startswith("</Text>")
            parts[-1] = parts[-1].split("</Text>", 1)[0]
            fields["text"] = unescape(" ".join(" ".join(parts).split()))
        elif line.startswith("<Parse>"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("</Parse>"):
                if lines[i].strip():
                    fields["parse"].append(_parse_line(lines[i], path, i + 1))
                i += 1
            if "</Sentence>" in (lines[i] if i < len(lines) else ""):
                break
        i += 1
    return fields, i + 1


def read_suite(path: Path) -> ValidationSuite:
    """Every <Sentence> of the file, with repeated ids made unique, and its Environment."""
    lines = strip_comments(path.read_text(encoding="utf-8").splitlines())
    files, include = read_environment(lines, path)
    records: list[ValidationRecord] = []
    seen: Counter[str] = Counter()
    i = 0
    while i < len(lines):
        if not lines[i].strip().startswith("<Sentence "):
            i += 1
            continue
        number = i + 1
        fields, i = _read_sentence(lines, i, path)
        attrs = fields["attrs"]
        for name in ("id", "category", "date"):
            if name not in attrs:
                raise ValidationFileError(path, number, f"<Sentence> has no {name}=")
        if fields["text"] is None:
            raise ValidationFileError(path, number, f"{attrs['id']} has no <Text>")
        seen[attrs["id"]] += 1
        record_id = attrs["id"] if seen[attrs["id"]] == 1 else f"{attrs['id']}#{seen[attrs['id']]}"
        records.append(
            ValidationRecord(
                record_id=record_id,
                category=attrs["category"],
                evaluate=attrs.get("evaluate", "true").lower() == "true",
                date=_record_date(attrs["date"], path, number),
                text=fields["text"],
                gold=tuple(fields["gold"]),
                noevents=fields["noevents"] and not fields["gold"],
                parse=tuple(fields["parse"]),
                line=number,
                text_end=fields["text_end"],
                text_closed_inline=fields["text_closed_inline"],
            )
        )
    return ValidationSuite(path, files, include, mark_unread_by_peer(records, lines))


def mark_unread_by_peer(
    records: list[ValidationRecord], lines: list[str]
) -> tuple[ValidationRecord, ...]:
    """UD-PETRARCH reads a <Text> on until a line that starts with </Text>; when </Text> closes
    the text's own line it reads into the next records, and the <Sentence> lines it passes are
    never seen (PETR_Validate_records_2_02: PATTERN-20 swallows PATTERN-21, hence its 244)."""
    swallowed: set[int] = set()
    for record in records:
        if not record.text_closed_inline:
            continue
        end = next(
            (n for n in range(record.text_end + 1, len(lines) + 1)
             if lines[n - 1].startswith("</Text")),
            len(lines) + 1,
        )
        swallowed |= {r.line for r in records if record.text_end < r.line < end}
    return tuple(replace(r, unread_by_peer=r.line in swallowed) for r in records)


def scored_records(
    suite: ValidationSuite, like_peer: bool = True
) -> tuple[ValidationRecord, ...]:
    """The records to score: evaluate="true", category in <Include>, some gold item; with
    like_peer, also only those UD-PETRARCH reads, so totals compare with its published ones."""
    return tuple(
        r for r in suite.records
        if r.evaluate and r.category in suite.include and (r.gold or r.noevents)
        and not (like_peer and r.unread_by_peer)
    )
