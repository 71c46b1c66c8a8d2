"""The validation benchmark's parts: the suite reader, both scoring formulas, the UD -> spaCy
conversion, the report, and (slow) a real run over the suite in spacy mode."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.validation import SUITE_FILE, app
from benchmarks.validation_suite.reader import (
    Triple,
    UdToken,
    ValidationFileError,
    ValidationRecord,
    read_suite,
    scored_records,
)
from benchmarks.validation_suite.report import misses, write_report
from benchmarks.validation_suite.run import ModeResult, RecordResult, Timing
from benchmarks.validation_suite.scoring import RecordScore, score_peer, score_strict, total
from benchmarks.validation_suite.ud_convert import convert_ud, gold_doc, token_spaces

PARSE_ARNOR = (
    "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
)
SNIPPET = f"""<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- a header comment that mentions <Sentence id="FAKE"> and
     <EventCoding eventcode="999" sourcecode="X" targetcode="Y" /> across lines -->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt</Actorfile>
    <Agentfile>g.txt</Agentfile>
    <Discardfile>d.txt</Discardfile>
    <Include>DEMO VERB </Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<!-- <EventCoding eventcode="111" sourcecode="NO" targetcode="PE" /> -->
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="050" sourcecode="GON" targetcode="ARN" />
<Text>
Arnor and Gondor
  restore ties &amp; more.
</Text>
<Parse>
{PARSE_ARNOR}</Parse></Sentence>
<Sentence category="DEMO" date="19950102" id="DEMO-01" evaluate="true">
<EventCoding eventcode="042" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor visited Gondor.
</Text>
<Parse>
{PARSE_ARNOR}</Parse></Sentence>
<Sentence category="VERB" date="19950103" id="VERB-01" evaluate="true">
<EventCoding noevents="True"> </EventCoding>
<Text>
Arnor left. </Text>
<Parse>
{PARSE_ARNOR}</Parse></Sentence>
<Sentence category="VERB" date="19950103" id="VERB-02" evaluate="true">
<EventCoding eventcode="190" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor fought Gondor.
</Text>
<Parse>
{PARSE_ARNOR}</Parse></Sentence>
<Sentence category="VERB" date="19950103" id="VERB-03" evaluate="false">
<EventCoding eventcode="190" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor fought Gondor.
</Text>
</Sentence>
<Sentence category="ERROR" date="19950103" id="ERROR-01" evaluate="true">
<EventCoding eventcode="190" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor fought Gondor.
</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def suite_file(tmp_path: Path) -> Path:
    path = tmp_path / "suite.xml"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def ud(rows: list[tuple[str, str, str, str, int, str]]) -> list[UdToken]:
    """(form, lemma, upos, xpos, head, deprel) rows -> UdTokens numbered from 1."""
    return [UdToken(i, *row[:4], row[4], row[5]) for i, row in enumerate(rows, start=1)]


# --- reader ---------------------------------------------------------------------------------


def test_reader_keeps_a_repeated_id_as_a_second_record_with_a_suffix(suite_file: Path) -> None:
    suite = read_suite(suite_file)
    ids = [r.record_id for r in suite.records]
    assert ids == ["DEMO-01", "DEMO-01#2", "VERB-01", "VERB-02", "VERB-03", "ERROR-01"]
    assert suite.records[1].gold == (Triple("042", "ARN", "GON"),)
    assert suite.records[1].date == datetime(1995, 1, 2, tzinfo=UTC)


def test_reader_ignores_commented_tags_and_decodes_entities(suite_file: Path) -> None:
    first = read_suite(suite_file).records[0]
    assert first.gold == (Triple("050", "ARN", "GON"), Triple("050", "GON", "ARN"))
    assert first.text == "Arnor and Gondor restore ties & more."
    assert [t.form for t in first.parse] == ["Arnor", "left"]
    assert first.parse[1].head == 0 and first.parse[0].deprel == "nsubj"


def test_reader_reads_text_closed_on_its_own_line_and_noevents(suite_file: Path) -> None:
    verb = read_suite(suite_file).records[2]
    assert verb.text == "Arnor left."
    assert verb.noevents and verb.gold == () and verb.gold_items == 1
    assert verb.text_closed_inline


def test_reader_reads_the_environment_beside_the_suite(suite_file: Path) -> None:
    suite = read_suite(suite_file)
    assert suite.include == ("DEMO", "VERB")
    assert suite.dictionary_files["Verbfile"] == suite_file.parent / "v.txt"
    assert suite.dictionary_files["Discardfile"] == suite_file.parent / "d.txt"


def test_scored_records_skip_unevaluated_excluded_and_peer_unread(suite_file: Path) -> None:
    suite = read_suite(suite_file)
    # VERB-01 closes </Text> inline, so UD-PETRARCH reads on to VERB-02's </Text> line.
    assert [r.record_id for r in suite.records if r.unread_by_peer] == ["VERB-02"]
    assert [r.record_id for r in scored_records(suite)] == ["DEMO-01", "DEMO-01#2", "VERB-01"]
    assert [r.record_id for r in scored_records(suite, like_peer=False)] == [
        "DEMO-01", "DEMO-01#2", "VERB-01", "VERB-02",
    ]


