"""PETRARCH-2 verb dictionary reader on small crafted files."""

from __future__ import annotations

from pathlib import Path

from coding.entries import Severity, Slot, SlotKind, Transformation
from coding.importers.petrarch import read_verbs

SYNSETS = """\
####### SYNONYM SETS #######
&WEAPON
+GUN
+KNIFE_
+TEAR_GAS_
+MACHINE_GUN
&AUXVERB_
+HAS
&FINAL
+(TO THE END)
&NESTED
+&WEAPON
+SPEAR
####### VERB PATTERNS #######
"""


def read(tmp_path: Path, body: str, name: str = "v.verbs.txt"):
    path = tmp_path / name
    path.write_text(SYNSETS + body, encoding="utf-8")
    return read_verbs(path)


def line_of(body: str, fragment: str) -> int:
    lines = (SYNSETS + body).splitlines()
    return next(i for i, text in enumerate(lines, start=1) if fragment in text)


def by_rule(patterns, rule: str, lemma: str):
    return [p for p in patterns if p.rule_id == rule and p.lemma == lemma]


def test_block_code_goes_to_every_verb_unless_the_verb_has_its_own(tmp_path):
    body = "---  ACCUSE   [112]  ---\nACCUSE\nBLAME {BLAMES BLAMED BLAMING}\nDENOUNCE [1212]\n"
    patterns, transformations, problems = read(tmp_path, body)
    assert problems == [] and transformations == []
    assert [(p.lemma, p.code, p.slots, p.rule_id) for p in patterns] == [
        ("accuse", "112", (), f"v.verbs.txt:{line_of(body, 'BLAME') - 1}"),
        ("blame", "112", (), f"v.verbs.txt:{line_of(body, 'BLAME')}"),
        ("denounce", "1212", (), f"v.verbs.txt:{line_of(body, 'DENOUNCE')}"),
    ]


def test_pattern_applies_to_every_verb_of_its_block_with_object_and_prep_slots(tmp_path):
    body = (
        "---  ACCUSE   [112]  ---\nACCUSE\nCHARGE\n"
        "- * + (OF WAR_CRIMES)   [1122]   # ACCUSE\n"
        "- * {RELIEF ASSISTANCE} (TO BORDER/FRONT) [073:074]\n"
    )
    patterns, _, problems = read(tmp_path, body)
    assert problems == []
    rule = f"v.verbs.txt:{line_of(body, 'WAR_CRIMES')}"
    assert [p.lemma for p in patterns if p.rule_id == rule] == ["accuse", "charge"]
    (accuse,) = by_rule(patterns, rule, "accuse")
    assert accuse.code == "1122"
    assert accuse.slots == (
        Slot(SlotKind.OBJECT, is_target=True),
        Slot(SlotKind.PREP, "of", (frozenset({"war"}), frozenset({"crimes"}))),
    )
    rule = f"v.verbs.txt:{line_of(body, 'RELIEF')}"
    (relief,) = by_rule(patterns, rule, "charge")
    assert (relief.code, relief.reverse_code) == ("073", "074")
    relief_words = (frozenset({"relief"}), frozenset({"assistance"}))
    assert relief.slots == (
        Slot(SlotKind.OBJECT, words=relief_words, sequences=(relief_words,)),
        Slot(SlotKind.PREP, "to", (frozenset({"border", "front"}),)),
    )


def test_prep_alternatives_make_one_pattern_per_preposition(tmp_path):
    body = "---  HIT   [190]  ---\nHIT\n- * (BY/WITH SANCTIONS) [163]\n"
    patterns, _, problems = read(tmp_path, body)
    rule = f"v.verbs.txt:{line_of(body, 'SANCTIONS')}"
    assert sorted(p.slots[0].word for p in by_rule(patterns, rule, "hit")) == ["by", "with"]
    assert problems == []


def test_subject_words_source_marker_particles_and_passive_only_codes(tmp_path):
    body = (
        "---  SET   [---]  ---\nSET\n"
        "- &AUXVERB $ * OUT {NEW STRATEGY} [014]\n"
        "- * (BEFORE COURT) [:173]\n"
        "- * ^ THEIR + [---]\n"
    )
    patterns, _, problems = read(tmp_path, body)
    assert problems == []
    (first,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, 'STRATEGY')}", "set")
    assert first.particle == "out"
    strategy = (frozenset({"new"}), frozenset({"strategy"}))
    assert first.slots == (
        Slot(SlotKind.SUBJECT, words=(frozenset({"has"}),), is_source=True),
        Slot(SlotKind.OBJECT, words=strategy, sequences=(strategy,)),
    )
    (second,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, 'COURT')}", "set")
    assert (second.code, second.reverse_code) == ("---", "173")
    (third,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, 'THEIR')}", "set")
    # `^` before any object word names nothing; `+` after one names the next phrase.
    assert third.slots == (
        Slot(SlotKind.OBJECT, words=(frozenset({"their"}),)),
        Slot(SlotKind.FOLLOWING, is_target=True),
    )


