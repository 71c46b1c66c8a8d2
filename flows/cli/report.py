"""`cameoflow report`: a self-contained HTML page of the warehouse's events, plots and runs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from flows.cli.options import DbOption

_DAY = ["%Y-%m-%d"]


def report_command(
    out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("report.html"),
    db: DbOption = None,
    since: Annotated[
        datetime | None, typer.Option(formats=_DAY, help="First event date, YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        datetime | None, typer.Option(formats=_DAY, help="Last event date, YYYY-MM-DD.")
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="Rows in the dyad and code tables.")] = 10,
) -> None:
    # Imported here: matplotlib takes a second to import and `cameoflow --help` should not wait.
    from warehouse.db import default_db_path
    from warehouse.errors import WarehouseError
    from warehouse.report import write_report

    try:
        result = write_report(
            out,
            db or default_db_path(),
            since=since.date() if since else None,
            until=until.date() if until else None,
            top=top,
        )
    except WarehouseError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    typer.echo(
        f"wrote {result.path}: {result.events} deduplicated events, "
        f"{result.dyads} top dyads, {result.runs} runs"
    )
