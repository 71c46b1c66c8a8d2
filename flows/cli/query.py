"""`cameoflow query "SQL"`: read-only SQL over the warehouse, printed as a table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.cli.options import DbOption
from warehouse.db import default_db_path
from warehouse.errors import WarehouseError
from warehouse.query import run_query


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def query_command(
    sql: Annotated[str, typer.Argument(help="SQL to run (read-only).")],
    db: DbOption = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.table,
) -> None:
    try:
        columns, rows = run_query(db or default_db_path(), sql)
    except WarehouseError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    if output is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif output is OutputFormat.json:
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), default=str))
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
