"""The bundled actor, agent and discard dictionaries: well formed, complete, and right on the
facts the coder relies on. Read with the real bundled-format parsers, no spaCy model."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest

from coding.bundled_format import parse_actors, parse_agents, parse_discards
from coding.entries import ActorEntry, AgentEntry, DiscardEntry, DiscardScope

DICTIONARIES = Path(__file__).resolve().parents[2] / "dictionaries"
ACTOR_FILES = sorted((DICTIONARIES / "actors").glob("*.txt"))


def _read_actors(path: Path) -> list[ActorEntry]:
    entries, problems = parse_actors(path.read_text(encoding="utf-8"), f"actors/{path.name}")
    assert not problems, "\n".join(map(str, problems))
    return entries


@pytest.fixture(scope="module")
def actors_by_file() -> dict[str, list[ActorEntry]]:
    return {path.name: _read_actors(path) for path in ACTOR_FILES}


@pytest.fixture(scope="module")
def all_actors(actors_by_file) -> list[ActorEntry]:
    # The loader reads actor files in name order; lookups below follow the same order.
    return [entry for name in sorted(actors_by_file) for entry in actors_by_file[name]]


@pytest.fixture(scope="module")
def agents() -> list[AgentEntry]:
    entries, problems = parse_agents(
        (DICTIONARIES / "agents.txt").read_text(encoding="utf-8"), "agents.txt"
    )
    assert not problems, "\n".join(map(str, problems))
    return entries


@pytest.fixture(scope="module")
def discards() -> list[DiscardEntry]:
    entries, problems = parse_discards(
        (DICTIONARIES / "discards.txt").read_text(encoding="utf-8"), "discards.txt"
    )
    assert not problems, "\n".join(map(str, problems))
    return entries


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def code_on(entries: list[ActorEntry], phrase: str, day: date) -> str | None:
    """The README rule: the first line listing the phrase whose date range contains the day."""
    for entry in entries:
        if _key(phrase) in {_key(p) for p in entry.phrases}:
            for dated in entry.codes:
                if dated.applies_on(day):
                    return dated.code
    return None


def _is_blocks(code: str) -> bool:
    return len(code) % 3 == 0 and code.isascii() and code.isalpha() and code.isupper()


def test_every_actor_file_parses_without_problems(actors_by_file):
    assert {"countries.txt", "institutions.txt", "igos.txt", "groups.txt", "leaders.txt"} <= set(
        actors_by_file
    )
    assert all(actors_by_file.values())


def test_every_pycountry_country_has_its_own_undated_line(actors_by_file):
    undated_codes = {
        dated.code
        for entry in actors_by_file["countries.txt"]
        for dated in entry.codes
        if dated.start is None and dated.end is None
    }
    missing = {c.alpha_3 for c in pycountry.countries} - undated_codes
    assert not missing


def test_actor_codes_are_three_letter_blocks(all_actors):
    bad = [(e.rule_id, d.code) for e in all_actors for d in e.codes if not _is_blocks(d.code)]
    assert not bad


def test_actor_date_ranges_start_before_they_end(all_actors):
    dated = [d for e in all_actors for d in e.codes if d.start or d.end]
    assert len(dated) > 100  # leaders.txt is mostly dated
    assert all(d.start <= d.end for d in dated if d.start and d.end)


def test_no_phrase_has_two_undated_codes_in_one_file(actors_by_file):
    conflicts = []
    for name, entries in actors_by_file.items():
        undated: dict[str, set[str]] = defaultdict(set)
        for entry in entries:
            for dated in entry.codes:
                if dated.start is None and dated.end is None:
                    for phrase in entry.phrases:
                        undated[_key(phrase)].add(dated.code)
        conflicts += [(name, p, sorted(c)) for p, c in undated.items() if len(c) > 1]
    assert not conflicts


def test_no_phrase_has_two_undated_codes_across_actor_files(all_actors):
    """Across files the first would silently win: a second undated code is always a mistake."""
    undated: dict[str, dict[str, str]] = defaultdict(dict)
    for entry in all_actors:
        for dated in entry.codes:
            if dated.start is None and dated.end is None:
                for phrase in entry.phrases:
                    undated[_key(phrase)].setdefault(dated.code, entry.rule_id)
    conflicts = {p: rules for p, rules in undated.items() if len(rules) > 1}
    assert not conflicts


def test_an_undated_fallback_line_comes_after_the_dated_lines_of_its_phrase(all_actors):
    """README: the undated line always applies, so one placed first would hide the dated ones."""
    fallback_seen: dict[str, str] = {}
    late = []
    for entry in all_actors:
        for dated in entry.codes:
            for phrase in map(_key, entry.phrases):
                if dated.start is None and dated.end is None:
                    fallback_seen.setdefault(phrase, entry.rule_id)
                elif phrase in fallback_seen:
                    late.append((phrase, fallback_seen[phrase], entry.rule_id))
    assert not late


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Volodymyr Zelensky", date(2019, 5, 20), "UKRGOV"),
        ("Zelensky", date(2022, 2, 24), "UKRGOV"),
        ("Zelenskyy", date(2025, 1, 1), "UKRGOV"),
        ("the Kremlin", date(2014, 3, 1), "RUSGOV"),
        ("Kremlin", date(2024, 1, 1), "RUSGOV"),
        ("Kyiv", date(2023, 1, 1), "UKR"),
        ("Kiev", date(2005, 1, 1), "UKR"),
        ("Moscow", date(2022, 1, 1), "RUS"),
        ("Russians", date(2022, 1, 1), "RUS"),
        ("Washington", date(2022, 1, 1), "USA"),
        ("U.S.", date(2022, 1, 1), "USA"),
        ("UK", date(2022, 1, 1), "GBR"),
        ("Britain", date(2022, 1, 1), "GBR"),
        ("Tehran", date(2022, 1, 1), "IRN"),
        ("Beijing", date(2022, 1, 1), "CHN"),
        ("the White House", date(2022, 1, 1), "USAGOV"),
        ("Downing Street", date(2022, 1, 1), "GBRGOV"),
        ("the Pentagon", date(2022, 1, 1), "USAMIL"),
        ("Knesset", date(2022, 1, 1), "ISRLEG"),
        ("Duma", date(2022, 1, 1), "RUSLEG"),
        ("IDF", date(2022, 1, 1), "ISRMIL"),
        ("People's Liberation Army", date(2022, 1, 1), "CHNMIL"),
        ("Mossad", date(2022, 1, 1), "ISRSPY"),
        ("FSB", date(2022, 1, 1), "RUSSPY"),
        ("CIA", date(2022, 1, 1), "USASPY"),
        ("United Nations", date(2022, 1, 1), "IGOUNO"),
        ("NATO", date(2022, 1, 1), "IGOWSTNAT"),
        ("European Union", date(2022, 1, 1), "IGOEUREEC"),
        ("African Union", date(2022, 1, 1), "IGOAFRAFU"),
        ("Hamas", date(2023, 10, 7), "PSEREB"),
        ("Hezbollah", date(2024, 9, 1), "LBNREB"),
        ("Houthis", date(2024, 1, 1), "YEMREB"),
        ("al-Shabaab", date(2020, 1, 1), "SOMREB"),
        ("Boko Haram", date(2015, 1, 1), "NGAREB"),
        ("M23", date(2025, 1, 1), "CODREB"),
        ("Taliban", date(2021, 8, 14), "AFGREB"),
        ("Taliban", date(2021, 8, 15), "AFGGOV"),
        ("Rapid Support Forces", date(2023, 4, 15), "SDNREB"),
        ("Latin America", date(2022, 1, 1), "LAM"),
        ("Donald Trump", date(2018, 6, 1), "USAGOV"),
        ("Donald Trump", date(2023, 6, 1), "USAELI"),
        ("Trump", date(2025, 6, 1), "USAGOV"),
        ("Barack Obama", date(2010, 1, 1), "USAGOV"),
        ("Vladimir Putin", date(2010, 1, 1), "RUSGOV"),
        ("Putin", date(2022, 1, 1), "RUSGOV"),
        ("Benjamin Netanyahu", date(2023, 10, 8), "ISRGOV"),
        ("Netanyahu", date(2021, 12, 1), "ISROPP"),
        ("Barack Obama", date(2020, 1, 1), "USAELI"),
        ("Bashar al-Assad", date(2025, 3, 1), "SYRELI"),
        ("Ahmed al-Sharaa", date(2020, 1, 1), "SYRREB"),
        ("Ahmed al-Sharaa", date(2025, 3, 1), "SYRGOV"),
        ("Xi Jinping", date(2020, 1, 1), "CHNGOV"),
        ("Sergei Lavrov", date(2015, 1, 1), "RUSGOV"),
    ],
)
def test_actor_phrase_codes_on_date(all_actors, phrase, day, code):
    assert code_on(all_actors, phrase, day) == code


def test_zelensky_is_not_government_before_his_inauguration(all_actors):
    assert code_on(all_actors, "Zelensky", date(2019, 5, 19)) != "UKRGOV"


def test_agent_roles_are_blocks_and_each_phrase_has_one_role(agents):
    assert all(_is_blocks(a.code) for a in agents)
    roles: dict[str, set[str]] = defaultdict(set)
    for agent in agents:
        for phrase in agent.phrases:
            roles[_key(phrase)].add(agent.code)
    assert not {p: r for p, r in roles.items() if len(r) > 1}
    expected = {
        "troops": "MIL", "soldiers": "MIL", "foreign ministry": "GOV", "ministers": "GOV",
        "spokeswoman": "GOV", "rebels": "REB", "opposition": "OPP", "party": "PTY",
        "policemen": "COP", "prosecutors": "JUD", "spies": "SPY", "journalists": "MED",
        "students": "EDU", "companies": "BUS", "gangs": "CRM", "villagers": "CVL",
        "protesters": "CVL", "lawmakers": "LEG", "refugees": "REF", "workers": "LAB",
        "health workers": "HLH", "human rights activists": "HRI",
    }
    assert {p: next(iter(roles[p])) for p in expected} == expected


def test_discards_have_both_scopes(discards):
    scopes = {d.scope for d in discards}
    assert scopes == {DiscardScope.SENTENCE, DiscardScope.STORY}
    assert "scored a goal" in {_key(d.phrase) for d in discards}


def test_no_discard_phrase_sits_inside_an_actor_or_agent_phrase(all_actors, agents, discards):
    """A discard inside a name ("league" in "Arab League") would drop real political news."""
    names = {_key(p) for e in all_actors for p in e.phrases}
    names |= {_key(p) for a in agents for p in a.phrases}
    clashes = {
        (d.phrase, name)
        for d in discards
        for name in names
        if f" {_key(d.phrase)} " in f" {name} "
    }
    assert not clashes
