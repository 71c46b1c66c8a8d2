"""What a reader reports instead of raising: bad input is never fatal to a run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """One thing wrong with one input, located well enough for a person to open it and look.

    A problem does not always mean the article was lost: an unparsable date, for instance, is
    reported and the article still comes through with a fallback date (the reason says which).
    `skipped` says which: True when one input record (a file, a line, a feed entry) produced no
    article because of this problem, False for a note on an article that was still read. The
    run's reconciliation counts the skipped ones, so each lost record must be exactly one
    problem with skipped=True.
    """

    source: str  # file path or URL
    line: int  # 1-based; 0 when the problem is not tied to a line
    reason: str  # one sentence, e.g. "empty file", "invalid JSON: Expecting ',' (column 40)"
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}"