def test_markers_after_words_or_a_closed_phrase_name_the_following_phrases(tmp_path):
    body = (
        "---  CELEBRATE   [051]  ---\nCELEBRATE\n"
        "- * IFTAR (IN ^) + [017]\n"
        "- * TABASKI ^ $ [017]\n"
        "- * + MISSION [050]\n"
        "- + * (FROM $) [080]\n"
    )
    patterns, _, problems = read(tmp_path, body)
    assert problems == []
    slots = {
        word: by_rule(patterns, f"v.verbs.txt:{line_of(body, word)}", "celebrate")[0].slots
        for word in ("IFTAR", "TABASKI", "MISSION", "FROM")
    }
    iftar, tabaski = frozenset({"iftar"}), frozenset({"tabaski"})
    assert slots["IFTAR"] == (
        Slot(SlotKind.OBJECT, words=(iftar,)),
        Slot(SlotKind.PREP, "in", is_skipped=True),
        Slot(SlotKind.FOLLOWING, is_target=True),
    )
    assert slots["TABASKI"] == (
        Slot(SlotKind.OBJECT, words=(tabaski,)),
        Slot(SlotKind.FOLLOWING, is_skipped=True),
        Slot(SlotKind.FOLLOWING, is_source=True),
    )
    assert slots["MISSION"] == (
        Slot(SlotKind.OBJECT, words=(frozenset({"mission"}),), is_target=True),
    )
    assert slots["FROM"] == (
        Slot(SlotKind.SUBJECT, is_target=True),
        Slot(SlotKind.PREP, "from", is_source=True),
    )


def test_synset_becomes_alternatives_with_plurals_and_multiword_members_become_variants(
    tmp_path,
):
    body = "---  USE   [---]  ---\nUSE\n- * &WEAPON [194]\n- * RESIST &FINAL [113]\n"
    patterns, _, problems = read(tmp_path, body)
    assert problems == []
    weapon = by_rule(patterns, f"v.verbs.txt:{line_of(body, '&WEAPON [')}", "use")
    assert [p.slots[0].words for p in weapon] == [
        # MACHINE_GUN is subsumed by GUN; KNIFE_ gets no plural; TEAR_GAS_ is its own variant
        (frozenset({"gun", "guns", "knife"}),),
        (frozenset({"tear"}), frozenset({"gas"})),
    ]
    (resist,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, 'RESIST')}", "use")
    assert resist.slots == (
        Slot(SlotKind.OBJECT, words=(frozenset({"resist"}),)),
        Slot(SlotKind.PREP, "to", (frozenset({"the"}), frozenset({"end"}))),
    )


def test_nested_synset_contributes_its_members(tmp_path):
    body = "---  USE   [---]  ---\nUSE\n- * &NESTED [194]\n"
    patterns, _, _ = read(tmp_path, body)
    (first, *_rest) = by_rule(patterns, f"v.verbs.txt:{line_of(body, '&NESTED [')}", "use")
    assert first.slots[0].words == (frozenset({"gun", "guns", "knife", "spear", "spears"}),)


def test_multi_word_verbs_map_to_particle_prepositions_and_object_words(tmp_path):
    body = (
        "---  MISC   [010]  ---\n"
        "+CARRY_OUT {+CARRIED_OUT +CARRIES_OUT +CARRYING_OUT}\n"
        "+ASK_FOR\n"
        "+WAGE_WAR [190]\n"
        "+TAKE_OVER\n"
        "WIRE_+TAP {WIRE_+TAPPED}\n"
        "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED}\n"
        "+KILLED_AND {}\n"
        "- * (WITH &WEAPON) [193]\n"
    )
    patterns, _, problems = read(tmp_path, body)
    defaults = {p.lemma: p for p in patterns if not p.rule_id.endswith(str(line_of(body, "- *")))}
    assert (defaults["carry"].particle, defaults["carry"].slots) == ("out", ())
    assert defaults["ask"].slots == (Slot(SlotKind.PREP, "for"),)
    assert (defaults["wage"].code, defaults["wage"].slots) == (
        "190",
        (Slot(SlotKind.OBJECT, words=(frozenset({"war"}),)),),
    )
    assert defaults["take"].particle == "over"
    assert "wiretap" in defaults
    assert defaults["be"].slots == (Slot(SlotKind.OBJECT, words=(frozenset({"determined"}),)),)
    assert "killed" in defaults
    ask_with = by_rule(patterns, f"v.verbs.txt:{line_of(body, '- *')}", "ask")[0]
    assert [slot.word for slot in ask_with.slots] == ["with", "for"]
    warnings = [p.message for p in problems if p.severity == Severity.WARNING]
    assert warnings == [
        "commas between irregular forms read as separators",
        "+KILLED_AND: coordinated verbs read as 'KILLED' alone "
        "(an inflected form, rarely a spaCy lemma)",
    ]


