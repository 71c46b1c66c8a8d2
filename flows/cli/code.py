"""`cameoflow code`: code text or JSONL without a database; JSON events on stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from coding.records import Article, CodedArticle
from flows.cli.options import DictionariesOption
from flows.ingest import IngestProblem, normalize_text, read_inputs
from flows.progress import ProgressBar, Step


def code_command(
    text: Annotated[str | None, typer.Option("--text", help="A text to code.")] = None,
    input_file: Annotated[
        Path | None, typer.Option("--input", help="JSONL file of {id, text, date} lines.")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="Article date YYYY-MM-DD (default today).")
    ] = None,
    explain: Annotated[bool, typer.Option(help="Explain every sentence on stderr.")] = False,
    dictionaries: DictionariesOption = None,
) -> None:
    if (text is None) == (input_file is None):
        raise typer.BadParameter("give exactly one of --text or --input")
    from coding.pipeline import code_articles, load_coder  # spaCy loads in seconds: only here

    published = _parse_day(on) if on else date.today()
    coder = load_coder(list(dictionaries or []))
    articles = _text_article(text, published) if text is not None else _file_articles(input_file)
    coded_articles = code_articles(coder, articles, explain=explain)
    console = Console(stderr=True)
    if explain or not console.is_terminal:  # explain output and pipes get no bar
        for coded in coded_articles:
            emit(coded, explain)
        return
    with ProgressBar(console) as bar:
        for coded in coded_articles:
            emit(coded, explain)
            bar.advance(Step(1, len(coded.sentences)))


def emit(coded: CodedArticle, explain: bool) -> None:
    from coding.explain import explain_article
    from warehouse.arrow import event_row

    if explain:
        print(explain_article(coded), file=sys.stderr)
    for event in coded.events:
        print(json.dumps(event_row(event), default=str, ensure_ascii=False))


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise typer.BadParameter(f"--date must be YYYY-MM-DD, got {value!r}") from err


def _text_article(text: str, published: date) -> Iterator[Article]:
    when = datetime(published.year, published.month, published.day, tzinfo=UTC)
    # The same repairs as a file's text gets on ingest.
    yield Article(article_id="text", title="", text=normalize_text(text), published_at=when)


def _file_articles(path: Path | None) -> Iterator[Article]:
    for item in read_inputs([str(path)]):
        if isinstance(item, IngestProblem):
            print(f"skipped: {item}", file=sys.stderr)
        else:
            yield item
