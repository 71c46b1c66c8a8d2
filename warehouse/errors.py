"""Errors raised by the warehouse: each names the database file it is about."""

from __future__ import annotations

from pathlib import Path


class WarehouseError(Exception):
    """The database file could not be opened, migrated, loaded or queried."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message
