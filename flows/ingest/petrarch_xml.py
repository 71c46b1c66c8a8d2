"""PETRARCH XML input: one article per <Sentence date="YYYYMMDD" id="..."><Text>...</Text>.

Files in this format are often not well-formed XML (bare "&", "</Text>" at the end of the text's
last line, parse trees with brackets), so they are read line by line with a small state machine
instead of an XML parser. Each <Sentence> becomes its own Article, keyed by its id, so coded
events trace back to the sentence exactly as PETRARCH reports them. <Parse> trees are ignored:
the coder parses the text itself.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from coding.records import Article
from flows.ingest.build import RawArticle, build_article
from flows.ingest.origin import Origin
from flows.ingest.problems import IngestProblem
from flows.ingest.rawtext import Line, text_lines

SENTENCE_OPEN = re.compile(r"<Sentence\b([^>]*)>")
SENTENCE_CLOSE = "</Sentence>"
TEXT_OPEN = "<Text>"
TEXT_CLOSE = "</Text>"
ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
COMMENT_START = "<!--"
COMMENT_END = "-->"


@dataclass
class _Sentence:
    """The sentence being read; local to one call of read_petrarch_xml."""

    line: int
    attributes: dict[str, str]
    text: list[str] = field(default_factory=list)
    in_text: bool = False
    has_text: bool = False


def read_petrarch_xml(
    stream: io.BufferedReader, origin: Origin
) -> Iterator[Article | IngestProblem]:
    current: _Sentence | None = None
    found = 0
    for item in _uncommented(text_lines(stream, origin.name)):
        if isinstance(item, IngestProblem):
            yield item
            continue
        opening = SENTENCE_OPEN.search(item.text)
        if opening:
            if current is not None:
                yield IngestProblem(
                    origin.name, item.number, "<Sentence> before </Sentence>", skipped=False
                )
                yield from _finish(current, origin)
            found += 1
            current = _Sentence(item.number, dict(ATTRIBUTE.findall(opening.group(1))))
        if current is None:
            continue
        _read_text(current, item, opening.end() if opening else 0)
        if SENTENCE_CLOSE in item.text and not current.in_text:
            yield from _finish(current, origin)
            current = None
    if current is not None:
        reason = "<Sentence> not closed at end of file"
        yield IngestProblem(origin.name, current.line, reason, skipped=False)
        yield from _finish(current, origin)
    if not found:
        yield IngestProblem(origin.name, 0, "no <Sentence> records found")


def _uncommented(items: Iterator[Line | IngestProblem]) -> Iterator[Line | IngestProblem]:
    """Lines with <!-- comments --> removed, also those spanning lines (the PETRARCH sample
    files open with one)."""
    in_comment = False
    for item in items:
        if isinstance(item, IngestProblem):
            yield item
            continue
        visible: list[str] = []
        rest = item.text
        while rest:
            marker = COMMENT_END if in_comment else COMMENT_START
            found = rest.find(marker)
            if found < 0:
                visible.append("" if in_comment else rest)
                break
            visible.append("" if in_comment else rest[:found])
            rest = rest[found + len(marker) :]
            in_comment = not in_comment
        yield Line(item.number, "".join(visible))


def _read_text(sentence: _Sentence, line: Line, start: int) -> None:
    """Collect the text between <Text> and </Text>, wherever on their lines the tags sit."""
    rest = line.text[start:]
    if not sentence.in_text:
        if TEXT_OPEN not in rest:
            return
        rest = rest.split(TEXT_OPEN, 1)[1]
        sentence.in_text = sentence.has_text = True
    if TEXT_CLOSE in rest:
        rest = rest.split(TEXT_CLOSE, 1)[0]
        sentence.in_text = False
    sentence.text.append(rest)


def _finish(sentence: _Sentence, origin: Origin) -> Iterator[Article | IngestProblem]:
    if not sentence.has_text:
        yield IngestProblem(origin.name, sentence.line, "<Sentence> without <Text>")
        return
    attributes = sentence.attributes
    raw = RawArticle(
        origin=origin.name,
        line=sentence.line,
        publisher_id=attributes.get("id", ""),
        # One sentence is one paragraph, however the file wrapped it.
        text=" ".join(sentence.text),
        date=attributes.get("date", ""),
        source=attributes.get("source", ""),
    )
    yield from build_article(raw, origin.ingested_at)
