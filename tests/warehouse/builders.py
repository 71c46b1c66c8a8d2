"""Hand-built records for warehouse tests: no spaCy, no dictionaries on disk."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from coding.entries import CameoCode
from coding.records import (
    ActorMatch,
    Article,
    Event,
    Modality,
    Outcome,
    Sentence,
    SentenceReport,
    TraceStep,
)

RUN_ID = "run-test-1"
PUBLISHED = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)

CODES: dict[str, CameoCode] = {
    c.code: c
    for c in (
        CameoCode("010", "Make statement", 0.0, 1, "NONE"),
        CameoCode("0311", "Express intent to cooperate economically", 5.2, 1, "AGREE"),
        CameoCode("042", "Make a visit", 1.9, 1, "CONSULT"),
        CameoCode("112", "Accuse", -2.0, 3, "ACCUSE"),
        CameoCode("190", "Use conventional military force", -10.0, 4, "FIGHT"),
    )
}


def actor(code: str, text: str = "") -> ActorMatch:
    country, role = code[:3], code[3:]
    return ActorMatch(
        text=text or code,
        code=code,
        country=country,
        role=role,
        start=0,
        end=1,
        rule=f"actors/test.txt:{len(code)}",
    )


def article(article_id: str = "a1", published_at: datetime = PUBLISHED, **kw: object) -> Article:
    defaults: dict[str, object] = {
        "title": f"Title {article_id}",
        "text": f"Text of {article_id}.",
        "source": "Test Wire",
        "url": f"https://example.org/{article_id}",
        "ingested_at": datetime(2024, 3, 4, 12, 0, tzinfo=UTC),
    }
    defaults.update(kw)
    return Article(article_id=article_id, published_at=published_at, **defaults)  # type: ignore[arg-type]


def event(
    article_id: str = "a1",
    sentence_index: int = 0,
    source: str = "RUSGOV",
    target: str = "UKRMIL",
    code: str = "190",
    event_date: date = date(2024, 3, 3),
    **kw: object,
) -> Event:
    """A valid event whose code facts come from CODES (unless the code is unknown)."""
    known = CODES.get(code)
    built = Event(
        event_id=f"{article_id}:{sentence_index}:{source}:{target}:{code}",
        article_id=article_id,
        sentence_index=sentence_index,
        sentence_text=f"Sentence {sentence_index} of {article_id}.",
        event_date=event_date,
        date_precision="day",
        date_source="text",
        source=actor(source),
        target=actor(target),
        event_code=code,
        event_base_code=code[:3],
        event_root_code=code[:2],
        quad_class=known.quad_class if known else 4,
        goldstein=known.goldstein if known else -10.0,
        plover_category=known.plover if known else "",
        verb_text="attacked",
        matched_rule="verbs/19_fight.txt:3",
        modality=Modality(),
        coder_version="0.1.0",
        dictionary_version="dict-v1",
        trace=(TraceStep("verb", "verbs/19_fight.txt:3", Outcome.MATCHED, "attack"),),
    )
    return replace(built, **kw)  # type: ignore[arg-type]


def report(article_id: str, index: int, events: tuple[Event, ...] = ()) -> SentenceReport:
    return SentenceReport(
        sentence=Sentence(article_id, index, f"Sentence {index} of {article_id}."),
        events=events,
        actors=(),
        trace=(),
    )
