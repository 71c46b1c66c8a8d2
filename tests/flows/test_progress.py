"""The run's progress records drive the CLI's bar, and stay off the console unless -v."""

from __future__ import annotations

import io
import logging

from rich.console import Console

from flows.progress import PROGRESS_LOGGER, Step, progress_bar, report


def test_progress_records_advance_the_bar_and_are_not_printed_without_verbose(caplog):
    console = Console(file=io.StringIO(), width=100)
    logging.getLogger().setLevel(logging.WARNING)
    with progress_bar(console) as bar:
        report(Step(3, 40), "batch %d done", 0)
        report(Step(2, 25), "batch %d done", 1)
        done = bar.done()
    assert done == Step(5, 65)
    assert "sentences/s" in console.file.getvalue()
    assert not [r for r in caplog.records if r.name == PROGRESS_LOGGER]
    assert logging.getLogger(PROGRESS_LOGGER).handlers == []
