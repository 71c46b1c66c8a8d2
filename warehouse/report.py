"""`cameoflow report`: one self-contained HTML page about what the warehouse holds.

The page needs no network: plots are inline SVG, the CSS is in the page. It reads the warehouse
through a read-only connection, so it can be written while a run is loading. An empty warehouse
gives a page whose sections say there are no events yet.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from string import Template

from warehouse.db import connect
from warehouse.report_data import CodeCount, DyadCount, ReportData, RunRow, read_report_data
from warehouse.report_plots import events_per_day_svg, goldstein_svg, top_dyads_svg

logger = logging.getLogger(__name__)

TEMPLATE = Path(__file__).resolve().parent / "report_template.html"
TITLE = "cameoflow event report"
NO_EVENTS = "No events yet in this range: run the pipeline (cameoflow run) to load some."


@dataclass(frozen=True, slots=True)
class ReportResult:
    path: Path
    events: int  # deduplicated events in the range
    dyads: int
    runs: int


def write_report(
    out: Path,
    db: Path,
    since: date | None = None,
    until: date | None = None,
    top: int = 10,
) -> ReportResult:
    """Read the warehouse at `db` (read-only) and write the report page to `out`."""
    con = connect(db, read_only=True)
    try:
        data = read_report_data(con, db, since=since, until=until, top=top)
    finally:
        con.close()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(data, datetime.now(UTC)), encoding="utf-8")
    logger.info("wrote report of %d events to %s", data.total_events, out)
    return ReportResult(out, data.total_events, len(data.top_dyads), len(data.runs))


def render_report(data: ReportData, generated_at: datetime) -> str:
    """The page as a string; `generated_at` is passed in so equal inputs give equal pages."""
    page = Template(TEMPLATE.read_text(encoding="utf-8"))
    return page.substitute(
        title=escape(TITLE),
        database=escape(data.database),
        range=escape(_range(data.since, data.until)),
        total=f"{data.total_events:,}",
        generated=escape(generated_at.isoformat(sep=" ", timespec="seconds")),
        events_per_day=_plot(
            events_per_day_svg(data.daily_quads),
            "Deduplicated events (one a day per dyad and code) per event date.",
        ),
        top_dyads=_dyads_section(data.top_dyads),
        goldstein=_plot(
            goldstein_svg(data.goldstein),
            "Mean Goldstein score (-10 conflict .. +10 cooperation) of the deduplicated events "
            "of the top five dyads, per calendar month.",
        ),
        top_codes=_codes_table(data.top_codes) if data.top_codes else _empty(NO_EVENTS),
        runs=_runs_table(data.runs) if data.runs else _empty("No runs recorded yet."),
    )


def _range(since: date | None, until: date | None) -> str:
    if since is None and until is None:
        return "of all dates"
    return f"from {since or 'the first'} to {until or 'the last'}"


def _empty(message: str) -> str:
    return f'<p class="empty">{escape(message)}</p>'


def _plot(svg: str | None, caption: str) -> str:
    if svg is None:
        return _empty(NO_EVENTS)
    # The SVG comes from matplotlib with every label escaped; it is inserted as markup.
    return (
        f'<figure class="plot">{svg}'
        f'<figcaption class="meta">{escape(caption)}</figcaption></figure>'
    )


def _dyads_section(dyads: Sequence[DyadCount]) -> str:
    if not dyads:
        return _empty(NO_EVENTS)
    caption = "Directed dyads with the most deduplicated events; reports count every article."
    return _dyads_table(dyads) + _plot(top_dyads_svg(dyads), caption)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _dyads_table(dyads: Sequence[DyadCount]) -> str:
    rows = [
        [
            str(rank),
            f"<code>{escape(d.source_code)}</code>",
            f"<code>{escape(d.target_code)}</code>",
            f"{d.num_events:,}",
            f"{d.num_reports:,}",
        ]
        for rank, d in enumerate(dyads, start=1)
    ]
    return _table(["#", "source", "target", "events", "reports"], rows, {0, 3, 4})


def _codes_table(codes: Sequence[CodeCount]) -> str:
    rows = [
        [
            f"<code>{escape(c.code)}</code>",
            escape(c.name) or "<em>not in the code table</em>",
            f"{c.num_events:,}",
            f"{c.num_reports:,}",
        ]
        for c in codes
    ]
    return _table(["code", "name", "events", "reports"], rows, {2, 3})


def _runs_table(runs: Sequence[RunRow]) -> str:
    rows = [
        [
            f"<code>{escape(r.run_id)}</code>",
            escape(r.flow),
            _status(r.status),
            escape(r.started_at.isoformat(sep=" ", timespec="seconds")),
            escape(_duration(r)),
            _counts(r.counts),
            _validation(r),
        ]
        for r in runs
    ]
    return _table(["run", "flow", "status", "started", "took", "counts", "validation"], rows, set())


def _status(status: str) -> str:
    css = {"completed": "ok", "failed": "failed", "running": "running"}.get(status, "")
    return f'<span class="{css}">{escape(status)}</span>'


def _duration(run: RunRow) -> str:
    if run.finished_at is None:
        return ""
    return f"{(run.finished_at - run.started_at).total_seconds():.1f} s"


def _counts(counts: dict[str, dict[str, int]]) -> str:
    return "<br>".join(
        f"{escape(stage)}: " + ", ".join(f"{escape(k)} {v:,}" for k, v in values.items())
        for stage, values in counts.items()
        if isinstance(values, dict)
    )


def _validation(run: RunRow) -> str:
    if not run.expectations:
        return "not recorded"
    failed = [e for e in run.expectations if not e.success]
    if not failed:
        return f'<span class="ok">all {len(run.expectations)} expectations met</span>'
    items = "".join(
        f"<li><code>{escape(e.name)}</code>: {e.unexpected_count:,} rows quarantined</li>"
        for e in failed
    )
    return (
        f'<span class="failed">{len(failed)} of {len(run.expectations)} expectations failed'
        f'</span><ul class="expectations">{items}</ul>'
    )
