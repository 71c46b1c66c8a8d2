"""The coder end to end: articles in, coded articles out. Parses once with nlp.pipe.

    coder = load_coder()                       # model + compiled dictionaries, once per process
    for coded in code_articles(coder, articles):
        coded.events                           # Event records, each with matched_rule and trace

Nothing here knows about Prefect, DuckDB or where it runs.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from coding.compiled import CompiledDictionaries, compile_dictionaries
from coding.context import SentenceContext
from coding.coreference import ArticleMemory
from coding.dictionaries import Dictionaries, load_dictionaries
from coding.entries import DiscardScope
from coding.events import code_sentence
from coding.native import source_digest
from coding.nlp import build_nlp
from coding.places import gazetteer
from coding.records import (
    Article,
    CodedArticle,
    Outcome,
    Sentence,
    SentenceReport,
    TraceStep,
)
from coding.tree import span_text

logger = logging.getLogger(__name__)

PARSE_BATCH = 64
# A "sentence" this long is a table, a list or a scrape without punctuation: its parse is
# meaningless and would only yield spurious events, so it is reported and not coded.
MAX_SENTENCE_TOKENS = 300
# spaCy needs about 1 GB of temporary memory per 100,000 characters parsed at once, so longer
# paragraphs are parsed in pieces cut at whitespace (sentences across a cut are rare and long).
MAX_PARAGRAPH_CHARS = 100_000


@lru_cache(maxsize=1)
def coder_version() -> str:
    """Package version plus a hash of the coder's own source: a change to any rule changes it,
    so re-coding can tell stale events from current ones."""
    try:
        release = version("cameoflow")
    except PackageNotFoundError:
        release = "0+unknown"
    return f"{release}+{source_digest()[:8]}"


@dataclass(frozen=True)
class Coder:
    nlp: Language
    compiled: CompiledDictionaries
    version: str

    @property
    def dictionary_version(self) -> str:
        return self.compiled.version


def load_coder(dictionary_paths: Sequence[Path] = (), model: str | None = None) -> Coder:
    """Load the model and the dictionaries (bundled when no path is given) and compile them."""
    return coder_for(load_dictionaries(list(dictionary_paths)), model)


def coder_for(dictionaries: Dictionaries, model: str | None = None) -> Coder:
    """Load the model and compile dictionaries already read. The place gazetteer is built now
    too, not at the first place name: it is as long-lived."""
    nlp = build_nlp(model)
    gazetteer()
    return Coder(nlp, compile_dictionaries(nlp, dictionaries), coder_version())


def paragraphs(article: Article) -> list[str]:
    """The title is its own paragraph, so it never runs into the lede; a wire dateline is no
    part of the lede's sentence."""
    parts = [article.title] if article.title.strip() else []
    for paragraph in article.text.split("\n\n"):
        paragraph = DATELINE.sub("", paragraph, count=1)
        parts.extend(p for p in split_long(paragraph) if p.strip())
    return parts


# "KYIV, March 3 (Reuters) - ", "UNITED NATIONS (AP) -- ", "WASHINGTON \u2014 ": a city in
# capitals, maybe a region, a date and an agency, then a dash; without a date or an agency
# only a long dash, since "NATO - the alliance - said" opens a sentence. Left in, the parser
# makes the city a second subject of the lede's verb, and an actor of its events.
_CITY = r"[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
_DATED = r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})"
_AGENCY = r"(?: \([A-Za-z][\w .&-]{0,30}\))"
DATELINE = re.compile(
    rf"^\s*{_CITY}(?:(?:{_DATED}{_AGENCY}?|{_AGENCY}) ?(?:-{{1,2}}|\u2013|\u2014)"
    rf"| ?(?:--|\u2013|\u2014)) "
)


