"""Cut the stream of articles into batches, and keep a few batches in flight on the task
runner while the flow process loads finished ones."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

Item = TypeVar("Item")


def batches_with_even_tail(items: Iterable[Item], size: int, ways: int) -> Iterator[list[Item]]:
    """Lists of `size` items, in order, except at the end: the last `ways` x `size` items or
    fewer come as smaller lists of even length, a multiple of `ways` of them, none longer than
    `size` / `ways` (rounded up). With `ways` = 1 these are plain batches of `size`.

    Batches go `ways` at a time to whichever worker is free. Full batches to the end leave the
    last round uneven (11 batches on 2 workers: one codes the 11th while the other waits);
    smaller batches at the end let the workers finish together. The end is seen by reading
    `ways` batches ahead, so memory stays bounded."""
    ahead: list[Item] = []
    for item in items:
        ahead.append(item)
        if len(ahead) > ways * size:
            yield ahead[:size]
            del ahead[:size]
    yield from _even_parts(ahead, size, ways)


def _even_parts(items: list[Item], size: int, ways: int) -> Iterator[list[Item]]:
    if not items:
        return
    longest = -(-size // ways)
    count = min(len(items), ways * -(-len(items) // (ways * longest)))
    length, longer = divmod(len(items), count)
    start = 0
    for index in range(count):
        end = start + length + (index < longer)
        yield items[start:end]
        start = end


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
