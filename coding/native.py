"""The coder's busiest modules compiled by mypyc, used only when built from these very sources.

`make setup` compiles NATIVE_MODULES, which stay plain type-annotated Python, into C extensions
in coding/_native (see coding/native_build.py). The package's __init__ puts that folder first on
the package's path, so `import coding.verbs` loads the compiled module, when three things hold:
it was built, it was built from the sources now on disk (an edited module is never shadowed by
an old build), and CAMEOFLOW_PURE_PYTHON is not set. Otherwise the plain modules run, as they do
after `pip install` or on a machine with no C compiler: the same rules and the same results
(tests/coding/test_native.py compares them), only slower. This module is never compiled itself.

Compiled code checks every annotation at run time and keeps tuples as C structs. So the compiled
modules never compare tuples with `is` (two equal tuples are not the same object there), and they
read lists of conjuncts from coding.tree, not from Token.conjuncts, which spaCy's type stubs
declare a tuple of one token.
"""

from __future__ import annotations

import hashlib
import logging
import os
from enum import Enum
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).parent
NATIVE_DIR = PACKAGE_DIR / "_native"
# Written last by the build: the source digest the extensions in NATIVE_DIR were compiled from.
BUILT_FROM = NATIVE_DIR / "BUILT_FROM"
PURE_SETTING = "CAMEOFLOW_PURE_PYTHON"
# What runs for every sentence, by profile (about nine tenths of the coder's time). Loading and
# dictionaries stay plain (they run once per process), so do the records: they are pickled to
# Dask workers, which a compiled frozen dataclass cannot be. pipeline's generators must stay lazy
# (mypyc turns some generator expressions into lists).
NATIVE_MODULES = (
    "actors", "compiled", "coordination", "coreference", "dates", "events", "modality",
    "participants", "places", "reciprocal", "tree", "verbs",
)


class NativeState(Enum):
    ACTIVE = "compiled modules in use"
    ABSENT = "not built"
    STALE = "built from other sources"
    OFF = f"switched off by {PURE_SETTING}"


@lru_cache(maxsize=1)
def source_digest() -> str:
    """A hash of every source file of the coder (coding/**/*.py): its rules, in effect."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def native_state() -> NativeState:
    if os.environ.get(PURE_SETTING, "").strip() not in ("", "0"):
        return NativeState.OFF
    try:
        built_from = BUILT_FROM.read_text(encoding="utf-8").strip()
    except OSError:
        return NativeState.ABSENT
    return NativeState.ACTIVE if built_from == source_digest() else NativeState.STALE


def use_native_build(package_path: list[str]) -> NativeState:
    """Put the compiled modules first on the package's path when they may be used."""
    state = native_state()
    if state is NativeState.ACTIVE:
        package_path.insert(0, str(NATIVE_DIR))
    elif state is NativeState.STALE:
        log.warning(
            "%s was compiled from other sources than coding/ now holds; the coder runs as "
            "plain Python, at about two thirds of the speed. `make setup` compiles it again.",
            NATIVE_DIR,
        )
    return state
