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
    recode: Annotated[
        bool, typer.Option(help="Code every article again, even those already coded.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Code on a local Dask cluster of N worker processes.")
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(help="Code on an existing Dask cluster (tcp://host:8786); loads stay here."),
    ] = None,
    staging: Annotated[
        Path | None,
        typer.Option(help="Folder for batches between tasks (default: next to the database); "
                     "must be shared with the workers of a remote cluster."),
    ] = None,
) -> None:
    if workers is not None and workers < 1:
        raise typer.BadParameter("--workers must be at least 1")
    # A dictionary that cannot load ends the command here, in one line, before Prefect's
    # ephemeral server starts (seconds) and logs the failed flow run's traceback. Read once:
    # the flow and, in this process, its coder take them from the cache.
    from flows.coder import cached_dictionaries

    cached_dictionaries(tuple(str(p) for p in dictionaries or ()))
    from flows.daily import daily  # Prefect and GX take seconds to import: only when running
    from flows.progress import progress_bar
    from flows.runners import Placement

    db_path = db or default_db_path()
    placement = Placement(workers, dask_address)
    runner = placement.task_runner()
    # Prefect's stubs want a runner of PrefectFuture; Dask's runner yields a subclass of it.
    flow = daily.with_options(task_runner=runner) if runner else daily  # type: ignore[arg-type]
    with placement.run_api(), progress_bar(Console(stderr=True)):
        summary = flow(
            inputs=list(inputs),
            db_path=str(db_path),
            batch_size=batch_size,
            dictionary_paths=[str(p) for p in dictionaries or []],
            recode=recode,
            staging_dir=str(staging) if staging else None,
            parallel_batches=placement.parallel_batches(),
        )
    print_summary(summary, db_path)


def print_summary(summary: RunSummary, db_path: Path) -> None:
    console.print(f"[bold]run {summary.run_id}[/bold] -> {db_path}")
    console.print(
        f"articles {summary.articles}   sentences {summary.sentences}   "
        f"events {summary.events}   quarantined {summary.quarantined}   "
        f"already coded {summary.skipped}   input problems {len(summary.problems)}"
    )
    for problem in summary.problems:
        label = "skipped" if problem.skipped else "note"
        console.print(f"  [yellow]{label}[/yellow] {problem}", highlight=False)
    table = Table("root", "events", title="events by CAMEO root code")
    for root, count in sorted(summary.events_by_root.items()):
        table.add_row(root, str(count))
    console.print(table)