def test_reader_names_file_and_line_of_a_bad_parse_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    broken = SNIPPET.replace("2\tleft\tleave", "2 left leave", 1)
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValidationFileError) as error:
        read_suite(path)
    expected_line = broken[: broken.index("2 left leave")].count("\n") + 1
    assert error.value.line == expected_line and str(path) in str(error.value)


# --- scoring --------------------------------------------------------------------------------

A = Triple("050", "ARN", "GON")
B = Triple("050", "GON", "ARN")
C = Triple("190", "ARN", "GON")
NULL_SOURCE = Triple("050", "---", "GON")


def test_peer_formula_counts_duplicates_again_and_sets_nulls_aside() -> None:
    score = score_peer([A, B], False, [A, A, C, NULL_SOURCE])
    assert score == RecordScore(gold_items=2, correct=2, uncoded=0, extra=1, null=1)


def test_peer_formula_can_count_more_correct_than_gold() -> None:
    assert score_peer([A], False, [A, A]) == RecordScore(1, 2, -1, 0, 0)


def test_strict_collapses_duplicates_and_matches_each_gold_item_once() -> None:
    assert score_strict([A, B], False, [A, A, C, NULL_SOURCE]) == RecordScore(2, 1, 1, 1, 1)
    assert score_strict([A, A], False, [A]) == RecordScore(2, 1, 1, 0, 0)
    assert score_strict([A, A], False, [A, A]) == RecordScore(2, 1, 1, 0, 0)


def test_no_event_record_is_correct_only_when_nothing_at_all_is_coded() -> None:
    for score in (score_peer, score_strict):
        assert score([], True, []) == RecordScore(1, 1, 0, 0, 0)
        assert score([], True, [NULL_SOURCE]) == RecordScore(1, 0, 1, 0, 1)
    assert score_peer([], True, [C, C]) == RecordScore(1, 0, 1, 2, 0)
    assert score_strict([], True, [C, C]) == RecordScore(1, 0, 1, 1, 0)


def test_totals_give_tp_per_gold_item_and_fp_per_record() -> None:
    scores = [score_peer([A, B], False, [A, C]), score_peer([], True, []),
              score_peer([C], False, [])]
    totals = total(scores)
    assert (totals.records, totals.gold_items, totals.correct, totals.extra) == (3, 4, 2, 1)
    assert totals.tp == pytest.approx(0.5) and totals.fp == pytest.approx(1 / 3)


# --- UD -> spaCy conversion ------------------------------------------------------------------


