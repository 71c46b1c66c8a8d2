"""Which Prefect API a run reports to, and what it sends there."""

from __future__ import annotations

from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

from flows.runners import Placement


def heartbeat_seconds() -> int | None:
    return get_current_settings().flows.heartbeat_frequency


def test_a_run_on_the_ephemeral_api_sends_no_heartbeats():
    with temporary_settings(updates={PREFECT_API_URL: None}):
        assert heartbeat_seconds() is not None  # Prefect's default sends them
        with Placement().run_api():
            assert heartbeat_seconds() is None
        assert heartbeat_seconds() is not None


def test_a_run_against_a_server_keeps_its_heartbeats_and_its_url():
    url = "http://127.0.0.1:4200/api"
    with temporary_settings(updates={PREFECT_API_URL: url}):
        before = heartbeat_seconds()
        with Placement(workers=2).run_api():
            assert heartbeat_seconds() == before is not None
            assert PREFECT_API_URL.value() == url
