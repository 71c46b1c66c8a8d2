"""`cameoflow export`: events to a file in the format and column set the user's tools read."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from flows.cli.options import DbOption
from warehouse.db import connect, default_db_path
from warehouse.errors import WarehouseError
from warehouse.export import COLUMN_SETS, FORMATS, export_events


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise typer.BadParameter(f"{name} must be YYYY-MM-DD, got {value!r}") from err


def export_command(
    out: Annotated[Path, typer.Option(help="File (or folder for partitioned parquet) to write.")],
    fmt: Annotated[str, typer.Option("--format", help=" | ".join(FORMATS))] = "csv",
    schema: Annotated[
        str, typer.Option(help="Column set: " + " | ".join(COLUMN_SETS))
    ] = "native",
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="Source or target country code.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 19.")] = None,
    partition: Annotated[
        bool, typer.Option(help="Parquet only: a folder partitioned by year and month.")
    ] = False,
    ordered: Annotated[
        bool | None,
        typer.Option(
            "--sorted/--storage-order",
            help="Rows by event date and id (default for csv, tsv, jsonl, dta) or as stored "
            "(default for parquet, much faster on large exports).",
        ),
    ] = None,
) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if schema not in COLUMN_SETS:
        raise typer.BadParameter(f"--schema must be one of {', '.join(COLUMN_SETS)}")
    try:
        con = connect(db or default_db_path(), read_only=True)
        try:
            result = export_events(
                con, fmt, out, since=_day(since, "--since"), until=_day(until, "--until"),
                country=country, root=root, column_set=schema, partition_by_month=partition,
                ordered=ordered,
            )
        finally:
            con.close()
    except WarehouseError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    typer.echo(f"wrote {result.rows} events to {result.path} (codebook {result.codebook})")
