"""The `cameoflow` command: one module per subcommand, assembled here."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from coding.errors import DictionaryError
from flows.settings import quiet_prefect

quiet_prefect()  # before any module below imports Prefect

from flows.cli import code, dictionaries, export, query, report, run, serve  # noqa: E402
from warehouse.errors import WarehouseError  # noqa: E402

app = typer.Typer(
    name="cameoflow",
    help="CAMEO event coding: news articles in, 'who did what to whom' records out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("run")(run.run_command)
app.command("code")(code.code_command)
app.command("query")(query.query_command)
app.command("export")(export.export_command)
app.command("report")(report.report_command)
app.command("serve")(serve.serve_command)
app.add_typer(dictionaries.app, name="dictionaries")


@app.callback()
def configure(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every step."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main() -> None:
    """The console script: errors the user can act on (a dictionary that does not load, a
    database that cannot be written or is in use) end the command with one line, not a
    traceback."""
    try:
        app()
    except (DictionaryError, WarehouseError) as error:
        send_pending_prefect_events()
        Console(stderr=True).print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        sys.exit(1)


def send_pending_prefect_events() -> None:
    """A failed flow run leaves events queued; Prefect sends them at exit and warns "Still
    processing items" as it does. Sending them now puts that warning before our error line,
    so the error stays the last thing the user reads."""
    events = sys.modules.get("prefect.events.worker")
    if events is not None:
        events.EventsWorker.drain_all(timeout=10)
