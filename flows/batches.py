"""The small typed values that travel between the flow's tasks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flows.ingest.problems import IngestProblem

# Articles per task (~4,600 sentences, about 15 s of coding): large enough that the fixed costs
# of a batch (three task runs, a GX validation of ~0.1 s, two warehouse connections: 0.2-0.3 s in
# all) stay small beside the parse, small enough that a failed batch is cheap to redo and progress
# shows in the Prefect UI. On 1,000 generated articles the flow ran at 0.885, 0.909, 0.933 and
# 0.922 of the coder's speed with batches of 100, 200, 500 and 1,000 (one batch: nothing to
# load while the next codes).
DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class CodedBatch:
    """One batch of articles after coding: where its tables are staged, and counts.

    The tables (Arrow IPC) stay on disk, so the result a task returns to the flow, possibly
    from another machine, is a few bytes."""

    number: int
    folder: str
    articles: int
    sentences: int
    events: int
    worker: str  # host:pid that coded it


@dataclass(frozen=True)
class CheckedBatch:
    """A coded and validated batch: its articles, sentences, passing and quarantined events
    staged for the load."""

    coded: CodedBatch
    passed: int
    quarantined: int
    events_by_root: dict[str, int]
    summary: dict[str, Any]


@dataclass
class RunSummary:
    """What a run did, for the CLI's closing table and the runs row."""

    run_id: str
    articles: int = 0
    sentences: int = 0
    events: int = 0
    quarantined: int = 0
    skipped: int = 0  # already coded with the same coder and dictionaries
    problems: list[IngestProblem] = field(default_factory=list)  # skipped records and notes
    events_by_root: Counter[str] = field(default_factory=Counter)
    batches_by_worker: Counter[str] = field(default_factory=Counter)
    validation: dict[str, Any] = field(default_factory=dict)

    def add(self, batch: CheckedBatch) -> None:
        self.articles += batch.coded.articles
        self.sentences += batch.coded.sentences
        self.events += batch.passed
        self.quarantined += batch.quarantined
        self.events_by_root.update(batch.events_by_root)
        self.batches_by_worker[batch.coded.worker] += 1
        for name, result in batch.summary.get("expectations", {}).items():
            entry = self.validation.setdefault(name, {"unexpected_count": 0, "success": True})
            entry["unexpected_count"] += result.get("unexpected_count", 0)
            entry["success"] = entry["success"] and result.get("success", True)

    def counts(self) -> dict[str, dict[str, int]]:
        """Counts per stage, as the runs table keeps them."""
        return {
            "ingest": {"out": self.articles + self.skipped, "skipped": self.skipped,
                       "problems": len(self.problems)},
            "code": {"in": self.articles, "sentences": self.sentences,
                     "out": self.events + self.quarantined},
            "validate": {"in": self.events + self.quarantined, "out": self.events,
                         "quarantined": self.quarantined},
            "load": {"events": self.events, "quarantined": self.quarantined},
        }
