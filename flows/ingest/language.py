"""Is this text English? The coder's model and dictionaries are English only.

A stopword-ratio heuristic, chosen over a language-identification package: it needs no new
dependency and no model, runs in microseconds, and only has to answer "English or not" for news
prose, where the common English function words listed here make up a fifth or more of the words
(21-29% in the bundled samples) and in German, French or Spanish news about 2% (the overlaps are
words such as "in", "a", "was", "an", "also"); the threshold sits between the two. Text mostly
in a non-Latin script is refused on that ground alone. Texts under MIN_WORDS words are let
through: too little evidence, and a wrongly skipped article is worse than a few uncoded
sentences.
"""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to in a an is are was were be been being has have had that this these those for
    on with as by at from it its he she they we his her their our not but or will would which
    who whom after over about than also into said says there what when while more could should
    """.split()
)
MIN_WORDS = 20
MIN_ENGLISH_SHARE = 0.10
MIN_LATIN_SHARE = 0.5
SAMPLE_WORDS = 2000  # enough to decide; a long article is not scanned to the end
WORD = re.compile(r"[^\W\d_]+")


def not_english_reason(text: str) -> str:
    """Why `text` is taken not to be English; "" when it is English or too short to tell."""
    sample = text[: SAMPLE_WORDS * 12]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= MIN_WORDS * 5:
        latin = sum(1 for c in letters if c < "\u0250") / len(letters)
        if latin < MIN_LATIN_SHARE:
            return f"not English: {1 - latin:.0%} of the letters are not Latin script; skipped"
    words = WORD.findall(sample.casefold())[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return ""
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    if share >= MIN_ENGLISH_SHARE:
        return ""
    return (
        f"not English: {share:.0%} of {len(words)} words are common English function words "
        f"(English news has over {MIN_ENGLISH_SHARE:.0%}); skipped"
    )
