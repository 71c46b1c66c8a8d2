"""Small hand-written dictionaries for coder unit tests: each test states what it relies on."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from spacy.tokens import Doc
from spacy.vocab import Vocab

from coding.bundled_format import parse_code_table
from coding.compiled import compile_dictionaries
from coding.dictionaries import BUNDLED
from coding.entries import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Dictionaries,
    DiscardEntry,
    DiscardScope,
    Slot,
    SlotKind,
    VerbPattern,
)
from coding.pipeline import Coder, code_articles
from coding.records import Article, CodedArticle


def actor(rule: str, code: str, *phrases: str, start: date | None = None,
          end: date | None = None) -> ActorEntry:
    return ActorEntry(rule, phrases, (DatedCode(code, start, end),))


def words(*alternatives: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(a.split("|")) for a in alternatives)


ACTORS = (
    actor("a:russia", "RUS", "Russia", "Russian", "Moscow"),
    actor("a:ukraine", "UKR", "Ukraine", "Ukrainian", "Kyiv"),
    actor("a:kremlin", "RUSGOV", "the Kremlin", "Kremlin"),
    actor("a:china", "CHN", "China"),
    actor("a:usa", "USA", "United States", "U.S."),
    actor("a:iran", "IRN", "Iran"),
    actor("a:israel", "ISR", "Israel", "Israeli"),
    actor("a:germany", "DEU", "Germany"),
    actor("a:un", "IGOUNO", "UN", "United Nations"),
    actor("a:zelensky", "UKRGOV", "Zelensky", "Volodymyr Zelensky", start=date(2019, 5, 20)),
    actor("a:poroshenko", "UKRGOV", "Poroshenko", start=date(2014, 6, 7), end=date(2019, 5, 19)),
    actor("a:poroshenko-later", "UKRELI", "Poroshenko"),
    actor("a:polish", "POL", "Polish", "Poland"),
)
AGENTS = (
    AgentEntry("g:gov", ("Foreign Ministry", "ministry", "government", "President",
                         "Prime Minister"), "GOV"),
    AgentEntry("g:mil", ("forces", "troops", "army"), "MIL"),
    AgentEntry("g:cop", ("police",), "COP"),
)
S, K = Slot, SlotKind
VERBS = (
    VerbPattern("v:attack", "190", "attack"),
    VerbPattern("v:attack-air", "195", "attack", slots=(S(K.PREP, "from", words("air")),)),
    VerbPattern("v:accuse-crimes", "1122", "accuse",
                slots=(S(K.OBJECT, is_target=True), S(K.PREP, "of", words("crime")))),
    VerbPattern("v:accuse", "112", "accuse"),
    VerbPattern("v:condemn", "111", "condemn"),
    VerbPattern(
        "v:threaten-attack", "138", "threaten", slots=(S(K.XCOMP, "attack", is_target=True),)
    ),
    VerbPattern("v:threaten", "130", "threaten"),
    VerbPattern("v:meet", "040", "meet"),
    VerbPattern("v:pledge-to", "0233", "pledge", slots=(S(K.PREP, "to", is_target=True),)),
    VerbPattern("v:shell", "194", "shell"),
    VerbPattern("v:shell-city", "194", "shell", slots=(S(K.OBJECT, words=words("city")),
                                                     S(K.PREP, "of", is_target=True))),
    VerbPattern("v:fire-at", "190", "fire", slots=(S(K.PREP, "at", is_target=True),)),
    VerbPattern("v:talks", "043", "talk", is_noun=True),
    VerbPattern("v:say", "010", "say"),
    VerbPattern("v:call-withdraw", "1041", "call",
                slots=(S(K.PREP, "on", is_target=True), S(K.XCOMP, "withdraw"))),
    VerbPattern("v:arrest", "173", "arrest"),
    VerbPattern("v:pull-out", "0874", "pull", particle="out",
                slots=(S(K.PREP, "of", is_target=True),)),
    VerbPattern("v:dog-attack", "---", "attack", slots=(S(K.SUBJECT, words=words("dog")),)),
)
DISCARDS = (DiscardEntry("d:match", "football match", DiscardScope.SENTENCE),)


def small_dictionaries() -> Dictionaries:
    return Dictionaries(
        codes=parse_code_table((BUNDLED / "cameo_codes.tsv").read_text(), "cameo_codes.tsv")[0],
        actors=ACTORS,
        agents=AGENTS,
        verbs=VERBS,
        discards=DISCARDS,
        version="test",
    )


def small_coder(nlp, *extra_actors: ActorEntry) -> Coder:
    """The small dictionaries, with `extra_actors` added for the test at hand."""
    base = small_dictionaries()
    dictionaries = replace(base, actors=base.actors + extra_actors)
    return Coder(nlp, compile_dictionaries(nlp, dictionaries), "test")


def coder_with_verbs(nlp, *extra_verbs: VerbPattern) -> Coder:
    """The small dictionaries, with `extra_verbs` added for the test at hand."""
    base = small_dictionaries()
    dictionaries = replace(base, verbs=base.verbs + extra_verbs)
    return Coder(nlp, compile_dictionaries(nlp, dictionaries), "test")


def code(coder: Coder, text: str, on: date = date(2022, 2, 28)) -> CodedArticle:
    article = Article("t1", "", text, datetime(on.year, on.month, on.day, 12, tzinfo=UTC))
    return next(code_articles(coder, [article], explain=True))


def triples(coded: CodedArticle) -> list[tuple[str, str, str]]:
    return [(e.source.code, e.target.code, e.event_code) for e in coded.events]


def complement_doc(vocab: Vocab, words: list[str], lemmas: list[str]) -> Doc:
    """A hand-built "<subject> <verb> <object> to <complement> <object>": the complement an
    xcomp of the verb ("Qatar persuaded Hamas to release hostages")."""
    return Doc(
        vocab,
        words=words,
        heads=[1, 1, 1, 4, 1, 4],
        deps=["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj"],
        lemmas=lemmas,
    )
