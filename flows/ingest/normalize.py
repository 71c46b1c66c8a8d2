"""Text normalization for ingested stories.

The coder splits an article into paragraphs on blank lines and parses each one, so the output
here is: paragraphs joined by one blank line, each paragraph on one line with single spaces.
Repairs are conservative: each one fixes a damage pattern that has only one sensible reading
(scraped and re-tokenized wire text is full of them) and leaves anything ambiguous alone.
"""

from __future__ import annotations

import html
import re
import unicodedata

PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
WHITESPACE = re.compile(r"\s+")
# Characters that are invisible in print but break word matching.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))

# Only entities with their closing ";" are decoded: html.unescape also expands legacy entities
# without one ("&not" -> "¬", "&copy" -> "©"), which would damage plain text such as "R&D &not".
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    }
)
# Penn-Treebank style quotes from tokenized corpora (``like this'').
PTB_QUOTES = re.compile(r"``|''")
# "Ukraine 's" / "Ukraine' s" / "do n't" (tokenizer spacing around a clitic).
DETACHED_CLITIC = re.compile(r"(?<=[A-Za-z]) (?='(?:s|re|ve|ll|m|d)\b)|(?<=[A-Za-z])(?=' s\b)")
SPACED_NT = re.compile(r"\b([A-Za-z]+) n't\b")

# "don t", "it s", "we re": the clitic lost its apostrophe. Only hosts whose contraction is the
# one reading are listed: "I d" or "he d" could be a grade or an initial, so they are left.
NT_HOSTS = (
    "do does did is are was were has have had could would should must might need "
    "ai wo sha"
)
CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b({hosts}) ({clitic})\b", re.IGNORECASE), "'")
    for hosts, clitic in (
        ("|".join(h + "n" for h in NT_HOSTS.split()) + "|can", "t"),
        ("it|that|there|here|he|she|what|who|where|let", "s"),
        ("we|they|you", "re"),
        ("i|we|they|you|could|would|should|might|must", "ve"),
        ("i|we|they|you|he|she|it", "ll"),
        ("i", "m"),
    )
)
# Capitalised words after which a lone "s" is not a possessive of that word ("The s ...").
NOT_POSSESSORS = frozenset(
    "a an the this that these those in on at of for from to by with as and or but if so it he "
    "she we they i you his her its our their my your is are was were be".split()
)
LONE_S = re.compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}) s (?=[A-Za-z])")
# A clitic standing as a word of its own (" t", " s", " re"...), which each pattern above needs.
# Hardly any paragraph has one: one search for it spares the seven patterns, which took half of
# the time normalizing news text takes.
BARE_CLITIC = re.compile(r" (?:t|s|re|ve|ll|m)\b", re.IGNORECASE)

# A prefix whose hyphen lost its word to a space or a line break: "anti- government" (from
# "anti-\ngovernment" or a tokenized corpus) is "anti-government". Left alone when a
# conjunction follows, which makes it a suspended hyphen: "pro- and anti-war groups".
DETACHED_PREFIX = re.compile(
    r"\b(anti|pro|non|ex|post|pre|counter|neo|pan|semi|self|multi|inter|trans|ultra)- "
    r"(?!(?:and|or|nor|but|to)\b)(?=\w)",
    re.IGNORECASE,
)

# An apostrophe glued between two words: "needs'meaningful". Contractions, possessives and names
# ("don't", "Ukraine's", "O'Brien", "d'Ivoire", "Qa'ida", "rock'n'roll") never have three or more
# lower-case letters on the left and two or more on the right that are not a clitic.
GLUED_LEFT = re.compile(r"(?<![A-Za-z'])[a-z]{3,}$")
GLUED_RIGHT = re.compile(r"[a-z]{2,}(?![A-Za-z])")
CLITICS = frozenset({"re", "ve", "ll"})
QUOTE_MARK = re.compile(r"'")


def normalize_text(raw: str) -> str:
    """Normalize a story's body: NFC, repaired punctuation, one line per paragraph.

    Paragraphs are separated by blank lines in the input and joined with "\\n\\n" in the output;
    a paragraph that repeats an earlier one (boilerplate, a duplicated lede) is dropped.
    """
    text = unicodedata.normalize("NFC", raw).translate(INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    seen: set[str] = set()
    paragraphs: list[str] = []
    for block in PARAGRAPH_BREAK.split(text):
        paragraph = normalize_paragraph(block)
        if paragraph and paragraph not in seen:
            seen.add(paragraph)
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def normalize_title(raw: str) -> str:
    """A title is one paragraph: the same repairs, all on one line."""
    return normalize_paragraph(unicodedata.normalize("NFC", raw).translate(INVISIBLE))


def normalize_paragraph(raw: str) -> str:
    """Collapse whitespace and apply every repair to one paragraph."""
    text = WHITESPACE.sub(" ", unescape_entities(raw)).strip()
    text = PTB_QUOTES.sub('"', text.translate(QUOTES))
    text = SPACED_NT.sub(r"\1n't", DETACHED_CLITIC.sub("", text))
    text = text.replace("' s ", "'s ")
    if BARE_CLITIC.search(text):
        text = restore_lost_apostrophes(text)
    text = DETACHED_PREFIX.sub(r"\1-", text)
    return repair_glued_quotes(text)


def restore_lost_apostrophes(text: str) -> str:
    """ "don t" -> "don't", "Russia s" -> "Russia's": contractions and possessives whose
    apostrophe became a space."""
    for pattern, apostrophe in CONTRACTIONS:
        text = pattern.sub(rf"\1{apostrophe}\2", text)
    return LONE_S.sub(_possessive, text)


def unescape_entities(text: str) -> str:
    """Decode HTML entities that are spelled out in full ("&amp;", "&#39;", "&quot;")."""
    return ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _possessive(match: re.Match[str]) -> str:
    word = match.group(1)
    if word.lower() in NOT_POSSESSORS:
        return match.group(0)
    return f"{word}'s "


def repair_glued_quotes(paragraph: str) -> str:
    """Put the missing space back around a quote glued to the words on both sides.

    Quotes are tracked left to right: a glued quote while none is open opens one
    ("needs'meaningful" -> "needs 'meaningful"); a glued quote while one is open closes it
    ("guarantees'now" -> "guarantees' now").
    """
    out: list[str] = []
    quote_open = False
    last = 0
    for mark in QUOTE_MARK.finditer(paragraph):
        i = mark.start()
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if not before.isalpha() and after.isalpha():
            quote_open = True
        elif before.isalpha() and not after.isalpha():
            quote_open = False
        elif before.isalpha() and after.isalpha() and _is_glued_quote(paragraph, i):
            out.append(paragraph[last:i])
            out.append("' " if quote_open else " '")
            last = i + 1
            quote_open = not quote_open
    out.append(paragraph[last:])
    return "".join(out)


def _is_glued_quote(paragraph: str, i: int) -> bool:
    """True when the apostrophe at i sits between two lower-case words and is no clitic."""
    left = GLUED_LEFT.search(paragraph, 0, i)
    right = GLUED_RIGHT.match(paragraph, i + 1)
    return bool(left and right) and right.group(0) not in CLITICS  # type: ignore[union-attr]
