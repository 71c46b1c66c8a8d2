"""Process settings every entry point applies before Prefect is imported."""

from __future__ import annotations

import os

# Prefect sends telemetry by default; machines here (and many research clusters) are offline,
# where it only produces errors.
QUIET_PREFECT = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def quiet_prefect() -> None:
    for name, value in QUIET_PREFECT.items():
        os.environ.setdefault(name, value)
