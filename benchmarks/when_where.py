"""When and where: accuracy of event dates, places and cross-sentence actors (issue 8).

    python -m benchmarks.when_where

Codes the regression set tests/data/when_where/articles.yaml with the bundled dictionaries and
prints the accuracy per feature (date, precision, background, place name, place country,
coordinates present, resolved actor), how many expected events were coded at all, and the
same features counted only over the events that were coded (a missing event is usually a
dictionary gap, not a date or place error). Then, on the sample articles (samples/), how many
events got a date from the text, a place, and an actor from an earlier sentence.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import typer
import yaml

from coding.pipeline import Coder, code_articles, load_coder
from coding.records import Article, CodedArticle, Event, Outcome

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
CASES_FILE = REPO / "tests" / "data" / "when_where" / "articles.yaml"
SAMPLES_DIR = REPO / "samples"
FEATURES = ("date", "precision", "background", "place", "country", "coords", "resolved")


@dataclass(frozen=True, slots=True)
class Expected:
    sentence: int
    source: str
    target: str
    values: dict[str, object]  # feature -> expected value, only the features the case states


@dataclass(frozen=True, slots=True)
class Case:
    article: Article
    events: tuple[Expected, ...]
    unresolved: tuple[int, ...]  # sentences where no actor may come from an earlier sentence


@dataclass
class Scores:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FEATURES, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FEATURES, 0))
    coded_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FEATURES, 0))
    expected_events: int = 0
    coded_events: int = 0
    misses: list[str] = field(default_factory=list)

    def accuracy(self, feature: str) -> float:
        return self.right[feature] / self.total[feature] if self.total[feature] else 1.0

    def coded_accuracy(self, feature: str) -> float:
        total = self.coded_total[feature]
        return self.right[feature] / total if total else 1.0


def _expected(raw: dict[str, object], published: date) -> Expected:
    """Features a case leaves out take the defaults of an event dated by its article, with no
    place and no resolved actor; a date implies its precision is stated too."""
    values: dict[str, object] = {
        "date": raw.get("date", published),
        "precision": raw.get("precision", "day"),
        "background": bool(raw.get("background", False)),
        "resolved": bool(raw.get("resolved", False)),
    }
    if "place" in raw or "country" in raw:
        values["place"] = raw.get("place", "") or ""
        values["country"] = raw.get("country", "") or ""
        values["coords"] = bool(raw.get("coords", False))
    return Expected(int(raw["sentence"]), str(raw["source"]), str(raw["target"]), values)


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    raw_cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for raw in raw_cases:
        published = raw["published"]
        article = Article(
            article_id=raw["id"],
            title="",
            text=raw["text"],
            published_at=datetime(published.year, published.month, published.day, tzinfo=UTC),
        )
        events = tuple(_expected(e, published) for e in raw.get("events") or ())
        cases.append(Case(article, events, tuple(raw.get("unresolved") or ())))
    return cases


def is_resolved(event: Event) -> bool:
    return any(t.stage == "coref" and t.outcome is Outcome.RESOLVED for t in event.trace)


def observed(event: Event) -> dict[str, object]:
    return {
        "date": event.event_date,
        "precision": event.date_precision,
        "background": event.date_background,
        "place": event.location_name,
        "country": event.location_country,
        "coords": event.location_lat is not None,
        "resolved": is_resolved(event),
    }


def score(cases: Sequence[Case], coded: Iterable[CodedArticle]) -> Scores:
    scores = Scores()
    for case, article in zip(cases, coded, strict=True):
        events = article.events
        for want in case.events:
            scores.expected_events += 1
            match = next(
                (
                    e for e in events
                    if e.sentence_index == want.sentence
                    and (e.source.code, e.target.code) == (want.source, want.target)
                ),
                None,
            )
            if match is not None:
                scores.coded_events += 1
            got = observed(match) if match is not None else {}
            for feature, value in want.values.items():
                scores.total[feature] += 1
                if match is None:
                    continue
                scores.coded_total[feature] += 1
                if got[feature] == value:
                    scores.right[feature] += 1
                else:
                    scores.misses.append(
                        f"{case.article.article_id} s{want.sentence} {want.source}->"
                        f"{want.target} {feature}: want {value}, got {got[feature]}"
                    )
            if match is None:
                coded = [(e.sentence_index, e.source.code, e.target.code) for e in events]
                scores.misses.append(
                    f"{case.article.article_id} s{want.sentence} {want.source}->{want.target}: "
                    f"not coded (got {coded})"
                )
        for sentence in case.unresolved:
            scores.total["resolved"] += 1
            scores.coded_total["resolved"] += 1
            wrong = [e for e in events if e.sentence_index == sentence and is_resolved(e)]
            if wrong:
                scores.misses.append(f"{case.article.article_id} s{sentence}: resolved wrongly")
            else:
                scores.right["resolved"] += 1
    return scores


def run_cases(coder: Coder, cases: Sequence[Case]) -> Scores:
    return score(cases, code_articles(coder, [c.article for c in cases]))


def sample_articles(folder: Path = SAMPLES_DIR) -> list[Article]:
    """The sample stories: articles/*.txt (first line the title) and articles.jsonl."""
    articles = []
    stamp = datetime(2024, 1, 1, tzinfo=UTC)
    for path in sorted((folder / "articles").glob("*.txt")):
        title, _, rest = path.read_text(encoding="utf-8").partition("\n")
        lines = rest.strip().splitlines()
        when = stamp
        while lines and lines[0].split(":", 1)[0] in ("Date", "Source", "URL"):
            key, _, value = lines.pop(0).partition(":")
            if key == "Date":
                when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        articles.append(Article(path.stem, title.strip(), "\n".join(lines).strip(), when))
    jsonl = folder / "articles.jsonl"
    if jsonl.is_file():
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                when = datetime.fromisoformat(
                    str(row.get("date") or "2024-01-01").replace("Z", "+00:00")
                )
                when = when if when.tzinfo else when.replace(tzinfo=UTC)
                articles.append(Article(str(row["id"]), str(row.get("title", "")),
                                        str(row["text"]), when))
    return articles


def sample_counts(coder: Coder, articles: Sequence[Article]) -> dict[str, int]:
    events = [e for coded in code_articles(coder, articles) for e in coded.events]
    return {
        "articles": len(articles),
        "events": len(events),
        "date from text": sum(e.date_source == "text" for e in events),
        "background": sum(e.date_background for e in events),
        "place named": sum(bool(e.location_text) for e in events),
        "place resolved": sum(bool(e.location_name) for e in events),
        "cross-sentence actor": sum(is_resolved(e) for e in events),
    }


def main(show_misses: bool = typer.Option(False, "--misses", help="list every miss")) -> None:
    coder = load_coder()
    scores = run_cases(coder, load_cases())
    typer.echo(f"regression set {CASES_FILE.relative_to(REPO)}: {scores.coded_events}/"
               f"{scores.expected_events} expected events coded")
    typer.echo(f"{'feature':<12}{'all':>16}{'coded events':>20}")
    for feature in FEATURES:
        typer.echo(
            f"{feature:<12}{scores.accuracy(feature):>8.1%} ({scores.right[feature]}/"
            f"{scores.total[feature]}){scores.coded_accuracy(feature):>10.1%} "
            f"({scores.right[feature]}/{scores.coded_total[feature]})"
        )
    if show_misses:
        for miss in scores.misses:
            typer.echo(f"  {miss}")
    counts = sample_counts(coder, sample_articles())
    typer.echo("samples/: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    typer.run(main)
