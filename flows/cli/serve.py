"""`cameoflow serve PATH...`: register the `daily` deployment with a cron schedule and serve it."""

from __future__ import annotations

from typing import Annotated

import typer

from flows.batches import DEFAULT_BATCH_SIZE
from flows.cli.options import DbOption, DictionariesOption
from warehouse.db import default_db_path

DEFAULT_CRON = "0 6 * * *"  # every day at 06:00


def serve_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or URLs to ingest.")],
    cron: Annotated[
        str, typer.Option(help="When to run, as a cron expression.")
    ] = DEFAULT_CRON,
    timezone: Annotated[str, typer.Option(help="Time zone of the cron expression.")] = "UTC",
    db: DbOption = None,
    dictionaries: DictionariesOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per task.")] = DEFAULT_BATCH_SIZE,
) -> None:
    """Serve until interrupted (Ctrl-C pauses the schedule). Needs a Prefect API: PREFECT_API_URL
    pointing at `prefect server start` or Prefect Cloud."""
    from prefect import serve

    from flows.deploy import Schedule, daily_deployment

    deployment = daily_deployment(
        inputs,
        db or default_db_path(),
        Schedule(cron, timezone),
        dictionaries or [],
        batch_size,
    )
    serve(deployment)
