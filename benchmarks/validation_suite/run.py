"""Coding the suite's records in either parse mode, scoring each, and timing parse vs coding.

Modes: "spacy" codes each record's text as a user would (normalized as ingest does, then
code_articles: spaCy parses it);
"gold-ud" codes the file's own UD parses, converted to spaCy's scheme, through code_docs, so
parser errors and coder errors can be told apart. A record the coder crashes on is a miss that
carries the error; the run goes on.
"""

from __future__ import annotations

import gc
import statistics
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc

from benchmarks.validation_suite.reader import Triple, ValidationRecord, ValidationSuite
from benchmarks.validation_suite.scoring import RecordScore, score_peer, score_strict
from benchmarks.validation_suite.ud_convert import gold_doc
from coding.explain import explain_article
from coding.pipeline import Coder, code_articles, code_docs, load_coder
from coding.records import Article, CodedArticle
from flows.ingest import normalize_text

Mode = Literal["spacy", "gold-ud"]
MODES: tuple[Mode, ...] = ("spacy", "gold-ud")
DICTIONARY_ORDER = ("Verbfile", "Actorfile", "Agentfile", "Discardfile", "PICOfile")


@dataclass(frozen=True, slots=True)
class RecordResult:
    record: ValidationRecord
    coded: tuple[Triple, ...]
    peer: RecordScore
    strict: RecordScore
    explain: str
    error: str = ""  # the coder's exception, with where it was raised
    decisions: tuple[str, ...] = ()  # distinct "stage:OUTCOME" of the coder's trace, in order

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if self.strict.exact:
            return "CORRECT"
        return "PARTIAL" if self.strict.correct else "MISS"


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds for one pass over all records: best and median of `repeats` passes."""

    sentences: int
    repeats: int
    parse_best: float | None  # spaCy nlp.pipe alone; None in gold-ud mode
    parse_median: float | None
    code_best: float  # code_docs over already-parsed docs
    code_median: float


@dataclass(frozen=True, slots=True)
class ModeResult:
    mode: Mode
    results: tuple[RecordResult, ...]
    timing: Timing


def suite_coder(suite: ValidationSuite, model: str | None = None) -> Coder:
    """A coder with the suite's own dictionaries, in the order its <Environment> names them."""
    files = suite.dictionary_files
    return load_coder([files[tag] for tag in DICTIONARY_ORDER if tag in files], model)


def record_article(record: ValidationRecord) -> Article:
    return Article(article_id=record.record_id, title="", text=normalize_text(record.text),
                   published_at=record.date)


def coded_triples(coded: CodedArticle) -> tuple[Triple, ...]:
    return tuple(Triple(e.event_code, e.source.code, e.target.code) for e in coded.events)


def _error_text(exc: Exception) -> str:
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
    return f"{type(exc).__name__}: {exc} (at {where})"


def decisions(coded: CodedArticle) -> tuple[str, ...]:
    steps = (step for s in coded.sentences
             for step in (*s.trace, *(t for e in s.events for t in e.trace)))
    return tuple(dict.fromkeys(f"{step.stage}:{step.outcome}" for step in steps))


def score_record(record: ValidationRecord, coded: CodedArticle) -> RecordResult:
    triples = coded_triples(coded)
    return RecordResult(
        record,
        triples,
        score_peer(record.gold, record.noevents, triples),
        score_strict(record.gold, record.noevents, triples),
        explain_article(coded),
        decisions=decisions(coded),
    )


def failed_record(record: ValidationRecord, exc: Exception) -> RecordResult:
    """A crash scores as a miss: nothing correct, even on a no-event record."""
    miss = RecordScore(record.gold_items, 0, record.gold_items, 0, 0)
    return RecordResult(record, (), miss, miss, "", _error_text(exc))


def _code_each(
    records: Sequence[ValidationRecord], code: Callable[[ValidationRecord], CodedArticle]
) -> tuple[RecordResult, ...]:
    results = []
    for record in records:
        try:
            results.append(score_record(record, code(record)))
        except Exception as exc:  # one bad record must not end the benchmark
            results.append(failed_record(record, exc))
    return tuple(results)


def code_with_spacy(coder: Coder, records: Sequence[ValidationRecord]) -> tuple[RecordResult, ...]:
    """What users get: each record through code_articles (spaCy parses its text)."""
    return _code_each(
        records,
        lambda r: next(code_articles(coder, [record_article(r)], explain=True)),
    )


def code_with_gold_ud(
    coder: Coder, records: Sequence[ValidationRecord]
) -> tuple[RecordResult, ...]:
    """The diagnostic: each record's own UD parse, converted, through code_docs."""
    return _code_each(
        records,
        lambda r: code_docs(coder, record_article(r), [gold_doc(coder.nlp, r.parse, r.text)],
                            explain=True),
    )


def _timed(step: Callable[[], object], repeats: int) -> tuple[float, float]:
    seconds = []
    for _ in range(repeats):
        gc.collect()  # each pass starts clean, not with an earlier pass's garbage to collect
        start = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - start)
    return min(seconds), statistics.median(seconds)


def _fresh(docs: Sequence[Doc]) -> list[Doc]:
    """Copies of the parsed Docs without what the coder keeps on a Doc (its per-Doc tree and
    word caches in user_data), so that every timing pass codes as the first one does."""
    return [Doc(doc.vocab).from_bytes(doc.to_bytes(exclude=["user_data"])) for doc in docs]


def _timed_coding(
    coder: Coder, articles: Sequence[Article], docs: Sequence[Doc], repeats: int
) -> tuple[float, float]:
    """Best and median seconds of coding fresh copies of `docs` (the copying is not timed)."""
    seconds = []
    for _ in range(repeats):
        copies = _fresh(docs)
        gc.collect()  # the copies' and earlier passes' garbage is not this pass's cost
        start = time.perf_counter()
        _code_all(coder, articles, copies)
        seconds.append(time.perf_counter() - start)
    return min(seconds), statistics.median(seconds)


def _code_all(coder: Coder, articles: Sequence[Article], docs: Sequence[Doc]) -> None:
    for article, doc in zip(articles, docs, strict=True):
        try:
            code_docs(coder, article, [doc])
        except Exception:  # the scored run reports crashes; timing goes on past them
            continue


def time_mode(
    coder: Coder, records: Sequence[ValidationRecord], mode: Mode, repeats: int
) -> Timing:
    """Parse time (spaCy mode only) and coding time, each alone, over all records."""
    articles = [record_article(r) for r in records]
    parse_best = parse_median = None
    if mode == "spacy":
        texts = [a.text for a in articles]
        parse_best, parse_median = _timed(lambda: list(coder.nlp.pipe(texts)), repeats)
        docs = list(coder.nlp.pipe(texts))
    else:
        docs = [gold_doc(coder.nlp, r.parse, r.text) for r in records]
    code_best, code_median = _timed_coding(coder, articles, docs, repeats)
    return Timing(len(records), repeats, parse_best, parse_median, code_best, code_median)


def run_mode(
    coder: Coder, records: Sequence[ValidationRecord], mode: Mode, repeats: int = 3
) -> ModeResult:
    code = code_with_spacy if mode == "spacy" else code_with_gold_ud
    return ModeResult(mode, code(coder, records), time_mode(coder, records, mode, repeats))
