"""One coder per worker process: loading the model and compiling dictionaries takes seconds,
so each process does it once, whichever task asks first (locally or on a Dask worker)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coding.pipeline import Coder, load_coder


@lru_cache(maxsize=2)
def cached_coder(dictionary_paths: tuple[str, ...], model: str | None) -> Coder:
    return load_coder([Path(p) for p in dictionary_paths], model)
