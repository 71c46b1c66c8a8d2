from datetime import UTC, datetime

import pytest

from flows.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),
        ("2026-11-20T08:30:00Z", datetime(2026, 11, 20, 8, 30, tzinfo=UTC)),
        ("2026-11-20T08:30:00+02:00", datetime(2026, 11, 20, 6, 30, tzinfo=UTC)),
        ("20261120", datetime(2026, 11, 20, tzinfo=UTC)),
        ("Fri, 20 Nov 2026 08:30:00 GMT", datetime(2026, 11, 20, 8, 30, tzinfo=UTC)),
        ("20 November 2026", datetime(2026, 11, 20, tzinfo=UTC)),
        ("November 20, 2026", datetime(2026, 11, 20, tzinfo=UTC)),
    ],
)
def test_parse_date_reads_each_accepted_spelling_as_utc(value: str, expected: datetime) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "garbage", "2026-13-45", "Tuesday", "last week", "20261399"])
def test_parse_date_rejects_text_that_is_not_a_full_date(value: str) -> None:
    assert parse_date(value) is None
