"""Read dictionaries (bundled format or PETRARCH) and combine them into one Dictionaries value.

`load_dictionaries(paths)` takes folders and files, in order; with none it reads the bundled
folder (`BUNDLED`). How each path is read:

- A folder holding `cameo_codes.tsv`, `actors/`, `verbs/` or `agents.txt` is in the bundled
  format of dictionaries/README.md: it contributes `cameo_codes.tsv`, `actors/*.txt`,
  `agents.txt`, `verbs/*.txt` and `discards.txt`, whichever exist (files in name order).
- Any other folder holds PETRARCH files, recognised by name: "verbs" in the name or
  `CAMEO.*.txt` -> verbs, "actors" -> actors, "agents" -> agents, "discards" -> discards,
  "ontology" -> the internal coding ontology (what a negated verb codes); other files (issue
  codings, XML, ...) are skipped with an info log line.
- A file is read as part of the bundled layout when it sits where that layout puts it
  (`<root>/actors/x.txt`, `<root>/verbs/x.txt`, `<root>/agents.txt`, `<root>/discards.txt`, any
  `cameo_codes.tsv`), otherwise as a PETRARCH file by the name rules above.

Rule ids are `<path relative to the dictionary root>:<line>` ("verbs/19_fight.txt:12"), the
same whether a bundled file is read through its folder or on its own; PETRARCH files and their
ids (`<file name>:<line>`) come from coding.importers.petrarch. Problems are reported under the
same relative path as the rule ids, so lint output and events' matched_rule name files alike.

Combining: the code table starts from the bundled `cameo_codes.tsv` (PETRARCH folders have none);
a bundled-layout path with its own `cameo_codes.tsv` overrides it code by code. For entries, each
path is one source and later sources take precedence: their actors, agents, discards and
transformations come first in the tuples (the matcher takes the first applicable entry, so a
later phrase shadows an earlier one while earlier entries stay as fallbacks, e.g. for dates the
later source does not cover). Verb patterns are replaced per verb: when a later source has any
pattern for a verb (lemma, particle and noun-ness together), every earlier pattern for that verb
is dropped, so a user's file can replace a verb block. Passing paths replaces the default: write
`[BUNDLED, my_folder]` to extend the bundled dictionaries.

The line formats are parsed by coding/bundled_format.py (verb patterns by coding/verb_syntax.py).
Malformed lines become DictionaryProblems (ERROR: line skipped; WARNING: read with a repair) and
never stop loading; DictionaryError is raised only when nothing usable can be read (a path that
does not exist, an unreadable or undecodable file, no code table at all).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coding.bundled_format import (
    Problems,
    parse_actors,
    parse_agents,
    parse_code_table,
    parse_discards,
    parse_verbs,
)
from coding.entries import (
    ActorEntry,
    AgentEntry,
    CameoCode,
    Dictionaries,
    DictionaryProblem,
    DiscardEntry,
    NegatedCode,
    Transformation,
    VerbPattern,
)
from coding.errors import DictionaryError

logger = logging.getLogger(__name__)

BUNDLED = Path(__file__).resolve().parents[1] / "dictionaries"
CODE_TABLE = "cameo_codes.tsv"

_PETRARCH_VERBS = re.compile(r"cameo\..*\.txt")


@dataclass(slots=True)
class _Source:
    """What one path argument contributes, in reading order."""

    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    verbs: list[VerbPattern] = field(default_factory=list)
    discards: list[DiscardEntry] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)
    negations: list[NegatedCode] = field(default_factory=list)


@dataclass(slots=True)
class _Reading:
    """State of one load_dictionaries call: what was read so far."""

    codes: dict[str, CameoCode] = field(default_factory=dict)
    problems: Problems = field(default_factory=list)
    digest: Any = field(default_factory=hashlib.sha256)
    tables_read: set[Path] = field(default_factory=set)

    def text(self, path: Path) -> str:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DictionaryError(str(path), 0, f"cannot read: {exc.strerror}") from exc
        self.digest.update(data)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise DictionaryError(str(path), line, "not UTF-8 text") from exc

    def code_table(self, path: Path, label: str) -> None:
        if path.resolve() in self.tables_read:
            return
        self.tables_read.add(path.resolve())
        codes, problems = parse_code_table(self.text(path), label)
        self.codes.update(codes)
        self.problems.extend(problems)


_BUNDLED_PARSERS: dict[str, Callable[[str, str], tuple[list[Any], Problems]]] = {
    "actors": parse_actors,
    "agents": parse_agents,
    "verbs": parse_verbs,
    "discards": parse_discards,
}


def is_bundled_layout(folder: Path) -> bool:
    return (
        (folder / CODE_TABLE).is_file()
        or (folder / "actors").is_dir()
        or (folder / "verbs").is_dir()
        or (folder / "agents.txt").is_file()
    )


def petrarch_kind(name: str) -> str | None:
    """Which PETRARCH dictionary a file holds, from its name; None if it holds none we read."""
    lower = name.lower()
    if "verbs" in lower or _PETRARCH_VERBS.fullmatch(lower):
        return "verbs"
    for kind in ("actors", "agents", "discards", "ontology"):
        if kind in lower:
            return kind
    return None


def _bundled_files(root: Path) -> list[tuple[Path, str, str]]:
    """(path, kind, label) of every file a bundled-layout folder contributes, in reading order."""
    files = [(root / CODE_TABLE, "codes", CODE_TABLE)]
    files += [(p, "actors", f"actors/{p.name}") for p in sorted(root.glob("actors/*.txt"))]
    files.append((root / "agents.txt", "agents", "agents.txt"))
    files += [(p, "verbs", f"verbs/{p.name}") for p in sorted(root.glob("verbs/*.txt"))]
    files.append((root / "discards.txt", "discards", "discards.txt"))
    return [(path, kind, label) for path, kind, label in files if path.is_file()]


def _bundled_place(path: Path) -> tuple[str, str] | None:
    """(kind, label) when a file sits where the bundled layout puts it, else None."""
    parent = path.parent
    if path.name == CODE_TABLE:
        return "codes", CODE_TABLE
    if parent.name in ("actors", "verbs") and path.suffix == ".txt" and is_bundled_layout(
        parent.parent
    ):
        return parent.name, f"{parent.name}/{path.name}"
    if path.name in ("agents.txt", "discards.txt") and is_bundled_layout(parent):
        return path.stem, path.name
    return None


def _read_bundled(path: Path, kind: str, label: str, source: _Source, reading: _Reading) -> None:
    if kind == "codes":
        reading.code_table(path, label)
        return
    entries, problems = _BUNDLED_PARSERS[kind](reading.text(path), label)
    getattr(source, kind).extend(entries)
    reading.problems.extend(problems)


def _read_petrarch(path: Path, kind: str, source: _Source, reading: _Reading) -> None:
    try:
        from coding.importers import petrarch
    except ModuleNotFoundError as exc:
        if exc.name not in ("coding.importers", "coding.importers.petrarch"):
            raise
        raise DictionaryError(str(path), 0, "PETRARCH importer is not available") from exc
    reading.text(path)  # the importer reads the file itself; this only adds it to the version
    if kind == "verbs":
        verbs, transformations, problems = petrarch.read_verbs(path)
        source.verbs.extend(verbs)
        source.transformations.extend(transformations)
    elif kind == "ontology":
        negations, problems = petrarch.read_ontology(path)
        source.negations.extend(negations)
    else:
        reader = {"actors": petrarch.read_actors, "agents": petrarch.read_agents,
                  "discards": petrarch.read_discards}[kind]
        entries, problems = reader(path)
        getattr(source, kind).extend(entries)
    # Report under the file name, the prefix of the importer's rule ids, so that lint output
    # names each file one way whether a problem came from reading it or from linting it.
    reading.problems.extend(
        DictionaryProblem(path.name, p.line, p.severity, p.message) if p.path == str(path) else p
        for p in problems
    )


def _read_source(path: Path, reading: _Reading) -> _Source:
    source = _Source()
    if path.is_dir() and is_bundled_layout(path):
        for file, file_kind, label in _bundled_files(path):
            _read_bundled(file, file_kind, label, source, reading)
    elif path.is_dir():
        for file in sorted(p for p in path.iterdir() if p.is_file()):
            kind = petrarch_kind(file.name)
            if kind is None:
                logger.info("%s: not a verb, actor, agent, discard or ontology file; skipped",
                            file)
            else:
                _read_petrarch(file, kind, source, reading)
    elif path.is_file():
        place = _bundled_place(path)
        kind = petrarch_kind(path.name)
        if place is not None:
            _read_bundled(path, place[0], place[1], source, reading)
        elif kind is not None:
            _read_petrarch(path, kind, source, reading)
        else:
            raise DictionaryError(str(path), 0, "cannot tell which dictionary this file is "
                                  "from its name (see coding/dictionaries.py)")
    else:
        raise DictionaryError(str(path), 0, "no such file or folder")
    return source


def _verb_key(pattern: VerbPattern) -> tuple[str, str, bool]:
    return pattern.lemma, pattern.particle, pattern.is_noun


def _merge_verbs(sources: Sequence[_Source]) -> tuple[VerbPattern, ...]:
    """Later sources first; a verb defined by a later source drops its earlier patterns."""
    merged: list[VerbPattern] = []
    defined: set[tuple[str, str, bool]] = set()
    for source in reversed(sources):
        merged += [p for p in source.verbs if _verb_key(p) not in defined]
        defined |= {_verb_key(p) for p in source.verbs}
    return tuple(merged)


def load_dictionaries(paths: Sequence[Path] = ()) -> Dictionaries:
    """Read and combine dictionaries; see the module docstring for how paths are read."""
    reading = _Reading()
    if (BUNDLED / CODE_TABLE).is_file():
        reading.code_table(BUNDLED / CODE_TABLE, CODE_TABLE)
    sources = [_read_source(Path(path), reading) for path in (paths or [BUNDLED])]
    if not reading.codes:
        raise DictionaryError(str(BUNDLED / CODE_TABLE), 0, "no usable CAMEO code table")
    newest_first = list(reversed(sources))
    return Dictionaries(
        codes=reading.codes,
        actors=tuple(e for s in newest_first for e in s.actors),
        agents=tuple(e for s in newest_first for e in s.agents),
        verbs=_merge_verbs(sources),
        discards=tuple(e for s in newest_first for e in s.discards),
        transformations=tuple(e for s in newest_first for e in s.transformations),
        negations=tuple(e for s in newest_first for e in s.negations),
        problems=tuple(reading.problems),
        version=reading.digest.hexdigest()[:12],
    )
