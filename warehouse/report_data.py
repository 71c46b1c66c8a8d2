"""What the HTML report shows, read from the warehouse's views in a few small queries.

Every figure counts deduplicated events (the one-a-day events_dedup view and the views built on
it), so a story carried by ten wires counts once; report counts are shown beside them where a
reader would want both. The runs are the latest ones whatever the date range, since a run's date
is when it ran, not when its events happened.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from coding.bundled_format import parse_code_table
from coding.dictionaries import BUNDLED, CODE_TABLE

logger = logging.getLogger(__name__)

QUAD_CLASSES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}

# `?` pairs bind (since, since, until, until): a NULL bound leaves that side of the range open.
_RANGE = "(? IS NULL OR {col} >= ?) AND (? IS NULL OR {col} <= ?)"

_DAILY_QUADS_SQL = f"""
SELECT event_date, quad_class, sum(num_events)::BIGINT AS num_events
FROM dyad_daily
WHERE {_RANGE.format(col="event_date")}
GROUP BY ALL
ORDER BY event_date, quad_class
"""

_TOP_DYADS_SQL = f"""
SELECT source_code, target_code,
       sum(num_events)::BIGINT AS num_events, sum(num_reports)::BIGINT AS num_reports
FROM dyad_daily
WHERE {_RANGE.format(col="event_date")}
GROUP BY ALL
ORDER BY num_events DESC, num_reports DESC, source_code, target_code
LIMIT ?
"""

# goldstein_monthly is by calendar month, so a range keeps every month it overlaps.
_GOLDSTEIN_SQL = f"""
SELECT g.month, g.source_code, g.target_code, g.goldstein_mean, g.num_events
FROM goldstein_monthly AS g
JOIN (SELECT unnest(?::STRUCT(s VARCHAR, t VARCHAR)[], recursive := true)) AS dyad
  ON g.source_code = dyad.s AND g.target_code = dyad.t
WHERE {_RANGE.format(col="g.month")}
ORDER BY g.month
"""

_TOP_CODES_SQL = f"""
SELECT event_code, count(*) AS num_events, sum(num_reports)::BIGINT AS num_reports
FROM events_dedup
WHERE {_RANGE.format(col="event_date")}
GROUP BY ALL
ORDER BY num_events DESC, event_code
LIMIT ?
"""

_RUNS_SQL = """
SELECT run_id, flow, status, started_at, finished_at, counts, validation
FROM runs
ORDER BY started_at DESC, run_id
LIMIT ?
"""


@dataclass(frozen=True, slots=True)
class DailyQuad:
    day: date
    quad_class: int
    num_events: int


@dataclass(frozen=True, slots=True)
class DyadCount:
    source_code: str
    target_code: str
    num_events: int
    num_reports: int

    @property
    def label(self) -> str:
        return f"{self.source_code} \u2192 {self.target_code}"


@dataclass(frozen=True, slots=True)
class MonthlyGoldstein:
    month: date
    source_code: str
    target_code: str
    goldstein_mean: float
    num_events: int


@dataclass(frozen=True, slots=True)
class CodeCount:
    code: str
    name: str  # "" when the code is not in the bundled code table
    num_events: int
    num_reports: int


@dataclass(frozen=True, slots=True)
class ExpectationResult:
    name: str
    success: bool
    unexpected_count: int


@dataclass(frozen=True, slots=True)
class RunRow:
    run_id: str
    flow: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    counts: dict[str, dict[str, int]]
    expectations: tuple[ExpectationResult, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    database: str
    since: date | None
    until: date | None
    daily_quads: tuple[DailyQuad, ...]
    top_dyads: tuple[DyadCount, ...]
    goldstein: tuple[MonthlyGoldstein, ...]  # of the first `plotted_dyads`, busiest first
    top_codes: tuple[CodeCount, ...]
    runs: tuple[RunRow, ...]

    @property
    def total_events(self) -> int:
        return sum(d.num_events for d in self.daily_quads)


def read_report_data(
    con: duckdb.DuckDBPyConnection,
    database: Path | str,
    since: date | None = None,
    until: date | None = None,
    top: int = 10,
    plotted_dyads: int = 5,
    runs: int = 10,
) -> ReportData:
    """Read the report's figures; `top` bounds the dyad and code tables, `runs` the run list."""
    bounds = [since, since, until, until]
    daily = tuple(DailyQuad(*row) for row in con.execute(_DAILY_QUADS_SQL, bounds).fetchall())
    dyads = tuple(DyadCount(*row) for row in con.execute(_TOP_DYADS_SQL, [*bounds, top]).fetchall())
    return ReportData(
        database=str(database),
        since=since,
        until=until,
        daily_quads=daily,
        top_dyads=dyads,
        goldstein=_goldstein(con, dyads[:plotted_dyads], since, until),
        top_codes=_top_codes(con, bounds, top),
        runs=tuple(_run(row) for row in con.execute(_RUNS_SQL, [runs]).fetchall()),
    )


def _goldstein(
    con: duckdb.DuckDBPyConnection,
    dyads: tuple[DyadCount, ...],
    since: date | None,
    until: date | None,
) -> tuple[MonthlyGoldstein, ...]:
    if not dyads:
        return ()
    first_month = since.replace(day=1) if since else None
    pairs = [{"s": d.source_code, "t": d.target_code} for d in dyads]
    rows = con.execute(_GOLDSTEIN_SQL, [pairs, first_month, first_month, until, until]).fetchall()
    rank = {(d.source_code, d.target_code): i for i, d in enumerate(dyads)}
    monthly = (MonthlyGoldstein(*row) for row in rows)
    # Busiest dyad first, so the plot's legend reads in the order of the dyad table.
    return tuple(sorted(monthly, key=lambda m: (rank[m.source_code, m.target_code], m.month)))


def _top_codes(
    con: duckdb.DuckDBPyConnection, bounds: list[Any], top: int
) -> tuple[CodeCount, ...]:
    names = code_names()
    return tuple(
        CodeCount(code, names.get(code, ""), events, reports)
        for code, events, reports in con.execute(_TOP_CODES_SQL, [*bounds, top]).fetchall()
    )


def code_names() -> dict[str, str]:
    """CAMEO code -> name, from the bundled code table."""
    path = BUNDLED / CODE_TABLE
    codes, problems = parse_code_table(path.read_text(encoding="utf-8"), str(path))
    if problems:
        logger.warning("%s: %d problems while reading code names", path, len(problems))
    return {code: entry.name for code, entry in codes.items()}


def _run(row: tuple[Any, ...]) -> RunRow:
    run_id, flow, status, started_at, finished_at, counts, validation = row
    return RunRow(
        run_id=run_id,
        flow=flow,
        status=status,
        started_at=started_at,
        finished_at=finished_at,
        counts=json.loads(counts) if counts else {},
        expectations=_expectations(json.loads(validation) if validation else {}),
    )


def _expectations(validation: dict[str, Any]) -> tuple[ExpectationResult, ...]:
    # validate_events() nests results under "expectations"; the daily flow stores the per-run
    # totals ({name: {"success", "unexpected_count"}}) at the top level. Read both.
    results = validation.get("expectations", validation)
    return tuple(
        ExpectationResult(name, bool(r.get("success", True)), int(r.get("unexpected_count", 0)))
        for name, r in sorted(results.items())
        if isinstance(r, dict)
    )
