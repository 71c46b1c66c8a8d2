"""Validate a batch of events with a Great Expectations suite before it is loaded.

The suite runs on the batch as a pandas dataframe (GX's SQL datasource does not speak DuckDB).
Facts from the code table that a per-row expectation needs (the code's quad class and Goldstein
score) and the latest plausible event date are added as helper columns first, so every check is
a stock GX expectation. Rows that fail any expectation are quarantined with the names of the
expectations they failed; the rest pass.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
import pyarrow as pa
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)

from coding.entries import CameoCode
from warehouse.arrow import EVENTS_SCHEMA, QUARANTINE_SCHEMA

logger = logging.getLogger(__name__)

DEFAULT_DOCS_DIR = Path(__file__).resolve().parent / "gx"
ACTOR_CODE_REGEX = r"^(?:[A-Z]{3})+$"  # a root then role blocks: RUS, RUSGOV, USAMILREB
REQUIRED_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_index",
    "event_date",
    "source_code",
    "target_code",
    "event_code",
    "event_base_code",
    "event_root_code",
    "quad_class",
    "goldstein",
)
# Helper columns computed from the code table and the articles before the suite runs.
_CODE_ROOT = "_code_root"
_CODE_BASE = "_code_base"
_TABLE_QUAD = "_code_table_quad_class"
_TABLE_GOLDSTEIN = "_code_table_goldstein"
_LATEST_DATE = "_latest_event_date"
_EVENT_DAY = "_event_day"
_DOCS_SITE = "cameoflow"


class ValidationSuiteError(RuntimeError):
    """An expectation could not be evaluated at all (not a failing row: a broken check)."""


@dataclass(frozen=True)
class ValidationOutcome:
    passed: pa.Table  # EVENTS_SCHEMA
    quarantined: pa.Table  # QUARANTINE_SCHEMA
    summary: dict[str, Any] = field(default_factory=dict)  # JSON-ready, stored in runs.validation


@dataclass(frozen=True)
class _Validator:
    context: Any
    definition: Any  # gx.ValidationDefinition
    suite_name: str
    docs_site: str | None

    def run(self, frame: pd.DataFrame) -> Any:
        """The suite's result on one batch, with every unexpected row listed (there are none
        when every expectation held). Data docs are built from the context's stored results, so
        only then is the batch run through the validation definition, which stores its result:
        otherwise a long-lived `serve` process would keep every batch's result. Without data
        docs the suite first runs for its verdicts alone, at about half the cost, and again for
        the rows only when an expectation failed: most batches pass."""
        if self.docs_site:
            return self.definition.run(
                batch_parameters={"dataframe": frame}, result_format={"result_format": "COMPLETE"}
            )
        batch = self.definition.data.get_batch(batch_parameters={"dataframe": frame})
        verdicts = batch.validate(self.definition.suite, result_format="BOOLEAN_ONLY")
        if verdicts.success:
            return verdicts
        return batch.validate(self.definition.suite, result_format="COMPLETE")


def expectations(codes: frozenset[str]) -> tuple[tuple[str, Any], ...]:
    """The suite as (name, expectation) pairs; the names are what quarantine rows cite."""
    E = gx.expectations
    checks: list[tuple[str, Any]] = [
        (f"{column}_not_null", E.ExpectColumnValuesToNotBeNull(column=column))
        for column in REQUIRED_COLUMNS
    ]
    checks += [
        (
            "event_code_in_code_table",
            E.ExpectColumnValuesToBeInSet(column="event_code", value_set=sorted(codes)),
        ),
        (
            "event_root_matches_code",
            E.ExpectColumnPairValuesToBeEqual(
                column_A="event_root_code",
                column_B=_CODE_ROOT,
                ignore_row_if="either_value_is_missing",
            ),
        ),
        (
            "event_base_matches_code",
            E.ExpectColumnPairValuesToBeEqual(
                column_A="event_base_code",
                column_B=_CODE_BASE,
                ignore_row_if="either_value_is_missing",
            ),
        ),
        (
            "quad_class_matches_code_table",
            E.ExpectColumnPairValuesToBeEqual(
                column_A="quad_class", column_B=_TABLE_QUAD, ignore_row_if="either_value_is_missing"
            ),
        ),
        (
            "goldstein_matches_code_table",
            E.ExpectColumnPairValuesToBeEqual(
                column_A="goldstein",
                column_B=_TABLE_GOLDSTEIN,
                ignore_row_if="either_value_is_missing",
            ),
        ),
        (
            "source_code_well_formed",
            E.ExpectColumnValuesToMatchRegex(column="source_code", regex=ACTOR_CODE_REGEX),
        ),
        (
            "target_code_well_formed",
            E.ExpectColumnValuesToMatchRegex(column="target_code", regex=ACTOR_CODE_REGEX),
        ),
        (
            "source_differs_from_target",
            E.ExpectSelectColumnValuesToBeUniqueWithinRecord(
                column_list=["source_code", "target_code"]
            ),
        ),
        ("article_published_at_known", E.ExpectColumnValuesToNotBeNull(column=_LATEST_DATE)),
        (
            "event_date_not_after_publication",
            E.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=_LATEST_DATE,
                column_B=_EVENT_DAY,
                or_equal=True,
                ignore_row_if="either_value_is_missing",
            ),
        ),
        ("event_id_unique", E.ExpectColumnValuesToBeUnique(column="event_id")),
    ]
    for name, expectation in checks:
        expectation.meta = {"name": name}
    return tuple(checks)


def validate_events(
    events: pa.Table,
    codes: Mapping[str, CameoCode],
    published: Mapping[str, datetime],
    docs_dir: Path | None = None,
) -> ValidationOutcome:
    """Split a batch (EVENTS_SCHEMA) into rows that pass the suite and rows to quarantine.

    `published` maps article_id to the article's publication time. With `docs_dir`, GX data
    docs (HTML) for this run are written there.
    """
    events = events.select(EVENTS_SCHEMA.names).cast(EVENTS_SCHEMA)
    if events.num_rows == 0:
        return ValidationOutcome(events, QUARANTINE_SCHEMA.empty_table(), _summary({}, 0, 0))

    validator = _validator(frozenset(codes), str(docs_dir) if docs_dir else None)
    result = validator.run(_frame(events, codes, published))
    failures: dict[int, list[str]] = {}
    per_expectation: dict[str, dict[str, Any]] = {}
    for check in result.results:
        name = check.expectation_config.meta["name"]
        if check.exception_info and check.exception_info.get("raised_exception"):
            raise ValidationSuiteError(
                f"expectation {name} could not run: {check.exception_info.get('exception_message')}"
            )
        unexpected = [int(i) for i in check.result.get("unexpected_index_list") or ()]
        per_expectation[name] = {
            "success": bool(check.success),
            "unexpected_count": len(unexpected),
        }
        for row in unexpected:
            failures.setdefault(row, []).append(name)

    passing = [i for i in range(events.num_rows) if i not in failures]
    summary = _summary(per_expectation, len(passing), len(failures))
    summary["suite"] = validator.suite_name
    if validator.docs_site:
        sites = validator.context.build_data_docs(site_names=[validator.docs_site])
        summary["data_docs"] = sites[validator.docs_site]
    logger.info(
        "validated %d events: %d passed, %d quarantined",
        events.num_rows,
        len(passing),
        len(failures),
    )
    return ValidationOutcome(
        passed=events.take(pa.array(passing, pa.int64())),
        quarantined=_quarantine_rows(events, failures),
        summary=summary,
    )


def _frame(
    events: pa.Table, codes: Mapping[str, CameoCode], published: Mapping[str, datetime]
) -> pd.DataFrame:
    columns = [*REQUIRED_COLUMNS, "event_code"]
    frame = _with_object_strings(events.select(list(dict.fromkeys(columns))).to_pandas())
    code = frame["event_code"]
    frame[_CODE_ROOT] = code.str.slice(0, 2)
    frame[_CODE_BASE] = code.str.slice(0, 3)
    frame[_TABLE_QUAD] = code.map(lambda c: codes[c].quad_class if c in codes else None)
    frame[_TABLE_GOLDSTEIN] = code.map(lambda c: codes[c].goldstein if c in codes else None)
    # An event may be reported the day after it happened in another time zone, not later.
    latest = {
        article_id: (when.astimezone(UTC).date() + timedelta(days=1))
        for article_id, when in published.items()
    }
    frame[_LATEST_DATE] = pd.to_datetime(frame["article_id"].map(latest))
    frame[_EVENT_DAY] = pd.to_datetime(frame["event_date"])
    return frame.reset_index(drop=True)


def _with_object_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """pandas 3 reads Arrow strings as its Arrow-backed "str" dtype. GX evaluates each
    expectation with many small pandas steps (masks, takes, and a row-by-row nunique for
    source_differs_from_target), each of which costs more on that dtype than on plain Python
    strings: with object columns the whole suite runs about a quarter faster. Nulls stay NaN."""
    strings = frame.select_dtypes(include="str").columns
    return frame.astype(dict.fromkeys(strings, object))


def _quarantine_rows(events: pa.Table, failures: Mapping[int, list[str]]) -> pa.Table:
    rows = events.take(pa.array(sorted(failures), pa.int64())).to_pylist()
    return pa.Table.from_pylist(
        [
            {
                "event_id": row["event_id"],
                "article_id": row["article_id"],
                "run_id": row["run_id"],
                "row": json.dumps(row, default=str, ensure_ascii=False),
                "failed_expectations": failures[index],
            }
            for index, row in zip(sorted(failures), rows, strict=True)
        ],
        schema=QUARANTINE_SCHEMA,
    )


def _summary(per_expectation: dict[str, dict[str, Any]], passed: int, quarantined: int) -> dict:
    return {
        "gx_version": gx.__version__,
        "evaluated_expectations": len(per_expectation),
        "success": all(e["success"] for e in per_expectation.values()),
        "expectations": per_expectation,
        "rows": passed + quarantined,
        "passed": passed,
        "quarantined": quarantined,
    }


@lru_cache(maxsize=8)
def _validator(codes: frozenset[str], docs_dir: str | None) -> _Validator:
    """Build the GX context, suite and validation definition once per code table and docs dir:
    GX takes seconds to set up, and a daily run validates many batches."""
    digest = hashlib.sha256("\n".join(sorted(codes)).encode()).hexdigest()[:12]
    suite_name = f"cameoflow_events_{digest}"
    docs_sites = {}
    if docs_dir:
        docs_sites[_DOCS_SITE] = {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": docs_dir,
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        data_docs_sites=docs_sites,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    batch = (
        context.data_sources.add_pandas("cameoflow_events")
        .add_dataframe_asset(name="events")
        .add_batch_definition_whole_dataframe("batch")
    )
    suite = context.suites.add(
        gx.ExpectationSuite(name=suite_name, expectations=[e for _, e in expectations(codes)])
    )
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite_name, data=batch, suite=suite)
    )
    return _Validator(context, definition, suite_name, _DOCS_SITE if docs_dir else None)
