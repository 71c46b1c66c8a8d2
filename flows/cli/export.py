"""`cameoflow export`: events to a file in the format and column set the user's tools read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from warehouse.export import export_events

from flows.cli.options import DbOption
from warehouse.db import default_db_path
from warehouse.errors import WarehouseError


def export_command(
    out: Annotated[Path, typer.Option(help="File (or folder for partitioned parquet) to write.")],
    fmt: Annotated[str, typer.Option("--format", help="csv | parquet")] = "csv",
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="Source or target country code.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 19.")] = None,
) -> None:
    try:
        result = export_events(
            db or default_db_path(), fmt, out, since=since, until=until, country=country, root=root
        )
    except WarehouseError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    typer.echo(f"wrote {result.rows} events to {result.path} (codebook {result.codebook})")
