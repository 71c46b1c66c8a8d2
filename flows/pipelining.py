"""Keep a few batches in flight on the task runner while the flow process loads finished ones."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

Item = TypeVar("Item")


def in_flight(
    items: Iterable[Item], submit: Callable[[Item], Any], window: int
) -> Iterator[Any]:
    """Submit items as futures, at most `window` pending, and yield results in submit order.

    Order keeps runs reproducible; the bound keeps memory flat however long the input is."""
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
