"""Session-wide fixtures: the real spaCy model (loaded once) and one Prefect test harness."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.settings import quiet_prefect

quiet_prefect()

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from coding.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def prefect_harness():
    """Prefect's ephemeral API starts a temporary server (seconds): once per session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}: tests that read it are skipped")
    return SHARED_DATA
