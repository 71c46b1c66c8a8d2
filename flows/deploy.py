"""The `daily` deployment: the same flow as `cameoflow run`, on a cron schedule.

`cameoflow serve` serves it from the calling process (no work pool needed); users who deploy to
work pools use prefect.yaml at the repository root, which names the same entrypoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from prefect.deployments.runner import RunnerDeployment

from flows.batches import DEFAULT_BATCH_SIZE
from flows.daily import daily

DEPLOYMENT_NAME = "daily"


@dataclass(frozen=True)
class Schedule:
    cron: str  # e.g. "0 6 * * *", every day at 06:00
    timezone: str = "UTC"


def daily_deployment(
    inputs: Sequence[str],
    db_path: Path,
    schedule: Schedule,
    dictionary_paths: Sequence[Path] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> RunnerDeployment:
    """Inputs and the database are fixed parameters; paths are made absolute because the served
    runs may start in another working directory."""
    from prefect.schedules import Cron

    # Called from synchronous code, to_deployment returns the deployment, not a coroutine.
    return daily.to_deployment(  # type: ignore[return-value]
        name=DEPLOYMENT_NAME,
        schedule=Cron(schedule.cron, timezone=schedule.timezone),
        parameters={
            "inputs": [_absolute(i) for i in inputs],
            "db_path": str(Path(db_path).resolve()),
            "batch_size": batch_size,
            "dictionary_paths": [str(Path(p).resolve()) for p in dictionary_paths],
        },
        description="Code what is new in the inputs into the cameoflow warehouse.",
        tags=["cameoflow"],
    )


def _absolute(given: str) -> str:
    return given if "://" in given else str(Path(given).resolve())
