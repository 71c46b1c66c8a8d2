"""Fault injection for the fault tests: kill this process at a named point of a run.

    CAMEOFLOW_FAULT_AT=mid-load:1 cameoflow run ...   # SIGKILL inside batch 1's transaction

The value is `<point>:<batch number>` (batches are numbered from 0, as in the task names).
Points, in the order a batch passes them:

    after-code      the batch is coded, its articles and sentences staged; nothing of it
                    is validated or loaded
    after-validate  the batch is validated, not loaded
    mid-load        inside the load transaction: old rows of the batch's articles deleted and
                    its articles inserted, its sentences and events not yet
    after-load      the batch is committed; the run has not moved on to the next one

Unset (always, outside tests) it costs one environment lookup per point. SIGKILL rather than an
exception: nothing in the process gets to clean up, exactly as when the machine or the OOM
killer stops a run.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable

logger = logging.getLogger(__name__)

FAULT_ENV = "CAMEOFLOW_FAULT_AT"
POINTS = ("after-code", "after-validate", "mid-load", "after-load")


def fault_point(point: str, batch: int) -> None:
    """Kill the process here if CAMEOFLOW_FAULT_AT names this point and batch."""
    if point not in POINTS:
        raise ValueError(f"unknown fault point {point!r}; known: {', '.join(POINTS)}")
    if os.environ.get(FAULT_ENV) == f"{point}:{batch}":
        logger.warning("%s=%s: killing process %d", FAULT_ENV, f"{point}:{batch}", os.getpid())
        os.kill(os.getpid(), signal.SIGKILL)


def fault_hook(point: str, batch: int) -> Callable[[], None]:
    """fault_point as a callback, for code that must not import flows (warehouse.load)."""
    return lambda: fault_point(point, batch)