def test_conversion_raises_prepositions_and_makes_passive_by_an_agent() -> None:
    tokens = ud([
        ("Arnor", "Arnor", "PROPN", "NNP", 3, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 3, "auxpass"),
        ("attacked", "attack", "VERB", "VBN", 0, "root"),
        ("by", "by", "ADP", "IN", 5, "case"),
        ("Gondor", "Gondor", "PROPN", "NNP", 3, "nmod"),
        ("in", "in", "ADP", "IN", 7, "case"),
        ("Osgiliath", "Osgiliath", "PROPN", "NNP", 3, "obl"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ])
    arcs = [(a.head, a.dep) for a in convert_ud(tokens)]
    assert arcs == [(2, "nsubjpass"), (2, "auxpass"), (2, "ROOT"), (2, "agent"), (3, "pobj"),
                    (2, "prep"), (5, "pobj"), (2, "punct")]


def test_conversion_puts_the_copula_at_the_head_with_negation_and_relabels() -> None:
    tokens = ud([
        ("Gondor", "Gondor", "PROPN", "NNP", 4, "nsubj"),
        ("is", "be", "VERB", "VBZ", 4, "cop"),
        ("not", "not", "PART", "RB", 4, "advmod"),
        ("happy", "happy", "ADJ", "JJ", 0, "root"),
        ("with", "with", "ADP", "IN", 7, "case"),
        ("its", "its", "PRON", "PRP$", 7, "nmod:poss"),
        ("ally", "ally", "NOUN", "NN", 4, "nmod"),
    ])
    arcs = [(a.head, a.dep) for a in convert_ud(tokens)]
    assert arcs == [(1, "nsubj"), (1, "ROOT"), (1, "neg"), (1, "acomp"), (3, "prep"),
                    (6, "poss"), (4, "pobj")]


def test_conversion_flips_flat_names_and_maps_particles_objects_and_gerunds() -> None:
    tokens = ud([
        ("Minas", "Minas", "PROPN", "NNP", 3, "nsubj"),
        ("Tirith", "Tirith", "PROPN", "NNP", 1, "flat"),
        ("gave", "give", "VERB", "VBD", 0, "root"),
        ("up", "up", "ADP", "RP", 3, "compound:prt"),
        ("Osgiliath", "Osgiliath", "PROPN", "NNP", 3, "obj"),
        ("after", "after", "SCONJ", "IN", 7, "mark"),
        ("losing", "lose", "VERB", "VBG", 3, "advcl"),
        ("it", "it", "PRON", "PRP", 7, "obj"),
    ])
    arcs = [(a.head, a.dep) for a in convert_ud(tokens)]
    assert arcs == [(1, "compound"), (2, "nsubj"), (2, "ROOT"), (2, "prt"), (2, "dobj"),
                    (2, "prep"), (5, "pcomp"), (6, "dobj")]


def test_token_spaces_follow_the_text_and_tolerate_normalised_tokens() -> None:
    words = ["Gondor", "(", "GON", ")", "left", "-LRB-", "."]
    assert token_spaces(words, "Gondor (GON) left (.") == [
        True, False, False, True, True, False, False,
    ]


@pytest.mark.slow
def test_gold_doc_is_one_sentence_with_converted_arcs_and_entities(nlp) -> None:
    tokens = ud([
        ("Arnor", "Arnor", "PROPN", "NNP", 2, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 0, "root"),
        ("Gondor", "Gondor", "PROPN", "NNP", 2, "dobj"),
        ("in", "in", "ADP", "IN", 5, "case"),
        ("March", "March", "PROPN", "NNP", 2, "nmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ])
    doc = gold_doc(nlp, tokens, "Arnor attacked Gondor in March.")
    assert doc.text == "Arnor attacked Gondor in March."
    assert len(list(doc.sents)) == 1
    assert [(t.dep_, t.head.i) for t in doc] == [
        ("nsubj", 1), ("ROOT", 1), ("dobj", 1), ("prep", 1), ("pobj", 3), ("punct", 1),
    ]
    assert doc[1].pos_ == "VERB" and doc[1].lemma_ == "attack"
    assert "March" in [e.text for e in doc.ents]


# --- report and command ---------------------------------------------------------------------


def _result(record_id: str, category: str, coded: tuple[Triple, ...]) -> RecordResult:
    record = ValidationRecord(record_id, category, True, datetime(1995, 1, 1, tzinfo=UTC),
                              "Arnor met Gondor.", (A,), False, (), 1)
    return RecordResult(record, coded, score_peer([A], False, coded),
                        score_strict([A], False, coded), "explained here",
                        decisions=("verb:MATCHED", "actor:NO_TARGET"))


def test_report_lists_every_record_and_explains_only_the_misses(tmp_path: Path) -> None:
    result = ModeResult("spacy", (_result("DEMO-01", "DEMO", (A,)),
                                  _result("DEMO-02", "DEMO", (C,))),
                        Timing(2, 1, 1.0, 1.0, 0.1, 0.1))
    assert [r.record.record_id for r in misses(result, "demo")] == ["DEMO-02"]
    assert misses(result, "VERB") == []
    text = write_report(result, ["DEMO"], tmp_path, "header").read_text(encoding="utf-8")
    assert "== DEMO-01  [DEMO]  CORRECT" in text and "== DEMO-02  [DEMO]  MISS" in text
    assert text.count("explained here") == 1
    assert "coding / parsing time = 0.100 (within" in text
    assert "1 records not coded exactly; their decisions:\n     1  verb:MATCHED" in text


def test_command_without_the_suite_says_so_and_exits_zero(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(app, ["--suite", str(tmp_path / "missing.xml")])
    assert outcome.exit_code == 0
    assert "validation suite not found" in outcome.output


@pytest.mark.slow
def test_real_suite_in_spacy_mode_scores_244_records(shared_data: Path) -> None:
    from benchmarks.validation_suite.run import code_with_spacy, suite_coder

    path = shared_data / "validation" / SUITE_FILE.name
    if not path.is_file():
        pytest.skip(f"validation suite not found at {path}")
    suite = read_suite(path)
    records = scored_records(suite)
    assert len(records) == 244
    results = code_with_spacy(suite_coder(suite), records)
    totals = total(r.strict for r in results)
    assert totals.records == 244
    assert 0.0 <= totals.tp <= 1.0
    assert 0.0 <= total(r.peer for r in results).tp


def test_conversion_makes_a_trailing_reporting_verb_the_root_and_rp_cases_particles() -> None:
    tokens = ud([
        ("Arnor", "Arnor", "PROPN", "NNP", 3, "nsubj"),
        ("has", "have", "AUX", "VBZ", 3, "aux"),
        ("broken", "break", "VERB", "VBN", 0, "root"),
        ("down", "down", "ADP", "RP", 5, "case"),
        ("relations", "relation", "NOUN", "NNS", 3, "nmod"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("officials", "official", "NOUN", "NNS", 8, "nsubj"),
        ("said", "say", "VERB", "VBD", 3, "parataxis"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ])
    arcs = [(a.head, a.dep) for a in convert_ud(tokens)]
    assert arcs == [(2, "nsubj"), (2, "aux"), (7, "ccomp"), (2, "prt"), (2, "dobj"),
                    (2, "punct"), (7, "nsubj"), (7, "ROOT"), (7, "punct")]
