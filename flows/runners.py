"""Where the coding tasks run: a worker thread here, a local Dask cluster, or an existing one.

Only the task runner changes; the flow, its tasks and coding/ are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from prefect.task_runners import TaskRunner

# Connecting to an existing cluster to ask its size.
CLUSTER_CONNECT_SECONDS = 30
# Starting Prefect's local API server takes seconds, more on a loaded machine.
API_START_SECONDS = 120


# Dask's nannies start each worker with MALLOC_TRIM_THRESHOLD_=65536, so that memory a task
# frees goes back to the system at once. Setting it also turns off glibc's adaptive mmap
# threshold: every large array spaCy allocates and frees is then a fresh mmap, munmap and page
# faults. Two local workers coding the throughput corpus spent 10.2 s of system time with it and
# 2.1 s without, and the run took 36.5-37.2 s against 31.8-31.9 s. Their peak memory was the
# same without it (626-639 MiB): the arrays are the same size batch after batch.
MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"


def without_malloc_trim() -> None:
    """Let local Dask workers started after this keep glibc's default memory behaviour. It
    must be in place before a worker process starts: glibc reads it once, at start-up."""
    import dask
    import distributed  # noqa: F401  (its defaults must be loaded before they are edited)

    # None unsets a variable of the nanny's defaults (see distributed.nanny._get_env_variables).
    dask.config.set({f"distributed.nanny.pre-spawn-environ.{MALLOC_TRIM}": None})


@dataclass(frozen=True)
class Placement:
    workers: int | None = None  # local Dask worker processes
    dask_address: str | None = None  # tcp://host:8786 of a running scheduler

    @property
    def on_dask(self) -> bool:
        return bool(self.workers or self.dask_address)

    def task_runner(self) -> TaskRunner | None:
        """None keeps the flow's default (one worker thread next to the loading loop)."""
        if not self.on_dask:
            return None
        from prefect_dask import DaskTaskRunner  # dask imports in seconds: only when used

        if self.dask_address:
            return DaskTaskRunner(address=self.dask_address)
        without_malloc_trim()
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": self.workers,
                "processes": True,
                # spaCy parses with one core per process; more threads only contend for the GIL.
                "threads_per_worker": 1,
                "dashboard_address": None,
            }
        )

    def parallel_batches(self) -> int:
        """How many batches code at once: one per local worker, or one per thread an existing
        cluster has when the run starts (workers it adds later share the same batches)."""
        if not self.dask_address:
            return self.workers or 1
        from distributed import Client

        with Client(self.dask_address, timeout=CLUSTER_CONNECT_SECONDS) as client:
            return max(1, sum(client.nthreads().values()))

    @contextmanager
    def run_api(self) -> Iterator[None]:
        """The Prefect API this run reports to.

        With PREFECT_API_URL set, that server, as it is. Without, Prefect's ephemeral server: a
        child of this process that ends with it. Nothing outlives the run there to watch for a
        crashed run, so the flow's heartbeats are switched off. They would cost up to a second
        at the end of every run: Prefect joins the heartbeat thread, which sleeps in whole
        seconds. A deployment (`cameoflow serve`) keeps them.

        Dask workers are other processes and must report to the same API as the flow; without
        PREFECT_API_URL each would start its own ephemeral server. So one is started here and
        its URL handed to the run (reachable from this machine only: a remote cluster needs
        PREFECT_API_URL set to a server every worker can reach)."""
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
            temporary_settings,
        )

        if PREFECT_API_URL.value():
            yield
            return
        updates: dict[Any, Any] = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
        if self.on_dask:
            from prefect.server.api.server import SubprocessASGIServer

            server = SubprocessASGIServer()  # the same instance Prefect's ephemeral client uses
            server.start(timeout=API_START_SECONDS)
            updates[PREFECT_API_URL] = server.api_url
        with temporary_settings(updates=updates):
            yield
