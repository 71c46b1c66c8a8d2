"""Bad dictionaries: a malformed line is reported with file:line and skipped, an unknown CAMEO
code is rejected by the linter, and a dictionary that cannot load stops a run before anything
is written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coding.dictionaries import load_dictionaries
from flows.cli.app import app
from tests.faults.helpers import SAMPLES, run_cli


def write_verbs(tmp_path):
    verbs = tmp_path / "dicts" / "verbs"
    verbs.mkdir(parents=True)
    (verbs / "01_mine.txt").write_text(
        "190   attack +\n!!! not a pattern\n9999  bombard +\n", encoding="utf-8"
    )
    return tmp_path / "dicts"


def test_malformed_line_is_located_and_skipped_while_the_good_line_loads(tmp_path):
    dictionaries = load_dictionaries([write_verbs(tmp_path)])
    errors = [str(p) for p in dictionaries.problems if p.severity.value == "error"]
    assert any(e.startswith("verbs/01_mine.txt:2: error: event code '!!!'") for e in errors)
    assert [v.rule_id for v in dictionaries.verbs if v.code == "190"] == ["verbs/01_mine.txt:1"]


def test_linter_rejects_an_unknown_cameo_code_with_file_and_line(tmp_path):
    result = CliRunner().invoke(app, ["dictionaries", "lint", str(write_verbs(tmp_path))])
    assert result.exit_code == 1
    assert "verbs/01_mine.txt:3: error: event code 9999 is not in the code table" in result.output


@pytest.mark.slow
def test_run_with_a_dictionary_that_does_not_load_writes_nothing(prefect_api_url, tmp_path):
    db = tmp_path / "events.duckdb"
    missing = tmp_path / "no-such-dictionaries"
    result = run_cli(prefect_api_url, "run", str(SAMPLES), "--db", str(db), "-d", str(missing))
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {missing}"), result.stderr[-2000:]
    assert "no such file or folder" in last
    assert "Traceback" not in result.stderr  # stopped before a flow run could fail
    assert not db.exists()  # no database, no runs row, no lock file to clean up
    assert list(tmp_path.iterdir()) == []
