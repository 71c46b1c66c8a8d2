"""`cameoflow dictionaries lint`: problems in dictionary files, with file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coding.dictionaries import load_dictionaries
from coding.entries import Severity
from coding.errors import DictionaryError
from coding.lint import lint

app = typer.Typer(help="Check and import dictionaries.", no_args_is_help=True)


@app.command("lint")
def lint_command(
    paths: Annotated[list[Path] | None, typer.Argument(help="Dictionary folders or files.")] = None,
) -> None:
    """Report duplicates, conflicts, unknown codes and malformed lines; exit 1 on errors."""
    try:
        dictionaries = load_dictionaries(list(paths or []))
    except DictionaryError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    problems = lint(dictionaries)
    for problem in problems:
        typer.echo(str(problem))
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    typer.echo(
        f"{len(dictionaries.actors)} actor entries, {len(dictionaries.agents)} agents, "
        f"{len(dictionaries.verbs)} verb patterns; {errors} errors, "
        f"{len(problems) - errors} warnings"
    )
    if errors:
        raise typer.Exit(1)
