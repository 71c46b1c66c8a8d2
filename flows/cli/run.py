"""`cameoflow run PATH...`: the whole pipeline into the warehouse, then a short summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.batches import DEFAULT_BATCH_SIZE, RunSummary
from flows.cli.options import DbOption, DictionariesOption
from warehouse.db import default_db_path

console = Console()


def run_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or URLs to ingest.")],
    db: DbOption = None,
    dictionaries: DictionariesOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per task.")] = DEFAULT_BATCH_SIZE,
) -> None:
    from flows.daily import daily  # Prefect and GX take seconds to import: only when running

    db_path = db or default_db_path()
    summary = daily(
        inputs=list(inputs),
        db_path=str(db_path),
        batch_size=batch_size,
        dictionary_paths=[str(p) for p in dictionaries or []],
    )
    print_summary(summary, db_path)


def print_summary(summary: RunSummary, db_path: Path) -> None:
    console.print(f"[bold]run {summary.run_id}[/bold] -> {db_path}")
    console.print(
        f"articles {summary.articles}   sentences {summary.sentences}   "
        f"events {summary.events}   quarantined {summary.quarantined}   "
        f"input problems {len(summary.problems)}"
    )
    for problem in summary.problems:
        console.print(f"  [yellow]skipped[/yellow] {problem}")
    table = Table("root", "events", title="events by CAMEO root code")
    for root, count in sorted(summary.events_by_root.items()):
        table.add_row(root, str(count))
    console.print(table)
