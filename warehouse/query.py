"""Read-only SQL against the warehouse, for the CLI's `query` command and notebooks."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import connect
from warehouse.errors import WarehouseError

logger = logging.getLogger(__name__)


def run_query(
    path: Path, sql: str, params: Sequence[object] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one statement on a read-only connection; return column names and rows.

    Raises WarehouseError naming the file when it is missing, held by a writer, or the SQL fails
    (including any attempt to write).
    """
    con = connect(path, read_only=True)
    try:
        result = con.execute(sql, list(params) if params else None)
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall()
    except duckdb.Error as exc:
        raise WarehouseError(path, f"query failed: {exc}") from exc
    finally:
        con.close()
