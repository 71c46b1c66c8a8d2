"""Batch staging: coded and validated tables wait as Arrow IPC files between tasks.

Task results stay small (a folder and counts), whichever process or machine coded the batch;
the records travel through the file system, which for a remote Dask cluster must be shared.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.ipc as ipc

STAGING_FOLDER = "staging"


def default_staging_root(db_path: str | Path) -> Path:
    """Next to the warehouse file, so it lives on the same (possibly shared) disk."""
    return Path(db_path).resolve().parent / STAGING_FOLDER


def batch_folder(root: str | Path, run_id: str, number: int) -> Path:
    return Path(root) / run_id / f"batch-{number:06d}"


def write_table(folder: str | Path, name: str, table: pa.Table) -> None:
    path = Path(folder) / f"{name}.arrow"
    path.parent.mkdir(parents=True, exist_ok=True)
    with ipc.new_file(str(path), table.schema) as writer:
        writer.write_table(table)


def read_table(folder: str | Path, name: str) -> pa.Table:
    with pa.memory_map(str(Path(folder) / f"{name}.arrow")) as source:
        return ipc.open_file(source).read_all()


def remove(folder: str | Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
