"""Input is data, never code: hostile strings are stored as text, no source module evaluates or
unpickles anything, and an export writes where the user said and nowhere else."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO
from tests.warehouse.builders import article, event, report
from warehouse.arrow import (
    QUARANTINE_SCHEMA,
    articles_to_arrow,
    events_to_arrow,
    sentences_to_arrow,
)
from warehouse.db import connect
from warehouse.export import export_events
from warehouse.load import load_batch

HOSTILE = (
    "'); DROP TABLE events; --",
    "Robert'); DELETE FROM articles WHERE ('1'='1",
    "{__import__('os').system('touch /tmp/pwned')}",
    "$(rm -rf /) `reboot`",
)
PACKAGES = ("coding", "flows", "warehouse", "benchmarks")
# Ways Python runs or revives code from data.
CODE_FROM_DATA = re.compile(
    r"\beval\(|\bexec\(|\bpickle\b|\bmarshal\b|\bshelve\b|\byaml\.load\(|\bdill\b|"
    r"\bcloudpickle\b|__import__\(|\bcompile\(\s*[a-z_]+\s*,"
)


def load_hostile(db):
    articles = [article(f"a{i}", title=text, source=text, url=text, text=text)
                for i, text in enumerate(HOSTILE)]
    con = connect(db)
    try:
        load_batch(
            con,
            articles_to_arrow(articles, "run"),
            sentences_to_arrow([report(a.article_id, 0) for a in articles]),
            events_to_arrow([event(article_id=a.article_id) for a in articles], "run"),
            QUARANTINE_SCHEMA.empty_table(),
        )
        return con.execute("SELECT title, source, url, text FROM articles ORDER BY article_id")\
            .fetchall(), con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    finally:
        con.close()


def test_sql_in_titles_and_text_is_stored_as_text(tmp_path):
    stored, events = load_hostile(tmp_path / "events.duckdb")
    assert stored == [(text, text, text, text) for text in HOSTILE]
    assert events == len(HOSTILE)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_evaluates_or_unpickles_data(package):
    offenders = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / package).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if CODE_FROM_DATA.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def test_export_writes_the_named_file_and_its_codebook_and_nothing_else(tmp_path, monkeypatch):
    db = tmp_path / "db" / "events.duckdb"
    load_hostile(db)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = {p for p in tmp_path.rglob("*")}
    repo_before = {p for p in (REPO / "warehouse").iterdir()}
    out = tmp_path / "exports" / "deep" / "events.csv"
    con = connect(db, read_only=True)
    try:
        result = export_events(con, "csv", out)
    finally:
        con.close()
    created = {p for p in tmp_path.rglob("*")} - before
    assert created == {out, out.with_name("events.csv.codebook.md"), out.parent, out.parent.parent}
    assert result.rows == len(HOSTILE)
    assert list(work.iterdir()) == []
    assert {p for p in (REPO / "warehouse").iterdir()} == repo_before
