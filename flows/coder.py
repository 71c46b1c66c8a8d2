"""One coder per worker process: loading the model and compiling dictionaries takes seconds,
so each process does it once, whichever task asks first (locally or on a Dask worker)."""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path

from coding.pipeline import Coder, load_coder


@lru_cache(maxsize=2)
def cached_coder(dictionary_paths: tuple[str, ...], model: str | None) -> Coder:
    coder = load_coder([Path(p) for p in dictionary_paths], model)
    # The coder lives as long as the process. Frozen after one last collection, its objects
    # (model, dictionaries, gazetteer: about 400,000) are left out of the cyclic collector's
    # full passes, which otherwise rescan them every few thousand sentences, ~0.1 s each.
    gc.collect()
    gc.freeze()
    return coder
