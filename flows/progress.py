"""Progress of a run as log records, and a rich progress bar the CLI hangs on them.

The flow only logs one record per loaded batch on the `flows.progress` logger (visible in the
Prefect UI and with -v); `cameoflow run` turns those records into a live bar. This way the flow
needs no callback parameter, which a scheduled deployment could not pass anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

PROGRESS_LOGGER = "flows.progress"
_EXTRA = "cameoflow_progress"


@dataclass(frozen=True)
class Step:
    articles: int
    sentences: int


def report(step: Step, message: str, *args: object) -> None:
    logging.getLogger(PROGRESS_LOGGER).info(message, *args, extra={_EXTRA: step})


class ProgressBar:
    """Articles and sentences done so far; totals are unknown while inputs stream."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            TextColumn("{task.completed:>8,} "),
            TimeElapsedColumn(),
            TextColumn("{task.fields[rate]}"),
            console=console,
            # stdout carries data (`cameoflow code` prints events there); the bar is on stderr.
            redirect_stdout=False,
        )
        self._articles = self._progress.add_task("articles", total=None, rate="")
        self._sentences = self._progress.add_task("sentences", total=None, rate="")

    def advance(self, step: Step) -> None:
        self._progress.advance(self._articles, step.articles)
        self._progress.advance(self._sentences, step.sentences)
        done = self._progress.tasks[1]
        if done.elapsed:
            rate = f"{done.completed / done.elapsed:,.0f} sentences/s"
            self._progress.update(self._sentences, rate=rate)

    def done(self) -> Step:
        articles, sentences = (int(t.completed) for t in self._progress.tasks)
        return Step(articles, sentences)

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()


class _BarHandler(logging.Handler):
    def __init__(self, bar: ProgressBar) -> None:
        super().__init__(logging.INFO)
        self._bar = bar

    def emit(self, record: logging.LogRecord) -> None:
        step = getattr(record, _EXTRA, None)
        if isinstance(step, Step):
            self._bar.advance(step)


@contextmanager
def progress_bar(console: Console) -> Iterator[ProgressBar]:
    """Show the flow's progress records as a bar while the block runs."""
    logger = logging.getLogger(PROGRESS_LOGGER)
    with ProgressBar(console) as bar:
        handler = _BarHandler(bar)
        level, propagate = logger.level, logger.propagate
        # The bar shows these records; print them as lines too only when asked to (-v).
        logger.propagate = logging.getLogger().isEnabledFor(logging.INFO)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            yield bar
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
            logger.propagate = propagate
