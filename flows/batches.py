"""The small typed values that travel between the flow's tasks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

# Articles per task: large enough that spaCy batches well, small enough that a failed batch is
# cheap to redo and progress shows in the Prefect UI.
DEFAULT_BATCH_SIZE = 50


@dataclass(frozen=True)
class CodedBatch:
    """One batch of articles after coding, as Arrow tables ready to validate and load."""

    number: int
    articles: pa.Table
    sentences: pa.Table
    events: pa.Table
    published: dict[str, datetime]  # article_id -> published_at, for the date expectation


@dataclass(frozen=True)
class CheckedBatch:
    coded: CodedBatch
    passed: pa.Table
    quarantined: pa.Table
    summary: dict[str, Any]


@dataclass
class RunSummary:
    """What a run did, for the CLI's closing table and the runs row."""

    run_id: str
    articles: int = 0
    sentences: int = 0
    events: int = 0
    quarantined: int = 0
    problems: list[str] = field(default_factory=list)
    events_by_root: Counter[str] = field(default_factory=Counter)
    validation: dict[str, Any] = field(default_factory=dict)

    def add(self, batch: CheckedBatch) -> None:
        self.articles += batch.coded.articles.num_rows
        self.sentences += batch.coded.sentences.num_rows
        self.events += batch.passed.num_rows
        self.quarantined += batch.quarantined.num_rows
        self.events_by_root.update(batch.passed.column("event_root_code").to_pylist())
        for name, result in batch.summary.get("expectations", {}).items():
            entry = self.validation.setdefault(name, {"unexpected_count": 0, "success": True})
            entry["unexpected_count"] += result.get("unexpected_count", 0)
            entry["success"] = entry["success"] and result.get("success", True)

    def counts(self) -> dict[str, dict[str, int]]:
        """Counts per stage, as the runs table keeps them."""
        return {
            "ingest": {"out": self.articles, "problems": len(self.problems)},
            "code": {"in": self.articles, "sentences": self.sentences,
                     "out": self.events + self.quarantined},
            "validate": {"in": self.events + self.quarantined, "out": self.events,
                         "quarantined": self.quarantined},
            "load": {"events": self.events, "quarantined": self.quarantined},
        }
