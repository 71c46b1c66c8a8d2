"""Located errors: every problem with input names the file and line it came from."""

from __future__ import annotations


class DictionaryError(Exception):
    """A dictionary could not be used at all; raised before anything is coded or written."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
