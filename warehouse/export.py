"""Export events to the files researchers' R/Stata/pandas code reads, each with a codebook.

The rows come from the events table filtered by date, country and root code; the columns come
from a column set (warehouse/exports/<name>.sql: native, gdelt, phoenix, icews) that selects
from the filtered rows, named `selected` and aliased `e`. Codes stay text in every format
("0311"). The data file is written exactly at `out`, and its codebook beside it as
`<out>.codebook.md`.

Row order is a choice, not a given: sorting by (event_date, event_id) moves every wide row once
more and doubles the cost of a large export (benchmarks/warehouse.py). The text formats people
open and read (csv, tsv, jsonl, dta) are sorted by default; parquet, read by query engines and
data frames that sort or group anyway, keeps the warehouse's storage order unless asked. The
codebook states the order of its file.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pyreadstat

logger = logging.getLogger(__name__)

EXPORTS_DIR = Path(__file__).resolve().parent / "exports"
FORMATS = ("csv", "tsv", "parquet", "jsonl", "dta")
COLUMN_SETS = ("native", "gdelt", "phoenix", "icews")
STATA_VERSION = 14  # writes dta format 118, read by Stata 14 and later
SORTED_BY_DEFAULT = frozenset({"csv", "tsv", "jsonl", "dta"})
_ORDER_BY = "ORDER BY e.event_date, e.event_id"
_ORDERS = {True: "event date, then event id", False: "as stored in the warehouse (unsorted)"}
_STATA_NAME = re.compile(r"[^A-Za-z0-9_]")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    codebook: Path
    fmt: str
    column_set: str
    rows: int
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Query:
    sql: str
    where: str
    params: tuple[object, ...]
    ordered: bool


def export_events(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out: Path,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    root: str | None = None,
    column_set: str = "native",
    partition_by_month: bool = False,
    ordered: bool | None = None,
) -> ExportResult:
    """Write the selected events to `out` in `fmt`, and a codebook beside it.

    `partition_by_month` (parquet, native columns) makes `out` a folder of
    year=YYYY/month=M/*.parquet files, for exports too large for one file.
    `ordered` sorts the rows by event date and id; None means the format's default
    (sorted except parquet, see the module docstring).
    """
    if partition_by_month and (fmt != "parquet" or column_set != "native"):
        raise ValueError("partition_by_month needs format parquet and the native column set")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if column_set not in COLUMN_SETS:
        raise ValueError(f"unknown column set {column_set!r}; choose one of {COLUMN_SETS}")
    if ordered is None:
        ordered = fmt in SORTED_BY_DEFAULT
    query = _query(column_set, since, until, country, root, ordered)
    table = con.sql(query.sql, params=list(query.params)).to_arrow_table()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if partition_by_month:
        _write_parquet_by_month(table, out)
    else:
        _WRITERS[fmt](table, out)
    codebook = out.with_name(out.name + ".codebook.md")
    codebook.write_text(_codebook(con, table, out, fmt, column_set, query), encoding="utf-8")
    logger.info("exported %d events to %s (%s, %s)", table.num_rows, out, fmt, column_set)
    return ExportResult(out, codebook, fmt, column_set, table.num_rows, tuple(table.column_names))


def _query(
    column_set: str,
    since: date | None,
    until: date | None,
    country: str | None,
    root: str | None,
    ordered: bool,
) -> _Query:
    conditions: list[str] = []
    params: list[object] = []
    if since is not None:
        conditions.append("event_date >= ?")
        params.append(since)
    if until is not None:
        conditions.append("event_date <= ?")
        params.append(until)
    if country:
        conditions.append("(source_country = ? OR target_country = ?)")
        params += [country.upper(), country.upper()]
    if root:
        if not root.isdigit() or not 1 <= int(root) <= 20:
            raise ValueError(f"root must be a CAMEO root code 01-20, not {root!r}")
        conditions.append("event_root_code = ?")
        params.append(root.zfill(2))
    where = " AND ".join(conditions) or "TRUE"
    body = (EXPORTS_DIR / f"{column_set}.sql").read_text(encoding="utf-8")
    order = f"\n{_ORDER_BY}" if ordered else ""
    sql = f"WITH selected AS (SELECT * FROM events WHERE {where})\n{body.rstrip()}{order}"
    return _Query(sql, where, tuple(params), ordered)


def _write_csv(table: pa.Table, out: Path) -> None:
    pacsv.write_csv(table, out)


def _write_tsv(table: pa.Table, out: Path) -> None:
    pacsv.write_csv(table, out, write_options=pacsv.WriteOptions(delimiter="\t"))


def _write_parquet(table: pa.Table, out: Path) -> None:
    pq.write_table(table, out)


def _write_parquet_by_month(table: pa.Table, out: Path) -> None:
    dates = table.column("event_date")
    keyed = table.append_column("year", pc.year(dates)).append_column("month", pc.month(dates))
    ds.write_dataset(
        keyed,
        out,
        format="parquet",
        partitioning=["year", "month"],
        partitioning_flavor="hive",
        existing_data_behavior="delete_matching",
    )


def _write_jsonl(table: pa.Table, out: Path) -> None:
    # DuckDB's JSON writer, on a private in-memory database: a Python loop over the rows wrote
    # 15,000 rows/s, this writes several hundred thousand (benchmarks/warehouse.py).
    scratch = duckdb.connect()
    try:
        scratch.register("rows_to_write", table)
        scratch.execute(
            "COPY rows_to_write TO ? (FORMAT json, DATEFORMAT '%Y-%m-%d')",
            [str(out)],
        )
    finally:
        scratch.close()


def _write_dta(table: pa.Table, out: Path) -> None:
    frame = table.to_pandas()
    for name, dtype in zip(table.column_names, table.schema.types, strict=True):
        if pa.types.is_boolean(dtype):
            frame[name] = frame[name].astype("int8")  # Stata has no boolean type
        elif pa.types.is_string(dtype) or pa.types.is_large_string(dtype):
            # Stata's missing string is ""; readstat cannot write a null into a long string.
            frame[name] = frame[name].fillna("").astype(object)
    # Stata names: letters, digits and _, at most 32 characters ("Event ID" -> Event_ID).
    frame.columns = [_STATA_NAME.sub("_", c)[:32] for c in frame.columns]
    pyreadstat.write_dta(frame, out, version=STATA_VERSION)


_WRITERS = {
    "csv": _write_csv,
    "tsv": _write_tsv,
    "parquet": _write_parquet,
    "jsonl": _write_jsonl,
    "dta": _write_dta,
}


def _meanings() -> dict[str, str]:
    with (EXPORTS_DIR / "codebook.tsv").open(encoding="utf-8", newline="") as f:
        return {row["column"]: row["meaning"] for row in csv.DictReader(f, delimiter="\t")}


def _codebook(
    con: duckdb.DuckDBPyConnection,
    table: pa.Table,
    out: Path,
    fmt: str,
    column_set: str,
    query: _Query,
) -> str:
    versions = con.execute(
        "SELECT list(DISTINCT coder_version ORDER BY coder_version), "
        "list(DISTINCT dictionary_version ORDER BY dictionary_version) "
        f"FROM events WHERE {query.where}",
        list(query.params),
    ).fetchall()[0]
    meanings = _meanings()
    lines = [
        f"# Codebook for {out.name}",
        "",
        f"- format: {fmt}" + (f" (Stata {STATA_VERSION}, dta 118)" if fmt == "dta" else ""),
        f"- column set: {column_set}",
        f"- rows: {table.num_rows}",
        f"- row order: {_ORDERS[query.ordered]}",
        f"- written: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"- coder versions: {', '.join(versions[0] or []) or 'none'}",
        f"- dictionary versions: {', '.join(versions[1] or []) or 'none'}",
        "- CAMEO codes are text: keep them as strings so leading zeros survive (0311, 010).",
        "",
        "## Query",
        "",
        "```sql",
        query.sql.strip(),
        "```",
        "",
        f"Parameters, in order: {json.dumps([str(p) for p in query.params])}",
        "",
        "## Columns",
        "",
        "| column | type | meaning |",
        "| --- | --- | --- |",
    ]
    for field in table.schema:
        lines.append(f"| {field.name} | {field.type} | {meanings.get(field.name, '')} |")
    return "\n".join(lines) + "\n"
