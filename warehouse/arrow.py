"""Records -> Arrow tables, one explicit schema per warehouse table.

The schemas are the contract between the coder's records and the DuckDB tables: columns carry
the table's names so loads insert BY NAME, codes are strings, times are UTC.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import pyarrow as pa

from coding.records import Article, Event, Outcome, SentenceReport, TraceStep

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")

ARTICLES_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("title", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("published_at", UTC_TIMESTAMP, nullable=False),
        pa.field("source", pa.string()),
        pa.field("url", pa.string()),
        pa.field("language", pa.string()),
        pa.field("ingested_at", UTC_TIMESTAMP),
        pa.field("run_id", pa.string()),
    ]
)

SENTENCES_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("not_coded_reason", pa.string()),
    ]
)

EVENTS_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string()),
        pa.field("article_id", pa.string()),
        pa.field("sentence_index", pa.int32()),
        pa.field("sentence_text", pa.string()),
        pa.field("event_date", pa.date32()),
        pa.field("date_precision", pa.string()),
        pa.field("date_source", pa.string()),
        pa.field("source_code", pa.string()),
        pa.field("source_country", pa.string()),
        pa.field("source_role", pa.string()),
        pa.field("source_text", pa.string()),
        pa.field("source_rule", pa.string()),
        pa.field("target_code", pa.string()),
        pa.field("target_country", pa.string()),
        pa.field("target_role", pa.string()),
        pa.field("target_text", pa.string()),
        pa.field("target_rule", pa.string()),
        pa.field("event_code", pa.string()),
        pa.field("event_base_code", pa.string()),
        pa.field("event_root_code", pa.string()),
        pa.field("quad_class", pa.int32()),
        pa.field("goldstein", pa.float64()),
        pa.field("plover_category", pa.string()),
        pa.field("verb_text", pa.string()),
        pa.field("matched_rule", pa.string()),
        pa.field("negated", pa.bool_()),
        pa.field("hypothetical", pa.bool_()),
        pa.field("future", pa.bool_()),
        pa.field("reported_speech", pa.bool_()),
        pa.field("passive", pa.bool_()),
        pa.field("location_text", pa.string()),
        pa.field("location_country", pa.string()),
        pa.field("location_name", pa.string()),
        pa.field("location_lat", pa.float64()),
        pa.field("location_lon", pa.float64()),
        pa.field("location_reason", pa.string()),
        pa.field("date_background", pa.bool_()),
        pa.field("coder_version", pa.string()),
        pa.field("dictionary_version", pa.string()),
        pa.field("run_id", pa.string()),
        pa.field("trace", pa.string()),  # JSON list of {stage, rule, outcome, detail}
    ]
)

QUARANTINE_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string()),
        pa.field("article_id", pa.string()),
        pa.field("run_id", pa.string()),
        pa.field("row", pa.string(), nullable=False),  # the event row as JSON
        pa.field("failed_expectations", pa.list_(pa.string()), nullable=False),
    ]
)


def articles_to_arrow(articles: Sequence[Article], run_id: str) -> pa.Table:
    rows = [
        {
            "article_id": a.article_id,
            "title": a.title,
            "text": a.text,
            "published_at": a.published_at,
            "source": a.source,
            "url": a.url,
            "language": a.language,
            "ingested_at": a.ingested_at,
            "run_id": run_id,
        }
        for a in articles
    ]
    return pa.Table.from_pylist(rows, schema=ARTICLES_SCHEMA)


def sentences_to_arrow(reports: Iterable[SentenceReport]) -> pa.Table:
    rows = [
        {
            "article_id": r.sentence.article_id,
            "sentence_index": r.sentence.sentence_index,
            "text": r.sentence.text,
            "not_coded_reason": not_coded_reason(r),
        }
        for r in reports
    ]
    return pa.Table.from_pylist(rows, schema=SENTENCES_SCHEMA)


def not_coded_reason(report: SentenceReport) -> str | None:
    """Why the coder did not code the sentence at all: a sentence with no events is the
    ordinary case and has no reason; one that was never tried (too long, discarded) has."""
    if report.events or len(report.trace) != 1:
        return None
    step = report.trace[0]
    if step.outcome is not Outcome.DISCARDED:
        return None
    return f"{step.stage} {step.rule}: {step.detail}"


def events_to_arrow(events: Sequence[Event], run_id: str) -> pa.Table:
    return pa.Table.from_pylist([event_row(e, run_id) for e in events], schema=EVENTS_SCHEMA)


def trace_to_json(trace: Iterable[TraceStep]) -> str:
    return json.dumps(
        [
            {"stage": t.stage, "rule": t.rule, "outcome": str(t.outcome), "detail": t.detail}
            for t in trace
        ],
        ensure_ascii=False,
    )


def event_row(e: Event, run_id: str = "") -> dict[str, object]:
    """One event as the flat record of the warehouse and of `cameoflow code` output."""
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "sentence_index": e.sentence_index,
        "sentence_text": e.sentence_text,
        "event_date": e.event_date,
        "date_precision": e.date_precision,
        "date_source": e.date_source,
        "source_code": e.source.code,
        "source_country": e.source.country,
        "source_role": e.source.role,
        "source_text": e.source.text,
        "source_rule": e.source.rule,
        "target_code": e.target.code,
        "target_country": e.target.country,
        "target_role": e.target.role,
        "target_text": e.target.text,
        "target_rule": e.target.rule,
        "event_code": e.event_code,
        "event_base_code": e.event_base_code,
        "event_root_code": e.event_root_code,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "plover_category": e.plover_category,
        "verb_text": e.verb_text,
        "matched_rule": e.matched_rule,
        "negated": e.modality.negated,
        "hypothetical": e.modality.hypothetical,
        "future": e.modality.future,
        "reported_speech": e.modality.reported_speech,
        "passive": e.modality.passive,
        "location_text": e.location_text,
        "location_country": e.location_country,
        "location_name": e.location_name,
        "location_lat": e.location_lat,
        "location_lon": e.location_lon,
        "location_reason": e.location_reason,
        "date_background": e.date_background,
        "coder_version": e.coder_version,
        "dictionary_version": e.dictionary_version,
        "run_id": run_id,
        "trace": trace_to_json(e.trace),
    }
