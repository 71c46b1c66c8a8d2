"""Shared pieces of the fault suite: running the real CLI in a subprocess, reading a database
the way a user would afterwards, and the consistency checks every fault test ends with."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.helpers import scalar

SAMPLES = REPO / "samples" / "articles"
SAMPLE_JSONL = REPO / "samples" / "articles.jsonl"
CLI = [sys.executable, "-c", "from flows.cli.app import main; main()"]
RUN_TIMEOUT = 240


def cli_env(api_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMEOFLOW_")}
    env.update(PREFECT_API_URL=api_url, PYTHONPATH=str(REPO), **extra)
    return env


def start_run(api_url: str, db: Path, inputs: list[Path], *options: str, **env: str):
    """`cameoflow run` in its own process, not waited for."""
    args = [*CLI, "run", *map(str, inputs), "--db", str(db), *options]
    return subprocess.Popen(
        args, cwd=REPO, env=cli_env(api_url, **env), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def run_cli(api_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], cwd=REPO, env=cli_env(api_url, **env), text=True,
        capture_output=True, timeout=RUN_TIMEOUT,
    )




ORPHANS = {
    "events without their article": (
        "SELECT count(*) FROM events e ANTI JOIN articles a USING (article_id)"
    ),
    "events without their sentence": (
        "SELECT count(*) FROM events e ANTI JOIN sentences s USING (article_id, sentence_index)"
    ),
    "sentences without their article": (
        "SELECT count(*) FROM sentences s ANTI JOIN articles a USING (article_id)"
    ),
    "quarantined rows without their article": (
        "SELECT count(*) FROM quarantine q ANTI JOIN articles a USING (article_id)"
    ),
    # Every article has at least its title or first paragraph as a sentence: an article row
    # without sentences is half a batch.
    "articles without sentences": (
        "SELECT count(*) FROM articles a ANTI JOIN sentences s USING (article_id)"
    ),
    "duplicate event ids": "SELECT count(*) - count(DISTINCT event_id) FROM events",
}


def assert_consistent(db: Path) -> None:
    """The database opens read-only and holds no half of anything."""
    found = {name: scalar(db, sql) for name, sql in ORPHANS.items()}
    assert found == dict.fromkeys(ORPHANS, 0), found


def reconciliation(db: Path, run_id: str) -> dict:
    import json

    counts = scalar(db, "SELECT counts FROM runs WHERE run_id = ?", [run_id])
    return json.loads(counts)["reconcile"]
