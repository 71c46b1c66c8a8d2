"""What the coder knows about the sentence it is coding: where it comes from, when the article
was published, the compiled dictionaries, and whether to keep every decision for explain mode."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coding.compiled import CompiledDictionaries


@dataclass(frozen=True)
class SentenceContext:
    article_id: str
    sentence_index: int
    published: date
    compiled: CompiledDictionaries
    coder_version: str
    explain: bool
