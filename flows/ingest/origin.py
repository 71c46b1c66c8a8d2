"""Where a stream of bytes came from: what every reader needs besides the bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Origin:
    name: str  # file path or URL, as problems report it
    ingested_at: datetime  # stamped on every article; the date of last resort
    modified: datetime | None = None  # a file's modification time; None for a URL

    @classmethod
    def of_file(cls, path: Path, ingested_at: datetime) -> Origin:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        return cls(str(path), ingested_at, modified)
