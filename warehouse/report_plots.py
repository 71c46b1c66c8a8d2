"""The report's plots, drawn with matplotlib and returned as inline SVG markup.

Figures are built with matplotlib.figure.Figure rather than pyplot, so no global figure state is
kept between reports; settings apply inside an rc_context only. Text stays text in the SVG
(svg.fonttype "none"), which keeps files small and lets a browser's find-in-page reach labels.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DateFormatter
from matplotlib.figure import Figure

from warehouse.report_data import QUAD_CLASSES, DailyQuad, DyadCount, MonthlyGoldstein

# Colour-blind safe (Okabe-Ito): cooperation in blues/greens, conflict in orange/vermillion.
QUAD_COLOURS = {1: "#56B4E9", 2: "#009E73", 3: "#E69F00", 4: "#D55E00"}
# Any: matplotlib's stubs want a dict keyed by a Literal of every rc name.
_RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "cameoflow-report",  # stable element ids: the same data gives the same file
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def events_per_day_svg(daily: Sequence[DailyQuad]) -> str | None:
    """One line per quad class over every day of the range (days without events count 0)."""
    if not daily:
        return None
    first, last = min(d.day for d in daily), max(d.day for d in daily)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    counts: dict[int, dict[date, int]] = defaultdict(dict)
    for d in daily:
        counts[d.quad_class][d.day] = d.num_events
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(9, 3.2), layout="constrained")
        ax = fig.subplots()
        marker = "o" if len(days) <= 31 else None
        x = _dates(days)
        for quad, name in QUAD_CLASSES.items():
            series = [counts[quad].get(day, 0) for day in days]
            ax.plot(x, series, label=f"{quad} {name}", color=QUAD_COLOURS[quad], marker=marker)
        ax.set_ylabel("events per day")
        ax.set_ylim(bottom=0)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=4, frameon=False)
        _date_axis(ax)
        return _svg(fig)


def top_dyads_svg(dyads: Sequence[DyadCount]) -> str | None:
    """Horizontal bars, largest dyad on top."""
    if not dyads:
        return None
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(9, 0.45 * len(dyads) + 0.9), layout="constrained")
        ax = fig.subplots()
        ordered = list(reversed(dyads))
        ax.barh([d.label for d in ordered], [d.num_events for d in ordered], color="#0072B2")
        ax.set_xlabel("events (one a day)")
        return _svg(fig)


def goldstein_svg(monthly: Sequence[MonthlyGoldstein]) -> str | None:
    """Monthly mean Goldstein score, one line per dyad (in the order given), on -10..10."""
    if not monthly:
        return None
    series: dict[str, list[MonthlyGoldstein]] = defaultdict(list)
    for m in monthly:
        series[f"{m.source_code} \u2192 {m.target_code}"].append(m)
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(9, 3.2), layout="constrained")
        ax = fig.subplots()
        ax.axhline(0, color="#999999", linewidth=0.8)
        for label, points in series.items():
            ax.plot(
                _dates([p.month for p in points]),
                [p.goldstein_mean for p in points],
                marker="o",
                label=label,
            )
        ax.set_ylim(-10.5, 10.5)
        ax.set_ylabel("mean Goldstein")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        months = sorted({m.month for m in monthly})
        if len(months) <= 12:
            # A tick per month: an automatic locator puts day ticks between two months.
            ax.set_xticks(_dates(months))
            ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
        else:
            _date_axis(ax)
        return _svg(fig)


def _dates(days: Sequence[date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def _date_axis(ax: Axes) -> None:
    locator = AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def _svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    # Inline SVG needs only the <svg> element: drop the XML declaration and DOCTYPE before it.
    return text[text.index("<svg") :]
