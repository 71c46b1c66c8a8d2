"""PETRARCH actor, agent and discard readers on small crafted files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coding.entries import DatedCode, DiscardScope, Severity
from coding.importers.petrarch import read_actors, read_agents, read_discards


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(problems, severity: Severity) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems if p.severity == severity]


def test_actor_block_with_synonyms_and_dated_codes_puts_the_undated_default_last(tmp_path):
    path = write(
        tmp_path,
        "a.actors.txt",
        "# header comment\n"
        "SAM_GAMGEE_ [HOB]  # default\n"
        "+SAMWISE\n"
        "\t[HOBCIV <20080120]\n"
        "\t[HOBMIL 080120-121109]\n"
        "\t[HOBELI >130119]\n",
    )
    entries, problems = read_actors(path)
    assert problems == []
    (entry,) = entries
    assert entry.rule_id == "a.actors.txt:2"
    assert entry.phrases == ("sam gamgee", "samwise")
    assert entry.codes == (
        DatedCode("HOBCIV", None, date(2008, 1, 20)),
        DatedCode("HOBMIL", date(2008, 1, 20), date(2012, 11, 9)),
        DatedCode("HOBELI", date(2013, 1, 19), None),
        DatedCode("HOB"),
    )


def test_actor_two_digit_year_rule_and_several_codes_on_one_line(tmp_path):
    path = write(tmp_path, "b.txt", "ANNAN_\t[GHA 380408-961231] [IGOUNO]\t[---]\n")
    (entry,), problems = read_actors(path)
    assert entry.codes[0] == DatedCode("GHA", date(1938, 4, 8), date(1996, 12, 31))
    assert [code.code for code in entry.codes] == ["GHA", "IGOUNO", "---"]
    assert messages(problems, Severity.WARNING) == [
        (1, "2 undated codes; only the first (IGOUNO) can apply")
    ]


def test_actor_dirty_dates_are_repaired_or_reported_with_their_line(tmp_path):
    path = write(
        tmp_path,
        "c.txt",
        "ARMENIA_\n"
        "\t[USRARM <900823]\n"
        "\t[ARMUNR 9008223-911221]\n"  # 7 digits: 900822 or 900823?
        "\t[IRQOCC 1920030320-20060520]\n"  # stray "19"
        "\t[arm > 911221]\n"  # lower case, blank after '>'
        "\t[USAGOV 19820101]\n"  # bare date: start or single day?
        "\t[EGYGOV 20121207-20120802]\n",  # ends before it starts
    )
    (entry,), problems = read_actors(path)
    assert [code.code for code in entry.codes] == ["USRARM", "IRQOCC", "ARM"]
    assert entry.codes[1].start == date(2003, 3, 20)
    assert entry.codes[2] == DatedCode("ARM", date(1991, 12, 21), None)
    assert [line for line, _ in messages(problems, Severity.ERROR)] == [3, 6, 7]
    assert [line for line, _ in messages(problems, Severity.WARNING)] == [4, 5, 5]


def test_actor_uncoded_primary_lines_join_the_next_block_as_synonyms(tmp_path):
    path = write(
        tmp_path,
        "d.txt",
        "IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\nJOSIPOVIC_\n\t[HRVGOV >20120219]\nCROATIA [HRV]\n",
    )
    entries, problems = read_actors(path)
    assert [entry.phrases for entry in entries] == [
        ("ivo josipovic", "president josipovic", "josipovic"),
        ("croatia",),
    ]
    assert entries[0].rule_id == "d.txt:1"
    assert [line for line, _ in messages(problems, Severity.WARNING)] == [2, 3]


def test_actor_without_any_code_is_read_as_null_code_and_xml_comments_are_skipped(tmp_path):
    path = write(
        tmp_path,
        "e.txt",
        "<!-- a comment\n[XXX] inside the comment\n-->\n<! -- odd comment -->\n"
        "POLITBURO\n+SOVIET_POLITBURO\nGONDOR [GON] <!-- inline --> \n",
    )
    entries, problems = read_actors(path)
    assert [(entry.phrases, entry.codes) for entry in entries] == [
        (("politburo", "soviet politburo"), (DatedCode("---"),)),
        (("gondor",), (DatedCode("GON"),)),
    ]
    assert messages(problems, Severity.WARNING) == [
        (5, "actor has no code: read as '---' (recognized, not coded)")
    ]


def test_actor_compound_and_special_codes_are_kept_verbatim(tmp_path):
    path = write(tmp_path, "f.txt", "THE_SHIRE [FRO/BIL/SAM]\nNASGUL [+++]\nBOROMIR [---]\n")
    entries, problems = read_actors(path)
    assert [entry.codes[0].code for entry in entries] == ["FRO/BIL/SAM", "+++", "---"]
    assert problems == []


def test_actor_orphan_lines_and_bad_codes_are_errors_not_exceptions(tmp_path):
    path = write(
        tmp_path,
        "g.txt",
        "\t[ABC]\n+ORPHAN\nSource: MNC.MLH.actors\nX_CORP\t[MNC!]\t$1,000\nY [YYY]\n",
    )
    entries, problems = read_actors(path)
    assert [entry.phrases for entry in entries] == [("x corp",), ("y",)]
    assert [line for line, _ in messages(problems, Severity.ERROR)] == [1, 2, 3, 4]
    assert (4, "text '$1,000' after the codes ignored") in messages(problems, Severity.WARNING)


def test_agents_plurals_substitution_sets_and_code_directions(tmp_path):
    path = write(
        tmp_path,
        "p.agents.txt",
        "!PERSON! = MAN, MEN, WOMAN\n"
        "AMBASSADOR [~GOV] # comment\n"
        "POLICE {} [ ~COP]\n"
        "THIEF {THIEVES} [~CRM]\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "SECRETARY [~GOV]\n"
        "HUMAN_RIGHTS_BODY [NGO~]\n"
        "SNEAK_THIEF [~CRM}\n"
        "NO_CODE_HERE\n"
        "!MISSING!_OF_WALKS [~GOV]\n",
    )
    entries, problems = read_agents(path)
    table = {entry.rule_id: (entry.phrases, entry.code) for entry in entries}
    assert table == {
        "p.agents.txt:2": (("ambassador", "ambassadors"), "GOV"),
        "p.agents.txt:3": (("police",), "COP"),
        "p.agents.txt:4": (("thief", "thieves"), "CRM"),
        "p.agents.txt:5": (("congressman", "congressmen", "congresswoman"), "LEG"),
        "p.agents.txt:6": (("secretary", "secretaries"), "GOV"),
        "p.agents.txt:7": (("human rights body", "human rights bodies"), "NGO"),
        "p.agents.txt:8": (("sneak thief", "sneak thiefs"), "CRM"),
    }
    assert [line for line, _ in messages(problems, Severity.ERROR)] == [9, 10]
    assert [line for line, _ in messages(problems, Severity.WARNING)] == [3, 8]
    assert [entry.prefix for entry in entries] == [False] * 5 + [True, False]


def test_discards_scopes_stems_and_exact_words(tmp_path):
    path = write(
        tmp_path,
        "d.discards.txt",
        "# Story-level discards start with '+'\n"
        "BASEBALL   # a stem\n"
        "+ACADEMY AWARD\n"
        "ASIAN CUP_ ;legacy comment\n",
    )
    entries, problems = read_discards(path)
    assert [(entry.rule_id, entry.phrase, entry.scope) for entry in entries] == [
        ("d.discards.txt:2", "baseball*", DiscardScope.SENTENCE),
        ("d.discards.txt:3", "academy award*", DiscardScope.STORY),
        ("d.discards.txt:4", "asian cup", DiscardScope.SENTENCE),
    ]
    assert problems == []
