"""What the coder knows about the sentence it is coding: where it comes from, when the article
was published, the compiled dictionaries, and whether to keep every decision for explain mode."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coding.compiled import CompiledDictionaries


# Not frozen: one per sentence, and a frozen dataclass's __init__ sets each field through
# object.__setattr__, at four times the cost.
@dataclass(slots=True)
class SentenceContext:
    article_id: str
    sentence_index: int
    published: date
    compiled: CompiledDictionaries
    coder_version: str
    explain: bool
