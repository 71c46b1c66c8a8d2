"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default warehouse/events.duckdb).")
]
DictionariesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--dictionaries",
        "-d",
        help="Dictionary folder or file (bundled or PETRARCH format); repeat to combine, "
        "later ones override earlier ones. Default: the bundled dictionaries.",
    ),
]
