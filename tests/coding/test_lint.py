"""The dictionary linter finds each kind of problem, located by file and line."""

from __future__ import annotations

from pathlib import Path

from coding.bundled_format import parse_code_table
from coding.dictionaries import load_dictionaries
from coding.entries import Severity, Slot, SlotKind, Transformation, VerbPattern
from coding.lint import lint, lint_transformations, lint_verbs

CODES = (
    "code\tname\tgoldstein\tquad_class\tplover\n"
    "190\tUse conventional military force\t-10.0\t4\tFIGHT\n"
    "193\tFight with small arms and light weapons\t-10.0\t4\tFIGHT\n"
    "0874\tRetreat or surrender militarily\t10.0\t2\t\n"
)


def lint_folder(root: Path, files: dict[str, str]) -> list[tuple[str, int, Severity, str]]:
    """Lint a crafted bundled-layout folder; only its own problems (not the bundled table's)."""
    for name, text in {"cameo_codes.tsv": CODES, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    problems = lint(load_dictionaries([root]))
    return [(p.path, p.line, p.severity, p.message) for p in problems
            if p.path in files or p.path == "cameo_codes.tsv" and "cameo_codes.tsv" in files]


def located(problems, path: str, line: int) -> list[str]:
    return [f"{severity}: {message}" for p, n, severity, message in problems if (p, n) == (
        path, line)]


def test_duplicate_and_conflicting_actor_lines(tmp_path):
    problems = lint_folder(tmp_path, {"actors/a.txt": (
        "RUS     Russia | Moscow\n"
        "RUS     moscow\n"            # duplicate of line 1
        "GEO     Georgia\n"
        "USA     Georgia\n"           # conflicting: never applies
    )})
    assert located(problems, "actors/a.txt", 2) == [
        "warning: duplicate entry: 'moscow' at actors/a.txt:1 has the same code and dates"]
    assert located(problems, "actors/a.txt", 4)[0].startswith("error: conflicting codes")
    assert [line for _, line, _, _ in problems] == [2, 4]


def test_dated_actor_lines_shadowed_overlapping_and_fallback(tmp_path):
    problems = lint_folder(tmp_path, {"actors/leaders.txt": (
        "USAGOV  @2017-01-20..2021-01-20  Donald Trump\n"
        "USAGOV  @2025-01-20..            Donald Trump\n"
        "USAELI                           Donald Trump\n"   # fallback: fine
        "RUSGOV                           Vladimir Putin\n"
        "RUSGOV  @2012-05-07..            Vladimir Putin\n"  # never applies: line 4 covers it
        "UKRGOV  @2014-06-07..2019-05-20  Petro Poroshenko\n"
        "UKRELI  @2019-01-01..            Petro Poroshenko\n"  # partial overlap, other code
    )})
    assert [(line, severity) for _, line, severity, _ in problems] == [
        (5, Severity.WARNING), (7, Severity.WARNING)]
    assert "never applies" in located(problems, "actors/leaders.txt", 5)[0]
    assert "conflicting codes on overlapping dates" in located(problems, "actors/leaders.txt", 7)[0]


def test_actor_codes_must_be_three_letter_blocks(tmp_path):
    problems = lint_folder(tmp_path, {
        "actors/a.txt": "RUSS  Russland\nRUSGOV  Kremlin\n",
        "agents.txt": "GO   government\n",
    })
    assert located(problems, "actors/a.txt", 1) == [
        "error: actor code 'RUSS' is not made of 3-letter blocks"]
    assert located(problems, "agents.txt", 1) == [
        "error: role code 'GO' is not made of 3-letter blocks"]
    assert located(problems, "actors/a.txt", 2) == []


def test_duplicate_and_conflicting_agents(tmp_path):
    problems = lint_folder(tmp_path, {"agents.txt": (
        "GOV  government | minister\nGOV  Minister\nMIL  government\n")})
    assert [(line, severity) for _, line, severity, _ in problems] == [
        (2, Severity.WARNING), (3, Severity.ERROR)]


def test_unknown_event_codes_but_not_the_non_event_code(tmp_path):
    problems = lint_folder(tmp_path, {"verbs/19.txt": (
        "190  attack\n"
        "999  attack + with spoon\n"
        "---  attack @dog\n")})
    assert problems == [("verbs/19.txt", 2, Severity.ERROR,
                         "event code 999 is not in the code table")]


def test_duplicate_and_conflicting_verb_patterns(tmp_path):
    problems = lint_folder(tmp_path, {"verbs/19.txt": (
        "193  attack + with gun|rifle\n"
        "193  attack +  with rifle|gun\n"   # same pattern, alternatives in another order
        "190  attack + with gun|rifle\n"    # same pattern, other code: never fires
        "190  attack + with tank\n")})
    assert located(problems, "verbs/19.txt", 2) == [
        "warning: duplicate pattern: same as verbs/19.txt:1"]
    assert located(problems, "verbs/19.txt", 3) == [
        "error: conflicting codes: the same pattern is 193 at verbs/19.txt:1, "
        "so this 190 never fires"]
    assert located(problems, "verbs/19.txt", 4) == []


def test_patterns_differing_in_the_order_of_following_slots_are_no_duplicates():
    skip, source = Slot(SlotKind.FOLLOWING, is_skipped=True), Slot(SlotKind.FOLLOWING,
                                                                     is_source=True)
    patterns = (
        VerbPattern("v:1", "190", "attack", slots=(skip, source)),
        VerbPattern("v:2", "193", "attack", slots=(source, skip)),
        VerbPattern("v:3", "193", "attack", slots=(skip, source)),
    )
    codes = parse_code_table(CODES, "cameo_codes.tsv")[0]
    # only v:3 repeats v:1 (with another code); v:2 lands its slots the other way round
    assert [(p.line, p.severity) for p in lint_verbs(patterns, codes)] == [(3, Severity.ERROR)]


def test_code_table_rows_missing_values_are_reported(tmp_path):
    problems = lint_folder(tmp_path, {"cameo_codes.tsv": CODES + "191\tImpose blockade\t\t4\tX\n"})
    assert located(problems, "cameo_codes.tsv", 4) == ["warning: 0874: missing PLOVER category"]
    assert located(problems, "cameo_codes.tsv", 5) == ["error: 191: missing Goldstein score"]


def test_loader_problems_are_included_and_everything_is_sorted(tmp_path):
    problems = lint_folder(tmp_path, {
        "verbs/19.txt": "190  attack\n193  attack * (WITH)\n999  shoot\n",
        "actors/a.txt": "RUS  @2020..  Moscow\nRUS  Moscow\nRUS  Moscow\n",
    })
    assert [(path, line) for path, line, _, _ in problems] == [
        ("actors/a.txt", 1), ("actors/a.txt", 3), ("verbs/19.txt", 2), ("verbs/19.txt", 3)]


def test_duplicate_discards(tmp_path):
    problems = lint_folder(tmp_path, {"discards.txt": (
        "sentence  football match\nsentence  Football  Match\nstory  football match\n")})
    assert [(line, severity) for _, line, severity, _ in problems] == [
        (2, Severity.WARNING), (2, Severity.WARNING)]  # the extra space, then the duplicate


def test_transformation_result_codes_must_be_known():
    rules = [Transformation("t.txt:3", "SAY", "19", "outer_source", "inner_target", "999"),
             Transformation("t.txt:4", "SAY", "19", "outer_source", "inner_target", "inner")]
    problems = list(lint_transformations(rules, {}))
    assert [(p.path, p.line) for p in problems] == [("t.txt", 3)]


def test_successive_terms_sharing_a_boundary_day_are_not_overlaps(tmp_path):
    problems = lint_folder(tmp_path, {"actors/leaders.txt": (
        "AFGELI  @1932-01-01..1933-11-08  Zahir Shah\n"
        "AFGGOV  @1933-11-08..1973-07-17  Zahir Shah\n"
        "AFGGOV  @1950-01-01..1950-01-01  Zahir Shah\n"   # one day inside line 2: never applies
    )})
    assert [(line, message.split(":")[0]) for _, line, _, message in problems] == [
        (3, "never applies")]


def test_a_word_both_required_and_offered_as_an_alternative_is_reported(tmp_path):
    problems = lint_folder(tmp_path, {"verbs/19.txt": (
        "190  launch attack|operation|military operation against +\n"  # operation required
        "190  use chemical weapon|chemical|gas\n"                  # 'chemical' twice
        "190  launch attack|raid|operation against +\n")})
    message = ("is both required and one of the alternatives: words are all required, so a "
               "multi-word alternative (like 'military operation') needs a line of its own")
    assert located(problems, "verbs/19.txt", 1) == [f"warning: 'operation' {message}"]
    assert located(problems, "verbs/19.txt", 2) == [f"warning: 'chemical' {message}"]
    assert located(problems, "verbs/19.txt", 3) == []


def test_alternatives_whose_last_word_and_the_next_make_a_role_phrase_are_reported(tmp_path):
    problems = lint_folder(tmp_path, {
        "agents.txt": "MIL  army | air force | national guards\n",
        "verbs/19.txt": (
            "190  attack army|air force of +\n"       # needs "force" in every match
            "190  deploy troop|national guard to +\n"  # the plural phrase counts too
            "190  attack army|air base of +\n"),       # "air base" is no role phrase
    })
    assert located(problems, "verbs/19.txt", 1) == [
        "warning: 'air force' is a role phrase, but '...|air force' reads as (... or air) and "
        "force: give 'air force' a line of its own"
    ]
    assert len(located(problems, "verbs/19.txt", 2)) == 1
    assert located(problems, "verbs/19.txt", 3) == []


def test_a_later_pattern_whose_words_an_earlier_one_of_another_code_takes_is_reported(tmp_path):
    problems = lint_folder(tmp_path, {"verbs/19.txt": (
        "190  attack + with artillery|gun\n"
        "193  attack + with rifle|gun\n"       # 'gun' goes to line 1: never 193
        "193  attack + with rifle|pistol\n"    # no word in common with line 1
        "190  attack + with pistol\n")})       # same code as line 3
    assert located(problems, "verbs/19.txt", 2) == [
        "warning: shadowed by verbs/19.txt:1: where both match (e.g. gun), its 190 comes first "
        "and wins over this 193; take the shared words out of one of them"]
    assert located(problems, "verbs/19.txt", 3) == []
    assert [line for _, line, _, message in problems if "shadowed" in message] == [2, 4]
