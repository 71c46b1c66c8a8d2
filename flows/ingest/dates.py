"""Publication dates: every accepted spelling to a timezone-aware UTC datetime."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import dateparser

COMPACT_DATE = re.compile(r"\d{8}")  # PETRARCH and GDELT: 20261120
# Strict: a date needs day, month and year, so "Tuesday" or "last week" is rejected rather than
# silently resolved against the clock of the machine that ingests it.
DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PARSERS": ["absolute-time"],
}


def parse_date(value: str) -> datetime | None:
    """ISO 8601, YYYYMMDD, RFC 2822 (feeds, e-mail), else English prose ("20 November 2026").

    A date without a time zone is taken as UTC. Returns None when nothing reads it as a date.
    """
    value = value.strip()
    if not value:
        return None
    parsed = _iso(value) or _compact(value) or _rfc2822(value) or _prose(value)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _iso(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _compact(value: str) -> datetime | None:
    if not COMPACT_DATE.fullmatch(value):
        return None
    try:
        return datetime.strptime(value, "%Y%m%d")
    except ValueError:
        return None


def _rfc2822(value: str) -> datetime | None:
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _prose(value: str) -> datetime | None:
    with warnings.catch_warnings():
        # dateparser warns about its own use of deprecated datetime APIs; not ours to fix.
        warnings.simplefilter("ignore", DeprecationWarning)
        return dateparser.parse(value, languages=["en"], settings=DATEPARSER_SETTINGS)
