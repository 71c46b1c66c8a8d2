"""Reading the bundled dictionary formats and combining dictionary paths."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.bundled_format import (
    parse_actors,
    parse_agents,
    parse_code_table,
    parse_discards,
    parse_verbs,
)
from coding.dictionaries import BUNDLED, load_dictionaries, petrarch_kind
from coding.entries import DatedCode, DiscardScope, Severity, Slot, SlotKind
from coding.errors import DictionaryError
from coding.verb_syntax import PatternError, parse_pattern

CODES = (
    "code\tname\tgoldstein\tquad_class\tplover\n"
    "042\tMake a visit\t1.9\t1\tCONSULT\n"
    "190\tUse conventional military force\t-10.0\t4\tFIGHT\n"
    "193\tFight with small arms and light weapons\t-10.0\t4\tFIGHT\n"
)


def write(root: Path, files: dict[str, str]) -> Path:
    """A dictionary folder in the bundled layout, with its own small code table."""
    for name, text in {"cameo_codes.tsv": CODES, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def pattern(text: str):
    found, warnings = parse_pattern(text, "verbs/x.txt:1", "190")
    assert warnings == []
    return found


def obj(*words: set[str], target: bool = False) -> Slot:
    return Slot(SlotKind.OBJECT, "", tuple(frozenset(w) for w in words), is_target=target)


def test_verb_alone_has_no_slots():
    found = pattern("Attack")
    assert (found.lemma, found.particle, found.is_noun, found.slots) == ("attack", "", False, ())


def test_plus_after_verb_marks_direct_object_as_target():
    assert pattern("attack +").slots == (obj(target=True),)


def test_object_words_with_alternatives_and_target_after_them():
    assert pattern("attack city|town +").slots == (obj({"city", "town"}, target=True),)


def test_preposition_opens_slot_and_words_after_it_belong_to_it():
    found = pattern("attack + with artillery|mortar|shelling")
    assert found.slots == (
        obj(target=True),
        Slot(SlotKind.PREP, "with", (frozenset({"artillery", "mortar", "shelling"}),)),
    )


def test_each_word_after_preposition_is_a_separate_requirement():
    found = pattern("accuse + of war crime|crimes")
    assert found.slots[1].words == (frozenset({"war"}), frozenset({"crime", "crimes"}))


def test_plus_after_preposition_targets_that_preposition():
    found = pattern("pull_out of +")
    assert (found.lemma, found.particle) == ("pull", "out")
    assert found.slots == (Slot(SlotKind.PREP, "of", (), is_target=True),)


def test_xcomp_with_target_and_alternatives_kept_as_written():
    assert pattern("threaten @attack +").slots == (Slot(SlotKind.XCOMP, "attack", (), True),)
    assert pattern("threaten @Invade|attack").slots == (Slot(SlotKind.XCOMP, "invade|attack"),)


def test_phrasal_complement_verb_is_kept_as_written():
    assert pattern("urge + @hand_over|extradite suspect").slots == (
        obj(target=True), Slot(SlotKind.XCOMP, "hand_over|extradite", (frozenset({"suspect"}),)))


def test_event_noun_and_prefix_stem():
    found = pattern("n:talk with + peace*")
    assert found.is_noun and found.lemma == "talk"
    assert found.slots == (Slot(SlotKind.PREP, "with", (frozenset({"peace*"}),), True),)


def test_repeated_plus_on_the_same_slot_is_a_warning():
    found, warnings = parse_pattern("attack + city +", "verbs/x.txt:1", "190")
    assert found.slots == (obj({"city"}, target=True),)
    assert warnings == ["repeated '+' on the same slot ignored"]


def test_object_slot_absent_without_words_or_plus():
    assert [s.kind for s in pattern("attack @dog").slots] == [SlotKind.XCOMP]


@pytest.mark.parametrize(
    "text",
    ["+ attack", "attack + with gun +", "attack * (TO)", "attack|strike", "attack of|with +",
     "attack n:talk", "attack ci__ty", "urge @hand__over", "urge @_over"],
)
def test_unreadable_patterns_are_rejected(text):
    with pytest.raises(PatternError):
        parse_pattern(text, "verbs/x.txt:1", "190")


def test_verb_file_rule_ids_are_relative_path_and_line(tmp_path):
    text = "# fighting\n\n190  attack\n193  attack + with gun\n"
    root = write(tmp_path, {"verbs/19_fight.txt": text})
    verbs = load_dictionaries([root]).verbs
    assert [(v.rule_id, v.code) for v in verbs] == [
        ("verbs/19_fight.txt:3", "190"),
        ("verbs/19_fight.txt:4", "193"),
    ]


def test_explicit_non_event_code_is_kept(tmp_path):
    root = write(tmp_path, {"verbs/19.txt": "---  attack @dog   # not an event\n"})
    assert load_dictionaries([root]).verbs[0].code == "---"


def test_malformed_lines_are_reported_and_skipped_while_the_rest_loads(tmp_path):
    root = write(tmp_path, {
        "verbs/19.txt": "190  attack\n[193]  attack + with gun\n193  attack * (WITH)\n190\n",
        "actors/a.txt": "RUS  Russia\nRUS  @2020-13-01..  Moscow\nR2S  Rome\nUKR  Ukraine\n",
    })
    loaded = load_dictionaries([root])
    assert [v.rule_id for v in loaded.verbs] == ["verbs/19.txt:1"]
    assert [a.rule_id for a in loaded.actors] == ["actors/a.txt:1", "actors/a.txt:4"]
    errors = {(p.path, p.line) for p in loaded.problems if p.severity is Severity.ERROR}
    assert errors == {("verbs/19.txt", 2), ("verbs/19.txt", 3), ("verbs/19.txt", 4),
                      ("actors/a.txt", 2), ("actors/a.txt", 3)}
    assert "actors/a.txt:2: error: date range" in str(
        next(p for p in loaded.problems if p.line == 2 and p.path == "actors/a.txt"))


def test_repairs_are_warnings_and_the_entry_is_kept(tmp_path):
    root = write(tmp_path, {"actors/a.txt": "rusgov  the  Kremlin |  | Russian government\t\n"})
    loaded = load_dictionaries([root])
    assert loaded.actors[0].codes == (DatedCode("RUSGOV"),)
    assert loaded.actors[0].phrases == ("the Kremlin", "Russian government")
    assert {p.severity for p in loaded.problems} == {Severity.WARNING}
    assert len(loaded.problems) == 4  # trailing tab, lower-case code, extra spaces, empty phrase


def test_dated_actors_with_open_and_closed_ranges(tmp_path):
    root = write(tmp_path, {"actors/leaders.txt": (
        "UKRGOV  @2019-05-20..    Volodymyr Zelensky | Zelensky\n"
        "USAGOV  @2017-01-20..2021-01-20  Donald Trump\n"
        "USAGOV\t@..2009-01-20\tGeorge W. Bush\n"
        "USAELI                   Donald Trump\n"
    )})
    actors = load_dictionaries([root]).actors
    assert [a.codes[0] for a in actors] == [
        DatedCode("UKRGOV", date(2019, 5, 20), None),
        DatedCode("USAGOV", date(2017, 1, 20), date(2021, 1, 20)),
        DatedCode("USAGOV", None, date(2009, 1, 20)),
        DatedCode("USAELI"),
    ]
    assert actors[0].phrases == ("Volodymyr Zelensky", "Zelensky")
    assert actors[2].phrases == ("George W. Bush",)


def test_agents_and_discards(tmp_path):
    root = write(tmp_path, {
        "agents.txt": "GOV   government | foreign ministry\nMIL   troops\n",
        "discards.txt": "sentence  football match\nSTORY  box office | premiere\n",
    })
    loaded = load_dictionaries([root])
    assert [(a.rule_id, a.code, a.phrases) for a in loaded.agents] == [
        ("agents.txt:1", "GOV", ("government", "foreign ministry")),
        ("agents.txt:2", "MIL", ("troops",)),
    ]
    assert [(d.phrase, d.scope) for d in loaded.discards] == [
        ("football match", DiscardScope.SENTENCE),
        ("box office", DiscardScope.STORY),
        ("premiere", DiscardScope.STORY),
    ]


def test_code_table_rows(tmp_path):
    root = write(tmp_path, {})
    code = load_dictionaries([root]).codes["042"]
    assert (code.code, code.goldstein, code.quad_class, code.plover) == ("042", 1.9, 1, "CONSULT")


def test_code_table_row_without_goldstein_is_skipped_and_missing_quad_is_repaired(tmp_path):
    root = write(tmp_path, {"cameo_codes.tsv": CODES + "0431\tHost\t\t1\tCONSULT\n"
                            "0432\tVisit\t2.0\t\tCONSULT\n"})
    loaded = load_dictionaries([root])
    assert "0431" not in loaded.codes
    assert loaded.codes["0432"].quad_class == 1
    assert [(p.line, p.severity) for p in loaded.problems] == [
        (5, Severity.ERROR), (6, Severity.WARNING)]


def test_single_file_given_directly_keeps_layout_relative_rule_ids(tmp_path):
    root = write(tmp_path, {"verbs/19.txt": "190  attack\n", "actors/a.txt": "RUS  Russia\n"})
    loaded = load_dictionaries([root / "verbs" / "19.txt"])
    assert [v.rule_id for v in loaded.verbs] == ["verbs/19.txt:1"]
    assert loaded.actors == ()


def test_version_changes_when_a_file_changes(tmp_path):
    root = write(tmp_path, {"verbs/19.txt": "190  attack\n"})
    before = load_dictionaries([root]).version
    assert load_dictionaries([root]).version == before
    (root / "verbs" / "19.txt").write_text("193  attack\n", encoding="utf-8")
    after = load_dictionaries([root]).version
    assert len(after) == 12 and after != before


def test_later_paths_come_first_and_replace_verb_blocks(tmp_path):
    base = write(tmp_path / "base", {
        "verbs/19.txt": "190  attack\n193  attack + with gun\n042  visit +\n",
        "actors/a.txt": "RUS  Russia\nUKR  Ukraine\n",
        "agents.txt": "GOV  government\n",
    })
    user = write(tmp_path / "user", {
        "verbs/mine.txt": "193  attack + with rifle\n",
        "actors/a.txt": "RUSGOV  Russia\n",
    })
    loaded = load_dictionaries([base, user])
    assert [(v.lemma, v.rule_id) for v in loaded.verbs] == [
        ("attack", "verbs/mine.txt:1"), ("visit", "verbs/19.txt:3")]
    assert [a.codes[0].code for a in loaded.actors] == ["RUSGOV", "RUS", "UKR"]
    assert [a.code for a in loaded.agents] == ["GOV"]


def test_later_code_table_overrides_code_by_code(tmp_path):
    base = write(tmp_path / "base", {})
    user = write(tmp_path / "user", {"cameo_codes.tsv": "190\tMy force\t-9.0\t4\tFIGHT\n"})
    codes = load_dictionaries([base, user]).codes
    assert codes["190"].goldstein == -9.0 and codes["193"].goldstein == -10.0


def test_missing_path_raises_located_error(tmp_path):
    with pytest.raises(DictionaryError, match="no such file"):
        load_dictionaries([tmp_path / "nowhere"])


def test_file_of_unknown_kind_given_directly_raises(tmp_path):
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="cannot tell"):
        load_dictionaries([tmp_path / "notes.txt"])


def test_non_utf8_file_raises_with_line(tmp_path):
    root = write(tmp_path, {})
    (root / "agents.txt").write_bytes(b"GOV  government\nMIL  tr\xff\xfeops\n")
    with pytest.raises(DictionaryError) as error:
        load_dictionaries([root])
    assert error.value.line == 2 and error.value.path.endswith("agents.txt")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("CAMEO.2.0.txt", "verbs"), ("my.verbs.txt", "verbs"), ("Phoenix.Countries.actors.txt",
     "actors"), ("Phoenix.agents.txt", "agents"), ("Phoenix.discards.txt", "discards"),
     ("Phoenix.IssueCoding.txt", None), ("GigaWord.sample.PETR.xml", None)],
)
def test_petrarch_files_are_recognised_by_name(name, kind):
    assert petrarch_kind(name) == kind


def test_petrarch_folder_skips_files_it_does_not_read(tmp_path, caplog):
    root = tmp_path / "petr"
    root.mkdir()
    (root / "notes.xml").write_text("<x/>", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="coding.dictionaries"):
        loaded = load_dictionaries([root])
    assert loaded.verbs == () and "notes.xml" in caplog.text


PHOENIX = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "phoenix"


def test_bundled_plus_phoenix_folder_puts_phoenix_actors_first():
    pytest.importorskip("coding.importers.petrarch", reason="PETRARCH importer not written yet")
    if not PHOENIX.is_dir():
        pytest.skip(f"shared Phoenix dictionaries not found at {PHOENIX}")
    bundled = load_dictionaries()
    combined = load_dictionaries([BUNDLED, PHOENIX])
    assert len(combined.actors) > len(bundled.actors)
    assert combined.actors[-len(bundled.actors):] == bundled.actors
    assert combined.codes == bundled.codes and combined.version != bundled.version


def test_real_bundled_folder_loads_without_errors():
    if not (BUNDLED / "cameo_codes.tsv").is_file():
        pytest.skip(f"bundled code table not committed yet: {BUNDLED / 'cameo_codes.tsv'}")
    loaded = load_dictionaries()
    assert "190" in loaded.codes
    errors = [str(p) for p in loaded.problems if p.severity is Severity.ERROR]
    assert errors == []


def test_code_table_trailing_tabs_are_dropped_with_a_warning(tmp_path):
    root = write(tmp_path, {"cameo_codes.tsv": "190\tForce\t-10.0\t4\tFIGHT\t\t\n"})
    loaded = load_dictionaries([root])
    assert loaded.codes["190"].plover == "FIGHT"
    assert [(p.line, p.severity) for p in loaded.problems] == [(1, Severity.WARNING)]


README = BUNDLED / "README.md"


def readme_example(section: str) -> str:
    """The code block under a README heading: the format's own examples must stay readable."""
    text = README.read_text(encoding="utf-8").split(f"## {section}\n", 1)[1]
    block = text.split("```", 2)[1]
    # The first line of some blocks is the schematic ("CODE  PATTERN"), not an entry.
    return "\n".join("" if line.startswith(("CODE", "ROLE")) else line
                     for line in block.splitlines())


@pytest.mark.parametrize(
    ("section", "parser"),
    [("actors/*.txt", parse_actors), ("agents.txt", parse_agents), ("verbs/*.txt", parse_verbs),
     ("discards.txt", parse_discards)],
)
def test_readme_examples_parse_without_problems(section, parser):
    if not README.is_file():
        pytest.skip(f"dictionary README not found at {README}")
    entries, problems = parser(readme_example(section), "example.txt")
    assert problems == []
    assert len(entries) >= 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_parsers_report_problems_instead_of_raising_on_any_text(text):
    for parser in (parse_actors, parse_agents, parse_verbs, parse_discards, parse_code_table):
        entries, problems = parser(text, "fuzz.txt")
        assert all(p.path == "fuzz.txt" and p.line >= 1 for p in problems)
        assert isinstance(entries, list | dict)
