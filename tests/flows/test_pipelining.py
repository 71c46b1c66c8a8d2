"""Batches for the task runner: full ones, then an even tail that lets the workers finish
together."""

from __future__ import annotations

import pytest

from flows.pipelining import batches_with_even_tail


def lengths(count: int, size: int, ways: int) -> list[int]:
    batches = list(batches_with_even_tail(range(count), size, ways))
    assert [item for batch in batches for item in batch] == list(range(count))  # order kept
    return [len(batch) for batch in batches]


@pytest.mark.parametrize("count", [0, 1, 199, 200, 201, 1_100])
def test_one_way_gives_plain_batches(count):
    full, rest = divmod(count, 200)
    assert lengths(count, 200, 1) == [200] * full + ([rest] if rest else [])


def test_the_last_batches_are_even_halves_for_two_workers():
    # 11 full batches would leave one worker coding the 11th alone.
    assert lengths(2_200, 200, 2) == [200] * 9 + [100] * 4
    assert lengths(1_100, 200, 2) == [200] * 4 + [75] * 4


def test_a_run_smaller_than_a_round_is_shared_by_all_workers():
    assert lengths(300, 200, 2) == [75] * 4
    assert lengths(301, 200, 4) == [38] * 5 + [37] * 3
    assert lengths(3, 200, 4) == [1, 1, 1]
