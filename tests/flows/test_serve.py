"""`cameoflow serve` against a real `prefect server start` on 127.0.0.1: the cron deployment is
registered, one run of it completes, and its rows land in the warehouse."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.settings import QUIET_PREFECT
from tests.conftest import REPO

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
SAMPLES = REPO / "samples" / "articles"
SERVER_START_SECONDS = 120
DEPLOYMENT_SECONDS = 120
RUN_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(ready, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(1)
    raise AssertionError(f"{what} not ready after {seconds} s")


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def prefect_env(tmp_path_factory) -> Iterator[dict[str, str]]:
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, **QUIET_PREFECT, "PREFECT_HOME": str(home), "PREFECT_API_URL": api}
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [BIN / "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: healthy(api), SERVER_START_SECONDS, "prefect server")
        yield env
    finally:
        stop(server)
        log.close()


def prefect(env: dict[str, str], *args: str, timeout: float = 60) -> str:
    done = subprocess.run(
        [BIN / "prefect", *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_served_daily_deployment_runs_once_and_loads_rows(prefect_env, tmp_path):
    db = tmp_path / "events.duckdb"
    log = (tmp_path / "serve.log").open("w")
    served = subprocess.Popen(
        [BIN / "cameoflow", "serve", "--cron", "0 6 * * *", "--db", str(db), str(SAMPLES)],
        env=prefect_env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
    )
    try:
        wait_until(
            lambda: "daily" in prefect(prefect_env, "deployment", "ls"),
            DEPLOYMENT_SECONDS,
            "the daily deployment",
        )
        listing = prefect(prefect_env, "deployment", "ls")
        print(listing)
        inspected = prefect(prefect_env, "deployment", "inspect", "daily/daily")
        assert "0 6 * * *" in inspected
        watched = prefect(
            prefect_env, "deployment", "run", "daily/daily", "--watch",
            "--watch-timeout", str(RUN_SECONDS), timeout=RUN_SECONDS + 30,
        )
        assert "Completed" in watched, watched
    finally:
        stop(served)
        log.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles, events = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
        ).fetchall()[0]
        status = con.execute("SELECT status FROM runs").fetchall()
    finally:
        con.close()
    assert articles == len(list(SAMPLES.glob("*.txt")))
    assert events > 0
    assert status == [("completed",)]