def test_compound_actor_mark_needs_listed_subjects_acting_on_each_other(tmp_path):
    body = "---  HOLD   [---]  ---\nHOLD\n- % * TALKS [031]\n- * TALKS [032:032]\n"
    patterns, _, problems = read(tmp_path, body)
    assert problems == []
    (among,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, '% *')}", "hold")
    (plain,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, '- * TALKS')}", "hold")
    assert among.among_subjects and not plain.among_subjects
    assert among.slots == plain.slots == (Slot(SlotKind.OBJECT, words=(frozenset({"talks"}),)),)
    # Needing a list of subjects, it is tried before the same words without.
    assert among.specificity > plain.specificity


def test_dirty_patterns_are_reported_with_their_line_and_skipped(tmp_path):
    body = (
        "---  MAKE   [---]  ---\nMAKE\n"
        "- * VENTURE (WITH VISIT)   VISIT)[042:043]\n"
        "- * &UNDEFINED [010]\n"
        "- * DIPLXMATIC [###]\n"
        "- * NO CODE HERE\n"
        "- * (TO {A B) [010]\n"
        "- SPY_*_DEAL [---]\n"
        "- * ATTACK ON + AS &WEAPON [018]\n"
        "* (TO QUESTION) [110]\n"
    )
    patterns, _, problems = read(tmp_path, body)
    errors = [p.line for p in problems if p.severity == Severity.ERROR]
    assert errors == [
        line_of(body, text) for text in ("VENTURE", "UNDEFINED", "DIPLX", "NO CODE")
    ] + [line_of(body, "{A B")]
    warned = sorted({p.line for p in problems if p.severity == Severity.WARNING})
    assert warned == sorted(
        line_of(body, text) for text in ("SPY_", "ATTACK ON", "* (TO QUESTION)")
    )
    (spy,) = by_rule(patterns, f"v.verbs.txt:{line_of(body, 'SPY_')}", "make")
    assert spy.slots == (
        Slot(SlotKind.SUBJECT, words=(frozenset({"spy"}),)),
        Slot(SlotKind.OBJECT, words=(frozenset({"deal"}),)),
    )
    attack = by_rule(patterns, f"v.verbs.txt:{line_of(body, 'ATTACK ON')}", "make")[0]
    assert [(s.kind, s.word, s.is_target) for s in attack.slots] == [
        (SlotKind.OBJECT, "", False),
        (SlotKind.PREP, "on", True),
        (SlotKind.PREP, "as", False),
    ]


def test_transformations_map_roles_and_codes(tmp_path):
    body = (
        "---  SAY   [010]  ---\nSAY\n---  ATTACK   [190]  ---\nATTACK\n"
        "######## TRANSFORMATIONS ##########\n"
        "~ a (a b ATTACK) SAY = a b 015\n"
        "~ a (b . ATTACK) SAY = a b 112\n"
        "~ a (a b Q) SAY = a b Q\n"
        "~ a (b c ATTACK) SAY = a z 010\n"
        "~ broken\n"
    )
    _, transformations, problems = read(tmp_path, body)
    first = line_of(body, "(a b ATTACK)")
    assert transformations == [
        Transformation(
            f"v.verbs.txt:{first}", "SAY", "ATTACK", "outer_source", "inner_target", "015"
        ),
        Transformation(
            f"v.verbs.txt:{first + 1}", "SAY", "ATTACK", "outer_source", "inner_source", "112"
        ),
        Transformation(
            f"v.verbs.txt:{first + 2}", "SAY", "*", "outer_source", "inner_target", "inner"
        ),
    ]
    assert [p.line for p in problems if p.severity == Severity.ERROR] == [first + 3, first + 4]


def test_braces_keep_their_words_as_a_sequence_with_synsets_expanded(tmp_path):
    body = "---  ABANDON   [1121]  ---\nABANDON\n- * {NEW &WEAPON DEALS} [1951]\n"
    patterns, _, problems = read(tmp_path, body)
    assert problems == []
    (first, *_variants) = by_rule(patterns, f"v.verbs.txt:{line_of(body, '{NEW')}", "abandon")
    words = (frozenset({"new"}), frozenset({"gun", "guns", "knife"}), frozenset({"deals"}))
    assert first.slots == (Slot(SlotKind.OBJECT, words=words, sequences=(words,)),)
