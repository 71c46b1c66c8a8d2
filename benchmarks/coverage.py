"""Coverage of the bundled dictionaries on real news (issue 4).

    python -m benchmarks.coverage [--show/--no-show]

Reads the PETRARCH GigaWord sample (../shared/data/phoenix/GigaWord.sample.PETR.xml, 76 real
news sentences without gold codes) and reports:

(a) agreement: every sentence is coded with the bundled dictionaries and with the Phoenix ones;
    an event is compared as (source country, target country, root code). Reported: the share of
    Phoenix events the bundled dictionaries also produce, and the share of bundled events that
    Phoenix does not produce. The disagreements are printed so they can be read and judged.
(b) actor coverage: the share of subject/object noun phrases (heads with dep nsubj, nsubjpass,
    dobj, pobj) that spaCy tags GPE, NORP, ORG or PERSON and that get an actor code from the
    bundled dictionaries. The uncovered phrases are printed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import typer

from coding import actors as actor_lookup
from coding.compiled import compile_dictionaries
from coding.dictionaries import load_dictionaries
from coding.pipeline import Coder, code_articles, load_coder
from coding.records import ActorMatch, Article, CodedArticle
from flows.ingest.origin import Origin
from flows.ingest.petrarch_xml import read_petrarch_xml

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
PHOENIX_DIR = SHARED / "phoenix"
SAMPLE = PHOENIX_DIR / "GigaWord.sample.PETR.xml"
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
AGREEMENT_TARGET = 0.75
COVERAGE_TARGET = 0.90

Triple = tuple[str, str, str]  # source country, target country, root code


@dataclass(frozen=True, slots=True)
class Agreement:
    phoenix: int  # Phoenix events (distinct triples per sentence)
    bundled: int
    shared: int
    disagreements: tuple[tuple[str, str, tuple[Triple, ...], tuple[Triple, ...]], ...]
    # (sentence id, text, Phoenix-only triples, bundled-only triples)

    @property
    def phoenix_recall(self) -> float:
        """Share of Phoenix events the bundled dictionaries also produce."""
        return self.shared / self.phoenix if self.phoenix else 1.0

    @property
    def bundled_extra(self) -> float:
        """Share of bundled events that Phoenix does not produce."""
        return (self.bundled - self.shared) / self.bundled if self.bundled else 0.0


@dataclass(frozen=True, slots=True)
class ActorCoverage:
    phrases: int
    covered: int
    missed: tuple[tuple[str, str, str], ...]  # (sentence id, phrase head text, entity label)

    @property
    def share(self) -> float:
        return self.covered / self.phrases if self.phrases else 1.0


def read_sample(path: Path = SAMPLE) -> list[Article]:
    """The sample's sentences as articles, read tolerantly by the ingest reader."""
    origin = Origin(str(path), datetime.now(UTC))
    with path.open("rb") as stream:
        items = list(read_petrarch_xml(stream, origin))
    for item in items:
        if not isinstance(item, Article):
            logger.warning("%s", item)
    return [item for item in items if isinstance(item, Article)]


def party(actor: ActorMatch) -> str:
    """The actor as compared: its country, else its code's first block ("IGO", "COP"), since
    the two dictionaries root international and non-state codes differently."""
    return actor.country or actor.code[:3]


def triples(coded: CodedArticle) -> set[Triple]:
    return {
        (party(e.source), party(e.target), e.event_root_code)
        for report in coded.sentences
        for e in report.events
    }


def agreement(bundled: Iterable[CodedArticle], phoenix: Iterable[CodedArticle]) -> Agreement:
    counts = [0, 0, 0]
    disagreements = []
    for ours, theirs in zip(bundled, phoenix, strict=True):
        mine, other = triples(ours), triples(theirs)
        counts[0] += len(other)
        counts[1] += len(mine)
        counts[2] += len(mine & other)
        if mine != other:
            disagreements.append(
                (ours.article.article_id, ours.article.text.strip(),
                 tuple(sorted(other - mine)), tuple(sorted(mine - other)))
            )
    return Agreement(counts[0], counts[1], counts[2], tuple(disagreements))


def actor_coverage(coder: Coder, articles: list[Article]) -> ActorCoverage:
    compiled = coder.compiled
    total, covered, missed = 0, 0, []
    for article in articles:
        on = article.published_at.date() if article.published_at else datetime.now(UTC).date()
        doc = coder.nlp(article.text)
        for sent in doc.sents:
            hits = actor_lookup.find_hits(sent, compiled)
            for token in sent:
                if token.dep_ not in ACTOR_DEPS or token.ent_type_ not in ACTOR_ENTS:
                    continue
                total += 1
                if actor_lookup.slot_actors(token, hits, compiled, on):
                    covered += 1
                else:
                    missed.append((article.article_id, token.text, token.ent_type_))
    return ActorCoverage(total, covered, tuple(missed))


def _triple_text(found: tuple[Triple, ...]) -> str:
    return ", ".join(f"{s or '-'}->{t or '-'} {r}" for s, t, r in found) or "(none)"


def main(show: bool = typer.Option(True, help="print disagreements and missed actors")) -> None:
    if not SAMPLE.exists():
        typer.echo(f"skipped: {SAMPLE} is absent (the shared data is not mounted)")
        raise typer.Exit(0)
    articles = read_sample()
    bundled = load_coder()
    # The Phoenix coder shares the parser: only its dictionaries differ.
    phoenix = Coder(
        bundled.nlp,
        compile_dictionaries(bundled.nlp, load_dictionaries([PHOENIX_DIR])),
        bundled.version,
    )
    result = agreement(code_articles(bundled, articles), code_articles(phoenix, articles))
    coverage = actor_coverage(bundled, articles)
    if show:
        typer.echo("disagreements (Phoenix only | bundled only):")
        for sid, text, theirs, mine in result.disagreements:
            typer.echo(f"\n[{sid}] {' '.join(text.split())}")
            typer.echo(f"  Phoenix only: {_triple_text(theirs)}")
            typer.echo(f"  bundled only: {_triple_text(mine)}")
        typer.echo("\nactor phrases without a code:")
        for sid, text, label in coverage.missed:
            typer.echo(f"  [{sid}] {text} ({label})")
    typer.echo(f"\nsentences: {len(articles)}")
    typer.echo(
        f"agreement: {result.shared}/{result.phoenix} Phoenix events also bundled = "
        f"{result.phoenix_recall:.1%} (target {AGREEMENT_TARGET:.0%})"
    )
    typer.echo(
        f"bundled events Phoenix does not produce: {result.bundled - result.shared}/"
        f"{result.bundled} = {result.bundled_extra:.1%}"
    )
    typer.echo(
        f"actor coverage: {coverage.covered}/{coverage.phrases} = {coverage.share:.1%} "
        f"(target {COVERAGE_TARGET:.0%})"
    )


if __name__ == "__main__":
    typer.run(main)
