"""Bytes to text, without ever failing: invalid UTF-8 falls back to cp1252 and says so."""

from __future__ import annotations

from dataclasses import dataclass

# Windows-1252 is what mis-declared news text almost always is; latin-1 is the last resort
# because it maps every byte, so decoding can never fail.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    problem: str = ""  # "" when the bytes were valid UTF-8


def decode(data: bytes, *, offset: int = 0) -> Decoded:
    """Decode UTF-8 (a leading byte-order mark is dropped); fall back and describe why.

    `offset` is where `data` starts in its file, so the reported byte position is the file's.
    """
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        bad_byte = offset + error.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        return Decoded(text, f"invalid UTF-8 at byte {bad_byte} (decoded as {encoding})")
    raise AssertionError("latin-1 decodes every byte")

