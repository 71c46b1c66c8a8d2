"""Fixtures for the fault suite: subprocess runs share the session's Prefect test server, so a
killed or concurrent `cameoflow run` costs seconds, not a server start each."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the Prefect test harness did not set PREFECT_API_URL"
    return url
