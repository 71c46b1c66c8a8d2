"""Open the DuckDB warehouse and bring its schema up to date.

Migrations are the numbered files in warehouse/schema/ (NNN_name.sql), applied in order, each in
its own transaction together with its row in schema_version. The analysis views in
warehouse/views/ are recreated whenever their SQL changes (tracked by a digest), so a view can be
fixed without a new migration.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.errors import WarehouseError

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DB_PATH = PACKAGE_DIR / "events.duckdb"
DB_PATH_ENV = "CAMEOFLOW_DB"
SCHEMA_DIR = PACKAGE_DIR / "schema"
VIEWS_DIR = PACKAGE_DIR / "views"
# DuckDB checkpoints a writer's WAL into the file every 16 MB by default. A writer loading many
# small batches on one connection then rewrites the same partly filled row groups again and
# again (3x slower at 10,000-event batches); checkpointing at 256 MB, and when the connection
# closes, writes each row group a few times at most.
CHECKPOINT_THRESHOLD = "256MB"
# DuckDB's buffer pool may take 80% of RAM. Whenever a checkpoint completes a row group it reads
# blocks of the whole table into the pool (~600 bytes per event, freed when the connection
# closes), so the daily flow's peak memory grew with the warehouse: +295 MB at 490,000 events.
# Capped, the pool evicts instead; the flow's opens (a batch's load, the run's row) need a few
# MB and run as fast.
# DuckDB also runs a query on as many threads as there are cores. The flow loads a batch while
# the next one codes, so a load on every core takes them from the parse: on the 2-core VM, with
# one thread, the flow ran at 0.938 of the coder's speed against 0.916 (three alternating runs of
# 1,100 articles). The loads are small; one thread keeps up with the coder however many cores.


@dataclass(frozen=True)
class Limits:
    memory: str  # DuckDB's memory_limit
    threads: int


FLOW_WRITER = Limits(memory="128MB", threads=1)

_BOOKKEEPING_SQL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS schema_views (
    digest     VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
"""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    path: Path


def default_db_path() -> Path:
    """The warehouse file: $CAMEOFLOW_DB if set, else warehouse/events.duckdb in the repository."""
    configured = os.environ.get(DB_PATH_ENV)
    return Path(configured) if configured else DEFAULT_DB_PATH


def migrations(schema_dir: Path = SCHEMA_DIR) -> tuple[Migration, ...]:
    found = []
    for path in sorted(schema_dir.glob("*.sql")):
        number, _, name = path.stem.partition("_")
        if not number.isdigit():
            raise WarehouseError(
                path, "migration file names must start with a number: 001_name.sql"
            )
        found.append(Migration(int(number), name, path))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise WarehouseError(schema_dir, f"two migrations share a version number: {versions}")
    return tuple(found)


def connect(
    path: Path | None = None,
    read_only: bool = False,
    *,
    schema_is_current: bool = False,
    limits: Limits | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writable open creates the file and applies pending migrations.

    `schema_is_current` skips that check (about half the cost of an open) for a writer that
    migrated this database itself and has kept every other writer out since: the daily flow's
    per-batch connections, under the run lock taken before its first, migrating, open.
    `limits` caps DuckDB's memory and threads for this open (FLOW_WRITER for the flow's)."""
    path = Path(path) if path is not None else default_db_path()
    if read_only and not path.exists():
        raise WarehouseError(path, "no such warehouse file (run the pipeline once to create it)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only)
    try:
        if limits is not None:
            con.execute(f"SET memory_limit = '{limits.memory}'")
            con.execute(f"SET threads = {limits.threads:d}")
        if read_only:
            _check_current(con, path)
        else:
            con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            if not schema_is_current:
                migrate(con, path)
    except BaseException:
        con.close()
        raise
    return con


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseError(
                path,
                f"another process holds this database open for writing; retry when it has "
                f"finished ({exc})",
            ) from exc
        raise WarehouseError(path, f"cannot open: {exc}") from exc
    except duckdb.ConnectionException as exc:
        # DuckDB refuses a second connection in the same process with a different read_only flag.
        raise WarehouseError(
            path, f"this process already holds the database open in another mode ({exc})"
        ) from exc


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()
    if not exists or exists[0][0] == 0:
        return 0
    rows = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()
    return int(rows[0][0])


def migrate(con: duckdb.DuckDBPyConnection, path: Path | str = "<connection>") -> list[int]:
    """Apply every migration newer than the database's version; return the versions applied."""
    con.execute(_BOOKKEEPING_SQL)
    current = schema_version(con)
    applied = []
    for migration in migrations():
        if migration.version <= current:
            continue
        _in_transaction(con, path, migration.path, functools.partial(_apply, con, migration))
        logger.info("%s: applied migration %s", path, migration.path.name)
        applied.append(migration.version)
    _refresh_views(con, path)
    return applied


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    con.execute(migration.path.read_text(encoding="utf-8"))
    con.execute(
        "INSERT INTO schema_version (version, name) VALUES (?, ?)",
        [migration.version, migration.name],
    )


def _views_sql() -> tuple[str, str]:
    files = sorted(VIEWS_DIR.glob("*.sql"))
    sql = "\n".join(f.read_text(encoding="utf-8") for f in files)
    return sql, hashlib.sha256(sql.encode("utf-8")).hexdigest()


def _refresh_views(con: duckdb.DuckDBPyConnection, path: Path | str) -> None:
    sql, digest = _views_sql()
    rows = con.execute("SELECT max_by(digest, applied_at) FROM schema_views").fetchall()
    if rows[0][0] == digest:
        return

    def recreate() -> None:
        con.execute(sql)
        con.execute("DELETE FROM schema_views")
        con.execute("INSERT INTO schema_views (digest) VALUES (?)", [digest])

    _in_transaction(con, path, VIEWS_DIR, recreate)
    logger.info("%s: recreated analysis views", path)


def _in_transaction(
    con: duckdb.DuckDBPyConnection, path: Path | str, source: Path, step: Callable[[], None]
) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        step()
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise WarehouseError(path, f"migration {source} failed: {exc}") from exc


def _check_current(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    have = schema_version(con)
    want = max((m.version for m in migrations()), default=0)
    if have < want:
        raise WarehouseError(
            path,
            f"schema version {have}, this cameoflow needs {want}; open it once for writing "
            "(any pipeline run) to migrate",
        )


def database_file(con: duckdb.DuckDBPyConnection) -> str:
    """The file behind a connection, for error messages."""
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and then refuses other work.
    rows = con.execute(
        "SELECT coalesce(path, database_name) FROM duckdb_databases() "
        "WHERE database_name = current_database()"
    ).fetchall()
    return str(rows[0][0]) if rows else "<unknown database>"
