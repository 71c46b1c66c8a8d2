"""One coder per worker process: loading the model and compiling dictionaries takes seconds,
so each process does it once, whichever task asks first (locally or on a Dask worker). A
process that lives across runs (`cameoflow serve`) loads again when a dictionary file changed,
so that a run never codes with dictionaries older than the version it records.

The dictionaries themselves are read once too (half a second for the bundled set): a run reads
them to check them, to version the run, and, in the same process, to compile its coder."""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path

from coding.dictionaries import BUNDLED, Dictionaries, load_dictionaries
from coding.pipeline import Coder, coder_for

# (path, modification time, size) of every dictionary file, in order
Fingerprint = tuple[tuple[str, int, int], ...]


def dictionary_files_fingerprint(dictionary_paths: tuple[str, ...]) -> Fingerprint:
    """A cheap stand-in for the dictionaries' content digest: the files' times and sizes."""
    found = []
    for root in [Path(p) for p in dictionary_paths] or [BUNDLED]:
        files = [root] if root.is_file() else sorted(f for f in root.rglob("*") if f.is_file())
        for file in files:
            stat = file.stat()
            found.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def cached_dictionaries(dictionary_paths: tuple[str, ...]) -> Dictionaries:
    return _dictionaries(dictionary_paths, dictionary_files_fingerprint(dictionary_paths))


@lru_cache(maxsize=1)
def _dictionaries(dictionary_paths: tuple[str, ...], _files: Fingerprint) -> Dictionaries:
    return load_dictionaries([Path(p) for p in dictionary_paths])


def cached_coder(dictionary_paths: tuple[str, ...], model: str | None) -> Coder:
    return _coder(dictionary_paths, model, dictionary_files_fingerprint(dictionary_paths))


@lru_cache(maxsize=2)
def _coder(dictionary_paths: tuple[str, ...], model: str | None, _files: Fingerprint) -> Coder:
    # A coder loaded before is let back into the collector, so that it can go once evicted.
    gc.unfreeze()
    coder = coder_for(cached_dictionaries(dictionary_paths), model)
    # The coder lives as long as the process. Frozen after one last collection, its objects
    # (model, dictionaries, gazetteer: about 400,000) are left out of the cyclic collector's
    # full passes, which otherwise rescan them every few thousand sentences, ~0.1 s each.
    gc.collect()
    gc.freeze()
    return coder
