"""Getting text out of bytes from a file or a response, reporting what was wrong with them."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass

from flows.ingest.decode import decode
from flows.ingest.limits import OversizedLine, bounded_lines, too_large_record
from flows.ingest.problems import IngestProblem

SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    text: str


def whole_text(data: bytes, origin: str) -> tuple[str | None, list[IngestProblem]]:
    """The decoded text, or None when there is nothing usable (empty or binary)."""
    unusable = unusable_reason(data)
    if unusable:
        return None, [IngestProblem(origin, 0, unusable)]
    decoded = decode(data)
    problems = [IngestProblem(origin, 0, decoded.problem, skipped=False)] if decoded.problem else []
    return decoded.text, problems


def unusable_reason(head: bytes) -> str:
    """Why these (first) bytes cannot be text: empty, binary or UTF-16; "" when they can."""
    if not head.strip():
        return "empty file"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16 text is not supported; convert the file to UTF-8"
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL byte at offset {nul})"
    return ""


def text_lines(stream: io.BufferedReader, origin: str) -> Iterator[Line | IngestProblem]:
    """Decode a line-based file one line at a time, so a large file is never held whole.

    A file that starts as binary or is empty gives one problem; a bad line later on (binary, or
    longer than limits.MAX_RECORD_BYTES) gives a problem for that line and the rest continues.
    """
    unusable = unusable_reason(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    if unusable and unusable != "empty file":
        yield IngestProblem(origin, 0, unusable)
        return
    offset = 0
    seen_content = False
    for number, data in enumerate(bounded_lines(stream), start=1):
        if isinstance(data, OversizedLine):
            yield IngestProblem(origin, number, too_large_record(data.size))
            offset += data.size
            continue
        if b"\x00" in data:
            yield IngestProblem(origin, number, "NUL byte in line (binary data); line skipped")
        else:
            decoded = decode(data, offset=offset)
            if decoded.problem:
                yield IngestProblem(origin, number, decoded.problem, skipped=False)
            seen_content = seen_content or bool(decoded.text.strip())
            yield Line(number, decoded.text)
        offset += len(data)
    if not seen_content:
        yield IngestProblem(origin, 0, "empty file")
