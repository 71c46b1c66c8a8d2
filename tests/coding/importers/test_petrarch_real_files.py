"""The PETRARCH importers over the real shared files (Phoenix dictionaries, validation suite).

The files are read in place from ../shared/data and never copied; the tests skip when absent.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from coding.entries import DatedCode, DiscardScope, Severity, Slot, SlotKind
from coding.importers.petrarch import (
    read_actors,
    read_agents,
    read_discards,
    read_ontology,
    read_verbs,
)

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
PHOENIX = DATA / "phoenix"
VALIDATION = DATA / "validation"

pytestmark = pytest.mark.skipif(
    not PHOENIX.is_dir() or not VALIDATION.is_dir(),
    reason=f"shared PETRARCH/Phoenix data not found at {DATA}",
)


def errors(problems) -> dict[int, str]:
    return {p.line: p.message for p in problems if p.severity == Severity.ERROR}


def test_cameo_verbs_load_with_thousands_of_patterns_and_few_errors():
    patterns, transformations, problems = read_verbs(PHOENIX / "CAMEO.2.0.txt")
    assert len({p.rule_id for p in patterns}) > 6000
    assert len(patterns) > 20000
    assert len({p.lemma for p in patterns}) > 1500
    assert len(transformations) == 8
    # Five lines of the file are genuinely unreadable: two unbalanced ')', one "[080!]",
    # two synsets (&WEATHER, &DEMONSTRATION) that are never defined.
    assert sorted(errors(problems)) == [2374, 5787, 7606, 8443, 8444]


def test_cameo_verbs_known_entries_decode():
    patterns, transformations, _ = read_verbs(PHOENIX / "CAMEO.2.0.txt")
    (sanctions,) = [p for p in patterns if p.rule_id == "CAMEO.2.0.txt:736"]
    assert (sanctions.lemma, sanctions.code) == ("add", "163")
    assert sanctions.slots == (Slot(SlotKind.OBJECT, words=(frozenset({"sanctions"}),)),)
    say = [p for p in patterns if p.lemma == "say" and not p.slots and not p.particle]
    assert {p.code for p in say} == {"010"}
    crack_down = [p for p in patterns if p.lemma == "crack" and p.particle == "down"]
    assert crack_down
    assert transformations[0].outer_family == "SAY"
    assert transformations[0].result_code == "015"


def test_phoenix_actor_files_load_with_tens_of_thousands_of_phrases():
    entries, problems = read_actors(PHOENIX / "Phoenix.Countries.actors.txt")
    assert len(entries) > 15000
    assert sum(len(entry.phrases) for entry in entries) > 20000
    # Each error is a date that cannot be read without guessing, e.g. 9008223 (7 digits).
    assert sorted(errors(problems)) == [2039, 14190, 18010, 31715, 51384]
    total = len(entries)
    for name in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        more, _ = read_actors(PHOENIX / name)
        total += len(more)
    assert total > 25000


def test_phoenix_actor_with_date_restrictions_decodes():
    entries, _ = read_actors(PHOENIX / "Phoenix.Countries.actors.txt")
    (zahir,) = [entry for entry in entries if entry.phrases[0] == "mohammad zahir shah"]
    assert zahir.rule_id == "Phoenix.Countries.actors.txt:105"
    assert zahir.codes == (
        DatedCode("AFGELI", date(1932, 1, 1), date(1933, 11, 8)),
        DatedCode("AFGGOV", date(1933, 11, 8), date(1973, 7, 17)),
        DatedCode("AFGELI", date(1973, 7, 17), date(2007, 7, 23)),
    )
    (afghanistan,) = [entry for entry in entries if entry.phrases[0] == "afghanistan"]
    assert "kabul" in afghanistan.phrases
    assert afghanistan.codes == (DatedCode("AFG"),)


def test_phoenix_agents_and_discards_load():
    agents, agent_problems = read_agents(PHOENIX / "Phoenix.agents.txt")
    assert len(agents) > 2000
    by_rule = {agent.rule_id: agent for agent in agents}
    farmer = by_rule["Phoenix.agents.txt:59"]
    assert (farmer.phrases, farmer.code) == (("agriculturalist", "agriculturalists"), "AGR")
    assert list(errors(agent_problems).values()) == ["agent has no [code]: skipped"]
    discards, discard_problems = read_discards(PHOENIX / "Phoenix.discards.txt")
    assert len(discards) > 400 and discard_problems == []
    assert Counter(d.scope for d in discards)[DiscardScope.STORY] > 40
    assert any(d.phrase == "baseball*" for d in discards)


def test_validation_suite_actors_agents_and_discards_load_without_errors():
    actors, actor_problems = read_actors(VALIDATION / "PETR_Validate_actors_2_02.txt")
    agents, agent_problems = read_agents(VALIDATION / "PETR_Validate_agents_2_02.txt")
    discards, discard_problems = read_discards(VALIDATION / "PETR_Validate_discards_2_02.txt")
    assert errors(actor_problems) == errors(agent_problems) == errors(discard_problems) == {}
    assert len(actors) > 100 and len(agents) > 80 and len(discards) == 9
    by_phrase = {entry.phrases[0]: entry for entry in actors}
    assert by_phrase["lorien"].codes == (DatedCode("ELR/GAL"),)
    sam = by_phrase["sam gamgee"]
    assert [code.code for code in sam.codes] == ["HOBCIV", "ORCHOB", "HOBMIL", "HOBGOV"] + [
        "HOBELI",
        "HOB",
    ]
    congress = [agent for agent in agents if "congressman" in agent.phrases]
    assert congress and congress[0].code == "LEG"


def test_validation_suite_verbs_load_with_each_error_explained():
    patterns, transformations, problems = read_verbs(VALIDATION / "PETR_Validate_verbs_2_02.txt")
    assert len(patterns) > 1000 and transformations == []
    # The suite's verb file deliberately holds bad codes and uses synsets it never defines.
    expected = {
        315: "[075A] is not a CAMEO event code",
        390: "synset &DEFENSE is not defined",
        400: "synset &PKO is not defined",
        402: "synset &PKO is not defined",
        425: "synset &REFUGEE is not defined",
        808: "synset &SECURITY is not defined",
        877: "[+++] is not a CAMEO event code",
        880: "pattern has no [code] at its end",  # "[###]": '#' starts a comment
        881: "[xxy] is not a CAMEO event code",
        937: "[102b] is not a CAMEO event code",
    }
    assert {line: message.split(":")[0] for line, message in errors(problems).items()} == expected


def test_validation_suite_ontology_gives_the_negations_petrarch_2_codes():
    ontology = VALIDATION / "PETR_Validate_Internal_Coding_Ontology_1_01.txt"
    negations, problems = read_ontology(ontology)
    negated = {n.code: n.negated_code for n in negations}
    # "did not criticize" is cooperation, "did not say" declines comment, "did not help"
    # rejects the help; an attack has no negation, so "did not attack" stays uncoded.
    assert (negated["110"], negated["010"], negated["060"]) == ("050", "011", "121")
    assert "190" not in negated
    assert errors(problems) == {}