def split_long(paragraph: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """The paragraph in pieces of at most `limit` characters, cut at the last whitespace."""
    pieces = []
    while len(paragraph) > limit:
        cut = paragraph.rfind(" ", 0, limit) + 1 or limit
        pieces.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    pieces.append(paragraph)
    return pieces


def render_parse(sent: Span) -> str:
    return "\n".join(
        f"  {t.i - sent.start:>3} {t.text:<16} {t.lemma_:<14} {t.pos_:<6} {t.dep_:<10} "
        f"<- {t.head.i - sent.start:>3} {t.head.text}"
        for t in sent
    )


def story_discard(docs: list[Doc], coder: Coder) -> TraceStep | None:
    """A story-scope discard phrase anywhere in the article drops the whole article."""
    compiled = coder.compiled
    strings = coder.nlp.vocab.strings
    for doc in docs:
        for match_id, start, end in compiled.doc_matches(doc)[0]:
            if strings[match_id] != "DISCARD":
                continue
            key = " ".join(t.lower_ for t in doc[start:end])
            entry = compiled.discards_by_phrase[key][0]
            if entry.scope is DiscardScope.STORY:
                return TraceStep("discard", entry.rule_id, Outcome.DISCARDED, key)
    return None


def too_long(sentence: Sentence, tokens: int) -> TraceStep:
    logger.warning(
        "article %s sentence %d: %d tokens (limit %d); not coded",
        sentence.article_id, sentence.sentence_index, tokens, MAX_SENTENCE_TOKENS,
    )
    detail = f"{tokens} tokens, over the limit of {MAX_SENTENCE_TOKENS}; not coded"
    return TraceStep("guard", "max_sentence_tokens", Outcome.DISCARDED, detail)


def code_docs(
    coder: Coder, article: Article, docs: list[Doc], explain: bool = False
) -> CodedArticle:
    """Code one article's parsed paragraphs; sentence indices run over the whole article."""
    published = article.published_at.date() if article.published_at else date.today()
    sents = [sent for doc in docs for sent in doc.sents]
    discarded = story_discard(docs, coder)
    memory = ArticleMemory()
    reports = []
    for index, sent in enumerate(sents):
        sentence = Sentence(article.article_id, index, span_text(sent))
        if discarded is not None:
            reports.append(SentenceReport(sentence, (), (), (discarded,)))
            continue
        if len(sent) > MAX_SENTENCE_TOKENS:
            reports.append(SentenceReport(sentence, (), (), (too_long(sentence, len(sent)),)))
            continue
        ctx = SentenceContext(
            article.article_id, index, published, coder.compiled, coder.version, explain
        )
        result = code_sentence(sent, ctx, memory)
        reports.append(
            SentenceReport(
                sentence,
                tuple(result.events),
                tuple(result.actors),
                tuple(result.trace),
                render_parse(sent) if explain else "",
            )
        )
    return CodedArticle(article, tuple(reports))


def code_articles(
    coder: Coder,
    articles: Iterable[Article],
    explain: bool = False,
    batch_size: int = PARSE_BATCH,
) -> Iterator[CodedArticle]:
    """Parse every paragraph with one streaming nlp.pipe and code each article as it completes.

    Articles are consumed lazily, so memory stays flat however long the input is."""
    numbered = (
        (text, (seq, article))
        for seq, article in enumerate(articles)
        for text in paragraphs(article) or [""]
    )
    parsed = coder.nlp.pipe(numbered, as_tuples=True, batch_size=batch_size)
    for _, group in itertools.groupby(parsed, key=lambda pair: pair[1][0]):
        items = list(group)
        article = items[0][1][1]
        yield code_docs(coder, article, [doc for doc, _ in items], explain)


def code_text(
    coder: Coder, text: str, published: date, article_id: str = "text", explain: bool = False
) -> CodedArticle:
    """Code a single text given on the command line (no title)."""
    when = datetime(published.year, published.month, published.day, tzinfo=UTC)
    article = Article(article_id=article_id, title="", text=text, published_at=when)
    return next(code_articles(coder, [article], explain=explain))
